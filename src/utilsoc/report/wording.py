"""The French sentences for the facts computing returns: alerts and explanations.

Computing (`utilsoc.compute`) says what the situation is and with which numbers; the
sentences a user reads are written here, in one place. In a report they are written in
the report's language (`utilsoc.langue`): French is the source, `_()` marks what is
translated, and constants are marked `N_()` and translated where they are used.
"""

from __future__ import annotations

from typing import Any

from utilsoc.compute.explain import Explanation, Reason
from utilsoc.compute.points import Alert, Anomaly
from utilsoc.langue import N_, _, current
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Sens

# How a quoted person's role reads under the quote: inclusive where the word is gendered.
ROLES = {
    "bénéficiaire": N_("bénéficiaire"),
    "parent": N_("parent"),
    "famille": N_("famille"),
    "bénévole": N_("bénévole"),
    "salarié": N_("salarié·e"),
    "partenaire": N_("partenaire"),
    "financeur": N_("financeur"),
    "habitant": N_("habitant·e"),
    "autre": N_("autre"),
}

ANSWERED = N_("réponses de questionnaire : voir l'évolution entre l'entrée et la sortie")
GAP_TO_EXPLAIN = N_("écart à expliquer")
# The results chain, in the order of the levels (réalisation, résultat, impact).
LEVELS = (
    (N_("Réalisations"), N_("ce qui a été fait")),
    (N_("Résultats"), N_("ce que cela a directement produit")),
    (N_("Impacts"), N_("ce à quoi cela a contribué")),
)
UNSPECIFIED_LEVEL = N_("Niveau non précisé")
# The values of a status, a verdict or an action's state, as the templates show them
# (`{{ _s(i.statut) }}`): compute and the models keep them in French, as codes.
STATUSES = (
    N_("atteint"),
    N_("atteints"),
    N_("en bonne voie"),
    N_("en retard"),
    N_("sans donnée"),
    N_("sans cible"),
    N_("partiellement"),
    N_("non atteint"),
    N_("réalisée"),
    N_("en cours"),
    N_("reportée"),
    N_("abandonnée"),
)
GAP_HINT = (
    "ajoutez une note à sa valeur (utilsoc record … --replace --motif … --note …) ou une "
    "piste d'amélioration qui le nomme (utilsoc evidence piste … --indicateur CODE)"
)


_TRENDS = {"↗": N_("en hausse"), "↘": N_("en baisse"), "→": N_("stable")}


def trend_words(indicator: dict[str, Any]) -> str:
    """`↗ en hausse` for an indicator's trend, or an empty text without one."""
    arrow = indicator["tendance"]
    return f"{arrow} {_(_TRENDS[arrow])}" if arrow in _TRENDS else ""


_MEASURE_WORDS = {
    "moyenne_entrée": N_("moyenne à l'entrée"),
    "moyenne_sortie": N_("moyenne à la sortie"),
    "gain_moyen": N_("gain moyen entre l'entrée et la sortie"),
    "part_progression": N_("part des participants qui progressent"),
}


def questionnaire_measure(measure: str, questionnaire: str, threshold: float | None) -> str:
    """« moyenne à la sortie du questionnaire « Confiance en soi » »."""
    words = _(_MEASURE_WORDS.get(measure, measure))
    if measure == "part_progression" and threshold:
        words += " " + _("d'au moins %(points)s") % {"points": _points(threshold)}
    return _("%(words)s du questionnaire « %(name)s »") % {"words": words, "name": questionnaire}


def _points(count: float) -> str:
    """« 1 point », « 2 points » in the report's language."""
    return current().count(count, _("point"), _("points"))


def planned_action(action: str) -> str:
    """An improvement track beside the figure it answers: « action prévue : … »."""
    return _("action prévue : %(action)s") % {"action": action.rstrip(".")}


def gaps_refused(gaps: list[tuple[str, str]]) -> tuple[str, str]:
    """`report --final`'s message and hint, listing the gaps by code and label."""
    listed = " ; ".join(f"{code} ({label})" for code, label in gaps)
    count = "1 écart" if len(gaps) == 1 else f"{len(gaps)} écarts"
    return (
        f"rapport final refusé : {count} à expliquer (en retard sur la cible, sans note ni "
        f"piste d'amélioration) : {listed}",
        "pour chacun, " + GAP_HINT,
    )


_PERCENTAGES_ALERT = N_(
    "pas de total, les parts sont des pourcentages sans numérateur ni dénominateur "
    "(leur moyenne serait fausse) ; enregistrez les deux termes de chaque part, ou le total"
)

_FIXED_EXPLANATIONS = {
    Reason.FORMULA_TERM_MISSING: N_(
        "indicateur calculé : un des termes de sa formule manque sur la période"
    ),
    Reason.NOTHING_RECORDED: N_("aucune valeur enregistrée sur la période"),
    Reason.NO_ANSWERS: N_("calculé à partir d'un questionnaire : aucune réponse sur la période"),
    Reason.UNPAIRED: N_(
        "calculé à partir d'un questionnaire : aucune personne n'a encore répondu à "
        "l'entrée et à la sortie sur la période"
    ),
    Reason.ZERO_DENOMINATOR: N_("dénominateur nul sur la période"),
    Reason.PERCENTAGES_WITHOUT_TERMS: N_(
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
    return _("%(period)s : %(message)s") % {
        "period": period,
        "message": _alert_message(alert, names or {}),
    }


# Each kind of period: singular, plural, and the participle « enregistré » agreed with it.
_KIND_WORDS = {
    "annee": (N_("année"), N_("années"), N_("enregistrée"), N_("enregistrées")),
    "semestre": (N_("semestre"), N_("semestres"), N_("enregistré"), N_("enregistrés")),
    "trimestre": (N_("trimestre"), N_("trimestres"), N_("enregistré"), N_("enregistrés")),
    "mois": (N_("mois"), N_("mois"), N_("enregistré"), N_("enregistrés")),
    "annee_scolaire": (
        N_("année scolaire"),
        N_("années scolaires"),
        N_("enregistrée"),
        N_("enregistrées"),
    ),
    "plage": (N_("période"), N_("périodes"), N_("enregistrée"), N_("enregistrées")),
}


def _alert_message(alert: Alert, names: dict[str, str]) -> str:
    if alert.kind is Anomaly.PERCENTAGES_WITHOUT_TERMS:
        return _(_PERCENTAGES_ALERT)
    if alert.kind is Anomaly.COARSE_OVER_FINE:
        return coarse_text(alert)
    if alert.kind is Anomaly.SUM_DIFFERS_FROM_TOTAL:
        ((name, total),) = alert.sums
        return _(
            "la somme par « %(name)s » (%(sum)s) ne fait pas le total enregistré (%(total)s)"
        ) % {"name": names.get(name, name), "sum": _show(total), "total": _show(alert.recorded)}
    (first_name, first), (name, total) = alert.sums
    return _(
        "les sommes par « %(first)s » (%(first_sum)s) et par « %(second)s » (%(second_sum)s) "
        "ne concordent pas"
    ) % {
        "first": names.get(first_name, first_name),
        "first_sum": _show(first),
        "second": names.get(name, name),
        "second_sum": _show(total),
    }


def _show(number: float | None) -> str:
    return "?" if number is None else current().number(number)


def explanation_text(why: Explanation) -> str:
    """Why a figure is missing or partial, in a few words for a report."""
    fixed = _FIXED_EXPLANATIONS.get(why.reason)
    if fixed is not None:
        return _(fixed)
    if why.reason is Reason.PARTIAL:
        share = f"{why.coverage * 100:.0f}"
        covered = _("données sur %(share)s %% de la période de la cible") % {"share": share}
        if why.on_pace:
            return _("%(covered)s, jugées au rythme attendu") % {"covered": covered}
        return covered
    assert why.period is not None
    if why.reason is Reason.OVERFLOWS:
        return _("valeur enregistrée sur une période qui déborde celle du rapport (%(period)s)") % {
            "period": why.period.label
        }
    assert why.latest is not None
    return _(
        "aucune valeur sur la période de la cible (%(period)s) ; dernière valeur : %(latest)s"
    ) % {"period": why.period.label, "latest": why.latest.label}


def coarse_text(alert: Alert) -> str:
    """« la valeur de 2024 (780) recouvre 4 trimestres enregistrés, qui donnent 3 980… »."""
    return f"{coarse_facts(alert)} — {coarse_advice(alert)}"


def coarse_facts(alert: Alert) -> str:
    """The figures of a value recorded over finer ones, and which the computations keep."""
    ((kind, fine),) = alert.sums
    one, many, participle, participles = _KIND_WORDS.get(kind, _KIND_WORDS["plage"])
    finer = current().count(alert.count, _(one), _(many))
    participle = _(participles) if alert.count > 1 else _(participle)
    name = alert.period.name
    if alert.kept_finer:
        kept = _("les %(periods)s") % {"periods": _(many)}
    else:
        kept = _("la valeur de %(name)s") % {"name": name}
    return _(
        "la valeur de %(name)s (%(value)s) recouvre %(finer)s %(participle)s, qui donnent "
        "%(sum)s ; les calculs retiennent %(kept)s"
    ) % {
        "name": name,
        "value": _figure(alert.recorded),
        "finer": finer,
        "participle": participle,
        "sum": _figure(fine),
        "kept": kept,
    }


def coarse_advice(alert: Alert) -> str:
    """What to do about a value recorded over finer ones."""
    return _("vérifiez la période de la valeur de %(name)s et gardez l'une ou l'autre") % {
        "name": alert.period.name
    }


def _figure(number: float | None) -> str:
    return "?" if number is None else current().number(number)


def progress_text(count: int | None, total: int, sens: Sens, threshold: float | None) -> str | None:
    """« 5 sur 12 gagnent au moins 1 point », in the questionnaire's direction; None if none.

    Why the direction: for a feeling of isolation, progress is a score that falls.
    """
    if count is None:
        return None
    points = {"points": "" if threshold is None else _points(threshold)}
    if sens is Sens.HAUSSE and threshold is None:
        verbs = (_("progresse"), _("progressent"))
    elif sens is Sens.HAUSSE:
        verbs = (_("gagne au moins %(points)s") % points, _("gagnent au moins %(points)s") % points)
    elif threshold is None:
        verbs = (_("voit son score baisser"), _("voient leur score baisser"))
    else:
        verbs = (
            _("voit son score baisser d'au moins %(points)s") % points,
            _("voient leur score baisser d'au moins %(points)s") % points,
        )
    wanted = "" if sens is Sens.HAUSSE else _(", l'évolution recherchée")
    if count == 0:
        nobody = _("personne ne %(verb)s (sur %(total)s)")
        return nobody % {"verb": verbs[0], "total": total} + wanted
    shown = {"count": count, "total": total, "verb": verbs[current().plural_from(count)]}
    return _("%(count)s sur %(total)s %(verb)s") % shown + wanted


def by_dimension(name: str) -> str:
    """« par site d'accompagnement » for the dimension « Site d'accompagnement ».

    An acronym (« QPV ») keeps its capitals.
    """
    lowered = name[:1].lower() + name[1:] if name[1:2].islower() else name
    return _("par %(dimension)s") % {"dimension": lowered}


def partial_span(period: Period, covered: list[Period]) -> str:
    """« année 2026, données partielles : T1 2026 à T3 2026 », when parts miss some periods."""
    if not covered:
        return period.label
    first, last = covered[0].short_label, covered[-1].short_label
    span = first if first == last else _("%(first)s à %(last)s") % {"first": first, "last": last}
    return _("%(period)s, données partielles : %(span)s") % {"period": period.label, "span": span}
