"""Comparisons: values from outside (a territory, the country, a comparison group).

An indicator lists them under `comparaisons:`; reports show each one beside the
association's value with its source and year, and charts draw it as a labelled line.
"""

from __future__ import annotations

from pydantic import Field

from utilsoc.model.anglais import ComparaisonAnglais
from utilsoc.model.base import Choix, Modele, Texte
from utilsoc.model.periods import Period


class NatureComparaison(Choix):
    """D'où vient une valeur de comparaison."""

    TERRITOIRE = "territoire"
    NATIONAL = "national"
    GROUPE = "groupe de comparaison"


class Comparaison(Modele):
    """Valeur venue d'ailleurs, à laquelle on compare celle de l'association."""

    libelle: Texte = Field(description="Ce que c'est : « taux du territoire ».")
    valeur: float = Field(description="Dans l'unité de l'indicateur.")
    source: Texte | None = Field(
        None, description="D'où vient le chiffre (organisme, publication) : obligatoire."
    )
    annee: Period = Field(description="Année (ou année scolaire) du chiffre : 2022, 2023-2024.")
    perimetre: Texte | None = Field(None, description="Sur qui ou où : « QPV de Brest ».")
    nature: NatureComparaison | None = Field(
        None, description="territoire, national ou groupe de comparaison."
    )
    en: ComparaisonAnglais | None = Field(
        None, description="Libellé, source et périmètre en anglais."
    )
