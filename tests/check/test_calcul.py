"""Indicators computed from a questionnaire: what `calcul` may say, located."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.folder import load_folder
from utilsoc.project import Layout


def _find(issues: list[str], fragment: str) -> str:
    found = [issue for issue in issues if fragment in issue]
    assert found, f"{fragment!r} absent de {issues}"
    return found[0]


COMPUTED = """\
          - code: isolement
            libellé: Sentiment d'isolement
            type: score
            sens: baisse
            échelle: {min: 1, max: 5}
            calcul: {mesure: moyenne_sortie}
          - code: gain_isolement
            libellé: Évolution de l'isolement
            type: score
            calcul: {questionnaire: isolement, mesure: gain_moyen, seuil: 1}
            dimensions: [sexe]
          - code: part_isolement
            libellé: Part des personnes moins isolées
            type: score
            calcul: {questionnaire: isolment, mesure: part_progression}
          - code: part_stable
            libellé: Part stable
            type: taux
            calcul: {questionnaire: stable, mesure: part_progression, seuil: 0}
          - code: stable
            libellé: Stable
            type: score
            sens: stabilité
            échelle: {min: 1, max: 5}
          - code: relais
            libellé: Relais
            type: score
            calcul: {questionnaire: gain_isolement, mesure: moyenne_entrée}
            formule: {numérateur: stable}
"""


@pytest.fixture
def computed(example) -> list[str]:
    folder: Path = example("vide", COMPUTED)
    return [issue.format() for issue in load_folder(Layout(folder)).issues]


def test_a_score_computed_from_a_questionnaire_needs_no_scale(computed: list[str]) -> None:
    assert not [i for i in computed if "[echelle-manquante]" in i]


def test_a_gain_aimed_against_its_questionnaire_is_a_warning(computed: list[str]) -> None:
    warning = _find(computed, "le gain de « gain_isolement » est visé en hausse")
    assert ": avertissement: " in warning
    assert "[sens-du-calcul]" in warning
    assert ": avertissement: " in _find(computed, "le seuil ne sert qu'à « part_progression »")
    assert "[champ-inutile]" in _find(computed, "qui ne sont pas ventilées")


def test_impossible_calculations_are_errors_at_their_line(computed: list[str]) -> None:
    assert "[reference-inconnue]" in _find(computed, "indicateur « isolment » inconnu")
    assert "[calcul-invalide]" in _find(computed, "« part_progression » donne un taux")
    assert "[calcul-invalide]" in _find(computed, "« stable » a le sens stabilité")
    assert "[calcul-invalide]" in _find(computed, "seuil de progrès de 0 point")
    assert "[calcul-invalide]" in _find(computed, "« relais » a une formule et un calcul")
    chained = _find(computed, "« gain_isolement » est lui-même calculé à partir de « isolement »")
    assert "[calcul-invalide]" in chained


def test_a_value_recorded_for_a_computed_indicator_is_refused(cli, example) -> None:
    valid = (
        COMPUTED.split("          - code: part_isolement")[0]
        .replace("            dimensions: [sexe]\n", "            sens: baisse\n")
        .replace(", seuil: 1}", "}")
    )
    folder = example("vide", valid)
    assert cli("-C", str(folder), "validate").exit_code == 0
    args = ("-C", str(folder), "record", "-a", "m", "gain_isolement", "1,4", "-p", "2026")
    result = cli(*args)
    assert result.exit_code == 1
    assert "« gain_isolement » est calculé à partir des réponses au questionnaire" in result.stderr
    answer = ("questionnaire", "gain_isolement", "P1", "2", "-m", "entrée", "-p", "2026")
    refused = cli("-C", str(folder), *answer, "-a", "m")
    assert refused.exit_code == 1
    assert "enregistrez cette réponse pour « isolement »" in refused.stderr
    assert not (folder / "mesures").exists()
