"""Checks of the stories of change (recits/*.yaml): domain, teller, consent, personal data."""

from __future__ import annotations

from utilsoc.check.entretiens import check_person
from utilsoc.check.privacy import text_problems
from utilsoc.check.reporter import Loc, Reporter
from utilsoc.codes import Code
from utilsoc.model.entretiens import Recit


def check_stories(report: Reporter) -> None:
    """Each story names a domain of the référentiel, a stakeholder and a pseudonymous teller.

    A selected story without the teller's consent is only a warning: the story is kept
    for the team, and the reports leave it out.
    """
    project = report.project
    stakeholders = {p.code for p in project.publics.parties_prenantes}
    domains = {d.code for d in project.referentiel.domaines} if project.referentiel else None
    for code, story in project.recits.items():
        role = f"recit:{code}"
        check_person(report, role, "conteur", story.conteur)
        _check_texts(report, role, story)
        report.references(role, [(("role",), story.role)], "partie prenante", stakeholders)
        if domains is not None:
            report.references(role, [(("domaine",), story.domaine)], "domaine", domains)
        if story.selection is not None and not story.consentement:
            report.add(
                role,
                ("consentement",),
                Code.RECIT_SANS_CONSENTEMENT,
                "récit retenu sans le consentement du conteur : les rapports ne le montrent pas",
                "écrivez « consentement: true » si la personne a accepté que son récit soit publié",
                "avertissement",
            )


def _check_texts(report: Reporter, role: str, story: Recit) -> None:
    """Names, e-mails, phones and addresses in the title, the story and why it was chosen.

    Why a full name is always refused: the story is told under its teller's code, and a
    published story is read by anyone.
    """
    places: list[tuple[Loc, str, str]] = [
        (("titre",), "le titre", story.titre),
        (("recit",), "le récit", story.recit),
    ]
    if story.selection is not None:
        places.append((("selection", "raison"), "la raison du choix", story.selection.raison))
    for loc, label, text in places:
        for found in text_problems(str(loc[-1]), label, text):
            report.add(role, loc, found.code, found.message, found.hint)
