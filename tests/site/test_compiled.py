"""Pages compiled as Jinja templates once: from the cache in later builds, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemBytecodeCache, StrictUndefined

from portal.site.compiled import compile_once

PAGE = "# {{ title }}\n\n{% for n in numbers %}- {{ n }}\n{% endfor %}"


def environment(folder: Path, **settings) -> Environment:
    env = Environment(undefined=StrictUndefined, **settings)
    compile_once(env, FileSystemBytecodeCache(str(folder)))
    return env


def refuse_to_compile(env: Environment, monkeypatch) -> None:
    def compile(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(env, "compile", compile)


def test_a_page_renders_as_jinja_would_render_it(tmp_path: Path) -> None:
    cached = environment(tmp_path).from_string(PAGE)
    plain = Environment(undefined=StrictUndefined).from_string(PAGE)
    values = {"title": "Complaints", "numbers": [1, 2]}
    assert cached.render(**values) == plain.render(**values) == "# Complaints\n\n- 1\n- 2\n"


def test_a_later_build_takes_the_page_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    environment(tmp_path).from_string(PAGE)
    later = environment(tmp_path)  # a new process: nothing in memory
    refuse_to_compile(later, monkeypatch)
    assert later.from_string(PAGE).render(title="T", numbers=[]) == "# T\n\n"


def test_an_edited_page_is_compiled_again(tmp_path: Path, monkeypatch) -> None:
    environment(tmp_path).from_string(PAGE)
    later = environment(tmp_path)
    refuse_to_compile(later, monkeypatch)
    with pytest.raises(AssertionError, match="compiled again"):
        later.from_string(PAGE + "\nMore text.")


def test_other_delimiters_do_not_reuse_the_code(tmp_path: Path) -> None:
    environment(tmp_path).from_string("[[ title ]] {{ title }}")
    other = environment(tmp_path, variable_start_string="[[", variable_end_string="]]")
    assert other.from_string("[[ title ]] {{ title }}").render(title="T") == "T {{ title }}"


def test_patching_twice_changes_nothing(tmp_path: Path) -> None:
    env = environment(tmp_path)
    patched = env.from_string
    compile_once(env, FileSystemBytecodeCache(str(tmp_path)))
    assert env.from_string is patched
