"""JSON output is always JSON that any reader accepts."""

from __future__ import annotations

import json

import pytest

from utilsoc.cli.output import print_json


def test_print_json_never_writes_nan_or_infinity(capsys: pytest.CaptureFixture[str]) -> None:
    print_json({"a": float("nan"), "b": [1.5, float("inf"), {"c": -float("inf")}], "é": "x"})
    shown = capsys.readouterr().out
    assert "NaN" not in shown
    assert "Infinity" not in shown
    strict = json.loads(shown, parse_constant=lambda constant: pytest.fail(constant))
    assert strict == {"a": None, "b": [1.5, None, {"c": None}], "é": "x"}


def test_print_json_keeps_ordinary_data(capsys: pytest.CaptureFixture[str]) -> None:
    print_json([{"file": "référentiel.yaml", "line": 3, "value": 2.5}])
    assert capsys.readouterr().out == (
        '[\n  {\n    "file": "référentiel.yaml",\n    "line": 3,\n    "value": 2.5\n  }\n]\n'
    )
