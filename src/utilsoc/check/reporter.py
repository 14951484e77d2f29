"""Where cross-file checks put their issues: at a place of one of the project's documents."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from utilsoc.codes import Code
from utilsoc.errors import Issue
from utilsoc.model.load import Project

Loc = tuple[str | int, ...]
IndicatorPlace = tuple[int, int, int]  # domain, criterion and indicator numbers


@dataclass
class Reporter:
    """Collects issues, positioned in the project's documents."""

    project: Project
    issues: list[Issue] = field(default_factory=list)

    def add(
        self, role: str, loc: Loc, code: Code, message: str, hint: str, severity: str = "erreur"
    ) -> None:
        """Add an issue at `loc` of the document `role`."""
        document = self.project.documents[role]
        line, column = document.position(loc)
        self.issues.append(Issue(document.file, line, column, code, message, hint, severity))

    def unknown(self, role: str, loc: Loc, what: str, value: str, known: Iterable[str]) -> None:
        """Report a reference to an undeclared code, suggesting the closest one."""
        close = difflib.get_close_matches(value, list(known), n=1)
        feminine = what in ("dimension", "partie prenante", "audience")
        hint = (
            f"vouliez-vous dire « {close[0]} » ?"
            if close
            else f"déclarez-{'la' if feminine else 'le'} d'abord ({what})"
        )
        unknown = "inconnue" if feminine else "inconnu"
        self.add(role, loc, Code.REFERENCE_INCONNUE, f"{what} « {value} » {unknown}", hint)

    def references(
        self, role: str, items: Iterable[tuple[Loc, str]], what: str, known: Collection[str]
    ) -> None:
        """Report each code of `items` that is not among the `known` ones."""
        for loc, code in items:
            if code not in known:
                self.unknown(role, loc, what, code, known)

    def unique(self, role: str, items: Iterable[tuple[Loc, str]], what: str) -> None:
        """Report each code seen a second time."""
        seen: dict[str, Loc] = {}
        for loc, code in items:
            if code in seen:
                line = self.project.documents[role].position(seen[code])[0]
                self.add(
                    role,
                    loc,
                    Code.CODE_EN_DOUBLE,
                    f"{what} « {code} » en double (déjà ligne {line})",
                    "chaque code doit être unique : renommez l'un des deux",
                )
            else:
                seen[code] = loc


def indicator_loc(place: IndicatorPlace, *rest: str | int) -> Loc:
    """Where an indicator (or one of its keys, `rest`) is in referentiel.yaml."""
    d, c, i = place
    return ("domaines", d, "criteres", c, "indicateurs", i, *rest)
