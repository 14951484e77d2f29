"""The language a report is written in: its words and how it writes numbers, periods, dates.

French is the source language: every text utilsoc writes is French in the code and the
templates, marked `_("…")` where a report shows it, so French needs no catalogue. English
reads the catalogue shipped in the package (`locale/en/LC_MESSAGES/utilsoc.mo`, compiled
from the `.po` beside it) with the standard library's `gettext`: Babel only extracts and
compiles it, it is never imported at run time.

A report sets its language for the time it is built (`using`); the code that puts facts
into words (periods, wording, charts) asks `current()`. Outside a report: French, so the
messages of the command line never change.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from utilsoc.french import numbers as _fr
from utilsoc.french.grammar import definite, lower_first, of_label, unit_forms

if TYPE_CHECKING:
    from utilsoc.model.periods import Period

LANGUES = ("fr", "en")
DOMAIN = "utilsoc"
LOCALE_DIR = Path(__file__).parent / "locale"

_MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June")
_MONTHS += ("July", "August", "September", "October", "November", "December")


class Langue:
    """French: the words as written, numbers as `1 234,5`, periods as « 1er trimestre 2025 »."""

    code = "fr"
    tag = "fr-FR"  # the document's language, as Word records it
    typography = True  # no-break spaces before « : ; ! ? % » and inside « »

    def __init__(self, translations: _gettext.NullTranslations | None = None) -> None:
        self.translations = translations or _gettext.NullTranslations()

    def gettext(self, message: str) -> str:
        """`message` (French) in this language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: float) -> str:
        """The form the count takes: French takes the singular below 2 (« 1,4 point »)."""
        return plural if self.plural_from(count) else singular

    def plural_from(self, count: float) -> bool:
        """True when `count` takes the plural: from 2 on in French (« 1,4 point »)."""
        return abs(count) >= 2

    def number(self, value: float, decimals: int | None = None) -> str:
        """`1 234,5`."""
        return _fr.format_number(value, decimals)

    def signed(self, value: float, decimals: int | None = None) -> str:
        """`+1,4`, `−0,5`, `0`: a difference shows its sign."""
        text = self.number(value, decimals)
        return "+" + text if value > 0 and any(c in "123456789" for c in text) else text

    def percent(self, value: float, decimals: int | None = None) -> str:
        """`12,5 %` (the value is already in percent)."""
        return f"{self.number(value, decimals)}{_fr.NARROW_NBSP}%"

    def money(self, value: float, decimals: int | None = 2) -> str:
        """`1 234,50 €`."""
        return f"{self.number(value, decimals)}{_fr.NARROW_NBSP}€"

    def signed_money(
        self, value: float, decimals: int | None = None, space: str = _fr.NARROW_NBSP
    ) -> str:
        """`+1 200 €`, `−80 €`: a gap in euros shows its sign."""
        return f"{self.signed(value, decimals)}{space}€"

    def count(self, count: float, singular: str, plural: str | None = None) -> str:
        """`2 indicateurs`: the count and the word in the form it takes."""
        return f"{self.number(count)} {self.ngettext(singular, plural or singular + 's', count)}"

    def with_unit(self, text: str, count: float, unit: str, plural: str | None = None) -> str:
        """`3 élèves`, `1 élève`: the number and the unit in the form its count takes."""
        if not unit:
            return text
        singular, plural_form = self.unit_forms(unit, plural)
        return f"{text}{self._unit_space(unit)}{self.ngettext(singular, plural_form, count)}"

    def unit_forms(self, unit: str, plural: str | None = None) -> tuple[str, str]:
        """The singular and plural of a unit: `élèves` → (élève, élèves)."""
        return unit_forms(unit, plural)

    def _unit_space(self, unit: str) -> str:  # noqa: ARG002 - English glues `%`
        return " "

    def of_label(self, label: str) -> str:
        """« du nombre d'élèves »: a label after « Évolution »."""
        return of_label(label)

    def definite(self, label: str) -> str:
        """« la confiance retrouvée »: a label with its article inside a sentence."""
        return definite(label)

    def period(self, period: Period) -> str:
        """« 1er trimestre 2025 », « année scolaire 2024-2025 »."""
        return period.french_label

    def short_period(self, period: Period) -> str:
        """« T3 2025 », for chart axes."""
        return period.french_short_label

    def year_heading(self, period: Period) -> str:
        """« 2024-2025 »: a convention's year as its column reads, the year's name."""
        return period.name

    def with_article(self, name: str, preposition: str, article: str | None) -> str:
        """« au Conseil départemental »: a funder's name after « à » or « de »."""
        from utilsoc.french import with_article

        return with_article(name, preposition, article)

    def date(self, day: date) -> str:
        """« 1er mars 2025 »."""
        from utilsoc.model.periods import french_day

        return french_day(day)


class English(Langue):
    """English: `1,234.5`, `12.5%`, `€1,234.50`, "Q1 2025", "2 December 2026"."""

    code = "en"
    tag = "en-GB"
    typography = False

    def with_article(self, name: str, preposition: str, article: str | None) -> str:  # noqa: ARG002
        """The name alone: the English sentence holds its preposition ("Report to %(au)s")."""
        return name

    def plural_from(self, count: float) -> bool:
        """True unless `count` is exactly 1."""
        return count != 1

    def ngettext(self, singular: str, plural: str, count: float) -> str:
        """The form the count takes, in English: the singular for exactly 1."""
        return self.translations.ngettext(singular, plural, 2 if self.plural_from(count) else 1)

    def number(self, value: float, decimals: int | None = None) -> str:
        """`1,234.5` (whole numbers without decimals, as in French)."""
        french = _fr.format_number(value, decimals)
        return french.replace(_fr.NARROW_NBSP, "\0").replace(",", ".").replace("\0", ",")

    def percent(self, value: float, decimals: int | None = None) -> str:
        """`12.5%`."""
        return f"{self.number(value, decimals)}%"

    def money(self, value: float, decimals: int | None = 2) -> str:
        """`€1,234.50`, `−€80`."""
        text = self.number(abs(value), decimals)
        return f"{'−' if value < 0 and text.strip('0.,') else ''}€{text}"

    def signed_money(
        self,
        value: float,
        decimals: int | None = None,
        space: str = "",  # noqa: ARG002 - the euro sign comes first
    ) -> str:
        """`+€1,200`, `−€80`."""
        text = self.money(value, decimals)
        return "+" + text if value > 0 and any(c in "123456789" for c in text) else text

    def _unit_space(self, unit: str) -> str:
        return "" if unit == "%" else " "

    def unit_forms(self, unit: str, plural: str | None = None) -> tuple[str, str]:
        """`pupils` → (pupil, pupils), `people` → (person, people): English rules."""
        from utilsoc.english import unit_forms as english_forms

        return english_forms(unit, plural)

    def of_label(self, label: str) -> str:
        """The label as written: the English sentence holds its preposition."""
        return label

    def definite(self, label: str) -> str:
        """`regained confidence`: the label inside a sentence, without an article."""
        return lower_first(label)

    def period(self, period: Period) -> str:
        """`2025`, `H1 2025`, `Q1 2025`, `January 2025`, `2024–2025 school year`."""
        from utilsoc.model.periods import Kind

        year, month = period.start.year, period.start.month
        labels = {
            Kind.ANNEE: str(year),
            Kind.SEMESTRE: f"H{1 + (month - 1) // 6} {year}",
            Kind.TRIMESTRE: f"Q{1 + (month - 1) // 3} {year}",
            Kind.MOIS: f"{_MONTHS[month - 1]} {year}",
            Kind.ANNEE_SCOLAIRE: f"{year}–{year + 1} school year",
        }
        return labels.get(period.kind) or f"{self.date(period.start)} to {self.date(period.end)}"

    def short_period(self, period: Period) -> str:
        """`Q3 2025`, `H1 2026`, `Mar 2026`, `2024–2025 school year`.

        Why a school year in full: a chart's axis and text alternative would otherwise
        read `2024-2025` where the rest of the report reads "2024–2025 school year".
        """
        from utilsoc.model.periods import Kind

        if period.kind is Kind.MOIS:
            return f"{_MONTHS[period.start.month - 1][:3]} {period.start.year}"
        if period.kind in (Kind.SEMESTRE, Kind.TRIMESTRE, Kind.ANNEE_SCOLAIRE):
            return self.period(period)
        return period.name

    def year_heading(self, period: Period) -> str:
        """`2025`, `2024–2025 school year`: the period's label, as its baseline reads.

        Why: the name `2024-2025` beside a baseline « (2023–2024 school year) » would
        read as another kind of period.
        """
        return self.period(period)

    def date(self, day: date) -> str:
        """`2 December 2026`."""
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


FRENCH = Langue()
_CURRENT: ContextVar[Langue] = ContextVar("langue", default=FRENCH)


@cache
def langue(code: str) -> Langue:
    """The language `code` (one of LANGUES), its catalogue read once per process.

    Raises:
        ValueError: a code utilsoc has no catalogue for.
    """
    if code == "fr":
        return FRENCH
    if code not in LANGUES:
        raise ValueError(code)
    with _catalogue(code).open("rb") as file:
        return English(_gettext.GNUTranslations(file))


def _catalogue(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo"


def catalogue_bytes(code: str) -> bytes:
    """The compiled catalogue of `code` (nothing for French): part of a kept report's key."""
    return b"" if code == "fr" else _catalogue(code).read_bytes()


def current() -> Langue:
    """The language of the report being built (French outside a report)."""
    return _CURRENT.get()


@contextmanager
def using(code: str) -> Iterator[Langue]:
    """Write in `code` until the block ends."""
    token = _CURRENT.set(langue(code))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


def _(message: str) -> str:
    """`message` in the current language (French is the source)."""
    return _CURRENT.get().gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Mark `message` for the catalogue without translating it now."""
    return message
