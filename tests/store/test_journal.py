"""Writes of several files: all or none after a crash at any step, finished by the next command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from utilsoc.project import Layout
from utilsoc.store.journal import CRASH_ENV, CRASH_EXIT, Transaction, recover, transaction

CODE = "nb_personnes_accompagnees"
MAPPING = """\
auteur: tableur
colonnes:
  indicateur: Indicateur
  période: Période
  valeur: Valeur
dimensions:
  sexe: Sexe
"""
PERIODS = ("2024", "2025", "2026")
# Steps of a commit of 3 files: journal, 3 temporary files, commit mark, 3 renames, end.
STEPS = 9
COMMIT_STEP = 5


def _import_args(folder: Path, tmp_path: Path) -> list[str]:
    return ["-C", str(folder), "import", str(tmp_path / "t.csv"), "-m", str(tmp_path / "m.yaml")]


def _targets(folder: Path) -> dict[str, bytes | None]:
    paths = {p: folder / "mesures" / p / "tableur.yaml" for p in PERIODS}
    return {p: path.read_bytes() if path.exists() else None for p, path in paths.items()}


def _leftovers(folder: Path) -> list[Path]:
    journal = folder / ".utilsoc-cache" / "journal"
    found = list((folder / "mesures").rglob(".*.tmp"))
    return found + (list(journal.iterdir()) if journal.exists() else [])


@pytest.fixture
def base(cli, example, tmp_path: Path) -> Path:
    """A folder where 2025 already holds a value of the importing author."""
    folder = example("vide")
    (tmp_path / "m.yaml").write_text(MAPPING, encoding="utf-8")
    rows = "".join(f"{CODE};{p};H;{n}\n" for n, p in enumerate(PERIODS, start=1))
    (tmp_path / "t.csv").write_text("Indicateur;Période;Sexe;Valeur\n" + rows, encoding="utf-8")
    first = cli("-C", str(folder), "record", CODE, "5", "-p", "2025", "--dim", "sexe=F")
    assert first.exit_code == 0, first.stderr
    shutil.move(next((folder / "mesures" / "2025").glob("*.yaml")), _path(folder, "2025"))
    return folder


def _path(folder: Path, period: str) -> Path:
    return folder / "mesures" / period / "tableur.yaml"


def test_an_import_killed_at_any_step_leaves_all_files_or_none(cli, base, tmp_path) -> None:
    before = _targets(base)
    done = shutil.copytree(base, tmp_path / "complet")
    assert cli(*_import_args(done, tmp_path)).exit_code == 0
    after = _targets(done)
    assert all(after[p] != before[p] for p in PERIODS)
    runs = {}
    for step in range(1, STEPS + 1):
        folder = shutil.copytree(base, tmp_path / f"etape-{step}")
        env = {**os.environ, CRASH_ENV: str(step)}
        command = [sys.executable, "-m", "utilsoc", *_import_args(folder, tmp_path)]
        runs[step] = (folder, subprocess.Popen(command, env=env, stderr=subprocess.PIPE))
    for step, (folder, process) in runs.items():
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == CRASH_EXIT, (step, stderr.decode())
        if step < COMMIT_STEP:
            assert _targets(folder) == before, step
        # the next command, reading or writing, finishes (or rolls back) the interrupted write
        if step % 2:
            nxt = cli("-C", str(folder), "record", CODE, "7", "-p", "2023", "-a", "autre")
        else:
            nxt = cli("-C", str(folder), "status")
        assert nxt.exit_code == 0, (step, nxt.stderr)
        assert _targets(folder) == (after if step >= COMMIT_STEP else before), step
        assert _leftovers(folder) == [], step
        assert cli("-C", str(folder), "validate").exit_code == 0, step


def test_recover_finishes_a_committed_journal_and_drops_an_unfinished_one(tmp_path) -> None:
    layout = Layout(tmp_path)
    journal = tmp_path / ".utilsoc-cache" / "journal"
    journal.mkdir(parents=True)
    (tmp_path / "a.yaml").write_text("ancien a", encoding="utf-8")
    (tmp_path / ".a.yaml.1.tmp").write_text("nouveau a", encoding="utf-8")
    (tmp_path / ".b.yaml.2.tmp").write_text("nouveau b", encoding="utf-8")
    for name, state, target in (("1", "valide", "a.yaml"), ("2", "preparation", "b.yaml")):
        entry = {"cible": target, "temporaire": f".{target}.{name}.tmp"}
        (journal / f"{name}.json").write_text(json.dumps({"etat": state, "fichiers": [entry]}))
    recover(layout)
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "nouveau a"
    assert not (tmp_path / "b.yaml").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".utilsoc-cache", "a.yaml"]
    assert list(journal.iterdir()) == []


def test_a_journal_pointing_outside_the_folder_moves_nothing(tmp_path) -> None:
    folder = tmp_path / "asso"
    journal = folder / ".utilsoc-cache" / "journal"
    journal.mkdir(parents=True)
    (tmp_path / "dehors.txt").write_text("à garder", encoding="utf-8")
    (folder / ".x.tmp").write_text("remplaçant", encoding="utf-8")
    entry = {"cible": "../dehors.txt", "temporaire": ".x.tmp"}
    (journal / "1.json").write_text(json.dumps({"etat": "valide", "fichiers": [entry]}))
    recover(Layout(folder))
    assert (tmp_path / "dehors.txt").read_text(encoding="utf-8") == "à garder"
    assert list(journal.iterdir()) == []


def test_recover_without_journal_touches_nothing(tmp_path) -> None:
    recover(Layout(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_an_error_inside_a_transaction_writes_nothing(tmp_path) -> None:
    layout = Layout(tmp_path)
    (tmp_path / "a.yaml").write_text("a", encoding="utf-8")

    def stage_then_fail() -> None:
        with transaction(layout) as tx:
            tx.write(tmp_path / "a.yaml", "changé")
            tx.write(tmp_path / "sous" / "b.yaml", "b")
            raise KeyError("stop")

    with pytest.raises(KeyError):
        stage_then_fail()
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "a"
    assert not (tmp_path / "sous").exists()


def test_a_transaction_reads_its_own_writes_and_refuses_outside_paths(tmp_path) -> None:
    layout = Layout(tmp_path / "asso")
    tx = Transaction(layout)
    assert tx.read_bytes(layout.root / "x.yaml") is None
    tx.write(layout.root / "x.yaml", "é")
    assert tx.read_bytes(layout.root / "x.yaml") == "é".encode()
    with pytest.raises(ValueError, match="hors du dossier"):
        tx.write(tmp_path / "ailleurs.yaml", "x")
    tx.commit()
    assert (layout.root / "x.yaml").read_text(encoding="utf-8") == "é"


def test_a_transaction_deletes_files_with_its_writes(tmp_path) -> None:
    layout = Layout(tmp_path)
    (tmp_path / "a.yaml").write_text("a", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("b", encoding="utf-8")
    with transaction(layout) as tx:
        tx.delete(tmp_path / "a.yaml")
        tx.delete(tmp_path / "absent.yaml")
        tx.write(tmp_path / "b.yaml", "b2")
        assert tx.read_bytes(tmp_path / "a.yaml") is None
        assert tx.deleted == [tmp_path / "a.yaml", tmp_path / "absent.yaml"]
        assert tx.staged == {tmp_path / "b.yaml": b"b2"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".utilsoc-cache", "b.yaml"]
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == "b2"
    with pytest.raises(ValueError, match="hors du dossier"):
        Transaction(Layout(tmp_path / "asso")).delete(tmp_path / "b.yaml")


# Steps of a commit that writes one file and deletes one: journal, temporary file,
# commit mark, rename, deletion, end.
_DELETE_STEPS = 6
_DELETE_COMMIT = 3
_DELETE_SCRIPT = """
import sys
from pathlib import Path
from utilsoc.project import Layout
from utilsoc.store.journal import transaction
root = Path(sys.argv[1])
with transaction(Layout(root)) as tx:
    tx.write(root / "b.yaml", "nouveau b")
    tx.delete(root / "c.yaml")
"""


def test_a_deletion_killed_at_any_step_happens_with_the_writes_or_not_at_all(tmp_path) -> None:
    runs = {}
    for step in range(1, _DELETE_STEPS + 1):
        folder = tmp_path / f"etape-{step}"
        folder.mkdir()
        (folder / "b.yaml").write_text("ancien b", encoding="utf-8")
        (folder / "c.yaml").write_text("à effacer", encoding="utf-8")
        env = {**os.environ, CRASH_ENV: str(step)}
        command = [sys.executable, "-c", _DELETE_SCRIPT, str(folder)]
        runs[step] = (folder, subprocess.Popen(command, env=env, stderr=subprocess.PIPE))
    for step, (folder, process) in runs.items():
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == CRASH_EXIT, (step, stderr.decode())
        recover(Layout(folder))
        names = sorted(p.name for p in folder.iterdir() if p.name != ".utilsoc-cache")
        b = (folder / "b.yaml").read_text(encoding="utf-8")
        if step >= _DELETE_COMMIT:
            assert (names, b) == (["b.yaml"], "nouveau b"), step
        else:
            assert (names, b) == (["b.yaml", "c.yaml"], "ancien b"), step
