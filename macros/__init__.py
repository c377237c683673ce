"""mkdocs-macros entry point: thin wrappers that put the built components into pages.

Logic lives in plain, unit-tested functions under portal/; these only look up the dataset.
"""

from __future__ import annotations

from macros.register import register


def define_env(env) -> None:
    register(env)
