"""Aggregation as pure functions: totals across dimensions, roll-up over time, progress.

Rules: a rate is always recomputed from summed numerators and denominators, never from an
average of percentages; a cumulative indicator rolls up to its last value, never a sum;
totals recorded next to their parts are compared with them, never silently replaced.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from utilsoc.check.values import parse_value
from utilsoc.model.mesures import Mesure
from utilsoc.model.periods import Kind, Period
from utilsoc.model.referentiel import Agregation, Indicateur, Referentiel, Sens, TypeIndicateur


@dataclass(frozen=True)
class Point:
    """One aggregated value: a number, or a rate's numerator and denominator."""

    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    coverage: float = 1.0

    @property
    def number(self) -> float | None:
        """The value as a number (a rate in % when built from its parts)."""
        if self.numerator is not None and self.denominator:
            return 100.0 * self.numerator / self.denominator
        return self.value


@dataclass
class Series:
    """An indicator's values: total per period, parts per dimension, warnings."""

    indicator: Indicateur
    totals: dict[Period, Point] = field(default_factory=dict)
    parts: dict[Period, dict[tuple[tuple[str, str], ...], Point]] = field(default_factory=dict)
    texts: dict[Period, str] = field(default_factory=dict)
    notes: dict[Period, list[str]] = field(default_factory=dict)
    alerts: list[tuple[Period, str]] = field(default_factory=list)

    def warn(self, period: Period, message: str) -> None:
        """Note an inconsistency of `period`'s values."""
        self.alerts.append((period, message))

    def warnings_over(self, period: Period | None = None) -> list[str]:
        """The warnings as shown (« 2025-T1 : … »), those of periods overlapping `period`."""
        return [
            f"{p.name} : {message}"
            for p, message in self.alerts
            if period is None or p.overlaps(period)
        ]

    @property
    def warnings(self) -> list[str]:
        """Every warning, as shown."""
        return self.warnings_over()


class Statut(StrEnum):
    """Where an indicator stands against its target."""

    ATTEINT = "atteint"
    EN_BONNE_VOIE = "en bonne voie"
    EN_RETARD = "en retard"
    SANS_DONNEE = "sans donnée"
    SANS_CIBLE = "sans cible"


@dataclass(frozen=True)
class Progress:
    """Latest value against baseline and target for one target period."""

    target_period: Period | None
    value: float | None
    target: float | None
    progress: float | None
    status: Statut
    coverage: float = 1.0  # share of the target's period the value covers


def build_all_series(referentiel: Referentiel, records: Iterable[Mesure]) -> dict[str, Series]:
    """Every indicator's series; calculated indicators from their formula's series."""
    by_code: dict[str, list[Mesure]] = defaultdict(list)
    for record in records:
        by_code[record.indicateur].append(record)
    indicators = referentiel.indicators()
    result: dict[str, Series] = {}

    def series_of(code: str, seen: frozenset[str]) -> Series:
        if code not in result:
            indicator = indicators[code]
            if indicator.formule is None or code in seen:
                result[code] = build_series(indicator, by_code.get(code, []))
            else:
                result[code] = _calculated(indicator, series_of, seen | {code})
        return result[code]

    for code in indicators:
        series_of(code, frozenset())
    return result


def _calculated(indicator: Indicateur, series_of: Any, seen: frozenset[str]) -> Series:
    formula = indicator.formule
    assert formula is not None
    numerator = series_of(formula.numerateur, seen)
    denominator = series_of(formula.denominateur, seen) if formula.denominateur else None
    series = Series(indicator)
    for period, top in numerator.totals.items():
        bottom = denominator.totals.get(period) if denominator else None
        if top.number is None or (denominator is not None and not (bottom and bottom.number)):
            continue
        if bottom is None:
            series.totals[period] = Point(top.number * formula.facteur)
        elif indicator.type is TypeIndicateur.TAUX and formula.facteur == 100:
            series.totals[period] = Point(None, top.number, bottom.number)
        else:
            assert bottom.number
            series.totals[period] = Point(top.number / bottom.number * formula.facteur)
    return series


def build_series(indicator: Indicateur, records: Iterable[Mesure]) -> Series:
    """Totals per recorded period, from a recorded total or from its parts."""
    series = Series(indicator)
    by_period: dict[Period, dict[tuple[tuple[str, str], ...], Point]] = defaultdict(dict)
    for record in records:
        if record.indicateur == indicator.code and record.note:
            notes = series.notes.setdefault(record.periode, [])
            if record.note not in notes:
                notes.append(record.note)
        if record.indicateur == indicator.code and indicator.type is TypeIndicateur.QUALITATIF:
            if record.valeur is not None and not record.dimensions:
                series.texts[record.periode] = record.valeur
        elif record.indicateur == indicator.code:
            by_period[record.periode][record.cle_dimensions] = _point(indicator, record)
    for period in sorted(by_period):
        cells = by_period[period]
        series.parts[period] = {k: v for k, v in cells.items() if k}
        total = _total(series, period, cells)
        if total.number is None and indicator.type is TypeIndicateur.TAUX and len(cells) > 1:
            series.warn(
                period,
                "pas de total, les parts sont des pourcentages sans "
                "numérateur ni dénominateur (leur moyenne serait fausse) ; enregistrez les "
                "deux termes de chaque part, ou le total",
            )
            continue
        series.totals[period] = total
    return series


def _point(indicator: Indicateur, record: Mesure) -> Point:
    if record.numerateur is not None and record.denominateur is not None:
        return Point(None, record.numerateur, record.denominateur)
    try:
        value = parse_value(indicator, record.valeur)
    except ValueError:  # `validate` names it; here it counts as no number, not a crash
        return Point(None)
    if isinstance(value, bool):
        return Point(1.0 if value else 0.0)
    return Point(value if isinstance(value, float) else None)


def _total(
    series: Series, period: Period, cells: dict[tuple[tuple[str, str], ...], Point]
) -> Point:
    recorded = cells.get(())
    by_dimension: dict[str, list[Point]] = defaultdict(list)
    for key, point in cells.items():
        if len(key) == 1:
            by_dimension[key[0][0]].append(point)
    sums = {name: combine(series.indicator, points) for name, points in by_dimension.items()}
    if recorded is not None:
        for name, total in sums.items():
            if _differs(recorded, total, series.indicator):
                series.warn(
                    period,
                    f"la somme par « {name} » ({_show(total)}) ne fait pas le "
                    f"total enregistré ({_show(recorded)})",
                )
        return recorded
    if sums:
        first_name, first = next(iter(sums.items()))
        for name, total in sums.items():
            if _differs(first, total, series.indicator):
                series.warn(
                    period,
                    f"les sommes par « {first_name} » ({_show(first)}) et par "
                    f"« {name} » ({_show(total)}) ne concordent pas",
                )
        return first
    return combine(series.indicator, list(cells.values()))


def combine(indicator: Indicateur, points: list[Point]) -> Point:
    """Combine parts of one period (a total across one dimension's values)."""
    if not points:
        return Point(None)
    if all(p.numerator is not None for p in points):
        return Point(
            None, sum(p.numerator or 0 for p in points), sum(p.denominator or 0 for p in points)
        )
    numbers = [p.number for p in points if p.number is not None]
    if not numbers:
        return Point(None)
    if indicator.type in (TypeIndicateur.NOMBRE, TypeIndicateur.MONTANT, TypeIndicateur.DUREE):
        return Point(sum(numbers))
    if indicator.type is TypeIndicateur.TAUX and len(numbers) > 1:
        return Point(None)  # percentages without their parts: an average would be wrong
    return Point(sum(numbers) / len(numbers))


def roll_up(series: Series, target: Period) -> Point:
    """The value of `series` over `target` by the indicator's rule, with its coverage."""
    inside = _one_granularity(
        [(p, point) for p, point in series.totals.items() if target.contains(p)]
    )
    if not inside:
        return Point(None, coverage=0.0)
    days = sum((p.end - p.start).days + 1 for p, _ in inside)
    coverage = min(1.0, days / ((target.end - target.start).days + 1))
    points = [point for _, point in inside]
    rule = series.indicator.rollup
    if rule in (Agregation.DERNIERE, Agregation.MIN, Agregation.MAX):
        # One period stands for the whole: a rate keeps its own two terms, never pooled.
        valued = [p for p in points if p.number is not None]
        if not valued:
            return Point(None, coverage=coverage)
        if rule is Agregation.DERNIERE:
            chosen = valued[-1]
        else:
            pick = min if rule is Agregation.MIN else max
            chosen = pick(valued, key=lambda p: p.number or 0.0)
        return Point(chosen.value, chosen.numerator, chosen.denominator, coverage)
    if all(p.numerator is not None for p in points):
        return Point(
            None,
            sum(p.numerator or 0 for p in points),
            sum(p.denominator or 0 for p in points),
            coverage,
        )
    numbers = [p.number for p in points if p.number is not None]
    if (
        series.indicator.type is TypeIndicateur.TAUX
        and len(numbers) > 1
        and rule in (Agregation.SOMME, Agregation.MOYENNE)
    ):
        return Point(None, coverage=coverage)  # percentages without their parts: no average
    if not numbers:
        return Point(None, coverage=coverage)
    return Point(_apply(rule, numbers), coverage=coverage)


def _one_granularity(items: list[tuple[Period, Point]]) -> list[tuple[Period, Point]]:
    """Keep the kind of period covering the most days, so months and quarters never add up."""
    by_kind: dict[str, list[tuple[Period, Point]]] = defaultdict(list)
    for period, point in items:
        by_kind[period.kind].append((period, point))
    if len(by_kind) <= 1:
        return items
    return max(
        by_kind.values(),
        key=lambda group: (sum((p.end - p.start).days + 1 for p, _ in group), -len(group)),
    )


def _apply(rule: Agregation, numbers: list[float]) -> float:
    if rule is Agregation.SOMME:
        return sum(numbers)
    if rule is Agregation.MOYENNE:
        return sum(numbers) / len(numbers)
    if rule is Agregation.MIN:
        return min(numbers)
    if rule is Agregation.MAX:
        return max(numbers)
    return numbers[-1]


def progress(series: Series) -> Progress:
    """Latest target with data (else the first target) against the value rolled up to it."""
    indicator = series.indicator
    if indicator.type is TypeIndicateur.QUALITATIF:
        return _qualitative(series, None)
    targets = sorted(indicator.cibles, key=lambda c: c.periode)
    if not targets:
        latest = series.totals[max(series.totals)].number if series.totals else None
        status = Statut.SANS_DONNEE if latest is None else Statut.SANS_CIBLE
        return Progress(None, latest, None, None, status)
    chosen = targets[0]
    for cible in targets:
        if roll_up(series, cible.periode).number is not None:
            chosen = cible
    point = roll_up(series, chosen.periode)
    value = point.number
    if value is None:
        return Progress(chosen.periode, None, chosen.valeur, None, Statut.SANS_DONNEE)
    baseline = indicator.reference.valeur if indicator.reference else None
    ratio = _shown_ratio(indicator, value, chosen.valeur, baseline, point.coverage)
    return Progress(
        chosen.periode,
        value,
        chosen.valeur,
        ratio,
        _status(indicator, value, chosen.valeur, baseline, point.coverage),
    )


def _ratio(sens: Sens, value: float, target: float, baseline: float | None) -> float | None:
    if baseline is not None and target != baseline:
        return (value - baseline) / (target - baseline)
    if sens is Sens.BAISSE:
        return target / value if value else None
    return value / target if target else None


def progress_for(series: Series, period: Period) -> Progress:
    """Value over `period` against the target of that period (or the one overlapping most).

    When the target covers more than the report's period (a yearly target, a quarterly
    report), the value is taken over the report's period only and judged against the pace
    the target requires.
    """
    indicator = series.indicator
    if indicator.type is TypeIndicateur.QUALITATIF:
        return _qualitative(series, period)
    overlapping = [c for c in indicator.cibles if c.periode.overlaps(period)]
    chosen = next((c for c in overlapping if c.periode == period), None) or max(
        overlapping, key=lambda c: _overlap(c.periode, period), default=None
    )
    if chosen is None:
        value = roll_up(series, period).number
        status = Statut.SANS_DONNEE if value is None else Statut.SANS_CIBLE
        return Progress(None, value, None, None, status)
    window = _intersection(chosen.periode, period)
    point = roll_up(series, window)
    value = point.number
    if value is None:
        return Progress(chosen.periode, None, chosen.valeur, None, Statut.SANS_DONNEE)
    coverage = point.coverage * _days(window) / _days(chosen.periode)
    baseline = indicator.reference.valeur if indicator.reference else None
    ratio = _shown_ratio(indicator, value, chosen.valeur, baseline, coverage)
    return Progress(
        chosen.periode,
        value,
        chosen.valeur,
        ratio,
        _status(indicator, value, chosen.valeur, baseline, coverage),
        coverage,
    )


def explanation(series: Series, period: Period, state: Progress) -> str | None:
    """Why a figure over `period` is missing or partial, in a few words, for a report.

    `state` is `progress_for(series, period)`. None when the figure needs no explanation.
    """
    indicator = series.indicator
    if indicator.type is TypeIndicateur.QUALITATIF:
        return None
    window = period if state.target_period is None else _intersection(state.target_period, period)
    if state.value is None:
        recorded = {*series.totals, *series.parts}
        inside = [p for p in recorded if window.contains(p)]
        if not inside:
            overlapping = sorted(p for p in recorded if window.overlaps(p))
            if overlapping:
                return (
                    "valeur enregistrée sur une période qui déborde celle du rapport "
                    f"({overlapping[-1].label})"
                )
            in_report = sorted(p for p in recorded if period.contains(p))
            if in_report and state.target_period is not None:
                return (
                    f"aucune valeur sur la période de la cible ({state.target_period.label}) ; "
                    f"dernière valeur : {in_report[-1].label}"
                )
            if indicator.formule is not None:
                return "indicateur calculé : un des termes de sa formule manque sur la période"
            return "aucune valeur enregistrée sur la période"
        points = [series.totals[p] for p in inside if p in series.totals]
        if points and all(p.numerator is not None for p in points):
            return "dénominateur nul sur la période"
        if indicator.type is TypeIndicateur.TAUX:
            return (
                "pas de valeur d'ensemble : des pourcentages ne s'additionnent pas, "
                "enregistrez leurs deux termes (numérateur et dénominateur)"
            )
        return None
    if state.target is not None and state.coverage < 0.995:
        covered = f"données sur {state.coverage * 100:.0f} % de la période de la cible"
        return covered if state.status is Statut.ATTEINT else f"{covered}, jugées au rythme attendu"
    return None


def _qualitative(series: Series, period: Period | None) -> Progress:
    """A text has no target: recorded (within `period`) is « sans cible », else no data."""
    texts = [p for p in series.texts if period is None or period.overlaps(p)]
    return Progress(None, None, None, None, Statut.SANS_CIBLE if texts else Statut.SANS_DONNEE)


def _intersection(a: Period, b: Period) -> Period:
    if a.contains(b):
        return b
    if b.contains(a):
        return a
    start, end = max(a.start, b.start), min(a.end, b.end)
    return Period(start, end, Kind.PLAGE, f"{start.isoformat()}..{end.isoformat()}")


def _days(period: Period) -> int:
    return (period.end - period.start).days + 1


def _overlap(a: Period, b: Period) -> int:
    return max(0, (min(a.end, b.end) - max(a.start, b.start)).days)


def _shown_ratio(
    indicator: Indicateur, value: float, target: float, baseline: float | None, coverage: float
) -> float | None:
    """Progress as shown: from baseline to target, or the share of the target reached.

    The share is for a count still being summed over the target's period.
    """
    if indicator.rollup is Agregation.SOMME and coverage < 1:
        return value / target if target else None
    return _ratio(indicator.sens, value, target, baseline)


def _status(
    indicator: Indicateur, value: float, target: float, baseline: float | None, coverage: float
) -> Statut:
    """Reached, on track or late, judged by the share of the target's period the data covers.

    A partial sum (three quarters of a yearly count) is extended to the whole period before
    it is compared; a level (a mean, a last value) is compared as it is.
    """
    sens = indicator.sens
    if sens is Sens.STABILITE:
        near = abs(value - target) <= 0.05 * abs(target)
        return Statut.ATTEINT if near else Statut.EN_RETARD
    ratio = _ratio(sens, value, target, baseline)
    if ratio is not None and ratio >= 1:
        return Statut.ATTEINT
    if coverage >= 1 or ratio is None:
        return Statut.EN_RETARD
    if indicator.rollup is Agregation.SOMME and coverage > 0:
        projected = _ratio(sens, value / coverage, target, baseline)
        return (
            Statut.EN_BONNE_VOIE if projected is not None and projected >= 1 else (Statut.EN_RETARD)
        )
    return Statut.EN_BONNE_VOIE if ratio >= coverage else Statut.EN_RETARD


def trend(series: Series) -> str:
    """↗, ↘ or → between the last two recorded totals of the same kind of period."""
    points = [(p, t.number) for p, t in series.totals.items() if t.number is not None]
    if len(points) < 2:
        return ""
    (last_period, last), previous = points[-1], None
    for period, number in reversed(points[:-1]):
        if period.kind is last_period.kind:
            previous = number
            break
    if previous is None or last == previous:
        return "→" if previous is not None else ""
    return "↗" if last > previous else "↘"


def _differs(a: Point, b: Point, indicator: Indicateur) -> bool:
    if indicator.type not in (
        TypeIndicateur.NOMBRE,
        TypeIndicateur.MONTANT,
        TypeIndicateur.DUREE,
        TypeIndicateur.TAUX,
    ):
        return False
    x, y = a.number, b.number
    return x is not None and y is not None and abs(x - y) > 1e-9 * max(1.0, abs(x))


def _show(point: Point) -> str:
    number = point.number
    return "?" if number is None else f"{number:g}"
