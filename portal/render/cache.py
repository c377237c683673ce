"""The chart cache: finished SVG files keyed on everything that shapes them.

A key is a hash of the builder's name, the data, every parameter, the slug, the package
versions and the chart code itself, so a hit can be used without building anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any


def builder_name(builder: Callable[..., Any] | str) -> str:
    return builder if isinstance(builder, str) else f"{builder.__module__}.{builder.__qualname__}"


def cache_key(
    builder: Callable[..., Any] | str, data: Any, slug: str, params: Mapping[str, Any]
) -> str:
    payload = {
        "builder": builder_name(builder),
        "data": _plain(data),
        "params": _plain(dict(params)),
        "slug": slug,
        "versions": installed_versions(),
        "code": _code_hash(),
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def store(path: Path, svg: str, spec: dict) -> None:
    """Keep a drawn chart; the spec beside it is for anyone comparing with client-side
    rendering (benchmarks)."""
    write_atomic(path, svg)
    write_atomic(path.with_suffix(".vl.json"), json.dumps(spec, sort_keys=True))


def _plain(value: Any) -> Any:
    """Data and parameters as JSON-able values that are equal exactly when the inputs are."""
    # pandas only matters if the caller passed pandas objects, in which case it is loaded;
    # looking it up in sys.modules keeps a build of plain data from importing it.
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(value, pd.DataFrame):
        return {
            "columns": [str(c) for c in value.columns],
            "rows": _plain(value.to_dict("records")),
        }
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if value != value else value  # NaN is "not published", like None
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if pd is not None and (value is pd.NA or value is pd.NaT):
        return None
    if hasattr(value, "item"):
        return _plain(value.item())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot use {type(value).__name__} in a chart cache key: {value!r}")


@cache
def installed_versions() -> dict[str, str]:
    """Name → version of every package installed beside this one, from the names of their
    .dist-info folders (normalised by the wheel standard): about 0.2 ms, where reading each
    package's metadata to find only the project's dependencies takes 20-50 ms in every build.
    A drawn chart depends on Altair, vl-convert, pandas and what they import; any upgrade
    therefore changes every key (a dev tool's upgrade costs one cold build)."""
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                package, _, version = name.removesuffix(".dist-info").partition("-")
                found.setdefault(_normalise(package), version)
    return dict(sorted(found.items()))


def _normalise(name: str) -> str:
    """PEP 503 form: `Markdown_It.py` and `markdown-it-py` are one package."""
    return "-".join(part for part in name.replace("_", "-").replace(".", "-").lower().split("-"))


@cache
def _code_hash() -> str:
    """Hash of the code whose change must invalidate cached SVG: builders, theme, this package."""
    from importlib.util import find_spec

    # Found without importing the package: importing it would load Altair on every build.
    charts_dir = Path(next(iter(find_spec("charts").submodule_search_locations)))
    here = Path(__file__).parent
    sources = [
        *sorted(charts_dir.glob("*.py")),
        here / "svg.py",
        here / "text.py",
    ]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so parallel builds never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
