"""Change detection on a daily series: is today an escalation against the weeks before it?

For each day t of a series x (the conflict index of one dyad, a value per consecutive day) with
c(t) conflict events:

- the baseline is the previous `baseline_days` days (28: ACLED's four weeks), day t excluded;
  the first days of a series have a shorter one, and a day with fewer than `min_history` (7)
  days before it is not judged;
- mean m and (population) standard deviation s of the baseline's index; the z-score is
  (x(t) - m) / max(s, sigma_floor), and the change is x(t) / m - 1 (None when m = 0: anything
  is infinitely more than nothing);
- the count check: with r the baseline's mean number of conflict events a day (at least
  `min_rate`), p = P(X >= c(t)) for X ~ Poisson(r), how likely that many events are on an
  ordinary day;
- a day is judged only when c(t) >= `min_conflict_events` and x(t) >= `min_index`, so one event
  after weeks of silence, or a few verbal spats, is not an escalation;
- "surge" when change >= `surge` (1.0: twice the baseline), z >= `surge_z` (3) and
  p <= `surge_p` (0.001); otherwise "rising" when change >= `rising` (0.25: ACLED's 25% above
  the baseline), z >= `z` (2) and p <= `rising_p` (0.01).

Each condition guards against a different false alarm: the relative change keeps a steady,
slightly noisy series from firing on a day that is unusual only because the baseline barely
moves; the z-score keeps a noisy series from firing on its ordinary ups; the count check keeps
a day with the usual number of events, one of them unusually severe or widely reported (the
index's heavy tail), from passing for an escalation.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from redline.alerts.settings import AlertSettings

LEVELS = ("rising", "surge")


@dataclass(frozen=True)
class Baseline:
    mean: float                     # of the index
    std: float
    rate: float                     # conflict events a day
    days: int


@dataclass(frozen=True)
class Detection:
    """A day of the series judged an escalation."""
    position: int                   # index of the day in the series
    level: str                      # "rising" or "surge"
    value: float
    baseline: float                 # mean index of the baseline window
    change: float | None            # relative to the baseline; None when the baseline is 0
    zscore: float
    events: int                     # conflict events of the day
    p: float                        # P(at least that many events) at the baseline's rate


def baseline(values: Sequence[float], events: Sequence[int], position: int, days: int) -> Baseline:
    """The `days` days before `position` (fewer at the start of the series)."""
    start = max(0, position - days)
    window = values[start:position]
    if not window:
        return Baseline(0.0, 0.0, 0.0, 0)
    mean = math.fsum(window) / len(window)
    std = math.sqrt(math.fsum((v - mean) ** 2 for v in window) / len(window))
    return Baseline(mean, std, sum(events[start:position]) / len(window), len(window))


def poisson_tail(count: int, rate: float) -> float:
    """P(X >= count) for X ~ Poisson(rate)."""
    if count <= 0:
        return 1.0
    if rate <= 0:
        return 0.0

    def pmf(k: int) -> float:
        return math.exp(-rate + k * math.log(rate) - math.lgamma(k + 1))

    if count <= rate:
        return max(0.0, 1.0 - math.fsum(pmf(k) for k in range(count)))
    terms, k = [], count
    while True:                     # terms shrink geometrically past the mean
        term = pmf(k)
        terms.append(term)
        if term <= 1e-16 * terms[0]:
            break
        k += 1
    return min(1.0, math.fsum(terms))


def judge(value: float, events: int, base: Baseline, settings: AlertSettings
          ) -> tuple[str | None, float | None, float, float]:
    """(level or None, change, z-score, p) of one day against its baseline."""
    change = value / base.mean - 1 if base.mean > 0 else None
    z = (value - base.mean) / max(base.std, settings.sigma_floor)
    p = poisson_tail(events, max(base.rate, settings.min_rate))
    if (base.days < settings.min_history or events < settings.min_conflict_events
            or value < settings.min_index):
        return None, change, z, p

    def above(threshold: float) -> bool:
        return change is None or change >= threshold

    if above(settings.surge) and z >= settings.surge_z and p <= settings.surge_p:
        return "surge", change, z, p
    if above(settings.rising) and z >= settings.z and p <= settings.rising_p:
        return "rising", change, z, p
    return None, change, z, p


def detect(values: Sequence[float], events: Sequence[int], settings: AlertSettings | None = None
           ) -> list[Detection]:
    """The escalation days of a series of consecutive days: `values` the conflict index,
    `events` the conflict events of each day; at most one detection per day."""
    if len(values) != len(events):
        raise ValueError("detect: values and events must have one entry per day")
    settings = settings or AlertSettings()
    found = []
    for position, (value, count) in enumerate(zip(values, events)):
        if count < settings.min_conflict_events or value < settings.min_index or position < settings.min_history:
            continue        # cheap checks first: most days of most dyads stop here
        base = baseline(values, events, position, settings.baseline_days)
        level, change, z, p = judge(value, count, base, settings)
        if level is not None:
            found.append(Detection(position, level, value, base.mean, change, z, count, p))
    return found
