"""The embedded search engine: tantivy, in a folder, no server.

Layout under ``path``::

    CURRENT             {"build": "build-<ns>-<pid>", "schema": "<fingerprint>", "complete": true}
    build-<ns>-<pid>/   one tantivy index per build
    write.lock          writers of every process take turns on it (tantivy allows one at a time)

``rebuild`` writes a new build folder, then replaces ``CURRENT`` atomically (temp file +
``os.replace``) and deletes older builds. Searches already running keep the old index object (its
files stay readable while mapped); the next search opens the new one. Every search checks the
pointer, so other processes sharing the folder follow a rebuild too.

Text fields are indexed folded (``vi_folded``, for matching); those of ``EXACT_FIELDS`` also
exact (``vi_exact``, a ranking bonus for the user's own diacritics). English titles and abstracts,
and the whole text of English records, are indexed once more through the English stemmer
(``en_title``, ``en_text``); the proximity bonus's word pairs are raw terms of ``word_pairs``.
Facet fields are raw fast keyword, integer or boolean fields, counted with ``searcher.aggregate``
terms aggregations in threads beside the ranking (``_facets``).

The query text is parsed by ``indexer.search.query.parse_query`` and compiled here
(``_Compiler``). Each word must match one field, folded (the best field counts, the others a
little: a disjunction-max); what else lets it match ranks below the folded match:

* the exact spelling (diacritics kept) adds ``EXACT_BOOST``;
* a trailing ``*`` on a word of ``PREFIX_MIN_CHARS`` letters: the ``PREFIX_EXPANSIONS`` most
  frequent indexed words it begins, per field;
* English stemming, for every word, on ``en_title`` and ``en_text``;
* typos (``fuzzy_distance`` edits) on the folded fields, for words the index does not hold as typed
  (at most ``MAX_FUZZY_WORDS`` per query): a correct Vietnamese syllable is never widened to its
  neighbours ("thanh" to "thach"), a misspelt word still finds its records;
* codes and IPC symbols: the whole value, as typed or folded.

A negated word or phrase excludes the records it matches folded (no typos, prefixes or stems).
"""

from __future__ import annotations

import fcntl
import hashlib
import html
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import tantivy
from tantivy import (
    Document,
    FieldType,
    Index,
    Occur,
    Order,
    Query,
    SchemaBuilder,
    SnippetGenerator,
)

from indexer.search import vietnamese
from indexer.search.documents import search_document
from indexer.search.engine import (
    InvalidQuery,
    SearchError,
    SearchRequest,
    SearchResponse,
    checked,
    facet_buckets,
    fuzzy_distance,
    numeric_bounds,
    split_filters,
)
from indexer.search.query import Phrase, Term, parse_query
from indexer.search.results_cache import ResultsCache
from indexer.search.rules import (
    ENGLISH_FIELDS,
    MAX_PHRASE_WORDS,
    SIMILAR_FIELDS,
    SIMILAR_KEYWORDS,
    SIMILAR_TITLE_PAIRS,
    SIMILAR_WEIGHTS,
    SNIPPET_FIELDS,
    SUGGEST_CANDIDATES,
    SUGGEST_MAX_CHARS,
    SUGGEST_SOURCES,
    SUGGEST_WORDS,
    TIE_BREAKER,
    WORD_PAIRS,
    QueryCompiler,
    bucket_key,
    check_size,
    completes,
    english_text,
)
from schemas.search_fields import (
    CODE_FIELDS,
    EXACT_BOOST,
    EXACT_FIELDS,
    FACETS,
    FACETS_BY_NAME,
    FUZZY_WEIGHT,
    HIGHLIGHT_CHARS,
    MAX_FUZZY_WORDS,
    MAX_SIMILAR,
    MAX_SUGGESTIONS,
    PREFIX_EXPANSIONS,
    PREFIX_MIN_CHARS,
    PREFIX_WEIGHT,
    QUERY_FIELDS,
    SORTS_BY_NAME,
    STEM_WEIGHT,
    TEXT_FIELDS,
)

POINTER = "CURRENT"
BUILD_PREFIX = "build-"
# Writers of every process sharing the folder take turns on this file (``_writers_in_turn``).
WRITE_LOCK = "write.lock"
WRITE_WAIT_SECONDS = 30.0
HEAP_SIZE = 64_000_000
# A rebuild writes every record at once: larger buffers flush fewer, larger segments, which leaves
# less merging to do (on 100,000 records, 256 MB made indexing about 25 % faster than 64 MB).
REBUILD_HEAP_SIZE = 256_000_000
WRITER_THREADS = max(1, min(os.cpu_count() or 1, HEAP_SIZE // 16_000_000))
# Threads that count facets while the searching thread ranks (``TantivyEngine._facets``).
_COUNTING = ThreadPoolExecutor(max(2, os.cpu_count() or 1), thread_name_prefix="facets")
# From this many records, the facets of one group are counted by two aggregations side by side:
# on 1,000,000 records counting 13 facets took longer than ranking, and one more pass over the
# matches is cheaper than waiting; on smaller indexes that pass is not worth its CPU time.
SPLIT_COUNTING_FROM = 250_000

# Field name -> (type, options). The schema and its fingerprint are both built from this table.
STORED_TEXT = ("title", "title_en", "abstract", "abstract_en", "full_text", "keywords")
STORED_TEXT += ("organisations",)
KEYWORDS = (
    "kind",
    "document_type",
    "field",
    "field_l1",
    "sector",
    "technology",
    "status",
    "ip_status",
    "place",
    "language",
    "access_level",
    "host_organisation",
)
INTEGERS = ("year", "trl")
BOOLEANS = ("has_full_text", "licensable")


def _field_specs() -> list[tuple[str, str, dict]]:
    specs: list[tuple[str, str, dict]] = [("id", "text", {"stored": True, "tokenizer_name": "raw"})]
    for name in TEXT_FIELDS:
        specs.append(
            (name, "text", {"stored": name in STORED_TEXT, "tokenizer_name": vietnamese.FOLDED})
        )
        if name in EXACT_FIELDS:
            specs.append((f"{name}_exact", "text", {"tokenizer_name": vietnamese.EXACT}))
    for name in ENGLISH_FIELDS:
        specs.append((name, "text", {"tokenizer_name": vietnamese.EN_STEM}))
    for name in CODE_FIELDS:
        specs.append((name, "text", {"stored": True, "tokenizer_name": "raw"}))
        specs.append((f"{name}_folded", "text", {"tokenizer_name": vietnamese.KEYWORD}))
    for name in KEYWORDS:
        specs.append((name, "text", {"stored": True, "fast": True, "tokenizer_name": "raw"}))
    for name in INTEGERS:
        specs.append((name, "integer", {"stored": True, "indexed": True, "fast": True}))
    for name in BOOLEANS:
        specs.append((name, "boolean", {"stored": True, "indexed": True, "fast": True}))
    specs.append(("title_sort", "text", {"fast": True, "tokenizer_name": "raw"}))
    specs.append((WORD_PAIRS, "text", {"tokenizer_name": "raw", "index_option": "basic"}))
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


@cache
def _schema() -> tantivy.Schema:
    return build_schema()


def _copies() -> dict[str, tuple[str, ...]]:
    """Search-document field -> the tantivy fields its value goes into."""
    copies: dict[str, tuple[str, ...]] = {}
    for name in TEXT_FIELDS:
        copies[name] = (name, f"{name}_exact") if name in EXACT_FIELDS else (name,)
    for name in CODE_FIELDS:
        copies[name] = (name, f"{name}_folded")
    for name in ("id", "title_sort", WORD_PAIRS, *KEYWORDS, *INTEGERS, *BOOLEANS):
        copies[name] = (name,)
    return copies


_COPIES = _copies()


def tantivy_document(doc: dict) -> Document:
    """A tantivy Document from a search document (``documents.search_document``)."""
    values: dict[str, list] = {}
    for name, value in doc.items():
        copies = _COPIES.get(name)
        if copies is None or value is None or value == [] or value == "":
            continue
        if not isinstance(value, list):
            value = [value]
        for copy in copies:
            values[copy] = value
    values.update(english_text(doc))
    # With the schema, tantivy converts each value to its field's type (integer, boolean), and
    # taking lists, it does so about twice as fast as ``Document(**values)``.
    return Document.from_dict(values, _schema())


@dataclass
class _Opened:
    index: Index
    build: str
    signature: tuple | None  # of the pointer file
    complete: bool
    commit: tuple | None = None  # of the build's meta.json, which every commit replaces


class TantivyEngine:
    """The embedded engine. Safe to share between threads of one process."""

    def __init__(self, path: Path, heap_size: int = HEAP_SIZE,
                 results_cache: ResultsCache | None = None):
        self.path = Path(path)
        self.results_cache = results_cache  # answers kept until the next commit
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
                indexed, seen = 0, set()
                writer = index.writer(max(self.heap_size, REBUILD_HEAP_SIZE), WRITER_THREADS)
                try:
                    for record in records:
                        doc = search_document(record)
                        if doc is None:
                            continue
                        if doc["id"] in seen:  # the last one given wins, as in upsert
                            writer.delete_documents_by_term("id", doc["id"])
                        seen.add(doc["id"])
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
            # Older builds, and what killed rebuilds left (a build, a pointer half written).
            self.remove_leftovers()
            return indexed

    def search(self, request: SearchRequest) -> SearchResponse:
        request = checked(request)
        if self.results_cache is None:
            return self._search(request)
        return self.results_cache.answer(request, self.generation, lambda: self._search(request))

    @property
    def generation(self) -> tuple:
        """What changes at every commit and rebuild, in this process or another."""
        opened = self._current_opened()
        return (opened.build, opened.commit)

    def _search(self, request: SearchRequest) -> SearchResponse:
        try:
            searcher = self._current().searcher()
            tree = parse_query(request.text)
            text_query = _Compiler(self, searcher).query(tree)
            has_text = text_query is not None
            text_query = text_query if has_text else Query.all_query()
            # Counting needs no ranking: the same matches without the bonus clauses, cheaper.
            match_query = text_query
            if has_text:
                match_query = _Compiler(self, searcher, ranking=False).query(tree)
            # Facet counting runs in other threads while this one ranks and highlights: tantivy
            # lets go of the GIL, so on two cores a search with facets takes about as long as
            # the slower of the two instead of their sum.
            facets = self._facets(searcher, match_query, request.filters)
            offset = (request.page - 1) * request.size
            sort = SORTS_BY_NAME[request.sort]
            if sort.field is None and has_text:
                query = self._filtered(text_query, request.filters)
                result = searcher.search(query, request.size, offset=offset)
            else:
                field, descending = (sort.field, sort.descending) if sort.field else ("year", True)
                result = searcher.search(
                    self._filtered(match_query, request.filters),
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
            return SearchResponse(total=result.count, hits=hits, facets=facets())
        except SearchError:
            raise
        except Exception as error:  # a tantivy failure must not leak its own exception type
            raise SearchError(f"The search index failed: {error}") from error

    def suggest(self, text: str, size: int = 8) -> list[dict]:
        check_size(size, MAX_SUGGESTIONS)
        if not isinstance(text, str):
            return []
        words = self._analyze(vietnamese.FOLDED, vietnamese.normalise(text[:SUGGEST_MAX_CHARS]))
        words = words[:SUGGEST_WORDS]
        if not words:
            return []
        try:
            return self._suggest(self._current().searcher(), words, size)
        except Exception as error:
            raise SearchError(f"The search index failed: {error}") from error

    def similar(self, record_id: str, size: int = 5) -> list[dict]:
        check_size(size, MAX_SIMILAR)
        record_id = vietnamese.normalise(record_id).strip() if isinstance(record_id, str) else ""
        if not record_id:
            return []
        try:
            return self._similar(self._current().searcher(), record_id, size)
        except Exception as error:
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

    # -- what ``repo-app check`` compares with the database --------------------------------------

    def entries(self) -> dict[str, list[str]]:
        """Every entry of the current build: id -> the fingerprint of each entry with that id
        (two or more is a duplicate). Reads every stored document."""
        searcher = self._current().searcher()
        found: dict[str, list[str]] = {}
        if searcher.num_docs:
            for _, address in searcher.search(Query.all_query(), searcher.num_docs).hits:
                values = searcher.doc(address).to_dict()
                found.setdefault(values["id"][0], []).append(_fingerprint(values))
        return found

    def fingerprint(self, record: dict) -> str | None:
        """The fingerprint ``entries`` shows for this record once indexed as it is now; None
        for a record that may not be indexed."""
        doc = search_document(record)
        return None if doc is None else _fingerprint(tantivy_document(doc).to_dict())

    def leftovers(self) -> list[str]:
        """Builds and pointer files that no process will use: older than the current build, or
        left by a rebuild whose process is gone (killed); never a running rebuild's."""
        current = self._current_opened().build
        names = []
        for entry in self.path.iterdir():
            owner = _owner_pid(entry.name)
            if owner is None or entry.name == current:
                continue
            if (entry.name.startswith(BUILD_PREFIX) and entry.name < current) or not _alive(owner):
                names.append(entry.name)
        return sorted(names)

    def remove_leftovers(self) -> list[str]:
        removed = self.leftovers()
        for name in removed:
            path = self.path / name
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        return removed

    # -- queries -------------------------------------------------------------------------------

    def _analyze(self, analyzer: str, text: str) -> list[str]:
        mine = getattr(self._analyzers, "by_name", None)
        if mine is None:
            mine = self._analyzers.by_name = vietnamese.analyzers()
        return mine[analyzer].analyze(text)

    def _filtered(self, query: Query, filters: dict[str, list[str]]) -> Query:
        if not filters:
            return query
        clauses = [(Occur.Must, query)]
        for name, keys in filters.items():
            clauses.append((Occur.Must, self._facet_filter(FACETS_BY_NAME[name], keys)))
        return Query.boolean_query(clauses)

    def _facet_filter(self, facet, keys: list[str]) -> Query:
        """Records with any of these (checked) keys: values of one facet are OR-ed."""
        if facet.kind == "boolean":
            return Query.term_set_query(self.schema, facet.field, [key == "true" for key in keys])
        if not facet.numeric:
            return Query.term_set_query(self.schema, facet.field, list(keys))
        bounds = [numeric_bounds(key) for key in keys]
        singles = [low for low, high in bounds if low is not None and low == high]
        queries = [Query.term_set_query(self.schema, facet.field, singles)] if singles else []
        for low, high in bounds:
            if low is None or low != high:
                queries.append(
                    Query.range_query(self.schema, facet.field, FieldType.Integer, low, high)
                )
        if len(queries) == 1:
            return queries[0]
        return Query.boolean_query([(Occur.Should, query) for query in queries])

    def _facets(
        self, searcher, text_query: Query, filters: dict[str, list[str]]
    ) -> Callable[[], dict]:
        """Start counting every facet (one aggregation per group of ``split_filters``, or two on
        large indexes, each in a thread of ``_COUNTING``); the returned function waits for the
        counts and gives them."""
        started = []
        split = searcher.num_docs >= SPLIT_COUNTING_FROM
        for group, group_filters in split_filters(filters):
            query = self._filtered(text_query, group_filters)
            for part in (group[0::2], group[1::2]) if split and len(group) > 1 else (group,):
                aggregations = {
                    facet.name: {"terms": {"field": facet.field, "size": facet.size}}
                    for facet in part
                }
                started.append((part, _COUNTING.submit(searcher.aggregate, query, aggregations)))

        def counts() -> dict:
            facets: dict[str, list[dict]] = {}
            for group, future in started:
                result = future.result()
                for facet in group:
                    counted = {
                        bucket_key(bucket): bucket["doc_count"]
                        for bucket in result.get(facet.name, {}).get("buckets", [])
                    }
                    facets[facet.name] = facet_buckets(facet, counted, filters.get(facet.name, []))
            return {facet.name: facets[facet.name] for facet in FACETS}

        return counts

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

    def _suggest(self, searcher, words: list[str], size: int) -> list[dict]:
        """Values of the best records holding every typed word, the last one as a beginning."""
        *complete, last = words
        fields = list(SUGGEST_SOURCES.values())
        must = [
            Query.disjunction_max_query([Query.term_query(self.schema, f, w) for f in fields])
            for w in complete
        ]
        context = Query.boolean_query([(Occur.Must, query) for query in must]) if must else None
        expansions = [
            Query.term_query(self.schema, field, term)
            for field in fields
            for term, _count in searcher.terms_with_prefix(
                field, last, filter_query=context, limit=PREFIX_EXPANSIONS
            )
        ]
        if not expansions:
            return []
        query = Query.boolean_query(
            [(Occur.Must, query) for query in must]
            + [(Occur.Must, Query.boolean_query([(Occur.Should, q) for q in expansions]))]
        )
        found: dict[str, tuple[tuple, dict]] = {}  # folded value -> (rank, suggestion)
        for rank, (_score, address) in enumerate(searcher.search(query, SUGGEST_CANDIDATES).hits):
            doc = searcher.doc(address)
            for order, (kind, field) in enumerate(SUGGEST_SOURCES.items()):
                for value in doc.get_all(field):
                    tokens = self._analyze(vietnamese.FOLDED, value)
                    start = completes(tokens, complete, last)
                    if start is None:
                        continue
                    key, place = " ".join(tokens), (start > 0, order, rank, len(value))
                    if key not in found or place < found[key][0]:
                        item = {"text": value, "type": kind, "record_id": doc.get_first("id")}
                        found[key] = (place, item)
        return [item for _place, item in sorted(found.values(), key=lambda pair: pair[0])][:size]

    def _similar(self, searcher, record_id: str, size: int) -> list[dict]:
        """Records sharing this one's sectors, field of science, keywords and title word pairs
        (Vietnamese compounds are two syllables: "nước mắm", "thanh long"), plus the most
        telling words of its text (MoreLikeThis); rare shared words count most."""
        found = searcher.search(Query.term_query(self.schema, "id", record_id), 1).hits
        if not found:
            return []
        address = found[0][1]
        doc = searcher.doc(address)
        should = [
            Query.boost_query(
                Query.more_like_this_query(
                    address, min_doc_frequency=1, min_term_frequency=1, max_query_terms=50
                ),
                SIMILAR_WEIGHTS["text"],
            )
        ]
        for field in ("sector", "field", "field_l1"):
            for value in doc.get_all(field):
                term = Query.term_query(self.schema, field, value)
                should.append(Query.boost_query(term, SIMILAR_WEIGHTS[field]))
        keywords = [
            tuple(self._analyze(vietnamese.FOLDED, keyword)[:MAX_PHRASE_WORDS])
            for keyword in doc.get_all("keywords")[:SIMILAR_KEYWORDS]
        ]
        title = self._analyze(vietnamese.FOLDED, doc.get_first("title") or "")
        pairs = list(zip(title, title[1:], strict=False))
        for words, weight in {
            **{pair: SIMILAR_WEIGHTS["title_pair"] for pair in pairs[:SIMILAR_TITLE_PAIRS]},
            **{words: SIMILAR_WEIGHTS["keyword"] for words in keywords if words},
        }.items():
            should.append(
                _dismax(
                    [
                        Query.boost_query(
                            _words_query(self.schema, name, list(words)), weight * field_weight
                        )
                        for name, field_weight in SIMILAR_FIELDS.items()
                    ]
                )
            )
        exclude = [(Occur.MustNot, Query.term_query(self.schema, "id", record_id))]
        try:
            hits = searcher.search(
                Query.boolean_query([(Occur.Should, q) for q in should] + exclude), size).hits
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt | SystemExit):
                raise
            # tantivy (0.22-0.27) can panic in MoreLikeThis on a segment holding deleted
            # documents ("index out of bounds"); a pyo3 panic is no Exception. The other
            # signals still find similar records, so answer with them.
            hits = searcher.search(
                Query.boolean_query([(Occur.Should, q) for q in should[1:]] + exclude),
                size).hits
        return [self._hit(searcher.doc(hit), score, None) for score, hit in hits]

    # -- writing and switching builds ------------------------------------------------------------

    def _write(self, index: Index, docs: list[dict], removed: list[str]) -> None:
        with self._writers_in_turn():
            self._write_now(index, docs, removed)

    @contextmanager
    def _writers_in_turn(self) -> Iterator[None]:
        """tantivy allows one writer per index folder and refuses a second at once (LockBusy),
        even from another process. The site's workers, an ingest and the command line share the
        folder, so two staff actions in two workers would see one commit left unindexed; they
        wait their turn on a lock file instead, up to ``WRITE_WAIT_SECONDS``."""
        with open(self.path / WRITE_LOCK, "a+b") as handle:
            deadline, pause = time.monotonic() + WRITE_WAIT_SECONDS, 0.002
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise SearchError(f"another process kept the index {self.path} for "
                                          f"{WRITE_WAIT_SECONDS:.0f} s") from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _write_now(self, index: Index, docs: list[dict], removed: list[str]) -> None:
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


class _Compiler(QueryCompiler[Query]):
    """A query tree (``indexer.search.query``) as one tantivy query, for one searcher (prefix
    expansions and the typo rule read its term dictionary); the walk is ``QueryCompiler``'s."""

    def __init__(self, engine: TantivyEngine, searcher, ranking: bool = True):
        self.schema, self.searcher, self.analyze = engine.schema, searcher, engine._analyze
        self.ranking = ranking  # False: only what decides a match (for counting), no bonuses
        self.fuzzy_words = MAX_FUZZY_WORDS

    def excluding(self, query: Query) -> Query:
        return Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, query)])

    def either(self, queries: list[Query]) -> Query:
        return _either(queries)

    def all_of(self, must: list[Query], must_not: list[Query], should: list[Query]) -> Query:
        return Query.boolean_query(
            [(Occur.Must, query) for query in must or [Query.all_query()]]
            + [(Occur.MustNot, query) for query in must_not]
            + [(Occur.Should, query) for query in should]
        )

    def dismax(self, queries: list[Query]) -> Query:
        return _dismax(queries)

    def sector(self, key: str, boost: float) -> Query:
        return Query.boost_query(Query.term_query(self.schema, "sector", key), boost)

    def pair(self, term: str, boost: float) -> Query:
        return Query.boost_query(Query.term_query(self.schema, WORD_PAIRS, term), boost)

    def folded(self, text: str) -> list[str]:
        return self.analyze(vietnamese.FOLDED, text)

    def leaf(self, node: Term | Phrase) -> Query:
        """What a word or phrase matches (folded, and for a word that is not negated: prefix,
        stem, typo); a ranking bonus for its exact spelling."""
        names = QUERY_FIELDS.get(node.field) if node.field else None
        texts = {n: w for n, w in TEXT_FIELDS.items() if names is None or n in names}
        codes = {n: w for n, w in CODE_FIELDS.items() if names is None or n in names}
        folded = self.analyze(vietnamese.FOLDED, node.text)[:MAX_PHRASE_WORDS]
        alternatives = [
            Query.boost_query(_words_query(self.schema, name, folded), weight)
            for name, weight in texts.items()
            if folded
        ]
        alternatives += self.codes(node, codes)
        if isinstance(node, Term) and not node.negated and folded:
            if node.prefix and len(folded[-1]) >= PREFIX_MIN_CHARS:
                alternatives += self.prefixes(folded, texts)
            if names is None or "title" in names:
                alternatives += self.stems(node.text, names is None)
            if not node.prefix and len(folded) == 1:
                alternatives += self.typos(folded[0], texts)
        match = _dismax(alternatives) if alternatives else Query.empty_query()
        exact = self.analyze(vietnamese.EXACT, node.text)[:MAX_PHRASE_WORDS]
        if node.negated or not exact or not self.ranking or not texts.keys() & set(EXACT_FIELDS):
            return match
        bonus = _dismax(
            [
                Query.boost_query(_words_query(self.schema, f"{n}_exact", exact), w * EXACT_BOOST)
                for n, w in texts.items()
                if n in EXACT_FIELDS
            ]
        )
        return Query.boolean_query([(Occur.Must, match), (Occur.Should, bonus)])

    def codes(self, node: Term | Phrase, codes: dict[str, float]) -> list[Query]:
        """The whole value, as typed or folded; typed in a code field (``ipc:A23``) or with a
        trailing ``*``, the values it begins too."""
        keyword = self.analyze(vietnamese.KEYWORD, node.text)
        queries = []
        for name, weight in codes.items():
            queries.append(
                Query.boost_query(Query.term_query(self.schema, name, node.text), weight)
            )
            if not keyword:
                continue
            folded_name = f"{name}_folded"
            queries.append(
                Query.boost_query(Query.term_query(self.schema, folded_name, keyword[0]), weight)
            )
            beginning = node.field is not None or (isinstance(node, Term) and node.prefix)
            if beginning and not node.negated and len(keyword[0]) >= PREFIX_MIN_CHARS:
                terms = self.searcher.terms_with_prefix(
                    folded_name, keyword[0], limit=PREFIX_EXPANSIONS
                )
                queries += [
                    Query.boost_query(
                        Query.term_query(self.schema, folded_name, term), weight * PREFIX_WEIGHT
                    )
                    for term, _count in terms
                    if term != keyword[0]
                ]
        return queries

    def prefixes(self, folded: list[str], texts: dict[str, float]) -> list[Query]:
        """Indexed words the last one begins: the most frequent PREFIX_EXPANSIONS per field."""
        queries = []
        for name, weight in texts.items():
            if len(folded) > 1:
                query = Query.phrase_prefix_query(self.schema, name, folded)
            else:
                terms = self.searcher.terms_with_prefix(name, folded[0], limit=PREFIX_EXPANSIONS)
                words = [term for term, _count in terms if term != folded[0]]
                if not words:
                    continue
                query = _either([Query.term_query(self.schema, name, word) for word in words])
            queries.append(Query.boost_query(query, weight * PREFIX_WEIGHT))
        return queries

    def stems(self, text: str, everywhere: bool) -> list[Query]:
        stems = self.analyze(vietnamese.EN_STEM, text)[:MAX_PHRASE_WORDS]
        if not stems:
            return []
        return [
            Query.boost_query(_words_query(self.schema, name, stems), weight * STEM_WEIGHT)
            for name, weight in ENGLISH_FIELDS.items()
            if everywhere or name == "en_title"
        ]

    def typos(self, word: str, texts: dict[str, float]) -> list[Query]:
        """Words within ``fuzzy_distance`` edits, if the index does not hold this one as typed."""
        distance = fuzzy_distance(word)
        if not distance or self.fuzzy_words <= 0 or not word.isalpha():
            return []
        if any(self.searcher.doc_freq(name, word) for name in texts):
            return []
        self.fuzzy_words -= 1
        return [
            Query.boost_query(
                Query.fuzzy_term_query(self.schema, name, word, distance, True, False),
                weight * FUZZY_WEIGHT,
            )
            for name, weight in texts.items()
        ]


def _words_query(schema, field: str, tokens: list[str]) -> Query:
    if len(tokens) == 1:
        return Query.term_query(schema, field, tokens[0])
    return Query.phrase_query(schema, field, tokens)


def _dismax(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else Query.disjunction_max_query(queries, TIE_BREAKER)


def _either(queries: list[Query]) -> Query:
    if len(queries) == 1:
        return queries[0]
    return Query.boolean_query([(Occur.Should, query) for query in queries])


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
    # A regex stops at the first letter or digit: cheap even before a snippet deep in a long text.
    return _LETTER_OR_DIGIT.search(cut.decode("utf-8", "replace")) is not None


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _lead(doc: Document) -> str:
    """The first HIGHLIGHT_CHARS characters of the abstract, escaped."""
    text = " ".join((doc.get_first("abstract") or doc.get_first("abstract_en") or "").split())
    if len(text) <= HIGHLIGHT_CHARS:
        return html.escape(text)
    cut = text[:HIGHLIGHT_CHARS].rsplit(" ", 1)[0] or text[:HIGHLIGHT_CHARS]
    return html.escape(cut) + " …"


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


_STORED = frozenset(name for name, _, options in FIELD_SPECS if options.get("stored"))


def _fingerprint(values: dict) -> str:
    """A digest of a document's stored fields (tantivy ``to_dict`` shape)."""
    kept = {name: values[name] for name in sorted(values) if name in _STORED}
    return hashlib.sha1(json.dumps(kept, ensure_ascii=False).encode()).hexdigest()


def _owner_pid(name: str) -> int | None:
    """The process that made a build (``build-<ns>-<pid>``) or a pointer being written
    (``.CURRENT.<pid>.<thread>.tmp``); None for anything else."""
    if name.startswith(BUILD_PREFIX):
        tail = name.rsplit("-", 1)[-1]
    elif name.startswith(f".{POINTER}.") and name.endswith(".tmp"):
        tail = name.split(".")[2]
    else:
        return None
    return int(tail) if tail.isdigit() else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


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
