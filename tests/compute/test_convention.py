"""A convention over several years: each year against its target, the whole against its own."""

from __future__ import annotations

from typing import Any

from utilsoc.compute.convention import convention_target, progress_over, years_of
from utilsoc.compute.series import Statut, build_series
from utilsoc.model.mesures import Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur

CONVENTION = Period.parse("2024-01-01..2025-12-31")


def _indicator(kind: str = "nombre", targets: dict[str, float] | None = None, **fields: Any):
    cibles = [{"période": p, "valeur": v} for p, v in (targets or {}).items()]
    base = {"code": "ind", "libellé": "I", "type": kind, "fréquence": "annuelle"}
    return Indicateur.model_validate({**base, "cibles": cibles, **fields})


def test_the_years_of_a_convention() -> None:
    assert [y.name for y in years_of(CONVENTION)] == ["2024", "2025"]
    school = Period.parse("2025-09-01..2027-08-31")
    assert [y.name for y in years_of(school)] == ["2025-2026", "2026-2027"]
    assert years_of(Period.parse("2025")) == []
    assert years_of(Period.parse("2025-01-01..2025-06-30")) == []


def test_the_convention_target_is_declared_or_made_from_the_years() -> None:
    years = years_of(CONVENTION)
    counts = _indicator(targets={"2024": 140, "2025": 160})
    assert convention_target(counts, CONVENTION, years) == 300
    declared = _indicator(targets={"2024": 140, "2025": 160, "2024-01-01..2025-12-31": 280})
    assert convention_target(declared, CONVENTION, years) == 280
    assert convention_target(_indicator(targets={"2024": 140}), CONVENTION, years) is None
    rate = _indicator("taux", {"2024": 60, "2025": 60})
    assert convention_target(rate, CONVENTION, years) == 60
    assert (
        convention_target(_indicator("taux", {"2024": 60, "2025": 65}), CONVENTION, years) is None
    )


def test_the_whole_convention_is_judged_not_its_first_year() -> None:
    indicator = _indicator(
        targets={"2024": 140, "2025": 160}, référence={"valeur": 120, "période": 2023}
    )
    records = [
        Valeur.model_validate(
            {"indicateur": "ind", "période": p, "valeur": v, "auteur": "a", "date": "2025-01-01"}
        ).to_mesure()
        for p, v in (("2024", "150"), ("2025", "155"))
    ]
    state = progress_over(build_series(indicator, records), CONVENTION)
    assert (state.value, state.target, state.target_period) == (305, 300, CONVENTION)
    assert state.status is Statut.ATTEINT
