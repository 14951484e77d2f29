"""Helpers shared by the commands: the working folder, the options of the read gate."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from utilsoc.errors import Issue


class Format(StrEnum):
    """Output formats of the commands that print results: for people, or for a program."""

    TEXTE = "texte"
    JSON = "json"


class ReportLanguage(StrEnum):
    """Languages a report can be written in (`report --langue`, `reseau report --langue`)."""

    FR = "fr"
    EN = "en"


# `--force` of the commands that write an output file (report, merge, export, status).
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


IgnoreErrors = Annotated[
    bool,
    typer.Option(
        "--ignorer-erreurs",
        help="Calculer sur les seules lignes de mesures valides, en listant celles laissées "
        "de côté (les erreurs du référentiel ne s'ignorent pas).",
    ),
]


def print_skipped(skipped: list[Issue]) -> None:
    """List the measurement lines a command left out (`--ignorer-erreurs`), then count them."""
    from utilsoc.cli.output import note, paint, print_issues
    from utilsoc.folder import lines_left_out

    if not skipped:
        return
    print_issues(skipped)
    lines = lines_left_out(skipped)
    noun = "ligne laissée" if lines == 1 else "lignes laissées"
    note(paint(f"{lines} {noun} de côté (--ignorer-erreurs)", "avertissement"))
