"""Measurement files checked here or in worker processes: the same records, issues and cache."""

from __future__ import annotations

import marshal
import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from utilsoc.check import measures
from utilsoc.check.measures import MeasureCheck, check_measures
from utilsoc.errors import FileAccessError
from utilsoc.model.load import load_project
from utilsoc.project import find_root
from utilsoc.store import parallel
from utilsoc.store.files import measures_cache

PERIOD = "2024-2025"


def _line(value: str, site: str = "Les Tilleuls", author: str = "Nadia", code: str = "") -> str:
    code = code or "nb_eleves_accompagnes"
    return (
        f"  - {{indicateur: {code}, période: {PERIOD}, valeur: {value}, "
        f'dimensions: {{site: "{site}"}}, auteur: {author}, date: 2025-09-05}}\n'
    )


def _folder(example: Any) -> Path:
    """The example folder, plus files valid, invalid and unreadable, read fast or strictly."""
    root: Path = example("echec-scolaire")
    files = {
        "valide-1": "valeurs:\n" + _line("12") + _line("13", "La Garenne"),
        "valide-2": "valeurs:\n" + _line("7", "Centre-ville", "Yves"),
        "strict": "valeurs:\n" + _line("12").replace("}\n", "}  # relu\n"),
        "inconnu": "valeurs:\n" + _line("4") + _line("5", code="nb_inconnu") + _line("x"),
        "dimension": "valeurs:\n" + _line("3", "Ailleurs") + _line("3", "Ailleurs"),
        "conflit": "valeurs:\n" + _line("99"),
        "preuve": (
            "témoignages:\n  - {période: 2024-2025, texte: Merci, rôle: autre, pseudonyme: Z, "
            "consentement: true, critères: [NON-9], auteur: Nadia, date: 2025-01-02}  # vu\n"
        ),
        "syntaxe": "valeurs:\n  - {indicateur: [\n",
        "marqueurs": "valeurs:\n<<<<<<< HEAD\n"
        + _line("1")
        + "=======\n"
        + _line("2")
        + ">>>>>>>\n",
    }
    for name, text in files.items():
        path = root / "mesures" / PERIOD / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
    (root / "mesures" / PERIOD / "latin1.yaml").write_bytes("valeurs: é\n".encode("latin-1"))
    return root


def _check(root: Path) -> MeasureCheck:
    return check_measures(load_project(find_root(root)))


def _cache(root: Path) -> dict[str, Any]:
    folder = measures_cache(find_root(root))
    return {p.name: marshal.loads(p.read_bytes()) for p in folder.iterdir()}


@pytest.fixture
def remote(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Any folder goes to the workers; the list counts the files sent to them."""
    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    monkeypatch.setattr(parallel, "MIN_WORK_FORK", 0.0)
    monkeypatch.setattr(parallel, "MIN_WORK_SPAWN", 0.0)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    sent: list[int] = []
    in_order = parallel.Workers.in_order

    def counted(self: Any, items: Any, far: Any, *args: Any) -> Any:
        sent.append(sum(far))
        return in_order(self, items, far, *args)

    monkeypatch.setattr(parallel.Workers, "in_order", counted)
    return sent


def _same(here: MeasureCheck, there: MeasureCheck) -> None:
    assert there.records == here.records
    assert there.issues == here.issues
    assert there.evidence == here.evidence
    assert (there.files, there.read, there.unchecked) == (here.files, here.read, here.unchecked)


def test_workers_find_what_this_process_finds(
    example: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = _folder(example)
    plan = parallel.plan
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    here = _check(root)
    cache_here = _cache(root)
    codes = {issue.code for issue in here.issues}
    assert {"indicateur-inconnu", "valeur-invalide", "conflit-de-valeurs"} <= codes
    assert {"valeur-de-dimension-inconnue", "reference-inconnue", "encodage"} <= codes
    assert remote == []
    monkeypatch.setattr(parallel, "plan", plan)
    for entry in measures_cache(find_root(root)).iterdir():
        entry.unlink()
    there = _check(root)
    assert remote == [here.files]  # every file was read by a worker
    _same(here, there)
    assert _cache(root) == cache_here


def test_an_edited_file_is_read_again_by_the_workers(
    example: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = _folder(example)
    first = _check(root)
    edited = root / "mesures" / PERIOD / "valide-2.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + _line("8", "La Garenne", "Yves"))
    second = _check(root)
    assert remote == [first.files, first.files]
    assert len(second.records) == len(first.records) + 1
    cache = _cache(root)
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    _same(_check(root), second)
    assert _cache(root) == cache  # one entry per file, the edited file's replaced


def test_lines_waiting_for_the_referentiel_are_counted_alike(
    example: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    project = load_project(find_root(_folder(example)))
    there = check_measures(project, checked=False)
    assert remote == [there.files]
    assert there.unchecked > there.read > 0
    assert there.records == []
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    _same(check_measures(project, checked=False), there)


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_workers_started_afresh_give_the_same_result(
    example: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int], method: str
) -> None:
    """Spawn is how Windows and macOS start workers: nothing may rely on a forked copy."""
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} indisponible ici")
    root = _folder(example)
    monkeypatch.setattr(parallel, "start_method", lambda: method)
    there = _check(root)
    assert remote == [there.files]
    for entry in measures_cache(find_root(root)).iterdir():
        entry.unlink()
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    _same(_check(root), there)


@pytest.mark.skipif(parallel.start_method() != "fork", reason="l'erreur est posée avant le fork")
def test_an_error_in_a_worker_is_raised_here_as_it_would_be(
    example: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = _folder(example)
    (root / "mesures" / PERIOD / "dossier.yaml").write_text("valeurs: []\n", encoding="utf-8")
    check = measures.FileChecker.check

    def refuse(self: Any, path: Path) -> Any:
        if path.name == "dossier.yaml":
            raise FileAccessError(f"lecture impossible de {path.name}", "vérifiez les droits")
        return check(self, path)

    monkeypatch.setattr(measures.FileChecker, "check", refuse)
    with pytest.raises(FileAccessError) as there:
        _check(root)
    assert remote == [len(list((root / "mesures").rglob("*.yaml")))]
    monkeypatch.setattr(parallel, "plan", lambda *args: None)
    with pytest.raises(FileAccessError) as here:
        _check(root)
    assert (there.value.message, there.value.hint) == (here.value.message, here.value.hint)
    assert "dossier.yaml" in here.value.message
    assert _workers_ended()


@pytest.mark.skipif(parallel.start_method() != "fork", reason="le test tue un ouvrier forké")
def test_a_killed_worker_gives_a_french_error_not_a_hang(
    example: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = _folder(example)
    main = os.getpid()
    check = measures.FileChecker.check

    def dying(self: measures.FileChecker, path: Path) -> Any:
        if os.getpid() != main and path.name == "conflit.yaml":
            os.kill(os.getpid(), signal.SIGKILL)
        return check(self, path)

    monkeypatch.setattr(measures.FileChecker, "check", dying)
    with pytest.raises(parallel.WorkerLost) as lost:
        _check(root)
    assert "processus de lecture des mesures s'est arrêté" in lost.value.message
    assert lost.value.hint.startswith("relancez la commande")
    assert _workers_ended()


def test_ctrl_c_ends_the_workers(
    example: Any, monkeypatch: pytest.MonkeyPatch, remote: list[int]
) -> None:
    root = _folder(example)
    running: list[int] = []

    def interrupted(answer: Any) -> Any:
        running.append(len(multiprocessing.active_children()))
        raise KeyboardInterrupt

    monkeypatch.setattr(measures, "_received", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _check(root)
    assert running[0] >= 1
    assert _workers_ended()


def _workers_ended() -> bool:
    """No worker process left (the pool's own thread may record their end a moment later)."""
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    return multiprocessing.active_children() == []
