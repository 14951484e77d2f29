"""`make_report`: the whole report from the command line's request, written once."""

from __future__ import annotations

CODE = "nb_personnes_accompagnees"


def test_a_funder_report_over_two_years_shows_each_year_and_the_convention(cli, example) -> None:
    folder = example("vide")
    cadre = folder / "cadres-logiques" / "financeur.yaml"
    cadre.write_text(
        cadre.read_text("utf-8").replace("période: 2026\n", "période: 2025-01-01..2026-12-31\n"),
        encoding="utf-8",
    )
    referentiel = folder / "referentiel.yaml"
    referentiel.write_text(
        referentiel.read_text("utf-8").replace(
            "              - période: 2026\n",
            "              - période: 2025\n                valeur: 40\n"
            "              - période: 2026\n",
        ),
        encoding="utf-8",
    )
    for value, year in (("32", "2025"), ("45", "2026")):
        recorded = cli("-C", str(folder), "record", "-a", "m", CODE, value, "-p", year)
        assert recorded.exit_code == 0, recorded.stderr
    out = folder / "f.md"
    assert (
        cli("-C", str(folder), "report", "-t", "financeur", "-f", "md", "-o", str(out)).exit_code
        == 0
    )
    lines = out.read_text("utf-8").splitlines()
    assert "| Indicateur | Référence | 2025 | 2026 | Convention | Commentaire |" in lines
    row = next(line for line in lines if line.startswith("| Nombre de personnes"))
    cells = [cell.strip() for cell in row.split("|")[3:6]]
    assert cells == [
        "32 personnes (cible 40 personnes), en retard",
        "45 personnes (cible 50 personnes), en retard",
        "77 personnes (cible 90 personnes), en retard",
    ]
    page = folder / "f.html"
    assert cli("-C", str(folder), "report", "-t", "financeur", "-o", str(page)).exit_code == 0
    assert '<th scope="col">2025</th><th scope="col">2026</th>' in page.read_text("utf-8").replace(
        "\n", ""
    )
