"""The Elasticsearch engine: the same interface as the embedded one, for a cluster.

Every request body is built by ``indexer.search.es_requests`` (pure functions, tested as data);
this module only sends them with the official client and handles the indexes and aliases.

Indexes and aliases, for ``index_prefix="repo-records"``::

    _index_template/repo-records   settings and mapping of every index named repo-records-*
    repo-records-<ns>              one index per build (the first one: repo-records-000…0)
    repo-records                   the alias searches and writes use (one index at a time)
    repo-records-rebuilding        the alias of an index being rebuilt, while it is
    repo-records-lock/_doc/rebuild the rebuild lock: one rebuild at a time, whatever the process

``rebuild`` takes the lock (``_Lease``: created with ``op_type=create``, with an expiry it pushes
on as it goes; an expired one is taken over), drops the indexes of rebuilds that died, creates
``repo-records-<time_ns>``, bulk-loads it (requests of at most BULK_BYTES, retried with backoff
on 429), refreshes it and moves the ``repo-records`` alias onto it in one atomic ``_aliases``
request; then it deletes the older indexes and releases the lock. Searches keep answering from
the old index until the alias moves.

Writes made meanwhile, by this process or another one, go first to the index being rebuilt (the
``-rebuilding`` alias tells every process where it is), then to the serving alias: a write is
never left only in an old index about to be dropped. Each carries its record's version, its
``updated_at`` (``es_requests.record_version``, ``version_type: external_gte``): the copy the
rebuild read before a change, arriving after it, is refused (409, harmless), and a deletion is a
tombstone kept as long as the rebuild runs. Records without ``updated_at`` are written unversioned;
this process replays its own writes into the new index once the bulk load is done, which covers
them for this process only.

Errors of the cluster (down, refused, timed out) become ``SearchError``; a request the user must
change becomes ``InvalidQuery`` before anything is sent.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable

from elastic_transport import TransportError
from elasticsearch import (
    ApiError,
    BadRequestError,
    ConflictError,
    Elasticsearch,
    NotFoundError,
    helpers,
)
from elasticsearch import __versionstr__ as CLIENT_VERSION
from elasticsearch.helpers import BulkIndexError

from indexer.search import es_requests
from indexer.search.engine import (
    InvalidQuery,
    SearchError,
    SearchRequest,
    SearchResponse,
    checked,
)
from indexer.search.rules import check_size
from indexer.search.vietnamese import normalise
from schemas.search_fields import MAX_SIMILAR, MAX_SUGGESTIONS

BULK_CHUNK = 500  # records per bulk request, at most
# Bytes per bulk request, at most (one larger record goes alone): far below the indexing pressure
# a node accepts (10 % of its heap, about 51 MB on a 512 MB heap) even with other writers, and in
# the 5-15 MB Elasticsearch advises. 500 records with full texts can weigh far more.
BULK_BYTES = 10 * 1024 * 1024
# When the cluster answers 429 (too many requests, indexing pressure), the bulk helper waits and
# sends the refused part again: 2, 4, 8... seconds, at most BULK_MAX_BACKOFF, BULK_RETRIES times
# (about four minutes in all) before the write fails.
BULK_RETRIES = 8
BULK_BACKOFF = 2.0
BULK_MAX_BACKOFF = 60.0
REQUEST_TIMEOUT = 30.0  # seconds, for searches and small writes
BULK_TIMEOUT = 120.0  # seconds, for one bulk request of a rebuild
# How long an index being rebuilt remembers a deletion (default: 60s): longer than any rebuild.
REBUILD_GC_DELETES = "12h"
FIRST_INDEX = "0" * 20
# The rebuild lock (``_Lease``): a rebuild that has not renewed it for LOCK_SECONDS is taken for
# dead; a running one renews it every LOCK_RENEW_SECONDS (a bulk request retried on 429 waits
# about four minutes at most).
LOCK_SECONDS = 600.0
LOCK_RENEW_SECONDS = 60.0  # the index created empty on first use, until a rebuild fills one

log = logging.getLogger(__name__)


class ElasticsearchEngine:
    """The engine on an Elasticsearch cluster. Safe to share between threads of one process.

    ``url``: the cluster (``http://host:9200``, ``https://user:password@host:9200``);
    ``client_options`` go to ``elasticsearch.Elasticsearch`` (``api_key=``, ``ca_certs=``...); or
    pass a configured ``client``. Nothing is sent before the first call, so an application starts
    even while the cluster is down.
    """

    def __init__(
        self,
        url: str | None = None,
        index_prefix: str = "repo-records",
        *,
        client=None,
        **client_options,
    ):
        if client is None:
            if not url:
                raise ValueError("ElasticsearchEngine needs the cluster URL (ELASTICSEARCH_URL).")
            options = {"request_timeout": REQUEST_TIMEOUT, "retry_on_timeout": True}
            client = Elasticsearch(url, **(options | {"max_retries": 2} | client_options))
        if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", index_prefix or ""):
            raise ValueError(f"Not a usable index name: {index_prefix!r}.")
        self.client = client
        self.alias = index_prefix
        self.rebuilding_alias = f"{index_prefix}-rebuilding"
        self._build_name = re.compile(re.escape(index_prefix) + r"-(\d{20})")
        self._ready = False
        self._setup_lock = threading.Lock()
        self._rebuild_lock = threading.Lock()  # one rebuild at a time in this process
        self._pending_lock = threading.Lock()
        self._pending: list[list[dict]] | None = None  # this process's writes during a rebuild

    # -- the interface ------------------------------------------------------------------------

    def upsert(self, records: Iterable[dict]) -> int:
        actions = list(es_requests.bulk_actions(records, self.alias))
        if not actions:
            return 0
        self._ensure()
        self._write_everywhere(actions)
        return sum(1 for action in actions if action["_op_type"] == "index")

    def delete(self, ids: Iterable[str]) -> None:
        ids = [str(id_) for id_ in ids]
        if not ids:
            return
        self._ensure()
        now = time.time_ns() // 1000  # the version of a deletion: its time, as updated_at's
        refused = self._write_everywhere(list(es_requests.delete_actions(ids, self.alias, now)))
        # Refused: the index holds a copy stamped later than this machine's clock says it is
        # (clocks apart). The record is gone from the database whatever its copy: delete it
        # anyway (the tombstone then counts one above that copy, still above any older one).
        for index, refused_ids in refused.items():
            again = es_requests.delete_actions(refused_ids, index)
            refresh = "wait_for" if index == self.alias else "false"
            self._bulk(again, refresh=refresh, require_alias=True)

    def rebuild(self, records: Iterable[dict]) -> int:
        """RebuildRunning (a SearchError) if another process is rebuilding: one rebuild at a
        time per prefix, by a lock held in the cluster (``_Lease``)."""
        with self._rebuild_lock:
            self._ensure()
            lease = _Lease(self)
            lease.acquire()
            try:
                return self._rebuild(records, lease)
            finally:
                lease.release()

    def _rebuild(self, records: Iterable[dict], lease: _Lease) -> int:
        # Holding the lock, every index of ours but the serving one is a rebuild that died
        # (its rebuilding alias would make a second one, and every write fail): drop them.
        self._drop(self._leftovers())
        new = f"{self.alias}-{time.time_ns():020d}"
        # The template gives settings and mapping; no refresh while loading; deletions made
        # meanwhile are remembered (tombstones) until the end, however long it takes, so
        # that a copy the rebuild read before a deletion cannot bring the record back.
        self._call(
            self.client.indices.create,
            index=new,
            settings={"index": {"refresh_interval": "-1", "gc_deletes": REBUILD_GC_DELETES}},
            aliases={self.rebuilding_alias: {}},
        )
        with self._pending_lock:
            self._pending = []
        try:
            counter = _Counter(lease.renew_if_due)
            self._bulk(
                counter.count(es_requests.bulk_actions(records, new)),
                client=self.client.options(request_timeout=BULK_TIMEOUT),
            )
            with self._pending_lock:
                pending, self._pending = self._pending or [], None
            for actions in pending:  # later than the rebuild's copies: they win
                self._bulk({**action, "_index": new} for action in actions)
            self._call(
                self.client.indices.put_settings,
                index=new,
                settings={"index": {"refresh_interval": "1s", "gc_deletes": None}},
            )
            self._call(self.client.indices.refresh, index=new)
            lease.renew()  # still ours: nobody has taken over a rebuild thought dead
            old = sorted(self._indexes_of(self.alias))
            actions = es_requests.alias_swap_actions(self.alias, new, old)
            actions.append({"remove": {"index": new, "alias": self.rebuilding_alias}})
            self._call(self.client.indices.update_aliases, actions=actions)
        except BaseException:
            with self._pending_lock:
                self._pending = None
            self._drop([new])
            raise
        self._drop(self._older_than(new))
        return counter.indexed

    def search(self, request: SearchRequest) -> SearchResponse:
        request = checked(request)
        self._ensure()
        candidates = es_requests.typo_candidates(request.text)
        missing = frozenset()
        if candidates:  # typo tolerance only for words the index does not hold as typed
            held = es_requests.held_words_body(candidates)
            answer = self._call(self.client.search, index=self.alias, **_arguments(held))
            missing = es_requests.missing_words(answer.body, candidates)
        body = es_requests.search_body(request, missing=missing)
        answer = self._call(self.client.search, index=self.alias, **_arguments(body))
        return es_requests.response_to_search_response(answer.body, request)

    def suggest(self, text: str, size: int = 8) -> list[dict]:
        check_size(size, MAX_SUGGESTIONS)
        body = es_requests.suggest_body(text)
        if body is None:
            return []
        self._ensure()
        answer = self._call(self.client.search, index=self.alias, **_arguments(body))
        return es_requests.response_to_suggestions(answer.body, text, size)

    def similar(self, record_id: str, size: int = 5) -> list[dict]:
        check_size(size, MAX_SIMILAR)
        # As the embedded engine reads it: NFC, control characters and lone surrogates (which
        # the client cannot put in a URL) taken out.
        record_id = normalise(record_id).strip() if isinstance(record_id, str) else ""
        if not record_id:
            return []
        self._ensure()
        record = self._call(
            self.client.options(ignore_status=404).get,
            index=self.alias,
            id=record_id,
            source_includes=list(es_requests.SIMILAR_SOURCE),
        )
        if not record.body.get("found"):
            return []
        body = es_requests.similar_body(record.body, size, self.alias)
        answer = self._call(self.client.search, index=self.alias, **_arguments(body))
        return es_requests.response_to_hits(answer.body)

    def count(self) -> int:
        self._ensure()
        return int(self._call(self.client.count, index=self.alias)["count"])

    @property
    def build(self) -> str:
        """The name of the index searches currently answer from."""
        self._ensure()
        indexes = sorted(self._indexes_of(self.alias))
        if not indexes:
            raise SearchError(f"The alias {self.alias!r} points at no index.")
        return indexes[-1]

    @property
    def needs_rebuild(self) -> bool:
        """True until a ``rebuild`` has filled the index (first use, mapping changed)."""
        build = self.build
        if build.endswith(FIRST_INDEX):
            return True
        mappings = self._call(self.client.indices.get_mapping, index=build).body
        meta = (mappings.get(build) or {}).get("mappings", {}).get("_meta") or {}
        return meta.get("schema") != es_requests.SCHEMA_ID

    # -- indexes and aliases --------------------------------------------------------------------

    def _remember(self, actions: list[dict]) -> None:
        """Keep a write for the rebuild running in this process, if any, to replay: for records
        without ``updated_at`` (unversioned), the replay is what keeps a stale copy the rebuild
        read from overwriting it. Kept before it is sent: a rebuild that takes its list later has
        all its stale copies written by then, and this write lands after them."""
        with self._pending_lock:
            if self._pending is not None:
                self._pending.append(actions)

    def _ensure(self) -> None:
        """The template and the alias, on first use: an empty first index if there is none."""
        if self._ready:
            return
        with self._setup_lock:
            if self._ready:
                return
            template = es_requests.index_template(f"{self.alias}-*")
            self._call(
                self.client.indices.put_index_template, name=self.alias, **_arguments(template)
            )
            if not self._call(self.client.indices.exists_alias, name=self.alias):
                first = f"{self.alias}-{FIRST_INDEX}"
                try:
                    self.client.indices.create(
                        index=first, aliases={self.alias: {"is_write_index": True}}
                    )
                except BadRequestError as error:
                    if error.error != "resource_already_exists_exception":
                        raise SearchError(f"Elasticsearch failed: {error}") from error
                    # another process created it: make sure the alias is on it
                    self._call(
                        self.client.indices.update_aliases,
                        actions=[{"add": {"index": first, "alias": self.alias}}],
                    )
                except (ApiError, TransportError) as error:
                    raise SearchError(f"Elasticsearch failed: {error}") from error
            self._ready = True

    def _write_everywhere(self, actions: list[dict]) -> dict[str, list[str]]:
        """Write to the index being rebuilt, if there is one (by any process), then to the alias
        searches read, visible to them when this returns. Returns the ids of deletes refused as
        stale (409), by the alias they were sent to.

        In that order, a write made while another process rebuilds cannot be lost: if the
        rebuilding alias is there, the new index gets the write before it can serve; if it has
        gone, the swap is done and the alias already points at the new index. Each write carries
        its record's version (``es_requests.record_version``), so the copy the rebuild read
        earlier, arriving later, is refused (409, harmless) instead of overwriting it.
        ``require_alias``: a write never creates an index, even if an alias has just gone away.
        """
        self._remember(actions)
        refused: dict[str, list[str]] = {}
        if self._call(self.client.indices.exists_alias, name=self.rebuilding_alias):
            rebuilding = ({**action, "_index": self.rebuilding_alias} for action in actions)
            stale = self._bulk(rebuilding, require_alias=True)
            if stale:
                refused[self.rebuilding_alias] = stale
        stale = self._bulk(actions, refresh="wait_for", require_alias=True)
        if stale:
            refused[self.alias] = stale
        return refused

    def _bulk(self, actions: Iterable[dict], client=None, **options) -> list[str]:
        """Send the actions; SearchError if any is refused but for a harmless reason. Returns
        the ids of the deletes refused as stale (409)."""
        _ok, errors = self._call(
            helpers.bulk,
            client or self.client,
            actions,
            chunk_size=BULK_CHUNK,
            max_chunk_bytes=BULK_BYTES,
            raise_on_error=False,
            max_retries=BULK_RETRIES,  # on 429: the cluster asks to slow down
            initial_backoff=BULK_BACKOFF,
            max_backoff=BULK_MAX_BACKOFF,
            **options,
        )
        failed = [error for error in errors if not self._harmless(error)]
        if failed:
            ((operation, item),) = failed[0].items()
            reason = item.get("error")
            reason = reason.get("reason") if isinstance(reason, dict) else reason
            raise SearchError(
                f"Elasticsearch refused {len(failed)} write(s), e.g. {operation} "
                f"{item.get('_id')!r}: {item.get('status')} {str(reason)[:300]}"
            )
        return [
            str(item["_id"])
            for error in errors
            for operation, item in error.items()
            if operation == "delete" and item.get("status") == 409
        ]

    def _harmless(self, error: dict) -> bool:
        """A delete of what was not there, a write to a rebuild that has just finished, or a
        copy older than the one the index holds (409: a later write of the record won)."""
        ((operation, item),) = error.items()
        if item.get("status") == 409:
            return True
        if item.get("status") != 404:
            return False
        return operation == "delete" or item.get("_index") == self.rebuilding_alias

    def _indexes_of(self, alias: str) -> list[str]:
        answer = self._call(self.client.options(ignore_status=404).indices.get_alias, name=alias)
        if answer.meta.status == 404:
            return []
        return [name for name in answer.body if isinstance(answer.body[name], dict)]

    def _older_than(self, current: str) -> list[str]:
        """Our indexes older than ``current``; newer ones may be another process's rebuild."""
        answer = self._call(
            self.client.options(ignore_status=404).indices.get_alias, index=f"{self.alias}-*"
        )
        if answer.meta.status == 404:
            return []
        serving = set(self._indexes_of(self.alias))
        return sorted(
            name
            for name in answer.body
            if self._build_name.fullmatch(name) and name < current and name not in serving
        )

    def _leftovers(self) -> list[str]:
        """Our build indexes that do not serve (their rebuild died, or is still running)."""
        answer = self._call(
            self.client.options(ignore_status=404).indices.get_alias, index=f"{self.alias}-*"
        )
        if answer.meta.status == 404:
            return []
        serving = set(self._indexes_of(self.alias))
        return sorted(
            name
            for name in answer.body
            if self._build_name.fullmatch(name) and name not in serving
        )

    def _drop(self, indexes: list[str]) -> None:
        for name in indexes:
            try:
                self.client.options(ignore_status=404).indices.delete(index=name)
            except (ApiError, TransportError) as error:  # left for the next rebuild to drop
                log.warning("could not delete the index %s: %s", name, error)

    def _call(self, function, *args, **kwargs):
        """Call the client; its failures become SearchError."""
        try:
            return function(*args, **kwargs)
        except ApiError as error:
            if error.error == "media_type_header_exception":  # client 9.x, cluster 8.x
                raise SearchError(
                    f"The Elasticsearch cluster refuses this client (elasticsearch-py "
                    f"{CLIENT_VERSION}): install a client of the cluster's major version, "
                    f"e.g. 'elasticsearch>=8.13,<9' for an 8.x cluster ({error})."
                ) from error
            raise SearchError(f"Elasticsearch failed: {error}") from error
        except (TransportError, BulkIndexError) as error:
            raise SearchError(f"Elasticsearch failed: {error}") from error


class _Counter:
    """Counts the records a stream of bulk actions indexes, as it goes by; calls ``tick``
    before each."""

    def __init__(self, tick: Callable[[], None] = lambda: None):
        self.indexed = 0
        self.tick = tick

    def count(self, actions: Iterable[dict]) -> Iterable[dict]:
        for action in actions:
            self.tick()
            if action["_op_type"] == "index":
                self.indexed += 1
            yield action


class RebuildRunning(SearchError):
    """Another process holds the rebuild lock of this index prefix."""


class _Lease:
    """The rebuild lock of an index prefix, held in the cluster: the document ``rebuild`` of
    the index ``<prefix>-lock``, created with ``op_type=create`` (only one process can), with an
    expiry that the rebuild pushes on (``renew``) as it goes. A lock past its expiry belongs to a
    rebuild that died: another one takes it over (``if_seq_no``: one process only). A rebuild that
    finds its lock taken over stops, and its index is dropped."""

    ID = "rebuild"

    def __init__(self, engine: ElasticsearchEngine):
        self.engine, self.client = engine, engine.client
        self.index = f"{engine.alias}-lock"
        self.owner = f"{socket.gethostname()} pid {os.getpid()} {uuid.uuid4().hex[:8]}"
        self.held: tuple[int, int] | None = None  # (seq_no, primary_term) of our document
        self.renewed = 0.0

    def _document(self) -> dict:
        now = time.time()
        return {"owner": self.owner, "since": now, "expires": now + LOCK_SECONDS}

    def acquire(self) -> None:
        try:
            self.client.indices.create(index=self.index)
        except BadRequestError as error:
            if error.error != "resource_already_exists_exception":
                raise SearchError(f"Elasticsearch failed: {error}") from error
        except (ApiError, TransportError) as error:
            raise SearchError(f"Elasticsearch failed: {error}") from error
        for _attempt in range(3):
            try:
                answer = self.client.create(index=self.index, id=self.ID, document=self._document())
                return self._hold(answer)
            except ConflictError:
                pass
            except (ApiError, TransportError) as error:
                raise SearchError(f"Elasticsearch failed: {error}") from error
            found = self.engine._call(
                self.client.options(ignore_status=404).get, index=self.index, id=self.ID
            )
            if not found.body.get("found"):
                continue  # released meanwhile: try again
            holder = found.body.get("_source") or {}
            if float(holder.get("expires") or 0) > time.time():
                raise RebuildRunning(
                    f"Another rebuild of {self.engine.alias!r} is running "
                    f"({holder.get('owner')}); it holds the lock {self.index}/_doc/{self.ID}."
                )
            try:  # the lock of a rebuild that died: take it over, if nobody else does first
                answer = self.client.index(
                    index=self.index,
                    id=self.ID,
                    document=self._document(),
                    if_seq_no=found.body["_seq_no"],
                    if_primary_term=found.body["_primary_term"],
                )
                log.warning("took over the expired rebuild lock of %s", holder.get("owner"))
                return self._hold(answer)
            except ConflictError:
                continue
            except (ApiError, TransportError) as error:
                raise SearchError(f"Elasticsearch failed: {error}") from error
        raise RebuildRunning(f"Another rebuild of {self.engine.alias!r} is starting.")

    def _hold(self, answer) -> None:
        self.held = (answer["_seq_no"], answer["_primary_term"])
        self.renewed = time.monotonic()

    def renew_if_due(self) -> None:
        if time.monotonic() - self.renewed >= LOCK_RENEW_SECONDS:
            self.renew()

    def renew(self) -> None:
        """Push the expiry on; SearchError if the lock is no longer ours."""
        if self.held is None:
            raise SearchError(f"The rebuild of {self.engine.alias!r} does not hold its lock.")
        seq_no, primary_term = self.held
        try:
            answer = self.client.index(
                index=self.index,
                id=self.ID,
                document=self._document(),
                if_seq_no=seq_no,
                if_primary_term=primary_term,
            )
        except (ConflictError, NotFoundError) as error:
            self.held = None
            raise SearchError(
                f"The rebuild of {self.engine.alias!r} lost its lock (taken over as expired?): "
                "stopped, the index serving is unchanged."
            ) from error
        except (ApiError, TransportError) as error:
            raise SearchError(f"Elasticsearch failed: {error}") from error
        self._hold(answer)

    def release(self) -> None:
        if self.held is None:
            return
        seq_no, primary_term = self.held
        self.held = None
        try:
            self.client.options(ignore_status=(404, 409)).delete(
                index=self.index, id=self.ID, if_seq_no=seq_no, if_primary_term=primary_term
            )
        except (ApiError, TransportError) as error:  # it expires by itself
            log.warning("could not release the rebuild lock %s: %s", self.index, error)


_BODY_NAMES = {"from": "from_", "_source": "source", "_meta": "meta"}


def _arguments(body: dict) -> dict:
    """A request body as the client's keyword arguments ("from" -> "from_", ...)."""
    return {_BODY_NAMES.get(name, name): value for name, value in body.items()}


__all__ = ["ElasticsearchEngine", "InvalidQuery", "RebuildRunning", "SearchError"]
