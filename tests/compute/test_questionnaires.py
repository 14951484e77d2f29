"""Questionnaires: pairs per period, progress in the score's direction, computed indicators."""

from __future__ import annotations

from typing import Any

import pytest

from utilsoc.compute.progress import Statut, progress_for
from utilsoc.compute.questionnaires import answer_periods, gain_gap, pair_answers
from utilsoc.compute.rollup import roll_up
from utilsoc.compute.series import build_all_series
from utilsoc.model.mesures import Groupe, Reponse
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Referentiel, Sens


def _answer(participant: str, moment: str, score: float, period: str = "2025") -> Reponse:
    return Reponse.model_validate(
        {
            "indicateur": "score",
            "période": period,
            "participant": participant,
            "moment": moment,
            "score": score,
            "auteur": "a",
            "date": "2025-06-01",
        }
    )


def _pairs(period: str, *scores: tuple[float, float]) -> list[Reponse]:
    answers = []
    for n, (entry, out) in enumerate(scores):
        answers += [
            _answer(f"P{n}", "entrée", entry, period),
            _answer(f"P{n}", "sortie", out, period),
        ]
    return answers


def _referentiel(sens: str, *computed: dict[str, Any]) -> Referentiel:
    score = {
        "code": "score",
        "libellé": "Score",
        "type": "score",
        "sens": sens,
        "échelle": {"min": 1, "max": 5},
        "calcul": {"mesure": "moyenne_sortie"},
    }
    base = {"libellé": "Calculé", "type": "score", "sens": sens}
    indicators = [score, *({**base, **c} for c in computed)]
    return Referentiel.model_validate(
        {
            "domaines": [
                {
                    "code": "D",
                    "nom": "D",
                    "critères": [{"code": "C", "nom": "C", "indicateurs": indicators}],
                }
            ]
        }
    )


def test_entry_and_exit_pair_only_within_one_period() -> None:
    answers = [
        _answer("P1", "entrée", 2, "2024"),
        _answer("P1", "sortie", 4, "2025"),  # the same code a year later: someone else
        _answer("P2", "entrée", 1, "2025"),
        _answer("P2", "sortie", 3, "2025"),
    ]
    gains = pair_answers(answers, "score")
    assert gains.pairs == {("2025", "P2"): (1.0, 3.0)}
    assert (gains.entry_only, gains.exit_only) == (["P1"], ["P1"])


@pytest.mark.parametrize(
    ("sens", "threshold", "expected"),
    [("hausse", None, 3), ("hausse", 1, 2), ("baisse", None, 1), ("baisse", 1, 0)],
)
def test_progress_follows_the_direction_of_the_score(sens, threshold, expected) -> None:
    gains = pair_answers(_pairs("2025", (2, 3), (2, 2.5), (1.5, 4), (3, 2.5), (2, 2)), "score")
    assert gains.improved(Sens(sens), threshold) == expected


def test_a_rise_of_exactly_the_threshold_counts_despite_decimal_noise() -> None:
    gains = pair_answers(_pairs("2025", (2.3, 3.3)), "score")  # 3.3 - 2.3 < 1 in floats
    assert gains.improved(Sens.HAUSSE, 1) == 1


def test_indicators_computed_from_a_questionnaire_have_values_per_answer_period() -> None:
    referentiel = _referentiel(
        "baisse",
        {"code": "entree", "calcul": {"questionnaire": "score", "mesure": "moyenne_entrée"}},
        {"code": "gain", "calcul": {"questionnaire": "score", "mesure": "gain_moyen"}},
        {
            "code": "part",
            "type": "taux",
            "sens": "hausse",
            "calcul": {"questionnaire": "score", "mesure": "part_progression", "seuil": 1},
            "cibles": [{"période": "2025", "valeur": 50}],
        },
    )
    # A feeling of isolation: it should fall. Only P2 falls by a point or more.
    answers = _pairs("2025", (3, 3.5), (4, 2.5), (2, 2))
    series = build_all_series(referentiel, [], answers)
    year = Period.parse("2025")
    assert series["score"].totals[year].number == pytest.approx(8 / 3)
    assert series["entree"].totals[year].number == 3.0
    assert series["gain"].totals[year].number == pytest.approx(-1 / 3)
    share = series["part"].totals[year]
    assert (share.numerator, share.denominator) == (1.0, 3.0)
    state = progress_for(series["part"], year)
    assert state.value == pytest.approx(100 / 3)
    assert state.status is Statut.EN_RETARD


def test_a_mean_over_several_periods_is_the_mean_of_all_their_pairs() -> None:
    referentiel = _referentiel("hausse")
    answers = _pairs("2025-S1", (1, 2)) + _pairs("2025-S2", (1, 5), (1, 5), (1, 5))
    series = build_all_series(referentiel, [], answers)["score"]
    assert roll_up(series, Period.parse("2025")).number == pytest.approx((2 + 5 * 3) / 4)


def test_answers_without_pairs_give_no_value_but_are_counted() -> None:
    referentiel = _referentiel("hausse")
    series = build_all_series(referentiel, [], [_answer("P1", "entrée", 2)])["score"]
    assert series.totals == {}
    assert series.answers == {Period.parse("2025"): 1}


def test_a_computed_indicator_without_a_figure_says_whether_anyone_answered() -> None:
    from utilsoc.compute.explain import Reason, explain

    referentiel = _referentiel("hausse")
    year = Period.parse("2025")
    entries_only = build_all_series(referentiel, [], [_answer("P1", "entrée", 2)])["score"]
    nobody = build_all_series(referentiel, [], [])["score"]
    assert explain(entries_only, year, progress_for(entries_only, year)).reason is Reason.UNPAIRED
    assert explain(nobody, year, progress_for(nobody, year)).reason is Reason.NO_ANSWERS


def _comparison(*scores: tuple[float, float]) -> list[Reponse]:
    """Pairs of the comparison group, coded T0, T1… (`groupe: comparaison`)."""
    return [
        answer.model_copy(
            update={"participant": "T" + answer.participant, "groupe": Groupe.COMPARAISON}
        )
        for answer in _pairs("2025", *scores)
    ]


def test_the_comparison_group_is_paired_apart_and_never_counts_for_the_action() -> None:
    own = _pairs("2025", (2, 4), (3, 4), (1, 4))  # gains 2, 1, 3: mean 2
    other = _comparison((2, 3), (3, 3))  # gains 1, 0: mean 0.5
    responses = own + other
    action = pair_answers(responses, "score")
    assert sorted(p for _, p in action.pairs) == ["P0", "P1", "P2"]
    assert action.mean_gain == pytest.approx(2.0)
    group = pair_answers(responses, "score", group=Groupe.COMPARAISON)
    assert sorted(p for _, p in group.pairs) == ["TP0", "TP1"]
    assert group.mean_gain == pytest.approx(0.5)
    assert answer_periods(responses, "score") == {Period.parse("2025"): 3}


def test_the_gain_difference_is_the_action_s_gain_minus_the_comparison_s() -> None:
    own = pair_answers(_pairs("2025", (2, 4), (3, 4), (1, 4)), "score")
    other = pair_answers(_comparison((2, 3), (3, 3)), "score", group=Groupe.COMPARAISON)
    gap = gain_gap(own, other)
    assert gap is not None
    assert (gap.pairs, gap.comparison_pairs) == (3, 2)
    # By hand: (2 + 1 + 3) / 3 = 2 and (1 + 0) / 2 = 0.5, so 2 − 0.5 = 1.5 points.
    assert gap.difference == pytest.approx(1.5)
    assert gain_gap(own, pair_answers([], "score")) is None


def test_comparison_answers_leave_the_computed_indicators_unchanged() -> None:
    referentiel = _referentiel("hausse")
    own = _pairs("2025", (2, 4), (3, 4))
    alone = build_all_series(referentiel, [], own)["score"]
    mixed = build_all_series(referentiel, [], own + _comparison((1, 1)))["score"]
    assert roll_up(mixed, Period.parse("2025")) == roll_up(alone, Period.parse("2025"))
