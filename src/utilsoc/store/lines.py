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
    sections: dict[str, Any] = {}
    lines: dict[str, list[int]] = {}
    current: list[Any] = []
    numbers: list[int] = []
    indent = ""
    shortcut: Callable[[str], Any] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        item = _ITEM.fullmatch(line)
        if item is not None and lines:
            if not current:
                indent = line[: line.index("-")]
            elif not line.startswith(indent + "- "):
                return None
            quick = shortcut(line) if shortcut is not None else None
            if quick is not None:
                current.append(quick)
                numbers.append(number)
                continue
            try:
                current.append(_mapping(item.group(1)))
            except _Refused:
                return None
            numbers.append(number)
            continue
        section = _SECTION.fullmatch(line)
        if section is None or normalize_key(section.group(1)) in map(normalize_key, sections):
            return None
        current, numbers = [], []
        shortcut = (shortcuts or {}).get(normalize_key(section.group(1)))
        sections[section.group(1)] = current
        lines[section.group(1)] = numbers
    if not sections:
        return None
    # `valeurs:` with no item is a null in YAML, not an empty list.
    return {k: (v if v else None) for k, v in sections.items()}, lines


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
        items: list[Any] = []
        index += 1
        while index < len(tokens) and tokens[index] != ("close", "]"):
            item, index = _parse_value(tokens, index, depth + 1)
            items.append(item)
            if index < len(tokens) and tokens[index][0] == "sep":
                index += 1
        return items, _close(tokens, index, "]")
    raise _Refused


def _close(tokens: list[tuple[str | None, str]], index: int, bracket: str) -> int:
    if index >= len(tokens) or tokens[index] != ("close", bracket):
        raise _Refused
    return index + 1
