"""The territory view: a common indicator by a common dimension, over the members."""

from __future__ import annotations

from utilsoc.network.load import load_network
from utilsoc.network.totals import network_totals

from .builder import NetworkBuilder, referentiel, value

QUARTIER = (
    "dimensions:\n  - code: quartier\n    nom: Quartier\n    valeurs: [Bellevue, Pontanézen]\n"
)


def _by_quartier(code: str) -> str:
    return QUARTIER + referentiel(code).replace(
        "            commun: ", "            dimensions: [quartier]\n            commun: ", 1
    )


def _parts(code: str, period: str, numbers: dict[str, str]) -> str:
    return "".join(
        value(code, period, f"{n}, dimensions: {{quartier: {q}}}") for q, n in numbers.items()
    )


def test_counts_and_rates_by_quartier_over_the_members_that_record_it(
    builder: NetworkBuilder,
) -> None:
    builder.member(
        "a",
        _by_quartier("accueillis"),
        _parts("accueillis", "2025-T1", {"Bellevue": "valeur: 3", "Pontanézen": "valeur: 4"})
        + _parts("accueillis", "2025-T2", {"Bellevue": "valeur: 5", "Pontanézen": "valeur: 1"}),
    )
    builder.member(
        "b", _by_quartier("accueillis"), _parts("accueillis", "2025", {"Bellevue": "valeur: 10"})
    )
    builder.member("c", referentiel("accueillis"), value("accueillis", "2025", "valeur: 7"))
    builder.member(
        "d",
        _by_quartier("emploi"),
        _parts(
            "emploi",
            "2025",
            {
                "Bellevue": "numérateur: 1, dénominateur: 4",
                "Pontanézen": "numérateur: 3, dénominateur: 4",
            },
        ),
    )
    root = builder.write()
    path = root / "reseau.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "commun:\n",
            "commun:\n  dimensions:\n    - code: quartier\n      nom: Quartier\n"
            "      valeurs: [Bellevue, Pontanézen]\n",
            1,
        ),
        encoding="utf-8",
    )
    totals = {t.indicator.code: t for t in network_totals(load_network(root))}
    people = totals["personnes"]
    assert people.total.number == 30  # 13 + 10 + 7
    assert {v: p.number for v, p in people.by_dimension["quartier"].items()} == {
        "Bellevue": 18,
        "Pontanézen": 5,
    }
    assert people.unsplit == {"quartier": ["c"]}
    rate = totals["retour_emploi"].by_dimension["quartier"]
    assert (rate["Bellevue"].numerator, rate["Bellevue"].denominator) == (1, 4)
