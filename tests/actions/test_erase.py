"""`participant effacer`: one participant's answers and quotes removed, all files or none."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.actions.erase import ERASERS, Removed, erase_participant
from utilsoc.errors import ExitCode, UserError
from utilsoc.project import Layout
from utilsoc.store.journal import CRASH_ENV, CRASH_EXIT

SCORE = """\
          - code: confiance
            libellé: Confiance en soi (questionnaire)
            type: score
            échelle: {min: 1, max: 5}
            fréquence: annuelle
            méthode: questionnaire
"""
# A commit of 3 files: journal, 3 temporary files, commit mark, 3 renames, end.
STEPS = 9
COMMIT_STEP = 5


def _folder(cli, example) -> Path:
    """Answers of P1 and P2 in 2025 and 2026, and a verbatim quoted under P1 in 2026."""
    folder = example("vide", SCORE)
    base = ["-C", str(folder)]
    for period in ("2025", "2026"):
        for participant, moment, score in (("P1", "entrée", "2"), ("P2", "entrée", "3")):
            args = ["questionnaire", "confiance", participant, score, "-m", moment]
            result = cli(*base, *args, "-p", period, "-a", "karim", "--date", f"{period}-03-01")
            assert result.exit_code == 0, result.stderr
    quote = ["evidence", "verbatim", "J'ai repris confiance", "--role", "bénéficiaire"]
    options = ["--pseudo", "P1", "--consent", "-p", "2026", "-a", "karim"]
    assert cli(*base, *quote, *options, "--date", "2026-03-02").exit_code == 0
    return folder


def _measures(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted((folder / "mesures").rglob("*.yaml"))
    }


def test_the_participant_s_answers_and_quotes_are_removed(cli, example) -> None:
    folder = _folder(cli, example)
    result = cli("-C", str(folder), "participant", "effacer", "P1", "--oui")
    assert result.exit_code == 0, result.stderr
    assert "3 enregistrements effacés pour le participant « P1 »" in result.stdout
    assert "git filter-repo" in result.stderr
    files = _measures(folder)
    assert not any(b"P1" in data for data in files.values())
    assert all(
        files[f"mesures/{p}/karim.questionnaires.yaml"].count(b"P2") == 1 for p in ("2025", "2026")
    )
    verbatims = files["mesures/2026/karim.temoignages.yaml"].decode()
    assert "témoignages: []" in verbatims
    assert cli("-C", str(folder), "validate").exit_code == 0
    again = cli(
        "-C",
        str(folder),
        "evidence",
        "verbatim",
        "Merci",
        "--role",
        "parent",
        "--pseudo",
        "P2",
        "--consent",
        "-p",
        "2026",
        "-a",
        "karim",
    )
    assert again.exit_code == 0, again.stderr
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_erasing_an_unknown_participant_writes_nothing(cli, example) -> None:
    folder = _folder(cli, example)
    before = _measures(folder)
    result = cli("-C", str(folder), "participant", "effacer", "P9", "--oui")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "aucune donnée du participant « P9 »" in result.stderr
    assert "Traceback" not in result.stderr
    assert _measures(folder) == before


def test_the_user_is_asked_first_and_may_say_no(cli, example) -> None:
    folder = _folder(cli, example)
    before = _measures(folder)
    refused = cli("-C", str(folder), "participant", "effacer", "P1", input="n\n")
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert "mesures/2026/karim.temoignages.yaml:4: verbatim du 2026-03-02" in refused.stdout
    assert "effacement annulé" in refused.stderr
    assert _measures(folder) == before
    accepted = cli("-C", str(folder), "participant", "effacer", "P1", input="o\n")
    assert accepted.exit_code == 0, accepted.stderr
    assert _measures(folder) != before


def test_a_record_on_several_lines_is_not_erased_blindly(cli, example) -> None:
    folder = _folder(cli, example)
    path = folder / "mesures" / "2026" / "karim.temoignages.yaml"
    text = path.read_text(encoding="utf-8").replace("texte: ", "\n    texte: ", 1)
    path.write_text(text, encoding="utf-8")
    before = _measures(folder)
    result = cli("-C", str(folder), "participant", "effacer", "P1", "--oui")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "ne tient pas sur une ligne" in result.stderr
    assert _measures(folder) == before


def test_another_eraser_joins_the_same_transaction(cli, example, monkeypatch) -> None:
    folder = _folder(cli, example)
    interview = folder / "entretiens" / "e1.yaml"
    interview.parent.mkdir()
    interview.write_text("participant: P1\n", encoding="utf-8")
    seen: list[str] = []

    def interviews(tx, code: str) -> list[Removed]:
        seen.append(code)
        tx.delete(interview)
        return [Removed("entretiens/e1.yaml", 1, "entretien")]

    monkeypatch.setattr("utilsoc.actions.erase.ERASERS", [*ERASERS, interviews])
    removed = erase_participant(Layout(folder), "P1")
    assert [r.what for r in removed][-1] == "entretien"
    assert seen == ["P1", "P1"]  # planned, then done
    assert not interview.exists()
    assert not any(b"P1" in data for data in _measures(folder).values())
    with pytest.raises(UserError):
        erase_participant(Layout(folder), "P1", confirm=lambda removed: False)


def test_a_crash_mid_erase_leaves_every_file_or_none(cli, example, tmp_path) -> None:
    base = _folder(cli, example)
    before = _measures(base)
    done = shutil.copytree(base, tmp_path / "fait")
    assert cli("-C", str(done), "participant", "effacer", "P1", "--oui").exit_code == 0
    after = _measures(done)
    changed = [name for name in before if before[name] != after[name]]
    assert len(changed) == 3  # two answer files and the verbatims, in one commit
    runs = {}
    for step in range(1, STEPS + 1):
        folder = shutil.copytree(base, tmp_path / f"etape-{step}")
        env = {**os.environ, CRASH_ENV: str(step)}
        command = [
            sys.executable,
            "-m",
            "utilsoc",
            "-C",
            str(folder),
            "participant",
            "effacer",
            "P1",
            "--oui",
        ]
        runs[step] = (folder, subprocess.Popen(command, env=env, stderr=subprocess.PIPE))
    for step, (folder, process) in runs.items():
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == CRASH_EXIT, (step, stderr.decode())
        assert cli("-C", str(folder), "donnees-personnelles").exit_code == 0  # recovers
        assert _measures(folder) == (after if step >= COMMIT_STEP else before), step
        assert cli("-C", str(folder), "validate").exit_code == 0, step


def test_a_folder_changed_during_the_confirmation_is_not_erased(cli, example) -> None:
    folder = _folder(cli, example)

    def meanwhile(removed: list[Removed]) -> bool:
        more = ["questionnaire", "confiance", "P1", "4", "-m", "sortie", "-p", "2026", "-a", "ana"]
        assert cli("-C", str(folder), *more).exit_code == 0
        return True

    before = _measures(folder)
    with pytest.raises(UserError, match="le dossier a changé"):
        erase_participant(Layout(folder), "P1", confirm=meanwhile)
    after = _measures(folder)
    assert {name: data for name, data in after.items() if name in before} == before
    assert any(b"P1" in data for data in after.values())


E07 = "entretiens/fin-de-parcours/E07-2026-05-19.yaml"
E07_STORY = "recits/oser-lever-la-main.yaml"
# E07's verbatims rewritten, their interview and story deleted: journal, 1 temporary file,
# commit mark, 3 renames or deletions, end.
INTERVIEW_STEPS = 7
INTERVIEW_COMMIT_STEP = 3


def _interview_folder(cli, example) -> Path:
    """echec-scolaire, where pupil E07 was interviewed, told a story and is quoted once."""
    folder = example("echec-scolaire")
    quote = ["evidence", "verbatim", "J'ose lever la main", "--role", "bénéficiaire"]
    options = ["--pseudo", "E07", "--consent", "-p", "2026", "-a", "karim", "--date", "2026-03-02"]
    result = cli("-C", str(folder), *quote, *options)
    assert result.exit_code == 0, result.stderr
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of the folder but git's and the journal's, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


def test_a_participant_s_interview_and_story_are_erased_with_their_quotes(cli, example) -> None:
    folder = _interview_folder(cli, example)
    before = _files(folder)
    result = cli("-C", str(folder), "participant", "effacer", "E07", "--oui")
    assert result.exit_code == 0, result.stderr
    assert f"{E07}:1: effacé : entretien du 2026-05-19 (guide fin-de-parcours)" in result.stdout
    assert f"{E07_STORY}:1: effacé : récit « Oser lever la main »" in result.stdout
    assert "3 enregistrements effacés pour le participant « E07 »" in result.stdout
    after = _files(folder)
    assert set(before) - set(after) == {E07, E07_STORY}
    changed = [name for name in after if after[name] != before[name]]
    assert len(changed) == 1  # the verbatims' file; every other file intact
    assert b"E07" not in after[changed[0]]
    assert (folder / "entretiens" / "fin-de-parcours" / "E03-2026-05-18.yaml").exists()
    assert cli("-C", str(folder), "validate").exit_code == 0
    listed = cli("-C", str(folder), "donnees-personnelles", "-f", "json").stdout
    assert '"E07"' not in listed
    assert '"P03"' in listed  # the other story's teller is still listed


def test_an_unreadable_interview_that_names_the_code_stops_the_erasure(cli, example) -> None:
    folder = _interview_folder(cli, example)
    (folder / E07).write_text("participant: [E07\n", encoding="utf-8")
    before = _files(folder)
    result = cli("-C", str(folder), "participant", "effacer", "E07", "--oui")
    assert result.exit_code != 0
    assert f"{E07} illisible, et il contient « E07 »" in result.stderr
    assert _files(folder) == before


def test_a_crash_mid_erase_deletes_every_file_or_none(cli, example, tmp_path) -> None:
    base = _interview_folder(cli, example)
    before = _files(base)
    done = shutil.copytree(base, tmp_path / "fait")
    assert cli("-C", str(done), "participant", "effacer", "E07", "--oui").exit_code == 0
    after = _files(done)
    runs = {}
    for step in range(1, INTERVIEW_STEPS + 1):
        folder = shutil.copytree(base, tmp_path / f"etape-{step}")
        env = {**os.environ, CRASH_ENV: str(step)}
        command = [sys.executable, "-m", "utilsoc", "-C", str(folder)]
        command += ["participant", "effacer", "E07", "--oui"]
        runs[step] = (folder, subprocess.Popen(command, env=env, stderr=subprocess.PIPE))
    for step, (folder, process) in runs.items():
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == CRASH_EXIT, (step, stderr.decode())
        assert cli("-C", str(folder), "donnees-personnelles").exit_code == 0  # recovers
        assert _files(folder) == (after if step >= INTERVIEW_COMMIT_STEP else before), step
        assert cli("-C", str(folder), "validate").exit_code == 0, step
