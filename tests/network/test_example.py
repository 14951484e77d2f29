"""The example network `reseau init DIR --example brest`: it validates, and its totals add up.

Expected totals are computed here from the members' own files (read with PyYAML, summed by
hand), never by the code under test.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml
from typer.testing import CliRunner, Result

from utilsoc.cli.app import app
from utilsoc.resources import data_dir

from .test_export import TOTALS_SQL

SOURCE = data_dir("examples") / "reseau-brest"
LATE = "Radio Recouvrance – web radio de quartier"
OTHER_UNIT = "Plume et Clic – écrivains publics"


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The example network, made once by the real command."""
    root = tmp_path_factory.mktemp("exemple") / "brest"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(root.parent / "home"))
        patch.setenv("NO_COLOR", "1")
        result = _run("reseau", "init", str(root), "--example", "brest")
        assert result.exit_code == 0, result.output
        yield root


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _indicators(referentiel: Any) -> dict[str, dict[str, Any]]:
    return {
        indicator["code"]: indicator
        for domain in referentiel["domaines"]
        for criterion in domain["critères"]
        for indicator in criterion["indicateurs"]
    }


def _members(root: Path) -> list[Path]:
    return [root / m["chemin"] for m in _load(root / "reseau.yaml")["membres"]]


def _linked(member: Path, common: str) -> dict[str, dict[str, Any]]:
    """The member's indicators that feed `common`, by code."""
    indicators = _indicators(_load(member / "referentiel.yaml"))
    return {code: i for code, i in indicators.items() if i.get("commun") == common}


def _records(member: Path, section: str, codes: set[str]) -> list[dict[str, Any]]:
    found = []
    for file in sorted((member / "mesures").rglob("*.yaml")):
        for record in (_load(file) or {}).get(section, []):
            if record["indicateur"] in codes:
                found.append(record)
    return found


def _sum(root: Path, common: str) -> float:
    """Every value of every member, times its factor (no member records totals and parts)."""
    total = 0.0
    for member in _members(root):
        own = _linked(member, common)
        for record in _records(member, "valeurs", set(own)):
            total += record["valeur"] * own[record["indicateur"]].get("facteur", 1)
    return total


def _last_per_member(root: Path, common: str) -> float:
    total = 0.0
    for member in _members(root):
        records = _records(member, "valeurs", set(_linked(member, common)))
        if records:
            total += max(records, key=lambda r: str(r["période"]))["valeur"]
    return total


def _pooled_rate(root: Path, common: str) -> float:
    records = [
        r
        for member in _members(root)
        for r in _records(member, "valeurs", set(_linked(member, common)))
    ]
    return 100 * sum(r["numérateur"] for r in records) / sum(r["dénominateur"] for r in records)


def _mean_exit_score(root: Path, common: str) -> float:
    """Mean exit score over every entry/exit pair of every member (weighted by pairs)."""
    scores = []
    for member in _members(root):
        answers = _records(member, "questionnaires", set(_linked(member, common)))
        pairs: dict[tuple[str, str], dict[str, float]] = {}
        for a in answers:
            pairs.setdefault((str(a["période"]), a["participant"]), {})[a["moment"]] = a["score"]
        scores += [pair["sortie"] for pair in pairs.values() if len(pair) == 2]
    return sum(scores) / len(scores)


def _status(root: Path, *args: str) -> Result:
    return _run("-C", str(root), "reseau", "status", *args)


def _totals(root: Path) -> dict[str, Any]:
    result = _status(root, "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["indicateurs"]
    return {row["indicateur"]: row for row in rows}


def test_the_mediation_links_name_indicators_of_both_sides() -> None:
    links = _load(SOURCE / "liens-mediation.yaml")
    own = _indicators(_load(data_dir("examples") / links["exemple"] / "referentiel.yaml"))
    common = {i["code"] for i in _load(SOURCE / "reseau.yaml")["commun"]["indicateurs"]}
    missing = sorted(set(links["liens"]) - set(own))
    assert missing == [], f"l'exemple {links['exemple']} n'a plus : {missing}"
    assert {link["commun"] for link in links["liens"].values()} <= common
    assert len(links["liens"]) >= 5


def test_init_writes_five_members_and_links_the_mediation_copy(network: Path) -> None:
    members = _members(network)
    assert len(members) == 5
    assert all((m / "referentiel.yaml").is_file() for m in members)
    links = _load(SOURCE / "liens-mediation.yaml")
    copy = network / links["membre"]
    text = (copy / "referentiel.yaml").read_text(encoding="utf-8")
    for code, link in links["liens"].items():
        assert re.search(rf"- code: {code}\b[^\n]*\n +commun: {link['commun']}\n", text), code
    assert "liens-mediation.yaml" not in {p.name for p in network.iterdir()}
    source = data_dir("examples") / links["exemple"] / "referentiel.yaml"
    assert "commun:" not in source.read_text(encoding="utf-8")
    assert len(list((copy / "mesures").rglob("*.yaml"))) == len(
        list((source.parent / "mesures").rglob("*.yaml"))
    )


def test_validate_passes_without_any_error(network: Path) -> None:
    result = _run("-C", str(network), "reseau", "validate", "-f", "json")
    assert result.exit_code == 0, result.output
    assert [i for i in json.loads(result.stdout) if i["severity"] == "erreur"] == []
    text = _run("-C", str(network), "reseau", "validate")
    assert "réseau valide : 5 membre(s) sur 5" in text.stdout


def test_status_totals_are_the_sums_a_reader_would_make(network: Path) -> None:
    totals = _totals(network)
    assert len(totals) >= 6
    people = totals["personnes_accompagnees"]
    assert people["total"]["valeur"] == pytest.approx(_sum(network, "personnes_accompagnees"))
    assert len([m for m in people["membres"].values() if m["valeur"]]) == 5
    hours = totals["heures_accompagnement"]["total"]["valeur"]
    assert hours == pytest.approx(_sum(network, "heures_accompagnement"))
    volunteers = totals["benevoles_actifs"]["total"]["valeur"]
    assert volunteers == pytest.approx(_last_per_member(network, "benevoles_actifs"))
    rate = totals["part_demarches_abouties"]["total"]["valeur"]
    assert rate == pytest.approx(_pooled_rate(network, "part_demarches_abouties"))
    score = totals["aisance_numerique_sortie"]["total"]["valeur"]
    assert score == pytest.approx(_mean_exit_score(network, "aisance_numerique_sortie"))


def test_status_shows_the_late_member_and_the_other_unit(network: Path) -> None:
    text = _status(network).stdout
    late = [line for line in text.splitlines() if line.startswith(f"  - {LATE} :")]
    assert late
    assert all("période couverte à" in line for line in late)
    other_unit = [line for line in text.splitlines() if line.startswith(f"  - {OTHER_UNIT} :")]
    assert any("heures (converti × 3,5)" in line for line in other_unit)
    last_half = _status(network, "-p", "2025-S2").stdout
    assert f"  - {LATE} : rien pour la période" in last_half


@pytest.mark.parametrize("kind", ["html", "md"])
def test_the_report_renders(network: Path, kind: str) -> None:
    target = network / "rapports" / f"brest.{kind}"
    result = _run("-C", str(network), "reseau", "report", "-f", kind, "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Brest, inclusion numérique et cohésion sociale" in text
    assert LATE in text
    assert "période couverte à" in text
    assert "converti × 3,5" in text
    assert "Sans ventilation par quartier prioritaire" in text  # the territory view
    assert "Kerourien" in text  # a quartier only the members' parts name
    assert "Fatou" in text  # shared with the network: diffusion: réseau
    assert "M. K." not in text  # consented, but kept by its association


def test_duckdb_totals_over_the_export_are_the_status(network: Path) -> None:
    result = _run("-C", str(network), "reseau", "export", "--force")
    assert result.exit_code == 0, result.output
    file = (network / "export" / "reseau.parquet").as_posix()
    got = dict(duckdb.sql(TOTALS_SQL.format(source=f"'{file}'")).fetchall())
    expected = {code: row["total"]["valeur"] for code, row in _totals(network).items()}
    assert got == pytest.approx(expected)
    quartiers = duckdb.sql(
        f"SELECT DISTINCT dimensions FROM '{file}' WHERE membre = 'horizons' "
        "AND commun = 'personnes_accompagnees'"
    ).fetchall()
    assert len(quartiers) == 3


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "brest").mkdir()
    (tmp_path / "brest" / "notes.txt").write_text("à garder", encoding="utf-8")
    result = _run("reseau", "init", str(tmp_path / "brest"), "--example", "brest")
    assert result.exit_code == 1
    assert "n'est pas vide" in result.stderr
    assert [p.name for p in (tmp_path / "brest").iterdir()] == ["notes.txt"]


def test_an_unknown_example_is_named_with_the_ones_there_are(tmp_path: Path) -> None:
    result = _run("reseau", "init", str(tmp_path / "x"), "--example", "quimper")
    assert result.exit_code == 2
    assert "réseaux d'exemple disponibles : brest" in result.stderr
    assert not (tmp_path / "x").exists()
