"""The référentiel's indexes: indicators by code, with their place, and dimension values."""

from __future__ import annotations

from pathlib import Path

from utilsoc.model.load import load_valid_project
from utilsoc.model.referentiel import Referentiel
from utilsoc.project import Layout
from utilsoc.yamlio.reader import read_yaml


def test_indicators_by_code_and_by_place(example) -> None:
    folder: Path = example("echec-scolaire")
    _, referentiel = load_valid_project(Layout(folder))
    places = list(referentiel.iter_indicators())
    assert len(referentiel.indicators()) == len(places)
    (d, c, i), first = places[0]
    assert referentiel.domaines[d].criteres[c].indicateurs[i] is first
    assert referentiel.indicators()[first.code] is first
    assert [p for p, _ in places] == sorted(p for p, _ in places)


def test_a_repeated_code_keeps_the_first_indicator(example) -> None:
    folder: Path = example("vide")
    data = read_yaml(folder / "referentiel.yaml", "referentiel.yaml").data
    indicators = data["domaines"][0]["critères"][0]["indicateurs"]
    indicators.append({**indicators[0], "libellé": "Doublon"})
    referentiel = Referentiel.model_validate(data)
    assert len(list(referentiel.iter_indicators())) == 2
    assert referentiel.indicators()["nb_personnes_accompagnees"].libelle != "Doublon"
    assert referentiel.dimension_values() == {"sexe": frozenset({"F", "H", "autre"})}
