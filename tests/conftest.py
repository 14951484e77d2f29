"""Shared fixtures: real folders in tmp_path, the real CLI, no writes elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from utilsoc.cli.app import app
from utilsoc.resources import data_dir

EXAMPLES = data_dir("examples")


class Cli:
    """Runs `utilsoc` in-process with stdout and stderr kept apart."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):  # noqa: A002
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """The CLI, run from an empty temporary folder."""
    monkeypatch.chdir(tmp_path)
    return Cli(tmp_path)


@pytest.fixture
def example(tmp_path: Path) -> object:
    """A factory copying a bundled example into tmp_path.

    `indicators`: YAML blocks of indicators (indented as in the skeleton) added to the
    last criterion of the référentiel, just before its self-assessment section.
    """

    def copy(name: str = "vide", *indicators: str, target: str = "asso") -> Path:
        destination = tmp_path / target
        # Without the cache a run in the example folder may have left: a copy starts clean.
        shutil.copytree(
            EXAMPLES / name, destination, ignore=shutil.ignore_patterns(".utilsoc-cache")
        )
        if indicators:
            referentiel = destination / "referentiel.yaml"
            text = referentiel.read_text(encoding="utf-8")
            assert "\n# Auto-évaluation" in text
            blocks = "".join(indicators)
            text = text.replace("\n# Auto-évaluation", blocks + "\n# Auto-évaluation", 1)
            referentiel.write_text(text, encoding="utf-8")
        return destination

    return copy


@pytest.fixture(autouse=True)
def _no_writes_outside_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point HOME at tmp_path so nothing a test runs writes into the real home folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NO_COLOR", "1")


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the reviewed golden files from the current output."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="réécrire les fichiers de référence (à relire avant de committer)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))
