"""Pydantic's errors in French, each at the line and column of the value or key concerned."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field, ValidationError

from utilsoc.model.correspondance import Correspondance
from utilsoc.model.referentiel import Referentiel
from utilsoc.yamlio.messages import describe_error, issues_from_validation, known_keys
from utilsoc.yamlio.reader import parse_yaml


def _issues(model: type[BaseModel], text: str) -> list[tuple[int, int, str, str, str]]:
    document = parse_yaml(text, "f.yaml")
    with pytest.raises(ValidationError) as caught:
        model.model_validate(document.data)
    issues = issues_from_validation(caught.value, document, model)
    return [(i.line, i.column, i.code, i.message, i.hint) for i in issues]


def test_a_misspelt_key_is_located_on_the_key_with_a_suggestion() -> None:
    [issue] = _issues(Correspondance, "auteur: x\ncolonnes: {}\nindicateur: {}\n")
    assert issue == (3, 1, "champ-inconnu", "champ inconnu « indicateur »", issue[4])
    assert issue[4] == "vouliez-vous dire « indicateurs » ?"


def test_a_bad_mapping_key_names_its_mapping() -> None:
    [issue] = _issues(Correspondance, "auteur: x\ncolonnes: {valuer: B}\n")
    line, column, code, message, hint = issue
    assert (line, column, code) == (2, 12, "valeur-inconnue")
    assert message.startswith("clé de « colonnes » : valeur non reconnue")
    assert "vouliez-vous dire « valeur » ?" in hint


def test_a_missing_field_and_a_wrong_value_show_what_was_read() -> None:
    issues = _issues(Correspondance, "type: autre\n")
    assert [(code, message) for _, _, code, message, _ in issues] == [
        ("valeur-inconnue", "type : valeur non reconnue (valeur lue : « autre »)"),
        ("champ-manquant", "champ obligatoire « auteur » manquant"),
    ]


def test_a_rule_without_french_words_is_a_valeur_invalide_explained_in_english() -> None:
    class Positive(BaseModel):
        n: int = Field(gt=0)

    [(_, _, code, message, _)] = _issues(Positive, "n: -1\n")
    assert code == "valeur-invalide"
    assert message == "n : valeur invalide (Input should be greater than 0) (valeur lue : « -1 »)"


def test_describe_error_names_the_field_for_the_command_line() -> None:
    with pytest.raises(ValidationError) as caught:
        Correspondance.model_validate({"auteur": "x", "période": "2025-S3"})
    message, hint = describe_error(caught.value, Correspondance)
    assert message.startswith("période : ")
    assert "2025-S3" in message
    assert hint


def test_known_keys_follow_lists_and_nested_models() -> None:
    inside = ("domaines", 0, "criteres", 0, "indicateurs", 0, "echelle")
    assert known_keys(Referentiel, inside)[:2] == ["min", "max"]
    assert "libellé" in known_keys(Referentiel, inside[:-1])
    assert known_keys(Referentiel, ("version",)) == []
    assert known_keys(Referentiel, ("absent", 0)) == []
