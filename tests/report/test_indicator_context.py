"""One indicator in a report: its definition, figures over the period, curve and notes."""

from __future__ import annotations

from typing import Any

from utilsoc.compute.series import build_series
from utilsoc.model.mesures import Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur
from utilsoc.report.indicator_context import indicator_context


def _series(kind: str, values: dict[str, str], **fields: Any):
    indicator = Indicateur.model_validate(
        {
            "code": "heures",
            "libellé": "Heures",
            "type": kind,
            "unité": "heures",
            "fréquence": "trimestrielle",
            "référence": {"valeur": 300, "période": "2025"},
            "cibles": [{"période": "2025", "valeur": 300}, {"période": "2026", "valeur": 400}],
            **fields,
        }
    )
    records = [
        Valeur.model_validate(
            {"indicateur": "heures", "période": p, "valeur": v, "auteur": "a", "date": "2026-07-01"}
        ).to_mesure()
        for p, v in values.items()
    ]
    return build_series(indicator, records)


def test_the_figures_are_judged_over_the_period_against_its_target() -> None:
    series = _series("nombre", {"2025-T4": "90", "2026-T1": "100", "2026-T2": "120.5"})
    context = indicator_context(series, Period.parse("2026"))
    assert (context["code"], context["libelle"], context["unite"]) == ("heures", "Heures", "heures")
    assert context["reference"] == {"valeur": 300.0, "periode": "année 2025", "source": None}
    assert context["cible"] == {"valeur": 400.0, "periode": "année 2026"}
    assert context["realise"] == 220.5
    assert context["ecart"] == 220.5 - 400
    assert context["decimales"] == 1
    assert [p["periode"] for p in context["serie"]] == ["2025-T4", "2026-T1", "2026-T2"]


def test_the_curve_is_a_running_total_per_year_each_in_its_own_span() -> None:
    series = _series("nombre", {"2025-T4": "90", "2026-T1": "100", "2026-T2": "120"})
    curve = indicator_context(series, Period.parse("2026"))["courbe"]
    assert [(p["valeur"], p["cible"], p["cumul"], p["tranche"]) for p in curve] == [
        (90.0, 300.0, "annee", "2025"),
        (100.0, 400.0, "annee", "2026"),
        (220.0, 400.0, "annee", "2026"),
    ]


def test_a_qualitative_indicator_shows_its_latest_text_of_the_period() -> None:
    series = _series(
        "qualitatif", {"2026-T1": "premier", "2026-T2": "second"}, unité=None, référence=None
    )
    context = indicator_context(series, Period.parse("2026"))
    assert context["realise"] == "second"
    assert context["ecart"] is None
