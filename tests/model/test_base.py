"""The base of every model: accents optional in keys and choices, numbers bounded."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from utilsoc.model.base import french_alias, number_problem
from utilsoc.model.mesures import Moment, Reponse, Temoignage, Valeur


def test_models_refuse_numbers_outside_the_range() -> None:
    base = {"indicateur": "n", "période": "2025", "auteur": "a", "date": "2025-01-02"}
    for number in ("1e308", "1e309", "inf", "nan", "1e-300"):
        with pytest.raises(ValidationError) as caught:
            Valeur.model_validate({**base, "numérateur": number, "dénominateur": "2"})
        [error] = caught.value.errors()
        assert error["type"] in ("finite_number", "nombre_hors_limites"), error
    kept = Valeur.model_validate({**base, "numérateur": "0", "dénominateur": "1e-9"})
    assert (kept.numerateur, kept.denominateur) == (0.0, 1e-9)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (0.0, None),
        (1e-9, None),
        (-1e15, None),
        (1e15 * 1.5, "nombre trop grand"),
        (5e-10, "nombre trop petit"),
        (float("inf"), "nombre infini"),
        (float("nan"), "nombre infini"),
    ],
)
def test_the_bounds_of_a_recorded_number(value: float, problem: str | None) -> None:
    found = number_problem(value)
    assert (found is None) if problem is None else (found or "").startswith(problem)


def test_field_names_get_their_french_keys() -> None:
    assert french_alias("collecte_par") == "collecté_par"
    assert french_alias("resultats_attendus") == "résultats_attendus"
    assert french_alias("code") == "code"


def test_keys_and_choices_are_read_with_or_without_accents() -> None:
    base = {"indicateur": "n", "auteur": "a", "date": "2025-01-02", "Moment": "Entree"}
    answer = Reponse.model_validate({**base, "periode": "2025", "participant": "P1", "score": 3})
    assert (answer.moment, answer.periode.name) == (Moment.ENTREE, "2025")
    assert Moment("sortie") is Moment.SORTIE
    with pytest.raises(ValueError, match="milieu"):
        Moment("milieu")


def test_yes_no_fields_take_only_true_or_false() -> None:
    base = {"période": "2025", "auteur": "a", "date": "2025-01-02", "texte": "t", "rôle": "autre"}
    assert Temoignage.model_validate({**base, "consentement": "TRUE"}).consentement is True
    for written in ("oui", "1", "yes", ""):
        with pytest.raises(ValidationError) as caught:
            Temoignage.model_validate({**base, "consentement": written})
        assert caught.value.errors()[0]["type"] == "booleen"
