"""Reading a network folder: reseau.yaml, then each member's folder through the gate.

A member's folder is read exactly as its own commands read it (`folder.load_folder`), so
the network never counts a value the association's own `validate` would refuse. A member
that cannot be read, or whose folder has errors, is left out, and the reason is kept: the
network's documents say who is missing and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, Issue, UsageError
from utilsoc.folder import Folder, load_folder
from utilsoc.model.reseau import Membre, Reseau
from utilsoc.project import REFERENTIEL, Layout, display_path
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import Document, read_yaml

RESEAU = "reseau.yaml"


@dataclass
class Member:
    """One member: where its folder is, and the folder read (None when left out)."""

    entry: Membre
    index: int
    root: Path
    folder: Folder | None = None
    reason: str | None = None  # why the member is left out, in French

    @property
    def code(self) -> str:
        """The member's code in the network."""
        return self.entry.code


@dataclass
class Network:
    """A network folder, read: its model, its members, and every problem found."""

    root: Path
    document: Document | None
    model: Reseau | None
    members: list[Member] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def file(self) -> str:
        """reseau.yaml as shown in messages."""
        return display_path(self.root / RESEAU)

    def place(self, *loc: str | int) -> tuple[int, int]:
        """Line and column of `loc` in reseau.yaml."""
        return self.document.position(loc) if self.document else (1, 1)

    def included(self) -> list[Member]:
        """The members whose folder was read without errors."""
        return [m for m in self.members if m.folder is not None and m.reason is None]


def find_network(start: Path) -> Path:
    """The folder holding reseau.yaml: `start` or its nearest parent.

    Raises:
        UsageError: no such folder.
    """
    if not start.is_dir():
        raise UsageError(f"dossier introuvable : {start}", "indiquez le dossier du réseau")
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / RESEAU).is_file():
            return folder
    raise UsageError(
        f"aucun réseau ({RESEAU}) dans {start} ni ses dossiers parents",
        "créez-en un avec « utilsoc reseau init DOSSIER » ou indiquez le dossier avec -C",
    )


def read_network(root: Path) -> tuple[Document | None, Reseau | None, list[Issue]]:
    """reseau.yaml alone, into its model; problems located in the file."""
    display = display_path(root / RESEAU)
    try:
        document = read_yaml(root / RESEAU, display)
    except DataErrors as errors:
        return None, None, list(errors.issues)
    issues = list(document.issues)
    if not isinstance(document.data, dict):
        issues.append(
            Issue(
                display,
                1,
                1,
                Code.TYPE_RACINE,
                f"{RESEAU} doit contenir des champs « nom: valeur »",
                "comparez avec le fichier créé par « utilsoc reseau init »",
            )
        )
        return document, None, issues
    try:
        return document, Reseau.model_validate(document.data), issues
    except ValidationError as error:
        return document, None, [*issues, *issues_from_validation(error, document, Reseau)]


def load_network(root: Path) -> Network:
    """reseau.yaml and every member's folder, each through the gate."""
    from utilsoc.network.mapping import check_mappings

    document, model, issues = read_network(root)
    network = Network(root, document, model, issues=issues)
    if model is None:
        return network
    network.issues.extend(_duplicate_members(network))
    for index, entry in enumerate(model.membres):
        network.members.append(_member(network, index, entry))
    network.issues.extend(check_mappings(network))
    return network


def _member(network: Network, index: int, entry: Membre) -> Member:
    member = Member(entry, index, (network.root / entry.chemin).resolve())
    line, column = network.place("membres", index, "chemin")
    if not (member.root / REFERENTIEL).is_file():
        member.reason = f"dossier {entry.chemin} introuvable ou sans {REFERENTIEL}"
        network.issues.append(
            Issue(
                network.file,
                line,
                column,
                Code.MEMBRE_ECARTE,
                f"membre « {entry.code} » : {member.reason}",
                "vérifiez le chemin (relatif au dossier du réseau), ou récupérez le "
                "dossier : git submodule update --init",
            )
        )
        return member
    member.folder = load_folder(Layout(member.root))
    errors = member.folder.outcome.errors
    if errors:
        member.reason = f"{len(errors)} erreur(s) dans son dossier"
        network.issues.extend(errors)
        network.issues.append(
            Issue(
                network.file,
                line,
                column,
                Code.MEMBRE_ECARTE,
                f"membre « {entry.code} » écarté : {member.reason}",
                f"corrigez-les dans {entry.chemin} (« utilsoc -C {entry.chemin} validate »)",
                "avertissement",
            )
        )
    return member


def _duplicate_members(network: Network) -> list[Issue]:
    """The same code, name or folder given to two members."""
    assert network.model is not None
    issues: list[Issue] = []
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(network.model.membres):
        keys = (
            ("code", entry.code),
            ("nom", entry.nom.casefold()),
            ("chemin", str((network.root / entry.chemin).resolve())),
        )
        for what, key in keys:
            first = seen.setdefault((what, key), index)
            if first != index:
                line, column = network.place("membres", index, what)
                issues.append(
                    Issue(
                        network.file,
                        line,
                        column,
                        Code.MEMBRE_EN_DOUBLE,
                        f"membre en double : même {what} que le membre n° {first + 1} "
                        f"(« {network.model.membres[first].code} »)",
                        "chaque membre a son code, son nom et son dossier : retirez le "
                        "doublon ou corrigez-le",
                    )
                )
    return issues
