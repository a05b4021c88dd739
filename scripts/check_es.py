"""The first live run of the Elasticsearch engine, as one command: ``make check-es``.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python scripts/check_es.py [--skip-suite]

Without ``ELASTICSEARCH_URL`` it says so and exits 0 (nothing to check on this machine). With it,
in order, each step protecting something no unit test can see without a cluster:

1. **template and first index**: the cluster accepts our index template (analysis, mapping, the
   byte-length script) and creates the first index from it;
2. **analyzers**: ``_analyze`` of ``vi_folded``, ``vi_exact``, ``en_stemmed`` and the
   ``vi_keyword`` normalizer gives the tokens tantivy's analyzers give for a fixed list of
   strings (Vietnamese with đ, ł and ß, a 40-letter word with diacritics, English);
3. **the test suite on Elasticsearch, warnings as errors**: ``pytest -W error`` with
   ``ELASTICSEARCH_URL`` set (the conformance suite then runs on both engines); a deprecation
   warning the cluster sends in a header fails it, by design;
4. **the clause limit**: ``cong* nghe* sinh*`` and eight word beginnings on an index of 100,000
   synthetic records (run it on a node with a 512 MB heap: the smallest limit);
5. **a rebuild while another process writes**: 1,000 records with the corpus's real full texts
   are rebuilt while a second process changes and deletes some of them; every change and
   deletion must be in the index that serves afterwards;
6. **relevance side by side**: the judged queries of ``tests/relevance_judgements.json`` on both
   engines: nDCG@10 and MRR of each, and the queries whose top five differ.

Every index it makes is named ``check-es-<random>-…`` and deleted at the end. Exit status: the
number of steps that failed.
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import os
import subprocess
import sys
import time
import traceback
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SKIPPED = (
    "check-es: skipped, ELASTICSEARCH_URL is not set. Start a node and run e.g.\n"
    "  ELASTICSEARCH_URL=http://127.0.0.1:9200 make check-es\n"
    "(docs/elasticsearch.md, 'The first live run')."
)
ANALYZED = (
    "Nước mắm Đặng",
    "Łódź straße",
    "ngườingườingườingườingườingườingườingười",  # 40 letters, 64 bytes: dropped by both
    "nghiêngnghiêngnghiêngnghiêngnghiêngnghiêng",  # 42 letters, 48 bytes: kept by both
    "Solar drying of dragon fruit slices",
)
PREFIX_QUERIES = ("cong* nghe* sinh*", "cong* nghe* sinh* hoc* thuc* pham* nong* nghiep*")
LARGE = 100_000
REBUILT = 1_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-suite", action="store_true", help="leave out step 3")
    parser.add_argument("--large", type=int, default=LARGE, help="records of step 4")
    options = parser.parse_args(argv)
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    if not url:
        print(SKIPPED)
        return 0
    from indexer.search.elasticsearch_engine import ElasticsearchEngine

    prefix = f"check-es-{uuid.uuid4().hex[:8]}"
    made: list[ElasticsearchEngine] = []

    def engine(name: str) -> ElasticsearchEngine:
        made.append(ElasticsearchEngine(url, f"{prefix}-{name}"))
        return made[-1]

    steps = [
        ("template and first index", lambda: step_template(engine("first"))),
        ("analyzers as tantivy's", lambda: step_analyzers(made[0])),
        ("test suite, warnings as errors", lambda: step_suite(url, options.skip_suite)),
        ("clause limit on a large index", lambda: step_clauses(engine("large"), options.large)),
        ("rebuild while another process writes", lambda: step_rebuild(url, engine("rebuild"))),
        ("relevance side by side", lambda: step_relevance(engine("relevance"))),
    ]
    failed = 0
    try:
        for number, (name, step) in enumerate(steps, start=1):
            print(f"\n== {number}. {name}", flush=True)
            started = time.perf_counter()
            try:
                note = step()
            except Exception:  # noqa: BLE001 - a step fails, the next ones still run
                failed += 1
                traceback.print_exc()
                print(f"FAILED: {name}", flush=True)
                continue
            print(f"ok ({time.perf_counter() - started:.1f} s){': ' + note if note else ''}")
    finally:
        for made_engine in made:
            drop(made_engine)
    print(f"\ncheck-es: {len(steps) - failed} of {len(steps)} steps passed")
    return failed


def drop(engine) -> None:
    """Delete an engine's indexes and template (by name: clusters refuse wildcard deletes)."""
    client = engine.client.options(ignore_status=404)
    names = client.indices.get_alias(index=f"{engine.alias}-*").body
    for name in names if isinstance(names, dict) else ():
        if name.startswith(f"{engine.alias}-"):
            client.indices.delete(index=name)
    client.indices.delete_index_template(name=engine.alias)


# -- the steps ------------------------------------------------------------------------------------


def step_template(engine) -> str:
    info = engine.client.info().body
    assert engine.count() == 0, "a new prefix should start empty"
    assert engine.needs_rebuild
    heaps = engine.client.nodes.stats(metric="jvm").body["nodes"].values()
    heap = min(node["jvm"]["mem"]["heap_max_in_bytes"] for node in heaps) // 2**20
    return f"Elasticsearch {info['version']['number']}, smallest heap {heap} MB"


def step_analyzers(engine) -> str:
    from indexer.search import vietnamese

    tantivy = vietnamese.analyzers()
    pairs = {
        "vi_folded": vietnamese.FOLDED,
        "vi_exact": vietnamese.EXACT,
        "en_stemmed": vietnamese.EN_STEM,
    }
    index, wrong = engine.build, []
    for text in ANALYZED:
        for ours, theirs in pairs.items():
            answer = engine.client.indices.analyze(index=index, analyzer=ours, text=text).body
            got = [token["token"] for token in answer["tokens"]]
            expected = tantivy[theirs].analyze(vietnamese.normalise(text))
            if got != expected:
                wrong.append(f"{ours}({text!r}) = {got}, tantivy {expected}")
        answer = engine.client.indices.analyze(index=index, normalizer="vi_keyword", text=text)
        got = [token["token"] for token in answer.body["tokens"]]
        expected = tantivy[vietnamese.KEYWORD].analyze(text)
        if got != expected:
            wrong.append(f"vi_keyword({text!r}) = {got}, tantivy {expected}")
    assert not wrong, "\n".join(wrong)
    return f"{len(ANALYZED)} strings, 3 analyzers and the normalizer"


def step_suite(url: str, skip: bool) -> str:
    if skip:
        return "left out (--skip-suite)"
    command = [sys.executable, "-m", "pytest", "-W", "error", "-q", "-p", "no:cacheprovider"]
    done = subprocess.run(command, cwd=ROOT, env=os.environ | {"ELASTICSEARCH_URL": url})
    assert done.returncode == 0, f"pytest exited with {done.returncode}"
    return "every test passed"


def step_clauses(engine, count: int) -> str:
    from benchmarks import synthetic
    from indexer.search.engine import SearchRequest

    started = time.perf_counter()
    indexed = engine.rebuild(synthetic.records(count))
    loaded = time.perf_counter() - started
    found = []
    for text in PREFIX_QUERIES:
        response = engine.search(SearchRequest(text=text))  # SearchError on too_many_clauses
        found.append(f"{text!r}: {response.total}")
    return f"{indexed} records loaded in {loaded:.0f} s; " + ", ".join(found)


def _stamp(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat()


def _writer(engine, ids: list[str], records: dict, go, stop, results) -> None:
    """Another process: changes and deletes records while the rebuild runs, and a little after.
    ``engine``: an ElasticsearchEngine, or (url, alias) to make one."""
    if isinstance(engine, tuple):
        from indexer.search.elasticsearch_engine import ElasticsearchEngine

        engine = ElasticsearchEngine(*engine)
    go.wait(120)
    changed, deleted, round_ = {}, [], 0
    while not stop.is_set() or round_ < 3:
        round_ += 1
        batch = ids[:-100][round_ % 7 :: 7][:20]  # the last 100 are the ones deleted
        titles = {id_: f"Đã sửa lần {round_} {id_}" for id_ in batch}
        stamp = _stamp(time.time())
        engine.upsert([records[id_] | {"title": titles[id_], "updated_at": stamp} for id_ in batch])
        changed |= titles
        if round_ <= 100:
            deleted.append(ids[-round_])
            engine.delete([ids[-round_]])
        time.sleep(0.1)
    results.put((changed, deleted))


@functools.cache
def corpus() -> list[dict]:
    """The records of the corpus documents (``benchmarks/relevance.py``), read once."""
    from benchmarks import relevance

    return relevance.corpus_records()


def step_rebuild(url: str, engine, base: list[dict] | None = None, other=None) -> str:
    """``other``: the engine of the other writer, run in a thread (tests: no cluster to share
    between processes); by default a process of its own on ``url``."""
    from indexer.search.documents import search_document

    base = [r for r in base or corpus() if search_document(r | {"id": "x"}) is not None]
    early = _stamp(time.time() - 60)
    records = {
        f"r{n:04d}": {**base[n % len(base)], "id": f"r{n:04d}", "updated_at": early}
        for n in range(REBUILT)
    }
    ids = sorted(records)
    engine.rebuild([records[id_] for id_ in ids[:10]])  # an index to serve meanwhile
    if other is None:
        context = multiprocessing.get_context("spawn")
        go, stop, results = context.Event(), context.Event(), context.Queue()
        arguments = ((url, engine.alias), ids, records, go, stop, results)
        writer = context.Process(target=_writer, args=arguments)
    else:
        import queue
        import threading

        go, stop, results = threading.Event(), threading.Event(), queue.Queue()
        writer = threading.Thread(target=_writer, args=(other, ids, records, go, stop, results))
    writer.start()

    def slowly():  # the database as a rebuild reads it: everything as it was at the start
        for number, id_ in enumerate(ids):
            if number == 50:
                go.set()  # the other process starts writing now
            if number % 100 == 0:
                time.sleep(0.5)
            yield records[id_]

    try:
        engine.rebuild(slowly())
    finally:
        stop.set()
    changed, deleted = results.get(timeout=300)
    writer.join(60)
    client = engine.client
    client.indices.refresh(index=engine.alias)
    wrong = []
    for id_, title in changed.items():
        found = client.options(ignore_status=404).get(index=engine.alias, id=id_).body
        if (found.get("_source") or {}).get("title") != title:
            wrong.append(f"{id_}: {(found.get('_source') or {}).get('title')!r}, not {title!r}")
    for id_ in deleted:
        if client.options(ignore_status=404).get(index=engine.alias, id=id_).body.get("found"):
            wrong.append(f"{id_}: deleted, still there")
    expected = REBUILT - len(set(deleted))
    assert engine.count() == expected, f"{engine.count()} records, {expected} expected"
    assert not wrong, "\n".join(wrong[:20])
    return f"{len(changed)} changes and {len(deleted)} deletions by another process, all kept"


def step_relevance(engine) -> str:
    import tempfile

    from benchmarks import relevance
    from indexer.search.tantivy_engine import TantivyEngine

    queries = relevance.judgements()
    records = corpus()
    with tempfile.TemporaryDirectory() as folder:
        both = {"tantivy": TantivyEngine(Path(folder)), "elasticsearch": engine}
        results = {}
        for name, each in both.items():
            each.rebuild(records)
            results[name] = relevance.evaluate(each, queries)
    figures = {name: relevance.summary(found) for name, found in results.items()}
    print(f"  {'queries':<20} {'n':>3} {'tantivy':>16} {'elasticsearch':>16}")
    for group in figures["tantivy"]:
        cells = [
            f"{figures[name][group]['ndcg']:.3f}/{figures[name][group]['mrr']:.3f}"
            for name in both
        ]
        count = figures["tantivy"][group]["queries"]
        print(f"  {group:<20} {count:>3} {cells[0]:>16} {cells[1]:>16}")
    differing = [
        (ours["query"], ours["ranked"][:5], theirs["ranked"][:5])
        for ours, theirs in zip(results["tantivy"], results["elasticsearch"], strict=True)
        if ours["ranked"][:5] != theirs["ranked"][:5]
    ]
    for query, ours, theirs in differing:
        print(f"  top five differ for {query!r}:\n    tantivy {ours}\n    elastic {theirs}")
    return f"{len(queries)} judged queries, {len(differing)} with another top five"


if __name__ == "__main__":
    sys.exit(main())
