"""Keys typed with or without accents, capitals, spaces or dashes name the same field."""

from __future__ import annotations

import pytest

from utilsoc.yamlio.keys import normalize_key


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("Critères", "criteres"),
        ("parties prenantes", "parties_prenantes"),
        ("résultats-attendus", "resultats_attendus"),
        ("  ÉCHELLE ", "echelle"),
        ("aujourd'hui", "aujourd_hui"),
        ("nb_eleves", "nb_eleves"),
    ],
)
def test_keys_fold_to_their_plain_form(typed: str, plain: str) -> None:
    assert normalize_key(typed) == plain


def test_a_composed_and_a_decomposed_accent_are_the_same_key() -> None:
    assert normalize_key("dure\u0301e") == normalize_key("durée") == "duree"
