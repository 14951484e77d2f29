"""Validate an association's folder: files, models, cross-references, measurements."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from utilsoc.check.referentiel import check_project
from utilsoc.compute.merge import consolidate
from utilsoc.errors import Issue
from utilsoc.model.load import Project, load_project
from utilsoc.model.mesures import FichierMesures, Mesure
from utilsoc.project import Layout, path_from_root
from utilsoc.store.files import Contenu, iter_records
from utilsoc.yamlio.reader import Document


@dataclass
class Validation:
    """The loaded project and every issue found, sorted by file and position."""

    project: Project
    issues: list[Issue]
    measures: int = 0

    @property
    def ok(self) -> bool:
        """True when no issue is an error (warnings allowed)."""
        return all(issue.severity != "erreur" for issue in self.issues)


def validate_project(layout: Layout) -> Validation:
    """Load and check the whole folder, gathering every problem.

    Not cached here: `utilsoc validate` keeps the whole outcome by the folder's digest.
    """
    project = load_project(layout)
    issues = [*project.issues, *check_project(project)]
    count, measure_issues = _check_measures(project)
    issues.extend(measure_issues)
    return Validation(project, sorted(issues, key=lambda issue: issue.sort_key), count)


def _check_measures(project: Project) -> tuple[int, list[Issue]]:
    from utilsoc.check.values import RecordChecker

    checker = RecordChecker(project.referentiel) if project.referentiel else None
    issues: list[Issue] = []
    records: list[Mesure] = []
    places: list[tuple[Document, int]] = []
    for _, content, document, file_issues in iter_records(project.layout):
        issues.extend(file_issues)
        if content is None or document is None:
            continue
        issues.extend(_evidence_issues(project, content, document))
        records.extend(content.valeurs)
        places.extend((document, n) for n in range(len(content.valeurs)))
        if checker is None:
            continue
        located = document
        for n, record in enumerate(content.valeurs):
            for problem in checker.check(record):
                if located.record_lines:  # read fast: re-read strictly for exact columns
                    located = _strict_document(located)
                line, column = located.position(("valeurs", n, *problem.loc))
                issues.append(
                    Issue(document.file, line, column, problem.code, problem.message, problem.hint)
                )
    issues.extend(_conflict_issues(records, places, project.layout.root))
    return len(records), issues


def _strict_document(document: Document) -> Document:
    from utilsoc.yamlio.reader import read_yaml

    return read_yaml(Path(document.file), document.file)


def _conflict_issues(
    records: list[Mesure], places: list[tuple[Document, int]], root: Path
) -> list[Issue]:
    """Values in conflict; the message names each file from the folder's root.

    Why from the root: the message is kept with the outcome, and shown again from
    whatever folder the next `validate` runs in (only the issue's own file is re-shown).
    """
    merged = consolidate(records)
    if not merged.conflicts:
        return []
    where = {id(record): places[n] for n, record in enumerate(records)}

    def place(record: Mesure) -> tuple[str, int]:
        document, n = where[id(record)]
        return document.file, document.position(("valeurs", n))[0]

    issues = []
    for key, live in merged.conflicts.items():
        found = [(place(r), r) for r in live]
        sources = ", ".join(
            f"{path_from_root(root, file) or file}:{line} ({r.valeur}, {r.auteur})"
            for (file, line), r in found
        )
        file, line = found[0][0]
        issues.append(
            Issue(
                file,
                line,
                1,
                "conflit-de-valeurs",
                f"valeurs différentes pour {key[0]} en {key[1]} : {sources}",
                "gardez la bonne avec « utilsoc record --replace --motif »",
            )
        )
    return issues


def _evidence_issues(project: Project, content: Contenu, document: Document) -> list[Issue]:
    from utilsoc.actions.evidence import reference_problems

    issues = []
    for name, field in FichierMesures.model_fields.items():
        if name == "valeurs":
            continue
        for n, record in enumerate(getattr(content, name)):
            for problem in reference_problems(project, record):
                line, column = document.position((field.alias or name, n, problem.field))
                issues.append(
                    Issue(document.file, line, column, problem.code, problem.message, problem.hint)
                )
    return issues


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
