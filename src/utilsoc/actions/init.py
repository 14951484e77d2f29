"""`init`: create an association's folder from a bundled example."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from utilsoc.actions.schema import SCHEMAS as SCHEMA_FILES
from utilsoc.actions.schema import render_schemas
from utilsoc.errors import UsageError, UserError
from utilsoc.project import CADRES, REFERENTIEL, SCHEMAS
from utilsoc.resources import data_dir, example_names
from utilsoc.store.atomic import write_atomic

GITIGNORE = """\
# Fichiers de travail d'utilsoc (à ne pas partager)
.utilsoc-cache/
*.lock
.*.tmp
# Rapports générés (ils se refont à partir des fichiers)
rapports/
# Fichiers d'éditeurs et de systèmes
.DS_Store
Thumbs.db
~$*
"""

GITATTRIBUTES = """\
# Une valeur par ligne : si deux branches complètent le même fichier de mesures,
# git garde les lignes des deux côtés (utilsoc validate signale ensuite tout conflit).
mesures/**/*.yaml merge=union
"""

README = """\
# {nom} — évaluation de l'utilité sociale

Ce dossier contient le référentiel d'évaluation de l'utilité sociale de {nom},
tenu avec utilsoc, qui vérifie ces fichiers et en tire les tableaux de bord et les rapports
(« utilsoc doctor » dit ce qui manque sur votre machine).

| fichier | contenu |
| --- | --- |
| `association.yaml` | carte d'identité : vision, mission, ambition, valeurs, personnalité |
| `publics.yaml` | parties prenantes, publics cibles, audiences |
| `referentiel.yaml` | dimensions, domaines → critères → indicateurs, auto-évaluation |
| `cadres-logiques/` | un cadre logique par financeur |
| `mesures/` | valeurs et témoignages enregistrés, période après période |
| `modeles/` | vos modèles de rapports, s'ils remplacent ceux d'utilsoc |
| `schemas/` | schémas pour l'aide à la saisie dans VS Code (ne pas modifier) |

Vérifier les fichiers après chaque modification :

    utilsoc validate
"""


@dataclass(frozen=True)
class Identity:
    """Answers to the interactive identity-card questions."""

    nom: str
    vision: str
    mission: str
    ambition: str
    valeurs: list[str]
    personnalite: list[str]


def scaffold(target: Path, example: str, identity: Identity | None = None) -> list[Path]:
    """Create an association's folder in `target` from `example`; return the files written.

    Raises:
        UsageError: unknown example.
        UserError: `target` already holds a référentiel or one of the files.
    """
    source = data_dir("examples") / example
    if example not in example_names():
        raise UsageError(
            f"exemple inconnu : « {example} »",
            "exemples disponibles : " + ", ".join(example_names()),
        )
    files = _planned_files(source, identity)
    _refuse_overwrite(target, files)
    written = []
    for relative, text in files.items():
        write_atomic(target / relative, text)
        written.append(target / relative)
    return written


def _planned_files(source: Path, identity: Identity | None) -> dict[str, str]:
    files: dict[str, str] = {}
    for path in sorted(source.rglob("*.yaml")):
        relative = path.relative_to(source).as_posix()
        text = path.read_text(encoding="utf-8")
        if identity is not None and relative == "association.yaml":
            text = identity_yaml(identity)
        files[relative] = _modeline(relative) + text
    for name, text in render_schemas().items():
        files[f"{SCHEMAS}/{name}"] = text
    nom = _association_name(files.get("association.yaml", ""))
    files["README.md"] = README.format(nom=nom)
    files[".gitignore"] = GITIGNORE
    files[".gitattributes"] = GITATTRIBUTES
    return files


def _modeline(relative: str) -> str:
    for name, (_, describes) in SCHEMA_FILES.items():
        if relative == describes or (describes.startswith(CADRES) and relative.startswith(CADRES)):
            prefix = "../" * relative.count("/")
            return f"# yaml-language-server: $schema={prefix or './'}{SCHEMAS}/{name}\n"
    return ""


def _refuse_overwrite(target: Path, files: dict[str, str]) -> None:
    if (target / REFERENTIEL).exists():
        raise UserError(
            f"{target} contient déjà un référentiel",
            "choisissez un autre dossier : init n'écrase jamais un référentiel",
        )
    existing = [name for name in files if (target / name).exists()]
    if existing:
        raise UserError(
            f"{target} contient déjà : {', '.join(existing)}",
            "choisissez un dossier vide ou déplacez ces fichiers",
        )


def _association_name(text: str) -> str:
    match = re.search(r'^nom:\s*"?([^"\n]+)"?\s*$', text, re.MULTILINE)
    return match.group(1).strip() if match else "l'association"


def identity_yaml(identity: Identity) -> str:
    """association.yaml for the answers given at the prompt."""

    def quote(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    def items(values: list[str]) -> str:
        return "".join(f"\n    - {quote(v)}" for v in values) or " []"

    return (
        "# Carte d'identité de l'association.\n"
        f"nom: {quote(identity.nom)}\n"
        "statut: association loi 1901\n\n"
        "identité:\n"
        f"  vision: {quote(identity.vision)}\n"
        f"  mission: {quote(identity.mission)}\n"
        f"  ambition: {quote(identity.ambition)}\n"
        f"  valeurs:{items(identity.valeurs)}\n"
        f"  personnalité:{items(identity.personnalite)}\n"
        "  indicateurs_clés: []\n"
    )
