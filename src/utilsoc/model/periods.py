"""Periods: the one type for years, halves, quarters, months, school years and ranges."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

MOIS_COURTS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)

PERIOD_PATTERN = (
    r"^(\d{4}|\d{4}-[SsTtQq][1-4]|\d{4}-\d{2}|\d{4}-\d{4}"
    r"|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$"
)
PERIOD_HINT = (
    "écrivez 2025, 2025-S1, 2025-T1, 2025-03, 2024-2025 (année scolaire) ou 2025-01-15..2025-06-30"
)

_FORMS = (
    (re.compile(r"(\d{4})"), "annee"),
    (re.compile(r"(\d{4})-[Ss]([12])"), "semestre"),
    (re.compile(r"(\d{4})-[TtQq]([1-4])"), "trimestre"),
    (re.compile(r"(\d{4})-(\d{2})"), "mois"),
    (re.compile(r"(\d{4})-(\d{4})"), "annee_scolaire"),
    (re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})"), "plage"),
)


class Kind(StrEnum):
    """Granularity of a period."""

    ANNEE = "annee"
    SEMESTRE = "semestre"
    TRIMESTRE = "trimestre"
    MOIS = "mois"
    ANNEE_SCOLAIRE = "annee_scolaire"
    PLAGE = "plage"


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """A closed range of days with a canonical name (`2025-T1`) and a French label."""

    start: date
    end: date
    kind: Kind
    name: str

    def __str__(self) -> str:
        return self.name

    def __hash__(self) -> int:
        # Why: the name is canonical (one per range and kind) and a string caches its
        # hash; grouping a million values by period hashed four fields each time.
        return hash(self.name)

    @classmethod
    def parse(cls, text: str | int) -> Period:
        """Read any accepted spelling; raise ValueError with a French message otherwise."""
        value = str(text).strip()
        for pattern, kind in _FORMS:
            match = pattern.fullmatch(value)
            if match:
                return _build(Kind(kind), *match.groups())
        raise ValueError(f"période « {value} » non reconnue")

    @property
    def label(self) -> str:
        """French label: "1er trimestre 2025", "année scolaire 2024-2025"..."""
        year = self.start.year
        if self.kind is Kind.ANNEE:
            return f"année {year}"
        if self.kind is Kind.SEMESTRE:
            return f"{_ordinal(1 + (self.start.month - 1) // 6)} semestre {year}"
        if self.kind is Kind.TRIMESTRE:
            return f"{_ordinal(1 + (self.start.month - 1) // 3)} trimestre {year}"
        if self.kind is Kind.MOIS:
            return f"{MOIS[self.start.month - 1]} {year}"
        if self.kind is Kind.ANNEE_SCOLAIRE:
            return f"année scolaire {year}-{year + 1}"
        return f"du {format_day(self.start)} au {format_day(self.end)}"

    @property
    def short_label(self) -> str:
        """Compact French label for chart axes: "T3 2025", "S1 2026", "mars 2026"."""
        year = self.start.year
        if self.kind is Kind.SEMESTRE:
            return f"S{1 + (self.start.month - 1) // 6} {year}"
        if self.kind is Kind.TRIMESTRE:
            return f"T{1 + (self.start.month - 1) // 3} {year}"
        if self.kind is Kind.MOIS:
            return f"{MOIS_COURTS[self.start.month - 1]} {year}"
        return self.name

    def contains(self, other: Period | date) -> bool:
        """True when `other` lies entirely within this period."""
        if isinstance(other, date):
            return self.start <= other <= self.end
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": ["string", "integer"],
            "pattern": PERIOD_PATTERN,
            "description": f"Période : {PERIOD_HINT}.",
        }


def _validate(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, str | int) and not isinstance(value, bool):
        try:
            return Period.parse(value)
        except ValueError as error:
            raise PydanticCustomError("periode", "{erreur}", {"erreur": str(error)}) from None
    raise PydanticCustomError("periode", "période attendue, pas une liste ni un bloc", {})


def _build(kind: Kind, first: str, second: str = "") -> Period:
    if kind is Kind.PLAGE:
        start, end = _iso_day(first), _iso_day(second)
        if end < start:
            raise ValueError(f"la période {first}..{second} finit avant de commencer")
        return Period(start, end, kind, f"{start.isoformat()}..{end.isoformat()}")
    year = int(first)
    if kind is Kind.ANNEE:
        return Period(date(year, 1, 1), date(year, 12, 31), kind, f"{year}")
    if kind is Kind.ANNEE_SCOLAIRE:
        if int(second) != year + 1:
            raise ValueError(
                f"année scolaire « {first}-{second} » : les deux années doivent se suivre"
            )
        return Period(date(year, 9, 1), date(year + 1, 8, 31), kind, f"{year}-{year + 1}")
    return _part_of_year(kind, first, second)


def _part_of_year(kind: Kind, first: str, second: str) -> Period:
    """The `second`-th semester, quarter or month of the year `first`."""
    year, number = int(first), int(second)
    if kind is Kind.MOIS and not 1 <= number <= 12:
        raise ValueError(f"mois « {first}-{second} » inexistant (01 à 12)")
    if kind is Kind.SEMESTRE and number > 2:
        raise ValueError(f"semestre « {first}-S{second} » inexistant (S1 ou S2)")
    months = {Kind.SEMESTRE: 6, Kind.TRIMESTRE: 3, Kind.MOIS: 1}[kind]
    first_month = (number - 1) * months + 1
    start = date(year, first_month, 1)
    end = _month_end(year, first_month + months - 1)
    letter = {Kind.SEMESTRE: "S", Kind.TRIMESTRE: "T"}.get(kind)
    name = f"{year}-{letter}{number}" if letter else f"{year}-{number:02d}"
    return Period(start, end, kind, name)


DAY_FORMATS = {"%Y-%m-%d": "AAAA-MM-JJ", "%d/%m/%Y": "JJ/MM/AAAA"}


def parse_day(text: str, formats: tuple[str, ...] = ("%Y-%m-%d",)) -> date:
    """A day written in one of `formats` (strptime's), always with two-digit day and month.

    Why the length check: strptime alone takes `2025-3-5`, which no form of ours writes.

    Raises:
        ValueError: not a day in those formats, or a day that does not exist (30 février).
    """
    for form in formats:
        try:
            day = datetime.strptime(text, form).date()  # noqa: DTZ007 - a day, no time
        except ValueError:
            continue
        if len(text) == 10:
            return day
    shown = " ou ".join(DAY_FORMATS.get(f, f) for f in formats)
    raise ValueError(f"date « {text} » invalide ou inexistante (format {shown})")


def _iso_day(text: str) -> date:
    return parse_day(text)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _ordinal(number: int) -> str:
    return "1er" if number == 1 else f"{number}e"


def format_day(day: date) -> str:
    """French date: "1er mars 2025", "15 juin 2025"."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MOIS[day.month - 1]} {day.year}"


def period_containing(day: date, kind: Kind) -> Period:
    """The period of granularity `kind` that contains `day`."""
    if kind is Kind.ANNEE:
        return _build(kind, str(day.year), "")
    if kind is Kind.ANNEE_SCOLAIRE:
        year = day.year if day.month >= 9 else day.year - 1
        return _build(kind, str(year), str(year + 1))
    months = {Kind.SEMESTRE: 6, Kind.TRIMESTRE: 3, Kind.MOIS: 1}[kind]
    return _build(kind, str(day.year), str((day.month - 1) // months + 1))


@lru_cache(maxsize=8192)
def is_aligned(period: Period, kind: Kind) -> bool:
    """True when `period` is made of whole periods of granularity `kind`."""
    if kind is Kind.PLAGE:
        return True
    return (
        period_containing(period.start, kind).start == period.start
        and period_containing(period.end, kind).end == period.end
    )


def periods_between(start: date, end: date, kind: Kind) -> list[Period]:
    """Every period of granularity `kind` that overlaps the days from start to end."""
    result = []
    day = start
    while day <= end:
        period = period_containing(day, kind)
        result.append(period)
        day = period.end + timedelta(days=1)
    return result
