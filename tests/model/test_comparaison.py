"""The comparisons of an indicator as read from referentiel.yaml, through the real gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.folder import load_folder
from utilsoc.model.comparaison import Comparaison, NatureComparaison
from utilsoc.project import Layout

GOOD = "libelle: taux du territoire, valeur: 18, source: INSEE, annee: 2023-2024"


def _issues(example, fields: str) -> list[str]:
    """Every issue of the `vide` example once its indicator has one comparison `fields`."""
    folder: Path = example("vide")
    path = folder / "referentiel.yaml"
    text = path.read_text(encoding="utf-8")
    block = f"            comparaisons:\n              - {{{fields}}}\n            cibles:\n"
    path.write_text(text.replace("            cibles:\n", block, 1), encoding="utf-8")
    return [issue.format() for issue in load_folder(Layout(folder)).issues]


def test_plain_keys_and_a_school_year() -> None:
    comparison = Comparaison.model_validate(
        {
            "libelle": "taux du territoire",
            "valeur": 18,
            "source": "INSEE",
            "annee": "2023-2024",
            "perimetre": "QPV de Brest",
            "nature": "Groupe-de-comparaison",
        }
    )
    assert comparison.annee.name == "2023-2024"
    assert comparison.nature is NatureComparaison.GROUPE
    assert comparison.model_dump(by_alias=True)["périmètre"] == "QPV de Brest"


def test_a_sound_comparison_is_read_without_issue(example) -> None:
    assert _issues(example, GOOD + ", périmètre: QPV de Brest, nature: territoire") == []


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ("valeur: 18, source: INSEE, année: 2022", "[champ-manquant]"),
        ("libellé: t, valeur: 18, source: INSEE", "[champ-manquant]"),
        ("libellé: t, valeur: dix-huit, source: INSEE, année: 2022", "[nombre-attendu]"),
        ("libellé: t, valeur: 18, source: INSEE, année: 2022, nature: région", "[valeur-inconnue]"),
        ("libellé: t, valeur: 18, source: INSEE, année: 2022-13", "[periode-invalide]"),
        ("libellé: t, valeur: 18, source: INSEE, année: 2022, rang: 3", "[champ-inconnu]"),
    ],
)
def test_bad_comparisons_are_located_french_issues(example, fields: str, fragment: str) -> None:
    found = _issues(example, fields)
    assert len(found) == 1, found
    assert "referentiel.yaml:38:" in found[0], found  # the comparison's line
    assert found[0].endswith(fragment), found
