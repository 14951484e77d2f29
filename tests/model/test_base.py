"""The base of every model: accents optional in keys and choices, numbers bounded."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from utilsoc.model.mesures import Valeur


def test_models_refuse_numbers_outside_the_range() -> None:
    base = {"indicateur": "n", "période": "2025", "auteur": "a", "date": "2025-01-02"}
    for number in ("1e308", "1e309", "inf", "nan", "1e-300"):
        with pytest.raises(ValidationError) as caught:
            Valeur.model_validate({**base, "numérateur": number, "dénominateur": "2"})
        [error] = caught.value.errors()
        assert error["type"] in ("finite_number", "nombre_hors_limites"), error
    kept = Valeur.model_validate({**base, "numérateur": "0", "dénominateur": "1e-9"})
    assert (kept.numerateur, kept.denominateur) == (0.0, 1e-9)
