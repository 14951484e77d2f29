"""`utilsoc reseau`: a network folder, its members, and the totals across them."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utilsoc.cli.commands.common import Force, Format, ReportLanguage, base_dir
from utilsoc.cli.french import FrenchCommand, FrenchGroup

if TYPE_CHECKING:
    from utilsoc.model.periods import Period
    from utilsoc.network.load import Network

reseau_app = typer.Typer(
    help="Travailler en réseau : référentiel commun, membres, totaux du réseau.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
membre_app = typer.Typer(help="Les membres du réseau.", no_args_is_help=True, rich_markup_mode=None)
reseau_app.add_typer(membre_app, name="membre", cls=FrenchGroup)

FolderArgument = Annotated[
    Path, typer.Argument(help="Dossier du réseau à créer (un dépôt git à lui).")
]
NameOption = Annotated[str, typer.Option("--nom", help="Nom du réseau ou du programme.")]
TerritoryOption = Annotated[str, typer.Option("--territoire", help="Territoire couvert.")]
PeriodOption = Annotated[
    str, typer.Option("--periode", "-p", help="Période du programme : 2025, 2024-2025...")
]


@reseau_app.command("init", cls=FrenchCommand)
def cli_command_reseau_init(
    ctx: typer.Context,
    dossier: FolderArgument,
    nom: NameOption = "Mon réseau",
    territoire: TerritoryOption = "",
    periode: PeriodOption = "2025",
    exemple: Annotated[
        str | None,
        typer.Option(
            "--example",
            "-e",
            help="Créer un réseau d'exemple complet, membres compris : brest.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Créer le dossier d'un réseau : reseau.yaml commenté, à compléter."""
    from utilsoc.actions.network import init_example, init_network
    from utilsoc.cli.output import echo
    from utilsoc.project import display_path

    if exemple is not None:
        written = init_example(base_dir(ctx, dossier), exemple)
        echo(f"réseau d'exemple créé : {display_path(written)}, ses membres dans membres/")
        echo(f"étape suivante : utilsoc -C {display_path(written.parent)} reseau status")
        return
    written = init_network(base_dir(ctx, dossier), nom, territoire, periode)
    echo(f"réseau créé : {display_path(written)}")
    echo(f"étape suivante : utilsoc -C {display_path(written.parent)} reseau membre ajouter CHEMIN")


@membre_app.command("ajouter", cls=FrenchCommand)
def cli_command_reseau_membre_ajouter(
    ctx: typer.Context,
    chemin: Annotated[
        str, typer.Argument(help="Dossier de l'association, relatif au dossier du réseau.")
    ],
    code: Annotated[
        str | None, typer.Option("--code", help="Code du membre (par défaut : le nom du dossier).")
    ] = None,
    nom: Annotated[
        str | None,
        typer.Option("--nom", help="Nom de l'association (par défaut : celui d'association.yaml)."),
    ] = None,
) -> None:
    """Ajouter une association au réseau."""
    from utilsoc.actions.network import add_member
    from utilsoc.cli.output import echo
    from utilsoc.network.load import find_network

    root = find_network(base_dir(ctx))
    added = add_member(root, chemin, code, nom)
    echo(f"membre ajouté : {added} ({chemin})")


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="texte (lisible) ou json (pour un autre outil)."),
]


@reseau_app.command("validate", cls=FrenchCommand)
def cli_command_reseau_validate(ctx: typer.Context, format: FormatOption = Format.TEXTE) -> None:  # noqa: A002
    """Vérifier reseau.yaml, le dossier de chaque membre et leurs rattachements."""
    from utilsoc.cli.output import echo, note, paint, print_issues, print_json
    from utilsoc.errors import ExitCode

    network = _network(ctx)
    errors = [i for i in network.issues if i.severity == "erreur"]
    if format is Format.JSON:
        print_json([issue.to_dict() for issue in network.issues])
    else:
        print_issues(network.issues)
        if errors:
            note(paint(f"réseau invalide : {len(errors)} problème(s)", "erreur"))
        else:
            included = len(network.included())
            echo(paint(f"réseau valide : {included} membre(s) sur {len(network.members)}", "ok"))
    if errors:
        raise typer.Exit(int(ExitCode.DONNEES_INVALIDES))


@reseau_app.command("status", cls=FrenchCommand)
def cli_command_reseau_status(
    ctx: typer.Context,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", "-p", help="Période (par défaut : celle du réseau).", show_default=False
        ),
    ] = None,
    format: FormatOption = Format.TEXTE,  # noqa: A002
) -> None:
    """Totaux du réseau pour chaque indicateur commun, et qui a rendu ses chiffres."""
    from utilsoc.cli.output import echo, print_issues, print_json
    from utilsoc.network.totals import network_totals
    from utilsoc.network.wording import status_data, status_lines

    network = _network(ctx, period)
    _refuse_errors(network)
    totals = network_totals(network)
    if format is Format.JSON:
        print_json(status_data(network, totals))
        return
    print_issues(network.issues)
    for line in status_lines(network, totals):
        echo(line)


def _network(ctx: typer.Context, period: str | None = None) -> Network:
    from utilsoc.network.load import find_network, load_network

    return load_network(find_network(base_dir(ctx)), _period(period) if period else None)


def _refuse_errors(network: Network) -> None:
    """Errors of reseau.yaml or of the links refuse the totals; a member left out, not."""
    from utilsoc.codes import Code
    from utilsoc.errors import DataErrors

    errors = [
        i
        for i in network.issues
        if i.severity == "erreur"
        and i.code != Code.MEMBRE_ECARTE
        and not _inside_member(network, i.file)
    ]
    if errors:
        refused = DataErrors(errors)
        refused.after = "réseau refusé : corrigez ces erreurs, puis relancez la commande"
        raise refused


def _inside_member(network: Network, file: str) -> bool:
    """A member's own file other than its référentiel's links (checked by the network)."""
    path = (Path.cwd() / file).resolve()
    return any(path.is_relative_to(m.root) and m.reason is not None for m in network.members)


def _period(text: str) -> Period:
    from utilsoc.actions.network import parse_period

    return parse_period(text)


class ExportFormat(StrEnum):
    """Formats of the network's data export."""

    PARQUET = "parquet"
    CSV = "csv"


@reseau_app.command("export", cls=FrenchCommand)
def cli_command_reseau_export(
    ctx: typer.Context,
    format: Annotated[  # noqa: A002 - the option is named --format
        ExportFormat,
        typer.Option("--format", "-f", help="parquet (DuckDB, Spark...) ou csv."),
    ] = ExportFormat.PARQUET,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Fichier à écrire (par défaut : export/reseau.FORMAT).",
            show_default=False,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", "-p", help="Période (par défaut : celle du réseau).", show_default=False
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Exporter les valeurs des membres en une table (Parquet ou CSV) et son dictionnaire."""
    from utilsoc.cli.output import echo
    from utilsoc.network.export import export_network
    from utilsoc.project import display_path

    network = _network(ctx, period)
    _refuse_errors(network)
    target = base_dir(ctx, output) if output else network.root / "export" / f"reseau.{format.value}"
    written, rows = export_network(network, target, format.value, force=force)
    for path in written:
        echo(f"écrit : {display_path(path)}")
    echo(f"{rows} ligne{'s' if rows > 1 else ''} exportée{'s' if rows > 1 else ''}")


class ReportFormat(StrEnum):
    """Formats of the network report."""

    HTML = "html"
    MD = "md"


@reseau_app.command("report", cls=FrenchCommand)
def cli_command_reseau_report(
    ctx: typer.Context,
    format: Annotated[  # noqa: A002 - the option is named --format
        ReportFormat, typer.Option("--format", "-f", help="html (imprimable en PDF) ou md.")
    ] = ReportFormat.HTML,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Fichier à écrire (par défaut : rapports/reseau-PERIODE.FORMAT).",
            show_default=False,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", "-p", help="Période (par défaut : celle du réseau).", show_default=False
        ),
    ] = None,
    final: Annotated[
        bool,
        typer.Option("--final", help="Version à envoyer : refuser tant qu'un membre est écarté."),
    ] = False,
    langue: Annotated[
        ReportLanguage, typer.Option("--langue", help="Langue du rapport : fr ou en.")
    ] = ReportLanguage.FR,
    force: Force = False,
) -> None:
    """Produire le rapport du réseau : totaux des indicateurs communs, membre par membre."""
    from utilsoc.cli.output import echo, print_issues
    from utilsoc.network.report import make_network_report
    from utilsoc.project import display_path

    network = _network(ctx, period)
    _refuse_errors(network)
    print_issues(network.issues)
    target = base_dir(ctx, output) if output else None
    written = make_network_report(
        network, format.value, target, final=final, force=force, langue=langue.value
    )
    echo(f"rapport écrit : {display_path(written)}")
