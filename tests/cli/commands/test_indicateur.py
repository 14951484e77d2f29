"""`utilsoc indicateur ajouter`: a catalogue indicator copied in, then `validate` passes."""

from __future__ import annotations


def test_added_then_validate_passes(cli, example) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "indicateur", "ajouter", "part_entraide", "--critere", "COH-1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("asso/referentiel.yaml:40: ")
    assert result.stdout.rstrip().endswith(
        "indicateur « part_entraide » ajouté sous le critère « COH-1 » (catalogue : part_entraide)"
    )
    assert "dimension suggérée « tranche_age » non déclarée" in result.stderr
    assert "moins de 16 ans, 16-25 ans" in result.stderr
    assert "- code: part_entraide" in (folder / "referentiel.yaml").read_text(encoding="utf-8")
    validated = cli("-C", str(folder), "validate")
    assert validated.exit_code == 0, validated.stderr


def test_accented_option_and_a_new_code(cli, example) -> None:
    folder = example("vide")
    result = cli(
        "-C", str(folder), "indicateur", "ajouter", "adherents", "--critère", "COH-1",
        "--code", "membres",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "indicateur « membres »" in result.stdout
    assert "            catalogue: adherents\n" in (folder / "referentiel.yaml").read_text(
        encoding="utf-8"
    )


def test_an_unknown_criterion_lists_them_and_writes_nothing(cli, example) -> None:
    folder = example("mediation-numerique")
    before = (folder / "referentiel.yaml").read_bytes()
    result = cli("-C", str(folder), "indicateur", "ajouter", "adherents", "--critere", "COH")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "erreur: critère « COH » absent du référentiel — critères : COH-1, COH-2, AUT-1, "
        "AUT-2, AUT-3, BEE-1, BEE-2, CIT-1, CIT-2"
    )
    assert (folder / "referentiel.yaml").read_bytes() == before


def test_outside_an_association_folder(cli) -> None:
    result = cli("indicateur", "ajouter", "adherents", "--critere", "COH-1")
    assert result.exit_code == 2
    assert "aucun référentiel (referentiel.yaml)" in result.stderr


def test_the_group_lists_its_command(cli) -> None:
    result = cli("indicateur", "--help")
    assert result.exit_code == 0
    assert "ajouter" in result.stdout
