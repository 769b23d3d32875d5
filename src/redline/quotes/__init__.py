"""The quotes stage: who said what — direct quotations, reported speech and their speakers."""
