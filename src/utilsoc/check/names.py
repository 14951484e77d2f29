"""Full names in a text, in any case: a common first name next to a surname-like word.

Also whether a participant's code looks like a name (`looks_like_name`): the interviews,
the stories and `entretien ajouter` ask it of every code and interview file name.

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
from functools import cache
from pathlib import Path
from typing import NamedTuple

_DATA = Path(__file__).parent / "data"
_WORD = re.compile(r"(?:[NO]['’](?=[A-Z]))?[^\W\d_]+(?:-[^\W\d_]+)*")  # N'Diaye, O'Neil
_PLAIN_WORD = re.compile(r"[^\W\d_]+")
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


def _folding_table() -> dict[int, str]:
    """Each accented Latin letter to its plain letter, one character for one."""
    table = {ord("’"): "'"}
    for point in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(point))[0]
        if base != chr(point) and base.isascii():
            table[point] = base
    return table


_FOLDING = _folding_table()


def fold(text: str) -> str:
    """Lower case without accents: « Inès » → « ines », « Élodie » → « elodie »."""
    return text.translate(_FOLDING).lower()


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
    """Where `text` holds a full name, each span once, in order.

    Why in two passes: the words that are first names are found by set look-ups over the
    whole text; only their neighbours are then looked at closely.
    """
    folded = fold(text)
    plain = _PLAIN_WORD.findall(folded)
    if len(plain) < 2:
        return []
    lists = _lists()
    names = lists.names
    if names.isdisjoint(plain):
        return []  # most texts: no first name at all, known by set operations in C
    spans = [match.span() for match in _WORD.finditer(text)]
    if len(folded) == len(text):
        words = [folded[start:end] for start, end in spans]
    else:  # a letter whose lower case is longer (« İ »): fold word by word
        words = [fold(text[start:end]) for start, end in spans]
    hits = [i for i, word in enumerate(words) if _first_name(word, names)]
    if not hits:
        return []
    pairs = sorted({i + side for i in hits for side in (-1, 0) if 0 <= i + side < len(spans) - 1})
    shouted = _shouted(text, len(spans))
    found: list[Span] = []
    for i in pairs:
        left, right = _token(text, spans, words, i), _token(text, spans, words, i + 1)
        before = _token(text, spans, words, i - 1) if i else None
        if _pair_at(text, before, left, right, lists, shouted):
            _add(found, Span(left.start, right.end))
    return found


def _token(text: str, spans: list[tuple[int, int]], words: list[str], i: int) -> _Token:
    start, end = spans[i]
    return _Token(start, end, text[start:end], words[i])


def _pair_at(
    text: str, before: _Token | None, left: _Token, right: _Token, lists: _Lists, shouted: bool
) -> bool:
    """Whether `left` and `right`, side by side, are a full name (not a place's)."""
    if not _SPACE.fullmatch(text, left.end, right.start):
        return False
    if before and before.folded in lists.places and _SPACE.fullmatch(text, before.end, left.start):
        return False
    return _is_pair(left, right, lists, shouted) or _is_pair(right, left, lists, shouted)


def _shouted(text: str, count: int) -> bool:
    """A sentence written in capitals: case says nothing about names there."""
    if count < 4:
        return False
    return sum(map(str.isupper, text)) > 0.6 * sum(map(str.isalpha, text))


def _is_pair(first: _Token, other: _Token, lists: _Lists, shouted: bool) -> bool:
    """Whether `first` is a first name and `other`, next to it, makes a full name."""
    return _first_name(first.folded, lists.names) and _surname_like(first, other, lists, shouted)


def _first_name(folded: str, names: frozenset[str]) -> bool:
    """« ines », « jean-pierre », « marie-ines »: known, whole or each part."""
    return folded in names or "-" in folded and all(p in names for p in folded.split("-"))


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


def looks_like_name(code: str) -> bool:
    """Whether a participant's code (or a file's name) names a person instead of hiding one.

    The code is read as words (« MARTIN_Ines », « Benali.Sofiane » → two words): it names
    a person when those words hold a full name, or when one of them is a common first
    name on its own (« Ines », « karim-2 »). E07, P03, ELV-12, ELV-GAR or Parent-3 pass.

    Why a first name alone is refused here and not in a text: a code is chosen to hide
    who the person is; a first name in it gives that away, and is kept in git's history.
    """
    words = _PLAIN_WORD.findall(code.replace("_", " "))
    names = _lists().names
    if any(len(word) >= 3 and _first_name(fold(word), names) for word in words):
        return True
    return bool(full_names(" ".join(words)))
