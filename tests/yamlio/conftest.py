"""The YAML reader runs on libyaml when present, else on pure PyYAML: tests run on both."""

from __future__ import annotations

import pytest
import yaml

import utilsoc.yamlio.reader as reader


@pytest.fixture(params=["libyaml", "pure"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure":
        monkeypatch.setattr(reader, "Loader", yaml.SafeLoader)
    elif not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("libyaml absent")
    return str(request.param)
