"""`utilsoc indicateur ajouter`: copy an indicator of the catalogue into the référentiel."""

from __future__ import annotations

from typing import Annotated

import typer

from utilsoc.cli.commands.common import base_dir
from utilsoc.cli.french import FrenchCommand

indicateur_app = typer.Typer(
    help="Ajouter au référentiel des indicateurs du catalogue.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@indicateur_app.command("ajouter", cls=FrenchCommand)
def cli_command_indicateur_ajouter(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Code de l'indicateur dans le catalogue.")],
    critere: Annotated[
        str,
        typer.Option("--critere", "--critère", help="Code du critère qui recevra l'indicateur."),
    ],
    new_code: Annotated[
        str | None,
        typer.Option(
            "--code",
            help="Code de l'indicateur dans le référentiel (par défaut, celui du catalogue).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Copier un indicateur du catalogue sous un critère de referentiel.yaml."""
    from utilsoc.actions.indicateur import add_from_catalogue
    from utilsoc.catalogue import dimensions
    from utilsoc.cli.output import echo, note
    from utilsoc.project import display_path, find_root

    layout = find_root(base_dir(ctx))
    added = add_from_catalogue(layout, code, critere, new_code)
    echo(
        f"{display_path(layout.referentiel)}:{added.line}: indicateur « {added.code} » "
        f"ajouté sous le critère « {added.critere} » (catalogue : {added.catalogue})"
    )
    suggested = dimensions()
    for name in added.missing_dimensions:
        known = suggested.get(name)
        values = ", ".join(known.valeurs) if known else ""
        note(
            f"dimension suggérée « {name} » non déclarée dans le référentiel ; pour ventiler "
            f"selon elle, déclarez-la sous « dimensions: » ({values}) puis ajoutez-la à "
            "l'indicateur"
        )
    note("à compléter : source, collecté_par, référence et cibles ; puis « utilsoc validate »")
