"""`report --template financeur --format xlsx`: the target-vs-actual table as a workbook.

One row per indicator of the funder's logframe: its baseline, then the target and the
actual of each period, then the report's target, actual, gap and status. The header is
frozen, figures keep their numbers (a funder sums and charts them) in French display:
Excel and LibreOffice show `#,##0.0` as « 1 234,5 » in French, the file stores the
locale-neutral code.
"""

from __future__ import annotations

import io
from typing import Any

__all__ = ["write_xlsx"]

_FIXED = ["Sous-objectif", "Résultat attendu", "Code", "Indicateur", "Unité", "Référence"]
_LAST = ["Cible du rapport", "Réalisé", "Écart", "Statut", "Commentaire"]
_WIDTHS = {"Indicateur": 48, "Commentaire": 40, "Résultat attendu": 30, "Statut": 14}


def write_xlsx(context: dict[str, Any], template: str) -> bytes:
    """The workbook of the funder report's `context` (`template` names the sheet)."""
    from openpyxl import Workbook

    rows = list(_indicator_rows(context["cadre"]))
    periods = _periods([indicator for _, _, indicator in rows])
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Cibles et réalisés" if template == "financeur" else template[:31]
    header = _FIXED + [f"{p} — {w}" for p in periods for w in ("cible", "réalisé")] + _LAST
    sheet.append(header)
    for objective, result, indicator in rows:
        sheet.append(_row(objective, result, indicator, periods))
        _formats(sheet, sheet.max_row, indicator, len(header))
    _layout(sheet, header)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _indicator_rows(cadre: dict[str, Any]) -> Any:
    """(sub-objective, expected result, indicator) for each indicator of the logframe."""
    for objective in cadre["sous_objectifs"]:
        name = f"{objective['code']} : {objective['intitule']}"
        for result in objective["resultats"]:
            for indicator in result["indicateurs"]:
                yield name, f"{result['code']} : {result['intitule']}", indicator
        for indicator in objective["indicateurs"]:
            yield name, "", indicator


def _periods(indicators: list[dict[str, Any]]) -> list[str]:
    """Every period with a target or a value, by start then end (a quarter before its year)."""
    from utilsoc.model.periods import Period

    codes: dict[str, str | None] = {}
    for indicator in indicators:
        for point in indicator["serie"]:
            codes.setdefault(point["libelle"], point["periode"])
        for target in indicator["cibles"]:
            codes.setdefault(target["periode"], target.get("code"))

    def order(label: str) -> tuple[int, str, str]:
        code = codes[label]
        if code is None:  # a context kept by an earlier version: at the end
            return (1, "", label)
        period = Period.parse(code)
        return (0, f"{period.start}", f"{period.end}")

    return sorted(codes, key=order)


def _row(objective: str, result: str, indicator: dict[str, Any], periods: list[str]) -> list[Any]:
    """One indicator's cells, numbers as numbers and « — » nowhere (an empty cell)."""
    actual = {p["libelle"]: p["valeur"] for p in indicator["serie"]}
    target = {c["periode"]: c["valeur"] for c in indicator["cibles"]}
    reference = indicator["reference"]
    cells: list[Any] = [
        objective,
        result,
        indicator["code"],
        indicator["libelle"],
        indicator["unite"] or "",
        reference["valeur"] if reference else None,
    ]
    for period in periods:
        cells += [target.get(period), actual.get(period)]
    cible = indicator["cible"]
    comparisons = [f"Comparaison : {c['texte']}" for c in indicator.get("comparaisons", [])]
    notes = [indicator.get("commentaire"), *indicator["avertissements"], *comparisons]
    comment = " ; ".join(filter(None, notes))
    return [
        *cells,
        cible["valeur"] if cible else None,
        indicator["realise"],
        indicator["ecart"],
        indicator["statut"],
        comment,
    ]


def _number_format(indicator: dict[str, Any]) -> str:
    """The indicator's precision, with « % » for a rate."""
    decimals = indicator.get("decimales")
    shown = "#,##0" + ("." + "0" * decimals if decimals else "")
    return shown + '" %"' if indicator["type"] == "taux" else shown


def _formats(sheet: Any, row: int, indicator: dict[str, Any], columns: int) -> None:
    """French number display for the row's figures (from the baseline to the gap)."""
    number = _number_format(indicator)
    for column in range(len(_FIXED), columns - 1):
        sheet.cell(row, column).number_format = number


def _layout(sheet: Any, header: list[str]) -> None:
    """Bold wrapped header, frozen with the indicator's columns, widths to read."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE8F0")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "E2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, 16)
    sheet.row_dimensions[1].height = 45
