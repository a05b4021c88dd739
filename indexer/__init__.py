"""Indexer: reads PDF documents and drafts repository records from them."""

__version__ = "0.1.0"
