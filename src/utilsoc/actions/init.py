"""`init`: create an association's folder from a bundled example."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
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
| `budgets/` | s'il y en a : le budget prévu et réalisé de chaque action (compte rendu financier) |
| `valeur-sociale.yaml` | s'il existe : la carte de la valeur sociale (SROI) |
| `modeles/` | vos modèles de rapports, s'ils remplacent ceux d'utilsoc |
| `schemas/` | schémas pour l'aide à la saisie dans VS Code (ne pas modifier) |

Vérifier les fichiers après chaque modification :

    utilsoc validate
"""


@dataclass(frozen=True)
class Identity:
    """Answers to the interactive identity-card questions; an empty one keeps the example's.

    `couleurs` maps principale, secondaire and accent to `#RRVVBB`.
    """

    nom: str
    vision: str = ""
    mission: str = ""
    ambition: str = ""
    valeurs: list[str] = field(default_factory=list)
    personnalite: list[str] = field(default_factory=list)
    territoire: str = ""
    contact: str = ""
    objectifs: list[str] = field(default_factory=list)
    couleurs: dict[str, str] = field(default_factory=dict)

    def scalars(self) -> dict[str, str]:
        """The one-line answers, by their key in association.yaml."""
        return {
            "nom": self.nom,
            "territoire": self.territoire,
            "contact": self.contact,
            "vision": self.vision,
            "mission": self.mission,
            "ambition": self.ambition,
            **self.couleurs,
        }

    def lists(self) -> dict[str, list[str]]:
        """The answers that are lists, by their key in association.yaml."""
        return {
            "objectifs": self.objectifs,
            "valeurs": self.valeurs,
            "personnalité": self.personnalite,
        }


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
        files[relative] = _modeline(relative) + _answered(relative, text, identity)
    for name, text in render_schemas().items():
        files[f"{SCHEMAS}/{name}"] = text
    nom = identity.nom if identity else _association_name(files.get("association.yaml", ""))
    files["README.md"] = README.format(nom=nom)
    files[".gitignore"] = GITIGNORE
    files[".gitattributes"] = GITATTRIBUTES
    return files


def _answered(relative: str, text: str, identity: Identity | None) -> str:
    """The example's file, its comments kept, with the answers given in place of its own.

    Why here: the indicators picked from a catalogue, once there is one, are written into
    referentiel.yaml the same way, file by file, over the commented example.
    """
    if identity is not None and relative == "association.yaml":
        return fill_identity(text, identity)
    return text


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


def fill_identity(template: str, identity: Identity) -> str:
    """association.yaml of the example with the answers in place of its placeholders.

    An empty answer keeps the example's text; every comment stays where it was.

    Raises:
        ValueError: the example has no such key (a packaging mistake, caught by the tests).
    """
    lines = template.split("\n")
    for key, value in identity.scalars().items():
        if value.strip():
            n, indent = _key_line(lines, key)
            lines[n] = f"{indent}{key}: {_quote(value.strip())}"
    for key, values in identity.lists().items():
        if values:
            n, indent = _key_line(lines, key)
            end = n + 1
            while end < len(lines) and lines[end].startswith(f"{indent}  - "):
                end += 1
            lines[n + 1 : end] = [f"{indent}  - {_quote(v)}" for v in values]
    return "\n".join(lines)


def _key_line(lines: list[str], key: str) -> tuple[int, str]:
    """The line where `key` is set, and its indentation."""
    pattern = re.compile(rf"( *){re.escape(key)}:")
    for n, line in enumerate(lines):
        match = pattern.match(line)
        if match:
            return n, match.group(1)
    raise ValueError(f"clé « {key} » absente de association.yaml de l'exemple vide")


def _quote(text: str) -> str:
    """A YAML double-quoted scalar: `#`, `:`, `NO` or `~` stay text."""
    return json.dumps(text, ensure_ascii=False)
