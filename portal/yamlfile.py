"""YAML loading that remembers the line of every key, so problems can name it.

Strict on purpose. Staff write plain values; PyYAML reads YAML 1.1, where `010` is 8,
`1:30` is 90 and `no` is false. Here numbers and booleans follow YAML 1.2's core schema,
and a plain value YAML 1.1 would have read as a number or a boolean (`010`, `1:30`, `yes`,
`0x1F`, `1_000`) is kept as the text typed and reported (LoadedYaml.ambiguous), so nothing
changes silently. Anchors, aliases and tags are refused (staff need none of them, and an
alias repeated thousands of times exhausts memory), and so is nesting deeper than
MAX_DEPTH, before anything is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from portal import safefile

Loc = tuple[str | int, ...]

# Far deeper than any data file (report.yml is 4 levels); a bound so nothing recurses without end.
MAX_DEPTH = 20


@dataclass(frozen=True)
class LoadedYaml:
    data: Any
    lines: dict[Loc, int]
    # (path of the repeated key, line): YAML itself keeps the last value silently.
    duplicates: tuple[tuple[Loc, int], ...] = ()
    # (path, line, text as typed, what to write instead): values kept as text, to report.
    ambiguous: tuple[tuple[Loc, int, str, str], ...] = field(default=())

    def line_of(self, loc: Loc) -> int | None:
        """Line of the deepest known node on the path (1-based)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


class YamlSyntaxError(Exception):
    """The file cannot be read at all; field names the key when it is known.

    path is set when the file was refused as a link or special file: the link (maybe a
    folder above the file).
    """

    def __init__(
        self, line: int | None, message: str, field: str | None = None, path: Path | None = None
    ):
        self.line = line
        self.field = field
        self.path = path
        super().__init__(message)


# libyaml's parser when PyYAML was built with it (several times faster), else the pure one.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
AMBIGUOUS = "tag:portal,2026:ambiguous"

_BOOL_1_1 = r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
_LEADING_ZERO = r"[-+]?0[0-9_]+(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
_OTHER_BASE = r"[-+]?0(?:[bB][0-1_]+|[oO][0-7_]+|[xX][0-9a-fA-F_]+)"
_BASE_60 = r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
_UNDERSCORE = r"[-+]?(?=[0-9.]*_)[0-9_.]*[0-9][0-9_.]*(?:[eE][-+]?[0-9]+)?"

# YAML 1.2 core schema, first match wins; dates stay text so the models decide what a date is.
_RESOLVERS: tuple[tuple[str, str, str], ...] = (
    (_TAG + "bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    (_TAG + "int", r"[-+]?(?:0|[1-9][0-9]*)", "-+0123456789"),
    (
        _TAG + "float",
        r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+0123456789.",
    ),
    (_TAG + "null", r"~|null|Null|NULL|", "~nN"),
    (
        AMBIGUOUS,
        "|".join((_LEADING_ZERO, _OTHER_BASE, _BASE_60, _UNDERSCORE, _BOOL_1_1)),
        "-+.0123456789yYnNoO",
    ),
)


class _Loader(_SafeLoader):
    """Safe loader with the YAML 1.2 core resolvers above."""


_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _RESOLVERS:
    _regexp = re.compile(rf"^(?:{_pattern})$")
    for _char in [*_first, *([""] if _tag.endswith("null") else [])]:
        _Loader.yaml_implicit_resolvers.setdefault(_char, []).append((_tag, _regexp))
_Loader.add_constructor(AMBIGUOUS, yaml.SafeLoader.construct_yaml_str)

_ANCHOR = (
    "anchors (&name) and aliases (*name) are not used in data files: "
    "write the value out in full where it is needed"
)
_TAGGED = "tags (words starting with '!') are not used in data files: remove it"
_KEY = "a key must be a plain word, such as 'count:'"


def load_yaml(path: Path, root: Path | None = None) -> LoadedYaml:
    """The file's data and lines; root is the data folder (no part below it may be a link).

    Raises UnicodeDecodeError or YamlSyntaxError; never builds an alias.
    """
    try:
        text = safefile.read_text(path, root)
    except safefile.UnsafeFile as exc:
        raise YamlSyntaxError(None, str(exc), "file", exc.path) from None
    state = _State()
    try:
        loader = _Loader(text)
        try:
            # Parsed once: the events give the lines and refusals, the nodes give the data.
            node = _document(loader, state)
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
    return LoadedYaml(data, state.lines, tuple(state.duplicates), tuple(state.ambiguous))


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "syntax error"
    hint = " (check the indentation and that text containing ': ' or '#' is in quotes)"
    return f"not valid YAML: {problem}{hint}"


@dataclass
class _State:
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicates: list[tuple[Loc, int]] = field(default_factory=list)
    ambiguous: list[tuple[Loc, int, str, str]] = field(default_factory=list)


def _document(loader: yaml.SafeLoader, state: _State) -> Node | None:
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # document start
    node = _node(loader, (), 0, state)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        mark = loader.get_event().start_mark
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", None, "but found another document", mark
        )
    return node


def _refuse(event: yaml.Event, loc: Loc, message: str) -> YamlSyntaxError:
    return YamlSyntaxError(event.start_mark.line + 1, message, ".".join(map(str, loc)) or "(file)")


def _checked(loader: yaml.SafeLoader, loc: Loc, depth: int) -> yaml.Event:
    """The next event, refused if it is an alias, has an anchor or a tag, or is too deep."""
    event = loader.get_event()
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        raise _refuse(event, loc, _ANCHOR)
    if getattr(event, "tag", None) not in (None, "!"):
        raise _refuse(event, loc, _TAGGED)
    if depth > MAX_DEPTH:
        raise _refuse(
            event,
            loc,
            f"nested more than {MAX_DEPTH} levels deep: no data file needs that many; "
            "check the indentation",
        )
    return event


def _node(loader: yaml.SafeLoader, loc: Loc, depth: int, state: _State) -> Node:
    event = _checked(loader, loc, depth)
    line = event.start_mark.line + 1
    state.lines.setdefault(loc, line)
    if isinstance(event, yaml.ScalarEvent):
        tag = loader.resolve(ScalarNode, event.value, event.implicit)
        if tag == AMBIGUOUS:
            state.ambiguous.append((loc, line, event.value, ambiguity(event.value)))
        return ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    if isinstance(event, yaml.SequenceStartEvent):
        tag = loader.resolve(SequenceNode, None, event.implicit)
        items: list[Node] = []
        while not loader.check_event(yaml.SequenceEndEvent):
            items.append(_node(loader, (*loc, len(items)), depth + 1, state))
        end = loader.get_event().end_mark
        return SequenceNode(tag, items, event.start_mark, end, flow_style=event.flow_style)
    tag = loader.resolve(MappingNode, None, event.implicit)
    pairs: list[tuple[Node, Node]] = []
    seen: set[str] = set()
    while not loader.check_event(yaml.MappingEndEvent):
        key_event = _checked(loader, loc, depth + 1)
        if not isinstance(key_event, yaml.ScalarEvent):
            raise _refuse(key_event, loc, _KEY)
        key = key_event.value
        key_node = ScalarNode(
            loader.resolve(ScalarNode, key, key_event.implicit),
            key,
            key_event.start_mark,
            key_event.end_mark,
            style=key_event.style,
        )
        key_line = key_event.start_mark.line + 1
        if key in seen:
            state.duplicates.append(((*loc, key), key_line))
            # The repeat is reported; its value is read only to reach the next key.
            value = _node(loader, (*loc, key), depth + 1, _State())
        else:
            seen.add(key)
            state.lines[(*loc, key)] = key_line
            value = _node(loader, (*loc, key), depth + 1, state)
        pairs.append((key_node, value))
    end = loader.get_event().end_mark
    return MappingNode(tag, pairs, event.start_mark, end, flow_style=event.flow_style)


def ambiguity(text: str) -> str:
    """What to write instead of a plain value YAML 1.1 reads as a number or true/false."""
    bare = text.lstrip("+-")
    if re.fullmatch(_BOOL_1_1, text):
        return (
            "this could be read as yes/no (true/false): write true or false, leave it "
            "empty if the figure was not published, or put it in quotes if it is text"
        )
    if ":" in text:
        return (
            "a number with ':' is read as minutes and seconds (1:30 is 90): "
            "write the number itself, or put it in quotes if it is text"
        )
    if "_" in text:
        return "write the number without '_', or put it in quotes if it is text"
    if bare[:2].lower() in ("0b", "0o", "0x"):
        return "write the number in ordinary digits, or put it in quotes if it is text"
    sign = text[: len(text) - len(bare)].replace("+", "")
    plain = bare.lstrip("0")
    plain = "0" + plain if plain[:1] in ("", ".") else plain
    return f"a number can't start with 0: write {sign}{plain}, or put it in quotes if it is text"
