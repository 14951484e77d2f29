"""A participant's code is a pseudonym; a person's name is recognised in any case."""

from __future__ import annotations

import pytest

from utilsoc.check.pseudonyms import looks_like_name


@pytest.mark.parametrize(
    "code",
    ["Inès Martin", "MARTIN Inès", "martin ines", "Ines", "karim", "Benali.Sofiane", "Léa-2"],
)
def test_names_are_recognised(code: str) -> None:
    assert looks_like_name(code)


@pytest.mark.parametrize("code", ["E07", "P03", "ELV-12", "ELV-GAR", "E07-Tilleuls", "Parent-3"])
def test_pseudonymous_codes_pass(code: str) -> None:
    assert not looks_like_name(code)
