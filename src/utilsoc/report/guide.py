"""`utilsoc entretien guide CODE`: an interview guide laid out for the interviewer.

Rendered through the same sandboxed templates as the reports (`_guide-entretien.*.j2`,
replaceable in modeles/), so the association can adapt it like a report.
"""

from __future__ import annotations

from typing import Any

from utilsoc.errors import DataErrors, UsageError, UserError
from utilsoc.model.entretiens import GuideEntretien
from utilsoc.model.load import Project, load_project
from utilsoc.project import MODELES, Layout

FORMATS = ("md", "html")


def guide_document(layout: Layout, code: str, fmt: str) -> str:
    """The guide `code` as Markdown or HTML.

    Raises:
        UsageError: unknown format.
        UserError: no such guide.
        DataErrors: the guide's file (or the référentiel) cannot be read.
    """
    from utilsoc.report.render import build_environment, render

    if fmt not in FORMATS:
        raise UsageError(f"format inconnu : {fmt}", "md ou html")
    project = load_project(layout)
    guide = project.guides.get(code)
    if guide is None:
        own = [i for i in project.issues if i.file.endswith(f"{code}.yaml")]
        if own:
            raise DataErrors(own)
        known = ", ".join(sorted(project.guides)) or "aucun"
        raise UserError(
            f"guide d'entretien « {code} » introuvable dans entretiens/guides/",
            f"guides connus : {known}",
        )
    environment = build_environment(layout.root / MODELES)
    return render(environment, f"_guide-entretien.{fmt}.j2", guide_context(project, code, guide))


def guide_context(project: Project, code: str, guide: GuideEntretien) -> dict[str, Any]:
    """What the guide's template shows: the guide, with names instead of codes."""
    stakeholders = {p.code: p.nom for p in project.publics.parties_prenantes}
    criteria = {
        c.code: c
        for d in (project.referentiel.domaines if project.referentiel else [])
        for c in d.criteres
    }
    association = project.association
    return {
        "association": association.nom if association else "",
        "couleur": association.couleurs.principale if association else "#1F5F8B",
        "guide": {
            "code": code,
            "titre": guide.titre,
            "objectif": guide.objectif,
            "publics": [stakeholders.get(p, p) for p in guide.publics],
            "criteres": [
                {
                    "code": c,
                    "nom": criteria[c].nom if c in criteria else c,
                    "question": criteria[c].question if c in criteria else None,
                }
                for c in guide.criteres
            ],
            "consignes": list(guide.consignes),
            "questions": [
                {"code": q.code, "texte": q.texte, "relances": list(q.relances)}
                for q in guide.questions
            ],
            "themes": list(guide.themes_a_ecouter),
        },
    }
