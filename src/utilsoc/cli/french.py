"""French for the strings Typer and its vendored Click print themselves.

Why: Typer 0.29 vendors Click with English texts; users are French association staff.
Help-page strings go through `typer.core._`, the rest is set by our command classes and by
`usage_message`, which rewrites usage errors caught in `main`.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import typer.core
from typer import _click

_TEXTS = {
    "Arguments": "Arguments",
    "Options": "Options",
    "Commands": "Commandes",
    "required": "obligatoire",
    "default: {default}": "défaut : {default}",
    "env var: {var}": "variable d'environnement : {var}",
    "(dynamic)": "(dynamique)",
    "Aborted!": "Interrompu.",
    "Missing command.": "commande manquante.",
    "No such command {name!r}.": "commande inconnue : {name!r}.",
}
HELP_TEXT = "Afficher cette aide et quitter."
COMMANDS_TITLE = "Commandes"


def _french(text: str) -> str:
    return _TEXTS.get(text, text)


def install() -> None:
    """Route Typer's translatable strings through the French table."""
    typer.core._ = _french  # type: ignore[attr-defined,assignment]


# Same widths as Typer's English metavars, so the help columns stay aligned.
_METAVARS = {
    "<str>": "TEXTE",
    "<list[str]>": "TEXTE      ",
    "<path>": "CHEMIN",
    "<int>": "NOMBR",
    "<float>": "NOMBRE ",
}


class _FrenchHelp:
    def get_help(self, ctx: Any) -> str:
        text: str = super().get_help(ctx)  # type: ignore[misc]
        for english, french in _METAVARS.items():
            text = text.replace(english, french)
        return text

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Utilisation : ")


class FrenchGroup(_FrenchHelp, typer.core.TyperGroup):
    """The main group, with French help strings."""


class FrenchCommand(_FrenchHelp, typer.core.TyperCommand):
    """A command with French help strings."""


def usage_message(error: _click.exceptions.UsageError) -> str:
    """French text for a usage error raised by the parser."""
    exceptions = _click.exceptions
    if isinstance(error, exceptions.NoSuchOption):
        hint = ""
        if error.possibilities:
            hint = f" — vouliez-vous dire {' ou '.join(sorted(error.possibilities))} ?"
        return f"option inconnue : {error.option_name}{hint}"
    if isinstance(error, exceptions.MissingParameter):
        return f"{_param_name(error.param)} manquant"
    if isinstance(error, exceptions.BadParameter):
        name = _param_name(error.param)
        choices = re.search(r"'([^']+)' is not one of (.+?)\.?$", str(error.message))
        if choices:
            allowed = choices.group(2).replace("'", "").replace(" or ", ", ")
            return f"valeur invalide pour {name} : « {choices.group(1)} » (possibles : {allowed})"
        return f"valeur invalide pour {name} : {error.message}"
    message = _french(error.format_message())
    if message.startswith(("No such command", "commande inconnue")):
        name = message.split("'")[1] if "'" in message else message
        command: Any = error.ctx.command if error.ctx else None
        known = list(command.list_commands(error.ctx)) if hasattr(command, "list_commands") else []
        close = difflib.get_close_matches(name, known, n=1)
        return f"commande inconnue : « {name} »" + (
            f" — vouliez-vous dire « {close[0]} » ?" if close else ""
        )
    if message.startswith("Got unexpected extra argument"):
        return "argument en trop : " + message.split("(")[-1].rstrip(")")
    return _french(message)


def _param_name(param: Any) -> str:
    if param is None:
        return "paramètre"
    opts = getattr(param, "opts", None) or [getattr(param, "name", "?")]
    return "/".join(str(opt) for opt in opts)
