"""The folder's write lock: a timeout names the file and who holds the lock, writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.errors import ExitCode
from utilsoc.store import lock

CODE = "nb_personnes_accompagnees"
HOLDER = """\
import sys
from pathlib import Path
from utilsoc.project import Layout
from utilsoc.store.lock import writer_lock
with writer_lock(Layout(Path(sys.argv[1])), "test"):
    print("pret", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def held(example):
    """A folder whose write lock another process holds until the test ends."""
    folder = example("vide")
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "pret\n"
    yield folder, process
    process.communicate(timeout=60)


def _files(folder: Path) -> list[Path]:
    return sorted((folder / "mesures").rglob("*")) if (folder / "mesures").exists() else []


def test_a_lock_timeout_names_the_file_and_the_holder(cli, held, monkeypatch) -> None:
    folder, process = held
    monkeypatch.setattr(lock, "LOCK_TIMEOUT", 0.3)
    result = cli("-C", str(folder), "record", CODE, "4", "-p", "2026", "-a", "Bob")
    assert result.exit_code == ExitCode.ENTREE_SORTIE
    line = result.stderr.strip()
    assert "\n" not in line
    assert line.startswith("erreur: asso/mesures/2026/bob.yaml : écriture impossible")
    assert f"le processus {process.pid} (" in line
    assert "attendez la fin de cette commande" in line
    assert "Traceback" not in result.stderr
    assert _files(folder) == []
    process.communicate(timeout=60)  # the other command ends: the lock is free again
    assert cli("-C", str(folder), "record", CODE, "4", "-p", "2026", "-a", "Bob").exit_code == 0


def test_an_import_that_cannot_lock_writes_no_file(cli, held, monkeypatch, tmp_path) -> None:
    folder, _ = held
    monkeypatch.setattr(lock, "LOCK_TIMEOUT", 0.3)
    (tmp_path / "m.yaml").write_text(
        "auteur: t\ncolonnes:\n  indicateur: I\n  période: P\n  valeur: V\n", encoding="utf-8"
    )
    (tmp_path / "t.csv").write_text(f"I;P;V\n{CODE};2024;1\n{CODE};2025;2\n", encoding="utf-8")
    result = cli(
        "-C", str(folder), "import", str(tmp_path / "t.csv"), "-m", str(tmp_path / "m.yaml")
    )
    assert result.exit_code == ExitCode.ENTREE_SORTIE
    assert "écriture impossible" in result.stderr
    assert _files(folder) == []


def test_the_holder_file_is_removed_when_the_lock_is_released(example) -> None:
    from utilsoc.project import Layout

    layout = Layout(example("vide"))
    with lock.writer_lock(layout, "x"):
        assert f"le processus {os.getpid()} (" in lock.describe_holder(layout)
    assert lock.describe_holder(layout) == "une autre commande utilsoc"


def test_a_lock_that_cannot_be_created_is_a_file_access_error(cli, example) -> None:
    folder = example("vide")
    (folder / ".utilsoc-cache").write_text("pas un dossier", encoding="utf-8")
    result = cli("-C", str(folder), "record", CODE, "4", "-p", "2026", "-a", "Bob")
    assert result.exit_code == ExitCode.ENTREE_SORTIE
    assert "écriture impossible, verrou asso/.utilsoc-cache/ecriture.lock inaccessible" in (
        result.stderr
    )
    assert _files(folder) == []
