"""Search behind one interface: ``SearchEngine`` and its value types, the record -> document
conversion, and the embedded tantivy engine (``indexer.search.tantivy_engine.TantivyEngine``,
imported from its module so that an Elasticsearch-only setup never loads tantivy)."""

from indexer.search.documents import search_document
from indexer.search.engine import (
    InvalidQuery,
    SearchEngine,
    SearchError,
    SearchRequest,
    SearchResponse,
)

__all__ = [
    "InvalidQuery",
    "SearchEngine",
    "SearchError",
    "SearchRequest",
    "SearchResponse",
    "search_document",
]
