"""Where an association's files live: the root found like git finds its own, paths as shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.errors import UsageError
from utilsoc.project import Layout, display_path, find_root, path_from_root


def test_the_root_is_the_nearest_folder_with_a_referentiel(tmp_path: Path) -> None:
    (tmp_path / "referentiel.yaml").write_text("x: 1\n", encoding="utf-8")
    inner = tmp_path / "asso" / "mesures" / "2025"
    inner.mkdir(parents=True)
    assert find_root(inner).root == tmp_path.resolve()
    (tmp_path / "asso" / "referentiel.yaml").write_text("x: 1\n", encoding="utf-8")
    assert find_root(inner).root == (tmp_path / "asso").resolve()


def test_a_folder_named_referentiel_yaml_is_not_a_root(tmp_path: Path) -> None:
    (tmp_path / "referentiel.yaml").mkdir()
    with pytest.raises(UsageError, match="aucun référentiel"):
        find_root(tmp_path)


def test_a_missing_folder_and_a_file_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="dossier introuvable"):
        find_root(tmp_path / "absent")
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="n'est pas un dossier"):
        find_root(tmp_path / "f.txt")


def test_logframes_are_the_yaml_files_of_their_folder_sorted(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    assert layout.cadre_files() == []
    layout.cadres.mkdir()
    for name in ("b.yaml", "a.yml", "notes.txt"):
        (layout.cadres / name).write_text("x: 1\n", encoding="utf-8")
    assert [p.name for p in layout.cadre_files()] == ["a.yml", "b.yaml"]


def test_paths_are_shown_from_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "asso").mkdir()
    monkeypatch.chdir(tmp_path / "asso")
    inside = tmp_path / "asso" / "mesures" / "a.yaml"
    assert display_path(inside) == str(Path("mesures", "a.yaml"))
    assert display_path(tmp_path / "autre.yaml") == str(tmp_path / "autre.yaml")
    assert path_from_root(tmp_path, display_path(inside)) == "asso/mesures/a.yaml"
    assert path_from_root(tmp_path / "asso" / "mesures", str(tmp_path / "autre.yaml")) is None
