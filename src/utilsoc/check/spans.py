"""Checks of time spans: a value recorded over finer ones, targets far from everything.

Why in `validate`: `2024` recorded over `2024-T1`…`T4` is most often a slip of the period,
and the figures of every report depend on which of the two the computations keep; a
target for 2099 is most often a typo. Both need the recorded values, hence here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import groupby
from operator import attrgetter

from utilsoc.check.indicators import ROLE
from utilsoc.check.reporter import Reporter, indicator_loc
from utilsoc.codes import Code
from utilsoc.compute.points import Anomaly
from utilsoc.errors import Issue
from utilsoc.model.load import Project
from utilsoc.model.mesures import Mesure
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur, Referentiel

Place = Callable[[Mesure], tuple[str, int]]  # a valid value's file and line


def coarse_issues(referentiel: Referentiel, records: Iterable[Mesure], place: Place) -> list[Issue]:
    """A warning at the first value of each period that covers finer values that differ.

    The wording is the one `status` and the reports give (`utilsoc.report.wording`).
    """
    from utilsoc.compute.series import build_series
    from utilsoc.report.wording import coarse_advice, coarse_facts

    by_code: dict[str, list[Mesure]] = defaultdict(list)
    for code, run in groupby(records, _INDICATEUR):  # runs of one indicator, moved in C
        by_code[code].extend(run)
    indicators = referentiel.indicators()
    issues = []
    for code, own in by_code.items():
        if code not in indicators or not _nested(_distinct_periods(own)):
            continue
        for alert in build_series(indicators[code], own).alerts:
            if alert.kind is not Anomaly.COARSE_OVER_FINE:
                continue
            first = min((r for r in own if r.periode == alert.period), key=place)
            file, line = place(first)
            issues.append(
                Issue(
                    file,
                    line,
                    _RECORD_COLUMN,
                    Code.PERIODE_ENGLOBANTE,
                    f"{code} : {coarse_facts(alert)}",
                    coarse_advice(alert),
                    "avertissement",
                )
            )
    return issues


# A value's line starts « - {…» under its list: the record begins at its brace.
_RECORD_COLUMN = 5


def _nested(periods: set[Period]) -> bool:
    """True when one of `periods` contains another of a different kind."""
    if len({p.kind for p in periods}) < 2:
        return False
    return any(a.kind != b.kind and a.contains(b) for a in periods for b in periods)


DECADE = 10  # years: a target further than this from every value is most likely a typo


def target_issues(project: Project, records: Iterable[Mesure]) -> list[Issue]:
    """A warning at each target far from the logframes that cite it, or from the values.

    Far: outside the period of a logframe citing its indicator while no other target of
    the indicator falls in it, or more than ten years from the recorded values (from
    today, without any).

    Why: a target for 2099 (for 2029) passes every other check, and its indicator is then
    judged against it in no report.
    """
    referentiel = project.referentiel
    assert referentiel is not None
    periods = _distinct_periods(records)
    today = dt.date.today()
    years = (
        min((p.start for p in periods), default=today).year,
        max((p.end for p in periods), default=today).year,
    )
    cadres = _cadre_periods(project)
    report = Reporter(project)
    for place, indicator in referentiel.iter_indicators():
        for n, cible in enumerate(indicator.cibles):
            far = _far_target(indicator, cible.periode, cadres.get(indicator.code, []), years)
            if far is not None:
                loc = indicator_loc(place, "cibles", n, "periode")
                report.add(ROLE, loc, Code.CIBLE_HORS_PERIODE, *far, "avertissement")
    return report.issues


def _far_target(
    indicator: Indicateur,
    period: Period,
    cadres: list[tuple[str, Period]],
    years: tuple[int, int],
) -> tuple[str, str] | None:
    """The message and hint for a target far from its logframes or the values, if it is.

    Outside every logframe citing the indicator, none of whose targets falls in one: a
    target for the next convention is planning, one alone is a typo.
    """
    conventions = [
        (name, c) for name, c in cadres if not any(o.periode.overlaps(c) for o in indicator.cibles)
    ]
    if conventions:
        names = ", ".join(f"{name} ({c.label})" for name, c in conventions)
        return (
            f"la cible de {period.name} de « {indicator.code} » est hors de la "
            f"période du cadre logique : {names}",
            "aucune cible de l'indicateur ne porte sur cette période : vérifiez "
            "l'année de la cible (une faute de frappe ?) ou la période du cadre logique",
        )
    first, last = years
    if period.start.year > last + DECADE or period.end.year < first - DECADE:
        return (
            f"la cible de {period.name} de « {indicator.code} » est à plus de "
            f"{DECADE} ans des valeurs enregistrées ({first} à {last})",
            "vérifiez l'année de la cible (une faute de frappe ?)",
        )
    return None


def _cadre_periods(project: Project) -> dict[str, list[tuple[str, Period]]]:
    """For each indicator, the logframes citing it that have a period: (name, period)."""
    result: dict[str, list[tuple[str, Period]]] = defaultdict(list)
    for name, cadre in sorted(project.cadres.items()):
        if cadre.periode is None:
            continue
        codes = {c for sous in cadre.sous_objectifs for c in sous.indicateurs}
        codes |= {
            c for s in cadre.sous_objectifs for r in s.resultats_attendus for c in r.indicateurs
        }
        for code in sorted(codes):
            result[code].append((name, cadre.periode))
    return result


def _distinct_periods(records: Iterable[Mesure]) -> set[Period]:
    """The periods of these records, each once.

    Why by object first: the records of one file share their period, and a million of
    them are told apart by identity in C loops; the few objects left are then told apart
    by name.
    """
    periods = list(map(_PERIODE, records))
    by_object = dict(zip(map(id, periods), periods, strict=True))
    return set({p.name: p for p in by_object.values()}.values())


_INDICATEUR = attrgetter("indicateur")
_PERIODE = attrgetter("periode")
