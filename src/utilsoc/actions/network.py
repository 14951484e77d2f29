"""Writing a network folder: `reseau init` and `reseau membre ajouter`.

reseau.yaml is a person's file (comments, order, encoding): a member is added by inserting
its lines at the end of the `membres:` block, never by re-dumping the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from utilsoc.errors import UsageError, UserError
from utilsoc.model.periods import Period
from utilsoc.project import REFERENTIEL, Layout, display_path
from utilsoc.store.style import TextStyle, split_lines

RESEAU = "reseau.yaml"
_TEMPLATE = """\
# Réseau : les associations qui partagent un référentiel commun.
# Chaque membre garde son propre dossier (son référentiel, ses mesures) ; il rattache
# ses indicateurs aux indicateurs communs par « commun: CODE » dans son referentiel.yaml.
# Guide : docs/reseau.md.

nom: {nom}
territoire: {territoire}
période: {periode}  # 2025, 2024-2025 (année scolaire), 2024-01-01..2025-12-31

# Les membres : un dossier par association, relatif à ce dossier (un sous-module git,
# une copie ou un dossier voisin). Ajoutez-en avec « utilsoc reseau membre ajouter CHEMIN ».
membres: []

# Le référentiel commun : défini une fois ici, avec les mêmes champs qu'un indicateur
# de referentiel.yaml. Le total du réseau suit l'agrégation de chaque indicateur :
# somme des nombres, taux recalculé à partir des numérateurs et dénominateurs, moyenne
# pondérée par les effectifs.
commun:
  dimensions:
    - code: quartier
      nom: Quartier prioritaire
      valeurs: [oui, non]
  indicateurs:
    - code: personnes_accompagnees
      libellé: Personnes accompagnées
      définition: Personnes différentes accompagnées au moins une fois dans la période.
      type: nombre
      unité: personnes
      niveau: réalisation
"""


def init_network(folder: Path, name: str, territory: str, period: str) -> Path:
    """Write a commented reseau.yaml (and a .gitignore) in `folder`, which may not hold one."""
    parse_period(period)
    target = folder / RESEAU
    if target.exists():
        raise UserError(
            f"{display_path(target)} existe déjà",
            "ajoutez des membres avec « utilsoc reseau membre ajouter CHEMIN »",
        )
    from utilsoc.store.atomic import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    text = _TEMPLATE.format(nom=_quoted(name), territoire=_quoted(territory), periode=period)
    write_atomic(target, text)
    _write_gitignore(folder)
    return target


def init_example(folder: Path, example: str) -> Path:
    """Write the bundled example network `example` in `folder`, which must be empty or new.

    Each `liens-*.yaml` of the example names an association example to copy as a member
    and the `commun:` links to insert in its référentiel.

    Why: the association example stays the one source of its own files; the network only
    adds its links, so the two never drift apart.

    Raises:
        UsageError: unknown example.
        UserError: `folder` is not empty, or a linked indicator left the association example.
    """
    from utilsoc.resources import data_dir, network_example_names

    if example not in network_example_names():
        raise UsageError(
            f"réseau d'exemple inconnu : « {example} »",
            "réseaux d'exemple disponibles : " + ", ".join(network_example_names()),
        )
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UserError(
            f"{display_path(folder)} n'est pas vide",
            "choisissez un dossier nouveau ou vide : l'exemple n'écrase aucun fichier",
        )
    source = data_dir("examples") / f"reseau-{example}"
    members = [_member_example(path) for path in sorted(source.glob("liens-*.yaml"))]
    _copy_tree(source, folder)
    for member in members:
        member.write(folder)
    _write_gitignore(folder)
    return folder / RESEAU


@dataclass(frozen=True)
class _MemberExample:
    """A member copied from an association example, with its `commun:` links."""

    folder: str  # relative to the network's folder
    example: str
    links: tuple[tuple[str, str, float | None], ...]  # (own code, common code, factor)

    def linked(self, text: str) -> str:
        """The référentiel `text` with every link inserted."""
        for code, common, factor in self.links:
            text = with_link(text, code, common, factor)
        return text

    def write(self, network: Path) -> None:
        """The association example, as `utilsoc init` writes it, then its links."""
        from utilsoc.actions.init import scaffold
        from utilsoc.store.atomic import write_atomic

        target = network / self.folder
        scaffold(target, self.example)
        text = (target / REFERENTIEL).read_text(encoding="utf-8")
        write_atomic(target / REFERENTIEL, self.linked(text))


def _member_example(links_file: Path) -> _MemberExample:
    """A `liens-*.yaml` file read, its links checked on the association example."""
    from utilsoc.resources import data_dir
    from utilsoc.yamlio.reader import read_yaml

    data = read_yaml(links_file, links_file.name).data
    links = tuple(
        (str(code), str(link["commun"]), link.get("facteur"))
        for code, link in data["liens"].items()
    )
    member = _MemberExample(str(data["membre"]), str(data["exemple"]), links)
    source = data_dir("examples") / member.example / REFERENTIEL
    member.linked(source.read_text(encoding="utf-8"))  # fails before anything is written
    return member


def with_link(text: str, code: str, common: str, factor: float | None = None) -> str:
    """`text` (a référentiel) with `commun:` (and `facteur:`) under indicator `code`.

    Raises:
        UserError: no indicator `code` in `text`.
    """
    pattern = re.compile(rf"^([ \t]*)- code:[ \t]*{re.escape(code)}[ \t]*(#.*)?\r?$", re.M)
    match = pattern.search(text)
    if match is None:
        raise UserError(
            f"l'indicateur « {code} » n'est plus dans l'exemple d'association",
            f"mettez à jour les liens de l'exemple de réseau (commun: {common})",
        )
    indent = match.group(1) + "  "
    newline = "\r\n" if "\r\n" in text else "\n"
    added = f"{newline}{indent}commun: {common}"
    if factor is not None:
        added += f"{newline}{indent}facteur: {factor:g}"
    end = match.end() - (1 if match.group(0).endswith("\r") else 0)
    return text[:end] + added + text[end:]


def _copy_tree(source: Path, target: Path) -> None:
    """The example's own files, without its link files nor any working file."""
    import shutil

    ignored = shutil.ignore_patterns(".utilsoc-cache", "*.lock", "liens-*.yaml", "rapports")
    shutil.copytree(source, target, ignore=ignored, dirs_exist_ok=True)


def _write_gitignore(folder: Path) -> None:
    from utilsoc.store.atomic import write_atomic

    ignore = folder / ".gitignore"
    if not ignore.exists():
        write_atomic(ignore, ".utilsoc-cache/\nrapports/\n")


def add_member(root: Path, path: str, code: str | None, name: str | None) -> str:
    """Append a member to reseau.yaml under the folder lock; return its code.

    Raises:
        UserError: the folder is not an association's, or the member is already there.
    """
    from utilsoc.network.load import read_network
    from utilsoc.store.atomic import write_atomic_bytes
    from utilsoc.store.lock import writer_lock

    member = (root / path).resolve()
    if not (member / REFERENTIEL).is_file():
        raise UserError(
            f"{path} n'est pas le dossier d'une association (pas de {REFERENTIEL})",
            "indiquez le dossier où se trouve referentiel.yaml, relatif au dossier du réseau",
        )
    code = code or _code_of(member.name)
    name = name or _name_of(member) or member.name
    with writer_lock(Layout(root), RESEAU):
        document, model, issues = read_network(root)
        if model is None or document is None:
            raise UserError(
                f"{display_path(root / RESEAU)} a des erreurs",
                "corrigez-les d'abord (« utilsoc reseau validate »)",
            )
        for entry in model.membres:
            if entry.code == code or (root / entry.chemin).resolve() == member:
                raise UserError(
                    f"membre déjà présent : « {entry.code} » ({entry.chemin})",
                    "chaque association n'est membre qu'une fois ; --code pour un autre code",
                )
        raw = (root / RESEAU).read_bytes()
        style = TextStyle.of(raw)
        text = _with_member(style.decode(raw), style.newline, code, name, _relative(root, member))
        write_atomic_bytes(root / RESEAU, style.encode(text))
    return code


def _with_member(text: str, newline: str, code: str, name: str, path: str) -> str:
    """`text` with one more item at the end of its top-level `membres:` block."""
    entry = [f"  - code: {code}", f"    nom: {_quoted(name)}", f"    chemin: {_quoted(path)}"]
    lines = split_lines(text)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    start = _members_key(lines, newline)
    end = _block_end(lines, start)
    lines[end:end] = [line + newline for line in entry]
    return "".join(lines)


def _members_key(lines: list[str], newline: str) -> int:
    """The line of `membres:` (added at the end if missing; `[]` opened as a block)."""
    start = next((n for n, line in enumerate(lines) if re.match(r"membres\s*:", line)), None)
    if start is None:
        lines.append(f"{newline}membres:{newline}")
        return len(lines) - 1
    if re.match(r"membres\s*:\s*\[\s*\](\s*#.*)?\s*$", lines[start]):
        lines[start] = f"membres:{newline}"
    return start


def _block_end(lines: list[str], start: int) -> int:
    """Where the indented block after line `start` ends (blank lines after it stay after)."""
    end = start + 1
    while end < len(lines) and (lines[end][:1] in (" ", "-", "\t") or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _relative(root: Path, member: Path) -> str:
    try:
        return member.relative_to(root.resolve()).as_posix()
    except ValueError:
        import os

        return Path(os.path.relpath(member, root.resolve())).as_posix()


def _code_of(folder_name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", folder_name).encode("ascii", "ignore").decode()
    code = re.sub(r"[^A-Za-z0-9_.-]+", "-", plain).strip("-_.").lower()
    if not code:
        raise UsageError(
            f"impossible de tirer un code du nom de dossier « {folder_name} »",
            "donnez-le avec --code",
        )
    return code


def _name_of(member: Path) -> str | None:
    """The association's name from its association.yaml, when it can be read."""
    from utilsoc.errors import DataErrors
    from utilsoc.yamlio.reader import read_yaml

    try:
        data = read_yaml(member / "association.yaml", "association.yaml").data
    except (DataErrors, OSError):
        return None
    name = data.get("nom") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else None


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def parse_period(text: str) -> Period:
    """A period typed on the command line; a French usage error otherwise."""
    from utilsoc.model.periods import PERIOD_HINT

    try:
        return Period.parse(text)
    except ValueError as error:
        raise UsageError(str(error), PERIOD_HINT) from None
