"""Checks of the time spans of values: one recorded over finer ones of the same indicator.

Why in `validate`: `2024` recorded over `2024-T1`…`T4` is most often a slip of the period,
and the figures of every report depend on which of the two the computations keep.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from utilsoc.compute.points import Anomaly
from utilsoc.errors import Issue
from utilsoc.model.mesures import Mesure
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Referentiel
from utilsoc.yamlio.reader import Document

Places = dict[int, tuple[Document, int]]


def coarse_issues(
    referentiel: Referentiel, records: Iterable[Mesure], places: Places
) -> list[Issue]:
    """A warning at the first value of each period that covers finer values that differ.

    The wording is the one `status` and the reports give (`utilsoc.report.wording`).
    """
    from utilsoc.compute.series import build_series
    from utilsoc.report.wording import coarse_advice, coarse_facts

    by_code: dict[str, list[Mesure]] = defaultdict(list)
    for record in records:
        by_code[record.indicateur].append(record)
    indicators = referentiel.indicators()
    issues = []
    for code, own in by_code.items():
        if code not in indicators or not _nested({r.periode for r in own}):
            continue
        for alert in build_series(indicators[code], own).alerts:
            if alert.kind is not Anomaly.COARSE_OVER_FINE:
                continue
            first = min((r for r in own if r.periode == alert.period), key=_place(places))
            document, n = places[id(first)]
            line, column = document.position(("valeurs", n))
            issues.append(
                Issue(
                    document.file,
                    line,
                    column,
                    "periode-englobante",
                    f"{code} : {coarse_facts(alert)}",
                    coarse_advice(alert),
                    "avertissement",
                )
            )
    return issues


def _place(places: Places) -> Callable[[Mesure], tuple[str, int]]:
    def place(record: Mesure) -> tuple[str, int]:
        document, n = places[id(record)]
        return document.file, n

    return place


def _nested(periods: set[Period]) -> bool:
    """True when one of `periods` contains another of a different kind."""
    if len({p.kind for p in periods}) < 2:
        return False
    return any(a.kind != b.kind and a.contains(b) for a in periods for b in periods)
