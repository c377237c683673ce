"""MkDocs hooks: validate the data first, then add one page per year and the downloads.

A data problem stops the build with the validator's own messages and no traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from portal.problems import DataError
from portal.site import state

log = logging.getLogger("mkdocs.plugins.portal")
ROOT = Path(__file__).resolve().parents[2]
YEAR_TEMPLATE = ROOT / "templates" / "year.md"
# The chart colours live beside the chart code; the site serves that one file.
CHART_CSS = ROOT / "charts" / "chart.css"
CHART_CSS_URI = "stylesheets/chart.css"
REPORTS_ENTRY = "Annual reports"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        dataset = state.load(config.config_file_path)
    except DataError as exc:
        raise PluginError(str(exc)) from None
    config.site_name = f"{dataset.council.name}: children's social care complaints"
    config.nav = _nav_with_years(config.nav, [y.label for y in reversed(dataset.years)])
    if CHART_CSS_URI not in config.extra_css:
        config.extra_css.append(CHART_CSS_URI)
    return config


def _nav_with_years(nav: list | None, labels: list[str]) -> list | None:
    if nav is None:
        return None
    result = []
    for entry in nav:
        if isinstance(entry, dict) and REPORTS_ENTRY in entry:
            pages = [{"All years": entry[REPORTS_ENTRY]}]
            pages += [{_long(label): f"reports/{label}.md"} for label in labels]
            result.append({REPORTS_ENTRY: pages})
        else:
            result.append(entry)
    return result


def _long(label: str) -> str:
    start = int(label[:4])
    return f"{start} to {start + 1}"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    template = YEAR_TEMPLATE.read_text(encoding="utf-8")
    for year in state.current().years:
        content = f'---\nyear: "{year.label}"\n---\n{template}'
        files.append(File.generated(config, f"reports/{year.label}.md", content=content))
    files.append(File.generated(config, CHART_CSS_URI, content=CHART_CSS.read_text("utf-8")))
    from portal.site.downloads import download_files

    for name, content in download_files(state.current()).items():
        files.append(File.generated(config, f"downloads/{name}", content=content))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    from portal.render.svg import TOTALS

    removed = state.renderer().prune()
    log.info("%s; %d stale cache entries removed", TOTALS.summary(), removed)
