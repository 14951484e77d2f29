"""Funders' names with their article."""

from __future__ import annotations

import pytest

from utilsoc.french import with_article

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
