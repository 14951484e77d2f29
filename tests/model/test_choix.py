"""The référentiel's closed lists: each frequency has its kind of period."""

from __future__ import annotations

from utilsoc.model.choix import Frequence
from utilsoc.model.periods import Kind, Period


def test_each_frequency_collects_over_its_kind_of_period() -> None:
    assert Frequence.MENSUELLE.kind is Kind.MOIS
    assert Frequence.SCOLAIRE.kind is Kind.ANNEE_SCOLAIRE
    assert Frequence.PONCTUELLE.kind is Kind.PLAGE
    assert Period.parse("2025-T2").kind is Frequence.TRIMESTRIELLE.kind
    assert {frequence.kind for frequence in Frequence} == set(Kind)
