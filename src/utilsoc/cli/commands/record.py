"""`utilsoc record`: log one value of an indicator."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from utilsoc.cli.commands.common import base_dir


def cli_command_record(
    ctx: typer.Context,
    indicateur: Annotated[
        str | None,
        typer.Argument(
            help="Code de l'indicateur (sans argument : saisie guidée).", show_default=False
        ),
    ] = None,
    valeur: Annotated[
        str | None,
        typer.Argument(
            help="Valeur : 42, 3,5, true/false, un texte ; un taux par ses deux termes : 37/94.",
            show_default=False,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            help="Période : 2025, 2025-S1, 2025-T1, 2025-03, 2024-2025...",
            show_default=False,
        ),
    ] = None,
    dim: Annotated[
        list[str] | None,
        typer.Option(
            "--dim",
            "-d",
            help="Valeur d'une dimension, par exemple --dim site=Brest.",
            show_default=False,
        ),
    ] = None,
    numerateur: Annotated[
        str | None,
        typer.Option(
            "--numerateur",
            help="Pour un taux, à la place de VALEUR : ce que l'on compte (avec --denominateur).",
            show_default=False,
        ),
    ] = None,
    denominateur: Annotated[
        str | None,
        typer.Option(
            "--denominateur",
            help="Pour un taux : sur combien (avec --numerateur).",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Commentaire.")] = None,
    author: Annotated[
        str | None,
        typer.Option(
            "--author",
            "-a",
            help="Qui enregistre (par défaut : l'utilisateur git).",
            show_default=False,
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Remplacer une valeur déjà enregistrée (avec --motif)."),
    ] = False,
    motif: Annotated[
        str | None,
        typer.Option("--motif", help="Raison du remplacement, gardée dans l'historique."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Date d'enregistrement AAAA-MM-JJ (par défaut : aujourd'hui).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Enregistrer une valeur d'indicateur pour une période (sans argument : saisie guidée)."""
    from utilsoc.actions.record import Request, record_value
    from utilsoc.cli.output import echo
    from utilsoc.model.load import load_valid_project
    from utilsoc.project import find_root

    _check_pairs(replace, motif, valeur, numerateur, denominateur)
    layout = find_root(base_dir(ctx))
    author = author or default_author()
    if indicateur is None and is_terminal():
        from utilsoc.cli.commands.guided import guided_session

        guided_session(layout, period, author, parse_date(date))
        return
    indicateur, period = _required(indicateur, period, valeur or numerateur)
    _, referentiel = load_valid_project(layout)
    request = Request(
        indicateur,
        valeur,
        period,
        author,
        _dimensions(dim or []),
        note,
        motif,
        parse_date(date),
        numerateur,
        denominateur,
    )
    echo(record_value(layout, referentiel, request))


def _check_pairs(
    replace: bool,
    motif: str | None,
    valeur: str | None,
    numerateur: str | None,
    denominateur: str | None,
) -> None:
    """Options that only go together: --replace and --motif, a rate's two terms."""
    from utilsoc.errors import UsageError

    if replace != (motif is not None):
        raise UsageError(
            "--replace et --motif vont ensemble", 'exemple : --replace --motif "erreur de saisie"'
        )
    terms = (numerateur, denominateur)
    if terms != (None, None) and (None in terms or valeur is not None):
        raise UsageError(
            "--numerateur et --denominateur vont ensemble, à la place de la valeur",
            "exemple : utilsoc record taux_assiduite --numerateur 37 --denominateur 94 -p 2025",
        )


def _required(indicateur: str | None, period: str | None, value: str | None) -> tuple[str, str]:
    """The indicator and the period, given with a value, outside the guided entry."""
    from utilsoc.errors import UsageError

    if indicateur is None or value is None or period is None:
        raise UsageError(
            "indiquez l'indicateur, la valeur et --period",
            "exemple : utilsoc record nb_eleves 42 --period 2025-T1 ; sans argument dans un "
            "terminal, la saisie est guidée",
        )
    return indicateur, period


def is_terminal() -> bool:
    """True when a person can answer questions on standard input."""
    import sys

    return sys.stdin.isatty()


def _dimensions(pairs: list[str]) -> dict[str, str]:
    from utilsoc.errors import UsageError

    result = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise UsageError(f"--dim « {pair} » : écrivez nom=valeur, par exemple site=Brest")
        result[name.strip()] = value.strip()
    return result


def parse_date(text: str | None) -> dt.date | None:
    """`--date` value, or None; a usage error when malformed."""
    from utilsoc.errors import UsageError
    from utilsoc.model.periods import parse_day

    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        raise UsageError(str(error), "par exemple 2025-03-15") from None


def default_author() -> str:
    """The git user name, else the system user: who records by default."""
    import getpass
    import subprocess

    try:
        name = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    return name or getpass.getuser()
