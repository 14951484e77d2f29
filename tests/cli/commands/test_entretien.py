"""`utilsoc entretien guide` and `entretien ajouter` through the real CLI."""

from __future__ import annotations

from utilsoc.errors import ExitCode


def test_the_guide_is_printed_or_written(cli, example) -> None:
    folder = example("echec-scolaire")
    shown = cli("-C", str(folder), "entretien", "guide", "fin-de-parcours")
    assert shown.exit_code == 0, shown.stderr
    title = shown.stdout.splitlines()[0].replace("\u00a0", " ")
    assert title == "# Guide d'entretien : Entretien de fin de parcours"
    target = folder.parent / "guide.html"
    written = cli(
        "-C", str(folder), "entretien", "guide", "fin-de-parcours", "-f", "html", "-o", str(target)
    )
    assert written.exit_code == 0, written.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = cli("-C", str(folder), "entretien", "guide", "fin-de-parcours", "-o", str(target))
    assert again.exit_code == 0  # its own earlier output is replaced


def test_the_guide_never_replaces_the_association_files(cli, example) -> None:
    folder = example("echec-scolaire")
    interview = folder / "entretiens/fin-de-parcours/E03-2026-05-18.yaml"
    before = interview.read_bytes()
    result = cli(
        "-C", str(folder), "entretien", "guide", "fin-de-parcours", "-o", str(interview), "--force"
    )
    assert result.exit_code == ExitCode.USAGE
    assert "fait partie des données de l'association" in result.stderr
    assert interview.read_bytes() == before


def test_adding_an_interview_says_where_and_what_next(cli, example) -> None:
    folder = example("echec-scolaire")
    result = cli(
        "-C", str(folder), "entretien", "ajouter", "--guide", "fin-de-parcours",
        "--participant", "P11", "--role", "familles", "--date", "2026-06-21",
        "--enqueteur", "Coordinatrice",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "entretien créé : " in result.stdout
    assert "P11-2026-06-21.yaml" in result.stdout
    assert (folder / "entretiens/fin-de-parcours/P11-2026-06-21.yaml").is_file()
