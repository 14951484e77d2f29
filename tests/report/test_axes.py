"""What every chart shares: a dozen period labels at most, words in the chart's language."""

from __future__ import annotations

from utilsoc.report.axes import BASELINE, crowded, number_ticks, period_ticks, shown_ticks, word
from utilsoc.report.chart_spec import Chart


def test_a_dozen_labels_at_most_always_the_latest() -> None:
    months = [f"{m % 12 + 1:02d}/{2017 + m // 12}" for m in range(100)]
    positions, shown = shown_ticks(months)
    assert len(shown) <= 12
    assert positions[-1] == 99
    assert shown[-1] == months[-1]
    assert shown_ticks(months[:12]) == (list(range(12)), months[:12])
    assert shown_ticks(["T1"]) == ([0], ["T1"])


def test_long_labels_are_crowded_short_ones_are_not() -> None:
    assert not crowded(["2024", "2025"])
    assert crowded([f"année scolaire {y}-{y + 1}" for y in range(2015, 2025)])


def test_an_english_school_year_reads_on_two_lines_other_periods_on_one() -> None:
    english = ["Q3 2025", "Sep 2025", "2024–2025 school year", "2025-01-15..2025-06-30"]
    french = ["T3 2025", "sept. 2025", "2024-2025", "2025-01-15..2025-06-30"]
    assert period_ticks(english) == [*english[:2], "2024–2025\nschool year", english[3]]
    assert period_ticks(french) == french
    # Two lines are as wide as their wider one: five school years stand side by side.
    years = [f"{y}–{y + 1} school year" for y in range(2021, 2026)]
    assert crowded(years)
    assert not crowded(period_ticks(years))


def test_words_and_numbers_in_the_chart_language() -> None:
    french = Chart("serie", "t", ["2025"], [1.0], "u")
    english = Chart("serie", "t", ["2025"], [1.0], "u", langue="en")
    assert word(french, BASELINE) == "référence"
    assert word(english, BASELINE) == "baseline"
    assert number_ticks("fr")(1234.5, 0).replace("\u202f", " ") == "1 234,5"
    assert number_ticks("en")(1234.5, 0) == "1,234.5"
