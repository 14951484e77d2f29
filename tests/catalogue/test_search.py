"""Searching the catalogue: every word, in code, libellé or définition, accents aside."""

from __future__ import annotations

import json

from utilsoc.catalogue.search import entry_data, folded, search


def _codes(registre: str | None = None, words: str | None = None) -> list[str]:
    return [entry.indicateur.code for entry in search(registre, words)]


def test_folded_drops_accents_case_and_ligatures() -> None:
    assert folded("Éducation SANTÉ Cœur l’État") == "education sante coeur l'etat"


def test_a_word_is_found_with_or_without_its_accents() -> None:
    assert "heures_benevolat" in _codes(words="BÉNÉVOLAT")
    assert _codes(words="bénévolat") == _codes(words="benevolat")


def test_every_word_must_be_found() -> None:
    both = _codes(words="répit aidants")
    assert both == ["heures_repit_aidants"]
    assert _codes(words="répit vélo") == []


def test_a_code_is_searched_with_its_underscores() -> None:
    assert _codes(words="sroi") == ["ratio_sroi"]
    assert _codes(words="taux_sorties") == ["taux_sorties_dynamiques"]


def test_the_definition_is_searched_too() -> None:
    # « PMSMP » appears only in the definition of the immersions.
    assert _codes(words="pmsmp") == ["immersions_entreprise"]


def test_search_within_one_registre() -> None:
    assert set(_codes("sante", "heures")) == {"heures_activite_physique", "heures_repit_aidants"}


def test_entry_data_has_the_registre_then_the_yaml_keys() -> None:
    [entry] = search(None, "ratio sroi")
    data = entry_data(entry)
    assert list(data)[:3] == ["registre", "registre_nom", "code"]
    assert data["registre"] == "economie"
    assert data["unité"] == "€ pour 1 € investi"
    assert data["agrégation"] == "dernière"
    json.dumps(data)  # plain JSON values only
