"""`utilsoc init`: a new folder from an example, never over existing files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from utilsoc.errors import ExitCode


def test_init_then_validate_a_fresh_folder(cli, tmp_path: Path) -> None:
    created = cli("init", "asso", "--example", "vide")
    assert created.exit_code == 0, created.stderr
    assert (tmp_path / "asso" / "referentiel.yaml").is_file()
    first_line = (tmp_path / "asso" / "referentiel.yaml").read_text(encoding="utf-8").split("\n")[0]
    assert first_line == "# yaml-language-server: $schema=./schemas/referentiel.schema.json"
    cadre = next((tmp_path / "asso" / "cadres-logiques").glob("*.yaml"))
    assert cadre.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/cadre-logique.schema.json\n"
    )
    assert ".utilsoc-cache/" in (tmp_path / "asso" / ".gitignore").read_text(encoding="utf-8")
    assert (tmp_path / "asso" / "README.md").is_file()
    result = cli("-C", "asso", "validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("référentiel valide : 1 domaine, 1 critère, 1 indicateur")


def test_init_refuses_to_overwrite_and_changes_nothing(cli, tmp_path: Path) -> None:
    assert cli("init", "asso", "--example", "vide").exit_code == 0
    target = tmp_path / "asso" / "referentiel.yaml"
    target.write_text(
        "# modifié à la main\n" + target.read_text(encoding="utf-8"), encoding="utf-8"
    )
    before = {p: p.read_bytes() for p in (tmp_path / "asso").rglob("*") if p.is_file()}
    result = cli("init", "asso", "--example", "vide")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "contient déjà un référentiel" in result.stderr
    after = {p: p.read_bytes() for p in (tmp_path / "asso").rglob("*") if p.is_file()}
    assert after == before


def test_init_refuses_a_folder_with_one_of_its_files(cli, tmp_path: Path) -> None:
    (tmp_path / "asso").mkdir()
    (tmp_path / "asso" / "README.md").write_text("le nôtre\n", encoding="utf-8")
    result = cli("init", "asso", "--example", "vide")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "README.md" in result.stderr
    assert sorted(p.name for p in (tmp_path / "asso").iterdir()) == ["README.md"]


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
