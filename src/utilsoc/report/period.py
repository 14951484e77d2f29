"""A report's time span and date: asked for, else the logframe's, else guessed from the data.

The models are imported only when a report's data is computed (see `build`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from utilsoc.errors import UsageError

if TYPE_CHECKING:
    from utilsoc.compute.merge import Measures
    from utilsoc.model.load import Project
    from utilsoc.model.mesures import Mesure
    from utilsoc.model.periods import Kind, Period
    from utilsoc.model.referentiel import Referentiel


def report_period(
    project: Project, measures: Measures, asked: str | None, template: str, logframe: str | None
) -> Period:
    """The period `asked` for, else the logframe's, else the latest one with data.

    Raises:
        UsageError: a period that does not parse, or no value to guess one from.
    """
    if asked is not None:
        return _parsed(asked)
    cadre = project.cadres.get(logframe) if logframe else None
    if cadre is not None and cadre.periode is not None:
        return cadre.periode
    if not measures.records:
        return _without_values(template)
    assert project.referentiel is not None
    return latest_covered(measures.records, _year_kind(project.referentiel))


def _parsed(text: str) -> Period:
    from utilsoc.model.periods import Period

    try:
        return Period.parse(text)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _without_values(template: str) -> Period:
    """The method's document comes first, before any value: it needs no period."""
    from utilsoc.model.periods import Kind, period_containing

    if template == "referentiel":
        return period_containing(dt.date.today(), Kind.ANNEE)
    raise UsageError(
        "indiquez la période du rapport avec --period",
        "aucune valeur enregistrée ne permet de la deviner",
    )


def _year_kind(referentiel: Referentiel) -> Kind:
    """School years when most indicators are followed by school year, else calendar years."""
    from utilsoc.model.periods import Kind
    from utilsoc.model.referentiel import Frequence

    frequencies = [i.frequence for _, i in referentiel.iter_indicators()]
    school = frequencies.count(Frequence.SCOLAIRE) * 2 > len(frequencies)
    return Kind.ANNEE_SCOLAIRE if school else Kind.ANNEE


def latest_covered(records: list[Mesure], kind: Kind) -> Period:
    """The latest year (of `kind`) that contains a recorded period.

    Why « contains »: a report over school years must not default to a school year that
    only a calendar year's value touches (all its rows would be « sans donnée »).
    """
    from utilsoc.model.periods import period_containing

    recorded = {record.periode for record in records}
    containers = {period_containing(p.start, kind) for p in recorded}
    covered = [c for c in containers if any(c.contains(p) for p in recorded)]
    if covered:
        return max(covered)
    return period_containing(max(p.end for p in recorded), kind)


def data_date(measures: Measures, period: Period) -> dt.date:
    """The report's date comes from the data: the last record dated within the period.

    `make_report` keeps it from falling after today (the context never depends on the
    clock, so it can be kept).
    """
    dates = [r.date for r in measures.records if period.contains(r.periode)]
    return max(dates) if dates else period.end


def set_printed_date(context: dict[str, Any], asked: dt.date | None, today: dt.date) -> None:
    """The date printed on the report: the one `asked` for, else the data's, never after today."""
    from utilsoc.model.periods import format_day

    if asked is not None:
        return
    day = min(dt.date.fromisoformat(context["rapport"]["date_donnees"]), today)
    context["rapport"]["date"] = format_day(day)
