"""Checks of the interviews: guides, the codebook of themes, each interview and its coding.

Stories of change are checked in `recits`; whether a code looks like a name, in
`names`; the personal data of answers and excerpts, by `privacy` (as for verbatims).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from utilsoc.check.names import looks_like_name
from utilsoc.check.privacy import participant_problem, text_problems
from utilsoc.check.reporter import Loc, Reporter
from utilsoc.codes import Code
from utilsoc.model.base import CODE_PATTERN
from utilsoc.model.entretiens import Entretien, Extrait, GuideEntretien
from utilsoc.model.referentiel import Referentiel

ROLE = "referentiel"
_QUOTES = str.maketrans(dict.fromkeys("«»“”„‟\"'’‘‚‛`´", '"'))
_LOOSE = re.compile(r'\s*(["?!;:])\s*|\s+(?=[,.])')
_DATED = re.compile(r"[-_]?\d{4}-\d{2}-\d{2}$")
_GAP = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)\s*")


def check_interviews(report: Reporter) -> None:
    """The codebook, every guide, every interview (what cannot be read is skipped)."""
    project = report.project
    referentiel = project.referentiel
    themes = theme_codes(referentiel) if referentiel else None
    if referentiel is not None:
        _check_codebook(report, referentiel)
    stakeholders = {p.code for p in project.publics.parties_prenantes}
    criteria = criterion_codes(referentiel) if referentiel else None
    for code, guide in project.guides.items():
        _check_guide(report, f"guide:{code}", guide, stakeholders, criteria)
    for role, interview in project.entretiens.items():
        _check_interview(report, role, interview, stakeholders, themes)


def theme_codes(referentiel: Referentiel) -> list[str]:
    """Every theme code of every criterion's codebook, in the référentiel's order."""
    return [t.code for d in referentiel.domaines for c in d.criteres for t in c.themes]


def criterion_codes(referentiel: Referentiel) -> set[str]:
    """Every criterion code of the référentiel."""
    return {c.code for d in referentiel.domaines for c in d.criteres}


def normalized(text: str) -> str:
    """Text as excerpts are compared: one kind of quote, no case, spaces as typography allows.

    Why the spaces around quotes and before « ; : ! ? » go: French typography puts them
    (« du mercredi »), a transcript typed quickly often does not.
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    return _LOOSE.sub(lambda m: m.group(1) or "", " ".join(text.split()))


def excerpt_found(excerpt: str, answer: str) -> bool:
    """True when `excerpt` is in `answer`, its parts cut by « … » or « [...] » in order."""
    haystack, start = normalized(answer), 0
    for part in _GAP.split(excerpt):
        wanted = normalized(part)
        if not wanted:
            continue
        found = haystack.find(wanted, start)
        if found < 0:
            return False
        start = found + len(wanted)
    return True


def _check_codebook(report: Reporter, referentiel: Referentiel) -> None:
    """Theme codes are unique in the whole référentiel; `entretiens:` names a guide."""
    places = (
        (("domaines", d, "criteres", c, "themes", t, "code"), theme.code)
        for d, domaine in enumerate(referentiel.domaines)
        for c, critere in enumerate(domaine.criteres)
        for t, theme in enumerate(critere.themes)
    )
    report.unique(ROLE, places, "thème")
    guides = set(report.project.guides)
    links = (
        (("domaines", d, "criteres", c, "indicateurs", i, "entretiens"), ind.entretiens)
        for (d, c, i), ind in referentiel.iter_indicators()
        if ind.entretiens
    )
    report.references(ROLE, links, "guide d'entretien", guides)


def _check_guide(
    report: Reporter,
    role: str,
    guide: GuideEntretien,
    stakeholders: set[str],
    criteria: set[str] | None,
) -> None:
    report.references(role, _indexed("publics", guide.publics), "partie prenante", stakeholders)
    if criteria is not None:
        report.references(role, _indexed("criteres", guide.criteres), "critère", criteria)
    questions = ((("questions", n, "code"), q.code) for n, q in enumerate(guide.questions))
    report.unique(role, questions, "question")


def _indexed(key: str, codes: list[str]) -> Iterable[tuple[Loc, str]]:
    return (((key, n), code) for n, code in enumerate(codes))


def _check_interview(
    report: Reporter,
    role: str,
    interview: Entretien,
    stakeholders: set[str],
    themes: list[str] | None,
) -> None:
    check_person(report, role, "participant", interview.participant)
    _check_file_name(report, role)
    report.references(role, [(("role",), interview.role)], "partie prenante", stakeholders)
    if not interview.consentement.entretien:
        report.add(
            role,
            ("consentement", "entretien"),
            Code.ENTRETIEN_SANS_CONSENTEMENT,
            "entretien gardé sans le consentement de la personne interrogée",
            "supprimez ce fichier, ou écrivez « entretien: true » si elle a bien accepté",
        )
    guide = report.project.guides.get(interview.guide)
    if guide is None:
        report.references(role, [(("guide",), interview.guide)], "guide", report.project.guides)
        return
    if interview.role in stakeholders:
        check_role(report, role, interview, guide)
    questions = [q.code for q in guide.questions]
    for code in interview.reponses:
        if code not in questions:
            _unknown_question(report, role, ("reponses", code), code, questions, key=True)
    for n, excerpt in enumerate(interview.extraits):
        _check_excerpt(report, role, (n, excerpt), interview, questions, themes)
    check_personal_data(report, role, interview)


def check_role(report: Reporter, role: str, interview: Entretien, guide: GuideEntretien) -> None:
    """The person's stakeholder is one the guide was written for (a warning).

    Also said by `entretien ajouter`, which writes the interview all the same.

    Why a warning: the answers stay true, but read as those of a public the guide does
    not interview, usually a typing slip (« familles » for « eleves »).
    """
    if interview.role in guide.publics:
        return
    report.add(
        role,
        ("role",),
        Code.ROLE_HORS_GUIDE,
        f"partie prenante « {interview.role} » absente des publics du guide "
        f"« {interview.guide} » ({', '.join(guide.publics)})",
        f"corrigez le rôle, ou ajoutez « {interview.role} » à « publics: » du guide",
        "avertissement",
    )


def check_personal_data(report: Reporter, role: str, interview: Entretien) -> None:
    """Names, e-mails, phones and addresses in the answers and excerpts, as in verbatims.

    Why a full name is always refused, with no consent to be named: an interview is kept
    under a code, and its excerpts are quoted under that code. An excerpt is only judged
    when its answer was not: it is a passage of it, the same name would be said twice.
    """
    flagged = set()
    for code, answer in interview.reponses.items():
        for found in text_problems(code, f"la réponse à {code}", answer):
            flagged.add(code)
            report.add(role, ("reponses", code), found.code, found.message, found.hint)
    for n, excerpt in enumerate(interview.extraits):
        if excerpt.question in flagged:
            continue
        for found in text_problems("extrait", "l'extrait", excerpt.extrait):
            report.add(role, ("extraits", n, "extrait"), found.code, found.message, found.hint)


def check_person(report: Reporter, role: str, key: str, code: str) -> None:
    """A participant's (or a storyteller's) code is a pseudonym, not a name."""
    if looks_like_name(code):
        found = participant_problem(code, "un entretien")
        report.add(role, (key,), found.code, found.message, found.hint)
    elif not re.match(CODE_PATTERN, code):
        report.add(
            role,
            (key,),
            Code.FORMAT_INVALIDE,
            f"code « {code} » mal écrit : lettres sans accent, chiffres, « - » ou « _ »",
            "écrivez un code court comme E07 ou P03",
        )


def _check_file_name(report: Reporter, role: str) -> None:
    """The file's name is seen in git's history too: it must not name the person either."""
    name = role.split("/", 1)[1]
    person = _DATED.sub("", name)
    if looks_like_name(person.replace("-", " ").replace("_", " ")):
        report.add(
            role,
            (),
            Code.PARTICIPANT_NOMINATIF,
            f"le nom du fichier « {name}.yaml » ressemble à un nom de personne",
            "renommez le fichier d'après le code du participant : E07-2026-05-19.yaml",
        )


def _check_excerpt(
    report: Reporter,
    role: str,
    numbered: tuple[int, Extrait],
    interview: Entretien,
    questions: list[str],
    themes: list[str] | None,
) -> None:
    n, excerpt = numbered
    loc: Loc = ("extraits", n)
    if excerpt.question not in questions:
        _unknown_question(report, role, (*loc, "question"), excerpt.question, questions)
    elif not excerpt_found(excerpt.extrait, interview.reponses.get(excerpt.question, "")):
        report.add(
            role,
            (*loc, "extrait"),
            Code.EXTRAIT_INTROUVABLE,
            f"extrait introuvable dans la réponse à la question {excerpt.question}",
            "recopiez-le tel qu'il est dans la réponse (les coupures s'écrivent « … »), "
            "ou corrigez le code de la question",
        )
    for t, theme in enumerate(excerpt.themes):
        if themes is not None and theme not in themes:
            close = difflib.get_close_matches(theme, themes, n=1)
            hint = f"vouliez-vous dire « {close[0]} » ?" if close else _THEME_HINT
            report.add(
                role, (*loc, "themes", t), Code.THEME_INCONNU, f"thème « {theme} » inconnu", hint
            )
    if excerpt.citer is True and not interview.consentement.citation:
        report.add(
            role,
            (*loc, "citer"),
            Code.CITATION_SANS_CONSENTEMENT,
            "extrait à citer, mais la personne n'a pas accepté d'être citée",
            "écrivez « citer: false », ou « citation: true » sous consentement si elle l'a accepté",
        )


_THEME_HINT = "déclarez-le d'abord sous « thèmes: » d'un critère de referentiel.yaml"


def _unknown_question(
    report: Reporter, role: str, loc: Loc, code: str, known: list[str], *, key: bool = False
) -> None:
    close = difflib.get_close_matches(code, known, n=1)
    hint = (
        f"vouliez-vous dire « {close[0]} » ?"
        if close
        else f"questions du guide : {', '.join(known)}"
    )
    where = "réponse à une question" if key else "question"
    report.add(role, loc, Code.REFERENCE_INCONNUE, f"{where} « {code} » absente du guide", hint)
