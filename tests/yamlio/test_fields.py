"""Following an error's location through the models: allowed keys, a union's branches."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from utilsoc.model.correspondance import Correspondance
from utilsoc.model.referentiel import Referentiel
from utilsoc.yamlio.fields import known_keys, without_branches


def test_known_keys_follow_lists_and_nested_models() -> None:
    inside = ("domaines", 0, "criteres", 0, "indicateurs", 0, "echelle")
    assert known_keys(Referentiel, inside)[:2] == ["min", "max"]
    assert "libellé" in known_keys(Referentiel, inside[:-1])
    assert known_keys(Referentiel, ("version",)) == []
    assert known_keys(Referentiel, ("absent", 0)) == []


def _errors(data: dict) -> list:
    with pytest.raises(ValidationError) as caught:
        Correspondance.model_validate({"auteur": "x", **data})
    errors = caught.value.errors(include_url=False)
    return [(e["type"], e["loc"]) for e in without_branches(errors, Correspondance)]


def test_a_block_is_judged_by_the_model_branch_anything_else_by_the_text_one() -> None:
    assert _errors({"indicateurs": {"t": ["A"]}}) == [("string_type", ("indicateurs", "t"))]
    assert _errors({"indicateurs": {"t": {"numérateur": "A"}}}) == [
        ("missing", ("indicateurs", "t", "dénominateur"))
    ]


def test_errors_outside_a_union_and_on_keys_are_kept_as_they_are() -> None:
    assert _errors({"indicateurs": {"a b": "A"}}) == [
        ("string_pattern_mismatch", ("indicateurs", "a b", "[key]"))
    ]
    assert _errors({"dimensions": {"site": ["A"]}}) == [("string_type", ("dimensions", "site"))]
