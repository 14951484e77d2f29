"""Sensitivity: each assumption's swing of the ratio, its break-even point, Monte-Carlo."""

from __future__ import annotations

import pytest

from utilsoc.money.sensitivity import default_range, monte_carlo, swings
from utilsoc.money.sroi import Assumptions, compute_sroi

OUTCOME = Assumptions("o", 10, 1000, 1, deadweight=0.20, attribution=0.25)  # ratio 2,8986 on 2 000


def _by(found, parameter):  # noqa: ANN001, ANN202
    return next(s for s in found if s.parameter == parameter)


def test_each_assumption_swings_the_ratio_over_its_range() -> None:
    found = swings([OUTCOME], 2000, 0.035, {("o", "deadweight"): (0.0, 0.5)})
    deadweight = _by(found, "deadweight")
    assert (deadweight.low, deadweight.high) == (0.0, 0.5)
    assert deadweight.ratio_low == pytest.approx(10 * 1000 * 0.75 / 1.035 / 2000)
    assert deadweight.ratio_high == pytest.approx(10 * 1000 * 0.5 * 0.75 / 1.035 / 2000)
    assert found == sorted(found, key=lambda s: s.width, reverse=True)
    assert {s.parameter for s in found} >= {"proxy", "quantity", "duration", "rate"}


def test_the_break_even_point_gives_a_ratio_of_one() -> None:
    found = swings([OUTCOME], 2000, 0.035)
    # proxy × 10 × 0,8 × 0,75 / 1,035 = 2 000 → proxy = 345 €
    assert _by(found, "proxy").break_even == pytest.approx(2000 * 1.035 / 6, rel=1e-9)
    # 10 000 × (1 − d) × 0,75 / 1,035 = 2 000 → d = 1 − 0,276 = 72,4 %
    assert _by(found, "deadweight").break_even == pytest.approx(1 - 2000 * 1.035 / 7500, rel=1e-9)
    for swing in found:
        if swing.break_even is not None and swing.parameter not in ("duration", "rate"):
            varied = OUTCOME.varied(swing.parameter, swing.break_even)
            assert compute_sroi([varied], 2000, 0.035).ratio == pytest.approx(1.0, rel=1e-6)


def test_no_break_even_when_the_ratio_never_falls_to_one() -> None:
    strong = Assumptions("o", 100, 1000, 1)  # ratio 48,3 : even at 100 % a year is worth it
    found = swings([strong], 2000, 0.035)
    assert _by(found, "rate").break_even is None
    assert _by(found, "duration").break_even is None  # already above 1 after one year
    assert _by(found, "attribution").break_even == pytest.approx(1 - 2000 * 1.035 / 100000)


def test_monte_carlo_is_seeded_and_brackets_the_ratio() -> None:
    first = monte_carlo([OUTCOME], 2000, seed=7, draws=500)
    assert first == monte_carlo([OUTCOME], 2000, seed=7, draws=500)
    assert first.p5 < first.p50 < first.p95
    assert first.p5 < 2.8986 < first.p95


def test_default_ranges() -> None:
    assert default_range("attribution", 0.1) == (0.0, pytest.approx(0.3))
    assert default_range("proxy", 100) == (pytest.approx(70), pytest.approx(130))
    assert default_range("duration", 3) == (1.0, 5)
