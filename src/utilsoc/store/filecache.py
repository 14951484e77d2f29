"""Each measurement file's validated content, kept in `.utilsoc-cache/mesures/`.

One entry per file (named by a hash of its path), holding the hash of the bytes it was
read from: an entry is used only for exactly those bytes, so the cache can never be
trusted over the file it came from. Values are kept column by column (`wire.pack`), so
that writing and loading a file's ten thousand values costs a few C loops.

Why no fsync per entry: a cache is rebuilt when lost. Each entry carries a hash of its
own bytes, so one half-written by a crash is ignored; `sync` makes a batch of entries
durable with one call.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

from utilsoc.model.mesures import FichierMesures, Mesure, Remplacement
from utilsoc.store.cache import CACHE_VERSION
from utilsoc.store.fastread import parse_day, parse_period
from utilsoc.store.wire import Column, Packed, pack, unpack

CHECK_BYTES = 16  # bytes of the hash of an entry's own content, at its start
_SUFFIX = ".marshal"


def entry_path(cache: Path, path: Path) -> Path:
    """The cache entry of a measurement file."""
    return cache / f"{cache_prefix(path)}{_SUFFIX}"


def cache_prefix(path: Path) -> str:
    """The name of a file's cache entry, without its suffix: a hash of its full path."""
    return hashlib.blake2b(str(path.resolve()).encode(), digest_size=8).hexdigest()


def content_hash(raw: bytes) -> str:
    """The hash of a file's bytes that its entry must hold to be used."""
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


# The values, other records, record lines, and the values packed (`wire.pack`).
Entry = tuple[list[Mesure], FichierMesures, dict[str, list[int]], Packed]


def store_entry(
    entry: Path,
    digest: str,
    values: list[Mesure],
    preuves: FichierMesures,
    lines: dict[str, list[int]],
) -> Packed:
    """Keep a file's values, other records and record lines (silently skipped on failure).

    Returns the values packed (`wire.pack`), which a worker process sends as they are.
    """
    packed = pack(values)
    count, columns = packed
    kept = tuple(map(_to_disk, columns, _FIELDS))
    others = preuves.model_dump(mode="json", by_alias=True)
    body = marshal.dumps((CACHE_VERSION, digest, count, kept, lines, others))
    with contextlib.suppress(OSError):  # a cache not written is only a slower next run
        _write(entry, hashlib.blake2b(body, digest_size=CHECK_BYTES).digest() + body)
    return packed


def load_entry(entry: Path, digest: str) -> Entry | None:
    """What `store_entry` kept for these exact bytes; None when missing, stale or damaged."""
    try:
        blob = entry.read_bytes()
    except OSError:
        return None
    body = blob[CHECK_BYTES:]
    if hashlib.blake2b(body, digest_size=CHECK_BYTES).digest() != blob[:CHECK_BYTES]:
        return None
    try:
        version, kept_digest, count, kept, lines, others = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    if version != CACHE_VERSION or kept_digest != digest:
        return None
    packed = (count, tuple(map(_from_disk, kept, _FIELDS)))
    return unpack(packed), FichierMesures.model_validate(others), lines, packed


def entry_dates(cache: Path) -> dict[str, int]:
    """When each file's entry was written, by the entry's name (see `cache_prefix`)."""
    try:
        with os.scandir(cache) as entries:
            return {
                entry.name[: -len(_SUFFIX)]: entry.stat().st_mtime_ns
                for entry in entries
                if entry.name.endswith(_SUFFIX)
            }
    except OSError:
        return {}


def sync(cache: Path) -> None:
    """Make the entries written so far durable: one call for a whole batch."""
    if sys.platform == "win32" or not cache.is_dir():
        return
    with contextlib.suppress(OSError):
        fd = os.open(cache, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write(entry: Path, data: bytes) -> None:
    """Replace the entry through a temporary file: a reader never sees half of one."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        temp.replace(entry)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _dimensions_back(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(items)


def _remplace_back(data: dict[str, Any] | None) -> Remplacement | None:
    return None if data is None else Remplacement.model_validate(data)


def _remplace_out(value: Remplacement | None) -> dict[str, Any] | None:
    return None if value is None else value.model_dump(mode="json")


def _same(value: Any) -> Any:
    return value


# How each field of `Mesure` is written (marshal knows str, float, tuple, dict) and read
# back; applied once per distinct value of a column, not once per record.
_FIELDS: tuple[tuple[Callable[[Any], Any], Callable[[Any], Any]], ...] = (
    (_same, _same),  # indicateur
    (lambda period: period.name, parse_period),
    (_same, _same),  # valeur
    (_same, _same),  # numerateur
    (_same, _same),  # denominateur
    (lambda dims: tuple(dims.items()), _dimensions_back),
    (_same, _same),  # note
    (_same, _same),  # auteur
    (lambda day: day.isoformat(), parse_day),
    (_remplace_out, _remplace_back),
    (_same, _same),  # cle_dimensions
)
assert len(_FIELDS) == len(Mesure._fields)


def _to_disk(column: Column, how: tuple[Callable[[Any], Any], Callable[[Any], Any]]) -> Column:
    out = how[0]
    if column[0] == "same":
        return ("same", out(column[1]))
    if column[0] == "table":
        table = {n: out(value) for n, value in column[1].items()}
        return ("table", table, column[2].typecode, column[2].tobytes())
    return ("raw", list(map(out, column[1])))


def _from_disk(column: Column, how: tuple[Callable[[Any], Any], Callable[[Any], Any]]) -> Column:
    back = how[1]
    if column[0] == "same":
        return ("same", back(column[1]))
    if column[0] == "table":
        index = array(column[2])
        index.frombytes(column[3])
        return ("table", {n: back(value) for n, value in column[1].items()}, index)
    return ("raw", list(map(back, column[1])))
