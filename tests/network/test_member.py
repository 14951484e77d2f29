"""A member's own validate checks its links when a network folder encloses it."""

from __future__ import annotations

from typer.testing import CliRunner

from utilsoc.cli.app import app
from utilsoc.network.member import enclosing_network, member_link_warnings
from utilsoc.project import Layout

from .builder import NetworkBuilder, referentiel


def test_a_members_validate_warns_of_a_broken_link(builder: NetworkBuilder) -> None:
    folder = builder.member(
        "a", referentiel("accueillis").replace("commun: personnes", "commun: personne")
    )
    root = builder.write()
    assert enclosing_network(folder) == root.resolve()
    (warning,) = member_link_warnings(Layout(folder))
    assert warning.severity == "avertissement"
    result = CliRunner().invoke(app, ["validate", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0  # the association's own figures do not depend on it
    assert "[commun-inconnu]" in result.stderr
    assert "(réseau : reseau.yaml)" in result.stderr
    network = CliRunner().invoke(app, ["-C", str(root), "reseau", "validate"])
    assert network.exit_code == 1  # the network refuses the same link


def test_a_folder_the_network_does_not_list_gets_no_network_warning(
    builder: NetworkBuilder,
) -> None:
    folder = builder.member(
        "a", referentiel("accueillis").replace("commun: personnes", "commun: x")
    )
    builder.members.clear()
    builder.write()
    assert member_link_warnings(Layout(folder)) == []
