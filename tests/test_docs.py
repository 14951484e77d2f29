"""The French guide stays in step with the code: every key and every issue code is documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from utilsoc.actions.schema import SCHEMAS
from utilsoc.codes import Code
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


def _documented_codes() -> list[str]:
    """The first cell of every row of the issue tables (those headed `| code | ce que…`)."""
    codes, in_table = [], False
    for line in (ROOT / "docs" / "erreurs.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| code | ce que cela veut dire |"):
            in_table = True
        elif not line.startswith("|"):
            in_table = False
        elif in_table and not line.startswith("| ---"):
            codes.append(line.split("|")[1].strip().strip("`"))
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


@pytest.mark.parametrize("code", list(Code), ids=str)
def test_every_issue_code_has_a_row_in_the_error_guide(code: Code) -> None:
    assert code.value in _documented_codes()


def test_every_code_of_the_error_guide_is_an_issue_code() -> None:
    documented = _documented_codes()
    assert len(documented) > 50
    unknown = [code for code in documented if code not in {c.value for c in Code}]
    assert not unknown, f"codes de docs/erreurs.md que le code ne donne pas : {unknown}"
    assert len(documented) == len(set(documented)), "un code a deux lignes dans docs/erreurs.md"


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda c: c.name)
def test_every_exit_code_is_documented(code: ExitCode) -> None:
    text = (ROOT / "docs" / "erreurs.md").read_text(encoding="utf-8")
    assert f"| {int(code)} " in text or f"| `{int(code)}` " in text
