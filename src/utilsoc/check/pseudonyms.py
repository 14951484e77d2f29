"""Is a participant's code a pseudonym, or does it look like a person's name?

Why one function: a simple rule for now (two capitalised words, or a usual first name);
a real detector of personal data can replace `looks_like_name` without touching its
callers.
"""

from __future__ import annotations

import re
import unicodedata

# Usual first names in France (INSEE, births 1960–2020): enough to catch « Ines » or
# « karim » typed where a code such as E07 was expected.
_NAMES = """
    adam alexandre alice amandine amelie anais andre anne antoine arthur aurelie axel camille
    celine charlotte chloe christine christophe claire clement david elodie emma enzo eric
    fatima florian francois gabriel hugo ines isabelle jade jean jeanne julie julien karim
    kevin laura lea leo lina louis louise lucas lucie manon marie martin mathieu mehdi mohamed
    nathalie nicolas noah nora olivier paul pierre philippe quentin raphael romain sarah
    sophie stephane thomas valerie vincent yanis yasmine zoe
"""
_FIRST_NAMES = frozenset(_NAMES.split())
_WORD = re.compile(r"[^\W\d_]+")


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def looks_like_name(code: str) -> bool:
    """True when `code` reads like a person's name rather than a pseudonymous code.

    Two capitalised words, one at least written like a name (« Inès Martin », « MARTIN
    Inès », « Benali.Sofiane »), or any word that is a usual first name (« ines »,
    « Karim-2 »). Codes like E07, P03, ELV-12 or ELV-GAR pass.
    """
    words = _WORD.findall(code)
    if any(_plain(word) in _FIRST_NAMES for word in words):
        return True
    proper = [w for w in words if len(w) >= 2 and w[0].isupper() and w[1:].islower()]
    shouted = [w for w in words if len(w) >= 3 and w.isupper()]
    return len(proper) >= 1 and len(proper) + len(shouted) >= 2
