"""The French sentences for the facts computing returns: alerts and explanations.

Computing (`utilsoc.compute`) says what the situation is and with which numbers; the
sentences a user reads are written here, in one place.
"""

from __future__ import annotations

from utilsoc.compute.explain import Explanation, Reason
from utilsoc.compute.points import Alert, Anomaly
from utilsoc.french import format_number

# How a quoted person's role reads under the quote: inclusive where the word is gendered.
ROLES = {
    "bénéficiaire": "bénéficiaire",
    "parent": "parent",
    "famille": "famille",
    "bénévole": "bénévole",
    "salarié": "salarié·e",
    "partenaire": "partenaire",
    "financeur": "financeur",
    "habitant": "habitant·e",
    "autre": "autre",
}

ANSWERED = "réponses de questionnaire : voir l'évolution entre l'entrée et la sortie"

_PERCENTAGES_ALERT = (
    "pas de total, les parts sont des pourcentages sans numérateur ni dénominateur "
    "(leur moyenne serait fausse) ; enregistrez les deux termes de chaque part, ou le total"
)

_FIXED_EXPLANATIONS = {
    Reason.FORMULA_TERM_MISSING: (
        "indicateur calculé : un des termes de sa formule manque sur la période"
    ),
    Reason.NOTHING_RECORDED: "aucune valeur enregistrée sur la période",
    Reason.ZERO_DENOMINATOR: "dénominateur nul sur la période",
    Reason.PERCENTAGES_WITHOUT_TERMS: (
        "pas de valeur d'ensemble : des pourcentages ne s'additionnent pas, "
        "enregistrez leurs deux termes (numérateur et dénominateur)"
    ),
}


def alert_text(alert: Alert, names: dict[str, str] | None = None) -> str:
    """One line naming the period: « 2025-T1 : la somme par « site » (9) ne fait pas… ».

    With `names` (a report), the period and the dimensions are named by their labels:
    « 1er trimestre 2025 : la somme par « Site » (9)… ».
    """
    period = alert.period.name if names is None else alert.period.label
    return f"{period} : {_alert_message(alert, names or {})}"


def _alert_message(alert: Alert, names: dict[str, str]) -> str:
    if alert.kind is Anomaly.PERCENTAGES_WITHOUT_TERMS:
        return _PERCENTAGES_ALERT
    if alert.kind is Anomaly.SUM_DIFFERS_FROM_TOTAL:
        ((name, total),) = alert.sums
        return (
            f"la somme par « {names.get(name, name)} » ({_show(total)}) ne fait pas le "
            f"total enregistré ({_show(alert.recorded)})"
        )
    (first_name, first), (name, total) = alert.sums
    return (
        f"les sommes par « {names.get(first_name, first_name)} » ({_show(first)}) et par "
        f"« {names.get(name, name)} » ({_show(total)}) ne concordent pas"
    )


def _show(number: float | None) -> str:
    return "?" if number is None else format_number(number)


def explanation_text(why: Explanation) -> str:
    """Why a figure is missing or partial, in a few words for a report."""
    fixed = _FIXED_EXPLANATIONS.get(why.reason)
    if fixed is not None:
        return fixed
    if why.reason is Reason.PARTIAL:
        covered = f"données sur {why.coverage * 100:.0f} % de la période de la cible"
        return f"{covered}, jugées au rythme attendu" if why.on_pace else covered
    assert why.period is not None
    if why.reason is Reason.OVERFLOWS:
        return (
            f"valeur enregistrée sur une période qui déborde celle du rapport ({why.period.label})"
        )
    assert why.latest is not None
    return (
        f"aucune valeur sur la période de la cible ({why.period.label}) ; "
        f"dernière valeur : {why.latest.label}"
    )
