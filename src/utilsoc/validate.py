"""Validate an association's folder: files, models, then cross-references."""

from __future__ import annotations

from dataclasses import dataclass

from utilsoc.checks import check_project
from utilsoc.errors import Issue
from utilsoc.load import Project, load_project
from utilsoc.project import Layout


@dataclass
class Validation:
    """The loaded project and every issue found, sorted by file and position."""

    project: Project
    issues: list[Issue]

    @property
    def ok(self) -> bool:
        """True when no issue is an error (warnings allowed)."""
        return all(issue.severity != "erreur" for issue in self.issues)


def validate_project(layout: Layout) -> Validation:
    """Load and check the whole folder, gathering every problem."""
    project = load_project(layout)
    issues = [*project.issues, *check_project(project)]
    return Validation(project, sorted(issues, key=lambda issue: issue.sort_key))


def summarize(project: Project) -> str:
    """Counts for the success line: "3 domaines, 7 critères, 15 indicateurs"."""
    ref = project.referentiel
    if ref is None:
        return "aucun référentiel"
    criteria = sum(len(d.criteres) for d in ref.domaines)
    indicators = sum(1 for _ in ref.iter_indicators())
    parts = [
        _count(len(ref.domaines), "domaine"),
        _count(criteria, "critère"),
        _count(indicators, "indicateur"),
    ]
    if project.cadres:
        parts.append(_count(len(project.cadres), "cadre logique", "cadres logiques"))
    return ", ".join(parts)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
