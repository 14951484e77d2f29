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
from utilsoc.yamlio.builder import Builder, PathKey, Position, hashed_values
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.source import MAX_BYTES, read_regular
from utilsoc.yamlio.syntax import syntax_issue

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
WITH_LIBYAML: bool = getattr(yaml, "__with_libyaml__", False)


@dataclass
class Document:
    """A parsed file: its data (dicts, lists, str, None), positions and soft issues."""

    file: str
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    record_lines: dict[str, list[int]] = field(default_factory=dict)
    # Values read as empty because a `#` started a comment (`couleur: #1D5C4D`), by path.
    hashed: dict[PathKey, tuple[str, Position]] = field(default_factory=dict)

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
    builder = Builder(display, track_positions)
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
    except (yaml.YAMLError, RecursionError):
        # Without a position, the parser's words (English) would not help: say what to do.
        issue = Issue(
            display,
            1,
            1,
            Code.SYNTAXE,
            "YAML illisible",
            "comparez avec un exemple : « utilsoc init --example vide »",
        )
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
    return Document(
        display,
        builder.root,
        builder.positions,
        builder.key_positions,
        builder.issues,
        hashed=hashed_values(text, builder.empty),
    )


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
