"""`init`: a new association folder from a bundled example, never over existing files."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.actions.init import Identity, fill_identity, scaffold
from utilsoc.errors import ExitCode
from utilsoc.model.association import Association
from utilsoc.resources import data_dir
from utilsoc.yamlio.reader import read_yaml


def test_init_then_validate_a_fresh_folder(cli, tmp_path: Path) -> None:
    created = cli("init", "asso", "--example", "vide")
    assert created.exit_code == 0, created.stderr
    assert (tmp_path / "asso" / "referentiel.yaml").is_file()
    first_line = (tmp_path / "asso" / "referentiel.yaml").read_text(encoding="utf-8").split("\n")[0]
    assert first_line == "# yaml-language-server: $schema=./schemas/referentiel.schema.json"
    cadre = next((tmp_path / "asso" / "cadres-logiques").glob("*.yaml"))
    assert cadre.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/cadre-logique.schema.json\n"
    )
    assert ".utilsoc-cache/" in (tmp_path / "asso" / ".gitignore").read_text(encoding="utf-8")
    assert (tmp_path / "asso" / "README.md").is_file()
    result = cli("-C", "asso", "validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("référentiel valide : 1 domaine, 1 critère, 1 indicateur")


def test_init_refuses_to_overwrite_and_changes_nothing(cli, tmp_path: Path) -> None:
    assert cli("init", "asso", "--example", "vide").exit_code == 0
    target = tmp_path / "asso" / "referentiel.yaml"
    target.write_text(
        "# modifié à la main\n" + target.read_text(encoding="utf-8"), encoding="utf-8"
    )
    before = {p: p.read_bytes() for p in (tmp_path / "asso").rglob("*") if p.is_file()}
    result = cli("init", "asso", "--example", "vide")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "contient déjà un référentiel" in result.stderr
    after = {p: p.read_bytes() for p in (tmp_path / "asso").rglob("*") if p.is_file()}
    assert after == before


def test_init_refuses_a_folder_with_one_of_its_files(cli, tmp_path: Path) -> None:
    (tmp_path / "asso").mkdir()
    (tmp_path / "asso" / "README.md").write_text("le nôtre\n", encoding="utf-8")
    result = cli("init", "asso", "--example", "vide")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "README.md" in result.stderr
    assert sorted(p.name for p in (tmp_path / "asso").iterdir()) == ["README.md"]


def test_the_identity_typed_in_is_written_as_valid_yaml(tmp_path: Path) -> None:
    identity = Identity(
        nom='Les "Amis" : #1',
        vision="NO",
        mission="12:30",
        ambition="~",
        valeurs=["Écoute", "oui"],
        personnalite=[],
    )
    written = scaffold(tmp_path / "asso", "vide", identity)
    assert tmp_path / "asso" / "association.yaml" in written
    data = read_yaml(tmp_path / "asso" / "association.yaml", "association.yaml").data
    association = Association.model_validate(data)
    assert association.nom == 'Les "Amis" : #1'
    identite = association.identite
    assert (identite.vision, identite.mission, identite.ambition) == ("NO", "12:30", "~")
    assert association.identite.valeurs == ["Écoute", "oui"]


def test_empty_answers_keep_the_example_text_line_for_line(tmp_path: Path) -> None:
    scaffold(tmp_path / "asso", "vide", Identity(nom="Le Fil"))
    written = (tmp_path / "asso" / "association.yaml").read_text(encoding="utf-8").split("\n")
    skeleton = (data_dir("examples") / "vide" / "association.yaml").read_text(encoding="utf-8")
    expected = skeleton.split("\n")
    changed = [(a, b) for a, b in zip(written[1:], expected, strict=True) if a != b]
    assert changed == [('nom: "Le Fil"', 'nom: "Nom de l\'association"')]


def test_a_skeleton_without_a_key_to_fill_is_reported() -> None:
    with pytest.raises(ValueError, match="territoire"):
        fill_identity('nom: "x"\n', Identity(nom="Le Fil", territoire="Brest"))
