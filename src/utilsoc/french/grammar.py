"""French grammar of the association's own words: units by the count, labels after « de ».

Why here and not in the templates: a unit is written once in the référentiel (`unité:
élèves`) and read beside every figure; « 1 élèves » or « Évolution de Nombre d'élèves »
would come back wherever a template forgot the rule.
"""

from __future__ import annotations

import unicodedata


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns whose singular already ends in s, x or z: the same in both numbers.
_INVARIABLE = _words(
    "mois fois cours parcours concours discours recours secours repas colis taux prix "
    "choix poids temps pas bras corps pays avis devis relais bus campus virus processus "
    "rendez-vous"
)
# Units written as symbols: never take an s.
_SYMBOLS = _words("h min mn s km km² m m² m³ cm mm ha kg g mg t l cl ml kwh mwh gwh")
# -al nouns taking -als (the others take -aux).
_AL_S = frozenset(["bal", "bals", "carnaval", "chacal", "festival", "récital", "régal", "val"])
# Words that end the noun group of a unit: what follows them keeps its number.
_STOPS = _words("de du des sur par à au aux en pour entre avec chez sans dont et ou")


def count_form(count: float, singular: str, plural: str) -> str:
    """The singular below 2 (« 0 projet », « 1,4 point »), the plural from 2 on."""
    return singular if abs(count) < 2 else plural


def unit_forms(unit: str, plural: str | None = None) -> tuple[str, str]:
    """The singular and plural of a unit: `élèves` → (élève, élèves), `ETP` → (ETP, ETP).

    With `plural` (the référentiel's `unité_pluriel`), `unit` is the singular. Without it,
    a unit written in the plural (`points sur 5`, `jours ouvrés`) gives its singular and
    one written in the singular (`projet`, `bureau`) its plural; invariable words
    (`mois`, `repas`), abbreviations (`ETP`) and symbols (`%`, `h`, `km`) stay as they are.
    """
    if plural:
        return unit, plural
    words = unit.split(" ")
    head = _noun_group(words)
    if any(_looks_plural(word) for word in words[:head]):
        singular = [_singular(word) for word in words[:head]]
        return " ".join(singular + words[head:]), unit
    plural_words = [_plural(word) for word in words[:head]]
    return unit, " ".join(plural_words + words[head:])


def with_unit(number_text: str, count: float, unit: str, plural: str | None = None) -> str:
    """`3 élèves`, `1 élève`: the number and the unit in the form its count takes."""
    if not unit:
        return number_text
    singular, plural_form = unit_forms(unit, plural)
    return f"{number_text} {count_form(count, singular, plural_form)}"


def _noun_group(words: list[str]) -> int:
    """How many words at the start agree with the count: up to a preposition."""
    for count, word in enumerate(words):
        lowered = word.lower()
        if lowered in _STOPS or lowered.startswith(("d'", "d’", "l'", "l’")):
            return count
    return len(words)


def _invariable(word: str) -> bool:
    """Invariable nouns, symbols (`%`, `km`, `k€`) and abbreviations (`ETP`)."""
    lowered = word.lower()
    letters = word.replace("-", "")
    return (
        lowered in _INVARIABLE
        or lowered in _SYMBOLS
        or not letters.isalpha()
        or letters.upper() == letters
    )


def _looks_plural(word: str) -> bool:
    return word.lower().endswith(("s", "x")) and not _invariable(word)


def _singular(word: str) -> str:
    lowered = word.lower()
    if _invariable(word):
        return word
    if lowered.endswith("eaux") or lowered.endswith("eux"):
        return word[:-1]
    if lowered.endswith("aux") and not lowered.endswith("eaux"):
        return word[:-3] + "al"
    if lowered.endswith("s"):
        return word[:-1]
    return word


def _plural(word: str) -> str:
    lowered = word.lower()
    if _invariable(word) or lowered.endswith(("s", "x", "z")):
        return word
    if lowered.endswith(("eau", "au", "eu")) and lowered not in ("pneu", "bleu"):
        return word + "x"
    if lowered.endswith("al") and lowered not in _AL_S:
        return word[:-2] + "aux"
    return word + "s"


# Nouns that begin indicators' labels, by gender, where the ending does not tell it.
_FEMININE = _words(
    "part proportion moyenne durée confiance satisfaction note somme boîte convention "
    "valorisation fréquence participation présence assiduité réussite heure personne "
    "demande offre action séance visite famille dépense recette aide activité structure "
    "formation orientation relation perception estime image autonomie santé vie situation "
    "capacité qualité quantité distance économie émission consommation surface population "
    "couverture fréquentation évolution progression augmentation baisse hausse réduction "
    "mobilisation reconnaissance connaissance compétence journée semaine année ressource "
    "solitude peur découverte"
)
_MASCULINE = _words(
    "nombre taux montant score gain délai sentiment budget total volume coût niveau "
    "comité indice ratio temps chiffre résultat effectif degré pourcentage bénéfice "
    "sentiment usage accès accueil état avis lien suivi"
)
# Words before which « de » does not elide although they begin with h (h aspiré).
_ASPIRATED = frozenset(["handicap", "hausse", "hauteur", "hasard", "halte", "hameau", "hall"])


def of_label(label: str) -> str:
    """An indicator's label after « de »: « Nombre d'élèves » → « du nombre d'élèves ».

    The first letter is lower-cased (not in an acronym: « ETP créés » stays); the article
    follows the first word: du, de la, de l', des. Labels starting with a determiner
    (« Ce que les élèves disent ») only get « de ».
    """
    text = label.strip()
    if not text:
        return text
    first = text.split(" ", 1)[0].split("'", 1)[0].split("’", 1)[0]
    shown = lower_first(text)
    lowered = first.lower()
    if lowered in ("ce", "ces", "cette", "cet", "le", "la", "les", "l", "un", "une"):
        return ("d'" if _vowel(shown) else "de ") + shown
    words = text.split(" ")
    if _plural_label(words[: _noun_group(words)]) and lowered not in _FEMININE | _MASCULINE:
        return "des " + shown
    if _vowel(lowered) and lowered not in _ASPIRATED:
        return "de l'" + shown
    return ("de la " if _feminine(lowered) else "du ") + shown


def lower_first(text: str) -> str:
    """A label inside a sentence: « Tranche d'âge » → « tranche d'âge », « QPV » stays."""
    first = text.split(" ", 1)[0].split("'", 1)[0].split("’", 1)[0]
    return text if not text or _keeps_capital(first) else text[0].lower() + text[1:]


def _plural_label(group: list[str]) -> bool:
    """A label's noun is plural: « Élèves… », « ETP créés » (an acronym: its adjective)."""
    if not group:
        return False
    if _invariable(group[0]) and len(group) > 1:
        return _looks_plural(group[1])
    return _looks_plural(group[0])


def _keeps_capital(word: str) -> bool:
    return len(word) > 1 and word[1:2].isupper()


def _vowel(text: str) -> bool:
    first = unicodedata.normalize("NFKD", text[:1]).encode("ascii", "ignore").decode().lower()
    return first != "" and first in "aeiouyh"


def _feminine(word: str) -> bool:
    if word in _FEMININE:
        return True
    if word in _MASCULINE:
        return False
    return word.endswith(
        ("tion", "sion", "té", "ée", "ence", "ance", "ure", "ette", "ise", "ie", "ude", "ité")
    )


def definite(label: str) -> str:
    """A label with its definite article inside a sentence: « la confiance retrouvée ».

    Built on `of_label`, so both agree: « du projet » ↔ « le projet », « de l'envie » ↔
    « l'envie », « des échanges » ↔ « les échanges »; a label starting with a determiner
    (« Ce que les élèves disent ») is left as it is, first letter lowered.
    """
    after_de = of_label(label)
    for de, article in (("du ", "le "), ("de la ", "la "), ("de l'", "l'"), ("des ", "les ")):
        if after_de.startswith(de):
            return article + after_de[len(de) :]
    return lower_first(label.strip())
