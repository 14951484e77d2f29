"""Read the runnable parts of a page of the French guide, and run them as a reader would.

A page marks what can run:

- a ```console block: each line that starts with `$ ` is a command, the lines under it
  (up to the next `$ `) are its output as the page shows it; a line `...` stands for any
  number of lines, and `...` inside a line for any text;
- an HTML comment `<!-- fichier: CHEMIN -->` just before a code block: the reader writes
  the block, as it is, into CHEMIN (relative to the folder the commands are in).

The commands run through the installed `utilsoc` entry point (the one a reader types),
from a fresh temporary folder, in the order of the page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
FILE_MARK = re.compile(r"^\s*<!--\s*fichier\s*:\s*(\S+)\s*-->\s*$")
ERROR_LINE = re.compile(r"(^|: )erreur: |^dossier refusé")

# The day the pages were written for: today's date in an output reads as this one.
DOCS_TODAY = dt.date(2026, 12, 2)
# A terminal as wide as the tables the pages show.
COLUMNS = "100"


@dataclasses.dataclass
class Step:
    """One thing the reader does: run a command, or write a file."""

    kind: str  # "commande" or "fichier"
    text: str  # the command line, or the file's path
    body: list[str]  # the output the page shows, or the file's content
    line: int  # its line in the page, for messages


def read_steps(page: Path) -> list[Step]:
    """The runnable steps of `page`, in order."""
    lines = page.read_text(encoding="utf-8").splitlines()
    steps: list[Step] = []
    target: str | None = None
    index = 0
    while index < len(lines):
        mark = FILE_MARK.match(lines[index])
        fence = FENCE.match(lines[index])
        if mark:
            target = mark.group(1)
        elif fence:
            body, index = _block(lines, index, fence.group(1))
            if target is not None:
                steps.append(Step("fichier", target, body, index - len(body)))
            elif fence.group(2) == "console":
                steps.extend(_commands(body, page, index - len(body)))
            target = None
        elif lines[index].strip():
            target = None
        index += 1
    return steps


def _block(lines: list[str], start: int, indent: str) -> tuple[list[str], int]:
    """The lines of the fenced block opened at `start`, and the index of its closing fence."""
    body = []
    index = start + 1
    while not FENCE.match(lines[index]):
        body.append(lines[index].removeprefix(indent))
        index += 1
    return body, index


def _commands(body: list[str], page: Path, first: int) -> list[Step]:
    steps: list[Step] = []
    for offset, line in enumerate(body):
        if line.startswith("$ "):
            steps.append(Step("commande", line[2:], [], first + offset + 1))
        elif not steps:
            raise AssertionError(f"{page.name}:{first + offset + 1}: bloc console sans « $ »")
        else:
            steps[-1].body.append(line)
    return steps


def utilsoc_command() -> str:
    """The `utilsoc` entry point installed next to this Python."""
    beside = Path(sys.executable).parent / ("utilsoc.exe" if os.name == "nt" else "utilsoc")
    found = str(beside) if beside.exists() else shutil.which("utilsoc")
    assert found, "commande utilsoc introuvable : installez le paquet (pip install -e .)"
    return found


class Reader:
    """Does what a page says, in a folder of its own, and notes where the page is wrong."""

    def __init__(self, root: Path, page: str) -> None:
        self.root = root
        self.cwd = root
        self.page = page
        self.problems: list[str] = []
        home = root.parent / "home"
        home.mkdir(exist_ok=True)
        (home / ".gitconfig").write_text(
            "[user]\n\tname = Marie Dupré\n\temail = marie@example.org\n", encoding="utf-8"
        )
        self.env = {
            **os.environ,
            "HOME": str(home),
            "USERPROFILE": str(home),
            "NO_COLOR": "1",
            "COLUMNS": COLUMNS,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        self.env.pop("GIT_CONFIG_GLOBAL", None)

    def do(self, step: Step) -> None:
        """Write the file, or run the command and compare its output with the page."""
        where = f"{self.page}:{step.line}"
        if step.kind == "fichier":
            path = self.cwd / step.text
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(step.body) + "\n", encoding="utf-8")
            return
        words = shlex.split(step.text)
        if words[0] == "cd" and len(words) == 2:
            self.cwd = (self.cwd / words[1]).resolve()
            assert self.cwd.is_dir(), f"{where}: pas de dossier {words[1]}"
            return
        assert words[0] in ("utilsoc", "git"), f"{where}: commande non exécutable : {step.text}"
        program = utilsoc_command() if words[0] == "utilsoc" else "git"
        code, output = self._run([program, *words[1:]])
        self._compare(where, step, code, output)

    def _run(self, argv: list[str]) -> tuple[int, list[str]]:
        done = subprocess.run(
            argv,
            cwd=self.cwd,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            timeout=600,
            check=False,
        )
        return done.returncode, self._normalise(done.stdout)

    def _normalise(self, output: str) -> list[str]:
        for folder in {str(self.cwd), str(self.root), str(self.root.resolve())}:
            output = output.replace(folder + os.sep, "").replace(folder, ".")
        today = dt.date.today()
        output = output.replace(today.isoformat(), DOCS_TODAY.isoformat())
        output = output.replace(today.strftime("%d/%m/%Y"), DOCS_TODAY.strftime("%d/%m/%Y"))
        lines = [line.rstrip() for line in output.splitlines()]
        while lines and not lines[-1]:
            lines.pop()
        return lines

    def _compare(self, where: str, step: Step, code: int, output: list[str]) -> None:
        expected = [line.rstrip() for line in step.body]
        while expected and not expected[-1]:
            expected.pop()
        fails = any(ERROR_LINE.search(line) for line in expected)
        if (code != 0) != fails:
            self.problems.append(
                f"{where}: « {step.text} » finit avec le code {code}"
                f" ({'erreur attendue' if fails else 'succès attendu'}) :\n" + "\n".join(output)
            )
        elif expected and not lines_match(expected, output):
            self.problems.append(
                f"{where}: « {step.text} » affiche autre chose que la page.\n"
                "--- page\n" + "\n".join(expected) + "\n--- programme\n" + "\n".join(output)
            )


def lines_match(expected: list[str], actual: list[str]) -> bool:
    """Whether `actual` reads as `expected`, with `...` lines and `...` in a line as wildcards."""
    parts = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(re.escape(line).replace(re.escape("..."), "[^\n]*") + r"\n")
    return re.fullmatch("".join(parts), "".join(f"{line}\n" for line in actual)) is not None


def follow(page: Path, root: Path) -> Reader:
    """Do every runnable step of `page` from the empty folder `root`; return the reader."""
    reader = Reader(root, page.name)
    for step in read_steps(page):
        reader.do(step)
    return reader


@pytest.fixture
def docs() -> SimpleNamespace:
    """The page reader, for the tests of this folder (a conftest cannot be imported)."""
    return SimpleNamespace(
        read_steps=read_steps,
        follow=follow,
        lines_match=lines_match,
        utilsoc_command=utilsoc_command,
    )
