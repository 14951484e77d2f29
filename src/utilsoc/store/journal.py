"""Writes of several files that happen completely or not at all, even after a kill -9.

A transaction keeps the new contents in memory until it commits. Commit:

1. the journal `.utilsoc-cache/journal/<id>.json` lists each target and its temporary
   file, none for a file to delete (state `preparation`);
2. each new content is written, flushed and synced to `.<name>.<id>.tmp` beside its target;
3. the journal is replaced, atomically, by the same list in state `valide`: from this
   instant the transaction has happened;
4. each temporary file is renamed over its target (or the target deleted), then the journal.

`recover` finishes a `valide` journal (renames the temporary files still there) or rolls
back a `preparation` one (deletes its temporary files). Every writer calls it under the
folder lock before reading anything; readers should call it first too (one `listdir`
when there is no journal).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from utilsoc.errors import FileAccessError
from utilsoc.project import Layout, display_path
from utilsoc.store.atomic import mode_for, replace_retrying, sync_folder, write_atomic
from utilsoc.store.cache import CACHE_FOLDER
from utilsoc.store.lock import writer_lock

JOURNAL_FOLDER = "journal"
PREPARED = "preparation"
COMMITTED = "valide"
Entry = tuple[Path, Path | None]  # a target and its temporary file (None: to delete)
# Tests only: exit abruptly (like kill -9) at the Nth step of a commit.
CRASH_ENV = "UTILSOC_TEST_CRASH_AT"
CRASH_EXIT = 86


class Transaction:
    """New file contents staged in memory; see the module docstring for the commit."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._staged: dict[Path, bytes | None] = {}  # None: the file is deleted

    def write(self, path: Path, data: bytes | str) -> None:
        """Stage `data` as the new content of `path` (a file inside the folder)."""
        _relative(self.layout, path)  # refuse a path outside the folder now, not at commit
        self._staged[path] = data.encode("utf-8") if isinstance(data, str) else data

    def delete(self, path: Path) -> None:
        """Stage the removal of `path` (a file inside the folder; nothing if it is absent)."""
        _relative(self.layout, path)
        self._staged[path] = None

    def read_bytes(self, path: Path) -> bytes | None:
        """The content `path` will have: staged in this transaction, else on disk (or None)."""
        if path in self._staged:
            return self._staged[path]
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise FileAccessError(
                f"lecture impossible de {display_path(path)} : {error.strerror}"
            ) from None

    @property
    def staged(self) -> dict[Path, bytes]:
        """Files this transaction writes, with their new content."""
        return {path: data for path, data in self._staged.items() if data is not None}

    @property
    def deleted(self) -> list[Path]:
        """Files this transaction deletes."""
        return [path for path, data in self._staged.items() if data is None]

    def commit(self) -> None:
        """Write every staged file, all or none (see the module docstring)."""
        if self._staged:
            _commit(self.layout, self._staged)
            self._staged = {}


@contextmanager
def transaction(layout: Layout, target: str = "mesures") -> Iterator[Transaction]:
    """Lock the folder, finish any interrupted write, then stage and commit.

    An exception inside the block writes nothing. `target` names what is written, for
    the lock-timeout message.

    Raises:
        FileAccessError: the lock is held too long, or a file cannot be written.
    """
    with writer_lock(layout, target):
        recover_locked(layout)
        tx = Transaction(layout)
        yield tx
        tx.commit()


def recover(layout: Layout) -> None:
    """Finish or roll back an interrupted transaction; one `listdir` when there is none.

    Raises:
        FileAccessError: a writer holds the lock too long, or a file cannot be renamed.
    """
    if _journals(layout):
        with writer_lock(layout, display_path(_journal_folder(layout))):
            recover_locked(layout)


def recover_locked(layout: Layout) -> None:
    """`recover`, for a caller that already holds the folder lock.

    Raises:
        FileAccessError: a file cannot be renamed or deleted.
    """
    folder = _journal_folder(layout)
    try:
        _replay(layout, folder)
    except OSError as error:
        raise FileAccessError(
            f"reprise impossible de l'écriture interrompue notée dans {display_path(folder)} : "
            f"{error.strerror}",
            "vérifiez les droits du dossier, puis relancez la commande",
        ) from None


def _replay(layout: Layout, folder: Path) -> None:
    for name in _journals(layout):
        journal = folder / name
        try:
            state, entries = _read_journal(layout, journal)
        except (OSError, ValueError, KeyError, TypeError):
            state, entries = PREPARED, []  # unreadable: never committed (written atomically)
        for target, temp in entries:
            _replay_one(state == COMMITTED, temp, target)
        _sync_parents([target for target, _ in entries])
        journal.unlink(missing_ok=True)
    for stale in _leftovers(folder):
        stale.unlink(missing_ok=True)


def _replay_one(committed: bool, temp: Path | None, target: Path) -> None:
    """Finish a committed entry (a file to delete has no temporary), or undo one."""
    if committed and (temp is None or temp.exists()):
        _settle(temp, target)
    elif not committed and temp is not None:
        temp.unlink(missing_ok=True)


def _commit(layout: Layout, staged: dict[Path, bytes | None]) -> None:
    step = _Steps()
    ident = f"{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{secrets.token_hex(4)}"
    journal = _journal_folder(layout) / f"{ident}.json"
    entries: list[Entry] = [
        (path, None if staged[path] is None else path.parent / f".{path.name}.{ident}.tmp")
        for path in sorted(staged)
    ]
    _write_journal(layout, journal, PREPARED, entries)
    step()
    temporaries = [(path, temp) for path, temp in entries if temp is not None]
    try:
        for path, temp in temporaries:
            _write_temporary(temp, staged[path] or b"", mode_for(path))
            step()
        _sync_parents([temp for _, temp in temporaries])
        _write_journal(layout, journal, COMMITTED, entries)
    except BaseException:
        for _, temp in temporaries:
            with contextlib.suppress(OSError):
                temp.unlink()
        with contextlib.suppress(OSError):
            journal.unlink()
        raise
    step()
    _finish(journal, entries, step)


def _finish(journal: Path, entries: list[Entry], step: _Steps) -> None:
    """Rename each temporary file, delete each file to delete; on failure the journal stays."""
    try:
        for path, temp in entries:
            _settle(temp, path)
            step()
    except FileAccessError as error:
        raise FileAccessError(
            error.message,
            f"{error.hint} ; la prochaine commande utilsoc terminera l'écriture commencée",
        ) from None
    _sync_parents([path for path, _ in entries])
    journal.unlink()
    step()


def _settle(temp: Path | None, target: Path) -> None:
    """Put the temporary file in place of `target`; with none, delete `target`."""
    try:
        if temp is None:
            target.unlink(missing_ok=True)
        else:
            replace_retrying(temp, target)
    except OSError as error:
        raise FileAccessError(
            f"écriture impossible de {display_path(target)} : {error.strerror}",
            "vérifiez les droits du dossier",
        ) from None


def _write_temporary(temp: Path, data: bytes, mode: int) -> None:
    temp.parent.mkdir(parents=True, exist_ok=True)
    try:
        with temp.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(mode)
    except OSError as error:
        raise FileAccessError(
            f"écriture impossible de {display_path(temp)} : {error.strerror}",
            "vérifiez la place disque et les droits du dossier",
        ) from None


def _write_journal(layout: Layout, journal: Path, state: str, entries: list[Entry]) -> None:
    files = [
        {"cible": _relative(layout, path), "temporaire": temp and _relative(layout, temp)}
        for path, temp in entries
    ]
    write_atomic(journal, json.dumps({"etat": state, "fichiers": files}, ensure_ascii=False))


def _read_journal(layout: Layout, journal: Path) -> tuple[str, list[Entry]]:
    data = json.loads(journal.read_text("utf-8"))
    entries = [
        (_inside(layout, item["cible"]), item["temporaire"] and _inside(layout, item["temporaire"]))
        for item in data["fichiers"]
    ]
    return str(data["etat"]), entries


def _relative(layout: Layout, path: Path) -> str:
    try:
        return path.absolute().relative_to(layout.root.absolute()).as_posix()
    except ValueError:
        raise ValueError(f"{path} est hors du dossier {layout.root}") from None


def _inside(layout: Layout, relative: str) -> Path:
    """A journal's path, refused unless it stays inside the folder (a journal is data)."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts:
        raise ValueError(relative)
    return layout.root.joinpath(*parts)


def _journal_folder(layout: Layout) -> Path:
    return layout.root / CACHE_FOLDER / JOURNAL_FOLDER


def _journals(layout: Layout) -> list[str]:
    try:
        names = [entry.name for entry in _journal_folder(layout).iterdir()]
    except OSError:
        return []
    return sorted(n for n in names if n.endswith(".json") and not n.startswith("."))


def _leftovers(folder: Path) -> list[Path]:
    """Temporary files of a journal whose own atomic write was interrupted."""
    try:
        return [path for path in folder.iterdir() if path.name.startswith(".")]
    except OSError:
        return []


def _sync_parents(paths: list[Path]) -> None:
    for folder in sorted({path.parent for path in paths}):
        with contextlib.suppress(FileNotFoundError):
            sync_folder(folder)


class _Steps:
    """Counts commit steps; exits at step N when the test variable asks for it."""

    def __init__(self) -> None:
        self.count = 0
        self.stop = int(os.environ.get(CRASH_ENV) or 0)

    def __call__(self) -> None:
        self.count += 1
        if self.count == self.stop:
            os._exit(CRASH_EXIT)
