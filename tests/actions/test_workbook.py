"""The entry workbook: its rows, and a filled one imported back with no mapping."""

from __future__ import annotations

import pytest

from utilsoc.actions.workbook import entry_rows
from utilsoc.errors import UsageError
from utilsoc.model.load import load_valid_project
from utilsoc.model.periods import Period
from utilsoc.project import find_root


def test_rows_cross_the_dimensions_and_dim_narrows_to_one_value(fiche) -> None:
    layout = find_root(fiche.folder)
    _, referentiel = load_valid_project(layout)
    period = Period.parse("2025")
    rows = entry_rows(layout, referentiel, period, {})
    assert [(r.indicator.code, r.dimensions) for r in rows][:3] == [
        ("nb_personnes_accompagnees", {"sexe": "F"}),
        ("nb_personnes_accompagnees", {"sexe": "H"}),
        ("nb_personnes_accompagnees", {"sexe": "autre"}),
    ]
    assert len(rows) == 7
    narrowed = entry_rows(layout, referentiel, period, {"sexe": "H"})
    assert [(r.indicator.code, r.dimensions) for r in narrowed] == [
        ("nb_personnes_accompagnees", {"sexe": "H"})
    ]
    with pytest.raises(UsageError, match="« Z » n'est pas une valeur de la dimension « sexe »"):
        entry_rows(layout, referentiel, period, {"sexe": "Z"})
    with pytest.raises(UsageError, match="dimension « site » inconnue"):
        entry_rows(layout, referentiel, period, {"site": "Brest"})


def test_a_filled_workbook_imports_with_no_mapping_and_validates(fiche) -> None:
    fiche.make()
    fiche.fill(
        {
            ("nb_personnes_accompagnees", "F", "Valeur"): 12,
            ("nb_personnes_accompagnees", "H", "Valeur"): "7,5",
            ("taux_retour", None, "Numérateur"): 37,
            ("taux_retour", None, "Dénominateur"): 94,
            ("confiance", None, "Valeur"): 3.5,
            ("charte_signee", None, "Valeur"): "oui",
            ("recit", None, "Valeur"): "Une année de lancement.",
            ("recit", None, "Note"): "relu en équipe",
        }
    )
    dry = fiche.run_import("--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert fiche.mesures() == {}
    result = fiche.run_import()
    assert result.exit_code == 0, result.stderr
    assert "6 enregistrements importés" in result.stdout
    got = {(r.indicateur, tuple(r.dimensions.items())): r for r in fiche.records()}
    assert got[("nb_personnes_accompagnees", (("sexe", "H"),))].valeur == "7.5"
    rate = got[("taux_retour", ())]
    assert (rate.numerateur, rate.denominateur) == (37, 94)
    assert got[("charte_signee", ())].valeur == "true"
    assert got[("recit", ())].note == "relu en équipe"
    assert {r.auteur for r in got.values()} == {"Léa"}
    assert fiche.cli("-C", str(fiche.folder), "validate").exit_code == 0
    again = fiche.run_import()  # the same workbook twice: nothing new
    assert again.exit_code == 0, again.stderr
    assert "6 valeurs déjà enregistrées" in again.stdout
