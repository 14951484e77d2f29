"""The report's language: numbers, money, periods, dates and words in French and English."""

from __future__ import annotations

import datetime as dt

import pytest

from utilsoc.langue import FRENCH, LANGUES, _, current, langue, using
from utilsoc.model.periods import Period, format_day

NNBSP = "\u202f"


def test_french_is_the_language_outside_a_report() -> None:
    assert current() is FRENCH
    assert _("Objectif") == "Objectif"
    assert Period.parse("2025-T1").label == "1er trimestre 2025"
    assert format_day(dt.date(2026, 12, 2)) == "2 décembre 2026"


def test_a_report_in_english_reads_the_catalogue_then_french_comes_back() -> None:
    with using("en") as english:
        assert english.code == "en"
        assert _("Objectif") == "Objective"
        assert _("un texte que le catalogue ignore") == "un texte que le catalogue ignore"
        assert Period.parse("2025-T1").label == "Q1 2025"
    assert _("Objectif") == "Objectif"
    assert Period.parse("2025-T1").label == "1er trimestre 2025"


@pytest.mark.parametrize(
    ("name", "french", "english", "short"),
    [
        ("2025", "année 2025", "2025", "2025"),
        ("2025-S1", "1er semestre 2025", "H1 2025", "H1 2025"),
        ("2025-T3", "3e trimestre 2025", "Q3 2025", "Q3 2025"),
        ("2025-03", "mars 2025", "March 2025", "Mar 2025"),
        # A chart reads a school year as the rest of the report (its ticks on two lines).
        ("2024-2025", "année scolaire 2024-2025", "2024–2025 school year", "2024–2025 school year"),
        (
            "2025-01-15..2025-06-30",
            "du 15 janvier 2025 au 30 juin 2025",
            "15 January 2025 to 30 June 2025",
            "2025-01-15..2025-06-30",
        ),
    ],
)
def test_periods_in_both_languages(name: str, french: str, english: str, short: str) -> None:
    period = Period.parse(name)
    assert FRENCH.period(period) == french
    assert langue("en").period(period) == english
    assert langue("en").short_period(period) == short


def test_a_conventions_year_heading_is_its_name_in_french_its_label_in_english() -> None:
    school, year = Period.parse("2024-2025"), Period.parse("2025")
    assert [FRENCH.year_heading(p) for p in (school, year)] == ["2024-2025", "2025"]
    english = langue("en")
    assert [english.year_heading(p) for p in (school, year)] == ["2024–2025 school year", "2025"]


def test_english_numbers_money_percentages_and_dates() -> None:
    english = langue("en")
    assert english.number(1234.5) == "1,234.5"
    assert english.number(-1234567, 2) == "−1,234,567.00"
    assert english.percent(12.5) == "12.5%"
    assert english.money(1234.5) == "€1,234.50"
    assert english.money(-80, 0) == "−€80"
    assert english.signed(1.4) == "+1.4"
    assert english.signed_money(1200, 0) == "+€1,200"
    assert english.date(dt.date(2026, 12, 2)) == "2 December 2026"
    assert english.with_unit("12.5", 12.5, "%") == "12.5%"


def test_french_numbers_are_those_of_the_french_module() -> None:
    assert FRENCH.number(1234.5) == f"1{NNBSP}234,5"
    assert FRENCH.percent(12.5) == f"12,5{NNBSP}%"
    assert FRENCH.money(1234.5) == f"1{NNBSP}234,50{NNBSP}€"
    assert FRENCH.signed(-0.5) == "−0,5"


def test_plurals_follow_each_language() -> None:
    english = langue("en")
    assert FRENCH.count(1.5, "point", "points") == "1,5 point"
    assert english.count(1.5, "point", "points") == "1.5 points"
    assert english.count(1, "point", "points") == "1 point"
    assert english.count(0, "point", "points") == "0 points"
    assert english.with_unit("1", 1, "élèves") == "1 élève"


def test_only_known_languages() -> None:
    assert LANGUES == ("fr", "en")
    with pytest.raises(ValueError, match="de"):
        langue("de")
