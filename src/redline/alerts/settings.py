"""`AlertSettings`: what makes a dyad active, how its conflict index is built, and when a day
is an escalation. The settings of the last computation are kept in the store (`alert_settings`)
so that the alerts an ingest refreshes use the thresholds last chosen with `redline alerts
--recompute`."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class AlertSettings:
    # which dyads: at least `min_events` asserted events between the two states in the period
    min_events: int = 5
    # the conflict index (see `redline.alerts.index`)
    material_weight: float = 2.0      # QuadClass 4 (material conflict) counts this much more than 3
    volume_floor: float = 1.0         # a day's volume factor is never below this (quiet days are not inflated)
    # the rolling baseline: the previous `baseline_days` days, the day itself excluded
    baseline_days: int = 28
    min_history: int = 7              # days of baseline needed before a day can be judged
    # rising: at least `rising` above the baseline (0.25 = 25%) and a z-score of at least `z`
    rising: float = 0.25
    z: float = 2.0
    # surge: at least `surge` above the baseline (1.0 = 100%) and a z-score of at least `surge_z`
    surge: float = 1.0
    surge_z: float = 3.0
    # against noise: a day is judged only with this many conflict events and this index
    min_conflict_events: int = 2
    min_index: float = 5.0
    sigma_floor: float = 1.0          # the baseline's standard deviation is taken as at least this
    # and the day's conflict events must be improbable at the baseline's daily rate (Poisson):
    # P(X >= events) at most `rising_p` for rising, `surge_p` for surge; the rate is at least `min_rate`
    rising_p: float = 0.01
    surge_p: float = 0.001
    min_rate: float = 0.25
    max_driving_events: int = 20

    def __post_init__(self) -> None:
        problems = []
        if self.min_events < 1:
            problems.append("min_events must be at least 1")
        if self.baseline_days < 1 or self.min_history < 1 or self.min_history > self.baseline_days:
            problems.append("need 1 <= min_history <= baseline_days")
        if self.rising < 0 or self.surge < self.rising:
            problems.append("need 0 <= rising <= surge")
        if self.z < 0 or self.surge_z < self.z:
            problems.append("need 0 <= z <= surge_z")
        if not (0 < self.surge_p <= self.rising_p <= 1) or self.min_rate <= 0:
            problems.append("need 0 < surge_p <= rising_p <= 1 and min_rate > 0")
        if self.sigma_floor <= 0 or self.volume_floor <= 0 or self.material_weight <= 0:
            problems.append("sigma_floor, volume_floor and material_weight must be positive")
        if self.min_conflict_events < 1 or self.min_index < 0 or self.max_driving_events < 0:
            problems.append("need min_conflict_events >= 1, min_index >= 0, max_driving_events >= 0")
        if problems:
            raise ValueError("alert settings: " + "; ".join(problems))

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "AlertSettings":
        """Settings from `to_json`; keys this version does not know are ignored, missing ones
        take their defaults."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in json.loads(text).items() if k in known})
