"""The XLSForm of a questionnaire: valid for pyxform, and its export imported with its mapping."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from utilsoc.errors import ExitCode

SCORES = """\
          - code: confiance
            libellé: Confiance en soi
            type: score
            fréquence: annuelle
            méthode: questionnaire
            échelle: {min: 1, max: 5, libellé_min: Pas du tout, libellé_max: Tout à fait}
          - code: gain_confiance
            libellé: Gain moyen de confiance
            type: score
            fréquence: annuelle
            calcul: {questionnaire: confiance, mesure: gain_moyen}
"""
KOBO_HEADER = (
    "participant;moment;confiance;today;_id;_uuid;_submission_time;_validation_status;_index"
)


@pytest.fixture
def form(cli, example) -> Path:
    folder = example("vide", SCORES)
    result = cli("-C", str(folder), "formulaire", "confiance", "-o", "confiance.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "calculés à partir des réponses : gain_confiance" in result.stdout
    return folder


def test_the_form_has_the_questions_choices_and_settings_pyxform_expects(form) -> None:
    pyxform = pytest.importorskip("pyxform.xls2xform")
    book = openpyxl.load_workbook(form / "confiance.xlsx")
    survey = [[c.value for c in row] for row in book["survey"].iter_rows()]
    assert survey[0][:3] == ["type", "name", "label::French (fr)"]
    assert [row[:2] for row in survey[1:]] == [
        ["text", "participant"],
        ["select_one moment", "moment"],
        ["integer", "confiance"],
        ["today", "today"],
    ]
    assert survey[3][5] == ". >= 1 and . <= 5"
    assert "Pas du tout" in survey[3][3]
    settings = [[c.value for c in row] for row in book["settings"].iter_rows()]
    assert dict(zip(*settings, strict=True))["default_language"] == "French (fr)"
    warnings: list[str] = []
    result = pyxform.convert(xlsform=str(form / "confiance.xlsx"), warnings=warnings)
    assert warnings == []
    assert "regex(., '^[A-Za-z0-9_-]+$')" in result.xform
    assert 'id="confiance"' in result.xform
    if shutil.which("java"):  # ODK Validate, bundled with pyxform, runs on Java
        pyxform.convert(xlsform=str(form / "confiance.xlsx"), validate=True)


def _export(path: Path, lines: list[str], header: str = KOBO_HEADER) -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_a_kobo_export_imports_with_the_mapping_written_beside(cli, form, tmp_path) -> None:
    export = _export(
        tmp_path / "kobo.csv",
        [
            "P01;entree;2;2025-01-15;1;u1;2025-01-15T10:00:00;validation_status_approved;1",
            "P01;sortie;4;2025-06-20;2;u2;2025-06-20T10:00:00;validation_status_approved;2",
        ],
    )
    mapping = form / "correspondances" / "confiance.yaml"
    result = cli("-C", str(form), "import", str(export), "-m", str(mapping))
    assert result.exit_code == 0, result.stderr
    assert "2 enregistrements importés" in result.stdout
    recorded = (form / "mesures" / "2025").glob("*.questionnaires.yaml")
    text = "".join(p.read_text(encoding="utf-8") for p in recorded)
    assert "participant: P01" in text
    assert cli("-C", str(form), "validate").exit_code == 0


def test_a_renamed_question_is_said_at_the_mapping_line_naming_the_column(
    cli, form, tmp_path
) -> None:
    export = _export(
        tmp_path / "kobo.csv",
        ["P01;entree;2;2025-01-15;1;u1;2025-01-15T10:00:00;;1"],
        KOBO_HEADER.replace("confiance;", "confiance_en_soi;"),
    )
    mapping = form / "correspondances" / "confiance.yaml"
    result = cli("-C", str(form), "import", str(export), "-m", str(mapping))
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "colonne « confiance » introuvable" in result.stderr
    assert "confiance_en_soi" in result.stderr  # the export's columns, in the hint
    assert not (form / "mesures").exists()


def test_a_mapping_changed_by_hand_is_never_overwritten(cli, form) -> None:
    mapping = form / "correspondances" / "confiance.yaml"
    mapping.write_text(mapping.read_text(encoding="utf-8") + "# à moi\n", encoding="utf-8")
    result = cli("-C", str(form), "formulaire", "confiance", "-o", "confiance.xlsx")
    assert result.exit_code == ExitCode.USAGE
    assert "existe déjà, avec un autre contenu" in result.stderr
    assert mapping.read_text(encoding="utf-8").endswith("# à moi\n")


def test_only_a_score_with_a_scale_makes_a_form(cli, form) -> None:
    for code, said in (
        ("gain_confiance", "n'est pas un score avec une échelle"),
        ("confianse", "vouliez-vous dire « confiance »"),
    ):
        result = cli("-C", str(form), "formulaire", code, "-o", "q.xlsx")
        assert result.exit_code == ExitCode.USAGE
        assert said in result.stderr
        assert not (form / "q.xlsx").exists()


def test_the_filter_left_commented_keeps_only_approved_submissions(cli, form, tmp_path) -> None:
    mapping = form / "correspondances" / "confiance.yaml"
    text = mapping.read_text(encoding="utf-8")
    mapping.write_text(text.replace("# filtre:", "filtre:"), encoding="utf-8")
    export = _export(
        tmp_path / "kobo.csv",
        [
            "P01;entree;2;2025-01-15;1;u1;2025-01-15T10:00:00;validation_status_approved;1",
            "P02;entree;3;2025-01-15;2;u2;2025-01-15T10:00:00;;2",
            "P03;entree;1;2025-01-15;3;u3;2025-01-15T10:00:00;validation_status_not_approved;3",
        ],
    )
    result = cli("-C", str(form), "import", str(export), "-m", str(mapping))
    assert result.exit_code == 0, result.stderr
    assert "2 lignes écartées par le filtre" in result.stdout
    assert "1 enregistrement importé" in result.stdout
