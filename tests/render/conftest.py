"""The page pipeline our HTML goes through: Jinja (mkdocs-macros), then Python-Markdown with
exactly the extensions mkdocs.yml configures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"


def _extensions() -> tuple[list[str], dict[str, dict]]:
    config = yaml_load(MKDOCS_YML.read_text(encoding="utf-8"))  # MkDocs' loader: !ENV
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(entry)
    return names, configs


@pytest.fixture(scope="session")
def site_markdown() -> Callable[[str], str]:
    """Markdown source -> HTML, as the site's pages are converted."""
    names, configs = _extensions()

    def convert(source: str) -> str:
        return markdown.Markdown(extensions=names, extension_configs=configs).convert(source)

    return convert


@pytest.fixture(scope="session")
def page_pipeline(site_markdown) -> Callable[[str], str]:
    """A page as mkdocs-macros then Markdown see it: the whole text is a Jinja template first
    (as if the component's HTML had been pasted into the page), then Markdown."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)

    def run(source: str) -> str:
        return site_markdown(env.from_string(source).render())

    return run
