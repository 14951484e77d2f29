"""The sandbox of report templates: no link out of their folder, no page-sized blow-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from utilsoc.errors import ExitCode, UserError
from utilsoc.report.sandbox import MAX_SIZE, Deadline, check_binop, timed_range

CODE = "nb_personnes_accompagnees"


@pytest.fixture
def folder(cli, example) -> Path:
    folder = example("vide")
    record = ("-C", str(folder), "record", "-a", "m", "--date", "2026-12-01", CODE, "41")
    assert cli(*record, "-p", "2026").exit_code == 0
    return folder


def test_a_template_linked_out_of_its_folder_is_refused(cli, folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe : hunter2\n", encoding="utf-8")
    (folder / "modeles").mkdir()
    (folder / "modeles" / "fuite.md.j2").symlink_to(secret)
    result = cli("-C", str(folder), "report", "-t", "fuite", "-f", "md", "-p", "2026", "-o", "f.md")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "est un lien vers" in result.stderr
    assert "hunter2" not in result.stdout + result.stderr
    assert not (folder / "f.md").exists()
    (folder / "modeles" / "inclut.md.j2").write_text(
        '{% include "fuite.md.j2" %}\n', encoding="utf-8"
    )
    included = cli("-C", str(folder), "report", "-t", "inclut", "-f", "md", "-p", "2026")
    assert included.exit_code == ExitCode.DONNEES_INVALIDES
    assert "hunter2" not in included.stdout + included.stderr


@pytest.mark.parametrize(
    "expression",
    [
        "{{ 'a' * 10**10 }}",
        "{{ 10**10 * 'a' }}",
        "{{ 9 ** 9999999 }}",
        "{{ 'x'.center(10**10) }}",
        "{% for i in range(10**9) %}{% endfor %}",
        "{% set s = 'a' * 999999 %}{{ s + s }}",
    ],
)
def test_a_template_cannot_exhaust_memory(cli, folder: Path, expression: str) -> None:
    (folder / "modeles").mkdir()
    (folder / "modeles" / "gros.md.j2").write_text(expression + "\n", encoding="utf-8")
    result = cli("-C", str(folder), "report", "-t", "gros", "-f", "md", "-p", "2026")
    assert result.exit_code == ExitCode.DONNEES_INVALIDES
    assert "interdite dans un modèle" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("operator", "left", "right"),
    [("*", "ab", MAX_SIZE), ("*", MAX_SIZE, [1, 2]), ("**", 2, 65), ("+", "a" * MAX_SIZE, "b")],
)
def test_operations_too_big_for_a_page_are_refused(operator, left, right) -> None:
    with pytest.raises(SecurityError):
        check_binop(operator, left, right)


@pytest.mark.parametrize(
    ("operator", "left", "right"),
    [("*", "ab", 1000), ("**", 2, 64), ("+", "a", "b"), ("+", 10**9, 10**9), ("*", 2.5, 10**9)],
)
def test_ordinary_operations_pass(operator, left, right) -> None:
    check_binop(operator, left, right)


def test_range_counts_against_the_deadline() -> None:
    deadline = Deadline()
    assert list(timed_range(deadline)(3)) == [0, 1, 2]
    with pytest.raises(SecurityError, match="boucle trop longue"):
        next(timed_range(deadline)(MAX_SIZE + 1))
    deadline.start(-1)  # already past
    with pytest.raises(UserError, match="le modèle a tourné plus de -1 s"):
        next(timed_range(deadline)(3))
    deadline.stop()
    assert list(timed_range(deadline)(2)) == [0, 1]
