"""One pathological document costs its own slot and nothing else: time and memory limits,
crashes, and real pathological PDFs through the ingest."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

from corpus_samples.pdf_objects import assemble
from indexer.isolation import Failure, run_isolated
from repo_app.services.ingest import Ingestor


def sleepy(seconds: float) -> str:
    time.sleep(seconds)
    return f"slept {seconds}"


def greedy(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def suicidal() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def stamped(seconds: float) -> float:
    """Sleeps, and says when it started (seconds since the epoch: the same clock in every
    process)."""
    started = time.time()
    time.sleep(seconds)
    return started


def dispatch(name: str, *args):
    tasks = {"sleepy": sleepy, "greedy": greedy, "suicidal": suicidal, "stamped": stamped}
    return tasks[name](*args)


def test_a_stuck_task_is_killed_and_the_others_finish():
    jobs = [("stuck", ("sleepy", 60)), ("a", ("sleepy", 0.1)), ("b", ("sleepy", 0.1))]
    started = time.monotonic()
    # 8 s: room for a worker to start on a loaded machine; the stuck task sleeps far longer
    results = dict(run_isolated(dispatch, jobs, workers=2, timeout=8, memory_mb=0))
    assert time.monotonic() - started < 30
    assert results["a"] == "slept 0.1" and results["b"] == "slept 0.1"
    assert isinstance(results["stuck"], Failure) and results["stuck"].reason == "timeout"


def test_memory_over_the_limit_is_refused_not_swapped():
    jobs = [("bomb", ("greedy", 2048)), ("fine", ("greedy", 10))]
    results = dict(run_isolated(dispatch, jobs, workers=1, timeout=30, memory_mb=600))
    assert results["fine"] == 10 * 1024 * 1024
    assert isinstance(results["bomb"], Failure) and results["bomb"].reason == "too_large"


def test_a_crashing_worker_is_replaced():
    jobs = [("crash", ("suicidal",)), ("after", ("sleepy", 0))]
    results = dict(run_isolated(dispatch, jobs, workers=1, timeout=30, memory_mb=0))
    assert results["crash"].reason == "crashed" and "SIGSEGV" in results["crash"].message
    assert results["after"] == "slept 0"


def test_a_worker_gets_its_next_job_while_the_caller_is_busy_with_a_result():
    jobs = [(number, ("stamped", 0.2)) for number in range(4)]
    results = run_isolated(dispatch, jobs, workers=2, timeout=30, memory_mb=0)
    started_at, handled_at = {}, []
    for key, started in results:
        started_at[key] = started
        time.sleep(1.0)  # the caller storing a result: the other worker must not wait for it
        handled_at.append(time.time())
    # both workers finish their first job together; each has its next one before the caller is
    # done with the first result
    assert max(started_at[2], started_at[3]) < handled_at[0]


def test_a_caller_that_stops_early_leaves_no_worker_behind():
    jobs = [("quick", ("sleepy", 0)), ("stuck", ("sleepy", 60)), ("stuck too", ("sleepy", 60))]
    results = run_isolated(dispatch, jobs, workers=2, timeout=120, memory_mb=0)
    key, _ = next(results)
    results.close()  # e.g. the ingest stopped by an error or Ctrl-C
    assert multiprocessing.active_children() == []


def test_pathological_pdfs_are_set_aside_and_the_batch_goes_on(services, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    # A page tree whose Kids point back to itself.
    (folder / "page-tree-loop.pdf").write_bytes(assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
    ]))
    # A circular object reference chain.
    (folder / "circular.pdf").write_bytes(assemble([
        b"<< /Type /Catalog /Pages 3 0 R >>",
        b"<< /Next 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 /Parent 3 0 R >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 14400 14400] /Contents 5 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]))
    from tests.conftest import CORPUS

    good = sorted((CORPUS / "patents").glob("*.pdf"))[0]
    (folder / good.name).write_bytes(good.read_bytes())
    summary = Ingestor(services, workers=2, timeout=60).run([folder])
    by_name = {os.path.basename(o.path): o for o in summary.outcomes}
    assert by_name[good.name].status == "ingested"
    assert by_name["page-tree-loop.pdf"].status == "quarantined"
    assert by_name["page-tree-loop.pdf"].reason == "page_tree_loop"
    assert by_name["page-tree-loop.pdf"].message
    # a dictionary that names itself, and a page tree that is its own parent, harm nobody: the
    # one (blank) page is read
    assert by_name["circular.pdf"].status == "ingested"
    assert len(summary.outcomes) == 3
