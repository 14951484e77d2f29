"""Why a figure over a period is missing or partial: the facts a report explains.

Facts only: `utilsoc.report.wording.explanation_text` writes them in French.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from utilsoc.compute.points import Series
from utilsoc.compute.progress import Progress, Statut, intersection
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import TypeIndicateur

# Below this share of its target's period, a value is said to be partial.
_NEARLY_WHOLE = 0.995


class Reason(StrEnum):
    """The situation behind a missing or partial figure."""

    OVERFLOWS = "deborde"  # recorded over a period overflowing the report's
    OUTSIDE_TARGET = "hors-cible"  # values in the report's period, none in the target's
    FORMULA_TERM_MISSING = "terme-manquant"
    NO_ANSWERS = "aucune-reponse"  # computed from a questionnaire nobody answered
    UNPAIRED = "reponses-sans-paire"  # answers, but no one with both entry and exit
    NOTHING_RECORDED = "aucune-valeur"
    ZERO_DENOMINATOR = "denominateur-nul"
    PERCENTAGES_WITHOUT_TERMS = "pourcentages-sans-termes"
    PARTIAL = "partiel"


@dataclass(frozen=True)
class Explanation:
    """A reason, with what it is about.

    `period`: the overflowing period (OVERFLOWS) or the target's (OUTSIDE_TARGET);
    `latest`: the latest period with a value (OUTSIDE_TARGET); `coverage`: the share of
    the target's period the data covers and `on_pace`: judged at the expected pace rather
    than reached (PARTIAL).
    """

    reason: Reason
    period: Period | None = None
    latest: Period | None = None
    coverage: float = 1.0
    on_pace: bool = False


def explain(series: Series, period: Period, state: Progress) -> Explanation | None:
    """Why the figure of `series` over `period` is missing or partial; None if it is neither.

    `state` is `progress_for(series, period)`.
    """
    if series.indicator.type is TypeIndicateur.QUALITATIF:
        return None
    if state.value is None:
        return _missing(series, period, state)
    if state.target is not None and state.coverage < _NEARLY_WHOLE:
        on_pace = state.status is not Statut.ATTEINT
        return Explanation(Reason.PARTIAL, coverage=state.coverage, on_pace=on_pace)
    return None


def _missing(series: Series, period: Period, state: Progress) -> Explanation | None:
    target_period = state.target_period
    window = period if target_period is None else intersection(target_period, period)
    recorded = {*series.totals, *series.parts}
    inside = [p for p in recorded if window.contains(p)]
    if inside:
        return _no_total(series, inside)
    return _none_inside(series, recorded, window, period, target_period)


def _none_inside(
    series: Series,
    recorded: set[Period],
    window: Period,
    period: Period,
    target_period: Period | None,
) -> Explanation:
    """Nothing recorded within `window`, the report's `period` or the part of it targeted."""
    indicator = series.indicator
    if indicator.calcul is not None and any(window.contains(p) for p in series.answers):
        return Explanation(Reason.UNPAIRED)
    nearby = _recorded_nearby(recorded, window, period, target_period)
    if nearby is not None:
        return nearby
    if indicator.calcul is not None:
        return Explanation(Reason.NO_ANSWERS)
    if indicator.formule is not None:
        return Explanation(Reason.FORMULA_TERM_MISSING)
    return Explanation(Reason.NOTHING_RECORDED)


def _recorded_nearby(
    recorded: set[Period], window: Period, period: Period, target_period: Period | None
) -> Explanation | None:
    """Values overflowing `window`, or in the report's `period` outside its target's."""
    overlapping = sorted(p for p in recorded if window.overlaps(p))
    if overlapping:
        return Explanation(Reason.OVERFLOWS, period=overlapping[-1])
    in_report = sorted(p for p in recorded if period.contains(p))
    if in_report and target_period is not None:
        return Explanation(Reason.OUTSIDE_TARGET, period=target_period, latest=in_report[-1])
    return None


def _no_total(series: Series, inside: list[Period]) -> Explanation | None:
    """Values were recorded within the period, yet they give no figure."""
    points = [series.totals[p] for p in inside if p in series.totals]
    if points and all(p.numerator is not None for p in points):
        return Explanation(Reason.ZERO_DENOMINATOR)
    if series.indicator.type is TypeIndicateur.TAUX:
        return Explanation(Reason.PERCENTAGES_WITHOUT_TERMS)
    return None
