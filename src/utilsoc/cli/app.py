"""The `utilsoc` command: options common to all commands, and the error net."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer import _click
from typer._click.utils import make_default_short_help
from typer.models import CommandInfo

from utilsoc import __version__
from utilsoc.cli import french
from utilsoc.cli.commands.evidence import cli_command_evidence, cli_command_questionnaire
from utilsoc.cli.commands.init import cli_command_init
from utilsoc.cli.commands.merge import cli_command_merge
from utilsoc.cli.commands.record import cli_command_record
from utilsoc.cli.commands.report import cli_command_report, templates_app
from utilsoc.cli.commands.schema import cli_command_schema
from utilsoc.cli.commands.status import cli_command_status
from utilsoc.cli.commands.tables import cli_command_export, cli_command_import
from utilsoc.cli.commands.validate import cli_command_validate
from utilsoc.cli.errors import DEBUG, run_guarded
from utilsoc.errors import UsageError

french.install()


class UtilsocGroup(french.FrenchGroup):
    """Runs a command, turning every error into a French message and an exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        """The lazily built commands first, then the sub-groups."""
        return [*COMMANDS, *super().list_commands(ctx)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """Build a command from its function the first time it is asked for."""
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        built: dict[str, Any] = self.__dict__.setdefault("_built", {})
        if cmd_name not in built:
            info = CommandInfo(name=cmd_name, cls=french.FrenchCommand, callback=COMMANDS[cmd_name])
            built[cmd_name] = typer.main.get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
        return built[cmd_name]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """List commands with the first line of their docstring, without building them."""
        groups = list(super().list_commands(ctx))
        width = formatter.width - 6 - max(len(name) for name in [*COMMANDS, *groups])
        rows = [
            (name, make_default_short_help(inspect.getdoc(function) or "", width))
            for name, function in COMMANDS.items()
        ]
        for name in groups:
            command = super().get_command(ctx, name)
            if command is not None:
                rows.append((name, command.get_short_help_str(width)))
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
            except _click.exceptions.NoArgsIsHelpError as error:
                sys.stdout.write(error.ctx.get_help() + "\n" if error.ctx else "")
            except _click.exceptions.UsageError as error:
                command = error.ctx.command_path if error.ctx else "utilsoc"
                raise UsageError(
                    french.usage_message(error), f"voir « {command} --help »"
                ) from None
            except typer.Abort:
                raise KeyboardInterrupt from None
            except _click.exceptions.ClickException as error:
                raise UsageError(error.format_message()) from None

        code = run_guarded(invoke)
        if code == 0 and isinstance(result[0], int):
            code = result[0]
        if standalone_mode:
            sys.stdout.flush()
            sys.exit(code)
        return code


app = typer.Typer(
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


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"utilsoc {__version__}\n")
        raise typer.Exit()


@app.callback()
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


# Commands are built on first use: `--help` lists them from their docstrings, and running
# one command does not pay for the parameters of the thirteen others.
COMMANDS: dict[str, Callable[..., None]] = {
    "init": cli_command_init,
    "validate": cli_command_validate,
    "record": cli_command_record,
    "evidence": cli_command_evidence,
    "questionnaire": cli_command_questionnaire,
    "merge": cli_command_merge,
    "import": cli_command_import,
    "export": cli_command_export,
    "status": cli_command_status,
    "report": cli_command_report,
    "schema": cli_command_schema,
}


app.add_typer(templates_app, name="templates", cls=french.FrenchGroup)


def main() -> None:
    """Entry point of the `utilsoc` script."""
    typer.main.get_command(app).main(prog_name="utilsoc")
