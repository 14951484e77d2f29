"""The network export: DuckDB reads it as it is, and its SQL totals are `reseau status`'s."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from utilsoc.cli.app import app

from .builder import NetworkBuilder, referentiel, value

# The query of docs/reseau.md: one total per common indicator, whatever its rule
# (sum, « dernière », rate from its terms, mean weighted by N).
TOTALS_SQL = """
SELECT commun,
  CASE WHEN count(numerateur) FILTER (WHERE compte) > 0
         THEN 100 * sum(numerateur) FILTER (WHERE compte)
                  / sum(denominateur) FILTER (WHERE compte)
       WHEN count(effectif) FILTER (WHERE compte) > 0
         THEN sum(valeur_commune * effectif) FILTER (WHERE compte)
                  / sum(effectif) FILTER (WHERE compte)
       ELSE sum(valeur_commune) FILTER (WHERE compte) END AS total
FROM {source} GROUP BY commun
"""
# A CSV says nothing of its types: DuckDB is told the numeric columns that may be empty.
CSV_SOURCE = (
    "read_csv('{file}', types={{'numerateur': 'DOUBLE', 'denominateur': 'DOUBLE', "
    "'effectif': 'DOUBLE', 'valeur': 'DOUBLE', 'valeur_commune': 'DOUBLE'}})"
)

BY_SITE = """\
dimensions:
  - code: site
    nom: Site
    valeurs: [Nord, Sud]
""" + referentiel("accueillis", "emploi", "benevoles", "heures").replace(
    "            commun: personnes\n",
    "            dimensions: [site]\n            commun: personnes\n",
)


def _sites(code: str, period: str, north: int, south: int) -> str:
    return "".join(
        value(code, period, f"valeur: {n}, dimensions: {{site: {site}}}")
        for site, n in (("Nord", north), ("Sud", south))
    )


def _network(builder: NetworkBuilder) -> Path:
    builder.member(
        "a",
        BY_SITE,
        _sites("accueillis", "2025-T1", 3, 4)  # parts only: they make the total
        + value("accueillis", "2025-T2", "valeur: 10")  # a total and its parts: the total
        + _sites("accueillis", "2025-T2", 6, 4)
        + value("emploi", "2025", "numérateur: 1, dénominateur: 2")
        + value("benevoles", "2025-T1", "valeur: 5")
        + value("benevoles", "2025-T4", "valeur: 7")
        + value("heures", "2025", "valeur: 80"),
    )
    builder.member(
        "b",
        referentiel("accueillis", "emploi", "benevoles"),
        value("accueillis", "2025", "valeur: 30")
        + value("emploi", "2025", "numérateur: 90, dénominateur: 100")
        + value("benevoles", "2025-T3", "valeur: 3")
        + value("accueillis", "2024", "valeur: 999"),  # outside the network's period
    )
    return builder.write()


def _run(*args: str):  # noqa: ANN202
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("kind", ["parquet", "csv"])
def test_duckdb_totals_over_the_export_are_the_network_status(
    builder: NetworkBuilder, kind: str
) -> None:
    root = _network(builder)
    result = _run("-C", str(root), "reseau", "export", "-f", kind)
    assert result.exit_code == 0, result.output
    file = root / "export" / f"reseau.{kind}"
    status = json.loads(_run("-C", str(root), "reseau", "status", "-f", "json").stdout)
    expected = {row["indicateur"]: row["total"]["valeur"] for row in status["indicateurs"]}
    source = (CSV_SOURCE if kind == "csv" else "'{file}'").format(file=file.as_posix())
    got = dict(duckdb.sql(TOTALS_SQL.format(source=source)).fetchall())
    assert expected == {
        "personnes": 47.0,
        "retour_emploi": pytest.approx(100 * 91 / 102),
        "benevoles": 10.0,
        "temps": 10.0,
    }
    assert got == pytest.approx(expected)


def test_the_export_is_typed_and_keeps_every_value(builder: NetworkBuilder) -> None:
    root = _network(builder)
    _run("-C", str(root), "reseau", "export")
    file = (root / "export" / "reseau.parquet").as_posix()
    types = dict(
        duckdb.sql(f"DESCRIBE SELECT * FROM '{file}'").fetchall()[i][:2] for i in range(18)
    )
    assert (types["debut"], types["valeur"], types["compte"]) == ("DATE", "DOUBLE", "BOOLEAN")
    rows = duckdb.sql(
        f"SELECT membre, periode, dimensions, compte FROM '{file}' "
        "WHERE indicateur = 'accueillis' ORDER BY membre, periode, dimensions"
    ).fetchall()
    assert rows == [
        ("a", "2025-T1", '{"site": "Nord"}', True),
        ("a", "2025-T1", '{"site": "Sud"}', True),
        ("a", "2025-T2", '{"site": "Nord"}', False),
        ("a", "2025-T2", '{"site": "Sud"}', False),
        ("a", "2025-T2", "{}", True),
        ("b", "2025", "{}", True),
    ]
    dictionary = (root / "export" / "reseau.dictionnaire.csv").read_text(encoding="utf-8")
    assert dictionary.splitlines()[0] == "colonne,type,signification"
    assert len(dictionary.splitlines()) == 19


def test_an_export_never_lands_in_a_members_folder(builder: NetworkBuilder) -> None:
    root = _network(builder)
    result = _run("-C", str(root), "reseau", "export", "-o", "membres/a/mesures/x.parquet")
    assert result.exit_code == 2
    assert "fichier du réseau ou d'un membre" in result.stderr
    assert not (root / "membres" / "a" / "mesures" / "x.parquet").exists()


def test_without_pyarrow_the_message_says_what_to_install(
    builder: NetworkBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _network(builder)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = _run("-C", str(root), "reseau", "export")
    assert result.exit_code != 0
    assert 'pip install "utilsoc[parquet]"' in result.stderr
    assert "--format csv" in result.stderr
    assert not (root / "export" / "reseau.parquet").exists()
