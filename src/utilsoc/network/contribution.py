"""One member's contribution to the network: read in a worker, kept while unchanged.

A member's folder is read exactly as its own commands read it (`folder.load_folder`), its
`commun:` links checked, and what the network needs of it computed there: each linked
common indicator's share over the period, its parts by common dimension, the evidence it
shares. The result is small, so members are read in parallel worker processes, and kept
in the network's `.utilsoc-cache/` under the member folder's digest: an unchanged member
is not read again.
"""

from __future__ import annotations

import hashlib
import pickle
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from utilsoc.compute.points import Point
from utilsoc.errors import Issue
from utilsoc.model.periods import Period
from utilsoc.model.referentiel import Dimension, Indicateur

if TYPE_CHECKING:
    from utilsoc.folder import Folder
    from utilsoc.network.evidence import Shared
    from utilsoc.network.totals import Share

_VERSION = "1"  # bump when Contribution or its computation changes


@dataclass(frozen=True)
class Common:
    """What every member is read against: the common référentiel and the period."""

    indicators: dict[str, Indicateur]
    dimensions: list[Dimension]
    period: Period

    def key(self) -> bytes:
        """A hash of it, for the cache: a change of the common référentiel recomputes all."""
        data = [
            [i.model_dump(mode="json") for i in self.indicators.values()],
            [d.model_dump(mode="json") for d in self.dimensions],
            self.period.name,
            _VERSION,
        ]
        return hashlib.blake2b(repr(data).encode(), digest_size=16).digest()


@dataclass
class Contribution:
    """What the network keeps of one member."""

    errors: int = 0  # errors in the member's own folder (then it is left out)
    issues: list[Issue] = field(default_factory=list)  # its errors and its links' problems
    shares: dict[str, Share] = field(default_factory=dict)  # by common code
    parts: dict[str, dict[str, dict[str, Point]]] = field(default_factory=dict)
    evidence: list[Shared] = field(default_factory=list)


def contribute(root: Path, code: str, name: str, common: Common) -> Contribution:
    """Read one member's folder and compute its contribution."""
    from utilsoc.folder import load_folder
    from utilsoc.project import Layout

    folder = load_folder(Layout(root))
    errors = folder.outcome.errors
    if errors:
        return Contribution(errors=len(errors), issues=list(errors))
    return _computed(folder, code, name, common)


def _computed(folder: Folder, code: str, name: str, common: Common) -> Contribution:
    from utilsoc.network.evidence import member_evidence
    from utilsoc.network.mapping import link_issues, links_of
    from utilsoc.network.territory import member_parts
    from utilsoc.network.totals import member_series, member_share

    project = folder.project
    assert project.referentiel is not None
    contribution = Contribution(issues=link_issues(project, common.indicators))
    series = member_series(folder)
    dimensions = [d.code for d in common.dimensions]
    for common_code, own in sorted(links_of(project.referentiel).items()):
        indicator = common.indicators.get(common_code)
        if indicator is None:
            continue
        share = member_share(code, indicator, own, series, common.period)
        contribution.shares[common_code] = share
        if share.point.number is not None:
            contribution.parts[common_code] = member_parts(
                indicator, own, series, common.period, dimensions
            )
    contribution.evidence = member_evidence(name, folder.measures.evidence, common.period)
    return contribution


def cached(cache: Path, code: str, digest: str, common: Common) -> Contribution | None:
    """The member's kept contribution, if its folder and the common référentiel are as then."""
    try:
        key, contribution = pickle.loads((cache / f"{code}.pickle").read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    return contribution if key == _key(digest, common) else None


def keep(cache: Path, code: str, digest: str, common: Common, contribution: Contribution) -> None:
    """Keep the contribution for the next run (a cache: losing it costs only time)."""
    import os

    target = cache / f"{code}.pickle"
    temporary = cache / f".{code}.{os.getpid()}.tmp"
    try:
        cache.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(
            pickle.dumps((_key(digest, common), contribution), pickle.HIGHEST_PROTOCOL)
        )
        temporary.replace(target)  # no fsync: a cache lost in a crash is rebuilt
    except OSError:
        with suppress(OSError):
            temporary.unlink()


def _key(digest: str, common: Common) -> bytes:
    return digest.encode() + common.key()
