"""Issues and errors: one line each, in a stable order, the same in text and JSON."""

from __future__ import annotations

import json

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, FileAccessError, Issue, UsageError, UserError


def test_an_issue_is_one_line_with_its_hint_and_code() -> None:
    issue = Issue("a.yaml", 3, 7, Code.CHAMP_INCONNU, "champ inconnu « x »", "supprimez-le")
    assert (
        issue.format() == "a.yaml:3:7: erreur: champ inconnu « x » — supprimez-le [champ-inconnu]"
    )
    plain = Issue("a.yaml", 1, 1, Code.FICHIER_VIDE, "vide", severity="avertissement")
    assert plain.format() == "a.yaml:1:1: avertissement: vide [fichier-vide]"


def test_json_holds_the_code_as_text_and_no_snippet() -> None:
    issue = Issue("a.yaml", 2, 1, Code.SYNTAXE, "m", "h", snippet="a: b: c")
    assert json.dumps(issue.to_dict()) == (
        '{"file": "a.yaml", "line": 2, "column": 1, "code": "syntaxe", "message": "m", '
        '"hint": "h", "severity": "erreur"}'
    )


def test_issues_are_sorted_by_file_then_place_a_note_after_its_problem() -> None:
    note = Issue("b.yaml", 2, 1, Code.MESURES_NON_VERIFIEES, "n", severity="note")
    error = Issue("b.yaml", 2, 1, Code.SYNTAXE, "e")
    first = Issue("a.yaml", 9, 1, Code.SYNTAXE, "e")
    later = Issue("b.yaml", 10, 1, Code.SYNTAXE, "e")
    errors = DataErrors([later, note, error, first])
    assert errors.issues == [first, error, note, later]
    assert errors.message == "4 problèmes"
    assert DataErrors([first]).message == "1 problème"


def test_errors_format_with_their_hint_and_carry_their_exit_code() -> None:
    assert UserError("m", "h").format() == "erreur: m — h"
    assert UserError("m").format() == "erreur: m"
    assert [int(e.exit_code) for e in (UserError("m"), UsageError("m"), FileAccessError("m"))] == [
        1,
        2,
        3,
    ]
