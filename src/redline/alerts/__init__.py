"""Escalation alerts: a daily conflict index per pair of states, and the days it jumps.

- `settings`: `AlertSettings`, the thresholds, baseline and minimums (kept in the store).
- `index`: the daily series of a dyad (counts per QuadClass, Goldstein, the conflict index
  normalised by news volume) from the `events` and `documents` tables.
- `detect`: change detection on a series against a rolling baseline (pure functions).
- `store`: computing the alerts of a store and storing them with their driving events; listing.
- `report`: stored alerts as a table for people or as JSON.
"""
from redline.alerts.settings import AlertSettings

__all__ = ["AlertSettings"]
