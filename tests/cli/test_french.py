"""Typer's help pages and usage errors in French, their columns kept straight."""

from __future__ import annotations

import re

from utilsoc.errors import ExitCode


def test_translated_help_keeps_its_columns_straight() -> None:
    from utilsoc.cli.french import translate_help

    english = (
        "Usage: utilsoc [OPTIONS] COMMAND [ARGS]...\n\n"
        "Options:\n"
        "  -C, --dir PATH  Travailler dans ce dossier, une description assez longue\n"
        "                  pour tenir sur deux lignes.  [default: .]\n"
        "  -n <int>        Combien.  [required]\n"
        "  -h, --help      Show this message and exit.\n"
    )
    assert translate_help(english) == (
        "Utilisation : utilsoc [OPTIONS] COMMANDE [ARGUMENTS]...\n\n"
        "Options:\n"
        "  -C, --dir CHEMIN  Travailler dans ce dossier, une description assez longue\n"
        "                    pour tenir sur deux lignes.  [défaut : .]\n"
        "  -n ENTIER         Combien.  [obligatoire]\n"
        "  -h, --help        Afficher cette aide et quitter.\n"
    )


def test_command_help_is_french_with_aligned_columns(cli) -> None:
    result = cli("report", "--help")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Utilisation : utilsoc report [OPTIONS]")
    assert "[défaut : bilan]" in text
    assert "-o, --output CHEMIN" in text
    for english in ("Usage:", "default:", "<str>", "<path>", "TEXT ", "Show this"):
        assert english not in text
    rows = [re.match(r"  (-\S.*?) {2,}(\S)", line) for line in text.splitlines()]
    starts = {row.start(2) for row in rows if row}
    assert len(starts) == 1, text


def test_group_without_command_shows_its_help(cli) -> None:
    result = cli("templates")
    assert result.exit_code == 0
    assert result.stdout.startswith("Utilisation : utilsoc templates [OPTIONS] COMMANDE")
    assert "eject" in result.stdout
    assert result.stderr == ""


def test_missing_argument_and_bad_choice_are_french(cli) -> None:
    missing = cli("templates", "eject")
    assert missing.exit_code == ExitCode.USAGE
    assert "manquant — voir « utilsoc templates eject --help »" in missing.stderr
    choice = cli("report", "--format", "odt")
    assert choice.exit_code == ExitCode.USAGE
    assert (
        "valeur invalide pour --format/-f : « odt » (possibles : html, md, docx, pdf, xlsx)"
        in choice.stderr
    )
