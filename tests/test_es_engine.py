"""The Elasticsearch engine's own code paths, against a recording fake cluster.

No cluster runs here, so the engine talks through the real ``elasticsearch`` client (URL quoting,
serialisation, the bulk helpers and their retries) to ``FakeCluster``: an in-memory node at the
transport's edge that answers the few APIs the engine uses the way Elasticsearch 8 answers them
(aliases, ``require_alias``, external versions and their tombstones, ``op_type=create``,
``if_seq_no``), and records every request. Two engines on one fake cluster are two processes
sharing a cluster: the interleavings of a rebuild and another process's writes are replayed here
step by step. The request bodies themselves are asserted as data in ``test_es_requests.py``.
"""

from __future__ import annotations

import fnmatch
import json
import threading
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch

from indexer.search import es_requests
from indexer.search.elasticsearch_engine import ElasticsearchEngine, RebuildRunning
from indexer.search.engine import SearchError


def _error(status: int, kind: str, reason: str = "") -> tuple[int, dict]:
    return status, {"error": {"type": kind, "reason": reason or kind}, "status": status}


class FakeCluster:
    """The APIs the engine calls, answered as an Elasticsearch 8 node answers them.

    ``requests``: (method, path, params, body) of every request, in order. ``hooks``: functions
    called with (method, path, params, body, status, answer) after each request is answered (an
    interleaving: another process acts at that moment). ``refuse``: a function of
    (method, path, params, body) returning a (status, answer) to send instead, or None."""

    def __init__(self):
        self.indexes: dict[str, dict] = {}  # name -> {"docs", "aliases", "settings"}
        self.templates: dict[str, dict] = {}
        self.requests: list[tuple[str, str, dict, object]] = []
        self.sizes: list[int] = []  # bytes of each request body
        self.hooks: list = []
        self.refuse = None
        self.lock = threading.RLock()
        self.seq_no = 0

    # -- the node ---------------------------------------------------------------------------------

    def client(self, **options) -> Elasticsearch:
        cluster = self

        class Node(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, **_options):
                status, answer = cluster.handle(method, target, body)
                headers = HttpHeaders(
                    {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}
                )
                meta = ApiResponseMeta(status, "1.1", headers, 0.0, self.config)
                data = b"" if answer is None or method == "HEAD" else json.dumps(answer).encode()
                return NodeApiResponse(meta, data)

        return Elasticsearch("http://fake:9200", node_class=Node, **({"max_retries": 0} | options))

    def handle(self, method: str, target: str, raw: bytes | None) -> tuple[int, object]:
        split = urlsplit(target)
        path = unquote(split.path)
        params = {name: values[-1] for name, values in parse_qs(split.query).items()}
        text = raw.decode("utf-8") if raw else ""
        if path.endswith("/_bulk"):
            body = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            body = json.loads(text) if text else None
        with self.lock:
            self.requests.append((method, path, params, body))
            self.sizes.append(len(raw or b""))
            refused = self.refuse(method, path, params, body) if self.refuse else None
            status, answer = refused or self._route(method, path, params, body)
        for hook in list(self.hooks):
            hook(method, path, params, body, status, answer)
        return status, answer

    def _route(self, method, path, params, body):
        parts = [part for part in path.split("/") if part]
        if parts[:1] == ["_index_template"]:
            self.templates[parts[1]] = body
            return 200, {"acknowledged": True}
        if parts[:1] == ["_alias"] and method == "HEAD":
            return (200 if self._alias_indexes(parts[1]) else 404), None
        if parts[:1] == ["_alias"]:
            return self._get_alias(self._alias_indexes(parts[1]), parts[1])
        if parts == ["_aliases"]:
            return self._update_aliases(body["actions"])
        if parts == ["_bulk"]:
            return self._bulk(params, body)
        name = parts[0]
        if len(parts) == 1 and method == "PUT":
            return self._create_index(name, body or {})
        if len(parts) == 1 and method == "DELETE":
            if name not in self.indexes:
                return _error(404, "index_not_found_exception")
            del self.indexes[name]
            return 200, {"acknowledged": True}
        if parts[1:] == ["_alias"]:
            names = [n for n in self.indexes if fnmatch.fnmatchcase(n, name)]
            return self._get_alias(names, None)
        if parts[1:] == ["_settings"]:
            for index in self._resolve_all(name):
                self.indexes[index]["settings"].update(body or {})
            return 200, {"acknowledged": True}
        if parts[1:] in (["_refresh"],):
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        if parts[1:] == ["_mapping"]:
            return 200, {
                index: {"mappings": {"_meta": {"schema": es_requests.SCHEMA_ID}}}
                for index in self._resolve_all(name)
            }
        if parts[1:] == ["_count"]:
            indexes = self._resolve_all(name)
            return 200, {"count": sum(len(self._live(i)) for i in indexes)}
        if parts[1:] == ["_search"]:
            return 200, {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
        if len(parts) == 3 and parts[1] in ("_doc", "_create"):
            return self._document(method, name, parts[1], parts[2], params, body)
        return _error(400, "unsupported_by_the_fake", f"{method} {path}")

    # -- indexes and aliases ----------------------------------------------------------------------

    def _create_index(self, name, body):
        if name in self.indexes:
            return _error(400, "resource_already_exists_exception", f"index [{name}] exists")
        self.indexes[name] = {
            "docs": {},
            "aliases": {alias: dict(spec) for alias, spec in (body.get("aliases") or {}).items()},
            "settings": dict(body.get("settings") or {}),
        }
        return 200, {"acknowledged": True, "index": name}

    def _alias_indexes(self, alias: str) -> list[str]:
        return sorted(name for name, index in self.indexes.items() if alias in index["aliases"])

    def _get_alias(self, names, alias):
        if not names:
            return _error(404, "index_not_found_exception")
        answer = {}
        for name in names:
            aliases = self.indexes[name]["aliases"]
            shown = {a: s for a, s in aliases.items() if alias is None or a == alias}
            answer[name] = {"aliases": shown}
        return 200, answer

    def _update_aliases(self, actions):
        for action in actions:  # all or nothing: check first
            ((_kind, spec),) = action.items()
            if spec["index"] not in self.indexes:
                return _error(404, "index_not_found_exception", f"no such index [{spec['index']}]")
        for action in actions:
            ((kind, spec),) = action.items()
            aliases = self.indexes[spec["index"]]["aliases"]
            if kind == "add":
                extra = {k: v for k, v in spec.items() if k not in ("index", "alias")}
                aliases[spec["alias"]] = extra
            else:
                aliases.pop(spec["alias"], None)
        return 200, {"acknowledged": True}

    def _resolve_all(self, name: str) -> list[str]:
        return [name] if name in self.indexes else self._alias_indexes(name)

    def _write_index(self, name: str, require_alias: bool) -> tuple[str | None, tuple | None]:
        """The index a write to ``name`` goes to, or the error Elasticsearch answers."""
        indexes = self._alias_indexes(name)
        if not indexes:
            if require_alias or name not in self.indexes:
                reason = f"no such index [{name}] and [require_alias] request flag is [true]"
                return None, _error(404, "index_not_found_exception", reason)[1]
            return name, None
        if len(indexes) == 1:
            return indexes[0], None
        writers = [i for i in indexes if self.indexes[i]["aliases"][name].get("is_write_index")]
        if len(writers) == 1:
            return writers[0], None
        reason = f"no write index is defined for alias [{name}]: it points at {indexes}"
        return None, _error(400, "illegal_argument_exception", reason)[1]

    # -- documents --------------------------------------------------------------------------------

    def _live(self, index: str) -> dict:
        return {id_: doc for id_, doc in self.indexes[index]["docs"].items() if not doc["deleted"]}

    def source(self, index_or_alias: str, id_: str) -> dict | None:
        """A document's ``_source`` as searches of that index or alias would see it."""
        for index in self._resolve_all(index_or_alias):
            doc = self.indexes[index]["docs"].get(id_)
            if doc and not doc["deleted"]:
                return doc["source"]
        return None

    def _apply(self, index: str, op: str, id_: str, meta: dict, source) -> tuple[int, dict]:
        """One write, with the version checks of Elasticsearch 8."""
        docs = self.indexes[index]["docs"]
        current = docs.get(id_)
        version_type = meta.get("version_type", "internal")
        result = {"_index": index, "_id": id_}
        if "if_seq_no" in meta and (
            current is None
            or current["deleted"]
            or current["seq_no"] != int(meta["if_seq_no"])
            or int(meta.get("if_primary_term", 1)) != 1
        ):
            return 409, result | {"error": {"type": "version_conflict_engine_exception"}}
        if op == "create" and current is not None and not current["deleted"]:
            return 409, result | {"error": {"type": "version_conflict_engine_exception"}}
        if version_type in ("external", "external_gte"):
            version = int(meta["version"])
            if current is not None and (
                version < current["version"]
                or (version_type == "external" and version == current["version"])
            ):
                return 409, result | {"error": {"type": "version_conflict_engine_exception"}}
        else:
            version = (current["version"] + 1) if current else 1
        if op == "delete" and (current is None or current["deleted"]):
            status, outcome = 404, "not_found"
        elif op == "delete":
            status, outcome = 200, "deleted"
        else:
            status = 201 if current is None or current["deleted"] else 200
            outcome = "created" if status == 201 else "updated"
        self.seq_no += 1
        docs[id_] = {
            "source": source,
            "version": version,
            "seq_no": self.seq_no,
            "deleted": op == "delete",
        }
        return status, result | {
            "result": outcome,
            "_version": version,
            "_seq_no": self.seq_no,
            "_primary_term": 1,
        }

    def _bulk(self, params, lines):
        require_alias = params.get("require_alias") == "true"
        items, errors, position = [], False, 0
        while position < len(lines):
            ((op, meta),) = lines[position].items()
            position += 1
            source = None
            if op != "delete":
                source, position = lines[position], position + 1
            index, error = self._write_index(meta["_index"], require_alias)
            if error is not None:
                item = {"_index": meta["_index"], "_id": meta.get("_id"), "status": error["status"]}
                items.append({op: item | {"error": error["error"]}})
                errors = True
                continue
            status, result = self._apply(index, op, meta["_id"], meta, source)
            errors = errors or "error" in result
            items.append({op: result | {"status": status}})
        return 200, {"took": 1, "errors": errors, "items": items}

    def _document(self, method, name, kind, id_, params, body):
        if method == "GET":
            indexes = self._resolve_all(name)
            doc = self.indexes[indexes[0]]["docs"].get(id_) if indexes else None
            if doc is None or doc["deleted"]:
                return 404, {"_index": name, "_id": id_, "found": False}
            return 200, {
                "_index": indexes[0],
                "_id": id_,
                "found": True,
                "_seq_no": doc["seq_no"],
                "_primary_term": 1,
                "_version": doc["version"],
                "_source": doc["source"],
            }
        index, error = self._write_index(name, False)
        if error is not None:
            return error["status"], error
        op = "delete" if method == "DELETE" else ("create" if kind == "_create" else "index")
        status, result = self._apply(index, op, id_, params, body)
        if "error" in result:
            return _error(status, result["error"]["type"])
        return status, result


@pytest.fixture
def cluster() -> FakeCluster:
    return FakeCluster()


def engine_on(cluster: FakeCluster, prefix: str = "repo-records") -> ElasticsearchEngine:
    """An engine of one process: its own client, the shared cluster."""
    return ElasticsearchEngine(index_prefix=prefix, client=cluster.client())


def record(id_: str, title: str, updated_at: str | None = None, **fields) -> dict:
    data = {"id": id_, "kind": "research_result", "document_type": "final_report"}
    data |= {"title": title, **fields}
    if updated_at is not None:
        data["updated_at"] = updated_at
    return data


def paths(cluster: FakeCluster, method: str | None = None) -> list[str]:
    return [path for m, path, _p, _b in cluster.requests if method in (None, m)]


# -- 1. odd ids ---------------------------------------------------------------------------------


@pytest.mark.parametrize("odd", ["\ud800abc", "abc\udfff", "\x00abc", " abc\u0085"])
def test_similar_normalises_an_odd_id_as_the_embedded_engine_does(cluster, odd):
    engine = engine_on(cluster)
    engine.upsert([record("abc", "Nước mắm Phan Thiết")])
    assert engine.similar(odd) == []  # no UnicodeEncodeError from the client
    gets = [path for path in paths(cluster, "GET") if "/_doc/" in path]
    assert gets[-1] == "/repo-records/_doc/abc"


@pytest.mark.parametrize("empty", ["\ud800", "\x00 \x01", ""])
def test_similar_of_nothing_but_odd_characters_asks_nothing(cluster, empty):
    engine = engine_on(cluster)
    assert engine.similar(empty) == []
    assert not [path for path in paths(cluster) if "/_doc/" in path]


# -- 3. bulk requests a small node accepts -------------------------------------------------------


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """The bulk helper's waits between retries, recorded instead of slept."""
    from elasticsearch.helpers import actions

    slept: list[float] = []
    monkeypatch.setattr(actions.time, "sleep", slept.append)
    return slept


def test_a_rebuild_sends_bulk_requests_of_bounded_bytes(cluster, sleeps):
    from indexer.search.elasticsearch_engine import BULK_BYTES

    text = "Công nghệ sinh học trong chế biến nước mắm truyền thống. " * 10_000  # 590 KB
    records = [record(f"r{n}", f"Báo cáo {n}", full_text=text) for n in range(40)]
    engine = engine_on(cluster)
    assert engine.rebuild(records) == 40
    sent = zip(cluster.requests, cluster.sizes, strict=True)
    bulks = [size for (_m, path, _p, _b), size in sent if path == "/_bulk"]
    assert len(bulks) > 1 and max(bulks) <= BULK_BYTES
    assert sum(bulks) > 40 * len(text.encode())  # every record was sent


def test_a_rebuild_waits_and_retries_while_the_cluster_answers_429(cluster, sleeps):
    refusals = []

    def too_many_requests(method, path, params, body):
        if path == "/_bulk" and len(refusals) < 5:
            refusals.append(path)
            return _error(429, "es_rejected_execution_exception", "indexing pressure")
        return None

    engine = engine_on(cluster)
    engine.upsert([record("r0", "Nước mắm")])  # template, first index
    cluster.refuse = too_many_requests
    assert engine.rebuild([record(f"r{n}", "Nước mắm Phan Thiết") for n in range(3)]) == 3
    assert len(refusals) == 5 and sleeps == [2.0, 4.0, 8.0, 16.0, 32.0]
    assert cluster.source("repo-records", "r2") is not None


# -- 4. writes of other processes during a rebuild ---------------------------------------------

EARLY, LATE = "2026-03-01T08:00:00+00:00", "2026-03-01T09:00:00+00:00"


def test_a_stale_copy_read_by_the_rebuild_cannot_overwrite_another_process_s_write(cluster):
    rebuilder, worker = engine_on(cluster), engine_on(cluster)
    rebuilder.upsert([record("r1", "Bản đầu", EARLY)])

    def records():  # the database as the rebuild reads it: r1 before the worker changed it
        stale = record("r1", "Bản đầu", EARLY)
        worker.upsert([record("r1", "Bản sửa", LATE)])  # another process, meanwhile
        yield stale
        yield record("r2", "Khác", EARLY)

    assert rebuilder.rebuild(records()) == 2
    assert cluster.source("repo-records", "r1")["title"] == "Bản sửa"
    # the rebuild's copy was sent after the change, with its version, and refused as older
    early = es_requests.record_version({"updated_at": EARLY})
    built = cluster._alias_indexes("repo-records")[0]
    sent = [
        line["index"]
        for _method, path, _params, body in cluster.requests
        if path == "/_bulk"
        for line in body
        if line.get("index", {}).get("_index") == built and line["index"]["_id"] == "r1"
    ]
    assert [action["version"] for action in sent] == [early]


def test_a_deletion_by_another_process_during_a_rebuild_stays_deleted(cluster):
    rebuilder, worker = engine_on(cluster), engine_on(cluster)
    rebuilder.upsert([record("r1", "Bản đầu", EARLY), record("r2", "Khác", EARLY)])

    def records():
        stale = record("r1", "Bản đầu", EARLY)
        worker.delete(["r1"])  # the row is gone from the database now
        yield stale
        yield record("r2", "Khác", EARLY)

    rebuilder.rebuild(records())
    assert cluster.source("repo-records", "r1") is None
    assert cluster.source("repo-records", "r2") is not None
    built = cluster._alias_indexes("repo-records")[0]
    assert cluster.indexes[built]["settings"]["index"]["gc_deletes"] is None  # back to default


def test_a_write_racing_the_alias_swap_reaches_the_index_that_serves(cluster):
    """The worker writes while the rebuild swaps the alias and drops the old index: the write
    must be in the new one (before: old index first, then the rebuilding alias, gone by then)."""
    rebuilder, worker = engine_on(cluster), engine_on(cluster)
    rebuilder.upsert([record("r1", "Bản đầu", EARLY)])
    finish = threading.Event()

    def records():
        yield record("r1", "Bản đầu", EARLY)
        finish.wait(10)  # the rebuild waits here until the worker is halfway through its write

    rebuild = threading.Thread(target=rebuilder.rebuild, args=(records(),))
    rebuild.start()
    while not cluster._alias_indexes("repo-records-rebuilding"):
        threading.Event().wait(0.01)

    def swap_meanwhile(method, path, params, body, status, answer):
        if path == "/_bulk" and params.get("refresh") == "wait_for" and not finish.is_set():
            finish.set()  # the worker has written to the serving alias: the rebuild ends now
            rebuild.join(10)

    cluster.hooks.append(swap_meanwhile)
    worker.upsert([record("r1", "Bản sửa", LATE)])
    rebuild.join(10)
    assert not rebuild.is_alive()
    assert len(cluster._alias_indexes("repo-records")) == 1
    assert cluster.source("repo-records", "r1")["title"] == "Bản sửa"


def test_a_delete_refused_because_of_clocks_apart_deletes_anyway(cluster):
    engine = engine_on(cluster)
    engine.upsert([record("r1", "Từ tương lai", "2999-01-01T00:00:00+00:00")])
    engine.delete(["r1"])
    assert cluster.source("repo-records", "r1") is None


def test_records_without_updated_at_are_written_unversioned(cluster):
    engine = engine_on(cluster)
    engine.upsert([record("r1", "Một")])
    engine.upsert([record("r1", "Hai")])
    assert cluster.source("repo-records", "r1")["title"] == "Hai"
    bulks = [body for _m, path, _p, body in cluster.requests if path == "/_bulk"]
    assert all("version" not in line.get("index", {}) for body in bulks for line in body)


# -- 5. one rebuild at a time ------------------------------------------------------------------


def test_a_second_rebuild_meanwhile_is_refused_and_breaks_nothing(cluster):
    first, second = engine_on(cluster), engine_on(cluster)
    first.upsert([record("r0", "Cũ", EARLY)])
    refused = []

    def records():
        yield record("r1", "Một", EARLY)
        with pytest.raises(RebuildRunning, match="Another rebuild") as raised:
            second.rebuild([record("r9", "Chín", EARLY)])  # another worker saw needs_rebuild
        refused.append(raised.value)
        assert len(cluster._alias_indexes("repo-records-rebuilding")) == 1
        first.upsert([record("r2", "Hai", LATE)])  # writes still work: one rebuilding alias
        yield record("r3", "Ba", EARLY)

    assert first.rebuild(records()) == 2
    assert refused and isinstance(refused[0], SearchError)
    assert [cluster.source("repo-records", id_) is not None for id_ in "r1 r2 r3 r9".split()] == [
        True,
        True,
        True,
        False,
    ]
    builds = [name for name in cluster.indexes if name[len("repo-records-") :].isdigit()]
    assert builds == cluster._alias_indexes("repo-records")  # the old one dropped, no other
    assert cluster.source("repo-records-lock", "rebuild") is None  # released
    assert second.rebuild([record("r9", "Chín", EARLY)]) == 1  # and free again


def test_the_lock_of_a_rebuild_that_died_is_taken_over_and_its_index_dropped(cluster):
    engine = engine_on(cluster)
    engine.upsert([record("r0", "Cũ", EARLY)])
    # a rebuild that died: its index still has the rebuilding alias, its lock has expired
    died = json.dumps({"aliases": {"repo-records-rebuilding": {}}}).encode()
    cluster.handle("PUT", "/repo-records-00000000000000000042", died)
    cluster.handle("PUT", "/repo-records-lock", None)
    dead = {"owner": "gone", "since": 0, "expires": 1}
    cluster.handle("PUT", "/repo-records-lock/_create/rebuild", json.dumps(dead).encode())
    assert engine.rebuild([record("r1", "Một", EARLY)]) == 1
    assert "repo-records-00000000000000000042" not in cluster.indexes
    assert cluster.source("repo-records", "r1") is not None
    assert cluster.source("repo-records-lock", "rebuild") is None


def test_a_rebuild_whose_lock_was_taken_over_stops_and_leaves_the_serving_index(
    cluster, monkeypatch
):
    from indexer.search import elasticsearch_engine

    monkeypatch.setattr(elasticsearch_engine, "LOCK_RENEW_SECONDS", 0.0)  # renew at every record
    engine = engine_on(cluster)
    engine.upsert([record("r0", "Cũ", EARLY)])
    serving = cluster._alias_indexes("repo-records")

    def records():
        yield record("r1", "Một", EARLY)
        # another process thought this rebuild dead and took its lock over
        thief = {"owner": "thief", "since": 0, "expires": 9e12}
        cluster.handle("PUT", "/repo-records-lock/_doc/rebuild", json.dumps(thief).encode())
        yield record("r2", "Hai", EARLY)

    with pytest.raises(SearchError, match="lost its lock"):
        engine.rebuild(records())
    assert cluster._alias_indexes("repo-records") == serving
    assert not cluster._alias_indexes("repo-records-rebuilding")
    assert cluster.source("repo-records-lock", "rebuild")["owner"] == "thief"  # not ours to free


# -- the first live run ------------------------------------------------------------------------


def _check_es():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "check_es.py"
    spec = importlib.util.spec_from_file_location("check_es", path)
    check_es = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_es)
    return check_es


def test_check_es_skips_cleanly_without_a_cluster(monkeypatch, capsys):
    check_es = _check_es()
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    assert check_es.main([]) == 0
    assert "skipped, ELASTICSEARCH_URL is not set" in capsys.readouterr().out


def test_check_es_large_index_step_runs_its_queries(cluster):
    note = _check_es().step_clauses(engine_on(cluster), 300)
    assert "records loaded" in note
    searched = [body for _m, path, _p, body in cluster.requests if path.endswith("/_search")]
    queries = [json.dumps(body["query"]) for body in searched if "aggs" in body]
    assert len(queries) == 2 and all('"top_terms_' in query for query in queries)


def test_check_es_rebuild_step_with_a_writer_alongside(cluster, monkeypatch):
    check_es = _check_es()
    monkeypatch.setattr(check_es, "REBUILT", 300)
    text = "Chế biến nước mắm. " * 50
    base = [record(f"b{n}", f"Nước mắm số {n}", full_text=text) for n in range(7)]
    note = check_es.step_rebuild("", engine_on(cluster), base=base, other=engine_on(cluster))
    assert "changes and" in note and "all kept" in note
