"""Measurement files checked against the référentiel: which records are valid, and why not.

One pass reads every file (through the store's cache), checks each value and each piece of
evidence against the référentiel, and finds the values in conflict. What is valid is kept;
every problem becomes an `Issue` at its file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utilsoc.check.spans import coarse_issues, target_issues
from utilsoc.codes import Code
from utilsoc.compute.merge import Consolidated, consolidate
from utilsoc.errors import Issue
from utilsoc.model.load import Project
from utilsoc.model.mesures import FichierMesures, Mesure
from utilsoc.project import path_from_root
from utilsoc.store.files import Contenu, iter_records
from utilsoc.yamlio.reader import Document

EVIDENCE = (
    "temoignages",
    "faits_marquants",
    "resultats_inattendus",
    "pistes_amelioration",
    "partenariat",
    "questionnaires",
    "jugements",
    "suivis",
)


@dataclass
class MeasureCheck:
    """The valid records of every measurement file, and the problems of the others."""

    records: list[Mesure] = field(default_factory=list)
    evidence: dict[str, list[Any]] = field(default_factory=lambda: {n: [] for n in EVIDENCE})
    issues: list[Issue] = field(default_factory=list)
    followups: list[tuple[Any, Document, int]] = field(default_factory=list)
    files: int = 0
    read: int = 0
    unchecked: int = 0


def check_measures(project: Project, *, checked: bool = True) -> MeasureCheck:
    """Read every measurement file and keep the records that fit the référentiel.

    Args:
        project: the loaded référentiel files.
        checked: False when the référentiel has errors: the records are then only read
            (their checks would all be follow-on errors) and counted as `unchecked`.
    """
    from utilsoc.check.values import RecordChecker

    result = MeasureCheck()
    referentiel = project.referentiel if checked else None
    checker = RecordChecker(referentiel) if referentiel is not None else None
    places: dict[int, tuple[Document, int]] = {}
    for _, content, document, file_issues in iter_records(project.layout):
        result.files += 1
        result.issues.extend(file_issues)
        if content is None or document is None:
            continue
        result.read += len(content.valeurs)
        if checker is None:
            result.unchecked += len(content.valeurs) + _evidence_count(content)
            continue
        _keep_evidence(result, project, content, document)
        for n, record in enumerate(content.valeurs):
            problems = _value_issues(checker, record, document, n)
            if problems:
                result.issues.extend(problems)
                continue
            result.records.append(record)
            places[id(record)] = (document, n)
    merged = consolidate(result.records)
    result.issues.extend(_conflict_issues(merged, places, project))
    result.issues.extend(_followup_issues(result))
    if referentiel is not None:
        result.issues.extend(coarse_issues(referentiel, merged.current.values(), places))
        result.issues.extend(target_issues(project, merged.current.values()))
    return result


def _followup_issues(result: MeasureCheck) -> list[Issue]:
    """Each follow-up of an action no improvement track declares; it is left out.

    Why here: a follow-up names a track recorded in another file, often another period.
    """
    codes = {track.code for track in result.evidence["pistes_amelioration"] if track.code}
    issues = []
    for record, document, n in result.followups:
        if record.piste in codes:
            continue
        result.evidence["suivis"].remove(record)
        line, column = document.position(("suivis", n, "piste"))
        issues.append(
            Issue(
                document.file,
                line,
                column,
                Code.REFERENCE_INCONNUE,
                f"piste d'amélioration « {record.piste} » inconnue",
                "donnez le code d'une piste enregistrée (colonne Code du plan d'action du bilan)",
            )
        )
    return issues


def _evidence_count(content: Contenu) -> int:
    return sum(len(getattr(content, name)) for name in EVIDENCE)


def _value_issues(checker: Any, record: Mesure, document: Document, n: int) -> list[Issue]:
    issues = []
    located = document
    for problem in checker.check(record):
        if located.record_lines:  # read fast: re-read strictly for exact columns
            located = _strict_document(located)
        line, column = located.position(("valeurs", n, *problem.loc))
        issues.append(
            Issue(document.file, line, column, problem.code, problem.message, problem.hint)
        )
    return issues


def _strict_document(document: Document) -> Document:
    from utilsoc.yamlio.reader import read_yaml

    return read_yaml(Path(document.file), document.file)


def _keep_evidence(
    result: MeasureCheck, project: Project, content: Contenu, document: Document
) -> None:
    from utilsoc.actions.evidence import reference_problems

    for name, model_field in FichierMesures.model_fields.items():
        if name == "valeurs":
            continue
        for n, record in enumerate(getattr(content, name)):
            problems = reference_problems(project, record)
            for problem in problems:
                loc = (model_field.alias or name, n, problem.field)
                line, column = document.position(loc)
                result.issues.append(
                    Issue(document.file, line, column, problem.code, problem.message, problem.hint)
                )
            if not problems:
                result.evidence[name].append(record)
                if name == "suivis":
                    result.followups.append((record, document, n))


def _conflict_issues(
    merged: Consolidated, places: dict[int, tuple[Document, int]], project: Project
) -> list[Issue]:
    """Values in conflict; the message names each file from the folder's root.

    Why from the root: the message is kept with the outcome, and shown again from
    whatever folder the next `validate` runs in (only the issue's own file is re-shown).
    """
    root = project.layout.root

    def place(record: Mesure) -> tuple[str, int]:
        document, n = places[id(record)]
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
                Code.CONFLIT_DE_VALEURS,
                f"valeurs différentes pour {key[0]} en {key[1]} : {sources}",
                "gardez la bonne avec « utilsoc record --replace --motif »",
            )
        )
    return issues
