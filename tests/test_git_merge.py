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


EXTRA = """\
          - code: confiance
            libellé: Confiance en soi (questionnaire)
            type: score
            échelle: {min: 1, max: 5}
            fréquence: annuelle
            méthode: questionnaire
          - code: nb_ateliers
            libellé: Ateliers
            type: nombre
            unité: ateliers
            fréquence: annuelle
            méthode: registre
"""


def _every_kind(tag: str, author: str) -> list[list[str]]:
    """One record of each kind of evidence and a questionnaire answer, told apart by `tag`."""
    common = ["-p", "2026", "-a", author, "--date", "2026-05-04"]
    return [
        ["evidence", "verbatim", f"Témoignage {tag}", "--role", "bénévole", "--pseudo", "Ana"]
        + ["--consent", *common],
        ["evidence", "fait", f"Fait {tag}", "--titre", f"Titre {tag}", *common],
        ["evidence", "inattendu", f"Inattendu {tag}", "--nature", "positif", *common],
        ["evidence", "piste", f"Piste {tag}", "--analyse", "a", "--action", "b"]
        + ["--responsable", "Karim", "--echeance", "2026-09-30", *common],
        ["evidence", "partenariat", f"Partenariat {tag}", "--cadre", "financeur", *common],
        ["questionnaire", "confiance", f"P{tag}", "3", "-m", "entrée", *common],
    ]


def _run_all(cli, repo: Path, branch: str | None, commands: list[list[str]]) -> None:
    if branch is not None:
        _git(repo, "checkout", "-q", "-b", branch, "main")
    for command in commands:
        result = cli("-C", str(repo), *command)
        assert result.exit_code == 0, (command, result.stderr)
    _git(repo, "add", "-A")
    assert _git(repo, "commit", "-qm", branch or "base").returncode == 0
    _git(repo, "checkout", "-q", "main")


def _everything(repo: Path) -> set[str]:
    """Every record of the folder, as one short text each."""
    from utilsoc.project import Layout
    from utilsoc.store.files import iter_records

    found: set[str] = set()
    for path, content, _, issues in iter_records(Layout(repo), cache=False):
        assert issues == [], path
        assert content is not None
        for value in content.valeurs:
            dims = ",".join(f"{k}={v}" for k, v in value.dimensions.items())
            found.add(f"{value.indicateur}[{dims}]={value.valeur}")
        found.update(f"verbatim {r.texte}" for r in content.temoignages)
        found.update(f"fait {r.recit}" for r in content.faits_marquants)
        found.update(f"inattendu {r.description}" for r in content.resultats_inattendus)
        found.update(f"piste {r.constat}" for r in content.pistes_amelioration)
        found.update(f"partenariat {r.appreciation}" for r in content.partenariat)
        found.update(f"questionnaire {r.participant}" for r in content.questionnaires)
    return found


def _kinds(tag: str) -> set[str]:
    return {
        f"verbatim Témoignage {tag}",
        f"fait Fait {tag}",
        f"inattendu Inattendu {tag}",
        f"piste Piste {tag}",
        f"partenariat Partenariat {tag}",
        f"questionnaire P{tag}",
    }


@pytest.fixture
def full_repo(repo: Path) -> Path:
    """The repository, with a score and a second indicator in its référentiel."""
    referentiel = repo / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8")
    referentiel.write_text(text.replace("\n# Auto-évaluation", EXTRA + "\n# Auto-évaluation", 1))
    assert _git(repo, "commit", "-qam", "indicateurs").returncode == 0
    return repo


def test_every_kind_of_record_appended_on_two_branches_merges_valid(cli, full_repo) -> None:
    repo = full_repo
    day = ["-p", "2026", "-a", "marie", "--date"]
    _run_all(
        cli,
        repo,
        None,
        [
            ["record", CODE, "10", "--dim", "sexe=F", *day, "2026-01-02"],
            ["record", CODE, "20", "--dim", "sexe=H", *day, "2026-01-02"],
            *_every_kind("0", "marie"),
        ],
    )
    fix = ["--replace", "--motif", "recompté"]
    _run_all(
        cli,
        repo,
        "a",
        [
            ["record", CODE, "3", "--dim", "sexe=autre", *day, "2026-06-01"],
            ["record", CODE, "11", "--dim", "sexe=F", *day, "2026-06-01", *fix],
            *_every_kind("1", "marie"),
        ],
    )
    _run_all(
        cli,
        repo,
        "b",
        [
            ["record", "nb_ateliers", "7", *day, "2026-06-02"],
            ["record", CODE, "21", "--dim", "sexe=H", *day, "2026-06-02", *fix],
            *_every_kind("2", "marie"),
        ],
    )
    _merge(repo, "a", "b")
    result = cli("-C", str(repo), "validate")
    assert result.exit_code == 0, result.stderr
    values = {
        f"{CODE}[sexe=F]=10",
        f"{CODE}[sexe=H]=20",
        f"{CODE}[sexe=autre]=3",
        f"{CODE}[sexe=F]=11",
        f"{CODE}[sexe=H]=21",
        "nb_ateliers[]=7",
    }
    assert _everything(repo) == values | _kinds("0") | _kinds("1") | _kinds("2")
    merged = cli("-C", str(repo), "merge")
    assert merged.exit_code == 0, merged.stderr
    assert "4 valeurs en vigueur, 2 remplacées, 0 conflit" in merged.stdout


def test_the_first_records_created_on_two_branches_merge_valid(cli, full_repo) -> None:
    repo = full_repo
    _run_all(
        cli,
        repo,
        "a",
        [["record", CODE, "1", "--dim", "sexe=F", "-p", "2026", "-a", "Marie"]]
        + _every_kind("1", "Marie"),
    )
    _run_all(
        cli,
        repo,
        "b",
        [["record", CODE, "2", "--dim", "sexe=H", "-p", "2026", "-a", "marie"]]
        + _every_kind("2", "marie"),
    )
    _merge(repo, "a", "b")  # add/add of every file: git merges them with the union driver
    result = cli("-C", str(repo), "validate")
    assert result.exit_code == 0, result.stderr
    values = {f"{CODE}[sexe=F]=1", f"{CODE}[sexe=H]=2"}
    assert _everything(repo) == values | _kinds("1") | _kinds("2")


def test_a_first_value_and_a_partnership_line_land_in_their_sections(cli, full_repo) -> None:
    """The case that misplaced a record: an older, mixed file ending with `partenariat:`."""
    repo = full_repo
    mixed = repo / "mesures" / "2026" / "marie.yaml"
    mixed.parent.mkdir(parents=True)
    mixed.write_text(
        "partenariat:\n  - {période: 2026, appréciation: Ancien, cadre: financeur, "
        "auteur: marie, date: 2026-01-01}\n",
        encoding="utf-8",
    )
    _run_all(cli, repo, None, [])
    _run_all(cli, repo, "a", [["record", CODE, "4", "-p", "2026", "-a", "marie"]])
    _run_all(cli, repo, "b", [_every_kind("1", "marie")[4]])
    _merge(repo, "a", "b")
    result = cli("-C", str(repo), "validate")
    assert result.exit_code == 0, result.stderr
    assert _everything(repo) == {
        f"{CODE}[]=4",
        "partenariat Ancien",
        "partenariat Partenariat 1",
    }
