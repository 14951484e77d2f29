"""Measurement records: the compact form used to compute, back to the written form, roles."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from utilsoc.model.mesures import FichierMesures, Role, Valeur, dimensions_key

RECORD = {
    "indicateur": "n",
    "période": "2025-T1",
    "valeur": "12",
    "dimensions": {"sexe": "F", "site": "Brest"},
    "auteur": "marie",
    "date": "2025-04-02",
}


def test_a_value_and_its_compact_form_have_the_same_key_and_fields() -> None:
    value = Valeur.model_validate(RECORD)
    compact = value.to_mesure()
    assert compact.key == value.key == ("n", "2025-T1", (("sexe", "F"), ("site", "Brest")))
    assert compact.to_valeur() == value


def test_dimension_order_does_not_change_the_key() -> None:
    assert dimensions_key({"site": "Brest", "sexe": "F"}) == dimensions_key(
        {"sexe": "F", "site": "Brest"}
    )


def test_two_dimensions_differing_only_by_case_or_accents_are_refused() -> None:
    with pytest.raises(ValidationError, match="ne diffèrent que par les majuscules"):
        Valeur.model_validate({**RECORD, "dimensions": {"site": "a", "Site": "b"}})


def test_a_file_holds_each_kind_of_record_in_its_section() -> None:
    evidence = {"période": "2025", "auteur": "m", "date": "2025-05-01"}
    content = FichierMesures.model_validate(
        {
            "valeurs": [RECORD],
            "témoignages": [
                {**evidence, "texte": "Merci", "rôle": "bénévole", "consentement": "true"}
            ],
            "questionnaires": [
                {**evidence, "indicateur": "c", "participant": "P1", "moment": "entrée", "score": 2}
            ],
        }
    )
    assert [len(content.valeurs), len(content.temoignages), len(content.questionnaires)] == [
        1,
        1,
        1,
    ]
    with pytest.raises(ValidationError):
        FichierMesures.model_validate({"valeur": [RECORD]})


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("parent", Role.PARENT),
        ("famille", Role.FAMILLE),
        ("habitant", Role.HABITANT),
        ("habitante", Role.HABITANT),
        ("habitant·e", Role.HABITANT),
        ("Habitant.e", Role.HABITANT),
        ("salariée", Role.SALARIE),
        ("salarie", Role.SALARIE),
        ("bénévole", Role.BENEVOLE),
    ],
)
def test_roles_include_families_and_inclusive_forms(written: str, role: Role) -> None:
    assert Role(written) is role


def test_an_unknown_role_is_still_refused() -> None:
    with pytest.raises(ValueError, match="voisine"):
        Role("voisine de palier")
