"""`doctor`: is this machine and this folder ready? One verdict per item, with its fix.

Nothing here changes a file: the checks read the installation, the folder, git and the
optional programs, and say what to do when something is missing.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from utilsoc import __version__


class Verdict(StrEnum):
    """How an item stands."""

    OK = "ok"
    ATTENTION = "attention"
    MANQUE = "manque"


@dataclass(frozen=True)
class Finding:
    """One item checked: its verdict, what was found, and the fix when it is not ok."""

    item: str
    verdict: Verdict
    found: str
    fix: str = ""


REQUIRED = ("typer", "pyyaml", "pydantic", "jinja2", "rich", "matplotlib", "openpyxl", "filelock")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome", "msedge", "firefox")
OFFICE = ("soffice", "libreoffice")


def diagnose(start: Path, which: Callable[[str], str | None] = shutil.which) -> list[Finding]:
    """Every check, in the order a newcomer meets them: installation, folder, git, extras."""
    findings = [_python(), _utilsoc_on_path(which), *_dependencies(), _libyaml()]
    findings += _folder(start)
    findings += _git(start, which)
    findings += [_optional("navigateur (PDF, test des pages)", BROWSERS, which), _office(which)]
    return findings


def _python() -> Finding:
    # utilsoc does not import below 3.11 (pyproject says so): reaching here means ok.
    return Finding("Python", Verdict.OK, ".".join(map(str, sys.version_info[:3])))


def _utilsoc_on_path(which: Callable[[str], str | None]) -> Finding:
    found = which("utilsoc")
    if found:
        return Finding("commande utilsoc", Verdict.OK, f"{__version__} ({found})")
    return Finding(
        "commande utilsoc",
        Verdict.ATTENTION,
        f"{__version__}, mais « utilsoc » n'est pas dans le PATH",
        "activez l'environnement virtuel (« source .venv/bin/activate », sous Windows "
        "« .venv\\Scripts\\activate »), ou installez avec « pipx install CHEMIN_DU_CODE »",
    )


def _dependencies() -> list[Finding]:
    findings = []
    for name in REQUIRED:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            findings.append(
                Finding(name, Verdict.MANQUE, "absent", "réinstallez utilsoc : pip install .")
            )
        else:
            findings.append(Finding(name, Verdict.OK, version))
    return findings


def _libyaml() -> Finding:
    import yaml

    if getattr(yaml, "__with_libyaml__", False):
        return Finding("lecture rapide (libyaml)", Verdict.OK, "présente")
    return Finding(
        "lecture rapide (libyaml)",
        Verdict.ATTENTION,
        "absente : les gros dossiers seront lus lentement",
        "pip install --force-reinstall pyyaml",
    )


def _folder(start: Path) -> list[Finding]:
    from utilsoc.errors import UtilsocError
    from utilsoc.folder import check_folder
    from utilsoc.project import find_root

    try:
        layout = find_root(start)
    except UtilsocError as error:
        return [Finding("dossier de l'association", Verdict.MANQUE, error.message, error.hint)]
    found = [Finding("dossier de l'association", Verdict.OK, str(layout.root))]
    try:
        outcome = check_folder(layout)
    except UtilsocError as error:
        return [*found, Finding("fichiers", Verdict.MANQUE, error.message, error.hint)]
    errors = len(outcome.errors)
    if errors:
        noun = "erreur" if errors == 1 else "erreurs"
        found.append(
            Finding("fichiers", Verdict.MANQUE, f"{errors} {noun}", "lancez « utilsoc validate »")
        )
    else:
        found.append(Finding("fichiers", Verdict.OK, f"valides : {outcome.summary}"))
    return found


def _git(start: Path, which: Callable[[str], str | None]) -> list[Finding]:
    git = which("git")
    if git is None:
        return [
            Finding(
                "git",
                Verdict.ATTENTION,
                "absent : pas d'historique ni de travail à plusieurs",
                "installez git (https://git-scm.com) pour garder l'historique des fichiers",
            )
        ]
    top = _run([git, "rev-parse", "--show-toplevel"], start)
    if top is None:
        return [
            Finding("git", Verdict.OK, "installé"),
            Finding(
                "dépôt git",
                Verdict.ATTENTION,
                "le dossier n'est pas suivi par git",
                '« git init » puis « git add . » et « git commit -m "référentiel" »',
            ),
        ]
    return [Finding("git", Verdict.OK, "installé"), _changes(git, start), _union_rule(git, start)]


def _changes(git: str, start: Path) -> Finding:
    status = _run([git, "status", "--porcelain"], start) or ""
    count = len([line for line in status.splitlines() if line.strip()])
    if not count:
        return Finding("modifications", Verdict.OK, "tout est enregistré dans git")
    noun = "fichier modifié" if count == 1 else "fichiers modifiés"
    return Finding(
        "modifications",
        Verdict.ATTENTION,
        f"{count} {noun} pas encore enregistré{'s' if count > 1 else ''} dans git",
        "« git add . » puis « git commit » : les rapports indiquent sinon des modifications "
        "non enregistrées",
    )


def _union_rule(git: str, start: Path) -> Finding:
    probe = "mesures/2025/exemple.yaml"
    answer = _run([git, "check-attr", "merge", "--", probe], start) or ""
    if answer.strip().endswith(": union"):
        return Finding("fusion des mesures", Verdict.OK, "règle merge=union en place")
    return Finding(
        "fusion des mesures",
        Verdict.ATTENTION,
        "sans la règle merge=union, deux personnes qui complètent le même fichier de mesures "
        "sur deux branches auront un conflit à régler à la main",
        "ajoutez dans .gitattributes la ligne « mesures/**/*.yaml merge=union »",
    )


def _optional(item: str, names: tuple[str, ...], which: Callable[[str], str | None]) -> Finding:
    for name in names:
        found = which(name)
        if found:
            return Finding(item, Verdict.OK, found)
    return Finding(
        item,
        Verdict.ATTENTION,
        "aucun trouvé (facultatif)",
        "installez Chromium, Chrome, Edge ou Firefox pour imprimer les rapports en PDF",
    )


def _office(which: Callable[[str], str | None]) -> Finding:
    found = next((path for name in OFFICE if (path := which(name))), None)
    if found:
        return Finding("LibreOffice (facultatif)", Verdict.OK, found)
    return Finding(
        "LibreOffice (facultatif)",
        Verdict.ATTENTION,
        "absent",
        "installez LibreOffice pour convertir les documents Word en PDF sur cette machine",
    )


def _run(command: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
