"""Progress against baseline and target, status by the share of the period covered, trend."""

from __future__ import annotations

from typing import Any

from utilsoc.compute.progress import (
    Statut,
    intersection,
    progress,
    progress_for,
    trend,
    value_window,
)
from utilsoc.compute.series import build_series
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.periods import Kind, Period
from utilsoc.model.referentiel import Indicateur

T1_SHARE = 90 / 365  # January to March 2025: 31 + 28 + 31 days of the year's 365


def _indicator(**fields: Any) -> Indicateur:
    base = {"code": "ind", "libellé": "Indicateur", "type": "nombre", "fréquence": "trimestrielle"}
    return Indicateur.model_validate({**base, **fields})


def _record(period: str, value: str | None = None) -> Mesure:
    data = {"indicateur": "ind", "période": period, "valeur": value, "auteur": "a"}
    return Valeur.model_validate({**data, "date": "2025-01-02"}).to_mesure()


def _quarters(*values: int, year: int = 2025) -> list[Mesure]:
    return [_record(f"{year}-T{q}", str(v)) for q, v in enumerate(values, start=1)]


def test_without_target_the_latest_value_is_shown_without_status() -> None:
    state = progress(build_series(_indicator(), _quarters(4, 9)))
    assert (state.value, state.target, state.status) == (9, None, Statut.SANS_CIBLE)
    assert progress(build_series(_indicator(), [])).status is Statut.SANS_DONNEE


def test_progress_runs_from_the_baseline_to_the_target() -> None:
    ind = _indicator(
        référence={"valeur": 20, "période": "2024"}, cibles=[{"période": "2025", "valeur": 100}]
    )
    state = progress(build_series(ind, _quarters(15, 15, 15, 15)))
    assert state.value == 60  # 15 × 4
    assert state.progress == 0.5  # (60 − 20) / (100 − 20) = 40 / 80
    assert state.status is Statut.EN_RETARD  # the whole year is recorded, the target missed
    assert progress(build_series(ind, _quarters(30, 30, 30, 30))).status is Statut.ATTEINT


def test_the_latest_target_with_data_is_judged() -> None:
    ind = _indicator(
        cibles=[{"période": "2026", "valeur": 120}, {"période": "2025", "valeur": 100}]
    )
    assert progress(build_series(ind, _quarters(30))).target_period == Period.parse("2025")
    later = [*_quarters(30), *_quarters(10, year=2026)]
    state = progress(build_series(ind, later))
    assert (state.target_period, state.value, state.target) == (Period.parse("2026"), 10, 120)
    empty = progress(build_series(ind, []))
    assert (empty.target_period, empty.status) == (Period.parse("2025"), Statut.SANS_DONNEE)


def test_a_decrease_without_baseline_is_the_target_over_the_value() -> None:
    ind = _indicator(
        sens="baisse", agrégation="dernière", cibles=[{"période": "2025", "valeur": 20}]
    )
    state = progress(build_series(ind, _quarters(30, 25)))
    assert state.value == 25  # the last quarter
    assert state.progress == 0.8  # 20 / 25
    assert progress(build_series(ind, _quarters(30, 18))).status is Statut.ATTEINT


def test_stability_is_reached_within_five_percent() -> None:
    ind = _indicator(
        sens="stabilité", agrégation="dernière", cibles=[{"période": "2025", "valeur": 100}]
    )
    assert progress(build_series(ind, _quarters(104))).status is Statut.ATTEINT  # |4| ≤ 5
    assert progress(build_series(ind, _quarters(96))).status is Statut.ATTEINT
    assert progress(build_series(ind, _quarters(106))).status is Statut.EN_RETARD  # |6| > 5


def test_a_text_has_no_target() -> None:
    ind = _indicator(type="qualitatif")
    series = build_series(ind, [_record("2025-T1", "Ateliers bien suivis")])
    assert progress(series).status is Statut.SANS_CIBLE
    assert progress_for(series, Period.parse("2025-S1")).status is Statut.SANS_CIBLE
    assert progress_for(series, Period.parse("2024")).status is Statut.SANS_DONNEE


def test_a_quarterly_report_judges_a_yearly_count_by_its_pace() -> None:
    ind = _indicator(cibles=[{"période": "2025", "valeur": 100}])
    quarter = Period.parse("2025-T1")
    state = progress_for(build_series(ind, _quarters(30)), quarter)
    assert state.value == 30
    assert state.progress == 0.3  # the share of the target reached: 30 / 100
    assert state.coverage == T1_SHARE
    # 30 over 90 days is 30 × 365 / 90 ≈ 121.7 over the year: on track for 100
    assert state.status is Statut.EN_BONNE_VOIE
    # 20 over 90 days is 20 × 365 / 90 ≈ 81.1 over the year: late
    assert progress_for(build_series(ind, _quarters(20)), quarter).status is Statut.EN_RETARD


def test_a_level_in_part_of_its_period_is_compared_as_it_is() -> None:
    ind = _indicator(
        type="score",
        échelle={"min": 0, "max": 100},
        référence={"valeur": 40, "période": "2024"},
        cibles=[{"période": "2025", "valeur": 80}],
    )
    state = progress_for(build_series(ind, _quarters(60)), Period.parse("2025-T1"))
    assert state.progress == 0.5  # (60 − 40) / (80 − 40)
    assert state.status is Statut.EN_BONNE_VOIE  # 0.5 of the way after 90 / 365 ≈ 0.25
    low = progress_for(build_series(ind, _quarters(45)), Period.parse("2025-T1"))
    assert low.status is Statut.EN_RETARD  # (45 − 40) / 40 = 0.125 < 0.25


def test_the_target_of_exactly_the_period_comes_first() -> None:
    ind = _indicator(
        cibles=[{"période": "2025", "valeur": 100}, {"période": "2025-T1", "valeur": 20}]
    )
    state = progress_for(build_series(ind, _quarters(25)), Period.parse("2025-T1"))
    assert (state.target, state.status, state.coverage) == (20, Statut.ATTEINT, 1.0)


def test_without_an_overlapping_target_the_value_is_untargeted() -> None:
    ind = _indicator(cibles=[{"période": "2024", "valeur": 100}])
    state = progress_for(build_series(ind, _quarters(7, 8)), Period.parse("2025"))
    assert (state.value, state.target, state.status) == (15, None, Statut.SANS_CIBLE)  # 7 + 8


def test_value_window_is_the_report_period_within_its_target() -> None:
    spring = Period.parse("2025-03-01..2025-05-31")
    ind = _indicator(
        cibles=[{"période": "2025-T1", "valeur": 10}, {"période": "2025-T2", "valeur": 10}]
    )
    # March is 31 days of T1; April and May, 30 + 31 = 61 days of T2: T2 wins
    assert value_window(ind, spring) == Period.parse("2025-04-01..2025-05-31")
    assert value_window(_indicator(), spring) == spring
    half = _indicator(cibles=[{"période": "2025-S1", "valeur": 10}])
    assert value_window(half, Period.parse("2025")) == Period.parse("2025-S1")
    assert value_window(half, Period.parse("2025-T2")) == Period.parse("2025-T2")


def test_intersection_is_the_days_both_periods_share() -> None:
    year, quarter = Period.parse("2025"), Period.parse("2025-T3")
    assert intersection(year, quarter) is quarter
    assert intersection(quarter, year) is quarter
    school = Period.parse("2024-2025")  # 1 September 2024 to 31 August 2025
    shared = intersection(year, school)
    assert (shared.start.isoformat(), shared.end.isoformat()) == ("2025-01-01", "2025-08-31")
    assert (shared.kind, shared.name) == (Kind.PLAGE, "2025-01-01..2025-08-31")


def test_trend_compares_periods_of_the_same_kind() -> None:
    assert trend(build_series(_indicator(), _quarters(5, 3))) == "↘"
    assert trend(build_series(_indicator(), _quarters(3, 5))) == "↗"
    assert trend(build_series(_indicator(), _quarters(4, 4))) == "→"
    assert trend(build_series(_indicator(), _quarters(4))) == ""
    # A month after a quarter has no month before it to compare with.
    mixed = [_record("2025-T1", "5"), _record("2025-04", "3")]
    assert trend(build_series(_indicator(fréquence="mensuelle"), mixed)) == ""


def test_trend_follows_the_targets_rhythm_over_whole_periods() -> None:
    yearly = _indicator(cibles=[{"période": 2025, "valeur": 100}])
    records = [*_quarters(5, 5, 5, 5, year=2024), *_quarters(9, 9, 9, 1)]
    # the last quarter fell (9 → 1), but the year rose (5 × 4 = 20 → 9 × 3 + 1 = 28)
    assert trend(build_series(yearly, records)) == "↗"
    # a year not yet whole is not compared: 2026-T1 alone says nothing of 2026
    assert trend(build_series(yearly, [*records, _record("2026-T1", "1")])) == "↗"
