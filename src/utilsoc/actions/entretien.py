"""`utilsoc entretien ajouter`: a new interview file, ready to be filled in an editor.

The file `entretiens/<guide>/<participant>-<date>.yaml` gets the guide's questions, each
answer empty under its question written as a comment. Answers are separated by a blank
line and their comments, so two people filling two answers of the same file on two git
branches touch lines far enough apart to merge without conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from utilsoc.check.entretiens import check_role
from utilsoc.check.names import looks_like_name
from utilsoc.check.reporter import Reporter
from utilsoc.errors import DataErrors, Issue, UsageError, UserError
from utilsoc.model.base import CODE_PATTERN
from utilsoc.model.entretiens import Entretien, GuideEntretien
from utilsoc.model.load import Project, load_project
from utilsoc.project import ENTRETIENS, Layout, display_path
from utilsoc.store.journal import transaction
from utilsoc.yamlio.reader import read_yaml


@dataclass(frozen=True)
class NewInterview:
    """What `entretien ajouter` is asked to write."""

    guide: str
    participant: str
    role: str
    day: str
    interviewer: str
    quotable: bool = False


def add_interview(layout: Layout, new: NewInterview) -> tuple[Path, list[Issue]]:
    """Write the interview file from its guide. Nothing is ever replaced.

    Returns:
        The file's path, and the warnings `validate` gives it (a role the guide does
        not interview, `role-hors-guide`).

    Raises:
        UsageError: a date, code or interviewer badly written.
        UserError: unknown guide or role, a participant code that looks like a name, or
            the file already exists.
        DataErrors: the guide or publics.yaml cannot be read.
        FileAccessError: the folder is locked too long, or the file cannot be written.
    """
    day = _day(new.day)
    _check_person(new.participant)
    if not new.interviewer.strip():
        raise UsageError(
            "enquêteur vide", "indiquez qui mène l'entretien : --enqueteur « Coordinatrice »"
        )
    project = load_project(layout)
    guide = _guide(project, new.guide)
    _check_role(project, new.role)
    path = layout.root / ENTRETIENS / new.guide / f"{new.participant}-{day.isoformat()}.yaml"
    text = interview_text(guide, new, day)
    with transaction(layout, display_path(path)) as tx:
        if tx.read_bytes(path) is not None:
            raise UserError(
                f"{display_path(path)} existe déjà : un entretien n'est jamais remplacé",
                "ouvrez-le pour le compléter, ou changez la date ou le code du participant",
            )
        tx.write(path, text)
    return path, _warnings(project, path, guide)


def _warnings(project: Project, path: Path, guide: GuideEntretien) -> list[Issue]:
    """What `validate` warns of in the new file, at its line: a role its guide omits.

    Why read back: the warning points at the file's line, as `validate`'s does.
    """
    role = f"entretien:{path.parent.name}/{path.stem}"
    document = read_yaml(path, display_path(path))
    project.documents[role] = document
    report = Reporter(project)
    check_role(report, role, Entretien.model_validate(document.data), guide)
    return report.issues


def interview_text(guide: GuideEntretien, new: NewInterview, day: dt.date) -> str:
    """The new file's text: fields, then each question as a comment above its empty answer."""
    lines = [
        f"# Entretien {new.participant} du {day.isoformat()} — guide {new.guide} : {guide.titre}",
        '# Écrivez chaque réponse à la place de "" (entre guillemets), ou sur plusieurs lignes :',
        "#   q1: |",
        "#     le texte de la réponse, en retrait de quatre espaces",
        f"guide: {new.guide}",
        f"participant: {new.participant}",
        f"rôle: {new.role}",
        f"date: {day.isoformat()}",
        f"enquêteur: {_quoted(new.interviewer)}",
        "consentement:",
        "  entretien: true",
        f"  citation: {'true' if new.quotable else 'false'}",
        "",
        "réponses:",
    ]
    for question in guide.questions:
        lines.append(f"  # {question.code} — {_one_line(question.texte)}")
        if question.relances:
            lines.append(f"  #   relances : {_one_line(' ; '.join(question.relances))}")
        lines += [f'  {question.code}: ""', ""]
    lines += [
        "# Extraits codés, un par ligne, recopiés de la réponse (voir docs/entretiens.md) :",
        '#   - {question: q2, extrait: "le passage", thèmes: [code_du_thème], sens: positif}',
        "extraits: []",
    ]
    return "\n".join(lines) + "\n"


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"date « {text} » mal écrite", "écrivez la date de l'entretien AAAA-MM-JJ : 2026-05-18"
        ) from None


def _check_person(code: str) -> None:
    if looks_like_name(code):
        raise UserError(
            f"« {code} » ressemble à un nom de personne : un entretien ne garde qu'un code",
            "donnez un code pseudonyme (E07 pour un élève, P03 pour un parent) "
            "et gardez la correspondance hors du dossier",
        )
    if not re.fullmatch(CODE_PATTERN, code) or len(code) > 40:
        raise UsageError(
            f"code de participant « {code} » mal écrit",
            "lettres sans accent, chiffres, « - » ou « _ », comme E07 ou P03",
        )


def _guide(project: Project, code: str) -> GuideEntretien:
    guide = project.guides.get(code)
    if guide is not None:
        return guide
    own = [i for i in project.issues if i.file.endswith(f"{code}.yaml")]
    if own:
        raise DataErrors(own)
    known = ", ".join(sorted(project.guides)) or "aucun"
    raise UserError(
        f"guide d'entretien « {code} » introuvable dans entretiens/guides/",
        f"guides connus : {known} ; créez d'abord entretiens/guides/{code}.yaml",
    )


def _check_role(project: Project, role: str) -> None:
    known = [p.code for p in project.publics.parties_prenantes]
    if role not in known:
        raise UserError(
            f"rôle « {role} » inconnu : ce n'est pas une partie prenante de publics.yaml",
            f"parties prenantes : {', '.join(known) or 'aucune'}",
        )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quoted(text: str) -> str:
    escaped = _one_line(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
