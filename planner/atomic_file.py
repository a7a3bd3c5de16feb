"""Writing a file so that a crash leaves the old one or the new one, never half of either; and
reading one that might not be a regular file, within a size limit.

Every file the app writes (the data file, backups, exports of the plan) goes through write_atomic;
the data file and every activity file are read through read_capped. A small file utility beside the
layers: the store and the formats (planner/io) both use it, and it imports nothing of the app.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


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


class NotRegularTargetError(OSError):
    """A write aimed at a device, a FIFO, a socket or a folder: renaming a new file over it would
    replace it (as root, `/dev/null` became a regular file), so nothing is written and it stays."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(errno.EINVAL,
                         f"it is {what}, not a regular file, so it was left as it is and nothing was written")
        self.path = path
        self.what = what

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"), (stat.S_ISSOCK, "a socket"))


def kind_of(st: os.stat_result) -> str:
    """What a file that is not a regular one is, in words ("a character device")."""
    return next((name for test, name in _KINDS if test(st.st_mode)), "a special file")


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


class SpecialFileError(OSError):
    """read_capped opened something that is not a regular file (`st` says what)."""

    def __init__(self, st: os.stat_result) -> None:
        super().__init__(errno.EINVAL, f"it is {kind_of(st)}, not a regular file")
        self.st = st


class FileTooLargeError(OSError):
    """read_capped found `size` bytes, more than its limit (before reading, or as the file grew)."""

    def __init__(self, size: int) -> None:
        super().__init__(errno.EFBIG, f"{size} bytes, more than allowed")
        self.size = size


def read_capped(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file `path` (symlinks followed), at most `limit`, and its stat.

    Opened non-blocking, so a FIFO with no writer cannot hang the open, and checked with fstat on
    the open descriptor, so what is checked is what is read; a file over `limit` is refused before a
    byte of it is read, so memory stays bounded whatever lies there. Open and read errors are the
    OSError they are (FileNotFoundError when there is no file)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SpecialFileError(st)
        if st.st_size > limit:
            raise FileTooLargeError(st.st_size)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # it grew while being read
            raise FileTooLargeError(size)
    finally:
        os.close(fd)
    return b"".join(chunks), st


def fingerprint(path: Path) -> Fingerprint | None:
    """The fingerprint of the file `path` names (through a symlink), None when there is none."""
    try:
        return Fingerprint.of(os.stat(path))
    except FileNotFoundError:
        return None


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


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    if hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):  # only root may give a file away; then keep the owner
            os.fchown(fd, old.st_uid, old.st_gid)
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(fd, stat.S_IMODE(old.st_mode))  # exact, whatever the umask
