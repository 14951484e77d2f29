"""Invalid folders as data: each case's expected.txt pins every line `validate` prints."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "data" / "invalid"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_invalid_case(cli, monkeypatch, tmp_path, case: str, update_golden: bool) -> None:
    # A copy: validate keeps its outcome in the folder, and every run must compute it.
    folder = tmp_path / case
    shutil.copytree(CASES / case, folder, ignore=shutil.ignore_patterns(".utilsoc-cache"))
    monkeypatch.chdir(folder)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    result = cli("validate")
    assert result.exit_code == 1
    expected = CASES / f"{case}.expected.txt"
    if update_golden:
        expected.write_text(result.stderr, encoding="utf-8")
    assert result.stderr == expected.read_text(encoding="utf-8")
    cache = folder / ".utilsoc-cache"
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and cache not in p.parents}
    assert after == {p: b for p, b in before.items() if cache not in p.parents}
