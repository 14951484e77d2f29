"""`utilsoc saisie` (an entry workbook) and `utilsoc formulaire` (an XLSForm questionnaire)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from utilsoc.cli.commands.common import Force, base_dir


def parse_period(text: str) -> object:
    """The period of an option, or a usage error in French."""
    from utilsoc.errors import UsageError
    from utilsoc.model.periods import Period

    try:
        return Period.parse(text)
    except ValueError as error:
        raise UsageError(str(error), "par exemple 2025, 2025-T1, 2025-03 ou 2024-2025") from None


def parse_dims(given: list[str]) -> dict[str, str]:
    """`site=Brest` options as a dict."""
    from utilsoc.errors import UsageError

    dims = {}
    for text in given:
        name, equal, value = text.partition("=")
        if not equal or not name.strip() or not value.strip():
            raise UsageError(f"--dim {text} : écrivez nom=valeur", "par exemple --dim site=Brest")
        dims[name.strip()] = value.strip()
    return dims


def cli_command_saisie(
    ctx: typer.Context,
    period: Annotated[
        str,
        typer.Option("--period", "-p", help="Période à saisir : 2025, 2025-T1, 2025-03..."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Classeur à écrire, par exemple fiche.xlsx.")
    ],
    dim: Annotated[
        list[str] | None,
        typer.Option(
            "--dim",
            "-d",
            help="Seulement cette valeur d'une dimension, par exemple --dim site=Brest.",
            show_default=False,
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Écrire une fiche de saisie Excel pour une période, à remplir puis à importer."""
    from utilsoc.actions.workbook import build_workbook, entry_rows, referentiel_digest
    from utilsoc.cli.output import echo
    from utilsoc.errors import UsageError
    from utilsoc.french import plural
    from utilsoc.model.load import load_valid_project
    from utilsoc.model.periods import Period
    from utilsoc.project import display_path, find_root
    from utilsoc.store.atomic import write_atomic_bytes
    from utilsoc.store.outputs import check_output, record_output

    layout = find_root(base_dir(ctx))
    target = base_dir(ctx, output)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(
            f"{display_path(target)} : la fiche est un classeur .xlsx", "-o fiche.xlsx"
        )
    check_output(layout, target, "saisie", force)
    project, referentiel = load_valid_project(layout)
    chosen = parse_period(period)
    assert isinstance(chosen, Period)
    rows = entry_rows(layout, referentiel, chosen, parse_dims(dim or []))
    if not rows:
        raise UsageError(
            f"aucun indicateur à saisir pour {chosen.label}", "essayez une autre période"
        )
    name = project.association.nom if project.association else ""
    digest = referentiel_digest(layout)
    write_atomic_bytes(target, build_workbook(name, digest, referentiel, chosen, rows))
    record_output(layout, target, "saisie")
    echo(f"{display_path(target)} : {plural(len(rows), 'ligne')} à remplir pour {chosen.label}")


def cli_command_formulaire(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Indicateur score du questionnaire.")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Formulaire XLSForm à écrire (.xlsx)."),
    ],
    force: Force = False,
) -> None:
    """Écrire le formulaire XLSForm (KoboToolbox, ODK) d'un questionnaire et sa correspondance."""
    import datetime as dt

    from utilsoc.actions.xlsform import (
        build_xlsform,
        computed_from,
        form_version,
        mapping_text,
        questionnaire_indicator,
    )
    from utilsoc.cli.output import echo
    from utilsoc.errors import UsageError
    from utilsoc.model.load import load_valid_project
    from utilsoc.project import display_path, find_root
    from utilsoc.store.atomic import write_atomic, write_atomic_bytes
    from utilsoc.store.outputs import check_output, record_output

    layout = find_root(base_dir(ctx))
    target = base_dir(ctx, output)
    if target.suffix.lower() != ".xlsx":
        raise UsageError(f"{display_path(target)} : un XLSForm est un classeur .xlsx", "-o q.xlsx")
    check_output(layout, target, "formulaire", force)
    _, referentiel = load_valid_project(layout)
    indicator = questionnaire_indicator(referentiel, code)
    mapping = layout.root / "correspondances" / f"{indicator.code}.yaml"
    text = mapping_text(indicator, target.name)
    if mapping.exists() and mapping.read_text(encoding="utf-8") != text:
        raise UsageError(
            f"{display_path(mapping)} existe déjà, avec un autre contenu",
            "renommez-le ou supprimez-le, puis relancez : utilsoc ne l'écrase jamais",
        )
    write_atomic_bytes(target, build_xlsform(indicator, form_version(dt.date.today())))
    record_output(layout, target, "formulaire")
    mapping.parent.mkdir(exist_ok=True)
    write_atomic(mapping, text)
    echo(f"{display_path(target)} : formulaire « {indicator.libelle} »")
    echo(f"{display_path(mapping)} : correspondance de son export")
    derived = computed_from(referentiel, indicator.code)
    if derived:
        echo(f"calculés à partir des réponses : {', '.join(derived)}")
    echo(f"import des réponses : utilsoc import export.csv -m {display_path(mapping)}")
