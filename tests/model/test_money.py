"""Amounts in euros (the decimal comma accepted) and percentages written with their sign."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from utilsoc.model.money import Resultat, parse_amount, parse_percent


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (1200, 1200.0),
        ("1 200,50", 1200.5),
        ("1200.50 €", 1200.5),
        ("12\u202f000", 12000.0),
        (0.1, 0.1),
    ],
)
def test_amounts_are_read_in_euros(text: object, amount: float) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize("text", ["12 OOO", "1,234", "1200,505", True, "douze"])
def test_a_wrong_amount_is_refused(text: object) -> None:
    with pytest.raises(ValueError, match="montant"):
        parse_amount(text)


def test_percentages_need_their_sign_and_stay_within_0_and_100() -> None:
    assert parse_percent("25 %") == 0.25
    assert parse_percent("12,5%") == 0.125
    with pytest.raises(ValueError, match='écrit "25 %"'):
        parse_percent(0.25)
    with pytest.raises(ValueError, match='écrit "25 %"'):
        parse_percent(25)
    with pytest.raises(ValueError, match="hors de 0 à 100"):
        parse_percent("120 %")


def test_an_outcome_lasts_at_least_a_year_and_its_proxy_is_positive() -> None:
    base = {"code": "o", "libellé": "O", "quantité": 3, "durée": 1, "proxy": {"montant": 10}}
    Resultat.model_validate(base)
    with pytest.raises(ValidationError):
        Resultat.model_validate({**base, "durée": 0})
    with pytest.raises(ValidationError):
        Resultat.model_validate({**base, "proxy": {"montant": -5}})
