"""The French sentences for the facts computing returns: alerts and explanations.

Computing (`utilsoc.compute`) says what the situation is and with which numbers; the
sentences a user reads are written here, in one place.
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.explain import Explanation, Reason
from utilsoc.compute.points import Alert, Anomaly
from utilsoc.french import format_number, plural
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Sens

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
GAP_TO_EXPLAIN = "écart à expliquer"
# The results chain, in the order of the levels (réalisation, résultat, impact).
LEVELS = (
    ("Réalisations", "ce qui a été fait"),
    ("Résultats", "ce que cela a directement produit"),
    ("Impacts", "ce à quoi cela a contribué"),
)
UNSPECIFIED_LEVEL = "Niveau non précisé"
GAP_HINT = (
    "ajoutez une note à sa valeur (utilsoc record … --replace --motif … --note …) ou une "
    "piste d'amélioration qui le nomme (utilsoc evidence piste … --indicateur CODE)"
)


_TRENDS = {"↗": "en hausse", "↘": "en baisse", "→": "stable"}


def trend_words(indicator: dict[str, Any]) -> str:
    """`↗ en hausse` for an indicator's trend, or an empty text without one."""
    arrow = indicator["tendance"]
    return f"{arrow} {_TRENDS[arrow]}" if arrow in _TRENDS else ""


_MEASURE_WORDS = {
    "moyenne_entrée": "moyenne à l'entrée",
    "moyenne_sortie": "moyenne à la sortie",
    "gain_moyen": "gain moyen entre l'entrée et la sortie",
    "part_progression": "part des participants qui progressent",
}


def questionnaire_measure(measure: str, questionnaire: str, threshold: float | None) -> str:
    """« moyenne à la sortie du questionnaire « Confiance en soi » »."""
    words = _MEASURE_WORDS.get(measure, measure)
    if measure == "part_progression" and threshold:
        words += f" d'au moins {plural(threshold, 'point')}"
    return f"{words} du questionnaire « {questionnaire} »"


def planned_action(action: str) -> str:
    """An improvement track beside the figure it answers: « action prévue : … »."""
    return f"action prévue : {action.rstrip('.')}"


def gaps_refused(gaps: list[tuple[str, str]]) -> tuple[str, str]:
    """`report --final`'s message and hint, listing the gaps by code and label."""
    listed = " ; ".join(f"{code} ({label})" for code, label in gaps)
    count = "1 écart" if len(gaps) == 1 else f"{len(gaps)} écarts"
    return (
        f"rapport final refusé : {count} à expliquer (en retard sur la cible, sans note ni "
        f"piste d'amélioration) : {listed}",
        "pour chacun, " + GAP_HINT,
    )


_PERCENTAGES_ALERT = (
    "pas de total, les parts sont des pourcentages sans numérateur ni dénominateur "
    "(leur moyenne serait fausse) ; enregistrez les deux termes de chaque part, ou le total"
)

_FIXED_EXPLANATIONS = {
    Reason.FORMULA_TERM_MISSING: (
        "indicateur calculé : un des termes de sa formule manque sur la période"
    ),
    Reason.NOTHING_RECORDED: "aucune valeur enregistrée sur la période",
    Reason.NO_ANSWERS: "calculé à partir d'un questionnaire : aucune réponse sur la période",
    Reason.UNPAIRED: (
        "calculé à partir d'un questionnaire : aucune personne n'a encore répondu à "
        "l'entrée et à la sortie sur la période"
    ),
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


# Each kind of period: singular, plural, and the participle « enregistré » agreed with it.
_KIND_WORDS = {
    "annee": ("année", "années", "enregistrée"),
    "semestre": ("semestre", "semestres", "enregistré"),
    "trimestre": ("trimestre", "trimestres", "enregistré"),
    "mois": ("mois", "mois", "enregistré"),
    "annee_scolaire": ("année scolaire", "années scolaires", "enregistrée"),
    "plage": ("période", "périodes", "enregistrée"),
}


def _alert_message(alert: Alert, names: dict[str, str]) -> str:
    if alert.kind is Anomaly.PERCENTAGES_WITHOUT_TERMS:
        return _PERCENTAGES_ALERT
    if alert.kind is Anomaly.COARSE_OVER_FINE:
        return coarse_text(alert)
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


def coarse_text(alert: Alert) -> str:
    """« la valeur de 2024 (780) recouvre 4 trimestres enregistrés, qui donnent 3 980… »."""
    return f"{coarse_facts(alert)} — {coarse_advice(alert)}"


def coarse_facts(alert: Alert) -> str:
    """The figures of a value recorded over finer ones, and which the computations keep."""
    ((kind, fine),) = alert.sums
    one, many, participle = _KIND_WORDS.get(kind, _KIND_WORDS["plage"])
    finer = plural(alert.count, one, many)
    if alert.count > 1:
        participle += "s"
    name = alert.period.name
    kept = f"les {many}" if alert.kept_finer else f"la valeur de {name}"
    return (
        f"la valeur de {name} ({_figure(alert.recorded)}) recouvre {finer} {participle}, "
        f"qui donnent {_figure(fine)} ; les calculs retiennent {kept}"
    )


def coarse_advice(alert: Alert) -> str:
    """What to do about a value recorded over finer ones."""
    return f"vérifiez la période de la valeur de {alert.period.name} et gardez l'une ou l'autre"


def _figure(number: float | None) -> str:
    return "?" if number is None else format_number(number)


def progress_text(count: int | None, total: int, sens: Sens, threshold: float | None) -> str | None:
    """« 5 sur 12 gagnent au moins 1 point », in the questionnaire's direction; None if none.

    Why the direction: for a feeling of isolation, progress is a score that falls.
    """
    if count is None:
        return None
    points = "" if threshold is None else plural(threshold, "point")
    if sens is Sens.HAUSSE and threshold is None:
        verbs = ("progresse", "progressent")
    elif sens is Sens.HAUSSE:
        verbs = (f"gagne au moins {points}", f"gagnent au moins {points}")
    else:
        by = "" if threshold is None else f" d'au moins {points}"
        verbs = (f"voit son score baisser{by}", f"voient leur score baisser{by}")
    wanted = "" if sens is Sens.HAUSSE else ", l'évolution recherchée"
    if count == 0:
        return f"personne ne {verbs[0]} (sur {total}){wanted}"
    return f"{count} sur {total} {verbs[count >= 2]}{wanted}"


def by_dimension(name: str) -> str:
    """« par site d'accompagnement » for the dimension « Site d'accompagnement ».

    An acronym (« QPV ») keeps its capitals.
    """
    lowered = name[:1].lower() + name[1:] if name[1:2].islower() else name
    return f"par {lowered}"


def partial_span(period: Period, covered: list[Period]) -> str:
    """« année 2026, données partielles : T1 2026 à T3 2026 », when parts miss some periods."""
    if not covered:
        return period.label
    first, last = covered[0].short_label, covered[-1].short_label
    span = first if first == last else f"{first} à {last}"
    return f"{period.label}, données partielles : {span}"
