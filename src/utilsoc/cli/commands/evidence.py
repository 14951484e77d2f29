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
    JUGEMENT = "jugement"
    SUIVI = "suivi"


GenreOption = Annotated[
    Kind,
    typer.Argument(
        help="verbatim, fait, inattendu, piste, partenariat, jugement (réponse à la "
        "question évaluative d'un critère) ou suivi (ce qu'est devenue une piste)."
    ),
]

TexteOption = Annotated[
    str,
    typer.Argument(
        help="La citation, le récit, le résultat, le constat, l'appréciation, le "
        "jugement argumenté ou ce qu'est devenue l'action."
    ),
]

PeriodOption = Annotated[str, typer.Option("--period", "-p", help="Période concernée.")]

RoleOption = Annotated[
    str | None,
    typer.Option(
        "--role",
        help="verbatim : bénéficiaire, parent, famille, bénévole, salarié, habitant...",
    ),
]

PseudoOption = Annotated[
    str | None,
    typer.Option(
        "--pseudo", help="verbatim : prénom seul, initiales ou code (jamais le nom complet)."
    ),
]

ConsentOption = Annotated[
    bool | None,
    typer.Option(
        "--consent/--no-consent",
        help="verbatim : la personne accepte-t-elle d'être citée ?",
        show_default=False,
    ),
]

FullNameOption = Annotated[
    bool,
    typer.Option(
        "--nom-complet",
        help="verbatim : accepter un nom complet, avec l'accord écrit de la personne (jamais "
        "une adresse ni un téléphone).",
    ),
]

TitleOption = Annotated[str | None, typer.Option("--titre", help="fait : titre court.")]

NatureOption = Annotated[
    str | None, typer.Option("--nature", help="inattendu : positif ou négatif.")
]

AnalysisOption = Annotated[
    str | None, typer.Option("--analyse", help="piste : pourquoi cela n'a pas marché.")
]

ActionOption = Annotated[str | None, typer.Option("--action", help="piste : ce qui va changer.")]

OwnerOption = Annotated[
    str | None, typer.Option("--responsable", help="piste : qui porte l'action.")
]

DeadlineOption = Annotated[
    str | None,
    typer.Option("--echeance", help="piste : date AAAA-MM-JJ à laquelle l'action doit être faite."),
]

CodeOption = Annotated[
    str | None,
    typer.Option("--code", help="piste : code de l'action (par défaut, tiré de --action)."),
]

AnswerOption = Annotated[
    str | None,
    typer.Option("--reponse", help="jugement : atteint, partiellement ou non atteint."),
]

TrackOption = Annotated[
    str | None, typer.Option("--piste", help="suivi : code de la piste suivie.")
]

StateOption = Annotated[
    str | None,
    typer.Option("--etat", help="suivi : réalisée, en cours, reportée ou abandonnée."),
]

CadreOption = Annotated[
    str | None, typer.Option("--cadre", help="Code du cadre logique (financeur) concerné.")
]

ExpectationOption = Annotated[
    list[str] | None,
    typer.Option("--attente", help="partenariat : une attente envers le financeur (répétable)."),
]

CriterionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--critere", help="Code d'un critère illustré (répétable) ; jugement : le critère jugé."
    ),
]

IndicatorOption = Annotated[
    list[str] | None,
    typer.Option("--indicateur", help="Code d'un indicateur illustré (répétable)."),
]

DiffusionOption = Annotated[
    str | None,
    typer.Option(
        "--diffusion",
        help="réseau (peut figurer dans les documents d'un réseau : un verbatim avec "
        "consentement et pseudonyme) ou interne (jamais hors de l'association).",
        show_default=False,
    ),
]

AuthorOption = Annotated[str | None, typer.Option("--author", "-a", help="Qui enregistre.")]

DateOption = Annotated[str | None, typer.Option("--date", help="Date AAAA-MM-JJ.")]


def cli_command_evidence(
    ctx: typer.Context,
    genre: GenreOption,
    texte: TexteOption,
    period: PeriodOption,
    role: RoleOption = None,
    pseudo: PseudoOption = None,
    consent: ConsentOption = None,
    full_name: FullNameOption = False,
    title: TitleOption = None,
    nature: NatureOption = None,
    analysis: AnalysisOption = None,
    action: ActionOption = None,
    owner: OwnerOption = None,
    deadline: DeadlineOption = None,
    code: CodeOption = None,
    answer: AnswerOption = None,
    track: TrackOption = None,
    state: StateOption = None,
    cadre: CadreOption = None,
    expectation: ExpectationOption = None,
    criterion: CriterionOption = None,
    indicator: IndicatorOption = None,
    diffusion: DiffusionOption = None,
    author: AuthorOption = None,
    date: DateOption = None,
) -> None:
    """Enregistrer une preuve qualitative : verbatim, fait marquant, résultat inattendu..."""
    fields: dict[str, Any] = {
        "rôle": role,
        "pseudonyme": pseudo,
        "consentement": None if consent is None else str(consent).lower(),
        "nom_complet": "true" if full_name else None,
        "titre": title,
        "nature": nature,
        "analyse": analysis,
        "action": action,
        "responsable": owner,
        "échéance": deadline,
        "code": code,
        "réponse": answer,
        "piste": track,
        "état": state,
        "cadre": cadre,
        "attentes": expectation or None,
        "critères": criterion or [],
        "indicateurs": indicator or [],
        "diffusion": diffusion,
    }
    _run(ctx, genre.value, texte, _linked(genre, fields), period, author, date)


def _linked(genre: Kind, fields: dict[str, Any]) -> dict[str, Any]:
    """A judgement names one criterion; a judgement or a follow-up, no indicator."""
    from utilsoc.errors import UserError

    if genre not in (Kind.JUGEMENT, Kind.SUIVI):
        return fields
    criteria = fields.pop("critères")
    indicators = fields.pop("indicateurs")
    if genre is Kind.JUGEMENT:
        if len(criteria) != 1:
            raise UserError(
                "un jugement répond à la question d'un seul critère",
                "donnez un --critere, et un seul",
            )
        fields["critère"] = criteria[0]
    elif criteria:
        fields["critères"] = criteria  # refused by the model, with the option's name
    if indicators:
        fields["indicateurs"] = indicators
    return fields


def cli_command_questionnaire(
    ctx: typer.Context,
    indicateur: Annotated[str, typer.Argument(help="Code de l'indicateur (type score).")],
    participant: Annotated[str, typer.Argument(help="Code pseudonyme du participant (P012).")],
    score: Annotated[str, typer.Argument(help="Score, par exemple 3 ou 3,5.")],
    moment: Annotated[str, typer.Option("--moment", "-m", help="entrée ou sortie.")],
    period: Annotated[str, typer.Option("--period", "-p", help="Période de l'accompagnement.")],
    author: Annotated[str | None, typer.Option("--author", "-a", help="Qui enregistre.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Date AAAA-MM-JJ.")] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--groupe", help="comparaison : une personne du groupe de comparaison, non accompagnée."
        ),
    ] = None,
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
    if group is not None:
        fields["groupe"] = group
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
    "critère": "--critere",
    "responsable": "--responsable",
    "échéance": "--echeance",
    "code": "--code",
    "réponse": "--reponse",
    "piste": "--piste",
    "état": "--etat",
    "indicateurs": "--indicateur",
    "diffusion": "--diffusion",
    "moment": "--moment",
    "groupe": "--groupe",
    "période": "--period",
    "auteur": "--author",
    "date": "--date",
}
