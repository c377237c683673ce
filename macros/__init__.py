"""mkdocs-macros entry point: thin wrappers that put the built components into pages.

Logic lives in plain, unit-tested functions under portal/; these only look up the dataset.
"""

from __future__ import annotations

from macros.register import register
from portal.site.compiled import bytecode_cache, compile_once


def define_env(env) -> None:
    register(env)


def on_pre_page_macros(env) -> None:
    # Each page is compiled as a Jinja template once, not in every build
    # (portal/site/compiled.py). mkdocs-macros makes its Jinja environment after define_env.
    compile_once(env.env, bytecode_cache(env.conf["config_file_path"]))
