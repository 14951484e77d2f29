"""The one gate from an association's folder to what the commands compute.

Every command that reads a whole folder goes through here, so no two commands can disagree
about it: `validate` shows the outcome; the commands that compute (status, report, export,
merge) refuse a folder with errors, or with `--ignorer-erreurs` work on its valid records
only. The policy is documented in docs/erreurs.md.

Why an outcome cache: on an unchanged folder (same bytes, same utilsoc), the verdict is
known without loading the models; a command whose own result is cached then answers at
once, and still refuses a folder that has errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue
from utilsoc.project import MESURES, Layout, path_from_root

if TYPE_CHECKING:
    from utilsoc.check.measures import MeasureCheck
    from utilsoc.compute.merge import Measures
    from utilsoc.model.load import Project
    from utilsoc.model.mesures import Mesure

IGNORE_OPTION = "--ignorer-erreurs"


class FolderRefused(DataErrors):
    """The folder has errors: a computing command does not run on it."""

    def __init__(self, issues: list[Issue], *, ignorable: bool) -> None:
        super().__init__(issues)
        errors = sum(1 for issue in issues if issue.severity == "erreur")
        noun = "erreur" if errors == 1 else "erreurs"
        self.after = f"dossier refusé : {errors} {noun} — corrigez-les (voir « utilsoc validate »)"
        if ignorable:
            self.after += (
                f", ou relancez avec {IGNORE_OPTION} pour calculer sur les seules lignes valides"
            )
        else:
            self.after += " ; les erreurs du référentiel ne peuvent pas être ignorées"


@dataclass(frozen=True)
class Outcome:
    """What `validate` says of a folder: every problem, and the counts for the success line."""

    issues: list[Issue]
    summary: str

    @property
    def errors(self) -> list[Issue]:
        """The issues that make the folder invalid (warnings and notes do not)."""
        return [issue for issue in self.issues if issue.severity == "erreur"]


@dataclass
class Folder:
    """An association's folder, read and checked: the référentiel and its valid records."""

    layout: Layout
    project: Project
    checked: MeasureCheck
    outcome: Outcome
    skipped: list[Issue] = field(default_factory=list)

    @property
    def issues(self) -> list[Issue]:
        """Every problem found, sorted by file and position."""
        return self.outcome.issues

    @property
    def records(self) -> list[Mesure]:
        """Every valid value line (replacements included), before consolidation."""
        return self.checked.records

    @property
    def evidence(self) -> dict[str, list[Any]]:
        """Valid evidence and questionnaire answers, by kind."""
        return self.checked.evidence

    @cached_property
    def measures(self) -> Measures:
        """The current values: replacements resolved, values in conflict left out."""
        from utilsoc.compute.merge import Measures

        merged = self.checked.merged  # consolidated once, by the check that found conflicts
        return Measures(list(merged.current.values()), self.evidence, merged.conflicts)


def load_folder(layout: Layout, digest: str | None = None) -> Folder:
    """Read and check the whole folder, gathering every problem; keep the outcome.

    The measurement lines are checked against the référentiel only when it could be
    read: otherwise every line would get a follow-on « indicateur inconnu », and the one
    real problem would be lost among them. A note says how many lines wait.
    """
    from utilsoc.check.measures import check_measures
    from utilsoc.check.referentiel import check_project
    from utilsoc.model.load import load_project

    digest = digest or fresh_digest(layout)  # before reading: a later edit is never hidden
    project = load_project(layout)
    issues = [*project.issues, *check_project(project)]
    checked = check_measures(project, checked=project.referentiel is not None)
    issues.extend(checked.issues)
    if checked.unchecked:
        issues.append(_unchecked_note(layout, issues, checked.unchecked))
    outcome = Outcome(sorted(issues, key=lambda i: i.sort_key), summarize(project, checked.read))
    _store_outcome(layout, digest, outcome)
    return Folder(layout, project, checked, outcome)


def check_folder(layout: Layout) -> Outcome:
    """The outcome of `load_folder`, from the cache when no file changed since."""
    digest = fresh_digest(layout)
    stored = _stored_outcome(layout, digest)
    return stored if stored is not None else load_folder(layout, digest).outcome


class Gate:
    """A folder on its way into a computing command: admitted, or refused with its errors."""

    def __init__(self, layout: Layout, *, ignore_errors: bool = False) -> None:
        self.layout = layout
        self.ignore_errors = ignore_errors
        self._folder: Folder | None = None
        self._skipped: list[Issue] | None = None

    @cached_property
    def digest(self) -> str:
        """A hash of every input file: keys the results that commands keep."""
        return fresh_digest(self.layout)

    def admit(self) -> list[Issue]:
        """Check the folder (from the kept outcome when possible); return the skipped errors.

        Raises:
            FolderRefused: the folder has errors, and they may not or were not to be ignored.
        """
        if self._skipped is None:
            outcome = None if self._folder else _stored_outcome(self.layout, self.digest)
            if outcome is None:
                self._skipped = self.folder().skipped
            else:
                self._skipped = _admitted(self.layout, outcome, self.ignore_errors)
        return self._skipped

    def folder(self) -> Folder:
        """The folder read in full and admitted (read once)."""
        if self._folder is None:
            folder = load_folder(self.layout, self.digest)
            folder.skipped = _admitted(self.layout, folder.outcome, self.ignore_errors)
            self._folder = folder
        return self._folder


def lines_left_out(skipped: list[Issue]) -> int:
    """How many measurement lines the skipped errors stand for (one line may have several)."""
    return len({(issue.file, issue.line) for issue in skipped})


def open_folder(layout: Layout, *, ignore_errors: bool = False) -> Folder:
    """Read the whole folder for a command that computes; see `Gate`."""
    return Gate(layout, ignore_errors=ignore_errors).folder()


def summarize(project: Project, values: int = 0) -> str:
    """Counts for the success line: "3 domaines, 7 critères, 15 indicateurs, 12 valeurs"."""
    from utilsoc.french import plural

    ref = project.referentiel
    if ref is None:
        return "aucun référentiel"
    criteria = sum(len(d.criteres) for d in ref.domaines)
    parts = [
        plural(len(ref.domaines), "domaine"),
        plural(criteria, "critère"),
        plural(sum(1 for _ in ref.iter_indicators()), "indicateur"),
    ]
    if project.cadres:
        parts.append(plural(len(project.cadres), "cadre logique", "cadres logiques"))
    if values:
        parts.append(plural(values, "valeur"))
    return ", ".join(parts)


def fresh_digest(layout: Layout) -> str:
    """The folder's digest, once any interrupted write is finished (or undone).

    Why here: every command reads through this gate, so none sees half of a transaction;
    one `listdir` when there is nothing to recover.
    """
    from utilsoc.store.cache import folder_digest
    from utilsoc.store.journal import recover

    recover(layout)
    return folder_digest(layout)


def _admitted(layout: Layout, outcome: Outcome, ignore_errors: bool) -> list[Issue]:
    errors = outcome.errors
    if not errors:
        return []
    blocking = [i for i in errors if not _in_measures(layout, i)]
    if blocking or not ignore_errors:
        raise FolderRefused(outcome.issues, ignorable=not blocking)
    return errors


def _in_measures(layout: Layout, issue: Issue) -> bool:
    relative = path_from_root(layout.root, issue.file)
    return relative is not None and relative.startswith(f"{MESURES}/")


def _unchecked_note(layout: Layout, issues: list[Issue], count: int) -> Issue:
    """The note placed right after the référentiel's first error."""
    errors = [i for i in issues if i.severity == "erreur"]
    own = [i for i in errors if path_from_root(layout.root, i.file) == "referentiel.yaml"]
    first = min(own or errors, key=lambda i: i.sort_key)
    if count == 1:
        text = "1 ligne de mesure n'a pas été vérifiée : elle dépend du référentiel"
    else:
        text = f"{count} lignes de mesures n'ont pas été vérifiées : elles dépendent du référentiel"
    return Issue(
        first.file,
        first.line,
        first.column,
        Code.MESURES_NON_VERIFIEES,
        text,
        "corrigez d'abord le référentiel, puis relancez « utilsoc validate »",
        "note",
    )


def _store_outcome(layout: Layout, digest: str, outcome: Outcome) -> None:
    from utilsoc.store.cache import issues_to_data, store_result

    data = {"issues": issues_to_data(layout, outcome.issues), "summary": outcome.summary}
    store_result(layout, "validate", digest, data)


def _stored_outcome(layout: Layout, digest: str) -> Outcome | None:
    from utilsoc.store.cache import issues_from_data, load_result

    stored = load_result(layout, "validate", digest)
    if stored is None:
        return None
    # Sorted again: shown from another folder, the files' names (and order) may change.
    issues = sorted(issues_from_data(layout, stored["issues"]), key=lambda i: i.sort_key)
    return Outcome(issues, stored["summary"])
