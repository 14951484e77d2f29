"""`utilsoc record` on the command line: its arguments and options, before any writing."""

from __future__ import annotations

import subprocess
import sys

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"


def test_record_without_arguments_and_without_terminal_never_waits(example) -> None:
    folder = example("vide")
    completed = subprocess.run(
        [sys.executable, "-m", "utilsoc", "-C", str(folder), "record"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == ExitCode.USAGE
    assert "indiquez l'indicateur, la valeur et --period" in completed.stderr


def test_malformed_dimension_names_are_user_errors(cli, example) -> None:
    folder = example("vide")
    for dims in (["--dim", "sexe=F", "--dim", "Sexe=H"], ["--dim", "a b=c"]):
        result = cli("-C", str(folder), "record", "-a", "m", CODE, "3", "-p", "2026", *dims)
        assert result.exit_code == ExitCode.DONNEES_INVALIDES
        assert "erreur interne" not in result.stderr
    assert not (folder / "mesures").exists()


def test_options_that_go_together_or_cannot_be_read_are_usage_errors(cli, example) -> None:
    folder = example("vide")
    base = ("-C", str(folder), "record", "-a", "m", CODE, "3", "-p", "2026")
    cases = [
        (["--motif", "erreur"], "--replace et --motif vont ensemble"),
        (["--dim", "sexe"], "--dim « sexe » : écrivez nom=valeur"),
        (["--dim", "=F"], "--dim « =F » : écrivez nom=valeur"),
        (["--date", "2026-02-30"], "date « 2026-02-30 » invalide ou inexistante"),
        (["--date", "1/3/2026"], "date « 1/3/2026 » invalide"),
    ]
    for options, message in cases:
        result = cli(*base, *options)
        assert result.exit_code == ExitCode.USAGE, (options, result.stderr)
        assert message in result.stderr, (options, result.stderr)
    assert not (folder / "mesures").exists()


def test_note_and_date_reach_the_file_as_typed(cli, example) -> None:
    folder = example("echec-scolaire")
    result = cli(
        "-C", str(folder), "record", "-a", "m", "--date", "2026-07-01", "--note", "relevé",
        "taux_assiduite", "80/100", "-p", "2026-T4",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = (folder / "mesures" / "2026-T4" / "m.yaml").read_text(encoding="utf-8")
    assert 'note: "relevé"' in text
    assert "date: 2026-07-01" in text
