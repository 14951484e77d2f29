"""Printing: data on stdout, diagnostics on stderr, colour only on a terminal.

Every line goes through `safe`: a label, a file name or a value read from the
association's files is user text, and must never drive the terminal.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from utilsoc.errors import Issue

_COLOURS = {
    "erreur": typer.colors.RED,
    "avertissement": typer.colors.YELLOW,
    "ok": typer.colors.GREEN,
}

# C0 and C1 control characters, DEL, and the Unicode marks that reorder or hide text
# (bidirectional overrides and isolates, zero-width characters, line separators).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")

_LINE_ENDS = re.compile(r"(\r?\n)")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    r"""`text` with every control character shown as a visible escape such as `\x1b`."""
    return _UNSAFE.sub(_escaped, text)


def safe_lines(text: str) -> str:
    """Several lines made safe one by one, their line ends (LF or CR LF) kept."""
    parts = _LINE_ENDS.split(text)
    return "".join(part if index % 2 else safe(part) for index, part in enumerate(parts))


def _coloured(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


class _Painted(str):
    """Text made safe, then coloured: printed as it is."""

    __slots__ = ()


def paint(text: str, style: str, stream: Any = None) -> str:
    """`text` made safe, in the colour of `style` when `stream` (stderr) is a terminal."""
    text = safe(text)
    if style in _COLOURS and _coloured(stream or sys.stderr):
        text = typer.style(text, fg=_COLOURS[style])
    return _Painted(text)


def _line(text: str) -> str:
    return (text if isinstance(text, _Painted) else safe(text)) + "\n"


def echo(text: str = "") -> None:
    """Print a line of data on stdout."""
    sys.stdout.write(_line(text))


def note(text: str) -> None:
    """Print a line of information on stderr."""
    sys.stderr.write(_line(text))


def print_issues(issues: Iterable[Issue]) -> None:
    """Print issues on stderr, one per line (with the source line for syntax errors)."""
    for issue in issues:
        sys.stderr.write(_line(paint(issue.format(), issue.severity)))
        if issue.snippet:
            line = issue.snippet.expandtabs(1)
            caret = " " * len(safe(line[: issue.column - 1])) + "^"
            sys.stderr.write(f"    {safe(line)}\n    {caret}\n")


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
