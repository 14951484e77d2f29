"""The report's time span and date: chosen from the data, never from the future."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

SCHOOL = (
    "          - code: nb_stages\n            libellé: Stages trouvés\n"
    "            type: nombre\n            fréquence: scolaire\n"
    "            méthode: registre\n"
    "          - code: nb_ateliers\n            libellé: Ateliers menés\n"
    "            type: nombre\n            fréquence: scolaire\n"
    "            méthode: registre\n"
)


def _write_values(folder: Path, period: str, *lines: str) -> None:
    path = folder / "mesures" / period / "marie.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("valeurs:\n" + "".join(f"  - {line}\n" for line in lines), encoding="utf-8")


def test_a_school_year_report_defaults_to_the_latest_school_year_with_data(cli, example) -> None:
    folder = example("vide", SCHOOL)
    _write_values(
        folder, "2025-2026", "{indicateur: nb_stages, période: 2025-2026, valeur: 14, "
        "auteur: Marie, date: 2026-06-30}",
    )  # fmt: skip
    # A calendar year's value reaches into school year 2026-2027, which holds no data.
    _write_values(
        folder, "2026", "{indicateur: nb_personnes_accompagnees, période: 2026, valeur: 41, "
        "auteur: Marie, date: 2026-06-30}",
    )  # fmt: skip
    result = cli("-C", str(folder), "report", "-t", "bilan", "-f", "md")
    assert result.exit_code == 0, result.stderr
    assert "rapports/bilan-2025-2026.md" in result.stdout
    text = (folder / "rapports" / "bilan-2025-2026.md").read_text(encoding="utf-8")
    assert "| Stages trouvés | — | — | 14 |" in text


def test_the_report_date_comes_from_the_data_but_never_after_today(cli, example) -> None:
    folder = example("vide")
    future = dt.date.today() + dt.timedelta(days=40)
    _write_values(
        folder, "2026", "{indicateur: nb_personnes_accompagnees, période: 2026, valeur: 41, "
        f"auteur: Marie, date: {future.isoformat()}}}",
    )  # fmt: skip
    out = folder / "r.md"
    args = ("-C", str(folder), "report", "-t", "bilan", "-f", "md", "-p", "2026", "-o", str(out))
    assert cli(*args).exit_code == 0
    from utilsoc.model.periods import format_day

    text = out.read_text(encoding="utf-8")
    assert f"Rapport établi le {format_day(dt.date.today())}" in text
    assert format_day(future) not in text
    assert cli(*args, "--date", "2026-03-15", "--force").exit_code == 0
    assert "Rapport établi le 15 mars 2026" in out.read_text(encoding="utf-8")


CODE = "nb_personnes_accompagnees"
HOURS = (
    "          - code: heures\n            libellé: Heures d'accompagnement\n"
    "            type: nombre\n            fréquence: trimestrielle\n"
    "            méthode: registre\n"
    "            cibles:\n              - {période: 2026, valeur: 400}\n"
)


def test_a_quarterly_count_is_charted_as_its_running_total_against_the_yearly_target(
    cli, example
) -> None:
    import html
    import re

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
    import re

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
