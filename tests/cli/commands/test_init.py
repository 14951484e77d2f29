"""`utilsoc init`: a new folder from an example, never over existing files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from utilsoc.errors import ExitCode
from utilsoc.model.association import Association
from utilsoc.resources import data_dir
from utilsoc.yamlio.reader import read_yaml

EXAMPLES = data_dir("examples")


def test_init_unknown_example_lists_the_known_ones(cli) -> None:
    result = cli("init", "asso", "--example", "sport")
    assert result.exit_code == ExitCode.USAGE
    assert "exemple inconnu : « sport »" in result.stderr
    assert "echec-scolaire" in result.stderr


def test_init_without_terminal_never_waits(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "utilsoc", "init", "asso"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "pas de terminal" in completed.stderr
    assert (tmp_path / "asso" / "association.yaml").is_file()


def test_interactive_init_fills_the_commented_skeleton_with_the_answers(
    cli, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("utilsoc.cli.commands.init.is_terminal", lambda: True)
    answers = [
        "",  # a name is required: asked again
        "Les Amis: du « quartier »",
        "Quimper, quartier de Kerfeunteun",
        "contact@amis.example",
        "Vision : #1",
        "",  # mission: the example's text is kept
        "NO",
        "Rompre l'isolement, Ouvrir un second site",
        "Coopération, écoute",
        "Bienveillante",
        "vert",  # not a colour: asked again
        "1d5c4d",
        "",  # secondaire: the default
        "#AA0000",
        "",  # no catalogue indicator
    ]
    result = cli("init", "asso", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "« vert » n'est pas une couleur #RRVVBB" in result.stdout
    assert cli("-C", "asso", "validate").exit_code == 0
    path = tmp_path / "asso" / "association.yaml"
    text = path.read_text(encoding="utf-8")
    skeleton = (EXAMPLES / "vide" / "association.yaml").read_text(encoding="utf-8")
    comments = [line.strip() for line in skeleton.splitlines() if line.strip().startswith("#")]
    assert comments
    assert all(comment in text for comment in comments)
    data = read_yaml(path, "association.yaml").data
    association = Association.model_validate(data)
    assert association.nom == "Les Amis: du « quartier »"
    assert association.territoire == "Quimper, quartier de Kerfeunteun"
    assert association.contact == "contact@amis.example"
    identite = association.identite
    assert (identite.vision, identite.ambition) == ("Vision : #1", "NO")
    assert identite.mission == "Décrivez ce que fait l'association."
    assert identite.objectifs == ["Rompre l'isolement", "Ouvrir un second site"]
    assert (identite.valeurs, identite.personnalite) == (
        ["Coopération", "écoute"],
        ["Bienveillante"],
    )
    couleurs = association.couleurs
    assert (couleurs.principale, couleurs.secondaire, couleurs.accent) == (
        "#1D5C4D",
        "#E07A1F",
        "#AA0000",
    )
    readme = (tmp_path / "asso" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Les Amis: du « quartier » — évaluation")


def test_interactive_init_offers_catalogue_indicators(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("utilsoc.cli.commands.init.is_terminal", lambda: True)
    identity = ["Les Amis", *[""] * 11]  # the example's texts and colours for the rest
    picks = ["personnes_touchee", "personnes_touchees, temps_collectifs"]  # a typo: asked again
    result = cli("init", "asso", input="\n".join(identity + picks) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "vouliez-vous dire « personnes_touchees »" in result.stdout
    assert "indicateur ajouté : personnes_touchees (catalogue), sous le critère COH-1" in (
        result.stdout
    )
    assert cli("-C", "asso", "validate").exit_code == 0
    text = (tmp_path / "asso" / "referentiel.yaml").read_text(encoding="utf-8")
    assert "catalogue: personnes_touchees" in text
    assert "catalogue: temps_collectifs" in text
    assert "# Auto-évaluation" in text  # the skeleton's comments are kept
