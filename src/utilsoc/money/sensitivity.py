"""How far the SROI ratio moves with each assumption, and where it falls to 1 : 1.

One assumption is changed at a time over its range (declared, or the documented default),
the others kept: the ratio at both ends gives a bar of the tornado chart, and the value at
which the ratio would be exactly 1 (the break-even point) says how much room the estimate
has. A seeded Monte-Carlo draw of every assumption at once gives the 5th to 95th
percentile of the ratio. The ratio is monotone in each assumption, so the break-even point
is found by bisection.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from utilsoc.money.sroi import Assumptions, compute_sroi

# Default ranges, when the value map declares none: percentages ± 20 points, proxies
# ± 30 %, quantities ± 20 %, durations from 1 year to 2 more, the discount rate 1 to 6 %.
PERCENT_SPREAD = 0.20
PROXY_SPREAD = 0.30
QUANTITY_SPREAD = 0.20
RATE_RANGE = (0.01, 0.06)
PARAMETERS = (
    "deadweight",
    "displacement",
    "attribution",
    "drop_off",
    "proxy",
    "quantity",
    "duration",
)
_PERCENTS = ("deadweight", "displacement", "attribution", "drop_off")
Ranges = dict[tuple[str, str], tuple[float, float]]  # (outcome code, parameter) → (low, high)


@dataclass(frozen=True)
class Swing:
    """One assumption varied over its range: the ratio at both ends, and its break-even."""

    outcome: str | None  # None for the discount rate
    parameter: str
    base: float
    low: float
    high: float
    ratio_low: float
    ratio_high: float
    break_even: float | None  # the value giving a ratio of 1, when it lies in its domain

    @property
    def width(self) -> float:
        """How much the ratio moves: the bars of a tornado chart are sorted by it."""
        return abs(self.ratio_high - self.ratio_low)


def default_range(name: str, base: float) -> tuple[float, float]:
    """The range an assumption is varied over when the value map declares none."""
    if name in _PERCENTS:
        return max(0.0, base - PERCENT_SPREAD), min(1.0, base + PERCENT_SPREAD)
    if name == "proxy":
        return base * (1 - PROXY_SPREAD), base * (1 + PROXY_SPREAD)
    if name == "quantity":
        return base * (1 - QUANTITY_SPREAD), base * (1 + QUANTITY_SPREAD)
    return 1.0, base + 2  # duration, in years


def swings(
    outcomes: list[Assumptions],
    investment: float,
    rate: float,
    ranges: Ranges | None = None,
    rate_range: tuple[float, float] = RATE_RANGE,
) -> list[Swing]:
    """Every assumption of every outcome, then the discount rate, widest swing first."""
    ranges = ranges or {}
    found = []
    for index, outcome in enumerate(outcomes):
        for name in PARAMETERS:
            base = float(getattr(outcome, name))
            low, high = ranges.get((outcome.code, name)) or default_range(name, base)

            def ratio(value: float, i: int = index, n: str = name) -> float:
                changed = [*outcomes[:i], outcomes[i].varied(n, value), *outcomes[i + 1 :]]
                return compute_sroi(changed, investment, rate).ratio

            found.append(_swing(outcome.code, name, base, low, high, ratio))

    def by_rate(value: float) -> float:
        return compute_sroi(outcomes, investment, value).ratio

    found.append(_swing(None, "rate", rate, *rate_range, by_rate))
    return sorted(found, key=lambda s: s.width, reverse=True)


def _swing(
    outcome: str | None,
    name: str,
    base: float,
    low: float,
    high: float,
    ratio: Callable[[float], float],
) -> Swing:
    return Swing(outcome, name, base, low, high, ratio(low), ratio(high), _break_even(name, ratio))


def _break_even(name: str, ratio: Callable[[float], float]) -> float | None:
    """Where the ratio is 1, inside the assumption's domain; None if it never is."""
    if name == "duration":
        years = [y for y in range(1, 51) if ratio(y) >= 1]
        return float(years[0]) if years and ratio(1) < 1 else None
    hi = 1.0 if name in (*_PERCENTS, "rate") else _upper(ratio)
    return _bisect(lambda x: ratio(x) - 1, 0.0, hi)


def _bisect(f: Callable[[float], float], lo: float, hi: float) -> float | None:
    """A root of the monotone `f` between `lo` and `hi`; None when it keeps one sign."""
    f_lo = f(lo)
    if f_lo == 0:
        return lo
    if f_lo * f(hi) > 0:
        return None
    for _ in range(80):
        middle = (lo + hi) / 2
        f_middle = f(middle)
        if (f_middle < 0) == (f_lo < 0):
            lo, f_lo = middle, f_middle
        else:
            hi = middle
    return (lo + hi) / 2


def _upper(ratio: Callable[[float], float]) -> float:
    """A value of a proxy or quantity large enough to bring the ratio above 1."""
    upper = 1.0
    while ratio(upper) < 1 and upper < 1e15:
        upper *= 10
    return upper


@dataclass(frozen=True)
class Spread:
    """The Monte-Carlo percentiles of the ratio."""

    draws: int
    seed: int
    p5: float
    p50: float
    p95: float


def monte_carlo(
    outcomes: list[Assumptions],
    investment: float,
    ranges: Ranges | None = None,
    *,
    seed: int,
    draws: int = 2000,
    rate_range: tuple[float, float] = RATE_RANGE,
) -> Spread:
    """Every assumption drawn at once, uniformly over its range, `draws` times (seeded)."""
    ranges = ranges or {}
    generator = random.Random(seed)
    ratios = []
    for _ in range(draws):
        drawn = []
        for outcome in outcomes:
            for name in PARAMETERS:
                base = float(getattr(outcome, name))
                low, high = ranges.get((outcome.code, name)) or default_range(name, base)
                outcome = outcome.varied(name, generator.uniform(low, high))
            drawn.append(outcome)
        ratios.append(compute_sroi(drawn, investment, generator.uniform(*rate_range)).ratio)
    ratios.sort()
    return Spread(
        draws, seed, _percentile(ratios, 5), _percentile(ratios, 50), _percentile(ratios, 95)
    )


def _percentile(ordered: list[float], percent: int) -> float:
    """Nearest-rank percentile of sorted values."""
    rank = max(1, -(-percent * len(ordered) // 100))
    return ordered[rank - 1]
