"""`utilsoc schema`: the JSON Schemas written into the association's folder."""

from __future__ import annotations


def test_schema_writes_into_the_association_folder(cli, example) -> None:
    folder = example("vide")
    result = cli("-C", str(folder), "schema")
    assert result.exit_code == 0
    assert sorted(p.name for p in (folder / "schemas").iterdir()) == [
        "association.schema.json",
        "budget.schema.json",
        "cadre-logique.schema.json",
        "correspondance.schema.json",
        "mesures.schema.json",
        "publics.schema.json",
        "referentiel.schema.json",
        "reseau.schema.json",
        "valeur-sociale.schema.json",
    ]
