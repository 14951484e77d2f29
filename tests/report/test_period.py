"""The report's time span and date: chosen from the data, never from the future."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from utilsoc.errors import ExitCode

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


def test_without_values_a_report_asks_for_its_period_but_the_referentiel_does_not(
    cli, example
) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "report", "-t", "bilan", "-f", "md")
    assert result.exit_code == ExitCode.USAGE
    assert "indiquez la période du rapport avec --period" in result.stderr
    method = cli("-C", str(folder), "report", "-t", "referentiel", "-f", "md")
    assert method.exit_code == 0, method.stderr
    assert f"rapports/referentiel-{dt.date.today().year}.md" in method.stdout


def test_a_period_that_does_not_parse_is_a_usage_error(cli, example) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "report", "-t", "bilan", "-p", "2026-T5")
    assert result.exit_code == ExitCode.USAGE
    assert "2026-T5" in result.stderr
