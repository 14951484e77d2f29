"""referentiel.yaml: dimensions, domains → criteria → indicators, self-assessment.

The closed lists (types, directions, roll-ups, frequencies…) are in `choix`, and named
here too: every module takes them from the référentiel.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import Field, PrivateAttr

from utilsoc.model.anglais import (
    ConstatAnglais,
    CritereAnglais,
    DimensionAnglais,
    DomaineAnglais,
    IndicateurAnglais,
    RevisionAnglais,
    ThemeAutoEvaluationAnglais,
)
from utilsoc.model.base import Booleen, Code, Diffusion, Modele, Texte
from utilsoc.model.choix import (
    Agregation,
    Frequence,
    MesureQuestionnaire,
    Methode,
    Niveau,
    Sens,
    TypeIndicateur,
)
from utilsoc.model.comparaison import Comparaison
from utilsoc.model.entretiens import ThemeCodage
from utilsoc.model.periods import Period

# The closed lists are named here too: every module takes them from the référentiel.
__all__ = [
    "Agregation",
    "Calcul",
    "Cible",
    "Constat",
    "Critere",
    "Dimension",
    "Domaine",
    "Echelle",
    "Formule",
    "Frequence",
    "Indicateur",
    "MesureQuestionnaire",
    "Methode",
    "Niveau",
    "Reference",
    "Referentiel",
    "Revision",
    "Seance",
    "Sens",
    "Theme",
    "TypeIndicateur",
]


class Dimension(Modele):
    """Dimension de ventilation (site, sexe, tranche d'âge...)."""

    code: Code
    nom: Texte
    valeurs: list[Texte] = Field(min_length=1, description="Valeurs autorisées.")
    en: DimensionAnglais | None = Field(None, description="Son nom en anglais.")


class Reference(Modele):
    """Valeur de référence datée, point de comparaison."""

    valeur: float
    periode: Period
    source: str | None = None


class Revision(Modele):
    """Ancienne valeur d'une cible révisée."""

    ancienne_valeur: float
    date: date
    motif: Texte
    en: RevisionAnglais | None = Field(None, description="Le motif en anglais.")


class Cible(Modele):
    """Cible pour une période, avec l'historique de ses révisions."""

    periode: Period
    valeur: float
    revisions: list[Revision] = Field(default_factory=list)


class Echelle(Modele):
    """Échelle d'un score (par exemple de 1 à 5)."""

    min: float
    max: float
    libelle_min: str | None = None
    libelle_max: str | None = None


class Formule(Modele):
    """Indicateur calculé : numérateur / dénominateur × facteur."""

    numerateur: Code
    denominateur: Code | None = None
    facteur: float = 1.0


class Calcul(Modele):
    """Indicateur calculé à partir des réponses à un questionnaire d'entrée et de sortie."""

    questionnaire: Code | None = Field(
        None,
        description="Indicateur (score) sous lequel les réponses sont enregistrées ; "
        "par défaut, l'indicateur lui-même.",
    )
    mesure: MesureQuestionnaire
    seuil: float | None = Field(
        None,
        description="Pour part_progression : progrès minimal, en points, dans le sens du "
        "questionnaire ; sans seuil, tout progrès compte.",
    )


class Indicateur(Modele):
    """Indicateur, défini une fois et utilisé partout par son code."""

    code: Code
    catalogue: Code | None = Field(
        None,
        description="Code de l'indicateur du catalogue d'utilsoc dont celui-ci est tiré "
        "(voir « utilsoc catalogue ») ; le lien reste si l'on renomme l'indicateur.",
    )
    libelle: Texte
    definition: str | None = None
    type: TypeIndicateur
    niveau: Niveau | None = Field(
        None,
        description="Chaîne de résultats : réalisation (ce qui a été fait), résultat (ce que "
        "cela a directement produit) ou impact (ce à quoi cela a contribué).",
    )
    unite: str | None = Field(None, description="Unité affichée : élèves, %, €, heures...")
    unite_pluriel: str | None = Field(
        None,
        description="Pluriel de l'unité quand il n'est pas régulier (unité : travail, "
        "unité_pluriel : travaux) ; l'unité s'écrit alors au singulier.",
    )
    sens: Sens = Sens.HAUSSE
    agregation: Agregation | None = Field(
        None, description="Cumul dans le temps ; par défaut somme pour un nombre, sinon moyenne."
    )
    cumulatif: Booleen = Field(
        False, description="true si chaque valeur est déjà un total depuis le début."
    )
    frequence: Frequence = Frequence.ANNUELLE
    methode: Methode = Methode.COMPTAGE
    source: str | None = None
    collecte_par: str | None = None
    dimensions: list[Code] = Field(default_factory=list)
    echelle: Echelle | None = None
    numerateur: str | None = Field(None, description="Pour un taux saisi : ce que l'on compte.")
    denominateur: str | None = Field(None, description="Pour un taux saisi : sur combien.")
    formule: Formule | None = None
    calcul: Calcul | None = Field(
        None, description="Pour un indicateur tiré des réponses à un questionnaire."
    )
    reference: Reference | None = None
    comparaisons: list[Comparaison] = Field(
        default_factory=list,
        description="Valeurs venues d'ailleurs (territoire, national, groupe de comparaison), "
        "chacune avec sa source et son année.",
    )
    groupe_comparaison: Texte | None = Field(
        None,
        description="Pour un questionnaire : qui forme le groupe de comparaison, dont les "
        "réponses s'enregistrent avec « groupe: comparaison ».",
    )
    cibles: list[Cible] = Field(default_factory=list)
    commun: Code | None = Field(
        None,
        description="Code de l'indicateur commun du réseau auquel celui-ci se rattache "
        "(reseau.yaml).",
    )
    diffusion: Diffusion | None = Field(
        None,
        description="interne : ses valeurs ne sortent pas de l'association, même vers un "
        "réseau dont elle est membre.",
    )
    facteur: float | None = Field(
        None,
        gt=0,
        description="Avec commun : ce que vaut une unité de cet indicateur dans l'unité de "
        "l'indicateur commun (heures → jours : 0.1429).",
    )
    en: IndicateurAnglais | None = Field(
        None, description="Libellé, définition et unité en anglais."
    )
    entretiens: Code | None = Field(None, description="Guide des entretiens qui l'éclairent.")

    @property
    def rollup(self) -> Agregation:
        """The roll-up rule, explicit or by type."""
        if self.agregation is not None:
            return self.agregation
        if self.cumulatif or self.type in (TypeIndicateur.OUI_NON, TypeIndicateur.QUALITATIF):
            return Agregation.DERNIERE
        if self.type in (TypeIndicateur.NOMBRE, TypeIndicateur.MONTANT, TypeIndicateur.DUREE):
            return Agregation.SOMME
        return Agregation.MOYENNE


class Critere(Modele):
    """Critère : ce que l'on regarde pour juger de l'utilité sociale."""

    code: Code
    nom: Texte
    question: str | None = Field(None, description="La question évaluative.")
    indicateurs: list[Indicateur] = Field(min_length=1)
    en: CritereAnglais | None = Field(None, description="Nom et question en anglais.")
    themes: list[ThemeCodage] = Field(
        default_factory=list, alias="thèmes", description="Grille de codage des entretiens."
    )


class Domaine(Modele):
    """Domaine (registre) d'utilité sociale."""

    code: Code
    nom: Texte
    description: str | None = None
    criteres: list[Critere] = Field(min_length=1)
    en: DomaineAnglais | None = Field(None, description="Nom et description en anglais.")


class Constat(Modele):
    """Force ou faiblesse, avec l'indicateur qui la montre."""

    constat: Texte
    indicateur: Code | None = None
    en: ConstatAnglais | None = Field(None, description="Le constat en anglais.")


class Theme(Modele):
    """Thème de l'auto-évaluation."""

    theme: Texte
    en: ThemeAutoEvaluationAnglais | None = Field(None, description="Le thème en anglais.")
    forces: list[Constat] = Field(default_factory=list)
    faiblesses: list[Constat] = Field(default_factory=list)


class Seance(Modele):
    """Séance d'auto-évaluation : quand et avec qui forces et faiblesses ont été jugées."""

    date: date
    participants: list[Texte] = Field(
        min_length=1, description="Qui y a pris part : noms ou rôles (une ligne chacun)."
    )


class Referentiel(Modele):
    """Fichier referentiel.yaml : dimensions, domaines, critères, indicateurs."""

    version: str | None = Field(None, description="Version ou date d'adoption du référentiel.")
    dimensions: list[Dimension] = Field(default_factory=list)
    domaines: list[Domaine] = Field(min_length=1)
    auto_evaluation: list[Theme] = Field(default_factory=list)
    seance_auto_evaluation: Seance | None = Field(
        None, description="La séance où l'auto-évaluation a été faite : date et participants."
    )
    _index: dict[str, Indicateur] | None = PrivateAttr(None)
    _allowed: dict[str, frozenset[str]] | None = PrivateAttr(None)

    def dimension_values(self) -> dict[str, frozenset[str]]:
        """Allowed values of each dimension, by code."""
        if self._allowed is None:
            self._allowed = {d.code: frozenset(d.valeurs) for d in self.dimensions}
        return self._allowed

    def iter_indicators(self) -> Iterator[tuple[tuple[int, int, int], Indicateur]]:
        """Each indicator with its (domain, criterion, indicator) indices."""
        for d, domaine in enumerate(self.domaines):
            for c, critere in enumerate(domaine.criteres):
                for i, indicateur in enumerate(critere.indicateurs):
                    yield (d, c, i), indicateur

    def indicators(self) -> dict[str, Indicateur]:
        """Indicators by code (the first one wins if a code is repeated)."""
        if self._index is None:
            index: dict[str, Indicateur] = {}
            for _, indicateur in self.iter_indicators():
                index.setdefault(indicateur.code, indicateur)
            self._index = index
        return self._index
