"""Measurement files: one per period and contributor, one record per line.

Why this layout: two people recording on two branches write two different files, so git
never has to merge records; and one record per line keeps a hand-edited or union-merged
file readable, its diff one line per value. Appends are text appends, so the comments a
person added survive, and the whole new text is re-validated before it replaces the file.
"""

from __future__ import annotations

import codecs
import json
import re
import typing
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from utilsoc.errors import DataErrors, FileAccessError
from utilsoc.model.mesures import FichierMesures
from utilsoc.model.periods import Period
from utilsoc.project import MESURES, SCHEMAS, Layout, display_path
from utilsoc.store.atomic import write_atomic
from utilsoc.store.files import validate_text
from utilsoc.store.lines import NOT_PRINTABLE
from utilsoc.yamlio.decode import decode_text

LOCK_TIMEOUT = 10.0
_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*|\d{4}(-[A-Za-z0-9]+)*(\.\.\d{4}-\d{2}-\d{2})?")
_NUMBER = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?")
_SPECIAL = {"true", "false", "null", "~", "yes", "no", "on", "off", "y", "n"}
_ORDER = (
    "indicateur",
    "période",
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
    "cadre",
    "appréciation",
    "attentes",
    "critères",
    "indicateurs",
    "note",
    "auteur",
    "date",
    "remplace",
)


def author_slug(author: str) -> str:
    """File name for a contributor: `Marie Dupré` → `marie-dupre`."""
    plain = unicodedata.normalize("NFKD", author).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug or "anonyme"


def measure_path(layout: Layout, period: Period, author: str) -> Path:
    """mesures/<période>/<auteur>.yaml."""
    return layout.root / MESURES / period.name / f"{author_slug(author)}.yaml"


def format_record(record: BaseModel) -> str:
    """The record as one line of YAML flow style: known keys first, in a stable order."""
    data = record.model_dump(by_alias=True, exclude_none=True, exclude_defaults=False, mode="json")
    data = {k: v for k, v in data.items() if v != [] and v != {}}
    keys = [k for k in _ORDER if k in data] + [k for k in data if k not in _ORDER]
    return "  - {" + ", ".join(f"{key}: {_scalar(data[key])}" for key in keys) + "}\n"


def section_of(record: BaseModel) -> str:
    """The YAML section a record belongs to: `valeurs`, `témoignages`..."""
    for name, field in FichierMesures.model_fields.items():
        if typing.get_args(field.annotation) == (type(record),):
            return field.alias or name
    raise TypeError(type(record).__name__)


def insert_line(text: str, section: str, line: str) -> str:
    """Insert `line` at the end of `section`'s list, creating the section if needed.

    Why text and not a YAML dump: comments, order and line endings of the rest of the
    file stay byte for byte; the caller re-validates the whole result anyway.
    """
    lines = text.splitlines(keepends=True)
    start = next(
        (n for n, item in enumerate(lines) if re.match(rf"{re.escape(section)}\s*:", item)), None
    )
    if start is None:
        return text + f"{section}:\n" + line
    if re.match(rf"{re.escape(section)}\s*:\s*\[\s*\]\s*$", lines[start]):
        lines[start] = f"{section}:\n"
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "-", "\t")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    lines.insert(end, line)
    return "".join(lines)


def _scalar(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if text in ("true", "false") or _NUMBER.fullmatch(text):
        return text
    if _SAFE.fullmatch(text) and text.lower() not in _SPECIAL:
        return text
    return _quote(text)


def _quote(text: str) -> str:
    """A double-quoted scalar; characters YAML refuses in a file are written as escapes."""
    quoted = json.dumps(text, ensure_ascii=False)
    return NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def header(period: Period, author: str, depth: int = 2) -> str:
    """First lines of a new measurement file."""
    return (
        f"# yaml-language-server: $schema={'../' * depth}{SCHEMAS}/mesures.schema.json\n"
        f"# Mesures de {author} pour {period.label}. Une ligne par valeur ; "
        "ne modifiez pas une valeur enregistrée, utilisez « utilsoc record --replace ».\n"
    )


def append_record(path: Path, record: BaseModel, new_header: str) -> None:
    """Add `record` to `path`; see `append_records`."""
    append_records(path, [record], new_header)


def append_records(path: Path, records: Sequence[BaseModel], new_header: str) -> None:
    """Add records to `path` under a lock; nothing is written unless the result is valid.

    Raises:
        DataErrors: the file (with the new lines) does not validate.
        FileAccessError: another process holds the lock for too long.
    """
    from filelock import FileLock, Timeout

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT):
            _remove_stale_temporaries(path)
            raw = path.read_bytes() if path.exists() else new_header.encode()
            text, issues = decode_text(raw, display_path(path))
            if issues:
                raise DataErrors(issues)
            text = text if text.endswith("\n") or not text else text + "\n"
            sections: dict[str, list[str]] = {}
            for record in records:
                sections.setdefault(section_of(record), []).append(format_record(record))
            for section, lines in sections.items():
                text = insert_line(text, section, "".join(lines))
            _, _, issues = validate_text(text, display_path(path))
            if issues:
                raise DataErrors(issues)
            write_atomic(path, _keep_style(raw, text))
    except Timeout:
        raise FileAccessError(
            f"{display_path(path)} est utilisé par un autre enregistrement",
            "réessayez dans quelques secondes",
        ) from None


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files left by a writer that was killed (we hold the lock: none is live)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)


def _keep_style(raw: bytes, text: str) -> str:
    """Keep the file's BOM and CRLF line endings, as the person's editor wrote them."""
    if b"\r\n" in raw:
        text = text.replace("\n", "\r\n")
    return ("\ufeff" if raw.startswith(codecs.BOM_UTF8) else "") + text
