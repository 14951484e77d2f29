"""`utilsoc init`: create an association's folder from an example."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from utilsoc.cli.commands.common import base_dir

if TYPE_CHECKING:
    from utilsoc.actions.init import Identity


def cli_command_init(
    ctx: typer.Context,
    dossier: Annotated[Path, typer.Argument(help="Dossier à créer pour l'association.")],
    example: Annotated[
        str | None,
        typer.Option(
            "--example",
            "-e",
            help="vide, echec-scolaire, mediation-numerique ou lien-social.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Créer le référentiel d'une association, à partir d'un exemple complet."""
    from utilsoc.actions.init import scaffold
    from utilsoc.cli.output import echo, note
    from utilsoc.french import plural
    from utilsoc.project import display_path

    target = base_dir(ctx, dossier)
    identity, picked = None, []
    if example is None:
        example = "vide"
        if is_terminal():
            identity = _ask_identity()
            picked = _ask_catalogue()
        else:
            note("pas de terminal : référentiel vide commenté créé (voir --example)")
    written = scaffold(target, example, identity)
    echo(f"référentiel créé dans {display_path(target)} ({plural(len(written), 'fichier')})")
    for line in _add_picked(target, picked):
        echo(line)
    echo(f"étape suivante : cd {display_path(target)} && utilsoc validate")


def _ask_catalogue() -> list[str]:
    """Codes of catalogue indicators to start from, asked again until each one is known."""
    from utilsoc import catalogue
    from utilsoc.errors import UserError

    typer.echo(
        "Indicateurs du catalogue d'utilsoc à reprendre (« utilsoc catalogue » les liste, "
        "par registre)"
    )
    while True:
        codes = _ask_list("Codes séparés par des virgules (Entrée : aucun)")
        try:
            return [catalogue.entry(code).indicateur.code for code in codes]
        except UserError as error:
            typer.echo(f"  {error.message}" + (f" — {error.hint}" if error.hint else ""))


def _add_picked(target: Path, codes: list[str]) -> list[str]:
    """Each picked catalogue indicator added under the first criterion of the référentiel."""
    from utilsoc.actions.indicateur import add_from_catalogue
    from utilsoc.errors import UserError
    from utilsoc.model.load import load_valid_project
    from utilsoc.project import Layout

    if not codes:
        return []
    layout = Layout(target)
    _, referentiel = load_valid_project(layout)
    critere = referentiel.domaines[0].criteres[0].code
    lines = []
    for code in codes:
        try:
            added = add_from_catalogue(layout, code, critere)
        except UserError as error:
            lines.append(f"indicateur {code} non ajouté : {error.message}")
            continue
        lines.append(f"indicateur ajouté : {added.code} (catalogue), sous le critère {critere}")
    return lines


def is_terminal() -> bool:
    """True when a person can answer questions on standard input."""
    return sys.stdin.isatty()


def _ask_identity() -> Identity:
    """The identity card, question by question; Entrée keeps the example's text."""
    from utilsoc.actions.init import Identity

    typer.echo(
        "Carte d'identité de l'association (Entrée : garder le texte d'exemple, Ctrl-C : annuler)"
    )
    nom = ""
    while not nom:
        nom = _ask("Nom de l'association")
    return Identity(
        nom=nom,
        territoire=_ask("Territoire d'action (ville, quartier...)"),
        contact=_ask("Contact (courriel ou téléphone)"),
        vision=_ask("Vision (le problème tel que vous le voyez)"),
        mission=_ask("Mission (ce que vous faites)"),
        ambition=_ask("Ambition (ce que vous voulez changer)"),
        objectifs=_ask_list("Objectifs (séparés par des virgules)"),
        valeurs=_ask_list("Valeurs (séparées par des virgules)"),
        personnalite=_ask_list("Personnalité, ton de la communication (séparé par des virgules)"),
        couleurs={name: _ask_colour(name, default) for name, default in _COLOURS},
    )


_COLOURS = (("principale", "#1F5F8B"), ("secondaire", "#E07A1F"), ("accent", "#3A9D5D"))


def _ask(question: str, default: str = "") -> str:
    return str(typer.prompt(question, default=default, show_default=bool(default))).strip()


def _ask_list(question: str) -> list[str]:
    return [part.strip() for part in _ask(question).split(",") if part.strip()]


def _ask_colour(name: str, default: str) -> str:
    """A colour `#RRVVBB`, asked again until it is one."""
    import re

    while True:
        answer = _ask(f"Couleur {name} (#RRVVBB)", default)
        if re.fullmatch(r"#?[0-9A-Fa-f]{6}", answer):
            return "#" + answer.removeprefix("#").upper()
        typer.echo(f"  « {answer} » n'est pas une couleur #RRVVBB (par exemple {default})")
