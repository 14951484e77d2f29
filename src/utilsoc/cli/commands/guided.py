"""The guided `record` session: every indicator due for a period, one question each."""

from __future__ import annotations

import datetime as dt

import typer

from utilsoc.actions.record import Request, prepare_value, stage_value
from utilsoc.check.values import parse_value
from utilsoc.errors import UsageError, UserError, UtilsocError
from utilsoc.model.load import load_valid_project
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Frequence, Indicateur, Referentiel
from utilsoc.project import Layout, display_path
from utilsoc.store.journal import transaction
from utilsoc.store.measures import measure_path


def due_indicators(referentiel: Referentiel, period: Period) -> list[Indicateur]:
    """Indicators collected at the granularity of `period` (calculated ones excluded)."""
    return [
        ind
        for _, ind in referentiel.iter_indicators()
        if ind.formule is None
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
    typer.echo(f"{len(due)} indicateur(s) pour {period.label} — Entrée pour passer")
    answers = [(ind, value) for ind in due if (value := _ask_value(ind)) is not None]
    if not answers:
        typer.echo("rien à enregistrer")
        return
    if not _confirmed(answers):
        typer.echo("abandon : rien n'a été écrit")
        return
    done, refused = _record_all(layout, referentiel, period, author, day, answers)
    for message in done:
        typer.echo(message)
    if refused:
        raise _not_recorded(refused, period)


def _confirmed(answers: list[tuple[Indicateur, str]]) -> bool:
    """Show what will be written; True when the user says yes."""
    typer.echo("\nRécapitulatif :")
    for ind, value in answers:
        typer.echo(f"  {ind.code} = {value} {ind.unite or ''}".rstrip())
    answer = str(typer.prompt("Enregistrer ces valeurs ? (o/n)", default="n"))
    return answer.lower() in ("o", "oui", "y")


def _not_recorded(refused: list[tuple[str, UtilsocError]], period: Period) -> UserError:
    """The closing error when some values were refused, with the worst exit code."""
    summary = UserError(
        f"{len(refused)} valeur(s) non enregistrée(s) : " + ", ".join(code for code, _ in refused),
        "corrigez ce qui est signalé ci-dessus, puis saisissez ces valeurs avec "
        f"« utilsoc record CODE VALEUR -p {period.name} » ; pour corriger une valeur "
        'déjà enregistrée, ajoutez --replace --motif "la raison"',
    )
    summary.exit_code = max(error.exit_code for _, error in refused)
    return summary


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
                    typer.echo(f"  … et {len(new) - 5} autre(s) problème(s)", err=True)
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
    unit = f" ({indicator.unite})" if indicator.unite else ""
    while True:
        answer = str(
            typer.prompt(
                f"{indicator.code} — {indicator.libelle}{unit}", default="", show_default=False
            )
        ).strip()
        if not answer:
            return None
        try:
            parse_value(indicator, answer, comma=True)
        except ValueError as error:
            typer.echo(f"  {error} ; recommencez ou Entrée pour passer")
            continue
        return answer
