"""mesures/<période>/<auteur>.yaml: what one person recorded for one period.

Values of indicators, and the qualitative evidence that goes with them: verbatims,
notable facts, unexpected results, improvement tracks, partnership assessments,
entry/exit questionnaire scores, evaluative judgements and the follow-up of actions.
One record per line.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, NamedTuple

from pydantic import Field, WithJsonSchema, field_validator

from utilsoc.model.base import Booleen, Choix, Code, Diffusion, Modele, Texte
from utilsoc.model.periods import Period
from utilsoc.yamlio.keys import normalize_key

Brut = Annotated[
    str | None,
    WithJsonSchema(
        {
            "type": ["number", "boolean", "string", "null"],
            "description": "Nombre (point décimal), true/false ou texte.",
        }
    ),
]


class Remplacement(Modele):
    """Valeur remplacée, gardée dans l'historique avec la raison."""

    valeur: Brut = None
    auteur: Texte
    date: dt.date
    motif: Texte


class Valeur(Modele):
    """Valeur d'un indicateur pour une période et des valeurs de dimensions."""

    indicateur: Code
    periode: Period
    valeur: Brut = None
    numerateur: float | None = Field(None, description="Pour un taux : ce que l'on compte.")
    denominateur: float | None = Field(None, description="Pour un taux : sur combien.")
    dimensions: dict[Code, Texte] = Field(default_factory=dict)
    note: str | None = None
    auteur: Texte
    date: dt.date
    remplace: Remplacement | None = None

    @property
    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """What identifies a measurement: indicator, period and dimension values."""
        return (self.indicateur, self.periode.name, tuple(sorted(self.dimensions.items())))

    @field_validator("dimensions")
    @classmethod
    def _distinct_dimensions(cls, value: dict[str, str]) -> dict[str, str]:
        """Refuse names a YAML reader would take for the same key (`Site` and `site`)."""
        if len({normalize_key(name) for name in value}) != len(value):
            raise ValueError("deux dimensions ne diffèrent que par les majuscules ou accents")
        return value

    def to_mesure(self) -> Mesure:
        """The compact, immutable form used to consolidate and aggregate."""
        return Mesure(
            self.indicateur,
            self.periode,
            self.valeur,
            self.numerateur,
            self.denominateur,
            self.dimensions,
            self.note,
            self.auteur,
            self.date,
            self.remplace,
            dimensions_key(self.dimensions),
        )


Cle = tuple[tuple[str, str], ...]


def dimensions_key(dimensions: dict[str, str]) -> Cle:
    """Dimension values as a sorted tuple, the form used in keys."""
    return tuple(sorted(dimensions.items()))


class Mesure(NamedTuple):
    """A validated value, compact: a million of them fit in a few hundred megabytes."""

    indicateur: str
    periode: Period
    valeur: str | None
    numerateur: float | None
    denominateur: float | None
    dimensions: dict[str, str]
    note: str | None
    auteur: str
    date: dt.date
    remplace: Remplacement | None
    cle_dimensions: Cle

    def to_valeur(self) -> Valeur:
        """Back to the model, to be written."""
        return Valeur.model_construct(
            indicateur=self.indicateur,
            periode=self.periode,
            valeur=self.valeur,
            numerateur=self.numerateur,
            denominateur=self.denominateur,
            dimensions=self.dimensions,
            note=self.note,
            auteur=self.auteur,
            date=self.date,
            remplace=self.remplace,
        )

    @property
    def key(self) -> tuple[str, str, Cle]:
        """What identifies a measurement: indicator, period and dimension values."""
        return (self.indicateur, self.periode.name, self.cle_dimensions)


class Role(Choix):
    """Qui parle."""

    BENEFICIAIRE = "bénéficiaire"
    PARENT = "parent"
    FAMILLE = "famille"
    BENEVOLE = "bénévole"
    SALARIE = "salarié"
    PARTENAIRE = "partenaire"
    FINANCEUR = "financeur"
    HABITANT = "habitant"
    AUTRE = "autre"

    @classmethod
    def _missing_(cls, value: object) -> Choix | None:
        """`habitante`, `habitant·e`, `salarié.e` are the same roles as `habitant`, `salarié`."""
        found = super()._missing_(value)
        if found is not None or not isinstance(value, str):
            return found
        text = value.strip()
        for ending in ("·e", "⋅e", ".e", "(e)", "-e", "e"):
            if text.endswith(ending) and len(text) > len(ending) + 2:
                found = super()._missing_(text[: -len(ending)])
                if found is not None and found.value.endswith(("t", "é")):
                    return found
        return None


class Nature(Choix):
    """Un résultat inattendu est positif ou négatif."""

    POSITIF = "positif"
    NEGATIF = "négatif"


class Moment(Choix):
    """Moment d'un questionnaire."""

    ENTREE = "entrée"
    SORTIE = "sortie"


class Groupe(Choix):
    """Qui répond à un questionnaire : une personne accompagnée, ou du groupe de comparaison."""

    ACTION = "action"
    COMPARAISON = "comparaison"


class Preuve(Modele):
    """Ce que partage toute preuve qualitative : période, liens, auteur, date."""

    periode: Period
    criteres: list[Code] = Field(default_factory=list, description="Codes de critères.")
    indicateurs: list[Code] = Field(default_factory=list, description="Codes d'indicateurs.")
    auteur: Texte
    date: dt.date
    diffusion: Diffusion | None = Field(
        None,
        description="réseau : peut figurer dans les documents d'un réseau dont l'association "
        "est membre (un verbatim : avec consentement et pseudonyme) ; interne : jamais ; "
        "sans cette clé, la preuve reste à l'association.",
    )


class Temoignage(Preuve):
    """Verbatim : une citation courte, anonymisée, avec le consentement de la personne."""

    texte: Texte
    role: Role
    pseudonyme: str | None = Field(None, description="Prénom seul, initiales ou code.")
    consentement: Booleen = Field(description="true si la personne accepte d'être citée.")
    nom_complet: Booleen = Field(
        False, description="true si la personne a accepté par écrit d'être nommée en entier."
    )


class FaitMarquant(Preuve):
    """Fait marquant ou histoire."""

    titre: Texte
    recit: Texte


class ResultatInattendu(Preuve):
    """Résultat non prévu au départ, positif ou négatif."""

    description: Texte
    nature: Nature
    cadre: Code | None = Field(None, description="Cadre logique concerné.")


class PisteAmelioration(Preuve):
    """Ce qui n'a pas marché, pourquoi, et ce qui va changer : une action du plan d'action."""

    code: Code | None = Field(
        None, description="Code de l'action, pour en donner la suite à la revue suivante."
    )
    constat: Texte
    analyse: str | None = None
    action: Texte
    responsable: str | None = Field(None, description="Qui porte l'action.")
    echeance: dt.date | None = Field(None, description="Date à laquelle l'action doit être faite.")
    cadre: Code | None = None


class Etat(Choix):
    """Ce qu'est devenue une action du plan d'action."""

    REALISEE = "réalisée"
    EN_COURS = "en cours"
    REPORTEE = "reportée"
    ABANDONNEE = "abandonnée"


class Suivi(Modele):
    """La suite donnée à une action du plan d'action, constatée à une revue."""

    periode: Period
    piste: Code = Field(description="Code de la piste d'amélioration (l'action) suivie.")
    etat: Etat
    texte: Texte = Field(description="Ce qui a été fait, ou pourquoi rien ne l'a été.")
    auteur: Texte
    date: dt.date


class Verdict(Choix):
    """Réponse à une question évaluative."""

    ATTEINT = "atteint"
    PARTIELLEMENT = "partiellement"
    NON_ATTEINT = "non atteint"


class Jugement(Modele):
    """Réponse à la question évaluative d'un critère pour une période (jugement évaluatif)."""

    periode: Period
    critere: Code = Field(description="Code du critère dont la question reçoit la réponse.")
    reponse: Verdict
    texte: Texte = Field(description="Le jugement argumenté, à partir des données.")
    auteur: Texte
    date: dt.date


class Partenariat(Preuve):
    """Évaluation de la relation avec un financeur (son cadre logique)."""

    cadre: Code
    appreciation: Texte
    attentes: list[Texte] = Field(default_factory=list)


class Reponse(Modele):
    """Score d'un participant (code pseudonyme) à l'entrée ou à la sortie."""

    indicateur: Code
    periode: Period
    participant: Code
    moment: Moment
    score: float
    groupe: Groupe | None = Field(
        None,
        description="comparaison : une personne du groupe de comparaison, qui ne bénéficie "
        "pas de l'action ; sans groupe, une personne accompagnée.",
    )
    auteur: Texte
    date: dt.date


class FichierMesures(Modele):
    """Fichier de mesures : une ligne par valeur, témoignage ou réponse."""

    valeurs: list[Valeur] = Field(default_factory=list)
    temoignages: list[Temoignage] = Field(default_factory=list)
    faits_marquants: list[FaitMarquant] = Field(default_factory=list)
    resultats_inattendus: list[ResultatInattendu] = Field(default_factory=list)
    pistes_amelioration: list[PisteAmelioration] = Field(default_factory=list)
    partenariat: list[Partenariat] = Field(default_factory=list)
    questionnaires: list[Reponse] = Field(default_factory=list)
    jugements: list[Jugement] = Field(default_factory=list)
    suivis: list[Suivi] = Field(default_factory=list)
