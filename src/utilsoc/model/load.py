"""Load an association's folder into models, gathering every problem on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue
from utilsoc.model.association import Association
from utilsoc.model.cadre import CadreLogique
from utilsoc.model.entretiens import Entretien, GuideEntretien, Recit
from utilsoc.model.money import Budget, ValeurSociale
from utilsoc.model.publics import Publics
from utilsoc.model.referentiel import Referentiel
from utilsoc.project import Layout, display_path
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import Document, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass
class Project:
    """An association's folder, loaded. A model is None when its file could not be read."""

    layout: Layout
    association: Association | None = None
    publics: Publics = field(default_factory=Publics)
    referentiel: Referentiel | None = None
    cadres: dict[str, CadreLogique] = field(default_factory=dict)
    budgets: dict[str, Budget] = field(default_factory=dict)
    valeur_sociale: ValeurSociale | None = None
    guides: dict[str, GuideEntretien] = field(default_factory=dict)
    entretiens: dict[str, Entretien] = field(default_factory=dict)  # by role, entretien:<g>/<f>
    recits: dict[str, Recit] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def load_project(layout: Layout) -> Project:
    """Read and validate every file of the référentiel; problems go to `project.issues`."""
    project = Project(layout)
    project.referentiel = _load(project, "referentiel", layout.referentiel, Referentiel)
    project.association = _load(project, "association", layout.association, Association)
    if layout.publics.exists():
        project.publics = _load(project, "publics", layout.publics, Publics) or Publics()
    for path in layout.cadre_files():
        cadre = _load(project, f"cadre:{path.stem}", path, CadreLogique)
        if cadre is not None:
            project.cadres[path.stem] = cadre
    for path in layout.budget_files():
        budget = _load(project, f"budget:{path.stem}", path, Budget)
        if budget is not None:
            project.budgets[path.stem] = budget
    if layout.valeur_sociale.exists():
        project.valeur_sociale = _load(project, "valeur", layout.valeur_sociale, ValeurSociale)
    _load_interviews(project)
    return project


def _load_interviews(project: Project) -> None:
    """Interview guides, interviews and stories of change: one model per file."""
    layout = project.layout
    for path in layout.guide_files():
        guide = _load(project, f"guide:{path.stem}", path, GuideEntretien)
        if guide is not None:
            project.guides[path.stem] = guide
    for path in layout.interview_files():
        role = f"entretien:{path.parent.name}/{path.stem}"
        interview = _load(project, role, path, Entretien)
        if interview is not None:
            project.entretiens[role] = interview
    for path in layout.story_files():
        story = _load(project, f"recit:{path.stem}", path, Recit)
        if story is not None:
            project.recits[path.stem] = story


def load_valid_project(layout: Layout) -> tuple[Project, Referentiel]:
    """Load the folder for a command that writes or exports: any file problem stops it.

    Raises:
        DataErrors: a file of the référentiel cannot be read or does not validate.
    """
    project = load_project(layout)
    if project.referentiel is None or project.issues:
        raise DataErrors(project.issues)
    return project, project.referentiel


def _load(project: Project, role: str, path: Path, model: type[M]) -> M | None:
    display = display_path(path)
    if not path.exists():
        project.issues.append(
            Issue(
                display,
                1,
                1,
                Code.FICHIER_MANQUANT,
                f"fichier {path.name} manquant",
                "recréez-le à partir de « utilsoc init --example vide »",
            )
        )
        return None
    try:
        document = read_yaml(path, display)
    except DataErrors as errors:
        project.issues.extend(errors.issues)
        return None
    project.documents[role] = document
    project.issues.extend(document.issues)
    if not isinstance(document.data, dict):
        project.issues.append(_root_issue(document, path))
        return None
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        project.issues.extend(issues_from_validation(error, document, model))
        return None


def _root_issue(document: Document, path: Path) -> Issue:
    found = "une liste" if isinstance(document.data, list) else "une simple valeur"
    return Issue(
        document.file,
        1,
        1,
        Code.TYPE_RACINE,
        f"{path.name} doit contenir des champs « nom: valeur », pas {found}",
        "comparez avec le fichier créé par « utilsoc init --example vide »",
    )
