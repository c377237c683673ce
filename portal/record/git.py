"""The data as it was at an earlier commit, read from git without following any link.

Files are copied blob by blob from `git ls-tree` (regular files only: a link or submodule in
that commit is left out, so nothing outside the copy is ever read), not with `git archive`,
whose export attributes could leave files out.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

REGULAR_MODES = {"100644", "100755"}
_PUBLISHED = re.compile(rb"""^status:[ \t]*["']?published["']?[ \t]*(#.*)?$""", re.M)
TIMEOUT = 120


class GitError(Exception):
    """Git could not answer: str() says plainly what could not be checked, for staff."""


@dataclass(frozen=True)
class Checkout:
    top: Path  # the top folder of the clone
    prefix: str  # the data folder inside it, e.g. "data" ("" when the clone is the data folder)


def _git(cwd: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(cwd), *args], input=data, capture_output=True, timeout=TIMEOUT
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {TIMEOUT} seconds") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[-1] if message else 'no message'}")
    return done.stdout


def checkout(data: Path) -> Checkout:
    """Where the data folder sits in its git clone; GitError outside one."""
    try:
        top = _git(data, "rev-parse", "--show-toplevel").decode().strip()
        prefix = _git(data, "rev-parse", "--show-prefix").decode().strip().rstrip("/")
    except GitError:
        raise GitError(f"{data} is not in a git clone") from None
    return Checkout(Path(top), prefix)


def commit_of(where: Checkout, ref: str) -> str:
    """The full commit id a name stands for; GitError if this clone does not have it."""
    if ref.startswith("-"):
        raise GitError(f"'{ref}' is not a commit or branch name")
    try:
        return (
            _git(where.top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
            .decode()
            .strip()
        )
    except GitError:
        shallow = _git(where.top, "rev-parse", "--is-shallow-repository").decode().strip()
        hint = (
            " (this clone is shallow: check out with fetch-depth: 0)" if shallow == "true" else ""
        )
        raise GitError(f"this clone has no commit '{ref}'{hint}") from None


def default_base(where: Checkout) -> str:
    """The merge base with origin/main, else with main: what this branch started from."""
    for branch in ("origin/main", "main"):
        try:
            commit_of(where, branch)
        except GitError:
            continue
        return _git(where.top, "merge-base", "HEAD", branch).decode().strip()
    raise GitError("there is no origin/main or main branch to compare with: give --base")


def has_folder(where: Checkout, commit: str, folder: str) -> bool:
    """True if the commit has that folder ("" is the whole tree)."""
    if not folder:
        return True
    listed = _git(where.top, "ls-tree", "-d", "--name-only", commit, "--", folder)
    return bool(listed.strip())


def last_published(where: Checkout, commit: str, folder: str) -> str | None:
    """The newest commit up to commit at which folder/report.yml said status: published."""
    for sha in _git(where.top, "log", "--format=%H", commit, "--", folder).decode().split():
        try:
            report = _git(where.top, "show", f"{sha}:{folder}/report.yml")
        except GitError:
            continue  # the folder was deleted in that commit
        if _PUBLISHED.search(report):
            return sha
    return None


def export(where: Checkout, commit: str, folder: str, out: Path) -> list[str]:
    """Copy folder ("" for everything) as it was at commit into out; the paths left out."""
    spec = ["--", folder] if folder else []
    listing = _git(where.top, "ls-tree", "-r", "-z", "--full-tree", commit, *spec)
    wanted: list[tuple[str, str]] = []
    skipped: list[str] = []
    for entry in filter(None, listing.split(b"\0")):
        meta, _, name = entry.partition(b"\t")
        mode, kind, sha = meta.decode().split()
        path = name.decode("utf-8", "replace")
        if kind == "blob" and mode in REGULAR_MODES and _safe(path):
            wanted.append((sha, path))
        else:
            skipped.append(path)
    if wanted:
        blobs = _git(
            where.top, "cat-file", "--batch", data="".join(f"{s}\n" for s, _ in wanted).encode()
        )
        _write(blobs, wanted, out)
    return skipped


def _safe(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and not path.startswith("/") and ".." not in parts


def _write(blobs: bytes, wanted: list[tuple[str, str]], out: Path) -> None:
    at = 0
    for sha, path in wanted:
        end = blobs.find(b"\n", at)
        header = blobs[at:end].decode("ascii", "replace").split()
        if end < 0 or len(header) != 3 or header[:2] != [sha, "blob"]:
            raise GitError(f"git cat-file could not read {path} ({' '.join(header)})")
        size = header[2]
        start = end + 1
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blobs[start : start + int(size)])
        at = start + int(size) + 1  # the blob is followed by a newline
