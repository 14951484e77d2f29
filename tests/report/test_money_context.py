"""The SROI report and the funder report's « Valeur sociale », through the real CLI.

Every figure expected is recomputed here from the method's formulas (docs/argent.md) on
the values of `money_folder` (tests/report/conftest.py), then compared with the text.
"""

from __future__ import annotations

from pathlib import Path

from tests.report.conftest import BUDGET, VALUE_MAP
from tests.report.test_compte_rendu import _read, euros

RATE = 0.035
INVESTMENT = (1250.40 + 8500 + 700) + 120 * 11.88  # actual charges + volunteering (86)
ISOLATION_IMPACT = 10 * 1000 * (1 - 0.20) * (1 - 0.25)
ISOLATION_PV = ISOLATION_IMPACT / (1 + RATE)
EMERGENCY_VALUES = [4 * 1600 * 0.5 ** (year - 1) for year in range(1, 6)]
EMERGENCY_PV = sum(v / (1 + RATE) ** year for year, v in enumerate(EMERGENCY_VALUES, 1))
PV = ISOLATION_PV + EMERGENCY_PV


def number(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")


def _sroi(cli, folder: Path, fmt: str = "md"):  # noqa: ANN001, ANN202
    return cli("-C", str(folder), "report", "-t", "sroi", "-f", fmt)


def test_the_totals_are_those_of_the_formulas(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    result = _sroi(cli, folder)
    assert result.exit_code == 0, result.stderr
    text = _read(folder / "rapports" / "sroi-2025.md")
    assert f"**{number(PV / INVESTMENT, 2)} : 1**" in text
    assert f"Valeur actuelle des résultats (VA) : {euros(PV)}" in text
    assert f"Investissement : {euros(INVESTMENT)}" in text
    assert f"Valeur actuelle nette (VAN) : {euros(PV - INVESTMENT)}" in text
    assert f"ratio net : {number((PV - INVESTMENT) / INVESTMENT, 2)}" in text
    payback = INVESTMENT / ((ISOLATION_IMPACT + EMERGENCY_VALUES[0]) / 12)
    assert f"Délai de retour : {number(payback, 1)} mois" in text
    assert f"Coût par bénéficiaire : {euros(INVESTMENT / 12)} (12 bénéficiaires)" in text
    assert f"Coûts publics évités (valeur actuelle) : {euros(EMERGENCY_PV)}" in text


def test_the_computation_is_laid_out_year_by_year(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    assert _sroi(cli, folder).exit_code == 0
    text = _read(folder / "rapports" / "sroi-2025.md")
    assert (
        f"Impact = 10 × 1 000,00 € × (1 − 20 %) × (1 − 0 %) × (1 − 25 %) = "
        f"**{euros(ISOLATION_IMPACT)}**"
    ) in text
    for year, value in enumerate(EMERGENCY_VALUES, 1):
        factor = 1 / (1 + RATE) ** year
        row = f"| {year} | {euros(value)} | {number(factor, 4)} | {euros(value * factor)} |"
        assert row in text
    assert f"VA = {euros(ISOLATION_PV)} + {euros(EMERGENCY_PV)} = {euros(PV)}" in text
    # The value map row: who, the quantity and where it comes from, the proxy and its source.
    assert (
        "| Assurance maladie | Moins de passages aux urgences | 4 | Enquête de sortie | "
        "1 600,00 € (coût public évité) | Coût moyen d'un passage, 2022 | 5 ans | 0 % | 0 % | "
        "0 % | 50 % |"
    ) in text


def test_the_sensitivity_table_gives_the_ratio_at_both_ends_and_the_break_even(
    cli, money_folder
) -> None:  # noqa: ANN001
    folder = money_folder()
    assert _sroi(cli, folder).exit_code == 0
    text = _read(folder / "rapports" / "sroi-2025.md")
    # The discount rate from 1 % to 6 % (the default range), all else kept.
    ends = []
    for rate in (0.01, 0.06):
        isolation = ISOLATION_IMPACT / (1 + rate)
        emergency = sum(v / (1 + rate) ** y for y, v in enumerate(EMERGENCY_VALUES, 1))
        ends.append((isolation + emergency) / INVESTMENT)
    low, high = number(ends[0], 2), number(ends[1], 2)
    row = f"| taux d'actualisation | 3,5 % | 1 % à 6 % | {low} | {high} |"
    assert row in text
    # The emergency proxy's break-even: the proxy for which PV equals the investment.
    per_euro = EMERGENCY_PV / 1600
    break_even = (INVESTMENT - ISOLATION_PV) / per_euro
    assert (
        "| proxy — Moins de passages aux urgences | 1 600,00 € | 1 120,00 € à 2 080,00 € |" in text
    )
    assert f"| {euros(break_even)} |" in text
    assert "5e centile" in text
    assert "graine 2012" in text
    assert "l'utilité sociale ne se réduit pas à l'argent" in text


def test_the_evidence_is_shown_beside_the_caveat(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    (folder / "mesures" / "2025" / "lou.yaml").write_text(
        _read(folder / "mesures" / "2025" / "lou.yaml")
        + "faits_marquants:\n  - {titre: Repas partagé, récit: Trente voisins réunis., "
        "période: 2025, auteur: lou, date: 2025-06-01}\n",
        encoding="utf-8",
    )
    assert _sroi(cli, folder, "html").exit_code == 0
    page = _read(folder / "rapports" / "sroi-2025.html")
    caveat = page.index("Ce qu'un ratio ne dit pas")
    assert page.index("Repas partagé") > caveat


def test_an_outcome_without_values_refuses_the_report_with_its_location(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder(values={"nb_personnes_accompagnees": 12, "heures_benevolat": 120})
    result = _sroi(cli, folder)
    assert result.exit_code == 1
    line = VALUE_MAP.splitlines().index("    indicateur: nb_personnes_moins_isolees") + 1
    assert f"valeur-sociale.yaml:{line}:" in result.stderr
    assert "« nb_personnes_moins_isolees » n'a aucune valeur pour année 2025" in result.stderr
    assert not (folder / "rapports").exists()


def test_an_incomplete_budget_refuses_the_report(cli, money_folder) -> None:  # noqa: ANN001
    budget = BUDGET.replace('réalisé: "2 450,40"}', "}").replace(
        "{compte: 62, prévu: 500, réalisé: 700}", "{compte: 62, prévu: 500}"
    )
    folder = money_folder(budget=budget)
    result = _sroi(cli, folder)
    assert result.exit_code == 1, result.stderr
    assert "le réalisé du budget « accueil » n'est pas encore complet" in result.stderr
    assert not (folder / "rapports").exists()


def test_the_funder_report_gains_a_social_value_section(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    out = folder / "rapports"
    assert cli("-C", str(folder), "report", "-t", "financeur", "-f", "md").exit_code == 0
    text = _read(out / "financeur-2025.md")
    assert "## Valeur sociale" in text
    assert f"estimée à **{euros(PV)}**" in text
    assert f"investissement de {euros(INVESTMENT)}" in text
    assert f"**{number(PV / INVESTMENT, 2)} : 1**" in text
    assert "[l'analyse complète](sroi-2025.md)" in text
    assert "ne se réduit pas à l'argent" in text


def test_no_social_value_section_without_a_value_map(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder(value_map=None)
    assert cli("-C", str(folder), "report", "-t", "financeur", "-f", "md").exit_code == 0
    assert "Valeur sociale" not in _read(folder / "rapports" / "financeur-2025.md")


def test_without_a_value_map_the_sroi_report_says_how_to_make_one(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder(value_map=None)
    result = _sroi(cli, folder)
    assert result.exit_code == 1
    assert "pas de carte de la valeur sociale" in result.stderr
    assert "docs/argent.md" in result.stderr
    assert not (folder / "rapports").exists()
