"""The guided `record` session: every value due for a period, one question each."""

from __future__ import annotations

import datetime as dt

import typer

from utilsoc.actions.entry import Due, Slot, default_period, entry_plan, record_all
from utilsoc.actions.record import Request, prepare_value
from utilsoc.actions.typed import shown
from utilsoc.check.values import future_problem
from utilsoc.errors import UsageError, UserError, UtilsocError
from utilsoc.french import format_number, plural
from utilsoc.model.load import load_valid_project
from utilsoc.model.mesures import Valeur
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Referentiel, TypeIndicateur
from utilsoc.project import Layout

SKIP = ("", "passer")
STOP = ("fin",)


class _Stop(Exception):
    """The user typed « fin »: no more questions, on to the summary."""


def guided_session(
    layout: Layout, period_text: str | None, author: str, day: dt.date | None
) -> None:
    """Ask each value due; show a summary; write everything at once, only if confirmed."""
    _, referentiel = load_valid_project(layout)
    today = dt.date.today()
    period = _ask_period(period_text or default_period(referentiel, today).name, day or today)
    plan = [due for due in entry_plan(layout, referentiel, period) if due.slots]
    if not plan:
        raise UserError(
            f"aucun indicateur à saisir pour {period.label}",
            "choisissez une période de la fréquence de vos indicateurs",
        )
    count = sum(len(due.slots) for due in plan)
    typer.echo(
        f"{plural(len(plan), 'indicateur')}, {plural(count, 'valeur')} pour {period.label} — "
        "Entrée ou « passer » pour passer, « fin » pour finir"
    )
    shared = Request("", None, period.name, author, {}, date=day)  # what every answer shares
    answers = _ask_all(plan, shared, referentiel)
    if not answers:
        typer.echo("rien à enregistrer")
        return
    if not _confirm(answers, plan):
        typer.echo("abandon : rien n'a été écrit")
        return
    _write(layout, period, author, answers)


def _ask_period(default: str, day: dt.date) -> Period:
    """The period to enter, refused at once if not begun (or if `--date` is ahead)."""
    answer = str(typer.prompt("Période (2025, 2025-T1, 2025-03, 2024-2025...)", default=default))
    try:
        period = Period.parse(answer)
    except ValueError as error:
        raise UsageError(str(error), "par exemple 2025, 2025-T1, 2025-03 ou 2024-2025") from None
    future = future_problem(period, day, dt.date.today())
    if future is not None:
        raise UserError(future.message, future.hint)
    return period


def _ask_all(plan: list[Due], base: Request, referentiel: Referentiel) -> list[Valeur]:
    """The values typed, checked as `record` checks them, until the last one or « fin »."""
    answers: list[Valeur] = []
    try:
        for due in plan:
            typer.echo(_heading(due))
            for slot in due.slots:
                record = _ask_slot(slot, base, referentiel)
                if record is not None:
                    answers.append(record)
    except _Stop:
        pass
    return answers


def _heading(due: Due) -> str:
    ind = due.indicator
    unit = f" ({ind.unite})" if ind.unite and ind.type is not TypeIndicateur.TAUX else ""
    text = f"{ind.code} — {ind.libelle}{unit}"
    if ind.type is TypeIndicateur.TAUX:
        terms = " / ".join(t for t in (ind.numerateur, ind.denominateur) if t)
        text += f" : un taux, par ses deux termes{f' ({terms})' if terms else ''}, 37/94"
    if due.target is not None:
        value = format_number(due.target.valeur)
        unit = f" {ind.unite}" if ind.unite else ""
        text += f" — cible {due.target.periode.name} : {value}{unit}"
    return text


def _ask_slot(slot: Slot, base: Request, referentiel: Referentiel) -> Valeur | None:
    """One value, asked again until it fits; None when skipped or already recorded."""
    label = "  " + (", ".join(f"{k}={v}" for k, v in slot.dimensions.items()) or "valeur")
    if slot.recorded is not None:
        old = slot.recorded
        typer.echo(f"{label} : déjà enregistré, {shown(old)} ({old.auteur}, {old.date})")
        return None
    if slot.previous is not None:
        label += f" (précédent {slot.previous.periode.name} : {shown(slot.previous)})"
    while True:
        answer = str(typer.prompt(label, default="", show_default=False)).strip()
        if answer.lower() in SKIP:
            return None
        if answer.lower() in STOP:
            raise _Stop
        request = Request(
            slot.indicator.code, answer, base.periode, base.auteur, slot.dimensions, date=base.date
        )
        try:
            return prepare_value(referentiel, request)
        except UserError as error:
            hint = f" — {error.hint}" if error.hint else ""
            typer.echo(f"    {error.message}{hint} ; recommencez, ou Entrée pour passer")


def _confirm(answers: list[Valeur], plan: list[Due]) -> bool:
    units = {due.indicator.code: due.indicator for due in plan}
    typer.echo("\nRécapitulatif :")
    for record in answers:
        ind = units[record.indicateur]
        unit = "" if ind.type is TypeIndicateur.TAUX else f" {ind.unite or ''}"
        dims = ", ".join(f"{k}={v}" for k, v in record.dimensions.items())
        where = f" ({dims})" if dims else ""
        typer.echo(f"  {record.indicateur}{where} = {shown(record)}{unit}".rstrip())
    these = "cette valeur" if len(answers) == 1 else f"ces {plural(len(answers), 'valeur')}"
    question = f"Enregistrer {these} ? (o/n)"
    return str(typer.prompt(question, default="n")).strip().lower() in ("o", "oui", "y")


def _write(layout: Layout, period: Period, author: str, answers: list[Valeur]) -> None:
    """Write in one transaction; tell what was written, and each value refused."""
    done, refused = record_all(layout, period, author, answers)
    for message in done:
        typer.echo(message)
    if not refused:
        return
    told: set[str] = set()  # a broken file stops every value: its problems are told once
    for record, error in refused:
        typer.echo(
            f"non enregistré : {record.indicateur} = {shown(record)} — {error.message}", err=True
        )
        new = [i.format() for i in getattr(error, "issues", []) if i.format() not in told]
        for line in new[:5]:
            typer.echo(f"  {line}", err=True)
        if len(new) > 5:
            more = plural(len(new) - 5, "autre problème", "autres problèmes")
            typer.echo(f"  … et {more}", err=True)
        told.update(new)
    raise _refusal(refused, period)


def _refusal(refused: list[tuple[Valeur, UtilsocError]], period: Period) -> UserError:
    summary = UserError(
        f"{plural(len(refused), 'valeur non enregistrée', 'valeurs non enregistrées')} : "
        + ", ".join(record.indicateur for record, _ in refused),
        "corrigez ce qui est signalé ci-dessus, puis saisissez ces valeurs avec "
        f"« utilsoc record CODE VALEUR -p {period.name} » ; pour corriger une valeur "
        'déjà enregistrée, ajoutez --replace --motif "la raison"',
    )
    summary.exit_code = max(error.exit_code for _, error in refused)
    return summary
