"""The output stage: documents as JSON lines, pretty JSON, an event table or a summary (`formats`),
and the JSON Schema every document validates against (`schema`, `document.schema.json`)."""
