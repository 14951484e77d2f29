"""Where a report comes from: the référentiel's git commit and the utilsoc version."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from utilsoc import __version__
from utilsoc.langue import _

# What a report is made from; a report file written into the folder must not count.
_INPUTS = (
    "association.yaml",
    "publics.yaml",
    "referentiel.yaml",
    "cadres-logiques",
    "mesures",
    "modeles",
)


@dataclass(frozen=True)
class Provenance:
    """Enough to reproduce a report: commit, uncommitted changes, utilsoc version."""

    commit: str | None
    modifie: bool
    version: str = __version__

    @property
    def texte(self) -> str:
        """One line for the report's footer, in the report's language."""
        if self.commit is None:
            source = _("dossier hors git")
        else:
            source = _("référentiel au commit %(commit)s") % {"commit": self.commit}
            if self.modifie:
                source += " " + _("(avec des modifications non enregistrées)")
        return f"{source} ; utilsoc {self.version}"


def read_provenance(root: Path) -> Provenance:
    """Ask git (if the folder is a repository) which commit the files are at."""
    commit = _git(root, "rev-parse", "--short=12", "HEAD")
    if commit is None:
        return Provenance(None, False)
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *_INPUTS)
    return Provenance(commit, bool(status))


def _git(root: Path, *args: str) -> str | None:
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return completed.stdout.strip()
