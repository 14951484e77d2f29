"""Folder-wide results: keyed by the inputs and by the code that computed them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import utilsoc.store.cache as results

STAMP = "from utilsoc.store.cache import CACHE_VERSION; print(CACHE_VERSION)"


def _stamp(package: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    return subprocess.run(
        [sys.executable, "-c", STAMP], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_an_edited_module_changes_the_cache_version(tmp_path: Path) -> None:
    """A development install whose code changed must not reuse results of the old code."""
    source = Path(results.__file__).resolve().parent.parent
    copy = tmp_path / "utilsoc"
    subprocess.run(["cp", "-a", str(source), str(copy)], check=True)
    before = _stamp(copy)
    assert before == _stamp(copy)  # stable while nothing changes
    checks = copy / "check" / "referentiel.py"
    checks.write_text(checks.read_text(encoding="utf-8") + "\n# règle ajoutée\n", encoding="utf-8")
    after = _stamp(copy)
    assert after != before
    assert after.startswith("mesures-2-")


def test_interviews_guides_and_stories_are_in_the_folder_digest(example) -> None:
    """A changed interview must not give a report kept from before the change."""
    from utilsoc.project import Layout

    layout = Layout(example("echec-scolaire"))
    seen = {results.folder_digest(layout)}
    for relative in (
        "entretiens/fin-de-parcours/E07-2026-05-19.yaml",
        "entretiens/guides/fin-de-parcours.yaml",
        "recits/oser-lever-la-main.yaml",
    ):
        path = layout.root / relative
        path.write_text(path.read_text(encoding="utf-8") + "# modifié\n", encoding="utf-8")
        seen.add(results.folder_digest(layout))
    (layout.root / "entretiens/fin-de-parcours/E40-2026-06-01.yaml").write_text("x: 1\n", "utf-8")
    seen.add(results.folder_digest(layout))
    assert len(seen) == 5
