"""A multi-year report's columns: each year's figure, target and status."""

from __future__ import annotations

from typing import Any

from utilsoc.compute.series import build_series
from utilsoc.model.mesures import Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur
from utilsoc.report.convention import years_context

CONVENTION = Period.parse("2025-01-01..2026-12-31")


def _series(kind: str, values: dict[str, str], **fields: Any):  # noqa: ANN202
    indicator = Indicateur.model_validate({"code": "i", "libellé": "I", "type": kind, **fields})
    records = [
        Valeur.model_validate(
            {"indicateur": "i", "période": p, "valeur": v, "auteur": "a", "date": "2026-12-01"}
        ).to_mesure()
        for p, v in values.items()
    ]
    return build_series(indicator, records)


def test_each_year_has_its_figure_against_its_own_target() -> None:
    series = _series(
        "nombre",
        {"2025": "40", "2026": "55"},
        cibles=[{"période": 2025, "valeur": 50}, {"période": 2026, "valeur": 50}],
    )
    years = years_context(series, CONVENTION)
    assert [(y["periode"], y["realise"], y["cible"], y["ecart"]) for y in years] == [
        ("2025", 40, 50, -10),
        ("2026", 55, 50, 5),
    ]


def test_a_qualitative_indicator_shows_each_years_text() -> None:
    series = _series("qualitatif", {"2025": "Des élèves plus confiants", "2026": "Ils osent"})
    years = years_context(series, CONVENTION)
    assert [y["realise"] for y in years] == ["Des élèves plus confiants", "Ils osent"]


def test_the_funder_report_over_a_convention_says_what_its_total_adds(
    cli, example, tmp_path
) -> None:
    folder = example("lien-social")
    out = tmp_path / "f.md"
    result = cli("-C", str(folder), "report", "-t", "financeur", "-f", "md", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8").replace("\xa0", " ")
    assert text.count("une même personne suivie deux années y compte deux fois") == 1
