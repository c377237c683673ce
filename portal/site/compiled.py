"""Compiled Jinja templates, kept in `.cache/jinja/` between builds.

Two kinds: the theme's templates (MkDocs loads them through a loader, which uses Jinja's own
bytecode cache) and the pages themselves. mkdocs-macros turns each page's Markdown into a
template with `Environment.from_string`, which has no cache and compiles it again in every
build: about 0.1 s for this site, eight of its pages being the same year template.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, Template

# What decides the code a source compiles to, besides the source (jinja2.lexer.get_lexer
# keys its lexers on the same settings).
_COMPILE_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
)


def cache_dir(config_file: str | os.PathLike[str]) -> Path:
    folder = Path(config_file).parent / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def bytecode_cache(config_file: str | os.PathLike[str]) -> FileSystemBytecodeCache:
    return FileSystemBytecodeCache(str(cache_dir(config_file)))


def compile_once(env: Environment, cache: BytecodeCache) -> None:
    """Let env.from_string take a source's compiled code from cache, and compile only a source
    it has not seen (in this or an earlier build). Calling it again changes nothing."""
    if "from_string" in vars(env):
        return
    settings = _settings(env)

    def from_string(
        source: Any,
        globals: dict[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str):  # a parsed template: nothing to look up
            return Environment.from_string(env, source, globals, template_class)
        name = hashlib.sha256(f"{settings}\0{source}".encode()).hexdigest()
        bucket = cache.get_bucket(env, name, None, source)
        if bucket.code is None:
            bucket.code = env.compile(source)
            cache.set_bucket(bucket)
        cls = template_class or env.template_class
        return cls.from_code(env, bucket.code, env.make_globals(globals), None)

    env.from_string = from_string  # type: ignore[method-assign]


def _settings(env: Environment) -> str:
    values = [repr(getattr(env, name)) for name in _COMPILE_SETTINGS]
    values += sorted(env.extensions)
    autoescape = env.autoescape(None) if callable(env.autoescape) else env.autoescape
    values += [repr(bool(autoescape)), repr(env.finalize is not None)]
    return "\0".join(values)
