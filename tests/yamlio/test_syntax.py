"""YAML syntax errors in French, located, with the line copied under the message."""

from __future__ import annotations

import pytest

from utilsoc.errors import DataErrors
from utilsoc.yamlio.reader import parse_yaml


def _error(text: str):
    with pytest.raises(DataErrors) as caught:
        parse_yaml(text, "f.yaml")
    [issue] = caught.value.issues
    return issue


def test_tab_indentation_is_named(loader: str) -> None:
    with pytest.raises(DataErrors) as caught:
        parse_yaml("a:\n\tb: 1\n", "f.yaml")
    issue = caught.value.issues[0]
    assert (issue.line, issue.code) == (2, "syntaxe")
    assert "tabulation" in issue.message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: b: c\n", 1, "deux-points « : » inattendu"),
        ("a: [1, 2\nb: 3\n", 2, "crochet « [ » non fermé"),
        ("a: {x: 1\n", 2, "accolade « { » non fermée"),
        ('a: "non fermé\n', 2, "fin de fichier inattendue"),
        ("a:\n  b: 1\n c: 2\n", 3, "indentation incohérente"),
        ("a: @nom\n", 1, "caractère inattendu en début de valeur"),
    ],
)
def test_parser_errors_are_told_in_french_at_their_line(
    loader: str, text: str, line: int, message: str
) -> None:
    issue = _error(text)
    assert (issue.code, issue.line, issue.message) == ("syntaxe", line, message)
    assert issue.hint


def test_the_faulty_line_is_the_snippet_unless_it_is_huge(loader: str) -> None:
    assert _error("a: 1\nb: c: d\n").snippet == "b: c: d"
    assert _error("a: " + "x" * 400 + ": y\n").snippet == ""


def test_a_parser_error_without_french_words_shows_no_english(loader: str) -> None:
    issue = _error('a: "\\x"\n')  # a bad escape no fragment of ours names
    assert (issue.code, issue.line, issue.message) == ("syntaxe", 1, "erreur de syntaxe YAML")
    assert "vérifiez cette ligne et la précédente" in issue.hint
