"""The data file on disk: read only a regular file of sane size, write atomically, know when it changed.

Every file the store writes (the data file, backups, the note about a broken file, exports) goes
through write_atomic; every file it reads goes through read_regular (issue 7: a FIFO hung the app,
a 200 MB file filled memory, a symlink was replaced by a regular file, every save forced 0600).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner.store.errors import StoreError


class CorruptFileError(StoreError):
    """The data file exists but is not a readable database; it is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason


class NotRegularFileError(StoreError):
    """The data file is a FIFO, a device, a folder...: reading it could hang or never end, and it
    cannot be replaced atomically. It is not touched."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            f"{path} is {what}, not a regular file, so Hybrid Planner cannot use it as its data file. "
            "Nothing was changed. Remove it, or start with --data-dir to use another folder."
        )
        self.path = path


class NotRegularTargetError(StoreError, OSError):
    """A write aimed at a device, a FIFO, a socket or a folder: renaming a new file over it would
    replace it (as root, `/dev/null` became a regular file), so nothing is written and it stays."""

    def __init__(self, path: Path, what: str) -> None:
        OSError.__init__(self, errno.EINVAL,
                         f"it is {what}, not a regular file, so it was left as it is and nothing was written")
        self.path = path
        self.what = what

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What identifies one version of a file without reading it: a writer that renames a new file
    over it changes the inode, one that rewrites it in place changes the size or mtime."""

    dev: int
    ino: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> Fingerprint:
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def fingerprint(path: Path) -> Fingerprint | None:
    """The fingerprint of the file `path` names (through a symlink), None when there is none."""
    try:
        return Fingerprint.of(os.stat(path))
    except FileNotFoundError:
        return None


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"), (stat.S_ISSOCK, "a socket"))


def kind_of(st: os.stat_result) -> str:
    """What a file that is not a regular one is, in words ("a character device")."""
    return next((name for test, name in _KINDS if test(st.st_mode)), "a special file")


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes, Fingerprint] | None:
    """The bytes of the regular file `path` (symlinks followed) and its fingerprint; None when it
    does not exist.

    Opened non-blocking, so a FIFO with no writer cannot hang the open, and checked with fstat on
    the open descriptor, so what is checked is what is read. A file over `limit` bytes is refused
    before a byte of it is read (CorruptFileError), so memory stays bounded whatever lies there.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(path, kind_of(st))
        if st.st_size > limit:
            raise CorruptFileError(path, _too_large(st.st_size, limit))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise CorruptFileError(path, _too_large(size, limit))
    finally:
        os.close(fd)
    return b"".join(chunks), Fingerprint.of(st)


def _too_large(size: int, limit: int) -> str:
    mb = 1024 * 1024
    return (f"is {size / mb:.1f} MB, larger than the {limit / mb:.0f} MB a data file may have "
            "(ten years of training take about 5 MB), so it was not read")


def temp_name_pattern(stem: str, suffix: str = ".json") -> re.Pattern[str]:
    """Our temporary files for `<stem>.json`, `<stem>-<suffix>.json` and `<stem>.<suffix>.json`
    (a random part of 12 hex digits; mkstemp's 8 characters in older versions)."""
    return re.compile(rf"^\.{re.escape(stem)}(?:[.-][^/\\]*)?{re.escape(suffix)}\.[A-Za-z0-9_]{{6,16}}\.tmp$")


def remove_stale_temps(folder: Path, stem: str, suffix: str = ".json") -> list[Path]:
    """Delete the temporary files a killed save left in `folder` (see temp_name_pattern); call it
    with the folder lock held, when no save of ours can be running. Returns what was removed."""
    pattern = temp_name_pattern(stem, suffix)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if pattern.match(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def write_atomic(path: Path, payload: bytes, *,
                 before_replace: Callable[[Path], None] | None = None) -> Fingerprint | None:
    """Write `payload` to a temp file beside the file `path` names, fsync it, then rename it over.

    - A symlink is written through: the temp file goes beside its target and replaces the target,
      so the link stays a link and the real file gets the update.
    - An existing file keeps its permission bits (and owner, where allowed); a new one gets the
      user's umask, as any file a program creates.
    - `before_replace(target)` runs after the temp file is on disk and just before the rename;
      raising there leaves the old file as it was (the storage checks nobody replaced it meanwhile).
    - Only a regular file or a new path is replaced: a device, FIFO, socket or folder raises
      NotRegularTargetError before anything is written (issue 19: `/dev/null` was replaced).
    Returns the new file's fingerprint.
    """
    target = Path(os.path.realpath(path))
    old = regular_or_new(target)
    mode = stat.S_IMODE(old.st_mode) if old is not None else 0o666
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, flags, mode)  # the umask applies to a new file's mode
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as f:
            if old is not None:
                _keep_owner_and_mode(f.fileno(), old)
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        if before_replace is not None:
            before_replace(target)
        regular_or_new(target)  # it may have become a FIFO or a device while we wrote
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        with contextlib.suppress(OSError):
            dfd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
    return fingerprint(target)


def regular_or_new(target: Path) -> os.stat_result | None:
    """The stat of the regular file `target` names (symlinks followed), None when there is none;
    NotRegularTargetError when it is anything else."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularTargetError(target, kind_of(st))
    return st


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):  # only root may give a file away; then keep the owner
            os.fchown(fd, old.st_uid, old.st_gid)
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(fd, stat.S_IMODE(old.st_mode))  # exact, whatever the umask
