"""Members' contributions: read in workers, kept while the member and the network are unchanged."""

from __future__ import annotations

import pytest

from utilsoc.model.periods import Period
from utilsoc.network import load
from utilsoc.network.load import load_network
from utilsoc.network.totals import network_totals
from utilsoc.store import parallel

from .builder import NetworkBuilder, referentiel, value


def _people(builder: NetworkBuilder, period: str = "2025") -> float | None:
    network = load_network(builder.root, Period.parse(period))
    (people,) = [t for t in network_totals(network) if t.indicator.code == "personnes"]
    return people.total.number


def _two_members(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("accueillis"), value("accueillis", "2025", "valeur: 4"))
    builder.member("b", referentiel("accueillis"), value("accueillis", "2025", "valeur: 6"))
    builder.write()


def test_an_unchanged_member_is_not_read_again(
    builder: NetworkBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_members(builder)
    assert _people(builder) == 10
    assert sorted(p.name for p in (builder.root / ".utilsoc-cache" / "membres").iterdir()) == [
        "a.pickle",
        "b.pickle",
    ]

    def never(*_: object) -> None:
        raise AssertionError("un membre inchangé a été relu")

    monkeypatch.setattr(load, "_read", lambda members, common: [never() for _ in members])
    assert _people(builder) == 10


def test_a_changed_member_or_period_is_read_again(builder: NetworkBuilder) -> None:
    _two_members(builder)
    assert _people(builder) == 10
    values = builder.root / "membres" / "b" / "mesures" / "2025" / "equipe.yaml"
    values.write_text(
        values.read_text(encoding="utf-8").replace("valeur: 6", "valeur: 16"), encoding="utf-8"
    )
    assert _people(builder) == 20
    assert _people(builder, "2025-S1") is None  # a year's value says nothing of a half


def test_a_change_of_the_common_referentiel_recomputes_every_member(
    builder: NetworkBuilder,
) -> None:
    _two_members(builder)
    assert _people(builder) == 10
    path = builder.root / "reseau.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    - code: personnes\n", "    - code: personnes\n      agrégation: max\n"
        ),
        encoding="utf-8",
    )
    network = load_network(builder.root)
    assert [i.code for i in network.issues if i.severity == "erreur"]  # roll-ups now differ


def test_a_broken_cache_entry_is_only_a_miss(builder: NetworkBuilder) -> None:
    _two_members(builder)
    assert _people(builder) == 10
    (builder.root / ".utilsoc-cache" / "membres" / "a.pickle").write_bytes(b"\x80garbage")
    assert _people(builder) == 10


def test_members_are_read_in_workers_when_several_need_it(
    builder: NetworkBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_members(builder)
    monkeypatch.setattr("utilsoc.store.parallel.cores", lambda: 2)
    used: list[int] = []

    original = parallel.Workers.__init__

    def counting(self, count, initializer, initargs):  # noqa: ANN001, ANN202
        used.append(count)
        original(self, count, initializer, initargs)

    monkeypatch.setattr(parallel.Workers, "__init__", counting)
    assert _people(builder) == 10
    assert used == [2]
