from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel, ValidationError

from utilsoc.model.periods import Kind, Period, is_aligned, period_containing, periods_between


@pytest.mark.parametrize(
    ("text", "name", "start", "end", "label"),
    [
        ("2025", "2025", date(2025, 1, 1), date(2025, 12, 31), "année 2025"),
        ("2025-S1", "2025-S1", date(2025, 1, 1), date(2025, 6, 30), "1er semestre 2025"),
        ("2025-s2", "2025-S2", date(2025, 7, 1), date(2025, 12, 31), "2e semestre 2025"),
        ("2025-T1", "2025-T1", date(2025, 1, 1), date(2025, 3, 31), "1er trimestre 2025"),
        ("2025-Q4", "2025-T4", date(2025, 10, 1), date(2025, 12, 31), "4e trimestre 2025"),
        ("2024-02", "2024-02", date(2024, 2, 1), date(2024, 2, 29), "février 2024"),
        ("2024-2025", "2024-2025", date(2024, 9, 1), date(2025, 8, 31), "année scolaire 2024-2025"),
        (
            "2025-01-15..2025-06-30",
            "2025-01-15..2025-06-30",
            date(2025, 1, 15),
            date(2025, 6, 30),
            "du 15 janvier 2025 au 30 juin 2025",
        ),
        (
            "2025-03-01..2025-03-01",
            "2025-03-01..2025-03-01",
            date(2025, 3, 1),
            date(2025, 3, 1),
            "du 1er mars 2025 au 1er mars 2025",
        ),
    ],
)
def test_parse_gives_bounds_canonical_name_and_french_label(
    text: str, name: str, start: date, end: date, label: str
) -> None:
    period = Period.parse(text)
    assert (period.name, period.start, period.end, period.label) == (name, start, end, label)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2025-13", "mois « 2025-13 » inexistant"),
        ("2025-S3", "non reconnue"),
        ("2025-T5", "non reconnue"),
        ("2024-2026", "doivent se suivre"),
        ("2025-06-30..2025-01-01", "finit avant de commencer"),
        ("2025-02-30..2025-03-01", "date « 2025-02-30 » invalide ou inexistante"),
        ("printemps 2025", "non reconnue"),
        ("", "non reconnue"),
    ],
)
def test_parse_refuses_with_french_message(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        Period.parse(text)


def test_containment_and_overlap() -> None:
    year = Period.parse("2025")
    assert year.contains(Period.parse("2025-T2"))
    assert year.contains(date(2025, 7, 14))
    assert not year.contains(Period.parse("2024-2025"))
    assert year.overlaps(Period.parse("2024-2025"))
    assert not Period.parse("2025-S1").overlaps(Period.parse("2025-S2"))


@pytest.mark.parametrize(
    ("period", "kind", "aligned"),
    [
        ("2025", Kind.TRIMESTRE, True),
        ("2025-S2", Kind.MOIS, True),
        ("2025-T1", Kind.ANNEE, False),
        ("2024-2025", Kind.MOIS, True),
        ("2024-2025", Kind.TRIMESTRE, False),
        ("2025", Kind.ANNEE_SCOLAIRE, False),
        ("2025-01-15..2025-06-30", Kind.MOIS, False),
        ("2025-01-01..2025-06-30", Kind.TRIMESTRE, True),
    ],
)
def test_alignment_on_a_frequency_grid(period: str, kind: Kind, aligned: bool) -> None:
    assert is_aligned(Period.parse(period), kind) is aligned


def test_period_containing_and_between() -> None:
    assert period_containing(date(2025, 10, 3), Kind.ANNEE_SCOLAIRE).name == "2025-2026"
    assert period_containing(date(2025, 5, 3), Kind.ANNEE_SCOLAIRE).name == "2024-2025"
    quarters = periods_between(date(2025, 1, 1), date(2025, 12, 31), Kind.TRIMESTRE)
    assert [p.name for p in quarters] == ["2025-T1", "2025-T2", "2025-T3", "2025-T4"]


def test_sorting_follows_time() -> None:
    names = ["2025-T2", "2024-2025", "2025", "2025-01"]
    assert [p.name for p in sorted(Period.parse(n) for n in names)] == [
        "2024-2025",
        "2025-01",
        "2025",
        "2025-T2",
    ]


class _Holder(BaseModel):
    periode: Period


def test_pydantic_field_reads_text_and_int_and_serializes_canonical_name() -> None:
    assert _Holder.model_validate({"periode": "2025-q3"}).model_dump() == {"periode": "2025-T3"}
    assert _Holder.model_validate({"periode": 2025}).periode.name == "2025"
    with pytest.raises(ValidationError) as caught:
        _Holder.model_validate({"periode": "2025-99"})
    assert caught.value.errors()[0]["type"] == "periode"


@pytest.mark.parametrize(
    ("text", "formats", "expected"),
    [
        ("2025-03-05", ("%Y-%m-%d",), "2025-03-05"),
        ("05/03/2025", ("%Y-%m-%d", "%d/%m/%Y"), "2025-03-05"),
    ],
)
def test_parse_day_reads_the_given_formats(text, formats, expected) -> None:
    from utilsoc.model.periods import parse_day

    assert parse_day(text, formats).isoformat() == expected


@pytest.mark.parametrize(
    "text", ["2025-3-5", "2025-02-30", "20250305", "05/03/2025", "2025-03-05 "]
)
def test_parse_day_refuses_what_no_form_of_ours_writes(text) -> None:
    from utilsoc.model.periods import parse_day

    with pytest.raises(ValueError, match="format AAAA-MM-JJ"):
        parse_day(text)
