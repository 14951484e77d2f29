"""`utilsoc import` and `utilsoc export`: spreadsheets in and out."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utilsoc.cli.commands.common import Force, IgnoreErrors, base_dir, print_skipped

if TYPE_CHECKING:
    from utilsoc.actions.importer import Plan
    from utilsoc.model.load import Project


class TableFormat(StrEnum):
    """Spreadsheet formats."""

    CSV = "csv"
    XLSX = "xlsx"


def cli_command_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Tableau à importer (.csv ou .xlsx).")],
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            "-m",
            help="Fichier YAML de correspondance des colonnes (inutile pour une fiche "
            "faite par « utilsoc saisie »).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Montrer ce qui serait enregistré, sans rien écrire.")
    ] = False,
    author: Annotated[
        str | None,
        typer.Option(
            "--author",
            "-a",
            help="Fiche de saisie : qui enregistre (par défaut : l'utilisateur git).",
            show_default=False,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            help="Fiche de saisie : la période attendue (refuse la fiche d'une autre période).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Importer des valeurs ou des réponses de questionnaire depuis un tableur."""
    from utilsoc.actions.importer import apply_plan
    from utilsoc.cli.output import echo
    from utilsoc.french import plural
    from utilsoc.model.load import load_valid_project
    from utilsoc.project import display_path, find_root

    project, _ = load_valid_project(find_root(base_dir(ctx)))
    source = base_dir(ctx, file)
    if mapping is None:
        plan = _plan_workbook(project, source, author, period, dry_run)
    else:
        plan = _plan_table(project, source, base_dir(ctx, mapping), dry_run)
    _say_days(plan)
    if plan.filtered:
        echo(plural(plan.filtered, "ligne écartée", "lignes écartées") + " par le filtre")
    for path, records in sorted(plan.files.items()):
        echo(f"{display_path(path)} : {plural(len(records), 'ligne')}")
    if plan.skipped:
        echo(
            plural(
                plan.skipped,
                "valeur déjà enregistrée, ignorée",
                "valeurs déjà enregistrées, ignorées",
            )
        )
    if dry_run:
        _show_dry_run(plan, project)
        return
    apply_plan(plan)
    echo(plural(plan.count, "enregistrement importé", "enregistrements importés"))


def _show_dry_run(plan: Plan, project: Project) -> None:
    """The first records, totals per indicator and period, then the conflicts, if any.

    Raises:
        DataErrors: values recorded with other figures (nothing is written anyway).
    """
    from utilsoc.actions.import_preview import first_rows, totals
    from utilsoc.cli.output import echo
    from utilsoc.errors import DataErrors
    from utilsoc.french import plural

    if plan.rows:
        echo("premiers enregistrements :")
        for line in first_rows(plan):
            echo(f"  {line}")
        echo("par indicateur et période :")
        for line in totals(plan, project.referentiel):
            echo(f"  {line}")
    written = plural(plan.count, "enregistrement serait écrit", "enregistrements seraient écrits")
    echo(f"simulation : {written}, aucun fichier modifié")
    if plan.conflicts:
        error = DataErrors(plan.conflicts)
        error.after = "simulation : ces lignes diffèrent des valeurs déjà enregistrées"
        raise error


def _plan_table(project: Project, source: Path, mapping: Path, dry_run: bool) -> Plan:
    """The plan of a table read through its mapping file."""
    from utilsoc.actions.importer import load_mapping, plan_import
    from utilsoc.cli.output import note
    from utilsoc.project import display_path
    from utilsoc.tables.spreadsheet import read_table

    table = read_table(source, display_path(source))
    if table.notice:
        note(table.notice)
    found = load_mapping(mapping, display_path(mapping))
    return plan_import(project, table, found, keep_conflicts=dry_run)


def _plan_workbook(
    project: Project, source: Path, author: str | None, period: str | None, dry_run: bool
) -> Plan:
    """The plan of an entry workbook (`utilsoc saisie`): its own keys stand for a mapping."""
    from utilsoc.actions.importer import plan_import
    from utilsoc.actions.workbook import referentiel_digest
    from utilsoc.actions.workbook_read import is_entry_workbook, located, read_entry
    from utilsoc.cli.commands.record import default_author
    from utilsoc.cli.commands.workbook import parse_period
    from utilsoc.cli.output import note
    from utilsoc.errors import DataErrors, UsageError
    from utilsoc.model.periods import Period
    from utilsoc.project import display_path

    shown = display_path(source)
    if not source.exists():
        raise UsageError(f"fichier introuvable : {shown}")
    if not is_entry_workbook(source):
        raise UsageError(
            f"{shown} n'est pas une fiche faite par « utilsoc saisie »",
            "donnez le fichier de correspondance des colonnes avec -m correspondance.yaml",
        )
    expected = parse_period(period) if period else None
    assert expected is None or isinstance(expected, Period)
    name = project.association.nom if project.association else ""
    entry = read_entry(source, shown, name, author or default_author(), expected)
    if entry.digest != referentiel_digest(project.layout):
        note(
            f"{shown} : le référentiel a changé depuis la fiche, les valeurs sont vérifiées "
            "avec le référentiel actuel"
        )
    try:
        plan = plan_import(project, entry.table, entry.mapping, keep_conflicts=dry_run)
    except DataErrors as error:
        raise located(entry, error) from None
    plan.conflicts = located(entry, DataErrors(plan.conflicts)).issues
    return plan


def _say_days(plan: Plan) -> None:
    """Dates read as periods: say so, with the period each date went to.

    Why: a survey's submission date is not always the period it measures (answers sent
    in early April about the first quarter); the user checks before anything is written.
    """
    from utilsoc.cli.output import echo
    from utilsoc.french import plural

    if not plan.from_days:
        return
    echo(
        f"colonne « {plan.period_column} » : des dates, rangées dans la période de la "
        "fréquence de chaque indicateur — vérifiez que ce sont les bonnes :"
    )
    for period, days in plan.from_days.items():
        first, last = min(days).strftime("%d/%m/%Y"), max(days).strftime("%d/%m/%Y")
        spread = first if first == last else f"du {first} au {last}"
        echo(f"  {period.name} ({period.label}) : {plural(len(days), 'ligne')}, {spread}")


def cli_command_export(
    ctx: typer.Context,
    format: Annotated[
        TableFormat,
        typer.Option(  # noqa: A002 - the option is named --format
            "--format", "-f", help="csv (Excel français : « ; », virgule décimale) ou xlsx."
        ),
    ] = TableFormat.CSV,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Fichier à écrire (par défaut : la sortie standard, en CSV).",
            show_default=False,
        ),
    ] = None,
    ignore_errors: IgnoreErrors = False,
    force: Force = False,
) -> None:
    """Exporter les valeurs enregistrées : une ligne par valeur, une colonne par dimension."""
    import sys

    from utilsoc.cli.output import echo, safe_lines
    from utilsoc.errors import UsageError
    from utilsoc.folder import open_folder
    from utilsoc.french import plural
    from utilsoc.project import display_path, find_root
    from utilsoc.store.outputs import check_output, record_output
    from utilsoc.tables.export import tidy_rows
    from utilsoc.tables.spreadsheet import write_csv, write_xlsx

    layout = find_root(base_dir(ctx))
    if output is not None:
        check_output(layout, base_dir(ctx, output), "export", force)
    folder = open_folder(layout, ignore_errors=ignore_errors)
    print_skipped(folder.skipped)
    assert folder.project.referentiel is not None  # admitted: the référentiel is valid
    header, rows = tidy_rows(folder.project.referentiel, folder.measures.records)
    if format is TableFormat.XLSX:
        if output is None:
            raise UsageError("le format xlsx s'écrit dans un fichier", "ajoutez -o valeurs.xlsx")
        write_xlsx(base_dir(ctx, output), header, rows)
    elif output is None:
        text = write_csv(None, header, rows).lstrip("\ufeff")
        sys.stdout.write(safe_lines(text) if sys.stdout.isatty() else text)
        return
    else:
        write_csv(base_dir(ctx, output), header, rows)
    record_output(layout, base_dir(ctx, output), "export")
    exported = plural(len(rows), "valeur exportée", "valeurs exportées")
    echo(f"{exported} dans {display_path(base_dir(ctx, output))}")
