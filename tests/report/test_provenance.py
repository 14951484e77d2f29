"""Where a report comes from: the git commit of its inputs, and whether they changed since."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from utilsoc import __version__
from utilsoc.report.provenance import Provenance, read_provenance

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git absent")


def _git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e.org"}
    done = subprocess.run(
        ["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_a_folder_outside_git_says_so(tmp_path: Path) -> None:
    provenance = read_provenance(tmp_path)
    assert provenance == Provenance(None, False)
    assert provenance.texte == f"dossier hors git ; utilsoc {__version__}"


def test_the_commit_and_changes_of_the_inputs_only(tmp_path: Path) -> None:
    (tmp_path / "referentiel.yaml").write_text("version: 1\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "x")
    commit = _git(tmp_path, "rev-parse", "--short=12", "HEAD")
    (tmp_path / "rapports").mkdir()
    (tmp_path / "rapports" / "bilan.html").write_text("<p>", encoding="utf-8")
    clean = read_provenance(tmp_path)
    assert clean == Provenance(commit, False)
    assert clean.texte == f"référentiel au commit {commit} ; utilsoc {__version__}"
    (tmp_path / "mesures").mkdir()
    (tmp_path / "mesures" / "m.yaml").write_text("valeurs:\n", encoding="utf-8")
    changed = read_provenance(tmp_path)
    assert changed.modifie
    assert "(avec des modifications non enregistrées)" in changed.texte
