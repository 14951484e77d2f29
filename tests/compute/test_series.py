"""Aggregation: totals, roll-ups, rates from their parts, progress, status.

Built from records through compute/series.py, end to end; points, rollup and progress
each have their own unit tests too. The French wording is tested in report/test_wording.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from utilsoc.compute.points import Alert, Anomaly
from utilsoc.compute.series import (
    Statut,
    build_series,
    progress,
    progress_for,
    roll_up,
)
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur


def _indicator(**fields: Any) -> Indicateur:
    base = {"code": "ind", "libellé": "Indicateur", "type": "nombre", "fréquence": "trimestrielle"}
    return Indicateur.model_validate({**base, **fields})


def _record(
    period: str, value: str | None = None, author: str = "a", day: str = "2025-01-02", **extra: Any
) -> Mesure:
    data = {
        "indicateur": "ind",
        "période": period,
        "valeur": value,
        "auteur": author,
        "date": day,
        **extra,
    }
    return Valeur.model_validate(data).to_mesure()


def test_counts_roll_up_by_sum_and_levels_by_mean() -> None:
    records = [
        _record(f"2025-T{q}", str(v)) for q, v in zip(range(1, 5), (10, 20, 30, 40), strict=True)
    ]
    year = Period.parse("2025")
    assert roll_up(build_series(_indicator(), records), year).number == 100
    mean = _indicator(type="score", échelle={"min": 0, "max": 100})
    assert roll_up(build_series(mean, records), year).number == 25
    last = _indicator(cumulatif="true")
    assert roll_up(build_series(last, records), year).number == 40
    assert roll_up(build_series(_indicator(agrégation="max"), records), year).number == 40


def test_half_year_roll_up_reports_its_coverage() -> None:
    series = build_series(_indicator(), [_record("2025-T1", "5"), _record("2025-T2", "7")])
    point = roll_up(series, Period.parse("2025"))
    assert point.number == 12
    assert 0.49 < point.coverage < 0.5


def test_months_and_quarters_of_the_same_year_are_not_added_twice() -> None:
    records = [
        _record("2025-01", "1"),
        _record("2025-02", "1"),
        _record("2025-T1", "2"),
        _record("2025-T2", "3"),
    ]
    series = build_series(_indicator(fréquence="mensuelle"), records)
    assert roll_up(series, Period.parse("2025-S1")).number == 5


def test_rates_are_recomputed_from_numerators_and_denominators() -> None:
    rate = _indicator(type="taux", unité="%")
    records = [
        _record("2025-T1", numérateur=1, dénominateur=10),
        _record("2025-T2", numérateur=9, dénominateur=10),
    ]
    point = roll_up(build_series(rate, records), Period.parse("2025-S1"))
    assert point.number == 50.0
    bad = [_record("2025-T1", "10"), _record("2025-T2", "90")]
    assert roll_up(build_series(rate, bad), Period.parse("2025-S1")).number is None


def test_recorded_total_is_kept_and_differing_parts_are_warned() -> None:
    ind = _indicator(dimensions=["site"])
    records = [
        _record("2025-T1", "10"),
        _record("2025-T1", "4", dimensions={"site": "A"}),
        _record("2025-T1", "5", dimensions={"site": "B"}),
    ]
    series = build_series(ind, records)
    assert series.totals[Period.parse("2025-T1")].number == 10
    assert series.alerts == [
        Alert(Period.parse("2025-T1"), Anomaly.SUM_DIFFERS_FROM_TOTAL, (("site", 9.0),), 10.0)
    ]


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_total_across_a_dimension_is_the_sum_of_its_parts(values: list[int]) -> None:
    ind = _indicator(dimensions=["site"])
    records = [
        _record("2025-T1", str(v), dimensions={"site": f"s{i}"}) for i, v in enumerate(values)
    ]
    series = build_series(ind, records)
    assert series.totals[Period.parse("2025-T1")].number == sum(values)
    assert series.alerts == []


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 50)), min_size=1, max_size=8))
def test_rate_total_equals_summed_parts(parts: list[tuple[int, int]]) -> None:
    ind = _indicator(type="taux", dimensions=["site"])
    records = [
        _record("2025-T1", numérateur=min(n, d), dénominateur=d, dimensions={"site": f"s{i}"})
        for i, (n, d) in enumerate(parts)
    ]
    total = build_series(ind, records).totals[Period.parse("2025-T1")]
    expected = 100 * sum(min(n, d) for n, d in parts) / sum(d for _, d in parts)
    assert abs((total.number or 0) - expected) < 1e-9


def test_percentages_per_site_without_their_parts_give_no_total() -> None:
    """60 % of 10 people and 20 % of 90 are 24 %, not the 40 % an average would say."""
    ind = _indicator(type="taux", unité="%", dimensions=["site"])
    records = [
        _record("2025-T1", "60", dimensions={"site": "A"}),
        _record("2025-T1", "20", dimensions={"site": "B"}),
        _record("2025-T2", numérateur=6, dénominateur=10, dimensions={"site": "A"}),
        _record("2025-T2", numérateur=18, dénominateur=90, dimensions={"site": "B"}),
    ]
    series = build_series(ind, records)
    first, second = Period.parse("2025-T1"), Period.parse("2025-T2")
    assert first not in series.totals
    assert series.totals[second].number == 24.0
    assert len(series.parts[first]) == 2  # the parts are still shown
    assert series.alerts == [Alert(first, Anomaly.PERCENTAGES_WITHOUT_TERMS)]
    alone = build_series(ind, [_record("2025-T1", "60", dimensions={"site": "A"})])
    assert alone.totals[first].number == 60.0  # one part is its own total
    recorded = build_series(ind, [*records[:2], _record("2025-T1", "24")])
    assert recorded.totals[first].number == 24.0
    assert recorded.alerts == []


def test_progress_respects_direction_and_coverage() -> None:
    up = _indicator(
        référence={"valeur": 0, "période": "2024"}, cibles=[{"période": "2025", "valeur": 100}]
    )
    on_track = progress(build_series(up, [_record("2025-T1", "30")]))
    assert (on_track.progress, on_track.status) == (0.3, Statut.EN_BONNE_VOIE)
    late = progress(build_series(up, [_record("2025-T1", "10"), _record("2025-T2", "10")]))
    assert late.status is Statut.EN_RETARD
    done = [_record(f"2025-T{q}", "30") for q in range(1, 5)]
    assert progress(build_series(up, done)).status is Statut.ATTEINT
    down = _indicator(
        sens="baisse",
        agrégation="dernière",
        référence={"valeur": 40, "période": "2024"},
        cibles=[{"période": "2025", "valeur": 20}],
    )
    assert progress(build_series(down, [_record("2025-T4", "18")])).status is Statut.ATTEINT
    assert progress(build_series(down, [_record("2025-T4", "35")])).status is Statut.EN_RETARD
    assert progress(build_series(up, [])).status is Statut.SANS_DONNEE


def test_calculated_rate_comes_from_its_formula_and_rolls_up_from_parts() -> None:
    from utilsoc.compute.series import build_all_series
    from utilsoc.model.referentiel import Referentiel

    referentiel = Referentiel.model_validate(
        {
            "domaines": [
                {
                    "code": "D",
                    "nom": "D",
                    "critères": [
                        {
                            "code": "C",
                            "nom": "C",
                            "indicateurs": [
                                {
                                    "code": "reussis",
                                    "libellé": "R",
                                    "type": "nombre",
                                    "fréquence": "trimestrielle",
                                },
                                {
                                    "code": "presentes",
                                    "libellé": "P",
                                    "type": "nombre",
                                    "fréquence": "trimestrielle",
                                },
                                {
                                    "code": "taux",
                                    "libellé": "T",
                                    "type": "taux",
                                    "fréquence": "trimestrielle",
                                    "formule": {
                                        "numérateur": "reussis",
                                        "dénominateur": "presentes",
                                        "facteur": 100,
                                    },
                                    "cibles": [{"période": "2025", "valeur": 50}],
                                },
                            ],
                        }
                    ],
                }
            ]
        }
    )

    def record(code: str, period: str, value: str) -> Any:
        return _record(period, value)._replace(indicateur=code)

    records = [
        record("reussis", "2025-T1", "1"),
        record("presentes", "2025-T1", "10"),
        record("reussis", "2025-T2", "9"),
        record("presentes", "2025-T2", "10"),
    ]
    series = build_all_series(referentiel, records)["taux"]
    assert series.totals[Period.parse("2025-T1")].number == 10.0
    state = progress_for(series, Period.parse("2025"))
    assert state.value == 50.0  # (1 + 9) / (10 + 10), not the mean of 10 % and 90 %
    assert state.target == 50


def test_the_last_of_several_percentages_is_a_value() -> None:
    """Only a sum or a mean of percentages is wrong; the last, the least or the most is not."""
    records = [_record("2025-T1", "70"), _record("2025-T2", "75")]
    last = build_series(_indicator(type="taux", agrégation="dernière"), records)
    assert roll_up(last, Period.parse("2025-S1")).number == 75.0
    lowest = build_series(_indicator(type="taux", agrégation="min"), records)
    assert roll_up(lowest, Period.parse("2025-S1")).number == 70.0
    mean = build_series(_indicator(type="taux"), records)
    assert roll_up(mean, Period.parse("2025-S1")).number is None
    parts = [
        _record("2025-T1", numérateur=5, dénominateur=10),
        _record("2025-T2", numérateur=90, dénominateur=100),
    ]
    last_parts = build_series(_indicator(type="taux", agrégation="dernière"), parts)
    assert roll_up(last_parts, Period.parse("2025-S1")).number == 90.0  # not 95/110 pooled
    pooled = build_series(_indicator(type="taux"), parts)
    assert roll_up(pooled, Period.parse("2025-S1")).number == 100 * 95 / 110


_VALUES = st.sampled_from(["1", "2", "3"])


_RECORDS = st.lists(
    st.builds(
        lambda period, value, author, day: _record(period, value, author, f"2025-0{day}-01"),
        st.sampled_from(["2025-T1", "2025-T2"]),
        _VALUES,
        st.sampled_from(["a", "b"]),
        st.integers(1, 3),
    ),
    max_size=8,
)


def test_a_year_recorded_over_its_quarters_never_silently_replaces_them() -> None:
    quarters = [
        _record(f"2024-T{q}", str(v)) for q, v in ((1, 900), (2, 1000), (3, 980), (4, 1100))
    ]
    series = build_series(_indicator(), [*quarters, _record("2024", "780")])
    assert roll_up(series, Period.parse("2024")).number == 3980
    (alert,) = series.alerts
    assert (alert.period.name, alert.kind, alert.recorded) == (
        "2024",
        Anomaly.COARSE_OVER_FINE,
        780,
    )
    assert (alert.sums, alert.count, alert.kept_finer) == ((("trimestre", 3980.0),), 4, True)
    # Three quarters cover less than the year: the year's value is kept, and said to be.
    partial = build_series(_indicator(), [*quarters[:3], _record("2024", "3980")])
    assert roll_up(partial, Period.parse("2024")).number == 3980
    assert [a.kept_finer for a in partial.alerts] == [False]
    # The same figure twice is no slip: nothing to warn of.
    agreeing = build_series(_indicator(), [*quarters, _record("2024", "3980")])
    assert agreeing.alerts == []


def test_a_value_read_once_gives_the_same_point_to_every_record_that_repeats_it() -> None:
    ind = _indicator(type="taux", dimensions=["site"])
    records = [
        _record("2025-T1", "40", dimensions={"site": "A"}),
        _record("2025-T1", "40", dimensions={"site": "B"}),
        _record("2025-T1", numérateur=1, dénominateur=4, dimensions={"site": "C"}),
        _record("2025-T1", numérateur=3, dénominateur=4, dimensions={"site": "D"}),
        _record("2025-T1", "abc", dimensions={"site": "E"}),  # `validate` names it
    ]
    parts = build_series(ind, records).parts[Period.parse("2025-T1")]
    assert parts[(("site", "A"),)] is parts[(("site", "B"),)]
    assert parts[(("site", "A"),)].number == 40.0
    assert parts[(("site", "C"),)].number == 25.0  # terms never taken from another record
    assert parts[(("site", "D"),)].number == 75.0
    assert parts[(("site", "E"),)].number is None
