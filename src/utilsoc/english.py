"""English grammar of units in an English report: `1 pupil`, `3 pupils`, `1 person`.

Why not the French rules: they would make "people" into "peoples" and "hours of support"
into "hours of supports"; an English unit is a noun group whose head is its last word
before a preposition ("volunteer hours", "hours of support").
"""

from __future__ import annotations

import re

__all__ = ["unit_forms"]

_PREPOSITIONS = frozenset({"of", "per", "in", "on", "at", "for", "out", "by", "with", "from"})
# Singular → plural, and words that have one form only.
_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women"}
_INVARIABLE = frozenset({"staff", "series", "species", "sheep", "fish", "news", "hundred"})
_SINGULAR_OF = {plural: singular for singular, plural in _IRREGULAR.items()}
_SIBILANT = re.compile(r"(s|x|z|ch|sh)$")


def unit_forms(unit: str, plural: str | None = None) -> tuple[str, str]:
    """The singular and plural of an English unit, written in either form.

    `pupils` → (pupil, pupils), `activity` → (activity, activities), `people` → (person,
    people), `hours of support` → (hour of support, hours of support); symbols and
    abbreviations (`%`, `h`, `km`, `FTE`) stay as they are. With `plural`, `unit` is the
    singular.
    """
    if plural:
        return unit, plural
    words = unit.split(" ")
    head = _head(words)
    if head is None:
        return unit, unit
    word = words[head]
    if word.lower() in _SINGULAR_OF or _looks_plural(word):
        return _replace(words, head, _singular(word)), unit
    return unit, _replace(words, head, _plural(word))


def _head(words: list[str]) -> int | None:
    """The position of the word that agrees with the count, or None if none does."""
    group = len(words)
    for position, word in enumerate(words):
        if position and word.lower() in _PREPOSITIONS:
            group = position
            break
    word = words[group - 1]
    if not word.isalpha() or word.isupper() or len(word) < 3 or word.lower() in _INVARIABLE:
        return None
    return group - 1


def _replace(words: list[str], position: int, word: str) -> str:
    return " ".join([*words[:position], word, *words[position + 1 :]])


def _looks_plural(word: str) -> bool:
    lowered = word.lower()
    return lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))


def _singular(word: str) -> str:
    lowered = word.lower()
    if lowered in _SINGULAR_OF:
        return _SINGULAR_OF[lowered]
    if lowered.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lowered.endswith("es") and _SIBILANT.search(lowered[:-2]):
        return word[:-2]
    return word[:-1]


def _plural(word: str) -> str:
    lowered = word.lower()
    if lowered in _IRREGULAR:
        return _IRREGULAR[lowered]
    if lowered.endswith("y") and lowered[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if _SIBILANT.search(lowered):
        return word + "es"
    return word + "s"
