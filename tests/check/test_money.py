"""Budgets and the value map checked by `utilsoc validate`, each problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

BUDGET = """\
intitulé: Action « Accueil »
période: 2026
cadre: financeur
charges:
  - compte: 60
    prévu: 1 000
  - compte: 64
    prévu: "9 000,00 €"
produits:
  - compte: 74
    financeur: Nom du financeur
    cadre: financeur
    prévu: 8 000
  - compte: 75
    prévu: 2 000
"""

VALUE_MAP = """\
période: 2026
budget: accueil
résultats:
  - code: moins_isoles
    libellé: Moins d'isolement
    indicateur: nb_personnes_accompagnees
    proxy: {montant: 1 850, source: "Étude X, 2023", année: 2023}
    durée: 2
    aubaine: 20 %
"""


def _write(folder: Path, budget: str = BUDGET, value_map: str | None = None) -> None:
    (folder / "budgets").mkdir(exist_ok=True)
    (folder / "budgets" / "accueil.yaml").write_text(budget, encoding="utf-8")
    if value_map is not None:
        (folder / "valeur-sociale.yaml").write_text(value_map, encoding="utf-8")


def _validate(cli, folder: Path) -> tuple[int, list[str]]:  # noqa: ANN001
    result = cli("-C", str(folder), "validate")
    return result.exit_code, result.stderr.splitlines()


def test_a_balanced_budget_and_a_value_map_validate(cli, example) -> None:  # noqa: ANN001
    folder = example("vide")
    _write(folder, value_map=VALUE_MAP)
    code, lines = _validate(cli, folder)
    assert code == 0, lines


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("prévu: 2 000", "prévu: 1 500"),
            "budgets/accueil.yaml:5:3: erreur: budget prévu déséquilibré : les charges dépassent "
            "de 500,00 €",
        ),
        (
            ("  - compte: 64", "  - compte: 74"),
            "budgets/accueil.yaml:7:13: erreur: compte 74 hors des charges",
        ),
        (
            ("  - compte: 75", "  - compte: 65"),
            "budgets/accueil.yaml:14:13: erreur: compte 65 hors des produits",
        ),
        (
            ("période: 2026", "période: 2031"),
            "budgets/accueil.yaml:2:10: erreur: période 2031 hors",
        ),
        (
            ("    financeur: Nom du financeur\n    cadre: financeur\n", "    financeur: Autre\n"),
            "erreur: le budget rend compte au cadre « financeur »",
        ),
        (
            ("prévu: 1 000", "prévu: 1 OOO"),
            "budgets/accueil.yaml:6:12: erreur: prévu : montant « 1 OOO » illisible",
        ),
    ],
)
def test_each_budget_problem_is_located(cli, example, change, expected) -> None:  # noqa: ANN001
    folder = example("vide")
    _write(folder, BUDGET.replace(*change))
    before = sorted((p, p.read_bytes()) for p in folder.rglob("*") if p.is_file())
    code, lines = _validate(cli, folder)
    assert code == 1
    assert any(expected in line for line in lines), lines
    after = sorted(
        (p, p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file() and ".utilsoc-cache" not in p.parts
    )
    assert after == [(p, b) for p, b in before if ".utilsoc-cache" not in p.parts]


def test_a_funder_with_a_logframe_must_be_in_some_budget(cli, example) -> None:  # noqa: ANN001
    folder = example("vide")
    _write(
        folder,
        BUDGET.replace("cadre: financeur\ncharges", "charges").replace(
            "    financeur: Nom du financeur\n    cadre: financeur\n", "    financeur: Ville\n"
        ),
    )
    code, lines = _validate(cli, folder)
    assert code == 1
    assert any(
        line.startswith("asso/cadres-logiques/financeur.yaml:2:") and "[financeur-absent]" in line
        for line in lines
    ), lines


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("aubaine: 20 %", "aubaine: 0.2"), 'pourcentage attendu, écrit "20 %"'),
        (("aubaine: 20 %", "aubaine: 0,2"), 'pourcentage attendu, écrit "20 %"'),
        (("aubaine: 20 %", "aubaine: 120 %"), "hors de 0 à 100 %"),
        (("durée: 2", "durée: 0"), "valeur-sociale.yaml:8:12: erreur:"),
        (("montant: 1 850", "montant: -5"), "valeur-sociale.yaml:7:"),
        (("budget: accueil", "budget: acceuil"), "« acceuil » inconnu"),
        (("    indicateur: nb_personnes_accompagnees\n", ""), "[quantite-manquante]"),
    ],
)
def test_each_value_map_problem_is_located(cli, example, change, expected) -> None:  # noqa: ANN001
    folder = example("vide")
    _write(folder, value_map=VALUE_MAP.replace(*change))
    code, lines = _validate(cli, folder)
    assert code == 1
    assert any(expected in line for line in lines), lines


def test_a_proxy_without_source_is_a_warning(cli, example) -> None:  # noqa: ANN001
    folder = example("vide")
    _write(folder, value_map=VALUE_MAP.replace(', source: "Étude X, 2023"', ""))
    code, lines = _validate(cli, folder)
    assert code == 0
    assert any(
        "avertissement: proxy du résultat « moins_isoles » sans source" in line for line in lines
    ), lines
