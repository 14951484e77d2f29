"""One file checked here or in a worker: a worker's error, death or Ctrl-C, as here."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from utilsoc.check import files
from utilsoc.check.measures import MeasureCheck, check_measures
from utilsoc.errors import FileAccessError
from utilsoc.model.load import load_project
from utilsoc.project import find_root
from utilsoc.store import parallel


def check_folder_measures(root: Path) -> MeasureCheck:
    return check_measures(load_project(find_root(root)))


def workers_ended() -> bool:
    """No worker process left (the pool's own thread may record their end a moment later)."""
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    return multiprocessing.active_children() == []


@pytest.mark.skipif(parallel.start_method() != "fork", reason="l'erreur est posée avant le fork")
def test_an_error_in_a_worker_is_raised_here_as_it_would_be(
    measures_folder: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = measures_folder()
    (root / "mesures" / "2024-2025" / "dossier.yaml").write_text("valeurs: []\n", encoding="utf-8")
    check = files.FileChecker.check

    def refuse(self: Any, path: Path) -> Any:
        if path.name == "dossier.yaml":
            raise FileAccessError(f"lecture impossible de {path.name}", "vérifiez les droits")
        return check(self, path)

    monkeypatch.setattr(files.FileChecker, "check", refuse)
    with pytest.raises(FileAccessError) as there:
        check_folder_measures(root)
    assert remote == [len(list((root / "mesures").rglob("*.yaml")))]
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    with pytest.raises(FileAccessError) as here:
        check_folder_measures(root)
    assert (there.value.message, there.value.hint) == (here.value.message, here.value.hint)
    assert "dossier.yaml" in here.value.message
    assert workers_ended()


@pytest.mark.skipif(parallel.start_method() != "fork", reason="le test tue un ouvrier forké")
def test_a_killed_worker_gives_a_french_error_not_a_hang(
    measures_folder: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = measures_folder()
    main = os.getpid()
    check = files.FileChecker.check

    def dying(self: files.FileChecker, path: Path) -> Any:
        if os.getpid() != main and path.name == "conflit.yaml":
            os.kill(os.getpid(), signal.SIGKILL)
        return check(self, path)

    monkeypatch.setattr(files.FileChecker, "check", dying)
    with pytest.raises(parallel.WorkerLost) as lost:
        check_folder_measures(root)
    assert "processus de lecture des mesures s'est arrêté" in lost.value.message
    assert lost.value.hint.startswith("relancez la commande")
    assert workers_ended()


def test_ctrl_c_ends_the_workers(
    measures_folder: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = measures_folder()
    running: list[int] = []

    def interrupted(answer: Any) -> Any:
        running.append(len(multiprocessing.active_children()))
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "_received", interrupted)
    with pytest.raises(KeyboardInterrupt):
        check_folder_measures(root)
    assert running[0] >= 1
    assert workers_ended()


def _file(root: Path, *lines: str) -> Path:
    path = root / "mesures" / "2024-2025" / "lot.yaml"
    path.write_text("valeurs:\n" + "".join(lines), encoding="utf-8")
    return path


def test_each_value_is_judged_even_when_its_parts_are_valid_elsewhere(example: Any) -> None:
    """A valid value, a valid period and valid dimensions, met in one record: it fits."""
    root = example("echec-scolaire")
    line = (
        "  - {indicateur: nb_eleves_accompagnes, période: 2024-2025, valeur: 12, "
        'dimensions: {site: "Les Tilleuls"}, auteur: Nadia, date: 2025-09-05}\n'
    )
    others = [
        line.replace("valeur: 12", "valeur: -1"),  # a value refused, elsewhere valid
        line.replace("Les Tilleuls", "Ailleurs"),  # a site unknown
        line.replace("période: 2024-2025", "période: 2025-T1"),  # out of its rhythm
    ]
    checker = files.FileChecker(load_project(find_root(root)), True)
    every = checker.check(_file(root, line, line.replace("12", "13")))
    assert every.issues == []
    assert [r.valeur for r in every.records] == ["12", "13"]
    assert list(every.lines) == [2, 3]
    mixed = checker.check(_file(root, line, *others, line.replace("12", "14")))
    assert [r.valeur for r in mixed.records] == ["12", "14"]
    assert list(mixed.lines) == [2, 6]
    assert [(i.line, i.code) for i in mixed.issues] == [
        (3, "valeur-invalide"),
        (4, "valeur-de-dimension-inconnue"),
        (5, "periode-hors-frequence"),
    ]
