"""The sheets of the entry workbook: instructions, and the protected, validated entry sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from utilsoc.actions.workbook import (
    CODE,
    DENOMINATOR,
    KIND,
    LABEL,
    NOTE,
    NUMBER_KINDS,
    NUMERATOR,
    PREVIOUS,
    TARGET,
    VALUE,
    Row,
)
from utilsoc.model.mesures import Mesure
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur, Referentiel, TypeIndicateur

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_OPEN = Protection(locked=False)
_BOLD = Font(bold=True)
_GREY = PatternFill("solid", fgColor="DDDDDD")
_NUMBER = "décimal"
_Kind = Literal["decimal", "list", "textLength"]


def fill_instructions(
    sheet: Worksheet, association: str, period: Period, lines: tuple[str, ...]
) -> None:
    """A first sheet saying what to fill and how, in French."""
    sheet.title = "Instructions"
    sheet["A1"] = f"Fiche de saisie — {association} — {period.label} ({period.name})"
    sheet["A1"].font = Font(bold=True, size=14)
    for number, line in enumerate(lines, start=3):
        sheet.cell(number, 1, line)
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True


def fill_entry_sheet(
    sheet: Worksheet, referentiel: Referentiel, columns: list[str], rows: list[Row]
) -> None:
    """One row per value to enter; only the input cells unlocked, each one validated."""
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = _BOLD
    position = {name: number for number, name in enumerate(columns, start=1)}
    checks = _Checks(sheet, referentiel)
    for number, row in enumerate(rows, start=2):
        sheet.append(_cells(row, columns))
        for name in row.dimensions:
            checks.add(f"dim:{name}", sheet.cell(number, position[name]))
        for name, kind in _inputs(row.indicator):
            cell = sheet.cell(number, position[name])
            cell.protection = _OPEN
            checks.add(kind, cell)
        if row.indicator.type is TypeIndicateur.TAUX:
            sheet.cell(number, position[VALUE]).fill = _GREY
    checks.write()
    sheet.freeze_panes = "C2"
    for name, width in ((CODE, 28), (LABEL, 45), (KIND, 24), (PREVIOUS, 18), (NOTE, 30)):
        sheet.column_dimensions[get_column_letter(position[name])].width = width
    sheet.protection.sheet = True


def _cells(row: Row, columns: list[str]) -> list[Any]:
    """The row as written: its key and labels, a value already recorded, the context."""
    ind = row.indicator
    known: dict[str, Any] = {
        CODE: ind.code,
        LABEL: ind.libelle,
        KIND: _kind_text(ind),
        PREVIOUS: _shown(ind, row.previous),
        TARGET: row.target,
        **row.dimensions,
    }
    if row.recorded is not None:
        known |= {
            VALUE: _typed(ind, row.recorded.valeur),
            NUMERATOR: row.recorded.numerateur,
            DENOMINATOR: row.recorded.denominateur,
            NOTE: row.recorded.note,
        }
    return [known.get(name) for name in columns]


def _inputs(indicator: Indicateur) -> list[tuple[str, str]]:
    """The cells to fill for this indicator, each with its kind of validation."""
    kind = indicator.type
    if kind is TypeIndicateur.TAUX:
        return [(NUMERATOR, "positif"), (DENOMINATOR, "positif"), (NOTE, "texte")]
    if kind is TypeIndicateur.SCORE and indicator.echelle is not None:
        value = f"échelle:{indicator.echelle.min:g}:{indicator.echelle.max:g}"
    elif kind is TypeIndicateur.OUI_NON:
        value = "oui_non"
    elif kind is TypeIndicateur.QUALITATIF:
        value = "texte"
    else:
        value = "positif" if kind in NUMBER_KINDS else _NUMBER
    return [(VALUE, value), (NOTE, "texte")]


def _kind_text(indicator: Indicateur) -> str:
    kind = indicator.type
    if kind is TypeIndicateur.TAUX:
        return "taux : numérateur et dénominateur"
    if kind is TypeIndicateur.SCORE and indicator.echelle is not None:
        return f"note de {indicator.echelle.min:g} à {indicator.echelle.max:g}"
    if kind is TypeIndicateur.OUI_NON:
        return "oui ou non"
    if kind is TypeIndicateur.QUALITATIF:
        return "texte"
    return f"{kind.value}" + (f" ({indicator.unite})" if indicator.unite else "")


def _typed(indicator: Indicateur, value: Any) -> Any:
    """A recorded value as a cell holds it: a number for a figure, oui/non for a boolean."""
    if value is None or indicator.type is TypeIndicateur.QUALITATIF:
        return value
    text = str(value).strip().lower()
    if indicator.type is TypeIndicateur.OUI_NON or isinstance(value, bool):
        return {"true": "oui", "false": "non"}.get(text, value)
    try:
        number = float(text)
    except ValueError:
        return value
    return int(number) if number.is_integer() else number


def _shown(indicator: Indicateur, previous: Mesure | None) -> Any:
    """The value of the period before: a number stays a number, a rate shows its terms."""
    if previous is None:
        return None
    if previous.numerateur is not None and previous.denominateur is not None:
        return f"{previous.numerateur:g}/{previous.denominateur:g}".replace(".", ",")
    return _typed(indicator, previous.valeur)


class _Checks:
    """One data validation per kind of cell, each covering every cell of that kind.

    Why the cells are gathered first: openpyxl checks each added cell against every range
    already there, which took a minute for 4,000 rows; runs of one column become one range.
    """

    def __init__(self, sheet: Worksheet, referentiel: Referentiel) -> None:
        self.sheet = sheet
        self.values = {d.code: d.valeurs for d in referentiel.dimensions}
        self.cells: dict[str, dict[str, list[int]]] = {}

    def add(self, kind: str, cell: Any) -> None:
        """Put `cell` under the validation of `kind`."""
        self.cells.setdefault(kind, {}).setdefault(cell.column_letter, []).append(cell.row)

    def write(self) -> None:
        """Add each validation to the sheet, its cells as column runs."""
        for kind, columns in self.cells.items():
            validation = self._validation(kind)
            validation.sqref = MultiCellRange(
                " ".join(r for letter, rows in columns.items() for r in _runs(letter, rows))
            )
            self.sheet.add_data_validation(validation)

    def _validation(self, kind: str) -> DataValidation:
        if kind.startswith("dim:"):
            choices = ",".join(self.values[kind[4:]])
            return _made("list", f'"{choices}"', None, "une des valeurs de la dimension")
        if kind.startswith("échelle:"):
            low, high = kind.split(":")[1:]
            return _made("decimal", low, high, f"une note de {low} à {high}")
        if kind == "oui_non":
            return _made("list", '"oui,non"', None, "oui ou non")
        if kind == "texte":
            return _made("textLength", "0", "5000", "un texte de 5000 caractères au plus")
        low = "0" if kind == "positif" else "-1E+15"
        return _made("decimal", low, "1E+15", "un nombre" + (" positif" if low == "0" else ""))


def _runs(letter: str, rows: list[int]) -> list[str]:
    """`E2:E5`, `E7` for rows 2, 3, 4, 5, 7 of column E."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return [f"{letter}{a}" if a == b else f"{letter}{a}:{letter}{b}" for a, b in runs]


def _made(kind: _Kind, first: str, second: str | None, wanted: str) -> DataValidation:
    return DataValidation(
        type=kind,
        operator=None if kind == "list" else "between",
        formula1=first,
        formula2=second,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Valeur refusée",
        error=f"Attendu : {wanted}.",
    )
