"""The method's own documents as data: measurement, results chain, profiles, audiences.

The référentiel table (`report -t referentiel`) and the funder report's « Méthodologie »
annex read these; the N behind a rate or a questionnaire result is computed over the
same days as the value it stands behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from utilsoc.compute.points import Series
from utilsoc.compute.rollup import roll_up
from utilsoc.langue import N_, _
from utilsoc.model.load import Project
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur, Niveau, TypeIndicateur
from utilsoc.report.wording import LEVELS, UNSPECIFIED_LEVEL

# The référentiel's words a report shows (`{{ _s(i.type) }}`): kept as codes in the context.
VOCABULARY = (
    *(N_("nombre"), N_("taux"), N_("montant"), N_("durée"), N_("score"), N_("oui_non")),
    *(N_("qualitatif"), N_("annuelle"), N_("scolaire"), N_("semestrielle")),
    *(N_("trimestrielle"), N_("mensuelle"), N_("ponctuelle"), N_("réalisation")),
    *(N_("résultat"), N_("impact"), N_("comptage"), N_("questionnaire"), N_("entretien")),
    *(N_("registre"), N_("observation"), N_("document"), N_("statistique publique")),
)


def method_fields(
    series: Series, period: Period, pairs: int | None, labels: dict[str, str]
) -> dict[str, Any]:
    """How one indicator is measured: level, frequency, collector, every target, N.

    `pairs`: participants with an entry and an exit answer in `period`, if any.
    `labels`: every indicator's label by code, to spell out a formula.
    """
    indicator = series.indicator
    scale = indicator.echelle
    return {
        "niveau": indicator.niveau.value if indicator.niveau else None,
        "formule_texte": _computed_from(indicator, labels),
        "frequence": indicator.frequence.value,
        "collecte_par": indicator.collecte_par,
        "numerateur_texte": indicator.numerateur,
        "denominateur_texte": indicator.denominateur,
        "echelle": None if scale is None else {"min": scale.min, "max": scale.max},
        "cibles": [
            {
                "valeur": c.valeur,
                "periode": c.periode.label,
                "code": c.periode.name,
                "revisee": bool(c.revisions),
            }
            for c in sorted(indicator.cibles, key=lambda c: c.periode)
        ],
        "base": _base(series, period, pairs, labels),
    }


def _computed_from(indicator: Indicateur, labels: dict[str, str]) -> str | None:
    """How a computed indicator is obtained: its formula, or its questionnaire measure."""
    from utilsoc.report.wording import questionnaire_measure

    formula, calcul = indicator.formule, indicator.calcul
    if formula is not None:
        terms = (formula.numerateur, formula.denominateur)
        text = " ÷ ".join(labels.get(code, code) for code in terms if code)
        return text + ("" if formula.facteur == 1 else f" × {formula.facteur:g}")
    if calcul is not None:
        source = calcul.questionnaire or indicator.code
        return questionnaire_measure(calcul.mesure.value, labels.get(source, source), calcul.seuil)
    return None


def _base(
    series: Series, period: Period, pairs: int | None, labels: dict[str, str]
) -> dict[str, Any] | None:
    """The N behind the figure: paired participants, or the rate's denominator.

    `de` says what N counts: `participants` or `denominateur`, and `libelle` the
    denominator in words (the rate's own, or its formula's). A rate typed as a bare
    percentage has no N (`n` is None); a count or an amount has no base at all.
    """
    indicator: Indicateur = series.indicator
    if pairs:
        return {"n": pairs, "de": "participants", "libelle": None}
    if indicator.type is not TypeIndicateur.TAUX:
        return None
    # Over the whole report: a two-year convention's N counts both years, as its total does.
    point = roll_up(series, period)
    formula = indicator.formule
    named = labels.get(formula.denominateur or "") if formula else indicator.denominateur
    return {
        "n": point.denominator if point.numerator is not None else None,
        "de": "denominateur",
        "libelle": named,
    }


def results_chain(indicators: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Indicators grouped by level: réalisations, résultats, impacts, then unspecified.

    Levels without indicators are left out; each indicator appears once.
    """
    unique = list({i["code"]: i for i in indicators}.values())
    groups: list[dict[str, Any]] = [
        {
            "niveau": level.value,
            "titre": _(title),
            "definition": _(meaning),
            "indicateurs": [i for i in unique if i["niveau"] == level.value],
        }
        for level, (title, meaning) in zip(Niveau, LEVELS, strict=True)
    ]
    groups.append(
        {
            "niveau": None,
            "titre": _(UNSPECIFIED_LEVEL),
            "definition": None,
            "indicateurs": [i for i in unique if i["niveau"] is None],
        }
    )
    return [group for group in groups if group["indicateurs"]]


def publics_context(project: Project) -> dict[str, Any]:
    """Target profiles and audiences, each stakeholder code shown by its name."""
    publics = project.publics
    names = {p.code: p.nom for p in publics.parties_prenantes}
    profiles = []
    for profile in publics.publics_cibles:
        data = profile.model_dump(mode="json")
        data["partie_prenante"] = names.get(profile.partie_prenante or "", profile.partie_prenante)
        profiles.append(data)
    audiences = []
    for audience in publics.audiences:
        data = audience.model_dump(mode="json")
        data["parties_prenantes"] = [names.get(c, c) for c in audience.parties_prenantes]
        audiences.append(data)
    return {"publics_cibles": profiles, "audiences": audiences}


def audience_context(project: Project, code: str | None) -> dict[str, Any] | None:
    """The audience a page addresses (its code checked by the caller), or None."""
    if code is None:
        return None
    audience = next(a for a in publics_context(project)["audiences"] if a["code"] == code)
    return dict(audience)
