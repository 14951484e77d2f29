"""The error net: every failure becomes a French line on stderr and its exit code."""

from __future__ import annotations

import pytest

from utilsoc.cli.errors import DEBUG, run_guarded
from utilsoc.codes import Code
from utilsoc.errors import DataErrors, ExitCode, FileAccessError, Issue, UsageError, UserError


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--debug` of an earlier run in this process must not leak in."""
    monkeypatch.setitem(DEBUG, "on", False)


def _raise(error: BaseException):
    def run() -> None:
        raise error

    return run


def test_a_success_is_zero_and_prints_nothing(capsys) -> None:
    assert run_guarded(lambda: None) == ExitCode.OK
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    ("error", "code", "line"),
    [
        (
            UserError("déjà là", "choisissez un autre nom"),
            1,
            "erreur: déjà là — choisissez un autre nom",
        ),
        (UsageError("option inconnue"), 2, "erreur: option inconnue"),
        (FileAccessError("verrou"), 3, "erreur: verrou"),
        (
            PermissionError(13, "Permission denied"),
            3,
            "erreur: accès au fichier impossible : [Errno 13] Permission denied",
        ),
        (KeyboardInterrupt(), 130, "interrompu."),
        (RuntimeError("boum"), 4, "erreur interne : RuntimeError: boum"),
    ],
)
def test_each_failure_has_its_exit_code_and_one_line(capsys, error, code, line) -> None:
    assert run_guarded(_raise(error)) == code
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0] == line
    assert "Traceback" not in err


def test_data_errors_list_every_issue_then_what_to_do(capsys) -> None:
    errors = DataErrors(
        [
            Issue("b.yaml", 2, 1, Code.SYNTAXE, "deuxième"),
            Issue("a.yaml", 1, 1, Code.ALIAS, "premier"),
        ]
    )
    errors.after = "corrigez, puis relancez"
    assert run_guarded(_raise(errors)) == ExitCode.DONNEES_INVALIDES
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["a.yaml", "b.yaml"]
    assert lines[-1] == "corrigez, puis relancez"


def test_with_debug_an_internal_error_shows_its_traceback(capsys, monkeypatch) -> None:
    monkeypatch.setitem(DEBUG, "on", True)
    assert run_guarded(_raise(RuntimeError("boum"))) == ExitCode.BUG
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert "RuntimeError: boum" in err
