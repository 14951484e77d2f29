"""Measurement files: one per period, contributor and kind of record, one record per line.

Why this layout: two people recording on two branches write two different files, so git
never has to merge records; one record per line keeps a hand-edited or union-merged file
readable, its diff one line per value; and one kind of record per file (values in
`<auteur>.yaml`, verbatims in `<auteur>.temoignages.yaml`...) makes every file a single
section, so lines appended on two branches always land under the right one. Appends are
text appends, so the comments a person added survive, and the whole new text is
re-validated before it is written, in a transaction (see `store.journal`).
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from utilsoc.errors import DataErrors, Issue
from utilsoc.model.mesures import FichierMesures
from utilsoc.model.periods import Period
from utilsoc.project import MESURES, SCHEMAS, Layout, display_path
from utilsoc.store.files import Contenu, iter_records, validate_text
from utilsoc.store.journal import Transaction, transaction
from utilsoc.store.lines import NOT_PRINTABLE
from utilsoc.store.names import slug
from utilsoc.store.style import TextStyle, normalized, split_lines
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.keys import normalize_key

VALUES = "valeurs"
_KIND_LABELS = {
    "valeurs": "Valeurs",
    "temoignages": "Témoignages",
    "faits_marquants": "Faits marquants",
    "resultats_inattendus": "Résultats inattendus",
    "pistes_amelioration": "Pistes d'amélioration",
    "partenariat": "Avis sur le partenariat",
    "questionnaires": "Réponses aux questionnaires",
    "jugements": "Jugements évaluatifs",
    "suivis": "Suites des actions du plan d'action",
}
_SECTION_LINE = re.compile(r"([^\s#:][^:#]*?)\s*:(?:\s|$)")
# Escaped in quoted text: YAML refuses the first, and reads the others as line breaks.
_INVISIBLE = re.compile(f"{NOT_PRINTABLE.pattern}|[\x85\u2028\u2029]")
_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*|\d{4}(-[A-Za-z0-9]+)*(\.\.\d{4}-\d{2}-\d{2})?")
_NUMBER = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?")
_SPECIAL = {"true", "false", "null", "~", "yes", "no", "on", "off", "y", "n"}
_ORDER = (
    "code",
    "indicateur",
    "période",
    "critère",
    "réponse",
    "piste",
    "état",
    "participant",
    "moment",
    "score",
    "valeur",
    "numérateur",
    "dénominateur",
    "dimensions",
    "texte",
    "rôle",
    "pseudonyme",
    "consentement",
    "titre",
    "récit",
    "description",
    "nature",
    "constat",
    "analyse",
    "action",
    "responsable",
    "échéance",
    "cadre",
    "appréciation",
    "attentes",
    "critères",
    "indicateurs",
    "note",
    "diffusion",
    "auteur",
    "date",
    "remplace",
)


def author_slug(author: str) -> str:
    """File name for a contributor: `Marie Dupré` → `marie-dupre`, `CON` → `con_`."""
    return slug(author)


def measure_path(layout: Layout, period: Period, author: str, kind: str = VALUES) -> Path:
    """mesures/<période>/<auteur>.yaml for values, <auteur>.<genre>.yaml for the others.

    Why one file per kind: each file then holds a single section, so any two sets of
    lines appended on two git branches merge (`merge=union`) under the right section.
    """
    suffix = "" if kind == VALUES else "." + kind.replace("_", "-")
    return layout.root / MESURES / period.name / f"{author_slug(author)}{suffix}.yaml"


def record_path(layout: Layout, record: BaseModel) -> Path:
    """The file a new record goes to."""
    period: Period = record.periode  # type: ignore[attr-defined]
    author: str = record.auteur  # type: ignore[attr-defined]
    return measure_path(layout, period, author, kind_of(record))


def format_record(record: BaseModel) -> str:
    """The record as one line of YAML flow style: known keys first, in a stable order."""
    data = record.model_dump(by_alias=True, exclude_none=True, exclude_defaults=False, mode="json")
    data = {k: v for k, v in data.items() if v != [] and v != {}}
    keys = [k for k in _ORDER if k in data] + [k for k in data if k not in _ORDER]
    return "  - {" + ", ".join(f"{key}: {_scalar(data[key])}" for key in keys) + "}\n"


def section_of(record: BaseModel) -> str:
    """The YAML section a record belongs to: `valeurs`, `témoignages`..."""
    field = FichierMesures.model_fields[kind_of(record)]
    return field.alias or kind_of(record)


def kind_of(record: BaseModel) -> str:
    """The field of `FichierMesures` holding such records: `valeurs`, `temoignages`..."""
    for name, field in FichierMesures.model_fields.items():
        if typing.get_args(field.annotation) == (type(record),):
            return name
    raise TypeError(type(record).__name__)


def insert_line(text: str, section: str, line: str, newline: str = "\n") -> str:
    """Insert `line` at the end of `section`'s list, creating the section if needed.

    `line` may hold several lines; they get `newline` as ending. The other lines keep
    their own endings.

    Why text and not a YAML dump: comments, order and line endings of the rest of the
    file stay byte for byte; the caller re-validates the whole result anyway.
    """
    lines = split_lines(text)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    block = line.replace("\n", newline)
    bodies = [item.rstrip("\r\n") for item in lines]
    start = next((n for n, body in enumerate(bodies) if _names(body, section)), None)
    if start is None:
        return "".join(lines) + f"{section}:{newline}" + block
    if re.fullmatch(r"[^:]*:\s*\[\s*\]\s*", bodies[start]):
        lines[start] = bodies[start].split(":", 1)[0] + ":" + lines[start][len(bodies[start]) :]
    lines.insert(_section_end(bodies, start), block)
    return "".join(lines)


def _section_end(bodies: list[str], start: int) -> int:
    """Where a section opened at `start` ends: after its last item, before blank lines."""
    end = start + 1
    while end < len(bodies) and (
        bodies[end].startswith((" ", "-", "\t")) or not bodies[end].strip()
    ):
        end += 1
    while end > start + 1 and not bodies[end - 1].strip():
        end -= 1
    return end


def _names(line: str, section: str) -> bool:
    """True when `line` opens `section` (written with or without accents)."""
    match = _SECTION_LINE.match(line)
    return match is not None and normalize_key(match.group(1)) == normalize_key(section)


def _scalar(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return _text(str(value))


def _text(text: str) -> str:
    """A text as written: plain when YAML reads it back as the same text, else quoted."""
    if text in ("true", "false") or _NUMBER.fullmatch(text):
        return text
    if _SAFE.fullmatch(text) and text.lower() not in _SPECIAL:
        return text
    return _quote(text)


def _quote(text: str) -> str:
    """A double-quoted scalar; characters YAML refuses in a file are written as escapes."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def header(period: Period, kind: str = VALUES, depth: int = 2) -> str:
    """First lines of a new measurement file.

    Why nothing from the author: the same file created on two git branches (the first
    record of a period, typed as `Marie` here and `marie` there) must start with the same
    lines, or the union merge would keep both headers and repeat the section.
    """
    what = _KIND_LABELS[kind]
    return (
        f"# yaml-language-server: $schema={'../' * depth}{SCHEMAS}/mesures.schema.json\n"
        f"# {what} pour {period.label}, une ligne par enregistrement. Ne modifiez pas une "
        "valeur enregistrée : utilisez « utilsoc record --replace ».\n"
    )


def stage_records(
    tx: Transaction, path: Path, records: Sequence[BaseModel], new_header: str
) -> None:
    """Add records to `path` within `tx`; nothing is staged unless the result is valid.

    The file keeps its encoding (UTF-8, UTF-16), BOM, line endings and comments.

    Raises:
        DataErrors: the file (with the new lines) does not validate.
    """
    display = display_path(path)
    existing = tx.read_bytes(path)
    raw = new_header.encode() if existing is None else existing
    _, issues = decode_text(raw, display)
    if issues:
        raise DataErrors(issues)
    style = TextStyle.of(raw)
    text = style.decode(raw)
    sections: dict[str, list[str]] = {}
    for record in records:
        sections.setdefault(section_of(record), []).append(format_record(record))
    for section, lines in sections.items():
        text = insert_line(text, section, "".join(lines), style.newline)
    _, _, issues = validate_text(normalized(text), display)
    if issues:
        raise DataErrors(issues)
    _remove_stale_temporaries(path)
    tx.write(path, style.encode(text))


def append_records(layout: Layout, path: Path, records: Sequence[BaseModel]) -> None:
    """Add records to `path` in a transaction of its own (header from the first record)."""
    first = records[0]
    with transaction(layout, display_path(path)) as tx:
        stage_records(tx, path, records, header(first.periode, kind_of(first)))  # type: ignore[attr-defined]


def period_contents(
    tx: Transaction, period: Period
) -> Iterator[tuple[Path, Contenu | None, list[Issue]]]:
    """Each measurement file of `period` as it will be once `tx` commits."""
    folder = tx.layout.root / MESURES / period.name
    staged = {p: data for p, data in tx.staged.items() if p.is_relative_to(folder)}
    for path, content, _, issues in iter_records(tx.layout, period):
        if path not in staged:
            yield path, content, issues
    for path, data in sorted(staged.items()):
        text, issues = decode_text(data, display_path(path))
        if not issues:
            content, _, issues = validate_text(text, display_path(path))
        yield path, (None if issues else content), issues


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files left by a writer killed before it kept a journal (we hold the lock)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)
