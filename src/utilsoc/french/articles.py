"""Funders' and partners' names with their article: au Conseil, à la Fondation, d'Emmaüs."""

from __future__ import annotations

_ARTICLES = {"le": "le", "la": "la", "l'": "l'", "l’": "l'", "les": "les"}
_NO_ARTICLE = "aucun"
# The usual kinds of funder and partner, by their first word (lower case, no accent kept).
_MASCULINE = {
    "conseil",
    "departement",
    "département",
    "fonds",
    "ministere",
    "ministère",
    "comite",
    "comité",
    "centre",
    "credit",
    "crédit",
    "groupe",
    "service",
    "syndicat",
    "pole",
    "pôle",
    "programme",
    "secretariat",
    "secrétariat",
    "commissariat",
    "haut-commissariat",
    "rotary",
    "lions",
    "club",
    "conservatoire",
    "cabinet",
    "collectif",
    "reseau",
    "réseau",
    "bureau",
    "gip",
    "ccas",
    "cias",
    "fdva",
    "fse",
    "fse+",
    "feder",
}
_FEMININE = {
    "fondation",
    "region",
    "région",
    "ville",
    "mairie",
    "commune",
    "caisse",
    "communaute",
    "communauté",
    "metropole",
    "métropole",
    "direction",
    "prefecture",
    "préfecture",
    "banque",
    "mutuelle",
    "federation",
    "fédération",
    "delegation",
    "délégation",
    "maison",
    "mission",
    "cpam",
    "caf",
    "msa",
    "drajes",
    "dreets",
    "ddets",
    "sdjes",
    "cnaf",
    "cnsa",
    "drac",
    "collectivite",
    "collectivité",
    "chambre",
    "cooperative",
    "coopérative",
    "societe",
    "société",
}
_ELIDED = {
    "état",
    "etat",
    "agence",
    "union",
    "europe",
    "association",
    "ars",
    "anct",
    "ademe",
    "institut",
    "office",
    "observatoire",
    "urssaf",
    "assurance",
    "administration",
    "entreprise",
    "académie",
    "academie",
    "inspection",
    "hôpital",
    "hopital",
    "ordre",
}
_PLURAL = {
    "amis",
    "restos",
    "petits",
    "apprentis",
    "compagnons",
    "scouts",
    "éclaireuses",
    "eclaireuses",
    "éclaireurs",
    "eclaireurs",
    "jardins",
    "céméa",
    "ceméa",
    "cemea",
}
_CONTRACTED = {("à", "le"): "au ", ("à", "les"): "aux ", ("de", "le"): "du ", ("de", "les"): "des "}


def split_article(name: str, article: str | None = None) -> tuple[str, str]:
    """`le Conseil départemental` → (`le`, `Conseil départemental`); `Emmaüs` → (``, `Emmaüs`).

    The name may be written with its article or without; without it, the article is
    inferred from the first word for the usual kinds of funder (« Fondation » → la,
    « État » → l'). `article` (`le`, `la`, `l'`, `les` or `aucun`) overrides both.
    """
    text = name.strip()
    lowered = text.lower()
    for written, canonical in _ARTICLES.items():
        glue = "" if written.endswith(("'", "’")) else " "
        if lowered.startswith(written + glue) and len(text) > len(written) + len(glue):
            text, given = text[len(written) + len(glue) :].lstrip(), canonical
            break
    else:
        given = _infer_article(text)
    if article is not None:
        given = "" if article == _NO_ARTICLE else _ARTICLES.get(article, article)
    if given in ("le", "la") and _starts_with_vowel(text, aspirated=False):
        given = "l'"
    return given, text


def with_article(name: str, preposition: str = "", article: str | None = None) -> str:
    """The name with its article after `à` or `de`: au Conseil, à la Fondation, d'Emmaüs.

    Why one function: every template names funders and partners through the `article`
    filter, so « Rapport à Conseil départemental » cannot come back in one of them.
    """
    given, bare = split_article(name, article)
    if not preposition:
        return given + _glue(given) + bare
    if (preposition, given) in _CONTRACTED:
        return _CONTRACTED[preposition, given] + bare
    if given:
        return f"{preposition} {given}{_glue(given)}{bare}"
    if preposition == "de" and _starts_with_vowel(bare):
        return f"d'{bare}"
    return f"{preposition} {bare}"


def _glue(article: str) -> str:
    return "" if article in ("", "l'") else " "


def _infer_article(name: str) -> str:
    words = name.split()
    first = words[0].lower().strip(",.") if words else ""
    if first in _PLURAL:
        return "les"
    if first in _ELIDED:
        return "l'"
    if first in _FEMININE:
        return "la"
    if first in _MASCULINE:
        return "le"
    return ""


def _starts_with_vowel(word: str, *, aspirated: bool = True) -> bool:
    """True before a vowel; before an h too when `aspirated` (d'Harmonie, le Haut-Commissariat)."""
    import unicodedata

    first = unicodedata.normalize("NFKD", word[:1]).encode("ascii", "ignore").decode().lower()
    return first != "" and first in ("aeiouyh" if aspirated else "aeiouy")
