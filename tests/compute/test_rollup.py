"""Roll-up over time by the indicator's rule: sum, weighted mean, last, least, most."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from utilsoc.compute.points import Anomaly, Point, Series
from utilsoc.compute.rollup import coarse_over_fine, days, periods_used, roll_up, same_granularity
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur

YEAR = Period.parse("2025")
HALF = Period.parse("2025-S1")


def _indicator(**fields: Any) -> Indicateur:
    base = {"code": "ind", "libellé": "Indicateur", "type": "nombre", "fréquence": "trimestrielle"}
    return Indicateur.model_validate({**base, **fields})


def _series(values: Mapping[str, Point | float | None], **fields: Any) -> Series:
    """A series whose totals are `values` by period name, in the order given."""
    totals = {
        Period.parse(name): value if isinstance(value, Point) else Point(value)
        for name, value in values.items()
    }
    return Series(_indicator(**fields), totals=totals)


_QUARTERS = {"2025-T1": 30.0, "2025-T2": 10.0, "2025-T3": 20.0, "2025-T4": None}


def test_days_counts_both_ends() -> None:
    assert days(Period.parse("2025-02")) == 28
    assert days(Period.parse("2024")) == 366  # a leap year
    assert days(Period.parse("2025-03-30..2025-04-02")) == 4  # 30, 31 March, 1, 2 April


def test_a_count_rolls_up_to_its_sum() -> None:
    point = roll_up(_series(_QUARTERS), YEAR)
    assert point.number == 60  # 30 + 10 + 20, the empty fourth quarter adds nothing
    assert point.coverage == 1.0  # four quarters recorded, one of them empty


def test_a_level_rolls_up_to_its_mean() -> None:
    point = roll_up(_series(_QUARTERS, type="score", échelle={"min": 0, "max": 100}), YEAR)
    assert point.number == 20  # (30 + 10 + 20) / 3: the empty quarter is no zero


def test_a_mean_of_means_weighs_each_by_its_observations() -> None:
    weighed = {"2025-T1": Point(12.0, weight=10), "2025-T2": Point(15.0, weight=30)}
    point = roll_up(_series(weighed, type="score", échelle={"min": 0, "max": 20}), HALF)
    assert point.number == 14.25  # (12 × 10 + 15 × 30) / (10 + 30) = 570 / 40
    assert point.weight == 40
    unweighed = {"2025-T1": Point(12.0, weight=10), "2025-T2": Point(15.0)}
    mean = roll_up(_series(unweighed, agrégation="moyenne"), HALF)
    assert mean.number == 13.5  # (12 + 15) / 2: one mean without its count, no weights


def test_last_least_and_most_pick_one_period() -> None:
    assert roll_up(_series(_QUARTERS, agrégation="dernière"), YEAR).number == 20  # T3; T4 empty
    assert roll_up(_series(_QUARTERS, cumulatif="true"), YEAR).number == 20
    assert roll_up(_series(_QUARTERS, agrégation="min"), YEAR).number == 10
    assert roll_up(_series(_QUARTERS, agrégation="max"), YEAR).number == 30


def test_a_rate_picked_keeps_its_own_terms() -> None:
    rates = {"2025-T1": Point(None, 1, 4), "2025-T2": Point(None, 9, 10)}  # 25 %, 90 %
    least = roll_up(_series(rates, type="taux", agrégation="min"), HALF)
    assert (least.number, least.numerator, least.denominator) == (25.0, 1, 4)
    pooled = roll_up(_series(rates, type="taux"), HALF)
    assert pooled.number == 100 * 10 / 14  # (1 + 9) / (4 + 10), not (25 + 90) / 2


def test_percentages_without_terms_are_never_averaged() -> None:
    rates = {"2025-T1": 60.0, "2025-T2": 20.0}
    assert roll_up(_series(rates, type="taux"), HALF).number is None
    assert roll_up(_series({"2025-T1": 60.0}, type="taux"), HALF).number == 60.0


def test_coverage_is_the_share_of_days_recorded() -> None:
    point = roll_up(_series({"2025-T1": 5.0, "2025-T2": 7.0}), YEAR)
    assert point.number == 12
    assert point.coverage == 181 / 365  # (31 + 28 + 31) + (30 + 31 + 30) days of 365
    nothing = roll_up(_series({"2024-T4": 5.0}), YEAR)
    assert (nothing.number, nothing.coverage) == (None, 0.0)


def test_months_and_quarters_never_add_up() -> None:
    """Two months (59 days) and two quarters (181 days): the quarters cover more."""
    mixed = _series({"2025-01": 1.0, "2025-02": 1.0, "2025-T1": 2.0, "2025-T2": 3.0})
    assert roll_up(mixed, HALF).number == 5  # 2 + 3, not 1 + 1 + 2 + 3
    assert periods_used(mixed, HALF) == [Period.parse("2025-T1"), Period.parse("2025-T2")]
    items = list(mixed.totals.items())
    assert [p.name for p, _ in same_granularity(items)] == ["2025-T1", "2025-T2"]


def test_a_year_and_its_four_quarters_tie_and_the_quarters_win() -> None:
    """2024 has 366 days; its quarters 91 + 91 + 92 + 92 = 366 too: the finer are kept."""
    quarters = {f"2024-T{q}": 100.0 for q in range(1, 5)}
    series = _series({**quarters, "2024": 780.0})
    assert roll_up(series, Period.parse("2024")).number == 400  # 4 × 100
    three = _series({"2024-T1": 100.0, "2024-T2": 100.0, "2024-T3": 100.0, "2024": 780.0})
    assert roll_up(three, Period.parse("2024")).number == 780  # 274 days against 366


def test_periods_used_are_those_the_roll_up_counts() -> None:
    series = _series(_QUARTERS)
    used = periods_used(series, YEAR)
    assert used == [Period.parse(f"2025-T{q}") for q in range(1, 5)]
    assert sum(series.totals[p].number or 0 for p in used) == roll_up(series, YEAR).number
    last = _series(_QUARTERS, agrégation="dernière")
    assert periods_used(last, YEAR) == [Period.parse("2025-T3")]  # the last with a value
    assert periods_used(_series(_QUARTERS, agrégation="min"), YEAR) == [Period.parse("2025-T2")]
    assert periods_used(_series(_QUARTERS, agrégation="max"), YEAR) == [Period.parse("2025-T1")]
    assert periods_used(_series(_QUARTERS, agrégation="max"), Period.parse("2024")) == []


def test_a_year_recorded_over_differing_quarters_is_an_alert() -> None:
    quarters = {"2024-T1": 900.0, "2024-T2": 1000.0, "2024-T3": 980.0, "2024-T4": 1100.0}
    (alert,) = coarse_over_fine(_series({**quarters, "2024": 780.0}))
    assert (alert.period, alert.kind, alert.recorded) == (
        Period.parse("2024"),
        Anomaly.COARSE_OVER_FINE,
        780.0,
    )
    # 900 + 1000 + 980 + 1100 = 3 980, over four quarters that replace the year
    assert (alert.sums, alert.count, alert.kept_finer) == ((("trimestre", 3980.0),), 4, True)


def test_a_year_over_some_of_its_quarters_is_kept_and_said_to_be() -> None:
    three = {"2024-T1": 900.0, "2024-T2": 1000.0, "2024-T3": 980.0}
    (alert,) = coarse_over_fine(_series({**three, "2024": 3980.0}))
    # 900 + 1000 + 980 = 2 880 over three quarters, 274 days: the year's 366 days win
    assert (alert.sums, alert.recorded, alert.count, alert.kept_finer) == (
        (("trimestre", 2880.0),),
        3980.0,
        3,
        False,
    )


def test_no_alert_when_the_figures_agree_or_the_periods_are_of_one_kind() -> None:
    quarters = {"2024-T1": 900.0, "2024-T2": 1000.0, "2024-T3": 980.0, "2024-T4": 1100.0}
    assert coarse_over_fine(_series({**quarters, "2024": 3980.0})) == []
    assert coarse_over_fine(_series(quarters)) == []
    # A level: the year's 25 is the mean (20 + 30) / 2 of its two halves
    halves = {"2025-S1": 20.0, "2025-S2": 30.0, "2025": 25.0}
    assert coarse_over_fine(_series(halves, type="score", échelle={"min": 0, "max": 100})) == []
