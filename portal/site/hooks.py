"""MkDocs hooks: validate the data first, then add one page per year and the downloads, put
the macros' HTML back after Markdown, and the charts in last (CONTRIBUTING.md, "How a build
goes").

A data problem stops the build with the validator's own messages and no traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from portal.yearlabel import long_label
from portal.problems import DataError
from portal.site import guard, state

if TYPE_CHECKING:
    from portal.dataset import Dataset

log = logging.getLogger("mkdocs.plugins.portal")
ROOT = Path(__file__).resolve().parents[2]
YEAR_TEMPLATE = ROOT / "templates" / "year.md"
# The chart colours live beside the chart code; the site serves that one file.
CHART_CSS = ROOT / "charts" / "chart.css"
CHART_CSS_URI = "stylesheets/chart.css"
REPORTS_ENTRY = "Annual reports"
# Pages written before their charts were drawn: (output file, source page).
_unfinished: list[tuple[str, str]] = []

# Every hook that does work: an exception none of them expected is a bug (portal.site.guard).
_guarded = guard.guarded(lambda: state.close())


def on_startup(command: str, dirty: bool) -> None:
    guard.started(command)


@_guarded
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _unfinished.clear()
    guard.catch_ctrl_c(state.close)
    try:
        state.start(config.config_file_path)
    except DataError as exc:
        state.close()
        raise PluginError(str(exc)) from None
    if state.memo().warm:
        log.info("data: unchanged since the last build, which validated it")
    config.site_name = state.remembered(
        "site:name", lambda data: f"{data.council.name}: children's social care complaints"
    )
    config.nav = _nav_with_years(config.nav, list(reversed(_year_labels())))
    # The theme's banner on every page says the site is unfinished (overrides/main.html).
    config.extra["portal_placeholders"] = state.remembered(
        "site:placeholders", lambda data: len(data.council.placeholders())
    )
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
            pages += [{long_label(label): f"reports/{label}.md"} for label in labels]
            result.append({REPORTS_ENTRY: pages})
        else:
            result.append(entry)
    return result


def _year_labels() -> list[str]:
    return state.remembered("site:years", lambda data: [y.label for y in data.years])


@_guarded
def on_files(files: Files, config: MkDocsConfig) -> Files:
    template = YEAR_TEMPLATE.read_text(encoding="utf-8")
    for label in _year_labels():
        content = f'---\nyear: "{label}"\n---\n{template}'
        files.append(File.generated(config, f"reports/{label}.md", content=content))
    files.append(File.generated(config, CHART_CSS_URI, content=CHART_CSS.read_text("utf-8")))
    for name, content in state.remembered("site:downloads", _downloads).items():
        files.append(File.generated(config, f"downloads/{name}", content=content))
    return files


def _downloads(data: Dataset) -> dict[str, str]:
    from portal.site.downloads import download_files

    return download_files(data)


@_guarded
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Keep the theme's compiled templates between builds: compiling Material's templates is
    a fifth of a plain build. Jinja checks each template's source before it uses the cache."""
    from portal.site.compiled import bytecode_cache

    env.bytecode_cache = bytecode_cache(config.config_file_path)
    return env


@_guarded
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The macros' HTML blocks back in, now that Markdown is done (see portal.site.deferred)."""
    from portal.site.deferred import DeferredError

    try:
        return state.deferred().restore(html)
    except DeferredError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


@_guarded
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Charts go in last, after Markdown and the search index have seen the page. A page
    whose charts are still being drawn is finished in on_post_build, so the build goes on."""
    if state.renderer().ready(output):
        return _fill(output, page.file.src_uri)
    _unfinished.append((page.file.abs_dest_path, page.file.src_uri))
    return output


def _fill(html: str, source: str) -> str:
    from portal.render.renderer import ChartError

    try:
        return state.renderer().fill(html)
    except ChartError as exc:
        raise PluginError(f"{source}: {exc}") from None


@_guarded
def on_post_build(config: MkDocsConfig) -> None:
    while _unfinished:
        path, source = _unfinished.pop(0)
        file = Path(path)
        file.write_text(_fill(file.read_text(encoding="utf-8"), source), encoding="utf-8")
    state.finish()
    removed = state.renderer().prune()
    log.info("%s; %d stale cache entries removed", state.renderer().counts.summary(), removed)
    guard.release()


def on_build_error(error: Exception) -> None:
    _unfinished.clear()
    state.close()
    guard.release()


def on_shutdown() -> None:
    """`mkdocs build` (or `serve`) is done and the process exits next. Python's last garbage
    collection would walk every object the build made (about 0.2 s here) only to free memory
    that the exit frees anyway; frozen objects are left out of it."""
    import gc

    gc.freeze()
