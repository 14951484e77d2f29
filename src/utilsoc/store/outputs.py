"""Where a command may write its output file (`report`, `merge -o`, `export -o`, `status -o`).

Two rules. The association's own data (référentiel, identity card, stakeholders,
logframes, import mappings, measurements, templates, the git folder) is never an output,
even with `--force`. Any other existing file is replaced only when it is an earlier
output of the same command, unchanged since, or with `--force`.

Outputs are remembered in `.utilsoc-cache/sorties.json`: for each file (relative to the
association's folder, or absolute when outside it) the command that wrote it and the
hash of its bytes. A file edited since is not utilsoc's any more.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from utilsoc.errors import FileAccessError, UsageError
from utilsoc.project import (
    ASSOCIATION,
    CADRES,
    ENTRETIENS,
    MESURES,
    MODELES,
    PUBLICS,
    RECITS,
    REFERENTIEL,
    Layout,
    display_path,
)
from utilsoc.store.cache import CACHE_FOLDER

REGISTRY = "sorties.json"
_PROTECTED_FILES = (REFERENTIEL, ASSOCIATION, PUBLICS)
_PROTECTED_FOLDERS = (
    CADRES,
    MESURES,
    MODELES,
    ENTRETIENS,
    RECITS,
    "correspondances",
    ".git",
    CACHE_FOLDER,
)
_MAPPING_MARK = "correspondance.schema.json"


def check_output(layout: Layout, target: Path, command: str, force: bool) -> None:
    """Refuse to write `target` for `command` unless the rules above allow it.

    Raises:
        UsageError: `target` is the association's data, a folder, or an existing file
            this command did not write (and `force` is not given).
    """
    shown = display_path(target)
    if _is_association_data(layout, target):
        raise UsageError(
            f"{shown} fait partie des données de l'association : "
            f"« utilsoc {command} » ne l'écrase jamais, même avec --force",
            "choisissez un autre fichier, par exemple dans rapports/",
        )
    if target.is_dir():
        raise UsageError(f"{shown} est un dossier", "indiquez un nom de fichier après -o")
    if force or not target.exists() or _is_earlier_output(layout, target, command):
        return
    raise UsageError(
        f"{shown} existe déjà et n'a pas été écrit par « utilsoc {command} » "
        "(ou a été modifié depuis)",
        "choisissez un autre nom, ou ajoutez --force pour le remplacer",
    )


def record_output(layout: Layout, target: Path, command: str) -> None:
    """Remember that `command` has just written `target` (its bytes as they are now).

    A registry that cannot be written is no error: the file will only need --force to
    be replaced next time.
    """
    from utilsoc.store.atomic import write_atomic

    try:
        digest = _hash(target)
    except OSError:
        return
    entries = _read_registry(layout)
    entries[_key(layout, target)] = {"commande": command, "empreinte": digest}
    text = json.dumps({"version": 1, "fichiers": entries}, ensure_ascii=False, indent=1)
    try:
        write_atomic(layout.root / CACHE_FOLDER / REGISTRY, text)
    except (OSError, FileAccessError):
        return


def _is_association_data(layout: Layout, target: Path) -> bool:
    """True for a file of the référentiel, a measurement, a mapping, a template..."""
    root = layout.root.resolve()
    resolved = target.resolve()
    try:
        parts = resolved.relative_to(root).parts
    except ValueError:
        parts = ()
    folded = [part.casefold() for part in parts]  # Windows and macOS ignore case
    if len(folded) == 1 and folded[0] in _PROTECTED_FILES:
        return True
    if len(folded) > 1 and folded[0] in _PROTECTED_FOLDERS:
        return True
    if resolved.is_file() and _same_as_protected(root, resolved):
        return True
    return resolved.is_file() and _is_mapping(resolved)


def _same_as_protected(root: Path, target: Path) -> bool:
    """True when `target` is a référentiel file under another name (a link)."""
    for name in _PROTECTED_FILES:
        try:
            if (root / name).samefile(target):
                return True
        except OSError:
            continue
    return False


def _is_mapping(path: Path) -> bool:
    """An import mapping kept outside correspondances/, known by its schema line."""
    try:
        with path.open("rb") as stream:
            first = stream.readline(4096)
    except OSError:
        return False
    return _MAPPING_MARK.encode() in first


def _is_earlier_output(layout: Layout, target: Path, command: str) -> bool:
    entry = _read_registry(layout).get(_key(layout, target))
    if not isinstance(entry, dict) or entry.get("commande") != command:
        return False
    try:
        return bool(entry.get("empreinte") == _hash(target))
    except OSError:
        return False


def _key(layout: Layout, target: Path) -> str:
    resolved = target.resolve()
    try:
        return resolved.relative_to(layout.root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _hash(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=20).hexdigest()


def _read_registry(layout: Layout) -> dict[str, object]:
    try:
        data = json.loads((layout.root / CACHE_FOLDER / REGISTRY).read_text("utf-8"))
        entries = data["fichiers"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return dict(entries) if isinstance(entries, dict) else {}
