"""Where an association's files live: one folder, kept in git."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from utilsoc.errors import UsageError

REFERENTIEL = "referentiel.yaml"
ASSOCIATION = "association.yaml"
PUBLICS = "publics.yaml"
CADRES = "cadres-logiques"
BUDGETS = "budgets"
VALEUR_SOCIALE = "valeur-sociale.yaml"
MESURES = "mesures"
MODELES = "modeles"
SCHEMAS = "schemas"
ENTRETIENS = "entretiens"
GUIDES = "guides"
RECITS = "recits"


@dataclass(frozen=True)
class Layout:
    """The paths of one association's folder."""

    root: Path

    @property
    def referentiel(self) -> Path:
        """Domains, criteria, indicators, dimensions, self-assessment."""
        return self.root / REFERENTIEL

    @property
    def association(self) -> Path:
        """Identity card."""
        return self.root / ASSOCIATION

    @property
    def publics(self) -> Path:
        """Stakeholders, target profiles, audiences."""
        return self.root / PUBLICS

    @property
    def cadres(self) -> Path:
        """One logical framework per funder."""
        return self.root / CADRES

    def cadre_files(self) -> list[Path]:
        """Logical framework files, sorted by name."""
        if not self.cadres.is_dir():
            return []
        return sorted(p for p in self.cadres.iterdir() if p.suffix in (".yaml", ".yml"))

    @property
    def budgets(self) -> Path:
        """One budget per action or grant: planned and actual, on the Cerfa lines."""
        return self.root / BUDGETS

    def budget_files(self) -> list[Path]:
        """Budget files, sorted by name."""
        if not self.budgets.is_dir():
            return []
        return sorted(p for p in self.budgets.iterdir() if p.suffix in (".yaml", ".yml"))

    @property
    def valeur_sociale(self) -> Path:
        """The social value map (SROI), when the association keeps one."""
        return self.root / VALEUR_SOCIALE

    @property
    def guides(self) -> Path:
        """Interview guides, one file each."""
        return self.root / ENTRETIENS / GUIDES

    def guide_files(self) -> list[Path]:
        """Interview guide files, sorted by name."""
        return _yaml_files(self.guides)

    def interview_files(self) -> list[Path]:
        """Interview files, one folder per guide (`entretiens/<guide>/*.yaml`), sorted."""
        folder = self.root / ENTRETIENS
        if not folder.is_dir():
            return []
        return [
            path
            for sub in sorted(folder.iterdir())
            if sub.is_dir() and sub.name != GUIDES and not sub.name.startswith(".")
            for path in _yaml_files(sub)
        ]

    def story_files(self) -> list[Path]:
        """Stories of change, one file each, sorted by name."""
        return _yaml_files(self.root / RECITS)


def _yaml_files(folder: Path) -> list[Path]:
    """The YAML files of `folder` (not hidden ones), sorted; none when it does not exist."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")
    )


def find_root(start: Path) -> Layout:
    """The folder holding referentiel.yaml: `start` or its nearest parent, like git.

    Raises:
        UsageError: `start` does not exist or no parent holds a référentiel.
    """
    if not start.exists():
        raise UsageError(f"dossier introuvable : {start}")
    if not start.is_dir():
        raise UsageError(f"{start} n'est pas un dossier", "indiquez le dossier de l'association")
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / REFERENTIEL).exists() and not (folder / REFERENTIEL).is_dir():
            return Layout(folder)
    raise UsageError(
        f"aucun référentiel ({REFERENTIEL}) dans {start} ni ses dossiers parents",
        "créez-en un avec « utilsoc init DOSSIER --example vide » ou indiquez le dossier avec -C",
    )


def path_from_root(root: Path, shown: str) -> str | None:
    """A file named as `display_path` shows it, relative to `root` (posix); None if outside.

    Why: results kept in the folder must not depend on where the command was run from.
    """
    try:
        return (Path.cwd() / shown).relative_to(root.absolute()).as_posix()
    except ValueError:
        return None


def display_path(path: Path) -> str:
    """Path as shown in messages: relative to the current folder when below it."""
    cwd = Path.cwd()
    absolute = path if path.is_absolute() else cwd / path
    if absolute.is_relative_to(cwd):
        return os.path.relpath(absolute, cwd)
    return str(absolute)
