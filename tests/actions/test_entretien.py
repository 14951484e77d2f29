"""`entretien ajouter`: a new interview file from its guide, never replacing one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.test_git_merge import _git  # the same git, isolated from the user's settings

from utilsoc.errors import ExitCode
from utilsoc.model.entretiens import Entretien
from utilsoc.yamlio.reader import read_yaml

ADD = ["entretien", "ajouter", "--guide", "fin-de-parcours", "--role", "eleves"]
NEW = "entretiens/fin-de-parcours/E30-2026-06-20.yaml"


def _add(cli, folder: Path, *extra: str):  # noqa: ANN001, ANN202 - the CLI runner's result
    return cli(
        "-C", str(folder), *ADD, "--date", "2026-06-20", "--enqueteur", "Coordinatrice", *extra
    )


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "entretiens/fin-de-parcours").iterdir())


def test_the_file_has_every_question_and_empty_answers(cli, example) -> None:
    folder = example("echec-scolaire")
    result = _add(cli, folder, "--participant", "E30", "--consentement-citation")
    assert result.exit_code == 0, result.stderr
    interview = Entretien.model_validate(read_yaml(folder / NEW, NEW).data)
    assert interview.reponses == {"q1": "", "q2": "", "q3": "", "q4": ""}
    assert (interview.consentement.entretien, interview.consentement.citation) == (True, True)
    assert (interview.participant, interview.role, str(interview.date)) == (
        "E30",
        "eleves",
        "2026-06-20",
    )
    assert interview.extraits == []
    text = (folder / NEW).read_text(encoding="utf-8")
    assert "# q2 — Qu'est-ce qui a changé, en classe ou à la maison" in text
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_an_interview_is_never_replaced(cli, example) -> None:
    folder = example("echec-scolaire")
    assert _add(cli, folder, "--participant", "E30").exit_code == 0
    (folder / NEW).write_text("guide: déjà rempli\n", encoding="utf-8")
    result = _add(cli, folder, "--participant", "E30")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "existe déjà : un entretien n'est jamais remplacé" in result.stderr
    assert (folder / NEW).read_text(encoding="utf-8") == "guide: déjà rempli\n"


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["--participant", "Inès Martin"], "ressemble à un nom de personne", 1),
        (["--participant", "MARTIN_ines"], "« MARTIN_ines » ressemble à un nom de personne", 1),
        (["--participant", "E 30"], "code de participant « E 30 » mal écrit", 2),
        (
            ["--participant", "E30", "--guide", "autre"],
            "guide d'entretien « autre » introuvable",
            1,
        ),
        (["--participant", "E30", "--role", "eleve"], "rôle « eleve » inconnu", 1),
    ],
)
def test_bad_input_writes_nothing(cli, example, args: list[str], message: str, code: int) -> None:
    folder = example("echec-scolaire")
    before = _files(folder)
    result = _add(cli, folder, *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(folder) == before


def test_a_badly_written_date_is_refused(cli, example) -> None:
    folder = example("echec-scolaire")
    result = cli(
        "-C", str(folder), *ADD, "--participant", "E30", "--date", "20/06/2026", "--enqueteur", "x"
    )
    assert result.exit_code == ExitCode.USAGE
    assert "date « 20/06/2026 » mal écrite" in result.stderr


def _answer(folder: Path, question: str, text: str) -> None:
    path = folder / NEW
    old = path.read_text(encoding="utf-8")
    new = old.replace(f'  {question}: ""\n', f"  {question}: |\n    {text}\n")
    assert new != old
    path.write_text(new, encoding="utf-8")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_two_people_filling_two_answers_on_two_branches_merge_cleanly(cli, example) -> None:
    folder = example("echec-scolaire")
    assert _add(cli, folder, "--participant", "E30").exit_code == 0
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "add", "-A")
    assert _git(folder, "commit", "-qm", "entretien").returncode == 0
    for branch, question, text in (("a", "q1", "Très bien, merci."), ("b", "q2", "J'ose parler.")):
        _git(folder, "checkout", "-q", "-b", branch, "main")
        _answer(folder, question, text)
        assert _git(folder, "commit", "-qam", branch).returncode == 0
    _git(folder, "checkout", "-q", "main")
    for branch in ("a", "b"):
        merged = _git(folder, "merge", "-q", "--no-edit", branch)
        assert merged.returncode == 0, merged.stdout + merged.stderr
    answers = read_yaml(folder / NEW, NEW).data["réponses"]
    assert answers["q1"] == "Très bien, merci.\n"
    assert answers["q2"] == "J'ose parler.\n"
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_a_role_the_guide_does_not_interview_is_written_with_validate_s_warning(
    cli, example
) -> None:
    folder = example("echec-scolaire")
    result = _add(cli, folder, "--participant", "B04", "--role", "benevoles")
    assert result.exit_code == 0, result.stderr
    written = "entretiens/fin-de-parcours/B04-2026-06-20.yaml"
    assert Entretien.model_validate(read_yaml(folder / written, written).data).role == "benevoles"
    [warning] = result.stderr.splitlines()
    assert warning.endswith(
        "B04-2026-06-20.yaml:7:7: avertissement: partie prenante « benevoles » absente des "
        "publics du guide « fin-de-parcours » (eleves, familles) — corrigez le rôle, ou "
        "ajoutez « benevoles » à « publics: » du guide [role-hors-guide]"
    )
    validated = cli("-C", str(folder), "validate")
    assert validated.exit_code == 0
    assert warning in validated.stderr.splitlines()
    assert _add(cli, folder, "--participant", "E31").stderr == ""  # a role of the guide
