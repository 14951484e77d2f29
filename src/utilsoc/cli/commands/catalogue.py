"""`utilsoc catalogue`: the indicators shipped with utilsoc, grouped by registre."""

from __future__ import annotations

from typing import Annotated

import typer

from utilsoc.cli.commands.common import Format


def cli_command_catalogue(
    registre: Annotated[
        str | None,
        typer.Option(
            "--registre",
            "-r",
            help="Seulement ce registre (son code ou son nom : sante, « Santé et bien-être »).",
            show_default=False,
        ),
    ] = None,
    cherche: Annotated[
        str | None,
        typer.Option(
            "--cherche",
            "-c",
            help="Seulement les indicateurs contenant ces mots (code, libellé ou "
            "définition ; accents et majuscules indifférents).",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="texte ou json."),  # noqa: A002
    ] = Format.TEXTE,
) -> None:
    """Lister le catalogue d'indicateurs d'utilité sociale, par registre."""
    from utilsoc.catalogue.search import entry_data, search
    from utilsoc.cli.output import echo, note, print_json

    found = search(registre, cherche)
    if format is Format.JSON:
        print_json([entry_data(entry) for entry in found])
        return
    if not found:
        note(f"aucun indicateur du catalogue ne contient « {cherche} »")
        return
    width = max(len(entry.indicateur.code) for entry in found)
    shown = None
    for entry in found:
        if entry.registre is not shown:
            if shown is not None:
                echo()
            echo(f"{entry.registre.nom} ({entry.registre.code})")
            shown = entry.registre
        ind = entry.indicateur
        kind = ind.type.value + (f", {ind.unite}" if ind.unite else "")
        echo(f"  {ind.code:<{width}}  {ind.libelle} — {kind}")
    count = len(found)
    note(
        f"{count} indicateur{'s' if count > 1 else ''} ; pour en copier un dans le "
        "référentiel : utilsoc indicateur ajouter CODE --critere CRITÈRE"
    )
