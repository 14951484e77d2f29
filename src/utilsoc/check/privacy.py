"""Personal data in the texts of a record: refused, with a hint to pseudonymise.

Every text a person types about the people of the action is checked: verbatims (and
their pseudonym), notable facts, unexpected results, improvement tracks, partnership
assessments, judgements, follow-ups, the notes of values and the codes of questionnaire
participants. Who wrote a record (`auteur`) and who carries an action (`responsable`)
are the association's staff, named on purpose, and are not checked.

A full name is accepted in a verbatim whose `nom_complet: true` records the person's
written consent; an e-mail address, a phone number or a postal address never is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Any

from utilsoc.check.names import looks_like_name
from utilsoc.check.personal import LABELS, Finding, Kind, find_personal_data
from utilsoc.check.values import Problem
from utilsoc.codes import Code

_NOTE = attrgetter("note")
PSEUDONYMISE = "remplacez par un prénom seul, des initiales ou un code"
CODE_PSEUDONYME = (
    "remplacez-le par un code pseudonyme (E07 pour un élève, P03 pour un parent) "
    "et gardez la correspondance hors du dossier"
)

# The texts of each kind of record, with how a sentence names them.
FIELDS: dict[str, dict[str, str]] = {
    "Temoignage": {"texte": "le texte", "pseudonyme": "le pseudonyme"},
    "FaitMarquant": {"titre": "le titre", "recit": "le récit"},
    "ResultatInattendu": {"description": "la description"},
    "PisteAmelioration": {"constat": "le constat", "analyse": "l'analyse", "action": "l'action"},
    "Partenariat": {"appreciation": "l'appréciation", "attentes": "les attentes"},
    "Jugement": {"texte": "le texte"},
    "Suivi": {"texte": "le texte"},
    "Valeur": {"note": "la note"},
    "Mesure": {"note": "la note"},
    "Reponse": {"participant": "le code du participant"},
}


def texts(record: Any) -> list[tuple[str, str]]:
    """Each `(field, text)` of `record` that may hold personal data, in field order."""
    found = []
    for name in FIELDS.get(type(record).__name__, {}):
        value = getattr(record, name, None)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and text:
                found.append((name, _readable(name, text)))
    return found


def personal_problems(record: Any) -> list[Problem]:
    """The personal data in `record`'s texts, one problem per field (its first finding)."""
    consented = bool(getattr(record, "nom_complet", False))
    may_consent = hasattr(record, "nom_complet") and not consented
    labels = FIELDS.get(type(record).__name__, {})
    problems = [
        found
        for name, text in texts(record)
        for found in text_problems(name, labels[name], text, consented, may_consent)
    ]
    participant = getattr(record, "participant", None)
    if participant and not problems and _names_someone(participant):
        problems.append(participant_problem(participant, "un questionnaire"))
    return problems


def participant_problem(code: str, kept_by: str) -> Problem:
    """A participant's code that names a person (« Ines », « MARTIN_Ines »): refused.

    Why a lone first name too, unlike a text: a code is chosen to hide who the person is,
    and git's history keeps it (see `names.looks_like_name`).
    """
    message = f"« {code} » ressemble à un nom de personne : {kept_by} ne garde qu'un code"
    return Problem("participant", Code.PARTICIPANT_NOMINATIF, message, CODE_PSEUDONYME)


@lru_cache(maxsize=4096)
def _names_someone(code: str) -> bool:
    """`looks_like_name`, once per code: each participant answers at entry and at exit."""
    return looks_like_name(code)


def text_problems(
    field: str, label: str, text: str, consented: bool = False, may_consent: bool = False
) -> list[Problem]:
    """The first personal data in one text, as a problem; none when the text is clean.

    For a text of any kind of file (an interview's answer, a story): `field` locates it,
    `label` names it in the message (« la réponse »); `consented` accepts full names.
    """
    findings = refused(find_personal_data(text), consented)
    return [problem(field, label, findings[0], may_consent)] if findings else []


def note_problems(values: Sequence[Any]) -> dict[int, list[Problem]]:
    """The problems of the notes of `values`, by the value's number; each note judged once.

    Why: a file repeats the same note over many lines, and most values have none.
    """
    judged: dict[str, list[Problem]] = {}
    found = {}
    for n in compress(range(len(values)), map(_NOTE, values)):  # in C: those with a note
        note = values[n].note
        problems = judged.get(note)
        if problems is None:
            problems = judged[note] = text_problems("note", "la note", note)
        if problems:
            found[n] = problems
    return found


def refused(findings: Iterable[Finding], consented: bool) -> list[Finding]:
    """The findings that may not be kept: all, but full names when consent is written."""
    return [f for f in findings if not (consented and f.kind is Kind.NOM_COMPLET)]


def problem(field: str, label: str, finding: Finding, may_consent: bool = False) -> Problem:
    """The problem of one finding in a field, in French, with what to do.

    `may_consent`: the record can carry the written consent to a full name (a verbatim).
    """
    message = f"{label} contient {LABELS[finding.kind]} : « {finding.text} »"
    if finding.kind is not Kind.NOM_COMPLET:
        pronoun = "le" if finding.kind is Kind.TELEPHONE else "la"
        hint = f"retirez-{pronoun} : {LABELS[finding.kind]} n'a pas sa place dans l'évaluation"
        return Problem(field, Code.DONNEE_PERSONNELLE, message, hint)
    hint = CODE_PSEUDONYME if field == "participant" else PSEUDONYMISE
    if may_consent:
        hint += " (ou, avec l'accord écrit de la personne, --nom-complet / nom_complet: true)"
    return Problem(field, Code.NOM_COMPLET, message, hint)


def _readable(field: str, text: str) -> str:
    """A participant code read as words: « MARTIN_Ines » → « MARTIN Ines »."""
    if field != "participant":
        return text
    return text.replace("_", " ").replace(".", " ")
