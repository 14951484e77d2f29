"""`import`: values or questionnaire answers from a spreadsheet, all rows valid or nothing.

A mapping file (YAML) says which column holds what. Two shapes of spreadsheet:
- `type: valeurs`, one row per indicator and period (or one column per indicator with
  `indicateurs:`), the way a team keeps its own follow-up table;
- `type: questionnaire`, one row per answer, the way KoboToolbox, Google Forms or
  LimeSurvey export a survey: participant, moment, and one column per score.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from utilsoc.actions.import_cells import day_as_period
from utilsoc.actions.import_mapping import check_columns, kept_rows
from utilsoc.actions.import_rows import Record, read_row
from utilsoc.check.measures import both_groups_issues
from utilsoc.codes import Code
from utilsoc.compute.merge import consolidate
from utilsoc.compute.questionnaires import group_of
from utilsoc.errors import DataErrors, Issue, UserError
from utilsoc.model.correspondance import Champ, Correspondance
from utilsoc.model.load import Project
from utilsoc.model.mesures import Mesure, Reponse, Valeur
from utilsoc.model.periods import Period
from utilsoc.project import Layout, display_path
from utilsoc.store.files import iter_records
from utilsoc.store.journal import Transaction, transaction
from utilsoc.store.measures import header, kind_of, period_contents, record_path, stage_records
from utilsoc.tables.spreadsheet import Table
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import read_yaml

AnswerKey = tuple[str, str, str, str, float, str]


@dataclass
class Plan:
    """What an import would record, file by file."""

    layout: Layout
    files: dict[Path, list[Record]] = field(default_factory=dict)
    skipped: int = 0
    filtered: int = 0  # rows the mapping's `filtre` left out
    rows: list[tuple[int, Record]] = field(default_factory=list)  # new records, table order
    conflicts: list[Issue] = field(default_factory=list)  # kept only for a dry run
    # Periods read from days (a date column mapped as the period): the days of each.
    from_days: dict[Period, list[dt.date]] = field(default_factory=dict)
    period_column: str | None = None

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
    return mapping.read_from(document)


def plan_import(
    project: Project, table: Table, mapping: Correspondance, *, keep_conflicts: bool = False
) -> Plan:
    """Turn every row the mapping's filter keeps into records; any bad cell fails it all.

    With `keep_conflicts` (a dry run), values recorded with other figures are kept in
    `plan.conflicts` instead of raised, so that the rest of the plan can be shown.

    Raises:
        DataErrors: one issue per bad cell, as `fichier:ligne:colonne`.
    """
    check_columns(table, mapping)
    issues: dict[Issue, None] = {}  # a mapping's issue comes with every row: said once
    records: list[Record] = []
    lines: list[int] = []  # the table row of each record, for messages
    from_days: dict[Period, list[dt.date]] = {}
    kept = kept_rows(table, mapping)
    for number, row in kept:
        row_records, row_issues = read_row(project, table, mapping, number, row)
        records.extend(row_records)
        lines.extend([number] * len(row_records))
        issues.update(dict.fromkeys(row_issues))
        day = day_as_period(mapping, row)
        if row_records and day is not None:
            from_days.setdefault(row_records[0].periode, []).append(day)
    issues.update(dict.fromkeys(_duplicates(table, records, lines)))
    if issues:
        raise DataErrors(list(issues))
    participant = mapping.colonnes.get(Champ.PARTICIPANT)
    column = table.header.index(participant) + 1 if participant in table.header else 1
    plan = _against_existing(project, table, records, lines, column)
    if plan.conflicts and not keep_conflicts:
        raise DataErrors(plan.conflicts)
    plan.filtered = len(table.rows) - len(kept)
    plan.from_days = dict(sorted(from_days.items()))
    plan.period_column = mapping.colonnes.get(Champ.PERIODE)
    return plan


def _duplicates(table: Table, records: list[Record], lines: list[int]) -> list[Issue]:
    seen: dict[Any, int] = {}
    issues = []
    for record, line in zip(records, lines, strict=True):
        key = _row_key(record)
        if key in seen:
            issues.append(
                Issue(
                    table.file,
                    line,
                    1,
                    Code.LIGNE_EN_DOUBLE,
                    f"{_describe(record)} : déjà à la ligne {seen[key]}",
                    "gardez une seule des deux lignes",
                )
            )
        else:
            seen[key] = line
    return issues


def _row_key(record: Record) -> Any:
    """What two rows must not share: a value's key, an answer's participant and moment."""
    if isinstance(record, Valeur):
        return record.key
    return (
        "q",
        record.indicateur,
        record.participant,
        record.moment,
        record.periode.name,
        group_of(record),
    )


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
    project: Project, table: Table, records: list[Record], lines: list[int], participant: int
) -> Plan:
    """The records not in the folder yet; one recorded with other figures is a conflict.

    Raises:
        DataErrors: a new answer would put someone in both groups of one round, at the
            `participant` column of its row (`participant-deux-groupes`).
    """
    current, recorded = _existing(project, {r.periode for r in records})
    answers = {_answer_key(r) for r in recorded}
    plan = Plan(project.layout)
    for record, line in zip(records, lines, strict=True):
        if _recorded(record, current, answers):
            plan.skipped += 1
        elif isinstance(record, Valeur) and record.key in current:
            plan.conflicts.append(_conflict(table, line, record, current[record.key]))
        else:
            plan.files.setdefault(record_path(project.layout, record), []).append(record)
            plan.rows.append((line, record))
    both = both_groups_issues(table.file, plan.rows, recorded, participant)
    if both:
        raise DataErrors(both)
    return plan


def _existing(project: Project, periods: set[Period]) -> tuple[dict[Any, Mesure], list[Reponse]]:
    """The current values and the answers already recorded for `periods`."""
    values: list[Mesure] = []
    answers: list[Reponse] = []
    for period in periods:
        for _, content, _, issues in iter_records(project.layout, period):
            if issues:
                raise DataErrors(issues)
            if content is not None:
                values.extend(content.valeurs)
                answers.extend(content.questionnaires)
    return consolidate(values).current, answers


def _recorded(record: Record, current: dict[Any, Mesure], answers: set[AnswerKey]) -> bool:
    """Already in the folder as it is: the same answer, or a value with the same figures."""
    if isinstance(record, Reponse):
        return _answer_key(record) in answers
    old = current.get(record.key)
    return old is not None and _measured(old) == _measured(record)


def _conflict(table: Table, line: int, record: Valeur, old: Mesure) -> Issue:
    return Issue(
        table.file,
        line,
        1,
        Code.VALEUR_EXISTANTE,
        f"{_describe(record)} : {_shown(old)} déjà enregistré par {old.auteur} "
        f"le {old.date.isoformat()}, {_shown(record)} dans le tableau",
        "si le tableau a raison, corrigez la valeur enregistrée avec "
        "« utilsoc record --replace --motif », puis relancez l'import "
        "(les lignes déjà enregistrées à l'identique sont passées)",
    )


def _measured(record: Valeur | Mesure) -> tuple[Any, float | None, float | None]:
    """What two records of one measurement must share to be the same: a rate's parts too."""
    return (record.valeur, record.numerateur, record.denominateur)


def _shown(record: Valeur | Mesure) -> str:
    if record.numerateur is None and record.denominateur is None:
        return str(record.valeur)
    parts = (record.numerateur, record.denominateur)
    ratio = "/".join("?" if n is None else f"{n:.15g}".replace(".", ",") for n in parts)
    return ratio if record.valeur is None else f"{record.valeur} ({ratio})"


def _answer_key(answer: Reponse) -> AnswerKey:
    return (
        answer.indicateur,
        answer.participant,
        answer.moment.value,
        answer.periode.name,
        answer.score,
        group_of(answer).value,
    )


def apply_plan(plan: Plan) -> None:
    """Write every planned file in one transaction: all of them, or none.

    Under the folder's write lock, each value is compared again with what is recorded:
    one recorded meanwhile by another command is skipped when identical, refused if not.

    Raises:
        UserError: a different value was recorded since the plan was made.
        DataErrors: a measurement file does not validate.
        FileAccessError: another command keeps the folder locked.
    """
    first = min(plan.files, default=None)
    if first is None:
        return
    with transaction(plan.layout, display_path(first)) as tx:
        _recheck(tx, plan)
        for path, records in sorted(plan.files.items()):
            if records:
                stage_records(tx, path, records, header(records[0].periode, kind_of(records[0])))


def _recheck(tx: Transaction, plan: Plan) -> None:
    """Drop the values recorded since planning; refuse a different one."""
    periods = {r.periode for records in plan.files.values() for r in records}
    current = consolidate(_recorded_in(tx, periods)).current
    for path, records in plan.files.items():
        kept = []
        for record in records:
            old = current.get(record.key) if isinstance(record, Valeur) else None
            if old is None or not isinstance(record, Valeur):
                kept.append(record)
            elif _measured(old) == _measured(record):
                plan.skipped += 1
            else:
                raise UserError(
                    f"{_describe(record)} : {_shown(old)} enregistré entre-temps par "
                    f"{old.auteur}, {_shown(record)} dans le tableau",
                    "relancez l'import : rien n'a été écrit",
                )
        plan.files[path] = kept


def _recorded_in(tx: Transaction, periods: set[Period]) -> list[Mesure]:
    """Every value recorded for `periods`, as the transaction sees the files now."""
    existing: list[Mesure] = []
    for period in periods:
        for _, content, issues in period_contents(tx, period):
            if issues:
                raise DataErrors(issues)
            if content is not None:
                existing.extend(content.valeurs)
    return existing
