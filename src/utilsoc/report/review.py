"""The review's own evidence: evaluative judgements, the action plan and what became of it.

Plain data for the templates. A judgement answers a criterion's evaluative question for a
period; an action (an improvement track) has an owner and a deadline, and the follow-ups
recorded at later reviews say what became of it.
"""

from __future__ import annotations

from typing import Any

from utilsoc.model.mesures import Etat, Jugement, PisteAmelioration, Suivi
from utilsoc.model.periods import Period, format_day

_CLOSED = (Etat.REALISEE, Etat.ABANDONNEE)


def judgements(evidence: dict[str, list[Any]], period: Period) -> dict[str, dict[str, Any]]:
    """Each criterion's answer for `period`: the latest judgement of a period inside it."""
    chosen: dict[str, Jugement] = {}
    for item in evidence.get("jugements", []):
        if not period.contains(item.periode):
            continue
        known = chosen.get(item.critere)
        if known is None or (item.periode.end, item.date) >= (known.periode.end, known.date):
            chosen[item.critere] = item
    return {
        code: {
            "reponse": item.reponse.value,
            "texte": item.texte,
            "periode": item.periode.label,
            "auteur": item.auteur,
            "date": format_day(item.date),
        }
        for code, item in chosen.items()
    }


def action_plan(
    evidence: dict[str, list[Any]], period: Period, logframe: str | None
) -> dict[str, list[dict[str, Any]]]:
    """The actions decided during `period`, and what became of those decided before it.

    An earlier action is left out once a follow-up before `period` closed it (done or
    dropped): the review after that one has already said so.
    """
    tracks = _of_logframe(evidence.get("pistes_amelioration", []), logframe)
    followups: list[Suivi] = evidence.get("suivis", [])
    earlier = [t for t in tracks if t.periode.end < period.start]
    return {
        "actions": [
            _action(t, _latest(followups, t, period.end), period)
            for t in tracks
            if period.overlaps(t.periode)
        ],
        "suites": [
            _action(t, _latest(followups, t, period.end), period)
            for t in earlier
            if not _closed_before(followups, t, period)
        ],
    }


def _of_logframe(tracks: list[PisteAmelioration], logframe: str | None) -> list[PisteAmelioration]:
    """The tracks of `logframe` and those of no logframe in particular (all without one)."""
    if logframe is None:
        return tracks
    return [t for t in tracks if t.cadre in (None, logframe)]


def _latest(followups: list[Suivi], track: PisteAmelioration, until: Any) -> Suivi | None:
    """The latest follow-up of `track` recorded for a period starting by `until`."""
    found = [
        f for f in followups if track.code and f.piste == track.code and f.periode.start <= until
    ]
    return max(found, key=lambda f: (f.periode.end, f.date), default=None)


def _closed_before(followups: list[Suivi], track: PisteAmelioration, period: Period) -> bool:
    before = [
        f
        for f in followups
        if track.code and f.piste == track.code and f.periode.end < period.start
    ]
    latest = max(before, key=lambda f: (f.periode.end, f.date), default=None)
    return latest is not None and latest.etat in _CLOSED


def _action(track: PisteAmelioration, followup: Suivi | None, period: Period) -> dict[str, Any]:
    state = followup.etat if followup else None
    overdue = track.echeance is not None and track.echeance <= period.end and state not in _CLOSED
    return {
        "code": track.code,
        "constat": track.constat,
        "analyse": track.analyse,
        "action": track.action,
        "responsable": track.responsable,
        "echeance": format_day(track.echeance) if track.echeance else None,
        "periode": track.periode.label,
        "etat": state.value if state else None,
        "suite": followup.texte if followup else None,
        "suite_date": format_day(followup.date) if followup else None,
        "echeance_depassee": overdue,
    }
