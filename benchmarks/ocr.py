"""OCR speed and the choice of Tesseract language data, on the scanned samples.

    .venv/bin/python benchmarks/ocr.py [--workers N] [--compare]

OCRs every page of every document in corpus_samples/scanned (indexer.ocr.ocr_pages, 300 dpi),
document by document as extract_document does, and prints pages/s by the wall clock and
tesseract's CPU seconds a page. ``--compare`` also OCRs the statistical sheet of the three
scans made by corpus_samples/reports.py with the Vietnamese script model and with ``vie+eng``,
and counts how many of its values (title, code, principal investigator, secretary, host
organisation, members) come out exactly right with each.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpus_samples"))
CORPUS = ROOT / "corpus_samples"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def speed(workers: int) -> None:
    from indexer import ocr

    scans = sorted((CORPUS / "scanned").glob("*.pdf"))
    pages, cpu, wall = 0, children_cpu(), time.perf_counter()
    for path in scans:
        count = len(pdfium.PdfDocument(path))
        ocr.ocr_pages(path, list(range(count)), workers=workers)
        pages += count
    wall, cpu = time.perf_counter() - wall, children_cpu() - cpu
    print(f"{pages} pages ({len(scans)} documents), {workers} tesseract processes at a time, "
          f"{'+'.join(ocr.languages())}: {pages / wall:.2f} pages/s, "
          f"{cpu / pages:.2f} s of CPU a page")


def compare() -> None:
    import report_topics as rt

    from indexer import ocr

    for models in (ocr.SCRIPT_MODEL, ocr.LANGUAGE_MODELS):
        right = total = 0
        for task in rt.SCANNED:
            [result] = ocr.ocr_pages(CORPUS / "scanned" / f"{task.slug}.pdf", [1], models=models)
            text = " ".join(result.text.split())
            values = [task.title, task.code, task.pi.name, task.secretary.name,
                      task.host_org.name, *(member.name for member in task.members)]
            right += sum(1 for value in values if value in text)
            total += len(values)
        print(f"{'+'.join(models):12s} {right}/{total} sheet values exactly right")


def main() -> None:
    from indexer import ocr

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    available, message = ocr.ocr_status()
    print(message)
    if not available:
        sys.exit(1)
    speed(1)
    if args.workers > 1:
        speed(args.workers)
    if args.compare:
        compare()


if __name__ == "__main__":
    main()
