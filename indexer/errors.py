"""Errors the indexer raises for documents it cannot read.

A document that cannot be read is *quarantined* by the caller, never half-indexed. The reason is
a short machine key (stored with the quarantined file, used for statistics) and the message says
in plain English what is wrong and what the person who uploaded it can do about it.
"""

from __future__ import annotations

MESSAGES = {
    "encrypted": (
        "The PDF is password-protected (encrypted); ask the owner for an unprotected copy."
    ),
    "not_pdf": (
        "The file is not a PDF (it does not start with the %PDF- signature); "
        "upload the document as a PDF."
    ),
    "truncated": (
        "The PDF is incomplete: the file ends before its end-of-file marker (usually after an "
        "interrupted download or copy) and some of its pages are in the part that is missing; "
        "upload the complete file again."
    ),
    "page_tree_loop": (
        "The PDF's list of pages points back to itself (a loop), so its pages cannot be put in "
        "order without reading some twice; re-export it from the original document or repair "
        "it with a PDF tool, then upload it again."
    ),
    "no_pages": "The PDF has no pages; check that the right file was uploaded.",
    "too_large": (
        "The PDF is larger than the size limit; split it into volumes or ask an administrator "
        "to raise the limit."
    ),
    "damaged": (
        "The PDF is damaged and cannot be opened; re-export it from the original document or "
        "repair it with a PDF tool, then upload it again."
    ),
}

REASONS = tuple(MESSAGES)


class UnreadableDocument(Exception):
    """The document cannot be read at all.

    ``reason`` is one of :data:`REASONS`; ``detail`` carries the low-level cause (for logs).
    """

    def __init__(self, reason: str, detail: str | None = None, path: str | None = None):
        if reason not in MESSAGES:
            raise ValueError(f"Unknown reason {reason!r}; expected one of {', '.join(REASONS)}.")
        self.reason = reason
        self.detail = detail
        self.path = path
        self.message = MESSAGES[reason]
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"UnreadableDocument(reason={self.reason!r}, detail={self.detail!r})"
