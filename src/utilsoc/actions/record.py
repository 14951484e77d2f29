"""Record one value: checked against the référentiel, never silently overwriting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import ValidationError

from utilsoc.check.values import check_record, parse_value
from utilsoc.compute.merge import consolidate
from utilsoc.errors import DataErrors, UsageError, UserError
from utilsoc.model.mesures import Mesure, Remplacement, Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Referentiel
from utilsoc.project import Layout, display_path
from utilsoc.store.journal import Transaction, transaction
from utilsoc.store.measures import header, measure_path, period_contents, stage_records
from utilsoc.yamlio.messages import describe_error


@dataclass(frozen=True)
class Request:
    """What the user asked to record."""

    indicateur: str
    valeur: str
    periode: str
    auteur: str
    dimensions: dict[str, str]
    note: str | None = None
    motif: str | None = None
    date: dt.date | None = None


def record_value(layout: Layout, referentiel: Referentiel, request: Request) -> str:
    """Check and append one value; return what was done, in French.

    The check against the values already recorded and the write happen under the
    folder's write lock: of two commands recording the same measurement at once, the
    second sees the first one's value.

    Raises:
        UsageError: malformed period or options.
        UserError: the value does not fit, or one is already recorded (without --replace).
        FileAccessError: another command keeps the folder locked.
    """
    record = prepare_value(referentiel, request)
    path = measure_path(layout, record.periode, record.auteur)
    with transaction(layout, display_path(path)) as tx:
        return stage_value(tx, record, request.motif)


def prepare_value(referentiel: Referentiel, request: Request) -> Valeur:
    """The record for `request`, checked against the référentiel (no file read).

    Raises:
        UsageError: malformed period.
        UserError: the value does not fit the indicator.
    """
    try:
        period = Period.parse(request.periode)
    except ValueError as error:
        raise UsageError(
            str(error), "écrivez par exemple 2025, 2025-T1, 2025-03 ou 2024-2025"
        ) from None
    record = _build(referentiel, request, period)
    problems = check_record(referentiel, record)
    if problems:
        first = problems[0]
        raise UserError(first.message, first.hint)
    return record


def stage_value(tx: Transaction, record: Valeur, motif: str | None) -> str:
    """Compare `record` with what is recorded, stage what to write in `tx`; say what.

    Raises:
        UserError: a value is already recorded (and `motif` is None), or nothing to replace.
        DataErrors: a measurement file of the period is broken.
    """
    period = record.periode
    live, history = _existing(tx, record)
    if not live:
        if motif is not None:
            raise UserError(
                "rien à remplacer : aucune valeur enregistrée pour cette période",
                "retirez --replace",
            )
        records = [record]
    else:
        records = _replacements(record, live, history, motif, period)
        if not records:
            same = live[0]
            return f"valeur déjà enregistrée par {same.auteur} le {same.date} : rien à faire"
    path = measure_path(tx.layout, period, record.auteur)
    stage_records(tx, path, records, header(period))
    verb = "remplacée" if live else "enregistrée"
    return f"valeur {verb} : {record.indicateur} = {record.valeur} ({period.label})"


def _replacements(
    record: Valeur, live: list[Mesure], history: list[Mesure], motif: str | None, period: Period
) -> list[Valeur]:
    """The records to write to replace the live value(s), or [] when nothing changes.

    Why one per live value: after a conflict, each conflicting value is replaced by name,
    so every contributor's file keeps what it said and the history stays complete.
    """
    values = {m.valeur for m in live}
    if len(values) == 1 and record.valeur in values:
        return []
    if motif is None:
        if len(live) > 1:
            raise UserError(
                f"conflit sur {record.indicateur} en {period.name} : "
                + ", ".join(f"{m.valeur} ({m.auteur})" for m in live),
                'choisissez la bonne valeur : --replace --motif "la raison"',
            )
        old = live[0]
        raise UserError(
            f"une valeur existe déjà pour {record.indicateur} en {period.name} : "
            f"{old.valeur} ({old.auteur}, {old.date})",
            'pour la corriger, ajoutez --replace --motif "la raison"',
        )
    if any(
        (m.auteur, m.date, m.valeur) == (record.auteur, record.date, record.valeur) for m in history
    ):
        raise UserError(
            "cette valeur a déjà été enregistrée puis remplacée le même jour par la même personne",
            "indiquez une autre date avec --date",
        )
    return [
        record.model_copy(
            update={
                "remplace": Remplacement(valeur=m.valeur, auteur=m.auteur, date=m.date, motif=motif)
            }
        )
        for m in live
    ]


def _build(referentiel: Referentiel, request: Request, period: Period) -> Valeur:
    indicator = referentiel.indicators().get(request.indicateur)
    value: str | None = request.valeur
    if indicator is not None:
        try:
            typed = parse_value(indicator, value, comma=True)
        except ValueError as error:
            raise UserError(str(error), "vérifiez la valeur saisie") from None
        value = canonical_text(typed)
    try:
        return Valeur.model_validate(
            {
                "indicateur": request.indicateur,
                "période": period.name,
                "valeur": value,
                "dimensions": request.dimensions,
                "note": request.note,
                "auteur": request.auteur,
                "date": (request.date or dt.date.today()).isoformat(),
            }
        )
    except ValidationError as error:
        raise UserError(*describe_error(error, Valeur)) from None


def canonical_text(value: float | bool | str | None) -> str | None:
    """How a typed value is written in a measurement file: `12`, `3.5`, `true`, text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _existing(tx: Transaction, record: Valeur) -> tuple[list[Mesure], list[Mesure]]:
    """The live record(s) for the same measurement, and every record ever written for it."""
    records = _recorded_in(tx, record.periode)
    merged = consolidate(records)
    history = [r for r in records if r.key == record.key]
    if record.key in merged.conflicts:
        return merged.conflicts[record.key], history
    current = merged.current.get(record.key)
    return ([current] if current else []), history


def _recorded_in(tx: Transaction, period: Period) -> list[Mesure]:
    """Every value recorded for `period`, as the transaction sees the files now."""
    records: list[Mesure] = []
    for _, content, issues in period_contents(tx, period):
        if issues:
            raise DataErrors([i for i in issues if i.severity == "erreur"] or issues)
        if content is not None:
            records.extend(content.valeurs)
    return records
