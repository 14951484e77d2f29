"""Helpers shared by the commands: the working folder."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer


class Format(StrEnum):
    """Output formats of the commands that print results: for people, or for a program."""

    TEXTE = "texte"
    JSON = "json"


def base_dir(ctx: typer.Context, given: Path | None = None) -> Path:
    """The folder a command works on: `-C DIR` (else the current one), joined with `given`."""
    root = ctx.find_root()
    chosen = (root.obj or {}).get("dir") if isinstance(root.obj, dict) else None
    base = Path(chosen) if chosen else Path.cwd()
    return base / given if given is not None else base
