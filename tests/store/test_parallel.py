"""When a folder is worth worker processes: many files, and enough not in the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from utilsoc.store import parallel
from utilsoc.store.files import read_measures

LINE = (
    "  - {indicateur: nb, période: 2025, valeur: 12, dimensions: {sexe: F}, auteur: marie, "
    "date: 2025-03-02}\n"
)


def _files(tmp_path: Path, count: int, size: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = tmp_path / "mesures" / f"{2000 + n}" / "marie.yaml"
        path.parent.mkdir(parents=True)
        path.write_text("valeurs:\n" + LINE * (size // len(LINE) + 1), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(autouse=True)
def _two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 2)


def test_a_small_association_reads_here(tmp_path: Path) -> None:
    files = _files(tmp_path, 30, 5_000)
    assert parallel.plan(files, tmp_path / "cache", "fork") is None


def test_a_large_folder_goes_to_workers_until_it_is_cached(tmp_path: Path) -> None:
    per_file = int(parallel.MIN_WORK_FORK / parallel.SECONDS_PER_MB_UNCACHED * 2**20 / 6)
    files = _files(tmp_path, 8, per_file)
    cache = tmp_path / "cache"
    assert parallel.plan(files, cache, "fork") == [True] * 8
    # Starting fresh interpreters costs more: the same folder is read here.
    assert parallel.plan(files, cache, "spawn") is None
    for path in files[:5]:
        read_measures(path, cache)
    assert parallel.plan(files, cache, "fork") is None  # what is left is worth less
    for path in files[5:]:
        read_measures(path, cache)
    assert parallel.plan(files, cache, "fork") is None


def test_one_core_reads_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path, 8, 2**20)
    assert parallel.plan(files, tmp_path / "cache", "fork") is not None
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    assert parallel.plan(files, tmp_path / "cache", "fork") is None


def test_only_a_large_folder_is_kept_out_of_later_collections() -> None:
    import gc

    kept = [object() for _ in range(10)]  # tracked objects that the freeze takes along
    gc.unfreeze()
    try:
        parallel.settle(parallel.SETTLED_FROM - 1)
        assert gc.get_freeze_count() == 0
        parallel.settle(parallel.SETTLED_FROM)
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()
