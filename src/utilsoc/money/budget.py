"""A budget's figures: each line planned against actual, the totals, the balance, the gaps.

The lines are those of the Cerfa n° 15059*02 tableau de synthèse. Volunteer time is valued
at the declared hourly rate, from the hours an indicator recorded over the budget's period,
and appears on both sides, as 864 (personnel bénévole) and 870 (bénévolat). Facts only,
unrounded: the report writes the euros.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from utilsoc.langue import N_
from utilsoc.model.money import Budget, Ligne

# The Cerfa's words, marked for the English catalogue (translated by the reports).
ACCOUNTS = {
    60: N_("Achats"),
    61: N_("Services extérieurs"),
    62: N_("Autres services extérieurs"),
    63: N_("Impôts et taxes"),
    64: N_("Charges de personnel"),
    65: N_("Autres charges de gestion courante"),
    66: N_("Charges financières"),
    67: N_("Charges exceptionnelles"),
    68: N_("Dotations aux amortissements, provisions et engagements"),
    70: N_("Ventes de produits finis, prestations de services, marchandises"),
    71: N_("Production stockée"),
    72: N_("Production immobilisée"),
    73: N_("Dotations et produits de tarification"),
    74: N_("Subventions d'exploitation"),
    75: N_("Autres produits de gestion courante (cotisations, dons, mécénat)"),
    76: N_("Produits financiers"),
    77: N_("Produits exceptionnels"),
    78: N_("Reprises sur amortissements et provisions"),
    86: N_("Emplois des contributions volontaires en nature"),
    87: N_("Contributions volontaires en nature"),
}
SECTIONS = {"charges": range(60, 69), "produits": range(70, 79), "contributions": (86, 87)}
VOLUNTEERING_USE = N_("Personnel bénévole")  # 864
VOLUNTEERING = N_("Bénévolat")  # 870


@dataclass(frozen=True)
class Line:
    """One line: planned, actual, and the gap between them."""

    section: str
    account: int
    label: str
    funder: str | None
    planned: float
    actual: float | None
    explanation: str | None
    threshold: float

    @property
    def gap(self) -> float | None:
        """Actual − planned, in euros (None while the actual is unknown)."""
        return None if self.actual is None else self.actual - self.planned

    @property
    def gap_share(self) -> float | None:
        """The gap as a share of the planned amount (None without a planned amount)."""
        gap = self.gap
        return None if gap is None or not self.planned else gap / self.planned

    @property
    def significant(self) -> bool:
        """Beyond the declared threshold (a line not planned but spent always is)."""
        gap, share = self.gap, self.gap_share
        if gap is None or abs(gap) < 0.005:
            return False
        return share is None or abs(share) > self.threshold

    @property
    def unexplained(self) -> bool:
        """A significant gap nobody explained: `--final` refuses it."""
        return self.significant and not (self.explanation or "").strip()


@dataclass
class Figures:
    """The whole budget, as numbers."""

    code: str
    lines: list[Line] = field(default_factory=list)
    volunteer_hours: float | None = None
    volunteer_rate: float | None = None

    def section(self, name: str) -> list[Line]:
        """The lines of `charges`, `produits` or `contributions`."""
        return [line for line in self.lines if line.section == name]

    def total(self, name: str, actual: bool = False) -> float | None:
        """A section's total, planned or actual (None while an actual is unknown)."""
        amounts = [line.actual if actual else line.planned for line in self.section(name)]
        return None if any(a is None for a in amounts) else sum(a or 0.0 for a in amounts)

    def in_kind(self, account: int, actual: bool = False) -> float | None:
        """The total of account 86 or 87, planned or actual."""
        amounts = [
            line.actual if actual else line.planned
            for line in self.section("contributions")
            if line.account == account
        ]
        return None if any(a is None for a in amounts) else sum(a or 0.0 for a in amounts)

    def imbalance(self, actual: bool = False) -> float | None:
        """Charges + 86 − produits − 87: zero when the budget balances."""
        parts = [
            self.total("charges", actual),
            self.in_kind(86, actual),
            self.total("produits", actual),
            self.in_kind(87, actual),
        ]
        if any(p is None for p in parts):
            return None
        charges, uses, products, contributions = (p or 0.0 for p in parts)
        return charges + uses - products - contributions

    @property
    def unexplained(self) -> list[Line]:
        """Significant gaps without an explanation."""
        return [line for line in self.lines if line.unexplained]


def budget_figures(code: str, budget: Budget, volunteer_hours: float | None = None) -> Figures:
    """The figures of `budget`, volunteer time valued from `volunteer_hours` when given."""
    figures = Figures(code)
    for section in ("charges", "produits", "contributions"):
        for line in getattr(budget, section):
            figures.lines.append(_line(section, line, budget.seuil_ecart))
    if budget.benevolat is not None:
        rate = budget.benevolat.taux_horaire
        planned = (budget.benevolat.heures_prevues or 0.0) * rate
        actual = None if volunteer_hours is None else volunteer_hours * rate
        why = budget.benevolat.explication
        for account, label in ((86, VOLUNTEERING_USE), (87, VOLUNTEERING)):
            figures.lines.append(
                Line(
                    "contributions", account, label, None, planned, actual, why, budget.seuil_ecart
                )
            )
        figures.volunteer_hours, figures.volunteer_rate = volunteer_hours, rate
    return figures


def _line(section: str, line: Ligne, threshold: float) -> Line:
    label = line.libelle or ACCOUNTS.get(line.compte, str(line.compte))
    return Line(
        section,
        line.compte,
        label,
        line.financeur,
        line.prevu,
        line.realise,
        line.explication,
        threshold,
    )
