"""What a build took from the data, kept for the next build of exactly the same inputs.

A warm rebuild (same data, same code, same settings) then neither imports the data models nor
validates the data again: the site name, the years, the downloads and each macro's output come
from this file. Its key is a hash of every data file, every source file that turns data into
pages, and the build's settings; when any of them changes the key does too, and the build
validates and computes everything afresh, as a first build does. The file is written only
after a build has succeeded, so a build that failed is never remembered.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from portal.render.cache import installed_versions, write_atomic

# Every package whose code turns the data into page text (charts: the figures' chart keys),
# and the folders of templates the build reads (all their files).
CODE = ("portal", "macros", "charts")
TEMPLATES = ("templates", "overrides", "docs")

# A folder to hash, with the glob its files must match ("*.py": only the code).
Source = Path | tuple[Path, str]


def fingerprint(data_dir: Path, code_dirs: Iterable[Source], settings: dict[str, str]) -> str:
    """A key that changes whenever the data, the code or the settings do.

    The data folder is walked without following links. A symbolic link or special file in it
    makes the key unique to this build (a link's target can change while the link does not),
    so such data is always validated afresh, and the validator says what is wrong with it.
    """
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    digest.update(sys.version.encode())
    _hash_data(digest, data_dir)
    for source in code_dirs:
        root, pattern = source if isinstance(source, tuple) else (source, "*.py")
        for file in sorted(p for p in root.rglob(pattern) if p.is_file()):
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(root)).encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


def _hash_data(digest: Any, data_dir: Path) -> None:
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        dirs.sort()
        here = Path(folder)
        for name in (*dirs, *sorted(files)):
            path = here / name
            relative = str(path.relative_to(data_dir)).encode()
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode):
                digest.update(b"D" + relative + b"\0")
            elif stat.S_ISREG(mode):
                digest.update(b"F" + relative + b"\0" + path.read_bytes() + b"\0")
            else:  # a link (to a file or a folder), a pipe, a device: never opened here
                target = os.readlink(path) if stat.S_ISLNK(mode) else str(mode)
                digest.update(b"L" + relative + b"\0" + os.fsencode(target) + b"\0")
                digest.update(os.urandom(16))


class Memo:
    """Values by name, computed once for one fingerprint."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key
        self.values: dict[str, Any] = {}
        self._changed = True
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(stored, dict) and stored.get("key") == key:
            self.values = stored.get("values", {})
            self._changed = False

    @property
    def warm(self) -> bool:
        """True if an earlier successful build of the same inputs left its values here."""
        return bool(self.values)

    def get(self, name: str, compute: Callable[[], Any]) -> Any:
        if name not in self.values:
            self.values[name] = compute()
            self._changed = True
        return self.values[name]

    def forget(self) -> None:
        self.values = {}
        self._changed = True

    def save(self) -> None:
        if self._changed:
            text = json.dumps({"key": self.key, "values": self.values}, ensure_ascii=False)
            write_atomic(self.path, text)
            self._changed = False


def code_dirs(root: Path) -> list[Source]:
    code: list[Source] = [root / name for name in CODE if (root / name).is_dir()]
    return code + [(root / name, "*") for name in TEMPLATES if (root / name).is_dir()]


def settings(preview: bool) -> dict[str, str]:
    """The build's settings and the version of every installed package: those the project
    depends on (pyproject.toml), directly or not, are all among them."""
    return {"preview": str(preview), **installed_versions()}
