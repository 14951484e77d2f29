"""`utilsoc import` and `utilsoc export` on the command line: where the table goes."""

from __future__ import annotations

from utilsoc.errors import ExitCode

CODE = "nb_personnes_accompagnees"


def test_export_prints_a_csv_without_bom_when_no_file_is_given(cli, example) -> None:
    folder = example("vide")
    assert cli("-C", str(folder), "record", "-a", "m", CODE, "3,5", "-p", "2026").exit_code == 0
    result = cli("-C", str(folder), "export")
    assert result.exit_code == 0, result.stderr
    header, row = result.stdout.splitlines()
    assert header.startswith("indicateur;libellé;période;valeur;")
    assert row.startswith(f"{CODE};Nombre de personnes accompagnées;2026;3,5;")


def test_xlsx_needs_a_file_and_nothing_is_written_without_one(cli, example) -> None:
    folder = example("vide")
    before = sorted(p.name for p in folder.iterdir())
    result = cli("-C", str(folder), "export", "-f", "xlsx")
    assert result.exit_code == ExitCode.USAGE
    assert "le format xlsx s'écrit dans un fichier — ajoutez -o valeurs.xlsx" in result.stderr
    assert sorted(p.name for p in folder.iterdir() if p.name != ".utilsoc-cache") == [
        n for n in before if n != ".utilsoc-cache"
    ]


def test_a_dry_run_import_says_what_it_would_write_and_writes_nothing(
    cli, example, tmp_path
) -> None:
    folder = example("vide")
    (tmp_path / "t.csv").write_text(f"Indicateur;Période;Valeur\n{CODE};2025;12\n", "utf-8")
    (tmp_path / "map.yaml").write_text(
        "auteur: tableur\ncolonnes:\n  indicateur: Indicateur\n  période: Période\n"
        "  valeur: Valeur\n",
        "utf-8",
    )
    args = ("-C", str(folder), "import", str(tmp_path / "t.csv"), "-m", str(tmp_path / "map.yaml"))
    dry = cli(*args, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert dry.stdout.splitlines()[-1] == (
        "simulation : 1 enregistrement serait écrit, aucun fichier modifié"
    )
    assert not (folder / "mesures").exists()
    done = cli(*args)
    assert done.stdout.splitlines()[-1] == "1 enregistrement importé"
    assert (folder / "mesures" / "2025" / "tableur.yaml").is_file()
