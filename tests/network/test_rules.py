"""Points of several members put together by the indicator's rule."""

from __future__ import annotations

import pytest

from utilsoc.compute.points import Point
from utilsoc.model.referentiel import Indicateur
from utilsoc.network.rules import across, scaled


def _indicator(**fields: object) -> Indicateur:
    return Indicateur.model_validate({"code": "x", "libellé": "X", **fields})


def test_means_are_weighted_by_their_observations() -> None:
    score = _indicator(type="score", échelle={"min": 1, "max": 5})
    total = across(score, [Point(4.0, weight=30), Point(2.0, weight=10)])
    assert total.value == pytest.approx(3.5)  # not (4 + 2) / 2 = 3
    assert total.weight == 40


def test_a_mean_without_its_observations_is_a_plain_mean() -> None:
    score = _indicator(type="score", échelle={"min": 1, "max": 5})
    assert across(score, [Point(4.0), Point(2.0, weight=10)]).value == 3.0


def test_rates_pool_their_terms_and_counts_add_up() -> None:
    rate = _indicator(type="taux")
    pooled = across(rate, [Point(None, 1, 2), Point(None, 90, 100)])
    assert (pooled.numerator, pooled.denominator) == (91, 102)
    assert across(_indicator(type="nombre"), [Point(3.0), Point(4.0)]).value == 7.0
    assert across(_indicator(type="nombre", agrégation="max"), [Point(3.0), Point(4.0)]).value == 4


def test_a_factor_converts_a_value_but_not_a_rates_terms() -> None:
    assert scaled(Point(80.0, coverage=0.5), 0.125) == Point(10.0, coverage=0.5)
    assert scaled(Point(None, 3, 4), 0.125) == Point(None, 3, 4)
