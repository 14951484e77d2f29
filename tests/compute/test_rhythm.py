"""Values at the rhythm of their targets: running totals for counts, levels per period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from utilsoc.compute.rhythm import rhythm_points
from utilsoc.compute.series import build_series
from utilsoc.model.mesures import Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur

END = dt.date(2026, 12, 31)


def _series(kind: str, values: dict[str, str], **fields: Any):
    indicator = Indicateur.model_validate(
        {
            "code": "ind",
            "libellé": "Indicateur",
            "type": kind,
            "fréquence": "trimestrielle",
            "cibles": [{"période": "2026", "valeur": 140}],
            **fields,
        }
    )
    records = [
        Valeur.model_validate(
            {"indicateur": "ind", "période": p, "valeur": v, "auteur": "a", "date": "2026-01-01"}
        ).to_mesure()
        for p, v in values.items()
    ]
    return build_series(indicator, records)


def test_a_quarterly_count_is_a_running_total_against_its_yearly_target() -> None:
    series = _series("nombre", {"2025-T4": "30", "2026-T1": "35", "2026-T2": "40", "2026-T3": "30"})
    points = rhythm_points(series, END)
    assert [(p.period.name, p.value, p.target) for p in points] == [
        ("2025-T4", 30, None),  # 2025 has no target: summed over its year all the same
        ("2026-T1", 35, 140),
        ("2026-T2", 75, 140),
        ("2026-T3", 105, 140),
    ]
    assert points[-1].within == Period.parse("2026")
    # Each year is a span of its own: the running total starts again with 2026.
    assert [p.span.name for p in points] == ["2025", "2026", "2026", "2026"]
    # No quarter is ever set against the yearly target on its own.
    assert all(p.within is not None for p in points)


def test_a_rate_or_a_mean_stays_per_period_against_its_target() -> None:
    series = _series("score", {"2026-T1": "2", "2026-T2": "3"}, échelle={"min": 1, "max": 5})
    points = rhythm_points(series, END)
    assert [(p.period.name, p.value, p.target, p.within) for p in points] == [
        ("2026-T1", 2, 140, None),
        ("2026-T2", 3, 140, None),
    ]


def test_points_after_the_report_and_a_year_over_its_quarters_are_left_out() -> None:
    series = _series("nombre", {"2026-T1": "35", "2026-T2": "40", "2026": "780"})
    points = rhythm_points(series, dt.date(2026, 6, 30))
    assert [(p.period.name, p.value) for p in points] == [("2026-T1", 35), ("2026-T2", 75)]
    whole = rhythm_points(series, END)  # the year covers more days than two quarters
    assert [(p.period.name, p.value) for p in whole] == [("2026", 780)]
