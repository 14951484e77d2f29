"""What every command shares: the folder it works on, and the lines it left out."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from utilsoc.cli.commands.common import base_dir, print_skipped
from utilsoc.codes import Code
from utilsoc.errors import Issue


def _folders(obj: object, *args: str) -> list[str]:
    app = typer.Typer()

    @app.command()
    def show(ctx: typer.Context, given: Path | None = None) -> None:
        typer.echo(base_dir(ctx))
        typer.echo(base_dir(ctx, given))

    result = CliRunner().invoke(app, list(args), obj=obj)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_the_folder_is_dash_c_else_the_current_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _folders({"dir": "asso"}, "--given", "r.md") == ["asso", str(Path("asso", "r.md"))]
    assert _folders(None, "--given", "r.md") == [str(tmp_path), str(tmp_path / "r.md")]
    absolute = tmp_path / "ailleurs" / "r.md"
    assert _folders({"dir": "asso"}, "--given", str(absolute))[1] == str(absolute)


def test_skipped_lines_are_listed_then_counted_once_per_line(capsys) -> None:
    print_skipped([])
    assert capsys.readouterr() == ("", "")
    issues = [
        Issue("m.yaml", 3, 5, Code.NOMBRE_ATTENDU, "nombre attendu"),
        Issue("m.yaml", 3, 20, Code.DIMENSION_INCONNUE, "dimension"),
        Issue("m.yaml", 7, 5, Code.INDICATEUR_INCONNU, "indicateur"),
    ]
    print_skipped(issues)
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[0] for line in lines[:3]] == [
        "m.yaml:3:5",
        "m.yaml:3:20",
        "m.yaml:7:5",
    ]
    assert lines[-1] == "2 lignes laissées de côté (--ignorer-erreurs)"
