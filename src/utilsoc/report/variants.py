"""The association's own words in the report's language: its English variants (`en:`).

Why a copy of the models rather than a choice in each template: the labels reach a report
by many roads (tables, charts, sentences, the funder's workbook, the interviews grouped by
stakeholder); replaced once, before the context is computed, they are the same everywhere.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

if TYPE_CHECKING:
    from utilsoc.model.load import Project

M = TypeVar("M", bound=BaseModel)

# A field a variant gives with its companion: an English unit alone must not keep the
# French plural (`unité_pluriel: travaux`) meant for the French unit.
_TOGETHER = {"unite": "unite_pluriel"}
_HOLDS: dict[type[BaseModel], bool] = {}


def in_english(project: Project) -> Project:
    """The project with its English variants in place of the French words.

    Those of the référentiel, the logical frameworks and publics.yaml; association.yaml's
    are read by `Association.in_language`.
    """
    referentiel = project.referentiel
    return dataclasses.replace(
        project,
        referentiel=None if referentiel is None else english(referentiel),
        cadres={code: english(cadre) for code, cadre in project.cadres.items()},
        publics=english(project.publics),
    )


def english(model: M) -> M:
    """`model` with every `en:` inside it applied; copied only where something changes.

    A copy forgets its caches (the référentiel's index would point to French indicators).
    """
    update: dict[str, Any] = {}
    for name in _walked(type(model)):
        value = getattr(model, name)
        changed = _english_value(value)
        if changed is not value:
            update[name] = changed
    variant = getattr(model, "en", None)
    if isinstance(variant, BaseModel):
        update |= _variant(model, variant, update)
    if not update:
        return model
    copy = model.model_copy(update=update)
    for name, private in type(copy).__private_attributes__.items():
        setattr(copy, name, private.get_default())
    return copy


def _english_value(value: Any) -> Any:
    """A field's value with the variants inside it; the same object when none applies."""
    if isinstance(value, BaseModel):
        return english(value)
    if isinstance(value, list):
        items = [_english_value(item) for item in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        entries = {key: _english_value(item) for key, item in value.items()}
        return entries if any(entries[key] is not value[key] for key in value) else value
    return value


def _variant(model: BaseModel, variant: BaseModel, done: dict[str, Any]) -> dict[str, Any]:
    """The fields `variant` gives; a nested variant (`informations`) completes its model."""
    update: dict[str, Any] = {}
    for name in type(variant).model_fields:
        value = getattr(variant, name)
        if value is None:
            continue
        current = done.get(name, getattr(model, name))
        if isinstance(value, BaseModel) and isinstance(current, BaseModel):
            value = current.model_copy(update=_variant(current, value, {}))
        update[name] = value
        if name in _TOGETHER:
            update[_TOGETHER[name]] = getattr(variant, _TOGETHER[name])
    return update


@functools.cache
def _walked(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `cls` whose values may hold a model with an `en:` variant.

    Why: a federation référentiel has hundreds of indicators, each with targets, revisions
    and comparisons; only the branches that can hold a variant are visited.
    """
    return tuple(
        name
        for name, field in cls.model_fields.items()
        if name != "en" and any(_holds_variant(inner) for inner in _models(field.annotation))
    )


def _holds_variant(cls: type[BaseModel]) -> bool:
    """Whether `cls`, or a model inside it, has an `en` field."""
    if cls not in _HOLDS:
        _HOLDS[cls] = False  # a model that contains itself adds nothing
        _HOLDS[cls] = "en" in cls.model_fields or bool(_walked(cls))
    return _HOLDS[cls]


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    """The models an annotation names: `list[Indicateur]`, `Seance | None`…"""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for argument in typing.get_args(annotation):
        yield from _models(argument)
