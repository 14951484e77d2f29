"""Printing: data on stdout, diagnostics on stderr, colour only on a terminal."""

from __future__ import annotations

import json
import math
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
    """Print data as indented JSON on stdout (accents kept), always valid JSON.

    Why: `json.dumps` writes `NaN` and `Infinity` by default, which no JSON reader accepts.
    Numbers are bounded when read, so none should reach here; if one does, it is printed
    as null (not computable) rather than breaking the output.
    """
    try:
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False)
    sys.stdout.write(text + "\n")


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data
