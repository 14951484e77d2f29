"""Spreadsheets in and out, with every bad row located and nothing half-written."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"
MAPPING = """\
auteur: import-tableur
colonnes:
  indicateur: Indicateur
  periode: Période
  valeur: Valeur
dimensions:
  sexe: Sexe
"""
SCORE = """\
          - code: confiance
            libellé: Confiance en soi
            type: score
            échelle: {min: 1, max: 5}
            méthode: questionnaire
"""


def _setup(example, tmp_path: Path, mapping: str = MAPPING) -> Path:
    folder = example("vide")
    (tmp_path / "map.yaml").write_text(mapping, encoding="utf-8")
    return folder


def _mesures(folder: Path) -> dict[Path, bytes]:
    base = folder / "mesures"
    return {p: p.read_bytes() for p in base.rglob("*.yaml")} if base.exists() else {}


def test_csv_with_semicolons_bom_crlf_and_french_decimals(cli, example, tmp_path) -> None:
    folder = _setup(
        example,
        tmp_path,
        MAPPING.replace("  valeur: Valeur\n", "  valeur: Valeur\n  note: Remarque\n"),
    )
    (tmp_path / "a.csv").write_bytes(
        "\ufeffIndicateur;Période;Sexe;Valeur;Remarque\r\n"
        f"{CODE};2024;F;3,5;atelier d'été\r\n{CODE};2024;H;4;\r\n".encode()
    )
    dry = cli(
        "-C",
        str(folder),
        "import",
        str(tmp_path / "a.csv"),
        "-m",
        str(tmp_path / "map.yaml"),
        "--dry-run",
    )
    assert dry.exit_code == 0, dry.stderr
    assert "2 enregistrements seraient écrits" in dry.stdout
    assert _mesures(folder) == {}
    done = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert done.exit_code == 0, done.stderr
    text = (folder / "mesures" / "2024" / "import-tableur.yaml").read_text(encoding="utf-8")
    assert 'valeur: 3.5, dimensions: {sexe: F}, note: "atelier d\'été"' in text
    again = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert "2 valeurs déjà enregistrées, ignorées" in again.stdout
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_comma_separated_csv(cli, example, tmp_path) -> None:
    folder = _setup(example, tmp_path)
    (tmp_path / "a.csv").write_text(
        f'Indicateur,Période,Sexe,Valeur\n{CODE},2024,F,"3,5"\n', encoding="utf-8"
    )
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert result.exit_code == 0, result.stderr


def test_any_bad_row_means_nothing_is_written(cli, example, tmp_path) -> None:
    folder = _setup(example, tmp_path)
    (tmp_path / "a.csv").write_text(
        f"Indicateur;Période;Sexe;Valeur\n{CODE};2024;F;3\n{CODE};2024;X;4\n"
        f"{CODE};2024-T2;H;4\nnb_personne;2024;F;1\n{CODE};2024;H;trois\n",
        encoding="utf-8",
    )
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    lines = result.stderr.splitlines()
    assert any(line.startswith("a.csv:3:3: erreur: « X » n'est pas une valeur") for line in lines)
    assert any(line.startswith("a.csv:4:2: erreur: 2e trimestre 2024") for line in lines)
    assert any(
        line.startswith("a.csv:5:1: erreur: indicateur « nb_personne » inconnu") for line in lines
    )
    assert any(line.startswith("a.csv:6:4: erreur: nombre attendu") for line in lines)
    assert _mesures(folder) == {}


def test_a_rate_term_that_is_not_a_number_is_located(cli, example, tmp_path) -> None:
    """It used to stop the import with an internal error."""
    mapping = MAPPING + "  numérateur: Réussis\n  dénominateur: Inscrits\n"
    folder = _setup(example, tmp_path, mapping.replace("dimensions:\n  sexe: Sexe\n", ""))
    (tmp_path / "a.csv").write_text(
        f"Indicateur;Période;Valeur;Réussis;Inscrits\n{CODE};2024;;beaucoup;1O\n",
        encoding="utf-8",
    )
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "a.csv:2:4: erreur: nombre attendu, « beaucoup » lu — vérifiez la cellule [ligne-invalide]",
        "a.csv:2:5: erreur: nombre attendu, « 1O » lu — vérifiez la cellule [ligne-invalide]",
    ]
    assert _mesures(folder) == {}


def test_damaged_utf8_csv_and_missing_column_are_refused(cli, example, tmp_path) -> None:
    folder = _setup(example, tmp_path)
    (tmp_path / "a.csv").write_bytes(
        f"Indicateur;Période;Sexe;Valeur\n{CODE};2024;F;2\n".encode() + b"x;\xe9t\xe9\n"
    )
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert "a.csv:3:3: erreur: le fichier n'est pas encodé en UTF-8 (octet 0xE9)" in result.stderr
    (tmp_path / "b.csv").write_text(f"Indicateur;Sexe;Valeur\n{CODE};F;2\n", encoding="utf-8")
    missing = cli(
        "-C", str(folder), "import", str(tmp_path / "b.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert missing.exit_code == ExitCode.DONNEES_INVALIDES
    assert missing.stderr == (
        "map.yaml:4:12: erreur: colonne « Période » introuvable dans b.csv — colonnes du "
        "fichier : Indicateur, Sexe, Valeur [colonne-manquante]\n"
    )
    assert _mesures(folder) == {}


def test_xlsx_with_a_formula_is_refused(cli, example, tmp_path) -> None:
    folder = _setup(example, tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Indicateur", "Période", "Sexe", "Valeur"])
    sheet.append([CODE, 2024, "F", 3])
    sheet.append([CODE, 2024, "H", "=B2*2"])
    book.save(tmp_path / "a.xlsx")
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "a.xlsx"), "-m", str(tmp_path / "map.yaml")
    )
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "a.xlsx:3:4: erreur: formule dans la cellule D3" in result.stderr
    sheet["D3"] = 5
    book.save(tmp_path / "a.xlsx")
    ok = cli(
        "-C", str(folder), "import", str(tmp_path / "a.xlsx"), "-m", str(tmp_path / "map.yaml")
    )
    assert ok.exit_code == 0, ok.stderr


def test_a_misspelt_mapping_key_is_located_not_ignored(cli, example, tmp_path) -> None:
    folder = _setup(example, tmp_path, MAPPING.replace("  valeur: Valeur", "  valuer: Valeur"))
    (tmp_path / "a.csv").write_text(f"Indicateur;Période;Sexe;Valeur\n{CODE};2024;F;2\n")
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert result.stderr.startswith(
        "map.yaml:5:3: erreur: clé de « colonnes » : valeur non reconnue (valeur lue : "
        "« valuer ») — vouliez-vous dire « valeur » ?"
    )
    assert "Traceback" not in result.stderr
    assert _mesures(folder) == {}


def test_repeated_and_already_recorded_values_are_located_on_their_row(
    cli, example, tmp_path
) -> None:
    folder = _setup(example, tmp_path)
    assert (
        cli(
            "-C", str(folder), "record", "-a", "m", CODE, "3", "-p", "2024", "--dim", "sexe=F"
        ).exit_code
        == 0
    )
    before = _mesures(folder)
    (tmp_path / "a.csv").write_text(
        f"Indicateur;Période;Sexe;Valeur\n{CODE};2024;H;1\n{CODE};2024;H;2\n",
        encoding="utf-8",
    )
    args = ("-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml"))
    repeated = cli(*args)
    assert repeated.exit_code == ExitCode.DONNEES_INVALIDES
    assert repeated.stderr.startswith(
        f"a.csv:3:1: erreur: {CODE} 2024, sexe=H : déjà à la ligne 2 — gardez une seule"
    )
    (tmp_path / "a.csv").write_text(
        f"Indicateur;Période;Sexe;Valeur\n{CODE};2024;H;1\n{CODE};2024;F;4\n",
        encoding="utf-8",
    )
    existing = cli(*args)
    assert existing.exit_code == ExitCode.DONNEES_INVALIDES
    assert existing.stderr.startswith(
        f"a.csv:3:1: erreur: {CODE} 2024, sexe=F : 3 déjà enregistré par m le "
    )
    assert "[valeur-existante]" in existing.stderr
    assert _mesures(folder) == before


def test_csv_dates_in_the_period_column_become_the_indicator_periods(
    cli, example, tmp_path
) -> None:
    folder = _setup(example, tmp_path)
    (tmp_path / "a.csv").write_text(
        f"Indicateur;Période;Sexe;Valeur\n{CODE};2024-11-05;F;1\n{CODE};05/11/2025;H;2\n",
        encoding="utf-8",
    )
    args = ("-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml"))
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert "période: 2024," in (folder / "mesures" / "2024" / "import-tableur.yaml").read_text(
        encoding="utf-8"
    )
    assert (folder / "mesures" / "2025" / "import-tableur.yaml").exists()  # annual indicator
    (tmp_path / "a.csv").write_text(
        f"Indicateur;Période;Sexe;Valeur\n{CODE};2024-02-30;F;1\n", encoding="utf-8"
    )
    assert "a.csv:2:2: erreur: période « 2024-02-30 »" in cli(*args).stderr


def test_survey_export_imports_questionnaire_answers(cli, example, tmp_path) -> None:
    folder = example("vide", SCORE)
    (tmp_path / "map.yaml").write_text(
        "type: Questionnaire\nauteur: kobo\npériode: 2025\ncolonnes:\n  participant: Code\n"
        "  moment: Moment\nindicateurs:\n  confiance: Q1 confiance\n",
        encoding="utf-8",
    )
    (tmp_path / "kobo.csv").write_text(
        "Code,Moment,Q1 confiance\nP1,entrée,2\nP1,sortie,4\nP2,entrée,3\n", encoding="utf-8"
    )
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "kobo.csv"), "-m", str(tmp_path / "map.yaml")
    )
    assert result.exit_code == 0, result.stderr
    text = (folder / "mesures" / "2025" / "kobo.questionnaires.yaml").read_text(encoding="utf-8")
    assert text.count("participant: P") == 3
    assert cli("-C", str(folder), "validate").exit_code == 0


def test_reimporting_a_survey_adds_nothing(cli, example, tmp_path) -> None:
    folder = example("vide", SCORE)
    (tmp_path / "map.yaml").write_text(
        "type: Questionnaire\nauteur: kobo\npériode: 2025\ncolonnes:\n  participant: Code\n"
        "  moment: Moment\nindicateurs:\n  confiance: Q1\n",
        encoding="utf-8",
    )
    (tmp_path / "kobo.csv").write_text(
        "Code,Moment,Q1\nP1,entrée,2\nP1,sortie,4\n", encoding="utf-8"
    )
    args = [
        "-C",
        str(folder),
        "import",
        str(tmp_path / "kobo.csv"),
        "-m",
        str(tmp_path / "map.yaml"),
    ]
    assert cli(*args).exit_code == 0
    again = cli(*args)
    assert "2 valeurs déjà enregistrées, ignorées" in again.stdout
    text = (folder / "mesures" / "2025" / "kobo.questionnaires.yaml").read_text(encoding="utf-8")
    assert text.count("participant: P1") == 2


RATE = """\
          - code: taux_retour
            libellé: Taux de retour à l'emploi
            type: taux
            méthode: registre
"""


def test_a_rate_imported_again_with_other_parts_is_a_conflict(cli, example, tmp_path) -> None:
    folder = example("vide", RATE)
    (tmp_path / "map.yaml").write_text(
        "auteur: tableur\ncolonnes:\n  indicateur: Indicateur\n  période: Période\n"
        "  numérateur: Retours\n  dénominateur: Sortants\n",
        encoding="utf-8",
    )
    args = ("-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml"))
    (tmp_path / "a.csv").write_text(
        "Indicateur;Période;Retours;Sortants\ntaux_retour;2025;12;40\n", encoding="utf-8"
    )
    first = cli(*args)
    assert first.exit_code == 0, first.stderr
    before = _mesures(folder)
    assert "déjà enregistrée" in cli(*args).stdout  # the same parts: nothing to add
    assert _mesures(folder) == before

    (tmp_path / "a.csv").write_text(
        "Indicateur;Période;Retours;Sortants\ntaux_retour;2025;15;40\n", encoding="utf-8"
    )
    changed = cli(*args)
    assert changed.exit_code == ExitCode.DONNEES_INVALIDES
    assert changed.stderr.startswith(
        "a.csv:2:1: erreur: taux_retour 2025 : 12/40 déjà enregistré par tableur le "
    )
    assert ", 15/40 dans le tableau" in changed.stderr
    assert _mesures(folder) == before


def test_survey_rows_dated_by_day_and_located_on_their_period(cli, example, tmp_path) -> None:
    folder = example("vide", SCORE)
    (tmp_path / "map.yaml").write_text(
        "type: questionnaire\nauteur: kobo\ncolonnes:\n  participant: Code\n"
        "  moment: Moment\n  période: Passé le\nindicateurs:\n  confiance: Q1\n",
        encoding="utf-8",
    )
    args = ["-C", str(folder), "import", str(tmp_path / "k.csv"), "-m", str(tmp_path / "map.yaml")]
    (tmp_path / "k.csv").write_text(
        "Code,Moment,Passé le,Q1\nP1,entrée,15/03/2025,2\nP1,sortie,2025-11-30,4\n",
        encoding="utf-8",
    )
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    text = (folder / "mesures" / "2025" / "kobo.questionnaires.yaml").read_text(encoding="utf-8")
    assert text.count("participant: P1") == 2  # the days fall in the indicator's year
    assert "date: 2025-03-15" in text  # and date the answers
    assert "date: 2025-11-30" in text

    (tmp_path / "k.csv").write_text(
        "Code,Moment,Passé le,Q1\nP2,entrée,2026-T1,3\n", encoding="utf-8"
    )
    quarter = cli(*args)
    assert quarter.exit_code == ExitCode.DONNEES_INVALIDES
    assert quarter.stderr.startswith("k.csv:2:3: erreur: 1er trimestre 2026 ne correspond pas")
    assert not (folder / "mesures" / "2026").exists()


def test_a_day_for_a_one_off_or_mixed_frequencies_asks_for_the_period(
    cli, example, tmp_path
) -> None:
    folder = example(
        "vide",
        "          - code: convention\n            libellé: Convention signée\n"
        "            type: oui_non\n            fréquence: ponctuelle\n"
        "            méthode: document\n",
    )
    (tmp_path / "map.yaml").write_text(
        "auteur: tableur\ncolonnes:\n  période: Jour\nindicateurs:\n"
        f"  convention: Signée\n  {CODE}: Personnes\n",
        encoding="utf-8",
    )
    args = ["-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml")]
    (tmp_path / "a.csv").write_text("Jour;Signée;Personnes\n2026-02-10;oui;\n", encoding="utf-8")
    one_off = cli(*args)
    assert one_off.exit_code == ExitCode.DONNEES_INVALIDES
    assert one_off.stderr.startswith(
        "a.csv:2:1: erreur: date 2026-02-10 : indiquez plutôt la période (indicateur ponctuel"
    )
    (tmp_path / "a.csv").write_text("Jour;Signée;Personnes\n2026-02-10;oui;12\n", encoding="utf-8")
    mixed = cli(*args)
    assert "(fréquences différentes : annuelle, ponctuelle)" in mixed.stderr
    (tmp_path / "a.csv").write_text("Jour;Signée;Personnes\n2026-02-10;;12\n", encoding="utf-8")
    annual = cli(*args)  # only the filled cells count
    assert annual.exit_code == 0, annual.stderr
    assert (folder / "mesures" / "2026" / "tableur.yaml").exists()
    (tmp_path / "a.csv").write_text("Jour;Signée;Personnes\n2027-02-10;;\n", encoding="utf-8")
    empty = cli(*args)  # a row with nothing to import is not asked for its period
    assert empty.exit_code == 0, empty.stderr
    assert not (folder / "mesures" / "2027").exists()


def test_survey_dates_in_french_and_errors_on_their_cell(cli, example, tmp_path) -> None:
    folder = example("vide", SCORE)
    (tmp_path / "map.yaml").write_text(
        "type: questionnaire\nauteur: kobo\npériode: 2025\ncolonnes:\n  participant: Code\n"
        "  moment: Moment\n  date: Jour\nindicateurs:\n  confiance: Q1\n",
        encoding="utf-8",
    )
    args = ["-C", str(folder), "import", str(tmp_path / "k.csv"), "-m", str(tmp_path / "map.yaml")]
    (tmp_path / "k.csv").write_text(
        "Code,Moment,Q1,Jour\nP1,entrée,2,15/03/2025\nP2,entrée,,\n", encoding="utf-8"
    )
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    text = (folder / "mesures" / "2025" / "kobo.questionnaires.yaml").read_text(encoding="utf-8")
    assert "date: 2025-03-15" in text
    assert "P2" not in text  # a row without an answer adds nothing
    (tmp_path / "k.csv").write_text(
        "Code,Moment,Q1,Jour\nP3,entrée,2,30/02/2025\n", encoding="utf-8"
    )
    bad = cli(*args)
    assert bad.exit_code == ExitCode.DONNEES_INVALIDES
    assert bad.stderr.startswith("k.csv:2:4: erreur: date")


def test_a_value_recorded_between_plan_and_write_is_checked_again(cli, example, tmp_path) -> None:
    import pytest

    from utilsoc.actions.importer import apply_plan, load_mapping, plan_import
    from utilsoc.errors import UserError
    from utilsoc.model.load import load_valid_project
    from utilsoc.project import Layout
    from utilsoc.tables.spreadsheet import read_table

    folder = _setup(example, tmp_path)

    def plan(rows: str):
        (tmp_path / "a.csv").write_text(f"Indicateur;Période;Sexe;Valeur\n{rows}", "utf-8")
        project, _ = load_valid_project(Layout(folder))
        table = read_table(tmp_path / "a.csv", "a.csv")
        return plan_import(project, table, load_mapping(tmp_path / "map.yaml", "map.yaml"))

    def bob(period: str, value: str) -> None:
        command = ["record", CODE, value, "-p", period, "--dim", "sexe=F", "-a", "bob"]
        assert cli("-C", str(folder), *command).exit_code == 0

    same = plan(f"{CODE};2024;F;3\n{CODE};2025;F;4\n")
    bob("2025", "4")  # the same value, recorded meanwhile: skipped
    apply_plan(same)
    assert (same.count, same.skipped) == (1, 1)
    assert (folder / "mesures" / "2024" / "import-tableur.yaml").exists()
    assert not (folder / "mesures" / "2025" / "import-tableur.yaml").exists()

    different = plan(f"{CODE};2026;F;8\n{CODE};2023;F;1\n")
    bob("2026", "9")  # a different value, recorded meanwhile: nothing of the import is written
    before = _mesures(folder)
    with pytest.raises(UserError, match="9 enregistré entre-temps par bob, 8 dans le tableau"):
        apply_plan(different)
    assert _mesures(folder) == before


def test_dates_read_as_periods_are_shown_and_future_rows_refused(cli, example, tmp_path) -> None:
    import datetime as dt

    folder = _setup(example, tmp_path)
    (tmp_path / "a.csv").write_text(
        f"Indicateur;Période;Sexe;Valeur\n{CODE};2024-11-05;F;1\n{CODE};20/12/2024;H;2\n"
        f"{CODE};05/01/2025;H;3\n",
        encoding="utf-8",
    )
    args = ("-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml"))
    result = cli(*args, "--dry-run")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("colonne « Période » : des dates, rangées dans la période")
    assert lines[1] == "  2024 (année 2024) : 2 lignes, du 05/11/2024 au 20/12/2024"
    assert lines[2] == "  2025 (année 2025) : 1 ligne, 05/01/2025"
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    (tmp_path / "a.csv").write_text(
        f"Indicateur;Période;Sexe;Valeur\n{CODE};2024;F;1\n{CODE};{tomorrow.year + 1};H;2\n",
        encoding="utf-8",
    )
    refused = cli(*args)
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert f"a.csv:3:2: erreur: la période {tomorrow.year + 1} n'a pas commencé" in refused.stderr
    assert _mesures(folder) == {}


def test_a_wide_table_gives_a_rate_by_its_own_two_columns(cli, example, tmp_path) -> None:
    folder = example("vide", RATE)
    (tmp_path / "map.yaml").write_text(
        "auteur: tableur\ncolonnes:\n  période: Année\nindicateurs:\n"
        f"  {CODE}: Personnes\n"
        "  taux_retour: {numérateur: En emploi, dénominateur: Sortis}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.csv").write_text(
        "Année;Personnes;En emploi;Sortis\n2025;40;12;30\n2026;41;;\n", encoding="utf-8"
    )
    args = ("-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml"))
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    lines = [
        line
        for path in sorted((folder / "mesures").rglob("*.yaml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("  - ")
    ]
    rate = [line for line in lines if "taux_retour" in line]
    assert len(rate) == 1
    assert "numérateur: 12.0, dénominateur: 30.0" in rate[0]
    assert "valeur" not in rate[0]  # no bogus value beside the terms
    counts = [line for line in lines if CODE in line]
    assert len(counts) == 2
    assert all("numérateur" not in line for line in counts)  # the terms are the rate's only
    assert cli("-C", str(folder), "validate").exit_code == 0

    (tmp_path / "a.csv").write_text(
        "Année;Personnes;En emploi;Sortis\n2024;;5;\n", encoding="utf-8"
    )
    half = cli(*args)
    assert half.exit_code == ExitCode.DONNEES_INVALIDES
    assert half.stderr.startswith("a.csv:2:4: erreur: dénominateur manquant : un taux se donne")


def test_a_wide_table_refuses_row_wide_term_columns(cli, example, tmp_path) -> None:
    folder = example("vide", RATE)
    (tmp_path / "map.yaml").write_text(
        "auteur: tableur\ncolonnes:\n  période: Année\n  numérateur: En emploi\n"
        "  dénominateur: Sortis\nindicateurs:\n  taux_retour: Taux\n",
        encoding="utf-8",
    )
    (tmp_path / "a.csv").write_text(
        "Année;Taux;En emploi;Sortis\n2025;40;12;30\n", encoding="utf-8"
    )
    args = ("-C", str(folder), "import", str(tmp_path / "a.csv"), "-m", str(tmp_path / "map.yaml"))
    result = cli(*args)
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "donnez les deux termes d'un taux sous son code" in result.stderr
    assert not (folder / "mesures").exists()


def test_a_group_column_imports_the_comparison_group_s_answers(cli, example, tmp_path) -> None:
    folder = example("vide", SCORE)
    (tmp_path / "map.yaml").write_text(
        "type: Questionnaire\nauteur: kobo\npériode: 2025\ncolonnes:\n  participant: Code\n"
        "  moment: Moment\n  groupe: Groupe\nindicateurs:\n  confiance: Q1\n",
        encoding="utf-8",
    )
    (tmp_path / "kobo.csv").write_text(
        "Code,Moment,Groupe,Q1\nP1,entrée,,2\nP1,sortie,,4\nC1,entrée,comparaison,2\n",
        encoding="utf-8",
    )
    args = ["-C", str(folder), "import", str(tmp_path / "kobo.csv")]
    result = cli(*args, "-m", str(tmp_path / "map.yaml"))
    assert result.exit_code == 0, result.stderr
    text = (folder / "mesures" / "2025" / "kobo.questionnaires.yaml").read_text(encoding="utf-8")
    assert text.count("participant: P1") == 2
    assert text.count('participant: C1, moment: "entrée", score: 2.0, auteur: kobo') == 1
    assert text.count("groupe: comparaison}") == 1
    (tmp_path / "kobo.csv").write_text("Code,Moment,Groupe,Q1\nP2,entrée,témoin,2\n", "utf-8")
    refused = cli(*args, "-m", str(tmp_path / "map.yaml"))
    assert refused.exit_code != 0
    assert refused.stderr.startswith("kobo.csv:2:3: erreur: groupe : valeur non reconnue")


def test_an_answer_putting_someone_in_both_groups_is_refused_at_its_row(
    cli, example, tmp_path
) -> None:
    folder = example("vide", SCORE)
    (tmp_path / "map.yaml").write_text(
        "type: questionnaire\nauteur: kobo\npériode: 2025\ncolonnes:\n  moment: Moment\n"
        "  participant: Code\n  groupe: Groupe\nindicateurs:\n  confiance: Q1\n",
        encoding="utf-8",
    )
    args = [
        "-C",
        str(folder),
        "import",
        str(tmp_path / "kobo.csv"),
        "-m",
        str(tmp_path / "map.yaml"),
    ]
    (tmp_path / "kobo.csv").write_text(
        "Moment,Code,Groupe,Q1\nentrée,P1,,2\nentrée,C1,comparaison,3\n", "utf-8"
    )
    assert cli(*args).exit_code == 0
    before = _mesures(folder)
    (tmp_path / "kobo.csv").write_text(
        "Moment,Code,Groupe,Q1\n"
        "entrée,P1,,2\n"  # already recorded: passed
        "entrée,P2,,2\n"
        "sortie,P2,comparaison,3\n"  # P2 answers in the action's group two rows above
        "sortie,C1,,4\n",  # C1 answered in the comparison group
        "utf-8",
    )
    refused = cli(*args)
    assert refused.exit_code == ExitCode.DONNEES_INVALIDES
    assert refused.stderr.splitlines()[:2] == [
        "kobo.csv:4:2: erreur: « P2 » répond aussi à confiance en 2025 parmi les personnes de "
        "l'action : une personne n'est pas des deux groupes — corrigez le code du participant "
        "ici ou dans ses réponses de l'action, ou retirez « groupe: comparaison » si l'action "
        "l'accompagne [participant-deux-groupes]",
        "kobo.csv:5:2: erreur: « C1 » répond déjà à confiance en 2025 dans le groupe de "
        "comparaison : une personne n'est pas des deux groupes — corrigez le code du participant "
        "ici ou dans ses réponses du groupe de comparaison, ou retirez-y « groupe: comparaison » "
        "si l'action l'accompagne [participant-deux-groupes]",
    ]
    assert _mesures(folder) == before
    assert cli("-C", str(folder), "validate").exit_code == 0
