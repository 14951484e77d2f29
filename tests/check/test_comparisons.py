"""Checks of an indicator's comparisons: source, value on the indicator's scale, past year."""

from __future__ import annotations

import datetime as dt

import pytest

from utilsoc.check.comparisons import impossible
from utilsoc.model.referentiel import Indicateur

EXTRA = """\
          - code: taux_reussite
            libellé: Taux de réussite
            type: taux
            unité: "%"
            comparaisons:
              - {libellé: taux du territoire, valeur: 18, année: 2022}
              - {libellé: taux national, valeur: 120, source: DEPP, année: 2023}
              - {libellé: taux à venir, valeur: 12, source: DEPP, année: 2999}
              - {libellé: taux juste, valeur: 81.5, source: DEPP, année: 2023-2024}
          - code: confiance
            libellé: Confiance
            type: score
            échelle: {min: 1, max: 5}
            comparaisons:
              - {libellé: moyenne nationale, valeur: 7, source: enquête, année: 2021}
          - code: avis
            libellé: Avis des familles
            type: qualitatif
            groupe_comparaison: élèves non accompagnés
            comparaisons:
              - {libellé: avis national, valeur: 3, source: enquête, année: 2021}
"""


@pytest.fixture
def issues(issues_after) -> list[str]:
    return issues_after(
        referentiel=[("\n\n# Auto-évaluation", "\n" + EXTRA + "\n# Auto-évaluation")]
    )


def _find(issues: list[str], fragment: str) -> str:
    found = [issue for issue in issues if fragment in issue]
    assert found, f"{fragment!r} absent de {issues}"
    return found[0]


def test_a_comparison_without_source_is_an_error_at_its_line(issues: list[str]) -> None:
    issue = _find(issues, "la comparaison « taux du territoire » n'a pas de source")
    assert issue.startswith("referentiel.yaml:45:17: erreur:")
    assert issue.endswith("[comparaison-sans-source]")
    assert "valeur illustrative" in issue


def test_a_rate_over_100_percent_or_off_the_scale_is_refused(issues: list[str]) -> None:
    rate = _find(issues, "« taux national » vaut 120 %, plus de 100 %")
    assert rate.startswith("referentiel.yaml:46:50: erreur:")
    assert rate.endswith("[comparaison-impossible]")
    scale = _find(issues, "« moyenne nationale » vaut 7, hors de l'échelle de 1 à 5")
    assert "[comparaison-impossible]" in scale


def test_a_year_not_begun_is_refused(issues: list[str]) -> None:
    issue = _find(issues, "« taux à venir » porte sur 2999, qui n'a pas commencé")
    assert issue.startswith("referentiel.yaml:47:74: erreur:")
    assert issue.endswith("[comparaison-future]")


def test_a_sound_comparison_gives_no_issue(issues: list[str]) -> None:
    assert not [issue for issue in issues if "taux juste" in issue]


def test_a_qualitative_indicator_has_no_comparison(issues: list[str]) -> None:
    issue = _find(issues, "l'indicateur qualitatif « avis » ne peut avoir ni cible")
    assert "[qualitatif-chiffre]" in issue
    warning = _find(issues, "« avis » n'est pas un score")
    assert ": avertissement: " in warning
    assert "[champ-inutile]" in warning


@pytest.mark.parametrize(
    ("fields", "value", "expected"),
    [
        ({"type": "taux", "unité": "%"}, 100.0, None),
        ({"type": "taux", "unité": "%"}, 100.5, "100.5 %, plus de 100 %"),
        ({"type": "taux", "unité": "‰"}, 250.0, None),
        ({"type": "taux"}, -1.0, "-1, un nombre négatif"),
        ({"type": "nombre"}, -3.0, "-3, un nombre négatif"),
        ({"type": "montant"}, -3.0, None),
        ({"type": "oui_non"}, 0.5, "0.5 pour un indicateur oui/non (1 pour oui, 0 pour non)"),
        ({"type": "score", "échelle": {"min": 0, "max": 10}}, 10.0, None),
    ],
)
def test_impossible_values_by_type(fields: dict[str, object], value: float, expected: str) -> None:
    indicator = Indicateur.model_validate({"code": "x", "libellé": "X"} | fields)
    assert impossible(indicator, value) == expected


def test_the_year_is_judged_against_today() -> None:
    from utilsoc.check.comparisons import check_comparisons

    indicator = Indicateur.model_validate(
        {
            "code": "x",
            "libellé": "X",
            "type": "nombre",
            "comparaisons": [{"libellé": "L", "valeur": 3, "source": "S", "année": 2026}],
        }
    )

    class Collect:
        def __init__(self) -> None:
            self.codes: list[str] = []

        def add(self, role, loc, code, message, hint, severity="erreur") -> None:  # noqa: ANN001
            self.codes.append(str(code))

    before, during = Collect(), Collect()
    check_comparisons(before, (0, 0, 0), indicator, dt.date(2025, 12, 31))  # type: ignore[arg-type]
    check_comparisons(during, (0, 0, 0), indicator, dt.date(2026, 1, 1))  # type: ignore[arg-type]
    assert before.codes == ["comparaison-future"]
    assert during.codes == []
