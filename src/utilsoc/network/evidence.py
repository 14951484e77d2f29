"""What of the members' qualitative evidence may reach the network's documents.

Associations keep ownership of their data (seed 004): a verbatim or a notable fact goes to
the network only when the member marked it `diffusion: réseau`, and a verbatim only with
the person's consent and without a full name. Anything marked `interne` never does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from utilsoc.model.base import Diffusion
from utilsoc.model.periods import Period

if TYPE_CHECKING:
    from utilsoc.model.mesures import FaitMarquant, Temoignage
    from utilsoc.network.load import Network


@dataclass(frozen=True)
class Shared:
    """One piece of evidence the network may quote."""

    member: str  # the association's name
    kind: str  # "verbatim" or "fait"
    period: Period
    text: str
    title: str | None = None  # a notable fact's title
    speaker: str | None = None  # a verbatim's pseudonym and role: « Inès, bénéficiaire »


def member_evidence(name: str, evidence: dict[str, list[Any]], period: Period) -> list[Shared]:
    """One member's shareable verbatims and notable facts over `period`."""
    found = [
        _verbatim(name, quote)
        for quote in evidence.get("temoignages", [])
        if _quotable(quote) and quote.periode.overlaps(period)
    ]
    found += [
        _fact(name, fact)
        for fact in evidence.get("faits_marquants", [])
        if fact.diffusion is Diffusion.RESEAU and fact.periode.overlaps(period)
    ]
    return found


def shared_evidence(network: Network) -> list[Shared]:
    """The shareable evidence of the included members, in time order."""
    found = [s for m in network.included() if m.contribution for s in m.contribution.evidence]
    return sorted(found, key=lambda s: (s.period.start, s.member, s.kind))


def _quotable(quote: Temoignage) -> bool:
    """Marked for the network, consented, and naming nobody in full."""
    return quote.diffusion is Diffusion.RESEAU and quote.consentement and not quote.nom_complet


def _verbatim(member: str, quote: Temoignage) -> Shared:
    role = quote.role.value
    speaker = f"{quote.pseudonyme}, {role}" if quote.pseudonyme else role
    return Shared(member, "verbatim", quote.periode, quote.texte, speaker=speaker)


def _fact(member: str, fact: FaitMarquant) -> Shared:
    return Shared(member, "fait", fact.periode, fact.recit, title=fact.titre)
