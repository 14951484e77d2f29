"""The fast path: measurement files in the subset `record` writes, read without YAML.

A file in the subset is read line by line (`lines.parse_fast`), each value checked by
plain functions instead of the Pydantic models; anything doubtful (a field out of place,
a text with spaces around it, an unknown key) returns None, and the strict reader judges
the whole file instead, with its exact, located errors.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from utilsoc.model.base import CODE_PATTERN, number_problem
from utilsoc.model.mesures import Cle, FichierMesures, Mesure, Remplacement, Valeur, dimensions_key
from utilsoc.model.periods import Period
from utilsoc.store.lines import parse_fast
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.reader import Document

_CODE = re.compile(CODE_PATTERN)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_FIELDS = {normalize_key(f.alias or n): n for n, f in Valeur.model_fields.items()}
_TOK = r"-?[A-Za-z0-9_][A-Za-z0-9_.\-+]*"
_STR = r'"(?:[^"\\\x00-\x1f]|\\["\\nrtbf]|\\u(?![dD][89a-fA-F])[0-9a-fA-F]{4})*"'
_VAL = f"(?:{_TOK}|{_STR})"
# The exact line `format_record` writes for a value without replacement.
_CANONICAL = re.compile(
    rf"[ ]+- \{{indicateur: (?P<indicateur>{_TOK}), période: (?P<periode>{_TOK})"
    rf"(?:, valeur: (?P<valeur>{_VAL}))?(?:, numérateur: (?P<numerateur>{_TOK}))?"
    rf"(?:, dénominateur: (?P<denominateur>{_TOK}))?"
    rf"(?:, dimensions: \{{(?P<dimensions>[^{{}}]*)\}})?(?:, note: (?P<note>{_VAL}))?"
    rf", auteur: (?P<auteur>{_VAL}), date: (?P<date>{_TOK})\}}[ \t]*"
)
_PAIR = re.compile(rf"({_TOK}): ({_VAL})(?:, |$)")

Dimensions = tuple[dict[str, str], Cle]
Shared = dict[Any, Dimensions]  # dimensions read so far, by their text or their items


def read_fast(text: str, display: str) -> tuple[list[Mesure], FichierMesures, Document] | None:
    """The file's values, other records and lines; None when the strict path must judge it."""
    shared: Shared = {}
    parsed = parse_fast(text, {"valeurs": lambda line: _canonical_line(line, shared)})
    if parsed is None:
        return None
    sections, lines = parsed
    values_key = next((k for k in sections if normalize_key(k) == "valeurs"), None)
    values = _values(sections.get(values_key, []) if values_key else [], shared)
    if values is None:
        return None
    others = {k: v for k, v in sections.items() if k != values_key}
    try:
        preuves = FichierMesures.model_validate(others)
    except ValidationError:
        return None
    record_lines = {normalize_key(k): v for k, v in lines.items()}
    return values, preuves, Document(display, None, record_lines=record_lines)


def _values(rows: Any, shared: Shared) -> list[Mesure] | None:
    """Each row as a value (read already by the one-line shortcut, or checked here)."""
    if not isinstance(rows, list):
        return None
    values = []
    for row in rows:
        value = row if isinstance(row, Mesure) else _fast_value(row, shared)
        if value is None:
            return None
        values.append(value)
    return values


def _fast_value(row: Any, shared: Shared) -> Mesure | None:
    """A Mesure when the row is plainly valid, None when the strict path must judge it."""
    if not isinstance(row, dict):
        return None
    fields: dict[str, Any] = {}
    for key, value in row.items():
        name = _FIELDS.get(key) or _FIELDS.get(normalize_key(key))
        if name is None or name in fields:
            return None
        fields[name] = value
    try:
        dimensions, key = _dimensions(fields.get("dimensions"), shared)
        return Mesure(
            _code(fields.get("indicateur")),
            parse_period(_text(fields.get("periode"))),
            _optional_text(fields.get("valeur")),
            _number(fields.get("numerateur")),
            _number(fields.get("denominateur")),
            dimensions,
            _optional_text(fields.get("note")),
            _text(fields.get("auteur")),
            parse_day(_text(fields.get("date"))),
            _replacement(fields.get("remplace")),
            key,
        )
    except (ValueError, TypeError, ValidationError):
        return None


def _canonical_line(line: str, shared: Shared) -> Mesure | None:
    """One value line in the exact form `record` writes, read by one regular expression.

    Why the bare tokens are taken as they are: the expression admits no space in them,
    so only quoted texts need decoding and the checks of `_text`.
    """
    match = _CANONICAL.fullmatch(line)
    if match is None:
        return None
    code, period, value, numerator, denominator, inner, note, author, day = match.groups()
    try:
        dimensions, key = _pairs(inner, shared)
        return Mesure(
            _code(code),
            parse_period(period),
            None if value is None else _token(value),
            None if numerator is None else _number(numerator),
            None if denominator is None else _number(denominator),
            dimensions,
            None if note is None else _token(note),
            _text(_token(author)),
            parse_day(day),
            None,
            key,
        )
    except (ValueError, TypeError):
        return None


def _token(token: str) -> str | None:
    """A bare or quoted text of a canonical line, as `_optional_text` would keep it."""
    if token[0] == '"':
        return _optional_text(json.loads(token))
    return None if token in _NULLS else token


_NULLS = frozenset(("null", "Null", "NULL"))


def _scalar(token: str | None) -> str | None:
    if token is None:
        return None
    if token.startswith('"'):
        return str(json.loads(token))
    return None if token in _NULLS else token


def _pairs(inner: str | None, shared: Shared) -> Dimensions:
    if inner is None:
        return _dimensions(None, shared)
    known = shared.get(inner)
    if known is not None:
        return known
    items = []
    position = 0
    for match in _PAIR.finditer(inner):
        if match.start() != position:
            raise ValueError(inner)
        items.append((match.group(1), _scalar(match.group(2))))
        position = match.end()
    if (
        position != len(inner)
        or not items
        or len({normalize_key(k) for k, _ in items}) != len(items)
    ):
        raise ValueError(inner)
    shared[inner] = _dimensions(dict(items), shared)
    return shared[inner]


def _text(value: Any) -> str:
    if type(value) is not str or not value or value != value.strip():
        raise ValueError
    return value


def _optional_text(value: Any) -> str | None:
    if value is None:
        return None
    if type(value) is not str or value != value.strip():
        raise ValueError
    return value


@lru_cache(maxsize=4096)
def _code(value: Any) -> str:
    """A valid code (each distinct one checked once); ValueError otherwise."""
    text = _text(value)
    if len(text) > 80 or not _CODE.fullmatch(text):
        raise ValueError
    return text


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if type(value) is not str or not _NUMBER.fullmatch(value):
        raise ValueError
    number = float(value)
    if number_problem(number) is not None:
        raise ValueError(value)  # the strict path names the problem
    return number


def _dimensions(value: Any, shared: Shared) -> Dimensions:
    """The dimensions and their key, the same objects for every record that has them.

    Why shared: a million records hold a few hundred distinct dimension sets.
    """
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ValueError
    items = tuple((_code(k), _text(v)) for k, v in value.items())
    if items not in shared:
        dimensions = dict(items)
        shared[items] = (dimensions, dimensions_key(dimensions))
    return shared[items]


def _replacement(value: Any) -> Remplacement | None:
    return None if value is None else Remplacement.model_validate(value)


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """A period from its name, parsed once per distinct name (the same object after)."""
    return Period.parse(text)


@lru_cache(maxsize=4096)
def parse_day(text: str) -> dt.date:
    """A day written YYYY-MM-DD, parsed once per distinct text; ValueError otherwise."""
    if not _DAY.fullmatch(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)
