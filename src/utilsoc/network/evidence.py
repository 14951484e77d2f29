"""What of the members' qualitative evidence may reach the network's documents.

Associations keep ownership of their data (seed 004): a verbatim or a notable fact goes to
the network only when the member marked it `diffusion: réseau`, and a verbatim only with
the person's consent and without a full name. Anything marked `interne` never does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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


def shared_evidence(network: Network, period: Period) -> list[Shared]:
    """The shareable verbatims and notable facts of the included members, over `period`."""
    found: list[Shared] = []
    for member in network.included():
        assert member.folder is not None
        evidence = member.folder.measures.evidence
        for quote in evidence.get("temoignages", []):
            if _quotable(quote) and quote.periode.overlaps(period):
                found.append(_verbatim(member.entry.nom, quote))
        for fact in evidence.get("faits_marquants", []):
            if fact.diffusion is Diffusion.RESEAU and fact.periode.overlaps(period):
                found.append(_fact(member.entry.nom, fact))
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
