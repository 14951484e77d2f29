"""A folder with a budget, a value map and their values, for the money reports' tests.

The figures are chosen so that a test can recompute them by hand: see each test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

INDICATORS = """\
          - code: heures_benevolat
            libellé: Heures de bénévolat
            type: nombre
            unité: heures
            niveau: réalisation
          - code: nb_personnes_moins_isolees
            libellé: Personnes moins isolées
            type: nombre
            unité: personnes
            niveau: résultat
"""
BUDGET = """\
intitulé: Accueil de jour
période: 2025
cadre: financeur
seuil_écart: 10 %
charges:
  - {compte: 60, prévu: 1 000, réalisé: "1 250,40", explication: "Un atelier de plus."}
  - {compte: 64, prévu: 9 000, réalisé: 8 500}
  - {compte: 62, prévu: 500, réalisé: 700}
produits:
  - {compte: 74, financeur: Nom du financeur, cadre: financeur, prévu: 8 000, réalisé: 8 000}
  - {compte: 75, libellé: Cotisations et dons, prévu: 2 500, réalisé: "2 450,40"}
bénévolat:
  indicateur: heures_benevolat
  taux_horaire: 11,88
  justification: SMIC horaire brut 2025
  heures_prévues: 100
charges_indirectes:
  règle: Prorata des heures salariées (12 %)
  comptes: [62]
"""
VALUE_MAP = """\
période: 2025
budget: accueil
taux_actualisation: 3,5 %
bénéficiaires: nb_personnes_accompagnees
résultats:
  - code: moins_isoles
    libellé: Des habitants moins isolés
    partie_prenante: Habitants accompagnés
    indicateur: nb_personnes_moins_isolees
    proxy: {montant: 1 000, source: Étude isolement, année: 2023}
    durée: 1
    aubaine: 20 %
    attribution: 25 %
  - code: urgences
    libellé: Moins de passages aux urgences
    partie_prenante: Assurance maladie
    quantité: 4
    source_quantité: Enquête de sortie
    proxy: {montant: 1 600, source: Coût moyen d'un passage, année: 2022}
    durée: 5
    érosion: 50 %
    coût_public_évité: true
"""
VALUES = {
    "nb_personnes_accompagnees": 12,
    "nb_personnes_moins_isolees": 10,
    "heures_benevolat": 120,
}


@pytest.fixture
def money_folder(example: Callable[..., Path]) -> Callable[..., Path]:
    """A factory: the empty example with a budget, a value map and values for 2025.

    `values`: the values to record (default VALUES); `budget`, `value_map`: the texts of
    budgets/accueil.yaml and valeur-sociale.yaml (None leaves the file out).
    """

    def make(
        values: dict[str, float] | None = None,
        budget: str | None = BUDGET,
        value_map: str | None = VALUE_MAP,
    ) -> Path:
        folder = example("vide", INDICATORS)
        logframe = folder / "cadres-logiques" / "financeur.yaml"
        text = logframe.read_text(encoding="utf-8").replace("période: 2026", "période: 2025")
        logframe.write_text(text, encoding="utf-8")
        if budget is not None:
            (folder / "budgets").mkdir()
            (folder / "budgets" / "accueil.yaml").write_text(budget, encoding="utf-8")
        if value_map is not None:
            (folder / "valeur-sociale.yaml").write_text(value_map, encoding="utf-8")
        lines = [
            f"  - {{indicateur: {code}, période: 2025, valeur: {value}, auteur: lou, "
            "date: 2025-12-31}\n"
            for code, value in (VALUES if values is None else values).items()
        ]
        (folder / "mesures" / "2025").mkdir(parents=True)
        (folder / "mesures" / "2025" / "lou.yaml").write_text(
            "valeurs:\n" + "".join(lines), encoding="utf-8"
        )
        return folder

    return make
