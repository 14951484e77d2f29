"""The `utilsoc` command: help, unknown commands, the error net, building one command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode


def test_help_is_french_and_lists_commands(cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "Utilisation : utilsoc" in result.stdout
    assert "Afficher cette aide et quitter." in result.stdout
    for command in ("init", "validate", "schema"):
        assert command in result.stdout
    assert "Show this message" not in result.stdout


def test_no_arguments_shows_help(cli) -> None:
    result = cli()
    assert result.exit_code == 0
    assert "Commandes" in result.stdout


def test_unknown_command_suggests_the_close_one(cli) -> None:
    result = cli("valdate")
    assert result.exit_code == ExitCode.USAGE
    assert "commande inconnue : « valdate » — vouliez-vous dire « validate » ?" in result.stderr


def test_unknown_option_is_a_french_usage_error(cli) -> None:
    result = cli("validate", "--formt", "json")
    assert result.exit_code == ExitCode.USAGE
    assert "option inconnue : --formt" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_a_missing_folder(cli) -> None:
    result = cli("-C", "nulle-part", "validate")
    assert result.exit_code == ExitCode.USAGE
    assert "dossier introuvable" in result.stderr


def test_version(cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("utilsoc ")


def test_internal_error_shows_no_traceback_unless_debug(cli, example, monkeypatch) -> None:
    folder = example("vide")

    def explode(*_args: object) -> None:
        raise RuntimeError("boum")

    monkeypatch.setattr("utilsoc.check.referentiel.check_project", explode)
    result = cli("validate", str(folder))
    assert result.exit_code == ExitCode.BUG
    assert "erreur interne : RuntimeError: boum" in result.stderr
    assert "Traceback" not in result.stderr
    debug = cli("--debug", "validate", str(folder))
    assert debug.exit_code == ExitCode.BUG
    assert "Traceback" in debug.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ([], []),
        (["--help"], []),
        (["validate", "--help"], ["validate"]),
        (["-C", "validate", "status"], ["status"]),
        (["--dir", "x", "--debug", "report", "-o", "merge"], ["report"]),
        (["-Cx", "templates", "list"], ["templates"]),
        (["--", "merge"], ["merge"]),
        (["valdate"], []),
    ],
)
def test_only_the_command_asked_for_is_built(args, named) -> None:
    from utilsoc.cli.app import command_named

    assert command_named(args) == named


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "utilsoc", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_script_builds_the_right_command(example, tmp_path: Path) -> None:
    folder = example("vide")
    listed = _run("--help", cwd=tmp_path)
    assert listed.returncode == 0
    for command in ("init", "report", "templates"):
        assert f"\n  {command} " in listed.stdout
    assert _run("-C", str(folder), "validate", cwd=tmp_path).returncode == 0
    typo = _run("-C", str(folder), "valdate", cwd=tmp_path)
    assert typo.returncode == ExitCode.USAGE
    assert "vouliez-vous dire « validate »" in typo.stderr
    eject = _run("-C", str(folder), "templates", "eject", "bilan", "-f", "md", cwd=tmp_path)
    assert eject.returncode == 0, eject.stderr


def test_the_cli_imports_no_private_module_of_its_libraries() -> None:
    import ast

    import utilsoc.cli

    for path in Path(utilsoc.cli.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.Attribute):
                names = [_dotted(node)]
            for name in names:
                parts = name.split(".")
                private = [p for p in parts[1:] if p.startswith("_") and not p.startswith("__")]
                assert not (parts[0] in {"typer", "click", "rich"} and private), (path, name)
                assert not name.startswith(("typer.main", "typer.models")), (path, name)


def _dotted(node: object) -> str:
    import ast

    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else "?"
