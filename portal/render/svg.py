"""Charts as accessible, theme-able inline SVG, drawn by vl-convert at build time and cached.

vl-convert's SVG has no name on its root and an aria role and label on every mark and axis, so
a screen reader would read hundreds of fragments. Here the root becomes one image
(`role="img"`, named by an inserted <title> and <desc>) and every inner role/aria attribute
goes. Colours arrive as `var(--portal-<token>, #light)` (see charts/theme.py); each becomes the
light colour plus a `pc-fill-<token>`/`pc-stroke-<token>` class that charts/chart.css recolours
for the dark scheme.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from portal.render.text import check_slug, protect_markup

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")

DISPLAY_SCALE = 1.2
_TOKEN = re.compile(r"var\(--portal-([a-z0-9-]+), (#[0-9a-fA-F]{6})\)")
_PLAIN = {"none", "transparent", "currentColor"}
_LONG_NUMBER = re.compile(r"(-?\d+\.\d{2})\d+")


@dataclass
class RenderCounts:
    """How many charts were drawn (Altair + vl-convert) and how many came from the cache."""

    renders: int = 0
    hits: int = 0

    def summary(self) -> str:
        return f"charts: {self.renders} rendered, {self.hits} from the cache"


# Every renderer in this process adds to these, so a build can report them (and a benchmark
# can check that a warm rebuild drew nothing).
TOTALS = RenderCounts()


class ChartRenderer:
    """Builds and draws charts, keeping each finished SVG in cache_dir keyed on its inputs.

    The key is a hash of the builder's name, the data, every parameter, the slug, the package
    versions and the chart code itself; a hit reads the file and neither builds the Altair
    chart nor starts vl-convert. cache_dir None: no cache (every call renders).
    """

    def __init__(self, cache_dir: str | os.PathLike[str] | None) -> None:
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.counts = RenderCounts()
        self._used: set[str] = set()

    def render(
        self, builder: Callable[..., Any] | str, data: Any, *, slug: str, **params: Any
    ) -> str:
        """`builder(data, **params)` as accessible SVG with ids derived from slug.

        builder may be a dotted name ("charts.bars.counts_bar"): it is imported only on a cache
        miss, so a build whose charts are all cached never loads Altair or pandas.
        """
        check_slug(slug)
        key = cache_key(builder, data, slug, params)
        self._used.add(key)
        path = self.cache_dir / f"{key}.svg" if self.cache_dir is not None else None
        if path is not None and path.is_file():
            self.counts.hits += 1
            TOTALS.hits += 1
            return path.read_text(encoding="utf-8")
        spec, svg = _draw(_resolve(builder)(data, **params), slug=slug)
        self.counts.renders += 1
        TOTALS.renders += 1
        if path is not None:
            _write_atomic(path, svg)
            # The spec beside it, for anyone comparing with client-side rendering (benchmarks).
            _write_atomic(path.with_suffix(".vl.json"), json.dumps(spec, sort_keys=True))
        return svg

    def prune(self) -> int:
        """Delete cached charts this renderer did not use (call after a full build); returns
        how many files went. Without it, every data or code change leaves old entries behind."""
        if self.cache_dir is None or not self.cache_dir.is_dir():
            return 0
        removed = 0
        for file in self.cache_dir.iterdir():
            key = file.name.split(".", 1)[0]
            if file.is_file() and file.suffix in (".svg", ".json") and key not in self._used:
                file.unlink(missing_ok=True)
                removed += 1
        return removed


def builder_name(builder: Callable[..., Any] | str) -> str:
    return builder if isinstance(builder, str) else f"{builder.__module__}.{builder.__qualname__}"


def _resolve(builder: Callable[..., Any] | str) -> Callable[..., Any]:
    if not isinstance(builder, str):
        return builder
    import importlib

    module, _, name = builder.rpartition(".")
    return getattr(importlib.import_module(module), name)


def cache_key(
    builder: Callable[..., Any] | str, data: Any, slug: str, params: Mapping[str, Any]
) -> str:
    payload = {
        "builder": builder_name(builder),
        "data": _plain(data),
        "params": _plain(dict(params)),
        "slug": slug,
        "versions": _versions(),
        "code": _code_hash(),
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chart_svg(chart: Any, *, slug: str, show_title: bool = False) -> str:
    """Draw an Altair chart and make the SVG accessible (see accessible_svg).

    The chart's title and subtitle go into the SVG's <title>; they are not drawn, because the
    figure around the chart shows them as its visible caption (show_title=True draws them).
    """
    return _draw(chart, slug=slug, show_title=show_title)[1]


def _draw(chart: Any, *, slug: str, show_title: bool = False) -> tuple[dict, str]:
    """The chart's full spec, and its accessible SVG."""
    import vl_convert  # imported here: a cache hit never loads the engine

    spec = chart.to_dict()
    title = spec.get("title") or {}
    if isinstance(title, str):
        title = {"text": title}
    name = _sentences(_text(title.get("text")), _text(title.get("subtitle")))
    drawn = spec if show_title else {k: v for k, v in spec.items() if k != "title"}
    # No base URLs allowed: data is always inline, and the build must never fetch anything.
    raw = vl_convert.vegalite_to_svg(drawn, allowed_base_urls=[])
    svg = accessible_svg(raw, slug=slug, title=name, description=spec.get("description") or "")
    return spec, svg


def accessible_svg(raw: str, *, slug: str, title: str, description: str) -> str:
    """One named image with theme-able colours, sized by its viewBox, with no inner aria."""
    check_slug(slug)
    if not title.strip() or not description.strip():
        raise ValueError("a chart needs a title and a description (its text alternative)")
    root = ET.fromstring(raw)
    for element in list(root.iter()):
        for attr in [a for a in element.attrib if a == "role" or a.startswith("aria-")]:
            del element.attrib[attr]
        element.attrib.pop("pointer-events", None)
        for attr in ("fill", "stroke"):
            _theme_colour(element, attr)
        for attr in ("d", "transform", "x", "y", "width", "height"):
            if attr in element.attrib and element is not root:
                element.set(attr, _LONG_NUMBER.sub(r"\1", element.attrib[attr]))
    _drop_hidden(root)
    chart_id = f"chart-{slug}"
    natural = float(root.attrib.pop("width", "0"))
    root.attrib.pop("height", None)
    if "viewBox" not in root.attrib or not natural:
        raise ValueError("vl-convert's SVG has no viewBox and width; it cannot be resized")
    root.set("class", "portal-chart-svg")
    root.set("id", chart_id)
    # Drawn a little larger than measured, so 13px labels match the page's body text; chart.css
    # caps the width at 100% of the column and takes the height from the viewBox.
    root.set("width", str(round(natural * DISPLAY_SCALE)))
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    title_el = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{chart_id}-title"})
    title_el.text = title
    desc_el = ET.Element(f"{{{SVG_NS}}}desc", {"id": f"{chart_id}-desc"})
    desc_el.text = description
    root.insert(0, desc_el)
    root.insert(0, title_el)
    # Labels are data text: keep Jinja and Markdown off them wherever the SVG is pasted.
    return protect_markup(ET.tostring(root, encoding="unicode"))


def _theme_colour(element: ET.Element, attr: str) -> None:
    value = element.get(attr)
    if value is None or value in _PLAIN:
        return
    match = _TOKEN.fullmatch(value)
    if not match:
        # A bare colour would be wrong in one of the two schemes: every colour is a token.
        raise ValueError(f"chart colour {value!r} is not a theme token (see charts/theme.py)")
    token, light = match.groups()
    element.set(attr, light)
    classes = element.get("class", "").split()
    element.set("class", " ".join([*classes, f"pc-{attr}-{token}"]))


def _drop_hidden(root: ET.Element) -> None:
    """Remove what Vega draws but never shows: hidden paths and unpainted group backgrounds."""
    for parent in root.iter():
        for child in list(parent):
            unpainted = (
                child.get("class") in ("background", "foreground")
                and "fill" not in child.attrib
                and "stroke" not in child.attrib
            )
            if child.get("display") == "none" or unpainted:
                parent.remove(child)


def _sentences(*parts: str) -> str:
    """'Title' + 'subtitle' as 'Title. Subtitle' (a screen reader pauses between them)."""
    out = ""
    for part in (p.strip() for p in parts if p and p.strip()):
        if out and out[-1] not in ".!?:":
            out += "."
        out = f"{out} {part}" if out else part
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


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
def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("altair", "vl-convert-python", "pandas")}


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


def _write_atomic(path: Path, text: str) -> None:
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
