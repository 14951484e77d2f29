"""What the mapping of an `import` gets wrong, said at the mapping file's line.

Why: a column, an indicator code, a dimension or a period that only the mapping names
was reported at a cell of every row of the table (`a.csv:2:1`), where the user looked
in vain; it is one mistake, at one line of the mapping.
"""

from __future__ import annotations

import difflib
from typing import Any

from utilsoc.actions.import_cells import cell_text
from utilsoc.check.values import Problem
from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue
from utilsoc.model.correspondance import Correspondance, Termes
from utilsoc.model.referentiel import Referentiel
from utilsoc.tables.spreadsheet import Table

NO_PERIOD = (
    "période manquante : la correspondance ne donne ni la colonne de la période "
    "(sous « colonnes ») ni « période: »",
    "ajoutez « période: 2026 » à la correspondance (la période de toutes les lignes), "
    "ou « période: Nom de la colonne » sous « colonnes »",
)


def check_columns(table: Table, mapping: Correspondance) -> None:
    """Each column the mapping names must be in the table: said at the mapping's line."""
    wanted = _wanted(mapping)
    hint = "colonnes du fichier : " + ", ".join(table.header)
    issues = []
    for loc, name in wanted:
        if name in table.header:
            continue
        file, line, column = mapping.where(*loc, key=False) or (table.file, 1, 1)
        message = f"colonne « {name} » introuvable dans {table.file}"
        issues.append(Issue(file, line, column, Code.COLONNE_MANQUANTE, message, hint))
    if issues:
        raise DataErrors(issues)


def _wanted(mapping: Correspondance) -> list[tuple[tuple[str | int, ...], str]]:
    """Each column the mapping names, with the key that names it."""
    listed = isinstance(mapping.filtre, list)
    return [
        *((("colonnes", str(field)), name) for field, name in mapping.colonnes.items()),
        *((("dimensions", dim), name) for dim, name in mapping.dimensions.items()),
        *(
            ((("indicateurs", code, *term), name))
            for code, target in mapping.indicateurs.items()
            for term, name in _named_columns(target)
        ),
        *(
            (("filtre", *((n,) if listed else ()), "colonne"), f.colonne)
            for n, f in enumerate(mapping.filters)
        ),
    ]


def kept_rows(table: Table, mapping: Correspondance) -> list[tuple[int, dict[str, Any]]]:
    """The rows every filter of the mapping keeps (all of them without `filtre`).

    Why: survey exports hold every submission; only the reviewed ones (KoboToolbox's
    `_validation_status`) should count.
    """
    filters = mapping.filters
    return [
        (number, row)
        for number, row in table.rows
        if all(f.keeps(cell_text(row.get(f.colonne))) for f in filters)
    ]


def _named_columns(target: str | Termes) -> list[tuple[tuple[str, ...], str]]:
    """The columns of an indicator in a wide table: its own, or a rate's two terms."""
    if isinstance(target, str):
        return [((), target)]
    return [(("numérateur",), target.numerateur), (("dénominateur",), target.denominateur)]


def mapping_key(
    mapping: Correspondance,
    referentiel: Referentiel | None,
    problem: Problem,
    code: str,
    *,
    period_in_row: bool,
) -> tuple[str, ...] | None:
    """The mapping's key a problem comes from, when no cell of the row holds its cause.

    With `indicateurs:`, the codes are the mapping's, and so are the dimensions of every
    value; a dimension the référentiel does not declare is the mapping's in any table;
    a period is the mapping's when the row does not give it (`période: 2026-T1`).
    """
    wide = bool(mapping.indicateurs)
    if problem.dimension is not None:
        unknown = problem.code is Code.DIMENSION_INCONNUE
        if unknown and (wide or not _declared(referentiel, problem.dimension)):
            return ("dimensions", problem.dimension)
        return None
    if wide and (problem.field == "indicateur" or problem.code is Code.INDICATEUR_CALCULE):
        return ("indicateurs", code)
    if problem.field == "periode" and not period_in_row:
        return ("période",)
    return None


def mapping_words(referentiel: Referentiel | None, problem: Problem) -> tuple[str, str]:
    """The problem's message and hint, said of the mapping when it needs other words."""
    name = problem.dimension
    if name is None or _declared(referentiel, name):
        return problem.message, problem.hint
    declared = [d.code for d in referentiel.dimensions] if referentiel else []
    close = difflib.get_close_matches(name, declared, n=1)
    hint = f"dimensions du référentiel : {', '.join(declared) or 'aucune'}"
    if close:
        hint = f"vouliez-vous dire « {close[0]} » ? ({hint})"
    return f"dimension « {name} » inconnue du référentiel", hint


def _declared(referentiel: Referentiel | None, name: str) -> bool:
    return referentiel is not None and name in referentiel.dimension_values()
