"""`utilsoc status`: a dashboard of every indicator in the terminal."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from utilsoc.cli.commands.common import Format, base_dir


def cli_command_status(
    ctx: typer.Context,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            help="Période suivie (par défaut : l'année en cours).",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        Format,
        typer.Option(  # noqa: A002 - the option is named --format
            "--format", "-f", help="texte (tableau) ou json."
        ),
    ] = Format.TEXTE,
) -> None:
    """Tableau de bord : dernière valeur, cible, progression et tendance de chaque indicateur."""
    from utilsoc.cli.output import print_issues, print_json
    from utilsoc.errors import DataErrors, UsageError
    from utilsoc.load import load_project
    from utilsoc.model.periods import Period
    from utilsoc.project import find_root
    from utilsoc.status import load_measures, project_status
    from utilsoc.store.reading import folder_digest, load_result, store_result

    layout = find_root(base_dir(ctx))
    project = load_project(layout)
    if project.referentiel is None:
        raise DataErrors(project.issues)
    today = dt.date.today()
    try:
        chosen = Period.parse(period) if period else Period.parse(str(today.year))
    except ValueError as error:
        raise UsageError(str(error)) from None
    digest = folder_digest(layout)
    name = f"status-{chosen.name}-{today.isoformat()}"
    data = load_result(layout, name, digest)
    if data is None:
        measures = load_measures(layout)
        print_issues(measures.issues)
        data = project_status(project.referentiel, measures, chosen, today)
        if not measures.issues:
            store_result(layout, name, digest, data)
    if format is Format.JSON:
        print_json(data)
    else:
        _print_dashboard(data)


def _print_dashboard(data: dict[str, Any]) -> None:
    import sys

    from rich.console import Console
    from rich.table import Table

    from utilsoc.numbers import format_number

    console = Console(width=None if sys.stdout.isatty() else 120)
    for domain in data["domaines"]:
        table = Table(
            title=f"{domain['code']} — {domain['nom']}", title_justify="left", expand=False
        )
        table.add_column("indicateur", max_width=30, no_wrap=True, overflow="ellipsis")
        for header in ("dernière valeur", "cible", "progr.", "statut", ""):
            table.add_column(header, no_wrap=True)
        for criterion in domain["critères"]:
            for item in criterion["indicateurs"]:
                latest = item["dernière_valeur"]
                shown = (
                    "—"
                    if latest is None
                    else (f"{format_number(latest)} ({item['dernière_période']})")
                )
                target = (
                    "—"
                    if item["cible"] is None
                    else (f"{format_number(item['cible'])} ({item['période_cible']})")
                )
                ratio = item["progression"]
                table.add_row(
                    item["libellé"],
                    shown,
                    target,
                    "—" if ratio is None else f"{ratio * 100:.0f} %",
                    item["statut"],
                    item["tendance"],
                )
        console.print(table)
    for gains in data.get("questionnaires", []):
        if gains["paires"]:
            console.print(
                f"[bold]{gains['libellé']}[/bold] : {gains['paires']} participant(s) suivis, "
                f"{format_number(gains['entrée_moyenne'])} → "
                f"{format_number(gains['sortie_moyenne'])} "
                f"(gain moyen {format_number(gains['gain_moyen'])})"
            )
        missing = len(gains["sans_sortie"]) + len(gains["sans_entrée"])
        if missing:
            console.print(f"  {missing} réponse(s) sans leur paire (entrée ou sortie)")
    if data["manquants"]:
        console.print(
            f"[bold]Valeurs manquantes ({data['période']}) :[/bold] "
            + ", ".join(f"{m['code']} {m['période']}" for m in data["manquants"])
        )
    for conflict in data["conflits"]:
        values = ", ".join(f"{v['valeur']} ({v['auteur']})" for v in conflict["valeurs"])
        console.print(
            f"[red]Conflit[/red] {conflict['indicateur']} {conflict['période']} : {values}"
        )
