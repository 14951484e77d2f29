"""Fixtures of the entry workbook tests: a folder with every kind of indicator, and a fiche."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from utilsoc.errors import ExitCode
from utilsoc.model.periods import Period
from utilsoc.project import find_root
from utilsoc.store.files import iter_records

KINDS = """\
          - code: taux_retour
            libellé: Taux de retour à l'emploi
            type: taux
            fréquence: annuelle
          - code: confiance
            libellé: Confiance moyenne
            type: score
            échelle: {min: 1, max: 5}
            fréquence: annuelle
          - code: charte_signee
            libellé: Charte signée
            type: oui_non
            fréquence: annuelle
          - code: recit
            libellé: Récit de l'année
            type: qualitatif
            fréquence: annuelle
"""


class Fiche:
    """An entry workbook for 2025 in a folder, written, filled and imported by the real CLI."""

    def __init__(self, cli, folder: Path) -> None:
        self.cli = cli
        self.folder = folder
        self.path = folder / "fiche.xlsx"

    def make(self, *extra: str) -> Path:
        args = ("-C", str(self.folder), "saisie", "--period", "2025", "-o", "fiche.xlsx")
        result = self.cli(*args, *extra)
        assert result.exit_code == 0, result.stderr
        return self.path

    def run_import(self, *extra: str, path: Path | None = None, folder: Path | None = None):
        where = str(folder or self.folder)
        return self.cli("-C", where, "import", str(path or self.path), "--author", "Léa", *extra)

    def rows(self, path: Path | None = None) -> dict[tuple[str, str | None], int]:
        """Row number of each (indicator, sexe) on the entry sheet."""
        sheet = openpyxl.load_workbook(path or self.path)["Saisie"]
        return {(r[0].value, r[2].value): r[0].row for r in sheet.iter_rows(min_row=2)}

    def fill(self, cells: dict[tuple[str, str | None, str], object]) -> None:
        """Type values in cells as a person would: (indicator, sexe, column) → value."""
        book = openpyxl.load_workbook(self.path)
        sheet = book["Saisie"]
        header = [c.value for c in sheet[1]]
        rows = self.rows()
        for (code, sexe, column), value in cells.items():
            cell = sheet.cell(rows[(code, sexe)], header.index(column) + 1)
            cell.value = value
            if not isinstance(value, dt.date):
                cell.number_format = "General"
        book.save(self.path)

    def mesures(self, folder: Path | None = None) -> dict[Path, bytes]:
        base = (folder or self.folder) / "mesures"
        return {p: p.read_bytes() for p in base.rglob("*.yaml")}

    def records(self) -> list:
        layout = find_root(self.folder)
        period = Period.parse("2025")
        return [r for _, c, _, _ in iter_records(layout, period) if c for r in c.valeurs]

    def refused(self, *extra: str, folder: Path | None = None) -> str:
        """The import fails as a data error, says no traceback and writes nothing."""
        before = self.mesures(folder)
        result = self.run_import(*extra, folder=folder)
        assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stdout
        assert "Traceback" not in result.stderr
        assert self.mesures(folder) == before
        return result.stderr


@pytest.fixture
def fiche(cli, example) -> Fiche:
    return Fiche(cli, example("vide", KINDS))
