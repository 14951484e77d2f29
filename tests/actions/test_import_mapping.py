"""A mistake of the mapping is said once, at the mapping file's line, through `import`."""

from __future__ import annotations

from pathlib import Path

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"
ATELIERS = """\
          - code: nb_ateliers
            libellé: Ateliers
            type: nombre
            dimensions: [sexe]
          - code: nb_benevoles
            libellé: Bénévoles
            type: nombre
"""
WIDE = """\
auteur: tableur
colonnes:
  période: Année
dimensions:
  sexe: Sexe
indicateurs:
  nb_personnes_accompagnees: Personnes
  nb_ateliers: Ateliers
"""
TABLE = "Année;Sexe;Personnes;Ateliers;Bénévoles\n2024;F;3;1;2\n2024;H;4;2;1\n"


def _import(cli, example, monkeypatch, mapping: str, table: str = TABLE) -> list[str]:
    folder: Path = example("vide", ATELIERS)
    (folder / "map.yaml").write_text(mapping, encoding="utf-8")
    (folder / "a.csv").write_text(table, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = cli("import", "a.csv", "-m", "map.yaml")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES, result.stderr
    assert not (folder / "mesures").exists()
    return result.stderr.splitlines()


def test_a_misspelt_indicator_code_is_said_once_at_its_mapping_line(cli, example, monkeypatch):
    lines = _import(cli, example, monkeypatch, WIDE.replace("nb_ateliers:", "nb_atelier:"))
    assert lines == [
        "map.yaml:8:3: erreur: indicateur « nb_atelier » inconnu du référentiel — vouliez-vous "
        "dire « nb_ateliers » ? [correspondance-invalide]"
    ]


def test_an_undeclared_dimension_is_said_once_at_its_mapping_line(cli, example, monkeypatch):
    lines = _import(cli, example, monkeypatch, WIDE.replace("  sexe: Sexe", "  sex: Sexe"))
    assert lines == [
        "map.yaml:5:3: erreur: dimension « sex » inconnue du référentiel — vouliez-vous dire "
        "« sexe » ? (dimensions du référentiel : sexe) [correspondance-invalide]"
    ]


def test_a_dimension_one_indicator_of_a_wide_table_lacks_is_the_mapping(cli, example, monkeypatch):
    mapping = WIDE + "  nb_benevoles: Bénévoles\n"
    lines = _import(cli, example, monkeypatch, mapping)
    assert lines == [
        "map.yaml:5:3: erreur: « nb_benevoles » n'est pas ventilé par « sexe » — dimensions de "
        "cet indicateur : aucune [correspondance-invalide]"
    ]


def test_a_period_the_mapping_fixes_is_judged_at_its_line(cli, example, monkeypatch) -> None:
    mapping = WIDE.replace("colonnes:\n  période: Année\n", "période: 2024-T1\n")
    lines = _import(cli, example, monkeypatch, mapping)
    assert lines == [
        "map.yaml:2:1: erreur: 1er trimestre 2024 ne correspond pas à la fréquence annuelle de "
        "« nb_personnes_accompagnees » — indiquez une période de cette fréquence, par exemple "
        "2024 [correspondance-invalide]",
        "map.yaml:2:1: erreur: 1er trimestre 2024 ne correspond pas à la fréquence annuelle de "
        "« nb_ateliers » — indiquez une période de cette fréquence, par exemple 2024 "
        "[correspondance-invalide]",
    ]


def test_a_mapping_without_any_period_says_where_to_give_it(cli, example, monkeypatch) -> None:
    mapping = WIDE.replace("colonnes:\n  période: Année\n", "colonnes: {}\n")
    lines = _import(cli, example, monkeypatch, mapping)
    assert lines == [
        "map.yaml:2:1: erreur: période manquante : la correspondance ne donne ni la colonne de "
        "la période (sous « colonnes ») ni « période: » — ajoutez « période: 2026 » à la "
        "correspondance (la période de toutes les lignes), ou « période: Nom de la colonne » "
        "sous « colonnes » [correspondance-invalide]"
    ]


def test_a_column_missing_from_the_table_is_pointed_at_in_the_mapping(cli, example, monkeypatch):
    mapping = WIDE.replace("nb_ateliers: Ateliers", "nb_ateliers: Atelier")
    lines = _import(cli, example, monkeypatch, mapping)
    assert lines == [
        "map.yaml:8:16: erreur: colonne « Atelier » introuvable dans a.csv — colonnes du "
        "fichier : Année, Sexe, Personnes, Ateliers, Bénévoles [colonne-manquante]"
    ]


def test_a_cell_mistake_stays_at_its_cell(cli, example, monkeypatch) -> None:
    """In a long table, a dimension cell filled for an indicator without it is the row's."""
    mapping = (
        "auteur: t\ncolonnes:\n  indicateur: Ind\n  période: Année\n  valeur: V\n"
        "dimensions:\n  sexe: Sexe\n"
    )
    table = f"Ind;Année;Sexe;V\n{CODE};2024;F;3\nnb_benevoles;2024;F;2\n"
    lines = _import(cli, example, monkeypatch, mapping, table)
    assert lines == [
        "a.csv:3:3: erreur: « nb_benevoles » n'est pas ventilé par « sexe » — dimensions de "
        "cet indicateur : aucune [ligne-invalide]"
    ]


def test_a_questionnaire_mapping_s_codes_are_judged_at_their_lines(cli, example, monkeypatch):
    score = (
        "          - code: confiance\n            libellé: Confiance\n            type: score\n"
        "            échelle: {min: 1, max: 5}\n            méthode: questionnaire\n"
    )
    folder: Path = example("vide", ATELIERS, score)
    mapping = (
        "type: questionnaire\nauteur: Q\npériode: 2024\ncolonnes:\n  participant: Code\n"
        "  moment: Moment\nindicateurs:\n  confianse: Q1\n  nb_ateliers: Q2\n"
    )
    (folder / "map.yaml").write_text(mapping, encoding="utf-8")
    table = "Code;Moment;Q1;Q2\nP1;entrée;2;3\nP2;sortie;3;4\n"
    (folder / "a.csv").write_text(table, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = cli("import", "a.csv", "-m", "map.yaml")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert result.stderr.splitlines() == [
        "map.yaml:8:3: erreur: indicateur « confianse » inconnu — vouliez-vous dire « confiance » "
        "? (un questionnaire renseigne un indicateur de type score) [correspondance-invalide]",
        "map.yaml:9:3: erreur: « nb_ateliers » n'est pas un score — un questionnaire "
        "d'entrée/sortie renseigne un indicateur de type score [correspondance-invalide]",
    ]


def test_a_filter_column_absent_from_the_table_is_said_at_its_line(cli, example, monkeypatch):
    lines = _import(
        cli,
        example,
        monkeypatch,
        WIDE + "filtre:\n  colonne: Statut\n  valeurs: [validé]\n",
    )
    assert lines[0].startswith("map.yaml:10:12: erreur: colonne « Statut » introuvable")


def test_a_filter_of_a_list_is_said_at_its_own_line(cli, example, monkeypatch) -> None:
    listed = WIDE + "filtre:\n  - colonne: Sexe\n    valeurs: [F]\n  - colonne: État\n"
    lines = _import(cli, example, monkeypatch, listed + "    valeurs: [ok]\n")
    assert lines[0].startswith("map.yaml:12:14: erreur: colonne « État » introuvable")


def test_only_the_rows_every_filter_keeps_are_imported(cli, example, monkeypatch) -> None:
    folder: Path = example("vide", ATELIERS)
    filters = (
        "filtre:\n  - {colonne: Sexe, valeurs: [F, autre]}\n"
        "  - {colonne: Ateliers, valeurs: ['1']}\n"
    )
    (folder / "map.yaml").write_text(WIDE + filters, encoding="utf-8")
    table = TABLE + "2024;autre;5;3;1\n"
    (folder / "a.csv").write_text(table, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = cli("import", "a.csv", "-m", "map.yaml")
    assert result.exit_code == 0, result.stderr
    assert "2 lignes écartées par le filtre" in result.stdout
    text = (folder / "mesures" / "2024" / "tableur.yaml").read_text(encoding="utf-8")
    assert "sexe: F" in text
    assert "sexe: H" not in text
    assert "autre" not in text
