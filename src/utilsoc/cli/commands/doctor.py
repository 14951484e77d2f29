"""`utilsoc doctor`: the installation, the folder, git and the optional programs, checked."""

from __future__ import annotations

import typer

from utilsoc.cli.commands.common import base_dir


def cli_command_doctor(ctx: typer.Context) -> None:
    """Vérifier l'installation, le dossier, git et les outils facultatifs, avec les remèdes."""
    from utilsoc.check.doctor import Verdict, diagnose
    from utilsoc.cli.output import echo, paint
    from utilsoc.errors import ExitCode

    findings = diagnose(base_dir(ctx))
    styles = {Verdict.OK: "ok", Verdict.ATTENTION: "avertissement", Verdict.MANQUE: "erreur"}
    width = max(len(finding.item) for finding in findings)
    for finding in findings:
        line = f"{finding.verdict.value:<9} {finding.item:<{width}}  {finding.found}"
        if finding.fix:
            line += f" — {finding.fix}"
        echo(paint(line, styles[finding.verdict], None))
    if any(finding.verdict is Verdict.MANQUE for finding in findings):
        raise typer.Exit(int(ExitCode.DONNEES_INVALIDES))
