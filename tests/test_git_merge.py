"""Two people record on two branches: git merges their measurement files without conflict."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(folder.parent),
    }
    return subprocess.run(
        ["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=False, timeout=60
    )


@pytest.fixture
def repo(cli, tmp_path: Path) -> Path:
    assert cli("init", "asso", "--example", "vide").exit_code == 0
    folder = tmp_path / "asso"
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "add", "-A")
    assert _git(folder, "commit", "-qm", "référentiel").returncode == 0
    return folder


def _on_branch(cli, repo: Path, branch: str, *records: list[str]) -> None:
    _git(repo, "checkout", "-q", "-b", branch, "main")
    for record in records:
        result = cli("-C", str(repo), "record", *record)
        assert result.exit_code == 0, result.stderr
    _git(repo, "add", "-A")
    assert _git(repo, "commit", "-qm", branch).returncode == 0
    _git(repo, "checkout", "-q", "main")


def _merge(repo: Path, *branches: str) -> None:
    for branch in branches:
        merged = _git(repo, "merge", "-q", "--no-edit", branch)
        assert merged.returncode == 0, merged.stdout + merged.stderr


def test_two_contributors_on_two_branches_merge_cleanly(cli, repo: Path) -> None:
    _on_branch(cli, repo, "alice", [CODE, "10", "-p", "2026", "--dim", "sexe=F", "-a", "alice"])
    _on_branch(cli, repo, "bob", [CODE, "12", "-p", "2026", "--dim", "sexe=H", "-a", "bob"])
    _merge(repo, "alice", "bob")
    result = cli("-C", str(repo), "validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("2 valeurs")


def test_same_contributor_on_two_branches_keeps_both_lines(cli, repo: Path) -> None:
    _on_branch(cli, repo, "matin", [CODE, "10", "-p", "2026", "--dim", "sexe=F", "-a", "alice"])
    _on_branch(cli, repo, "soir", [CODE, "7", "-p", "2026", "--dim", "sexe=H", "-a", "alice"])
    _merge(repo, "matin", "soir")
    text = (repo / "mesures" / "2026" / "alice.yaml").read_text(encoding="utf-8")
    assert "valeur: 10" in text
    assert "valeur: 7" in text
    assert cli("-C", str(repo), "validate").exit_code == 0


def test_two_different_values_for_the_same_measure_are_a_reported_conflict(cli, repo) -> None:
    _on_branch(cli, repo, "alice", [CODE, "10", "-p", "2026", "-a", "alice"])
    _on_branch(cli, repo, "bob", [CODE, "11", "-p", "2026", "-a", "bob"])
    _merge(repo, "alice", "bob")
    result = cli("-C", str(repo), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "[conflit-de-valeurs]" in result.stderr
    merge = cli("-C", str(repo), "merge")
    assert merge.exit_code == ExitCode.DONNEES_INVALIDES
    assert "alice.yaml" in merge.stderr
    assert "bob.yaml" in merge.stderr


def test_a_file_left_with_conflict_markers_is_reported(cli, repo: Path) -> None:
    (repo / ".gitattributes").unlink()
    _git(repo, "commit", "-qam", "sans union")
    _on_branch(cli, repo, "matin", [CODE, "10", "-p", "2026", "--dim", "sexe=F", "-a", "alice"])
    _on_branch(cli, repo, "soir", [CODE, "7", "-p", "2026", "--dim", "sexe=H", "-a", "alice"])
    _merge(repo, "matin")
    assert _git(repo, "merge", "-q", "--no-edit", "soir").returncode != 0
    result = cli("-C", str(repo), "validate")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "conflit git non résolu ligne" in result.stderr


def test_merge_output_is_deterministic_and_idempotent(cli, repo: Path, tmp_path: Path) -> None:
    for author, value, sex in (("bob", "3", "H"), ("alice", "4", "F")):
        assert (
            cli(
                "-C",
                str(repo),
                "record",
                CODE,
                value,
                "-p",
                "2025",
                "--dim",
                f"sexe={sex}",
                "-a",
                author,
                "--date",
                "2025-12-01",
            ).exit_code
            == 0
        )
    first = cli("-C", str(repo), "merge", "-o", str(tmp_path / "a.yaml"))
    assert first.exit_code == 0, first.stderr
    assert cli("-C", str(repo), "merge", "-o", str(tmp_path / "b.yaml")).exit_code == 0
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert text == (tmp_path / "b.yaml").read_text(encoding="utf-8")
    assert text.index("sexe: F") < text.index("sexe: H")
