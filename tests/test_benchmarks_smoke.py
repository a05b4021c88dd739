"""The search benchmarks run end to end at a tiny size and print their figures.

No timing is asserted (speed figures are printed by the benchmarks themselves). What is checked:
the synthetic corpus honours the record contract and is deterministic, the SQLite FTS5 baseline
answers the same totals and facet counts as the tantivy engine (so the printed ratio compares like
with like), and the HTTP benchmark gets only 2xx answers from gunicorn.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import synthetic  # noqa: E402

from indexer.search.documents import search_document  # noqa: E402
from indexer.search.vietnamese import fold  # noqa: E402
from schemas.records import validate_record  # noqa: E402


def run_script(name: str, *args: str, timeout: int = 600) -> str:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False,
    )
    assert done.returncode == 0, f"{name} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_synthetic_records_follow_the_record_contract():
    records = list(synthetic.records(500))
    assert len({record["id"] for record in records}) == 500
    for record in records:
        loaded = validate_record(record)
        assert loaded["title"] and loaded["sectors"]
        assert 1_000 <= len(record["full_text"].encode()) <= 4_000
    kinds = Counter(record["kind"] for record in records)
    assert kinds["research_result"] > kinds["patent"] > 0


def test_synthetic_records_are_deterministic_and_lazy():
    first = list(synthetic.records(2_500))
    assert first == list(synthetic.records(2_500))
    assert first[1_700:] == list(synthetic.records(2_500, start=1_700))
    assert list(synthetic.records(3, seed=7)) != first[:3]
    generator = synthetic.records(10**9)  # nothing is built before it is asked for
    assert next(generator)["id"] == first[0]["id"]


def test_synthetic_access_levels_and_vietnamese_text():
    records = list(synthetic.records(5_000))
    levels = Counter(record["access_level"] for record in records)
    assert 0.015 < levels["restricted"] / 5_000 < 0.05
    assert 0.03 < levels["metadata_only"] / 5_000 < 0.08
    vietnamese = [record for record in records if record["language"] == "vi"]
    assert all(fold(record["title"]) != record["title"].lower() for record in vietnamese[:200])
    restricted = next(record for record in records if record["access_level"] == "restricted")
    assert search_document(restricted) is None


def test_synthetic_queries_have_two_words_some_without_diacritics():
    queries = synthetic.queries(300)
    assert queries == synthetic.queries(300)
    assert all(len(query.split()) == 2 for query in queries)
    folded = [query for query in queries if query == fold(query)]
    assert 0.15 < len(folded) / len(queries) < 0.6
    filters = synthetic.query_filters(50)
    assert all(len(selected) == 2 for selected in filters)


@pytest.mark.slow
def test_search_benchmark_prints_figures_and_both_engines_agree():
    out = run_script("search.py", "--sizes", "500", "--queries", "40")
    assert re.search(r"tantivy rebuild\(\)\s+500 records in .* records/s", out)
    assert re.search(r"fts5 build\+optimize\s+500 records", out)
    for key in ("a", "b", "c"):
        assert f"({key}) top-10" in out
    latency = re.findall(r"^\s+(tantivy|fts5)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out, re.M)
    assert len(latency) == 6  # p50 p95 p99 for both engines in 3 scenarios
    totals = re.findall(r"same total on both engines for (\d+)/(\d+) queries", out)
    assert totals and all(same == of for same, of in totals)
    agreed = re.search(r"same total and facet counts on both engines .*: (\d+)/(\d+)", out)
    assert agreed and agreed.group(1) == agreed.group(2) != "0"
    assert "| 500 | tantivy |" in out and "| 500 | fts5 |" in out


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("wrk") is None, reason="wrk is not installed (apt-get install -y wrk)")
def test_http_benchmark_serves_only_2xx_and_stops_gunicorn():
    out = run_script("http_load.py", "--records", "500", "--seconds", "2", "--paths", "400",
                     "--mixes", "realistic", "--cache", "on,off", "--staff-writers", "1")
    runs = re.findall(r"^requests/s\s+([\d,]+)", out, re.M)
    assert len(runs) == 2 and all(int(rate.replace(",", "")) > 0 for rate in runs)
    assert re.search(r"^latency ms\s+p50 [\d.]+\s+p95 [\d.]+\s+p99 [\d.]+", out, re.M)
    assert len(re.findall(r"errors\s+non-2xx 0, socket 0", out)) == 2
    assert "errors in all runs: 0" in out
    assert re.search(r"cache on / off, realistic mix: [\d.]+x requests/s", out)
    assert "invariants hold" in out
    for pid in re.findall(r"\(pid (\d+)\)", out):
        assert not Path(f"/proc/{pid}").exists()  # every gunicorn was stopped
    instance = re.search(r"^instance (\S+):", out, re.M).group(1)
    assert not Path(instance).exists()  # and the temp instance removed
