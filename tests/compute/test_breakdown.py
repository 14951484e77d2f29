"""Breakdowns over a period by the roll-up rule, from plain or crossed parts."""

from __future__ import annotations

from typing import Any

import pytest

from utilsoc.compute.breakdown import breakdowns, crossings, unfilled
from utilsoc.compute.series import build_series
from utilsoc.model.mesures import Mesure, Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur

YEAR = Period.parse("2025")


def _indicator(**fields: Any) -> Indicateur:
    base = {
        "code": "ind",
        "libellé": "Indicateur",
        "type": "nombre",
        "fréquence": "trimestrielle",
        "dimensions": ["site", "foyer", "sexe"],
    }
    return Indicateur.model_validate({**base, **fields})


def _record(period: str, value: str | None = None, **dimensions: str) -> Mesure:
    data: dict[str, Any] = {
        "indicateur": "ind",
        "période": period,
        "valeur": value,
        "dimensions": dimensions,
        "auteur": "a",
        "date": "2025-12-31",
    }
    return Valeur.model_validate(data).to_mesure()


def _terms(period: str, top: float, bottom: float, **dimensions: str) -> Mesure:
    record = _record(period, None, **dimensions)
    return record._replace(numerateur=top, denominateur=bottom)


def test_a_yearly_breakdown_sums_every_quarter_not_the_last_one() -> None:
    records = [
        _record(f"2025-T{q}", str(value), site=site)
        for q in range(1, 5)
        for site, value in (("Brest", 10 * q), ("Quimper", q))
    ]
    (by_site,) = breakdowns(build_series(_indicator(), records), YEAR)
    assert by_site.dimensions == ("site",)
    assert {v[0]: p.number for v, p in by_site.cells.items()} == {"Brest": 100.0, "Quimper": 10.0}
    assert by_site.coverage == 1.0
    assert len(by_site.periods) == 4


def test_a_level_is_rolled_up_by_its_rule_and_a_rate_from_its_terms() -> None:
    last = _indicator(agrégation="dernière")
    records = [_record("2025-T1", "5", site="Brest"), _record("2025-T3", "7", site="Brest")]
    (by_site,) = breakdowns(build_series(last, records), YEAR)
    assert by_site.cells[("Brest",)].number == 7.0
    assert by_site.coverage == pytest.approx(0.5, abs=0.01)  # two quarters of four
    rate = _indicator(type="taux")
    terms = [_terms("2025-T1", 1, 10, site="Brest"), _terms("2025-T2", 9, 10, site="Brest")]
    (by_site,) = breakdowns(build_series(rate, terms), YEAR)
    assert by_site.cells[("Brest",)].number == pytest.approx(50.0)  # 10 of 20, not a mean


def test_crossed_values_give_a_breakdown_per_dimension_and_a_crossed_table() -> None:
    cells = {("Brest", "seul"): 3, ("Brest", "famille"): 5, ("Quimper", "famille"): 2}
    records = [
        _record(f"2025-T{q}", str(n * q), site=site, foyer=foyer)
        for q in (1, 2)
        for (site, foyer), n in cells.items()
    ]
    series = build_series(_indicator(), records)
    by_site, by_home = breakdowns(series, YEAR)
    assert {v: p.number for v, p in by_site.cells.items()} == {("Brest",): 24, ("Quimper",): 6}
    assert {v: p.number for v, p in by_home.cells.items()} == {("seul",): 9, ("famille",): 21}
    (crossed,) = crossings(series, YEAR)
    assert crossed.dimensions == ("site", "foyer")
    assert {v: p.number for v, p in crossed.cells.items()} == {
        ("Brest", "seul"): 9,
        ("Brest", "famille"): 15,
        ("Quimper", "famille"): 6,
    }


def test_parts_of_one_dimension_are_preferred_to_crossed_ones() -> None:
    records = [
        _record("2025", "10", site="Brest"),
        _record("2025", "4", site="Brest", foyer="seul"),  # a detail of the same people
        _record("2025", "6", site="Brest", foyer="famille"),
    ]
    series = build_series(_indicator(fréquence="annuelle"), records)
    by_site, by_home = breakdowns(series, YEAR)
    assert by_site.cells[("Brest",)].number == 10  # not 20
    assert by_home.cells[("seul",)].number == 4


def test_declared_dimensions_never_filled_are_listed() -> None:
    records = [_record("2025-T1", "3", site="Brest"), _record("2025-T1", "3")]
    series = build_series(_indicator(), records)
    assert unfilled(series, YEAR) == ["foyer", "sexe"]
    assert unfilled(series, Period.parse("2026")) == []  # nothing recorded then: a gap instead


def test_a_school_year_breakdown_fills_its_dimensions_for_a_calendar_year_it_overlaps() -> None:
    indicator = _indicator(fréquence="scolaire", dimensions=["site"])
    series = build_series(indicator, [_record("2025-2026", "7", site="Nord")])
    assert unfilled(series, Period.parse("2026")) == []
    assert unfilled(build_series(indicator, [_record("2025-2026", "7")]), Period.parse("2026")) == [
        "site"
    ]
