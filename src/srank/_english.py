"""srank's messages in English: the source text of every catalogue, by message id.

A message id is ``section.name``; each translation, ``messages/<lang>.toml``,
has the same ids under the same sections (``[rule]``, ``[syntax]`` ...) and
the same ``{placeholders}``. English lives in code, not in a file, so that
English text costs nothing to load. ``_messages.say(id, **params)`` fills a
template; see ``_messages`` for the conversions (``!r`` quotes a piece of
code, ``!l`` lower-cases a first letter, ``:,`` groups thousands).

Sections, in the order of the catalogues:

* list, line, error, text: how lists, findings, errors and long texts are written;
* level, season, legacy, word: words that other messages take as parameters;
* rule, syntax, expected, parse, lenient, batch: reading one code;
* levels, rounded: comparing ranks;
* distribution, place, explorer: distributions and NatureServe Explorer records;
* dataframe, change: the pandas and polars helpers;
* cli: the command line's own sentences (help, usage errors, totals);
* argparse: the words of Python's argparse, for the command line.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, str] = {
    # -- how things are written -------------------------------------------------------
    "list.separator": ", ",
    "list.or": "{items} or {last}",
    "line.problem": "{severity}[{code}]: {message}",
    "line.problem-at": "{severity}[{code}]: {place}: {message}",
    "line.with-hint": "{line}; hint: {hint}",
    "line.separator": "; ",
    "line.colon": ": ",
    "line.error": "error",
    "line.warning": "warning",
    "error.hint": "Hint: {hint}",
    "error.at": "{where}: {message}",
    "text.clipped": "{start}… ({length:,} characters)",
    "text.quoted": "{text!r}",
    # -- words that other messages take ----------------------------------------------
    "level.G": "global",
    "level.N": "national",
    "level.S": "subnational",
    "level.T": "infraspecific",
    "level.a-rank.G": "A global rank",
    "level.a-rank.N": "A national rank",
    "level.a-rank.S": "A subnational rank",
    "level.a-rank.T": "An infraspecific rank",
    "season.B": "breeding",
    "season.N": "nonbreeding",
    "season.M": "migrant",
    "legacy.SA": "accidental",
    "legacy.SE": "exotic",
    "legacy.SZ": "transitory, no definable occurrences",
    "legacy.SZN": "transitory nonbreeding, no definable occurrences",
    "legacy.SZB": "transitory breeding, no definable occurrences",
    "legacy.SR": "reported, without persuasive documentation",
    "legacy.SRF": "reported falsely",
    "legacy.SP": "potential, not yet documented",
    "legacy.S?": "unranked",
    "legacy.HYB": "hybrid",
    "word.rank": "rank",
    "word.rounded-rank": "rounded rank",
    "word.global-rank": "global rank",
    "word.rounded-global-rank": "rounded global rank",
    # -- rules about one code (_rules.py) ------------------------------------------------
    "rule.range-not-numeric": "A range holds numbers only, not {range!r}",
    "rule.range-not-numeric-hint": "ranges are written with two numbers, as in {letter}2{letter}3",
    "rule.range-reversed": "Range {low}-{high} is reversed",
    "rule.range-reversed-hint": "write the lower (more imperiled) number first, as in {letter}2{letter}3",
    "rule.range-degenerate": "Range {low}-{high} has the same number at both ends",
    "rule.range-degenerate-hint": "write a single number, as in {letter}2",
    "rule.range-too-wide": "Range {low}-{high} is too wide: a range may skip at most one rank",
    "rule.range-too-wide-hint": "NatureServe writes U (unrankable) when the rank is this uncertain, as in {letter}U",
    "rule.inexact-on-status": "'?' cannot qualify {written!r}",
    "rule.inexact-on-status-hint": "'?' marks an inexact number; it only goes on 1-5, as in G3?",
    "rule.inexact-on-range": "'?' cannot qualify the range {written!r}",
    "rule.inexact-on-range-hint": "'?' goes on a single number only; write {written} or {single}?",
    "rule.season-not-allowed": "{a_rank} cannot have a season ({season})",
    "rule.season-not-allowed-hint": "seasons (B breeding, N nonbreeding, M migrant) apply to N and S ranks only,"
    " as in S2B",
    "rule.season-with-infraspecific": "A subnational rank with a T part cannot have a season ({season})",
    "rule.season-with-infraspecific-hint": "write the seasonal subnational rank on its own, as in S2B",
    "rule.global-only": "{letter} cannot qualify the {level} rank {written!r}",
    "rule.captive-not-global-hint": "C (captive or cultivated only) belongs to global ranks: GXC or GHC",
    "rule.questionable-not-global-hint": "Q (questionable taxonomy) belongs to global ranks, as in G3Q or G5T3Q",
    "rule.infraspecific-not-global": "{a_rank} cannot have an infraspecific T part",
    "rule.infraspecific-not-global-hint": "a T part follows a global rank, as in G5T2",
    "rule.range-of-statuses": "{written!r} is a range from U (unrankable) to H (possibly extinct); NatureServe"
    " publishes it, though its guidance defines ranges of numbers only",
    "rule.range-of-statuses-hint": "NatureServe rounds it to GU; srank sorts, bounds and filters it as GU too",
    "rule.captive-not-extinct": "C is on {written!r}; NatureServe uses C with X or H only (GXC, GHC)",
    "rule.captive-not-extinct-hint": "C (captive or cultivated only) marks a taxon gone from the wild: GXC or GHC",
    "rule.nonstandard-plants-form": "{code!r} puts a T part after an S rank, as USDA PLANTS pages print it;"
    " this is not NatureServe syntax",
    "rule.nonstandard-plants-form-hint": "NatureServe writes the global rank with its T part (G5T2) and the state"
    " rank apart (S2)",
    "rule.infraspecific-more-secure": "The infraspecific rank {infraspecific} is more secure than its species'"
    " rank {species}",
    "rule.infraspecific-more-secure-hint": "a subspecies or variety is usually at least as imperiled as its species;"
    " NatureServe publishes such codes and rounds them to the T part",
    "rule.questionable-secure": "Q on a rank of 5: NatureServe's guidance calls it invalid, since resolving"
    " the taxonomy could not lower the priority further",
    "rule.questionable-secure-hint": "drop the Q, or lower the rank if the taxonomy makes it less secure",
    "rule.multi-not-seasonal": "{written!r} cannot be part of a multi-part code",
    "rule.multi-not-seasonal-hint": "only N and S ranks have several parts, as in S2B,S4N",
    "rule.mixed-levels": "The parts of a multi-part code must share one level",
    "rule.mixed-levels-hint": "write every part as a {level} rank, as in {letter}2B,{letter}4N",
    "rule.multi-too-few-parts": "A multi-part code needs at least two parts",
    "rule.multi-too-few-parts-hint": "a single rank is a srank.Rank",
    "rule.part-repeated": "Part {part!r} is written twice",
    "rule.part-repeated-hint": "NatureServe's rounded ranks hold such codes; one copy says the same",
    "rule.season-missing": "Part {part!r} of a multi-part code has no season letter",
    "rule.season-missing-hint": "each part of a multi-season code usually names its season, as in S2B,S4N",
    "rule.season-repeated": "Season {season} ({name}) appears twice",
    "rule.season-repeated-hint": "each season usually has one rank, as in S2B,S4N",
    # -- syntax errors (_lark_adapter.py) ------------------------------------------------
    "syntax.expected": "Expected {expected}, found {found}",
    "syntax.expected-after": "Expected {expected} after {before!r}, found {found}",
    "syntax.found-text": "'{text}'",
    "syntax.found-character": "'{text}' ({code} {name})",
    "syntax.hint-lookalike": (
        "{found!r} is {name}, which looks like {plain!r}: retype the code in Latin letters and digits"
    ),
    "syntax.found-end": "the end of the code",
    "syntax.found-empty": "an empty code",
    "syntax.unreadable": "Could not read the code: {problem}",
    "syntax.hint": "a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N",
    "syntax.hint-questionable-last": "Q goes at the very end, after the T part, as in {example}",
    "syntax.hint-numbers": "rank numbers run from 1 (critically imperiled) to 5 (secure)",
    "syntax.hint-range-letter": "in a range the level letter repeats, as in {letter}2{letter}3",
    "expected.literal": "{text!r}",
    "expected.level": "a level letter ({letters})",
    "expected.infraspecific": "an infraspecific part (T1-T5, TX, TH, TU, TNR or TNA)",
    "expected.another-part": "another {level} part ({codes})",
    "expected.value": "a rank value ({values})",
    "expected.number": "a number 1-5",
    "expected.range-end": "the end of a range ({ends})",
    "expected.season": "a season letter (B, N or M)",
    "expected.end": "the end of the code",
    "expected.rank-code": "a rank code such as G3, S2B or G5T1T3Q",
    "expected.nation-name": "a nation's name (United States)",
    "expected.place-code": "a two-letter code (MD)",
    "expected.rank": "a rank",
    "expected.new-line": "a new line",
    "expected.end-of-text": "the end of the text",
    "expected.nothing": "nothing more",
    # -- reading one code (_parse.py, _lenient.py, _batch.py) ----------------------------
    "parse.too-long": "The text is {length:,} characters long; no rank code is longer than {limit}",
    "parse.too-long-hint": "pass one code at a time; srank.parse_many reads a whole column",
    "parse.reads-too-long": "The text reads as a code {length:,} characters long; no rank code is longer than {limit}",
    "parse.missing-value": "{text!r} is a missing-value marker, not a rank code",
    "parse.missing-value-hint": "parse_many, most_imperiled, the pandas accessor and srank check read it as missing;"
    " NatureServe writes Not Applicable with its level, as in GNA, NNA or SNA",
    "parse.empty": "Expected a rank code, found an empty text",
    "parse.blank": "Expected a rank code, found only whitespace",
    "parse.empty-hint": "a rank code looks like G3, S2B or G5T1T3Q; parse_many and srank check read blank cells"
    " as missing",
    "parse.dropped-extra-part": "{dropped!r} after {kept!r} was dropped: a code has one T part",
    "parse.dropped-extra-part-hint": "NatureServe rounds such codes by their first T part",
    "parse.iucn-category": "{category!r} is an IUCN Red List category, not a NatureServe rank",
    "parse.iucn-category-hint": "NatureServe ranks look like G3, S2B or G5T2; the two systems do not map one to one",
    "parse.status-in-words": "{text!r} is a status written in words, not a rank code",
    "parse.status-in-words-hint": "its code is {value} after the letter of the level: G{value}, N{value} or S{value}",
    "parse.legacy-code": "{code!r} is a legacy code ({meaning})",
    "parse.legacy-code-hint": "NatureServe now writes {modern}; lenient parsing reads it so, with a note",
    "parse.lenient-hint": "lenient parsing reads this as {reading!r} (lenient=True)",
    "parse.quoted-hint": "the quotes are not part of a code: write it without them, {code}",
    "lenient.surrounding-whitespace": "Surrounding whitespace was removed",
    "lenient.comma-space": "Spaces around a comma were removed",
    "lenient.inner-whitespace": "Whitespace inside the code was removed",
    "lenient.case": "Lower case was read as upper case",
    "lenient.width": "Full-width characters were read as their plain form",
    "lenient.slash-range": "'/' between two numbers was read as a range",
    "lenient.slash-season": "'/' between seasonal ranks was read as ','",
    "lenient.semicolon-season": "';' between seasonal ranks was read as ','",
    "lenient.dash-range": "A dash between two numbers was read as a range",
    "lenient.inexact-after-season": "'?' after the season was moved before it",
    "lenient.legacy-code": "Legacy code {code!r} ({meaning}) was read as {modern!r}",
    "batch.not-text": "Expected a rank code as text, found {type} {value}",
    "batch.not-text-hint": "rank codes are text such as G3 or S2B; convert the column to strings first",
    # -- comparing ranks (_cross_level.py, _rounded_check.py) -----------------------------
    "levels.more-secure": "The {lower} rank {part!r} is more secure than the {upper} rank {other!r}",
    "levels.gap-too-wide": "The subnational rank {part!r} is {gap} ranks more secure than the {upper} rank"
    " {other!r}; NatureServe's data exchange rejects a gap of {limit} or more",
    "levels.under-extinct": "The subnational rank {part!r} is S2 or above while the {upper} rank is {other!r};"
    " NatureServe's data exchange rejects it",
    "levels.wrong-level": "{code!r} is {a_rank!l}; this column holds {level} ({letter}) ranks",
    "levels.wrong-level-hint": "move it to the {level} rank column",
    "levels.wrong-level-place": "{code!r} is {a_rank!l}; {place} holds {level} ({letter}) ranks",
    "levels.wrong-level-place-hint": "write the {level} rank here; a distribution gives each level its place",
    "levels.wrong-level-field": "{code!r} is {a_rank!l}; a record's {field} is a {level} ({letter}) rank",
    "levels.wrong-level-field-hint": "check the record: NatureServe gives a taxon's {level} rank here",
    "levels.nation": "a nation",
    "levels.subnation": "a state, province or territory",
    "rounded.ours": "srank rounds {raw} to {rounded}",
    "rounded.missing": "no rounded rank stored; {ours}",
    "rounded.unreadable": "the stored rounded rank {written!r} is not a rank; {ours}",
    "rounded.differs": "the stored rounded rank is {stored}; {ours}",
    "rounded.raw-unreadable": "the raw rank {written!r} is not a rank ({problem}); its rounding was not compared",
    "rounded.published": "NatureServe publishes {published} as the rounded {what} of {raw}; srank rounds {raw}"
    " to {rounded}",
    # -- distributions (_distribution_text.py, _distribution.py) -------------------------
    "distribution.too-long": "The text is {length:,} characters long; no distribution string is longer than {limit:,}",
    "distribution.expected": "Expected {expected}, found {found!r}",
    "distribution.expected-at-end": "Expected {expected}, found the end of the text",
    "distribution.hint": "a distribution reads 'United States (N5): MD (S3), VA (S4)' or 'CA(N4), US(N5B,NNRN)'",
    "distribution.api-not-json": "The text starts as JSON does ('[' or '{{'), but is not JSON: {reason}",
    "distribution.api-hint": (
        "the API's places read as a JSON list of nations, each with its nationCode and its subnations, as"
        " str() of a Distribution read from API data writes them"
    ),
    "distribution.api-object": "The text is one JSON object with no list of places",
    "distribution.api-object-hint": (
        "an Explorer record keeps its places under 'nations' (a search result) or 'elementNationals' (a taxon"
        " record); give the record, or its list"
    ),
    "distribution.code-two-letters-hint": (
        "a subnation code in a distribution string has two letters (MD, ON); three-letter codes (Mexico's states)"
        " come with Explorer API data: read it with srank.Distribution.from_api, or give it as its JSON text"
    ),
    "distribution.name-for-code-hint": "write each place as its two-letter code: {name} is {code}",
    "distribution.nation-rank-hint": (
        "a nation's own rank comes in parentheses after its name, before its places: '{name} (NNR): ...' (NNR for"
        " a nation not yet ranked); each nation goes on its own line"
    ),
    "distribution.unknown-nation-name": "Unknown nation name {name!r}",
    "distribution.unknown-nation-name-hint": "Explorer spells nations out as Canada or United States; Biotics"
    " writes ISO codes: US(N5)",
    "distribution.nation-name-kept": "srank does not know the nation {name!r}; it is kept as written",
    "distribution.nation-code-kept": "srank does not know the nation code {code!r}; it is kept as written",
    "distribution.subnation-code-kept": "srank does not know the subnation code {code!r} under {nation}; it is"
    " kept as written",
    "distribution.skipped": "{problem}; {fragment!r} does not read as a whole: it was skipped",
    "distribution.partly-read": "{problem}; {fragment!r} does not read as a whole: only its readable places were kept",
    "distribution.read-all-the-same": "{problem}; {fragment!r} does not read as a whole: every place in it was read"
    " all the same",
    "distribution.left-out": "{problem}; it was left out",
    "distribution.no-nation-code": "{where} has no {field}",
    "distribution.no-nation-code-hint": "a nation gives its code as {field}",
    "distribution.subnations-not-a-list": "{where} is {type}, not a list",
    "distribution.subnations-not-a-list-hint": "{name} is a list of subnations, each giving its code as {field}",
    "distribution.no-subnation-code": "{where} has no {field}",
    "distribution.no-subnation-code-hint": "a subnation gives its code as {field}",
    "distribution.place-repeated": (
        "the place is listed again, as {again!r}, after {first!r}; both records are kept, and a map shows the first"
    ),
    "distribution.unread-rank": "The {what} {text!r} could not be read ({why}); the record keeps its text",
    "distribution.unread-rank-left-out": "The {what} {text!r} could not be read ({why}); it is left out",
    "distribution.rank-not-text": "the rank is {type}, not text",
    "distribution.empty-cell": "the cell holds no distribution",
    "distribution.not-text": "expected a distribution string, found {type}",
    "place.in-nation": "{place}, {nation}",
    # -- NatureServe Explorer records (_explorer.py) --------------------------------------
    "explorer.places-not-a-list": "{key} is {type}, not a list; the record's places were left out",
    "explorer.not-text": "it is {type}, not text",
    "explorer.unreadable-date": "{key} {value} is not a date (YYYY-MM-DD); it is left out",
    "explorer.no-place": "the record gives no nation or subnation",
    "explorer.the-json-text": "the JSON text",
    "explorer.the-data": "the data",
    "explorer.empty": "(empty)",
    "explorer.unknown-nation": "srank knows no nation {nation!r}",
    "explorer.nation-hint": "give its two-letter code (US, CA, MX) or its name as Explorer spells it (Canada)",
    "explorer.unknown-subnation": "srank knows no subnation {subnation!r} in {nation}",
    "explorer.subnation-hint": "give the two-letter code of a state, province or territory of that nation (MD, ON)",
    "explorer.no-nation-with": "srank knows no subnation {subnation!r} in any nation",
    "explorer.subnation-code-hint": "give the two-letter code of a state, province or territory (MD, ON)",
    "explorer.nations-with": "srank knows more than one nation ({nations}) with the subnation {subnation!r}; say which",
    "explorer.say-nation-hint": "pass nation='US' or 'CA'",
    "explorer.not-place-code": "{name} is a two-letter code such as {first!r} or {second!r}, not {value!r}",
    "explorer.not-global-rank": "the API searches by rounded global rank, one of {ranks}; not {rank!r}",
    "explorer.rounded-rank-hint": "search by its rounded rank, {rounded}, and read {rank} on the taxa found",
    "explorer.not-global-rank-hint": (
        "filter national or subnational ranks on the taxa found: taxon.distribution.subnational('US', 'MD')"
    ),
    "explorer.not-http": "the base URL {url!r} is not an http(s) URL",
    "explorer.not-http-hint": "the default is {url}",
    "explorer.not-seconds": "{name} must be a positive number of seconds, not {value!r}",
    "explorer.not-wait": "{name} must be 0 or more seconds, not {value!r}",
    "explorer.not-count": "{name} must be a whole number, {least} or more, not {value!r}",
    "explorer.save-not-folder": "save={path!r} is a file, not a folder",
    "explorer.save-not-folder-hint": "name a folder (it is made if need be): each answer is saved in it as a file",
    "explorer.export-format": "an export's format is json or xlsx, not {value!r}",
    "explorer.export-language": "an export's language is one of NatureServe's, en, es or fr, not {value!r}",
    "explorer.page-repeats": "{asked} answered page {page:,} with the same taxa as page {previous:,}: the server"
    " does not page this search, so srank stops rather than ask forever",
    "explorer.page-repeats-hint": "check the base URL: NatureServe Explorer's API pages a search by pagingOptions.page",
    "explorer.job-not-taxa": "{where} is an export job, not taxa",
    "explorer.job-not-taxa-hint": "read it with srank.explorer.read_job",
    "explorer.taxa-not-job-hint": "read taxa with srank.explorer.read",
    "explorer.not-job-hint": "an export job is what POST export/taxonSearch answers (with its jobId) or GET job/<id>"
    " (its state, percentComplete and data)",
    "explorer.not-explorer": "{where} is not {wanted}: it is {found}",
    "explorer.not-explorer-hint": "srank.explorer.read tells a search response, a taxon record and a search result"
    " apart by itself",
    "explorer.want-any": "NatureServe Explorer data",
    "explorer.want-search-or-list": "a search response ({{'results': [...]}}) or a list of results",
    "explorer.want-search": "a search response ({{'results': [...]}})",
    "explorer.want-taxon": "one taxon record or one search result",
    "explorer.want-job": "an export job ({{'jobId': ...}} or a job's status)",
    "explorer.kind.search": "a search response",
    "explorer.kind.taxon": "a taxon record",
    "explorer.kind.result": "one search result",
    "explorer.kind.job": "an export job",
    "explorer.an-object-with": "an object with {keys}",
    "explorer.an-empty-object": "an object with no keys",
    "explorer.results-not-a-list": "{where}: 'results' is {type}, not a list",
    "explorer.results-not-a-list-hint": "a search response has a list of results",
    "explorer.result-not-an-object": "{where}: results[{at}] is {type}, not an object: {value}",
    "explorer.result-not-an-object-hint": "each search result is an object with elementGlobalId, scientificName,"
    " gRank and nations",
    "explorer.cannot-read": "cannot read {path!r}: {reason}",
    "explorer.cannot-read-hint": "give the path of a saved Explorer response, JSON text or parsed JSON",
    "explorer.json-too-deep": (
        "{where} is nested too deeply to read as JSON; an Explorer answer nests only a few levels"
    ),
    "explorer.not-json": "{where} is not JSON ({error}): {text!r}",
    "explorer.not-json-hint": "a saved Explorer response is the JSON body as the API sent it",
    "explorer.not-utf8": "{where} is not JSON text: byte 0x{byte} at position {position:,} is not UTF-8",
    "explorer.compressed": "{where} is compressed ({format}), not JSON text; decompress it first ({tool})",
    "explorer.archive": "{where} is a {format} archive, not JSON; extract it ({tool}) and read the JSON file inside",
    "explorer.not-json-file": "{where} is {kind}, not JSON",
    "explorer.no-saved": "{folder} holds no saved Explorer answers (no .json file)",
    "explorer.no-saved-hint": "a folder of saved answers holds the .json files that a search saved there",
    "explorer.pages-missing": "{folder} holds {saved:,} of the {total:,} pages of a saved search: the search that"
    " saved it stopped early or had a limit, so these taxa are not the whole search",
    "explorer.not-a-taxon": "{asked} answered with {type} {value}, not a taxon record",
    "explorer.no-job-id": "{asked} answered with no jobId",
    "explorer.empty-body": "{asked} answered {status} with an empty body",
    "explorer.body-too-deep": "{asked} answered {status} with JSON nested too deeply to read; an Explorer answer"
    " nests only a few levels",
    "explorer.body-too-big": "{asked} answered {status} with more than {limit:,} MiB; no Explorer answer is that large",
    "explorer.body-not-unpacked": "{asked} answered {status} with a {encoding} body that does not unpack ({error})",
    "explorer.body-not-json": "{asked} answered {status} with a body that is not JSON ({error}): {text!r}",
    "explorer.body-not-json-hint": "check the base URL: it should be the API's root, such as {url}",
    "explorer.body-cut-hint": "the answer starts as JSON but does not end as JSON: it was cut short on the way; try"
    " again",
    "explorer.null": "{asked} answered {status} with null",
    "explorer.cannot-save": "cannot save the answer to {path!r}: {reason}",
    "explorer.http": "{asked} answered HTTP {status} {reason}",
    "explorer.http-retried": "{asked} answered HTTP {status} {reason} (asked {times} times)",
    "explorer.http-400-hint": "the API refused the request's criteria",
    "explorer.http-404-hint": "no record at this address: check the id, or the base URL",
    "explorer.http-429-hint": "the API limits how often it is asked: wait, or ask for fewer pages at once",
    "explorer.http-500-hint": "the server failed; try again later (a search past its first 10,000 records answers"
    " 500: narrow it)",
    "explorer.http-unavailable-hint": "the service is unavailable for now (busy, or down for maintenance); try again"
    " later",
    "explorer.no-answer-within.one": "{asked}: no answer within {count:g} second",
    "explorer.no-answer-within.other": "{asked}: no answer within {count:g} seconds",
    "explorer.no-answer-within-hint": "try again later, or raise the timeout",
    "explorer.no-answer": "{asked}: no answer ({reason})",
    "explorer.no-answer-hint": "check the network and the base URL",
    "file.kind.pdf": "a PDF document",
    "file.kind.png": "a PNG image",
    "file.kind.jpeg": "a JPEG image",
    "file.kind.gif": "a GIF image",
    "file.kind.elf": "a program (an ELF executable)",
    "file.kind.sqlite": "an SQLite database",
    "file.kind.parquet": "a Parquet file",
    # -- the pandas and polars helpers ---------------------------------------------------
    "dataframe.row": "row {row}",
    "dataframe.index-label": "index label {row!r}",
    "dataframe.index-label-of": "index label {row!r} of {column!r}",
    "dataframe.in-group": "{where} (group {group!r})",
    "dataframe.row-of-column": "row {row} of {column!r}",
    "dataframe.skip-hint": "pass errors='skip' to leave unreadable cells out",
    "dataframe.hint-or": "{hint}; or {other}",
    "change.old-unreadable": "The old code cannot be read: {problem}",
    "change.old-distribution-unreadable": "The old distribution cannot be read: {problem}",
    "change.new-distribution-unreadable": "The new distribution cannot be read: {problem}",
    "change.place-maybe-skipped-old": "The old distribution does not read as a whole, and the text skipped names the"
    " place: it may not be new",
    "change.place-maybe-skipped-new": "The new distribution does not read as a whole, and the text skipped names the"
    " place: it may not have been removed",
    "change.new-unreadable": "The new code cannot be read: {problem}",
    "status-index.mixed-scales": (
        "{name}() counted codes of several scales ({scales}): an index compares ranks of one scale, a taxon's"
        " global ranks or a state's subnational ranks; count one column of one level"
    ),
    # -- the command line's own sentences (srank.cli) --------------------------------------
    "cli.help-files": (
        "CSV or TSV files, workbooks (.xlsx, .xlsm, .xlsb, .ods, .xls), or - for stdin; several files are read in"
        " turn, with a summary each and a total"
    ),
    "cli.help-format": "output format (default: csv; xlsx or jsonl when -o names a .xlsx or .jsonl file)",
    "cli.help-output": (
        "write here instead of stdout; with several files, a folder, where each output is named after its input (a"
        " folder that does not exist yet is made when its name ends in / or has no extension: -o checked/)"
    ),
    "cli.help-output-one": "write here instead of stdout",
    "cli.help-excel": (
        "CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, and an apostrophe before any cell a spreadsheet"
        " would run as a formula"
    ),
    "cli.help-problems-only": "write only the rows with an invalid or warned value, their line numbers in srank_line",
    "cli.help-summary-only": "write no rows, only the summary of each file and the total",
    "cli.help-summary-only-one": "write no rows, only the summary",
    "cli.help-quiet": "write nothing: the exit status tells (an error that stops a file is still said)",
    "cli.help-header-row": (
        "the line of a CSV or TSV file, or the row of a workbook sheet, that names the columns; the lines above it"
        " are skipped"
    ),
    "cli.xlsx-name-format": "-o {output} names a workbook, but --format {format} writes text; leave out --format",
    "cli.xlsx-needs-output": "--format xlsx writes a workbook: name its file with -o NAME.xlsx",
    "cli.json-is-jsonl": (
        "-o {output}: srank writes JSON lines, one object a row, not one JSON document; name the file NAME.jsonl"
    ),
    "cli.workbook-output-name": "-o {output} names a workbook ({suffix}), which srank does not write; name it"
    " NAME.xlsx for a workbook, or NAME{text}",
    "cli.xlsx-output-name": "--format xlsx writes a workbook, but -o {output} names a {suffix} file; name it NAME.xlsx",
    "cli.excel-is-csv": "--excel makes CSV for Excel; it does not apply to --format {format}",
    "cli.excel-is-csv-named": (
        "--excel makes CSV for Excel; -o {output} writes {format}, which it does not apply to: leave out --excel,"
        " or name a .csv output"
    ),
    "cli.no-rows-no-output": "{option} writes no rows; leave out -o",
    "cli.problems-only-unnumbered": (
        "{command} --problems-only: its rows come from two files and have no one line number; --changes-only keeps"
        " the rows that changed"
    ),
    "cli.stdin-among-files": "- (stdin) cannot be one of several files",
    "cli.several-files-output": (
        "several files: name a folder for their outputs with -o FOLDER, or write only their summaries with"
        " --summary-only (or -q)"
    ),
    "cli.output-not-folder": (
        "-o {output} is not a folder; with several files, -o names a folder, where each output is named after its"
        " input (one that does not exist yet is made if its name ends in / or has no extension)"
    ),
    "cli.cannot-make-folder": "cannot make the folder {path}: {reason}",
    "cli.stdin-into-folder": "-o {output} is a folder, and stdin has no name to give its output there; name a file",
    "cli.same-output": (
        "{first} and {second} would both be written to {output}; check them in separate runs, or rename one"
    ),
    "cli.output-is-input": (
        "{output} is an input file; srank never modifies its input: write the outputs to another folder"
    ),
    "cli.total": "{command}: {files}, {rows}: {verdicts}",
    "cli.count-files.one": "{count:,} file",
    "cli.count-files.other": "{count:,} files",
    "cli.fuller-line.one": (
        "line {line} has {count:,} filled cell ({cells}): if the header is there, pass {option} {line}"
    ),
    "cli.fuller-line.other": (
        "line {line} has {count:,} filled cells ({cells}): if the header is there, pass {option} {line}"
    ),
    "cli.fuller-row.one": (
        "row {line} has {count:,} filled cell ({cells}): if the header is there, pass {option} {line}"
    ),
    "cli.fuller-row.other": (
        "row {line} has {count:,} filled cells ({cells}): if the header is there, pass {option} {line}"
    ),
    "cli.count-rows.one": "{count:,} row",
    "cli.count-rows.other": "{count:,} rows",
    "cli.files-passed.one": "{count:,} passed",
    "cli.files-passed.other": "{count:,} passed",
    "cli.files-failed.one": "{count:,} failed",
    "cli.files-failed.other": "{count:,} failed",
    "cli.files-unread.one": "{count:,} not read",
    "cli.files-unread.other": "{count:,} not read",
    "cli.files-unwritten.one": "{count:,} not written",
    "cli.files-unwritten.other": "{count:,} not written",
    "cli.sheet-ignored": "{name} is not a workbook: --sheet is ignored",
    "cli.header-row-past-end": "{name}: {option} {row} is past the last line ({last})",
    "cli.column-on-line": "{column!r} is on line {line}: if the header is there, pass {option} {line}",
    "cli.column-on-row": "{column!r} is in row {line}: if the header is there, pass {option} {line}",
    "cli.column-on-line-written": (
        "{column!r} is on line {line}, written {written!r}: if the header is there, pass {option} {line} and name"
        " the column {written!r}"
    ),
    "cli.column-on-row-written": (
        "{column!r} is in row {line}, written {written!r}: if the header is there, pass {option} {line} and name"
        " the column {written!r}"
    ),
    "cli.line-lacks": "line {line} does not hold {columns}",
    "cli.row-lacks": "row {line} does not hold {columns}",
    "cli.xlsx-cells-cut.one": (
        "{count:,} cell was longer than the {limit:,} characters a spreadsheet cell holds, and was cut there"
    ),
    "cli.xlsx-cells-cut.other": (
        "{count:,} cells were longer than the {limit:,} characters a spreadsheet cell holds, and were cut there"
    ),
    "cli.xlsx-too-long": "{output} is not written: its rows run past the {limit:,} a sheet holds; write CSV"
    " (-o NAME.csv, or --format csv for a folder), or split the input",
    "cli.xlsx-too-wide": "{output} is not written: a row of {columns:,} columns is wider than the {limit:,} a sheet"
    " holds; write CSV (-o NAME.csv, or --format csv for a folder)",
    # -- Python's argparse, for the command line (srank._argparse_words) ------------------
    "argparse.usage": "usage: ",
    "argparse.section": "{title}",
    "argparse.positionals": "positional arguments",
    "argparse.options": "options",
    "argparse.help": "show this help message and exit",
    "argparse.version": "show program's version number and exit",
    "argparse.error": "{prog}: error: {message}",
    "argparse.argument": "argument {argument}: {message}",
    "argparse.required": "the following arguments are required: {names}",
    "argparse.one-required": "one of the arguments {names} is required",
    "argparse.unrecognized": "unrecognized arguments: {arguments}",
    "argparse.invalid-choice": "invalid choice: {value} (choose from {choices})",
    "argparse.invalid-value": "invalid {type} value: {value}",
    "argparse.unknown-parser": "unknown parser {name} (choices: {choices})",
    "argparse.expected-one": "expected one argument",
    "argparse.expected-at-most-one": "expected at most one argument",
    "argparse.expected-at-least-one": "expected at least one argument",
    "argparse.expected-count.one": "expected {count} argument",
    "argparse.expected-count.other": "expected {count} arguments",
    "argparse.ambiguous": "ambiguous option: {option} could match {matches}",
    "argparse.not-allowed": "not allowed with argument {other}",
    "argparse.ignored-explicit": "ignored explicit argument {value}",
    # -- the command line's own words: help, notes, summaries, usage errors (srank.cli) --
    "cli.main.description": "Read NatureServe conservation status ranks (G5T1T3Q, S2B,S4N, GNR).",
    "cli.main.epilog": (
        "Exit status: 0 all codes valid, 1 some invalid, 2 usage or I/O error. Run srank COMMAND --help for a "
        "command's options and examples."
    ),
    "cli.main.commands": "commands",
    "cli.main.actions": "actions",
    "cli.main.examples": "examples:",
    "cli.main.help-lang": (
        "the language of srank's words and status text: en, es or fr, or a tag such as fr-CA (default: the locale's, "
        "from LC_ALL, LC_MESSAGES or LANG; else en)"
    ),
    "cli.main.interrupted": "interrupted",
    "cli.main.stopped": "stopped by {signal}",
    "cli.main.unknown-lang": "--lang {lang}: unknown language {lang!r}; choose one of: {choices}",
    "cli.command.explain": "describe each code",
    "cli.command.round": "print the rounded code of each code",
    "cli.command.check": "check and decode the rank columns of a CSV, TSV or workbook file",
    "cli.command.distribution": "write a distribution column (Explorer or Biotics) in long form, one row per place",
    "cli.command.explorer": "NatureServe Explorer API data, saved or live, in long form",
    "cli.command.map": "draw a distribution as an SVG tile map, or one map per row of a table",
    "cli.command.diff": "what changed between two exports: rank columns paired by key, in long form",
    "cli.option.style": "status text style (default: short)",
    "cli.option.lenient": "accept the spellings real data files use",
    "cli.option.lenient-partial": "read what can be read; name the rest",
    "cli.option.format": "output format (default: csv)",
    "cli.option.output": "write here instead of stdout",
    "cli.option.delimiter": "field delimiter (default: detected; \\t for tab)",
    "cli.option.encoding": "input encoding (default: utf-8; a BOM is honoured)",
    "cli.option.sheet": "the sheet of a workbook (default: the first)",
    "cli.option.column-empty": "the column name is empty",
    "cli.option.raw-rounded": "expected RAW=ROUNDED, two column names, not {text!r}",
    "cli.option.old-new": "expected NAME or OLD=NEW, column names, not {text!r}",
    "cli.option.output-empty": "the output path is empty; name a file, or - for stdout",
    "cli.option.delimiter-one": "--delimiter must be one character (\\t for tab), not {value!r}",
    "cli.option.delimiter-quote": "--delimiter cannot be the quote character '\"', which csv uses to quote cells",
    "cli.option.row-number": "expected a row number from 1, not {text!r}",
    "cli.codes.help-codes": "rank codes; - reads one code per line from stdin",
    "cli.codes.help-file": "read one code per line from this file (- reads stdin)",
    "cli.codes.help-json": "one JSON object per code",
    "cli.codes.none-given": "give the codes to read: as arguments, - for stdin, or --file PATH",
    "cli.codes.cannot-read": "cannot read {path}: {reason}",
    "cli.codes.at-line": "{name} line {number:,}",
    "cli.codes.line-too-long": "{name} line {number} is longer than {limit:,} bytes; expected one code a line",
    "cli.codes.not-utf8": (
        "{name} line {number} is not UTF-8 text ({reason}); save it as UTF-8, or name its encoding with --encoding"
        " (cp1252, latin-1 ...)"
    ),
    "cli.codes.not-named-encoding": "{name} line {number:,} is not {encoding} text ({reason})",
    "cli.codes.not-text": (
        "{name} line {number:,} does not look like text in any encoding: check that it is the list of codes you meant"
    ),
    "cli.codes.no-byte-order": (
        "{name} has no byte-order mark, and --encoding {encoding} needs one to tell the order of its bytes; pass"
        " --encoding {encoding}-le or {encoding}-be"
    ),
    "cli.codes.not-named-encoding-near": "{name} is not {encoding} text ({reason}), near line {number:,}",
    "cli.codes.not-encoding": (
        "{name} is not {encoding} text, as its byte-order mark says ({reason}), near line {number:,}"
    ),
    "cli.codes.utf16": (
        "{name} looks like {guess} text without a byte-order mark (every other byte is 0); save it as UTF-8,"
        " or read it with --encoding {encoding}"
    ),
    "cli.codes.archive": (
        "{name} is a {format} archive, not a list of codes; extract it ({tool}) and read the file inside"
    ),
    "cli.codes.not-codes": "{name} is {kind}, not a list of codes",
    "cli.codes.export-first": "{name} is {kind}, not text; export its codes as text first, one per line",
    "cli.codes.workbook": (
        "{name} is a spreadsheet workbook, not a list of codes (--file reads text, one code per line); srank check"
        " {path} --column NAME reads a column of it, with each code's rounded rank and status text"
    ),
    "cli.codes.plants-english": (
        "--style plants --lang {lang}: the plants style reproduces USDA PLANTS status lines, which are English by "
        "definition; use --lang en, or --style short or long"
    ),
    "cli.explain.description": (
        "Describe each rank code: its status text, each part's meaning, and what NatureServe's guidance says."
    ),
    "cli.explain.missing-blank": "{where}: a blank line, read as a missing value: nothing to explain",
    "cli.explain.missing-marker": "{code}: a missing value, not a rank code ({where}): nothing to explain",
    "cli.explain.example-parts": "each code's parts and their meaning",
    "cli.explain.example-plants": "the USDA PLANTS status line",
    "cli.explain.example-json": "one JSON object per code, with French labels",
    "cli.explain.example-file": "each code of a file, one per line (- reads stdin)",
    "cli.round.description": (
        "Print NatureServe's rounded rank of each code, one line per code (an empty line for an invalid or blank one). "
        "Codes are arguments, lines of stdin (-) or lines of a file (--file)."
    ),
    "cli.round.example-codes": "G3 and S2B",
    "cli.round.example-lenient": "S3: lenient reading accepts the spellings data files use",
    "cli.round.example-stdin": "each distinct code of a file, one per line, from stdin",
    "cli.os.ENOENT": "No such file or directory",
    "cli.os.EACCES": "Permission denied",
    "cli.os.EPERM": "Operation not permitted",
    "cli.os.EISDIR": "Is a directory",
    "cli.os.ENOTDIR": "Not a directory",
    "cli.os.ENOSPC": "No space left on device",
    "cli.os.EROFS": "Read-only file system",
    "cli.os.ENAMETOOLONG": "File name too long",
    "cli.os.ELOOP": "Too many levels of symbolic links",
    "cli.os.EIO": "Input/output error",
    "cli.os.EEXIST": "File exists",
    "cli.os.EFBIG": "File too large",
    "cli.os.EDQUOT": "Disk quota exceeded",
    "cli.os.EMFILE": "Too many open files",
    "cli.os.ENXIO": "No such device or address",
    "cli.os.EBADF": "Bad file descriptor",
    "cli.os.EINVAL": "Invalid argument",
    "cli.decode.invalid-start-byte": "invalid start byte",
    "cli.decode.invalid-continuation-byte": "invalid continuation byte",
    "cli.decode.unexpected-end-of-data": "unexpected end of data",
    "cli.decode.truncated-data": "truncated data",
    "cli.decode.illegal-multibyte-sequence": "illegal multibyte sequence",
    "cli.decode.incomplete-multibyte-sequence": "incomplete multibyte sequence",
    "cli.decode.ordinal-not-in-range-128": "ordinal not in range(128)",
    "cli.decode.character-maps-to-undefined": "character maps to <undefined>",
    "cli.decode.illegal-utf-16-surrogate": "illegal UTF-16 surrogate",
    "cli.decode.illegal-encoding": "illegal encoding",
    "cli.decode.code-point-not-in-range": "code point not in range(0x110000)",
    "cli.summary.number": "{number:,}",
    "cli.summary.lenient-would-read.one": "--lenient would read the invalid row",
    "cli.summary.lenient-would-read.other": "--lenient would read {rows:,} of the {count:,} invalid rows",
    "cli.summary.blank-lines.one": "{count:,} blank line was kept as a row with no rank",
    "cli.summary.blank-lines.other": "{count:,} blank lines were kept as a row with no rank",
    "cli.summary.unread-rows": "rows whose cells could not be read (kept, padded, and named in their messages):",
    "cli.summary.malformed": "{rows:>10,}  malformed-row ({why}), {where}",
    "cli.summary.lines.one": "line {numbers}",
    "cli.summary.lines.other": "lines {numbers}",
    "cli.summary.rows.one": "row {numbers}",
    "cli.summary.rows.other": "rows {numbers}",
    "cli.summary.keys.one": "key {numbers}",
    "cli.summary.keys.other": "keys {numbers}",
    "cli.summary.most-common": "most common problems:",
    "cli.summary.problem": "{rows:>10,}  {code}: {examples}{more}{where}",
    "cli.summary.example": "{cells} ({times:,})",
    "cli.summary.cell": "{cell!r}",  # a cell in the summary, in the language's quotes
    "cli.summary.and-more.one": " and {count:,} more",
    "cli.summary.and-more.other": " and {count:,} more",
    "cli.summary.and-more-than": " and more than {others:,} more",
    "cli.summary.first-on-line": "; first on line {first:,}",
    "cli.summary.first-on-row": "; first on row {first:,}",
    "cli.summary.first-on-key": "; first on key {first:,}",
    "cli.summary.clipped": "{start} ({length:,} characters)",
    "cli.unit.line": "line {number}",
    "cli.unit.row": "row {number}",
    "cli.unit.key": "key {number}",
    "cli.table.new-suffix": "{source} already has srank's column names; the new columns end in {suffix}",
    "cli.table.wrong-width.one": "has {count:,} field, the header has {width:,}",
    "cli.table.wrong-width.other": "has {count:,} fields, the header has {width:,}",
    "cli.table.wrong-number-of-fields": "wrong number of fields",
    "cli.table.malformed-rank": "{where} {why}; the rank was not read",
    "cli.table.malformed-distribution": "{where} {why}; the distribution was not read",
    "cli.table.malformed-taxon": "{where} {why}; the taxon was not read",
    "cli.table.comma-in-code": '{said} (if {code} is one code, CSV writes it in quotes: "{code}")',
    "cli.records.unclosed-quote": "opens a quote that is not closed",
    "cli.records.nul-byte": "holds a NUL byte",
    "cli.records.too-long": "is longer than {limit:,} characters",
    "cli.counts.rows-with-findings.one": "{count:,} row with findings",
    "cli.counts.rows-with-findings.other": "{count:,} rows with findings",
    "cli.counts.with-errors": "{count:,} with errors",
    "cli.counts.rounding-differs.one": "{count:,} whose rounding differs",
    "cli.counts.rounding-differs.other": "{count:,} whose rounding differs",
    "cli.counts.consistent.one": "{count:,} consistent",
    "cli.counts.consistent.other": "{count:,} consistent",
    "cli.counts.not-compared.one": "{count:,} not compared",
    "cli.counts.not-compared.other": "{count:,} not compared",
    "cli.counts.malformed.one": "{count:,} malformed",
    "cli.counts.malformed.other": "{count:,} malformed",
    "cli.counts.valid.one": "{count:,} valid",
    "cli.counts.valid.other": "{count:,} valid",
    "cli.counts.invalid.one": "{count:,} invalid",
    "cli.counts.invalid.other": "{count:,} invalid",
    "cli.counts.missing.one": "{count:,} missing",
    "cli.counts.missing.other": "{count:,} missing",
    "cli.counts.column": "{valid}, {invalid}, {missing}; {distinct}",
    "cli.counts.distinct-codes.one": "{count:,} distinct code",
    "cli.counts.distinct-codes.other": "{count:,} distinct codes",
    "cli.counts.more-distinct-codes.one": "more than {count:,} distinct code",
    "cli.counts.more-distinct-codes.other": "more than {count:,} distinct codes",
    "cli.counts.differ.one": "{count:,} row differs",
    "cli.counts.differ.other": "{count:,} rows differ",
    "cli.counts.agree.one": "{count:,} agree",
    "cli.counts.agree.other": "{count:,} agree",
    "cli.counts.read.one": "{count:,} read",
    "cli.counts.read.other": "{count:,} read",
    "cli.counts.with-warnings": "({count:,} with warnings)",
    "cli.counts.warned": "{count} {warnings}",
    "cli.counts.empty.one": "{count:,} empty",
    "cli.counts.empty.other": "{count:,} empty",
    "cli.counts.records.one": "{count:,} record",
    "cli.counts.records.other": "{count:,} records",
    "cli.check.description": (
        "Check and decode rank columns. Every row comes back, in order and as it was, with five columns appended per "
        "rank column: {columns} (prefixed with the column's name when there are several). Blank cells, NA and N/A are "
        "missing, not errors. A row with the wrong number of fields is kept, padded, and named by its line number. A "
        "summary goes to stderr."
    ),
    "cli.check.example-one": "one rank column, checked and decoded",
    "cli.check.example-levels": "two levels, and the cross-level findings between them",
    "cli.check.example-rounded": "a stored rounded column against srank's",
    "cli.check.help-column": "a rank column; repeat for several. :G, :N or :S says which level its cells must have",
    "cli.check.help-global": "the column of each row's global (G or T) rank",
    "cli.check.help-national": "the column of each row's national (N) rank",
    "cli.check.help-subnational": "the column of each row's subnational rank",
    "cli.check.help-rounded": "check that column ROUNDED holds the rounding of column RAW; repeatable",
    "cli.check.no-column": "name a rank column: --column NAME (or --global-column, --national-column, ...)",
    "cli.check.one-level": (
        "{name}: cross-level checks need two of --global-column, --national-column and --subnational-column; with one, "
        "its column is only checked for its level"
    ),
    "cli.check.twice-levels": "--column {name!r} is given twice with different levels",
    "cli.check.given-as": "{column!r} is given as --{option} and as {earlier}; choose one",
    "cli.check.column-option": "--column {text!r}",
    "cli.check.is-distribution": "this cell is a distribution string: read the column with srank distribution",
    "cli.check.column-title": "column {name!r}",
    "cli.check.column-title-level": "column {name!r} ({level} ranks)",
    "cli.check.levels-title": "levels ({levels})",
    "cli.check.rounded-title": "rounded {stored!r} from {raw!r}",
    "cli.distribution.description": (
        "Read each row's distribution string (NatureServe Explorer's Distribution column, or Biotics' national ranks) "
        "and write one row per place: the input row's cells, then {columns}. A row with an empty or unreadable "
        "distribution gives one row with the problem named. A summary goes to stderr."
    ),
    "cli.distribution.example-places": "one row per (taxon x place)",
    "cli.distribution.example-levels": "with each place's cross-level findings, as JSON lines",
    "cli.distribution.help-column": "the distribution column",
    "cli.distribution.help-global": "the global rank column: adds cross-level findings (srank_levels)",
    "cli.distribution.headline": "{rows} in, {records} out",
    "cli.distribution.headline-not-written": "{rows} in, {records} (--summary-only: none written)",
    "cli.distribution.global-unread": (
        "the global rank {rank!r} could not be read ({why}); only national and subnational ranks were compared"
    ),
    "cli.distribution.not-global": "{rank!r} is not a global rank",
    "cli.explorer.description": (
        "NatureServe Explorer's API data in long form, one row per taxon x place, with every rank decoded and "
        "NatureServe's rounding checked against srank's: read saved responses, or search the live API."
    ),
    "cli.explorer.example-search": "ask the API, and keep its answers",
    "cli.explorer.example-read": "the same rows again, offline",
    "cli.explorer.example-help": "the options of one action",
    "cli.explorer.read-help": "saved Explorer API responses (files or folders) in long form",
    "cli.explorer.read-description": (
        "Read saved NatureServe Explorer API responses (a search, a taxon record, or a folder of them saved by srank "
        "explorer search --save) and write one row per taxon x place: {columns}. A summary goes to stderr; a rounding "
        "of NatureServe's that is not srank's makes the exit status 1."
    ),
    "cli.explorer.example-two": "two saved responses, in long form",
    "cli.explorer.example-saved": "a search saved with --save, again, offline",
    "cli.explorer.example-stdin": "an answer from stdin",
    "cli.explorer.help-files": "a saved JSON response, a folder of them, or - for stdin",
    "cli.explorer.output-is-input": "--output {output} is an input file; srank never modifies its input",
    "cli.explorer.search-help": "search the live Explorer API and write the taxa found in long form",
    "cli.explorer.search-description": (
        "Search NatureServe Explorer's API (all pages) and write one row per taxon x place: {columns}. --nation, "
        "--subnation and --rank are the API's own criteria. --save DIR keeps each answer as received, so that srank "
        "explorer read DIR (with the same --limit) repeats the run offline. Every failure is one line naming the URL "
        "and the status (exit status 2); a rounding of NatureServe's that is not srank's makes it 1."
    ),
    "cli.explorer.example-quick": "every taxon a quick search finds",
    "cli.explorer.example-maryland": "Maryland's G1 species, answers kept",
    "cli.explorer.example-five": "the first five, as JSON lines",
    "cli.explorer.help-text": "a quick search: names or codes",
    "cli.explorer.help-nation": "only taxa in this nation (US, CA)",
    "cli.explorer.help-subnation": "only taxa in this state or province (MD, ON)",
    "cli.explorer.help-rank": "a rounded global rank: {ranks}",
    "cli.explorer.help-kind": "what is searched (default: species)",
    "cli.explorer.help-save": "keep each JSON answer in DIR, to read again offline",
    "cli.explorer.help-timeout": "per request (default: 30)",
    "cli.explorer.help-base-url": "the API's root",
    "cli.explorer.help-retries": "times to ask again after a busy or failed answer (default: 3; 0 fails at once)",
    "cli.explorer.help-max-wait": "the longest wait before asking again, even where NatureServe asks for more"
    " (default: 60)",
    "cli.explorer.waiting": "{command}: NatureServe was busy or failed; asking again in {seconds} s",
    "cli.explorer.help-limit": "stop after N taxa",
    "cli.explorer.nothing-asked": "say what to search for: TEXT, --nation, --subnation or --rank",
    "cli.explorer.pages-missing": "{folder} holds {saved:,} of the {total:,} pages of a saved search: the run that"
    " saved it stopped early or had a --limit, so these rows are not the whole search",
    "cli.explorer.retries-count": "expected a number of times (0 or more), not {text!r}",
    "cli.explorer.taxa-count": "expected a number of taxa (0 or more), not {text!r}",
    "cli.explorer.headline": "{taxa}, {rows}",
    "cli.counts.taxa.one": "{count:,} taxon",
    "cli.counts.taxa.other": "{count:,} taxa",
    "cli.explorer.rounding-title": "NatureServe's rounding",
    # The command line's own hints where the Python API's name its functions and parameters.
    "cli.hint.one-code": "a rank code is one code, such as G3 or S2B,S4N: give one code per argument, line or cell",
    "cli.hint.lenient": "--lenient reads this as {reading!r}",
    "cli.hint.missing-value": "a line of --file or stdin that says it, as a cell of srank check, is read as missing;"
    " NatureServe writes Not Applicable with its level, as in GNA, NNA or SNA",
    "cli.hint.empty": "a rank code looks like G3, S2B or G5T1T3Q; a blank line of --file or stdin is read as missing",
    "cli.explorer.read-takes": (
        "srank explorer read takes saved Explorer answers: a search response or a taxon record (a .json file), a"
        " folder saved by srank explorer search --save, or - for stdin"
    ),
    "cli.explorer.job-hint": (
        "an export job says where NatureServe puts the export, but holds no taxa; srank explorer read takes a search"
        " response, a taxon record, or a folder saved by srank explorer search --save"
    ),
    "cli.explorer.say-nation-hint": "pass --nation US or --nation CA",
    "cli.explorer.rank-hint": (
        "--rank takes a global rank; to narrow the search to a place, pass --nation or --subnation"
    ),
    "cli.map.description": (
        "Draw a distribution (Explorer or Biotics format) as an SVG tile map: a square per state, province and "
        "territory coloured by its rounded rank, the national ranks and a legend beside it, and the places without a "
        "tile listed under it. With --column and --key, draw one map per row of a CSV, TSV or .xlsx file into the "
        "folder -o DIR, each named from its row's key; rows that cannot be drawn are named in the summary (exit status "
        "1)."
    ),
    "cli.map.example-text": "one map, from the text",
    "cli.map.example-french": "the breeding ranks, in French",
    "cli.map.example-rows": "one map per row: maps/Hydrastis_canadensis.svg ...",
    "cli.map.help-source": "a distribution, a file holding one, or with --column a CSV, TSV or .xlsx file; - for stdin",
    "cli.map.help-output": "the SVG file (default: stdout); with --column, the folder of the maps",
    "cli.map.help-column": "the distribution column: one map per row",
    "cli.map.help-key": "with --column: the column that names each map",
    "cli.map.help-season": "show that season's rank (default: each part of a tile)",
    "cli.map.help-title": "the map's title; with --column, {field} stands for the key (default: it)",
    "cli.map.key-without-column": "--key names the maps of a table's rows: give the distribution column with --column",
    "cli.map.no-map": "{where}: no map: {problem}{hint}",
    "cli.map.the-text": "the text",
    "cli.map.hint-table": " (for a table, give --column and --key)",
    "cli.map.hint-no-file": " (and there is no file {name!r})",
    "cli.map.lenient-would-draw": "; --lenient would draw the places it can read, and list the others below the map",
    "cli.map.empty": "the distribution is empty",
    "cli.map.drawn.one": "{where}: {count:,} place drawn to {written}{notes}",
    "cli.map.drawn.other": "{where}: {count:,} places drawn to {written}{notes}",
    "cli.map.off-the-map.one": " ({count:,} of them not on the map: listed below it)",
    "cli.map.off-the-map.other": " ({count:,} of them not on the map: listed below it)",
    "cli.map.folder-source": "{source} is a folder: give a distribution, or a file holding one",
    "cli.table.output-is-input": "--output {output} is the input file; srank never modifies its input",
    "cli.map.workbook-source": "{name} is a workbook: give --column and --key to draw one map per row",
    "cli.map.need-key": "--column draws one map per row: name the column that names each map with --key",
    "cli.map.need-folder": "--column draws one map per row: name the folder to write them in with -o DIR",
    "cli.map.output-is-file": "--output {output} is a file; with --column, name a folder",
    "cli.map.output-named-file": "--output {output} is named as a file ({suffix}), but --column draws one map per"
    " row: name a folder, such as {folder}",
    "cli.map.where-line": "line {number:,}",
    "cli.map.where-row": "row {number:,}",
    "cli.map.where-key": "{where} ({key!r})",
    "cli.map.blank-line": "a blank line",
    "cli.map.key-empty": "the key is empty",
    "cli.map.key-no-name": "the key gives no file name (it has no letter or digit)",
    "cli.map.not-a-file": "{path} exists and is not a regular file; it is left alone",
    "cli.map.numbered-as": "written as {name}, as another row's key gave {numbered}",
    "cli.map.maps-written.one": "{count:,} map written to {output}",
    "cli.map.maps-written.other": "{count:,} maps written to {output}",
    "cli.map.not-drawn-count.one": "{count:,} not drawn",
    "cli.map.not-drawn-count.other": "{count:,} not drawn",
    "cli.map.heading-not-drawn": "not drawn",
    "cli.map.heading-numbered": "numbered",
    "cli.map.heading-noted": "drawn, with warnings",
    "cli.diff.description": (
        "Compare the rank columns of two exports, OLD and NEW, row by row on a key, and write what changed in long "
        "form: the key columns, then {columns} (srank_place only with --distribution-column; srank_old_date and "
        "srank_new_date with --old-date and --new-date). A multi-season code that changed gives one row per season. "
        "Every row of both files is accounted for: a key in one file only is added or removed, and a blank or repeated "
        "key, an unreadable code or a malformed row is named in srank_message. A summary goes to stderr. Exit status: "
        "0 no rank changed (notation does not count), 1 some rank changed, 2 trouble (including rows that could not be "
        "compared)."
    ),
    "cli.diff.example-changes": "what changed in the G and N ranks, one row per taxon and column",
    "cli.diff.example-workbook": "a workbook against a CSV file, the rank column renamed, as JSON lines",
    "cli.diff.example-places": "a distribution column compared place by place",
    "cli.diff.help-old": "the earlier CSV, TSV or .xlsx file, or - for stdin",
    "cli.diff.help-new": "the later CSV, TSV or .xlsx file, or - for stdin",
    "cli.diff.help-key": (
        "the column that names a row in both files (an element code); repeat for a key of several columns"
    ),
    "cli.diff.help-column": "a rank column to compare; =NEWNAME is its name in NEW when it was renamed; repeatable",
    "cli.diff.help-distribution": "a distribution column (Explorer or Biotics) to compare place by place; repeatable",
    "cli.diff.help-changes-only": "leave out the rows whose rank is the same (kind same)",
    "cli.diff.help-old-date": "a date column of OLD to carry (N_RANK_REVIEW_DATE)",
    "cli.diff.help-new-date": "a date column of NEW to carry",
    "cli.diff.help-old-encoding": "OLD's encoding (default: --encoding)",
    "cli.diff.help-new-encoding": "NEW's encoding (default: --encoding)",
    "cli.diff.help-old-sheet": "OLD's sheet, when it is a workbook (default: --sheet)",
    "cli.diff.help-new-sheet": "NEW's sheet, when it is a workbook (default: --sheet)",
    "cli.diff.header-row-both": "--header-row {row} is the header row of both files: give this one its own with"
    " --{which}-header-row N",
    "cli.diff.help-old-header-row": "the line (or sheet row) of OLD that names its columns (default: --header-row)",
    "cli.diff.help-new-header-row": "the line (or sheet row) of NEW that names its columns (default: --header-row)",
    "cli.diff.no-key": "name the key column that pairs the rows of OLD and NEW: --key COLUMN",
    "cli.diff.no-column": "name a column to compare: -c COLUMN (or --distribution-column COLUMN)",
    "cli.diff.twice-key": "{name!r} is given twice as --key",
    "cli.diff.twice-compared": "{name!r} is given twice as a compared column",
    "cli.diff.key-compared": (
        "{name!r} is both the key (--key), which pairs the rows of OLD and NEW, and a column to compare ({option});"
        " compare the rank columns, and pair the rows by an id such as ELEMENT_CODE"
    ),
    "cli.diff.headline": "{rows} out",
    "cli.diff.headline-not-written": "{rows} (--summary-only: none written)",
    "cli.diff.same-left-out.one": " ({count:,} same row left out by --changes-only)",
    "cli.diff.same-left-out.other": " ({count:,} same rows left out by --changes-only)",
    "cli.diff.did-you-mean-renamed": " (did you mean {close!r}? If {file} renamed the column, write it as {pair!r})",
    "cli.diff.title-renamed": "column {old!r} ({new!r} in {file})",
    "cli.diff.distribution-title": "distribution {title}",
    # each kind of change counted in the summary: in English, the srank_change value itself
    "cli.diff.kind.level.one": "{count:,} level",
    "cli.diff.kind.level.other": "{count:,} level",
    "cli.diff.kind.extirpated.one": "{count:,} extirpated",
    "cli.diff.kind.extirpated.other": "{count:,} extirpated",
    "cli.diff.kind.rediscovered.one": "{count:,} rediscovered",
    "cli.diff.kind.rediscovered.other": "{count:,} rediscovered",
    "cli.diff.kind.uplisted.one": "{count:,} uplisted",
    "cli.diff.kind.uplisted.other": "{count:,} uplisted",
    "cli.diff.kind.downlisted.one": "{count:,} downlisted",
    "cli.diff.kind.downlisted.other": "{count:,} downlisted",
    "cli.diff.kind.ranked.one": "{count:,} ranked",
    "cli.diff.kind.ranked.other": "{count:,} ranked",
    "cli.diff.kind.unranked.one": "{count:,} unranked",
    "cli.diff.kind.unranked.other": "{count:,} unranked",
    "cli.diff.kind.added.one": "{count:,} added",
    "cli.diff.kind.added.other": "{count:,} added",
    "cli.diff.kind.removed.one": "{count:,} removed",
    "cli.diff.kind.removed.other": "{count:,} removed",
    "cli.diff.kind.status.one": "{count:,} status",
    "cli.diff.kind.status.other": "{count:,} status",
    "cli.diff.kind.less-certain.one": "{count:,} less-certain",
    "cli.diff.kind.less-certain.other": "{count:,} less-certain",
    "cli.diff.kind.more-certain.one": "{count:,} more-certain",
    "cli.diff.kind.more-certain.other": "{count:,} more-certain",
    "cli.diff.kind.qualifier.one": "{count:,} qualifier",
    "cli.diff.kind.qualifier.other": "{count:,} qualifier",
    "cli.diff.kind.notation.one": "{count:,} notation",
    "cli.diff.kind.notation.other": "{count:,} notation",
    "cli.diff.kind.same.one": "{count:,} same",
    "cli.diff.kind.same.other": "{count:,} same",
    "cli.diff.species-only.one": "{count:,} of these in the species' rank alone (the infraspecific rank unchanged)",
    "cli.diff.species-only.other": "{count:,} of these in the species' rank alone (the infraspecific rank unchanged)",
    "cli.diff.reviewed.one": "{count:,} reviewed but unchanged",
    "cli.diff.reviewed.other": "{count:,} reviewed but unchanged",
    "cli.diff.no-rows": "no rows",
    "cli.diff.reviewed-note": "reviewed but unchanged: the date moved from {before} to {after}",
    "cli.diff.no-date": "no date",
    "cli.diff.key-not-in": "the key is not in {file}",
    "cli.diff.old": "old",
    "cli.diff.new": "new",
    "cli.join.key-blank": "the key is blank on {file} {where}; not compared",
    "cli.join.malformed": "{file} {where} {why}; not compared",
    "cli.join.repeated": "the key is repeated ({places}); not compared",
    "cli.join.paired.one": "{count:,} paired",
    "cli.join.paired.other": "{count:,} paired",
    "cli.join.case-only.one": (
        "{count:,} key of {new} differs from a key of {old} only in case, so they are not paired"
    ),
    "cli.join.case-only.other": (
        "{count:,} keys of {new} differ from keys of {old} only in case, so they are not paired"
    ),
    "cli.join.number-form.one": (
        "{count:,} key of {new} differs from a key of {old} only in a decimal .0 (as pandas and spreadsheets write"
        " a number), so they are not paired; read the ids as text where they are written (pandas: dtype=str)"
    ),
    "cli.join.number-form.other": (
        "{count:,} keys of {new} differ from keys of {old} only in a decimal .0 (as pandas and spreadsheets write"
        " a number), so they are not paired; read the ids as text where they are written (pandas: dtype=str)"
    ),
    "cli.join.case-pair": "{old} and {new}",
    "cli.join.no-rows": (
        "{file} has no rows under its header, so every row of {other} is counted as added or removed; check that it"
        " is the export you meant"
    ),
    "cli.join.not-in.one": "{count:,} not in {file}",
    "cli.join.not-in.other": "{count:,} not in {file}",
    "cli.join.blank-skipped.one": "{count:,} blank row skipped",
    "cli.join.blank-skipped.other": "{count:,} blank rows skipped",
    "cli.join.not-compared-rows": "rows not compared (named in srank_message):",
    "cli.join.problem": "{rows:>10,}  {code}: {places}{more}",
    "cli.join.both-stdin": "OLD and NEW cannot both be stdin (-)",
    "cli.table.column-twice": "{name}: the column {column!r} appears {count} times in the header; rename one",
    "cli.table.no-column": "{name} has no column {column!r}; the columns are: {columns}",
    "cli.table.did-you-mean": " (did you mean {close!r}?)",
    "cli.table.not-a-level": " (:{level} is not a level: write {name}:G, :N or :S)",
    "cli.table.sheets": "the workbook's sheets are {sheets} (choose one with {option})",
    "cli.table.sheet-names": "the sheet {sheet!r} names it: read that sheet with {option}",
    "cli.table.os-error": "{name}: {reason}",
    "cli.table.empty": "{name} is empty: expected a header row naming the columns",
    "cli.table.first-line-empty": "{name}: the first line is empty; expected a header row naming the columns",
    "cli.table.header-line-empty": (
        "{name}: line {line} ({option} {line}) is empty; expected a header row naming the columns"
    ),
    "cli.table.header-unread": "{name} line 1: the header {problem}; the header must name the columns on one line",
    "cli.sources.unknown-encoding": "unknown --encoding {encoding!r}",
    "cli.sources.not-text-encoding": "--encoding {encoding!r} is not a text encoding; name the one the file was"
    " saved in, such as utf-8 or cp1252",
    "cli.sources.folder": "cannot read {path}: it is a folder, not a file; name a file in it ({pattern} names its CSV"
    " files)",
    "cli.sources.stdin-closed": "cannot read stdin: it is closed; name the input file instead of -",
    "cli.records.line-too-long": "line {line:,} is longer than {limit:,} characters, the most srank reads in one line"
    " (is the file really text with line endings?)",
    "cli.table.at": "{name}: {problem}",
    "cli.table.codec-failed": "{name} cannot be read as {encoding} text ({error}); pass the file's real --encoding",
    "cli.table.stdout-is-input": "stdout is the input file {file}; srank never modifies its input: write to another"
    " file",
    "cli.table.stdout-is-stdin": "stdout is the input file; srank never modifies its input: write to another file",
    "cli.explorer.stdout-is-input": "stdout is an input file; srank never modifies its input",
    "cli.output.stdout-closed": "cannot write stdout: it is closed; pass --output FILE, or leave stdout open",
    "cli.output.read-only": "cannot write {path}: the file is read-only (permission denied); srank does not replace it",
    "cli.sources.utf16": (
        "{name} looks like {guess} text without a byte-order mark (every other byte is 0); pass --encoding {encoding}"
    ),
    "cli.sources.zip": "{name} is a zip archive, not a CSV file; unzip it and check the CSV file inside",
    "cli.sources.office-document": "{name} is {kind}, not a spreadsheet; save its table as .xlsx or .csv and check"
    " that",
    "cli.sources.kind.word": "a Word document",
    "cli.sources.kind.powerpoint": "a PowerPoint presentation",
    "cli.sources.not-encoding": "{name} is not {encoding} text ({reason}, byte 0x{byte}{at});{hint}",
    "cli.sources.at-offset": ", byte offset {offset:,} (line {line:,})",
    "cli.sources.near-line": ", near line {line}",
    "cli.sources.near-start": ", near the first lines",
    "cli.sources.hint-cp1252": " if it was saved by Excel on Windows, pass {option} cp1252",
    "cli.sources.hint-encoding": " pass the file's real {option}",
    "cli.sources.hint-not-a-workbook": (
        " its name ends in {suffix}, but it is not a workbook (its first bytes are not a workbook's): it may be"
        " damaged, or another file renamed"
    ),
    "cli.sources.hint-not-text": " its bytes do not look like text in any encoding: check that it is the table you"
    " meant",
    "cli.sources.compressed": "{name} is a compressed file ({format}), not text; decompress it first ({tool})",
    "cli.sources.archive": "{name} is a {format} archive, not a CSV file; extract it ({tool}) and check the CSV file"
    " inside",
    "cli.sources.not-a-table": "{name} is {kind}, not a table",
    "cli.sources.export-first": "{name} is {kind}, not CSV or TSV text; export its table as CSV first",
    "cli.sources.binary": "{name} is a binary file, not text ({nul:,} of its first {size:,} bytes are NUL)",
    "cli.output.cannot-write": "cannot write {path}: {reason}",
    "cli.output.folder": "--output {path} is a folder; name a file",
    "cli.output.no-folder": "cannot write {path}: the folder {folder} does not exist",
    "cli.progress.lines": "{command}: {count:,} lines read{share}",
    "cli.progress.rows": "{command}: {count:,} of {total:,} rows read{share}",
    "cli.progress.reading": "{command}: reading {name}",
    "cli.workbook.needs-calamine": (
        "{name} is a workbook; reading it needs the python-calamine package (see the README: installing the extra "
        "xlsx), or save the sheet as 'CSV UTF-8'"
    ),
    "cli.workbook.sheet-empty": "{name}: the sheet {sheet!r} is empty; expected a header row naming the columns",
    "cli.workbook.other-sheet": "the sheet {sheet!r} names the columns: read that sheet with {option}",
    "cli.workbook.merged-down": "cells merged down {column!r} ({cells}): a merged range holds its value in its"
    " top-left cell only, so the column's other cells in it read as missing; unmerge them and give each row its code",
    "cli.workbook.header-past-end": "{name}: {option} {row} is past the sheet's last row ({last})",
    "cli.workbook.header-row-empty": (
        "{name}: row {row} of the sheet {sheet!r} is empty; pass {option} with the row that names the columns"
    ),
    "cli.workbook.too-big": "{name} is more than 1 GiB long, more than srank reads from a workbook",
    "cli.workbook.no-sheet": "{name} has no sheet {sheet!r}; the sheets are: {sheets}",
    "cli.workbook.not-cells": "{name}: the sheet {sheet!r} is a {kind}, not a sheet of cells",
    "cli.workbook.no-cells": "{name} has no sheet of cells (its sheets are: {sheets})",
    "cli.workbook.hidden": (
        "{name}: reading the first sheet, {sheet!r}, which is hidden{others} (choose one with --sheet)"
    ),
    "cli.workbook.visible": "; the visible sheets are {sheets}",
    "cli.workbook.cell-too-long": (
        "{name}: the cell {cell} of the sheet {sheet!r} holds {length:,} characters, more than a spreadsheet cell can "
        "({limit:,}); the workbook is damaged or was not made by a spreadsheet program"
    ),
    "cli.workbook.damaged": (
        "{name} is a damaged workbook ({detail}); open it in Excel or LibreOffice, save it again and check that"
    ),
    "cli.workbook.encrypted": (
        "{name} is an encrypted (password-protected) workbook; srank cannot read it: save a copy without a password "
        "and check that"
    ),
    "cli.workbook.too-much": (
        "{name}: {what}, more than srank reads ({bound}); save the sheet as 'CSV UTF-8' and check that"
    ),
    "cli.workbook.zip-directory": "its zip directory cannot be read",
    "cli.workbook.sheet-part-missing": "it lists the sheet {sheet!r}, but the sheet's cells are not in the file",
    "cli.workbook.no-sheets": "it has no sheets",
    "cli.workbook.same-name": "two parts of its zip have the same name",
    # The details inside cli.workbook.damaged and cli.workbook.too-much ({detail}, {what}, {bound}); {error} is the
    # text of the standard library's or python-calamine's own exception, quoted as it is.
    "cli.workbook.reader-error": "{error}",
    "cli.workbook.reader-stopped": "its reader stopped: {error}",
    "cli.workbook.file-size": "the file is {size:,} bytes long",
    "cli.workbook.bound-workbook": "1 GiB a workbook",
    "cli.workbook.bound-part": "{size} MiB a part, unpacked",
    "cli.workbook.bound-sheet": "{cells:,} cells a sheet",
    "cli.workbook.bound-cells": "{cells:,} cells",
    "cli.workbook.bound-cells-text": "{cells:,} cells, {characters:,} characters",
    "cli.workbook.zip-unreadable": "its zip structure cannot be read: {error}",
    "cli.workbook.part-size": "the part {part} unpacks to {size:,} bytes",
    "cli.workbook.parts-size": "its parts unpack to more than 1 GiB together",
    "cli.workbook.part-past-stated": "the part {part} unpacks to more than stated",
    "cli.workbook.part-not-unpacked": "the part {part} cannot be unpacked: {error}",
    "cli.workbook.part-has": "{part} has {problem}",
    "cli.workbook.part-not-xml": "{part} is not well-formed XML: {error}",
    "cli.workbook.needs-defusedxml": (
        "{name}: {part} is not written the way spreadsheet programs write a sheet; reading it needs the defusedxml"
        " package (part of the extra xlsx), or save the sheet as 'CSV UTF-8'"
    ),
    "cli.workbook.sheet-spans": "the sheet in {part} spans {rows:,} rows by {columns:,} columns ({cells:,} cells)",
    "cli.workbook.sheets-span": "its sheets span more than {cells:,} cells together (all are read at once)",
    "cli.workbook.repeats-unfold": "its repeated cells unfold to more than {characters:,} characters",
    "cli.workbook.row-past": "a cell on row {row:,}, past Excel's last row, {limit:,}",
    "cli.workbook.column-past": "a cell in column {column:,}, past Excel's last column, XFD",
    "cli.workbook.reference-not-cell": "the cell reference {reference!r}, which is not a cell of a sheet",
    "cli.workbook.reference-row-zero": "the cell reference {reference!r}, which names row 0",
    "cli.workbook.reference-row-past": "the cell reference {reference!r}, past Excel's last row, {limit:,}",
    "cli.workbook.row-not-number": "the row number {row!r}, which is not a number",
    "cli.workbook.row-zero": "a row numbered 0",
    "cli.workbook.row-number-past": "a row numbered {row}, past Excel's last row, {limit:,}",
    "cli.workbook.rows-past": "a sheet of more than {limit:,} rows, Excel's limit",
    "cli.workbook.cell-chars": "a cell of {length:,} characters, more than Excel's {limit:,}",
    "cli.workbook.repeat-not-number": "a repeat count {count!r}, which is not a number",
    "cli.workbook.record-past-end": "a record of {length:,} bytes that runs past its end",
    "cli.workbook.ole2-not-workbook": (
        "{name} is an OLE2 file (a legacy Office document) without a Workbook stream: not an Excel workbook"
    ),
    "cli.workbook.ole2-cut-short": "its OLE2 container is cut short ({error})",
    "cli.workbook.ole2-header-short": "its OLE2 header is cut short",
    "cli.workbook.ole2-sector-size": "its OLE2 header has a sector size of 2^{shift}",
    "cli.workbook.ole2-no-sectors": "it holds no sectors",
    "cli.workbook.ole2-sector-past": "sector {sector:,} is past the end of the file",
    "cli.workbook.ole2-chain-loops": "a chain of sectors loops or leaves its table",
    "cli.workbook.ole2-fat-count": "its header counts {fat:,} FAT sectors in a file of {sectors:,}",
    "cli.workbook.ole2-difat-loops": "its DIFAT chain loops",
    "cli.workbook.ole2-directory-empty": "its directory is empty",
    "cli.workbook.xls-stream-claims": "its Workbook stream claims {length:,} bytes",
    "cli.workbook.xls-stream-too-long": (
        "its Workbook stream is {length:,} bytes long, more than srank reads from an .xls"
    ),
    "cli.workbook.xls-record-past-end": "a record at byte {at:,} of its Workbook stream runs past the end",
    "cli.workbook.xls-sheet-past-end": "a sheet starts at byte {at:,}, past the end of its Workbook stream",
    "cli.diff.place-not-compared": "{place}: not compared; {notes}",
    "cli.diff.side": "{side}: {problem}",
    "cli.join.partner-unread": "the key's row in {where} could not be read; not compared",
    # -- end of the command line's own words
}
