"""French for the strings Typer prints itself: help pages and usage errors.

Why: users are French association staff, and Typer offers no public way to choose the
language of its own texts whatever the system locale (its `gettext` hooks follow the
environment, which is often unset on Windows). So the help page is translated once
rendered, through `get_help`, and usage errors are rewritten from the public attributes
of the exception (`option_name`, `possibilities`, `param`, `ctx`): nothing here imports
Typer's private modules, and a text Typer changes only stays in English.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import typer
import typer.core

_MESSAGES = {
    "Missing command.": "commande manquante.",
    "Aborted!": "interrompu.",
}
HELP_TEXT = "Afficher cette aide et quitter."
COMMANDS_TITLE = "Commandes"

# Whole fragments of Typer's help page, whitespace-tolerant: the page is wrapped first.
_HELP = [
    (re.compile(r"^Usage:[ \n]", re.MULTILINE), "Utilisation : "),
    (re.compile(r"^Commands:$", re.MULTILINE), COMMANDS_TITLE + ":"),
    (re.compile(r"\bCOMMAND \[ARGS\]\.\.\."), "COMMANDE [ARGUMENTS]..."),
    (re.compile(r"Show\s+this\s+message\s+and\s+exit\."), HELP_TEXT),
    (re.compile(r"(?<=[\[;])default:(\s+)"), r"défaut :\1"),
    (re.compile(r"(?<=[\[;])env\s+var:(\s+)"), r"variable d'environnement :\1"),
    (re.compile(r"(?<=[\[;])required(?=[\];])"), "obligatoire"),
    (re.compile(r"\(dynamic\)"), "(dynamique)"),
]
# Metavars: Typer ≥ 0.27 shows the Python type, earlier versions Click's names.
_METAVARS = {
    "<str>": "TEXTE",
    "<list[str]>": "TEXTE",
    "<path>": "CHEMIN",
    "<int>": "ENTIER",
    "<float>": "NOMBRE",
    "TEXT": "TEXTE",
    "PATH": "CHEMIN",
    "INTEGER": "ENTIER",
    "FLOAT": "NOMBRE",
}
_METAVAR = re.compile(
    r"(?<![\w<\[|])("
    + "|".join(re.escape(name) for name in sorted(_METAVARS, key=len, reverse=True))
    + r")(?![\w>\]|])()"
)


# A row of a definition list: "  -o, --output PATH  Description" (two spaces at least).
_ROW = re.compile(r"^(  \S.*?)( {2,})(\S.*)$")


def translate_help(text: str) -> str:
    """The help page `text`, in French, its columns kept aligned."""
    for pattern, french in _HELP:
        text = pattern.sub(french, text)
    lines, block = [], []
    for line in text.split("\n"):
        if line.startswith("  "):
            block.append(line)
            continue
        lines += _aligned(block)
        block = []
        lines.append(line)
    return "\n".join(lines + _aligned(block))


def _metavars(text: str) -> str:
    return _METAVAR.sub(lambda match: _METAVARS[match[1]] + match[2], text)


def _aligned(block: list[str]) -> list[str]:
    """The lines of one section, French metavars in the first column, realigned.

    Why: a French name can be longer than the English one; the descriptions, wrapped
    lines included, move right together so the columns stay straight.
    """
    rows = [_ROW.match(line) for line in block]
    starts = {row.start(3) for row in rows if row}
    if len(starts) != 1:
        return [_metavars(line) for line in block]
    column = starts.pop()
    firsts = [_metavars(row[1]) if row else "" for row in rows]
    moved = max(column, *(len(first) + 2 for first in firsts))
    return [
        _moved(line, row, first, column, moved)
        for line, row, first in zip(block, rows, firsts, strict=True)
    ]


def _moved(line: str, row: re.Match[str] | None, first: str, column: int, moved: int) -> str:
    """One line of a section, its description moved from `column` to `moved`."""
    if row:
        return first.ljust(moved) + row[3]
    if not line[:column].strip():  # a wrapped description
        return " " * moved + line[column:]
    return _metavars(line)


class _FrenchHelp:
    def get_help(self, ctx: Any) -> str:
        text: str = super().get_help(ctx)  # type: ignore[misc]
        return translate_help(text)


class FrenchGroup(_FrenchHelp, typer.core.TyperGroup):
    """A group of commands, with a French help page."""


class FrenchCommand(_FrenchHelp, typer.core.TyperCommand):
    """A command with a French help page."""


def is_usage_error(error: BaseException) -> bool:
    """True for the errors Typer raises when the command line itself is wrong.

    Why: from Typer 0.26 their class lives in a private module; their public shape
    (exit code 2, `format_message`, the context) is what every version shares.
    """
    return (
        getattr(error, "exit_code", None) == 2
        and callable(getattr(error, "format_message", None))
        and hasattr(error, "ctx")
    )


def is_help_request(error: BaseException) -> bool:
    """True when the usage "error" is the help page (a group called without command)."""
    ctx = getattr(error, "ctx", None)
    if ctx is None:
        return False
    try:
        return bool(error.format_message() == ctx.get_help())  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any failure means: not the help page
        return False


def usage_message(error: Any) -> str:
    """French text for a usage error raised by the parser."""
    if isinstance(getattr(error, "option_name", None), str) and hasattr(error, "possibilities"):
        hint = ""
        if error.possibilities:
            hint = f" — vouliez-vous dire {' ou '.join(sorted(error.possibilities))} ?"
        return f"option inconnue : {error.option_name}{hint}"
    if isinstance(error, typer.BadParameter):
        return _parameter_message(error)
    message = str(error.format_message())
    if message.startswith("No such command"):
        return _unknown_command(error, message)
    if message.startswith("Got unexpected extra argument"):
        return "argument en trop : " + message.split("(")[-1].rstrip(")")
    return _MESSAGES.get(message, message)


def _parameter_message(error: Any) -> str:
    name = _param_name(getattr(error, "param", None))
    if hasattr(error, "param_type"):  # a missing argument or option
        return f"{name} manquant"
    text = str(getattr(error, "message", "") or error.format_message())
    choices = re.search(r"'([^']+)' is not one of (.+?)\.?$", text)
    if choices:
        allowed = choices.group(2).replace("'", "").replace(" or ", ", ")
        return f"valeur invalide pour {name} : « {choices.group(1)} » (possibles : {allowed})"
    return f"valeur invalide pour {name} : {text}"


def _unknown_command(error: Any, message: str) -> str:
    name = message.split("'")[1] if "'" in message else message
    ctx = getattr(error, "ctx", None)
    command: Any = getattr(ctx, "command", None)
    known = list(command.list_commands(ctx)) if hasattr(command, "list_commands") else []
    close = difflib.get_close_matches(name, known, n=1)
    return f"commande inconnue : « {name} »" + (
        f" — vouliez-vous dire « {close[0]} » ?" if close else ""
    )


def _param_name(param: Any) -> str:
    if param is None:
        return "paramètre"
    opts = getattr(param, "opts", None) or [getattr(param, "name", "?")]
    return "/".join(str(opt) for opt in opts)
