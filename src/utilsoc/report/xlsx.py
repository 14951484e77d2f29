"""Targets and actuals as a workbook: the funder's report and the `status` dashboard.

One row per indicator: its names, its baseline, then the target and the actual of each
period, then a few closing columns (the report's target, actual, gap and status; or the
dashboard's judged value, progress, status and trend). One writer for both: the header is
frozen, figures keep their numbers (a funder sums and charts them) in French display:
Excel and LibreOffice show `#,##0.0` as « 1 234,5 » in French, the file stores the
locale-neutral code.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from utilsoc.langue import N_, _, current

__all__ = ["Column", "Row", "Table", "write_table", "write_xlsx"]

FIGURE = "chiffre"  # a column showing the indicator's figures, in its number format


@dataclass(frozen=True)
class Column:
    """A column: its header, its width, and how its cells are shown (None: as they are)."""

    name: str
    width: int = 16
    number_format: str | None = None  # FIGURE, or a fixed Excel format code


@dataclass(frozen=True)
class Row:
    """One indicator's cells: names, baseline, targets and actuals by period, closing."""

    leading: list[Any]
    reference: float | None
    targets: dict[str, float | None]
    actuals: dict[str, float | None]
    closing: list[Any]
    number_format: str  # the indicator's precision (see `number_format`)


@dataclass(frozen=True)
class Table:
    """The sheet: its title, the columns around the periods', where the panes freeze.

    `periods`: the code of each period heading (None when unknown: sorted last), to
    order them in time.
    """

    title: str
    leading: list[Column]
    closing: list[Column]
    frozen: str
    periods: dict[str, str | None] = field(default_factory=dict)


_REFERENCE = Column(N_("Référence"), number_format=FIGURE)


def write_table(table: Table, rows: Iterable[Row]) -> bytes:
    """The workbook of `rows`, one per indicator, under the header `table` describes."""
    from openpyxl import Workbook

    periods = ordered_periods(table.periods)
    middle = [
        Column(f"{p} — {w}", number_format=FIGURE)
        for p in periods
        for w in (_("cible"), _("réalisé"))
    ]
    columns = [*table.leading, _REFERENCE, *middle, *table.closing]
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = _(table.title)[:31]
    sheet.append([_(column.name) for column in columns])
    for row in rows:
        cells: list[Any] = [*row.leading, row.reference]
        for period in periods:
            cells += [row.targets.get(period), row.actuals.get(period)]
        sheet.append([*cells, *row.closing])
        _formats(sheet, sheet.max_row, columns, row.number_format)
    _layout(sheet, columns, table.frozen)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ordered_periods(codes: dict[str, str | None]) -> list[str]:
    """The period headings by start then end (a quarter before its year)."""
    from utilsoc.model.periods import Period

    def order(label: str) -> tuple[int, str, str]:
        code = codes[label]
        if code is None:  # a context kept by an earlier version: at the end
            return (1, "", label)
        period = Period.parse(code)
        return (0, f"{period.start}", f"{period.end}")

    return sorted(codes, key=order)


def number_format(kind: str, decimals: int | None) -> str:
    """The indicator's precision, with « % » for a rate (`kind` is its type).

    In English the sign is glued to the number.
    """
    shown = "#,##0" + ("." + "0" * decimals if decimals else "")
    percent = '" %"' if current().typography else '"%"'
    return shown + percent if kind == "taux" else shown


def _formats(sheet: Any, row: int, columns: list[Column], figures: str) -> None:
    """French number display for the row's figures."""
    for index, column in enumerate(columns, start=1):
        if column.number_format is not None:
            shown = figures if column.number_format == FIGURE else column.number_format
            sheet.cell(row, index).number_format = shown


def _layout(sheet: Any, columns: list[Column], frozen: str) -> None:
    """Bold wrapped header, frozen with the indicator's columns, widths to read."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE8F0")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = frozen
    sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = 45


# The funder's report (`report -t financeur -f xlsx`).

_FUNDER = Table(
    N_("Cibles et réalisés"),
    [
        Column(N_("Sous-objectif")),
        Column(N_("Résultat attendu"), 30),
        Column(N_("Code")),
        Column(N_("Indicateur"), 48),
        Column(N_("Unité")),
    ],
    [
        Column(N_("Cible du rapport"), number_format=FIGURE),
        Column(N_("Réalisé"), number_format=FIGURE),
        Column(N_("Écart"), number_format=FIGURE),
        Column(N_("Statut"), 14),
        Column(N_("Commentaire"), 40),
    ],
    frozen="E2",
)


def write_xlsx(context: dict[str, Any], template: str) -> bytes:
    """The workbook of the funder report's `context` (`template` names the sheet)."""
    found = list(_indicator_rows(context["cadre"]))
    codes: dict[str, str | None] = {}
    for *_names, indicator in found:
        for point in indicator["serie"]:
            codes.setdefault(point["libelle"], point["periode"])
        for target in indicator["cibles"]:
            codes.setdefault(target["periode"], target.get("code"))
    title = _FUNDER.title if template == "financeur" else template
    table = Table(title, _FUNDER.leading, _FUNDER.closing, _FUNDER.frozen, codes)
    return write_table(table, (_funder_row(*item) for item in found))


def _indicator_rows(cadre: dict[str, Any]) -> Any:
    """(sub-objective, expected result, indicator) for each indicator of the logframe."""
    for objective in cadre["sous_objectifs"]:
        name = f"{objective['code']} : {objective['intitule']}"
        for result in objective["resultats"]:
            for indicator in result["indicateurs"]:
                yield name, f"{result['code']} : {result['intitule']}", indicator
        for indicator in objective["indicateurs"]:
            yield name, "", indicator


def _funder_row(objective: str, result: str, indicator: dict[str, Any]) -> Row:
    """One indicator's cells, numbers as numbers and « — » nowhere (an empty cell)."""
    reference = indicator["reference"]
    cible = indicator["cible"]
    comparisons = [_("Comparaison :") + " " + c["texte"] for c in indicator.get("comparaisons", [])]
    notes = [indicator.get("commentaire"), *indicator["avertissements"], *comparisons]
    comment = " ; ".join(filter(None, notes))
    return Row(
        leading=[
            objective,
            result,
            indicator["code"],
            indicator["libelle"],
            indicator["unite"] or "",
        ],
        reference=reference["valeur"] if reference else None,
        targets={c["periode"]: c["valeur"] for c in indicator["cibles"]},
        actuals={p["libelle"]: p["valeur"] for p in indicator["serie"]},
        closing=[
            cible["valeur"] if cible else None,
            indicator["realise"],
            indicator["ecart"],
            _(indicator["statut"]),
            comment,
        ],
        number_format=number_format(indicator["type"], indicator.get("decimales")),
    )


# The dashboard (`status --format xlsx`).

_STATUS = Table(
    "Tableau de bord",
    [
        Column("Domaine", 24),
        Column("Critère", 24),
        Column("Code"),
        Column("Indicateur", 48),
        Column("Unité"),
    ],
    [
        Column("Valeur", number_format=FIGURE),
        Column("Période de la valeur"),
        Column("Cible", number_format=FIGURE),
        Column("Période de la cible"),
        Column("Progression", number_format="0%"),
        Column("Statut", 14),
        Column("Tendance", 10),
        Column("Avertissements", 40),
    ],
    frozen="E2",
)


def write_status_xlsx(data: dict[str, Any]) -> bytes:
    """The workbook of `status`'s `data`: its terminal table, with every period's figures."""
    found = [
        (f"{d['code']} — {d['nom']}", f"{c['code']} — {c['nom']}", item)
        for d in data["domaines"]
        for c in d["critères"]
        for item in c["indicateurs"]
    ]
    codes: dict[str, str | None] = {}
    for *_names, item in found:
        codes.update((name, name) for name in [*item["valeurs"], *item["cibles"]])
    table = Table(_STATUS.title, _STATUS.leading, _STATUS.closing, _STATUS.frozen, codes)
    chosen = bool(data.get("période_choisie"))
    return write_table(table, (_status_row(*entry, chosen) for entry in found))


def _status_row(domain: str, criterion: str, item: dict[str, Any], chosen: bool) -> Row:
    """One indicator of the dashboard: what `status` prints, every period's figures first."""
    from utilsoc.french import shared_decimals
    from utilsoc.report.dashboard import shown_value
    from utilsoc.report.wording import GAP_TO_EXPLAIN

    value, period = shown_value(item, chosen)
    reference = item["référence"]
    figures = [v for v in [*item["valeurs"].values(), *item["cibles"].values()] if v is not None]
    figures += [reference["valeur"]] if reference else []
    kind = item["type"]
    warnings = list(item["avertissements"])
    if item["écart_à_expliquer"]:
        warnings.insert(0, GAP_TO_EXPLAIN)
    return Row(
        leading=[domain, criterion, item["code"], item["libellé"], _unit(item)],
        reference=reference["valeur"] if reference else None,
        targets=dict(item["cibles"]),
        actuals=dict(item["valeurs"]),
        closing=[
            value,
            None if value is None else period,
            item["cible"],
            item["période_cible"],
            item["progression"],
            item["statut"],
            item["tendance"],
            " ; ".join(warnings),
        ],
        number_format=number_format(kind, shared_decimals([float(v) for v in figures], kind)),
    )


def _unit(item: dict[str, Any]) -> str:
    return "€" if item["type"] == "montant" else item["unité"] or ""
