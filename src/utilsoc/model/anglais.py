"""English variants of the association's own words (`en:`), for reports in English.

Those of the référentiel, the logical frameworks and publics.yaml. Each is optional and
partial: what it does not give stays as written in French.
"""

from __future__ import annotations

from utilsoc.model.base import Modele, Texte


class IndicateurAnglais(Modele):
    """L'indicateur en anglais : libellé, définition, unité, source, collecte, taux saisi."""

    libelle: Texte | None = None
    definition: str | None = None
    unite: str | None = None
    unite_pluriel: str | None = None
    source: str | None = None
    collecte_par: str | None = None
    numerateur: str | None = None
    denominateur: str | None = None
    groupe_comparaison: Texte | None = None


class ComparaisonAnglais(Modele):
    """La comparaison en anglais : libellé, source et périmètre (l'année reste l'année)."""

    libelle: Texte | None = None
    source: Texte | None = None
    perimetre: Texte | None = None


class RevisionAnglais(Modele):
    """Le motif d'une révision de cible, en anglais."""

    motif: Texte | None = None


class ConstatAnglais(Modele):
    """La force ou la faiblesse de l'auto-évaluation, en anglais."""

    constat: Texte | None = None


class ThemeAutoEvaluationAnglais(Modele):
    """Le thème de l'auto-évaluation, en anglais."""

    theme: Texte | None = None


class CritereAnglais(Modele):
    """Le critère en anglais : nom et question évaluative."""

    nom: Texte | None = None
    question: str | None = None


class DomaineAnglais(Modele):
    """Le domaine en anglais : nom et description."""

    nom: Texte | None = None
    description: str | None = None


class DimensionAnglais(Modele):
    """La dimension en anglais : son nom (ses valeurs restent telles qu'écrites)."""

    nom: Texte | None = None


class ThemeAnglais(Modele):
    """Le thème de codage en anglais : libellé et définition."""

    libelle: Texte | None = None
    definition: str | None = None


class ResultatAttenduAnglais(Modele):
    """Le résultat attendu en anglais : son intitulé."""

    intitule: Texte | None = None


class SousObjectifAnglais(Modele):
    """Le sous-objectif en anglais : son intitulé."""

    intitule: Texte | None = None


class CadreAnglais(Modele):
    """Le cadre logique en anglais : financeur, programme, objectif, attentes."""

    financeur: Texte | None = None
    programme: str | None = None
    objectif_general: Texte | None = None
    attentes_partenariat: list[Texte] | None = None


class PartiePrenanteAnglais(Modele):
    """La partie prenante en anglais : nom, description et attentes."""

    nom: Texte | None = None
    description: str | None = None
    attentes: list[Texte] | None = None


class InformationsAnglais(Modele):
    """Qui sont les personnes du profil, en anglais."""

    age: str | None = None
    profession: str | None = None
    situation_familiale: str | None = None
    autres: list[Texte] | None = None


class PublicCibleAnglais(Modele):
    """Le profil cible en anglais : nom, informations, contact, motivations, freins."""

    nom: Texte | None = None
    informations: InformationsAnglais | None = None
    contact_et_decision: list[Texte] | None = None
    motivations: list[Texte] | None = None
    freins: list[Texte] | None = None


class AudienceAnglais(Modele):
    """L'audience en anglais : nom, objectif, message et canaux."""

    nom: Texte | None = None
    objectif: Texte | None = None
    message: Texte | None = None
    canaux: list[Texte] | None = None
