"""Run one document at a time in isolated worker processes, each under a time and memory limit.

A pathological PDF (page-tree loops, huge pages, decompression bombs, a native crash) must cost
its own batch slot and nothing else. ``concurrent.futures`` cannot do that: it cannot tell
which worker holds which task, so a stuck task cannot be killed alone, and one dead worker
breaks the whole pool. Here each worker has its own pipe, the parent knows what each one is
doing and since when, and:

* a task over its time limit gets its worker killed (SIGKILL: native code ignores anything
  gentler) and a fresh worker takes its place; the task fails with reason ``timeout``;
* memory is capped with ``RLIMIT_AS`` in each worker, so an allocation that would exceed it
  raises ``MemoryError`` in the worker (reason ``too_large``) instead of swapping the machine;
* a worker that dies (segfault, OOM killer) fails its task with reason ``crashed``.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

# Seconds for one document. OCR costs about a second of CPU per page, and scanned final reports
# run to a few hundred pages; raise it (``ingest --timeout``) for longer scans.
DEFAULT_TIMEOUT = 600.0
DEFAULT_MEMORY_MB = 3072


@dataclass(frozen=True)
class Failure:
    reason: str  # "timeout" | "too_large" | "crashed"
    message: str


def _worker_main(
    conn: Connection, task: Callable, initializer, memory_mb: int, environ: dict[str, str]
) -> None:
    # a worker forked from the fork server has the server's environment: take the caller's, as
    # a spawned worker would
    if os.environ != environ:
        os.environ.clear()
        os.environ.update(environ)
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if initializer is not None:
        initializer()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            # A clean stop: nothing is left to flush but the standard streams. Tearing down an
            # interpreter that holds spaCy and its vocabularies takes a third of a second per
            # worker, at the end of every ingest; the operating system frees it all at once.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
        key, args = job
        try:
            result = task(*args)
        except MemoryError:
            result = Failure("too_large", f"Reading it needed more than {memory_mb} MB of memory.")
        conn.send((key, result))


class _Worker:
    def __init__(self, context, task, initializer, memory_mb):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(child, task, initializer, memory_mb, dict(os.environ)),
            daemon=True,
        )
        self.process.start()
        child.close()
        self.job = None
        self.started = 0.0

    def give(self, key, args) -> None:
        self.job = (key, args)
        self.started = time.monotonic()
        self.conn.send(self.job)

    def stop(self, kill: bool = False) -> None:
        self.ask_to_stop(kill)
        self.wait_stopped()

    def ask_to_stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (BrokenPipeError, OSError):
                pass

    def wait_stopped(self) -> None:
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_isolated(
    task: Callable,
    jobs: Iterable[tuple[object, tuple]],
    *,
    workers: int = 2,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    initializer: Callable | None = None,
) -> Iterator[tuple[object, object]]:
    """Yield ``(key, result)`` for each ``(key, args)`` job as it finishes; ``result`` is what
    ``task(*args)`` returned, or a :class:`Failure`. ``task`` and ``initializer`` must be
    importable module-level functions (workers are spawned, or forked from a fork server that
    preloaded the ingest's libraries: see :func:`_context`).

    The workers are driven by a thread of their own: a worker that finishes gets its next job at
    once, even while the caller is still busy with an earlier result (storing it, waiting on the
    disk), so the workers never wait for the caller."""
    results: queue.SimpleQueue = queue.SimpleQueue()
    stop = threading.Event()
    driver = threading.Thread(
        target=_drive,
        args=(task, deque(jobs), workers, timeout, memory_mb, initializer, results, stop),
        name="isolated-workers",
        daemon=True,
    )
    driver.start()
    try:
        while (item := results.get()) is not _FINISHED:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()  # the caller may stop early: the driver then stops the workers
        driver.join()


_FINISHED = object()
# How often the driver looks at ``stop`` while every worker is busy.
_STOP_POLL_SECONDS = 0.2


def _drive(task, pending, workers, timeout, memory_mb, initializer, results, stop) -> None:
    """Give jobs to workers one at a time, enforce the time limit, replace dead workers, and put
    each ``(key, outcome)`` on ``results``; then ``_FINISHED`` (after an error, the error)."""
    context = _context(initializer)
    pool: list[_Worker] = []
    try:
        pool += [
            _Worker(context, task, initializer, memory_mb)
            for _ in range(max(1, min(workers, len(pending))))
        ]
        for worker in pool:
            if pending:
                worker.give(*pending.popleft())
        while any(worker.job for worker in pool) and not stop.is_set():
            busy = [worker for worker in pool if worker.job]
            now = time.monotonic()
            wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                             timeout=min(wait_for, _STOP_POLL_SECONDS)))
            for index, worker in enumerate(pool):
                if worker.job is None:
                    continue
                key = worker.job[0]
                replace, outcome = False, None
                if worker.conn in ready:
                    try:
                        _, outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        replace, outcome = True, _crash(worker)
                elif worker.process.sentinel in ready:
                    replace, outcome = True, _crash(worker)
                elif time.monotonic() - worker.started >= timeout:
                    replace = True
                    outcome = Failure("timeout", f"Reading it took longer than {timeout:.0f} s.")
                if outcome is None:
                    continue
                worker.job = None
                if replace:
                    worker.stop(kill=True)
                    worker = pool[index] = _Worker(context, task, initializer, memory_mb)
                if pending:
                    worker.give(*pending.popleft())
                results.put((key, outcome))
        results.put(_FINISHED)
    except BaseException as error:  # noqa: BLE001 - handed to the caller's thread, raised there
        results.put(error)
    finally:
        # every worker told first, then waited for: they wind down side by side
        for worker in pool:
            worker.ask_to_stop(kill=worker.job is not None)
        for worker in pool:
            worker.wait_stopped()


# What the fork server imports once for every worker forked from it: the caller's main module
# (which a spawned worker imports too) and the ingest's libraries.
FORK_SERVER_PRELOAD = ["__main__", "indexer.worker_preload"]


def _context(initializer):
    """How workers start. Workers with an initializer (the ingest's, which loads spaCy and the
    vocabularies) are forked from a fork server that loaded all that once
    (:mod:`indexer.worker_preload`): each worker then starts in milliseconds instead of a
    second of CPU. The server is started with "spawn" (it never holds the caller's threads)
    and serves every later batch of the process. Other workers are spawned: a small memory
    limit must not count the server's libraries."""
    if initializer is None or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(FORK_SERVER_PRELOAD)
    return context


def _crash(worker: _Worker) -> Failure:
    worker.process.join(1)
    code = worker.process.exitcode
    if code is not None and code < 0:
        try:
            import signal

            how = f"signal {signal.Signals(-code).name}"
        except ValueError:
            how = f"signal {-code}"
    else:
        how = f"exit code {code}"
    return Failure("crashed", (
        f"The reader process died while reading it ({how}): the file is malformed in a way the "
        "PDF engine cannot survive (a form that draws itself, say); re-export it from the "
        "original document or repair it with a PDF tool."
    ))


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
