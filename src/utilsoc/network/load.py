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
from utilsoc.model.periods import Period
from utilsoc.model.reseau import Membre, Reseau
from utilsoc.network.contribution import Common, Contribution
from utilsoc.project import REFERENTIEL, Layout, display_path
from utilsoc.store.cache import CACHE_FOLDER
from utilsoc.yamlio.messages import issues_from_validation
from utilsoc.yamlio.reader import Document, read_yaml

RESEAU = "reseau.yaml"


@dataclass
class Member:
    """One member: where its folder is, what the network keeps of it, why it is left out."""

    entry: Membre
    index: int
    root: Path
    contribution: Contribution | None = None
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
    period: Period | None = None  # the period the members' contributions are computed for
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
        return [m for m in self.members if m.contribution is not None and m.reason is None]


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


def load_network(root: Path, period: Period | None = None) -> Network:
    """reseau.yaml, then every member's contribution over `period` (default: the network's).

    Members are read through the gate, in worker processes when several need reading; a
    member unchanged since the last run is taken from the network's cache.
    """
    from utilsoc.network.contribution import Common

    document, model, issues = read_network(root)
    network = Network(root, document, model, issues=issues)
    if model is None:
        return network
    network.period = period or model.periode
    network.issues.extend(_duplicate_members(network))
    network.issues.extend(_unknown_catalogue_codes(network))
    common = Common(model.indicators(), model.commun.dimensions, network.period)
    for index, entry in enumerate(model.membres):
        network.members.append(_located(network, index, entry))
    _contribute(network, [m for m in network.members if m.reason is None], common)
    for member in network.members:
        _report(network, member)
    return network


def _located(network: Network, index: int, entry: Membre) -> Member:
    """The member, left out at once when its folder holds no référentiel."""
    member = Member(entry, index, (network.root / entry.chemin).resolve())
    if not (member.root / REFERENTIEL).is_file():
        member.reason = f"dossier {entry.chemin} introuvable ou sans {REFERENTIEL}"
    return member


def _contribute(network: Network, members: list[Member], common: Common) -> None:
    """Each member's contribution: from the cache when unchanged, else read (in parallel)."""
    from utilsoc.folder import fresh_digest
    from utilsoc.network.contribution import cached, keep

    cache = network.root / CACHE_FOLDER / "membres"
    digests = {m.code: fresh_digest(Layout(m.root)) for m in members}
    missing = []
    for member in members:
        member.contribution = cached(cache, member.code, digests[member.code], common)
        if member.contribution is None:
            missing.append(member)
    for member, contribution in zip(missing, _read(missing, common), strict=True):
        member.contribution = contribution
        keep(cache, member.code, digests[member.code], common, contribution)


def _read(members: list[Member], common: Common) -> list[Contribution]:
    from utilsoc.network.contribution import contribute
    from utilsoc.store.parallel import Workers, cores

    tasks = [(m.root, m.code, m.entry.nom, common) for m in members]
    if len(tasks) < 2 or cores() < 2:
        return [contribute(*task) for task in tasks]
    with Workers(min(cores(), len(tasks)), _nothing, ()) as workers:
        return list(
            workers.in_order(tasks, [True] * len(tasks), _contribute_task, _contribute_task, _same)
        )


def _contribute_task(task: tuple[Path, str, str, Common]) -> Contribution:
    from utilsoc.network.contribution import contribute

    return contribute(*task)


def _nothing() -> None:
    """Workers need no set-up."""


def _same(contribution: Contribution) -> Contribution:
    return contribution


def _report(network: Network, member: Member) -> None:
    """The member's problems, and why it is left out, located in reseau.yaml."""
    line, column = network.place("membres", member.index, "chemin")
    contribution = member.contribution
    if contribution is not None:
        network.issues.extend(contribution.issues)
        if contribution.errors:
            member.reason = f"{contribution.errors} erreur(s) dans son dossier"
    if member.reason is None:
        return
    chemin = member.entry.chemin
    missing = contribution is None
    network.issues.append(
        Issue(
            network.file,
            line,
            column,
            Code.MEMBRE_ECARTE,
            f"membre « {member.code} » {'' if missing else 'écarté '}: {member.reason}".replace(
                "  ", " "
            ),
            "vérifiez le chemin (relatif au dossier du réseau), ou récupérez le dossier : "
            "git submodule update --init"
            if missing
            else f"corrigez-les dans {chemin} (« utilsoc -C {chemin} validate »)",
            "erreur" if missing else "avertissement",
        )
    )


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


def _unknown_catalogue_codes(network: Network) -> list[Issue]:
    """A common indicator naming no indicator of utilsoc's catalogue (a warning)."""
    assert network.model is not None
    named = [
        (n, i.catalogue) for n, i in enumerate(network.model.commun.indicateurs) if i.catalogue
    ]
    if not named:
        return []
    import difflib

    from utilsoc.catalogue import codes

    known = codes()
    issues = []
    for index, code in named:
        if code in known:
            continue
        line, column = network.place("commun", "indicateurs", index, "catalogue")
        close = difflib.get_close_matches(code, sorted(known), n=1)
        issues.append(
            Issue(
                network.file,
                line,
                column,
                Code.CATALOGUE_INCONNU,
                f"« {code} » n'est pas un indicateur du catalogue d'utilsoc",
                f"vouliez-vous dire « {close[0]} » ?"
                if close
                else "cherchez le bon code avec « utilsoc catalogue --cherche MOT »",
                "avertissement",
            )
        )
    return issues
