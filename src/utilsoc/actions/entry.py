"""Guided entry: what to ask for a period, and writing the answers in one transaction.

Every indicator due for the period is asked once per combination of its dimension
values, with the value of the period before and the target beside it; the answers are
checked as `record` checks them, then written together or not at all.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from utilsoc.actions.record import stage_value
from utilsoc.compute.merge import Key, consolidate
from utilsoc.errors import UtilsocError
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.periods import Kind, Period, period_containing
from utilsoc.model.referentiel import Cible, Frequence, Indicateur, Referentiel
from utilsoc.project import Layout, display_path
from utilsoc.store.files import iter_records
from utilsoc.store.journal import transaction
from utilsoc.store.measures import measure_path


@dataclass(frozen=True)
class Slot:
    """One value to ask: an indicator and one combination of its dimension values."""

    indicator: Indicateur
    dimensions: dict[str, str]
    previous: Mesure | None  # the value of the period before, same dimensions
    recorded: Mesure | None  # the value already recorded for this period


@dataclass(frozen=True)
class Due:
    """An indicator due for the period, its target and the values to ask."""

    indicator: Indicateur
    target: Cible | None
    slots: list[Slot]


def due_indicators(referentiel: Referentiel, period: Period) -> list[Indicateur]:
    """Indicators collected at the granularity of `period` (calculated ones excluded).

    Calculated: by a formula, or from a questionnaire's answers.
    """
    return [
        ind
        for _, ind in referentiel.iter_indicators()
        if ind.formule is None
        and ind.calcul is None
        and (ind.frequence is Frequence.PONCTUELLE or ind.frequence.kind is period.kind)
    ]


def default_period(referentiel: Referentiel, today: dt.date) -> Period:
    """The latest period already over at the rhythm of some indicator: the one to enter.

    Why over: a count is entered once its period has ended. When two such periods end
    the same day (a year and its last quarter), the one with more indicators wins, else
    the shorter one.
    """
    kinds = {
        ind.frequence.kind
        for _, ind in referentiel.iter_indicators()
        if ind.formule is None and ind.calcul is None and ind.frequence is not Frequence.PONCTUELLE
    }
    ended = [
        period_containing(period_containing(today, kind).start - dt.timedelta(days=1), kind)
        for kind in kinds
    ]
    if not ended:
        return period_containing(today, Kind.ANNEE)
    return max(ended, key=lambda p: (p.end, len(due_indicators(referentiel, p)), p.start))


def entry_plan(layout: Layout, referentiel: Referentiel, period: Period) -> list[Due]:
    """Every value to ask for `period`, indicator by indicator, in référentiel order."""
    current = _recorded(layout, period)
    before = period_containing(period.start - dt.timedelta(days=1), period.kind)
    previous = {} if period.kind is Kind.PLAGE else _recorded(layout, before)
    plan = []
    for indicator in due_indicators(referentiel, period):
        slots = [
            Slot(
                indicator,
                dims,
                previous.get(_key(indicator.code, before, dims)),
                current.get(_key(indicator.code, period, dims)),
            )
            for dims in combinations(referentiel, indicator)
        ]
        plan.append(Due(indicator, target_for(indicator, period), slots))
    return plan


def combinations(referentiel: Referentiel, indicator: Indicateur) -> list[dict[str, str]]:
    """Each combination of the indicator's dimension values, crossed as declared.

    `dimensions: [site, sexe]` gives site 1 × F, site 1 × H... in the référentiel's order;
    no dimension gives one combination, the total.
    """
    values = {d.code: d.valeurs for d in referentiel.dimensions}
    names = [name for name in indicator.dimensions if name in values]
    return [
        dict(zip(names, chosen, strict=True))
        for chosen in itertools.product(*(values[name] for name in names))
    ]


def target_for(indicator: Indicateur, period: Period) -> Cible | None:
    """The target of the period that contains `period`, else the next one."""
    covering = [c for c in indicator.cibles if c.periode.contains(period)]
    if covering:
        return min(covering, key=lambda c: c.periode.end - c.periode.start)
    ahead = [c for c in indicator.cibles if c.periode.start > period.end]
    return min(ahead, key=lambda c: c.periode.start) if ahead else None


def record_all(
    layout: Layout, period: Period, author: str, records: list[Valeur]
) -> tuple[list[str], list[tuple[Valeur, UtilsocError]]]:
    """Write the accepted values in one transaction: all of them, or none if it fails.

    A value refused there (recorded meanwhile by someone else, a broken file of the
    period) is returned with its error and the others are still written.
    """
    done: list[str] = []
    refused: list[tuple[Valeur, UtilsocError]] = []
    with transaction(layout, display_path(measure_path(layout, period, author))) as tx:
        for record in records:
            try:
                done.append(stage_value(tx, record, None))
            except UtilsocError as error:
                refused.append((record, error))
    return done, refused


def _recorded(layout: Layout, period: Period) -> dict[Key, Mesure]:
    """The current value of each measurement of `period` (one of them if in conflict).

    Why a broken file is left out: the write tells its problems, once, with their lines.
    """
    records = [
        record
        for _, content, _, issues in iter_records(layout, period)
        if content is not None and not issues
        for record in content.valeurs
        if record.periode == period
    ]
    merged = consolidate(records)
    return {**{key: live[0] for key, live in merged.conflicts.items()}, **merged.current}


def _key(code: str, period: Period, dims: dict[str, str]) -> Key:
    return (code, period.name, tuple(sorted(dims.items())))
