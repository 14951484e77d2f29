"""Record one value: checked against the référentiel, never silently overwriting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from utilsoc.errors import DataErrors, UsageError, UserError
from utilsoc.merge import consolidate
from utilsoc.model.mesures import Mesure, Remplacement, Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Referentiel
from utilsoc.project import Layout
from utilsoc.store.measures import append_record, header, measure_path
from utilsoc.store.reading import iter_records
from utilsoc.values import check_record, parse_value


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

    Raises:
        UsageError: malformed period or options.
        UserError: the value does not fit, or one is already recorded (without --replace).
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
    existing = _existing(layout, period, record)
    if existing is not None:
        if existing.valeur == record.valeur and request.motif is None:
            return (
                f"valeur déjà enregistrée par {existing.auteur} le {existing.date} : rien à faire"
            )
        if request.motif is None:
            raise UserError(
                f"une valeur existe déjà pour {record.indicateur} en {period.name} : "
                f"{existing.valeur} ({existing.auteur}, {existing.date})",
                'pour la corriger, ajoutez --replace --motif "la raison"',
            )
        record = record.model_copy(
            update={
                "remplace": Remplacement(
                    valeur=existing.valeur,
                    auteur=existing.auteur,
                    date=existing.date,
                    motif=request.motif,
                )
            }
        )
    elif request.motif is not None:
        raise UserError(
            "rien à remplacer : aucune valeur enregistrée pour cette période", "retirez --replace"
        )
    path = measure_path(layout, period, request.auteur)
    append_record(path, record, header(period, request.auteur))
    verb = "remplacée" if record.remplace else "enregistrée"
    return f"valeur {verb} : {record.indicateur} = {record.valeur} ({period.label})"


def _build(referentiel: Referentiel, request: Request, period: Period) -> Valeur:
    indicator = referentiel.indicators().get(request.indicateur)
    value: str | None = request.valeur
    if indicator is not None:
        try:
            typed = parse_value(indicator, value, comma=True)
        except ValueError as error:
            raise UserError(str(error), "vérifiez la valeur saisie") from None
        value = canonical_text(typed)
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


def canonical_text(value: float | bool | str | None) -> str | None:
    """How a typed value is written in a measurement file: `12`, `3.5`, `true`, text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _existing(layout: Layout, period: Period, record: Valeur) -> Mesure | None:
    records: list[Mesure] = []
    for _, content, _, issues in iter_records(layout, period):
        if issues:
            raise DataErrors([i for i in issues if i.severity == "erreur"] or issues)
        if content is not None:
            records.extend(content.valeurs)
    merged = consolidate(records)
    if record.key in merged.conflicts:
        raise UserError(
            "conflit non résolu sur cette valeur", "réglez-le d'abord (voir « utilsoc validate »)"
        )
    return merged.current.get(record.key)
