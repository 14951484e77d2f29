"""French for people: plurals and funders' names with their article."""

from __future__ import annotations

import pytest

from utilsoc.french import plural, with_article

NAMES = [
    # name as written, article option, « à … », « de … »
    (
        "Conseil départemental du Finistère",
        None,
        "au Conseil départemental du Finistère",
        "du Conseil départemental du Finistère",
    ),
    (
        "le Conseil départemental du Finistère",
        None,
        "au Conseil départemental du Finistère",
        "du Conseil départemental du Finistère",
    ),
    (
        "Le Département de la Gironde",
        None,
        "au Département de la Gironde",
        "du Département de la Gironde",
    ),
    ("Fondation de France", None, "à la Fondation de France", "de la Fondation de France"),
    ("la Fondation Abbé Pierre", None, "à la Fondation Abbé Pierre", "de la Fondation Abbé Pierre"),
    ("Région Bretagne", None, "à la Région Bretagne", "de la Région Bretagne"),
    ("Ville de Brest", None, "à la Ville de Brest", "de la Ville de Brest"),
    ("CAF du Finistère", None, "à la CAF du Finistère", "de la CAF du Finistère"),
    (
        "Caisse d'allocations familiales",
        None,
        "à la Caisse d'allocations familiales",
        "de la Caisse d'allocations familiales",
    ),
    ("État", None, "à l'État", "de l'État"),
    ("l'État", None, "à l'État", "de l'État"),
    ("l’Europe", None, "à l'Europe", "de l'Europe"),
    (
        "Agence nationale de la cohésion des territoires",
        None,
        "à l'Agence nationale de la cohésion des territoires",
        "de l'Agence nationale de la cohésion des territoires",
    ),
    ("Union européenne", None, "à l'Union européenne", "de l'Union européenne"),
    ("Fonds social européen", None, "au Fonds social européen", "du Fonds social européen"),
    (
        "Crédit Mutuel de Bretagne",
        None,
        "au Crédit Mutuel de Bretagne",
        "du Crédit Mutuel de Bretagne",
    ),
    ("les Restos du Cœur", None, "aux Restos du Cœur", "des Restos du Cœur"),
    ("Apprentis d'Auteuil", None, "aux Apprentis d'Auteuil", "des Apprentis d'Auteuil"),
    ("Emmaüs", None, "à Emmaüs", "d'Emmaüs"),
    ("Harmonie Mutuelle", None, "à Harmonie Mutuelle", "d'Harmonie Mutuelle"),
    ("Malakoff Humanis", None, "à Malakoff Humanis", "de Malakoff Humanis"),
    ("Emmaüs", "le", "à l'Emmaüs", "de l'Emmaüs"),
    ("Secours populaire", "le", "au Secours populaire", "du Secours populaire"),
    (
        "Petits Frères des Pauvres",
        None,
        "aux Petits Frères des Pauvres",
        "des Petits Frères des Pauvres",
    ),
    ("Fondation de France", "aucun", "à Fondation de France", "de Fondation de France"),
    (
        "Haut-Commissariat à l'emploi",
        None,
        "au Haut-Commissariat à l'emploi",
        "du Haut-Commissariat à l'emploi",
    ),
]


@pytest.mark.parametrize(("name", "article", "to", "of"), NAMES)
def test_funder_names_take_their_article(name, article, to, of) -> None:
    assert with_article(name, "à", article) == to
    assert with_article(name, "de", article) == of


def test_a_name_keeps_its_article_alone() -> None:
    assert with_article("Conseil régional") == "le Conseil régional"
    assert with_article("État") == "l'État"
    assert with_article("Emmaüs") == "Emmaüs"


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
