"""The sources stage: reading inputs into `Document` records."""
