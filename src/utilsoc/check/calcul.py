"""Checks of an indicator computed from a questionnaire (`calcul:`)."""

from __future__ import annotations

from utilsoc.check.reporter import IndicatorPlace, Reporter, indicator_loc
from utilsoc.codes import Code
from utilsoc.model.referentiel import Indicateur, MesureQuestionnaire, Sens, TypeIndicateur

ROLE = "referentiel"
INVALID = Code.CALCUL_INVALIDE


def check_calcul(
    report: Reporter, place: IndicatorPlace, ind: Indicateur, indicators: dict[str, Indicateur]
) -> None:
    """A questionnaire that exists and is a score, a measure that fits the indicator's type."""
    calcul = ind.calcul
    if calcul is None:
        return
    loc = indicator_loc(place, "calcul")
    if ind.formule is not None:
        report.add(
            ROLE,
            loc,
            INVALID,
            f"« {ind.code} » a une formule et un calcul",
            "gardez l'un des deux : un indicateur se calcule d'une seule façon",
        )
    _check_measure(report, place, ind)
    code = calcul.questionnaire or ind.code
    questionnaire = indicators.get(code)
    if questionnaire is None:
        report.unknown(ROLE, (*loc, "questionnaire"), "indicateur", code, indicators)
        return
    _check_questionnaire(report, place, ind, questionnaire)
    if ind.dimensions:
        report.add(
            ROLE,
            indicator_loc(place, "dimensions"),
            Code.CHAMP_INUTILE,
            f"« {ind.code} » est calculé à partir des réponses, qui ne sont pas ventilées",
            "retirez « dimensions »",
            "avertissement",
        )


def _check_measure(report: Reporter, place: IndicatorPlace, ind: Indicateur) -> None:
    """A share of progress is a rate (with a positive threshold); a mean or a gain a score."""
    calcul = ind.calcul
    assert calcul is not None
    share = calcul.mesure is MesureQuestionnaire.PART_PROGRESSION
    wanted = TypeIndicateur.TAUX if share else TypeIndicateur.SCORE
    if ind.type is not wanted:
        report.add(
            ROLE,
            indicator_loc(place, "type"),
            INVALID,
            f"« {calcul.mesure.value} » donne un {wanted.value}, « {ind.code} » est de type "
            f"{ind.type.value}",
            f"écrivez « type: {wanted.value} »",
        )
    if calcul.seuil is not None and not share:
        report.add(
            ROLE,
            indicator_loc(place, "calcul", "seuil"),
            Code.CHAMP_INUTILE,
            "le seuil ne sert qu'à « part_progression »",
            "retirez-le",
            "avertissement",
        )
    if share and calcul.seuil is not None and calcul.seuil <= 0:
        report.add(
            ROLE,
            indicator_loc(place, "calcul", "seuil"),
            INVALID,
            f"seuil de progrès de {calcul.seuil:g} point",
            "un seuil compte les points gagnés dans le sens voulu : un nombre positif",
        )


def _check_questionnaire(
    report: Reporter, place: IndicatorPlace, ind: Indicateur, questionnaire: Indicateur
) -> None:
    """The answers' indicator is a score, answered for itself, with a direction to progress."""
    calcul = ind.calcul
    assert calcul is not None
    loc = indicator_loc(place, "calcul", "questionnaire" if calcul.questionnaire else "mesure")
    if questionnaire.type is not TypeIndicateur.SCORE:
        report.add(
            ROLE,
            loc,
            INVALID,
            f"« {questionnaire.code} » n'est pas un score : aucun questionnaire n'y répond",
            "citez l'indicateur de type score sous lequel les réponses sont enregistrées",
        )
        return
    other = questionnaire.calcul
    if other is not None and (other.questionnaire or questionnaire.code) != questionnaire.code:
        report.add(
            ROLE,
            loc,
            INVALID,
            f"« {questionnaire.code} » est lui-même calculé à partir de « {other.questionnaire} »",
            f"citez directement « {other.questionnaire} »",
        )
    sens = questionnaire.sens
    if calcul.mesure is MesureQuestionnaire.PART_PROGRESSION and sens is Sens.STABILITE:
        report.add(
            ROLE,
            loc,
            INVALID,
            f"« {questionnaire.code} » a le sens stabilité : progresser n'y a pas de sens",
            f"donnez à « {questionnaire.code} » le sens hausse ou baisse",
        )
    _check_agreement(report, place, ind, questionnaire)


def _check_agreement(
    report: Reporter, place: IndicatorPlace, ind: Indicateur, questionnaire: Indicateur
) -> None:
    """A mean gain wanted in the questionnaire's direction; the same rhythm of periods."""
    calcul = ind.calcul
    assert calcul is not None
    if (
        calcul.mesure is MesureQuestionnaire.GAIN_MOYEN
        and questionnaire.sens is not Sens.STABILITE
        and ind.sens is not questionnaire.sens
    ):
        report.add(
            ROLE,
            indicator_loc(place, "sens"),
            Code.SENS_DU_CALCUL,
            f"le gain de « {ind.code} » est visé en {ind.sens.value}, le score de "
            f"« {questionnaire.code} » en {questionnaire.sens.value}",
            f"un gain se juge dans le sens du score : écrivez « sens: {questionnaire.sens.value} »",
            "avertissement",
        )
    if questionnaire.frequence is not ind.frequence:
        report.add(
            ROLE,
            indicator_loc(place, "frequence"),
            Code.FREQUENCES_DIFFERENTES,
            f"les réponses de « {questionnaire.code} » sont en {questionnaire.frequence.value}, "
            f"« {ind.code} » en {ind.frequence.value}",
            "un indicateur calculé a la fréquence de son questionnaire",
            "avertissement",
        )
