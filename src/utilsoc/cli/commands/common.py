"""Helpers shared by the commands: the working folder."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Format(StrEnum):
    """Output formats of the commands that print results: for people, or for a program."""

    TEXTE = "texte"
    JSON = "json"


# `--force` of the commands that write an output file (report, merge, export).
Force = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Remplacer le fichier de sortie même s'il n'a pas été écrit par cette commande "
        "(jamais un fichier de l'association).",
    ),
]


def base_dir(ctx: typer.Context, given: Path | None = None) -> Path:
    """The folder a command works on: `-C DIR` (else the current one), joined with `given`."""
    root = ctx.find_root()
    chosen = (root.obj or {}).get("dir") if isinstance(root.obj, dict) else None
    base = Path(chosen) if chosen else Path.cwd()
    return base / given if given is not None else base
