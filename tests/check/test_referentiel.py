"""Cross-file checks of the référentiel: unique codes, references that exist, formula cycles."""

from __future__ import annotations

FORMULA = """\
          - code: a
            libellé: A
            type: nombre
            formule: {numérateur: b, dénominateur: nb_personnes_accompagnees}
          - code: b
            libellé: B
            type: nombre
            formule: {numérateur: a, dénominateur: nb_personnes_accompagnees}
"""


def test_the_example_has_no_issue(issues_after) -> None:
    assert issues_after() == []


def test_a_domain_code_given_twice_is_located_with_the_first_one(issues_after) -> None:
    domain = "\n  - code: COH\n    nom: Autre\n    critères:\n      - code: X-1\n"
    domain += "        nom: x\n        indicateurs:\n          - code: x\n            libellé: x\n"
    domain += "            type: nombre\n"
    issues = issues_after(referentiel=[("\n# Auto-évaluation", domain + "\n# Auto-évaluation")])
    assert [i for i in issues if "[code-en-double]" in i] == [
        "referentiel.yaml:41:11: erreur: domaine « COH » en double (déjà ligne 11) — chaque code "
        "doit être unique : renommez l'un des deux [code-en-double]"
    ]


def test_formulas_that_depend_on_themselves_are_one_issue_with_the_circuit(issues_after) -> None:
    issues = issues_after(referentiel=[("\n# Auto-évaluation", FORMULA + "\n# Auto-évaluation")])
    [cycle] = [i for i in issues if "[formule-circulaire]" in i]
    assert "formule circulaire : a → b → a" in cycle


def test_unknown_indicators_in_the_self_assessment_and_the_key_ones(issues_after) -> None:
    issues = issues_after(
        referentiel=[
            ("        indicateur: nb_personnes_accompagnees", "        indicateur: nb_pers")
        ],
        association=[("    - nb_personnes_accompagnees", "    - nb_personnes")],
    )
    assert [i.split(": erreur: ")[1] for i in issues] == [
        "indicateur « nb_personnes » inconnu — vouliez-vous dire « nb_personnes_accompagnees » ? "
        "[reference-inconnue]",
        "indicateur « nb_pers » inconnu — déclarez-le d'abord (indicateur) [reference-inconnue]",
    ]
    assert issues[0].startswith("association.yaml:")


def test_a_catalogue_link_to_an_unknown_code_is_a_warning(issues_after) -> None:
    link = "            catalogue: personnes_touchee\n            libellé: Nombre de personnes"
    issues = issues_after(referentiel=[("            libellé: Nombre de personnes", link)])
    assert issues == [
        "referentiel.yaml:20:24: avertissement: « personnes_touchee » n'est pas un indicateur du "
        "catalogue d'utilsoc — vouliez-vous dire « personnes_touchees » ? [catalogue-inconnu]"
    ]


def test_a_catalogue_link_to_a_known_code_is_fine(issues_after) -> None:
    link = "            catalogue: personnes_touchees\n            libellé: Nombre de personnes"
    assert issues_after(referentiel=[("            libellé: Nombre de personnes", link)]) == []
