"""Mapping files of `import`: which spreadsheet column holds what."""

from __future__ import annotations

from pydantic import Field

from utilsoc.model.base import Choix, Code, Modele, Texte
from utilsoc.model.periods import Period


class Contenu(Choix):
    """Ce que le tableau contient."""

    VALEURS = "valeurs"
    QUESTIONNAIRE = "questionnaire"


class Champ(Choix):
    """Ce qu'une colonne du tableau peut donner."""

    INDICATEUR = "indicateur"
    PERIODE = "période"
    VALEUR = "valeur"
    NUMERATEUR = "numérateur"
    DENOMINATEUR = "dénominateur"
    NOTE = "note"
    PARTICIPANT = "participant"
    MOMENT = "moment"
    DATE = "date"


class Correspondance(Modele):
    """Fichier de correspondance : quelle colonne du tableau contient quoi."""

    type: Contenu = Contenu.VALEURS
    auteur: Texte = Field(description="Nom enregistré comme auteur des valeurs importées.")
    periode: Period | None = Field(None, description="Période fixe, si aucune colonne ne la donne.")
    colonnes: dict[Champ, str] = Field(
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
