"""What a report must not hide: revised targets, and gaps nobody has explained yet.

Facts only, as plain data: the sentences are in the templates and `report.wording`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from utilsoc.compute.points import Series
from utilsoc.compute.progress import Progress, Statut
from utilsoc.langue import _
from utilsoc.model.mesures import PisteAmelioration
from utilsoc.model.periods import Period, format_day
from utilsoc.model.referentiel import Cible, Indicateur

BEHIND = Statut.EN_RETARD.value


def target_revisions(indicator: Indicateur, period: Period) -> list[dict[str, Any]]:
    """Each revised target overlapping `period`: initial and revised value, each step.

    A step is one revision: the value before, the value after, its date and reason, in
    the order of the dates.
    """
    return [
        _revised(cible)
        for cible in sorted(indicator.cibles, key=lambda c: c.periode)
        if cible.revisions and cible.periode.overlaps(period)
    ]


def _revised(cible: Cible) -> dict[str, Any]:
    revisions = sorted(cible.revisions, key=lambda r: r.date)
    after = [r.ancienne_valeur for r in revisions[1:]] + [cible.valeur]
    return {
        "periode": cible.periode.label,
        "initiale": revisions[0].ancienne_valeur,
        "revisee": cible.valeur,
        "etapes": [
            {
                "ancienne_valeur": revision.ancienne_valeur,
                "nouvelle_valeur": new,
                "date": format_day(revision.date),
                "motif": revision.motif,
            }
            for revision, new in zip(revisions, after, strict=True)
        ],
    }


def tracks_about(code: str, tracks: Iterable[PisteAmelioration], period: Period) -> list[str]:
    """The actions of the improvement tracks of `period` that name indicator `code`."""
    return [t.action for t in tracks if code in t.indicateurs and period.overlaps(t.periode)]


def notes_within(series: Series, period: Period) -> list[str]:
    """The notes of the values recorded for periods within `period` (as a report shows)."""
    return [note for p, notes in series.notes.items() if period.contains(p) for note in notes]


def unexplained(state: Progress, notes: list[str], tracks: list[str]) -> bool:
    """Behind its target, with neither a note nor an improvement track to say why."""
    return state.status is Statut.EN_RETARD and not notes and not tracks


def mark_gap(indicator: dict[str, Any]) -> dict[str, Any]:
    """Set `a_expliquer` on an indicator's report context, from the notes it shows.

    Why from what it shows: with `--sans-notes` a note explains nothing to the reader,
    so an indicator behind its target then needs an improvement track.
    """
    indicator["a_expliquer"] = (
        indicator["statut"] == BEHIND and not indicator["notes"] and not indicator["pistes"]
    )
    return indicator


def gaps_to_explain(indicators: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The indicators of a report marked « écart à expliquer », each once."""
    seen: dict[str, dict[str, Any]] = {}
    for indicator in indicators:
        if indicator.get("a_expliquer"):
            seen.setdefault(indicator["code"], indicator)
    return list(seen.values())


def add_comments(context: dict[str, Any], *, notes: bool, funder: bool) -> list[dict[str, Any]]:
    """Set each indicator's `commentaire` and `a_expliquer`; return the report's gaps.

    `notes`: the values' notes are shown. `funder`: the report is about its logframe's
    indicators only. The gaps are also kept as `ecarts_a_expliquer`.
    """
    from utilsoc.report.wording import GAP_TO_EXPLAIN, planned_action

    for indicator in context["indicateurs"].values():
        if not notes:
            indicator["notes"] = []
        mark_gap(indicator)
        flag = _(GAP_TO_EXPLAIN) if indicator["a_expliquer"] else None
        # A track explains a gap as a note does: the reader sees it beside the figure.
        actions = [planned_action(action) for action in indicator["pistes"]]
        indicator["commentaire"] = " ; ".join(
            filter(None, [flag, indicator["explication"], *indicator["notes"], *actions])
        )
    gaps = gaps_to_explain(_shown(context, funder))
    context["ecarts_a_expliquer"] = gaps
    return gaps


def _shown(context: dict[str, Any], funder: bool) -> list[dict[str, Any]]:
    """The indicators a report is about: its logframe's for a funder, else all of them."""
    cadre = context["cadre"]
    if not funder or cadre is None:
        return list(context["indicateurs"].values())
    return [
        indicator
        for sous in cadre["sous_objectifs"]
        for group in (sous["indicateurs"], *(r["indicateurs"] for r in sous["resultats"]))
        for indicator in group
    ]
