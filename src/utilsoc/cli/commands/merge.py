"""`utilsoc merge`: one consolidated view of every contributor's measurement files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utilsoc.cli.commands.common import Force, base_dir


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
    force: Force = False,
) -> None:
    """Consolider les fichiers de mesures : valeurs en vigueur, remplacements, conflits."""
    from utilsoc.cli.output import echo
    from utilsoc.compute.consolidation import consolidate_folder, consolidated_text
    from utilsoc.errors import DataErrors, Issue
    from utilsoc.project import display_path, find_root
    from utilsoc.store.atomic import write_atomic
    from utilsoc.store.outputs import check_output, record_output

    layout = find_root(base_dir(ctx))
    if output is not None:
        check_output(layout, base_dir(ctx, output), "merge", force)
    result = consolidate_folder(layout)
    if result.issues:
        raise DataErrors(result.issues)
    echo(
        f"{result.files} fichier(s), {result.records} enregistrement(s) : "
        f"{len(result.merged.current)} valeur(s) en vigueur, {result.replaced} remplacée(s), "
        f"{len(result.merged.conflicts)} conflit(s)"
    )
    if result.merged.conflicts:
        raise DataErrors(
            [
                Issue(
                    source.file,
                    source.line,
                    1,
                    "conflit-de-valeurs",
                    f"{key[0]} {key[1]} : valeurs différentes ("
                    + ", ".join(
                        f"{s.file}:{s.line} {s.value} par {s.author}" for s in result.sources[key]
                    )
                    + ")",
                    "gardez la bonne avec « utilsoc record --replace --motif »",
                )
                for key in sorted(result.merged.conflicts)
                for source in result.sources[key][:1]
            ]
        )
    if output is not None:
        target = base_dir(ctx, output)
        write_atomic(target, consolidated_text(result.merged))
        record_output(layout, target, "merge")
        echo(f"écrit : {display_path(target)}")
