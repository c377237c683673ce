"""Colours, fonts and the Vega-Lite config shared by every chart.

Charts are drawn once at build time but shown in light and dark mode, so a spec never holds a
bare colour: it holds `var(--portal-<token>, <light colour>)`. The SVG post-processor
(portal/render/svg.py) turns each of those into the light colour plus a CSS class, and
charts/chart.css maps the class to the token's colour for Material's default and slate schemes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The same stack Material uses with `theme.font: false`: no web font is ever requested.
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

# Backgrounds the marks must stand out against (Material 9.8: `--md-default-bg-color` is #fff
# for the default scheme and hsla(225deg, 15%, 14%, 1) = #1e2129 for slate).
LIGHT_BG = "#ffffff"
DARK_BG = "#1e2129"

DARK_TEXT = "#0b0c0c"
WHITE = "#ffffff"


@dataclass(frozen=True)
class Token:
    name: str
    light: str
    dark: str
    # What it must contrast with: "mark" needs 3:1 against the page, "text" 4.5:1,
    # "decoration" (grid lines, segment separators) carries no information.
    role: str

    @property
    def ref(self) -> str:
        """The colour string a spec uses; the fallback keeps a bare SVG readable without CSS."""
        return f"var(--portal-{self.name}, {self.light})"


# Government Analysis Function categorical palette (light) and a dark-mode variant: the three
# dark colours are lightened until they reach 3:1 against slate; the other three already do.
_SERIES_LIGHT = ("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1")
_SERIES_DARK = ("#5694CA", "#28A197", "#D0649E", "#F46A25", "#A6A6A6", "#A285D1")
SERIES: tuple[Token, ...] = tuple(
    Token(f"chart-{i}", light, dark, "mark")
    for i, (light, dark) in enumerate(zip(_SERIES_LIGHT, _SERIES_DARK, strict=True), start=1)
)


def _on(fill: str) -> str:
    """Label colour for text drawn on a fill: whichever of white and near-black contrasts more."""
    return WHITE if contrast_ratio(fill, WHITE) >= contrast_ratio(fill, DARK_TEXT) else DARK_TEXT


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio between two #rrggbb colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB #rrggbb colour."""
    match = re.fullmatch(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})", colour)
    if not match:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = [int(part, 16) / 255 for part in match.groups()]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


ON_SERIES: tuple[Token, ...] = tuple(
    Token(f"on-chart-{i}", _on(t.light), _on(t.dark), "text") for i, t in enumerate(SERIES, 1)
)
# Ordered categories (time bands): one blue from light to dark (dark to light on slate),
# every step 3:1 or more against the page in its scheme, so order reads from the colour.
_ORDERED_LIGHT = ("#4F8CC9", "#4177AF", "#346394", "#264E7A", "#193A5F", "#0B2545")
_ORDERED_DARK = ("#3A7EC0", "#5993CB", "#78A8D6", "#98BEE2", "#B7D3ED", "#D6E8F8")
ORDERED: tuple[Token, ...] = tuple(
    Token(f"ordered-{i}", light, dark, "mark")
    for i, (light, dark) in enumerate(zip(_ORDERED_LIGHT, _ORDERED_DARK, strict=True), start=1)
)
ON_ORDERED: tuple[Token, ...] = tuple(
    Token(f"on-ordered-{i}", _on(t.light), _on(t.dark), "text") for i, t in enumerate(ORDERED, 1)
)


def ordered_steps(n: int) -> list[int]:
    """Which of the ordered colours n categories use: spread over the whole ramp."""
    if not 1 <= n <= len(ORDERED):
        raise ValueError(f"{n} ordered categories; at most {len(ORDERED)}")
    last = len(ORDERED) - 1
    return [round(i * last / (n - 1)) if n > 1 else last for i in range(n)]


TEXT = Token("text", DARK_TEXT, "#e8eaed", "text")
TEXT_MUTED = Token("text-muted", "#505a5f", "#b1b4b6", "text")
AXIS = Token("axis", "#6f777b", "#8e949c", "mark")
GRID = Token("grid", "#dddddd", "#3b404c", "decoration")
# Gaps between stacked segments and around outlined bars: the page background in each mode.
SEPARATOR = Token("separator", LIGHT_BG, DARK_BG, "decoration")

TOKENS: tuple[Token, ...] = (
    *SERIES,
    *ON_SERIES,
    *ORDERED,
    *ON_ORDERED,
    TEXT,
    TEXT_MUTED,
    AXIS,
    GRID,
    SEPARATOR,
)
BY_NAME: dict[str, Token] = {t.name: t for t in TOKENS}

FONT_SIZE = 13  # labels; scaled with the SVG on narrow screens, so not smaller than this
TITLE_MAX_WORDS = 15


def config() -> dict[str, Any]:
    """Vega-Lite config: every colour a token, transparent background, system fonts."""
    text, muted, axis = TEXT.ref, TEXT_MUTED.ref, AXIS.ref
    return {
        "background": "transparent",
        "font": FONT,
        # Per-mark aria labels would make a screen reader read every bar; the SVG gets one
        # name and description instead (and svg.py strips anything left over).
        "aria": False,
        # Room on the right for a label drawn wider by the reader's font than vl-convert
        # measured it (labels run left to right, so they only ever grow that way).
        "padding": {"left": 4, "top": 4, "right": 24, "bottom": 4},
        "view": {"stroke": None},
        "title": {
            "color": text,
            "subtitleColor": muted,
            "anchor": "start",
            "fontSize": 16,
            "subtitleFontSize": FONT_SIZE,
            "font": FONT,
            "subtitleFont": FONT,
        },
        "axis": {
            "labelColor": muted,
            "titleColor": text,
            "domainColor": axis,
            "tickColor": axis,
            "gridColor": GRID.ref,
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": FONT_SIZE,
            "titleFontSize": FONT_SIZE,
            "titleFontWeight": "normal",
        },
        "legend": {
            "labelColor": text,
            "titleColor": text,
            "labelFont": FONT,
            "titleFont": FONT,
            "labelFontSize": FONT_SIZE,
            "titleFontSize": FONT_SIZE,
            "labelLimit": 0,
            "symbolStrokeColor": SEPARATOR.ref,
        },
        "text": {"color": text, "font": FONT, "fontSize": FONT_SIZE},
        "mark": {"color": SERIES[0].ref},
    }


_REF = re.compile(r"var\(--portal-([a-z0-9-]+), (#[0-9a-fA-F]{6})\)")


def concrete(spec: Any, scheme: str = "light") -> Any:
    """A copy of a spec with every token replaced by its colour in one scheme ("light"/"dark").

    For renderers without CSS (PNG previews, contrast checks of a whole spec).
    """
    if isinstance(spec, dict):
        return {k: concrete(v, scheme) for k, v in spec.items()}
    if isinstance(spec, list):
        return [concrete(v, scheme) for v in spec]
    if isinstance(spec, str):
        return _REF.sub(lambda m: getattr(BY_NAME[m.group(1)], scheme), spec)
    return spec


CSS_FILE = Path(__file__).with_name("chart.css")
CSS_BEGIN = "/* BEGIN generated by `python -m charts.theme --write`: do not edit by hand */"
CSS_END = "/* END generated */"


def token_css() -> str:
    """The generated part of chart.css: token values per scheme and one class per use."""

    def block(selector: str, scheme: str, indent: str = "") -> list[str]:
        values = [f"{indent}  --portal-{t.name}: {getattr(t, scheme)};" for t in TOKENS]
        return [f"{indent}{selector} {{", *values, f"{indent}}}"]

    lines = [
        CSS_BEGIN,
        *block(':root,\n[data-md-color-scheme="default"]', "light"),
        *block('[data-md-color-scheme="slate"]', "dark"),
        # Printers drop page backgrounds, so dark-mode colours would print light on white.
        "@media print {",
        *block(":root,\n  [data-md-color-scheme]", "light", "  "),
        "}",
    ]
    for t in TOKENS:
        for prop in ("fill", "stroke"):
            lines.append(
                f".portal-chart-svg .pc-{prop}-{t.name} {{ {prop}: var(--portal-{t.name}); }}"
            )
    lines.append(CSS_END)
    return "\n".join(lines)


def write_css() -> None:
    """Replace the generated part of chart.css with token_css()."""
    text = CSS_FILE.read_text(encoding="utf-8")
    start, end = text.index(CSS_BEGIN), text.index(CSS_END) + len(CSS_END)
    CSS_FILE.write_text(text[:start] + token_css() + text[end:], encoding="utf-8")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--write"]:
        write_css()
    else:
        print(token_css())
