"""association.yaml: who the association is (the identity card of seed 000)."""

from __future__ import annotations

from pydantic import Field

from utilsoc.model.base import Code, Modele, Texte

COULEUR = r"^#[0-9A-Fa-f]{6}$"


class Couleurs(Modele):
    """Couleurs de l'association, pour les graphiques et les rapports."""

    principale: str = Field("#1F5F8B", pattern=COULEUR, description="Couleur principale (#RRVVBB).")
    secondaire: str = Field("#E07A1F", pattern=COULEUR, description="Seconde couleur (#RRVVBB).")
    accent: str = Field("#3A9D5D", pattern=COULEUR, description="Couleur d'accent (#RRVVBB).")


class Identite(Modele):
    """Carte d'identité : vision, mission, ambition, valeurs, personnalité."""

    vision: Texte = Field(description="Le problème tel que l'association le voit.")
    mission: Texte = Field(description="Ce qu'elle fait pour y répondre.")
    ambition: Texte = Field(description="Ce qu'elle veut changer.")
    objectifs: list[Texte] = Field(default_factory=list, description="Objectifs concrets.")
    valeurs: list[Texte] = Field(min_length=1, description="Valeurs (une par ligne).")
    personnalite: list[Texte] = Field(
        default_factory=list,
        description="Ton de la communication : bienveillante, professionnelle...",
    )
    indicateurs_cles: list[Code] = Field(
        default_factory=list, description="Codes des indicateurs phares (carte d'identité)."
    )


class Association(Modele):
    """Fichier association.yaml : l'association et sa carte d'identité."""

    nom: Texte = Field(description="Nom de l'association.")
    sigle: str | None = None
    statut: str = Field("association loi 1901", description="Forme juridique.")
    territoire: str | None = Field(None, description="Territoire d'action.")
    site_web: str | None = None
    contact: str | None = None
    identite: Identite
    couleurs: Couleurs = Field(default_factory=Couleurs)
