"""A test-only page holding one of each building block the portal's pages use.

The real pages are still being written, so a check that only looked at them could pass
without ever seeing a chart, a table or a set of tabs. This page is made after the build from
one of the site's own built pages (the same header, navigation, footer and CSS) with its
content replaced by the Markdown below, rendered with the Markdown extensions of mkdocs.yml.
It is never published: it only exists in the browser tests' temporary build.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from bs4 import BeautifulSoup

SLUG = "portal-components-check"
TITLE = "Component check page"


def _chart(n: int, title: str, values: list[tuple[str, int]]) -> str:
    """An accessible inline SVG bar chart like the ones the chart builder makes."""
    width, height, left, bar = 520, 240, 140, 26
    top = 30
    biggest = max(v for _, v in values)
    rows = []
    for i, (label, value) in enumerate(values):
        y = top + i * (bar + 14)
        w = round((width - left - 60) * value / biggest)
        rows.append(
            f'<text x="{left - 8}" y="{y + 18}" text-anchor="end" font-size="14" '
            f'fill="currentColor">{label}</text>'
            f'<rect x="{left}" y="{y}" width="{w}" height="{bar}" fill="#1d70b8" '
            f'role="graphics-symbol" aria-label="{label}: {value}"></rect>'
            f'<text x="{left + w + 6}" y="{y + 18}" font-size="14" '
            f'fill="currentColor">{value}</text>'
        )
    description = ", ".join(f"{label} {value}" for label, value in values)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="chart-{n}-title chart-{n}-desc">'
        f'<title id="chart-{n}-title">{title}</title>'
        f'<desc id="chart-{n}-desc">Bar chart. {description}.</desc>' + "".join(rows) + "</svg>"
    )


def _table(n: int, caption: str, values: list[tuple[str, int]], wide: bool) -> str:
    extra = ["Stage 1", "Stage 2", "Stage 3", "Ombudsman", "Upheld in part", "Average days"]
    head = "<th scope='col'>Year</th><th scope='col' class='num'>Complaints</th>"
    if wide:
        head += "".join(f"<th scope='col' class='num'>{h}</th>" for h in extra)
    body = ""
    for label, value in values:
        cells = f"<th scope='row'>{label}</th><td class='num'>{value}</td>"
        if wide:
            cells += "".join(f"<td class='num'>{value // (i + 2)}</td>" for i in range(6))
        body += f"<tr>{cells}</tr>"
    return (
        f'<div class="portal-table" role="region" aria-labelledby="table-{n}-caption" '
        f'tabindex="0"><table><caption id="table-{n}-caption">{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


# Raw HTML is only recognised at the top level of Markdown, so the tabs are written with
# placeholders that are swapped for the chart and table after rendering.
_BLOCKS: dict[str, str] = {}


def _figure(n: int, title: str, values: list[tuple[str, int]], *, wide: bool = False) -> str:
    _BLOCKS[f"PORTALCHART{n}"] = _chart(n, title, values)
    _BLOCKS[f"PORTALTABLE{n}"] = _table(n, title, values, wide)
    return f"""<figure class="portal-figure" markdown>

=== "Chart"

    PORTALCHART{n}

=== "Table"

    PORTALTABLE{n}

<figcaption>Figure {n}: {title}. Source: the council's annual complaints reports.</figcaption>
</figure>
"""


YEARS = [("2019 to 2020", 120), ("2020 to 2021", 95), ("2021 to 2022", 101), ("2022 to 2023", 88)]
OUTCOMES = [("Upheld", 31), ("Partly upheld", 22), ("Not upheld", 47)]

PARAGRAPH = (
    "Most complaints are sorted out at Stage 1. This paragraph is here to make the page long, "
    "like a year's report, with [a link in a sentence](../) that is exempt from the target "
    "size rule because it sits in a line of text."
)

SAMPLE = f"""# {TITLE}

{PARAGRAPH}

## Complaints each year

{PARAGRAPH}

{_figure(1, "Complaints at Stage 1 each year", YEARS, wide=True)}

{PARAGRAPH}

## How complaints were decided

{PARAGRAPH}

{_figure(2, "Outcomes of Stage 1 complaints", OUTCOMES)}

!!! note "About these figures"

    A blank cell means the figure was not published. It never means zero.

??? info "How the figures were checked"

    Every figure is traced to a section of the council's own report.

## Pages on this site

- [Home](../)
- [How to complain](../how-to-complain/)
- [Accessibility statement](../accessibility/)
- [Privacy](../privacy/)

{PARAGRAPH}

## A plain Markdown table

| Stage | Complaints | Upheld | Partly upheld | Not upheld | Withdrawn | Still open |
|-------|-----------:|-------:|--------------:|-----------:|----------:|-----------:|
| 1     | 120        | 31     | 22            | 47         | 12        | 8          |
| 2     | 14         | 3      | 4             | 6          | 1         | 0          |

{PARAGRAPH}

## Last section

{PARAGRAPH}

{PARAGRAPH}
"""


def _markdown_settings(config_file: Path) -> tuple[list, dict]:
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def render(config_file: Path) -> str:
    extensions, configs = _markdown_settings(config_file)
    html = markdown.markdown(SAMPLE, extensions=extensions, extension_configs=configs)
    for placeholder, block in _BLOCKS.items():
        if f"<p>{placeholder}</p>" not in html:
            raise RuntimeError(f"{placeholder} not found in the rendered component page")
        html = html.replace(f"<p>{placeholder}</p>", block)
    return html


def add_component_page(site: Path, config_file: Path) -> str:
    """Write site/<SLUG>/index.html; returns its URL path."""
    shells = sorted(p for p in site.glob("*/index.html") if p.parent.name != SLUG)
    if not shells:
        raise RuntimeError(f"no page one folder deep in {site} to copy the theme from")
    soup = BeautifulSoup(shells[0].read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article", id="main-content")
    if article is None:
        raise RuntimeError(
            f"{shells[0]} has no <article id='main-content'>: overrides/main.html not used?"
        )
    article.clear()
    article.append(BeautifulSoup(render(config_file), "html.parser"))
    # The copied page's own contents list would point at headings that are not here.
    for toc in soup.select(".md-sidebar--secondary .md-nav--secondary"):
        toc.decompose()
    if soup.title is not None:
        soup.title.string = re.sub(r"^.*? - ", f"{TITLE} - ", soup.title.get_text())
    for topic in soup.select('[data-md-component="header-topic"] .md-ellipsis'):
        topic.string = TITLE
    target = site / SLUG / "index.html"
    target.parent.mkdir(exist_ok=True)
    target.write_text(str(soup), encoding="utf-8")
    return f"/{SLUG}/"
