"""Ingest speed, per stage, against bare pypdfium2 text extraction of the same files.

    .venv/bin/python benchmarks/ingest.py [--pages 2000] [--workers 2] [--ocr-pages 12]

Builds a corpus of at least ``--pages`` born-digital pages from corpus_samples (each copy of a
sample made distinct by a trailing PDF comment, so every file is new to the repository), then in
the same process:

1. the baseline: bare pypdfium2 text extraction of every file, one process;
2. the whole ingest into a fresh instance (SQLite, tantivy): text, OCR, parse, NLP in the
   workers, database and index here, printed per stage and end to end;
3. OCR alone on the scanned samples, pages/s.

It prints the end-to-end pages/s and its ratio to the baseline, and the CPU seconds the ingest
used over all its processes (a figure that depends much less on the load of the machine) with
their ratio to the baseline's CPU seconds, split between the workers (with the fork server they
are forked from, ``indexer.isolation``) and this process (database, index).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "corpus_samples"


def build_corpus(folder: Path, min_pages: int) -> tuple[list[Path], int]:
    samples = [*sorted((CORPUS / "reports").glob("*.pdf")),
               *sorted((CORPUS / "patents").glob("*.pdf"))]
    pages_of = {path: len(pdfium.PdfDocument(path)) for path in samples}
    files, pages, copy = [], 0, 0
    while pages < min_pages:
        for path in samples:
            target = folder / f"{path.stem}-{copy:03d}.pdf"
            # A comment after %%EOF changes the bytes (and the hash), not the document.
            target.write_bytes(path.read_bytes() + f"%benchmark copy {copy}\n".encode())
            files.append(target)
            pages += pages_of[path]
        copy += 1
    return files, pages


def bare_text(files: list[Path]) -> tuple[float, float]:
    """Seconds of wall clock and of CPU."""
    started, started_cpu = time.perf_counter(), time.process_time()
    for path in files:
        document = pdfium.PdfDocument(path)
        for page in document:
            page.get_textpage().get_text_range()
        document.close()
    return time.perf_counter() - started, time.process_time() - started_cpu


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process, and of the worker processes that have ended (the ingest
    workers are joined when the ingest returns): its own children and the fork server's."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime + fork_server_cpu()


def fork_server_cpu() -> float:
    """CPU seconds of multiprocessing's fork server (the ingest's workers are forked from it,
    ``indexer.isolation``) and of the workers it forked and reaped: they are not this process's
    children, so ``RUSAGE_CHILDREN`` does not count them."""
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)  # noqa: SLF001
    if pid is None:
        return 0.0
    # /proc/<pid>/stat after the command name: utime, stime, cutime, cstime are fields 14-17
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def ingest(files_folder: Path, instance: Path, workers: int):
    from repo_app.migrate import upgrade
    from repo_app.services import Services
    from repo_app.services.ingest import Ingestor
    from repo_app.settings import Settings

    settings = Settings.from_env({"REPO_INSTANCE": str(instance)})
    instance.mkdir(parents=True)
    upgrade(settings.database_url)
    services = Services(settings)
    summary = Ingestor(services, workers=workers).run([files_folder])
    services.close()
    return summary


def ocr_speed(pages_wanted: int) -> tuple[int, float] | None:
    from indexer import ocr

    if not ocr.ocr_available():
        return None
    scans = sorted((CORPUS / "scanned").glob("*.pdf"))
    started, pages = time.perf_counter(), 0
    while pages < pages_wanted:
        for path in scans:
            count = len(pdfium.PdfDocument(path))
            ocr.ocr_pages(path, list(range(count)))
            pages += count
    return pages, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ocr-pages", type=int, default=12)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    try:
        files_folder = work / "files"
        files_folder.mkdir()
        files, pages = build_corpus(files_folder, args.pages)
        print(f"corpus: {len(files)} born-digital files, {pages} pages")

        baseline, baseline_cpu = bare_text(files)
        print(f"baseline  bare pypdfium2 text, 1 process: {pages / baseline:8.0f} pages/s")

        # CPU seconds do not depend on what else runs on the machine; wall-clock figures do.
        started_cpu = cpu_seconds()
        summary = ingest(files_folder, work / "instance", args.workers)
        (own_now, workers_now), (own_then, workers_then) = cpu_seconds(), started_cpu
        own_cpu, workers_cpu = own_now - own_then, workers_now - workers_then
        ingest_cpu = own_cpu + workers_cpu
        wall = summary.seconds
        counts = dict(summary.counts)
        print(f"ingest    {args.workers} workers, end to end:     {pages / wall:8.0f} pages/s "
              f"({wall:.1f} s; {counts})")
        print("per stage (seconds summed over documents; worker stages run in parallel):")
        for stage, seconds in sorted(summary.stage_seconds().items(), key=lambda kv: -kv[1]):
            if seconds >= 0.01:  # OCR does not run on born-digital pages
                print(f"  {stage:9s} {seconds:7.2f} s {pages / seconds:9.0f} pages/s")
        print(f"ratio     end to end is {wall / baseline:.2f}x the time of bare pypdfium2 text")
        print(f"cpu       ingest {ingest_cpu:.1f} s over all processes, instance set-up included "
              f"({ingest_cpu / pages * 1000:.2f} ms/page), {ingest_cpu / baseline_cpu:.1f}x "
              f"bare pypdfium2 ({baseline_cpu:.2f} s); load average {os.getloadavg()[0]:.2f}")
        print(f"          of which the workers {workers_cpu:.1f} s (start-up and fork server "
              f"included), "
              f"this process {own_cpu:.1f} s (database, index)")

        measured = ocr_speed(args.ocr_pages)
        if measured is None:
            print("ocr       tesseract is not installed: not measured")
        else:
            ocr_pages, seconds = measured
            print(f"ocr       {ocr_pages} scanned pages: {ocr_pages / seconds:.2f} pages/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
