"""File names made from user text open on Windows; the text itself is kept in the record."""

from __future__ import annotations

import pytest

from utilsoc.model.periods import Period
from utilsoc.project import Layout
from utilsoc.store.measures import measure_path
from utilsoc.store.names import WINDOWS_RESERVED, is_reserved, slug, windows_safe

DEVICES = ["CON", "PRN", "AUX", "NUL"] + [f"{d}{n}" for d in ("COM", "LPT") for n in range(10)]


@pytest.mark.parametrize("name", DEVICES)
def test_every_windows_device_name_gets_a_suffix_in_any_case(name: str) -> None:
    for typed in (name, name.lower(), name.capitalize(), f" {name} ", f"{name}."):
        made = slug(typed)
        assert made == f"{name.lower()}_"
        assert windows_safe(made)
        assert windows_safe(f"{made}.yaml")
        assert windows_safe(f"{made}.temoignages.yaml")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Marie Dupré", "marie-dupre"),
        ("con.txt", "con-txt"),
        ("Équipe pédagogique ", "equipe-pedagogique"),
        ("nom qui finit par un point.", "nom-qui-finit-par-un-point"),
        ("   ", "anonyme"),
        ("???", "anonyme"),
        ("李雷", "anonyme"),
        ("COM¹", "com1_"),
        ("lpt9", "lpt9_"),
        ("console", "console"),
        ("aux-parents", "aux-parents"),
    ],
)
def test_slugs(typed: str, expected: str) -> None:
    assert slug(typed) == expected
    assert windows_safe(f"{slug(typed)}.yaml")


def test_a_very_long_name_is_cut_without_a_trailing_dash() -> None:
    made = slug("Association " * 20)
    assert len(made) <= 60
    assert not made.endswith("-")


def test_reserved_names_are_recognised_with_an_extension() -> None:
    assert is_reserved("CON.yaml")
    assert is_reserved("nul.temoignages.yaml")
    assert not is_reserved("con_.yaml")
    assert {"con", "nul", "com1", "lpt9", "com¹"} <= WINDOWS_RESERVED
    assert not windows_safe("fin.")
    assert not windows_safe("a:b")


def test_the_measure_file_of_a_reserved_author_opens_on_windows(tmp_path) -> None:
    path = measure_path(Layout(tmp_path), Period.parse("2026"), "NUL", "temoignages")
    assert path.name == "nul_.temoignages.yaml"


@pytest.mark.parametrize(
    "text", ["2025", "2025-S1", "2025-T3", "2025-03", "2024-2025", "2025-03-01..2025-03-15"]
)
def test_period_folder_names_are_windows_safe(text: str) -> None:
    assert windows_safe(Period.parse(text).name)
