"""`utilsoc entretien`: print an interview guide, start an interview file from it."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from utilsoc.cli.commands.common import Force, base_dir
from utilsoc.cli.french import FrenchCommand

entretien_app = typer.Typer(
    help="Entretiens : imprimer un guide, enregistrer un entretien.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class GuideFormat(StrEnum):
    """Formats of a printed guide."""

    MD = "md"
    HTML = "html"


@entretien_app.command("guide", cls=FrenchCommand)
def cli_command_entretien_guide(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Code du guide (nom de son fichier).")],
    format: Annotated[  # noqa: A002 - the option is named --format
        GuideFormat, typer.Option("--format", "-f", help="md ou html.")
    ] = GuideFormat.MD,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Fichier à écrire (par défaut : l'écran).", show_default=False
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Afficher un guide d'entretien pour l'enquêteur (Markdown ou HTML)."""
    import sys

    from utilsoc.cli.output import echo, safe_lines
    from utilsoc.project import display_path, find_root
    from utilsoc.report.guide import guide_document
    from utilsoc.store.atomic import write_atomic
    from utilsoc.store.outputs import check_output, record_output

    layout = find_root(base_dir(ctx))
    text = guide_document(layout, code, format.value)
    if output is None:
        sys.stdout.write(safe_lines(text))
        return
    target = base_dir(ctx, output)
    check_output(layout, target, "entretien guide", force)
    write_atomic(target, text)
    record_output(layout, target, "entretien guide")
    echo(f"guide écrit : {display_path(target)}")


@entretien_app.command("ajouter", cls=FrenchCommand)
def cli_command_entretien_ajouter(
    ctx: typer.Context,
    guide: Annotated[str, typer.Option("--guide", help="Code du guide suivi.")],
    participant: Annotated[
        str, typer.Option("--participant", help="Code pseudonyme : E07, P03 (jamais un nom).")
    ],
    role: Annotated[
        str, typer.Option("--role", help="Partie prenante de la personne (publics.yaml).")
    ],
    date: Annotated[str, typer.Option("--date", help="Date de l'entretien : AAAA-MM-JJ.")],
    enqueteur: Annotated[str, typer.Option("--enqueteur", help="Qui mène l'entretien (rôle).")],
    citation: Annotated[
        bool,
        typer.Option(
            "--consentement-citation",
            help="La personne accepte que des extraits soient cités dans les rapports.",
        ),
    ] = False,
) -> None:
    """Créer le fichier d'un entretien à partir de son guide, réponses à remplir."""
    from utilsoc.actions.entretien import NewInterview, add_interview
    from utilsoc.cli.output import echo, print_issues
    from utilsoc.project import display_path, find_root

    layout = find_root(base_dir(ctx))
    new = NewInterview(guide, participant, role, date, enqueteur, citation)
    path, warnings = add_interview(layout, new)
    echo(f"entretien créé : {display_path(path)}")
    print_issues(warnings)
    echo("étape suivante : écrivez les réponses dans ce fichier, puis « utilsoc validate »")
