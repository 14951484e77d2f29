"""What each chart of a report shows: series at the rhythm of targets, bars, entry/exit."""

from __future__ import annotations

import html
import re

from utilsoc.report.chart_context import MAX_BARS, attach_charts, segments, series_chart

HOURS = (
    "          - code: heures\n            libellé: Heures d'accompagnement\n"
    "            type: nombre\n            fréquence: trimestrielle\n"
    "            méthode: registre\n"
    "            cibles:\n              - {période: 2026, valeur: 400}\n"
)


def test_a_quarterly_count_is_charted_as_its_running_total_against_the_yearly_target(
    cli, example
) -> None:
    folder = example("vide", HOURS)
    for value, quarter in (("100", "2026-T1"), ("120", "2026-T2"), ("130", "2026-T3")):
        assert (
            cli("-C", str(folder), "record", "-a", "m", "heures", value, "-p", quarter).exit_code
            == 0
        )
    out = folder / "b.html"
    args = ("-C", str(folder), "report", "-t", "bilan", "-p", "2026", "-o", str(out))
    assert cli(*args).exit_code == 0
    alts = [html.unescape(a) for a in re.findall(r'alt="([^"]*)"', out.read_text("utf-8"))]
    alt = next(a for a in alts if a.startswith("Heures d'accompagnement."))
    assert "réalisé, cumulé sur l'année : T1 2026 : 100 (cible 400)" in alt
    assert "T2 2026 : 220 (cible 400) ; T3 2026 : 350 (cible 400)." in alt


def test_each_year_of_a_running_total_is_a_line_of_its_own(cli, example) -> None:
    """The chart's value and target lines break between 2025 and 2026, where the total resets."""
    earlier = "\n              - {période: 2025, valeur: 300}"
    two_years = HOURS.replace("valeur: 400}", "valeur: 400}" + earlier)
    folder = example("vide", two_years)
    for quarter, value in (("2025-T3", "80"), ("2025-T4", "90"), ("2026-T1", "100")):
        record = ("-C", str(folder), "record", "-a", "m", "heures", value, "-p", quarter)
        assert cli(*record, "--date", "2026-04-02").exit_code == 0
    out = folder / "b.md"
    args = ("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-p", "2026", "-o", str(out))
    assert cli(*args).exit_code == 0
    [svg] = [
        path.read_text("utf-8")
        for path in (folder / "b_graphiques").glob("*.svg")
        if "Heures d&#39;accompagnement" in path.read_text("utf-8")
        or "Heures d'accompagnement" in path.read_text("utf-8")
    ]
    # The first line in each colour is the data's (its legend's sample comes after it).
    style = r'<path d="([^"]*)"[^>]*style="fill: none;[^"]*stroke: {};'
    values = re.findall(style.format("#1f5f8b"), svg)[0]
    targets = re.findall(style.format("#3a9d5d"), svg)[0]
    assert (values.count("M"), targets.count("M")) == (2, 2)


PALETTE = ("#111111", "#222222", "#333333")


def _indicator(points: list[tuple[str, float, float | None, str | None, str]]) -> dict:
    """An indicator of the context with its curve: (label, value, target, running, span)."""
    return {
        "libelle": "Heures",
        "type": "nombre",
        "unite": "heures",
        "reference": None,
        "courbe": [
            {"court": c, "valeur": v, "cible": t, "cumul": r, "tranche": s}
            for c, v, t, r, s in points
        ],
        "ventilation": [],
    }


def test_segments_start_again_where_the_span_changes() -> None:
    assert segments(["2025", "2025", "2026", "2026", "2027"]) == [0, 0, 1, 1, 2]
    assert segments(["2026", "2026"]) == []  # one span: nothing to break
    assert segments([None, None]) == []


def test_a_running_total_over_two_years_breaks_its_lines_between_them() -> None:
    chart = series_chart(
        _indicator(
            [
                ("T4 2025", 90.0, 300.0, "annee", "2025"),
                ("T1 2026", 100.0, 400.0, "annee", "2026"),
                ("T2 2026", 220.0, 400.0, "annee", "2026"),
            ]
        ),
        PALETTE,
    )
    assert chart is not None
    assert chart.line == "réalisé, cumulé sur l'année"
    assert (chart.segments, chart.target_segments) == ([0, 1, 1], [0, 1, 1])


def test_values_per_period_stay_joined_while_each_target_stands_alone() -> None:
    chart = series_chart(
        _indicator([("2025", 0.4, 0.5, None, "2025"), ("2026", 0.6, 0.6, None, "2026")]),
        PALETTE,
    )
    assert chart is not None
    assert (chart.line, chart.segments, chart.target_segments) == ("réalisé", [], [0, 1])
    untargeted = series_chart(
        _indicator([("2025", 0.4, None, None, "2025"), ("2026", 0.6, None, None, "2026")]),
        PALETTE,
    )
    assert untargeted is not None
    assert (untargeted.targets, untargeted.target_segments) == ([], [])


def test_no_picture_without_charts_and_a_table_past_a_dozen_bars() -> None:
    indicator = _indicator([("2026", 5.0, None, None, "2026")])
    parts = [{"valeur": str(n), "nombre": float(n)} for n in range(MAX_BARS + 1)]
    indicator["ventilation"] = [
        {"par": "par site", "periode": "2026", "parts": parts[:MAX_BARS]},
        {"par": "par quartier", "periode": "2026", "parts": parts},
    ]
    context = {
        "association": {
            "couleurs": {"principale": "#111111", "secondaire": "#222222", "accent": "#333333"}
        },
        "indicateurs": {"heures": indicator},
        "gains": [],
    }
    charts = attach_charts(context, "auto")
    assert len(charts) == 2  # the series and the dozen sites, not the thirteen districts
    assert indicator["graphique"]["src"].startswith("utilsoc:graphique:")
    assert indicator["ventilation"][1]["graphique"] is None
    assert attach_charts(context, "aucun") == {}
    assert indicator["graphique"] is None


def test_an_english_report_s_charts_read_school_years_as_its_text_does(
    cli, example, tmp_path
) -> None:
    folder = example("echec-scolaire")  # school-year indicators, a comparison of 2023-2024
    output = tmp_path / "bilan.md"
    args = ("-C", str(folder), "report", "-f", "md", "--langue", "en", "-o", str(output))
    result = cli(*args, "-p", "2025-2026")
    assert result.exit_code == 0, result.stderr
    text = output.read_text(encoding="utf-8")
    alts = re.findall(r"!\[([^\]]*)\]\(([^)]*)\)", text)
    assert alts
    assert not [alt for alt, _ in alts if re.search(r"\b20\d\d-20\d\d\b", alt)]
    assert any(". 2024–2025 school year: 147 " in alt for alt, _ in alts)  # pupils supported
    assert any(", 2023–2024 school year): 10.5%" in alt for alt, _ in alts)  # a comparison
    drawn = " ".join((output.parent / src).read_text(encoding="utf-8") for _, src in alts)
    assert not re.search(r"\b20\d\d-20\d\d\b", drawn)
    assert ">2024–2025</text>" in drawn  # a tick, on two lines
    assert ">school year</text>" in drawn


def test_the_entry_and_exit_means_of_one_group_are_labelled_in_the_report_s_language() -> None:
    from utilsoc.langue import using

    gains = {
        "libelle": "Confiance", "echelle": {"min": 1, "max": 5}, "entree": 2.0, "sortie": 3.5,
        "unite": "", "participants": 4,
    }  # fmt: skip
    context = {
        "association": {"couleurs": {"principale": "#111111", "secondaire": "#222222",
                                     "accent": "#333333"}},
        "indicateurs": {}, "gains": [gains],
    }  # fmt: skip
    with using("en"):
        [chart] = attach_charts(context, "svg").values()
    assert chart.labels == ["mean"]
    assert chart.alt.endswith("mean: entry 2, exit 3.5.")
    [chart] = attach_charts(context, "svg").values()
    assert chart.labels == ["moyenne"]
