"""Qualitative evidence and questionnaire scores: checked links, pseudonyms, entry/exit gains."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from utilsoc.check.measures import both_groups_problems
from utilsoc.check.personal import find_personal_data
from utilsoc.check.privacy import PSEUDONYMISE, personal_problems
from utilsoc.check.values import Problem, period_problems
from utilsoc.codes import Code
from utilsoc.errors import UserError
from utilsoc.model.load import Project
from utilsoc.model.mesures import (
    FaitMarquant,
    Jugement,
    Partenariat,
    PisteAmelioration,
    Reponse,
    ResultatInattendu,
    Suivi,
    Temoignage,
)
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Indicateur, Referentiel, TypeIndicateur
from utilsoc.project import Layout
from utilsoc.store.files import iter_records
from utilsoc.store.measures import append_records, record_path
from utilsoc.yamlio.messages import describe_error

KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "verbatim": (Temoignage, "texte"),
    "fait": (FaitMarquant, "récit"),
    "inattendu": (ResultatInattendu, "description"),
    "piste": (PisteAmelioration, "constat"),
    "partenariat": (Partenariat, "appréciation"),
    "jugement": (Jugement, "texte"),
    "suivi": (Suivi, "texte"),
}
_FULL_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:[ -]+[A-ZÀ-Ý][A-Za-zà-ÿ'’-]+)+")


def looks_like_full_name(text: str) -> bool:
    """True for "Fatou Diallo", false for "Fatou", "F. D." or "P012"."""
    return bool(_FULL_NAME.fullmatch(text.strip()))


def reference_problems(project: Project, record: BaseModel) -> list[Problem]:
    """Each unknown link, personal data, out-of-scale score or out-of-frequency answer."""
    problems = []
    if project.referentiel is not None:
        problems += _unknown_codes(project.referentiel, record)
    cadre = getattr(record, "cadre", None)
    if cadre is not None and cadre not in project.cadres:
        known = ", ".join(project.cadres) or "aucun"
        message = f"cadre logique « {cadre} » inconnu"
        problems.append(Problem("cadre", _UNKNOWN, message, f"cadres logiques : {known}"))
    problems += _pseudonym_problems(record) + personal_problems(record)
    if isinstance(record, Reponse):
        problems.extend(_response_problems(project, record))
    return problems


def _pseudonym_problems(record: BaseModel) -> list[Problem]:
    """A pseudonym of two capitalised words (« Fatou Diallo »), unless consented.

    Why beside the detector: a pseudonym is a name by nature, so two capitalised words
    are refused there even when the second is not a known surname.
    """
    if not isinstance(record, Temoignage) or record.nom_complet or not record.pseudonyme:
        return []
    pseudo = record.pseudonyme
    if not looks_like_full_name(pseudo) or find_personal_data(pseudo):
        return []  # the detector's own problem says it
    return [
        Problem(
            "pseudonyme",
            Code.NOM_COMPLET,
            f"le pseudonyme « {pseudo} » ressemble à un nom complet",
            f"{PSEUDONYMISE} (ou, avec l'accord écrit de la personne, --nom-complet)",
        )
    ]


def _unknown_codes(ref: Referentiel, record: BaseModel) -> list[Problem]:
    """Criteria and indicators a record cites that the référentiel does not declare."""
    criteria = {c.code for d in ref.domaines for c in d.criteres}
    indicators = ref.indicators()
    hint = "voir referentiel.yaml"
    return (
        [
            Problem("criteres", _UNKNOWN, f"critère « {code} » inconnu", hint)
            for code in getattr(record, "criteres", [])
            if code not in criteria
        ]
        + [
            Problem("indicateurs", _UNKNOWN, f"indicateur « {code} » inconnu", hint)
            for code in getattr(record, "indicateurs", [])
            if code not in indicators
        ]
        + [
            Problem("critère", _UNKNOWN, f"critère « {code} » inconnu", hint)
            for code in [getattr(record, "critere", None)]
            if code is not None and code not in criteria
        ]
    )


_UNKNOWN = Code.REFERENCE_INCONNUE
_INVALID = Code.PREUVE_INVALIDE


def _response_problems(project: Project, response: Reponse) -> list[Problem]:
    indicators = project.referentiel.indicators() if project.referentiel else {}
    indicator = indicators.get(response.indicateur)
    if indicator is None:
        return [_unknown_score(response.indicateur, indicators)]
    if indicator.type is not TypeIndicateur.SCORE:
        return [
            Problem(
                "indicateur",
                _INVALID,
                f"« {indicator.code} » n'est pas un score",
                "un questionnaire d'entrée/sortie renseigne un indicateur de type score",
            )
        ]
    other = indicator.calcul.questionnaire if indicator.calcul else None
    if other is not None and other != indicator.code:
        return [
            Problem(
                "indicateur",
                _INVALID,
                f"« {indicator.code} » est calculé à partir des réponses de « {other} »",
                f"enregistrez cette réponse pour « {other} »",
            )
        ]
    problems = period_problems(indicator, response.periode)
    scale = indicator.echelle
    if scale and not scale.min <= response.score <= scale.max:
        problems.append(
            Problem(
                "score",
                _INVALID,
                f"score {response.score:g} hors de l'échelle {scale.min:g} à {scale.max:g}",
                "vérifiez la réponse",
            )
        )
    return problems


def _unknown_score(code: str, indicators: dict[str, Indicateur]) -> Problem:
    """An answer for an undeclared indicator, with the close score indicator if any."""
    scores = [c for c, i in indicators.items() if i.type is TypeIndicateur.SCORE]
    close = difflib.get_close_matches(code, scores, n=1)
    hint = "un questionnaire renseigne un indicateur de type score"
    if close:
        hint = f"vouliez-vous dire « {close[0]} » ? ({hint})"
    return Problem("indicateur", _UNKNOWN, f"indicateur « {code} » inconnu", hint)


def record_evidence(
    project: Project,
    kind: str,
    text: str,
    fields: dict[str, Any],
    options: Mapping[str, str] | None = None,
) -> str:
    """Check and append one piece of evidence (or questionnaire answer); say what was done.

    `options` names the command-line option giving each field (`rôle` → `--role`), for
    the messages.

    Raises:
        UserError: a field is missing or wrong, or a link points nowhere.
        FileAccessError: another command keeps the folder locked.
    """
    from utilsoc.actions.plan import plan_record

    if kind == "questionnaire":
        model: type[BaseModel] = Reponse
    else:
        model, main_field = KINDS[kind]
        fields = {**fields, main_field: text}
    try:
        record = model.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError as error:
        message, hint = _in_option_words(error, *describe_error(error, model), options or {})
        raise UserError(message, hint) from None
    problems = reference_problems(project, record)
    if problems:
        raise UserError(problems[0].message, problems[0].hint)
    _check_groups(project, record)
    record = plan_record(project.layout, record, options or {})
    period: Period = record.periode  # type: ignore[attr-defined]
    append_records(project.layout, record_path(project.layout, record), [record])
    label = _LABELS[kind]
    done = "enregistrée" if label in _FEMININE else "enregistré"
    code = getattr(record, "code", None)
    return f"{label} {done} pour {period.label}" + (f" (code : {code})" if code else "")


def _check_groups(project: Project, answer: BaseModel) -> None:
    """Refuse an answer that would put its participant in both groups of one round.

    Raises:
        UserError: `validate` would then refuse it (`participant-deux-groupes`).
    """
    if not isinstance(answer, Reponse):
        return
    problems = both_groups_problems([answer], _recorded_answers(project.layout, answer.periode))
    if problems:
        _, message, hint = problems[0]
        raise UserError(message, hint)


def _recorded_answers(layout: Layout, period: Period) -> list[Reponse]:
    """The questionnaire answers of the files of `period`'s folder.

    Why a broken file is left out: `validate` tells its problems, with their lines.
    """
    return [
        answer
        for _, content, _, issues in iter_records(layout, period)
        if content is not None and not issues
        for answer in content.questionnaires
    ]


def _in_option_words(
    error: ValidationError, message: str, hint: str, options: Mapping[str, str]
) -> tuple[str, str]:
    """`critères.0 : code invalide` → `--critere « a b » : code invalide`, for the CLI."""
    details = error.errors(include_url=False)[0]
    loc = details["loc"]
    option = options.get(str(loc[0])) if loc else None
    if option is None:
        return message, hint
    if details["type"] == "missing":
        choice = f"{option} ou --no-{option[2:]}" if option == "--consent" else option
        return f"{option} manquant", f"ajoutez {choice} (voir --help)"
    if details["type"] == "string_too_short":
        hint = (
            "écrivez le texte entre guillemets après le genre"
            if option == "TEXTE"
            else f"donnez un texte à {option}, entre guillemets"
        )
    name = ".".join(str(part) for part in loc)
    shown = _option_and_value(option, details.get("input"), message)
    return message.replace(f"{name} : ", f"{shown} : ", 1), hint


def _option_and_value(option: str, read: Any, message: str) -> str:
    """`--role « x »`: the option with the value read, unless the message already shows it."""
    quoted = f"« {read} »"
    if isinstance(read, str) and read and quoted not in message:
        return f"{option} {quoted}"
    return option


_FEMININE = {"piste d'amélioration", "suite de l'action"}
_LABELS = {
    "verbatim": "témoignage",
    "fait": "fait marquant",
    "inattendu": "résultat inattendu",
    "piste": "piste d'amélioration",
    "partenariat": "avis sur le partenariat",
    "questionnaire": "score de questionnaire",
    "jugement": "jugement évaluatif",
    "suivi": "suite de l'action",
}
