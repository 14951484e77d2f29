"""One spreadsheet row of an `import`: its records, or an issue at each bad cell."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ValidationError

from utilsoc.actions.evidence import reference_problems
from utilsoc.actions.typed import canonical_text
from utilsoc.check.values import (
    Problem,
    check_record,
    future_problem,
    parse_number,
    parse_value,
)
from utilsoc.codes import Code
from utilsoc.errors import Issue
from utilsoc.model.correspondance import Champ, Correspondance, Termes
from utilsoc.model.load import Project
from utilsoc.model.mesures import Reponse, Valeur
from utilsoc.model.periods import Kind, Period, period_containing
from utilsoc.model.referentiel import Referentiel
from utilsoc.tables.spreadsheet import Table
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.messages import describe_error

Record = Valeur | Reponse
Found = tuple[Record | None, list[Issue]]
Target = str | Termes | None  # where a value is: a column, a rate's two columns, or nowhere

CELL_HINT = "vérifiez la cellule"
PERIOD_HINT = "écrivez 2025, 2025-T1, 2025-03 ou 2024-2025"


@dataclass
class Line:
    """One row of the table, read through the mapping; its issues point at its cells."""

    project: Project
    table: Table
    mapping: Correspondance
    number: int
    row: dict[str, Any]

    @cached_property
    def columns(self) -> dict[str, str]:
        """Column of each mapped field, by normalised field name (`periode`, `note`...)."""
        return {normalize_key(k): v for k, v in self.mapping.colonnes.items()}

    def cell(self, name: str) -> Any:
        """The cell of the field `name`, None when no column holds it."""
        column = self.columns.get(normalize_key(name))
        return None if column is None else self.row.get(column)

    def issue(self, column: str | None, message: str, hint: str) -> Issue:
        """An issue at this row, in `column` (the first one when unknown)."""
        header = self.table.header
        position = header.index(column) + 1 if column in header else 1
        return Issue(self.table.file, self.number, position, Code.LIGNE_INVALIDE, message, hint)

    def invalid(self, error: Exception, model: type[BaseModel], column: str | None) -> Issue:
        """A record that the model refuses, at the cell of the field it is about."""
        if isinstance(error, ValidationError):
            return self.issue(_located(error, self.columns, column), *describe_error(error, model))
        return self.issue(column, str(error), CELL_HINT)


def read_row(
    project: Project, table: Table, mapping: Correspondance, number: int, row: dict[str, Any]
) -> tuple[list[Record], list[Issue]]:
    """The records of one row, or the issues of its bad cells."""
    line = Line(project, table, mapping, number, row)
    filled = [c for c, target in mapping.indicateurs.items() if not _blank(line, target)]
    if mapping.indicateurs and not filled:
        return [], []  # nothing to import on this row: its period does not matter
    try:
        base = _common_fields(line, filled or [line.cell("indicateur")])
    except ValueError as error:
        return [], [line.issue(line.columns.get("periode"), str(error), PERIOD_HINT)]
    future = _future(base)
    if future is not None:
        return [], [line.issue(line.columns.get(future.field), future.message, future.hint)]
    if mapping.type == "questionnaire":
        return _gather(_answer(line, base, code, column) for code, column in _scores(line))
    return _gather(_value(line, base, code, column) for code, column in _value_cells(line))


def _common_fields(line: Line, codes: list[Any]) -> dict[str, Any]:
    """Author, date and period, shared by the records of the row."""
    period = _period(line.cell("période"), line.mapping, line.project, codes)
    day = line.cell("date")
    if day in (None, "") and line.mapping.type == "questionnaire":
        day = _as_day(line.cell("période"))  # a survey's answer is dated by the day it was given
    return {"auteur": line.mapping.auteur, "date": _date(_as_day(day) or day), "période": period}


def _future(base: dict[str, Any]) -> Problem | None:
    """A row for a period not begun yet, or dated after today (an unreadable date: None)."""
    try:
        day = dt.date.fromisoformat(str(base["date"]))
    except ValueError:
        return None  # the model names the bad date
    return future_problem(base["période"], day, dt.date.today())


def _gather(found: Iterable[Found]) -> tuple[list[Record], list[Issue]]:
    records: list[Record] = []
    issues: list[Issue] = []
    for record, problems in found:
        issues.extend(problems)
        if record is not None:
            records.append(record)
    return records, issues


def _value_cells(line: Line) -> list[tuple[Any, Target]]:
    """(indicator code, where its value is): one per filled indicator column, or the row's."""
    mapping = line.mapping
    if not mapping.indicateurs:
        return [(line.cell("indicateur"), mapping.colonnes.get(Champ.VALEUR))]
    return [(c, target) for c, target in mapping.indicateurs.items() if not _blank(line, target)]


def _scores(line: Line) -> list[tuple[str, str]]:
    """(score indicator, its column), for each score answered on the row."""
    items = line.mapping.indicateurs.items()
    return [(c, t) for c, t in items if isinstance(t, str) and not _blank(line, t)]


def _blank(line: Line, target: Target) -> bool:
    """No cell to read: no column, or every cell of the target empty."""
    columns = target.columns if isinstance(target, Termes) else (target,)
    return all((line.row.get(c) if c else None) in (None, "") for c in columns)


def _value(line: Line, base: dict[str, Any], code: Any, target: Target) -> Found:
    """The value of `code` in its column (or a rate's two columns), checked."""
    code = str(code or "")
    referentiel = line.project.referentiel
    column = target.numerateur if isinstance(target, Termes) else target
    try:
        text = _value_text(
            line.row.get(target) if isinstance(target, str) else None, referentiel, code
        )
    except ValueError as error:
        return None, [line.issue(column, str(error), CELL_HINT)]
    terms, bad = _terms(line, target)
    if bad:
        return None, bad
    data = {
        **base,
        "indicateur": code,
        "dimensions": _dimensions(line),
        "note": line.cell("note") or None,
        "valeur": text,
        **terms,
    }
    try:
        record = Valeur.model_validate(data)
    except (ValidationError, ValueError) as error:
        return None, [line.invalid(error, Valeur, column)]
    problems = check_record(referentiel, record) if referentiel else []
    issues = [line.issue(_problem_column(line, p, target), p.message, p.hint) for p in problems]
    return (None if problems else record), issues


def _value_text(raw: Any, referentiel: Referentiel | None, code: str) -> str | None:
    """The cell as a record writes it (`3,5` → `3.5` for a number), None when empty.

    Raises:
        ValueError: the cell does not fit the indicator (French message).
    """
    text = _text(raw)
    indicator = referentiel.indicators().get(code) if referentiel else None
    if indicator is None or text is None:
        return text
    return canonical_text(parse_value(indicator, text, comma=True))


def _terms(line: Line, target: Target) -> tuple[dict[str, float | None], list[Issue]]:
    """A rate's numerator and denominator cells as numbers, or an issue at each bad one.

    In a wide table, the rate's own two columns; in a long one, the row's.
    """
    terms: dict[str, float | None] = {}
    issues = []
    for n, name in enumerate(("numérateur", "dénominateur")):
        if isinstance(target, Termes):
            column: str | None = target.columns[n]
        elif line.mapping.indicateurs:
            continue
        else:
            column = line.columns.get(normalize_key(name))
        try:
            terms[name] = _number(line.row.get(column) if column else None)
        except ValueError as error:
            issues.append(line.issue(column, str(error), CELL_HINT))
        if isinstance(target, Termes) and terms.get(name, 0) is None:
            message = f"{name} manquant : un taux se donne par ses deux termes"
            issues.append(line.issue(column, message, "remplissez la cellule"))
    return terms, issues


def _dimensions(line: Line) -> dict[str, str]:
    return {
        dim: str(line.row.get(column) or "")
        for dim, column in line.mapping.dimensions.items()
        if line.row.get(column) not in (None, "")
    }


def _problem_column(line: Line, problem: Problem, target: Target) -> str | None:
    """The cell a problem is about: the value's, a rate's term, a dimension's, another."""
    if problem.dimension in line.mapping.dimensions:
        return line.mapping.dimensions[problem.dimension]
    if isinstance(target, Termes):
        return target.denominateur if problem.field == "denominateur" else target.numerateur
    if problem.field == "valeur":
        return target
    return line.columns.get(problem.field, target)


def _answer(line: Line, base: dict[str, Any], code: str, column: str) -> Found:
    """The answer's score in `column`, checked against the référentiel."""
    data = {
        **base,
        "indicateur": code,
        "participant": str(line.cell("participant") or ""),
        "moment": str(line.cell("moment") or ""),
    }
    try:
        record = Reponse.model_validate(data | {"score": _number(line.row.get(column))})
    except (ValidationError, ValueError) as error:
        return None, [line.invalid(error, Reponse, column)]
    problems = reference_problems(line.project, record)
    issues = [line.issue(line.columns.get(p.field, column), p.message, p.hint) for p in problems]
    return (None if problems else record), issues


def _period(value: Any, mapping: Correspondance, project: Project, codes: list[Any]) -> Period:
    """The row's period; a day stands for the period of the indicators' frequency."""
    if value in (None, ""):
        if mapping.periode is None:
            raise ValueError("période manquante")
        return mapping.periode
    value = _as_day(value) or value
    if isinstance(value, dt.date) and project.referentiel is not None:
        return _period_of_day(value, project.referentiel, codes)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return Period.parse(str(value))


def _period_of_day(day: dt.date, referentiel: Referentiel, codes: list[Any]) -> Period:
    """The period containing `day` in the frequency the row's indicators share."""
    indicators = referentiel.indicators()
    known = [indicators[code] for code in map(str, codes) if code in indicators]
    kinds = {ind.frequence.kind for ind in known}
    if len(kinds) == 1 and Kind.PLAGE not in kinds:
        return period_containing(day, kinds.pop())
    frequencies = sorted({ind.frequence.value for ind in known})
    why = ""
    if len(frequencies) > 1:
        why = f" (fréquences différentes : {', '.join(frequencies)})"
    elif Kind.PLAGE in kinds:
        why = " (indicateur ponctuel : sa période est une plage de dates)"
    raise ValueError(f"date {day.isoformat()} : indiquez plutôt la période{why}")


def day_as_period(mapping: Correspondance, row: dict[str, Any]) -> dt.date | None:
    """The day in the row's period cell, when the period column holds dates."""
    column = mapping.colonnes.get(Champ.PERIODE)
    return _as_day(row.get(column)) if column else None


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


def _located(error: ValidationError, columns: dict[str, str], default: str | None) -> str | None:
    """The column of the field a validation error is about (`date`, `note`...), if mapped."""
    loc = error.errors(include_url=False)[0]["loc"]
    return columns.get(normalize_key(str(loc[0])), default) if loc else default
