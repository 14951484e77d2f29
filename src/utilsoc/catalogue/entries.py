"""The catalogue's data: one YAML file per registre, validated by the référentiel's models.

Why the référentiel's own `Indicateur` model: an entry copied into a référentiel must be a
valid indicator there, so the catalogue is held to exactly the same keys and values.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import Field, ValidationError

from utilsoc.errors import DataErrors, UserError
from utilsoc.model.base import Code, Modele, Texte
from utilsoc.model.referentiel import Dimension, Indicateur
from utilsoc.yamlio.keys import normalize_key
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import read_yaml

DATA = Path(__file__).parent / "data"
DIMENSIONS_FILE = "dimensions.yaml"
M = TypeVar("M", bound=Modele)


class Registre(Modele):
    """A registre (domain) of the catalogue and its indicators."""

    code: Code
    nom: Texte
    description: Texte
    indicateurs: list[Indicateur] = Field(min_length=1)


class _Dimensions(Modele):
    dimensions: list[Dimension]


@dataclass(frozen=True)
class Entry:
    """One indicator of the catalogue, with the registre it belongs to."""

    registre: Registre
    indicateur: Indicateur


def registres() -> list[Registre]:
    """Every registre, in the catalogue's order (the files' numbering)."""
    return list(_registres())


def entries(registre: str | None = None) -> list[Entry]:
    """The catalogue's indicators, in order; only those of `registre` (code) when given.

    Raises:
        UserError: `registre` names no registre of the catalogue.
    """
    chosen = _registres() if registre is None else (find_registre(registre),)
    return [Entry(r, indicateur) for r in chosen for indicateur in r.indicateurs]


def codes() -> frozenset[str]:
    """The code of every indicator of the catalogue."""
    return frozenset(_by_code())


def entry(code: str) -> Entry:
    """The catalogue's indicator `code`.

    Raises:
        UserError: no indicator of the catalogue has this code (close ones suggested).
    """
    found = _by_code().get(code)
    if found is None:
        close = difflib.get_close_matches(code, list(_by_code()), n=3, cutoff=0.6)
        hint = (
            "vouliez-vous dire " + ", ".join(f"« {c} »" for c in close) + " ?"
            if close
            else "voyez la liste avec « utilsoc catalogue » ou « utilsoc catalogue --cherche MOT »"
        )
        raise UserError(f"indicateur « {code} » absent du catalogue", hint)
    return found


def as_indicator(code: str, new_code: str | None = None) -> Indicateur:
    """The catalogue's indicator `code` as a référentiel's indicator, linked by `catalogue`.

    `new_code` renames it (the link keeps the catalogue's code).

    Raises:
        UserError: no indicator of the catalogue has this code.
    """
    indicateur = entry(code).indicateur
    return indicateur.model_copy(update={"code": new_code or code, "catalogue": code})


def find_registre(name: str) -> Registre:
    """The registre named `name`: its code or its name, accents and case aside.

    Raises:
        UserError: no registre has this code or name (the list is given).
    """
    wanted = _plain(name)
    for registre in _registres():
        if wanted in (_plain(registre.code), _plain(registre.nom)):
            return registre
    known = ", ".join(r.code for r in _registres())
    raise UserError(f"registre « {name} » inconnu du catalogue", f"registres : {known}")


def dimensions() -> dict[str, Dimension]:
    """The dimensions the catalogue suggests, by code, ready to declare in a référentiel."""
    return {d.code: d for d in _load(DATA / DIMENSIONS_FILE, _Dimensions).dimensions}


def _plain(text: str) -> str:
    return normalize_key(text).replace("’", "_")


@functools.cache
def _registres() -> tuple[Registre, ...]:
    files = sorted(p for p in DATA.glob("*.yaml") if p.name != DIMENSIONS_FILE)
    return tuple(_load(path, Registre) for path in files)


@functools.cache
def _by_code() -> dict[str, Entry]:
    return {e.indicateur.code: e for e in entries()}


def _load(path: Path, model: type[M]) -> M:
    """One data file, read by the strict reader and validated (a broken install says so)."""
    document = read_yaml(path, f"catalogue/{path.name}")
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise DataErrors(issues_from_validation(error, document, model)) from None
