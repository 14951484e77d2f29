"""The référentiel's closed lists: indicator types, directions, roll-ups, frequencies."""

from __future__ import annotations

from utilsoc.model.base import Choix
from utilsoc.model.periods import Kind


class TypeIndicateur(Choix):
    """Type d'indicateur."""

    NOMBRE = "nombre"
    TAUX = "taux"
    MONTANT = "montant"
    DUREE = "durée"
    SCORE = "score"
    OUI_NON = "oui_non"
    QUALITATIF = "qualitatif"


class Sens(Choix):
    """Évolution souhaitée."""

    HAUSSE = "hausse"
    BAISSE = "baisse"
    STABILITE = "stabilité"


class Agregation(Choix):
    """Cumul des valeurs dans le temps."""

    SOMME = "somme"
    MOYENNE = "moyenne"
    DERNIERE = "dernière"
    MIN = "min"
    MAX = "max"


class Frequence(Choix):
    """Fréquence de collecte."""

    ANNUELLE = "annuelle"
    SCOLAIRE = "scolaire"
    SEMESTRIELLE = "semestrielle"
    TRIMESTRIELLE = "trimestrielle"
    MENSUELLE = "mensuelle"
    PONCTUELLE = "ponctuelle"

    @property
    def kind(self) -> Kind:
        """The period granularity of this frequency."""
        return _KINDS[self]


_KINDS = {
    Frequence.ANNUELLE: Kind.ANNEE,
    Frequence.SCOLAIRE: Kind.ANNEE_SCOLAIRE,
    Frequence.SEMESTRIELLE: Kind.SEMESTRE,
    Frequence.TRIMESTRIELLE: Kind.TRIMESTRE,
    Frequence.MENSUELLE: Kind.MOIS,
    Frequence.PONCTUELLE: Kind.PLAGE,
}


class Niveau(Choix):
    """Niveau dans la chaîne de résultats (output, outcome, impact de l'IATI)."""

    REALISATION = "réalisation"
    RESULTAT = "résultat"
    IMPACT = "impact"


class Methode(Choix):
    """Méthode de collecte."""

    COMPTAGE = "comptage"
    QUESTIONNAIRE = "questionnaire"
    ENTRETIEN = "entretien"
    REGISTRE = "registre"
    OBSERVATION = "observation"
    DOCUMENT = "document"
    STATISTIQUE = "statistique publique"
    AUTRE = "autre"


class MesureQuestionnaire(Choix):
    """Ce que l'on tire des paires de réponses d'entrée et de sortie."""

    MOYENNE_ENTREE = "moyenne_entrée"
    MOYENNE_SORTIE = "moyenne_sortie"
    GAIN_MOYEN = "gain_moyen"
    PART_PROGRESSION = "part_progression"
