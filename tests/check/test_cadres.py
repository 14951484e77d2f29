"""Checks of the logical frameworks: declared indicators, each sub-objective measured."""

from __future__ import annotations

CODE = "nb_personnes_accompagnees"


def test_an_unknown_indicator_of_a_logframe_is_located_in_its_file(issues_after) -> None:
    issues = issues_after(financeur=[("[nb_personnes_accompagnees]", "[nb_personnes, x]")])
    assert [i.split(" — ")[0] for i in issues] == [
        "cadres-logiques/financeur.yaml:12:23: erreur: indicateur « nb_personnes » inconnu",
        "cadres-logiques/financeur.yaml:12:37: erreur: indicateur « x » inconnu",
    ]


def test_a_sub_objective_without_any_indicator_is_a_warning(issues_after) -> None:
    issues = issues_after(financeur=[("        indicateurs: [nb_personnes_accompagnees]\n", "")])
    assert issues == [
        "cadres-logiques/financeur.yaml:7:11: avertissement: le sous-objectif « SO1 » n'a aucun "
        "indicateur — ajoutez les codes des indicateurs qui le mesurent [sans-indicateur]"
    ]


def test_an_indicator_at_the_sub_objective_level_is_enough(issues_after) -> None:
    issues = issues_after(
        financeur=[
            ("        indicateurs: [nb_personnes_accompagnees]\n", ""),
            (
                "    résultats_attendus:",
                "    indicateurs: [nb_personnes_accompagnees]\n    résultats_attendus:",
            ),
        ]
    )
    assert issues == []
