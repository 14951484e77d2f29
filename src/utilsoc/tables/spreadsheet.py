"""Spreadsheets in and out: CSV (`;` or `,`, UTF-8 ± BOM) and XLSX, French-Excel friendly."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue, UsageError
from utilsoc.yamlio.decode import decode_text
from utilsoc.yamlio.source import read_regular

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_TABLE_BYTES = 50 * 1024 * 1024
# Bytes no text file holds: what decodes to them in Windows-1252 is not a CSV.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Table:
    """Rows of a spreadsheet as text, with the header and where each row came from."""

    file: str
    header: list[str]
    rows: list[tuple[int, dict[str, Any]]]
    encoding: str = "utf-8"

    @property
    def notice(self) -> str | None:
        """A line to show when the file was not read as UTF-8, else None."""
        if self.encoding == "cp1252":
            return f"{self.file} : tableau lu en Windows-1252 (CSV d'Excel)"
        return None


def read_table(path: Path, display: str) -> Table:
    """Read a CSV or XLSX file into rows keyed by header.

    Raises:
        UsageError: unknown extension or missing file.
        DataErrors: not a regular file, wrong encoding, formulas, empty or damaged file.
    """
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        if not path.exists():
            raise UsageError(f"fichier introuvable : {display}")
        raise UsageError(f"{display} : format non reconnu", "utilisez un fichier .csv ou .xlsx")
    raw = read_regular(path, display, MAX_TABLE_BYTES)
    if suffix == ".csv":
        return _read_csv(raw, display)
    return _read_xlsx(raw, display)


def _read_csv(raw: bytes, display: str) -> Table:
    text, encoding = _decode_csv(raw, display)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines = list(reader)
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise DataErrors([_empty(display, "le fichier est vide")])
    header = [cell.strip() for cell in lines[0]]
    return Table(display, header, _csv_rows(header, lines[1:]), encoding)


def _csv_rows(header: list[str], lines: list[list[str]]) -> list[tuple[int, dict[str, Any]]]:
    """Each non-blank line after the header, keyed by column, with its line number."""
    return [
        (number, dict(zip(header, (c.strip() for c in row), strict=False)))
        for number, row in enumerate(lines, start=2)
        if any(c.strip() for c in row)
    ]


def _decode_csv(raw: bytes, display: str) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (± BOM, or UTF-16 with BOM), else Windows-1252.

    Why: French Excel's « CSV (séparateur : point-virgule) » is Windows-1252. It is tried
    only when UTF-8 fails on the very first non-ASCII byte, so a UTF-8 file with one stray
    byte is still refused instead of being read as « Ã© ».
    """
    text, issues = decode_text(raw, display)
    if not issues:
        return text, "utf-8"
    if issues[0].code != Code.ENCODAGE or raw.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        raise DataErrors(issues)
    excel = _windows_1252(raw.removeprefix(codecs.BOM_UTF8))
    if excel is None:
        raise DataErrors(issues)
    return excel.replace("\r\n", "\n").replace("\r", "\n"), "cp1252"


def _windows_1252(body: bytes) -> str | None:
    """The text, if `body` fails as UTF-8 at its first non-ASCII byte and is clean cp1252."""
    try:
        body.decode("utf-8")
        return None
    except UnicodeDecodeError as error:
        if not body[: error.start].isascii():
            return None  # valid UTF-8 before the bad byte: a damaged UTF-8 file
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return None if _CONTROL.search(text) else text


def _empty(display: str, message: str) -> Issue:
    return Issue(
        display,
        1,
        1,
        Code.TABLEAU_VIDE,
        message,
        "la première ligne doit porter les noms de colonnes",
    )


def _read_xlsx(raw: bytes, display: str) -> Table:
    grid = _xlsx_grid(raw, display)
    formulas = [
        _formula(display, cell)
        for row in grid
        for cell in row
        if getattr(cell, "data_type", None) == "f"
    ]
    if formulas:
        raise DataErrors(formulas)
    if not grid:
        raise DataErrors([_empty(display, "la feuille est vide")])
    header = [_cell_text(cell.value) for cell in grid[0]]
    return Table(display, header, _xlsx_rows(header, grid[1:]))


def _xlsx_rows(header: list[str], grid: list[list[Any]]) -> list[tuple[int, dict[str, Any]]]:
    """Each non-blank row after the header, keyed by column, with its row number."""
    return [
        (number, {h: _cell_value(c.value) for h, c in zip(header, row, strict=False)})
        for number, row in enumerate(grid, start=2)
        if any(c.value not in (None, "") for c in row)
    ]


def _formula(display: str, cell: Any) -> Issue:
    return Issue(
        display,
        cell.row or 1,
        cell.column or 1,
        Code.FORMULE,
        f"formule dans la cellule {cell.coordinate} : {cell.value}",
        "copiez puis « collage spécial → valeurs » avant d'importer",
    )


def _xlsx_grid(raw: bytes, display: str) -> list[list[Any]]:
    import zipfile
    from xml.etree.ElementTree import ParseError

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        try:
            return [list(row) for row in book.worksheets[0].iter_rows()]
        finally:
            book.close()
    except (zipfile.BadZipFile, ParseError, KeyError, IndexError, ValueError, TypeError, OSError):
        raise DataErrors(
            [
                Issue(
                    display,
                    1,
                    1,
                    Code.TABLEAU_ILLISIBLE,
                    "classeur Excel illisible (fichier abîmé, ou d'un autre format)",
                    "ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx",
                )
            ]
        ) from None


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _cell_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def protect(text: str) -> str:
    """Neutralise a text Excel would run as a formula (CWE-1236)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path: Path | None, header: list[str], rows: Iterable[list[Any]]) -> str:
    """CSV for French Excel: UTF-8 with BOM, `;`, decimal comma, formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    text = "\ufeff" + buffer.getvalue()
    if path is not None:
        from utilsoc.store.atomic import write_atomic

        write_atomic(path, text)
    return text


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int | float):
        return exact_decimal(value)
    return protect(str(value))


def exact_decimal(number: float) -> str:
    """`5420.35` → `5420,35`: every digit the value has, a decimal comma, no exponent.

    Why: an export is read back by `import`; rounding it for the eye (`5420,4`) would
    make a re-imported value differ from the recorded one.
    """
    from decimal import Decimal

    text = format(Decimal(repr(number)), "f") if isinstance(number, float) else str(number)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def write_xlsx(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    """XLSX with numbers as numbers and every text stored as text, never as a formula."""
    import openpyxl
    from openpyxl.cell.cell import TYPE_STRING

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "valeurs"
    sheet.append(header)
    for row in rows:
        sheet.append([None if v is None else v for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.value = protect(cell.value)
                cell.data_type = TYPE_STRING
    buffer = io.BytesIO()
    book.save(buffer)
    from utilsoc.store.atomic import write_atomic_bytes

    write_atomic_bytes(path, buffer.getvalue())
