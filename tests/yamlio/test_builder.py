"""The events-to-data builder: refusals at their position, and values a `#` cut short."""

from __future__ import annotations

import pytest

from utilsoc.errors import DataErrors
from utilsoc.yamlio.reader import parse_yaml


def _issues(text: str) -> list[tuple[int, int, str]]:
    try:
        document = parse_yaml(text, "f.yaml")
    except DataErrors as errors:
        return [(i.line, i.column, i.code) for i in errors.issues]
    return [(i.line, i.column, i.code) for i in document.issues]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("valeur: 3\nvaleur: 5\n", [(2, 1, "cle-en-double")]),
        ("identité: 1\nidentite: 2\n", [(2, 1, "cle-en-double")]),
        ("a: &x 1\nb: *x\n", [(1, 4, "ancre"), (2, 4, "alias")]),
        ("<<: {a: 1}\n", [(1, 1, "cle-de-fusion")]),
        ("a: !!python/object/apply:os.system [ls]\n", [(1, 4, "etiquette")]),
        ("? [a]\n: 1\n", [(1, 3, "cle-complexe")]),
        ("a: 1\n---\nb: 2\n", [(2, 1, "plusieurs-documents")]),
        ("# rien\n", [(1, 1, "fichier-vide")]),
        ("", [(1, 1, "fichier-vide")]),
        ("a: [1, 2\n", [(2, 1, "syntaxe")]),
    ],
)
def test_refusals_at_their_position(loader: str, text: str, expected: list) -> None:
    assert _issues(text) == expected


def test_union_merge_of_block_records_is_caught(loader: str) -> None:
    merged = (
        "valeurs:\n  - indicateur: I2\n    valeur: 4\n    auteur: alice\n"
        "    valeur: 5\n    auteur: bob\n"
    )
    assert _issues(merged) == [(5, 5, "cle-en-double"), (6, 5, "cle-en-double")]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000 + "]" * 50_000,
        "[" * 5000 + "]" * 5000 + "\n",
        "valeurs:\n  - {indicateur: " + "[" * 2000 + "]" * 2000 + "}\n",
        "a:\n" + "  - " * 2000 + "x\n",
        "{a: " * 3000 + "1" + "}" * 3000,
    ],
)
def test_deep_nesting_is_refused_without_crash(loader: str, text: str) -> None:
    with pytest.raises(DataErrors) as caught:
        parse_yaml(text, "f.yaml")
    [issue] = caught.value.issues
    assert issue.code == "imbrication"
    assert "imbrication trop profonde (plus de 64 niveaux)" in issue.message
    assert len(issue.snippet) < 400  # a 5,000-bracket line is not copied under the message


# yaml-test-suite 26DV ("Whitespace around colon in mappings") and E76Z ("Aliases in
# Implicit Block Mapping"): an alias used as a mapping key.
SUITE_26DV = (
    "\"top1\" : \n  \"key1\" : &alias1 scalar1\n'top2' : \n  'key2' : &alias2 scalar2\n"
    "top3: &node3 \n  *alias1 : scalar3\ntop4: \n  *alias2 : scalar4\ntop5   :    \n"
    "  scalar5\ntop6: \n  &anchor6 'key6' : scalar6\n"
)
SUITE_E76Z = "&a a: &b b\n*b : *a\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            SUITE_26DV,
            [
                (2, 12, "ancre"),
                (4, 12, "ancre"),
                (5, 7, "ancre"),
                (6, 3, "alias"),
                (8, 3, "alias"),
                (12, 3, "ancre"),
            ],
        ),
        (SUITE_E76Z, [(1, 1, "ancre"), (1, 7, "ancre"), (2, 1, "alias"), (2, 6, "alias")]),
        ("*a : v\n", [(1, 1, "alias")]),
        ("valeurs:\n  - {indicateur: x, *a : 2026, auteur: a}\n", [(2, 21, "alias")]),
        ("{*a : [1, 2], b: 3}\n", [(1, 2, "alias")]),
    ],
)
def test_alias_as_key_is_refused_at_its_position(loader: str, text: str, expected: list) -> None:
    assert _issues(text) == expected
    assert "\0" not in str(parse_yaml(text, "f.yaml").data)  # the aliased entry is dropped


def test_alias_bomb_is_refused(loader: str) -> None:
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}]\n" for n in range(8)
    )
    assert {code for _, _, code in _issues(bomb)} == {"ancre", "alias"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("couleurs:\n  principale: #1D5C4D\n", {("couleurs", "principale"): ("#1D5C4D", (2, 15))}),
        ("valeurs:\n  - #1\n", {("valeurs", 0): ("#1", (2, 5))}),
        ("nom:    #x  \n", {("nom",): ("#x", (1, 9))}),
    ],
)
def test_a_value_cut_by_a_glued_hash_is_remembered(loader: str, text: str, expected) -> None:
    document = parse_yaml(text, "f.yaml")
    assert document.hashed == expected


@pytest.mark.parametrize(
    "text",
    ["territoire: # à compléter\n", "territoire:\n", "territoire: ''\n", "couleur: a#1\n"],
)
def test_a_plain_comment_or_an_empty_value_is_not_a_cut_value(loader: str, text: str) -> None:
    assert parse_yaml(text, "f.yaml").hashed == {}
