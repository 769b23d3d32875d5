"""The places stage: where things happen (gazetteer lookups; full place resolution comes later)."""
