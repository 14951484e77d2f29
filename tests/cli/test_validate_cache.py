"""`utilsoc validate` on an unchanged folder: the same outcome, without the models."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from utilsoc.errors import ExitCode

INVALID = Path(__file__).resolve().parent.parent / "data" / "invalid" / "mesures-invalides"


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
