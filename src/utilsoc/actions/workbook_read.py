"""Reading back an entry workbook (`utilsoc saisie`): its own keys stand for a mapping.

Every problem is located by sheet and cell (`fiche.xlsx:12:5: feuille Saisie, E12 : …`);
the records then go through the import's checks like any table's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utilsoc.actions.workbook import (
    CODE,
    DENOMINATOR,
    FORMAT,
    INPUTS,
    KIND,
    META,
    NOTE,
    NUMERATOR,
    VALUE,
)
from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue, UsageError
from utilsoc.model.correspondance import Correspondance
from utilsoc.model.periods import Period
from utilsoc.tables.spreadsheet import MAX_TABLE_BYTES, Table
from utilsoc.yamlio.source import read_regular

REMADE = "refaites la fiche avec « utilsoc saisie » et recopiez-y les valeurs"


@dataclass
class Entry:
    """A workbook read back: the table of its filled rows and the mapping it stands for."""

    table: Table
    mapping: Correspondance
    sheet: str
    digest: str
    notes: list[str] = field(default_factory=list)


@dataclass
class _Book:
    """The two readings of a workbook: as typed (formulas), and the values Excel kept."""

    display: str
    typed: Any
    cached: Any

    def issue(self, sheet: str, row: int, column: int, code: Code, text: str, hint: str) -> Issue:
        from openpyxl.utils import get_column_letter

        where = f"feuille {sheet}, {get_column_letter(column)}{row}"
        return Issue(self.display, row, column, code, f"{where} : {text}", hint)


def is_entry_workbook(path: Path) -> bool:
    """True for an .xlsx file holding the hidden sheet of `utilsoc saisie`."""
    import zipfile

    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return f'name="{META}"' in archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def read_entry(
    path: Path, display: str, association: str, author: str, expected: Period | None
) -> Entry:
    """The filled rows of the workbook at `path`, checked against its hidden keys.

    Raises:
        DataErrors: another association or period, an edited structure, a bad cell.
    """
    book = _open(path, display)
    meta = _metadata(book)
    period = _check_origin(book, meta, association, expected)
    sheet = str(meta["feuille"])
    if sheet not in book.typed.sheetnames:
        names = ", ".join(n for n in book.typed.sheetnames if n != META)
        raise DataErrors(
            [
                Issue(
                    display,
                    1,
                    1,
                    Code.FICHE_MODIFIEE,
                    f"feuille « {sheet} » introuvable (feuilles : {names})",
                    f"redonnez-lui son nom « {sheet} », ou {REMADE}",
                )
            ]
        )
    columns: list[str] = json.loads(str(meta["colonnes"]))
    rows = _rows(book, sheet, columns, meta["lignes"])
    dims = {name: name for name in columns[2 : columns.index(KIND)]}
    mapping = Correspondance.model_validate(
        {
            "auteur": author,
            "période": period.name,
            "colonnes": {
                "indicateur": CODE,
                "valeur": VALUE,
                "numérateur": NUMERATOR,
                "dénominateur": DENOMINATOR,
                "note": NOTE,
            },
            "dimensions": dims,
        }
    )
    return Entry(Table(display, columns, rows), mapping, sheet, str(meta["référentiel"]))


def located(entry: Entry, error: DataErrors) -> DataErrors:
    """The import's issues about the workbook's rows, said with their sheet and cell."""
    from openpyxl.utils import get_column_letter

    issues = [
        dataclasses.replace(
            issue,
            message=f"feuille {entry.sheet}, {get_column_letter(issue.column)}{issue.line} : "
            f"{issue.message}",
        )
        if issue.file == entry.table.file and not issue.message.startswith("feuille ")
        else issue
        for issue in error.issues
    ]
    return DataErrors(issues)


def _open(path: Path, display: str) -> _Book:
    import zipfile
    from xml.etree.ElementTree import ParseError

    import openpyxl

    raw = read_regular(path, display, MAX_TABLE_BYTES)
    try:
        typed = openpyxl.load_workbook(io.BytesIO(raw), data_only=False)
        cached = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    except (zipfile.BadZipFile, ParseError, KeyError, IndexError, ValueError, TypeError, OSError):
        text = "classeur Excel illisible (fichier abîmé)"
        hint = "ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx"
        raise DataErrors([Issue(display, 1, 1, Code.TABLEAU_ILLISIBLE, text, hint)]) from None
    return _Book(display, typed, cached)


def _metadata(book: _Book) -> dict[str, Any]:
    """The hidden sheet's keys, and its `lignes` as (row, code, dimensions)."""
    sheet = book.typed[META]
    meta: dict[str, Any] = {"lignes": []}
    for line in sheet.iter_rows(values_only=True):
        if line and line[0] == "lignes":
            keys = json.loads("".join(str(piece) for piece in line[1:] if piece))
            meta["lignes"] = [(int(n), str(code), dict(dims)) for n, code, dims in keys]
        elif line and line[0]:
            meta[str(line[0])] = line[1]
    if meta.get("format") != FORMAT:
        raise UsageError(
            f"{book.display} : fiche de saisie d'un format inconnu ({meta.get('format')})",
            "refaites la fiche avec « utilsoc saisie »",
        )
    return meta


def _check_origin(
    book: _Book, meta: dict[str, Any], association: str, expected: Period | None
) -> Period:
    """The workbook's period, once it is known to be this association's, and the one asked."""
    issues = []
    if meta.get("association") != association:
        text = f"fiche de « {meta.get('association')} », ce dossier est celui de « {association} »"
        hint = "importez-la dans le dossier de son association, ou faites-en une ici"
        issues.append(book.issue(META, 2, 2, Code.FICHE_AUTRE, text, hint))
    period = Period.parse(str(meta["période"]))
    if expected is not None and period != expected:
        text = f"fiche de la période {period.name}, {expected.name} attendue"
        hint = f"importez la fiche de {expected.name}, ou relancez avec --period {period.name}"
        issues.append(book.issue(META, 3, 2, Code.FICHE_AUTRE, text, hint))
    if issues:
        raise DataErrors(issues)
    return period


def _rows(
    book: _Book, sheet: str, columns: list[str], keys: list[tuple[int, str, dict[str, str]]]
) -> list[tuple[int, dict[str, Any]]]:
    """The filled rows, each checked against its key; every bad cell said, then raised."""
    width = len(columns)
    grid = {line[0].row: line for line in book.typed[sheet].iter_rows(max_col=width)}
    kept = book.cached[sheet].iter_rows(max_col=width, values_only=True)
    cached = dict(enumerate(kept, start=1))
    _check_header(book, sheet, columns, grid)
    _check_keys(book, sheet, columns, keys, grid)
    issues: list[Issue] = []
    rows = []
    where = {name: columns.index(name) for name in INPUTS}
    for number, _, _ in keys:
        row = {name: cell.value for name, cell in zip(columns, grid[number], strict=False)}
        inputs = {
            name: _cell(book, sheet, grid[number][n], cached[number][n], issues, name != NOTE)
            for name, n in where.items()
        }
        if any(inputs[name] not in (None, "") for name in (VALUE, NUMERATOR, DENOMINATOR)):
            rows.append((number, row | inputs))
    if issues:
        raise DataErrors(issues)
    return rows


def _check_header(
    book: _Book, sheet: str, columns: list[str], grid: dict[int, tuple[Any, ...]]
) -> None:
    """The first row still names the columns the workbook was made with, in order."""
    header = [c.value for c in grid.get(1, ())] + [None] * len(columns)
    moved = [n for n, (a, b) in enumerate(zip(header, columns, strict=False)) if a != b]
    if moved:
        first = moved[0]
        text = f"colonne « {columns[first]} » attendue, « {header[first] or ''} » lue"
        hint = f"ne déplacez ni ne supprimez de colonne : {REMADE}"
        raise DataErrors([book.issue(sheet, 1, first + 1, Code.FICHE_MODIFIEE, text, hint)])


def _check_keys(
    book: _Book,
    sheet: str,
    columns: list[str],
    keys: list[tuple[int, str, dict[str, str]]],
    grid: dict[int, tuple[Any, ...]],
) -> None:
    """Each row still holds the indicator and dimensions it was made for; none added."""
    hint = f"ne supprimez, n'ajoutez ni ne déplacez de ligne : {REMADE}"
    for number, code, dims in keys:
        found = _key_at(grid.get(number), columns, dims)
        if found != (code, dims):
            shown = " ".join([code, *(f"{k}={v}" for k, v in dims.items())])
            text = f"ligne de « {shown} » attendue, « {found[0] or ''} » lu : lignes supprimées ?"
            raise DataErrors([book.issue(sheet, number, 1, Code.FICHE_MODIFIEE, text, hint)])
    last = keys[-1][0] if keys else 1
    added = [n for n, line in grid.items() if n > last and _filled(line)]
    if added:
        text = "ligne ajoutée, absente de la fiche d'origine"
        raise DataErrors([book.issue(sheet, added[0], 1, Code.FICHE_MODIFIEE, text, hint)])


def _filled(line: tuple[Any, ...]) -> bool:
    return any(cell.value not in (None, "") for cell in line)


def _key_at(
    line: tuple[Any, ...] | None, columns: list[str], dims: dict[str, str]
) -> tuple[Any, dict[str, Any]]:
    """The indicator code and the dimension values a row of the sheet holds now."""
    if not line:
        return None, {}
    return line[0].value, {name: line[columns.index(name)].value for name in dims}


def _cell(
    book: _Book, sheet: str, cell: Any, cached: Any, issues: list[Issue], number: bool
) -> Any:
    """An input cell's value: a formula's kept result (never evaluated), no date for a number."""
    value = cell.value
    if cell.data_type == "f":
        value = cached
        if value is None:
            text = f"formule sans valeur calculée : {cell.value}"
            hint = "ouvrez et enregistrez le classeur dans Excel ou LibreOffice, ou tapez la valeur"
            issues.append(book.issue(sheet, cell.row, cell.column, Code.FORMULE, text, hint))
            return None
    if number and isinstance(value, dt.date | dt.time | dt.timedelta):
        text = f"une date ({value}) là où un nombre est attendu"
        hint = "tapez un nombre ; si la cellule s'affiche en date, mettez-la au format Nombre"
        issues.append(book.issue(sheet, cell.row, cell.column, Code.LIGNE_INVALIDE, text, hint))
        return None
    return value.strip() if isinstance(value, str) else value
