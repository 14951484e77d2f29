"""Where an error's location leads inside a model: the keys allowed there, a union's branches.

Why: pydantic names an error by a path of keys and indexes (`domaines.0.critères...`);
to suggest the right key, or to report a value that fits no branch of a union once and
in the branch the user meant, the path is followed through the models' annotations.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from utilsoc.yamlio.keys import normalize_key

Loc = tuple[str | int, ...]


def known_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The YAML keys allowed at `loc` inside `model`, or [] if it is not a model."""
    current: Any = model
    for part in loc:
        current = _inside(_unwrap(current), part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def without_branches(errors: list[ErrorDetails], model: type[BaseModel]) -> list[ErrorDetails]:
    """The errors of a value that fits no branch of a union, kept for one branch only.

    pydantic reports `a: [1]` under `indicateurs: dict[Code, str | Termes]` twice, once per
    branch, each named by the branch (`constrained-str`, `Termes`). A block (`{...}`) was
    meant for the model branch, anything else for the other: only that branch's errors
    are kept, and the branch's name is taken out of their location.
    """
    kept: list[ErrorDetails] = []
    for details in errors:
        found = _branch(model, details["loc"])
        if found is None:
            kept.append(details)
            continue
        index, models = found
        if _meant(errors, details["loc"][:index], models) == (details["loc"][index] in models):
            loc = details["loc"][:index] + details["loc"][index + 1 :]
            kept.append(typing.cast(ErrorDetails, {**details, "loc": loc}))
    return kept


def _meant(errors: list[ErrorDetails], prefix: Loc, models: set[str]) -> bool:
    """Was the value at `prefix` written as a block (for a model branch of the union)?"""
    for details in errors:
        loc = details["loc"]
        if len(loc) == len(prefix) + 1 and loc[: len(prefix)] == prefix:
            return isinstance(details.get("input"), dict)  # a branch's own error holds it
    return any(len(e["loc"]) > len(prefix) + 1 and e["loc"][len(prefix)] in models for e in errors)


def _branch(model: type[BaseModel], loc: Loc) -> tuple[int, set[str]] | None:
    """Where in `loc` a union's branch is named, and the names of its model branches."""
    current: Any = model
    for index, part in enumerate(loc):
        if part == "[key]":
            return None  # the error is about a mapping's key, not its value
        options = _options(current)
        if len(options) > 1:  # pydantic names the branch next: `str`, `Termes`...
            return index, {o.__name__ for o in options if _is_model(o)}
        current = _inside(_unwrap(current), part)
        if current is None:
            return None
    return None


def _inside(annotation: Any, part: str | int) -> Any:
    """The type of the item `part` (a list index, a field's or a mapping's key), or None."""
    annotation = _plain(annotation)
    if _is_model(annotation):
        fields = {normalize_key(f.alias or n): f for n, f in annotation.model_fields.items()}
        field = fields.get(normalize_key(str(part)))
        return field.annotation if field else None
    args = typing.get_args(annotation)
    if not args:
        return None
    if typing.get_origin(annotation) is dict and part == "[key]":
        return args[0]
    return args[-1]


def _options(annotation: Any) -> list[Any]:
    """The branches of a union, without None; [] for any other type."""
    annotation = _plain(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return []


def _unwrap(annotation: Any) -> Any:
    """`X | None` → X."""
    options = _options(annotation)
    return options[0] if len(options) == 1 else _plain(annotation)


def _plain(annotation: Any) -> Any:
    """`Annotated[X, ...]` → X."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
