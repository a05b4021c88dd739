"""NLP enrichment speed: ms per sample report, per stage, against bare pyvi word segmentation.

    .venv/bin/python benchmarks/nlp.py [--rounds 9] [--limit N] [--gc-freeze]

Reads the text of every sample report (``corpus_samples/reports/*.pdf``, pages joined the way
``indexer.extract`` joins them) and times, in one process:

* ``indexer.nlp.enrich`` on every report, as the ingest workers call it;
* its stages on the same texts: word segmentation (our tokenizer), each pipeline component and
  the keyword suggestions;
* spaCy's own Vietnamese tokenizer (``spacy.blank("vi")``, pyvi) on the same texts: bare pyvi
  word segmentation, which the enrichment used to run itself (it then cost about 1.4 times
  this figure; measured at commit d28275b: 57 ms per report against 44 ms).

Every measurement runs once per round, the rounds interleaved, so the load of other processes
falls on all of them alike. It prints medians over the rounds, wall-clock and CPU time, per report
and per 19,000 characters (the size the speed target is stated for), and the ratio of the
enrichment to bare pyvi segmentation, the figure that does not depend on the machine's load.
``--gc-freeze`` moves the start-up heap out of the garbage collector's way (``gc.freeze()``)
after the warm-up, as a long-running ingest worker can.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPORT_SIZE = 19_000


def report_texts(limit: int = 0) -> list[str]:
    from indexer.pdf_text import read_pdf

    paths = sorted((ROOT / "corpus_samples" / "reports").glob("*.pdf"))
    if limit:
        paths = paths[:limit]
    return ["\n\f\n".join(read_pdf(path).pages) for path in paths]


class Clock:
    """Wall-clock and CPU seconds, summed per name within a round."""

    def __init__(self) -> None:
        self.rounds: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.current: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        self.wall = self.cpu = 0.0

    def start(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        total = self.current[name]
        total[0] += wall - self.wall
        total[1] += cpu - self.cpu
        self.wall, self.cpu = wall, cpu

    def end_round(self) -> None:
        for name, (wall, cpu) in self.current.items():
            self.rounds[name].append((wall, cpu))
        self.current.clear()

    def median(self, name: str) -> tuple[float, float]:
        values = self.rounds[name]
        return (
            statistics.median(wall for wall, _ in values),
            statistics.median(cpu for _, cpu in values),
        )


def run_round(clock: Clock, texts: list[str], cleaned: list[str], pipeline, pyvi) -> None:
    from indexer import nlp

    for text in texts:
        clock.start()
        nlp.enrich(text)
        clock.stop("enrich")
    for text in cleaned:
        clock.start()
        doc = pipeline.tokenizer(text)
        clock.stop("word segmentation (our tokenizer)")
        for name, component in pipeline.pipeline:
            doc = component(doc)
            clock.stop(name)
        nlp._keywords(doc, "vi")
        clock.stop("keywords")
    for text in cleaned:
        clock.start()
        pyvi(text)
        clock.stop("spaCy's pyvi tokenizer")
    clock.end_round()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--limit", type=int, default=0, help="only the first N reports")
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after warm-up")
    args = parser.parse_args()

    import spacy

    from indexer import nlp

    texts = report_texts(args.limit)
    if not texts:
        sys.exit("No report under corpus_samples/reports")
    cleaned = [nlp.clean_text(text[: nlp.MAX_CHARS]) for text in texts]
    started = time.perf_counter()
    nlp.enrich("khởi động")  # builds the pipeline once, as the ingest workers do
    start_up = time.perf_counter() - started
    pipeline, pyvi = nlp._pipeline("vi"), spacy.blank("vi")
    pyvi("khởi động")
    if args.gc_freeze:
        gc.collect()
        gc.freeze()

    clock = Clock()
    for _ in range(args.rounds):
        run_round(clock, texts, cleaned, pipeline, pyvi)

    count = len(texts)
    characters = statistics.mean(len(text) for text in cleaned)
    scale = REPORT_SIZE / characters
    print(
        f"{count} reports, {characters:,.0f} characters each on average, {args.rounds} rounds "
        f"(medians); pipeline start-up {start_up:.2f} s"
        + ("; start-up heap frozen" if args.gc_freeze else "")
    )
    print(f"{'':42s} {'wall ms':>9s} {'CPU ms':>8s} {'ms per 19k chars':>17s}")

    def line(label: str, name: str) -> float:
        wall, cpu = clock.median(name)
        per_report = 1000 * wall / count
        print(f"{label:42s} {per_report:9.2f} {1000 * cpu / count:8.2f} {per_report * scale:17.2f}")
        return wall

    enrich = line("enrich (whole enrichment)", "enrich")
    line("  word segmentation (our tokenizer)", "word segmentation (our tokenizer)")
    for name, _ in pipeline.pipeline:
        line(f"  {name}", name)
    line("  keywords", "keywords")
    pyvi_wall = line("spaCy's pyvi tokenizer (bare pyvi)", "spaCy's pyvi tokenizer")
    print(
        f"ratio enrich / bare pyvi segmentation: {enrich / pyvi_wall:.2f} "
        f"(bare pyvi is {pyvi_wall / enrich:.1f}x the whole enrichment)"
    )


if __name__ == "__main__":
    main()
