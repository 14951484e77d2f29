"""`commun:` links checked where they are written, in the member's referentiel.yaml."""

from __future__ import annotations

from utilsoc.codes import Code
from utilsoc.network.load import load_network

from .builder import NetworkBuilder, referentiel


def _issues(builder: NetworkBuilder) -> list[str]:
    return [i.format() for i in load_network(builder.write()).issues]


def test_an_unknown_common_code_is_located_with_the_closest_one(builder: NetworkBuilder) -> None:
    text = referentiel("accueillis").replace("commun: personnes", "commun: personne")
    builder.member("a", text)
    (issue,) = load_network(builder.write()).issues
    assert issue.code is Code.COMMUN_INCONNU
    assert issue.file.endswith("membres/a/referentiel.yaml")
    lines = text.splitlines()
    assert lines[issue.line - 1].strip() == "commun: personne"
    assert "vouliez-vous dire « personnes » ?" in issue.format()


def test_a_rate_cannot_feed_a_count(builder: NetworkBuilder) -> None:
    text = referentiel("emploi").replace("commun: retour_emploi", "commun: personnes")
    builder.member("a", text)
    messages = _issues(builder)
    assert any(
        "type taux au lieu de nombre" in m and "[commun-incompatible]" in m for m in messages
    )


def test_another_unit_needs_a_factor(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("heures").replace("            facteur: 0.125\n", ""))
    (message,) = _issues(builder)
    assert "unité « heures » au lieu de « jours »" in message
    assert "facteur:" in message


def test_directions_and_roll_ups_must_agree(builder: NetworkBuilder) -> None:
    text = referentiel("benevoles").replace("agrégation: dernière", "agrégation: somme")
    builder.member(
        "a", text.replace("commun: benevoles", "commun: benevoles\n            sens: baisse")
    )
    messages = _issues(builder)
    assert any("agrégation « somme » au lieu de « dernière »" in m for m in messages)
    assert any("sens « baisse » au lieu de « hausse »" in m for m in messages)


def test_two_indicators_feeding_one_common_one_warn_of_double_counting(
    builder: NetworkBuilder,
) -> None:
    extra = (
        "- code: accueillis_bis\n  libellé: Autres personnes\n  type: nombre\n"
        "  unité: personnes\n  fréquence: trimestrielle\n  commun: personnes\n"
    )
    builder.member("a", referentiel("accueillis", extra=extra))
    (issue,) = load_network(builder.write()).issues
    assert issue.code is Code.COMMUN_EN_DOUBLE
    assert issue.severity == "avertissement"


def test_an_internal_indicator_is_not_counted_and_the_link_warns(builder: NetworkBuilder) -> None:
    from .builder import value

    text = referentiel("accueillis").replace(
        "commun: personnes", "commun: personnes\n            diffusion: interne"
    )
    builder.member("a", text, value("accueillis", "2025", "valeur: 4"))
    network = load_network(builder.write())
    (issue,) = network.issues
    assert issue.code is Code.COMMUN_INTERNE
    assert issue.severity == "avertissement"
    from utilsoc.network.totals import network_totals

    (people,) = [t for t in network_totals(network) if t.indicator.code == "personnes"]
    assert people.total.number is None
    assert people.not_following == ["a"]
