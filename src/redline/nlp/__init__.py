"""The nlp stage: loading the spaCy pipeline and parsing documents in batches."""
