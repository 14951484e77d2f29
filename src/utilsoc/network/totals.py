"""Network totals of the common indicators, each by its own rule, with who reported.

Facts only; `network/wording.py` puts them into French. Each member's share is computed
where its folder is read (`contribution.py`); the rules that put shares together are in
`rules.py`: counts summed, rates pooled from their terms, means weighted by N, `dernière`
taken per member then summed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from utilsoc.compute.points import Point, Series
from utilsoc.compute.rollup import roll_up
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Agregation, Indicateur, TypeIndicateur
from utilsoc.network.rules import across, scaled
from utilsoc.network.territory import Parts

if TYPE_CHECKING:
    from utilsoc.folder import Folder
    from utilsoc.network.load import Network
    from utilsoc.network.mapping import Link


@dataclass(frozen=True)
class Share:
    """One member's figure for a common indicator over the period."""

    member: str
    point: Point
    sources: tuple[str, ...]  # the member's own indicator codes
    factor: float = 1.0  # the conversion applied (1 when the units agree)
    own_definition: bool = False  # the member defines the indicator in its own words


@dataclass
class CommonTotal:
    """A common indicator over one period: the network total and its parts."""

    indicator: Indicateur
    period: Period
    total: Point
    shares: list[Share] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)  # follow it, reported nothing
    not_following: list[str] = field(default_factory=list)  # no indicator mapped to it
    without_terms: list[str] = field(default_factory=list)  # a rate without its two terms
    weighted: bool = True  # a mean: weighted by N (False when some N is unknown)
    # The territory view: per common dimension, the total of each value over the members
    # that record it, and the members that report the indicator without that breakdown.
    by_dimension: dict[str, dict[str, Point]] = field(default_factory=dict)
    unsplit: dict[str, list[str]] = field(default_factory=dict)

    @property
    def reporting(self) -> list[Share]:
        """The shares with a value."""
        return [s for s in self.shares if s.point.number is not None]


def network_totals(network: Network) -> list[CommonTotal]:
    """Every common indicator's total over the network's period, members left out excluded."""
    assert network.model is not None
    assert network.period is not None
    dimensions = [d.code for d in network.model.commun.dimensions]
    included = network.included()
    totals = []
    for code, indicator in network.model.indicators().items():
        total = CommonTotal(indicator, network.period, Point(None))
        parts: list[tuple[str, Parts]] = []
        for member in included:
            assert member.contribution is not None
            share = member.contribution.shares.get(code)
            if share is None:
                total.not_following.append(member.code)
                continue
            total.shares.append(share)
            if share.point.number is None:
                total.silent.append(member.code)
            else:
                parts.append((member.code, member.contribution.parts.get(code, {})))
        _combine(total)
        _territory(total, parts, dimensions)
        totals.append(total)
    return totals


def _territory(total: CommonTotal, parts: list[tuple[str, Parts]], dimensions: list[str]) -> None:
    """Each common dimension's values, over the members that break the indicator down."""
    for dimension in dimensions:
        values: dict[str, list[Point]] = {}
        for member, own_parts in parts:
            own = own_parts.get(dimension)
            if not own:
                total.unsplit.setdefault(dimension, []).append(member)
                continue
            for value, point in own.items():
                values.setdefault(value, []).append(point)
        if values:
            total.by_dimension[dimension] = {
                value: across(total.indicator, points) for value, points in sorted(values.items())
            }


def member_series(folder: Folder) -> dict[str, Series]:
    """Every indicator's series of one member, as its own status computes them."""
    from utilsoc.compute.series import build_all_series

    assert folder.project.referentiel is not None
    measures = folder.measures
    responses = measures.evidence.get("questionnaires", [])
    return build_all_series(folder.project.referentiel, measures.records, responses)


def member_share(
    member: str, common: Indicateur, own: list[Link], series: dict[str, Series], period: Period
) -> Share:
    """The member's indicators feeding `common`, rolled up over `period`, converted, added."""
    points = [scaled(roll_up(series[link.indicator.code], period), link.factor) for link in own]
    valued = [p for p in points if p.number is not None]
    point = valued[0] if len(valued) == 1 else across(common, valued) if valued else Point(None)
    coverage = min((p.coverage for p in valued), default=0.0)
    return Share(
        member,
        Point(point.value, point.numerator, point.denominator, coverage, point.weight),
        tuple(link.indicator.code for link in own),
        own[0].factor if len(own) == 1 else 1.0,
        any(_differs(link.indicator.definition, common.definition) for link in own),
    )


def _differs(own: str | None, common: str | None) -> bool:
    """Both define the indicator, in different words (spacing and case aside)."""
    if not own or not common:
        return False
    return " ".join(own.casefold().split()) != " ".join(common.casefold().split())


def _combine(total: CommonTotal) -> None:
    """The network total of the reporting shares, by the common indicator's rule."""
    points = [s.point for s in total.reporting]
    if total.indicator.type is TypeIndicateur.TAUX:
        total.without_terms = [s.member for s in total.reporting if s.point.numerator is None]
        points = [p for p in points if p.numerator is not None]
    if not points:
        return
    if total.indicator.rollup is Agregation.MOYENNE:
        total.weighted = all(p.weight for p in points)
    total.total = across(total.indicator, points)
