"""`utilsoc reseau`: the real CLI over a real network folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from utilsoc.cli.app import app

from ...network.builder import NetworkBuilder, make_builder, referentiel, value


@pytest.fixture
def builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> NetworkBuilder:
    """An empty network folder in tmp_path, the current folder."""
    return make_builder(tmp_path, monkeypatch)


def _run(*args: str):  # noqa: ANN202
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_status_prints_the_totals_and_json_agrees(builder: NetworkBuilder) -> None:
    builder.member(
        "a",
        referentiel("accueillis", "emploi"),
        value("accueillis", "2025", "valeur: 1200")
        + value("emploi", "2025", "numérateur: 3, dénominateur: 4"),
    )
    builder.member("b", referentiel("accueillis"), value("accueillis", "2025", "valeur: 34"))
    root = builder.write()
    result = _run("-C", str(root), "reseau", "status")
    assert result.exit_code == 0, result.output
    assert "Personnes accompagnées [personnes] : 1\u202f234 personnes" in result.stdout
    assert "2 membres sur 2 qui le suivent" in result.stdout
    assert "ne le suivent pas : Association B" in result.stdout
    data = json.loads(_run("-C", str(root), "reseau", "status", "-f", "json").stdout)
    by_code = {row["indicateur"]: row for row in data["indicateurs"]}
    assert by_code["personnes"]["total"]["valeur"] == 1234
    assert by_code["retour_emploi"]["total"]["valeur"] == 75.0


def test_status_refuses_a_broken_link_and_changes_nothing(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("heures").replace("            facteur: 0.125\n", ""))
    root = builder.write()
    before = sorted((p, p.read_bytes()) for p in root.rglob("*.yaml"))
    result = _run("-C", str(root), "reseau", "status")
    assert result.exit_code == 1
    assert "membres/a/referentiel.yaml:" in result.stderr
    assert "[commun-incompatible]" in result.stderr
    assert "réseau refusé" in result.stderr
    assert "Traceback" not in result.output
    assert sorted((p, p.read_bytes()) for p in root.rglob("*.yaml")) == before


def test_an_invalid_member_is_left_out_and_said(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("accueillis"), value("accueillis", "2025", "valeur: 4"))
    builder.member("b", referentiel("accueillis"), value("accueillis", "2025", "valeur: abc"))
    result = _run("-C", str(builder.write()), "reseau", "status")
    assert result.exit_code == 0
    assert "écarté : Association B (1 erreur(s) dans son dossier)" in result.stdout
    assert "[membre-ecarte]" in result.stderr
    assert "[commun-incompatible]" not in result.stderr


def test_init_then_add_then_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run("reseau", "init", "net", "--nom", "Brest", "--periode", "2025").exit_code == 0
    assert _run("init", "net/membres/ti-clic", "--example", "vide").exit_code == 0
    added = _run("-C", "net", "reseau", "membre", "ajouter", "membres/ti-clic")
    assert added.exit_code == 0, added.output
    result = _run("-C", "net", "reseau", "validate")
    assert result.exit_code == 0, result.output
    assert "réseau valide : 1 membre(s) sur 1" in result.stdout
    again = _run("-C", "net", "reseau", "membre", "ajouter", "membres/ti-clic")
    assert again.exit_code != 0
    assert "déjà présent" in again.stderr
