"""A recorded value against its indicator: one code per kind of mistake."""

from __future__ import annotations

import pytest

from utilsoc.check.values import check_record
from utilsoc.codes import Code
from utilsoc.model.mesures import Valeur
from utilsoc.model.referentiel import Referentiel

REFERENTIEL = {
    "version": "1",
    "dimensions": [],
    "domaines": [
        {
            "code": "D",
            "nom": "Domaine",
            "critères": [
                {
                    "code": "C",
                    "nom": "Critère",
                    "question": "?",
                    "indicateurs": [
                        {
                            "code": "n",
                            "libellé": "Nombre",
                            "type": "nombre",
                            "fréquence": "annuelle",
                            "méthode": "registre",
                        }
                    ],
                }
            ],
        }
    ],
}


@pytest.mark.parametrize(
    ("valeur", "code"),
    [
        ("3,5", Code.VIRGULE_DECIMALE),
        ("1e308", "nombre-hors-limites"),
        ("nan", "nombre-hors-limites"),
    ],
)
def test_record_problems_use_the_number_codes(valeur: str, code: str) -> None:
    referentiel = Referentiel.model_validate(REFERENTIEL)
    record = Valeur.model_validate(
        {
            "indicateur": "n",
            "période": "2025",
            "valeur": valeur,
            "auteur": "a",
            "date": "2025-01-02",
        }
    )
    [problem] = check_record(referentiel, record)
    assert (problem.field, problem.code) == ("valeur", code)
