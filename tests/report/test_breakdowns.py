"""Breakdowns as a report words them: dimension names, values in their declared order."""

from __future__ import annotations

from typing import Any

from utilsoc.compute.series import build_series
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Dimension, Indicateur
from utilsoc.report.breakdowns import breakdown_context, crossing_context, unfilled_context

HALF = Period.parse("2025-S1")

DIMENSIONS = {
    "site": Dimension.model_validate(
        {"code": "site", "nom": "Site d'accompagnement", "valeurs": ["Nord", "Sud", "Est"]}
    ),
    "public": Dimension.model_validate(
        {"code": "public", "nom": "QPV", "valeurs": ["jeunes", "adultes"]}
    ),
}


def _indicator(**fields: Any) -> Indicateur:
    base = {
        "code": "ind",
        "libellé": "Indicateur",
        "type": "nombre",
        "fréquence": "trimestrielle",
        "dimensions": ["site", "public"],
    }
    return Indicateur.model_validate({**base, **fields})


def _record(period: str, value: str, **dimensions: str) -> Mesure:
    data: dict[str, Any] = {
        "indicateur": "ind",
        "période": period,
        "valeur": value,
        "dimensions": dimensions,
        "auteur": "a",
        "date": "2025-12-31",
    }
    return Valeur.model_validate(data).to_mesure()


def test_a_breakdown_sums_each_value_over_the_period_in_declared_order() -> None:
    records = [
        _record("2025-T1", "4", site="Sud"),
        _record("2025-T1", "6", site="Est"),
        _record("2025-T2", "1", site="Sud"),
        _record("2025-T2", "2", site="Est"),
    ]
    (site,) = breakdown_context(build_series(_indicator(), records), HALF, DIMENSIONS)
    assert site == {
        "dimension": "site",
        "nom": "Site d'accompagnement",
        "par": "par site d'accompagnement",
        "periode": "1er semestre 2025",
        "parts": [
            {"valeur": "Sud", "nombre": 5.0},  # 4 + 1, first as the référentiel declares it
            {"valeur": "Est", "nombre": 8.0},  # 6 + 2
        ],
    }


def test_undeclared_values_and_dimensions_come_after_sorted() -> None:
    records = [
        _record("2025-T1", "3", site="Ouest"),
        _record("2025-T1", "2", site="Est"),
        _record("2025-T1", "1", site="Autre"),
    ]
    series = build_series(_indicator(), records)
    (site,) = breakdown_context(series, HALF, DIMENSIONS)
    assert [p["valeur"] for p in site["parts"]] == ["Est", "Autre", "Ouest"]
    (bare,) = breakdown_context(series, HALF, {})  # no declared dimension: its code
    assert (bare["nom"], bare["par"]) == ("site", "par site")
    assert [p["valeur"] for p in bare["parts"]] == ["Autre", "Est", "Ouest"]


def test_parts_over_part_of_the_period_say_which() -> None:
    records = [_record(f"2025-T{q}", "1", site="Nord") for q in (1, 2, 3)]
    year = Period.parse("2025")
    (site,) = breakdown_context(build_series(_indicator(), records), year, DIMENSIONS)
    # 90 + 91 + 92 = 273 of 365 days
    assert site["periode"] == "année 2025, données partielles : T1 2025 à T3 2025"
    assert site["parts"] == [{"valeur": "Nord", "nombre": 3.0}]  # 1 + 1 + 1


def test_a_crossed_table_has_rows_columns_and_empty_cells() -> None:
    records = [
        _record("2025-T1", "5", site="Sud", public="jeunes"),
        _record("2025-T1", "2", site="Est", public="adultes"),
        _record("2025-T2", "3", site="Est", public="adultes"),
        _record("2025-T2", "1", site="Est", public="jeunes"),
    ]
    (table,) = crossing_context(build_series(_indicator(), records), HALF, DIMENSIONS)
    assert table["lignes"] == {
        "dimension": "site",
        "nom": "Site d'accompagnement",
        "par": "par site d'accompagnement",
    }
    assert table["colonnes"] == {
        "dimension": "public",
        "nom": "QPV",
        "par": "par QPV",  # an acronym keeps its capitals
        "valeurs": ["jeunes", "adultes"],
    }
    assert table["rangees"] == [
        {"valeur": "Sud", "nombres": [5.0, None]},  # no adult recorded in Sud
        {"valeur": "Est", "nombres": [1.0, 5.0]},  # jeunes 1; adultes 2 + 3
    ]
    assert table["periode"] == "1er semestre 2025"


def test_no_crossed_table_without_values_recorded_crossed() -> None:
    records = [_record("2025-T1", "4", site="Sud"), _record("2025-T1", "2", public="jeunes")]
    series = build_series(_indicator(), records)
    assert crossing_context(series, HALF, DIMENSIONS) == []
    assert len(breakdown_context(series, HALF, DIMENSIONS)) == 2


def test_unfilled_names_the_declared_dimensions_without_values() -> None:
    series = build_series(_indicator(), [_record("2025-T1", "4", site="Sud")])
    assert unfilled_context(series, HALF, DIMENSIONS) == ["QPV"]
    assert unfilled_context(series, HALF, {}) == ["public"]
    assert unfilled_context(series, Period.parse("2024"), DIMENSIONS) == []  # no value at all
