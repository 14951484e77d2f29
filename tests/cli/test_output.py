"""Terminal output: colours only on a terminal, user text never drives it, JSON always JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from utilsoc.cli.output import paint, print_issues, print_json, safe, safe_lines
from utilsoc.errors import ExitCode, Issue

HOSTILE = "\x1b[2J\x1b]0;pwned\x07"
SHOWN = "\\x1b[2J\\x1b]0;pwned\\x07"
MARKUP = "[bold red]x[/]"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_safe_shows_control_characters_as_escapes() -> None:
    assert safe(HOSTILE) == SHOWN
    assert safe("a\u202eb\u200bc\x9bd\ne") == "a\\u202eb\\u200bc\\x9bd\\x0ae"
    assert safe("Été : 3,5 % « ok »") == "Été : 3,5 % « ok »"
    assert safe_lines(f"a;{HOSTILE}\r\nb\n") == f"a;{SHOWN}\r\nb\n"


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = paint(f"erreur: {HOSTILE}", "erreur", _Terminal())
    assert terminal.startswith("\x1b[31m")
    assert terminal.endswith("\x1b[0m")
    assert SHOWN in terminal
    assert HOSTILE not in terminal
    assert paint("erreur: x", "erreur", io.StringIO()) == "erreur: x"
    monkeypatch.setenv("NO_COLOR", "1")
    assert paint("erreur: x", "erreur", _Terminal()) == "erreur: x"


def test_print_issues_escapes_and_keeps_the_caret_under_the_column(capsys) -> None:
    issue = Issue("m.yaml", 1, 8, "syntaxe", f"clé {HOSTILE}", snippet="a: \x1b[1mb: c")
    print_issues([issue])
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == f"m.yaml:1:8: erreur: clé {SHOWN} [syntaxe]"
    assert lines[1] == "    a: \\x1b[1mb: c"
    assert lines[2].index("^") == lines[1].index("b:")


def _hostile_folder(example) -> Path:
    folder = example("vide")
    path = folder / "referentiel.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "nom: Cohésion sociale", 'nom: "Cohésion \\e[2J\\e]0;pwned\\a [bold red]x[/]"'
    )
    text = text.replace(
        "libellé: Nombre de personnes accompagnées", 'libellé: "[bold red]x[/] \\e[2J"'
    )
    path.write_text(text, encoding="utf-8")
    return folder


def test_status_shows_labels_as_written(cli, example) -> None:
    folder = _hostile_folder(example)
    recorded = cli("-C", str(folder), "record", "nb_personnes_accompagnees", "3", "-p", "2026")
    assert recorded.exit_code == 0, recorded.stderr
    result = cli("-C", str(folder), "status", "-p", "2026")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "\x07" not in result.stdout
    assert f"Cohésion {SHOWN} {MARKUP}" in result.stdout
    assert f"{MARKUP} \\x1b[2J" in result.stdout


def test_issues_show_hostile_file_names_and_values_escaped(cli, example) -> None:
    folder = example("vide")
    (folder / "mesures" / "2026").mkdir(parents=True)
    bad = folder / "mesures" / "2026" / "b\x1b[31m.yaml"
    bad.write_text(
        'valeurs:\n  - {indicateur: "x\\e]0;pwned\\a", période: 2026, valeur: 1, '
        "auteur: A, date: 2026-01-01}\n",
        encoding="utf-8",
    )
    result = cli("validate", str(folder))
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr
    assert "b\\x1b[31m.yaml:2:" in result.stderr
    assert "x\\x1b]0;pwned\\x07" in result.stderr


def test_echo_and_error_lines_are_escaped(cli, example) -> None:
    folder = example("vide")
    (folder / "modeles").mkdir()
    (folder / "modeles" / f"{HOSTILE}.md.j2").write_text("x\n", encoding="utf-8")
    listed = cli("-C", str(folder), "templates", "list")
    assert listed.exit_code == 0
    assert f"  {SHOWN}.md.j2" in listed.stdout
    assert "\x1b" not in listed.stdout
    refused = cli("-C", str(folder), "report", "-l", HOSTILE)
    assert refused.exit_code == ExitCode.USAGE
    assert f"cadre logique inconnu : {SHOWN}" in refused.stderr
    assert "\x1b" not in refused.stderr


@pytest.mark.parametrize("command", ["status", "export"])
def test_data_goes_to_stdout_and_diagnostics_to_stderr(cli, example, command) -> None:
    folder = example("echec-scolaire")
    result = cli("-C", str(folder), command)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert result.stderr == ""


def test_print_json_never_writes_nan_or_infinity(capsys: pytest.CaptureFixture[str]) -> None:
    print_json({"a": float("nan"), "b": [1.5, float("inf"), {"c": -float("inf")}], "é": "x"})
    shown = capsys.readouterr().out
    assert "NaN" not in shown
    assert "Infinity" not in shown
    strict = json.loads(shown, parse_constant=lambda constant: pytest.fail(constant))
    assert strict == {"a": None, "b": [1.5, None, {"c": None}], "é": "x"}


def test_print_json_keeps_ordinary_data(capsys: pytest.CaptureFixture[str]) -> None:
    print_json([{"file": "référentiel.yaml", "line": 3, "value": 2.5}])
    assert capsys.readouterr().out == (
        '[\n  {\n    "file": "référentiel.yaml",\n    "line": 3,\n    "value": 2.5\n  }\n]\n'
    )
