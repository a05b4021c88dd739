"""The search-results cache: what a reader gets is what the index holds at its last commit."""

from __future__ import annotations

import threading

from search_records import RECORDS, ids, record, search

from indexer.search.engine import SearchRequest, SearchResponse
from indexer.search.results_cache import ResultsCache
from indexer.search.tantivy_engine import TantivyEngine


def cached_engine(path, entries=64) -> TantivyEngine:
    return TantivyEngine(path, results_cache=ResultsCache(entries))


def test_the_same_question_before_any_commit_is_answered_from_memory(tmp_path):
    engine = cached_engine(tmp_path)
    engine.upsert(RECORDS)
    first = search(engine, "nước mắm")
    again = search(engine, "nuoc mam")  # another question: computed
    repeated = search(engine, "nước mắm")
    assert ids(repeated) == ids(first) and repeated.facets == first.facets
    assert engine.results_cache.hits == 1 and engine.results_cache.misses == 2
    assert ids(again)  # the folded question finds the same records, computed on its own


def test_a_commit_in_this_process_is_seen_by_the_next_search(tmp_path):
    engine = cached_engine(tmp_path)
    engine.upsert(RECORDS)
    assert search(engine, "quarkwash").total == 0
    engine.upsert([record("new-one", "Máy lọc quarkwash cho nước mắm")])
    assert ids(search(engine, "quarkwash")) == ["new-one"]
    engine.delete(["new-one"])
    assert search(engine, "quarkwash").total == 0


def test_a_commit_by_another_worker_process_is_seen_too(tmp_path):
    """Two gunicorn workers share the index folder: each has its own engine and cache."""
    reader = cached_engine(tmp_path)
    writer = TantivyEngine(tmp_path)
    writer.upsert(RECORDS)
    before = search(reader, "nước mắm").total
    assert search(reader, "nước mắm").total == before and reader.results_cache.hits == 1
    writer.upsert([record("other-worker", "Nước mắm từ cá cơm than")])
    assert search(reader, "nước mắm").total == before + 1
    writer.rebuild(RECORDS[:2])  # a rebuild switches folders: a new generation as well
    assert search(reader, "nước mắm").total <= 2


def test_filters_in_another_order_are_the_same_question(tmp_path):
    engine = cached_engine(tmp_path)
    engine.upsert(RECORDS)
    search(engine, "", filters={"kind": ["patent", "research_result"], "year": ["2020.."]})
    search(engine, "", filters={"year": ["2020.."], "kind": ["research_result", "patent"]})
    assert engine.results_cache.hits == 1


def test_deep_and_large_pages_are_not_kept(tmp_path):
    engine = cached_engine(tmp_path)
    engine.upsert(RECORDS)
    for _ in range(2):
        search(engine, "", page=4, size=2)
        search(engine, "", size=100)
    assert engine.results_cache.hits == 0 and len(engine.results_cache) == 0


def test_the_cache_keeps_at_most_its_entries_and_drops_the_least_recent():
    cache = ResultsCache(entries=2)
    answers = {text: SearchResponse(total=len(text), hits=[], facets={}) for text in "abc"}

    def ask(text):
        return cache.answer(SearchRequest(text=text), "g1", lambda: answers[text])

    ask("a"), ask("b"), ask("a"), ask("c")  # "b" is the least recently used when "c" comes
    assert len(cache) == 2
    hits = cache.hits
    ask("a")
    assert cache.hits == hits + 1
    ask("b")
    assert cache.hits == hits + 1  # "b" was dropped: computed again


def test_what_a_caller_changes_in_its_answer_does_not_change_the_next_one():
    cache = ResultsCache()
    request = SearchRequest(text="x")
    first = cache.answer(request, 1, lambda: SearchResponse(1, [{"id": "a"}], {}))
    first.hits[0]["id"] = "changed"
    first.hits.append({"id": "b"})
    assert cache.answer(request, 1, lambda: None).hits == [{"id": "a"}]


def test_threads_share_one_cache_and_agree(tmp_path):
    engine = cached_engine(tmp_path)
    engine.upsert(RECORDS)
    expected = ids(search(TantivyEngine(tmp_path), "nước mắm"))
    answers, errors = [], []

    def ask():
        try:
            for _ in range(20):
                answers.append(ids(search(engine, "nước mắm")))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(answers) == 80 and all(found == expected for found in answers)
    assert engine.results_cache.hits >= 70
