"""Loading a folder: every file read, every problem kept, the rest still loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.errors import DataErrors
from utilsoc.model.load import load_project, load_valid_project
from utilsoc.project import Layout


def test_the_example_loads_with_every_document(example) -> None:
    folder: Path = example("vide")
    project = load_project(Layout(folder))
    assert project.issues == []
    assert sorted(project.documents) == ["association", "cadre:financeur", "publics", "referentiel"]
    assert list(project.cadres) == ["financeur"]


def test_a_broken_file_is_reported_and_the_others_still_load(example, monkeypatch) -> None:
    folder: Path = example("vide")
    monkeypatch.chdir(folder)
    (folder / "association.yaml").unlink()
    (folder / "publics.yaml").write_text("- une liste\n", encoding="utf-8")
    (folder / "cadres-logiques" / "financeur.yaml").write_text("a: [\n", encoding="utf-8")
    project = load_project(Layout(folder))
    assert [(i.file, i.code) for i in project.issues] == [
        ("association.yaml", "fichier-manquant"),
        ("publics.yaml", "type-racine"),
        (str(Path("cadres-logiques", "financeur.yaml")), "syntaxe"),
    ]
    assert project.referentiel is not None
    assert project.cadres == {}
    with pytest.raises(DataErrors) as caught:
        load_valid_project(Layout(folder))
    assert len(caught.value.issues) == 3


def test_publics_is_optional(example) -> None:
    folder: Path = example("vide")
    (folder / "publics.yaml").unlink()
    project = load_project(Layout(folder))
    assert project.issues == []
    assert project.publics.parties_prenantes == []
