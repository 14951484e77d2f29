"""One spreadsheet row of an `import`: its records, or an issue at each bad cell.

A problem no cell of the row caused is reported at the mapping file's line instead (see
import_mapping.py): the same issue for every row, said once by the importer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ValidationError

from utilsoc.actions.evidence import reference_problems
from utilsoc.actions.import_cells import (
    as_day,
    cell_number,
    date_text,
    row_period,
    value_text,
)
from utilsoc.actions.import_mapping import NO_PERIOD, mapping_key, mapping_words
from utilsoc.check.privacy import personal_problems
from utilsoc.check.values import Problem, check_record, future_problem
from utilsoc.codes import Code
from utilsoc.errors import Issue
from utilsoc.model.correspondance import Champ, Correspondance, Termes
from utilsoc.model.load import Project
from utilsoc.model.mesures import Reponse, Valeur
from utilsoc.tables.spreadsheet import Table
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.messages import describe_error

Record = Valeur | Reponse
Found = tuple[Record | None, list[Issue]]
Target = str | Termes | None  # where a value is: a column, a rate's two columns, or nowhere

CELL_HINT = "vérifiez la cellule"
PERIOD_HINT = "écrivez 2025, 2025-T1, 2025-03 ou 2024-2025"


class _BadCells(Exception):
    """Cells of a value that cannot be read, each with its issue."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(issues)
        self.issues = issues


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

    def in_mapping(self, loc: tuple[str, ...], column: str | None, text: tuple[str, str]) -> Issue:
        """An issue at the mapping's key `loc`; at the row's `column` if not read from a file."""
        where = self.mapping.where(*loc)
        if where is None:
            return self.issue(column, *text)
        return Issue(*where, Code.CORRESPONDANCE_INVALIDE, *text)

    def invalid(self, error: Exception, model: type[BaseModel], column: str | None) -> Issue:
        """A record that the model refuses, at the cell of the field it is about."""
        if isinstance(error, ValidationError):
            return self.issue(_located(error, self.columns, column), *describe_error(error, model))
        return self.issue(column, str(error), CELL_HINT)

    def problem(self, problem: Problem, target: Target, code: str) -> Issue:
        """A record that does not fit the référentiel: at its cell, or at the mapping's line."""
        column = _problem_column(self, problem, target)
        referentiel = self.project.referentiel
        given = self.cell("période") not in (None, "")
        loc = mapping_key(self.mapping, referentiel, problem, code, period_in_row=given)
        if loc is None:
            return self.issue(column, problem.message, problem.hint)
        return self.in_mapping(loc, column, mapping_words(referentiel, problem))


def read_row(
    project: Project, table: Table, mapping: Correspondance, number: int, row: dict[str, Any]
) -> tuple[list[Record], list[Issue]]:
    """The records of one row, or the issues of its bad cells (one per cell and problem)."""
    line = Line(project, table, mapping, number, row)
    questionnaire = mapping.type == "questionnaire"
    cells = _scores(line) if questionnaire else _value_cells(line)
    if not cells:
        return [], []  # nothing to import on this row: its period does not matter
    try:
        base = _common_fields(line, [code for code, _ in cells])
    except ValueError as error:
        return [], [_period_issue(line, str(error))]
    future = _future(base)
    if future is not None:
        return [], [line.problem(future, None, "")]
    read = _answer if questionnaire else _value
    return _gather(line, (read(line, base, code, target) for code, target in cells))


def _common_fields(line: Line, codes: list[Any]) -> dict[str, Any]:
    """Author, date and period, shared by the records of the row."""
    period = row_period(line.cell("période"), line.mapping, line.project.referentiel, codes)
    day = line.cell("date")
    if day in (None, "") and line.mapping.type == "questionnaire":
        day = as_day(line.cell("période"))  # a survey's answer is dated by the day it was given
    return {"auteur": line.mapping.auteur, "date": date_text(as_day(day) or day), "période": period}


def _period_issue(line: Line, message: str) -> Issue:
    """A period that cannot be read: the cell's, or none at all in the mapping."""
    column = line.columns.get("periode")
    if column is not None or line.mapping.periode is not None:
        return line.issue(column, message, PERIOD_HINT)
    return line.in_mapping(("colonnes",), None, NO_PERIOD)


def _future(base: dict[str, Any]) -> Problem | None:
    """A row for a period not begun yet, or dated after today (an unreadable date: None)."""
    try:
        day = dt.date.fromisoformat(str(base["date"]))
    except ValueError:
        return None  # the model names the bad date
    return future_problem(base["période"], day, dt.date.today())


def _gather(line: Line, found: Iterable[Found]) -> tuple[list[Record], list[Issue]]:
    """The row's records and its issues, a bad cell shared by its values said once."""
    records: list[Record] = []
    counts: Counter[Issue] = Counter()
    for record, problems in found:
        counts.update(problems)
        if record is not None:
            records.append(record)
    issues = [
        dataclasses.replace(issue, message=f"{issue.message} (pour {count} valeurs de la ligne)")
        if count > 1 and issue.file == line.table.file
        else issue
        for issue, count in counts.items()
    ]
    return records, issues


def _value_cells(line: Line) -> list[tuple[Any, Target]]:
    """(indicator code, where its value is): one per filled indicator column, or the row's."""
    mapping = line.mapping
    if not mapping.indicateurs:
        return [(line.cell("indicateur"), mapping.colonnes.get(Champ.VALEUR))]
    return [(c, target) for c, target in mapping.indicateurs.items() if not _blank(line, target)]


def _scores(line: Line) -> list[tuple[Any, Target]]:
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
    column = target.numerateur if isinstance(target, Termes) else target
    try:
        record = Valeur.model_validate({**base, **_value_fields(line, code, target)})
    except _BadCells as bad:
        return None, bad.issues
    except ValueError as error:  # a cell that does not fit the indicator, or the model's refusal
        return None, [line.invalid(error, Valeur, column)]
    referentiel = line.project.referentiel
    problems = check_record(referentiel, record) if referentiel else []
    problems += personal_problems(record)
    return (None if problems else record), [line.problem(p, target, code) for p in problems]


def _value_fields(line: Line, code: str, target: Target) -> dict[str, Any]:
    """The fields of the value of `code` on this row, read from its cells.

    Raises:
        ValueError: the value's cell does not fit the indicator (French message).
        _BadCells: a rate's term cannot be read.
    """
    cell = line.row.get(target) if isinstance(target, str) else None
    text = value_text(cell, line.project.referentiel, code)
    terms, bad = _terms(line, target)
    if bad:
        raise _BadCells(bad)
    dimensions = {
        dim: str(line.row.get(column) or "")
        for dim, column in line.mapping.dimensions.items()
        if line.row.get(column) not in (None, "")
    }
    note = line.cell("note") or None
    return {"indicateur": code, "dimensions": dimensions, "note": note, "valeur": text, **terms}


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
            terms[name] = cell_number(line.row.get(column) if column else None)
        except ValueError as error:
            issues.append(line.issue(column, str(error), CELL_HINT))
        if isinstance(target, Termes) and terms.get(name, 0) is None:
            message = f"{name} manquant : un taux se donne par ses deux termes"
            issues.append(line.issue(column, message, "remplissez la cellule"))
    return terms, issues


def _problem_column(line: Line, problem: Problem, target: Target) -> str | None:
    """The cell a problem is about: the value's, a rate's term, a dimension's, another."""
    if problem.dimension in line.mapping.dimensions:
        return line.mapping.dimensions[problem.dimension]
    if isinstance(target, Termes):
        return target.denominateur if problem.field == "denominateur" else target.numerateur
    if problem.field == "valeur":
        return target
    return line.columns.get(problem.field, target)


def _answer(line: Line, base: dict[str, Any], code: Any, column: Target) -> Found:
    """The answer's score in `column`, checked against the référentiel."""
    data = {
        **base,
        "indicateur": code,
        "participant": str(line.cell("participant") or ""),
        "moment": str(line.cell("moment") or ""),
    }
    group = line.cell("groupe")
    if group not in (None, ""):  # « comparaison » for the comparison group's answers
        data["groupe"] = str(group)
    name = column if isinstance(column, str) else None
    score = line.row.get(name) if name else None
    try:
        record = Reponse.model_validate(data | {"score": cell_number(score)})
    except ValueError as error:
        return None, [line.invalid(error, Reponse, name)]
    problems = reference_problems(line.project, record)
    return (None if problems else record), [line.problem(p, name, code) for p in problems]


def _located(error: ValidationError, columns: dict[str, str], default: str | None) -> str | None:
    """The column of the field a validation error is about (`date`, `note`...), if mapped."""
    loc = error.errors(include_url=False)[0]["loc"]
    return columns.get(normalize_key(str(loc[0])), default) if loc else default
