"""`utilsoc report` and `utilsoc templates`: documents for funders, the team and the public."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from utilsoc.cli.commands.common import (
    Force,
    IgnoreErrors,
    ReportLanguage,
    base_dir,
    print_skipped,
)
from utilsoc.cli.french import FrenchCommand


class ReportFormat(StrEnum):
    """Report formats."""

    HTML = "html"
    MD = "md"
    DOCX = "docx"
    PDF = "pdf"
    XLSX = "xlsx"


TemplateOption = Annotated[
    str,
    typer.Option(
        "--template",
        "-t",
        help="financeur, bilan, communication, referentiel (le tableau du référentiel), "
        "compte-rendu (Cerfa 15059), sroi (valeur sociale), ou un modèle de modeles/.",
    ),
]

LogframeOption = Annotated[
    str | None,
    typer.Option(
        "--logframe",
        "-l",
        help="Cadre logique du financeur (nom du fichier sans .yaml).",
        show_default=False,
    ),
]

PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help="Période couverte (par défaut : celle du cadre logique, sinon "
        "l'année des dernières valeurs).",
        show_default=False,
    ),
]

FormatOption = Annotated[
    ReportFormat,
    typer.Option(  # noqa: A002 - the option is named --format
        "--format",
        "-f",
        help="html (un seul fichier, imprimable en PDF), md, docx (Word), pdf "
        "(avec Chromium, Chrome ou Edge) ou xlsx (rapport au financeur).",
    ),
]

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Fichier à écrire (par défaut : rapports/MODELE-PERIODE.FORMAT).",
        show_default=False,
    ),
]

DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Date du rapport AAAA-MM-JJ (par défaut : la dernière date des données).",
        show_default=False,
    ),
]

WithoutNotesOption = Annotated[
    bool,
    typer.Option(
        "--sans-notes",
        help="Ne pas reprendre les notes des valeurs dans les commentaires des tableaux.",
    ),
]

AudienceOption = Annotated[
    str | None,
    typer.Option(
        "--audience",
        help="Code d'une audience de publics.yaml : la carte d'identité s'adresse à "
        "elle et porte son message.",
        show_default=False,
    ),
]

FinalOption = Annotated[
    bool,
    typer.Option(
        "--final",
        help="Version à envoyer : refuser tant qu'un indicateur en retard sur sa cible "
        "n'a ni note ni piste d'amélioration (« écart à expliquer »).",
    ),
]


BudgetOption = Annotated[
    str | None,
    typer.Option(
        "--budget",
        help="compte-rendu : le budget (nom du fichier de budgets/ sans .yaml), quand le "
        "cadre logique en a plusieurs ou qu'aucun ne le nomme.",
        show_default=False,
    ),
]


LanguageOption = Annotated[
    ReportLanguage | None,
    typer.Option(
        "--langue",
        help="Langue du rapport : fr ou en (par défaut : « langue » d'association.yaml, "
        "sinon fr). Les textes de l'association restent tels qu'écrits, sauf variante.",
        show_default=False,
    ),
]


def cli_command_report(
    ctx: typer.Context,
    template: TemplateOption = "bilan",
    logframe: LogframeOption = None,
    period: PeriodOption = None,
    format: FormatOption = ReportFormat.HTML,
    output: OutputOption = None,
    date: DateOption = None,
    without_notes: WithoutNotesOption = False,
    audience: AudienceOption = None,
    final: FinalOption = False,
    budget: BudgetOption = None,
    langue: LanguageOption = None,
    ignore_errors: IgnoreErrors = False,
    force: Force = False,
) -> None:
    """Produire un rapport : financeur, bilan d'auto-évaluation ou carte d'identité."""
    from utilsoc.cli.commands.record import parse_date
    from utilsoc.cli.output import echo
    from utilsoc.folder import Gate
    from utilsoc.project import display_path, find_root
    from utilsoc.report.build import Request, make_report

    gate = Gate(find_root(base_dir(ctx)), ignore_errors=ignore_errors)
    request = Request(
        template,
        format.value,
        period,
        logframe,
        parse_date(date),
        base_dir(ctx, output) if output else None,
        notes=not without_notes,
        force=force,
        final=final,
        audience=audience,
        budget=budget,
        langue=langue.value if langue else None,
    )
    written = make_report(gate, request)
    print_skipped(gate.admit())
    echo(f"rapport écrit : {display_path(written)}")


templates_app = typer.Typer(
    help="Voir et adapter les modèles de rapports.", no_args_is_help=True, rich_markup_mode=None
)


@templates_app.command("list", cls=FrenchCommand)
def cli_command_templates_list(ctx: typer.Context) -> None:
    """Lister les modèles : ceux d'utilsoc et ceux du dossier modeles/."""
    from utilsoc.cli.output import echo
    from utilsoc.errors import UsageError
    from utilsoc.project import MODELES, find_root
    from utilsoc.resources import data_dir

    echo("Modèles d'utilsoc :")
    for path in sorted(data_dir("templates").glob("[!_]*.j2")):
        if path.name != "base.html.j2":
            echo(f"  {path.name}")
    try:
        user = find_root(base_dir(ctx)).root / MODELES
    except UsageError:
        return
    if user.is_dir():
        echo(f"Modèles de l'association ({MODELES}/) :")
        for path in sorted(user.glob("*.j2")):
            echo(f"  {path.name}")


@templates_app.command("eject", cls=FrenchCommand)
def cli_command_templates_eject(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="financeur, bilan, communication ou referentiel.")],
    format: Annotated[
        ReportFormat | None,
        typer.Option(  # noqa: A002
            "--format", "-f", help="html ou md (par défaut : les deux).", show_default=False
        ),
    ] = None,
) -> None:
    """Copier un modèle d'utilsoc dans modeles/ pour l'adapter."""
    from utilsoc.cli.output import echo
    from utilsoc.errors import UsageError, UserError
    from utilsoc.project import MODELES, display_path, find_root
    from utilsoc.resources import data_dir
    from utilsoc.store.atomic import write_atomic

    # A Word document follows the Markdown template, a PDF the HTML one.
    template_of = {"docx": "md", "pdf": "html"}
    formats = [template_of.get(format.value, format.value)] if format else ["html", "md"]
    target = find_root(base_dir(ctx)).root / MODELES
    sources = [data_dir("templates") / f"{name}.{fmt}.j2" for fmt in formats]
    sources = [source for source in sources if source.is_file()]
    if not sources:
        raise UsageError(
            f"modèle inconnu : {name}", "financeur, bilan, communication, referentiel ou base"
        )
    for source in sources:
        if (target / source.name).exists():
            raise UserError(
                f"{display_path(target / source.name)} existe déjà",
                "renommez-le ou supprimez-le avant de recommencer",
            )
    for source in sources:
        destination = target / source.name
        write_atomic(destination, source.read_text(encoding="utf-8"))
        echo(f"copié : {display_path(destination)} (modifiez-le : il remplace celui d'utilsoc)")
