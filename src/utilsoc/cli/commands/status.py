"""`utilsoc status`: a dashboard of every indicator, in the terminal or in a workbook."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from utilsoc.cli.commands.common import Force, IgnoreErrors, base_dir, print_skipped

if TYPE_CHECKING:
    from utilsoc.folder import Gate


class StatusFormat(StrEnum):
    """What `status` writes: a table for people, JSON for a program, a workbook."""

    TEXTE = "texte"
    JSON = "json"
    XLSX = "xlsx"


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
        StatusFormat,
        typer.Option(  # noqa: A002 - the option is named --format
            "--format", "-f", help="texte (tableau), json ou xlsx (classeur, avec -o)."
        ),
    ] = StatusFormat.TEXTE,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Classeur à écrire (--format xlsx).", show_default=False
        ),
    ] = None,
    ignore_errors: IgnoreErrors = False,
    force: Force = False,
) -> None:
    """Tableau de bord : dernière valeur, cible, progression et tendance de chaque indicateur."""
    from utilsoc.cli.output import print_json
    from utilsoc.errors import UsageError
    from utilsoc.folder import Gate
    from utilsoc.model.periods import Period
    from utilsoc.project import find_root
    from utilsoc.report.dashboard_kept import folder_status

    gate = Gate(find_root(base_dir(ctx)), ignore_errors=ignore_errors)
    target = _output(gate, format, base_dir(ctx, output) if output else None, force)
    today = dt.date.today()
    try:
        chosen = Period.parse(period) if period else Period.parse(str(today.year))
    except ValueError as error:
        raise UsageError(str(error)) from None
    data = folder_status(
        gate, chosen, today, chosen=period is not None, parts=format is StatusFormat.JSON
    )
    print_skipped(gate.admit())
    if target is not None:
        _write_workbook(gate, target, data)
    elif format is StatusFormat.JSON:
        print_json(data)
    else:
        _print_dashboard(data)


def _output(gate: Gate, fmt: StatusFormat, target: Path | None, force: bool) -> Path | None:
    """The workbook to write, checked before any work (`report -o`'s rules), or None.

    Raises:
        UsageError: xlsx without -o, -o without xlsx, or an output `status` may not
            replace (the association's data; without `force`, a file it did not write).
    """
    from utilsoc.errors import UsageError
    from utilsoc.store.outputs import check_output

    if fmt is not StatusFormat.XLSX:
        if target is not None:
            raise UsageError(
                "-o s'emploie avec --format xlsx", "ajoutez --format xlsx, ou retirez -o"
            )
        return None
    if target is None:
        raise UsageError("le format xlsx s'écrit dans un fichier", "ajoutez -o etat.xlsx")
    check_output(gate.layout, target, "status", force)
    return target


def _write_workbook(gate: Gate, target: Path, data: dict[str, Any]) -> None:
    """Write the dashboard's workbook, remember it as `status`'s output, say where."""
    from utilsoc.cli.output import echo
    from utilsoc.project import display_path
    from utilsoc.report.xlsx import write_status_xlsx
    from utilsoc.store.atomic import write_atomic_bytes
    from utilsoc.store.outputs import record_output

    write_atomic_bytes(target, write_status_xlsx(data))
    record_output(gate.layout, target, "status")
    echo(f"tableau de bord écrit : {display_path(target)}")


def _print_dashboard(data: dict[str, Any]) -> None:
    import sys

    from rich.console import Console

    # Labels, codes, values and authors are the association's text: shown, never obeyed
    # (neither rich markup such as « [red] » nor terminal control characters).
    console = Console(width=None if sys.stdout.isatty() else 120, emoji=False)
    for domain in data["domaines"]:
        console.print(_domain_table(domain, data))
    for gains in data.get("questionnaires", []):
        _print_questionnaire(console, gains)
    _print_missing(console, data)
    _print_gaps(console, data)
    for item in _items(data):
        for warning in item["avertissements"]:
            console.print(f"[yellow]Attention[/yellow] {_text(item['code'] + ' ' + warning)}")
    for conflict in data["conflits"]:
        values = ", ".join(f"{v['valeur']} ({v['auteur']})" for v in conflict["valeurs"])
        about = f"{conflict['indicateur']} {conflict['période']} : {values}"
        console.print(f"[red]Conflit[/red] {_text(about)}")


def _items(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every indicator of the dashboard, in the order of the référentiel."""
    return [
        item
        for domain in data["domaines"]
        for criterion in domain["critères"]
        for item in criterion["indicateurs"]
    ]


def _domain_table(domain: dict[str, Any], data: dict[str, Any]) -> Any:
    """One domain's indicators: value, target, progress (rounded), status and trend."""
    from rich.table import Table

    chosen = bool(data.get("période_choisie"))
    table = Table(
        title=_text(f"{domain['code']} — {domain['nom']}"), title_justify="left", expand=False
    )
    table.add_column("indicateur", max_width=30, no_wrap=True, overflow="ellipsis")
    first = f"valeur {data['période']}" if chosen else "valeur"
    table.add_column(first, max_width=34, no_wrap=True, overflow="ellipsis")
    for header in ("cible", "progr.", "statut", ""):
        table.add_column(header, no_wrap=True)
    for item in _items({"domaines": [domain]}):
        table.add_row(*_row(item, chosen))
    return table


def _row(item: dict[str, Any], chosen: bool) -> list[str]:
    from utilsoc.french import format_number

    target = item["cible"]
    ratio = item["progression"]
    return [
        _text(item["libellé"]),
        _text(_shown_value(item, chosen, format_number)),
        "—" if target is None else f"{format_number(target)} ({item['période_cible']})",
        "—" if ratio is None else f"{format_number(round(ratio * 100))} %",
        item["statut"],
        item["tendance"],
    ]


def _print_questionnaire(console: Any, gains: dict[str, Any]) -> None:
    """Entry → exit means, who progressed, and the answers without their pair."""
    from utilsoc.french import format_number, format_signed, plural

    if gains["paires"]:
        console.print(
            f"[bold]{_text(gains['libellé'])}[/bold] : "
            f"{plural(gains['paires'], 'participant suivi', 'participants suivis')}, "
            f"{format_number(gains['entrée_moyenne'])} → "
            f"{format_number(gains['sortie_moyenne'])} "
            f"(gain moyen {format_signed(gains['gain_moyen'])})"
        )
        told = _progress(gains)
        if told:
            console.print(f"  {_text(told)}")
    missing = len(gains["sans_sortie"]) + len(gains["sans_entrée"])
    if missing:
        answers = plural(missing, "réponse sans sa paire", "réponses sans leur paire")
        console.print(f"  {answers} (entrée ou sortie)")


def _print_missing(console: Any, data: dict[str, Any]) -> None:
    """Breakdowns never filled, then values missing, over the dashboard's period."""
    unfilled = data.get("ventilations_manquantes", [])
    if unfilled:
        names = ", ".join(f"{u['indicateur']} ({', '.join(u['dimensions'])})" for u in unfilled)
        console.print(
            f"[bold]Ventilations jamais renseignées ({data['période']}) :[/bold] " + _text(names)
        )
    if data["manquants"]:
        console.print(
            f"[bold]Valeurs manquantes ({data['période']}) :[/bold] "
            + _text(", ".join(f"{m['code']} {m['période']}" for m in data["manquants"]))
        )


def _print_gaps(console: Any, data: dict[str, Any]) -> None:
    """One warning per indicator behind its target that nothing explains yet, one hint."""
    from utilsoc.report.wording import GAP_HINT, GAP_TO_EXPLAIN

    gaps = [item["code"] for item in _items(data) if item.get("écart_à_expliquer")]
    for code in gaps:
        about = f"{code} : {GAP_TO_EXPLAIN} (en retard sur sa cible, sans note ni piste)"
        console.print(f"[yellow]Attention[/yellow] {_text(about)}")
    if gaps:
        console.print(f"  pour chacun, {_text(GAP_HINT)}")


def _progress(gains: dict[str, Any]) -> str | None:
    """« 5 sur 12 gagnent au moins 1 point », in the questionnaire's direction."""
    from utilsoc.model.referentiel import Sens
    from utilsoc.report.wording import progress_text

    if gains["sens"] is None:
        return None
    return progress_text(gains["progressent"], gains["paires"], Sens(gains["sens"]), gains["seuil"])


def _text(text: str) -> str:
    """User text for rich: control characters and markup shown as they are."""
    from rich.markup import escape

    from utilsoc.cli.output import safe

    return escape(safe(str(text)))


def _shown_value(item: dict[str, Any], chosen: bool, format_number: Any) -> str:
    """The value column: a number and its period, or the start of a recorded text."""
    from utilsoc.report.dashboard import shown_value

    value, period = shown_value(item, chosen)
    if isinstance(value, str):
        return f"« {value} » ({period})"
    if value is None:
        return "—"
    return format_number(value) if chosen else f"{format_number(value)} ({period})"
