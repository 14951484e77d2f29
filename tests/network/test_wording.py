"""The network totals in French."""

from __future__ import annotations

from utilsoc.compute.points import Point
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur
from utilsoc.network.totals import CommonTotal, Share
from utilsoc.network.wording import figure, rule_text, total_lines, totals_data

RATE = Indicateur.model_validate({"code": "r", "libellé": "Retour", "type": "taux", "unité": "%"})
COUNT = Indicateur.model_validate(
    {"code": "n", "libellé": "Personnes", "type": "nombre", "unité": "personne"}
)


def test_a_rate_shows_its_terms_and_a_count_its_unit_in_the_right_number() -> None:
    assert figure(RATE, Point(None, 37, 94)) == "39,4 % (37 sur 94)"
    assert figure(COUNT, Point(1.0)) == "1 personne"
    assert figure(COUNT, Point(1234.0)) == "1\u202f234 personnes"
    assert figure(COUNT, Point(None)) == "sans donnée"


def test_each_member_line_says_what_was_done_to_its_figure() -> None:
    total = CommonTotal(
        COUNT,
        Period.parse("2025"),
        Point(12.0),
        shares=[
            Share("a", Point(10.0, coverage=0.5), ("heures",), factor=0.125, own_definition=True),
            Share("b", Point(None), ("n",)),
        ],
        silent=["b"],
        not_following=["c"],
    )
    lines = total_lines(total, {"a": "Les Amis", "b": "Le Port", "c": "La Cale"})
    assert lines[1] == "  somme des membres ; 1 membre sur 2 qui le suivent"
    assert lines[2] == (
        "  - Les Amis : 10 personnes (période couverte à 50 % ; converti × 0,125 ; "
        "définition propre au membre)"
    )
    assert lines[3] == "  - Le Port : rien pour la période"
    assert lines[4] == "  ne le suivent pas : La Cale"


def test_an_unweighted_mean_says_so_and_json_keeps_every_digit() -> None:
    score = Indicateur.model_validate(
        {"code": "s", "libellé": "Score", "type": "score", "échelle": {"min": 1, "max": 5}}
    )
    total = CommonTotal(score, Period.parse("2025"), Point(2 / 3), weighted=False)
    assert rule_text(total) == "moyenne simple des membres (effectifs inconnus)"
    assert totals_data([total])[0]["total"]["valeur"] == 2 / 3
