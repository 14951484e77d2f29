"""Parser events to plain data: positions kept, anchors, aliases, tags and duplicates refused."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.syntax import MAX_DEPTH, nesting_issue

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
PathKey = tuple[str | int, ...]
Position = tuple[int, int]
# After `couleur: ` or `- `: a `#` glued to what follows, as in `#1D5C4D`.
_GLUED_HASH = re.compile(r"[ \t]+(#\S.*?)\s*$")

_NO_KEY = object()
_SKIP = object()


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    path: PathKey
    key: Any = _NO_KEY
    seen: dict[str, tuple[int, str]] = field(default_factory=dict)


class Builder:
    """Turns parser events into plain data, recording positions and refusals."""

    def __init__(self, display: str, track_positions: bool) -> None:
        self.display = display
        self.track = track_positions
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.positions: dict[PathKey, Position] = {}
        self.key_positions: dict[PathKey, Position] = {}
        self.issues: list[Issue] = []
        # Empty values (`couleur:`), where their line goes on: see `hashed_values`.
        self.empty: dict[PathKey, Position] = {}

    def feed(self, event: Any) -> None:
        """Take one parser event."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._scalar(event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._start(event, {} if kind is yaml.MappingStartEvent else [])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
        elif kind is yaml.AliasEvent:
            self._alias(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self._fatal(
                    event,
                    Code.PLUSIEURS_DOCUMENTS,
                    "plusieurs documents dans un même fichier (séparateur « --- »)",
                    "un fichier ne contient qu'un document : supprimez le « --- » "
                    "ou séparez en deux fichiers",
                )

    def _alias(self, event: Any) -> None:
        self._refuse(
            event,
            Code.ALIAS,
            f"alias « *{event.anchor} » interdit",
            "recopiez le contenu au lieu d'y faire référence",
        )
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is _NO_KEY:
            top.key = _SKIP  # an alias used as a key (`*a : v`): its value is dropped
        else:
            self._add_value(None, event)

    def _scalar(self, event: Any) -> None:
        self._check_node(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is _NO_KEY:
            self._key(top, event)
            return
        plain = not event.style
        value = None if plain and event.value in NULLS else event.value
        path = self._add_value(value, event)
        if plain and event.value == "":
            self.empty[path] = (event.start_mark.line, event.start_mark.column)

    def _key(self, frame: _Frame, event: Any) -> None:
        key = event.value
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if key == "<<" and not event.style:
            self._refuse(
                event,
                Code.CLE_DE_FUSION,
                "clé de fusion « << » interdite",
                "recopiez les clés voulues dans ce bloc",
            )
            frame.key = _SKIP
            return
        norm = normalize_key(key)
        if norm in frame.seen:
            first_line, first_key = frame.seen[norm]
            same = "" if first_key == key else f" (« {first_key} »)"
            self.issues.append(
                Issue(
                    self.display,
                    line,
                    column,
                    Code.CLE_EN_DOUBLE,
                    f"clé « {key} » en double : déjà définie ligne {first_line}{same}",
                    "gardez-en une seule (après une fusion git, vérifiez laquelle est la bonne)",
                )
            )
            frame.key = _SKIP
            return
        frame.seen[norm] = (line, key)
        frame.key = key
        if self.track:
            self.key_positions[(*frame.path, norm)] = (line, column)

    def _start(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        self._check_node(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is _NO_KEY:
            self._fatal(
                event,
                Code.CLE_COMPLEXE,
                "une clé doit être un simple texte",
                "écrivez « nom: valeur », sans « ? » ni crochets avant les deux-points",
            )
        path = self._add_value(container, event)
        if len(self.stack) >= MAX_DEPTH:
            mark = event.start_mark
            self.issues.append(nesting_issue(self.display, mark.line + 1, mark.column + 1))
            raise DataErrors(self.issues)
        self.stack.append(_Frame(container, path))

    def _add_value(self, value: Any, event: Any) -> PathKey:
        if not self.stack:
            self.root = value
            path: PathKey = ()
        else:
            top = self.stack[-1]
            if isinstance(top.container, list):
                path = (*top.path, len(top.container))
                top.container.append(value)
            else:
                key, top.key = top.key, _NO_KEY
                if key is _SKIP:
                    return (*top.path, "\0")
                path = (*top.path, normalize_key(key))
                top.container[key] = value
        if self.track:
            self.positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        return path

    def _check_node(self, event: Any) -> None:
        if event.anchor is not None:
            self._refuse(
                event,
                Code.ANCRE,
                f"ancre « &{event.anchor} » interdite",
                "recopiez le contenu à chaque endroit où il sert",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            self._refuse(
                event,
                Code.ETIQUETTE,
                f"étiquette YAML « {tag} » interdite",
                "supprimez-la : utilsoc déduit seul le type de chaque valeur",
            )

    def _refuse(self, event: Any, code: Code, message: str, hint: str) -> None:
        mark = event.start_mark
        self.issues.append(Issue(self.display, mark.line + 1, mark.column + 1, code, message, hint))

    def _fatal(self, event: Any, code: Code, message: str, hint: str) -> None:
        self._refuse(event, code, message, hint)
        raise DataErrors(self.issues)


def hashed_values(text: str, empty: dict[PathKey, Position]) -> dict[PathKey, tuple[str, Position]]:
    """The empty values whose line goes on with `#` glued to text: `couleur: #1D5C4D`.

    Why: YAML reads `#` after a space as the start of a comment, so the colour the user
    typed is read as nothing; the messages say so instead of « valeur vide ».
    Returns what follows the key (`#1D5C4D`) and its 1-based line and column, by path.
    """
    if not empty:
        return {}
    lines = text.split("\n")
    found = {}
    for path, (line, column) in empty.items():
        match = _GLUED_HASH.match(lines[line], column) if line < len(lines) else None
        if match is not None:
            found[path] = (match.group(1), (line + 1, match.start(1) + 1))
    return found
