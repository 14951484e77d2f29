"""Atomic writes: the old file or the new one, never half of one, permissions kept."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from utilsoc.errors import FileAccessError
from utilsoc.store.atomic import write_atomic, write_atomic_bytes


def test_a_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sous" / "a.yaml"
    write_atomic(target, "a: 1\r\nb: é\n")
    write_atomic(target, "a: 2\n")
    assert target.read_bytes() == b"a: 2\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("a: 1\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic_bytes(target, b"a: 2\n")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("a: 1\n", encoding="utf-8")

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(FileAccessError, match="écriture impossible"):
        write_atomic(target, "a: 2\n")
    assert target.read_text(encoding="utf-8") == "a: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
