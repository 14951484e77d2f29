"""Record one value: checked against the référentiel, never silently overwriting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from utilsoc.actions.typed import shown, typed_terms
from utilsoc.check.privacy import personal_problems
from utilsoc.check.values import check_record, future_problem
from utilsoc.compute.merge import consolidate
from utilsoc.errors import DataErrors, UsageError, UserError
from utilsoc.model.mesures import Mesure, Remplacement, Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Referentiel
from utilsoc.project import Layout, display_path
from utilsoc.store.files import validate_text
from utilsoc.store.journal import Transaction, transaction
from utilsoc.store.measures import header, measure_path, period_contents, stage_records
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.messages import describe_error


@dataclass(frozen=True)
class Request:
    """What the user asked to record."""

    indicateur: str
    valeur: str | None
    periode: str
    auteur: str
    dimensions: dict[str, str]
    note: str | None = None
    motif: str | None = None
    date: dt.date | None = None
    numerateur: str | None = None  # a rate's two terms, as typed (`37`, `12,5`)
    denominateur: str | None = None


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
    future = future_problem(record.periode, record.date, dt.date.today())
    problems = [future] if future else check_record(referentiel, record)
    problems += personal_problems(record)
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
    recorded = _existing(tx, record)
    if not recorded.live:
        if motif is not None:
            raise UserError(
                "rien à remplacer : aucune valeur enregistrée pour cette période",
                "retirez --replace",
            )
        records = [record]
    else:
        records = _replacements(record, recorded, motif)
        if not records:
            same = recorded.live[0]
            return f"valeur déjà enregistrée par {same.auteur} le {same.date} : rien à faire"
    path = measure_path(tx.layout, period, record.auteur)
    stage_records(tx, path, records, header(period))
    verb = "remplacée" if recorded.live else "enregistrée"
    return f"valeur {verb} : {record.indicateur} = {shown(record)} ({period.label})"


def described(record: Valeur | Mesure) -> str:
    """`economies_foyers (site=Brest) en 2025-T2`: what identifies a measurement."""
    dims = ", ".join(f"{name}={value}" for name, value in sorted(record.dimensions.items()))
    return f"{record.indicateur}{f' ({dims})' if dims else ''} en {record.periode.name}"


def _measured(record: Valeur | Mesure) -> tuple[str | None, float | None, float | None]:
    """What two records of one measurement share when they say the same."""
    return (record.valeur, record.numerateur, record.denominateur)


def _replacements(record: Valeur, recorded: _Recorded, motif: str | None) -> list[Valeur]:
    """The records to write to replace the live value(s), or [] when nothing changes.

    Why one per live value: after a conflict, each conflicting value is replaced by name,
    so every contributor's file keeps what it said and the history stays complete.
    """
    live = recorded.live
    values = {_measured(m) for m in live}
    if len(values) == 1 and _measured(record) in values:
        return []
    if motif is None:
        raise _clash(record, recorded)
    if any(
        (m.auteur, m.date, _measured(m)) == (record.auteur, record.date, _measured(record))
        for m in recorded.history
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


def _clash(record: Valeur, recorded: _Recorded) -> UserError:
    """A different value is recorded: say which one, with its dimensions and its line."""
    if len(recorded.live) > 1:
        return UserError(
            f"conflit sur {described(record)} : "
            + ", ".join(f"{shown(m)} ({m.auteur}, {recorded.place(m)})" for m in recorded.live),
            'choisissez la bonne valeur : --replace --motif "la raison"',
        )
    old = recorded.live[0]
    return UserError(
        f"une valeur existe déjà pour {described(record)} : "
        f"{shown(old)} ({old.auteur}, {old.date}, {recorded.place(old)})",
        'pour la corriger, ajoutez --replace --motif "la raison"',
    )


def _build(referentiel: Referentiel, request: Request, period: Period) -> Valeur:
    indicator = referentiel.indicators().get(request.indicateur)
    value, numerator, denominator = typed_terms(
        indicator, request.valeur, request.numerateur, request.denominateur
    )
    try:
        return Valeur.model_validate(
            {
                "indicateur": request.indicateur,
                "période": period.name,
                "valeur": value,
                "numérateur": numerator,
                "dénominateur": denominator,
                "dimensions": request.dimensions,
                "note": request.note,
                "auteur": request.auteur,
                "date": (request.date or dt.date.today()).isoformat(),
            }
        )
    except ValidationError as error:
        raise UserError(*describe_error(error, Valeur)) from None


@dataclass
class _Recorded:
    """The live record(s) of one measurement, every record ever written for it, and where."""

    tx: Transaction
    live: list[Mesure]
    history: list[Mesure]
    places: dict[int, tuple[Path, int]]  # id(record) → its file, its rank among the values

    def place(self, record: Mesure) -> str:
        """`mesures/2025-T2/lea.yaml:3`: the file and line of `record` (file alone if unsure)."""
        path, rank = self.places[id(record)]
        display = display_path(path)
        text, issues = decode_text(self.tx.read_bytes(path) or b"", display)
        if issues:
            return display
        _, document, issues = validate_text(text, display)
        if document is None or issues:
            return display
        return f"{display}:{document.position(('valeurs', rank))[0]}"


def _existing(tx: Transaction, record: Valeur) -> _Recorded:
    """What is recorded for the same measurement, as the transaction sees the files now."""
    records, places = _recorded_in(tx, record.periode)
    merged = consolidate(records)
    history = [r for r in records if r.key == record.key]
    live = merged.conflicts.get(record.key) or [
        m for m in [merged.current.get(record.key)] if m is not None
    ]
    return _Recorded(tx, live, history, places)


def _recorded_in(
    tx: Transaction, period: Period
) -> tuple[list[Mesure], dict[int, tuple[Path, int]]]:
    """Every value recorded for `period`, and where each one is.

    Raises:
        DataErrors: a measurement file of the period is broken.
    """
    places: dict[int, tuple[Path, int]] = {}
    records: list[Mesure] = []
    for path, content, issues in period_contents(tx, period):
        if issues:
            raise DataErrors([i for i in issues if i.severity == "erreur"] or issues)
        if content is not None:
            places.update((id(m), (path, n)) for n, m in enumerate(content.valeurs))
            records.extend(content.valeurs)
    return records, places
