"""Errors, issues and exit codes: the one place they are defined."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import IntEnum
from typing import Any

from utilsoc.codes import Code


class ExitCode(IntEnum):
    """Exit codes of every `utilsoc` command (documented in docs/erreurs.md)."""

    OK = 0
    DONNEES_INVALIDES = 1
    USAGE = 2
    ENTREE_SORTIE = 3
    BUG = 4
    INTERRUPTION = 130


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    code: Code
    message: str
    hint: str = ""
    severity: str = "erreur"
    snippet: str = ""

    def format(self) -> str:
        """Render as `fichier:ligne:colonne: erreur: message — conseil [code]`."""
        text = f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return f"{text} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for `--format json`."""
        data = asdict(self)
        del data["snippet"]
        return data

    @property
    def sort_key(self) -> tuple[str, int, int, bool, str]:
        """Order issues by file, then position; a note after the problem it explains."""
        return (self.file, self.line, self.column, self.severity == "note", self.code)


class UtilsocError(Exception):
    """Base of every error a command turns into a message and an exit code."""

    exit_code: ExitCode = ExitCode.DONNEES_INVALIDES

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def format(self) -> str:
        """Render as `erreur: message — conseil`."""
        return f"erreur: {self.message}" + (f" — {self.hint}" if self.hint else "")


class UserError(UtilsocError):
    """A mistake the user can fix (wrong option value, existing folder...)."""


class UsageError(UtilsocError):
    """The command line itself is wrong: missing folder, bad option."""

    exit_code = ExitCode.USAGE


class FileAccessError(UtilsocError):
    """A file cannot be read or written (permissions, lock held, disk full)."""

    exit_code = ExitCode.ENTREE_SORTIE


class DataErrors(UtilsocError):
    """The data holds one or more problems, each located in its file."""

    def __init__(self, issues: list[Issue]) -> None:
        noun = "problème" if len(issues) == 1 else "problèmes"
        super().__init__(f"{len(issues)} {noun}")
        self.issues = sorted(issues, key=lambda issue: issue.sort_key)
        self.after = ""  # a last line after the issues: what to do now
