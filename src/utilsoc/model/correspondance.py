"""Mapping files of `import`: which spreadsheet column holds what."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from utilsoc.model.base import Code, Modele, Texte
from utilsoc.model.periods import Period


class Correspondance(Modele):
    """Fichier de correspondance : quelle colonne du tableau contient quoi."""

    type: Literal["valeurs", "questionnaire"] = "valeurs"
    auteur: Texte = Field(description="Nom enregistré comme auteur des valeurs importées.")
    periode: Period | None = Field(None, description="Période fixe, si aucune colonne ne la donne.")
    colonnes: dict[str, str] = Field(
        default_factory=dict,
        description="Champ → nom de colonne : indicateur, période, valeur, numérateur, "
        "dénominateur, note, participant, moment, date.",
    )
    dimensions: dict[Code, str] = Field(
        default_factory=dict, description="Dimension → nom de colonne."
    )
    indicateurs: dict[Code, str] = Field(
        default_factory=dict, description="Indicateur → colonne (une colonne par indicateur)."
    )
