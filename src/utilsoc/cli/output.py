"""Printing: data on stdout, diagnostics on stderr, colour only on a terminal."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from utilsoc.errors import Issue

_COLOURS = {"erreur": "\033[31m", "avertissement": "\033[33m", "ok": "\033[32m"}


def _coloured(stream: Any) -> bool:
    return bool(stream.isatty()) and "NO_COLOR" not in os.environ


def paint(text: str, style: str, stream: Any = None) -> str:
    """Wrap `text` in the colour of `style` when `stream` is a terminal."""
    if not _coloured(stream or sys.stderr):
        return text
    return f"{_COLOURS.get(style, '')}{text}\033[0m"


def echo(text: str = "") -> None:
    """Print a line of data on stdout."""
    sys.stdout.write(text + "\n")


def note(text: str) -> None:
    """Print a line of information on stderr."""
    sys.stderr.write(text + "\n")


def print_issues(issues: Iterable[Issue]) -> None:
    """Print issues on stderr, one per line (with the source line for syntax errors)."""
    for issue in issues:
        sys.stderr.write(paint(issue.format(), issue.severity) + "\n")
        if issue.snippet:
            caret = " " * (issue.column - 1) + "^"
            sys.stderr.write(f"    {issue.snippet.expandtabs(1)}\n    {caret}\n")


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout (accents kept)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
