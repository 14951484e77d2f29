"""`utilsoc merge`: one consolidated view of every contributor's measurement files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utilsoc.cli.commands.common import Force, IgnoreErrors, base_dir, print_skipped


def cli_command_merge(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Écrire les valeurs consolidées dans ce fichier YAML.",
            show_default=False,
        ),
    ] = None,
    ignore_errors: IgnoreErrors = False,
    force: Force = False,
) -> None:
    """Consolider les fichiers de mesures : valeurs en vigueur, remplacements, conflits."""
    from utilsoc.cli.output import echo
    from utilsoc.compute.consolidation import consolidated_text
    from utilsoc.folder import open_folder
    from utilsoc.french import plural
    from utilsoc.project import display_path, find_root
    from utilsoc.store.atomic import write_atomic
    from utilsoc.store.outputs import check_output, record_output

    layout = find_root(base_dir(ctx))
    if output is not None:
        check_output(layout, base_dir(ctx, output), "merge", force)
    folder = open_folder(layout, ignore_errors=ignore_errors)
    print_skipped(folder.skipped)
    measures = folder.measures
    replaced = sum(1 for record in folder.records if record.remplace is not None)
    echo(
        f"{plural(folder.checked.files, 'fichier')}, "
        f"{plural(len(folder.records), 'enregistrement')} : "
        f"{plural(len(measures.records), 'valeur')} en vigueur, "
        f"{plural(replaced, 'remplacée')}, {plural(len(measures.conflicts), 'conflit')}"
    )
    if output is not None:
        target = base_dir(ctx, output)
        write_atomic(target, consolidated_text(measures.records))
        record_output(layout, target, "merge")
        echo(f"écrit : {display_path(target)}")
