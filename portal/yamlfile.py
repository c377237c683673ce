"""YAML loading that remembers the line of every key, so problems can name it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class LoadedYaml:
    data: Any
    lines: dict[tuple[str | int, ...], int]
    # (path of the repeated key, line): YAML itself keeps the last value silently.
    duplicates: tuple[tuple[tuple[str | int, ...], int], ...] = ()

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        """Line of the deepest known node on the path (1-based)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


class YamlSyntaxError(Exception):
    def __init__(self, line: int | None, message: str):
        self.line = line
        super().__init__(message)


# libyaml's parser when PyYAML was built with it (several times faster), else the pure one.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Safe loader; dates stay text so the models decide what a date is."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> LoadedYaml:
    text = path.read_text(encoding="utf-8")
    try:
        loader = _Loader(text)
        try:
            # Parsed once: the nodes give the lines, the same nodes give the data.
            node = loader.get_single_node()
            data = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlSyntaxError(line, _syntax_message(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(None, f"not valid YAML: {exc}") from None
    except ValueError:
        # PyYAML lets a value it cannot build escape: a number thousands of digits long.
        raise YamlSyntaxError(None, "not valid YAML: a number is far too long") from None
    lines: dict[tuple[str | int, ...], int] = {}
    duplicates: list[tuple[tuple[str | int, ...], int]] = []
    if node is not None:
        _walk(node, (), lines, duplicates, set())
    return LoadedYaml(data, lines, tuple(duplicates))


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "syntax error"
    hint = " (check the indentation and that text containing ': ' or '#' is in quotes)"
    return f"not valid YAML: {problem}{hint}"


def _walk(
    node: yaml.Node,
    loc: tuple[str | int, ...],
    lines: dict[tuple[str | int, ...], int],
    duplicates: list[tuple[tuple[str | int, ...], int]],
    walked: set[int],
) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if id(node) in walked:
        return  # an alias (*name) of a node already walked, maybe one containing itself
    walked.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                duplicates.append(((*loc, key), line))
                continue
            seen.add(key)
            lines[(*loc, key)] = line
            _walk(value_node, (*loc, key), lines, duplicates, walked)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), lines, duplicates, walked)
