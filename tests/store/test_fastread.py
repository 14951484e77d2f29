"""The fast path reads what `record` writes, shares what repeats, and leaves doubts to YAML."""

from __future__ import annotations

import pytest

from utilsoc.model.mesures import dimensions_key
from utilsoc.store.fastread import read_fast
from utilsoc.yamlio.reader import parse_yaml

LINE = (
    "  - {indicateur: nb, période: 2025, valeur: 12, dimensions: {sexe: F}, auteur: marie, "
    "date: 2025-03-02}\n"
)


def test_canonical_and_tokenized_lines_give_the_same_values() -> None:
    # The second line is out of the canonical field order: read by the tokenizer.
    other = LINE.replace("valeur: 12, dimensions: {sexe: F}", "dimensions: {sexe: F}, valeur: 12")
    read = read_fast("valeurs:\n" + LINE + other, "m.yaml")
    assert read is not None
    values, preuves, document = read
    assert values[0] == values[1]
    assert document.record_lines == {"valeurs": [2, 3]}
    assert preuves.temoignages == []
    strict = parse_yaml("valeurs:\n" + LINE, "m.yaml").data["valeurs"][0]
    assert values[0].valeur == strict["valeur"] == "12"
    assert values[0].dimensions == strict["dimensions"]


def test_records_share_their_dimensions_and_keys() -> None:
    read = read_fast("valeurs:\n" + LINE * 3 + LINE.replace("sexe: F", "sexe: H"), "m.yaml")
    assert read is not None
    first, second, _, fourth = read[0]
    assert first.dimensions is second.dimensions
    assert first.cle_dimensions is second.cle_dimensions
    assert first.cle_dimensions == dimensions_key({"sexe": "F"})
    assert fourth.cle_dimensions == dimensions_key({"sexe": "H"})
    assert fourth.dimensions is not first.dimensions


@pytest.mark.parametrize(
    "change",
    [
        ("auteur: marie", 'auteur: " marie"'),  # spaces around a text
        ("indicateur: nb", 'indicateur: "n b"'),  # not a code
        ("date: 2025-03-02", "date: 2025-3-2"),  # not a day as written
        ("valeur: 12", "valeur: 12, couleur: bleu"),  # an unknown field
        ("période: 2025", "période: 2025-13"),  # no such period
    ],
)
def test_anything_doubtful_goes_to_the_strict_reader(change: tuple[str, str]) -> None:
    assert read_fast("valeurs:\n" + LINE.replace(*change), "m.yaml") is None


def test_a_valid_line_after_a_doubtful_one_does_not_save_the_file() -> None:
    doubtful = LINE.replace("valeur: 12", "valeur: 12, couleur: bleu")
    assert read_fast("valeurs:\n" + doubtful + LINE, "m.yaml") is None
