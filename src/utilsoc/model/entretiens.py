"""Interview guides, interviews and their coded excerpts, stories of change.

Three kinds of file, each one per item so that two people never edit the same file for
two interviews: `entretiens/guides/<code>.yaml`, `entretiens/<guide>/<participant>-<date>.yaml`
and `recits/<code>.yaml`. The codebook of themes lives in referentiel.yaml, under each
criterion (`ThemeCodage`).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from utilsoc.model.anglais import ThemeAnglais
from utilsoc.model.base import Booleen, Choix, Code, Modele, Texte


class ThemeCodage(Modele):
    """Thème de la grille de codage d'un critère : ce que l'on repère dans les entretiens."""

    code: Code
    libelle: Texte
    definition: str | None = Field(
        None,
        description="Ce qui fait qu'un extrait relève de ce thème (et ce qui n'en relève pas).",
    )
    en: ThemeAnglais | None = Field(None, description="Libellé et définition en anglais.")


class Question(Modele):
    """Question ouverte d'un guide, avec ses relances."""

    code: Code
    texte: Texte
    relances: list[Texte] = Field(default_factory=list, description="Relances si la réponse tarde.")


class GuideEntretien(Modele):
    """Fichier entretiens/guides/<code>.yaml : un guide d'entretien semi-directif."""

    titre: Texte
    objectif: str | None = Field(None, description="Ce que l'on cherche à apprendre.")
    publics: list[Code] = Field(
        min_length=1, description="Parties prenantes interrogées (codes de publics.yaml)."
    )
    criteres: list[Code] = Field(
        min_length=1, description="Critères du référentiel que ces entretiens éclairent."
    )
    consignes: list[Texte] = Field(
        default_factory=list, description="Consignes pour l'enquêteur (accueil, consentement...)."
    )
    questions: list[Question] = Field(min_length=1)
    themes_a_ecouter: list[Texte] = Field(
        default_factory=list,
        alias="thèmes_à_écouter",
        description="Ce que l'enquêteur guette, sans le suggérer.",
    )


class Consentement(Modele):
    """Ce que la personne a accepté."""

    entretien: Booleen = Field(description="true si elle a accepté d'être interrogée.")
    citation: Booleen = Field(
        False, description="true si elle accepte que des extraits soient cités dans les rapports."
    )


class SensExtrait(Choix):
    """Ce que l'extrait dit du thème."""

    POSITIF = "positif"
    NEGATIF = "négatif"


class Extrait(Modele):
    """Extrait codé : un passage d'une réponse, rattaché à un ou plusieurs thèmes."""

    question: Code
    extrait: Texte
    themes: list[Code] = Field(min_length=1, alias="thèmes")
    sens: SensExtrait | None = None
    citer: Booleen | None = Field(
        None,
        description="false : jamais cité (il compte toujours dans l'analyse) ; true : à citer, "
        "ce qui demande le consentement ; par défaut, cité si la personne l'a accepté.",
    )


class Entretien(Modele):
    """Fichier entretiens/<guide>/<participant>-<date>.yaml : un entretien et son codage."""

    guide: Code
    participant: Texte = Field(max_length=40, description="Code pseudonyme : E07, P03...")
    role: Code = Field(description="Partie prenante de la personne (code de publics.yaml).")
    date: dt.date
    enqueteur: Texte = Field(alias="enquêteur", description="Qui a mené l'entretien (rôle).")
    consentement: Consentement
    reponses: dict[Code, str] = Field(
        default_factory=dict, alias="réponses", description="Réponse à chaque question, par code."
    )
    extraits: list[Extrait] = Field(default_factory=list)


class Selection(Modele):
    """Pourquoi et par qui un récit a été retenu (changement le plus significatif)."""

    par: Texte = Field(description="Qui l'a choisi : comité de pilotage, équipe, bénévoles...")
    date: dt.date
    raison: Texte = Field(description="Pourquoi ce récit plutôt qu'un autre.")


class Recit(Modele):
    """Fichier recits/<code>.yaml : un récit de changement le plus significatif."""

    titre: Texte
    domaine: Code = Field(description="Domaine du référentiel où se voit le changement.")
    conteur: Texte = Field(max_length=40, description="Code pseudonyme de qui raconte.")
    role: Code = Field(description="Partie prenante du conteur (code de publics.yaml).")
    date: dt.date
    recueilli_par: Texte = Field(description="Qui l'a recueilli (rôle).")
    consentement: Booleen = Field(
        description="true si le conteur accepte que le récit soit publié."
    )
    recit: Texte = Field(alias="récit")
    selection: Selection | None = Field(None, alias="sélection")
