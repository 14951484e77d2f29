"""The strict base model and the small value types every file shares."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from utilsoc.yamlio.keys import normalize_key

# Plain words of field names and their French spelling, used to build the YAML keys.
_ACCENTED = {
    "identite": "identité",
    "personnalite": "personnalité",
    "criteres": "critères",
    "critere": "critère",
    "libelle": "libellé",
    "definition": "définition",
    "unite": "unité",
    "frequence": "fréquence",
    "methode": "méthode",
    "collecte": "collecté",
    "reference": "référence",
    "periode": "période",
    "revisions": "révisions",
    "echelle": "échelle",
    "numerateur": "numérateur",
    "denominateur": "dénominateur",
    "evaluation": "évaluation",
    "general": "général",
    "resultats": "résultats",
    "intitule": "intitulé",
    "categorie": "catégorie",
    "age": "âge",
    "cles": "clés",
    "precedente": "précédente",
    "decision": "décision",
    "prenantes": "prenantes",
    "donnees": "données",
    "theme": "thème",
    "temoignages": "témoignages",
    "recit": "récit",
    "amelioration": "amélioration",
    "appreciation": "appréciation",
    "role": "rôle",
    "reponse": "réponse",
    "agregation": "agrégation",
    "realisations": "réalisations",
    "echeance": "échéance",
    "etat": "état",
    "seance": "séance",
    "prevu": "prévu",
    "prevues": "prévues",
    "realise": "réalisé",
    "duree": "durée",
    "quantite": "quantité",
    "deplacement": "déplacement",
    "erosion": "érosion",
    "annee": "année",
    "regle": "règle",
    "beneficiaires": "bénéficiaires",
    "cout": "coût",
    "evite": "évité",
    "benevolat": "bénévolat",
    "sensibilite": "sensibilité",
    "ecart": "écart",
    "perimetre": "périmètre",
}

_KEYS: dict[type, dict[str, str]] = {}
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
# Recorded numbers are 0 or between a billionth and a million billion in size: beyond any
# count, amount or rate an association records, and far enough inside the float range
# that sums, ratios, progress and formulas can never overflow to `inf` or `nan`.
MAX_NUMBER = 1e15
MIN_NUMBER = 1e-9
INFINITE_NUMBER = "nombre infini ou indéfini (inf, nan) refusé"
TOO_BIG_NUMBER = "nombre trop grand : au plus un million de milliards (1e15) en valeur absolue"
TOO_SMALL_NUMBER = "nombre trop petit : 0, ou au moins un milliardième (1e-9) en valeur absolue"
NUMBER_LIMIT_HINT = "vérifiez le nombre (une faute de frappe, un exposant comme e308 ?)"


def number_problem(value: float) -> str | None:
    """Why `value` cannot be recorded (infinite, undefined, too big or small), or None."""
    if MIN_NUMBER <= abs(value) <= MAX_NUMBER or value == 0:
        return None
    if math.isinf(value) or math.isnan(value):
        return INFINITE_NUMBER
    return TOO_BIG_NUMBER if abs(value) > MAX_NUMBER else TOO_SMALL_NUMBER


def french_alias(name: str) -> str:
    """YAML key for a field: `collecte_par` → `collecté_par`."""
    return "_".join(_ACCENTED.get(word, word) for word in name.split("_"))


class Modele(BaseModel):
    """Base of the référentiel's models: unknown keys are errors, accents are optional."""

    model_config = ConfigDict(
        extra="forbid",
        alias_generator=french_alias,
        validate_by_alias=True,
        validate_by_name=False,
        allow_inf_nan=False,
        str_strip_whitespace=True,
        use_enum_values=False,
    )

    @field_validator("*", mode="after")
    @classmethod
    def _bounded_numbers(cls, value: Any) -> Any:
        """Refuse `1e308` or `1e-300` in every number field (inf and nan already are)."""
        if type(value) is float:
            problem = number_problem(value)
            if problem is not None:
                raise PydanticCustomError("nombre_hors_limites", problem, {})
        return value

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_keys(cls, data: Any) -> Any:
        """Rename `identite` or `Identité` to the field's key `identité`."""
        if not isinstance(data, dict):
            return data
        keys = _KEYS.get(cls)
        if keys is None:
            keys = {normalize_key(f.alias or n): f.alias or n for n, f in cls.model_fields.items()}
            _KEYS[cls] = keys
        return {
            keys.get(normalize_key(key), key) if isinstance(key, str) else key: value
            for key, value in data.items()
        }


def _strict_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, str) else None
    if text in ("true", "false"):
        return text == "true"
    raise PydanticCustomError("booleen", "valeur oui/non attendue", {})


Booleen = Annotated[bool, BeforeValidator(_strict_bool)]
Code = Annotated[str, Field(pattern=CODE_PATTERN, min_length=1, max_length=80)]
Texte = Annotated[str, Field(min_length=1)]


class Choix(StrEnum):
    """An enumeration whose values are accepted with or without accents."""

    @classmethod
    def _missing_(cls, value: object) -> Choix | None:
        if isinstance(value, str):
            wanted = normalize_key(value)
            for member in cls:
                if normalize_key(member.value) == wanted:
                    return member
        return None


class Diffusion(Choix):
    """Jusqu'où une preuve ou un indicateur peut aller."""

    INTERNE = "interne"
    RESEAU = "réseau"
