"""Checks of publics.yaml: unique codes, audiences and publics linked to declared stakeholders."""

from __future__ import annotations

from utilsoc.check.reporter import Loc, Reporter

ROLE = "publics"
LISTS = (
    ("parties_prenantes", "partie prenante"),
    ("publics_cibles", "public cible"),
    ("audiences", "audience"),
)


def check_publics(report: Reporter) -> None:
    """Each list's codes are unique; each link names a declared stakeholder."""
    if ROLE not in report.project.documents:
        return
    publics = report.project.publics
    for kind, what in LISTS:
        items = enumerate(getattr(publics, kind))
        report.unique(ROLE, (((kind, i, "code"), item.code) for i, item in items), what)
    stakeholders = {p.code for p in publics.parties_prenantes}
    links: list[tuple[Loc, str]] = [
        (("publics_cibles", i, "partie_prenante"), cible.partie_prenante)
        for i, cible in enumerate(publics.publics_cibles)
        if cible.partie_prenante
    ]
    links += [
        (("audiences", i, "parties_prenantes", n), code)
        for i, audience in enumerate(publics.audiences)
        for n, code in enumerate(audience.parties_prenantes)
    ]
    report.references(ROLE, links, "partie prenante", stakeholders)
