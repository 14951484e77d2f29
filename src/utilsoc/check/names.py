"""Full names in a text, in any case: a common first name next to a surname-like word.

« Inès Martin », « MARTIN Inès », « ines martin » and « Inès MARTIN » are full names;
« Inès », « Yanis a dit », « le collège Jean Moulin » and « Merci Inès » are not. The
first names are a compact list of the most given ones in France (the public source is
INSEE's fichier des prénoms), read on first use; accents are folded before comparing.

Why the case matters: two capitalised words, or one in capitals, are names in ordinary
French; in lower case a first name followed by any word is mostly a subject and its
verb (« léo adore »), so the second word must then be a common surname (« ines martin »).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

_DATA = Path(__file__).parent / "data"
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ELIDED = re.compile(r"(?:[ldjmstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]|n['’]", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\u00a0\u202f]+")


class Span(NamedTuple):
    """Where a full name lies in the text: `text[start:end]`."""

    start: int
    end: int


class _Token(NamedTuple):
    start: int
    end: int
    word: str
    folded: str


def fold(text: str) -> str:
    """Lower case without accents: « Inès » → « ines », « Élodie » → « elodie »."""
    decomposed = unicodedata.normalize("NFD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def _words(name: str) -> frozenset[str]:
    """A data file's words, one a line, folded (read once, on first use)."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return frozenset(fold(line.strip()) for line in text.splitlines() if line.strip())


def first_names() -> frozenset[str]:
    """The folded common first names."""
    return _words("prenoms.txt")


class _Lists(NamedTuple):
    """The data files, folded: first names, surnames, and the words that rule a pair out."""

    names: frozenset[str]
    surnames: frozenset[str]
    common: frozenset[str]  # function words, days, titles: never a surname
    word_names: frozenset[str]  # first names that are also words: « rose », « pierre »
    places: frozenset[str]  # before two names, a place: « collège Jean Moulin »


@cache
def _lists() -> _Lists:
    files = ("prenoms.txt", "noms.txt", "mots.txt", "prenoms-mots.txt", "lieux.txt")
    return _Lists(*map(_words, files))


def full_names(text: str) -> list[Span]:
    """Where `text` holds a full name, each span once, in order."""
    tokens = list(_tokens(text))
    if len(tokens) < 2:
        return []
    lists, shouted = _lists(), _shouted(text, len(tokens))
    found: list[Span] = []
    for i in range(len(tokens) - 1):
        left, right = tokens[i], tokens[i + 1]
        if not _SPACE.fullmatch(text, left.end, right.start):
            continue
        before = tokens[i - 1] if i else None
        if (
            before
            and before.folded in lists.places
            and _SPACE.fullmatch(text, before.end, left.start)
        ):
            continue
        if _is_pair(left, right, lists, shouted) or _is_pair(right, left, lists, shouted):
            _add(found, Span(left.start, right.end))
    return found


def _tokens(text: str) -> Iterator[_Token]:
    """Each word, without an elided article or pronoun (« d'Inès » → « Inès »)."""
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        elided = _ELIDED.match(word)
        if elided and not (word[0] == "N" and word[2:3].isupper()):  # N'Diaye
            start, word = start + elided.end(), word[elided.end() :]
        if word:
            yield _Token(start, match.end(), word, fold(word))


def _shouted(text: str, count: int) -> bool:
    """A sentence written in capitals: case says nothing about names there."""
    if count < 4:
        return False
    upper = sum(c.isupper() for c in text)
    return upper > 0.6 * sum(c.isalpha() for c in text)


def _is_pair(first: _Token, other: _Token, lists: _Lists, shouted: bool) -> bool:
    """Whether `first` is a first name and `other`, next to it, makes a full name."""
    return _first_name(first, lists.names) and _surname_like(first, other, lists, shouted)


def _first_name(token: _Token, names: frozenset[str]) -> bool:
    """« Inès », « Jean-Pierre », « marie-claire »: known, whole or each part."""
    return token.folded in names or all(part in names for part in token.folded.split("-"))


def _surname_like(first: _Token, other: _Token, lists: _Lists, shouted: bool) -> bool:
    """Capitalised and not a common word, or a common surname (« martin »).

    A first name that is also a word (« rose ») is a name in lower case only beside a
    capitalised word.
    """
    if other.folded in lists.common or other.folded in lists.places or len(other.word) < 2:
        return False
    plain_word = first.folded in lists.word_names
    if _capitalised(other.word) and not shouted:
        return _capitalised(first.word) or not plain_word
    if other.folded not in lists.surnames:
        return False
    return (_capitalised(first.word) and not shouted) or not plain_word


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _add(found: list[Span], span: Span) -> None:
    """Append `span`, merged with the last one when they overlap (« Marie Claire Dupont »)."""
    if found and span.start < found[-1].end:
        found[-1] = Span(found[-1].start, span.end)
    else:
        found.append(span)
