"""`utilsoc init`: a new folder from an example, never over existing files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from utilsoc.errors import ExitCode


def test_init_unknown_example_lists_the_known_ones(cli) -> None:
    result = cli("init", "asso", "--example", "sport")
    assert result.exit_code == ExitCode.USAGE
    assert "exemple inconnu : « sport »" in result.stderr
    assert "echec-scolaire" in result.stderr


def test_init_without_terminal_never_waits(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "utilsoc", "init", "asso"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "pas de terminal" in completed.stderr
    assert (tmp_path / "asso" / "association.yaml").is_file()


def test_interactive_identity_is_written_quoted(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("utilsoc.cli.commands.init.is_terminal", lambda: True)
    answers = "\n".join(
        [
            "Les Amis: du « quartier »",
            "Vision : #1",
            "Mission",
            "NO",
            "Coopération, écoute",
            "Bienveillante",
            "",
        ]
    )
    result = cli("init", "asso", input=answers)
    assert result.exit_code == 0, result.stderr
    assert cli("-C", "asso", "validate").exit_code == 0
    text = (tmp_path / "asso" / "association.yaml").read_text(encoding="utf-8")
    assert 'nom: "Les Amis: du « quartier »"' in text
    assert 'ambition: "NO"' in text
