"""The English variants of the référentiel's words: optional, partial, strict."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from utilsoc.model.anglais import CritereAnglais, IndicateurAnglais


def test_a_variant_is_partial_and_accents_are_optional() -> None:
    assert IndicateurAnglais.model_validate({"libellé": "People supported"}).libelle == (
        "People supported"
    )
    variant = IndicateurAnglais.model_validate({"definition": "Anyone who came."})
    assert variant.libelle is None
    assert variant.definition == "Anyone who came."


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(ValidationError):
        CritereAnglais.model_validate({"titre": "Ties"})
