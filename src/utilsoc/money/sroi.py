"""The SROI computation, as the guide writes it (Social Value UK / Cabinet Office, 2012).

Per outcome: impact = quantity × proxy × (1 − deadweight) × (1 − displacement) ×
(1 − attribution); the value in year 1 is the impact, each later year the previous one ×
(1 − drop-off); present value = Σ value_n / (1 + r)^n for n = 1 … duration. In total:
NPV = PV − investment; ratio = PV / investment; net ratio = NPV / investment; payback =
investment ÷ (year-1 impact / 12) months. Nothing is rounded here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from utilsoc.errors import UserError


@dataclass(frozen=True)
class Assumptions:
    """What one outcome's value rests on (percentages as fractions: 25 % is 0.25)."""

    code: str
    quantity: float
    proxy: float
    duration: int
    deadweight: float = 0.0
    displacement: float = 0.0
    attribution: float = 0.0
    drop_off: float = 0.0
    public_cost: bool = False  # the proxy is a public cost avoided

    def varied(self, name: str, value: float) -> Assumptions:
        """The same assumptions with one changed (`duration` rounded to whole years)."""
        if name == "duration":
            return replace(self, duration=max(1, round(value)))
        changed: dict[str, float] = {name: value}
        return replace(self, **changed)  # type: ignore[arg-type]


@dataclass(frozen=True)
class OutcomeValue:
    """One outcome's impact, its value year by year, and their present value."""

    code: str
    impact: float
    values: tuple[float, ...]
    present_values: tuple[float, ...]
    public_cost: bool

    @property
    def present_value(self) -> float:
        """Σ of the discounted yearly values."""
        return sum(self.present_values)


@dataclass(frozen=True)
class Sroi:
    """The whole computation: each outcome, the totals and the ratios."""

    outcomes: tuple[OutcomeValue, ...]
    investment: float
    rate: float

    @property
    def present_value(self) -> float:
        """Total present value of all outcomes."""
        return sum(o.present_value for o in self.outcomes)

    @property
    def net_present_value(self) -> float:
        """Present value less the investment."""
        return self.present_value - self.investment

    @property
    def ratio(self) -> float:
        """Present value per euro invested (the SROI ratio, « 3,2 : 1 »)."""
        return self.present_value / self.investment

    @property
    def net_ratio(self) -> float:
        """Net present value per euro invested."""
        return self.net_present_value / self.investment

    @property
    def annual_impact(self) -> float:
        """The year-1 impact of all outcomes, undiscounted."""
        return sum(o.impact for o in self.outcomes)

    @property
    def payback_months(self) -> float | None:
        """Months of year-1 impact it takes to repay the investment (None without impact)."""
        return None if self.annual_impact <= 0 else self.investment / (self.annual_impact / 12)

    @property
    def public_costs_avoided(self) -> float:
        """Present value of the outcomes whose proxy is a public cost avoided."""
        return sum(o.present_value for o in self.outcomes if o.public_cost)


def outcome_value(assumptions: Assumptions, rate: float) -> OutcomeValue:
    """One outcome's impact, yearly values and present values."""
    a = assumptions
    impact = a.quantity * a.proxy * (1 - a.deadweight) * (1 - a.displacement) * (1 - a.attribution)
    values = [impact]
    for _ in range(a.duration - 1):
        values.append(values[-1] * (1 - a.drop_off))
    present = tuple(value / (1 + rate) ** year for year, value in enumerate(values, start=1))
    return OutcomeValue(a.code, impact, tuple(values), present, a.public_cost)


def compute_sroi(outcomes: list[Assumptions], investment: float, rate: float) -> Sroi:
    """The SROI of `outcomes` for `investment` euros at discount `rate`.

    Raises:
        UserError: no investment (a ratio per euro of nothing has no meaning).
    """
    if investment <= 0:
        raise UserError(
            "investissement nul : le ratio de valeur sociale se rapporte aux euros investis",
            "donnez le budget réalisé (budget:) ou le montant investi (investissement:)",
        )
    return Sroi(tuple(outcome_value(a, rate) for a in outcomes), investment, rate)
