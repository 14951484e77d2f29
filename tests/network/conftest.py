"""The `builder` fixture of the network tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .builder import NetworkBuilder, make_builder


@pytest.fixture
def builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> NetworkBuilder:
    """An empty network folder in tmp_path, the current folder."""
    return make_builder(tmp_path, monkeypatch)
