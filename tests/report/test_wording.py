"""The French sentences for computed facts: alerts of a series, explanations of a figure."""

from __future__ import annotations

import pytest

from utilsoc.compute.explain import Explanation, Reason
from utilsoc.compute.points import Alert, Anomaly, Series
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur
from utilsoc.report.wording import alert_text, explanation_text

Q1 = Period.parse("2025-T1")


def test_alerts_name_their_period_and_numbers() -> None:
    differs = Alert(Q1, Anomaly.SUM_DIFFERS_FROM_TOTAL, (("site", 9.0),), 10.0)
    assert alert_text(differs) == (
        "2025-T1 : la somme par « site » (9) ne fait pas le total enregistré (10)"
    )
    unknown = Alert(Q1, Anomaly.SUM_DIFFERS_FROM_TOTAL, (("site", None),), 2.5)
    assert alert_text(unknown) == (
        "2025-T1 : la somme par « site » (?) ne fait pas le total enregistré (2,5)"
    )
    sums = Alert(Q1, Anomaly.SUMS_DIFFER, (("site", 9.0), ("âge", 11.0)))
    assert alert_text(sums) == (
        "2025-T1 : les sommes par « site » (9) et par « âge » (11) ne concordent pas"
    )
    assert alert_text(Alert(Q1, Anomaly.PERCENTAGES_WITHOUT_TERMS)) == (
        "2025-T1 : pas de total, les parts sont des pourcentages sans numérateur ni "
        "dénominateur (leur moyenne serait fausse) ; enregistrez les deux termes de chaque "
        "part, ou le total"
    )


def test_status_gets_the_alerts_of_the_periods_it_judges() -> None:
    indicator = Indicateur.model_validate(
        {"code": "ind", "libellé": "I", "type": "nombre", "fréquence": "trimestrielle"}
    )
    q2 = Period.parse("2025-T2")
    series = Series(indicator, alerts=[Alert(Q1, Anomaly.PERCENTAGES_WITHOUT_TERMS)])
    assert series.alerts_over(q2) == []
    assert series.alerts_over(Period.parse("2025")) == [series.alerts[0]]
    assert series.alerts_over() == [series.alerts[0]]


EXPLANATIONS = [
    (Explanation(Reason.NOTHING_RECORDED), "aucune valeur enregistrée sur la période"),
    (Explanation(Reason.ZERO_DENOMINATOR), "dénominateur nul sur la période"),
    (
        Explanation(Reason.NO_ANSWERS),
        "calculé à partir d'un questionnaire : aucune réponse sur la période",
    ),
    (
        Explanation(Reason.UNPAIRED),
        "calculé à partir d'un questionnaire : aucune personne n'a encore répondu à "
        "l'entrée et à la sortie sur la période",
    ),
    (
        Explanation(Reason.FORMULA_TERM_MISSING),
        "indicateur calculé : un des termes de sa formule manque sur la période",
    ),
    (
        Explanation(Reason.PERCENTAGES_WITHOUT_TERMS),
        "pas de valeur d'ensemble : des pourcentages ne s'additionnent pas, "
        "enregistrez leurs deux termes (numérateur et dénominateur)",
    ),
    (
        Explanation(Reason.PARTIAL, coverage=0.4986, on_pace=True),
        "données sur 50 % de la période de la cible, jugées au rythme attendu",
    ),
    (
        Explanation(Reason.PARTIAL, coverage=0.2466),
        "données sur 25 % de la période de la cible",
    ),
    (
        Explanation(Reason.OVERFLOWS, period=Period.parse("2024-2025")),
        "valeur enregistrée sur une période qui déborde celle du rapport "
        "(année scolaire 2024-2025)",
    ),
    (
        Explanation(
            Reason.OUTSIDE_TARGET,
            period=Period.parse("2025-S2"),
            latest=Period.parse("2025-S1"),
        ),
        "aucune valeur sur la période de la cible (2e semestre 2025) ; "
        "dernière valeur : 1er semestre 2025",
    ),
]


@pytest.mark.parametrize(("why", "text"), EXPLANATIONS)
def test_each_explanation_has_its_sentence(why: Explanation, text: str) -> None:
    assert explanation_text(why) == text


def test_every_reason_has_its_sentence_tested() -> None:
    assert {why.reason for why, _ in EXPLANATIONS} == set(Reason)


def test_progress_is_told_in_the_direction_of_the_score() -> None:
    from utilsoc.model.referentiel import Sens
    from utilsoc.report.wording import progress_text

    assert progress_text(5, 12, Sens.HAUSSE, 1) == "5 sur 12 gagnent au moins 1 point"
    assert progress_text(1, 12, Sens.HAUSSE, None) == "1 sur 12 progresse"
    assert progress_text(3, 12, Sens.BAISSE, 1.5) == (
        "3 sur 12 voient leur score baisser d'au moins 1,5 point, l'évolution recherchée"
    )
    assert progress_text(0, 12, Sens.HAUSSE, 2) == "personne ne gagne au moins 2 points (sur 12)"
    assert progress_text(None, 12, Sens.STABILITE, None) is None


def test_a_questionnaire_measure_in_words() -> None:
    from utilsoc.report.wording import questionnaire_measure

    assert questionnaire_measure("moyenne_sortie", "Confiance en soi", None) == (
        "moyenne à la sortie du questionnaire « Confiance en soi »"
    )
    assert questionnaire_measure("part_progression", "Confiance", 1) == (
        "part des participants qui progressent d'au moins 1 point du questionnaire « Confiance »"
    )
