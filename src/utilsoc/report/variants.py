"""The association's own words in the report's language: its English variants (`en:`).

Why a copy of the référentiel rather than a choice in each template: the labels reach a
report by many roads (tables, charts, sentences, the funder's workbook); replaced once,
before the context is computed, they are the same everywhere.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

if TYPE_CHECKING:
    from utilsoc.model.load import Project

M = TypeVar("M", bound=BaseModel)


def in_english(project: Project) -> Project:
    """The project with the référentiel's English variants in place of the French words."""
    referentiel = project.referentiel
    if referentiel is None:
        return project
    domains = [
        _english(
            domain,
            criteres=[
                _english(
                    criterion,
                    indicateurs=[_english(i) for i in criterion.indicateurs],
                    themes=[_english(t) for t in criterion.themes],
                )
                for criterion in domain.criteres
            ],
        )
        for domain in referentiel.domaines
    ]
    english = referentiel.model_copy(
        update={"domaines": domains, "dimensions": [_english(d) for d in referentiel.dimensions]}
    )
    english._index = None  # the copy's index would point to the French indicators
    return dataclasses.replace(project, referentiel=english)


def _english(model: M, **update: Any) -> M:
    """`model` with the fields its `en:` gives, and `update`."""
    variant = getattr(model, "en", None)
    if variant is not None:
        update |= variant.model_dump(exclude_none=True)
    return model.model_copy(update=update) if update else model
