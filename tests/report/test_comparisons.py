"""Comparisons in reports: beside the value with source and year, as chart lines, two groups."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from utilsoc.compute.questionnaires import GainGap
from utilsoc.model.referentiel import Indicateur, Sens
from utilsoc.report.chart_context import series_chart
from utilsoc.report.comparisons import (
    NOT_CAUSAL,
    comparisons_context,
    gain_gap_context,
    gap_words,
    word_gaps,
)
from utilsoc.report.drawing import draw_svg

RATE = """\
          - code: taux_sortie
            libellé: Taux de sortie positive
            type: taux
            unité: "%"
            comparaisons:
              - {libellé: taux du territoire, valeur: 18, source: INSEE, année: 2022,
                 périmètre: QPV de Brest, nature: territoire}
"""
SCORE = """\
          - code: confiance
            libellé: Confiance en soi
            type: score
            unité: points
            échelle: {min: 1, max: 5}
            méthode: questionnaire
            groupe_comparaison: élèves du collège non accompagnés
"""
PALETTE = ("#1F5F8B", "#E07A1F", "#3A9D5D")


def _indicator(**fields: object) -> Indicateur:
    data = {"code": "t", "libellé": "Taux", "type": "taux", "unité": "%"}
    return Indicateur.model_validate(data | fields)


def test_each_comparison_reads_with_its_source_year_scope_and_gap() -> None:
    indicator = _indicator(
        comparaisons=[
            {
                "libellé": "taux du territoire",
                "valeur": 18,
                "source": "INSEE",
                "année": 2022,
                "périmètre": "QPV de Brest",
            }
        ]
    )
    [comparison] = comparisons_context(indicator, 23.3)
    assert comparison["detail"] == "INSEE, 2022, QPV de Brest"
    assert comparison["ecart"] == pytest.approx(5.3)
    context = {"type": "taux", "unite": "%", "decimales": 1, "comparaisons": [comparison]}
    word_gaps(context)
    assert comparison["ecart_texte"] == "écart : +5,3 points"
    assert comparison["texte"] == (
        "taux du territoire : 18,0\u202f% (INSEE, 2022, QPV de Brest), écart : +5,3 points"
    )
    assert comparisons_context(indicator, "texte")[0]["ecart"] is None


def test_a_school_year_comparison_reads_as_the_report_s_language_writes_its_years() -> None:
    from utilsoc.langue import using

    comparison = {"libellé": "taux", "valeur": 10, "source": "DEPP", "année": "2023-2024"}
    indicator = _indicator(comparaisons=[comparison])
    [french] = comparisons_context(indicator, 12.0)
    assert (french["annee"], french["annee_libelle"]) == ("2023-2024", "2023-2024")
    assert french["detail"] == "DEPP, 2023-2024"
    with using("en"):
        [english] = comparisons_context(indicator, 12.0)
    assert english["annee"] == "2023-2024"  # the data keeps the period's name
    assert english["annee_libelle"] == "2023–2024 school year"
    assert english["detail"] == "DEPP, 2023–2024 school year"
    chart = series_chart({**_series(), "comparaisons": [english]}, PALETTE)
    assert chart is not None
    assert chart.references == [("taux (DEPP, 2023–2024 school year)", 10.0)]


def _series() -> dict[str, object]:
    point = {"court": "2025", "valeur": 12.0, "cible": None, "cumul": None, "tranche": None}
    return {"libelle": "Taux", "type": "taux", "unite": "%", "reference": None, "courbe": [point]}


@pytest.mark.parametrize(
    ("kind", "unit", "gap", "words"),
    [
        ("taux", "%", -1.0, "−1 point"),
        ("nombre", "élèves", -12.0, "−12 élèves"),
        ("montant", "", 1200.0, "+1\u202f200\u202f€"),
        ("score", "points sur 5", 0.4, "+0,4 point sur 5"),
    ],
)
def test_a_gap_reads_in_the_indicator_s_unit(kind: str, unit: str, gap: float, words: str) -> None:
    assert gap_words(gap, {"type": kind, "unite": unit, "decimales": None}) == words


def test_the_gain_difference_of_two_groups_with_their_ns_and_no_causal_claim() -> None:
    # By hand: the action's 12 people gain 1.25 on average, the comparison group's 9
    # gain 0.4: the difference is 1.25 − 0.4 = 0.85 point.
    text = gain_gap_context(GainGap(12, 1.25, 9, 0.4), "élèves non accompagnés", "points")
    assert text is not None
    assert text["ecart"] == pytest.approx(0.85)
    assert text["texte"] == (
        "12 personnes accompagnées : gain moyen +1,25 ; 9 personnes du groupe de comparaison "
        "(élèves non accompagnés) : gain moyen +0,40 ; différence entre les deux groupes : "
        "+0,85 point, dans le sens recherché."
    )
    falling = gain_gap_context(GainGap(3, -0.8, 2, -0.3), None, "points sur 5", Sens.BAISSE)
    assert falling is not None
    assert falling["texte"] == (
        "3 personnes accompagnées : évolution moyenne −0,80 ; 2 personnes du groupe de "
        "comparaison : évolution moyenne −0,30 ; différence entre les deux groupes : "
        "−0,50 point sur 5, dans le sens recherché."
    )
    assert "ne suffit pas à établir que l'action en est la cause" in text["prudence"]
    assert gain_gap_context(None, None) is None


def test_a_series_chart_draws_each_comparison_as_a_labelled_dashed_line() -> None:
    indicator = {
        "libelle": "Taux de sortie positive",
        "type": "taux",
        "unite": "%",
        "reference": None,
        "courbe": [
            {"court": "2024", "valeur": 20.0, "cible": None, "cumul": None, "tranche": None},
            {"court": "2025", "valeur": 23.0, "cible": None, "cumul": None, "tranche": None},
        ],
        "comparaisons": [{"libelle": "taux du territoire", "source": "INSEE", "annee": "2022",
                          "annee_libelle": "2022",
                          "valeur": 18.0}],
    }  # fmt: skip
    chart = series_chart(indicator, PALETTE)
    assert chart is not None
    assert chart.references == [("taux du territoire (INSEE, 2022)", 18.0)]
    assert chart.alt.endswith("; taux du territoire (INSEE, 2022) : 18 %.")
    svg = draw_svg(chart)
    assert "taux du territoire (INSEE, 2022)" in svg
    # The line itself: a dashed path in the reference grey, at the same axis as the values.
    assert re.search(r"stroke-dasharray: 7\.2,3\.6[^\"]*stroke: #4d4d4d", svg), svg[:2000]
    without = series_chart(indicator | {"comparaisons": []}, PALETTE)
    assert without is not None
    assert "stroke: #4d4d4d" not in draw_svg(without)


def _report(cli, folder: Path, fmt: str, template: str = "financeur", *extra: str) -> str:
    output = folder / "sortie" / f"rapport.{fmt}"
    result = cli(
        "-C", str(folder), "report", "-t", template, "-f", fmt, "-o", str(output),
        "-p", "2026", "--date", "2026-11-30", "--force", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return output.read_text(encoding="utf-8")


def _plain(text: str) -> str:
    """The report with French typography's no-break spaces as plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def _with_answers(cli, example) -> Path:
    """A rate with a comparison, and entry/exit scores of two people and one of the group."""
    folder = example("vide", RATE, SCORE)
    answers = [
        ("taux_sortie", None, "25/100", None, []),
        ("confiance", "P1", "2", "entrée", []),
        ("confiance", "P1", "4", "sortie", []),
        ("confiance", "P2", "3", "entrée", []),
        ("confiance", "P2", "4", "sortie", []),
        ("confiance", "T1", "2", "entrée", ["--groupe", "comparaison"]),
        ("confiance", "T1", "2.5", "sortie", ["--groupe", "comparaison"]),
    ]
    for code, who, score, moment, extra in answers:
        command = (
            ["record", code, score, "-p", "2026"]
            if who is None
            else ["questionnaire", code, who, score, "-m", moment, "-p", "2026", *extra]
        )
        result = cli("-C", str(folder), *command, "-a", "Marie", "--date", "2026-11-15")
        assert result.exit_code == 0, result.stderr
    return folder


def test_reports_show_the_comparison_and_both_groups_gains(cli, example) -> None:
    folder = _with_answers(cli, example)
    markdown = _plain(_report(cli, folder, "md", "bilan"))
    assert (
        "Comparaison : taux du territoire : 18 % (INSEE, 2022, QPV de Brest), écart : +7 points"
        in markdown
    )
    # By hand: gains 2 and 1 (mean 1.5) against 0.5, a difference of one point.
    assert "2 personnes accompagnées : gain moyen +1,50" in markdown
    assert "1 personne du groupe de comparaison (élèves du collège non accompagnés)" in markdown
    assert "différence entre les deux groupes : +1,00 point, dans le sens recherché." in markdown
    assert NOT_CAUSAL in markdown
    html = _plain(_report(cli, folder, "html", "bilan"))
    assert "taux du territoire : 18 % (INSEE, 2022, QPV de Brest)" in html
    assert NOT_CAUSAL.replace("'", "&#39;") in html
    images = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)
    drawn = [base64.b64decode(image).decode("utf-8") for image in images]
    assert any("taux du territoire (INSEE, 2022)" in svg for svg in drawn)
    assert any("groupe de comparaison (N = 1)" in svg for svg in drawn)
    association = folder / "association.yaml"
    text = association.read_text(encoding="utf-8")
    association.write_text(
        text.replace("    - nb_personnes_accompagnees\n", "    - taux_sortie\n"), encoding="utf-8"
    )
    card = _plain(_report(cli, folder, "md", "communication"))
    assert "- **25 %** : Taux de sortie positive (taux du territoire : 18 %, INSEE, 2022, " in card


_FRENCH_COMPARISONS = re.compile(
    r"Comparaison|groupe de comparaison|écart :|\d personnes? accompagnées?|gain moyen"
    r"|différence entre|dans le sens recherché|ne suffit pas"
)


@pytest.mark.parametrize("template", ["bilan", "financeur"])
def test_comparisons_in_an_english_report(cli, example, template: str) -> None:
    folder = _with_answers(cli, example)
    markdown = _report(cli, folder, "md", template, "--langue", "en")
    assert not _FRENCH_COMPARISONS.findall(markdown)
    if template == "bilan":  # the rate's comparison is in the bilan's table
        assert (
            "Comparison: taux du territoire: 18% (INSEE, 2022, QPV de Brest), gap: +7 points"
            in (markdown)
        )
    assert "2 people supported: mean gain +1.50; 1 person in the comparison group" in markdown
    assert "difference between the two groups: +1.00 point, in the direction sought." in markdown
    assert "is not enough to show that the action caused it" in markdown
    html = _report(cli, folder, "html", template, "--langue", "en")
    images = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)
    drawn = " ".join(base64.b64decode(image).decode("utf-8") for image in images)
    assert "comparison group (N = 1)" in drawn
    assert "groupe de comparaison" not in drawn
