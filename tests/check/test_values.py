"""Reading numbers: one message per kind of mistake, and no number outside the safe range."""

from __future__ import annotations

import pytest

from utilsoc.check.values import NumberError, check_record, parse_number
from utilsoc.codes import Code
from utilsoc.model.mesures import Valeur
from utilsoc.model.referentiel import Referentiel


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


REFERENTIEL = {
    "version": "1",
    "dimensions": [],
    "domaines": [
        {
            "code": "D",
            "nom": "Domaine",
            "critères": [
                {
                    "code": "C",
                    "nom": "Critère",
                    "question": "?",
                    "indicateurs": [
                        {
                            "code": "n",
                            "libellé": "Nombre",
                            "type": "nombre",
                            "fréquence": "annuelle",
                            "méthode": "registre",
                        }
                    ],
                }
            ],
        }
    ],
}


@pytest.mark.parametrize(
    ("valeur", "code"),
    [
        ("3,5", Code.VIRGULE_DECIMALE),
        ("1e308", "nombre-hors-limites"),
        ("nan", "nombre-hors-limites"),
    ],
)
def test_record_problems_use_the_number_codes(valeur: str, code: str) -> None:
    referentiel = Referentiel.model_validate(REFERENTIEL)
    record = Valeur.model_validate(
        {
            "indicateur": "n",
            "période": "2025",
            "valeur": valeur,
            "auteur": "a",
            "date": "2025-01-02",
        }
    )
    [problem] = check_record(referentiel, record)
    assert (problem.field, problem.code) == ("valeur", code)
