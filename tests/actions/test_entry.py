"""Guided entry: each value due for a period, crossed dimensions, and one write at the end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from utilsoc.actions.entry import default_period, entry_plan, record_all, target_for
from utilsoc.actions.record import Request, prepare_value
from utilsoc.model.load import load_valid_project
from utilsoc.model.periods import Period
from utilsoc.project import find_root
from utilsoc.store.files import read_measures

CROSSED = """\
          - code: nb_ateliers
            libellé: Participants aux ateliers
            type: nombre
            unité: participants
            fréquence: trimestrielle
            dimensions: [site, sexe]
            cibles:
              - {période: 2026, valeur: 400}
              - {période: 2026-S2, valeur: 220}
              - {période: 2027, valeur: 500}
"""


def crossed_folder(example) -> Path:
    folder = example("vide", CROSSED)
    path = folder / "referentiel.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "dimensions:\n",
        "dimensions:\n  - code: site\n    nom: Site\n    valeurs: [Brest, Morlaix]\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    return folder


def test_each_combination_of_the_declared_dimensions_is_asked_in_order(example) -> None:
    layout = find_root(crossed_folder(example))
    _, referentiel = load_valid_project(layout)
    plan = entry_plan(layout, referentiel, Period.parse("2026-T3"))
    assert [due.indicator.code for due in plan] == ["nb_ateliers"]
    assert [slot.dimensions for slot in plan[0].slots] == [
        {"site": site, "sexe": sexe}
        for site in ("Brest", "Morlaix")
        for sexe in ("F", "H", "autre")
    ]
    annual = entry_plan(layout, referentiel, Period.parse("2026"))
    assert [slot.dimensions for slot in annual[0].slots] == [
        {"sexe": s} for s in ("F", "H", "autre")
    ]


def test_the_previous_period_and_what_is_already_recorded_are_shown(cli, example) -> None:
    folder = crossed_folder(example)
    base = ["-C", str(folder), "record", "-a", "lea", "nb_ateliers"]
    brest_f = ["--dim", "site=Brest", "--dim", "sexe=F"]
    assert cli(*base, "12", "-p", "2026-T2", *brest_f).exit_code == 0
    assert cli(*base, "14", "-p", "2026-T3", *brest_f).exit_code == 0
    assert cli(*base, "3", "-p", "2026-T2", "--dim", "site=Brest", "--dim", "sexe=H").exit_code == 0
    layout = find_root(folder)
    _, referentiel = load_valid_project(layout)
    slots = entry_plan(layout, referentiel, Period.parse("2026-T3"))[0].slots
    assert (slots[0].previous.valeur, slots[0].recorded.valeur) == ("12", "14")
    assert (slots[1].previous.valeur, slots[1].recorded) == ("3", None)
    assert (slots[2].previous, slots[2].recorded) == (None, None)


def test_the_target_shown_is_the_closest_one_covering_the_period_else_the_next() -> None:
    from utilsoc.model.referentiel import Indicateur

    indicator = Indicateur.model_validate(
        {
            "code": "x",
            "libellé": "X",
            "type": "nombre",
            "cibles": [
                {"période": "2026", "valeur": 400},
                {"période": "2026-S2", "valeur": 220},
                {"période": "2028", "valeur": 500},
            ],
        }
    )
    assert target_for(indicator, Period.parse("2026-T3")).valeur == 220
    assert target_for(indicator, Period.parse("2026-T1")).valeur == 400
    assert target_for(indicator, Period.parse("2027-T1")).valeur == 500
    assert target_for(indicator, Period.parse("2029")) is None


def test_the_default_period_is_the_latest_one_over(example) -> None:
    layout = find_root(crossed_folder(example))  # one annual, one quarterly indicator
    _, referentiel = load_valid_project(layout)
    assert default_period(referentiel, dt.date(2026, 12, 2)).name == "2026-T3"
    assert default_period(referentiel, dt.date(2027, 1, 10)).name == "2026-T4"
    only_annual = find_root(example("vide", target="autre"))
    _, referentiel = load_valid_project(only_annual)
    assert default_period(referentiel, dt.date(2026, 12, 2)).name == "2025"


def test_all_answers_are_written_in_one_transaction_the_refused_ones_told(cli, example) -> None:
    folder = crossed_folder(example)
    layout = find_root(folder)
    _, referentiel = load_valid_project(layout)
    taken = ["-C", str(folder), "record", "-a", "bob", "nb_ateliers", "5", "-p", "2026-T3"]
    assert cli(*taken, "--dim", "site=Morlaix", "--dim", "sexe=H").exit_code == 0
    records = [
        prepare_value(
            referentiel,
            Request("nb_ateliers", value, "2026-T3", "lea", {"site": site, "sexe": "H"}),
        )
        for site, value in (("Brest", "7"), ("Morlaix", "6"))
    ]
    done, refused = record_all(layout, Period.parse("2026-T3"), "lea", records)
    assert done == ["valeur enregistrée : nb_ateliers = 7 (3e trimestre 2026)"]
    assert [(r.dimensions["site"], e.message[:27]) for r, e in refused] == [
        ("Morlaix", "une valeur existe déjà pour")
    ]
    content, _, issues = read_measures(folder / "mesures" / "2026-T3" / "lea.yaml")
    assert issues == []
    assert [(m.dimensions, m.valeur) for m in content.valeurs] == [
        ({"site": "Brest", "sexe": "H"}, "7")
    ]
