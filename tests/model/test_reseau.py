"""The reseau.yaml model: members, the common référentiel, and French keys."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from utilsoc.model.reseau import Reseau

BASE = {
    "nom": "Programme",
    "période": "2024-2025",
    "commun": {
        "indicateurs": [
            {"code": "p", "libellé": "Personnes", "type": "nombre"},
            {"code": "p", "libellé": "Doublon", "type": "taux"},
        ]
    },
}


def test_the_first_common_indicator_of_a_code_wins() -> None:
    model = Reseau.model_validate(BASE)
    assert model.indicators()["p"].libelle == "Personnes"
    assert str(model.periode) == "2024-2025"
    assert model.membres == []


def test_a_member_needs_its_folder() -> None:
    with pytest.raises(ValidationError) as caught:
        Reseau.model_validate({**BASE, "membres": [{"code": "a", "nom": "A"}]})
    assert caught.value.errors()[0]["loc"] == ("membres", 0, "chemin")


def test_the_common_referentiel_needs_an_indicator() -> None:
    with pytest.raises(ValidationError):
        Reseau.model_validate({**BASE, "commun": {"indicateurs": []}})
