"""The evidence a report shows: quotes, highlights, unexpected results, questionnaire gains."""

from __future__ import annotations

from typing import Any

from utilsoc.compute.questionnaires import (
    Gains,
    gain_gap,
    pair_answers,
    progress_threshold,
    questionnaire_of,
)
from utilsoc.langue import _
from utilsoc.model.mesures import Groupe, Moment, Temoignage
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur, Referentiel
from utilsoc.report.comparisons import gain_gap_context
from utilsoc.report.wording import ROLES, progress_text


def evidence_context(
    evidence: dict[str, list[Any]], period: Period, logframe: str | None
) -> dict[str, list[dict[str, Any]]]:
    """The evidence dated within `period`, for the report's logframe or for none."""

    def kept(name: str) -> list[Any]:
        return [item for item in evidence.get(name, []) if _in_report(item, period, logframe)]

    unexpected = kept("resultats_inattendus")
    return {
        "verbatims": [quote(q) for q in kept("temoignages") if q.consentement],
        "faits": _plain_all(kept("faits_marquants")),
        "inattendus_positifs": _of_nature(unexpected, positive=True),
        "inattendus_negatifs": _of_nature(unexpected, positive=False),
        "pistes": _plain_all(kept("pistes_amelioration")),
        "partenariat": _plain_all(_partners(kept("partenariat"), logframe)),
    }


def quote(item: Temoignage) -> dict[str, Any]:
    """A consented quote as a template shows it."""
    return {
        "texte": item.texte,
        "role": _(ROLES.get(item.role.value, item.role.value)),
        "pseudonyme": item.pseudonyme,
        "periode": item.periode.label,
    }


def _in_report(item: Any, period: Period, logframe: str | None) -> bool:
    cadre = getattr(item, "cadre", None)
    return period.overlaps(item.periode) and (logframe is None or cadre in (None, logframe))


def _of_nature(results: list[Any], *, positive: bool) -> list[dict[str, Any]]:
    return [_plain(r) for r in results if (r.nature.value == "positif") is positive]


def _partners(items: list[Any], logframe: str | None) -> list[Any]:
    """With a logframe, only its partner's expectations (not those of no logframe)."""
    return [item for item in items if logframe is None or item.cadre == logframe]


def _plain_all(items: list[Any]) -> list[dict[str, Any]]:
    return [_plain(item) for item in items]


def _plain(item: Any) -> dict[str, Any]:
    data: dict[str, Any] = item.model_dump(mode="json")
    return data | {"periode": item.periode.label}


def gains_context(
    referentiel: Referentiel, responses: list[Any], period: Period
) -> list[dict[str, Any]]:
    """Entry/exit results of each questionnaire with answer pairs in `period`.

    Those who progress are counted as the share computed from the questionnaire counts
    them (its threshold), in the direction of the questionnaire's indicator.
    """
    indicators = referentiel.indicators()
    result = []
    for code in sorted({r.indicateur for r in responses}):
        gains = pair_answers(responses, code, period)
        indicator = indicators.get(code)
        if not gains.pairs or indicator is None:
            continue
        threshold = progress_threshold(indicators.values(), code)
        improved = gains.improved(indicator.sens, threshold)
        scale = indicator.echelle
        result.append(
            {
                "code": code,
                "libelle": indicator.libelle,
                "unite": indicator.unite or "",
                "sens": indicator.sens.value,
                "echelle": None if scale is None else {"min": scale.min, "max": scale.max},
                "participants": len(gains.pairs),
                "entree": gains.mean(Moment.ENTREE),
                "sortie": gains.mean(Moment.SORTIE),
                "gain": gains.mean_gain,
                "seuil": threshold,
                "progressent": improved,
                "progression": progress_text(improved, len(gains.pairs), indicator.sens, threshold),
                "indicateurs": [c for c, i in indicators.items() if questionnaire_of(i) == code],
                "sans_sortie": len(gains.entry_only),
                "sans_entree": len(gains.exit_only),
                "comparaison": _comparison_group(responses, code, period, indicator, gains),
            }
        )
    return result


def _comparison_group(
    responses: list[Any], code: str, period: Period, indicator: Indicateur, gains: Gains
) -> dict[str, Any] | None:
    """The comparison group's pairs beside the action's: both gains, their gap, their Ns."""
    others = pair_answers(responses, code, period, Groupe.COMPARAISON)
    compared = gain_gap_context(
        gain_gap(gains, others),
        indicator.groupe_comparaison,
        indicator.unite or "",
        indicator.sens,
    )
    if compared is not None:
        compared |= {"entree": others.mean(Moment.ENTREE), "sortie": others.mean(Moment.SORTIE)}
    return compared
