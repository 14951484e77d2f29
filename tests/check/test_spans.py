"""A value recorded over finer ones: a warning in validate, status and the reports."""

from __future__ import annotations

import json
from pathlib import Path

HOURS = (
    "          - code: heures\n            libellé: Heures d'accompagnement\n"
    "            type: nombre\n            fréquence: trimestrielle\n"
    "            méthode: registre\n"
    "            cibles:\n              - {période: 2024, valeur: 4000}\n"
)


def _folder(cli, example) -> Path:
    folder = example("vide", HOURS)
    cadre = folder / "cadres-logiques" / "financeur.yaml"
    text = cadre.read_text(encoding="utf-8")
    cadre.write_text(text.replace("[nb_personnes_accompagnees]", "[heures]"), encoding="utf-8")
    for value, period in (("900", "2024-T1"), ("1000", "2024-T2"), ("980", "2024-T3")):
        assert (
            cli("-C", str(folder), "record", "-a", "m", "heures", value, "-p", period).exit_code
            == 0
        )
    assert (
        cli("-C", str(folder), "record", "-a", "m", "heures", "1100", "-p", "2024-T4").exit_code
        == 0
    )
    result = cli("-C", str(folder), "record", "-a", "m", "heures", "780", "-p", "2024")
    assert result.exit_code == 0, result.stderr
    return folder


def test_validate_status_and_report_warn_of_a_year_over_its_quarters(cli, example) -> None:
    folder = _folder(cli, example)
    validate = cli("-C", str(folder), "validate")
    assert validate.exit_code == 0, validate.stdout + validate.stderr
    said = validate.stdout + validate.stderr
    assert "mesures/2024/m.yaml:4:5: avertissement:" in said
    assert "[periode-englobante]" in said
    assert (
        "la valeur de 2024 (780) recouvre 4 trimestres enregistrés, qui donnent 3\u202f980" in said
    )
    status = json.loads(cli("-C", str(folder), "status", "-p", "2024", "-f", "json").stdout)
    item = status["domaines"][0]["critères"][0]["indicateurs"][-1]
    assert item["valeur_jugée"] == 3980  # the quarters, not the 780
    assert any("recouvre 4 trimestres" in w for w in item["avertissements"])
    for template in ("financeur", "bilan"):
        out = folder / f"{template}.md"
        args = ("report", "-t", template, "-p", "2024", "-f", "md", "-o", str(out))
        assert cli("-C", str(folder), *args).exit_code == 0
        row = next(line for line in out.read_text("utf-8").splitlines() if "| Heures" in line)
        assert "3\u202f980" in row
        assert "la valeur de 2024 (780) recouvre 4 trimestres" in row


def test_a_target_far_from_the_logframe_or_the_data_is_warned_of(cli, example) -> None:
    far = HOURS.replace("{période: 2024, valeur: 4000}", "{période: 2099, valeur: 4000}")
    folder = example("vide", far)
    referentiel = folder / "referentiel.yaml"
    text = referentiel.read_text(encoding="utf-8")
    # The logframe covers 2026: its only indicator's only target, 2025, is a typo.
    referentiel.write_text(text.replace("- période: 2026\n", "- période: 2025\n"), "utf-8")
    assert (
        cli("-C", str(folder), "record", "-a", "m", "heures", "12", "-p", "2026-T1").exit_code == 0
    )
    validate = cli("-C", str(folder), "validate")
    said = validate.stdout + validate.stderr
    warnings = [line for line in said.splitlines() if "[cible-hors-periode]" in line]
    assert len(warnings) == 2, said
    assert "la cible de 2025 de « nb_personnes_accompagnees » est hors de la période du " in said
    assert "financeur (année 2026)" in said
    assert "la cible de 2099 de « heures » est à plus de 10 ans des valeurs enregistrées" in said
    assert all(": avertissement: " in line for line in warnings)
