"""budgets/<code>.yaml and valeur-sociale.yaml: what an action cost and what it is worth.

A budget follows the associations' chart of accounts as the Cerfa n° 15059*02 compte rendu
financier does: charges 60 to 68, produits 70 to 78 (74, the grants, one line per funder),
contributions volontaires en nature 86 and 87. The social value map follows the SROI
method (Social Value UK, 2012): outcomes with an indicator, a financial proxy, a duration,
deadweight, displacement, attribution and drop-off.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from utilsoc.model.base import Code, Modele, Texte
from utilsoc.model.periods import Period

_AMOUNT = re.compile(
    r"^-?\d{1,3}(?:[ \u00a0\u202f]?\d{3})*(?:[.,]\d{1,2})?$|^-?\d+(?:[.,]\d{1,2})?$"
)
_PERCENT = re.compile(r"^(-?\d+(?:[.,]\d+)?)\s*%$")


def parse_amount(value: Any) -> float:
    """`1200`, `1 200,50`, `"1200.50 €"` → 1200.5; euros, the decimal comma accepted."""
    if isinstance(value, bool):
        raise PydanticCustomError("montant", "montant attendu (en euros), pas oui/non", {})
    if isinstance(value, int | float):
        return _cents(float(value))
    text = str(value).strip().removesuffix("€").removesuffix("EUR").strip()
    if not _AMOUNT.match(text):
        raise PydanticCustomError(
            "montant",
            "montant « {valeur} » illisible",
            {"valeur": str(value)},
        )
    digits = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".")
    return _cents(float(digits))


def _cents(amount: float) -> float:
    if round(amount, 2) != amount:
        raise PydanticCustomError(
            "montant", "montant « {valeur} » plus précis que le centime", {"valeur": amount}
        )
    return amount


def parse_percent(value: Any) -> float:
    """`25 %` → 0.25. A bare number is refused: `0,25` and `25` would read alike."""
    text = str(value).strip() if not isinstance(value, bool) else ""
    match = _PERCENT.match(text)
    if match is None:
        raise PydanticCustomError(
            "pourcentage", "pourcentage attendu, écrit {attendu}", {"attendu": _as_percent(text)}
        )
    number = float(match[1].replace(",", ".")) / 100
    if not 0 <= number <= 1:
        raise PydanticCustomError("pourcentage", "« {valeur} » hors de 0 à 100 %", {"valeur": text})
    return number


def _as_percent(text: str) -> str:
    """How a number meant as a percentage is written: `0,25` → `"25 %"`."""
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return '"25 %"'
    shown = number * 100 if abs(number) <= 1 else number
    return f'"{shown:g} %"'.replace(".", ",")


# Why WithJsonSchema: the editors' schema must accept what the reader accepts
# (`1 200,50`, `"15 %"`), not only the float it becomes.
Montant = Annotated[
    float,
    BeforeValidator(parse_amount),
    WithJsonSchema({"type": ["number", "string"]}),
]
Pourcentage = Annotated[
    float,
    BeforeValidator(parse_percent),
    WithJsonSchema({"type": "string", "pattern": _PERCENT.pattern}),
]


class Ligne(Modele):
    """Une ligne du budget : un compte, le prévu, le réalisé, et l'écart expliqué."""

    compte: int = Field(
        ge=60,
        le=87,
        description="Compte du plan associatif : 60 à 68 (charges), 70 à 78 (produits), "
        "86 ou 87 (contributions en nature).",
    )
    libelle: str | None = Field(None, description="Libellé ; par défaut, celui du compte.")
    financeur: str | None = Field(None, description="Compte 74 : le financeur de la subvention.")
    cadre: Code | None = Field(None, description="Compte 74 : le cadre logique de ce financeur.")
    prevu: Montant = Field(0.0, description="Montant prévu, en euros.")
    realise: Montant | None = Field(
        None, description="Montant réalisé, en euros (vide : pas encore connu)."
    )
    explication: str | None = Field(None, description="Pourquoi le réalisé s'écarte du prévu.")


class Benevolat(Modele):
    """Le bénévolat valorisé : des heures relevées par un indicateur, à un taux déclaré."""

    indicateur: Code = Field(description="Indicateur des heures de bénévolat.")
    taux_horaire: Montant = Field(description="Valeur d'une heure, en euros.")
    justification: Texte = Field(description="D'où vient le taux (SMIC chargé, convention…).")
    heures_prevues: float | None = Field(None, ge=0, description="Heures prévues au budget.")
    explication: str | None = Field(None, description="Pourquoi les heures réalisées s'écartent.")


class ChargesIndirectes(Modele):
    """Frais de structure imputés à l'action, et la règle qui les répartit."""

    regle: Texte = Field(description="La clé de répartition : prorata des heures, des m²…")
    comptes: list[int] = Field(default_factory=list, description="Les comptes qui les portent.")


class Budget(Modele):
    """Fichier budgets/<code>.yaml : le budget prévu et réalisé d'une action ou d'une subvention."""

    intitule: Texte = Field(description="L'action ou la subvention.")
    periode: Period = Field(description="L'exercice ou la période de l'action.")
    cadre: Code | None = Field(None, description="Le cadre logique dont ce budget rend compte.")
    seuil_ecart: Pourcentage = Field(
        0.15, description="Au-delà de cet écart entre prévu et réalisé, une explication est due."
    )
    charges: list[Ligne] = Field(min_length=1)
    produits: list[Ligne] = Field(min_length=1)
    contributions: list[Ligne] = Field(
        default_factory=list, description="Contributions volontaires en nature : 86 et 87."
    )
    benevolat: Benevolat | None = None
    charges_indirectes: ChargesIndirectes | None = None


class Proxy(Modele):
    """La valeur financière d'un changement, avec sa source."""

    montant: Montant = Field(gt=0, description="En euros, par personne (ou par unité) et par an.")
    source: str | None = Field(None, description="D'où vient le montant (étude, barème…).")
    annee: int | None = Field(None, ge=1990, le=2100, description="Année de la source.")


class Plage(Modele):
    """Bornes entre lesquelles l'analyse de sensibilité fait varier une hypothèse."""

    min: float
    max: float


class Resultat(Modele):
    """Un changement pour une partie prenante, sa quantité, sa valeur et ses abattements."""

    code: Code
    libelle: Texte
    partie_prenante: str | None = Field(None, description="Qui vit ce changement.")
    indicateur: Code | None = Field(
        None, description="Indicateur dont les valeurs de la période donnent la quantité."
    )
    quantite: float | None = Field(None, ge=0, description="Quantité déclarée, sans indicateur.")
    source_quantite: str | None = Field(None, description="D'où vient la quantité déclarée.")
    proxy: Proxy
    duree: int = Field(ge=1, le=50, description="Durée de l'effet, en années (au moins 1).")
    aubaine: Pourcentage = Field(0.0, description="Ce qui serait arrivé de toute façon.")
    deplacement: Pourcentage = Field(0.0, description="Ce qui n'a fait que se déplacer.")
    attribution: Pourcentage = Field(0.0, description="La part due à d'autres acteurs.")
    erosion: Pourcentage = Field(
        0.0, description="Ce que l'effet perd chaque année après la première."
    )
    cout_public_evite: bool = Field(
        False, description="true si le proxy est un coût public évité (analyse coût-bénéfice)."
    )
    sensibilite: dict[str, Plage] = Field(
        default_factory=dict,
        description="Plages à tester : aubaine, deplacement, attribution, erosion (en %), "
        "proxy, quantite (en valeur), duree (en années).",
    )


class ValeurSociale(Modele):
    """Fichier valeur-sociale.yaml : la carte de la valeur sociale (méthode SROI)."""

    periode: Period = Field(description="La période dont les résultats sont valorisés.")
    budget: Code | None = Field(
        None, description="Le budget (budgets/<code>.yaml) dont le réalisé est l'investissement."
    )
    investissement: Montant | None = Field(
        None, description="L'investissement, quand il ne vient pas d'un budget."
    )
    taux_actualisation: Pourcentage = Field(
        0.035, description="Taux d'actualisation ; par défaut 3,5 % (guide SROI, 2012)."
    )
    beneficiaires: Code | None = Field(
        None, description="Indicateur du nombre de bénéficiaires (coût par bénéficiaire)."
    )
    resultats: list[Resultat] = Field(min_length=1)
    graine: int = Field(
        2012, description="Graine du tirage de Monte-Carlo (résultats reproductibles)."
    )
