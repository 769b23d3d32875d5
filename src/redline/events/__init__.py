"""The events stage: who did what to whom, coded in CAMEO and PLOVER."""
