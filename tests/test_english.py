"""English units agree with their count by English rules, whichever form is written."""

from __future__ import annotations

import pytest

from utilsoc.english import unit_forms
from utilsoc.langue import langue


@pytest.mark.parametrize(
    ("unit", "singular", "plural"),
    [
        ("pupils", "pupil", "pupils"),
        ("pupil", "pupil", "pupils"),
        ("people", "person", "people"),
        ("children", "child", "children"),
        ("activities", "activity", "activities"),
        ("activity", "activity", "activities"),
        ("days", "day", "days"),
        ("classes", "class", "classes"),
        ("class", "class", "classes"),
        ("boxes", "box", "boxes"),
        ("hours of support", "hour of support", "hours of support"),
        ("volunteer hours", "volunteer hour", "volunteer hours"),
        ("points out of 5", "point out of 5", "points out of 5"),
        ("status", "status", "statuses"),
        ("staff", "staff", "staff"),
        ("%", "%", "%"),
        ("h", "h", "h"),
        ("km", "km", "km"),
        ("FTE", "FTE", "FTE"),
    ],
)
def test_a_unit_gives_its_singular_and_plural(unit: str, singular: str, plural: str) -> None:
    assert unit_forms(unit) == (singular, plural)


def test_a_given_plural_is_taken_as_written() -> None:
    assert unit_forms("alumnus", "alumni") == ("alumnus", "alumni")


def test_an_english_report_counts_with_english_units_and_a_french_one_with_french() -> None:
    english = langue("en")
    assert english.with_unit("1", 1, "people") == "1 person"
    assert english.with_unit("3", 3, "people") == "3 people"
    assert english.with_unit("12.5", 12.5, "%") == "12.5%"
    assert langue("fr").with_unit("1", 1, "élèves") == "1 élève"
