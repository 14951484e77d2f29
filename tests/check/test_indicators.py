"""Checks of one indicator: scale, targets, reference, formula terms and their frequency."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.folder import load_folder
from utilsoc.project import Layout

EXTRA = """\
          - code: confiance
            libellé: Confiance
            type: score
            échelle: {min: 1, max: 5}
            fréquence: scolaire
            dimensions: [sexe, sexe]
            référence: {valeur: 7, période: 2024}
            cibles:
              - {période: 2025-2026, valeur: 4}
          - code: inscrit
            libellé: Inscrit au réseau
            type: oui_non
            numérateur: "?"
            cibles:
              - {période: 2026, valeur: 42}
          - code: taux_x
            libellé: Taux
            type: taux
            fréquence: mensuelle
            formule:
              numérateur: nb_personnes_accompagnees
              dénominateur: nb_personnes_accompagnees
            cibles:
              - {période: 2026, valeur: 180}
              - {période: 2026-T1, valeur: -1}
"""


@pytest.fixture
def issues(example) -> list[str]:
    folder: Path = example("vide")
    path = folder / "referentiel.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\n# Auto-évaluation", EXTRA + "\n# Auto-évaluation"), encoding="utf-8"
    )
    return [issue.format() for issue in load_folder(Layout(folder)).issues]


def _find(issues: list[str], fragment: str) -> str:
    found = [issue for issue in issues if fragment in issue]
    assert found, f"{fragment!r} absent de {issues}"
    return found[0]


def test_baseline_outside_the_scale_and_off_frequency(issues: list[str]) -> None:
    assert "referentiel.yaml:46:33: erreur:" in _find(issues, "7 est hors de l'échelle 1 à 5")
    warning = _find(issues, "la référence porte sur année 2024")
    assert ": avertissement: " in warning


def test_repeated_dimension_and_useless_fields(issues: list[str]) -> None:
    assert "referentiel.yaml:45:32: erreur:" in _find(issues, "dimension « sexe » en double")
    assert "avertissement" in _find(issues, "ne servent qu'aux taux")


def test_yes_no_target_rate_over_100_and_negative_target(issues: list[str]) -> None:
    assert "[valeur-impossible]" in _find(issues, "42 pour un indicateur oui/non")
    assert "avertissement" in _find(issues, "taux de 180 %")
    assert "referentiel.yaml:64:44: erreur:" in _find(issues, "-1 est négatif")


def test_formula_over_another_frequency_is_a_warning(issues: list[str]) -> None:
    warning = _find(issues, "est collecté en annuelle, « taux_x » en mensuelle")
    assert "[frequences-differentes]" in warning
