"""Relevance on the judged queries (tests/relevance_judgements.json) over the sample corpus.

The corpus documents are read once per session through ``indexer.extract.extract_document`` and
indexed straight into the engine: no application, no database. The measure is the one
``benchmarks/relevance.py`` prints (nDCG@10, MRR); this test fails below the floors.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from indexer.search.engine import SearchRequest
from indexer.search.tantivy_engine import TantivyEngine

ROOT = Path(__file__).resolve().parent.parent
NDCG_FLOOR = 0.9  # mean nDCG@10 over every judged query
MRR_FLOOR = 0.95
QUERY_FLOOR = 0.5  # no single query may fall below this
KINDS = {"diacritics", "no diacritics", "typo", "english", "fielded", "phrase", "code"}


def _benchmark():
    spec = importlib.util.spec_from_file_location("relevance", ROOT / "benchmarks/relevance.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


relevance = _benchmark()


@pytest.fixture(scope="session")
def corpus_records() -> list[dict]:
    """The readable documents of corpus_samples/, each with its path as id."""
    return relevance.corpus_records()


@pytest.fixture(scope="module")
def engine(corpus_records, tmp_path_factory):
    engine = TantivyEngine(tmp_path_factory.mktemp("relevance"))
    assert engine.rebuild(corpus_records) == len(corpus_records)
    return engine


@pytest.fixture(scope="module")
def results(engine) -> list[dict]:
    return relevance.evaluate(engine, relevance.judgements())


def test_the_judged_set_covers_what_users_type(corpus_records):
    queries = relevance.judgements()
    assert len(queries) >= 40
    assert len(corpus_records) >= 44
    paths = {record["id"] for record in corpus_records}
    for judged in queries:
        assert judged["relevant"], judged["query"]
        assert set(judged["relevant"]) <= paths, judged["query"]
        assert set(judged["relevant"].values()) <= {0, 1, 2, 3}, judged["query"]
        assert max(judged["relevant"].values()) >= relevance.RELEVANT, judged["query"]
    kinds = Counter(judged["kind"] for judged in queries)
    assert set(kinds) >= KINDS and kinds["diacritics"] >= 5 and kinds["no diacritics"] >= 5
    assert len({judged["query"] for judged in queries}) == len(queries)


@pytest.mark.parametrize(
    ("ranked", "relevant", "ndcg", "rr"),
    [
        (["a", "b"], {"a": 3, "b": 1}, 1.0, 1.0),
        (["b", "a"], {"a": 3, "b": 1}, (1 + 7 / 1.5849625) / (7 + 1 / 1.5849625), 0.5),
        (["x", "y"], {"a": 3}, 0.0, 0.0),
        ([], {"a": 2}, 0.0, 0.0),
        (["x", "a"], {"a": 1, "b": 2}, (1 / 1.5849625) / (3 + 1 / 1.5849625), 0.0),
    ],
)
def test_measures(ranked, relevant, ndcg, rr):
    assert relevance.ndcg(ranked, relevant) == pytest.approx(ndcg)
    assert relevance.reciprocal_rank(ranked, relevant) == pytest.approx(rr)


def test_relevance_is_above_the_floor(results):
    figures = relevance.summary(results)["all"]
    weakest = sorted(results, key=lambda result: result["ndcg"])[:5]
    report = "; ".join(f"{r['query']!r} {r['ndcg']:.2f}" for r in weakest)
    assert figures["ndcg"] >= NDCG_FLOOR, f"nDCG@10 {figures['ndcg']:.3f}; weakest: {report}"
    assert figures["mrr"] >= MRR_FLOOR, f"MRR {figures['mrr']:.3f}; weakest: {report}"
    assert weakest[0]["ndcg"] >= QUERY_FLOOR, report


def test_queries_without_diacritics_find_what_queries_with_them_find(engine):
    pairs = [("nước mắm", "nuoc mam"), ("điện gió", "dien gio"), ("thanh long", "thanh long")]
    pairs += [("nhiễm phèn", "nhiem phen"), ("đột quỵ", "dot quy"), ("mủ trôm", "mu trom")]
    for marked, plain in pairs:
        found = [
            {hit["id"] for hit in engine.search(SearchRequest(text=text, size=100)).hits}
            for text in (marked, plain)
        ]
        assert found[0] == found[1] and found[0], marked
