"""Cost of judging and repairing page text (indexer.text_quality, indexer.pdf_text.trust_pages).

    .venv/bin/python benchmarks/text_quality.py

Reads the text layer of every born-digital sample (corpus_samples/reports and patents) once,
without assessment, then times, in CPU seconds (best of 7 runs, so that other processes on the
machine count as little as possible): the page verdict (assess_page), the diacritics repair
(repair_text) and the whole per-page step read_pdf runs (trust_pages: both, plus legacy
detection on garbled pages). The target is under 1 ms a page.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "corpus_samples"


def best_cpu(function, pages: list[str], runs: int = 7) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        function(pages)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    from indexer.pdf_text import read_pdf, trust_pages
    from indexer.text_quality import assess_page, repair_text

    files = sorted((CORPUS / "reports").glob("*.pdf")) + sorted((CORPUS / "patents").glob("*.pdf"))
    pages = [page for path in files for page in read_pdf(path, assess=False).pages]
    chars = sum(len(page) for page in pages) / len(pages)
    print(f"{len(pages)} pages of {len(files)} born-digital samples, {chars:.0f} characters each")
    trust_pages(pages)  # warm the per-word caches, as a long ingest has them
    for name, function in (
        ("assess_page", lambda items: [assess_page(page) for page in items]),
        ("repair_text", lambda items: [repair_text(page) for page in items]),
        ("trust_pages", trust_pages),
    ):
        seconds = best_cpu(function, pages)
        print(f"{name:12s} {seconds / len(pages) * 1000:6.3f} ms of CPU a page")
    _, quality = trust_pages(pages)
    print("verdicts:", dict(Counter((item.verdict, item.method) for item in quality)))


if __name__ == "__main__":
    main()
