"""Strict YAML reading, built straight from the parser's event stream.

Why events: PyYAML's node tree costs five times the memory and its constructors apply
YAML 1.1 (`NO` → False, `0123` → 83, `12:30` → 750). Building from events keeps every
scalar as the text the user typed (the models give it a type), knows each value's line and
column, and lets us refuse anchors, aliases, tags and duplicate keys as they come.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue, UsageError
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.source import MAX_BYTES, read_regular
from utilsoc.yamlio.syntax import MAX_DEPTH, nesting_issue, syntax_issue

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
WITH_LIBYAML: bool = getattr(yaml, "__with_libyaml__", False)

PathKey = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass
class Document:
    """A parsed file: its data (dicts, lists, str, None), positions and soft issues."""

    file: str
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    record_lines: dict[str, list[int]] = field(default_factory=dict)

    def position(self, loc: tuple[str | int, ...], *, key: bool = False) -> Position:
        """Line and column of the value at `loc`, or of its nearest existing parent."""
        path = tuple(normalize_key(p) if isinstance(p, str) else p for p in loc)
        record = self._record_position(path)
        if record is not None:
            return record
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def _record_position(self, path: PathKey) -> Position | None:
        """Inside the n-th record of a list read line by line: that record's line."""
        if len(path) < 2 or not isinstance(path[1], int):
            return None
        lines = self.record_lines.get(str(path[0]))
        return None if lines is None else (lines[path[1]], 5)


def read_yaml(
    path: Path, display: str, *, max_bytes: int = MAX_BYTES, track_positions: bool = True
) -> Document:
    """Read one YAML file strictly.

    Raises:
        UsageError: the path is missing or is a folder.
        FileAccessError: the file cannot be read.
        DataErrors: the file cannot be turned into data (encoding, syntax, size...).
    """
    raw = _read_bytes(path, display, max_bytes)
    text, issues = decode_text(raw, display)
    if issues:
        raise DataErrors(issues)
    return parse_yaml(text, display, track_positions=track_positions)


def parse_yaml(
    text: str, display: str, *, track_positions: bool = True, loader: Any = None
) -> Document:
    """Parse text already decoded; see `read_yaml`."""
    _warn_without_libyaml()
    builder = _Builder(display, track_positions)
    try:
        for event in yaml.parse(text, Loader=loader or Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in str(error) and (loader or Loader) is not yaml.SafeLoader:
            # libyaml stops at its own limit wherever its look-ahead got to: read again
            # with the pure-Python parser, which stops at ours, at the same place always.
            return parse_yaml(
                text, display, track_positions=track_positions, loader=yaml.SafeLoader
            )
        raise DataErrors([*builder.issues, syntax_issue(error, text, display)]) from None
    except (yaml.YAMLError, RecursionError) as error:
        issue = Issue(display, 1, 1, Code.SYNTAXE, f"YAML illisible : {error}")
        raise DataErrors([*builder.issues, issue]) from None
    if builder.documents == 0 or builder.root is None:
        raise DataErrors(
            [
                *builder.issues,
                Issue(
                    display,
                    1,
                    1,
                    Code.FICHIER_VIDE,
                    "le fichier est vide (ou ne contient que des commentaires)",
                    "partez du modèle donné par « utilsoc init --example vide »",
                ),
            ]
        )
    return Document(display, builder.root, builder.positions, builder.key_positions, builder.issues)


_WARNED = {"libyaml": False}


def _warn_without_libyaml() -> None:
    """Say once per run that the pure-Python parser is several times slower."""
    if WITH_LIBYAML and Loader is not yaml.SafeLoader or _WARNED["libyaml"]:
        return
    _WARNED["libyaml"] = True
    sys.stderr.write(
        "note : PyYAML est installé sans libyaml, la lecture des gros fichiers "
        "sera lente (réinstallez PyYAML depuis une roue officielle)\n"
    )


def _read_bytes(path: Path, display: str, max_bytes: int) -> bytes:
    if path.is_dir():
        raise UsageError(f"{display} est un dossier, pas un fichier YAML")
    return read_regular(path, display, max_bytes)


_NO_KEY = object()
_SKIP = object()


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    path: PathKey
    key: Any = _NO_KEY
    seen: dict[str, tuple[int, str]] = field(default_factory=dict)


class _Builder:
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

    def feed(self, event: Any) -> None:
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
        self._add_value(value, event)

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
