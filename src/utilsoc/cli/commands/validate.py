"""`utilsoc validate`: every problem of the référentiel, at its file, line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utilsoc.cli.commands.common import Format, base_dir


def cli_command_validate(
    ctx: typer.Context,
    dossier: Annotated[
        Path | None,
        typer.Argument(
            help="Dossier de l'association (par défaut : le dossier courant).", show_default=False
        ),
    ] = None,
    format: Annotated[
        Format,
        typer.Option(  # noqa: A002 - the option is named --format
            "--format", "-f", help="texte (lisible) ou json (pour un autre outil)."
        ),
    ] = Format.TEXTE,
) -> None:
    """Vérifier le référentiel : chaque problème avec son fichier, sa ligne et sa colonne."""
    from utilsoc.cli.output import echo, note, paint, print_issues, print_json
    from utilsoc.errors import ExitCode
    from utilsoc.project import find_root
    from utilsoc.validate import summarize, validate_project

    layout = find_root(base_dir(ctx, dossier))
    result = validate_project(layout)
    errors = [i for i in result.issues if i.severity == "erreur"]
    if format is Format.JSON:
        print_json([issue.to_dict() for issue in result.issues])
    else:
        print_issues(result.issues)
        if errors:
            noun = "problème" if len(errors) == 1 else "problèmes"
            note(paint(f"référentiel invalide : {len(errors)} {noun}", "erreur"))
        else:
            summary = summarize(result.project)
            if result.measures:
                summary += f", {result.measures} valeur{'s' if result.measures > 1 else ''}"
            echo(paint(f"référentiel valide : {summary}", "ok", None))
    if errors:
        raise typer.Exit(int(ExitCode.DONNEES_INVALIDES))
