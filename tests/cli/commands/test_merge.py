"""`utilsoc merge`: what the contributors' files add up to, and the one file it can write."""

from __future__ import annotations

from pathlib import Path

from utilsoc.yamlio.reader import read_yaml

CODE = "nb_personnes_accompagnees"


def test_the_summary_counts_files_records_values_replacements_and_conflicts(cli, example) -> None:
    folder = example("vide")
    base = ("-C", str(folder), "record", CODE)
    assert cli(*base, "40", "-p", "2025", "-a", "marie", "--date", "2025-06-01").exit_code == 0
    assert cli(*base, "12", "-p", "2026", "-a", "marie").exit_code == 0
    fixed = cli(*base, "13", "-p", "2026", "-a", "lea", "--replace", "--motif", "erreur")
    assert fixed.exit_code == 0, fixed.stderr
    result = cli("-C", str(folder), "merge")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "3 fichiers, 3 enregistrements : 2 valeurs en vigueur, 1 remplacée, 0 conflit"
    ]


def test_the_written_file_holds_the_values_in_force_sorted(cli, example) -> None:
    folder = example("vide")
    for period, value, author in (("2026", "12", "marie"), ("2025", "40", "lea")):
        args = ("-C", str(folder), "record", "-a", author, CODE, value, "-p", period)
        assert cli(*args).exit_code == 0
    result = cli("-C", str(folder), "merge", "-o", "consolide.yaml")
    assert result.exit_code == 0, result.stderr
    # -o is taken from the folder given by -C, and shown from where the command runs.
    assert result.stdout.splitlines()[-1] == f"écrit : {Path('asso', 'consolide.yaml')}"
    document = read_yaml(folder / "consolide.yaml", "consolide.yaml")
    assert [(v["période"], v["valeur"]) for v in document.data["valeurs"]] == [
        ("2025", "40"),
        ("2026", "12"),
    ]
