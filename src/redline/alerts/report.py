"""Stored alerts for `redline alerts`: a table for people, or JSON with the driving events."""
from __future__ import annotations

import json
from typing import Any

from redline.alerts.store import Alert

SHOWN_EVENTS = 5        # driving events under each alert in the table (JSON has them all)


def _change(change: float | None) -> str:
    return "new" if change is None else f"{change * 100:+.0f}%"


def _sentence(text: str | None, room: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= room else text[:max(room - 3, 0)] + "..."


def alerts_table(alerts: list[Alert], events: dict[str, dict[str, Any]], width: int = 100) -> str:
    """One line per alert, and under it its first driving events: code, dyad, a sentence."""
    header = ("DAY", "LEVEL", "DYAD", "INDEX", "BASELINE", "CHANGE", "Z", "EVENTS")
    rows = [header] + [(x.day, x.level, f"{x.country_a}-{x.country_b}", f"{x.conflict_index:.1f}",
                        f"{x.baseline:.1f}", _change(x.change), f"{x.zscore:.1f}", str(x.events)) for x in alerts]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()

    lines = [line(header)]
    for x, row in zip(alerts, rows[1:]):
        lines.append(line(row))
        for event_id in x.driving_event_ids[:SHOWN_EVENTS]:
            e = events.get(event_id)
            if e is None:
                continue
            head = f"    {e['cameo']:<5} {e['source_code'] or '?'} -> {e['target_code'] or '?'}  "
            lines.append(head + _sentence(e.get("sentence"), width - len(head)))
        if len(x.driving_event_ids) > SHOWN_EVENTS:
            lines.append(f"    ... and {len(x.driving_event_ids) - SHOWN_EVENTS} more (--json lists them)")
    if not alerts:
        lines.append("(no alerts)")
    return "\n".join(lines)


def alerts_json(alerts: list[Alert], events: dict[str, dict[str, Any]]) -> str:
    """A JSON array: each alert with its driving events (codes, actors, one sentence each)."""
    out = []
    for x in alerts:
        item = x.as_dict()
        item["driving_events"] = [events[i] for i in x.driving_event_ids if i in events]
        out.append(item)
    return json.dumps(out, ensure_ascii=False, indent=2, default=str)
