"""`utilsoc validate`: every problem of the référentiel, at its file, line and column."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utilsoc.cli.commands.common import Format, base_dir

if TYPE_CHECKING:
    from utilsoc.folder import Outcome
    from utilsoc.project import Layout


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
    from utilsoc.folder import check_folder
    from utilsoc.project import find_root

    layout = find_root(base_dir(ctx, dossier))
    outcome = check_folder(layout)
    errors = outcome.errors
    outcome = _with_network(layout, outcome)
    if format is Format.JSON:
        print_json([issue.to_dict() for issue in outcome.issues])
    else:
        print_issues(outcome.issues)
        if errors:
            noun = "problème" if len(errors) == 1 else "problèmes"
            note(paint(f"référentiel invalide : {len(errors)} {noun}", "erreur"))
        else:
            echo(paint(f"référentiel valide : {outcome.summary}", "ok", None))
    if errors:
        raise typer.Exit(int(ExitCode.DONNEES_INVALIDES))


def _with_network(layout: Layout, outcome: Outcome) -> Outcome:
    """A member of a network in a parent folder: its `commun:` links too, as warnings."""
    from utilsoc.network.member import enclosing_network

    if enclosing_network(layout.root) is None:  # the usual case: no import, one stat a level
        return outcome
    from dataclasses import replace

    from utilsoc.network.member import member_link_warnings

    found = member_link_warnings(layout)
    return replace(outcome, issues=sorted([*outcome.issues, *found], key=lambda i: i.sort_key))
