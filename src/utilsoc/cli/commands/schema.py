"""`utilsoc schema`: write the JSON Schemas editors use to complete and check files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utilsoc.cli.commands.common import base_dir


def cli_command_schema(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Dossier où écrire les schémas (par défaut : schemas/ du "
            "dossier de l'association, ou du dossier courant).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Écrire les schémas JSON des fichiers, pour l'aide à la saisie dans VS Code."""
    from utilsoc.actions.schema import write_schemas
    from utilsoc.cli.output import echo
    from utilsoc.errors import UsageError
    from utilsoc.project import SCHEMAS, display_path, find_root

    if output is None:
        try:
            output = find_root(base_dir(ctx)).root / SCHEMAS
        except UsageError:
            output = base_dir(ctx) / SCHEMAS
    else:
        output = base_dir(ctx, output)
    for path in write_schemas(output):
        echo(f"écrit : {display_path(path)}")
