"""English variants of the référentiel's own words (`en:`), for reports in English.

Each is optional and partial: what it does not give stays as written in French.
"""

from __future__ import annotations

from utilsoc.model.base import Modele, Texte


class IndicateurAnglais(Modele):
    """L'indicateur en anglais : libellé et définition."""

    libelle: Texte | None = None
    definition: str | None = None


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
