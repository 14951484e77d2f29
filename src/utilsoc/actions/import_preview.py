"""What `import --dry-run` shows: the first records, and totals per indicator and period.

Why: file names and line counts did not let anyone check, before writing, that the right
column went to the right indicator, or that a survey's filter kept the right answers.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean

from utilsoc.actions.import_rows import Record
from utilsoc.actions.importer import Plan
from utilsoc.french.numbers import format_number, format_percent, plural
from utilsoc.model.mesures import Reponse, Valeur
from utilsoc.model.referentiel import Referentiel, TypeIndicateur

FIRST = 10
SUMMED = {TypeIndicateur.NOMBRE, TypeIndicateur.MONTANT, TypeIndicateur.DUREE}


def first_rows(plan: Plan, count: int = FIRST) -> list[str]:
    """The first new records, each with its table row: `ligne 2 : nb_x 2025, sexe=F → 12`."""
    return [f"ligne {line} : {describe(record)}" for line, record in plan.rows[:count]]


def describe(record: Record) -> str:
    """A record in one line: what it is about, then what it records."""
    if isinstance(record, Reponse):
        return (
            f"{record.indicateur} {record.periode.name}, {record.participant} "
            f"({record.moment.value}) → {format_number(record.score)}"
        )
    dims = "".join(f", {name}={value}" for name, value in record.dimensions.items())
    return f"{record.indicateur} {record.periode.name}{dims} → {_value(record)}"


def _value(record: Valeur) -> str:
    if record.numerateur is not None or record.denominateur is not None:
        terms = (record.numerateur, record.denominateur)
        return "/".join("?" if n is None else format_number(n) for n in terms)
    text = str(record.valeur)
    if _is_number(text):
        return format_number(float(text))
    return {"true": "oui", "false": "non"}.get(text, text)


def totals(plan: Plan, referentiel: Referentiel | None) -> list[str]:
    """One line per indicator and period: how many records, and their total or mean."""
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for _, record in plan.rows:
        groups[(record.indicateur, record.periode.name)].append(record)
    indicators = referentiel.indicators() if referentiel else {}
    lines = []
    for (code, period), records in sorted(groups.items()):
        indicator = indicators.get(code)
        kind = indicator.type if indicator else None
        lines.append(f"{code} {period} : {_summary(kind, records)}")
    return lines


def _summary(kind: TypeIndicateur | None, records: list[Record]) -> str:
    """`3 valeurs, total 45`, `37/94 au total (39,4 %)`, `4 réponses, moyenne 3,1`."""
    answers = [r.score for r in records if isinstance(r, Reponse)]
    if answers:
        return f"{plural(len(answers), 'réponse')}, moyenne {format_number(fmean(answers))}"
    values = [r for r in records if isinstance(r, Valeur)]
    counted = plural(len(values), "valeur")
    if kind is TypeIndicateur.TAUX:
        return f"{counted}, {_rate(values)}"
    figures = _figures(kind, [float(str(r.valeur)) for r in values if _is_number(r.valeur)])
    return f"{counted}, {figures}" if figures else counted


def _figures(kind: TypeIndicateur | None, numbers: list[float]) -> str | None:
    """The total of counts, amounts and durations; the mean of scores."""
    if numbers and kind in SUMMED:
        return f"total {format_number(sum(numbers))}"
    if numbers and kind is TypeIndicateur.SCORE:
        return f"moyenne {format_number(fmean(numbers))}"
    return None


def _rate(values: list[Valeur]) -> str:
    """A rate's terms added up: `1 048/1 313 au total (79,8 %)`."""
    top = sum(r.numerateur or 0 for r in values)
    bottom = sum(r.denominateur or 0 for r in values)
    share = f" ({format_percent(100 * top / bottom)})" if bottom else ""
    return f"{format_number(top)}/{format_number(bottom)} au total{share}"


def _is_number(value: object) -> bool:
    try:
        float(str(value))
    except ValueError:
        return False
    return value is not None
