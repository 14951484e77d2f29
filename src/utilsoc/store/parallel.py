"""Reading many measurement files at once: worker processes, one per core.

Why processes: parsing and checking a million values is pure Python, so threads would
take turns; processes use every core. Only worth it for a large folder: starting the
workers and sending the values back have a cost that a small association's folder, or a
folder whose files are in the cache (then only loaded and checked), would pay for nothing.

Spawn-safe: the workers run module-level functions on picklable arguments, so the same
code runs on Windows and macOS, where each worker starts a fresh interpreter.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from utilsoc.errors import ExitCode, UtilsocError

T = TypeVar("T")
R = TypeVar("R")

# Processor time of reading and checking here, per megabyte of measurement files: a file
# not in the cache is parsed; one in it is loaded, and its values still checked. Workers
# add a fifth to this work (sending the values back) and a fixed cost: a forked worker
# starts in a few hundredths of a second, a spawned one imports pydantic and the models
# (about a quarter of a second each). On an idle two-core machine, workers win from about
# 0.12 s of work forked, 0.7 s spawned (measured with folders of 8 files of 0.03 to 1 MB);
# the thresholds keep a margin, as a loaded machine gives the workers less than a core.
SECONDS_PER_MB_UNCACHED = 0.11
SECONDS_PER_MB_CACHED = 0.06
MIN_WORK_FORK = 0.25  # seconds of work: 2.3 MB not in the cache, or 4 MB in it
MIN_WORK_SPAWN = 1.0  # seconds (Windows, macOS)
MIN_FILES = 4


class WorkerLost(UtilsocError):
    """A worker process ended without an answer (killed, out of memory)."""

    exit_code = ExitCode.BUG


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cycle collection inside: for reading many records, which makes no cycles.

    Why: each record is a tuple the collector tracks; while a million of them pile up, it
    scans them again and again, for nothing (a fifth of the time of a cold `validate`).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


# Records from which a folder's objects are frozen out of the collector (see `settle`).
SETTLED_FROM = 100_000


def settle(records: int) -> None:
    """Leave what a large folder's reading made out of every later collection.

    Why: the records live until the command ends and hold no cycles; left tracked, each
    older-generation collection the computing then triggers scans the million of them
    again (half a second of a federation's `status`). Small folders are left alone, so
    that a long-lived process (the tests) keeps collecting them.
    """
    if records >= SETTLED_FROM:
        gc.freeze()


def start_method() -> str:
    """Fork where it is safe (Linux, no other thread running); spawn otherwise.

    Why: a forked worker inherits the imported models and starts in milliseconds; on
    Windows and macOS, spawn is the only safe method, and so it is on Linux while another
    thread runs (`report`'s drawing processes are managed by one): a fork copies its locks
    in whatever state they are.
    """
    import threading

    alone = threading.active_count() == 1
    return "fork" if sys.platform.startswith("linux") and alone else "spawn"


def plan(files: Sequence[Path], cache: Path, method: str | None = None) -> list[bool] | None:
    """Which files to read in workers; None when reading them all here is faster.

    The work is estimated from sizes and dates only (no file is read): a file is likely
    cached when its cache entry was written after its last change, and then costs a third
    of the time. A wrong guess costs time only: whoever reads a file checks the cache by
    the hash of its bytes. When the work pays for the workers, every file goes to them
    (this process only gathers), except one that cannot even be looked at: read here, it
    raises its error in its turn, as it always does.
    """
    if cores() < 2 or len(files) < MIN_FILES:
        return None
    from utilsoc.store.filecache import cache_prefix, entry_dates

    written = entry_dates(cache)
    remote, work = [], 0.0
    for path in files:
        try:
            info = path.stat()
        except OSError:
            remote.append(False)
            continue
        cached = written.get(cache_prefix(path), -1) >= info.st_mtime_ns
        rate = SECONDS_PER_MB_CACHED if cached else SECONDS_PER_MB_UNCACHED
        work += info.st_size / 2**20 * rate
        remote.append(True)
    fork = (method or start_method()) == "fork"
    if work < (MIN_WORK_FORK if fork else MIN_WORK_SPAWN):
        return None
    return remote


class Workers:
    """A pool of worker processes, ended with the context (on Ctrl-C and errors too).

    A worker that dies breaks the pool instead of hanging it (as `multiprocessing.Pool`
    would): the next result raises `WorkerLost`, in French.
    """

    def __init__(
        self, count: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
    ) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.count = count
        self.processes: dict[int, Any] = {}
        self.pool: Any = ProcessPoolExecutor(
            count,
            mp_context=multiprocessing.get_context(start_method()),
            initializer=_initialize,
            initargs=(initializer, initargs),
        )

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def in_order(
        self,
        items: Sequence[T],
        remote: Sequence[bool],
        here: Callable[[T], R],
        there: Callable[[T], Any],
        received: Callable[[Any], R],
    ) -> Iterator[R]:
        """Each item's result, in order: `there(item)` in a worker, or `here(item)` here.

        Args:
            items: what to work on.
            remote: for each item, True to send it to a worker.
            here: the local function.
            there: a module-level function (workers import it by name) returning a
                picklable answer, which `received` turns into the result.
            received: turns a worker's answer into the result.

        Raises:
            WorkerLost: a worker ended without answering.
        """
        waiting: deque[Any] = deque()
        sent = (item for item, far in zip(items, remote, strict=True) if far)
        ahead = 2 * self.count + 2  # answers do not pile up when this process is slower
        for item, far in zip(items, remote, strict=True):
            while len(waiting) < ahead and (following := next(sent, None)) is not None:
                with _answered():
                    waiting.append(self.pool.submit(there, following))
                # Known here too: a broken pool forgets its processes before they are ended.
                self.processes.update(getattr(self.pool, "_processes", None) or {})
            if not far:
                yield here(item)
                continue
            with _answered():
                answer = waiting.popleft().result()
            yield received(answer)

    def close(self) -> None:
        """End the processes now, whatever they are doing (as `report`'s drawing processes)."""
        if self.pool is None:
            return
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            process.join(1)
        self.pool = None


@contextmanager
def _answered() -> Iterator[None]:
    """A pool broken by a worker's death (before or while it answered): `WorkerLost`."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        yield
    except BrokenProcessPool:
        raise WorkerLost(
            "un processus de lecture des mesures s'est arrêté sans répondre "
            "(mémoire insuffisante, ou arrêté par un autre programme)",
            "relancez la commande ; si cela se reproduit, fermez d'autres programmes",
        ) from None


def _initialize(initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    """In each worker: leave Ctrl-C to the main process (which ends the workers), then set up.

    Why: Ctrl-C reaches every process of the terminal; a worker interrupted on its own
    would print a traceback, and the main process already stops everything.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # What a forked worker inherits is never garbage it could collect: set aside, it is not
    # scanned (nor copied, page by page, by the scan). Each task pauses the collector again.
    gc.freeze()
    gc.enable()
    initializer(*initargs)
