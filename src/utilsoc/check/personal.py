"""Personal data in a text: full names, e-mail addresses, French phone numbers, addresses.

`find_personal_data(text)` is the one detector: the entry commands, `validate`, the
inventory of `donnees-personnelles` and whoever checks a new kind of text call it. It
returns facts (what kind, where, the text matched); the French messages are the
caller's. Each call is linear in the text: a few compiled patterns and set look-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from utilsoc.check.names import fold, full_names


class Kind(StrEnum):
    """What kind of personal data a finding is."""

    NOM_COMPLET = "nom_complet"
    COURRIEL = "courriel"
    TELEPHONE = "telephone"
    ADRESSE = "adresse"


LABELS = {
    Kind.NOM_COMPLET: "un nom complet",
    Kind.COURRIEL: "une adresse électronique",
    Kind.TELEPHONE: "un numéro de téléphone",
    Kind.ADRESSE: "une adresse postale",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of personal data: its kind and where it lies (`text[start:end]`)."""

    kind: Kind
    start: int
    end: int
    text: str

    @property
    def span(self) -> tuple[int, int]:
        """`(start, end)`, as `re.Match.span()` gives it."""
        return (self.start, self.end)


_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?|0)[1-9](?:[ .-]?\d{2}){4}(?![\d])"
)
_STREET = (
    r"rue|avenue|av\.|bd|boulevard|place|chemin|all[ée]e|impasse|quai|route|square|"
    r"r[ée]sidence|lotissement|cours|passage|voie|sentier|cit[ée]|hameau|villa|esplanade|"
    r"faubourg|parvis|chauss[ée]e|mont[ée]e|rond-point"
)
_ADDRESS = re.compile(
    r"(?<![\w,.])\d{1,4}(?:[ ]?(?:bis|ter|[a-dA-D]))?\b,?[ \t]+"
    rf"(?P<street>(?i:{_STREET}))[ \t]+"
    r"(?P<link>(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*)?"
    r"(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[A-ZÀ-Ý][\w'’-]*)*)"
)
# Street words that are also ordinary words (« 3 cours de maths »): name capitalised.
_AMBIGUOUS_STREETS = frozenset(
    [
        "place",
        "cours",
        "route",
        "passage",
        "voie",
        "villa",
        "square",
        "residence",
        "cite",
        "sentier",
        "montee",
    ]
)
_POSTCODE = re.compile(
    r"(?<![\w,.])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}[ \t]+"
    r"(?P<town>[A-ZÀ-Ý][\w'’-]+(?:[ \t]+[A-ZÀ-Ý][\w'’-]+)*)"
)
_NOT_TOWNS = frozenset(
    ["euros", "eur", "personnes", "heures", "habitants", "km", "visites", "inscrits"]
)


def find_personal_data(text: str) -> list[Finding]:
    """Every piece of personal data in `text`, in order, none overlapping another.

    When two overlap (a name inside an address), the e-mail, then the phone number,
    then the address is kept.
    """
    found = [Finding(Kind.NOM_COMPLET, s, e, text[s:e]) for s, e in full_names(text)]
    if "@" in text:
        found += _matches(Kind.COURRIEL, _EMAIL, text)
    if _DIGIT.search(text):
        found += _matches(Kind.TELEPHONE, _PHONE, text)
        found += [f for f in _matches(Kind.ADRESSE, _ADDRESS, text) if _is_street(f, text)]
        found += [f for f in _matches(Kind.ADRESSE, _POSTCODE, text) if _is_town(f, text)]
    return _without_overlaps(found)


def _matches(kind: Kind, pattern: re.Pattern[str], text: str) -> list[Finding]:
    return [Finding(kind, *m.span(), m.group()) for m in pattern.finditer(text)]


def _is_street(finding: Finding, text: str) -> bool:
    """« 12 rue des Lilas », not « 3 cours de maths »."""
    match = _ADDRESS.match(text, finding.start)
    assert match is not None  # found by the same pattern at the same place
    street = fold(match.group("street"))
    return street not in _AMBIGUOUS_STREETS or match.group("name")[0].isupper()


def _is_town(finding: Finding, text: str) -> bool:
    """« 29200 Brest », not « 20000 Euros »."""
    match = _POSTCODE.match(text, finding.start)
    assert match is not None
    return fold(match.group("town").split()[0]) not in _NOT_TOWNS


_PRIORITY = {Kind.COURRIEL: 0, Kind.TELEPHONE: 1, Kind.ADRESSE: 2, Kind.NOM_COMPLET: 3}


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    """The findings in order; of two that overlap, the one of higher priority."""
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (_PRIORITY[f.kind], f.start)):
        if all(finding.end <= k.start or finding.start >= k.end for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
