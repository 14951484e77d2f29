"""Why a figure over a period is missing or partial: the facts, before any wording."""

from __future__ import annotations

from typing import Any

from utilsoc.compute.explain import Explanation, Reason, explain
from utilsoc.compute.series import build_series, progress_for
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


def test_a_missing_or_partial_figure_is_explained() -> None:
    year = Period.parse("2025")
    rate = _indicator(type="taux", cibles=[{"période": "2025", "valeur": 80}])

    def why(indicator: Indicateur, records: list[Mesure]) -> Explanation | None:
        series = build_series(indicator, records)
        return explain(series, year, progress_for(series, year))

    assert why(rate, []) == Explanation(Reason.NOTHING_RECORDED)
    percentages = [_record("2025-T1", "70"), _record("2025-T2", "75")]
    assert why(rate, percentages) == Explanation(Reason.PERCENTAGES_WITHOUT_TERMS)
    parts = [
        _record("2025-T1", numérateur=7, dénominateur=10),
        _record("2025-T2", numérateur=8, dénominateur=10),
    ]
    half = why(rate, parts)
    assert half is not None
    assert (half.reason, half.on_pace) == (Reason.PARTIAL, True)
    assert 0.49 < half.coverage < 0.5
    reached = why(rate, [_record("2025-T1", numérateur=9, dénominateur=10)])
    assert reached is not None
    assert (reached.reason, reached.on_pace) == (Reason.PARTIAL, False)
    assert 0.24 < reached.coverage < 0.25
    whole = [*parts, *(_record(f"2025-T{q}", numérateur=8, dénominateur=10) for q in (3, 4))]
    assert why(rate, whole) is None
    untargeted = _indicator()
    assert why(untargeted, [_record("2025-T1", "3")]) is None  # a value, nothing to explain
    zero = [_record("2025-T1", numérateur=0, dénominateur=0)]
    assert why(rate, zero) == Explanation(Reason.ZERO_DENOMINATOR)
    school = _indicator(
        type="taux", fréquence="scolaire", cibles=[{"période": "2025", "valeur": 8}]
    )
    assert why(school, [_record("2024-2025", "70")]) == Explanation(
        Reason.OVERFLOWS, period=Period.parse("2024-2025")
    )
    formula = _indicator(formule={"numérateur": "a", "dénominateur": "b"})
    assert why(formula, []) == Explanation(Reason.FORMULA_TERM_MISSING)
    assert why(_indicator(type="qualitatif"), []) is None


def test_a_value_outside_the_target_period_is_named() -> None:
    rate = _indicator(
        type="taux", fréquence="semestrielle", cibles=[{"période": "2025-S2", "valeur": 8}]
    )
    series = build_series(rate, [_record("2025-S1", numérateur=1, dénominateur=2)])
    year = Period.parse("2025")
    assert explain(series, year, progress_for(series, year)) == Explanation(
        Reason.OUTSIDE_TARGET, period=Period.parse("2025-S2"), latest=Period.parse("2025-S1")
    )
