"""Text-extraction speed: pypdfium2 (bulk engine) against pdfminer.six (layout engine).

    .venv/bin/python benchmarks/pdf_text.py [FOLDER]

Reads every PDF under FOLDER (default: corpus_samples/reports) with both engines in the same
process and prints pages/s for each and their ratio. This is why text comes from pypdfium2
(column order too, from its character boxes) and pdfminer.six reads only the pages whose boxes
cannot be trusted (``indexer.pdf_text.read_layout_page``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer

ROOT = Path(__file__).resolve().parent.parent


def pdfium_pages(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        for page in document:
            page.get_textpage().get_text_range()
        return len(document)
    finally:
        document.close()


def pdfminer_pages(path: Path) -> int:
    count = 0
    for layout in extract_pages(path, laparams=LAParams()):
        "".join(item.get_text() for item in layout if isinstance(item, LTTextContainer))
        count += 1
    return count


def measure(reader, files: list[Path]) -> tuple[int, float]:
    started = time.perf_counter()
    pages = sum(reader(path) for path in files)
    return pages, time.perf_counter() - started


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "corpus_samples" / "reports"
    files = sorted(folder.rglob("*.pdf"))
    if not files:
        sys.exit(f"No PDF under {folder}")
    results = {}
    for name, reader in (("pypdfium2", pdfium_pages), ("pdfminer.six", pdfminer_pages)):
        pages, seconds = measure(reader, files)
        results[name] = pages / seconds
        print(f"{name:13s} {pages:5d} pages in {seconds:6.2f} s = {pages / seconds:7.1f} pages/s")
    print(f"ratio pypdfium2 / pdfminer.six: {results['pypdfium2'] / results['pdfminer.six']:.1f}x")


if __name__ == "__main__":
    main()
