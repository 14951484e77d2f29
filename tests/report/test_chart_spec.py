"""A chart's description: its key, stable across versions, and its French alternative."""

from __future__ import annotations

import dataclasses

from utilsoc.report.chart_spec import Chart

SERIES = Chart(
    "serie",
    "Élèves accompagnés",
    ["2024-2025", "2025-2026"],
    [120.0, 150.5],
    "élèves",
    100.0,
    160.0,
)
ENTRY_EXIT = Chart("entree_sortie", "Confiance", ["moyenne"], [2.0], second=[3.5], scale=(1, 5))


def test_alternative_text_lists_values_in_french() -> None:
    assert SERIES.alt == (
        "Élèves accompagnés. 2024-2025 : 120 élèves ; 2025-2026 : 150,5 élèves"
        " ; référence 100 élèves ; cible 160 élèves."
    )
    pairs = Chart("entree_sortie", "Confiance", ["moyenne"], [2.1], second=[3.4])
    assert pairs.alt == "Confiance. moyenne : entrée 2,1, sortie 3,4."


def test_a_chart_without_scale_keeps_its_former_key() -> None:
    assert "scale" not in repr(SERIES.key)
    scaled = dataclasses.replace(ENTRY_EXIT, scale=None)
    assert scaled.key != ENTRY_EXIT.key


def test_a_series_without_breaks_keeps_its_former_key() -> None:
    unbroken = dataclasses.replace(SERIES, segments=[], target_segments=[])
    assert unbroken.key == SERIES.key
    broken = dataclasses.replace(SERIES, targets=[150.0, 160.0], target_segments=[0, 1])
    assert broken.key != dataclasses.replace(broken, target_segments=[]).key


def test_the_alternative_gives_each_point_its_target_and_says_when_it_is_a_running_total() -> None:
    chart = Chart(
        "serie",
        "Heures",
        ["T1 2026", "T2 2026"],
        [100.0, 220.0],
        "heures",
        targets=[None, 400.0],
        line="réalisé, cumulé sur l'année",
        decimals=0,
    )
    assert chart.alt == (
        "Heures. réalisé, cumulé sur l'année : T1 2026 : 100 heures ; "
        "T2 2026 : 220 heures (cible 400 heures)."
    )


def test_a_tornado_alternative_lists_each_assumption_the_base_ratio_and_the_line() -> None:
    tornado = Chart(
        "tornade",
        "Sensibilité",
        ["aubaine", "proxy"],
        [1.2, 0.8],
        baseline=1.5,
        target=1.0,
        second=[1.7, 2.25],
    )
    assert tornado.alt == (
        "Sensibilité. aubaine : de 1,20 à 1,70 ; proxy : de 0,80 à 2,25"
        " ; ratio de base 1,50 : 1 ; ligne à 1 : 1."
    )
