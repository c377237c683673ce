"""Reading data files without following links or opening special files.

Staff edit the data folder in pull requests, maybe from a fork: a file there could be a
symbolic link to /etc/passwd, or a FIFO that blocks forever. Every file under the data
folder is opened one path part at a time from the folder itself, refusing links at every
step (O_NOFOLLOW on each part, so a link swapped in between a check and the open is still
refused), and must be a regular file. The data folder itself may be reached through a link
(PORTAL_DATA, /tmp on macOS): only the parts inside it are checked.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# A FIFO swapped in after the checks must not block the open: fstat refuses it next.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BY_DIR_FD = os.open in os.supports_dir_fd and bool(_NOFOLLOW)

LINK = (
    "is a link (a shortcut to another file): the data folder holds only real files and "
    "folders; replace the link with the file itself"
)
NOT_REGULAR = (
    "is not a regular file (it is a folder, pipe, device or socket): the data folder holds "
    "only ordinary files here; replace it with the file itself"
)


class UnsafeFile(Exception):
    """A path under the data folder that is a link or a special file; str() is the reason."""

    def __init__(self, path: Path, message: str):
        self.path = path
        super().__init__(message)


def exists(path: Path) -> bool:
    """True if anything is at path, even a link to nothing (which is then refused, not missed)."""
    return os.path.lexists(path)


def read_bytes(path: Path, root: Path | None = None) -> bytes:
    """The bytes of a regular file reached from root without any link; UnsafeFile otherwise.

    Without root only the file itself is checked (its folder is taken as the data folder).
    """
    path = Path(path)
    root = path.parent if root is None else Path(root)
    parts = _parts_inside(path, root)
    fd = _open(root, parts)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFile(path, NOT_REGULAR)
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            return handle.read()
    finally:
        if fd >= 0:
            os.close(fd)


def read_text(path: Path, root: Path | None = None, encoding: str = "utf-8") -> str:
    """read_bytes, decoded (UnicodeDecodeError for text that is not in that encoding)."""
    return read_bytes(path, root).decode(encoding)


def check_entry(path: Path) -> str | None:
    """Why a folder entry cannot be used (a link, or a special file), or None."""
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return LINK
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return NOT_REGULAR
    return None


def _parts_inside(path: Path, root: Path) -> tuple[str, ...]:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        # Only the last part is known to be inside the data folder.
        return (path.name,)
    if not parts or ".." in parts:
        raise UnsafeFile(path, "is not a file inside the data folder")
    return parts


def _open(root: Path, parts: tuple[str, ...]) -> int:
    """A descriptor for root/parts..., opened part by part, never through a link."""
    if not _BY_DIR_FD:
        return _open_checked(root, parts)
    folder = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        for depth, part in enumerate(parts):
            last = depth == len(parts) - 1
            flags = os.O_RDONLY | _NOFOLLOW | (_NONBLOCK if last else _DIRECTORY)
            target = root.joinpath(*parts[: depth + 1])
            try:
                fd = os.open(part, flags, dir_fd=folder)
            except OSError as exc:
                raise _refusal(target, exc, folder, part) from None
            os.close(folder)
            folder = fd
        fd, folder = folder, -1
        return fd
    finally:
        if folder >= 0:
            os.close(folder)


def _refusal(target: Path, exc: OSError, folder: int, part: str) -> Exception:
    if exc.errno in (errno.ELOOP, errno.EMLINK, errno.ENOTDIR):
        try:
            mode = os.lstat(part, dir_fd=folder).st_mode
        except OSError:
            mode = 0
        return UnsafeFile(target, LINK if stat.S_ISLNK(mode) else NOT_REGULAR)
    if exc.errno == errno.ENOENT:
        return exc  # the callers check that a file is there before reading it
    # Permissions and the like: still a problem with this file, not a bug in the portal.
    return UnsafeFile(target, f"cannot be read ({exc.strerror}): check the file")


def _open_checked(root: Path, parts: tuple[str, ...]) -> int:
    """Where the system cannot open relative to a folder: lstat every part, then open."""
    for depth in range(len(parts)):
        target = root.joinpath(*parts[: depth + 1])
        reason = check_entry(target)
        if reason is not None:
            raise UnsafeFile(target, reason)
    return os.open(root.joinpath(*parts), os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
