"""Network totals: each common indicator by its own rule, over real member folders."""

from __future__ import annotations

import pytest

from utilsoc.model.periods import Period
from utilsoc.network.load import load_network
from utilsoc.network.totals import CommonTotal, network_totals

from .builder import NetworkBuilder, referentiel, value


def _totals(builder: NetworkBuilder, period: str = "2025") -> dict[str, CommonTotal]:
    network = load_network(builder.write(), Period.parse(period))
    assert [i for i in network.issues if i.severity == "erreur"] == []
    return {t.indicator.code: t for t in network_totals(network)}


def test_counts_are_summed_across_members_and_quarters(builder: NetworkBuilder) -> None:
    builder.member(
        "a",
        referentiel("accueillis"),
        value("accueillis", "2025-T1", "valeur: 10") + value("accueillis", "2025-T2", "valeur: 5"),
    )
    builder.member("b", referentiel("accueillis"), value("accueillis", "2025", "valeur: 30"))
    total = _totals(builder)["personnes"]
    assert total.total.number == 45
    assert {s.member: s.point.number for s in total.shares} == {"a": 15, "b": 30}


def test_a_rate_is_pooled_from_its_terms_never_averaged(builder: NetworkBuilder) -> None:
    builder.member(
        "a", referentiel("emploi"), value("emploi", "2025", "numérateur: 1, dénominateur: 2")
    )
    builder.member(
        "b", referentiel("emploi"), value("emploi", "2025", "numérateur: 90, dénominateur: 100")
    )
    total = _totals(builder)["retour_emploi"].total
    assert (total.numerator, total.denominator) == (91, 102)
    assert total.number == pytest.approx(100 * 91 / 102)  # not (50 + 90) / 2 = 70


def test_last_value_is_taken_per_member_then_summed(builder: NetworkBuilder) -> None:
    builder.member(
        "a",
        referentiel("benevoles"),
        value("benevoles", "2025-T1", "valeur: 5") + value("benevoles", "2025-T4", "valeur: 7"),
    )
    builder.member("b", referentiel("benevoles"), value("benevoles", "2025-T3", "valeur: 3"))
    total = _totals(builder)["benevoles"]
    assert total.total.number == 10  # 7 + 3, never 5 + 7 + 3


def test_a_factor_converts_the_members_unit(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("heures"), value("heures", "2025", "valeur: 80"))
    total = _totals(builder)["temps"]
    assert total.total.number == 10  # 80 hours × 0.125 = 10 days
    assert total.shares[0].factor == 0.125


def test_who_reported_who_did_not_and_who_does_not_follow(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("accueillis"), value("accueillis", "2025", "valeur: 4"))
    builder.member("b", referentiel("accueillis"))
    builder.member("c", referentiel("emploi"))
    total = _totals(builder)["personnes"]
    assert [s.member for s in total.reporting] == ["a"]
    assert total.silent == ["b"]
    assert total.not_following == ["c"]


def test_a_member_covering_part_of_the_period_says_so(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("accueillis"), value("accueillis", "2025-T1", "valeur: 4"))
    share = _totals(builder)["personnes"].shares[0]
    assert share.point.coverage == pytest.approx(90 / 365)


def test_an_invalid_member_is_left_out_with_its_reason(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("accueillis"), value("accueillis", "2025", "valeur: 4"))
    builder.member("b", referentiel("accueillis"), value("accueillis", "2025", "valeur: abc"))
    network = load_network(builder.write())
    assert [m.code for m in network.included()] == ["a"]
    assert network.members[1].reason is not None
    total = {t.indicator.code: t for t in network_totals(network)}
    assert total["personnes"].total.number == 4
