"""`utilsoc saisie` and `utilsoc formulaire` on the command line: options and their errors."""

from __future__ import annotations

from utilsoc.errors import ExitCode


def test_saisie_says_what_it_wrote(cli, example) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "saisie", "-p", "2025", "-o", "fiche.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "fiche.xlsx : 3 lignes à remplir pour année 2025" in result.stdout
    again = cli("-C", str(folder), "saisie", "-p", "2025", "-o", "fiche.xlsx")
    assert again.exit_code == 0, again.stderr  # its own file: replaced without --force


def test_saisie_refuses_bad_options_and_writes_nothing(cli, example) -> None:
    folder = example("vide")
    cases = [
        (("-p", "2025-T9", "-o", "f.xlsx"), "2025-T9"),
        (("-p", "2025", "-o", "f.csv"), "la fiche est un classeur .xlsx"),
        (("-p", "2025", "-o", "f.xlsx", "--dim", "sexe"), "écrivez nom=valeur"),
        (("-p", "2025", "-o", "f.xlsx", "--dim", "sexe=Z"), "n'est pas une valeur"),
        (("-p", "2025-03", "-o", "f.xlsx"), "aucun indicateur à saisir"),
        (("-p", "2025", "-o", "mesures/f.xlsx"), "données de l'association"),
    ]
    for args, said in cases:
        result = cli("-C", str(folder), "saisie", *args)
        assert result.exit_code == ExitCode.USAGE, (args, result.stdout)
        assert said in result.stderr, (args, result.stderr)
        assert not (folder / "f.xlsx").exists()


def test_formulaire_writes_an_xlsx_only(cli, example) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "formulaire", "nb_personnes_accompagnees", "-o", "q.csv")
    assert result.exit_code == ExitCode.USAGE
    assert "un XLSForm est un classeur .xlsx" in result.stderr
