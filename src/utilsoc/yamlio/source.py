"""A file's bytes, read only when it is a regular file and not too big.

Why: a FIFO left in a folder makes a plain `read_bytes()` wait forever, and a link to
`/dev/zero` fills the memory. Every data file (référentiel, measurements, mappings,
spreadsheets) is read here: its kind is checked before it is opened, and again on the open
descriptor, and no more than the size limit plus one byte is ever read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from utilsoc.codes import Code
from utilsoc.errors import DataErrors, FileAccessError, Issue, UsageError

MAX_BYTES = 20 * 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KINDS = (
    (stat.S_ISDIR, "un dossier"),
    (stat.S_ISFIFO, "un tube nommé (FIFO)"),
    (stat.S_ISCHR, "un périphérique"),
    (stat.S_ISBLK, "un périphérique"),
    (stat.S_ISSOCK, "une socket"),
)


def read_regular(path: Path, display: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of `path`, a regular file (or a link to one) of at most `max_bytes`.

    Raises:
        UsageError: the path does not exist.
        DataErrors: not a regular file (FIFO, device, socket, folder, broken or looping
            link), or too big; the issue is located at 1:1 of the file.
        FileAccessError: the file exists but cannot be read (permissions...).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise _special(path, display, "un lien symbolique cassé") from None
        raise UsageError(f"fichier introuvable : {display}") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _special(path, display, "un lien symbolique qui tourne en boucle") from None
        raise _access(display, error) from None
    _check_kind(path, display, info.st_mode)
    _check_size(display, info.st_size, max_bytes)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _access(display, error) from None
    with os.fdopen(descriptor, "rb") as stream:
        # Checked again on what was opened: the path may have changed since the stat.
        _check_kind(path, display, os.fstat(descriptor).st_mode)
        try:
            raw = stream.read(max_bytes + 1)
        except OSError as error:
            raise _access(display, error) from None
    _check_size(display, len(raw), max_bytes)
    return raw


def _check_kind(path: Path, display: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "un fichier spécial")
    if path.is_symlink():
        kind = f"un lien vers {path.resolve()}, {kind}"
    raise _special(path, display, kind)


def _special(path: Path, display: str, kind: str) -> DataErrors:
    return DataErrors(
        [
            Issue(
                display,
                1,
                1,
                Code.FICHIER_SPECIAL,
                f"{path.name} n'est pas un fichier ordinaire : c'est {kind}",
                "remplacez-le par un vrai fichier (ou supprimez-le) : utilsoc ne lit que "
                "des fichiers ordinaires",
            )
        ]
    )


def _check_size(display: str, size: int, max_bytes: int) -> None:
    if size <= max_bytes:
        return
    megabytes = f"{size // 10**6} Mo" if size >= 10**6 else f"{size} octets"
    limit = f"{max_bytes // 10**6} Mo" if max_bytes >= 10**6 else f"{max_bytes} octets"
    raise DataErrors(
        [
            Issue(
                display,
                1,
                1,
                Code.FICHIER_TROP_GROS,
                f"fichier trop gros ({megabytes}, limite {limit})",
                "découpez-le en plusieurs fichiers (par période ou par contributeur)",
            )
        ]
    )


def _access(display: str, error: OSError) -> FileAccessError:
    if isinstance(error, PermissionError):
        return FileAccessError(f"lecture interdite : {display}", "vérifiez les droits du fichier")
    return FileAccessError(f"lecture impossible de {display} : {error.strerror}")
