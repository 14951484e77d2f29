"""`utilsoc donnees-personnelles` and `utilsoc participant effacer`: the RGPD commands."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from utilsoc.cli.commands.common import Format, base_dir
from utilsoc.cli.french import FrenchCommand

if TYPE_CHECKING:
    from utilsoc.actions.erase import Removed
    from utilsoc.check.inventory import Entry

participant_app = typer.Typer(
    help="Les données d'un participant : les effacer.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

HISTORY = (
    "git garde les anciennes versions : pour les retirer aussi de l'historique, voir "
    "docs/donnees-personnelles.md (git filter-repo ou BFG)"
)


def cli_command_donnees_personnelles(
    ctx: typer.Context,
    format: Annotated[  # noqa: A002 - the option is named --format
        Format, typer.Option("--format", "-f", help="texte (tableau) ou json.")
    ] = Format.TEXTE,
) -> None:
    """Lister les données personnelles du dossier : où, de quel genre, avec quel accord."""
    from utilsoc.check.inventory import inventory
    from utilsoc.cli.output import print_json
    from utilsoc.project import find_root

    entries = inventory(find_root(base_dir(ctx)))
    if format is Format.JSON:
        print_json([entry.to_dict() for entry in entries])
    else:
        _print_inventory(entries)


def _print_inventory(entries: list[Entry]) -> None:
    import sys

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from utilsoc.cli.output import echo, safe

    if not entries:
        echo("aucune donnée personnelle dans ce dossier")
        return
    table = Table(title="Données personnelles")
    for title in ("Où", "Genre", "Donnée", "Consentement", "Fois"):
        table.add_column(title, overflow="fold")
    for entry in entries:
        cells = (f"{entry.file}:{entry.line}", entry.kind, entry.data, entry.consent)
        # The association's text: shown, never read as markup or control characters.
        table.add_row(*(Text(safe(cell)) for cell in cells), str(entry.count))
    Console(width=None if sys.stdout.isatty() else 120, emoji=False).print(table)
    refused = sum(1 for entry in entries if entry.consent == "aucun")
    if refused:
        echo(f"{refused} à retirer ou pseudonymiser (voir « utilsoc validate »)")


@participant_app.command("effacer", cls=FrenchCommand)
def cli_command_participant_effacer(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Code du participant (ou pseudonyme cité).")],
    yes: Annotated[
        bool, typer.Option("--oui", help="Effacer sans demander de confirmation.")
    ] = False,
) -> None:
    """Effacer les réponses, citations, entretiens et récits d'un participant, d'un coup."""
    from utilsoc.actions.erase import erase_participant
    from utilsoc.cli.output import echo, note, safe
    from utilsoc.project import find_root

    removed = erase_participant(find_root(base_dir(ctx)), code, None if yes else _confirm)
    for item in removed:
        echo(safe(f"{item.file}:{item.line}: effacé : {item.what}"))
    noun = "enregistrement effacé" if len(removed) == 1 else "enregistrements effacés"
    echo(f"{len(removed)} {noun} pour le participant « {safe(code)} »")
    note(HISTORY)


def _confirm(removed: list[Removed]) -> bool:
    from utilsoc.cli.output import safe

    for item in removed:
        typer.echo(safe(f"  {item.file}:{item.line}: {item.what}"))
    question = f"Effacer ces {len(removed)} enregistrements ? (o/n)"
    if len(removed) == 1:
        question = "Effacer cet enregistrement ? (o/n)"
    return str(typer.prompt(question, default="n")).strip().lower() in ("o", "oui", "y")
