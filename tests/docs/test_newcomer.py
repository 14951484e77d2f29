"""The newcomer test: from an empty folder to a funder report, with only what the page shows.

Every command and every file content comes out of docs/premiers-pas.md (see conftest.py),
so the page and this test cannot drift apart. The end state is then read back with plain
YAML and HTML reading, not through utilsoc.
"""

from __future__ import annotations

from pathlib import Path

import yaml

PAGE = Path(__file__).parent.parent.parent / "docs" / "premiers-pas.md"


def test_a_newcomer_gets_a_funder_report_from_the_first_steps_page(docs, tmp_path: Path) -> None:
    start = tmp_path / "vide"
    start.mkdir()
    reader = docs.follow(PAGE, start)
    assert not reader.problems, "\n\n".join(reader.problems)

    folders = [path.parent for path in start.rglob("referentiel.yaml")]
    assert len(folders) == 1
    folder = folders[0]
    referentiel = yaml.safe_load((folder / "referentiel.yaml").read_text(encoding="utf-8"))
    indicators = [
        indicator["code"]
        for domain in referentiel["domaines"]
        for criterion in domain["critères"]
        for indicator in criterion["indicateurs"]
    ]
    assert len(indicators) == 3

    values = [
        line
        for path in (folder / "mesures").rglob("*.yaml")
        for line in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("valeurs", [])
    ]
    assert len(values) == 4
    assert {value["indicateur"] for value in values} == set(indicators)

    reports = list((folder / "rapports").glob("financeur-*.html"))
    assert len(reports) == 1
    html = reports[0].read_text(encoding="utf-8")
    for indicator in referentiel["domaines"][0]["critères"][0]["indicateurs"]:
        assert indicator["libellé"].replace("'", "&#39;") in html


def test_the_page_starts_from_nothing_and_only_uses_what_it_shows(docs) -> None:
    steps = docs.read_steps(PAGE)
    commands = [step.text for step in steps if step.kind == "commande"]
    first_utilsoc_write = next(c for c in commands if c.startswith("utilsoc init"))
    assert commands.index(first_utilsoc_write) < commands.index("utilsoc validate")
    assert sum(c.startswith("utilsoc record ") for c in commands) == 4
    assert any(c.startswith("utilsoc report --template financeur") for c in commands)
    written = {step.text for step in steps if step.kind == "fichier"}
    assert "referentiel.yaml" in written
