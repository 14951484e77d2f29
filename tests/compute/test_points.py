"""Points: a value or a rate's two terms; terms pooled by summing, never by averaging."""

from __future__ import annotations

from utilsoc.compute.points import Alert, Anomaly, Point, Series, pooled_terms
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur


def _indicator() -> Indicateur:
    return Indicateur.model_validate(
        {"code": "ind", "libellé": "Indicateur", "type": "taux", "fréquence": "trimestrielle"}
    )


def test_a_plain_value_is_its_own_number() -> None:
    assert Point(12.5).number == 12.5
    assert Point(None).number is None


def test_a_rate_built_from_its_terms_is_a_percentage() -> None:
    assert Point(None, 3, 12).number == 25.0  # 100 × 3 / 12
    # The terms decide, not a percentage written beside them.
    assert Point(40.0, 1, 4).number == 25.0  # 100 × 1 / 4


def test_terms_without_a_denominator_give_no_rate() -> None:
    assert Point(None, 3, 0).number is None  # 3 / 0 is no rate
    assert Point(7.0, 3, None).number == 7.0  # half the terms: the value stays


def test_pooled_terms_sum_numerators_and_denominators() -> None:
    """60 % of 10 people and 20 % of 90 people: 24 of 100, not the 40 % an average says."""
    pooled = pooled_terms([Point(None, 6, 10), Point(None, 18, 90)])
    assert pooled is not None
    assert (pooled.numerator, pooled.denominator) == (24, 100)  # 6 + 18, 10 + 90
    assert pooled.number == 24.0  # 100 × 24 / 100
    assert pooled.number != (60.0 + 20.0) / 2


def test_pooled_terms_need_every_point_to_have_its_terms() -> None:
    assert pooled_terms([Point(None, 6, 10), Point(20.0)]) is None
    assert pooled_terms([Point(60.0), Point(20.0)]) is None


def test_alerts_over_keeps_the_alerts_of_overlapping_periods() -> None:
    first = Alert(Period.parse("2025-T1"), Anomaly.PERCENTAGES_WITHOUT_TERMS)
    third = Alert(Period.parse("2025-T3"), Anomaly.SUMS_DIFFER)
    series = Series(_indicator(), alerts=[first, third])
    assert series.alerts_over(Period.parse("2025-S1")) == [first]
    assert series.alerts_over(Period.parse("2025-09")) == [third]
    assert series.alerts_over(Period.parse("2024")) == []
    assert series.alerts_over() == [first, third]
