"""The French guide stays in step with the code: every key and exit code is documented.

Issue codes are checked both ways in tests/test_codes.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from utilsoc.actions.schema import SCHEMAS
from utilsoc.errors import ExitCode

ROOT = Path(__file__).parent.parent


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    seen.add(model)
    for field in model.model_fields.values():
        for candidate in _types_in(field.annotation):
            is_model = isinstance(candidate, type) and issubclass(candidate, BaseModel)
            if is_model and candidate not in seen:
                _models(candidate, seen)
    return seen


def _types_in(annotation: object) -> list[object]:
    args = getattr(annotation, "__args__", ())
    return [annotation, *[t for arg in args for t in _types_in(arg)]]


def test_every_yaml_key_is_in_the_format_reference() -> None:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    missing = sorted(
        f"{model.__name__}.{field.alias or name}"
        for root, _ in SCHEMAS.values()
        for model in _models(root, set())
        for name, field in model.model_fields.items()
        if f"`{field.alias or name}`" not in text
    )
    assert not missing, f"clés absentes de docs/format.md : {missing}"


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda c: c.name)
def test_every_exit_code_is_documented(code: ExitCode) -> None:
    text = (ROOT / "docs" / "erreurs.md").read_text(encoding="utf-8")
    assert f"| {int(code)} " in text or f"| `{int(code)}` " in text
