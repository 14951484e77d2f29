"""Folder-wide results kept in `.utilsoc-cache/`, keyed by the hash of every input file.

Light on purpose (no pydantic, no YAML): a command whose result is cached answers without
importing the models.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from stat import S_ISREG
from typing import Any

from utilsoc import __version__
from utilsoc.codes import Code
from utilsoc.errors import FileAccessError, Issue
from utilsoc.project import MESURES, Layout, display_path, path_from_root

CACHE_FOLDER = ".utilsoc-cache"


def _code_stamp() -> str:
    """Name, size and modification time of utilsoc's own modules, hashed.

    Cached results depend on the code that computed them (checks, report data); a new
    version, or an edited module in a development install, starts from a clean cache.
    One `stat` per module: about 0.3 ms.
    """
    package = str(Path(__file__).resolve().parent.parent)
    entries, folders = [], [package]
    while folders:
        with os.scandir(folders.pop()) as found:
            for entry in found:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    name = os.path.relpath(entry.path, package).replace(os.sep, "/")
                    entries.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.blake2b("\n".join(sorted(entries)).encode(), digest_size=8).hexdigest()


CODE_STAMP = _code_stamp()
# The Python version too: messages and float formatting may differ from one to another.
CACHE_VERSION = (
    f"mesures-2-{__version__}-{CODE_STAMP}-py{sys.version_info[0]}.{sys.version_info[1]}"
)


def measure_files(layout: Layout, period: Any = None) -> list[Path]:
    """Measurement files of the folder (of one period's folder), sorted."""
    base = layout.root / MESURES
    if period is not None:
        base = base / period.name
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*.yaml") if not p.name.startswith("."))


def folder_digest(layout: Layout) -> str:
    """A hash of everything a folder-wide result depends on: référentiel and measurements."""
    digest = hashlib.blake2b(CACHE_VERSION.encode(), digest_size=20)
    sources = [
        layout.referentiel,
        layout.association,
        layout.publics,
        *layout.cadre_files(),
        *layout.budget_files(),
        layout.valeur_sociale,
        *layout.guide_files(),
        *layout.interview_files(),
        *layout.story_files(),
    ]
    paths = [*sources, *measure_files(layout)]
    for path, content_hash in zip(paths, _content_hashes(layout, paths), strict=True):
        digest.update(path.relative_to(layout.root).as_posix().encode() + b"\0")
        if content_hash is not None:
            digest.update(content_hash)
    return digest.hexdigest()


# A file whose size, modification and change times (to the nanosecond) and inode are
# those seen when its bytes were hashed is not read again, as git does. The change time
# catches a copy that kept the old modification time (`cp -p`, unzip). A file modified
# less than RACY seconds before the hashing began may have changed again within the same
# clock tick (2 s on FAT): it is always read.
_HASHES = "empreintes.json"
_RACY_NS = 2_000_000_000


def _content_hashes(layout: Layout, paths: list[Path]) -> list[bytes | None]:
    """The blake2b hash of each file's bytes (None when missing), read only when changed."""
    store = layout.root / CACHE_FOLDER / _HASHES
    try:
        known = json.loads(store.read_text("utf-8"))
        written, entries = int(known["ecrit"]), dict(known["fichiers"])
    except (OSError, ValueError, KeyError, TypeError):
        written, entries = 0, {}
    started = time.time_ns()
    result: list[bytes | None] = []
    fresh: dict[str, list[Any]] = {}
    changed = False
    for path in paths:
        name = path.relative_to(layout.root).as_posix()
        content, entry, read = _hash(path, entries.get(name), written)
        result.append(content)
        if entry is not None:
            fresh[name] = entry
        changed = changed or read
    if changed or fresh.keys() != entries.keys():
        _store_hashes(store, started, fresh)
    return result


def _hash(path: Path, entry: Any, written: int) -> tuple[bytes | None, list[Any] | None, bool]:
    """One file's hash, the entry to keep for it (None: none), and whether it was read."""
    try:
        stat = path.stat()
    except OSError:
        return None, None, False
    if not S_ISREG(stat.st_mode):  # a FIFO or a device is never read (it may block)
        return b"special:%o" % stat.st_mode, None, False
    seen = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
    if (
        isinstance(entry, list)
        and entry[:4] == seen
        and max(stat.st_mtime_ns, stat.st_ctime_ns) < written - _RACY_NS
    ):
        return bytes.fromhex(entry[4]), entry, False
    try:
        content = hashlib.blake2b(path.read_bytes(), digest_size=20).digest()
    except OSError:
        return None, None, False
    return content, [*seen, content.hex()], True


def _store_hashes(store: Path, started: int, entries: dict[str, list[Any]]) -> None:
    from utilsoc.store.atomic import write_atomic

    text = json.dumps({"ecrit": started, "fichiers": entries}, ensure_ascii=False)
    try:
        write_atomic(store, text)
    except (OSError, FileAccessError):
        return  # a list that cannot be written only means reading the files next time


def load_result(layout: Layout, name: str, digest: str) -> Any | None:
    """A folder-wide result computed earlier from exactly the same files, if any."""
    try:
        stored = json.loads((layout.root / CACHE_FOLDER / f"{name}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return stored.get("data") if stored.get("digest") == digest else None


def store_result(layout: Layout, name: str, digest: str, data: Any) -> None:
    """Remember a folder-wide result for these exact files (silently skipped on failure)."""
    from utilsoc.store.atomic import write_atomic

    text = json.dumps({"digest": digest, "data": data}, ensure_ascii=False)
    try:
        write_atomic(layout.root / CACHE_FOLDER / f"{name}.json", text)
    except (OSError, FileAccessError):
        return


def issues_to_data(layout: Layout, issues: list[Issue]) -> list[dict[str, Any]]:
    """Issues as stored: each file relative to the folder's root, not to today's cwd."""
    stored = []
    for issue in issues:
        data = dataclasses.asdict(issue)
        relative = path_from_root(layout.root, issue.file)
        if relative is not None:  # a file outside the folder keeps its name as shown
            data["file"], data["root"] = relative, True
        stored.append(data)
    return stored


def issues_from_data(layout: Layout, stored: list[dict[str, Any]]) -> list[Issue]:
    """Stored issues, each file shown again from the current folder."""
    issues = []
    for data in stored:
        data = dict(data)
        if data.pop("root", False):
            data["file"] = display_path(layout.root / data["file"])
        data["code"] = Code(data["code"])
        issues.append(Issue(**data))
    return issues
