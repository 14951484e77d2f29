"""Records of measurements: the roles of quoted people."""

from __future__ import annotations

import pytest

from utilsoc.model.mesures import Role


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("parent", Role.PARENT),
        ("famille", Role.FAMILLE),
        ("habitant", Role.HABITANT),
        ("habitante", Role.HABITANT),
        ("habitant·e", Role.HABITANT),
        ("Habitant.e", Role.HABITANT),
        ("salariée", Role.SALARIE),
        ("salarie", Role.SALARIE),
        ("bénévole", Role.BENEVOLE),
    ],
)
def test_roles_include_families_and_inclusive_forms(written: str, role: Role) -> None:
    assert Role(written) is role


def test_an_unknown_role_is_still_refused() -> None:
    with pytest.raises(ValueError, match="voisine"):
        Role("voisine de palier")
