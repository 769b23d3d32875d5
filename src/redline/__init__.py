"""redline: political events, quotes and places from news text.

    from redline import extract
    doc = extract("Russia massed troops near the border with Ukraine on Tuesday.", date="2021-12-08")
"""
from __future__ import annotations

__version__ = "0.1.0"


def extract(text: str, *, date: str | None = None, doc_id: str = "text", modality: str = "asserted"):
    """Code one text and return its `Document` (a convenience over `Pipeline`)."""
    from redline.pipeline import Options, shared_pipeline
    from redline.records import Document

    doc = Document(id=doc_id, text=text, date=date)
    return next(shared_pipeline(Options(modality=modality)).process([doc]))
