"""`utilsoc catalogue`: one line per indicator, code first, grouped by registre."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from utilsoc import catalogue


def test_every_indicator_on_one_line_code_first_under_its_registre(cli) -> None:
    result = cli("catalogue")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Lien social et cohésion sociale (lien_social)"
    rows = [line for line in lines if line.startswith("  ")]
    assert [row.split()[0] for row in rows] == [e.indicateur.code for e in catalogue.entries()]
    assert "  ratio_sroi" in result.stdout
    [sroi] = [row for row in rows if row.split()[0] == "ratio_sroi"]
    assert sroi.endswith(
        "Ratio de retour social sur investissement (SROI) — nombre, € pour 1 € investi"
    )
    assert "indicateur ajouter CODE --critere" in result.stderr


def test_one_registre_by_its_name_with_accents(cli) -> None:
    result = cli("catalogue", "--registre", "Santé")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Santé et bien-être (sante)"
    assert len(result.stdout.splitlines()) == 1 + len(catalogue.entries("sante"))


def test_search_is_accent_and_case_insensitive(cli) -> None:
    result = cli("catalogue", "--cherche", "BENEVOLAT")
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")]
    assert codes == ["heures_benevolat", "valorisation_benevolat"]
    assert "2 indicateurs" in result.stderr


def test_a_search_finding_nothing_says_so(cli) -> None:
    result = cli("catalogue", "--cherche", "zzzz")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "aucun indicateur du catalogue ne contient « zzzz »" in result.stderr


def test_an_unknown_registre_is_refused_with_the_list(cli) -> None:
    result = cli("catalogue", "--registre", "culture")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "erreur: registre « culture » inconnu du catalogue — registres : lien_social, "
        "autonomie, education, sante, insertion, participation, environnement, economie, "
        "innovation"
    )


def test_json_for_tools(cli) -> None:
    result = cli("catalogue", "--format", "json", "--registre", "innovation")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [item["code"] for item in data] == [
        e.indicateur.code for e in catalogue.entries("innovation")
    ]
    assert {item["registre"] for item in data} == {"innovation"}
    assert data[0]["libellé"] == "Nombre de besoins non couverts identifiés"


_PROBE = """
import sys
sys.argv = ["utilsoc", *{args!r}]
from utilsoc.cli.app import main
try:
    main()
except SystemExit:
    pass
print("CATALOGUE", "utilsoc.catalogue" in sys.modules, file=sys.stderr)
"""


def _loads_catalogue(args: list[str], cwd: Path) -> bool:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE.format(args=args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = next(x for x in completed.stderr.splitlines() if x.startswith("CATALOGUE "))
    return line.split()[1] == "True"


def test_only_the_catalogue_commands_read_it(example, tmp_path: Path) -> None:
    assert not _loads_catalogue(["--help"], tmp_path)
    assert not _loads_catalogue(["validate", str(example("vide"))], tmp_path)
    assert _loads_catalogue(["catalogue", "--cherche", "sroi"], tmp_path)
