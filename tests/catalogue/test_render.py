"""An indicator written as YAML lines reads back, through the strict reader, as itself."""

from __future__ import annotations

import pytest

from utilsoc import catalogue
from utilsoc.catalogue.render import indicator_block, scalar
from utilsoc.model.referentiel import Indicateur
from utilsoc.yamlio.reader import parse_yaml


@pytest.mark.parametrize(
    "text",
    [
        "%",
        "oui",
        "no",
        "a: b",
        "# pas un commentaire",
        "12",
        "1e5",
        "€ pour 1 €",
        "- tiret",
        "texte ",
        "[x]",
        "{y}",
        "l'équipe",
        "m²",
        "x" * 90,
        "@",
        "`a`",
        "null",
        "",
    ],
)
def test_a_text_reads_back_as_the_same_text(text: str) -> None:
    document = parse_yaml(f"valeur: {scalar(text)}\n", "test.yaml")
    assert document.data == {"valeur": text}


def test_short_plain_texts_stay_unquoted() -> None:
    assert scalar("Nombre de personnes touchées") == "Nombre de personnes touchées"
    assert scalar("%") == '"%"'
    assert scalar([1.0, 2.5]) == "[1, 2.5]"


def test_a_block_reads_back_as_the_indicator_with_or_without_accents() -> None:
    original = catalogue.as_indicator("score_confiance_en_soi")
    for accents in (True, False):
        text = "indicateurs:\n" + indicator_block(original, 2, 4, accents=accents)
        data = parse_yaml(text, "test.yaml").data
        assert Indicateur.model_validate(data["indicateurs"][0]) == original
        assert ("libellé_min:" in text) is accents


def test_a_block_starts_with_its_code_and_link_at_the_given_columns() -> None:
    block = indicator_block(catalogue.as_indicator("adherents"), 6, 8, newline="\r\n")
    lines = block.split("\r\n")
    assert lines[0] == "      - code: adherents"
    assert lines[1] == "        catalogue: adherents"
    assert lines[2] == "        libellé: Nombre d'adhérents"
    assert block.endswith("\r\n")
    assert "\n" not in block.replace("\r\n", "")
