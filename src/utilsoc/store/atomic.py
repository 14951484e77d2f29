"""Atomic writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

from utilsoc.errors import FileAccessError

_SHARING_ERRORS = {5, 32, 33}  # Windows: access denied, sharing and lock violations
_RETRY_SECONDS = 2.5


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8, lines as given) through a temporary file.

    Why: a crash, Ctrl-C or full disk mid-write must leave the old file intact. The
    temporary file lives in the same folder so `os.replace` stays atomic.

    Raises:
        FileAccessError: the file cannot be written, or stays locked by another program.
    """
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` through a temporary file; see `write_atomic`."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(mode_for(path))
        replace_retrying(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise FileAccessError(
                f"écriture impossible de {path} : {error.strerror}",
                "vérifiez la place disque et les droits du dossier",
            ) from None
        raise
    sync_folder(folder)


def mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the user's default ones."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def replace_retrying(temp: Path, path: Path) -> None:
    """`os.replace`, retried for ~2.5 s while Windows reports the target in use.

    Raises:
        FileAccessError: the target stays locked by another program.
        OSError: any other failure.
    """
    deadline = time.monotonic() + _RETRY_SECONDS
    while True:
        try:
            temp.replace(path)
            return
        except PermissionError as error:
            windows_lock = getattr(error, "winerror", None) in _SHARING_ERRORS
            if not windows_lock or time.monotonic() > deadline:
                if windows_lock:
                    raise FileAccessError(
                        f"{path.name} est ouvert dans un autre programme",
                        "fermez le fichier dans Excel ou l'éditeur, puis recommencez",
                    ) from None
                raise
            time.sleep(0.1)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no folder fsync)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
