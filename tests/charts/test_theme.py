"""Palette and text colours meet WCAG contrast in both of Material's schemes."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import material
import pytest

from charts import theme

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def test_contrast_ratio_matches_known_wcag_values() -> None:
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # Reference values from the WCAG definition (as WebAIM's checker reports them).
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert theme.contrast_ratio("#ffffff", "#0000ff") == pytest.approx(8.59, abs=0.01)
    with pytest.raises(ValueError):
        theme.relative_luminance("red")


def _material_slate_background() -> str:
    """Material's slate --md-default-bg-color, read from the installed theme's CSS."""
    main = next(MATERIAL_CSS.glob("main.*.min.css")).read_text(encoding="utf-8")
    palette = next(MATERIAL_CSS.glob("palette.*.min.css")).read_text(encoding="utf-8")
    hue = float(re.search(r"--md-hue:(\d+(?:\.\d+)?)deg", main).group(1))
    slate = re.search(r"\[data-md-color-scheme=slate\]\{[^}]*", palette).group(0)
    s, lightness = (
        float(x) / 100
        for x in re.search(
            r"--md-default-bg-color:hsla\(var\(--md-hue\), ?(\d+)%, ?(\d+)%, ?1\)", slate
        ).groups()
    )
    r, g, b = colorsys.hls_to_rgb(hue / 360, lightness, s)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def test_dark_background_is_materials_slate_background() -> None:
    assert _material_slate_background() == theme.DARK_BG


@pytest.mark.parametrize("token", theme.SERIES, ids=lambda t: t.name)
def test_series_colours_reach_3_to_1_against_both_backgrounds(token: theme.Token) -> None:
    assert theme.contrast_ratio(token.light, theme.LIGHT_BG) >= 3
    assert theme.contrast_ratio(token.dark, theme.DARK_BG) >= 3


def test_light_palette_is_the_analysis_function_palette() -> None:
    assert [t.light.upper() for t in theme.SERIES] == [
        "#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"
    ]  # fmt: skip


@pytest.mark.parametrize("token", theme.TOKENS, ids=lambda t: t.name)
def test_every_token_meets_its_contrast_requirement(token: theme.Token) -> None:
    need = {"mark": 3.0, "text": 4.5, "decoration": 1.0}[token.role]
    if token.name.startswith(("on-chart-", "on-ordered-")):
        # Text drawn on a series or ordered colour: checked against that colour, not the page.
        fill = theme.BY_NAME[token.name.removeprefix("on-")]
        assert theme.contrast_ratio(token.light, fill.light) >= need
        assert theme.contrast_ratio(token.dark, fill.dark) >= need
    else:
        assert theme.contrast_ratio(token.light, theme.LIGHT_BG) >= need
        assert theme.contrast_ratio(token.dark, theme.DARK_BG) >= need


def test_font_stack_is_system_fonts_only() -> None:
    config = theme.config()
    assert config["font"] == theme.FONT
    assert "system-ui" in theme.FONT and "url(" not in theme.FONT
    assert config["background"] == "transparent"


def test_chart_css_holds_the_generated_tokens() -> None:
    css = theme.CSS_FILE.read_text(encoding="utf-8")
    assert theme.token_css() in css, "run `python -m charts.theme --write` to update chart.css"


def test_chart_css_defines_each_token_for_both_schemes() -> None:
    css = theme.CSS_FILE.read_text(encoding="utf-8")
    slate = css[css.index('[data-md-color-scheme="slate"] {') :]
    for token in theme.TOKENS:
        assert f"--portal-{token.name}: {token.light};" in css
        assert f"--portal-{token.name}: {token.dark};" in slate
        assert f".pc-fill-{token.name} {{ fill: var(--portal-{token.name}); }}" in css


def test_concrete_replaces_tokens_with_one_scheme() -> None:
    spec = {"a": [theme.SERIES[0].ref, {"b": theme.TEXT.ref}], "c": 1}
    assert theme.concrete(spec, "dark") == {
        "a": [theme.SERIES[0].dark, {"b": theme.TEXT.dark}],
        "c": 1,
    }
