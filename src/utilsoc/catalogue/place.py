"""Where a new indicator goes in the text of referentiel.yaml: after a criterion's last one.

Why the parser's events and not the loaded data: the new block is added to the text the
person keeps, so it needs columns and lines (the `-` of the items, the end of the last
one), which only the event marks give. Comments and everything else stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from utilsoc.errors import UserError
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.reader import Loader


@dataclass(frozen=True)
class Slot:
    """Where to write: the columns of an item's `-` and keys, and the line to insert at.

    `line` is 0-based: the new lines go before the line of that number (at the end of
    the file when it equals the number of lines).
    """

    dash: int
    key: int
    line: int


@dataclass
class _Frame:
    mapping: bool
    flow: bool
    key: str | None = None
    index: int = 0
    expecting_key: bool = True

    @property
    def here(self) -> str | int | None:
        return self.key if self.mapping else self.index


@dataclass
class _Search:
    target: tuple[str | int, ...]
    depth: int | None = None
    dash: int = 0
    key: int | None = None
    end: tuple[int, int] = (0, 0)
    flows: list[bool] = field(default_factory=list)


def indicator_slot(text: str, domain: int, criterion: int, name: str) -> Slot:
    """Where a new indicator of criterion number `criterion` of domain `domain` goes.

    `text` is the référentiel, already known to be valid; `name` is its code, for messages.

    Raises:
        UserError: the criterion's indicators are written as a flow list (`[...]`).
    """
    search = _Search(("domaines", domain, "criteres", criterion, "indicateurs"))
    stack: list[_Frame] = []
    for event in yaml.parse(text, Loader=Loader):
        if _feed(search, stack, event):
            break
    if search.depth is None or search.key is None:
        raise UserError(f"critère « {name} » : liste d'indicateurs introuvable dans le texte")
    line, column = search.end
    return Slot(search.dash, search.key, line if column == 0 else line + 1)


def _feed(search: _Search, stack: list[_Frame], event: Any) -> bool:
    """Follow one event; True once the target list has ended."""
    inside = search.depth is not None and len(stack) > search.depth
    if isinstance(event, yaml.ScalarEvent):
        top = stack[-1] if stack else None
        if top is not None and top.mapping and top.expecting_key:
            top.key, top.expecting_key = normalize_key(event.value), False
            return False
        if inside:
            search.end = _end(event)
        _advance(stack)
    elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
        _start(search, stack, event, inside)
    elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
        frame = stack.pop()
        if search.depth is not None and len(stack) == search.depth:
            return True
        if inside and frame.flow:
            search.end = _end(event)
        _advance(stack)
    return False


def _end(event: Any) -> tuple[int, int]:
    mark: Any = event.end_mark
    return mark.line, mark.column


def _start(search: _Search, stack: list[_Frame], event: Any, inside: bool) -> None:
    path = tuple(frame.here for frame in stack)
    mapping = isinstance(event, yaml.MappingStartEvent)
    if path == search.target and not mapping and search.depth is None:
        if event.flow_style:
            raise UserError(
                "les indicateurs de ce critère sont écrits entre crochets",
                "écrivez-les en liste « - code: ... », un par bloc, ou ajoutez-le à la main",
            )
        search.depth, search.dash = len(stack), event.start_mark.column
    elif inside and search.key is None and len(stack) == (search.depth or 0) + 1:
        search.key = event.start_mark.column
    stack.append(_Frame(mapping, bool(event.flow_style)))


def _advance(stack: list[_Frame]) -> None:
    """A value is complete: the enclosing mapping waits for a key, a list for its next item."""
    if not stack:
        return
    top = stack[-1]
    if top.mapping:
        top.expecting_key = True
    else:
        top.index += 1
