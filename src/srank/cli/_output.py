"""Where ``srank check`` writes: stdout, or ``-o PATH`` written atomically.

A regular file (new or existing) is written to a temporary file beside it,
flushed to disk and renamed into place only when the run succeeds, so a failed
or interrupted run leaves the old file, or none. The new file keeps the old
one's mode (and its owner and group where the user may set them); a file the
user may not write is refused, as a shell's ``>`` would refuse it. A symlink is
followed: its target is replaced atomically and the link stays. A FIFO, a
character device such as /dev/null or a socket cannot be replaced by a rename;
it is written directly. So is ``/dev/stdout`` (``/dev/fd/N``), appended to, so
that a pipe works and a file the shell opened keeps what it held.

The temporary file is named ``.srank-HOST-PID-XXXXXXXX.tmp``. A run killed
with SIGKILL cannot remove its own; the next run that writes into the same
folder removes each such file of this host and this user whose process is
gone, and nothing else.

A run that writes many files (``srank check`` of several files into a folder,
``srank map`` of many rows) writes them inside ``many_outputs()``: each folder
is cleaned of leftovers once, and synced once, after the last rename of the run,
where a lone output syncs its folder at once. On Linux 5.8 and later, new files
(not those that replace one) are synced in batches too, in the spirit of ``git``'s
``core.fsyncMethod=batch``: each is written and closed, and after every ``_BATCH``
files (and at the end, even of a run stopped early) one ``syncfs`` of the folder
puts their data on disk and they are renamed into place. A sync per file costs as
much as checking a thousand rows. The folder is opened before the batch's first
file is, so its ``syncfs`` reports any write error since (as it does from Linux
5.8). A file that replaces another is synced and renamed at once, so a run never
holds more disk space than the old outputs and one new one. An output that
cannot be put in place is named in ``unplaced``, for the run to say.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import functools
import io
import os
import re
import socket
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from .._messages import say
from ._arguments import UsageError
from ._reasons import os_reason

__all__ = ["Outputs", "Sink", "UnwrittenError", "feeds_back", "many_outputs", "output"]


class UnwrittenError(UsageError):
    """An output that could not be written or put in place (a full disk): its input was read, its rows are lost."""


_BATCH = 100  # outputs written before one sync of their file system puts them all in place


class Outputs:
    """What the outputs of one run share: the folders cleaned of leftovers and those yet to sync; on Linux the
    new outputs written and waiting for their sync and rename, and those that could not be put in place."""

    def __init__(self, sync: Callable[[int], None] | None) -> None:
        self.cleaned: set[str] = set()
        self.unsynced: set[str] = set()
        self.sync = sync  # syncs the file system a descriptor is on; None: each output is synced on its own
        self.watched: dict[str, int] = {}  # each folder of the batch, opened before its first file was
        self.pending: list[tuple[str, str, str]] = []  # temporary file, the file it becomes, the output as named
        self.unplaced: list[tuple[str, UnwrittenError]] = []  # the output as named, and why it is not in place

    def watch(self, folder: str) -> bool:
        """Open ``folder`` before a file of the batch is written there, so that its sync reports every error since;
        False when it cannot be opened (a folder the user may write but not read): its files are synced alone."""
        if folder not in self.watched:
            try:
                self.watched[folder] = os.open(folder, os.O_RDONLY)
            except OSError:
                return False
        return True

    def put_in_place(self) -> None:
        """One sync of the file system of each folder with outputs waiting, then each renamed into place.

        An output whose sync failed is not put in place; one still waiting when the run is stopped here (Ctrl-C
        during the sync) is removed, never left behind.
        """
        pending, watched = self.pending, self.watched
        self.pending, self.watched = [], {}
        try:
            failed: dict[str, OSError] = {}
            for folder, descriptor in watched.items():
                try:
                    if self.sync is not None:  # always, when a folder is watched
                        self.sync(descriptor)
                except OSError as error:  # an output whose data may not be on disk is not put in place
                    failed[folder] = error
            while pending:
                temporary, target, name = pending[0]
                try:
                    unsynced = failed.get(os.path.dirname(temporary))
                    if unsynced is not None:
                        raise unsynced
                    os.replace(temporary, target)
                    self.unsynced.add(os.path.dirname(target))
                except OSError as error:
                    with contextlib.suppress(OSError):
                        os.unlink(temporary)
                    said = say("cli.output.cannot-write", path=name, reason=os_reason(error))
                    self.unplaced.append((name, UnwrittenError(said)))
                pending.pop(0)
        finally:
            for descriptor in watched.values():
                os.close(descriptor)
            for temporary, _, _ in pending:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


# Per thread and per run: runs in several threads at once each keep their own.
_many: contextvars.ContextVar[Outputs | None] = contextvars.ContextVar("srank_many_outputs", default=None)


@contextlib.contextmanager
def many_outputs() -> Iterator[Outputs]:
    """Outputs written inside share one clean-up of leftovers and one sync per folder, when the block ends."""
    outputs = Outputs(_file_system_sync())
    token = _many.set(outputs)
    try:
        yield outputs
    finally:
        _many.reset(token)
        outputs.put_in_place()  # the outputs written, even when the run stops early
        for folder in sorted(outputs.unsynced):
            _sync_folder(folder)


@functools.cache
def _file_system_sync() -> Callable[[int], None] | None:
    """Linux's ``syncfs``: every file written on the file system of a descriptor on disk, in one call.

    Only from Linux 5.8, which made it report write errors; before, it could hide them.
    """
    if not sys.platform.startswith("linux") or _kernel_version() < (5, 8):
        return None
    try:
        import ctypes
    except ImportError:  # a Python built without it
        return None
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # a C library without it
        return None
    syncfs.argtypes, syncfs.restype = [ctypes.c_int], ctypes.c_int

    def sync(descriptor: int) -> None:
        if syncfs(descriptor) != 0:
            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number))

    return sync


class Sink:
    """Where the rows go. A failed write (a full disk) names the output, not the file being read."""

    def __init__(self, stream: IO[str], name: str) -> None:
        self._stream = stream
        self.name = name

    def write(self, text: str) -> None:
        try:
            self._stream.write(text)
        except OSError as error:
            raise _failed(error, self.name) from None

    def writelines(self, lines: Iterable[str]) -> None:
        try:
            self._stream.writelines(lines)
        except OSError as error:
            raise _failed(error, self.name) from None

    def binary(self) -> IO[bytes]:
        """The bytes under the text, for a workbook: the text written so far is flushed, and none is written after."""
        self._stream.flush()
        buffer: IO[bytes] = getattr(self._stream, "buffer")  # noqa: B009 - IO[str] does not declare it
        return buffer


def _failed(error: OSError, name: str) -> BaseException:
    if isinstance(error, BrokenPipeError):
        return error  # the reader went away: main() stops quietly
    return UnwrittenError(say("cli.output.cannot-write", path=name, reason=os_reason(error)))


@contextlib.contextmanager
def output(path: str | None) -> Iterator[Sink]:
    """The output; kept only if the block ends without an exception."""
    if path in (None, "-"):
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=False)
        try:
            yield Sink(out, "stdout")
            _closed(out.flush, "stdout")
        finally:
            with contextlib.suppress(OSError, ValueError):
                out.flush()
            out.detach()
        return
    assert path is not None
    existing = _status(path)  # the file a symlink points to, if any
    if existing is None:
        _refuse_a_loop(path)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise UnwrittenError(say("cli.output.folder", path=path))
    if existing is not None and (not stat.S_ISREG(existing.st_mode) or _names_a_descriptor(path)):
        # FIFO, device, socket; /dev/stdout, opened to append so that a file the shell opened stays as it was
        yield from _direct(path, "a" if _names_a_descriptor(path) else "w")
        return
    target = os.path.realpath(path)  # a symlink's target, which the rename must replace
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise UnwrittenError(say("cli.output.no-folder", path=path, folder=folder))
    if existing is not None and not _may_write(target):
        raise UnwrittenError(say("cli.output.read-only", path=path))
    outputs = _many.get()
    if outputs is None or folder not in outputs.cleaned:
        _remove_leftovers(folder)
        if outputs is not None:
            outputs.cleaned.add(folder)
    # A new file waits for its batch's sync; one that replaces another is synced at once (see the module's text).
    batched = outputs is not None and outputs.sync is not None and existing is None and outputs.watch(folder)
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=_prefix(), suffix=".tmp")
    except OSError as error:
        raise UnwrittenError(say("cli.output.cannot-write", path=path, reason=os_reason(error))) from None
    waiting = False
    try:
        try:
            handle = open(descriptor, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
        except BaseException:
            os.close(descriptor)
            raise
        try:
            yield Sink(handle, path)
            _closed(handle.flush, path)
            if not batched:
                _closed(lambda: os.fsync(handle.fileno()), path)  # on disk before the rename makes it the output
        finally:
            _closed(handle.close, path)
        _take_attributes(temporary, existing)
        if outputs is not None and batched:
            outputs.pending.append((temporary, target, path))
            waiting = True
            if len(outputs.pending) >= _BATCH:
                outputs.put_in_place()
            return
        os.replace(temporary, target)
        if outputs is None:
            _sync_folder(folder)
        else:
            outputs.unsynced.add(folder)
    finally:
        if not waiting:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def _closed(close: Callable[[], object], name: str) -> None:
    """Close, flush or sync: the last buffered rows are written here, so a full disk shows here too."""
    try:
        close()
    except OSError as error:
        raise _failed(error, name) from None


def _direct(path: str, mode: str) -> Iterator[Sink]:
    try:
        handle = open(path, mode, encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        raise UnwrittenError(say("cli.output.cannot-write", path=path, reason=os_reason(error))) from None
    try:
        yield Sink(handle, path)
    finally:
        _closed(handle.close, path)


def _names_a_descriptor(path: str) -> bool:
    """/dev/stdout, /dev/fd/N, /proc/self/fd/N: an open descriptor, to be written as it was opened."""
    absolute = os.path.abspath(path)
    return absolute in ("/dev/stdout", "/dev/stderr") or absolute.startswith(("/dev/fd/", "/proc/"))


def _status(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _refuse_a_loop(path: str) -> None:
    """A symlink that leads nowhere it can end (a loop) is refused, as a shell's ``>`` refuses it: replacing
    it would lose the link the user made."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnwrittenError(say("cli.output.cannot-write", path=path, reason=os_reason(error))) from None


def _may_write(path: str) -> bool:
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _take_attributes(temporary: str, existing: os.stat_result | None) -> None:
    """The temporary file is private (0600): give it the replaced file's mode, or the one a new file would get."""
    if existing is None:
        os.chmod(temporary, _new_file_mode())
        return
    mine = os.stat(temporary)
    if hasattr(os, "chown") and (mine.st_uid, mine.st_gid) != (existing.st_uid, existing.st_gid):
        with contextlib.suppress(OSError):  # only root may give a file away; a member may set its group
            os.chown(temporary, existing.st_uid, existing.st_gid)
    os.chmod(temporary, stat.S_IMODE(existing.st_mode))  # after chown, which may clear set-id bits


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; a file system that cannot sync a folder is left as it is."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


# -- leftovers of runs killed by SIGKILL --------------------------------------------------------------


def _kernel_version() -> tuple[int, ...]:
    """Linux's version, from ``uname -r`` ("6.8.0-45-generic": (6, 8)); (0,) when it cannot be read."""
    found = re.match(r"(\d+)\.(\d+)", os.uname().release)
    return (int(found[1]), int(found[2])) if found else (0,)


@functools.cache
def _host() -> str:
    return re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname()) or "localhost"


def _prefix() -> str:
    return f".srank-{_host()}-{os.getpid()}-"


def _remove_leftovers(folder: str) -> None:
    """Remove temporary files of earlier runs on this host, by this user, whose process is gone."""
    if os.name != "posix":
        return  # no owner to compare, and os.kill(pid, 0) would signal the process rather than ask about it
    leftover = re.compile(rf"\.srank-{re.escape(_host())}-(?P<pid>[1-9][0-9]*)-[a-z0-9_]+\.tmp")
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                found = leftover.fullmatch(entry.name) if entry.name.startswith(".srank-") else None
                if found is None or _running(int(found["pid"])):
                    continue
                with contextlib.suppress(OSError):
                    status = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(status.st_mode) and status.st_uid == os.geteuid():
                        os.unlink(entry.path)
    except OSError:
        pass  # a folder that cannot be listed keeps what it holds


def _running(pid: int) -> bool:
    """True unless no process has that id (one that reuses it is taken as the owner, to be safe)."""
    if pid == os.getpid():
        return True  # another run in this process (a thread) writes it now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # a process of another user
    return True


# -- input fed back as output -------------------------------------------------------------------------


def feeds_back(source: str, target: str | None) -> bool:
    """True when the output is the input file itself: by device and inode, through stdin and stdout too.

    As GNU cat does, only regular files count: a terminal or /dev/null may be both.
    """
    read = _stream_identity(sys.stdin) if source == "-" else _path_identity(source)
    written = _stream_identity(sys.stdout) if target in (None, "-") else _path_identity(target)
    return read is not None and read == written


def _path_identity(path: str | None) -> tuple[int, int] | None:
    found = _status(path) if path else None
    return (found.st_dev, found.st_ino) if found is not None and stat.S_ISREG(found.st_mode) else None


def _stream_identity(stream: IO[str] | None) -> tuple[int, int] | None:
    try:
        found = os.fstat(stream.fileno()) if stream is not None else None
    except (OSError, ValueError):  # a stand-in, a captured stream, a closed one
        return None
    return (found.st_dev, found.st_ino) if found is not None and stat.S_ISREG(found.st_mode) else None
