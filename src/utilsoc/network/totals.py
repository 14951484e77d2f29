"""Network totals of the common indicators, each by its own rule, with who reported.

Facts only; `network/wording.py` puts them into French. The rules are the field's:
counts are summed; rates are pooled from the members' numerators and denominators (a
percentage is never averaged); means are weighted by the observations behind them;
`dernière` is taken per member, then summed; min and max are taken across members.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from utilsoc.compute.points import Point, Series, pooled_terms
from utilsoc.compute.rollup import roll_up
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Agregation, Indicateur, TypeIndicateur
from utilsoc.network.mapping import Link, links
from utilsoc.network.territory import Parts, member_parts

if TYPE_CHECKING:
    from utilsoc.network.load import Member, Network


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


def network_totals(network: Network, period: Period) -> list[CommonTotal]:
    """Every common indicator's total over `period`, members left out excluded."""
    assert network.model is not None
    members = [(m, links(m), member_series(m)) for m in network.included()]
    dimensions = [d.code for d in network.model.commun.dimensions]
    totals = []
    for code, indicator in network.model.indicators().items():
        total = CommonTotal(indicator, period, Point(None))
        parts: list[tuple[str, Parts]] = []
        for member, linked, series in members:
            own = linked.get(code)
            if not own:
                total.not_following.append(member.code)
                continue
            share = _share(member.code, indicator, own, series, period)
            total.shares.append(share)
            if share.point.number is None:
                total.silent.append(member.code)
            else:
                parts.append((member.code, member_parts(own, series, period, dimensions)))
        _combine(total)
        _territory(total, parts, dimensions)
        totals.append(total)
    return totals


def _territory(total: CommonTotal, parts: list[tuple[str, Parts]], dimensions: list[str]) -> None:
    """Each common dimension's values, over the members that break the indicator down."""
    for dimension in dimensions:
        values: dict[str, list[Point]] = {}
        for member, member_parts_ in parts:
            own = member_parts_.get(dimension)
            if not own:
                total.unsplit.setdefault(dimension, []).append(member)
                continue
            for value, points in own.items():
                values.setdefault(value, []).append(_across(total.indicator, points))
        if values:
            total.by_dimension[dimension] = {
                value: _across(total.indicator, points) for value, points in sorted(values.items())
            }


def member_series(member: Member) -> dict[str, Series]:
    """Every indicator's series of one member, as its own status computes them."""
    from utilsoc.compute.series import build_all_series

    assert member.folder is not None
    assert member.folder.project.referentiel is not None
    measures = member.folder.measures
    responses = measures.evidence.get("questionnaires", [])
    return build_all_series(member.folder.project.referentiel, measures.records, responses)


def _share(
    member: str, common: Indicateur, own: list[Link], series: dict[str, Series], period: Period
) -> Share:
    """The member's indicators feeding `common`, rolled up over `period`, converted, added."""
    points = [_scaled(roll_up(series[link.indicator.code], period), link.factor) for link in own]
    valued = [p for p in points if p.number is not None]
    point = valued[0] if len(valued) == 1 else _across(common, valued) if valued else Point(None)
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


def _scaled(point: Point, factor: float) -> Point:
    if factor == 1.0 or point.value is None:
        return point
    return Point(point.value * factor, coverage=point.coverage, weight=point.weight)


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
    total.total = _across(total.indicator, points)


def _across(indicator: Indicateur, points: list[Point]) -> Point:
    """Points of different members (or of one member's indicators) put together."""
    terms = pooled_terms(points)
    if terms is not None:
        return terms
    numbers = [p.number for p in points if p.number is not None]
    rule = indicator.rollup
    if rule in (Agregation.SOMME, Agregation.DERNIERE):
        return Point(sum(numbers))
    if rule is Agregation.MIN:
        return Point(min(numbers))
    if rule is Agregation.MAX:
        return Point(max(numbers))
    weights = [p.weight for p in points]
    if all(weights):
        n = sum(w or 0.0 for w in weights)
        return Point(sum((p.number or 0.0) * (p.weight or 0.0) for p in points) / n, weight=n)
    return Point(sum(numbers) / len(numbers))
