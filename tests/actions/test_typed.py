"""A value as typed at entry: decimal comma, a rate's two terms, the % sign, and back."""

from __future__ import annotations

import pytest

from utilsoc.actions.typed import french_text, shown, typed_terms, typed_value
from utilsoc.errors import UserError
from utilsoc.model.mesures import Valeur
from utilsoc.model.referentiel import Indicateur


def indicator(kind: str) -> Indicateur:
    return Indicateur.model_validate({"code": "x", "libellé": "X", "type": kind})


def test_a_rate_is_read_from_its_two_terms_with_the_decimal_comma() -> None:
    assert typed_terms(indicator("taux"), "12,5/100") == (None, 12.5, 100.0)
    assert typed_terms(indicator("taux"), None, "37", "94") == (None, 37.0, 94.0)
    assert typed_terms(indicator("nombre"), "3,5") == ("3.5", None, None)
    assert typed_terms(indicator("oui_non"), "oui") == ("true", None, None)


@pytest.mark.parametrize(
    ("kind", "text", "message", "hint"),
    [
        ("nombre", "33%", "écrivez la valeur sans le signe %", "écrivez 33 ;"),
        ("score", "4,5 %", "écrivez la valeur sans le signe %", "écrivez 4,5 ;"),
        ("taux", "33 %", "deux termes, sans le signe %, « 33 % » lu", "sur 100 (33/100)"),
        ("taux", "82,5", "deux termes, « 82,5 » lu", "sur 100 (82,5/100)"),
        ("taux", "beaucoup", "deux termes, « beaucoup » lu", "sur 100 (14,1/100)"),
        ("nombre", "trois", "nombre attendu, « trois » lu", "vérifiez la valeur saisie"),
    ],
)
def test_what_cannot_be_read_says_how_to_write_it(kind, text, message, hint) -> None:
    with pytest.raises(UserError) as raised:
        typed_value(indicator(kind), text)
    assert message in raised.value.message
    assert hint in raised.value.hint


def test_a_text_may_hold_a_percent_sign() -> None:
    assert typed_value(indicator("qualitatif"), "Plus de 30 % de réussite") == (
        "Plus de 30 % de réussite"
    )


def test_numbers_are_shown_back_with_the_decimal_comma_and_texts_as_they_are() -> None:
    assert [french_text(t) for t in ("0.9", "-12.25", "12", "v1.2 bêta", "1e-05", None)] == [
        "0,9",
        "-12,25",
        "12",
        "v1.2 bêta",
        "1e-05",
        None,
    ]
    rate = Valeur.model_validate(
        {
            "indicateur": "x",
            "période": "2026",
            "numérateur": 12.5,
            "dénominateur": 100,
            "auteur": "a",
            "date": "2026-01-02",
        }
    )
    assert shown(rate) == "12,5/100"
