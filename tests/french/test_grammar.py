"""Units agree with their count; labels take their article after « de »."""

from __future__ import annotations

import pytest

from utilsoc.french.grammar import lower_first, of_label, unit_forms, with_unit


@pytest.mark.parametrize(
    ("unit", "declared", "singular", "plural"),
    [
        ("élèves", None, "élève", "élèves"),
        ("projet", None, "projet", "projets"),
        ("points sur 5", None, "point sur 5", "points sur 5"),
        ("jours ouvrés", None, "jour ouvré", "jours ouvrés"),
        ("heures de bénévolat", None, "heure de bénévolat", "heures de bénévolat"),
        ("repas servis", None, "repas servi", "repas servis"),
        ("bureau", None, "bureau", "bureaux"),
        ("journaux", None, "journal", "journaux"),
        ("demi-journées", None, "demi-journée", "demi-journées"),
        ("mois", None, "mois", "mois"),
        ("ETP", None, "ETP", "ETP"),
        ("%", None, "%", "%"),
        ("km", None, "km", "km"),
        ("k€", None, "k€", "k€"),
        ("travail", "travaux", "travail", "travaux"),
        ("colis", "colis", "colis", "colis"),
    ],
)
def test_unit_forms(unit: str, declared: str | None, singular: str, plural: str) -> None:
    assert unit_forms(unit, declared) == (singular, plural)


def test_singular_below_two() -> None:
    assert with_unit("0", 0, "projets") == "0 projet"
    assert with_unit("1,4", 1.4, "points sur 5") == "1,4 point sur 5"
    assert with_unit("1,99", 1.99, "heures") == "1,99 heure"
    assert with_unit("2", 2, "projet") == "2 projets"
    assert with_unit("−3", -3, "élèves") == "−3 élèves"
    assert with_unit("12", 12, "") == "12"


@pytest.mark.parametrize(
    ("label", "after_de"),
    [
        ("Nombre d'élèves sensibilisés", "du nombre d'élèves sensibilisés"),
        ("Taux d'assiduité aux séances", "du taux d'assiduité aux séances"),
        ("Part des élèves accompagnés", "de la part des élèves accompagnés"),
        ("Durée moyenne des binômes", "de la durée moyenne des binômes"),
        ("Valorisation financière du bénévolat", "de la valorisation financière du bénévolat"),
        ("Heures d'accompagnement délivrées", "des heures d'accompagnement délivrées"),
        ("Élèves repérés en difficulté", "des élèves repérés en difficulté"),
        ("Nouveaux partenaires orienteurs", "des nouveaux partenaires orienteurs"),
        ("Isolement ressenti", "de l'isolement ressenti"),
        ("Accès aux droits", "de l'accès aux droits"),
        ("Handicap reconnu", "du handicap reconnu"),
        ("ETP créés", "des ETP créés"),
        ("Ce que les élèves disent", "de ce que les élèves disent"),
    ],
)
def test_a_label_after_de(label: str, after_de: str) -> None:
    assert of_label(label) == after_de


def test_lower_first_keeps_acronyms() -> None:
    assert lower_first("Tranche d'âge") == "tranche d'âge"
    assert lower_first("QPV") == "QPV"
    assert lower_first("") == ""
