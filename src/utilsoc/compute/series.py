"""Aggregation as pure functions: each indicator's series of totals, from its records.

Rules: a rate is always recomputed from summed numerators and denominators, never from an
average of percentages; totals recorded next to their parts are compared with them, never
silently replaced. Roll-up over time is in `rollup`, progress against targets in `progress`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import groupby
from operator import attrgetter, itemgetter

from utilsoc.check.values import parse_value
from utilsoc.compute.points import Alert, Anomaly, DimensionKey, Point, Series, pooled_terms
from utilsoc.compute.progress import Progress, Statut, progress, progress_for, trend
from utilsoc.compute.questionnaires import answer_periods, measure, pair_answers, questionnaire_of
from utilsoc.compute.rollup import coarse_over_fine, roll_up
from utilsoc.model.mesures import Mesure, Reponse
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Formule, Indicateur, Referentiel, TypeIndicateur

__all__ = [
    "Point",
    "Progress",
    "Series",
    "Statut",
    "build_all_series",
    "build_series",
    "combine",
    "progress",
    "progress_for",
    "roll_up",
    "trend",
]

Cells = dict[DimensionKey, Point]
SUMMED = (TypeIndicateur.NOMBRE, TypeIndicateur.MONTANT, TypeIndicateur.DUREE)


def build_all_series(
    referentiel: Referentiel, records: Iterable[Mesure], responses: Iterable[Reponse] = ()
) -> dict[str, Series]:
    """Every indicator's series; calculated ones from their formula or questionnaire."""
    by_code: dict[str, list[Mesure]] = defaultdict(list)
    # Runs of one indicator, as files hold them: each run moved at C speed.
    for code, run in groupby(records, attrgetter("indicateur")):
        by_code[code].extend(run)
    answers: dict[str, list[Reponse]] = defaultdict(list)
    for response in responses:
        answers[response.indicateur].append(response)
    indicators = referentiel.indicators()
    result: dict[str, Series] = {}

    def series_of(code: str, seen: frozenset[str]) -> Series:
        if code not in result:
            indicator = indicators[code]
            questionnaire = questionnaire_of(indicator)
            if questionnaire is not None:
                result[code] = _from_answers(indicators, indicator, answers[questionnaire])
            elif indicator.formule is None or code in seen:
                result[code] = build_series(indicator, by_code.get(code, []))
            else:
                result[code] = _calculated(indicator, series_of, seen | {code})
        return result[code]

    for code in indicators:
        series_of(code, frozenset())
    return result


def _from_answers(
    indicators: dict[str, Indicateur], indicator: Indicateur, responses: list[Reponse]
) -> Series:
    """One value per period of answers: what `calcul` draws from that period's pairs.

    Improvement follows the direction (`sens`) of the questionnaire's own indicator.
    """
    calcul = indicator.calcul
    assert calcul is not None
    code = questionnaire_of(indicator) or indicator.code
    sens = indicators[code].sens if code in indicators else indicator.sens
    series = Series(indicator)
    series.answers = answer_periods(responses, code)
    by_period: dict[Period, list[Reponse]] = defaultdict(list)
    for response in responses:
        by_period[response.periode].append(response)
    for period in series.answers:
        point = measure(pair_answers(by_period[period], code), calcul, sens)
        if point is not None:
            series.totals[period] = point
    return series


SeriesOf = Callable[[str, frozenset[str]], Series]


def _calculated(indicator: Indicateur, series_of: SeriesOf, seen: frozenset[str]) -> Series:
    formula = indicator.formule
    assert formula is not None
    numerator = series_of(formula.numerateur, seen)
    denominator = series_of(formula.denominateur, seen) if formula.denominateur else None
    series = Series(indicator)
    for period, top in numerator.totals.items():
        bottom = denominator.totals.get(period) if denominator else None
        point = _by_formula(indicator, formula, top, bottom, denominator is not None)
        if point is not None:
            series.totals[period] = point
    return series


def _by_formula(
    indicator: Indicateur, formula: Formule, top: Point, bottom: Point | None, divided: bool
) -> Point | None:
    """One period's value of a calculated indicator; None when a term is missing or zero."""
    if top.number is None:
        return None
    if not divided:
        return Point(top.number * formula.facteur)
    if bottom is None or not bottom.number:
        return None
    if indicator.type is TypeIndicateur.TAUX and formula.facteur == 100:
        return Point(None, top.number, bottom.number)
    return Point(top.number / bottom.number * formula.facteur)


def build_series(indicator: Indicateur, records: Iterable[Mesure]) -> Series:
    """Totals per recorded period, from a recorded total or from its parts."""
    series = Series(indicator)
    own = [record for record in records if record.indicateur == indicator.code]
    _keep_notes(series, own)
    if indicator.type is TypeIndicateur.QUALITATIF:
        series.texts.update(
            (r.periode, r.valeur) for r in own if r.valeur is not None and not r.dimensions
        )
        return series
    for period, cells in sorted(_cells(indicator, own), key=itemgetter(0)):
        _add_period(series, period, cells)
    series.alerts.extend(coarse_over_fine(series))
    return series


def _keep_notes(series: Series, records: list[Mesure]) -> None:
    """Each period's notes, each once, in the order recorded."""
    for record in records:
        if record.note and record.note not in series.notes.setdefault(record.periode, []):
            series.notes[record.periode].append(record.note)


def _add_period(series: Series, period: Period, cells: Cells) -> None:
    """Keep `period`'s parts and its total, unless that total would be a wrong average."""
    series.parts[period] = cells if () not in cells else {k: v for k, v in cells.items() if k}
    total = _total(series, period, cells)
    if total.number is None and series.indicator.type is TypeIndicateur.TAUX and len(cells) > 1:
        series.alerts.append(Alert(period, Anomaly.PERCENTAGES_WITHOUT_TERMS))
        return
    series.totals[period] = total


def record_point(indicator: Indicateur, record: Mesure) -> Point:
    """One recorded value as a point (a rate by its two terms), as the series reads it."""
    return _point(indicator, record)


def _cells(indicator: Indicateur, records: list[Mesure]) -> list[tuple[Period, Cells]]:
    """Each period's recorded cells (dimension values → point), the last record winning.

    Why grouped by the period's name and each distinct value read once: a federation's
    indicator has tens of thousands of records and a few hundred distinct values; a
    name's hash is kept by the string, and points are immutable, so records share them.
    """
    known: dict[str | None, Point] = {}
    by_name: dict[str, tuple[Period, Cells]] = {}
    period, cells = None, {}
    for record in records:
        if record.periode is not period:  # records of one file share their period
            period = record.periode
            cells = by_name.setdefault(period.name, (period, {}))[1]
        if record.numerateur is not None and record.denominateur is not None:
            point = Point(None, record.numerateur, record.denominateur)
        elif (point := known.get(record.valeur)) is None:  # type: ignore[assignment]
            point = known[record.valeur] = _point(indicator, record)
        cells[record.cle_dimensions] = point
    return list(by_name.values())


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


def _total(series: Series, period: Period, cells: Cells) -> Point:
    """The recorded total, else the sum of one dimension's parts, else all cells combined.

    Sums that disagree with the recorded total, or with each other, are alerts.
    """
    indicator = series.indicator
    groups = _by_dimension(cells)
    sums = {name: combine(indicator, points) for name, (_, points) in groups.items()}
    recorded = cells.get(())
    if recorded is not None:
        for name, total in sums.items():
            if _differs(recorded, total, indicator):
                compared = ((name, total.number),)
                alert = Alert(period, Anomaly.SUM_DIFFERS_FROM_TOTAL, compared, recorded.number)
                series.alerts.append(alert)
        series.counted[period] = ((),)
        return recorded
    if not sums:
        series.counted[period] = tuple(cells)
        return combine(indicator, list(cells.values()))
    (first_name, first), *others = sums.items()
    series.counted[period] = tuple(groups[first_name][0])
    for name, total in others:
        if _differs(first, total, indicator):
            pair = ((first_name, first.number), (name, total.number))
            series.alerts.append(Alert(period, Anomaly.SUMS_DIFFER, pair))
    return first


def _by_dimension(cells: Cells) -> dict[str, tuple[list[DimensionKey], list[Point]]]:
    """The cells of one dimension only, grouped by that dimension: their keys and points.

    Why the first test: most periods' cells all break down one same dimension (site);
    telling so takes a few C-level passes rather than a Python loop per cell.
    """
    keys = list(cells)
    if keys and set(map(len, keys)) == {1}:
        names = set(map(itemgetter(0), map(itemgetter(0), keys)))
        if len(names) == 1:
            return {names.pop(): (keys, list(cells.values()))}
    groups: dict[str, tuple[list[DimensionKey], list[Point]]] = {}
    for key, point in cells.items():
        if len(key) == 1:
            group = groups.get(key[0][0])
            if group is None:
                group = groups[key[0][0]] = ([], [])
            group[0].append(key)
            group[1].append(point)
    return groups


def combine(indicator: Indicateur, points: list[Point]) -> Point:
    """Combine parts of one period (a total across one dimension's values)."""
    if not points:
        return Point(None)
    terms = pooled_terms(points)
    if terms is not None:
        return terms
    numbers = [n for p in points if (n := p.number) is not None]
    if not numbers:
        return Point(None)
    if indicator.type in SUMMED:
        return Point(sum(numbers))
    if indicator.type is TypeIndicateur.TAUX and len(numbers) > 1:
        return Point(None)  # percentages without their parts: an average would be wrong
    return Point(sum(numbers) / len(numbers))


def _differs(a: Point, b: Point, indicator: Indicateur) -> bool:
    if indicator.type not in (*SUMMED, TypeIndicateur.TAUX):
        return False
    x, y = a.number, b.number
    return x is not None and y is not None and abs(x - y) > 1e-9 * max(1.0, abs(x))
