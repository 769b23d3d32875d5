"""Deduplication: the same article read twice, and the same event reported many times.

`documents` finds exact and near-duplicate documents (so a wire story republished by twenty
sites is coded once); `events` merges mentions of one event across documents into one event
with GDELT's counts (so a report is not counted as an event).
"""
