"""The guide shows what the program does: every runnable command of docs/*.md is run.

Each page runs from its own empty folder, its commands in order, through the installed
`utilsoc`; where the page shows an output, the program must print it (see conftest.py for
the marks and the wildcards).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent.parent / "docs"
PAGES = sorted(DOCS.glob("*.md"))
# Pages that must show runnable commands: those that teach the commands.
TEACHING = {"demarrer.md", "mesures.md", "rapports.md", "premiers-pas.md"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_runnable_command_of_the_page_does_what_the_page_shows(
    docs, tmp_path: Path, page: Path
) -> None:
    steps = docs.read_steps(page)
    if page.name in TEACHING:
        assert any(step.kind == "commande" for step in steps), f"{page.name} : rien à exécuter"
    root = tmp_path / "lecteur"
    root.mkdir()
    reader = docs.follow(page, root)
    assert not reader.problems, "\n\n".join(reader.problems)


def test_a_console_block_gives_commands_and_their_outputs(docs, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Texte\n\n```console\n$ utilsoc --version\nutilsoc ...\n$ cd a\n```\n\n"
        "```\n$ pas exécuté\n```\n\n<!-- fichier: a/b.yaml -->\n```yaml\n  x: 1\n```\n\n"
        "- point\n\n  ```console\n  $ utilsoc validate\n  ```\n",
        encoding="utf-8",
    )
    steps = [(s.kind, s.text, s.body) for s in docs.read_steps(page)]
    assert steps == [
        ("commande", "utilsoc --version", ["utilsoc ..."]),
        ("commande", "cd a", []),
        ("fichier", "a/b.yaml", ["  x: 1"]),
        ("commande", "utilsoc validate", []),
    ]


@pytest.mark.parametrize(
    ("expected", "actual", "same"),
    [
        (["a", "b"], ["a", "b"], True),
        (["a", "b"], ["a", "c"], False),
        (["a", "..."], ["a", "b", "c"], True),
        (["...", "c"], ["a", "b", "c"], True),
        (["a", "...", "c"], ["a", "c"], True),
        (["rapport : ....html"], ["rapport : financeur-2026.html"], True),
        (["rapport : ....html"], ["rapport : financeur-2026.md"], False),
        (["a"], ["a", "b"], False),
        (["(x) [y]"], ["(x) [y]"], True),
    ],
)
def test_ellipsis_lines_and_ellipsis_in_a_line_stand_for_anything(
    docs, expected: list[str], actual: list[str], same: bool
) -> None:
    assert docs.lines_match(expected, actual) is same


def test_a_wrong_output_or_exit_code_is_reported_with_its_line(docs, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```console\n$ utilsoc --version\nutilsoc 9.9\n$ utilsoc inconnue\n"
        "$ utilsoc -C nulle-part validate\nerreur: ...\n```\n",
        encoding="utf-8",
    )
    root = tmp_path / "lecteur"
    root.mkdir()
    problems = docs.follow(page, root).problems
    assert len(problems) == 2
    assert problems[0].startswith("page.md:2: « utilsoc --version » affiche autre chose")
    assert problems[1].startswith("page.md:4: « utilsoc inconnue » finit avec le code 2")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_image_a_page_shows_is_in_the_repository(page: Path) -> None:
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", page.read_text(encoding="utf-8"))
    files = [image for image in images if "{" not in image and "://" not in image]
    missing = [image for image in files if not (page.parent / image).is_file()]
    assert not missing


def test_the_first_steps_page_shows_the_report_and_is_in_the_index() -> None:
    page = (DOCS / "premiers-pas.md").read_text(encoding="utf-8")
    assert page.count("](images/") >= 2
    assert "(premiers-pas.md)" in (DOCS / "index.md").read_text(encoding="utf-8")
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "(docs/premiers-pas.md)" in readme
