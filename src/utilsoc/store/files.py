"""Reading measurement files: the fast path, the strict path, and a cache keyed by content.

Every file is decoded and checked for encoding and conflict markers first. Files in the
subset `record` writes go through `fastpath` and a lean check; anything else, and any file
the lean check has doubts about, goes through the strict YAML reader and the Pydantic
models, which give the exact, located errors. Validated files are cached by the hash of
their bytes, so the cache can never be trusted over the file it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import marshal
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, FileAccessError, Issue
from utilsoc.model.base import CODE_PATTERN, number_problem
from utilsoc.model.mesures import (
    Cle,
    FaitMarquant,
    FichierMesures,
    Jugement,
    Mesure,
    Partenariat,
    PisteAmelioration,
    Remplacement,
    Reponse,
    ResultatInattendu,
    Suivi,
    Temoignage,
    Valeur,
    dimensions_key,
)
from utilsoc.model.periods import Period
from utilsoc.project import Layout, display_path
from utilsoc.store.cache import CACHE_FOLDER, CACHE_VERSION, measure_files
from utilsoc.store.lines import parse_fast
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import Document, parse_yaml
from utilsoc.yamlio.source import MAX_BYTES, read_regular

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


@dataclass
class Contenu:
    """A measurement file, validated: compact values and the other sections."""

    valeurs: list[Mesure]
    preuves: FichierMesures = field(default_factory=FichierMesures)

    @property
    def temoignages(self) -> list[Temoignage]:
        """Verbatims."""
        return self.preuves.temoignages

    @property
    def faits_marquants(self) -> list[FaitMarquant]:
        """Notable facts."""
        return self.preuves.faits_marquants

    @property
    def resultats_inattendus(self) -> list[ResultatInattendu]:
        """Unexpected results."""
        return self.preuves.resultats_inattendus

    @property
    def pistes_amelioration(self) -> list[PisteAmelioration]:
        """Improvement tracks."""
        return self.preuves.pistes_amelioration

    @property
    def partenariat(self) -> list[Partenariat]:
        """Partnership assessments."""
        return self.preuves.partenariat

    @property
    def questionnaires(self) -> list[Reponse]:
        """Entry/exit answers."""
        return self.preuves.questionnaires

    @property
    def jugements(self) -> list[Jugement]:
        """Answers to the criteria's evaluative questions."""
        return self.preuves.jugements

    @property
    def suivis(self) -> list[Suivi]:
        """What became of the actions of the action plan."""
        return self.preuves.suivis


Read = tuple[Contenu | None, Document | None, list[Issue]]


def read_measures(path: Path, cache: Path | None = None) -> Read:
    """Read and validate one measurement file; the issues say what is wrong."""
    display = display_path(path)
    try:
        raw = _read(path, display)
    except DataErrors as errors:
        return None, None, errors.issues
    digest = _entry(path, raw)
    if cache is not None:
        cached = _load_cache(cache, digest, display)
        if cached is not None:
            return cached
    text, issues = decode_text(raw, display)
    if issues:
        return None, None, issues
    result = _read_fast(text, display) or _read_strict(text, display)
    if cache is not None and result[0] is not None and not result[2]:
        _store_cache(cache, digest, result)
    return result


def validate_text(text: str, display: str) -> Read:
    """Validate a file's text as it would be written (used before every append)."""
    return _read_fast(text, display) or _read_strict(text, display)


def _entry(path: Path, raw: bytes) -> str:
    """Cache entry name: the file's path and the hash of its bytes (one entry per file)."""
    return f"{cache_prefix(path)}-{hashlib.blake2b(raw, digest_size=20).hexdigest()}"


def cache_prefix(path: Path) -> str:
    """The start of the names of a file's cache entries: a hash of its full path."""
    return hashlib.blake2b(str(path.resolve()).encode(), digest_size=8).hexdigest()


def measures_cache(layout: Layout) -> Path:
    """The folder of the measurement files' cache entries."""
    return layout.root / CACHE_FOLDER / "mesures"


def _read(path: Path, display: str) -> bytes:
    """The file's bytes; DataErrors for a FIFO, a device, a folder or a file too big."""
    return read_regular(path, display, MAX_BYTES)


def _read_strict(text: str, display: str) -> Read:
    try:
        document = parse_yaml(text, display)
    except DataErrors as errors:
        return None, None, errors.issues
    if not isinstance(document.data, dict):
        return (
            None,
            document,
            [
                Issue(
                    document.file,
                    1,
                    1,
                    Code.TYPE_RACINE,
                    "un fichier de mesures contient des listes « valeurs: », « témoignages: »...",
                    "comparez avec un fichier écrit par « utilsoc record »",
                )
            ],
        )
    try:
        content = FichierMesures.model_validate(document.data)
    except ValidationError as error:
        issues = issues_from_validation(error, document, FichierMesures)
        return None, document, [*document.issues, *issues]
    if document.issues:
        return None, document, document.issues
    values = [v.to_mesure() for v in content.valeurs]
    return Contenu(values, content.model_copy(update={"valeurs": []})), document, []


def _read_fast(text: str, display: str) -> Read | None:
    shared: dict[Any, dict[str, str]] = {}
    parsed = parse_fast(text, {"valeurs": lambda line: _canonical_line(line, shared)})
    if parsed is None:
        return None
    sections, lines = parsed
    values_key = next((k for k in sections if normalize_key(k) == "valeurs"), None)
    rows = sections.get(values_key, []) if values_key else []
    if not isinstance(rows, list):
        return None
    values = []
    for row in rows:
        value = row if isinstance(row, Mesure) else _fast_value(row, shared)
        if value is None:
            return None
        values.append(value)
    others = {k: v for k, v in sections.items() if k != values_key}
    try:
        preuves = FichierMesures.model_validate(others)
    except ValidationError:
        return None
    record_lines = {normalize_key(k): v for k, v in lines.items()}
    return Contenu(values, preuves), Document(display, None, record_lines=record_lines), []


def _fast_value(row: Any, shared: dict[Any, dict[str, str]]) -> Mesure | None:
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
        return Mesure(
            _code(fields.get("indicateur")),
            _period(_text(fields.get("periode"))),
            _optional_text(fields.get("valeur")),
            _number(fields.get("numerateur")),
            _number(fields.get("denominateur")),
            _dimensions(fields.get("dimensions"), shared),
            _optional_text(fields.get("note")),
            _text(fields.get("auteur")),
            _day(_text(fields.get("date"))),
            _replacement(fields.get("remplace")),
            dimensions_key(_dimensions(fields.get("dimensions"), shared)),
        )
    except (ValueError, TypeError, ValidationError):
        return None


def _canonical_line(line: str, shared: dict[Any, dict[str, str]]) -> Mesure | None:
    """One value line in the exact form `record` writes, read by one regular expression."""
    match = _CANONICAL.fullmatch(line)
    if match is None:
        return None
    group = match.group
    try:
        dimensions = _pairs(group("dimensions"), shared)
        return Mesure(
            _code(group("indicateur")),
            _period(group("periode")),
            _optional_text(_scalar(group("valeur"))),
            _number(group("numerateur")),
            _number(group("denominateur")),
            dimensions,
            _optional_text(_scalar(group("note"))),
            _text(_scalar(group("auteur"))),
            _day(group("date")),
            None,
            dimensions_key(dimensions),
        )
    except (ValueError, TypeError):
        return None


def _scalar(token: str | None) -> str | None:
    if token is None:
        return None
    if token.startswith('"'):
        return str(json.loads(token))
    return None if token in ("null", "Null", "NULL") else token


def _pairs(inner: str | None, shared: dict[Any, dict[str, str]]) -> dict[str, str]:
    if inner is None:
        return {}
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


def _code(value: Any) -> str:
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


def _dimensions(value: Any, shared: dict[Any, dict[str, str]]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError
    items = tuple((_code(k), _text(v)) for k, v in value.items())
    if items not in shared:
        shared[items] = dict(items)
    return shared[items]


def _replacement(value: Any) -> Remplacement | None:
    return None if value is None else Remplacement.model_validate(value)


@lru_cache(maxsize=4096)
def _period(text: str) -> Period:
    return Period.parse(text)


@lru_cache(maxsize=4096)
def _day(text: str) -> dt.date:
    if not _DAY.fullmatch(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def _store_cache(cache: Path, digest: str, result: Read) -> None:
    content, document, _ = result
    assert content is not None
    assert document is not None
    rows = [
        (
            m.indicateur,
            m.periode.name,
            m.valeur,
            m.numerateur,
            m.denominateur,
            tuple(m.dimensions.items()),
            m.note,
            m.auteur,
            m.date.isoformat(),
            None if m.remplace is None else m.remplace.model_dump(mode="json"),
        )
        for m in content.valeurs
    ]
    lines = _record_lines(document, len(rows))
    preuves = content.preuves.model_dump(mode="json", by_alias=True)
    blob = marshal.dumps((CACHE_VERSION, rows, lines, preuves))
    cache.mkdir(parents=True, exist_ok=True)
    from utilsoc.store.atomic import write_atomic_bytes

    try:
        write_atomic_bytes(cache / f"{digest}.marshal", blob)
        prefix = digest.split("-")[0]
        for old in cache.glob(f"{prefix}-*.marshal"):
            if old.name != f"{digest}.marshal":
                old.unlink()
    except (OSError, FileAccessError):
        return  # a cache that cannot be written is only a slower next run


def _record_lines(document: Document, count: int) -> dict[str, list[int]]:
    if document.record_lines:
        return document.record_lines
    return {"valeurs": [document.position(("valeurs", n))[0] for n in range(count)]}


def _load_cache(cache: Path, digest: str, display: str) -> Read | None:
    try:
        version, rows, lines, preuves = marshal.loads((cache / f"{digest}.marshal").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if version != CACHE_VERSION:
        return None
    # Records share their dimension dicts and keys: a million records, a few hundred of each.
    shared: dict[Any, tuple[dict[str, str], Cle]] = {}
    values = []
    for code, period, value, numerator, denominator, dims, note, author, day, replaced in rows:
        both = shared.get(dims)
        if both is None:
            dimensions = dict(dims)
            both = shared[dims] = (dimensions, dimensions_key(dimensions))
        values.append(
            Mesure(
                code,
                _period(period),
                value,
                numerator,
                denominator,
                both[0],
                note,
                author,
                _day(day),
                None if replaced is None else Remplacement.model_validate(replaced),
                both[1],
            )
        )
    return (
        Contenu(values, FichierMesures.model_validate(preuves)),
        Document(display, None, record_lines=lines),
        [],
    )


def iter_records(
    layout: Layout, period: Period | None = None, *, cache: bool = True
) -> Iterator[tuple[Path, Contenu | None, Document | None, list[Issue]]]:
    """Each measurement file, read and validated (through the cache unless told not to)."""
    folder = measures_cache(layout) if cache else None
    for path in measure_files(layout, period):
        yield (path, *read_measures(path, folder))
