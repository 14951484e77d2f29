"""The gap of an indicator's value to each of its comparisons, in its direction."""

from __future__ import annotations

import pytest

from utilsoc.compute.comparisons import comparison_gaps
from utilsoc.model.referentiel import Indicateur


def _indicator(sens: str) -> Indicateur:
    return Indicateur.model_validate(
        {
            "code": "taux",
            "libellé": "Taux de décrochage",
            "type": "taux",
            "unité": "%",
            "sens": sens,
            "comparaisons": [
                {"libellé": "taux du territoire", "valeur": 18, "source": "INSEE", "année": 2022},
                {"libellé": "taux national", "valeur": 7.5, "source": "DEPP", "année": 2023},
            ],
        }
    )


def test_the_gap_is_the_value_minus_each_comparison_in_its_order() -> None:
    gaps = comparison_gaps(_indicator("baisse"), 12.0)
    assert [g.comparison.libelle for g in gaps] == ["taux du territoire", "taux national"]
    assert [g.gap for g in gaps] == pytest.approx([-6.0, 4.5])
    # A rate aimed downwards: 6 points under the territory is on the wanted side.
    assert [g.better for g in gaps] == [True, False]


@pytest.mark.parametrize(
    ("sens", "better"), [("hausse", [False, True]), ("stabilité", [None, None])]
)
def test_the_wanted_side_follows_the_direction(sens: str, better: list[bool | None]) -> None:
    assert [g.better for g in comparison_gaps(_indicator(sens), 12.0)] == better


def test_without_value_or_at_equality_there_is_no_side() -> None:
    assert [(g.gap, g.better) for g in comparison_gaps(_indicator("hausse"), None)] == [
        (None, None),
        (None, None),
    ]
    equal = comparison_gaps(_indicator("hausse"), 18.0)[0]
    assert (equal.gap, equal.better) == (0.0, None)
