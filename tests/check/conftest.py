"""Cross-file checks run on a real example folder, edited the way a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from utilsoc.folder import load_folder
from utilsoc.project import Layout

Edit = Callable[..., list[str]]


@pytest.fixture
def issues_after(example, monkeypatch: pytest.MonkeyPatch) -> Edit:
    """Copy the `vide` example, replace texts in its files, return every issue formatted.

    Each keyword is a file of the folder (`publics`, `referentiel`, `financeur` for the
    logframe), given as a list of (old, new) replacements.
    """
    files = {
        "referentiel": "referentiel.yaml",
        "association": "association.yaml",
        "publics": "publics.yaml",
        "financeur": "cadres-logiques/financeur.yaml",
    }

    def edit(**changes: list[tuple[str, str]]) -> list[str]:
        folder: Path = example("vide")
        monkeypatch.chdir(folder)  # files are shown from the folder, as validate shows them
        for name, replacements in changes.items():
            path = folder / files[name]
            text = path.read_text(encoding="utf-8")
            for old, new in replacements:
                assert old in text, old
                text = text.replace(old, new, 1)
            path.write_text(text, encoding="utf-8")
        return [issue.format() for issue in load_folder(Layout(folder)).issues]

    return edit
