"""association.yaml: who the association is (the identity card of seed 000)."""

from __future__ import annotations

from pydantic import Field

from utilsoc.model.base import Choix, Code, Modele, Texte

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


class Langue(Choix):
    """Langues dans lesquelles utilsoc écrit un rapport."""

    FR = "fr"
    EN = "en"


class IdentiteAnglais(Modele):
    """La carte d'identité en anglais, pour les rapports en anglais (champs facultatifs)."""

    vision: Texte | None = None
    mission: Texte | None = None
    ambition: Texte | None = None
    objectifs: list[Texte] | None = None
    valeurs: list[Texte] | None = None
    personnalite: list[Texte] | None = None


class Anglais(Modele):
    """Les textes de l'association en anglais : ce qui manque reste tel qu'écrit."""

    nom: Texte | None = None
    statut: str | None = None
    territoire: str | None = None
    identite: IdentiteAnglais = Field(default_factory=IdentiteAnglais)


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
    langue: Langue | None = Field(
        None, description="Langue des rapports : fr ou en (par défaut : fr)."
    )
    en: Anglais | None = Field(None, description="Les textes ci-dessus en anglais.")

    def in_language(self, code: str) -> dict[str, object]:
        """The association as a report shows it: its English variants in English."""
        data = self.model_dump(mode="json")
        if code != "en" or self.en is None:
            return data
        english = self.en.model_dump(mode="json", exclude_none=True)
        identity = english.pop("identite", {})
        data.update(english)
        data["identite"].update(identity)
        data.pop("en", None)
        return data
