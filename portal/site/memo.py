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
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from portal.render.cache import write_atomic

# Every package whose code turns the data into page text (charts: the figures' chart keys).
CODE = ("portal", "macros", "charts")


def fingerprint(data_dir: Path, code_dirs: Iterable[Path], settings: dict[str, str]) -> str:
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    digest.update(sys.version.encode())
    for root, pattern in [(data_dir, "*"), *((folder, "*.py") for folder in code_dirs)]:
        for file in sorted(p for p in root.rglob(pattern) if p.is_file()):
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(root)).encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


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


def code_dirs(root: Path) -> list[Path]:
    return [root / name for name in CODE if (root / name).is_dir()]


def settings(preview: bool) -> dict[str, str]:
    """The build's settings and the versions of the packages that read and check the data."""
    from importlib.metadata import version

    return {
        "preview": str(preview),
        **{name: version(name) for name in ("pydantic", "pyyaml", "mkdocs-macros-plugin")},
    }
