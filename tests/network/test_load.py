"""Reading reseau.yaml and each member's folder through the gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.codes import Code
from utilsoc.errors import UsageError
from utilsoc.network.load import find_network, load_network

from .builder import NetworkBuilder, referentiel


def test_a_missing_member_folder_is_reported_at_its_line(builder: NetworkBuilder) -> None:
    root = builder.write("  - code: x\n    nom: Disparue\n    chemin: membres/x\n")
    network = load_network(root)
    (issue,) = network.issues
    assert issue.code is Code.MEMBRE_ECARTE
    assert (issue.file, issue.line) == ("reseau/reseau.yaml", 7)  # its chemin
    assert "git submodule update --init" in issue.hint
    assert network.members[0].reason is not None


def test_the_same_member_twice_is_refused(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("accueillis"))
    root = builder.write("  - code: a\n    nom: Encore\n    chemin: membres/a\n")
    codes = [i.code for i in load_network(root).issues]
    assert codes.count(Code.MEMBRE_EN_DOUBLE) == 2  # same code, same folder


def test_two_members_with_one_name_are_refused(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("accueillis"), name="Les Amis")
    builder.member("b", referentiel("accueillis"), name="les amis")
    (issue,) = load_network(builder.write()).issues
    assert issue.code is Code.MEMBRE_EN_DOUBLE
    assert "même nom" in issue.message


def test_a_members_errors_are_shown_as_its_own_validate_shows_them(
    builder: NetworkBuilder,
) -> None:
    builder.member(
        "a",
        referentiel("accueillis"),
        "  - {indicateur: inconnu, période: 2025, valeur: 1, auteur: equipe, date: 2025-12-31}\n",
    )
    network = load_network(builder.write())
    files = {i.file for i in network.issues}
    assert "reseau/membres/a/mesures/2025/equipe.yaml" in files
    assert any(
        i.code is Code.MEMBRE_ECARTE and i.severity == "avertissement" for i in network.issues
    )


def test_an_unknown_key_in_reseau_yaml_is_located(builder: NetworkBuilder) -> None:
    root = builder.write()
    path = root / "reseau.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "membre: oups\n", encoding="utf-8")
    network = load_network(root)
    assert network.model is None
    assert [i.code for i in network.issues] == [Code.CHAMP_INCONNU]


def test_the_network_is_found_from_a_subfolder(builder: NetworkBuilder) -> None:
    builder.member("a", referentiel("accueillis"))
    root = builder.write()
    assert find_network(root / "membres" / "a") == root.resolve()
    with pytest.raises(UsageError, match="aucun réseau"):
        find_network(Path("/"))


def test_a_common_indicator_naming_no_catalogue_code_warns(builder: NetworkBuilder) -> None:
    root = builder.write()
    path = root / "reseau.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    - code: personnes\n",
            "    - code: personnes\n      catalogue: personnes_accompagnes\n",
        ),
        encoding="utf-8",
    )
    (issue,) = load_network(root).issues
    assert issue.code is Code.CATALOGUE_INCONNU
    assert issue.severity == "avertissement"
    assert "personnes_accompagnees" in issue.hint or "utilsoc catalogue" in issue.hint


def test_a_member_with_conflicting_values_is_left_out(builder: NetworkBuilder) -> None:
    from .builder import value

    builder.member(
        "a",
        referentiel("accueillis"),
        value("accueillis", "2025", "valeur: 4", author="lou")
        + value("accueillis", "2025", "valeur: 5", author="max"),
    )
    network = load_network(builder.write())
    assert network.members[0].reason == "1 erreur(s) dans son dossier"
    assert Code.CONFLIT_DE_VALEURS in {i.code for i in network.issues}
