"""`formulaire`: an XLSForm (KoboToolbox, ODK) for an entry/exit questionnaire, and its mapping.

The form asks the participant's code, the moment (entrée or sortie) and the score on the
indicator's scale; the mapping written beside it (correspondances/<code>.yaml) names the
columns of the form's export, so that `utilsoc import` reads it with nothing to write by
hand.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
from typing import Any

from utilsoc.errors import UsageError
from utilsoc.model.referentiel import Indicateur, Referentiel, TypeIndicateur

LANGUAGE = "French (fr)"
PARTICIPANT, MOMENT, DAY = "participant", "moment", "today"
# A participant's code as `questionnaire` accepts it: letters, digits, - and _.
CODE_PATTERN = "^[A-Za-z0-9_-]+$"
MOMENTS = (("entree", "Entrée"), ("sortie", "Sortie"))
FILTER_LINE = "# filtre: {colonne: _validation_status, valeurs: [validation_status_approved]}"


def questionnaire_indicator(referentiel: Referentiel, code: str) -> Indicateur:
    """The score indicator under which the answers are recorded.

    Raises:
        UsageError: unknown code, or not a score with a scale.
    """
    indicators = referentiel.indicators()
    indicator = indicators.get(code)
    scores = [c for c, ind in indicators.items() if _is_questionnaire(ind)]
    if indicator is None:
        close = difflib.get_close_matches(code, list(indicators), n=1)
        hint = f"vouliez-vous dire « {close[0]} » ?" if close else ""
        raise UsageError(f"indicateur « {code} » inconnu du référentiel", hint)
    if not _is_questionnaire(indicator):
        raise UsageError(
            f"« {code} » n'est pas un score avec une échelle : pas de questionnaire à en tirer",
            f"scores avec échelle : {', '.join(scores) or 'aucun'}",
        )
    return indicator


def _is_questionnaire(indicator: Indicateur) -> bool:
    return (
        indicator.type is TypeIndicateur.SCORE
        and indicator.echelle is not None
        and indicator.calcul is None
        and indicator.formule is None
    )


def computed_from(referentiel: Referentiel, code: str) -> list[str]:
    """The indicators computed from the answers recorded under `code` (`calcul:`)."""
    return [
        ind.code
        for _, ind in referentiel.iter_indicators()
        if ind.calcul is not None and (ind.calcul.questionnaire or ind.code) == code
    ]


def score_column(indicator: Indicateur) -> str:
    """The name of the score's question in the form, and so of its column in the export."""
    return indicator.code


def survey_rows(indicator: Indicateur) -> list[dict[str, str]]:
    """The survey sheet: participant code, moment, the scale item, the day of the answer."""
    scale = indicator.echelle
    assert scale is not None  # checked by questionnaire_indicator
    whole = float(scale.min).is_integer() and float(scale.max).is_integer()
    low, high = f"{scale.min:g}", f"{scale.max:g}"
    ends = [
        f"{value} = {label}"
        for value, label in ((low, scale.libelle_min), (high, scale.libelle_max))
        if label
    ]
    hint = f"De {low} à {high}" + (f" ({', '.join(ends)})" if ends else "") + "."
    return [
        {
            "type": "text",
            "name": PARTICIPANT,
            "label": "Code du participant",
            "hint": "Le même code à l'entrée et à la sortie, sans nom : lettres, chiffres, - ou _.",
            "required": "yes",
            "constraint": f"regex(., '{CODE_PATTERN}')",
            "constraint_message": "Lettres, chiffres, - ou _ seulement, sans espace ni accent.",
        },
        {
            "type": f"select_one {MOMENT}",
            "name": MOMENT,
            "label": "Moment du questionnaire",
            "required": "yes",
        },
        {
            "type": "integer" if whole else "decimal",
            "name": score_column(indicator),
            "label": indicator.libelle,
            "hint": hint,
            "required": "yes",
            "constraint": f". >= {low} and . <= {high}",
            "constraint_message": f"Une note de {low} à {high}.",
        },
        {"type": DAY, "name": DAY},
    ]


def build_xlsform(indicator: Indicateur, version: str) -> bytes:
    """The XLSForm's bytes: survey, choices and settings sheets, labels in French."""
    import openpyxl

    book = openpyxl.Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    translated = ("label", "hint", "constraint_message")
    keys = ["type", "name", "label", "hint", "required", "constraint", "constraint_message"]
    survey.append([f"{k}::{LANGUAGE}" if k in translated else k for k in keys])
    for row in survey_rows(indicator):
        survey.append([row.get(k) for k in keys])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", f"label::{LANGUAGE}"])
    for name, label in MOMENTS:
        choices.append([MOMENT, name, label])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append([indicator.libelle, indicator.code, version, LANGUAGE])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def form_version(today: dt.date) -> str:
    """A version Kobo and ODK compare as text: the day the form was written."""
    return today.strftime("%Y%m%d")


def mapping_text(indicator: Indicateur, form: str) -> str:
    """The import mapping of the form's export (CSV or XLSX, XML names as headers)."""
    data: dict[str, Any] = {
        "type": "questionnaire",
        "auteur": f"Questionnaire {indicator.code}",
        "colonnes": {"participant": PARTICIPANT, "moment": MOMENT, "période": DAY},
        "indicateurs": {indicator.code: score_column(indicator)},
    }
    import yaml

    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return (
        "# yaml-language-server: $schema=../schemas/correspondance.schema.json\n"
        f"# Export du formulaire {form} (KoboToolbox ou ODK), écrit par « utilsoc formulaire ».\n"
        "# Exportez les réponses avec les noms XML des questions comme en-têtes de colonnes.\n"
        "# La période de chaque réponse est celle qui contient sa date (colonne today).\n"
        + body
        + "# Pour ne compter que les soumissions approuvées dans KoboToolbox, décommentez :\n"
        + f"{FILTER_LINE}\n"
    )
