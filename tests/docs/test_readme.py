"""The README's first command works as written: its utilsoc steps are run as it gives them.

Installing the package again would take minutes; the test venv already has it installed, so
the test runs the command's utilsoc steps through that installed entry point, parsed out of
the README, and checks the install steps and the Windows line say the same thing.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

ROOT = Path(__file__).parent.parent.parent
FENCE = re.compile(r"^\s*```(\S*)\n(.*?)^\s*```$", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(info, body.strip()) for info, body in FENCE.findall(text)]


def _first_command() -> list[str]:
    return [part.strip() for part in _blocks()[0][1].split("&&")]


def test_the_first_command_installs_from_this_folder_into_a_venv() -> None:
    steps = _first_command()
    assert steps[:2] == ["python3 -m venv .venv", ".venv/bin/pip install ."]
    assert all(step.startswith(".venv/bin/utilsoc ") for step in steps[2:])
    assert "pip install utilsoc" not in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_utilsoc_steps_of_the_first_command_succeed(docs, tmp_path: Path) -> None:
    utilsoc = docs.utilsoc_command()
    for step in _first_command()[2:]:
        argv = [utilsoc, *shlex.split(step.removeprefix(".venv/bin/utilsoc "))]
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{step}\n{done.stdout}\n{done.stderr}"
    reports = list((tmp_path / "demo" / "rapports").glob("financeur-*.html"))
    assert len(reports) == 1
    assert "<html" in reports[0].read_text(encoding="utf-8")


def test_the_powershell_line_does_the_same_steps() -> None:
    windows = [body for info, body in _blocks() if info == "powershell"]
    assert len(windows) == 1
    steps = [part.strip() for part in windows[0].split(";")]
    assert steps[:2] == ["py -m venv .venv", ".venv\\Scripts\\pip install ."]
    linux = [step.removeprefix(".venv/bin/utilsoc ") for step in _first_command()[2:]]
    assert [step.removeprefix(".venv\\Scripts\\utilsoc ") for step in steps[2:]] == linux


def test_the_readme_says_how_to_get_utilsoc_on_the_path() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for words in ("source .venv/bin/activate", ".venv\\Scripts\\Activate.ps1", "pipx install"):
        assert words in text


def test_ci_runs_the_readme_test_command_as_written() -> None:
    command = _blocks()[2][1]
    assert "pytest" in command
    assert command + "\n" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
