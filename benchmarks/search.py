"""Search speed in process: the tantivy engine against a SQLite FTS5 baseline, same data, same run.

    .venv/bin/python benchmarks/search.py [--sizes 100000,1000000] [--queries 500] [--profile]

For each size: time generating that many synthetic records (``benchmarks/synthetic.py``) on its
own; index them, generated again as they are indexed (as ``repo-app reindex`` reads records from
the database as it goes, so records/s includes generating them), into a ``TantivyEngine`` in a
temp dir with ``rebuild()`` and into an SQLite FTS5 table (``unicode61 remove_diacritics 2``);
print records/s for each, then run the same generated two-word queries on both and print
p50/p95/p99 latency of

  (a) top-10 hits (with the total count and a highlighted snippet per hit),
  (b) the same with every facet of ``schemas.search_fields.FACETS`` counted,
  (c) (b) with two facets selected (multi-select: each facet's counts ignore its own selection),

and the FTS5/tantivy ratio. The tantivy engine is used through its ``search()``; (a) skips facet
counting by overriding the engine's ``_facets`` (the protocol has no "hits only" request yet).
FTS5 gets the same search documents (``indexer.search.documents.search_document``: restricted
records left out, metadata-only records without full text), ranks with ``bm25`` weighted like
``TEXT_FIELDS``, and counts facets with one ``GROUP BY`` per facet over the matching rowids.
Figures are wall-clock, one query at a time, in this process; nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import os
import pstats
import re
import shutil
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # a fallback: PYTHONPATH or the installed project come first
    sys.path.append(str(ROOT))

import synthetic  # noqa: E402

from indexer.search.documents import search_document  # noqa: E402
from indexer.search.engine import SearchRequest, facet_buckets, split_filters  # noqa: E402
from indexer.search.query import parse_query  # noqa: E402
from indexer.search.rules import named_sectors  # noqa: E402
from indexer.search.tantivy_engine import TantivyEngine  # noqa: E402
from schemas.search_fields import FACETS, HIGHLIGHT_CHARS, TEXT_FIELDS  # noqa: E402

TARGETS = {  # size -> p95 of (b) in ms, tantivy (issue #4)
    100_000: 20.0,
    1_000_000: 100.0,
}
TARGET_RECORDS_PER_SECOND = 5_000
WARM_UP = 20
CHECKED = 50  # queries whose answers are compared between the engines
SCENARIOS = (
    ("a", "top-10"),
    ("b", "top-10 + every facet"),
    ("c", "top-10 + every facet, 2 selected"),
)


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(share * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def summary(seconds: list[float]) -> dict[str, float]:
    values = sorted(second * 1000 for second in seconds)
    return {
        "p50": percentile(values, 0.50),
        "p95": percentile(values, 0.95),
        "p99": percentile(values, 0.99),
        "mean": statistics.fmean(values) if values else float("nan"),
    }


def folder_bytes(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


# -- the tantivy engine ----------------------------------------------------------------------------


class HitsOnlyTantivy(TantivyEngine):
    """The engine's own search path without the facet aggregations: scenario (a)."""

    def _facets(self, searcher, text_query, filters):  # noqa: ARG002 - same signature
        return dict  # the engine calls what _facets returns for the counts: here, no counts


def supports_hits_only() -> bool:
    return callable(getattr(TantivyEngine, "_facets", None))


def tantivy_search(engine: TantivyEngine) -> Callable[[str, dict], int]:
    def run(text: str, filters: dict) -> int:
        response = engine.search(SearchRequest(text=text, filters=filters, size=10))
        return response.total

    return run


# -- the SQLite FTS5 baseline ----------------------------------------------------------------------

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
_D = str.maketrans({"đ": "d", "Đ": "D"})  # unicode61 strips combining marks; đ has none


class Fts5Baseline:
    """The same search documents in an FTS5 table; facets in a plain table (one column per
    single-valued facet field) and one side table per multi-valued facet field (``sector``).

    ``đ`` is written as ``d`` in the text and the queries: ``remove_diacritics 2`` strips
    combining marks and ``đ`` is a letter of its own, so "dien" would not find "điện" otherwise.
    """

    def __init__(self, path: Path):
        self.path = path
        self.columns = list(TEXT_FIELDS)
        self.weights = ", ".join(str(weight) for weight in TEXT_FIELDS.values())
        self.snippet_column = self.columns.index("abstract") if "abstract" in self.columns else -1
        self.single: list[str] = []
        self.multi: list[str] = []
        self.db: sqlite3.Connection | None = None
        self.last_hits: list = []
        self.last_facets: dict = {}

    def build(self, records: Iterable[dict]) -> int:
        docs = (doc for doc in map(search_document, records) if doc is not None)
        first = list(itertools.islice(docs, 1000))
        for facet in FACETS:
            field = facet.field
            if not _IDENTIFIER.match(field):
                raise ValueError(f"Unexpected facet field name {field!r}")
            if any(isinstance(doc.get(field), list) for doc in first):
                self.multi.append(field)
            elif any(field in doc for doc in first):
                self.single.append(field)
        db = self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("PRAGMA cache_size=-262144")  # 256 MB
        db.execute("PRAGMA temp_store=MEMORY")
        db.execute(
            f"CREATE VIRTUAL TABLE fts USING fts5({', '.join(self.columns)}, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        single = "".join(f', "{field}"' for field in self.single)
        db.execute(f"CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT, title TEXT{single})")
        for field in self.multi:
            db.execute(
                f'CREATE TABLE "f_{field}"(doc INTEGER, value TEXT, PRIMARY KEY (doc, value)) '
                "WITHOUT ROWID"
            )
        marks = ", ?" * len(self.columns)
        fts_sql = f"INSERT INTO fts(rowid, {', '.join(self.columns)}) VALUES (?{marks})"
        docs_sql = f"INSERT INTO docs VALUES (?, ?, ?{', ?' * len(self.single)})"
        count = 0
        db.execute("BEGIN")
        for batch in _batches(itertools.chain(first, docs), 1000):
            fts_rows, doc_rows, multi_rows = [], [], {field: [] for field in self.multi}
            for doc in batch:
                count += 1
                fts_rows.append((count, *(_text(doc.get(name)) for name in self.columns)))
                doc_rows.append(
                    (count, doc["id"], doc.get("title"), *(_key(doc.get(f)) for f in self.single))
                )
                for field in self.multi:
                    multi_rows[field].extend((count, value) for value in doc.get(field) or ())
            db.executemany(fts_sql, fts_rows)
            db.executemany(docs_sql, doc_rows)
            for field, rows in multi_rows.items():
                db.executemany(f'INSERT OR IGNORE INTO "f_{field}" VALUES (?, ?)', rows)
        db.execute("COMMIT")
        db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
        db.execute("CREATE TEMP TABLE m(doc INTEGER PRIMARY KEY)")
        return count

    def search(self, text: str, filters: dict, facets: bool = True) -> int:
        """Top-10 hits with a snippet each, the total, and (``facets``) every facet's buckets
        under multi-select rules; returns the total.

        Joins are written ``CROSS JOIN`` to fix their order (matches first, then a rowid lookup
        per match): without statistics SQLite would scan the whole facet table instead. The
        snippet is made for the 10 hits only, in a second statement.
        """
        db = self.db
        match = _match(text)
        where, params = self._conditions(filters)
        joined = " CROSS JOIN docs d ON d.rowid = fts.rowid" if where else ""
        top = [rowid for rowid, _score in db.execute(
            f"SELECT fts.rowid, bm25(fts, {self.weights}) AS score FROM fts{joined} "
            f"WHERE fts MATCH ?{where} ORDER BY score LIMIT 10",
            (match, *params),
        )]
        snippets = {
            rowid: (id_, title, snippet)
            for rowid, id_, title, snippet in db.execute(
                "SELECT fts.rowid, d.id, d.title, "
                f"snippet(fts, {self.snippet_column}, '<mark>', '</mark>', '…', "
                f"{HIGHLIGHT_CHARS // 8}) FROM fts CROSS JOIN docs d ON d.rowid = fts.rowid "
                f"WHERE fts MATCH ? AND fts.rowid IN ({', '.join('?' * len(top))})",
                (match, *top),
            )
        }
        self.last_hits = [snippets[rowid] for rowid in top]
        if not facets:
            total_sql = f"SELECT count(*) FROM fts{joined} WHERE fts MATCH ?{where}"
            return db.execute(total_sql, (match, *params)).fetchone()[0]
        db.execute("DELETE FROM m")
        db.execute("INSERT INTO m SELECT rowid FROM fts WHERE fts MATCH ?", (match,))
        total = db.execute(
            f"SELECT count(*) FROM m CROSS JOIN docs d ON d.rowid = m.doc WHERE 1{where}", params
        ).fetchone()[0]
        buckets = {}
        for group, group_filters in split_filters(filters):
            group_where, group_params = self._conditions(group_filters)
            for facet in group:
                if facet.field in self.multi:
                    docs = " CROSS JOIN docs d ON d.rowid = m.doc" if group_where else ""
                    sql = (
                        f'SELECT f.value, count(*) FROM m CROSS JOIN "f_{facet.field}" f '
                        f"ON f.doc = m.doc{docs} WHERE 1{group_where} GROUP BY f.value"
                    )
                elif facet.field in self.single:
                    sql = (
                        f'SELECT d."{facet.field}", count(*) FROM m '
                        "CROSS JOIN docs d ON d.rowid = m.doc "
                        f'WHERE d."{facet.field}" IS NOT NULL{group_where} GROUP BY 1'
                    )
                else:
                    continue
                counts = dict(db.execute(sql, group_params).fetchall())
                buckets[facet.name] = facet_buckets(facet, counts, filters.get(facet.name, []))
        self.last_facets = buckets
        return total

    def _conditions(self, filters: dict) -> tuple[str, list]:
        where, params = "", []
        for name, keys in filters.items():
            facet = next(facet for facet in FACETS if facet.name == name)
            values = [int(key) for key in keys] if facet.kind != "keyword" else list(keys)
            marks = ", ".join("?" * len(values))
            if facet.field in self.multi:
                where += (
                    f' AND EXISTS (SELECT 1 FROM "f_{facet.field}" WHERE doc = d.rowid '
                    f"AND value IN ({marks}))"
                )
            else:
                where += f' AND d."{facet.field}" IN ({marks})'
            params.extend(values)
        return where, params

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def _key(value):
    """Facet values as the engine's buckets name them: booleans "true"/"false"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _text(value) -> str | None:
    if isinstance(value, list):
        value = "\n".join(value)
    return value.translate(_D) if value else None


def _match(text: str) -> str:
    """Every word required, each quoted (FTS5 syntax characters are then plain text)."""
    words = text.translate(_D).split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words) or '""'


def _batches(items: Iterable, size: int):
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


# -- measuring -------------------------------------------------------------------------------------


def measure(run: Callable[[str, dict], int], queries: list[str], filters: list[dict]):
    """(wall seconds, CPU seconds of this process, total) per query, one query at a time,
    after a few untimed ones. CPU time is what the query cost, whatever else the machine ran."""
    for text, selected in list(zip(queries, filters, strict=True))[:WARM_UP]:
        run(text, selected)
    seconds, cpu, totals = [], [], []
    for text, selected in zip(queries, filters, strict=True):
        started, cpu_started = time.perf_counter(), time.process_time()
        totals.append(run(text, selected))
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    return seconds, cpu, totals


def names_a_sector(text: str) -> bool:
    """True for a query that is the name of a sector ("thanh long"): the engines also find that
    sector's records (``rules.named_sectors``), which the FTS5 baseline does not do."""
    return bool(named_sectors(parse_query(text)))


def same_answers(engine: TantivyEngine, fts: Fts5Baseline, queries, filters) -> tuple[int, int]:
    """(queries whose hit ids, total and facet counts are identical on both engines, of how many
    that name no sector): the baseline answers the same question, so the ratio compares like with
    like. Hit ids are compared when all hits fit on the first page (rankings differ: bm25 is not
    tantivy's)."""
    same = checked = 0
    for text, selected in zip(queries, filters, strict=True):
        if names_a_sector(text):
            continue
        checked += 1
        response = engine.search(SearchRequest(text=text, filters=selected, size=10))
        total = fts.search(text, selected, facets=True)
        mine = {name: {b["key"]: b["doc_count"] for b in buckets}
                for name, buckets in response.facets.items() if name in fts.last_facets}
        theirs = {name: {b["key"]: b["doc_count"] for b in buckets}
                  for name, buckets in fts.last_facets.items()}
        agree = response.total == total and mine == theirs
        if total <= 10:  # every hit is on the first page: the same records must be there
            hit_ids = {hit["id"] for hit in response.hits}
            agree = agree and hit_ids == {hit[0] for hit in fts.last_hits}
        same += agree
    return same, checked


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def profiled(run, queries, filters, label: str) -> None:
    profile = cProfile.Profile()
    profile.enable()
    measure(run, queries, filters)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats("tottime")
    stats.print_stats(15)
    print(f"\nprofile of tantivy {label} (own time per function, top 15):")
    print("\n".join(line for line in out.getvalue().splitlines()[4:] if line.strip()))


def timed(label: str, work: Callable[[], int], offered: int) -> tuple[float, int]:
    started = time.perf_counter()
    done = work()
    seconds = time.perf_counter() - started
    print(f"{label:22s} {offered:>10,} records in {seconds:8.1f} s = "
          f"{offered / seconds:>9,.0f} records/s", end="", flush=True)
    return seconds, done


def run_size(size: int, count: int, workdir: Path, baseline: bool, profile: bool,
             baseline_count: int | None = None) -> dict:
    """Index ``size`` records in both engines and time ``count`` queries per scenario on tantivy
    and the first ``baseline_count`` (default: all) of them on FTS5."""
    baseline_count = min(count, baseline_count or count)
    print(f"\n== {size:,} synthetic records, {count} queries, {load()} " + "=" * 20, flush=True)
    figures: dict = {"size": size}
    # Records are generated as they are indexed, as ``repo-app reindex`` reads them from the
    # database as it goes: the records/s below include generating them (timed alone first).
    # Holding all of them in memory instead (8 GB at 1,000,000) made tantivy index half as fast
    # (3,545 against 6,548 records/s), a cost the product never pays.
    seconds, _ = timed("generate", lambda: sum(1 for _ in synthetic.records(size)), size)
    figures["generate_rps"] = size / seconds
    print()
    engine = TantivyEngine(workdir / "tantivy")
    seconds, indexed = timed(
        "tantivy rebuild()", lambda: engine.rebuild(synthetic.records(size)), size
    )
    figures["tantivy_rps"] = size / seconds
    print(f"  ({indexed:,} indexed, {folder_bytes(workdir / 'tantivy') / 2**20:,.0f} MB)")
    fts = None
    if baseline:
        fts = Fts5Baseline(workdir / "fts5.sqlite3")
        seconds, stored = timed(
            "fts5 build+optimize", lambda: fts.build(synthetic.records(size)), size
        )
        figures["fts5_rps"] = size / seconds
        megabytes = (workdir / "fts5.sqlite3").stat().st_size / 2**20
        print(f"  ({stored:,} indexed, {megabytes:,.0f} MB)")

    queries = synthetic.queries(count)
    selections = synthetic.query_filters(count, FACETS)
    no_filters = [{} for _ in queries]
    if baseline_count < count:
        print(f"FTS5 runs the first {baseline_count} queries; ratios are on those")
    print(f"\nlatency in ms, {count} queries one at a time"
          f"{'':8s}{'p50':>8s}{'p95':>8s}{'p99':>8s}{'mean':>8s}{'cpu p50':>9s}{'cpu p95':>9s}"
          "   matching records (median)")
    for key, label in SCENARIOS:
        filters = selections if key == "c" else no_filters
        if key == "a" and not supports_hits_only():
            print(f"({key}) {label}: the engine has no _facets step to skip; not measured")
            continue
        subject = HitsOnlyTantivy(workdir / "tantivy") if key == "a" else engine
        rows = {"tantivy": measure(tantivy_search(subject), queries, filters)}
        if fts is not None:
            facets = key != "a"
            rows["fts5"] = measure(lambda text, selected, facets=facets: fts.search(
                text, selected, facets=facets), queries[:baseline_count], filters[:baseline_count])
        print(f"({key}) {label}")
        for name, (seconds, cpu, totals) in rows.items():
            stats = summary(seconds)
            cpu_stats = summary(cpu)
            stats.update(cpu_p50=cpu_stats["p50"], cpu_p95=cpu_stats["p95"])
            figures[f"{name}_{key}"] = stats
            median = statistics.median(totals)
            print(f"    {name:36s}"
                  + "".join(f"{stats[p]:8.1f}" for p in ("p50", "p95", "p99", "mean"))
                  + "".join(f"{stats[p]:9.1f}" for p in ("cpu_p50", "cpu_p95"))
                  + f"   {median:,.0f} ({100 * median / max(indexed, 1):.1f} %)")
        if fts is not None:
            tantivy, sqlite = figures[f"tantivy_{key}"], figures[f"fts5_{key}"]
            if baseline_count < count:  # compare on the same queries
                tantivy = summary(rows["tantivy"][0][:baseline_count])
            print(f"    {'fts5 / tantivy':36s}" + "".join(
                f"{sqlite[p] / tantivy[p]:7.1f}x" for p in ("p50", "p95", "p99", "mean")))
            # FTS5 may have run fewer; a query naming a sector finds more on tantivy, by design
            pairs = [(mine, theirs) for text, mine, theirs in zip(
                queries, rows["tantivy"][2], rows["fts5"][2], strict=False)
                if not names_a_sector(text)]
            same = sum(a == b for a, b in pairs)
            widened = len(rows["fts5"][2]) - len(pairs)
            print(f"    same total on both engines for {same}/{len(pairs)} queries "
                  f"(and {widened} naming a sector, which tantivy widens to its records)")
        if profile and key in ("b", "c"):
            profiled(tantivy_search(engine), queries, filters, f"({key}) {label}")
    if fts is not None:
        same, checked = same_answers(engine, fts, queries[:CHECKED], selections[:CHECKED])
        print(f"\nsame total and facet counts on both engines (with 2 selections): "
              f"{same}/{checked} queries naming no sector")
        fts.close()
    print(f"\n{load()} (this machine: {os.cpu_count()} CPUs)")
    report_targets(figures)
    return figures


def report_targets(figures: dict) -> None:
    size = figures["size"]
    rate = figures["tantivy_rps"]
    verdict = "met" if rate >= TARGET_RECORDS_PER_SECOND else "MISSED"
    print(f"\ntarget indexing >= {TARGET_RECORDS_PER_SECOND:,} records/s: {rate:,.0f}: {verdict}")
    if size in TARGETS and "tantivy_b" in figures:
        p95 = figures["tantivy_b"]["p95"]
        verdict = "met" if p95 <= TARGETS[size] else "MISSED"
        print(f"target (b) p95 <= {TARGETS[size]:.0f} ms at {size:,}: {p95:.1f} ms: {verdict}")


def markdown(all_figures: list[dict]) -> str:
    lines = [
        "| records | engine | index records/s | (a) p50 / p95 / p99 ms | (b) p50 / p95 / p99 ms "
        "| (c) p50 / p95 / p99 ms | (b) CPU p50 / p95 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for figures in all_figures:
        for name in ("tantivy", "fts5"):
            if f"{name}_rps" not in figures:
                continue
            cells = []
            for key, _label in SCENARIOS:
                stats = figures.get(f"{name}_{key}")
                cells.append(" / ".join(f"{stats[p]:.1f}" for p in ("p50", "p95", "p99"))
                             if stats else "n/a")
            b = figures.get(f"{name}_b")
            cells.append(f"{b['cpu_p50']:.1f} / {b['cpu_p95']:.1f}" if b else "n/a")
            lines.append(f"| {figures['size']:,} | {name} | {figures[f'{name}_rps']:,.0f} | "
                         + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000",
                        help="comma-separated corpus sizes (default: 100000,1000000)")
    parser.add_argument("--queries", type=int, default=500, help="queries per scenario")
    parser.add_argument("--baseline-queries", type=int, default=None,
                        help="run only the first N queries on FTS5 (default: all)")
    parser.add_argument("--no-baseline", action="store_true", help="skip SQLite FTS5")
    parser.add_argument("--profile", action="store_true",
                        help="also print a cProfile of tantivy's (b) and (c) runs")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the indexes go (default: a temp dir, removed at the end)")
    parser.add_argument("--keep", action="store_true", help="keep the indexes")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # unwind: temp dirs are removed
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    print(f"tantivy engine vs SQLite {sqlite3.sqlite_version} FTS5; facets: "
          + ", ".join(facet.name for facet in FACETS))
    if not supports_hits_only():
        print("note: (a) needs TantivyEngine._facets, which this engine version does not have")
    results = []
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-search-{size}-", dir=args.workdir))
        try:
            results.append(run_size(size, args.queries, folder, not args.no_baseline,
                                    args.profile, args.baseline_queries))
        finally:
            if args.keep:
                print(f"indexes kept in {folder}")
            else:
                shutil.rmtree(folder, ignore_errors=True)
    print("\n" + markdown(results))


if __name__ == "__main__":
    main()
