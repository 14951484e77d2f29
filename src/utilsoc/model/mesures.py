"""mesures/<période>/<auteur>.yaml: values recorded by one person for one period."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from utilsoc.model.base import Code, Modele, Texte
from utilsoc.model.periods import Period


class Remplacement(Modele):
    """The earlier value a record replaces, kept for the history."""

    valeur: str | None = None
    auteur: Texte
    date: dt.date
    motif: Texte


class Valeur(Modele):
    """One recorded value of an indicator, for a period and dimension values."""

    indicateur: Code
    periode: Period
    valeur: str | None = Field(None, description="Nombre (point décimal), true/false ou texte.")
    numerateur: float | None = Field(None, description="Pour un taux : ce que l'on compte.")
    denominateur: float | None = Field(None, description="Pour un taux : sur combien.")
    dimensions: dict[Code, Texte] = Field(default_factory=dict)
    note: str | None = None
    auteur: Texte
    date: dt.date
    remplace: Remplacement | None = None

    @property
    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """What identifies a measurement: indicator, period and dimension values."""
        return (self.indicateur, self.periode.name, tuple(sorted(self.dimensions.items())))


class FichierMesures(Modele):
    """Fichier de mesures : une ligne par valeur enregistrée."""

    valeurs: list[Valeur] = Field(default_factory=list)
