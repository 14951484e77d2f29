"""Full names in any case, and the ordinary French that must not look like one."""

from __future__ import annotations

import pytest

from utilsoc.check import names
from utilsoc.check.names import first_names, fold, full_names, looks_like_name


def _found(text: str) -> list[str]:
    return [text[start:end] for start, end in full_names(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MARTIN Inès m'a beaucoup aidée", "MARTIN Inès"),
        ("ines martin est venue", "ines martin"),
        ("Inès Martin est venue", "Inès Martin"),
        ("Inès MARTIN", "Inès MARTIN"),
        ("INÈS MARTIN", "INÈS MARTIN"),
        ("martin ines", "martin ines"),
        ("la fille de Yanis Kerbrat", "Yanis Kerbrat"),
        ("c'est Fatou N'Diaye qui a appelé", "Fatou N'Diaye"),
        ("le frère d'Inès Martin", "Inès Martin"),
        ("Jean-Pierre Dupont", "Jean-Pierre Dupont"),
        ("chez Karim BENALI", "Karim BENALI"),
        ("avec ines Kerbrat", "ines Kerbrat"),
        ("Élodie diallo", "Élodie diallo"),
    ],
)
def test_a_full_name_in_any_case_and_order(text: str, name: str) -> None:
    assert _found(text) == [name]


def test_three_words_of_one_name_are_one_span() -> None:
    assert _found("Marie Claire Dupont a signé") == ["Marie Claire Dupont"]


@pytest.mark.parametrize(
    "text",
    [
        "Inès a dit merci",
        "Merci Inès !",
        "Hier Karim est venu",
        "Quand Léa est arrivée, tout a changé",
        "D'après Inès, ça va mieux",
        "Aujourd'hui Inès sourit",
        "léo adore le foot",
        "yanis trouve ça bien",
        "INÈS ADORE LE FOOT ET LE BASKET",
        "Le collège Jean Moulin",
        "au centre Léo Lagrange",
        "rue Victor Hugo",
        "Yanis, Karim et Inès",
        "la Pierre Blanche",
        "pierre qui roule",
        "rose des vents",
        "Madame Martin",
        "Port Louis",
        "le marché de Noël Solidaire",
        "Marie",
        "P012",
        "Y. K.",
        "",
    ],
)
def test_ordinary_french_is_not_a_full_name(text: str) -> None:
    assert _found(text) == []


def test_fold_removes_accents_and_case() -> None:
    assert fold("Élodie") == "elodie"
    assert fold("INÈS") == "ines"
    assert fold("l’été") == "l'ete"


def test_the_first_names_are_a_few_hundred_folded_names() -> None:
    known = first_names()
    assert 300 < len(known) < 5000
    assert {"ines", "yanis", "elodie", "jean-pierre"} <= known
    assert all(name == fold(name) for name in known)


def test_the_name_list_is_read_only_when_a_text_has_words() -> None:
    names._lists.cache_clear()
    assert full_names("12 000 ; 3,5 %") == []
    assert full_names("Inès") == []
    assert names._lists.cache_info().currsize == 0
    full_names("Inès Martin")
    assert names._lists.cache_info().currsize == 1


@pytest.mark.parametrize(
    "code",
    ["Inès Martin", "MARTIN Inès", "martin ines", "MARTIN_Ines", "Ines", "karim", "Benali.Sofiane"]
    + ["Léa-2", "ines-martin-2026"],
)
def test_a_code_that_names_a_person_is_recognised(code: str) -> None:
    assert looks_like_name(code)


@pytest.mark.parametrize(
    "code", ["E07", "P03", "ELV-12", "ELV-GAR", "E07-Tilleuls", "Parent-3", "eleve_12", "par-02"]
)
def test_pseudonymous_codes_pass(code: str) -> None:
    assert not looks_like_name(code)
