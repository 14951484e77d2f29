"""reseau.yaml: a network of associations sharing a référentiel commun (seeds 001 and 004)."""

from __future__ import annotations

from pydantic import Field

from utilsoc.model.base import Code, Modele, Texte
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Dimension, Indicateur


class Membre(Modele):
    """Une association du réseau : son dossier, tenu par elle-même."""

    code: Code = Field(description="Code court du membre, unique dans le réseau.")
    nom: Texte = Field(description="Nom de l'association.")
    chemin: Texte = Field(
        description="Dossier de l'association, relatif au dossier du réseau (un sous-module "
        "git, une copie ou un dossier voisin)."
    )


class ReferentielCommun(Modele):
    """Ce que les membres partagent : indicateurs communs et dimensions communes."""

    indicateurs: list[Indicateur] = Field(
        min_length=1,
        description="Indicateurs communs, définis une fois ; chaque membre y rattache les "
        "siens par « commun: CODE ».",
    )
    dimensions: list[Dimension] = Field(
        default_factory=list, description="Dimensions communes (quartier prioritaire...)."
    )


class Reseau(Modele):
    """Fichier reseau.yaml : le réseau, ses membres et son référentiel commun."""

    nom: Texte = Field(description="Nom du réseau ou du programme.")
    territoire: str | None = Field(None, description="Territoire couvert.")
    periode: Period = Field(description="Période du programme : 2025, 2024-01-01..2025-12-31...")
    membres: list[Membre] = Field(default_factory=list)
    commun: ReferentielCommun = Field(description="Le référentiel commun.")

    def indicators(self) -> dict[str, Indicateur]:
        """Common indicators by code (the first one wins if a code is repeated)."""
        index: dict[str, Indicateur] = {}
        for indicator in self.commun.indicateurs:
            index.setdefault(indicator.code, indicator)
        return index
