"""The `utilsoc` command: options common to all commands, and the error net."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from utilsoc import __version__
from utilsoc.cli import french
from utilsoc.cli.commands.catalogue import cli_command_catalogue
from utilsoc.cli.commands.doctor import cli_command_doctor
from utilsoc.cli.commands.evidence import cli_command_evidence, cli_command_questionnaire
from utilsoc.cli.commands.init import cli_command_init
from utilsoc.cli.commands.merge import cli_command_merge
from utilsoc.cli.commands.privacy import cli_command_donnees_personnelles
from utilsoc.cli.commands.record import cli_command_record
from utilsoc.cli.commands.report import cli_command_report
from utilsoc.cli.commands.schema import cli_command_schema
from utilsoc.cli.commands.status import cli_command_status
from utilsoc.cli.commands.tables import cli_command_export, cli_command_import
from utilsoc.cli.commands.validate import cli_command_validate
from utilsoc.cli.commands.workbook import cli_command_formulaire, cli_command_saisie
from utilsoc.cli.errors import DEBUG, run_guarded
from utilsoc.errors import UsageError

COMMANDS: dict[str, Callable[..., None]] = {
    "init": cli_command_init,
    "validate": cli_command_validate,
    "record": cli_command_record,
    "evidence": cli_command_evidence,
    "questionnaire": cli_command_questionnaire,
    "merge": cli_command_merge,
    "import": cli_command_import,
    "export": cli_command_export,
    "saisie": cli_command_saisie,
    "formulaire": cli_command_formulaire,
    "status": cli_command_status,
    "report": cli_command_report,
    "schema": cli_command_schema,
    "catalogue": cli_command_catalogue,
    "doctor": cli_command_doctor,
    "donnees-personnelles": cli_command_donnees_personnelles,
}
GROUPS = {
    "templates": "Voir et adapter les modèles de rapports.",
    "indicateur": "Ajouter au référentiel des indicateurs du catalogue.",
    "reseau": "Travailler en réseau : référentiel commun, membres, totaux du réseau.",
    "participant": "Les données d'un participant : les effacer (RGPD).",
    "entretien": "Entretiens : imprimer un guide, enregistrer un entretien.",
}


class UtilsocGroup(french.FrenchGroup):
    """Runs a command, turning every error into a French message and an exit code."""

    def list_commands(self, ctx: Any) -> list[str]:  # noqa: ARG002 - same for any context
        """Every command name, also those this run did not build (for suggestions)."""
        return [*COMMANDS, *GROUPS]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """List commands with the first line of their docstring, without building them."""
        width = formatter.width - 6 - max(len(name) for name in self.list_commands(ctx))
        rows = [
            (name, short_help(inspect.getdoc(function) or "", width))
            for name, function in COMMANDS.items()
        ]
        rows += [(name, short_help(text, width)) for name, text in GROUPS.items()]
        with formatter.section(french.COMMANDS_TITLE):
            formatter.write_dl(rows)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command; print errors in French; exit with the documented code."""
        result: list[Any] = [0]

        def invoke() -> None:
            try:
                result[0] = super(UtilsocGroup, self).main(
                    args,
                    prog_name or "utilsoc",
                    complete_var,
                    standalone_mode=False,
                    windows_expand_args=windows_expand_args,
                    **extra,
                )
            except typer.Abort:
                raise KeyboardInterrupt from None
            except Exception as error:
                if french.is_usage_error(error) and french.is_help_request(error):
                    sys.stdout.write(str(error.format_message()) + "\n")  # type: ignore[attr-defined]
                    return
                raise _french_usage_error(error) from None

        code = run_guarded(invoke)
        if code == 0 and isinstance(result[0], int):
            code = result[0]
        if standalone_mode:
            sys.stdout.flush()
            sys.exit(code)
        return code


def _french_usage_error(error: Exception) -> Exception:
    """The French `UsageError` for a parser error; any other error unchanged."""
    if not french.is_usage_error(error):
        if callable(getattr(error, "format_message", None)) and hasattr(error, "exit_code"):
            return UsageError(str(error.format_message()))  # type: ignore[attr-defined]
        return error
    ctx = getattr(error, "ctx", None)
    command = getattr(ctx, "command_path", None) or "utilsoc"
    return UsageError(french.usage_message(error), f"voir « {command} --help »")


def short_help(text: str, width: int) -> str:
    """The first line of `text`, cut at a word with "..." to fit in `width`."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    if len(line) <= width:
        return line
    words, shown = line.split(), ""
    for word in words:
        if len(shown) + len(word) + 1 + 3 > width:
            break
        shown = f"{shown} {word}" if shown else word
    return shown.rstrip(",;:") + "..."


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"utilsoc {__version__}\n")
        raise typer.Exit()


def cli_callback(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Option(
            "-C", "--dir", help="Travailler dans ce dossier (comme « git -C »).", show_default=False
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Afficher la trace complète en cas d'erreur interne.")
    ] = False,
    version: Annotated[  # noqa: ARG001 - handled by its eager callback
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Afficher la version et quitter.",
        ),
    ] = False,
) -> None:
    """Évaluer et rendre compte de l'utilité sociale d'une association."""
    DEBUG["on"] = debug
    ctx.obj = {"dir": directory}


def build_app(names: Iterable[str]) -> typer.Typer:
    """The `utilsoc` application with only the commands `names` built.

    Why: Typer turns every registered function into a command on each run; building the
    fourteen costs more than the rest of `--help`. The help page lists them all from
    their docstrings either way.
    """
    application = typer.Typer(
        cls=UtilsocGroup,
        name="utilsoc",
        help="Évaluer et rendre compte de l'utilité sociale d'une association, "
        "à partir de fichiers YAML gardés dans git.",
        add_completion=False,
        no_args_is_help=True,
        subcommand_metavar="COMMANDE [ARGUMENTS]...",
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(cli_callback)
    for name in names:
        if name in COMMANDS:
            application.command(name, cls=french.FrenchCommand)(COMMANDS[name])
        elif name == "templates":
            from utilsoc.cli.commands.report import templates_app

            application.add_typer(
                templates_app, name=name, cls=french.FrenchGroup, help=GROUPS[name]
            )
        elif name == "indicateur":
            from utilsoc.cli.commands.indicateur import indicateur_app

            application.add_typer(
                indicateur_app, name=name, cls=french.FrenchGroup, help=GROUPS[name]
            )
        elif name == "reseau":
            from utilsoc.cli.commands.reseau import reseau_app

            application.add_typer(reseau_app, name=name, cls=french.FrenchGroup, help=GROUPS[name])
        elif name == "participant":
            from utilsoc.cli.commands.privacy import participant_app

            application.add_typer(
                participant_app, name=name, cls=french.FrenchGroup, help=GROUPS[name]
            )
        elif name == "entretien":
            from utilsoc.cli.commands.entretien import entretien_app

            application.add_typer(
                entretien_app, name=name, cls=french.FrenchGroup, help=GROUPS[name]
            )
    return application


_GLOBAL_WITH_VALUE = ("-C", "--dir")


def command_named(args: Sequence[str]) -> list[str]:
    """The command `args` run, as a one-item list; empty when none is known.

    Only the options of `utilsoc` itself can come before the command; the parser still
    reads the whole line afterwards, this only decides which command to build.
    """
    items = iter(args)
    for arg in items:
        if arg == "--":
            arg = next(items, "")
        elif arg in _GLOBAL_WITH_VALUE:
            next(items, None)
            continue
        elif arg.startswith("-"):
            continue
        return [arg] if arg in COMMANDS or arg in GROUPS else []
    return []


app = build_app([*COMMANDS, *GROUPS])


def main() -> None:
    """Entry point of the `utilsoc` script."""
    build_app(command_named(sys.argv[1:]))(prog_name="utilsoc")
