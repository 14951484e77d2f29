"""`utilsoc status`: a dashboard of every indicator in the terminal."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from utilsoc.cli.commands.common import Format, IgnoreErrors, base_dir, print_skipped


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
    ignore_errors: IgnoreErrors = False,
) -> None:
    """Tableau de bord : dernière valeur, cible, progression et tendance de chaque indicateur."""
    from utilsoc.cli.output import print_json
    from utilsoc.errors import UsageError
    from utilsoc.folder import Gate
    from utilsoc.model.periods import Period
    from utilsoc.project import find_root
    from utilsoc.report.dashboard import folder_status

    gate = Gate(find_root(base_dir(ctx)), ignore_errors=ignore_errors)
    today = dt.date.today()
    try:
        chosen = Period.parse(period) if period else Period.parse(str(today.year))
    except ValueError as error:
        raise UsageError(str(error)) from None
    data = folder_status(gate, chosen, today, chosen=period is not None)
    print_skipped(gate.admit())
    if format is Format.JSON:
        print_json(data)
    else:
        _print_dashboard(data)


def _print_dashboard(data: dict[str, Any]) -> None:
    import sys

    from rich.console import Console

    # Labels, codes, values and authors are the association's text: shown, never obeyed
    # (neither rich markup such as « [red] » nor terminal control characters).
    console = Console(width=None if sys.stdout.isatty() else 120, emoji=False)
    for domain in data["domaines"]:
        console.print(_domain_table(domain, data))
    _print_gains(console, data.get("questionnaires", []))
    _print_notes(console, data)


def _domain_table(domain: dict[str, Any], data: dict[str, Any]) -> Any:
    """One table per domain: a row per indicator."""
    from rich.table import Table

    chosen = bool(data.get("période_choisie"))
    table = Table(
        title=_text(f"{domain['code']} — {domain['nom']}"), title_justify="left", expand=False
    )
    table.add_column("indicateur", max_width=30, no_wrap=True, overflow="ellipsis")
    first = f"valeur {data['période']}" if chosen else "dernière valeur"
    table.add_column(first, max_width=34, no_wrap=True, overflow="ellipsis")
    for header in ("cible", "progr.", "statut", ""):
        table.add_column(header, no_wrap=True)
    for criterion in domain["critères"]:
        for item in criterion["indicateurs"]:
            table.add_row(*_indicator_row(item, chosen))
    return table


def _indicator_row(item: dict[str, Any], chosen: bool) -> tuple[str, ...]:
    from utilsoc.french import format_number

    target = (
        "—"
        if item["cible"] is None
        else f"{format_number(item['cible'])} ({item['période_cible']})"
    )
    ratio = item["progression"]
    return (
        _text(item["libellé"]),
        _text(_shown_value(item, chosen, format_number)),
        target,
        "—" if ratio is None else f"{ratio * 100:.0f} %",
        item["statut"],
        item["tendance"],
    )


def _print_gains(console: Any, questionnaires: list[dict[str, Any]]) -> None:
    """Entry/exit questionnaires: pairs followed, mean scores, answers without their pair."""
    from utilsoc.french import format_number

    for gains in questionnaires:
        if gains["paires"]:
            console.print(
                f"[bold]{_text(gains['libellé'])}[/bold] : "
                f"{gains['paires']} participant(s) suivis, "
                f"{format_number(gains['entrée_moyenne'])} → "
                f"{format_number(gains['sortie_moyenne'])} "
                f"(gain moyen {format_number(gains['gain_moyen'])})"
            )
        missing = len(gains["sans_sortie"]) + len(gains["sans_entrée"])
        if missing:
            console.print(f"  {missing} réponse(s) sans leur paire (entrée ou sortie)")


def _print_notes(console: Any, data: dict[str, Any]) -> None:
    """Missing values, the indicators' warnings and conflicting values, after the tables."""
    if data["manquants"]:
        console.print(
            f"[bold]Valeurs manquantes ({data['période']}) :[/bold] "
            + _text(", ".join(f"{m['code']} {m['période']}" for m in data["manquants"]))
        )
    for domain in data["domaines"]:
        for criterion in domain["critères"]:
            for item in criterion["indicateurs"]:
                for warning in item["avertissements"]:
                    console.print(
                        f"[yellow]Attention[/yellow] {_text(item['code'] + ' ' + warning)}"
                    )
    for conflict in data["conflits"]:
        values = ", ".join(f"{v['valeur']} ({v['auteur']})" for v in conflict["valeurs"])
        about = f"{conflict['indicateur']} {conflict['période']} : {values}"
        console.print(f"[red]Conflit[/red] {_text(about)}")


def _text(text: str) -> str:
    """User text for rich: control characters and markup shown as they are."""
    from rich.markup import escape

    from utilsoc.cli.output import safe

    return escape(safe(str(text)))


def _shown_value(item: dict[str, Any], chosen: bool, format_number: Any) -> str:
    """The value column: a number and its period, or the start of a recorded text."""
    if item["dernier_texte"] is not None:
        return f"« {item['dernier_texte']} » ({item['période_du_texte']})"
    if chosen:
        value = item["valeur_cible_période"]
        return "—" if value is None else format_number(value)
    latest = item["dernière_valeur"]
    return "—" if latest is None else f"{format_number(latest)} ({item['dernière_période']})"
