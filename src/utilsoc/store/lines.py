"""A fast reader for measurement files as `record` writes them: one flow mapping per line.

Why: at federation scale (a million values) PyYAML's event stream alone costs seconds per
hundred thousand records. Files written by utilsoc use a small subset of YAML; this reader
accepts only that subset and gives up (returns None) on anything else, so the strict
reader stays the one judge of every file a person has edited in unusual ways. For what it
accepts, it returns exactly what `parse_yaml` returns (a property test checks it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from utilsoc.yamlio.keys import normalize_key

_SECTION = re.compile(r"([^\W\d]\w*):[ \t]*")
_ITEM = re.compile(r"[ ]+- \{(.*)\}[ \t]*")
_TOKEN = re.compile(
    r"""(?P<key>[^\W\d]\w*):[ ]"""
    r"""|(?P<str>"(?:[^"\\\x00-\x1f]|\\["\\nrtbf]|\\u(?![dD][89a-fA-F])[0-9a-fA-F]{4})*")"""
    r"""|(?P<plain>-?[A-Za-z0-9_][A-Za-z0-9_.\-+]*)"""
    r"""|(?P<open>[{\[])|(?P<close>[}\]])|(?P<sep>,[ ])"""
)
_NULLS = frozenset({"~", "null", "Null", "NULL"})
# Records nest two levels (`dimensions`, `remplace`); deeper lines go to the strict reader,
# which names the problem, instead of recursing here until Python gives up.
_MAX_NESTING = 8
# Characters PyYAML refuses anywhere in a stream: the fast path leaves them to it.
NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


class _Refused(Exception):
    """The line is outside the fast subset."""


def parse_fast(
    text: str, shortcuts: dict[str, Callable[[str], Any]] | None = None
) -> tuple[dict[str, Any], dict[str, list[int]]] | None:
    """Sections of records and each record's line number, or None if not in the subset.

    `shortcuts` maps a section to a function that reads one whole line at once (returning
    None when the line is not of its exact form, which then goes through the tokenizer).
    """
    if NOT_PRINTABLE.search(text):
        return None
    sections = _Sections(shortcuts or {})
    add_item, is_item = sections.add_item, _ITEM.fullmatch  # bound once: a million lines
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        item = is_item(line)
        if item is not None and sections.lines:
            read = add_item(line, item.group(1), number)
        else:
            read = sections.open(line)
        if not read:
            return None
    return sections.result()


class _Sections:
    """The sections read so far; the last one receives the items that follow it."""

    def __init__(self, shortcuts: dict[str, Callable[[str], Any]]) -> None:
        self.shortcuts = shortcuts
        self.sections: dict[str, Any] = {}
        self.lines: dict[str, list[int]] = {}
        self.current: list[Any] = []
        self.numbers: list[int] = []
        self.indent = ""
        self.shortcut: Callable[[str], Any] | None = None

    def open(self, line: str) -> bool:
        """Start the section `line` names; False when it is not a new section's line."""
        section = _SECTION.fullmatch(line)
        if section is None:
            return False
        name = section.group(1)
        if normalize_key(name) in map(normalize_key, self.sections):
            return False
        self.current, self.numbers = [], []
        self.shortcut = self.shortcuts.get(normalize_key(name))
        self.sections[name] = self.current
        self.lines[name] = self.numbers
        return True

    def add_item(self, line: str, inner: str, number: int) -> bool:
        """Read one `- {…}` item; False when it leaves the subset."""
        if not self.current:
            self.indent = line[: line.index("-")]
        elif not line.startswith(self.indent + "- "):
            return False
        record = self.shortcut(line) if self.shortcut is not None else None
        if record is None:
            try:
                record = _mapping(inner)
            except _Refused:
                return False
        self.current.append(record)
        self.numbers.append(number)
        return True

    def result(self) -> tuple[dict[str, Any], dict[str, list[int]]] | None:
        if not self.sections:
            return None
        # `valeurs:` with no item is a null in YAML, not an empty list.
        return {k: (v if v else None) for k, v in self.sections.items()}, self.lines


def _mapping(inner: str) -> dict[str, Any]:
    tokens = [(m.lastgroup, m.group()) for m in _scan(inner)]
    value, end = _parse_mapping(tokens, 0)
    if end != len(tokens):
        raise _Refused
    return value


def _scan(inner: str) -> list[re.Match[str]]:
    matches = []
    position = 0
    while position < len(inner):
        match = _TOKEN.match(inner, position)
        if match is None:
            raise _Refused
        matches.append(match)
        position = match.end()
    return matches


def _parse_mapping(
    tokens: list[tuple[str | None, str]], index: int, depth: int = 0
) -> tuple[dict[str, Any], int]:
    result: dict[str, Any] = {}
    while index < len(tokens):
        kind, text = tokens[index]
        if kind != "key":
            raise _Refused
        key = text[:-2]
        if key == "<<" or any(normalize_key(key) == normalize_key(k) for k in result):
            raise _Refused
        result[key], index = _parse_value(tokens, index + 1, depth)
        if index < len(tokens) and tokens[index][0] == "sep":
            index += 1
            continue
        break
    return result, index


def _parse_value(tokens: list[tuple[str | None, str]], index: int, depth: int) -> tuple[Any, int]:
    if index >= len(tokens) or depth > _MAX_NESTING:
        raise _Refused
    kind, text = tokens[index]
    if kind == "str":
        return json.loads(text), index + 1
    if kind == "plain":
        return (None if text in _NULLS else text), index + 1
    if kind == "open" and text == "{":
        value, index = _parse_mapping(tokens, index + 1, depth + 1)
        return value, _close(tokens, index, "}")
    if kind == "open":
        return _parse_list(tokens, index + 1, depth + 1)
    raise _Refused


def _parse_list(
    tokens: list[tuple[str | None, str]], index: int, depth: int
) -> tuple[list[Any], int]:
    items: list[Any] = []
    while index < len(tokens) and tokens[index] != ("close", "]"):
        item, index = _parse_value(tokens, index, depth)
        items.append(item)
        if index < len(tokens) and tokens[index][0] == "sep":
            index += 1
    return items, _close(tokens, index, "]")


def _close(tokens: list[tuple[str | None, str]], index: int, bracket: str) -> int:
    if index >= len(tokens) or tokens[index] != ("close", bracket):
        raise _Refused
    return index + 1
