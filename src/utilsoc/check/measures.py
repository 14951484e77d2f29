"""Measurement files checked against the référentiel: which records are valid, and why not.

One pass reads every file and checks it (`check.files`, here or in worker processes),
then looks across files: values in conflict, follow-ups of unknown tracks, periods that
overlap or lie far from their targets. What is valid is kept; every problem becomes an
`Issue` at its file, line and column.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from utilsoc.check.files import EVIDENCE, FileCheck, checked_files
from utilsoc.check.spans import coarse_issues, target_issues
from utilsoc.codes import Code
from utilsoc.compute.merge import Consolidated, Gathering
from utilsoc.errors import Issue
from utilsoc.model.load import Project
from utilsoc.model.mesures import Groupe, Mesure, Reponse
from utilsoc.model.periods import Period
from utilsoc.project import path_from_root


@dataclass
class MeasureCheck:
    """The valid records of every measurement file, and the problems of the others."""

    records: list[Mesure] = field(default_factory=list)
    evidence: dict[str, list[Any]] = field(default_factory=lambda: {n: [] for n in EVIDENCE})
    issues: list[Issue] = field(default_factory=list)
    followups: list[tuple[Any, str, int, int]] = field(default_factory=list)
    comparisons: list[tuple[Any, str, int]] = field(default_factory=list)
    files: int = 0
    read: int = 0
    unchecked: int = 0
    merged: Consolidated = field(default_factory=Consolidated)  # of `records`


# (index in MeasureCheck.records of a file's first valid value, its file, their lines)
Block = tuple[int, str, Sequence[int]]


def check_measures(project: Project, *, checked: bool = True) -> MeasureCheck:
    """Read every measurement file and keep the records that fit the référentiel.

    A large folder is read by worker processes, one per core (see `store.parallel`);
    the result is the same, in the same order, and so is the cache they write.

    Args:
        project: the loaded référentiel files.
        checked: False when the référentiel has errors: the records are then only read
            (their checks would all be follow-on errors) and counted as `unchecked`.
    """
    from utilsoc.store.filecache import sync
    from utilsoc.store.files import measures_cache
    from utilsoc.store.parallel import paused_gc, settle

    result = MeasureCheck()
    blocks: list[Block] = []
    gathering = Gathering()  # grouped while the workers read the next files
    # Closed on the way out: on Ctrl-C or an error, the workers end at once.
    with paused_gc(), closing(checked_files(project, checked)) as found_files:
        for found in found_files:
            _add(result, blocks, found)
            gathering.add(found.records)
        sync(measures_cache(project.layout))  # the cache entries written, in one call
        merged = result.merged = gathering.consolidate()
    settle(len(result.records))
    place = _placer(result.records, blocks)
    result.issues.extend(_conflict_issues(merged, place, project))
    result.issues.extend(_followup_issues(result))
    result.issues.extend(_both_groups_issues(result))
    referentiel = project.referentiel if checked else None
    if referentiel is not None:
        result.issues.extend(coarse_issues(referentiel, merged.current.values(), place))
        result.issues.extend(target_issues(project, merged.current.values()))
    return result


def _placer(records: list[Mesure], blocks: list[Block]) -> Callable[[Mesure], tuple[str, int]]:
    """Where a valid value was read: its file and line, from the files' blocks.

    Why the index is built on first use: most folders have no value to place.
    """
    index: dict[int, int] = {}
    starts = [block[0] for block in blocks]

    def place(record: Mesure) -> tuple[str, int]:
        if not index:
            index.update(zip(map(id, records), range(len(records)), strict=True))
        n = index[id(record)]
        start, file, lines = blocks[bisect_right(starts, n) - 1]
        return file, lines[n - start]

    return place


def _add(result: MeasureCheck, blocks: list[Block], found: FileCheck) -> None:
    result.files += 1
    result.issues.extend(found.issues)
    result.read += found.read
    result.unchecked += found.unchecked
    for name, kept in found.evidence.items():
        result.evidence[name].extend(kept)
    result.followups.extend(found.followups)
    result.comparisons.extend(found.comparisons)
    if found.records:
        blocks.append((len(result.records), found.file, found.lines))
        result.records.extend(found.records)


def _followup_issues(result: MeasureCheck) -> list[Issue]:
    """Each follow-up of an action no improvement track declares; it is left out.

    Why here: a follow-up names a track recorded in another file, often another period.
    """
    codes = {track.code for track in result.evidence["pistes_amelioration"] if track.code}
    issues = []
    for record, file, line, column in result.followups:
        if record.piste in codes:
            continue
        result.evidence["suivis"].remove(record)
        issues.append(
            Issue(
                file,
                line,
                column,
                Code.REFERENCE_INCONNUE,
                f"piste d'amélioration « {record.piste} » inconnue",
                "donnez le code d'une piste enregistrée (colonne Code du plan d'action du bilan)",
            )
        )
    return issues


def _both_groups_issues(result: MeasureCheck) -> list[Issue]:
    """Each comparison-group answer of someone who answers as one of the action's people.

    The comparison answer is left out (see `both_groups_problems`).
    """
    answers = result.evidence["questionnaires"]
    found = both_groups_problems([record for record, _, _ in result.comparisons], answers)
    issues = []
    documents: dict[str, Any] = {}  # each file read strictly once, however many answers
    for index, message, hint in found:
        record, file, n = result.comparisons[index]
        answers.remove(record)
        if file not in documents:
            documents[file] = _strict_document(file)
        line, column = documents[file].position(("questionnaires", n, "participant"))
        issues.append(Issue(file, line, column, Code.PARTICIPANT_DEUX_GROUPES, message, hint))
    return issues


def both_groups_problems(
    new: Sequence[Reponse], recorded: Iterable[Reponse]
) -> list[tuple[int, str, str]]:
    """Each answer of `new` that would put someone in both groups: its index, message, hint.

    Same questionnaire, same period: one person cannot be in both groups of one round of
    answers, and the gap between the groups would compare them with themselves. A
    comparison answer gets the message `validate` gives it; an answer of the action's
    people, one saying who is already in the comparison group. Different periods are
    not checked: a person waiting for the action may be in the comparison group first,
    then in the action's.

    Why one function: `questionnaire` and `import` refuse before writing what `validate`
    refuses once written (`participant-deux-groupes`), in the same words.
    """
    recorded = list(recorded)
    action = {_round(r) for r in [*recorded, *new] if r.groupe is not Groupe.COMPARAISON}
    compared = {_round(r) for r in recorded if r.groupe is Groupe.COMPARAISON}
    problems = []
    for n, answer in enumerate(new):
        if answer.groupe is Groupe.COMPARAISON and _round(answer) in action:
            problems.append((n, *_in_action_too(answer)))
        elif answer.groupe is not Groupe.COMPARAISON and _round(answer) in compared:
            problems.append((n, *_compared_already(answer)))
    return problems


def both_groups_issues(
    file: str, rows: Sequence[tuple[int, Any]], recorded: Iterable[Reponse], column: int
) -> list[Issue]:
    """`both_groups_problems` of the answers among `rows` (line, record), at their lines."""
    answers = [(line, r) for line, r in rows if isinstance(r, Reponse)]
    found = both_groups_problems([r for _, r in answers], recorded)
    code = Code.PARTICIPANT_DEUX_GROUPES
    return [Issue(file, answers[n][0], column, code, *text) for n, *text in found]


def _in_action_too(answer: Reponse) -> tuple[str, str]:
    return (
        f"« {answer.participant} » répond aussi à {answer.indicateur} en "
        f"{answer.periode.name} parmi les personnes de l'action : une personne n'est "
        "pas des deux groupes",
        "corrigez le code du participant ici ou dans ses réponses de l'action, "
        "ou retirez « groupe: comparaison » si l'action l'accompagne",
    )


def _compared_already(answer: Reponse) -> tuple[str, str]:
    return (
        f"« {answer.participant} » répond déjà à {answer.indicateur} en "
        f"{answer.periode.name} dans le groupe de comparaison : une personne n'est "
        "pas des deux groupes",
        "corrigez le code du participant ici ou dans ses réponses du groupe de comparaison, "
        "ou retirez-y « groupe: comparaison » si l'action l'accompagne",
    )


def _round(answer: Reponse) -> tuple[str, Period, str]:
    return (answer.indicateur, answer.periode, answer.participant)


def _strict_document(file: str) -> Any:
    """`file` read strictly, for exact columns (a fast reading has none)."""
    from utilsoc.yamlio.reader import read_yaml

    return read_yaml(Path(file), file)


def _conflict_issues(
    merged: Any, place: Callable[[Mesure], tuple[str, int]], project: Project
) -> list[Issue]:
    """Values in conflict; the message names each file from the folder's root.

    Why from the root: the message is kept with the outcome, and shown again from
    whatever folder the next `validate` runs in (only the issue's own file is re-shown).
    """
    if not merged.conflicts:
        return []
    root = project.layout.root
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
