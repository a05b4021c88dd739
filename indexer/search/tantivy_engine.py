"""The embedded search engine: tantivy, in a folder, no server.

Layout under ``path``::

    CURRENT             {"build": "build-<ns>-<pid>", "schema": "<fingerprint>", "complete": true}
    build-<ns>-<pid>/   one tantivy index per build

``rebuild`` writes a new build folder, then replaces ``CURRENT`` atomically (temp file +
``os.replace``) and deletes older builds. Searches already running keep the old index object (its
files stay readable while mapped); the next search opens the new one. Every search checks the
pointer, so other processes sharing the folder follow a rebuild too.

Text fields are indexed twice: folded (``vi_folded``, for matching) and exact (``vi_exact``, a
ranking bonus for the user's own diacritics). Facet fields are raw fast keyword fields, counted with
``searcher.aggregate`` terms aggregations.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tantivy
from tantivy import Document, Index, Occur, Order, Query, SchemaBuilder, SnippetGenerator

from indexer.search import vietnamese
from indexer.search.documents import search_document
from indexer.search.engine import (
    InvalidQuery,
    SearchError,
    SearchRequest,
    SearchResponse,
    checked,
    facet_buckets,
    query_clauses,
    split_filters,
)
from schemas.search_fields import (
    CODE_FIELDS,
    EXACT_BOOST,
    FACETS,
    FACETS_BY_NAME,
    HIGHLIGHT_CHARS,
    SORTS_BY_NAME,
    TEXT_FIELDS,
)

POINTER = "CURRENT"
BUILD_PREFIX = "build-"
HEAP_SIZE = 64_000_000
WRITER_THREADS = max(1, min(os.cpu_count() or 1, HEAP_SIZE // 16_000_000))
TIE_BREAKER = 0.1
SNIPPET_FIELDS = ("abstract", "abstract_en", "full_text")

# Field name -> (type, options). The schema and its fingerprint are both built from this table.
STORED_TEXT = ("title", "title_en", "abstract", "abstract_en", "full_text")
KEYWORDS = (
    "kind",
    "document_type",
    "field",
    "field_l1",
    "sector",
    "status",
    "ip_status",
    "place",
    "language",
    "access_level",
)
INTEGERS = ("year", "trl")


def _field_specs() -> list[tuple[str, str, dict]]:
    specs: list[tuple[str, str, dict]] = [("id", "text", {"stored": True, "tokenizer_name": "raw"})]
    for name in TEXT_FIELDS:
        specs.append(
            (name, "text", {"stored": name in STORED_TEXT, "tokenizer_name": vietnamese.FOLDED})
        )
        specs.append((f"{name}_exact", "text", {"tokenizer_name": vietnamese.EXACT}))
    for name in CODE_FIELDS:
        specs.append((name, "text", {"stored": True, "tokenizer_name": "raw"}))
        specs.append((f"{name}_folded", "text", {"tokenizer_name": vietnamese.KEYWORD}))
    for name in KEYWORDS:
        specs.append((name, "text", {"stored": True, "fast": True, "tokenizer_name": "raw"}))
    for name in INTEGERS:
        specs.append((name, "integer", {"stored": True, "indexed": True, "fast": True}))
    specs.append(("has_full_text", "boolean", {"stored": True, "indexed": True, "fast": True}))
    specs.append(("title_sort", "text", {"fast": True, "tokenizer_name": "raw"}))
    specs.append(("host_organisation", "text", {"stored": True, "tokenizer_name": "raw"}))
    return specs


FIELD_SPECS = _field_specs()
SCHEMA_ID = hashlib.sha1(
    json.dumps([FIELD_SPECS, tantivy.__version__], sort_keys=True).encode()
).hexdigest()[:16]


def build_schema() -> tantivy.Schema:
    builder = SchemaBuilder()
    adders = {
        "text": builder.add_text_field,
        "integer": builder.add_integer_field,
        "boolean": builder.add_boolean_field,
    }
    for name, kind, options in FIELD_SPECS:
        adders[kind](name, **options)
    return builder.build()


def tantivy_document(doc: dict) -> Document:
    """A tantivy Document from a search document (``documents.search_document``)."""
    values: dict = {}
    for name, value in doc.items():
        if value is None or value == [] or value == "":
            continue
        if name in TEXT_FIELDS:
            values[name] = value
            values[f"{name}_exact"] = value
        elif name in CODE_FIELDS:
            values[name] = value
            values[f"{name}_folded"] = value
        elif name in INTEGERS:
            values[name] = int(value)
        elif name in ("id", "title_sort", "host_organisation", "has_full_text", *KEYWORDS):
            values[name] = value
    return Document(**values)


@dataclass
class _Opened:
    index: Index
    build: str
    signature: tuple | None  # of the pointer file
    complete: bool
    commit: tuple | None = None  # of the build's meta.json, which every commit replaces


class TantivyEngine:
    """The embedded engine. Safe to share between threads of one process."""

    def __init__(self, path: Path, heap_size: int = HEAP_SIZE):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.heap_size = heap_size
        self.schema = build_schema()
        self._analyzers = threading.local()  # one set per thread: analyzing needs a mutable one
        self._write_lock = threading.RLock()  # one writer at a time
        self._rebuild_lock = threading.Lock()  # one rebuild at a time
        self._open_lock = threading.Lock()
        self._pending: list[tuple[list[dict], list[str]]] | None = None  # writes during a rebuild
        self._opened: _Opened | None = None
        with self._write_lock:
            self._current()

    # -- the interface ------------------------------------------------------------------------

    def upsert(self, records: Iterable[dict]) -> int:
        docs, removed = _split(records)
        with self._write_lock:
            self._write(self._current(), docs, removed)
            if self._pending is not None:
                self._pending.append((docs, removed))
        return len(docs)

    def delete(self, ids: Iterable[str]) -> None:
        removed = [str(id_) for id_ in ids]
        with self._write_lock:
            self._write(self._current(), [], removed)
            if self._pending is not None:
                self._pending.append(([], removed))

    def rebuild(self, records: Iterable[dict]) -> int:
        with self._rebuild_lock:
            build = f"{BUILD_PREFIX}{time.time_ns():020d}-{os.getpid()}"
            folder = self.path / build
            folder.mkdir()
            with self._write_lock:
                self._pending = []
            try:
                index = Index(self.schema, path=str(folder), reuse=False)
                vietnamese.register(index)
                indexed = 0
                writer = index.writer(self.heap_size, WRITER_THREADS)
                try:
                    for record in records:
                        doc = search_document(record)
                        if doc is not None:
                            writer.delete_documents_by_term("id", doc["id"])
                            writer.add_document(tantivy_document(doc))
                            indexed += 1
                    writer.commit()
                finally:
                    writer.wait_merging_threads()
                with self._write_lock:
                    pending, self._pending = self._pending or [], None
                    for docs, removed in pending:  # writes that arrived while we were building
                        self._write(index, docs, removed)
                    index.reload()
                    self._switch(build, index)
            except BaseException:
                with self._write_lock:
                    self._pending = None
                shutil.rmtree(folder, ignore_errors=True)
                raise
            self._drop_old_builds(build)
            return indexed

    def search(self, request: SearchRequest) -> SearchResponse:
        request = checked(request)
        try:
            searcher = self._current().searcher()
            text_query, has_text = self._text_query(request.text)
            query = self._filtered(text_query, request.filters)
            offset = (request.page - 1) * request.size
            sort = SORTS_BY_NAME[request.sort]
            if sort.field is None and has_text:
                result = searcher.search(query, request.size, offset=offset)
            else:
                field, descending = (sort.field, sort.descending) if sort.field else ("year", True)
                result = searcher.search(
                    query,
                    request.size,
                    offset=offset,
                    order_by_field=field,
                    order=Order.Desc if descending else Order.Asc,
                )
            highlighter = _Highlighter(searcher, text_query, self.schema) if has_text else None
            hits = [
                self._hit(
                    searcher.doc(address),
                    score if sort.field is None and has_text else None,
                    highlighter,
                )
                for score, address in result.hits
            ]
            facets = self._facets(searcher, text_query, request.filters)
            return SearchResponse(total=result.count, hits=hits, facets=facets)
        except SearchError:
            raise
        except Exception as error:  # a tantivy failure must not leak its own exception type
            raise SearchError(f"The search index failed: {error}") from error

    def count(self) -> int:
        return self._current().searcher().num_docs

    @property
    def build(self) -> str:
        """The name of the build folder searches currently answer from."""
        return self._current_opened().build

    @property
    def needs_rebuild(self) -> bool:
        """True until a ``rebuild`` has filled the current build (new folder, schema changed)."""
        return not self._current_opened().complete

    # -- queries -------------------------------------------------------------------------------

    def _analyze(self, analyzer: str, text: str) -> list[str]:
        mine = getattr(self._analyzers, "by_name", None)
        if mine is None:
            mine = self._analyzers.by_name = vietnamese.analyzers()
        return mine[analyzer].analyze(text)

    def _text_query(self, text: str) -> tuple[Query, bool]:
        """(query, has_text). Every clause must match a folded field; exact fields only rank."""
        must: list[Query] = []
        should: list[Query] = []
        for _kind, value in query_clauses(text):
            folded = self._analyze(vietnamese.FOLDED, value)
            exact = self._analyze(vietnamese.EXACT, value)
            alternatives = self._field_queries(folded, "", 1.0)
            keyword = self._analyze(vietnamese.KEYWORD, value)
            for name, weight in CODE_FIELDS.items():
                alternatives.append(
                    Query.boost_query(Query.term_query(self.schema, name, value), weight)
                )
                if keyword:
                    alternatives.append(
                        Query.boost_query(
                            Query.term_query(self.schema, f"{name}_folded", keyword[0]), weight
                        )
                    )
            if not folded and not any(ch.isalnum() for ch in value):
                continue  # punctuation only: "***", "(", ":"
            must.append(Query.disjunction_max_query(alternatives, TIE_BREAKER))
            if exact:
                should.append(
                    Query.disjunction_max_query(
                        self._field_queries(exact, "_exact", EXACT_BOOST), TIE_BREAKER
                    )
                )
        if not must:
            return Query.all_query(), False
        return Query.boolean_query(
            [(Occur.Must, query) for query in must] + [(Occur.Should, query) for query in should]
        ), True

    def _field_queries(self, tokens: list[str], suffix: str, boost: float) -> list[Query]:
        if not tokens:
            return []
        queries = []
        for name, weight in TEXT_FIELDS.items():
            field = f"{name}{suffix}"
            if len(tokens) == 1:
                query = Query.term_query(self.schema, field, tokens[0])
            else:
                query = Query.phrase_query(self.schema, field, tokens)
            queries.append(Query.boost_query(query, weight * boost))
        return queries

    def _filtered(self, query: Query, filters: dict[str, list[str]]) -> Query:
        if not filters:
            return query
        clauses = [(Occur.Must, query)]
        for name, keys in filters.items():
            facet = FACETS_BY_NAME[name]
            values = [int(key) for key in keys] if facet.kind != "keyword" else list(keys)
            clauses.append((Occur.Must, Query.term_set_query(self.schema, facet.field, values)))
        return Query.boolean_query(clauses)

    def _facets(self, searcher, text_query: Query, filters: dict[str, list[str]]) -> dict:
        facets: dict[str, list[dict]] = {}
        for group, group_filters in split_filters(filters):
            aggregations = {
                facet.name: {"terms": {"field": facet.field, "size": facet.size}} for facet in group
            }
            result = searcher.aggregate(self._filtered(text_query, group_filters), aggregations)
            for facet in group:
                counts = {
                    _key(bucket["key"]): bucket["doc_count"]
                    for bucket in result.get(facet.name, {}).get("buckets", [])
                }
                facets[facet.name] = facet_buckets(facet, counts, filters.get(facet.name, []))
        return {facet.name: facets[facet.name] for facet in FACETS}

    def _hit(self, doc: Document, score: float | None, highlighter: _Highlighter | None) -> dict:
        year = doc.get_first("year")
        return {
            "id": doc.get_first("id"),
            "kind": doc.get_first("kind"),
            "title": doc.get_first("title"),
            "title_en": doc.get_first("title_en"),
            "year": int(year) if year is not None else None,
            "status": doc.get_first("status"),
            "ip_status": doc.get_first("ip_status"),
            "sectors": doc.get_all("sector"),
            "field": doc.get_first("field"),
            "host_organisation": doc.get_first("host_organisation"),
            "highlight": (highlighter.html(doc) if highlighter else None) or _lead(doc),
            "score": score,
        }

    # -- writing and switching builds ------------------------------------------------------------

    def _write(self, index: Index, docs: list[dict], removed: list[str]) -> None:
        writer = index.writer(self.heap_size, WRITER_THREADS)
        try:
            for id_ in removed:
                writer.delete_documents_by_term("id", id_)
            for doc in docs:
                writer.delete_documents_by_term("id", doc["id"])
                writer.add_document(tantivy_document(doc))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        index.reload()

    def _current(self) -> Index:
        return self._current_opened().index

    def _current_opened(self) -> _Opened:
        pointer = self.path / POINTER
        opened = self._opened
        if opened is not None and opened.signature == _signature(pointer):
            commit = _signature(self.path / opened.build / "meta.json")
            if commit != opened.commit:  # a commit, maybe by another process: see it now
                with self._open_lock:
                    opened.index.reload()
                    opened.commit = commit
            return opened
        with self._open_lock:
            signature = _signature(pointer)
            if self._opened is not None and self._opened.signature == signature:
                return self._opened
            state = _read_pointer(pointer)
            folder = self.path / state.get("build", "")
            if state.get("schema") == SCHEMA_ID and state.get("build") and folder.is_dir():
                index = Index.open(str(folder))
                vietnamese.register(index)
                complete = bool(state.get("complete"))
                self._opened = _Opened(index, state["build"], signature, complete)
                return self._opened
        # No index yet, or one this code cannot read: start an empty one (a rebuild fills it).
        with self._write_lock:
            if self._opened is not None and self._opened.signature == _signature(pointer):
                return self._opened  # another thread got here first
            build = f"{BUILD_PREFIX}{time.time_ns():020d}-{os.getpid()}"
            (self.path / build).mkdir()
            index = Index(self.schema, path=str(self.path / build), reuse=False)
            vietnamese.register(index)
            self._switch(build, index, complete=False)
            return self._opened

    def _switch(self, build: str, index: Index, complete: bool = True) -> None:
        pointer = self.path / POINTER
        temporary = self.path / f".{POINTER}.{os.getpid()}.{threading.get_ident()}.tmp"
        state = {"build": build, "schema": SCHEMA_ID, "complete": complete}
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(state, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, pointer)
        with self._open_lock:
            self._opened = _Opened(index, build, _signature(pointer), complete)

    def _drop_old_builds(self, current: str) -> None:
        """Delete builds older than ``current``; newer ones may be another process's rebuild."""
        for folder in self.path.iterdir():
            if folder.is_dir() and folder.name.startswith(BUILD_PREFIX) and folder.name < current:
                shutil.rmtree(folder, ignore_errors=True)


class _Highlighter:
    """HTML snippets of the best-matching passage: escaped text, ``<mark>`` around matches."""

    def __init__(self, searcher, query: Query, schema):
        self._searcher, self._query, self._schema = searcher, query, schema
        self._generators: dict[str, SnippetGenerator] = {}

    def html(self, doc: Document) -> str | None:
        for field in SNIPPET_FIELDS:
            text = doc.get_first(field)
            if not text:
                continue
            generator = self._generators.get(field)
            if generator is None:
                generator = SnippetGenerator.create(
                    self._searcher, self._query, self._schema, field
                )
                generator.set_max_num_chars(HIGHLIGHT_CHARS)
                self._generators[field] = generator
            snippet = generator.snippet_from_doc(doc)
            if snippet.highlighted():
                return _snippet_html(snippet, text)
        return None


def _snippet_html(snippet, text: str) -> str:
    """The snippet as HTML: escaped text, matches in ``<mark>``, "…" where text was cut off."""
    fragment = snippet.fragment().encode("utf-8")
    parts, position = [], 0
    for marked in sorted(snippet.highlighted(), key=lambda range_: range_.start):
        start, end = max(marked.start, position), marked.end
        if start >= end:
            continue
        parts.append(html.escape(fragment[position:start].decode("utf-8", "replace")))
        parts.append(f"<mark>{html.escape(fragment[start:end].decode('utf-8', 'replace'))}</mark>")
        position = end
    parts.append(html.escape(fragment[position:].decode("utf-8", "replace")))
    span, whole = snippet.fragment_range(), text.encode("utf-8")
    prefix = "… " if _has_words(whole[: span.start]) else ""
    suffix = " …" if _has_words(whole[span.end :]) else ""
    return prefix + "".join(parts).strip() + suffix


def _has_words(cut: bytes) -> bool:
    return any(ch.isalnum() for ch in cut.decode("utf-8", "replace"))


def _lead(doc: Document) -> str:
    """The first HIGHLIGHT_CHARS characters of the abstract, escaped."""
    text = " ".join((doc.get_first("abstract") or doc.get_first("abstract_en") or "").split())
    if len(text) <= HIGHLIGHT_CHARS:
        return html.escape(text)
    cut = text[:HIGHLIGHT_CHARS].rsplit(" ", 1)[0] or text[:HIGHLIGHT_CHARS]
    return html.escape(cut) + " …"


def _key(value) -> str:
    return str(int(value)) if isinstance(value, int | float) else str(value)


def _split(records: Iterable[dict]) -> tuple[list[dict], list[str]]:
    """(documents to index, ids to remove because their record may not be indexed)."""
    docs, removed = [], []
    for record in records:
        doc = search_document(record)
        if doc is None:
            removed.append(str(record["id"]))
        else:
            docs.append(doc)
    return docs, removed


def _signature(pointer: Path) -> tuple | None:
    try:
        stat = pointer.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _read_pointer(pointer: Path) -> dict:
    try:
        state = json.loads(pointer.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


__all__ = ["InvalidQuery", "SearchError", "TantivyEngine", "build_schema", "tantivy_document"]
