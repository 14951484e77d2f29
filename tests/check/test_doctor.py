"""`doctor`: one verdict per item, with the fix, and nothing changed in the folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from utilsoc.check.doctor import Verdict, diagnose


def _by_item(findings):
    return {finding.item: finding for finding in findings}


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_a_fresh_folder_outside_git_says_how_to_start(example) -> None:
    folder = example("vide")
    found = _by_item(diagnose(folder))
    assert found["Python"].verdict is Verdict.OK
    assert found["fichiers"].verdict is Verdict.OK
    assert found["fichiers"].found.startswith("valides : 1 domaine")
    assert found["dépôt git"].verdict is Verdict.ATTENTION
    assert "git init" in found["dépôt git"].fix


@pytest.mark.skipif(shutil.which("git") is None, reason="git absent")
def test_git_changes_and_the_union_rule_are_checked(cli, tmp_path) -> None:
    folder = tmp_path / "asso"
    assert cli("init", str(folder), "--example", "vide").exit_code == 0
    _git(folder, "init", "-q")
    found = _by_item(diagnose(folder))
    assert found["fusion des mesures"].verdict is Verdict.OK  # init wrote .gitattributes
    assert found["modifications"].verdict is Verdict.ATTENTION
    (folder / ".gitattributes").write_text("", encoding="utf-8")
    _git(folder, "add", ".")
    _git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x")
    found = _by_item(diagnose(folder))
    assert found["modifications"].verdict is Verdict.OK
    assert found["fusion des mesures"].verdict is Verdict.ATTENTION
    assert "merge=union" in found["fusion des mesures"].fix


def test_missing_programs_get_their_fix(example) -> None:
    found = _by_item(diagnose(example("vide"), which=lambda _name: None))
    assert found["git"].verdict is Verdict.ATTENTION
    assert found["commande utilsoc"].verdict is Verdict.ATTENTION
    assert "activate" in found["commande utilsoc"].fix
    assert "pipx install" in found["commande utilsoc"].fix
    assert found["navigateur (PDF, test des pages)"].verdict is Verdict.ATTENTION
    assert found["LibreOffice (facultatif)"].verdict is Verdict.ATTENTION
