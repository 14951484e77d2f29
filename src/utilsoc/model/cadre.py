"""cadres-logiques/*.yaml: one funder's logical framework (seed 002)."""

from __future__ import annotations

from pydantic import Field

from utilsoc.model.anglais import CadreAnglais, ResultatAttenduAnglais, SousObjectifAnglais
from utilsoc.model.base import Choix, Code, Modele, Texte
from utilsoc.model.periods import Period


class ResultatAttendu(Modele):
    """Résultat attendu d'un sous-objectif, mesuré par des indicateurs."""

    code: Code
    intitule: Texte
    indicateurs: list[Code] = Field(default_factory=list, description="Codes d'indicateurs.")
    en: ResultatAttenduAnglais | None = Field(None, description="Son intitulé en anglais.")


class SousObjectif(Modele):
    """Sous-objectif convenu avec le financeur."""

    code: Code
    intitule: Texte
    resultats_attendus: list[ResultatAttendu] = Field(min_length=1)
    indicateurs: list[Code] = Field(default_factory=list, description="Codes d'indicateurs.")
    en: SousObjectifAnglais | None = Field(None, description="Son intitulé en anglais.")


class Article(Choix):
    """L'article du nom du financeur, quand utilsoc ne peut pas le deviner."""

    LE = "le"
    LA = "la"
    L = "l'"
    LES = "les"
    AUCUN = "aucun"


class CadreLogique(Modele):
    """Fichier cadres-logiques/<code>.yaml : le cadre logique d'un financeur ou programme."""

    financeur: Texte = Field(
        description="Nom du financeur, avec ou sans son article : « le Conseil départemental "
        "du Finistère » ou « Conseil départemental du Finistère »."
    )
    article: Article | None = Field(
        None,
        description="Article du nom (le, la, l', les ou aucun), quand celui qu'utilsoc déduit "
        "du premier mot ne convient pas.",
    )
    programme: str | None = None
    periode: Period | None = Field(None, description="Période couverte par la convention.")
    objectif_general: Texte = Field(description="Objectif général, convenu avec le financeur.")
    sous_objectifs: list[SousObjectif] = Field(min_length=1)
    attentes_partenariat: list[Texte] = Field(
        default_factory=list,
        description="Ce que l'association attend du financeur au-delà de l'argent.",
    )
    en: CadreAnglais | None = Field(
        None,
        description="Financeur, programme, objectif général et attentes en anglais, pour les "
        "rapports en anglais.",
    )
