"""What the coded interviews of a period say, criterion by criterion: facts, no French.

For each criterion that a guide informs: how many interviews evoke each theme of its
codebook, out of how many, by stakeholder group; which themes come together; and a few
excerpts that may be quoted. Stories of change selected for the reports, by domain.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from utilsoc.model.entretiens import Entretien, GuideEntretien, Recit, ThemeCodage
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Critere, Referentiel

MAX_EXCERPTS = 3
MIN_SHARED = 2  # a pair of themes is shown when at least this many interviews share it


@dataclass(frozen=True)
class Excerpt:
    """A passage that may be quoted: its person's code and group, its text and leaning."""

    participant: str
    group: str
    text: str
    leaning: str | None
    day: str


@dataclass(frozen=True)
class ThemeCount:
    """One theme: interviews that evoke it, out of how many, by group, and some excerpts."""

    code: str
    label: str
    mentions: int
    interviews: int
    by_group: dict[str, tuple[int, int]]  # group → (mentions, interviews)
    positive: int
    negative: int
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class Analysis:
    """A criterion's interviews: how many, the themes, the pairs that come together."""

    criterion: str
    interviews: int
    themes: tuple[ThemeCount, ...]
    together: tuple[tuple[str, str, int], ...]  # theme, theme, interviews evoking both


def interviews_of(
    interviews: dict[str, Entretien], guides: dict[str, GuideEntretien], period: Period
) -> list[Entretien]:
    """The consented interviews of `period` whose guide is known, in file order."""
    return [
        interview
        for _, interview in sorted(interviews.items())
        if interview.guide in guides
        and interview.consentement.entretien
        and period.start <= interview.date <= period.end
    ]


def analyse(
    referentiel: Referentiel,
    guides: dict[str, GuideEntretien],
    interviews: list[Entretien],
) -> dict[str, Analysis]:
    """Each criterion informed by a guide (and with a codebook), by criterion code."""
    result = {}
    for domaine in referentiel.domaines:
        for critere in domaine.criteres:
            chosen = [i for i in interviews if critere.code in guides[i.guide].criteres]
            if chosen and critere.themes:
                result[critere.code] = _criterion(critere, chosen)
    return result


def _criterion(critere: Critere, interviews: list[Entretien]) -> Analysis:
    groups = Counter(i.role for i in interviews)
    evoked = [_themes_of(i) for i in interviews]
    quoted: set[str] = set()  # an excerpt tagged with two themes is quoted under the first
    counts = [_count(theme, interviews, evoked, groups, quoted) for theme in critere.themes]
    counts.sort(key=lambda t: -t.mentions)  # stable: the codebook's order among equals
    return Analysis(critere.code, len(interviews), tuple(counts), _together(critere, evoked))


def _count(
    theme: ThemeCodage,
    interviews: list[Entretien],
    evoked: list[set[str]],
    groups: Counter[str],
    quoted: set[str],
) -> ThemeCount:
    """One theme: the interviews evoking it, by group; its leanings; a few excerpts."""
    mentioning = [i for i, themes in zip(interviews, evoked, strict=True) if theme.code in themes]
    by_group = {
        group: (sum(1 for i in mentioning if i.role == group), total)
        for group, total in sorted(groups.items())
    }
    leanings = Counter(
        e.sens.value for i in interviews for e in i.extraits if theme.code in e.themes and e.sens
    )
    return ThemeCount(
        theme.code,
        theme.libelle,
        len(mentioning),
        len(interviews),
        by_group,
        leanings["positif"],
        leanings["négatif"],
        _excerpts(theme.code, interviews, quoted),
    )


def _themes_of(interview: Entretien) -> set[str]:
    return {theme for excerpt in interview.extraits for theme in excerpt.themes}


def _together(critere: Critere, evoked: list[set[str]]) -> tuple[tuple[str, str, int], ...]:
    """Pairs of the codebook's themes evoked in the same interviews, most shared first."""
    codes = [t.code for t in critere.themes]
    pairs = []
    for a, b in combinations(codes, 2):
        shared = sum(1 for themes in evoked if a in themes and b in themes)
        if shared >= MIN_SHARED:
            pairs.append((a, b, shared))
    pairs.sort(key=lambda p: -p[2])
    return tuple(pairs)


def _excerpts(theme: str, interviews: list[Entretien], quoted: set[str]) -> tuple[Excerpt, ...]:
    """Up to MAX_EXCERPTS quotable excerpts of `theme`, from as many people as possible.

    Only from interviews whose person agreed to be quoted, never one marked `citer:
    false`, nor one already in `quoted` (which gets those chosen).
    """
    found = [
        Excerpt(i.participant, i.role, e.extrait, e.sens.value if e.sens else None, str(i.date))
        for i in interviews
        if i.consentement.citation
        for e in i.extraits
        if theme in e.themes and e.citer is not False and e.extrait not in quoted
    ]
    chosen = _people_first(found)[:MAX_EXCERPTS]
    quoted.update(e.text for e in chosen)
    return chosen


def _people_first(found: list[Excerpt]) -> tuple[Excerpt, ...]:
    """Each person's first excerpt, then the others, each group in the order found."""
    people: set[str] = set()
    first = []
    for excerpt in found:
        if excerpt.participant not in people:
            people.add(excerpt.participant)
            first.append(excerpt)
    return tuple(first + [e for e in found if e not in first])


def selected_stories(stories: dict[str, Recit], period: Period) -> dict[str, list[Recit]]:
    """The stories selected within `period` whose teller consented, by domain code."""
    result: dict[str, list[Recit]] = {}
    for _, story in sorted(stories.items()):
        chosen = story.selection
        if chosen is not None and story.consentement and period.start <= chosen.date <= period.end:
            result.setdefault(story.domaine, []).append(story)
    return result
