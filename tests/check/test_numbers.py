"""Reading numbers: one message per kind of mistake, and no number outside the safe range."""

from __future__ import annotations

import pytest

from utilsoc.check.numbers import NumberError, parse_number, parse_value
from utilsoc.codes import Code
from utilsoc.model.referentiel import Indicateur


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12.0), ("3.5", 3.5), ("-2", -2.0), ("1e3", 1000.0), ("0", 0.0), ("1e15", 1e15)],
)
def test_plain_numbers(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("3,5", Code.VIRGULE_DECIMALE, "virgule décimale : écrivez 3.5"),
        ("-12,75", Code.VIRGULE_DECIMALE, "virgule décimale : écrivez -12.75"),
        ("1e308", "nombre-hors-limites", "nombre trop grand"),
        ("1e309", "nombre-hors-limites", "nombre trop grand"),
        ("-1e309", "nombre-hors-limites", "nombre trop grand"),
        ("9" * 400, "nombre-hors-limites", "nombre trop grand"),
        ("1" + "0" * 15 + ".5", "nombre-hors-limites", "nombre trop grand"),
        ("1e-300", "nombre-hors-limites", "nombre trop petit"),
        ("0.0000000001", "nombre-hors-limites", "nombre trop petit"),
        ("inf", "nombre-hors-limites", "nombre infini ou indéfini (inf, nan) refusé"),
        ("-inf", "nombre-hors-limites", "nombre infini ou indéfini"),
        ("nan", "nombre-hors-limites", "nombre infini ou indéfini"),
        (".nan", "nombre-hors-limites", "nombre infini ou indéfini"),
        (".inf", "nombre-hors-limites", "nombre infini ou indéfini"),
        ("Infinity", "nombre-hors-limites", "nombre infini ou indéfini"),
        ("trois", "valeur-invalide", "nombre attendu, « trois » lu"),
        ("1 234,5", "valeur-invalide", "nombre attendu"),
    ],
)
def test_refused_numbers_carry_their_code(text: str, code: str, message: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert caught.value.code == code
    assert str(caught.value).startswith(message)
    assert len(str(caught.value)) < 200  # a 400-digit number is not copied whole


def test_a_comma_is_accepted_where_it_is_typed() -> None:
    assert parse_number("3,5", comma=True) == 3.5
    assert parse_number("1\u202f234,5", comma=True) == 1234.5
    with pytest.raises(NumberError):
        parse_number("1e309", comma=True)


def test_a_typed_value_fits_its_indicator_s_type_and_scale() -> None:
    score = Indicateur.model_validate(
        {"code": "s", "libellé": "S", "type": "score", "échelle": {"min": 1, "max": 5}}
    )
    assert parse_value(score, "4,5", comma=True) == 4.5
    with pytest.raises(ValueError, match="score hors de l'échelle 1 à 5 : 6"):
        parse_value(score, "6")
    yes_no = Indicateur.model_validate({"code": "o", "libellé": "O", "type": "oui_non"})
    assert parse_value(yes_no, "Oui") is True
    with pytest.raises(ValueError, match="oui/non attendu pour « o », « peut-être » lu"):
        parse_value(yes_no, "peut-être")
