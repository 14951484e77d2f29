"""`utilsoc validate`: every problem located, text or JSON, from any folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode


def test_validate_reports_every_problem_with_position(cli, example) -> None:
    folder = example("vide")
    path = folder / "referentiel.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("type: nombre", "type: nombres").replace("valeur: 50", "valeur: 5,5")
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    result = cli("validate", str(folder))
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    lines = result.stderr.splitlines()
    assert any(
        ":23:19: erreur: type : valeur non reconnue" in line and "« nombre »" in line
        for line in lines
    ), lines
    assert any("valeur : virgule décimale : écrivez 5.5" in line for line in lines)
    assert lines[-1] == "référentiel invalide : 2 problèmes"
    assert path.read_bytes() == before


def test_validate_json_lists_issue_objects(cli, example) -> None:
    folder = example("vide")
    (folder / "association.yaml").write_text("nom: Test\nnom: Autre\n", encoding="utf-8")
    result = cli("validate", str(folder), "--format", "json")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    issues = json.loads(result.stdout)
    assert {"file", "line", "column", "code", "message"} <= set(issues[0])
    duplicate = next(i for i in issues if i["code"] == "cle-en-double")
    assert (duplicate["line"], duplicate["column"]) == (2, 1)


def test_validate_outside_any_referentiel_is_a_usage_error(cli) -> None:
    result = cli("validate")
    assert result.exit_code == ExitCode.USAGE
    assert "aucun référentiel" in result.stderr


def test_validate_finds_the_root_from_a_subfolder(cli, example, monkeypatch) -> None:
    folder = example("vide")
    monkeypatch.chdir(folder / "cadres-logiques")
    assert cli("validate").exit_code == 0


def test_unreadable_file_is_an_io_error(cli, example) -> None:
    folder = example("vide")
    (folder / "association.yaml").chmod(0)
    try:
        if (folder / "association.yaml").stat().st_mode and _can_read(folder / "association.yaml"):
            pytest.skip("running as a user who can read anything (root)")
        result = cli("validate", str(folder))
        assert result.exit_code == ExitCode.ENTREE_SORTIE
    finally:
        (folder / "association.yaml").chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


# An unchanged folder gives the same outcome, without loading the models.
INVALID = Path(__file__).resolve().parents[2] / "data" / "invalid" / "mesures-invalides"


def _copy_invalid(tmp_path: Path) -> Path:
    folder = tmp_path / "asso"
    shutil.copytree(INVALID, folder, ignore=shutil.ignore_patterns(".utilsoc-cache"))
    return folder


def test_a_reused_outcome_names_files_from_the_current_folder(cli, tmp_path, monkeypatch) -> None:
    folder = _copy_invalid(tmp_path)
    monkeypatch.chdir(folder)
    first = cli("validate")
    assert first.exit_code == ExitCode.DONNEES_INVALIDES
    assert first.stderr.startswith("mesures/2026/marie.yaml:2:68: erreur:")
    assert (folder / ".utilsoc-cache" / "validate.json").exists()

    monkeypatch.chdir(tmp_path)  # the same outcome, read back from another folder
    again = cli("validate", "asso")
    assert again.exit_code == ExitCode.DONNEES_INVALIDES
    assert again.stderr == first.stderr.replace("mesures/", "asso/mesures/")
    monkeypatch.chdir(folder / "mesures")
    inside = cli("validate")
    assert inside.stderr.startswith("2026/marie.yaml:2:68: erreur:")


def test_an_unchanged_folder_is_validated_without_loading_the_models(tmp_path) -> None:
    folder = _copy_invalid(tmp_path)
    command = [sys.executable, "-X", "importtime", "-m", "utilsoc", "-C", str(folder), "validate"]
    runs = [subprocess.run(command, capture_output=True, text=True, check=False) for _ in "ab"]
    assert [run.returncode for run in runs] == [ExitCode.DONNEES_INVALIDES] * 2
    shown = [
        "\n".join(x for x in run.stderr.splitlines() if "import time" not in x) for run in runs
    ]
    assert shown[0] == shown[1]
    assert "marie.yaml:2:68: erreur: virgule décimale" in shown[1]
    assert "utilsoc.model.referentiel" in runs[0].stderr  # computed the first time
    assert "utilsoc.model" not in runs[1].stderr  # reused: no pydantic model built


def test_conflicts_name_their_files_from_the_folder_wherever_validate_runs(
    cli, example, tmp_path, monkeypatch
) -> None:
    folder = example("vide")
    for author, value in (("lea", 12), ("marc", 13)):
        path = folder / "mesures" / "2025" / f"{author}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "valeurs:\n  - {indicateur: nb_personnes_accompagnees, période: 2025, "
            f"valeur: {value}, auteur: {author}, date: 2025-12-01}}\n",
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    first = cli("validate", "asso")
    monkeypatch.chdir(folder)
    again = cli("validate")  # the outcome kept by the first run
    sources = ": mesures/2025/lea.yaml:2 (12, lea), mesures/2025/marc.yaml:2 (13, marc) —"
    assert first.stderr.startswith("asso/mesures/2025/lea.yaml:2:1: erreur: valeurs différentes")
    assert sources in first.stderr
    assert "asso/" + again.stderr == first.stderr


def test_a_reused_outcome_equals_a_fresh_run_from_any_folder(cli, tmp_path, monkeypatch) -> None:
    folder = _copy_invalid(tmp_path)
    publics = folder / "publics.yaml"  # shown after mesures/ from the root, before from below
    publics.write_text(publics.read_text(encoding="utf-8") + "inconnu: 1\n", encoding="utf-8")
    kept = folder / ".utilsoc-cache" / "validate.json"
    monkeypatch.chdir(folder)
    assert cli("validate").exit_code == ExitCode.DONNEES_INVALIDES  # keeps the outcome
    for where, args in ((folder / "mesures", ("-C", "..")), (tmp_path, ("-C", "asso"))):
        monkeypatch.chdir(where)
        reused = cli(*args, "validate")
        assert kept.exists()
        kept.unlink()
        fresh = cli(*args, "validate")
        assert reused.stderr == fresh.stderr
        assert "publics.yaml" in fresh.stderr
        assert "marie.yaml" in fresh.stderr
