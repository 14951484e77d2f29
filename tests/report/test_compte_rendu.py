"""The compte rendu financier through the real CLI: figures, the three parts, the budget asked.

The folder is `money_folder` (tests/report/conftest.py); each expected figure is
recomputed here from the budget's amounts, not copied from the code.
"""

from __future__ import annotations

from pathlib import Path

from tests.report.conftest import BUDGET

RATE, HOURS, PLANNED_HOURS = 11.88, 120, 100


def euros(amount: float, sign: bool = False) -> str:
    """`1234.5` → `1 234,50 €` (spaces normalised by `_read`), `+` when asked."""
    text = f"{abs(amount):,.2f}".replace(",", " ").replace(".", ",") + " €"
    if amount < 0:
        return "−" + text
    return ("+" if sign and amount > 0 else "") + text


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\u202f", " ").replace("\u00a0", " ")


def _report(cli, folder: Path, *options: str, fmt: str = "md"):  # noqa: ANN001, ANN202
    return cli("-C", str(folder), "report", "-t", "compte-rendu", "-f", fmt, *options)


def test_the_synthesis_table_shows_each_line_its_gap_and_the_totals(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    result = _report(cli, folder)
    assert result.exit_code == 0, result.stderr
    text = _read(folder / "rapports" / "compte-rendu-2025.md")
    achats = 1250.40 - 1000
    assert (
        f"| 60 — Achats | {euros(1000)} | {euros(1250.40)} | {euros(achats, True)} | "
        f"+{achats / 1000 * 100:.1f} % | expliqué (annexe) |".replace(".", ",")
    ) in text
    assert (
        "| 62 — Autres services extérieurs | 500,00 € | 700,00 € | +200,00 € | +40,0 % | " in text
    )
    assert "**écart à expliquer**" in text
    charges = 1250.40 + 8500 + 700
    volunteering = HOURS * RATE
    planned_volunteering = PLANNED_HOURS * RATE
    assert f"| **Total des charges** | {euros(10500)} | {euros(charges)} |" in text
    assert (
        f"| 86 — Personnel bénévole | {euros(planned_volunteering)} | {euros(volunteering)} |"
        in text
    )
    total = charges + volunteering
    assert f"| **Total des charges (avec 86)** | {euros(10500 + planned_volunteering)} | " in text
    assert f"| **Total des produits (avec 87)** | {euros(10500 + planned_volunteering)} | " in text
    assert f"{euros(total)} |" in text
    assert "120 heures réalisées (100 prévues), au taux de 11,88 € de l'heure" in text


def test_the_three_parts_of_the_form_are_filled_from_the_data(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    assert _report(cli, folder).exit_code == 0
    text = _read(folder / "rapports" / "compte-rendu-2025.md")
    parts = [
        "## 1. Bilan qualitatif de l'action réalisée",
        "## 2. Tableau de synthèse",
        "## 3. Annexe explicative",
    ]
    assert [text.index(p) for p in parts] == sorted(text.index(p) for p in parts)
    assert "du 1er janvier 2025 au 31 décembre 2025" in text
    # The value map names this budget: its beneficiaries' indicator counts them.
    assert "- Nombre de personnes accompagnées : 12 personnes" in text
    assert "| Nombre de personnes accompagnées |" in text  # the logframe's indicator row
    assert "- **60 — Achats** (+250,40 €) : Un atelier de plus." in text
    assert (
        "Prorata des heures salariées (12 %) (comptes : 62 — Autres services extérieurs)." in text
    )
    assert "- 87 — Bénévolat : 1 425,60 € (prévu 1 188,00 €)" in text


def test_without_a_value_map_the_beneficiaries_are_the_logframes_outputs(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder(value_map=None)
    logframe = folder / "cadres-logiques" / "financeur.yaml"
    text = logframe.read_text(encoding="utf-8")
    logframe.write_text(
        text.replace("indicateurs: [nb_personnes_accompagnees]", "indicateurs: [heures_benevolat]"),
        encoding="utf-8",
    )
    assert _report(cli, folder, fmt="html").exit_code == 0
    page = _read(folder / "rapports" / "compte-rendu-2025.html")
    assert "<li>Heures de bénévolat : 120 heures</li>" in page


def test_the_budget_is_the_one_asked_for_or_the_only_one_of_the_logframe(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder()
    second = BUDGET.replace("Accueil de jour", "Second budget")
    (folder / "budgets" / "second.yaml").write_text(second, encoding="utf-8")
    several = _report(cli, folder)
    assert several.exit_code == 2
    assert "plusieurs budgets nomment le cadre logique « financeur »" in several.stderr
    assert "accueil, second" in several.stderr
    unknown = _report(cli, folder, "--budget", "autre")
    assert unknown.exit_code == 2
    assert "budget inconnu : autre" in unknown.stderr
    assert not (folder / "rapports").exists()
    assert _report(cli, folder, "--budget", "second").exit_code == 0
    assert "# Compte rendu financier — Second budget" in _read(
        folder / "rapports" / "compte-rendu-2025.md"
    )


def test_without_a_budget_the_compte_rendu_asks_for_one(cli, money_folder) -> None:  # noqa: ANN001
    folder = money_folder(budget=None, value_map=None)
    result = _report(cli, folder)
    assert result.exit_code == 2
    assert "aucun budget ne nomme le cadre logique « financeur »" in result.stderr
    assert "budgets : aucun" in result.stderr
    assert not (folder / "rapports").exists()


def test_a_grant_gap_names_its_funder_in_the_annex(cli, example, tmp_path) -> None:
    folder = example("lien-social")
    out = tmp_path / "cr.md"
    result = cli("-C", str(folder), "report", "-t", "compte-rendu", "-f", "md", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    annex = out.read_text(encoding="utf-8").replace("\xa0", " ").split("Annexe")[-1]
    assert "- **74 — Subventions d'exploitation : Ville de Vaubréant** (" in annex
