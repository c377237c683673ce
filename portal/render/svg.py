"""Charts as accessible, theme-able inline SVG, drawn by vl-convert at build time and cached.

vl-convert's SVG has no name on its root and an aria role and label on every mark and axis, so
a screen reader would read hundreds of fragments. Here the root becomes one image
(`role="img"`, named by an inserted <title> and <desc>) and every inner role/aria attribute
goes. Colours arrive as `var(--portal-<token>, #light)` (see charts/theme.py); each becomes the
light colour plus a `pc-fill-<token>`/`pc-stroke-<token>` class that charts/chart.css recolours
for the dark scheme.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from portal.render.text import check_slug, protect_markup

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")

DISPLAY_SCALE = 1.2
_TOKEN = re.compile(r"var\(--portal-([a-z0-9-]+), (#[0-9a-fA-F]{6})\)")
_PLAIN = {"none", "transparent", "currentColor"}
_LONG_NUMBER = re.compile(r"(-?\d+\.\d{2})\d+")


def build_and_draw(
    builder: Callable[..., Any] | str, data: Any, *, slug: str, params: dict[str, Any]
) -> tuple[dict, str]:
    """`builder(data, **params)` drawn: the chart's full spec, and its accessible SVG.

    builder may be a dotted name ("charts.bars.counts_bar"), imported here, so that only the
    process that draws a chart ever loads Altair. Altair's checks are off while the chart is
    built (they cost more than drawing it); tests check every builder's spec instead.
    """
    from altair.utils.schemapi import debug_mode

    from charts import to_spec

    with debug_mode(False):
        spec = to_spec(resolve(builder)(data, **params))
    return spec, draw_spec(spec, slug=slug)


def draw_spec(spec: dict, *, slug: str) -> str:
    """A Vega-Lite spec as accessible SVG.

    The chart's title and subtitle go into the SVG's <title>; they are not drawn, because the
    figure around the chart shows them as its visible caption.
    """
    title = spec.get("title") or {}
    if isinstance(title, str):
        title = {"text": title}
    name = _sentences(_text(title.get("text")), _text(title.get("subtitle")))
    drawn = {k: v for k, v in spec.items() if k != "title"}
    raw = _converter().vegalite_to_svg(drawn)
    return accessible_svg(raw, slug=slug, title=name, description=spec.get("description") or "")


def start_engine() -> None:
    """Start vl-convert's JavaScript engine (~0.2 s, once a process) before the first chart."""
    _converter().vegalite_to_svg({"mark": "point"})


@functools.cache
def _converter() -> Any:
    """vl-convert, imported here (a build whose charts are all cached never loads it) and told
    to refuse every URL: data is always inline, and the build must never fetch anything."""
    import vl_convert

    vl_convert.configure(allowed_base_urls=[], base_url=False)
    return vl_convert


def resolve(builder: Callable[..., Any] | str) -> Callable[..., Any]:
    if not isinstance(builder, str):
        return builder
    import importlib

    module, _, name = builder.rpartition(".")
    return getattr(importlib.import_module(module), name)


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
