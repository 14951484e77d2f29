"""The French guide stays in step with the code: every key and every issue code is documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pydantic import BaseModel

from utilsoc.actions.schema import SCHEMAS
from utilsoc.errors import ExitCode
from utilsoc.yamlio.messages import _CODES

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "src" / "utilsoc"


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


def _issue_codes() -> set[str]:
    """Codes given to Issue(file, line, column, CODE, ...) and Reporter.add(role, loc, CODE...)."""
    codes = set(_CODES.values()) | {"reference-inconnue", "code-en-double", "preuve-invalide"}
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = {"Issue": 3, "add": 2, "_refuse": 1, "_fatal": 1, "Problem": 1}.get(name)
            if position is not None and len(node.args) > position:
                argument = node.args[position]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    codes.add(argument.value)
    return codes


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


def test_every_issue_code_is_in_the_error_guide() -> None:
    codes = _issue_codes()
    assert len(codes) > 25
    text = (ROOT / "docs" / "erreurs.md").read_text(encoding="utf-8")
    missing = sorted(code for code in codes if f"`{code}`" not in text)
    assert not missing, f"codes absents de docs/erreurs.md : {missing}"


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda c: c.name)
def test_every_exit_code_is_documented(code: ExitCode) -> None:
    text = (ROOT / "docs" / "erreurs.md").read_text(encoding="utf-8")
    assert f"| {int(code)} " in text or f"| `{int(code)}` " in text
