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
    from utilsoc.store.cache import (
        folder_digest,
        issues_from_data,
        issues_to_data,
        load_result,
        store_result,
    )

    layout = find_root(base_dir(ctx, dossier))
    # The outcome depends only on the files hashed in the digest (and utilsoc's code):
    # on an unchanged folder it is shown again without loading the models.
    digest = folder_digest(layout)
    outcome = load_result(layout, "validate", digest)
    if outcome is None:
        from utilsoc.check.folder import summarize, validate_project

        result = validate_project(layout)
        summary = summarize(result.project)
        if result.measures:
            summary += f", {result.measures} valeur{'s' if result.measures > 1 else ''}"
        outcome = {"issues": issues_to_data(layout, result.issues), "summary": summary}
        store_result(layout, "validate", digest, outcome)
    # Sorted again: shown from another folder, the files' names (and order) may change.
    issues = sorted(issues_from_data(layout, outcome["issues"]), key=lambda i: i.sort_key)
    errors = [i for i in issues if i.severity == "erreur"]
    if format is Format.JSON:
        print_json([issue.to_dict() for issue in issues])
    else:
        print_issues(issues)
        if errors:
            noun = "problème" if len(errors) == 1 else "problèmes"
            note(paint(f"référentiel invalide : {len(errors)} {noun}", "erreur"))
        else:
            echo(paint(f"référentiel valide : {outcome['summary']}", "ok", None))
    if errors:
        raise typer.Exit(int(ExitCode.DONNEES_INVALIDES))
