"""Entry/exit questionnaires: each participant's pair of scores, and what is drawn from them.

One pairing serves the indicators computed from a questionnaire (`calcul:` in the
référentiel) and the questionnaire section of reports and `status`, so they never disagree.
Facts only: the French is in `utilsoc.report.wording`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from utilsoc.compute.points import Point
from utilsoc.model.mesures import Groupe, Moment, Reponse
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Calcul, Indicateur, MesureQuestionnaire, Sens

PairKey = tuple[str, str]  # (answer period's name, participant)


@dataclass
class Gains:
    """Entry/exit pairs of one questionnaire: scores per participant and the unpaired ones.

    A pair is made within one answer period: the same code in two school years may be two
    different people.
    """

    pairs: dict[PairKey, tuple[float, float]] = field(default_factory=dict)
    entry_only: list[str] = field(default_factory=list)
    exit_only: list[str] = field(default_factory=list)

    @property
    def mean_gain(self) -> float | None:
        """Average of exit − entry over paired participants."""
        if not self.pairs:
            return None
        return sum(out - enter for enter, out in self.pairs.values()) / len(self.pairs)

    def mean(self, moment: Moment) -> float | None:
        """Average entry (or exit) score of paired participants."""
        if not self.pairs:
            return None
        index = 0 if moment is Moment.ENTREE else 1
        return sum(pair[index] for pair in self.pairs.values()) / len(self.pairs)

    def improved(self, sens: Sens, threshold: float | None = None) -> int | None:
        """Participants who progressed in the questionnaire's direction (by `threshold`).

        Without threshold any progress counts; None when the direction is stability.
        """
        if sens is Sens.STABILITE:
            return None
        return sum(
            1 for enter, out in self.pairs.values() if _progressed(enter, out, sens, threshold)
        )


def _progressed(enter: float, out: float, sens: Sens, threshold: float | None) -> bool:
    progress = out - enter if sens is Sens.HAUSSE else enter - out
    # Scores like 2.3 → 3.3 differ by 0.9999999999999998: compare with a little slack.
    return progress > 1e-9 if threshold is None else progress >= threshold - 1e-9


def pair_answers(
    responses: Iterable[Reponse],
    questionnaire: str,
    period: Period | None = None,
    group: Groupe = Groupe.ACTION,
) -> Gains:
    """Pair entry and exit scores per participant and answer period (latest answer wins).

    With `period`, only answers whose period lies within it. Only the answers of `group`:
    by default the people the action reaches, never those of the comparison group.
    """
    moments: dict[PairKey, dict[Moment, float]] = defaultdict(dict)
    for (period_name, participant, moment), (_, score) in _latest_answers(
        responses, questionnaire, period, group
    ).items():
        moments[(period_name, participant)][moment] = score
    gains = Gains()
    for who in sorted(moments):
        scores = moments[who]
        if Moment.ENTREE in scores and Moment.SORTIE in scores:
            gains.pairs[who] = (scores[Moment.ENTREE], scores[Moment.SORTIE])
        elif Moment.ENTREE in scores:
            gains.entry_only.append(who[1])
        else:
            gains.exit_only.append(who[1])
    return gains


def group_of(response: Reponse) -> Groupe:
    """The group of an answer: the action's people unless it says `groupe: comparaison`."""
    return response.groupe or Groupe.ACTION


def _latest_answers(
    responses: Iterable[Reponse], questionnaire: str, period: Period | None, group: Groupe
) -> dict[tuple[str, str, Moment], tuple[dt.date, float]]:
    """Each participant's latest score at each moment of each answer period (within `period`)."""
    latest: dict[tuple[str, str, Moment], tuple[dt.date, float]] = {}
    for response in responses:
        wanted = response.indicateur == questionnaire and group_of(response) is group
        if not wanted or (period is not None and not period.contains(response.periode)):
            continue
        key = (response.periode.name, response.participant, response.moment)
        if key not in latest or latest[key][0] <= response.date:
            latest[key] = (response.date, response.score)
    return latest


def answer_periods(responses: Iterable[Reponse], questionnaire: str) -> dict[Period, int]:
    """Each period with answers to `questionnaire`, and how many of the action's people answered."""
    seen: dict[Period, set[str]] = defaultdict(set)
    for response in responses:
        if response.indicateur == questionnaire and group_of(response) is Groupe.ACTION:
            seen[response.periode].add(response.participant)
    return {period: len(people) for period, people in sorted(seen.items())}


@dataclass(frozen=True)
class GainGap:
    """The mean gains of the action's people and of the comparison group, and their gap.

    `difference` is the action's gain minus the comparison group's, in the score's points;
    it says how much more the action's people moved, not why.
    """

    pairs: int
    gain: float
    comparison_pairs: int
    comparison_gain: float

    @property
    def difference(self) -> float:
        """The action's mean gain minus the comparison group's."""
        return self.gain - self.comparison_gain


def gain_gap(own: Gains, comparison: Gains) -> GainGap | None:
    """Both groups' mean gains and their difference; None unless both have pairs."""
    if own.mean_gain is None or comparison.mean_gain is None:
        return None
    return GainGap(len(own.pairs), own.mean_gain, len(comparison.pairs), comparison.mean_gain)


def questionnaire_of(indicator: Indicateur) -> str | None:
    """The questionnaire (score indicator answered) an indicator is computed from, if any."""
    if indicator.calcul is None:
        return None
    return indicator.calcul.questionnaire or indicator.code


def measure(gains: Gains, calcul: Calcul, sens: Sens) -> Point | None:
    """The value `calcul` draws from the pairs; None without pairs.

    Means carry the number of pairs as their weight, so a mean over several periods is
    the mean over all their pairs; a share is a rate by its two terms.
    """
    count = len(gains.pairs)
    if not count:
        return None
    kind = calcul.mesure
    if kind is MesureQuestionnaire.PART_PROGRESSION:
        improved = gains.improved(sens, calcul.seuil)
        return None if improved is None else Point(None, float(improved), float(count))
    if kind is MesureQuestionnaire.GAIN_MOYEN:
        value = gains.mean_gain
    else:
        moment = Moment.ENTREE if kind is MesureQuestionnaire.MOYENNE_ENTREE else Moment.SORTIE
        value = gains.mean(moment)
    return Point(value, weight=float(count))


def progress_threshold(indicators: Iterable[Indicateur], questionnaire: str) -> float | None:
    """The threshold of the first share of progress computed from `questionnaire`, if any.

    Why: the questionnaire section counts those who progress as that indicator does.
    """
    for indicator in indicators:
        calcul = indicator.calcul
        if (
            calcul is not None
            and calcul.mesure is MesureQuestionnaire.PART_PROGRESSION
            and questionnaire_of(indicator) == questionnaire
        ):
            return calcul.seuil
    return None
