"""A folder's measurement files merged into one view, with where each record came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from utilsoc.compute.merge import Consolidated, Key, consolidate
from utilsoc.errors import Issue
from utilsoc.model.mesures import Mesure
from utilsoc.project import Layout
from utilsoc.store.files import iter_records
from utilsoc.store.measures import format_record


@dataclass(frozen=True)
class Source:
    """Where a record was read."""

    file: str
    line: int
    value: str | None
    author: str


@dataclass
class FolderMerge:
    """Every record of a folder, consolidated."""

    merged: Consolidated
    files: int = 0
    records: int = 0
    replaced: int = 0
    sources: dict[Key, list[Source]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def consolidate_folder(layout: Layout) -> FolderMerge:
    """Read every measurement file and consolidate; order of files does not matter."""
    records: list[Mesure] = []
    sources: dict[Key, list[Source]] = {}
    places: list[Source] = []  # where each record was read, in order
    issues: list[Issue] = []
    files = 0
    for _, content, document, file_issues in iter_records(layout):
        files += 1
        issues.extend(file_issues)
        if content is None or document is None:
            continue
        for n, record in enumerate(content.valeurs):
            records.append(record)
            line = document.position(("valeurs", n))[0]
            places.append(Source(document.file, line, record.valeur, record.auteur))
            sources.setdefault(record.key, []).append(places[-1])
    merged = consolidate(records)
    # A conflict lists only its live records, as `validate` does: never a replaced one.
    live = {id(r) for group in merged.conflicts.values() for r in group}
    for key in merged.conflicts:
        sources[key] = []
    for record, source in zip(records, places, strict=True):
        if id(record) in live:
            sources[record.key].append(source)
    result = FolderMerge(merged, files, len(records), sources=sources, issues=issues)
    result.replaced = sum(1 for r in records if r.remplace is not None)
    for key in sources:
        sources[key].sort(key=lambda s: (s.file, s.line))
    return result


def consolidated_text(merged: Consolidated) -> str:
    """The current values as one deterministic YAML file (sorted, one record per line)."""
    lines = [
        "# Valeurs consolidées par « utilsoc merge » : fichier généré, ne pas modifier.\n",
        "valeurs:\n",
    ]
    for key in sorted(merged.current):
        lines.append(format_record(merged.current[key].to_valeur()))
    return "".join(lines)
