"""The dashboard `status` prints: latest value, target, progress and trend, in words."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from utilsoc.compute.merge import Measures
from utilsoc.compute.progress import Progress, intersection
from utilsoc.compute.series import Series, build_all_series, progress, progress_for, trend
from utilsoc.model.mesures import Mesure, Moment, PisteAmelioration, Reponse
from utilsoc.model.periods import Period, periods_between
from utilsoc.model.referentiel import Cible, Frequence, Indicateur, Referentiel
from utilsoc.report.disclosure import notes_within, tracks_about, unexplained
from utilsoc.report.wording import alert_text

if TYPE_CHECKING:
    pass


def indicator_status(
    series: Series, period: Period | None = None, tracks: list[PisteAmelioration] | None = None
) -> dict[str, Any]:
    """Plain data for one indicator, for `status`.

    Without `period`, the latest value against the latest target that has data; with it,
    the value over `period` against the target of that period (see `progress_for`).
    `tracks`: the improvement tracks, which may explain a gap.
    """
    indicator = series.indicator
    state = progress(series) if period is None else progress_for(series, period)
    return {
        "code": indicator.code,
        "libellé": indicator.libelle,
        "type": indicator.type.value,
        "unité": indicator.unite,
        "valeurs": {p.name: series.totals[p].number for p in series.totals},
        "référence": _baseline(indicator),
        "cibles": {c.periode.name: c.valeur for c in sorted(indicator.cibles, key=_period)},
        "ventilation": _parts(series),
        **_latest(series),
        **_latest_text(series, period),
        "cible": state.target,
        "période_cible": state.target_period.name if state.target_period else None,
        "valeur_cible_période": state.value,
        # The figure the status is judged on, and over which period (not the last quarter
        # beside a yearly target).
        "valeur_jugée": state.value,
        "période_jugée": _judged_period(state.target_period, period),
        # Unrounded, as every JSON figure: the terminal view rounds it when it prints it.
        "progression": state.progress,
        "statut": state.status.value,
        "tendance": trend(series),
        "avertissements": [alert_text(alert) for alert in series.alerts_over(period)],
        "écart_à_expliquer": _to_explain(series, state, period or state.target_period, tracks),
    }


def _baseline(indicator: Indicateur) -> dict[str, Any] | None:
    """The référentiel's baseline: its value and period."""
    if indicator.reference is None:
        return None
    return {"valeur": indicator.reference.valeur, "période": indicator.reference.periode.name}


def _period(target: Cible) -> Period:
    return target.periode


def shown_value(item: dict[str, Any], chosen: bool) -> tuple[float | str | None, str | None]:
    """The figure `status` shows for an indicator, and its period.

    The latest text recorded, for a qualitative indicator; the value over the chosen
    period; the value the status is judged on; else the latest value.
    """
    if item["dernier_texte"] is not None:
        return item["dernier_texte"], item["période_du_texte"]
    if chosen:
        return item["valeur_cible_période"], item["période_jugée"]
    if item["cible"] is not None and item["valeur_jugée"] is not None:
        # The status is judged on this figure: never show another one beside it.
        return item["valeur_jugée"], item["période_jugée"]
    return item["dernière_valeur"], item["dernière_période"]


_NUMBER = attrgetter("number")


@lru_cache(maxsize=4096)
def _part_label(key: tuple[tuple[str, str], ...]) -> str:
    """« site=Nord/sexe=F »: each distinct set of dimension values written once.

    Why cached: a federation's dashboard has a million parts and a few hundred such sets.
    """
    return "/".join(f"{k}={v}" for k, v in key)


def _parts(series: Series) -> dict[str, dict[str, float | None]]:
    """Each period's parts, by their dimension values (`site=Brest/foyer=famille`)."""
    # map and zip: a million parts, labelled and read at C speed
    return {
        p.name: dict(zip(map(_part_label, parts), map(_NUMBER, parts.values()), strict=True))
        for p, parts in series.parts.items()
        if parts
    }


def _latest(series: Series) -> dict[str, Any]:
    latest = max(series.totals, default=None)
    return {
        "dernière_période": latest.name if latest else None,
        "dernière_valeur": series.totals[latest].number if latest else None,
    }


def _latest_text(series: Series, period: Period | None) -> dict[str, Any]:
    """The latest text recorded (within `period`), and its period."""
    within = [p for p in series.texts if period is None or period.overlaps(p)]
    latest = max(within, default=None)
    return {
        "dernier_texte": series.texts[latest] if latest else None,
        "période_du_texte": latest.name if latest else None,
    }


def _to_explain(
    series: Series,
    state: Progress,
    judged: Period | None,
    tracks: list[PisteAmelioration] | None,
) -> bool:
    """Behind its target over `judged`, with neither a note nor an improvement track."""
    if judged is None:
        return False
    notes = notes_within(series, judged)
    return unexplained(state, notes, tracks_about(series.indicator.code, tracks or [], judged))


def _judged_period(target: Period | None, period: Period | None) -> str | None:
    """The period of the judged value: the report's (within the target's), or the target's."""
    if period is None:
        return target.name if target else None
    if target is None or period.contains(target):
        return period.name
    return intersection(target, period).name if target.overlaps(period) else period.name


def missing(
    referentiel: Referentiel,
    records: list[Mesure],
    period: Period,
    today: dt.date,
    answered: frozenset[str] = frozenset(),
) -> list[dict[str, str]]:
    """Indicator periods within `period`, over by `today`, with no value recorded.

    Calculated indicators are never missing, nor the scores of `answered` questionnaires:
    their figures come from elsewhere.
    """
    recorded = {(r.indicateur, r.periode.name) for r in records}
    result = []
    for _, indicator in referentiel.iter_indicators():
        computed = indicator.formule is not None or indicator.calcul is not None
        if computed or indicator.code in answered or indicator.frequence is Frequence.PONCTUELLE:
            continue
        for due in _due(indicator, period, today):
            if (indicator.code, due.name) not in recorded:
                result.append({"code": indicator.code, "période": due.name})
    return result


def _due(indicator: Indicateur, period: Period, today: dt.date) -> list[Period]:
    """The indicator's periods within `period` that are over by `today`.

    Why over, not begun: December's value cannot be known on the 2nd of December; a
    period still running is not missing yet (guided entry proposes the same ones).
    """
    kind = indicator.frequence.kind
    return [
        p
        for p in periods_between(period.start, min(period.end, today), kind)
        if period.contains(p) and p.end < today
    ]


def questionnaire_gains(
    referentiel: Referentiel, responses: list[Reponse], period: Period
) -> list[dict[str, Any]]:
    """Entry/exit gains of each score indicator answered in `period`."""
    from utilsoc.compute.questionnaires import pair_answers, progress_threshold

    indicators = referentiel.indicators()
    result = []
    for code in sorted({r.indicateur for r in responses}):
        gains = pair_answers(responses, code, period)
        if not (gains.pairs or gains.entry_only or gains.exit_only):
            continue
        indicator = indicators.get(code)
        threshold = progress_threshold(indicators.values(), code)
        result.append(
            {
                "indicateur": code,
                "libellé": indicator.libelle if indicator else code,
                "paires": len(gains.pairs),
                "entrée_moyenne": gains.mean(Moment.ENTREE),
                "sortie_moyenne": gains.mean(Moment.SORTIE),
                "gain_moyen": gains.mean_gain,
                "sens": indicator.sens.value if indicator else None,
                "seuil": threshold,
                "progressent": gains.improved(indicator.sens, threshold) if indicator else None,
                "sans_sortie": gains.entry_only,
                "sans_entrée": gains.exit_only,
            }
        )
    return result


def _unfilled(all_series: dict[str, Series], period: Period) -> list[dict[str, Any]]:
    """Indicators with values in `period` whose declared dimensions no value fills."""
    from utilsoc.compute.breakdown import unfilled

    return [
        {"indicateur": code, "dimensions": names}
        for code, series in all_series.items()
        if (names := unfilled(series, period))
    ]


def project_status(
    referentiel: Referentiel,
    measures: Measures,
    period: Period,
    today: dt.date,
    *,
    chosen: bool = False,
) -> dict[str, Any]:
    """The whole dashboard as plain data.

    `period` bounds the missing values and the questionnaires; when the user `chosen` it,
    every indicator is also judged over it rather than on its latest value.
    """
    responses = measures.evidence.get("questionnaires", [])
    all_series = build_all_series(referentiel, measures.records, responses)
    judged = period if chosen else None
    tracks = measures.evidence.get("pistes_amelioration", [])
    domains = []
    for domaine in referentiel.domaines:
        criteria = []
        for critere in domaine.criteres:
            items = [
                indicator_status(all_series[ind.code], judged, tracks)
                for ind in critere.indicateurs
            ]
            criteria.append({"code": critere.code, "nom": critere.nom, "indicateurs": items})
        domains.append({"code": domaine.code, "nom": domaine.nom, "critères": criteria})
    return {
        "période": period.name,
        "période_choisie": chosen,
        "domaines": domains,
        "manquants": missing(
            referentiel,
            measures.records,
            period,
            today,
            frozenset(r.indicateur for r in responses if period.overlaps(r.periode)),
        ),
        "questionnaires": questionnaire_gains(referentiel, responses, period),
        "ventilations_manquantes": _unfilled(all_series, period),
        "conflits": [
            {
                "indicateur": key[0],
                "période": key[1],
                "valeurs": [{"valeur": r.valeur, "auteur": r.auteur} for r in live],
            }
            for key, live in measures.conflicts.items()
        ],
    }
