"""The output stage: documents as JSON lines, pretty JSON, an event table or a summary."""
