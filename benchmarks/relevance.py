"""Search relevance on the judged queries: nDCG@10 and MRR per engine.

    .venv/bin/python benchmarks/relevance.py [--queries]

Reads every readable document of ``corpus_samples/`` (``ground_truth.json``) through
``indexer.extract.extract_document``, indexes the records in each available engine (tantivy always;
Elasticsearch when ``ELASTICSEARCH_URL`` is set and ``indexer.search.elasticsearch_engine``
exists), runs the queries of ``tests/relevance_judgements.json`` and prints, per engine, nDCG@10 and
MRR overall and per kind of query (``--queries``: every query, worst first). A record is named by
its path under ``corpus_samples/``, which is also its id in the index.

* nDCG@10: discounted cumulative gain of the first 10 hits, gain ``2**grade - 1``, divided by the
  gain of the ideal ranking of the judged records.
* MRR: mean of 1 / rank of the first hit graded at least ``RELEVANT`` (0 if none in the first 10).

``tests/test_relevance.py`` uses the same functions and fails below its floors.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.search.engine import SearchRequest  # noqa: E402

CORPUS = ROOT / "corpus_samples"
JUDGEMENTS = ROOT / "tests" / "relevance_judgements.json"
CUTOFF = 10
RELEVANT = 2  # the grade from which a hit counts for MRR


def judgements(path: Path = JUDGEMENTS) -> list[dict]:
    """The judged queries: ``{"query", "kind", "relevant": {path: grade}}``."""
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


def corpus_paths() -> list[str]:
    """Paths (under corpus_samples/) of the readable documents of the main ground truth."""
    truth = json.loads((CORPUS / "ground_truth.json").read_text(encoding="utf-8"))
    return [entry["path"] for entry in truth["documents"] if "expected" in entry]


def corpus_records(paths: Iterable[str] | None = None) -> list[dict]:
    """Records extracted from the corpus documents, each with its path as id."""
    from indexer.extract import extract_document

    return [
        {**extract_document(CORPUS / path).record, "id": path}
        for path in (corpus_paths() if paths is None else paths)
    ]


def dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg(ranked: list[str], relevant: dict[str, int], cutoff: int = CUTOFF) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True)[:cutoff])
    if ideal == 0:
        return 1.0 if not ranked else 0.0
    return dcg([relevant.get(id_, 0) for id_ in ranked[:cutoff]]) / ideal


def reciprocal_rank(ranked: list[str], relevant: dict[str, int], cutoff: int = CUTOFF) -> float:
    for rank, id_ in enumerate(ranked[:cutoff], start=1):
        if relevant.get(id_, 0) >= RELEVANT:
            return 1 / rank
    return 0.0


def evaluate(engine, queries: list[dict]) -> list[dict]:
    """Each judged query with its top hits, nDCG@10 and reciprocal rank on this engine."""
    results = []
    for judged in queries:
        response = engine.search(SearchRequest(text=judged["query"], size=CUTOFF))
        ranked = [hit["id"] for hit in response.hits]
        results.append(
            {
                **judged,
                "ranked": ranked,
                "ndcg": ndcg(ranked, judged["relevant"]),
                "rr": reciprocal_rank(ranked, judged["relevant"]),
            }
        )
    return results


def summary(results: list[dict]) -> dict:
    """Mean nDCG@10 and MRR overall and per kind of query."""
    kinds: dict[str, list[dict]] = {}
    for result in results:
        kinds.setdefault(result["kind"], []).append(result)
    groups = {"all": results, **dict(sorted(kinds.items()))}
    return {
        name: {
            "queries": len(group),
            "ndcg": statistics.fmean(r["ndcg"] for r in group),
            "mrr": statistics.fmean(r["rr"] for r in group),
        }
        for name, group in groups.items()
    }


def engines(folder: Path) -> dict:
    """The engines to measure, by name: tantivy always, Elasticsearch when configured."""
    from indexer.search.tantivy_engine import TantivyEngine

    found = {"tantivy": TantivyEngine(folder / "tantivy")}
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        try:
            from indexer.search.elasticsearch_engine import ElasticsearchEngine
        except ImportError as error:
            print(f"Elasticsearch skipped: {error}", file=sys.stderr)
        else:
            found["elasticsearch"] = ElasticsearchEngine(url, "relevance-benchmark")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", action="store_true", help="print every query, worst first")
    options = parser.parse_args(argv)
    queries = judgements()
    started = time.perf_counter()
    records = corpus_records()
    print(
        f"{len(records)} documents read in {time.perf_counter() - started:.1f} s, "
        f"{len(queries)} judged queries, nDCG@{CUTOFF} and MRR (first hit graded >= {RELEVANT})"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name, engine in engines(Path(folder)).items():
            engine.rebuild(records)
            started = time.perf_counter()
            results = evaluate(engine, queries)
            elapsed = (time.perf_counter() - started) / len(queries) * 1000
            print(f"\n{name} ({elapsed:.1f} ms per query)")
            print(f"  {'queries':<20} {'n':>3} {'nDCG@10':>8} {'MRR':>6}")
            for group, figures in summary(results).items():
                print(
                    f"  {group:<20} {figures['queries']:>3} {figures['ndcg']:>8.3f} "
                    f"{figures['mrr']:>6.3f}"
                )
            if options.queries:
                for result in sorted(results, key=lambda r: (r["ndcg"], r["query"])):
                    print(f"  {result['ndcg']:.3f} {result['rr']:.2f}  {result['query']}")
                    for rank, id_ in enumerate(result["ranked"], start=1):
                        grade = result["relevant"].get(id_, 0)
                        print(f"        {rank:>2}. [{grade}] {id_}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
