"""`utilsoc evidence` and `utilsoc questionnaire`: qualitative evidence and entry/exit scores."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

import typer

from utilsoc.cli.commands.common import base_dir


class Kind(StrEnum):
    """Kinds of qualitative evidence."""

    VERBATIM = "verbatim"
    FAIT = "fait"
    INATTENDU = "inattendu"
    PISTE = "piste"
    PARTENARIAT = "partenariat"


# Arguments and options, named here so the command's signature reads at a glance.
_Role = Annotated[
    str | None,
    typer.Option("--role", help="verbatim : bénéficiaire, bénévole, salarié, partenaire..."),
]

_Pseudo = Annotated[
    str | None,
    typer.Option(
        "--pseudo", help="verbatim : prénom seul, initiales ou code (jamais le nom complet)."
    ),
]

_Consent = Annotated[
    bool | None,
    typer.Option(
        "--consent/--no-consent",
        help="verbatim : la personne accepte-t-elle d'être citée ?",
        show_default=False,
    ),
]

_FullName = Annotated[
    bool,
    typer.Option("--nom-complet", help="verbatim : accepter un nom complet (avec l'accord écrit)."),
]

_Title = Annotated[str | None, typer.Option("--titre", help="fait : titre court.")]

_Nature = Annotated[str | None, typer.Option("--nature", help="inattendu : positif ou négatif.")]

_Analysis = Annotated[
    str | None, typer.Option("--analyse", help="piste : pourquoi cela n'a pas marché.")
]

_Action = Annotated[str | None, typer.Option("--action", help="piste : ce qui va changer.")]

_Cadre = Annotated[
    str | None, typer.Option("--cadre", help="Code du cadre logique (financeur) concerné.")
]

_Expectation = Annotated[
    list[str] | None,
    typer.Option("--attente", help="partenariat : une attente envers le financeur (répétable)."),
]

_Criterion = Annotated[
    list[str] | None, typer.Option("--critere", help="Code d'un critère illustré (répétable).")
]

_Indicator = Annotated[
    list[str] | None,
    typer.Option("--indicateur", help="Code d'un indicateur illustré (répétable)."),
]

_Author = Annotated[str | None, typer.Option("--author", "-a", help="Qui enregistre.")]

_Date = Annotated[str | None, typer.Option("--date", help="Date AAAA-MM-JJ.")]


def cli_command_evidence(
    ctx: typer.Context,
    genre: Annotated[Kind, typer.Argument(help="verbatim, fait, inattendu, piste ou partenariat.")],
    texte: Annotated[
        str,
        typer.Argument(help="La citation, le récit, le résultat, le constat ou l'appréciation."),
    ],
    period: Annotated[str, typer.Option("--period", "-p", help="Période concernée.")],
    role: _Role = None,
    pseudo: _Pseudo = None,
    consent: _Consent = None,
    full_name: _FullName = False,
    title: _Title = None,
    nature: _Nature = None,
    analysis: _Analysis = None,
    action: _Action = None,
    cadre: _Cadre = None,
    expectation: _Expectation = None,
    criterion: _Criterion = None,
    indicator: _Indicator = None,
    author: _Author = None,
    date: _Date = None,
) -> None:
    """Enregistrer une preuve qualitative : verbatim, fait marquant, résultat inattendu..."""
    fields = {
        "rôle": role,
        "pseudonyme": pseudo,
        "consentement": None if consent is None else str(consent).lower(),
        "nom_complet": "true" if full_name else None,
        "titre": title,
        "nature": nature,
        "analyse": analysis,
        "action": action,
        "cadre": cadre,
        "attentes": expectation or None,
        "critères": criterion or [],
        "indicateurs": indicator or [],
    }
    _run(ctx, genre.value, texte, fields, period, author, date)


def cli_command_questionnaire(
    ctx: typer.Context,
    indicateur: Annotated[str, typer.Argument(help="Code de l'indicateur (type score).")],
    participant: Annotated[str, typer.Argument(help="Code pseudonyme du participant (P012).")],
    score: Annotated[str, typer.Argument(help="Score, par exemple 3 ou 3,5.")],
    moment: Annotated[str, typer.Option("--moment", "-m", help="entrée ou sortie.")],
    period: Annotated[str, typer.Option("--period", "-p", help="Période de l'accompagnement.")],
    author: _Author = None,
    date: _Date = None,
) -> None:
    """Enregistrer le score d'un participant à un questionnaire d'entrée ou de sortie."""
    from utilsoc.check.values import parse_number
    from utilsoc.errors import UserError

    try:
        number = parse_number(score, comma=True)
    except ValueError as error:
        raise UserError(str(error), "un score est un nombre, par exemple 3 ou 3,5") from None
    fields = {
        "indicateur": indicateur,
        "participant": participant,
        "moment": moment,
        "score": number,
    }
    _run(ctx, "questionnaire", "", fields, period, author, date)


def _run(
    ctx: typer.Context,
    kind: str,
    text: str,
    fields: dict[str, Any],
    period: str,
    author: str | None,
    date: str | None,
) -> None:
    from utilsoc.actions.evidence import record_evidence
    from utilsoc.cli.commands.record import default_author, parse_date
    from utilsoc.cli.output import echo
    from utilsoc.model.load import load_valid_project
    from utilsoc.project import find_root

    project, _ = load_valid_project(find_root(base_dir(ctx)))
    day = parse_date(date) or dt.date.today()
    fields = {
        **fields,
        "période": period,
        "auteur": author or default_author(),
        "date": day.isoformat(),
    }
    echo(record_evidence(project, kind, text, fields, _OPTIONS))


# The option that gives each field, for the messages (`--role manquant`).
_OPTIONS = {
    **dict.fromkeys(("texte", "récit", "description", "constat", "appréciation"), "TEXTE"),
    "rôle": "--role",
    "pseudonyme": "--pseudo",
    "consentement": "--consent",
    "titre": "--titre",
    "nature": "--nature",
    "analyse": "--analyse",
    "action": "--action",
    "cadre": "--cadre",
    "attentes": "--attente",
    "critères": "--critere",
    "indicateurs": "--indicateur",
    "moment": "--moment",
    "période": "--period",
    "auteur": "--author",
    "date": "--date",
}
