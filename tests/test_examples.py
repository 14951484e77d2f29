"""Every bundled example is a valid, complete model for a real association."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from utilsoc.folder import load_folder
from utilsoc.model.referentiel import TypeIndicateur
from utilsoc.project import Layout
from utilsoc.resources import data_dir

EXAMPLES = sorted(p for p in data_dir("examples").iterdir() if p.is_dir())
REALISTIC = [p for p in EXAMPLES if p.name != "vide"]


def test_the_four_examples_are_bundled() -> None:
    assert sorted(p.name for p in EXAMPLES) == [
        "echec-scolaire",
        "lien-social",
        "mediation-numerique",
        "vide",
    ]


def _copy(example: Path, tmp_path: Path) -> Layout:
    """A copy: reading measurements keeps a cache in the folder, never in the sources."""
    folder = tmp_path / example.name
    shutil.copytree(example, folder, ignore=shutil.ignore_patterns(".utilsoc-cache", "*.lock"))
    return Layout(folder)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_validates_without_any_issue(example: Path, tmp_path: Path) -> None:
    result = load_folder(_copy(example, tmp_path))
    assert [issue.format() for issue in result.issues] == []


@pytest.mark.parametrize("example", REALISTIC, ids=lambda p: p.name)
def test_example_is_complete_enough_to_be_a_model(example: Path, tmp_path: Path) -> None:
    project = load_folder(_copy(example, tmp_path)).project
    ref = project.referentiel
    assert ref is not None
    indicators = [ind for _, ind in ref.iter_indicators()]
    assert len(ref.domaines) >= 3
    assert sum(len(d.criteres) for d in ref.domaines) >= 6
    assert len(indicators) >= 12
    assert len({ind.type for ind in indicators}) >= 5
    assert {TypeIndicateur.TAUX, TypeIndicateur.SCORE} <= {ind.type for ind in indicators}
    assert any(ind.formule for ind in indicators)
    assert sum(1 for ind in indicators if ind.cibles) >= 6
    assert any(c.revisions for ind in indicators for c in ind.cibles)
    assert ref.dimensions
    assert len(project.publics.publics_cibles) >= 2
    assert project.cadres
    assert ref.auto_evaluation
