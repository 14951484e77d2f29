"""publics.yaml: stakeholders, target profiles and communication audiences."""

from __future__ import annotations

from pydantic import Field

from utilsoc.model.anglais import AudienceAnglais, PartiePrenanteAnglais, PublicCibleAnglais
from utilsoc.model.base import Choix, Code, Modele, Texte


class Categorie(Choix):
    """Catégorie de parties prenantes."""

    BENEFICIAIRES = "bénéficiaires"
    BENEVOLES = "bénévoles"
    SALARIES = "salariés"
    PARTENAIRES = "partenaires"
    FINANCEURS = "financeurs"
    ADHERENTS = "adhérents"
    AUTRE = "autre"


class PartiePrenante(Modele):
    """Partie prenante."""

    code: Code
    nom: Texte
    categorie: Categorie
    description: str | None = None
    attentes: list[Texte] = Field(default_factory=list)
    en: PartiePrenanteAnglais | None = Field(
        None, description="Nom, description et attentes en anglais."
    )


class Informations(Modele):
    """Qui sont les personnes de ce profil."""

    age: str | None = Field(None, description="Tranche d'âge.")
    profession: str | None = None
    situation_familiale: str | None = None
    autres: list[Texte] = Field(default_factory=list)


class PublicCible(Modele):
    """Fiche profil cible."""

    code: Code
    nom: Texte
    partie_prenante: Code | None = Field(None, description="Code de la partie prenante.")
    informations: Informations = Field(default_factory=Informations)
    contact_et_decision: list[Texte] = Field(
        default_factory=list, description="Comment ils se renseignent et décident."
    )
    motivations: list[Texte] = Field(default_factory=list, description="Motivations et attentes.")
    freins: list[Texte] = Field(default_factory=list)
    en: PublicCibleAnglais | None = Field(
        None,
        description="Nom, informations, contact et décision, motivations et freins en anglais.",
    )


class Audience(Modele):
    """Audience de communication : pourquoi, quel message, quels canaux."""

    code: Code
    nom: Texte
    objectif: Texte = Field(description="Pourquoi communiquer avec eux.")
    message: Texte
    canaux: list[Texte] = Field(default_factory=list)
    parties_prenantes: list[Code] = Field(default_factory=list)
    en: AudienceAnglais | None = Field(
        None, description="Nom, objectif, message et canaux en anglais."
    )


class Publics(Modele):
    """Fichier publics.yaml : parties prenantes, publics cibles, audiences."""

    parties_prenantes: list[PartiePrenante] = Field(default_factory=list)
    publics_cibles: list[PublicCible] = Field(default_factory=list)
    audiences: list[Audience] = Field(default_factory=list)
