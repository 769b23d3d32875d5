"""The actors stage: who is named in the text, coded CAMEO-style."""
