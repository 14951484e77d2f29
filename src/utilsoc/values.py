"""Does a recorded value fit its indicator? One set of rules for `record` and `validate`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from utilsoc.model.mesures import Valeur
from utilsoc.model.periods import is_aligned
from utilsoc.model.referentiel import Frequence, Indicateur, Referentiel, TypeIndicateur

_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_NON_NEGATIVE = {TypeIndicateur.NOMBRE, TypeIndicateur.DUREE, TypeIndicateur.TAUX}


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of a record, in French, with a hint."""

    field: str
    code: str
    message: str
    hint: str
    dimension: str | None = None

    @property
    def loc(self) -> tuple[str, ...]:
        """Where in a record the problem lies: `("dimensions", "site")` or `("valeur",)`."""
        return (self.field, self.dimension) if self.dimension else (self.field,)


def parse_number(text: str, *, comma: bool = False) -> float:
    """Read a decimal number; with `comma`, a French `3,5` is accepted (command line).

    Raises:
        ValueError: with a French message.
    """
    cleaned = text.strip().replace("\u202f", "").replace("\xa0", "")
    if comma and cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        if "," in cleaned:
            raise ValueError(f"nombre attendu, « {text} » lu : utilisez un point décimal")
        raise ValueError(f"nombre attendu, « {text} » lu")
    return float(cleaned)


def parse_value(
    indicator: Indicateur, text: str | None, *, comma: bool = False
) -> float | bool | str | None:
    """The typed value of `text` for `indicator`.

    Raises:
        ValueError: the text does not fit the indicator's type or scale (French message).
    """
    kind = indicator.type
    if text is None:
        return None
    if kind is TypeIndicateur.QUALITATIF:
        return text
    if kind is TypeIndicateur.OUI_NON:
        lowered = text.strip().lower()
        if lowered in ("true", "oui"):
            return True
        if lowered in ("false", "non"):
            return False
        raise ValueError(f"oui/non attendu pour « {indicator.code} », « {text} » lu")
    number = parse_number(text, comma=comma)
    if kind in _NON_NEGATIVE and number < 0:
        raise ValueError(f"« {indicator.code} » ne peut pas être négatif ({text})")
    scale = indicator.echelle
    if kind is TypeIndicateur.SCORE and scale and not scale.min <= number <= scale.max:
        raise ValueError(f"score hors de l'échelle {scale.min:g} à {scale.max:g} : {text}")
    return number


def check_record(referentiel: Referentiel, record: Valeur) -> list[Problem]:
    """Every way `record` does not fit the référentiel (empty when it fits)."""
    indicators = referentiel.indicators()
    indicator = indicators.get(record.indicateur)
    if indicator is None:
        return [
            Problem(
                "indicateur",
                "indicateur-inconnu",
                f"indicateur « {record.indicateur} » inconnu du référentiel",
                _closest(record.indicateur, indicators),
            )
        ]
    problems = _value_problems(indicator, record)
    if indicator.frequence is not Frequence.PONCTUELLE and not is_aligned(
        record.periode, indicator.frequence.kind
    ):
        problems.append(
            Problem(
                "periode",
                "periode-hors-frequence",
                f"{record.periode.label} ne correspond pas à la fréquence "
                f"{indicator.frequence.value} de « {indicator.code} »",
                "indiquez une période de cette fréquence (ex. 2025-T1 pour trimestrielle)",
            )
        )
    problems.extend(_dimension_problems(referentiel, indicator, record))
    return problems


def _value_problems(indicator: Indicateur, record: Valeur) -> list[Problem]:
    if indicator.formule is not None:
        return [
            Problem(
                "valeur",
                "indicateur-calcule",
                f"« {indicator.code} » est calculé par sa formule",
                "enregistrez plutôt les indicateurs de sa formule",
            )
        ]
    has_ratio = record.numerateur is not None or record.denominateur is not None
    if has_ratio and indicator.type is not TypeIndicateur.TAUX:
        return [
            Problem(
                "numerateur",
                "valeur-invalide",
                "numérateur et dénominateur ne servent qu'aux taux",
                "donnez seulement la valeur",
            )
        ]
    if has_ratio:
        return _ratio_problems(record)
    if record.valeur is None:
        return [
            Problem(
                "valeur",
                "valeur-manquante",
                "valeur manquante",
                "donnez la valeur (ou numérateur et dénominateur pour un taux)",
            )
        ]
    try:
        parse_value(indicator, record.valeur)
    except ValueError as error:
        return [Problem("valeur", "valeur-invalide", str(error), _expected(indicator))]
    return []


def _ratio_problems(record: Valeur) -> list[Problem]:
    if record.numerateur is None or record.denominateur is None:
        return [
            Problem(
                "numerateur",
                "valeur-manquante",
                "un taux se donne avec numérateur et dénominateur ensemble",
                "ajoutez celui qui manque",
            )
        ]
    if record.denominateur <= 0 or record.numerateur < 0:
        return [
            Problem(
                "denominateur",
                "valeur-invalide",
                "dénominateur nul ou valeurs négatives",
                "le dénominateur compte au moins une personne",
            )
        ]
    return []


def _dimension_problems(
    referentiel: Referentiel, indicator: Indicateur, record: Valeur
) -> list[Problem]:
    allowed = {d.code: d.valeurs for d in referentiel.dimensions}
    problems = []
    for name, value in record.dimensions.items():
        if name not in indicator.dimensions:
            problems.append(
                Problem(
                    "dimensions",
                    "dimension-inconnue",
                    f"« {indicator.code} » n'est pas ventilé par « {name} »",
                    "dimensions de cet indicateur : "
                    + (", ".join(indicator.dimensions) or "aucune"),
                    name,
                )
            )
        elif value not in allowed.get(name, []):
            problems.append(
                Problem(
                    "dimensions",
                    "valeur-de-dimension-inconnue",
                    f"« {value} » n'est pas une valeur de la dimension « {name} »",
                    "valeurs possibles : " + ", ".join(allowed.get(name, [])),
                    name,
                )
            )
    return problems


def _expected(indicator: Indicateur) -> str:
    kind = indicator.type
    if kind is TypeIndicateur.OUI_NON:
        return "écrivez true ou false"
    if kind is TypeIndicateur.SCORE and indicator.echelle:
        return f"un nombre de {indicator.echelle.min:g} à {indicator.echelle.max:g}"
    unit = f" ({indicator.unite})" if indicator.unite else ""
    return f"un nombre avec un point décimal{unit}, par exemple 12 ou 3.5"


def _closest(code: str, known: dict[str, Indicateur]) -> str:
    import difflib

    close = difflib.get_close_matches(code, list(known), n=1)
    return (
        f"vouliez-vous dire « {close[0]} » ?" if close else "voir « utilsoc status » pour la liste"
    )
