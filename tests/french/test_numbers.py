"""French numbers: plurals, signs, one precision per indicator."""

from __future__ import annotations

import pytest

from utilsoc.french import plural


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "0 projet"),
        (1, "1 projet"),
        (1.4, "1,4 projet"),
        (2, "2 projets"),
        (-1, "−1 projet"),
        (1234, "1\u202f234 projets"),
    ],
)
def test_french_plural_is_singular_below_two(count, expected) -> None:
    assert plural(count, "projet") == expected


def test_a_unit_may_declare_its_plural() -> None:
    assert plural(3, "cheval", "chevaux") == "3 chevaux"


def test_a_difference_always_shows_its_sign() -> None:
    from utilsoc.french import format_signed

    assert format_signed(1.4) == "+1,4"
    assert format_signed(-0.5) == "−0,5"
    assert format_signed(0) == "0"
    assert format_signed(0.004, 1) == "0,0"  # rounds to zero: no sign
    assert format_signed(-1200, 0) == "−1\u202f200"


def test_one_precision_per_indicator() -> None:
    from utilsoc.french import shared_decimals

    assert shared_decimals([72.46, 80, 78], "taux") == 1
    assert shared_decimals([80, 78], "taux") == 0
    assert shared_decimals([46800, 48367], "montant") == 0
    assert shared_decimals([46800, 5420.35], "montant") == 2
    assert shared_decimals([1.4, 1.1, 1.3], "score") == 1
    assert shared_decimals([2.1666, 2.5], "score") == 2
    assert shared_decimals([1242, 612.5], "durée") == 1
    assert shared_decimals([142, 160, 139], "nombre") == 0
