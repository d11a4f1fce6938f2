# The numbers of docs/changes.md's comparison with bcgov/ranktrends, and of
# tests/test_status_index.py::test_the_shared_input_gives_ranktrends_numbers.
#
# Needs R with dplyr, tidyr, purrr and rlang, and ranktrends installed from a
# snapshot of https://github.com/bcgov/ranktrends (R CMD INSTALL <snapshot>);
# the snapshot is not part of srank. Run: Rscript tools/ranktrends_comparison.R
# Read with ranktrends at commit eeaae49 (its last), R 4.2.2, dplyr 1.0.10.
suppressMessages({library(ranktrends); library(dplyr)})
codes <- c("S1","S1S2","S2","S2S3","S2?","S3","S3S4","S3?","S4","S4S5","S5","S5?","SH","SX","S1S3","S2S4","S3S5","S1?","S4?","SNR","SU","SNA","S3B,S4N","S2N,S4B")
for (f in list(min=min, median=stats::median, max=max)) {
  v <- suppressWarnings(ranks_to_numeric(codes, simplify = TRUE, round_fun = f))
  v <- v[!is.na(v)]
  cat(sprintf("%.15f n=%d\n", rli(5 - v), length(v)))
}
vN <- suppressWarnings(ranks_to_numeric(codes, simplify = TRUE, keep = "N")); vN <- vN[!is.na(vN)]
cat(sprintf("keep N: %.15f n=%d\n", rli(5 - vN), length(vN)))
# G and N codes: numeric(0), dropped by unlist
g <- suppressWarnings(ranks_to_numeric(c("G3", "S2", "N4"), simplify = TRUE)); cat("G/N:", deparse(g), "\n")
# sampled_index on list weights (5 - each set), the way its TODO describes
lst <- suppressWarnings(ranks_to_numeric(codes)); keep <- !sapply(lst, function(x) any(is.na(x)))
d <- tibble(group = "all", year = 2020, wts = lapply(lst[keep], function(x) 5 - x))
set.seed(0); s <- sampled_index(d, "group", "wts", "year", nreps = 1000)
cat(sprintf("sampled_index (list weights): mean %.4f lci %.4f uci %.4f min %.4f max %.4f\n", s$mean_wt, s$lci, s$uci, s$min_wt, s$max_wt))
# sampled_index on single weights, as its scratch script (round_fun = min)
v <- suppressWarnings(ranks_to_numeric(codes, simplify = TRUE, round_fun = min)); v <- v[!is.na(v)]
d1 <- tibble(group = "all", year = 2020, wts = 5 - v)
set.seed(0); s1 <- sampled_index(d1, "group", "wts", "year", nreps = 1000)
cat(sprintf("sampled_index (single weights): mean %.4f lci %.4f uci %.4f\n", s1$mean_wt, s1$lci, s1$uci))
# certain ranks only: an interval appears all the same (sample(n, 1) draws from 1..n)
d2 <- tibble(group = "all", year = 2020, wts = 5 - c(1, 2, 3, 4, 5))
set.seed(0); s2 <- sampled_index(d2, "group", "wts", "year", nreps = 1000)
cat(sprintf("certain S1..S5: rli %.4f; sampled mean %.4f lci %.4f uci %.4f\n", rli(5 - c(1,2,3,4,5)), s2$mean_wt, s2$lci, s2$uci))
