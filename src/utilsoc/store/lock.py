"""One lock for every writer of an association's folder, naming who holds it.

Why one lock for the folder rather than one per file: a write may span several files
(an import, a guided session), and the check "is this value already recorded?" reads
every contributor's file of the period. Both must happen while nobody else writes.
Writes are rare and short, so writers queue without anyone noticing.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from utilsoc.errors import FileAccessError
from utilsoc.project import Layout, display_path
from utilsoc.store.cache import CACHE_FOLDER

LOCK_TIMEOUT = 10.0
LOCK_NAME = "ecriture.lock"
HOLDER_NAME = "ecriture.qui.json"


def lock_path(layout: Layout) -> Path:
    """The lock file, in `.utilsoc-cache/` (ignored by git)."""
    return layout.root / CACHE_FOLDER / LOCK_NAME


@contextmanager
def writer_lock(layout: Layout, target: str) -> Iterator[None]:
    """Hold the folder's write lock; `target` names what is being written, for messages.

    Raises:
        FileAccessError: another process holds the lock for more than LOCK_TIMEOUT s,
            or the lock file cannot be created.
    """
    from filelock import FileLock, Timeout

    path = lock_path(layout)
    lock = FileLock(path, timeout=LOCK_TIMEOUT)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout:  # before OSError: a filelock Timeout is a TimeoutError
        raise FileAccessError(
            f"{target} : écriture impossible, le dossier est en cours d'écriture par "
            f"{describe_holder(layout)}",
            f"attendez la fin de cette commande, puis recommencez (verrou : {display_path(path)})",
        ) from None
    except OSError as error:
        raise FileAccessError(
            f"{target} : écriture impossible, verrou {display_path(path)} inaccessible : "
            f"{error.strerror}",
            "vérifiez les droits d'écriture sur le dossier de l'association",
        ) from None
    try:
        _write_holder(layout)
        yield
    finally:
        with suppress(OSError):
            (path.parent / HOLDER_NAME).unlink()
        lock.release()


def describe_holder(layout: Layout) -> str:
    """Who holds the lock, as written by the holder: process, user, computer, since when."""
    try:
        holder = json.loads((layout.root / CACHE_FOLDER / HOLDER_NAME).read_text("utf-8"))
        return (
            f"le processus {int(holder['pid'])} ({holder['utilisateur']} sur "
            f"{holder['machine']}, depuis {holder['depuis']})"
        )
    except (OSError, ValueError, KeyError, TypeError):
        return "une autre commande utilsoc"


def _write_holder(layout: Layout) -> None:
    """Say who holds the lock, beside it; best effort (the lock works without it)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "?"
    holder = {
        "pid": os.getpid(),
        "utilisateur": user,
        "machine": socket.gethostname(),
        "depuis": dt.datetime.now().strftime("%H:%M:%S"),
    }
    with suppress(OSError):
        (layout.root / CACHE_FOLDER / HOLDER_NAME).write_text(json.dumps(holder), "utf-8")
