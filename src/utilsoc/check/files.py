"""One measurement file checked against the référentiel, here or in a worker process.

`FileChecker.check` reads a file (through the store's cache), checks each value and each
piece of evidence, and says what is valid and where every problem lies. `checked_files`
runs it on every file of a folder, in order: here, or in one worker process per core
when the folder is large enough (see `store.parallel`); the result is the same.
"""

from __future__ import annotations

from array import array
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from utilsoc.check.privacy import note_problems
from utilsoc.errors import DataErrors, Issue, UtilsocError
from utilsoc.model.load import Project
from utilsoc.model.mesures import FichierMesures, Groupe, Mesure
from utilsoc.store.cache import measure_files
from utilsoc.store.files import Contenu, measures_cache, read_measures
from utilsoc.store.wire import Packed
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
class FileCheck:
    """One measurement file checked: its problems, its valid values and evidence."""

    file: str = ""
    issues: list[Issue] = field(default_factory=list)
    read: int = 0
    unchecked: int = 0
    records: list[Mesure] = field(default_factory=list)
    lines: Sequence[int] = ()  # the line of each valid value, for conflict messages
    evidence: dict[str, list[Any]] = field(default_factory=dict)
    followups: list[tuple[Any, str, int, int]] = field(default_factory=list)
    comparisons: list[tuple[Any, str, int]] = field(default_factory=list)  # answer, file, n
    packed: Packed | None = None  # `records` as they travel, when already made


def checked_files(project: Project, checked: bool) -> Generator[FileCheck, None, None]:
    """Each file checked, in order: here, or in workers when the folder is large enough."""
    from utilsoc.store.parallel import Workers, cores, plan

    here = FileChecker(project, checked)
    files = measure_files(project.layout)
    remote = plan(files, here.cache)
    if remote is None:
        yield from map(here.check, files)
        return
    slim = replace(project, documents={}, issues=[])  # what workers need, pickled light
    with Workers(min(cores(), sum(remote)), _start_worker, (slim, checked)) as workers:
        yield from workers.in_order(files, remote, here.check, _check_there, _received)


class FileChecker:
    """Reads and checks one measurement file at a time, here or in a worker process."""

    def __init__(self, project: Project, checked: bool) -> None:
        from utilsoc.check.records import RecordChecker

        self.project = project
        self.cache = measures_cache(project.layout)
        referentiel = project.referentiel if checked else None
        self.checker = RecordChecker(referentiel) if referentiel is not None else None

    def check(self, path: Path) -> FileCheck:
        """The file's problems, and what in it is valid."""
        content, document, file_issues = read_measures(path, self.cache)
        found = FileCheck(issues=list(file_issues))
        if content is None or document is None:
            return found
        found.file = document.file
        found.read = len(content.valeurs)
        if self.checker is None:
            found.unchecked = found.read + _evidence_count(content)
            return found
        _keep_evidence(found, self.project, content, document)
        notes = note_problems(content.valeurs)
        if not notes and self.checker.all_fit(content.valeurs):  # kept as read (and packed)
            found.records, found.packed = content.valeurs, content.packed
            found.lines = _lines(document, range(len(content.valeurs)))
        else:
            verdicts = list(map(self.checker.check, content.valeurs))
            for n, problems in notes.items():
                verdicts[n] = verdicts[n] + problems
            _keep_valid(found, content.valeurs, verdicts, document)
        return found


def _keep_valid(
    found: FileCheck, values: list[Mesure], verdicts: list[list[Any]], document: Document
) -> None:
    """Keep the values without problems; locate the problems of the others."""
    numbers = []
    strict: list[Document] = []  # the file read strictly, when a problem needs a column
    for n, (record, problems) in enumerate(zip(values, verdicts, strict=True)):
        if problems:
            found.issues.extend(_value_issues(problems, document, n, strict))
            continue
        found.records.append(record)
        numbers.append(n)
    found.lines = _lines(document, numbers)


def _lines(document: Document, numbers: Sequence[int]) -> Sequence[int]:
    """The line of each value numbered, as `document.position` gives it (faster)."""
    known = document.record_lines.get("valeurs")
    if known is None:
        return [document.position(("valeurs", n))[0] for n in numbers]
    return known if len(numbers) == len(known) else [known[n] for n in numbers]


_WORKER: dict[str, FileChecker] = {}


def _start_worker(project: Project, checked: bool) -> None:
    """In a worker process: the checker, built once for every file it is sent."""
    _WORKER["checker"] = FileChecker(project, checked)


def _check_there(path: Path) -> tuple[Any, ...]:
    """In a worker process: check a file, answer in a compact, picklable form.

    Why errors are answered, not raised: `DataErrors` would not survive pickling.
    """
    from utilsoc.store.parallel import paused_gc
    from utilsoc.store.wire import pack

    try:
        with paused_gc():
            found = _WORKER["checker"].check(path)
    except DataErrors as errors:
        return ("data", errors.issues, errors.after)
    except UtilsocError as error:
        return ("error", type(error), error.message, error.hint)
    lines = array("I", found.lines)
    answer = (
        found.file,
        found.issues,
        found.read,
        found.unchecked,
        lines,
        found.evidence,
        found.followups,
        found.comparisons,
    )
    packed = found.packed if found.packed is not None else pack(found.records)
    return ("ok", packed, *answer)


def _received(answer: tuple[Any, ...]) -> FileCheck:
    """The `FileCheck` a worker sent; its error raised again here."""
    from utilsoc.store.wire import unpack

    if answer[0] == "data":
        errors = DataErrors(answer[1])
        errors.after = answer[2]
        raise errors
    if answer[0] == "error":
        raise answer[1](answer[2], answer[3])
    _, packed, file, issues, read, unchecked, lines, evidence, followups, comparisons = answer
    records = unpack(packed)
    found = FileCheck(file, issues, read, unchecked, records, lines, evidence, followups)
    found.comparisons = comparisons
    return found


def _evidence_count(content: Contenu) -> int:
    return sum(len(getattr(content, name)) for name in EVIDENCE)


def _value_issues(
    problems: list[Any], document: Document, n: int, strict: list[Document]
) -> list[Issue]:
    """The problems of value `n`, located; `strict` keeps the strict reading for the next."""
    located = _located(document, strict)
    issues = []
    for problem in problems:
        line, column = located.position(("valeurs", n, *problem.loc))
        issues.append(
            Issue(document.file, line, column, problem.code, problem.message, problem.hint)
        )
    return issues


def _located(document: Document, strict: list[Document]) -> Document:
    """`document`, or when it was read fast, its strict reading (once) for exact columns."""
    if document.record_lines:
        if not strict:
            strict.append(_strict_document(document))
        return strict[0]
    return document


def _strict_document(document: Document) -> Document:
    from utilsoc.yamlio.reader import read_yaml

    return read_yaml(Path(document.file), document.file)


def _keep_evidence(
    found: FileCheck, project: Project, content: Contenu, document: Document
) -> None:
    from utilsoc.actions.evidence import reference_problems

    strict: list[Document] = []
    for name, model_field in FichierMesures.model_fields.items():
        if name == "valeurs":
            continue
        for n, record in enumerate(getattr(content, name)):
            problems = reference_problems(project, record)
            for problem in problems:
                loc = (model_field.alias or name, n, problem.field)
                line, column = _located(document, strict).position(loc)
                found.issues.append(
                    Issue(document.file, line, column, problem.code, problem.message, problem.hint)
                )
            if not problems:
                found.evidence.setdefault(name, []).append(record)
                _remember(found, name, n, record, document)


def _remember(found: FileCheck, name: str, n: int, record: Any, document: Document) -> None:
    """Where a valid record lies, when its check needs the other files (`check.measures`).

    A follow-up names a track; an answer of the comparison group must come from someone
    the action does not reach.
    """
    if name == "suivis":
        line, column = document.position((name, n, "piste"))
        found.followups.append((record, document.file, line, column))
    elif name == "questionnaires" and record.groupe is Groupe.COMPARAISON:
        found.comparisons.append((record, document.file, n))
