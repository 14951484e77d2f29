"""`utilsoc init`: create an association's folder from an example."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utilsoc.cli.commands.common import base_dir

if TYPE_CHECKING:
    from utilsoc.actions.init import Identity


def cli_command_init(
    ctx: typer.Context,
    dossier: Annotated[Path, typer.Argument(help="Dossier à créer pour l'association.")],
    example: Annotated[
        str | None,
        typer.Option(
            "--example",
            "-e",
            help="vide, echec-scolaire, mediation-numerique ou lien-social.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Créer le référentiel d'une association, à partir d'un exemple complet."""
    from utilsoc.actions.init import scaffold
    from utilsoc.cli.output import echo, note
    from utilsoc.french import plural
    from utilsoc.project import display_path

    target = base_dir(ctx, dossier)
    identity = None
    if example is None:
        example = "vide"
        if is_terminal():
            identity = _ask_identity()
        else:
            note("pas de terminal : référentiel vide commenté créé (voir --example)")
    written = scaffold(target, example, identity)
    echo(f"référentiel créé dans {display_path(target)} ({plural(len(written), 'fichier')})")
    echo(f"étape suivante : cd {display_path(target)} && utilsoc validate")


def is_terminal() -> bool:
    """True when a person can answer questions on standard input."""
    return sys.stdin.isatty()


def _ask_identity() -> Identity:
    from utilsoc.actions.init import Identity

    def ask(question: str) -> str:
        return str(typer.prompt(question)).strip()

    def ask_list(question: str) -> list[str]:
        return [part.strip() for part in ask(question).split(",") if part.strip()]

    echo = typer.echo
    echo("Carte d'identité de l'association (Ctrl-C pour annuler)")
    return Identity(
        nom=ask("Nom de l'association"),
        vision=ask("Vision (le problème tel que vous le voyez)"),
        mission=ask("Mission (ce que vous faites)"),
        ambition=ask("Ambition (ce que vous voulez changer)"),
        valeurs=ask_list("Valeurs (séparées par des virgules)"),
        personnalite=ask_list("Personnalité, ton de la communication (séparé par des virgules)"),
    )
