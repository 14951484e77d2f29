"""`import`: values or questionnaire answers from a spreadsheet, all rows valid or nothing.

A mapping file (YAML) says which column holds what. Two shapes of spreadsheet:
- `type: valeurs`, one row per indicator and period (or one column per indicator with
  `indicateurs:`), the way a team keeps its own follow-up table;
- `type: questionnaire`, one row per answer, the way KoboToolbox, Google Forms or
  LimeSurvey export a survey: participant, moment, and one column per score.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from utilsoc.actions.evidence import reference_problems
from utilsoc.actions.record import canonical_text
from utilsoc.check.values import check_record, parse_number, parse_value
from utilsoc.compute.merge import consolidate
from utilsoc.errors import DataErrors, Issue
from utilsoc.model.correspondance import Champ, Correspondance
from utilsoc.model.load import Project
from utilsoc.model.mesures import Mesure, Reponse, Valeur
from utilsoc.model.periods import Kind, Period, period_containing
from utilsoc.store.files import iter_records
from utilsoc.store.measures import append_records, header, measure_path
from utilsoc.tables.spreadsheet import Table
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.messages import describe_error, issues_from_validation
from utilsoc.yamlio.reader import read_yaml

Record = Valeur | Reponse


@dataclass
class Plan:
    """What an import would record, file by file."""

    files: dict[Path, list[Record]] = field(default_factory=dict)
    skipped: int = 0

    @property
    def count(self) -> int:
        """Number of records to write."""
        return sum(len(records) for records in self.files.values())


def load_mapping(path: Path, display: str) -> Correspondance:
    """Read and validate a mapping file."""
    document = read_yaml(path, display)
    try:
        mapping = Correspondance.model_validate(document.data)
    except ValidationError as error:
        issues = issues_from_validation(error, document, Correspondance)
        raise DataErrors([*document.issues, *issues]) from None
    if document.issues:  # aliases, anchors, duplicate keys: refused as in every other file
        raise DataErrors(document.issues)
    return mapping


def plan_import(project: Project, table: Table, mapping: Correspondance) -> Plan:
    """Turn every row into records; any bad cell makes the whole import fail.

    Raises:
        DataErrors: one issue per bad cell, as `fichier:ligne:colonne`.
    """
    _check_columns(table, mapping)
    issues: list[Issue] = []
    records: list[Record] = []
    lines: list[int] = []  # the table row of each record, for messages
    for number, row in table.rows:
        row_records, row_issues = _row(project, table, mapping, number, row)
        records.extend(row_records)
        lines.extend([number] * len(row_records))
        issues.extend(row_issues)
    issues.extend(_duplicates(table, records, lines))
    if issues:
        raise DataErrors(issues)
    return _against_existing(project, table, records, lines)


def _check_columns(table: Table, mapping: Correspondance) -> None:
    wanted = [
        *mapping.colonnes.values(),
        *mapping.dimensions.values(),
        *mapping.indicateurs.values(),
    ]
    missing = [name for name in wanted if name not in table.header]
    if missing:
        raise DataErrors(
            [
                Issue(
                    table.file,
                    1,
                    1,
                    "colonne-manquante",
                    "colonne introuvable : " + ", ".join(f"« {m} »" for m in missing),
                    "colonnes du fichier : " + ", ".join(table.header),
                )
            ]
        )


def _row(
    project: Project, table: Table, mapping: Correspondance, number: int, row: dict[str, Any]
) -> tuple[list[Record], list[Issue]]:
    columns = {normalize_key(k): v for k, v in mapping.colonnes.items()}

    def cell(name: str) -> Any:
        column = columns.get(normalize_key(name))
        return None if column is None else row.get(column)

    def issue(column: str | None, message: str, hint: str) -> Issue:
        position = table.header.index(column) + 1 if column in table.header else 1
        return Issue(table.file, number, position, "ligne-invalide", message, hint)

    filled = [c for c, column in mapping.indicateurs.items() if row.get(column) not in ("", None)]
    if mapping.indicateurs and not filled:
        return [], []  # nothing to import on this row: its period does not matter
    try:
        codes = filled or [cell("indicateur")]
        period = _period(cell("période"), mapping, project, codes)
    except ValueError as error:
        return [], [
            issue(columns.get("periode"), str(error), "écrivez 2025, 2025-T1, 2025-03 ou 2024-2025")
        ]
    day = cell("date")
    if day in (None, "") and mapping.type == "questionnaire":
        day = _as_day(cell("période"))  # a survey's answer is dated by the day it was given
    base = {"auteur": mapping.auteur, "date": _date(_as_day(day) or day), "période": period}
    dimensions = {
        dim: str(row.get(column) or "")
        for dim, column in mapping.dimensions.items()
        if row.get(column) not in (None, "")
    }
    if mapping.type == "questionnaire":
        return _answers(project, mapping, row, base, cell, issue, columns)
    indicators = project.referentiel.indicators() if project.referentiel else {}
    pairs = (
        [(cell("indicateur"), mapping.colonnes.get(Champ.VALEUR))]
        if not mapping.indicateurs
        else list(mapping.indicateurs.items())
    )
    records: list[Record] = []
    issues: list[Issue] = []
    for code, column in pairs:
        raw = row.get(column) if column else None
        if mapping.indicateurs and raw in (None, ""):
            continue
        text = _text(raw)
        indicator = indicators.get(str(code or ""))
        if indicator is not None and text is not None:
            try:
                text = canonical_text(parse_value(indicator, text, comma=True))
            except ValueError as error:
                issues.append(issue(column, str(error), "vérifiez la cellule"))
                continue
        data = {
            **base,
            "indicateur": str(code or ""),
            "dimensions": dimensions,
            "note": cell("note") or None,
            "valeur": text,
            "numérateur": _number(cell("numérateur")),
            "dénominateur": _number(cell("dénominateur")),
        }
        try:
            record = Valeur.model_validate(data)
        except (ValidationError, ValueError) as error:
            issues.append(issue(_located(error, columns, column), *_first_error(error, Valeur)))
            continue
        problems = check_record(project.referentiel, record) if project.referentiel else []
        for problem in problems:
            target = column if problem.field == "valeur" else columns.get(problem.field, column)
            if problem.dimension in mapping.dimensions:
                target = mapping.dimensions[problem.dimension]
            issues.append(issue(target, problem.message, problem.hint))
        if not problems:
            records.append(record)
    return records, issues


def _answers(
    project: Project,
    mapping: Correspondance,
    row: dict[str, Any],
    base: dict[str, Any],
    cell: Any,
    issue: Any,
    columns: dict[str, str],
) -> tuple[list[Record], list[Issue]]:
    records: list[Record] = []
    issues: list[Issue] = []
    for code, column in mapping.indicateurs.items():
        raw = row.get(column)
        if raw in (None, ""):
            continue
        try:
            record = Reponse.model_validate(
                {
                    **base,
                    "indicateur": code,
                    "participant": str(cell("participant") or ""),
                    "moment": str(cell("moment") or ""),
                    "score": _number(raw),
                }
            )
        except (ValidationError, ValueError) as error:
            located = _located(error, columns, column)
            issues.append(issue(located, *_first_error(error, Reponse)))
            continue
        problems = reference_problems(project, record)
        issues.extend(
            issue(columns.get(problem.field, column), problem.message, problem.hint)
            for problem in problems
        )
        if not problems:
            records.append(record)
    return records, issues


def _period(value: Any, mapping: Correspondance, project: Project, codes: list[Any]) -> Period:
    """The row's period; a day stands for the period of the indicators' frequency."""
    if value in (None, ""):
        if mapping.periode is None:
            raise ValueError("période manquante")
        return mapping.periode
    value = _as_day(value) or value
    if isinstance(value, dt.date) and project.referentiel is not None:
        indicators = project.referentiel.indicators()
        known = [indicators[code] for code in map(str, codes) if code in indicators]
        frequencies = sorted({ind.frequence.value for ind in known})
        kinds = {ind.frequence.kind for ind in known}
        if len(kinds) == 1 and Kind.PLAGE not in kinds:
            return period_containing(value, kinds.pop())
        why = ""
        if len(frequencies) > 1:
            why = f" (fréquences différentes : {', '.join(frequencies)})"
        elif Kind.PLAGE in kinds:
            why = " (indicateur ponctuel : sa période est une plage de dates)"
        raise ValueError(f"date {value.isoformat()} : indiquez plutôt la période{why}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return Period.parse(str(value))


def _as_day(value: Any) -> dt.date | None:
    """A day, from a spreadsheet date cell or a CSV text (`2025-03-15`, `15/03/2025`)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _text_date(value) if isinstance(value, str) else None


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_FRENCH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _text_date(text: str) -> dt.date | None:
    """A day written in a CSV cell, `2025-03-15` or `15/03/2025`, as a spreadsheet gives it."""
    text = text.strip()
    try:
        if match := _ISO_DAY.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _FRENCH_DAY.fullmatch(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None  # 2025-02-30: left to the period's own message
    return None


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value) if value not in (None, "") else dt.date.today().isoformat()


def _text(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _number(value: Any) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return float(value)
    return parse_number(str(value), comma=True)


def _located(error: Exception, columns: dict[str, str], default: str | None) -> str | None:
    """The column of the field a validation error is about (`date`, `note`...), if mapped."""
    if isinstance(error, ValidationError):
        loc = error.errors(include_url=False)[0]["loc"]
        if loc:
            return columns.get(normalize_key(str(loc[0])), default)
    return default


def _first_error(error: Exception, model: type[BaseModel]) -> tuple[str, str]:
    if isinstance(error, ValidationError):
        return describe_error(error, model)
    return str(error), "vérifiez la cellule"


def _duplicates(table: Table, records: list[Record], lines: list[int]) -> list[Issue]:
    seen: dict[Any, int] = {}
    issues = []
    for record, line in zip(records, lines, strict=True):
        key = (
            record.key
            if isinstance(record, Valeur)
            else (
                "q",
                getattr(record, "indicateur", ""),
                getattr(record, "participant", ""),
                getattr(record, "moment", ""),
                str(getattr(record, "periode", "")),
            )
        )
        if key in seen:
            issues.append(
                Issue(
                    table.file,
                    line,
                    1,
                    "ligne-en-double",
                    f"{_describe(record)} : déjà à la ligne {seen[key]}",
                    "gardez une seule des deux lignes",
                )
            )
        else:
            seen[key] = line
    return issues


def _describe(record: Record) -> str:
    """What a record is about, for messages: indicator, period, dimensions or participant."""
    if isinstance(record, Reponse):
        return (
            f"{record.indicateur} {record.periode.name}, {record.participant} "
            f"({record.moment.value})"
        )
    dimensions = "".join(f", {name}={value}" for name, value in record.dimensions.items())
    return f"{record.indicateur} {record.periode.name}{dimensions}"


def _against_existing(
    project: Project, table: Table, records: list[Record], lines: list[int]
) -> Plan:
    periods = {r.periode for r in records}
    existing: list[Mesure] = []
    answers: set[tuple[str, str, str, str, float]] = set()
    for period in periods:
        for _, content, _, issues in iter_records(project.layout, period):
            if issues:
                raise DataErrors(issues)
            if content is not None:
                existing.extend(content.valeurs)
                answers.update(_answer_key(r) for r in content.questionnaires)
    current = consolidate(existing).current
    plan = Plan()
    conflicts = []
    for record, line in zip(records, lines, strict=True):
        if isinstance(record, Reponse) and _answer_key(record) in answers:
            plan.skipped += 1
            continue
        if isinstance(record, Valeur) and record.key in current:
            old = current[record.key]
            if _measured(old) == _measured(record):
                plan.skipped += 1
                continue
            conflicts.append(
                Issue(
                    table.file,
                    line,
                    1,
                    "valeur-existante",
                    f"{_describe(record)} : {_shown(old)} déjà enregistré par {old.auteur} "
                    f"le {old.date.isoformat()}, {_shown(record)} dans le tableau",
                    "si le tableau a raison, corrigez la valeur enregistrée avec "
                    "« utilsoc record --replace --motif », puis relancez l'import "
                    "(les lignes déjà enregistrées à l'identique sont passées)",
                )
            )
            continue
        path = measure_path(project.layout, record.periode, record.auteur)
        plan.files.setdefault(path, []).append(record)
    if conflicts:
        raise DataErrors(conflicts)
    return plan


def _measured(record: Valeur | Mesure) -> tuple[Any, float | None, float | None]:
    """What two records of one measurement must share to be the same: a rate's parts too."""
    return (record.valeur, record.numerateur, record.denominateur)


def _shown(record: Valeur | Mesure) -> str:
    if record.numerateur is None and record.denominateur is None:
        return str(record.valeur)
    parts = (record.numerateur, record.denominateur)
    ratio = "/".join("?" if n is None else f"{n:.15g}".replace(".", ",") for n in parts)
    return ratio if record.valeur is None else f"{record.valeur} ({ratio})"


def _answer_key(answer: Reponse) -> tuple[str, str, str, str, float]:
    return (
        answer.indicateur,
        answer.participant,
        answer.moment.value,
        answer.periode.name,
        answer.score,
    )


def apply_plan(plan: Plan) -> None:
    """Write every planned file (each validated before it replaces the old one)."""
    by_file: dict[Path, list[Record]] = defaultdict(list)
    for path, records in plan.files.items():
        by_file[path].extend(records)
    for path, records in sorted(by_file.items()):
        first = records[0]
        append_records(path, records, header(first.periode, first.auteur))
