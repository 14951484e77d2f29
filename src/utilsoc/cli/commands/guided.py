"""The guided `record` session: every indicator due for a period, one question each."""

from __future__ import annotations

import datetime as dt

import typer

from utilsoc.actions.record import Request, prepare_value, stage_value
from utilsoc.check.values import parse_number, parse_value
from utilsoc.errors import UsageError, UserError, UtilsocError
from utilsoc.french import plural
from utilsoc.model.load import load_valid_project
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Frequence, Indicateur, Referentiel, TypeIndicateur
from utilsoc.project import Layout, display_path
from utilsoc.store.journal import transaction
from utilsoc.store.measures import measure_path


def due_indicators(referentiel: Referentiel, period: Period) -> list[Indicateur]:
    """Indicators collected at the granularity of `period` (calculated ones excluded).

    Calculated: by a formula, or from a questionnaire's answers.
    """
    return [
        ind
        for _, ind in referentiel.iter_indicators()
        if ind.formule is None
        and ind.calcul is None
        and (ind.frequence is Frequence.PONCTUELLE or ind.frequence.kind is period.kind)
    ]


def guided_session(
    layout: Layout, period_text: str | None, author: str, day: dt.date | None
) -> None:
    """Ask a value for each indicator due; show a summary; write only once confirmed."""
    project, referentiel = load_valid_project(layout)
    period = _ask_period(period_text)
    due = due_indicators(referentiel, period)
    if not due:
        raise UserError(
            f"aucun indicateur à saisir pour {period.label}",
            "choisissez une période de la fréquence de vos indicateurs",
        )
    typer.echo(f"{plural(len(due), 'indicateur')} pour {period.label} — Entrée pour passer")
    answers = [(ind, value) for ind in due if (value := _ask_value(ind)) is not None]
    if not answers:
        typer.echo("rien à enregistrer")
        return
    typer.echo("\nRécapitulatif :")
    for ind, value in answers:
        unit = "" if ind.type is TypeIndicateur.TAUX else f" {ind.unite or ''}"
        typer.echo(f"  {ind.code} = {value}{unit}".rstrip())
    if str(typer.prompt("Enregistrer ces valeurs ? (o/n)", default="n")).lower() not in (
        "o",
        "oui",
        "y",
    ):
        typer.echo("abandon : rien n'a été écrit")
        return
    done, refused = _record_all(layout, referentiel, period, author, day, answers)
    for message in done:
        typer.echo(message)
    if refused:
        summary = UserError(
            f"{plural(len(refused), 'valeur non enregistrée', 'valeurs non enregistrées')} : "
            + ", ".join(code for code, _ in refused),
            "corrigez ce qui est signalé ci-dessus, puis saisissez ces valeurs avec "
            f"« utilsoc record CODE VALEUR -p {period.name} » ; pour corriger une valeur "
            'déjà enregistrée, ajoutez --replace --motif "la raison"',
        )
        summary.exit_code = max(error.exit_code for _, error in refused)
        raise summary


def _record_all(
    layout: Layout,
    referentiel: Referentiel,
    period: Period,
    author: str,
    day: dt.date | None,
    answers: list[tuple[Indicateur, str]],
) -> tuple[list[str], list[tuple[str, UtilsocError]]]:
    """Check each answer and write the accepted ones in one transaction: all or none.

    A value refused (already recorded, broken file) is told at once and the others are
    still written; what was written is told once the transaction has committed.
    """
    done: list[str] = []
    refused: list[tuple[str, UtilsocError]] = []
    shown: set[str] = set()  # a broken file stops every value: its problems are told once
    target = display_path(measure_path(layout, period, author))
    with transaction(layout, target) as tx:
        for ind, value in answers:
            request = Request(ind.code, value, period.name, author, {}, date=day)
            try:
                done.append(stage_value(tx, prepare_value(referentiel, request), None))
            except UtilsocError as error:  # one value refused: the others are still recorded
                typer.echo(f"non enregistré : {ind.code} = {value} — {error.message}", err=True)
                new = [i.format() for i in getattr(error, "issues", []) if i.format() not in shown]
                for line in new[:5]:
                    typer.echo(f"  {line}", err=True)
                if len(new) > 5:
                    more = plural(len(new) - 5, "autre problème", "autres problèmes")
                    typer.echo(f"  … et {more}", err=True)
                shown.update(new)
                refused.append((ind.code, error))
    return done, refused


def _ask_period(text: str | None) -> Period:
    default = text or str(dt.date.today().year)
    answer = str(typer.prompt("Période (2025, 2025-T1, 2025-03, 2024-2025...)", default=default))
    try:
        return Period.parse(answer)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _ask_value(indicator: Indicateur) -> str | None:
    if indicator.type is TypeIndicateur.TAUX:
        return _ask_terms(indicator)
    unit = f" ({indicator.unite})" if indicator.unite else ""
    while True:
        answer = _ask(f"{indicator.code} — {indicator.libelle}{unit}")
        if not answer:
            return None
        try:
            parse_value(indicator, answer, comma=True)
        except ValueError as error:
            typer.echo(f"  {error} ; recommencez ou Entrée pour passer")
            continue
        return answer


def _ask_terms(indicator: Indicateur) -> str | None:
    """A rate's two terms, one question each, named as the référentiel describes them.

    Why: a percentage typed alone cannot be pooled over sites or quarters (no total).
    """
    typer.echo(f"{indicator.code} — {indicator.libelle} : un taux, par ses deux termes")
    terms = []
    for name, described in (
        ("numérateur", indicator.numerateur),
        ("dénominateur", indicator.denominateur),
    ):
        while True:
            answer = _ask(f"  {name}" + (f" ({described})" if described else ""))
            if not answer:
                return None
            try:
                parse_number(answer, comma=True)
            except ValueError as error:
                typer.echo(f"  {error} ; recommencez ou Entrée pour passer")
                continue
            terms.append(answer)
            break
    return "/".join(terms)


def _ask(question: str) -> str:
    return str(typer.prompt(question, default="", show_default=False)).strip()
