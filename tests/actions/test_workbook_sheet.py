"""The entry sheet: one validated row per value, only the input cells unlocked."""

from __future__ import annotations

import openpyxl


def test_the_workbook_has_one_validated_row_per_value_and_a_locked_structure(fiche) -> None:
    book = openpyxl.load_workbook(fiche.make())
    assert book.sheetnames == ["Instructions", "Saisie", "utilsoc"]
    assert book["utilsoc"].sheet_state == "veryHidden"
    assert "Ne supprimez" in " ".join(str(c.value) for c in book["Instructions"]["A"])
    sheet = book["Saisie"]
    assert sheet.protection.sheet
    rows = fiche.rows()
    header = [c.value for c in sheet[1]]
    value = sheet.cell(rows[("confiance", None)], header.index("Valeur") + 1)
    assert value.protection.locked is False
    assert sheet.cell(value.row, 1).protection.locked is True
    rate = rows[("taux_retour", None)]
    assert sheet.cell(rate, header.index("Valeur") + 1).protection.locked is True
    assert sheet.cell(rate, header.index("Numérateur") + 1).protection.locked is False
    checks = {
        str(c.sqref): (c.type, c.formula1, c.formula2)
        for c in sheet.data_validations.dataValidation
    }
    assert any(value.coordinate in ref and v == ("decimal", "1", "5") for ref, v in checks.items())
    assert ("list", '"oui,non"', None) in checks.values()
    assert ("list", '"F,H,autre"', None) in checks.values()
    target = sheet.cell(rows[("nb_personnes_accompagnees", "F")], header.index("Cible") + 1)
    assert target.value == 50  # the next target when none covers the period


def test_recorded_values_are_shown_as_numbers_and_oui_non(fiche) -> None:
    fiche.make()
    fiche.fill(
        {
            ("nb_personnes_accompagnees", "H", "Valeur"): "7,5",
            ("charte_signee", None, "Valeur"): "non",
        }
    )
    assert fiche.run_import().exit_code == 0
    sheet = openpyxl.load_workbook(fiche.make("--force"))["Saisie"]
    rows = fiche.rows()
    assert sheet.cell(rows[("nb_personnes_accompagnees", "H")], 5).value == 7.5
    assert sheet.cell(rows[("charte_signee", None)], 5).value == "non"
