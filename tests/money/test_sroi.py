"""The SROI formulas on cases worked by hand (Social Value UK, 2012)."""

from __future__ import annotations

import pytest

from utilsoc.errors import UserError
from utilsoc.money.sroi import Assumptions, compute_sroi, outcome_value


def test_one_outcome_over_one_year() -> None:
    # 10 people × 1 000 € × (1 − 20 %) × (1 − 25 %) = 6 000 €, discounted once at 3,5 %.
    outcome = Assumptions("o", 10, 1000, 1, deadweight=0.20, attribution=0.25)
    result = compute_sroi([outcome], 2000, 0.035)
    assert result.outcomes[0].impact == pytest.approx(6000)
    assert result.present_value == pytest.approx(5797.10, abs=0.005)
    assert result.net_present_value == pytest.approx(3797.10, abs=0.005)
    assert result.ratio == pytest.approx(2.8986, abs=5e-5)
    assert result.net_ratio == pytest.approx(1.8986, abs=5e-5)
    assert result.payback_months == pytest.approx(4.0)  # 2 000 ÷ (6 000 / 12)


def test_one_outcome_over_five_years_with_drop_off() -> None:
    # 1 600, then half each year: 1 600, 800, 400, 200, 100.
    value = outcome_value(Assumptions("o", 1, 1600, 5, drop_off=0.5), 0.0)
    assert value.values == (1600, 800, 400, 200, 100)
    assert value.present_value == 3100
    discounted = outcome_value(Assumptions("o", 1, 1600, 5, drop_off=0.5), 0.035)
    # 1 545,89 + 746,81 + 360,78 + 174,29 + 84,20
    assert discounted.present_value == pytest.approx(2911.97, abs=0.005)


def test_several_outcomes_with_discounting() -> None:
    a = Assumptions("a", 12, 2500, 3, deadweight=0.10, attribution=0.20, drop_off=0.10)
    b = Assumptions("b", 40, 300, 2, displacement=0.05, public_cost=True)
    result = compute_sroi([a, b], 30000, 0.035)
    # a: 21 600, 19 440, 17 496 → 20 869,57 + 18 147,45 + 15 780,38
    assert result.outcomes[0].present_value == pytest.approx(54797.40, abs=0.005)
    # b: 11 400 twice → 11 014,49 + 10 642,02
    assert result.outcomes[1].present_value == pytest.approx(21656.51, abs=0.005)
    assert result.present_value == pytest.approx(76453.92, abs=0.005)
    assert result.ratio == pytest.approx(2.5485, abs=5e-5)
    assert result.payback_months == pytest.approx(30000 / 2750)
    assert result.public_costs_avoided == pytest.approx(21656.51, abs=0.005)


def test_a_zero_investment_is_refused() -> None:
    with pytest.raises(UserError, match="investissement nul"):
        compute_sroi([Assumptions("o", 1, 100, 1)], 0, 0.035)
