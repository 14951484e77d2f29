"""`saisie`: an entry workbook for one period, which `import` reads back with no mapping.

One row per indicator due for the period and combination of its dimension values (as
`record`'s guided entry asks them), the cells to fill unlocked and validated, the value
of the period before and the target beside each row. A very hidden sheet keeps what the
import needs: the association, the period, the référentiel's digest and each row's key.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

from utilsoc.actions.entry import Due, Slot, entry_plan
from utilsoc.errors import UsageError
from utilsoc.model.mesures import Mesure
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur, Referentiel, TypeIndicateur
from utilsoc.project import Layout

FORMAT = "utilsoc-saisie-1"
SHEET = "Saisie"
CELL_TEXT = 30000
META = "utilsoc"
CODE, LABEL, KIND = "Indicateur", "Libellé", "À saisir"
VALUE, NUMERATOR, DENOMINATOR, NOTE = "Valeur", "Numérateur", "Dénominateur", "Note"
PREVIOUS, TARGET = "Période précédente", "Cible"
INPUTS = (VALUE, NUMERATOR, DENOMINATOR, NOTE)
NUMBER_KINDS = {TypeIndicateur.NOMBRE, TypeIndicateur.MONTANT, TypeIndicateur.DUREE}
INSTRUCTIONS = (
    "Remplissez la feuille « Saisie » : une ligne par indicateur et par valeur de dimension.",
    "Seules les cellules blanches se remplissent : Valeur (un nombre, une note dans "
    "l'échelle, oui ou non, ou un texte), Numérateur et Dénominateur pour un taux, Note.",
    "Écrivez les nombres sans unité ; la virgule décimale est acceptée.",
    "Laissez vide une ligne dont vous n'avez pas la valeur : elle n'est pas importée.",
    "Ne supprimez, ne déplacez et ne renommez ni ligne, ni colonne, ni feuille.",
    "Pas de formule : collez plutôt des valeurs (« collage spécial → valeurs »).",
    "Une fois rempli, enregistrez le classeur au format .xlsx et importez-le : "
    "« utilsoc import fiche.xlsx ». Rien n'est écrit si une cellule pose problème.",
)


@dataclass(frozen=True)
class Row:
    """One row to fill: an indicator and its dimension values, with what is shown beside."""

    indicator: Indicateur
    dimensions: dict[str, str]
    previous: Mesure | None
    recorded: Mesure | None
    target: float | None


def referentiel_digest(layout: Layout) -> str:
    """A short digest of referentiel.yaml as it is now."""
    return hashlib.blake2b(layout.referentiel.read_bytes(), digest_size=8).hexdigest()


def entry_rows(
    layout: Layout, referentiel: Referentiel, period: Period, narrow: dict[str, str]
) -> list[Row]:
    """The rows of the workbook: every value due for `period`, narrowed by `narrow`.

    Raises:
        UsageError: a dimension or value of `narrow` the référentiel does not declare.
    """
    declared = {d.code: d.valeurs for d in referentiel.dimensions}
    for name, value in narrow.items():
        if name not in declared:
            raise UsageError(
                f"dimension « {name} » inconnue", f"dimensions : {', '.join(declared) or 'aucune'}"
            )
        if value not in declared[name]:
            raise UsageError(
                f"« {value} » n'est pas une valeur de la dimension « {name} »",
                f"valeurs : {', '.join(declared[name])}",
            )
    return [
        _row(due, slot)
        for due in entry_plan(layout, referentiel, period)
        for slot in due.slots
        if all(slot.dimensions.get(name) == value for name, value in narrow.items())
    ]


def _row(due: Due, slot: Slot) -> Row:
    target = due.target.valeur if due.target is not None else None
    return Row(slot.indicator, slot.dimensions, slot.previous, slot.recorded, target)


def header(referentiel: Referentiel, rows: list[Row]) -> list[str]:
    """The columns of the sheet: the dimensions used by some row, in the référentiel's order."""
    used = {name for row in rows for name in row.dimensions}
    dims = [d.code for d in referentiel.dimensions if d.code in used]
    return [CODE, LABEL, *dims, KIND, *INPUTS, PREVIOUS, TARGET]


def build_workbook(
    association: str, digest: str, referentiel: Referentiel, period: Period, rows: list[Row]
) -> bytes:
    """The workbook's bytes: instructions, the protected entry sheet, the hidden keys."""
    import openpyxl

    from utilsoc.actions.workbook_sheet import fill_entry_sheet, fill_instructions

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    fill_instructions(first, association, period, INSTRUCTIONS)
    columns = header(referentiel, rows)
    fill_entry_sheet(book.create_sheet(SHEET), referentiel, columns, rows)
    meta = book.create_sheet(META)
    for line in _metadata(association, digest, period, columns, rows):
        meta.append(line)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _metadata(
    association: str, digest: str, period: Period, columns: list[str], rows: list[Row]
) -> list[list[Any]]:
    """Key-value lines, then `lignes`: each row's number, indicator and dimensions, in JSON."""
    lines: list[list[Any]] = [
        ["format", FORMAT],
        ["association", association],
        ["période", period.name],
        ["référentiel", digest],
        ["feuille", SHEET],
        ["colonnes", json.dumps(columns, ensure_ascii=False)],
    ]
    keys = [[n, row.indicator.code, row.dimensions] for n, row in enumerate(rows, start=2)]
    text = json.dumps(keys, ensure_ascii=False, sort_keys=True)
    # Why in pieces: a cell holds at most 32,767 characters.
    lines.append(["lignes", *(text[i : i + CELL_TEXT] for i in range(0, len(text), CELL_TEXT))])
    return lines
