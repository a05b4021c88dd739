"""Speed of the tracker's indicators endpoint: SQL aggregates against a naive baseline that loads
the rows into Python, same data, same run.

    .venv/bin/python benchmarks/plan_indicators.py [--records 100000] [--transactions 20000]
                                                   [--requests 30] [--database-url URL]

Builds a fresh database (SQLite in a temp dir unless ``--database-url`` names an empty
PostgreSQL database) with synthetic records (``benchmarks/synthetic.py``: full text, metadata,
statuses), support actions for about 70 % of the accepted research results, a stored file for
90 % of the records, 3,000 IP-registration requests in every state, the transactions spread over
2021-2030 with a growing value, and 40 activities. Then times

  (a) ``GET /api/v1/plan/indicators?period=2021-2025`` through the Flask app (in process, the
      Werkzeug test client; p50/p95/mean over ``--requests`` requests after one warm-up), also
      with a sector filter and with a place given as a 2025 commune;
  (b) the naive baseline: every row of records, support actions, files, IP requests and
      transactions loaded through the ORM and the same figures counted in Python loops.

It checks that both give the same numerators and denominators, and prints the ratio (b)/(a).
Figures are wall-clock on this machine; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.append(str(folder))

import synthetic  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from repo_app.models import (  # noqa: E402
    Activity,
    IpRequest,
    Record,
    StoredFile,
    SupportAction,
    Transaction,
)

BATCH = 2_000
IP_STATES = ("requested", "support_approved", "support_refused", "filed", "accepted",
             "published", "substantive_exam", "granted", "refused", "withdrawn")
ORIGINS = ("domestic_institute", "domestic_enterprise", "domestic_enterprise", "foreign")
FORMS = ("licence", "assignment", "capital_contribution", "technology_services", "equipment")
COLUMNS = ("commercialisation_status", "ip_status", "full_text", "id")


def build(services, records: int, transactions: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    research: list[tuple[str, str | None]] = []
    all_ids: list[str] = []
    started = time.perf_counter()
    with services.sessions() as session, session.begin():
        rows, files, actions = [], [], []
        for number, record in enumerate(synthetic.records(records)):
            data = {key: value for key, value in record.items() if key not in COLUMNS}
            kind = record["kind"]
            state = "accepted" if rng.random() < 0.97 else "submitted"
            rows.append({
                "id": record["id"], "kind": kind, "document_type": record["document_type"],
                "title": record["title"], "natural_key": None,
                "access_level": record.get("access_level") or "public",
                "commercialisation_status": record.get("commercialisation_status") or "accepted",
                "ip_status": record.get("ip_status") or "none", "registration_state": state,
                "organisation_key": None, "version": 1, "data": data,
                "full_text": record.get("full_text") or "", "created_at": now, "updated_at": now})
            all_ids.append(record["id"])
            if rng.random() < 0.9:
                files.append({"sha256": f"{number:064x}", "record_id": record["id"],
                              "original_name": "x.pdf", "size": 1000, "pages": 10,
                              "text_method": "text_layer", "quality": "clean",
                              "storage_path": f"x/{number}", "ingested_at": now})
            accepted = (record.get("dates") or {}).get("accepted")
            if kind == "research_result" and state == "accepted":
                research.append((record["id"], accepted))
                if rng.random() < 0.7:
                    year = int(str(accepted)[:4]) if accepted else 2022
                    actions.append({"record_id": record["id"], "type": "valuation",
                                    "date": date(min(year + rng.randint(0, 2), 2030),
                                                 rng.randint(1, 12), 1),
                                    "note": "", "created_at": now})
            if len(rows) >= BATCH:
                _flush(session, rows, files, actions)
        _flush(session, rows, files, actions)
        requests = [{"record_id": rng.choice(all_ids), "ip_type": "patent", "applicant": "A",
                     "inventors": [], "state": state, "version": 1,
                     "filing_date": date(2023, 1, 1) if state not in (
                         "requested", "support_approved", "support_refused") or rng.random()
                     < 0.5 else None,
                     "created_at": datetime(rng.randint(2021, 2030), rng.randint(1, 12), 1,
                                            tzinfo=UTC), "reason": ""}
                    for state in (rng.choice(IP_STATES) for _ in range(3_000))]
        session.execute(insert(IpRequest), requests)
        deals = []
        for number in range(transactions):
            year = rng.randint(2021, 2030)
            origin = rng.choice(ORIGINS)
            deals.append({
                "date": date(year, rng.randint(1, 12), rng.randint(1, 28)),
                "value_vnd": int(rng.lognormvariate(19, 1) * (1.15 ** (year - 2021))),
                "form": rng.choice(FORMS), "includes_ip": rng.random() < 0.08,
                "origin": origin, "country": "Nhật Bản" if origin == "foreign" else None,
                "developed_country": (rng.random() < 0.6) if origin == "foreign" else None,
                "parties": ["Bên A", "Bên B"], "source": "import",
                "record_id": rng.choice(all_ids) if rng.random() < 0.2 else None,
                "fingerprint": f"bench-{number}", "created_at": now})
        for start in range(0, len(deals), BATCH):
            session.execute(insert(Transaction), deals[start:start + BATCH])
        types = ("training", "promotion_programme", "survey", "commercialisation_course",
                 "connection_event", "intermediary")
        session.execute(insert(Activity), [
            {"type": rng.choice(types), "title": f"Hoạt động {n}",
             "start_date": date(rng.randint(2021, 2030), rng.randint(1, 12), 1),
             "organiser": "", "description": "", "place": rng.choice(
                 ("phan-thiet", "la-gi", "tuy-phong", None)),
             "connected_on": date(2025, 1, 1) if n % 3 == 0 else None, "created_at": now}
            for n in range(40)])
    print(f"built {records:,} records, {transactions:,} transactions in "
          f"{time.perf_counter() - started:.1f} s", flush=True)
    return all_ids


def _flush(session, rows, files, actions) -> None:
    if rows:
        session.execute(insert(Record), rows)
    if files:
        session.execute(insert(StoredFile), files)
    if actions:
        session.execute(insert(SupportAction), actions)
    rows.clear()
    files.clear()
    actions.clear()


# -- The naive baseline: rows into Python, loops ---------------------------------------------


def naive(services, first: int, last: int) -> dict:
    """The same figures, counted in Python over every row (what the SQL version avoids)."""
    from repo_app.services.plan_indicators import NO_POTENTIAL, YEAR_FROM, _met_states

    end = date(last, 12, 31)
    met_states = set(_met_states())
    with services.sessions() as session:
        records = session.scalars(select(Record)).all()
        actions = session.scalars(select(SupportAction)).all()
        files = {row.record_id for row in session.scalars(select(StoredFile))}
        requests = session.scalars(select(IpRequest)).all()
        deals = session.scalars(select(Transaction)).all()
    supported = {action.record_id for action in actions if action.date <= end}
    coverage = [0, 0]
    digitised = [0, 0]
    for record in records:
        if record.registration_state != "accepted":
            continue
        if record.commercialisation_status not in NO_POTENTIAL:
            digitised[1] += 1
            digitised[0] += record.id in files
        if record.kind != "research_result":
            continue
        dates = record.data.get("dates") or {}
        year = next((str(dates[name])[:4] for name in YEAR_FROM if dates.get(name)), None)
        if year and str(first) <= year <= str(last):
            coverage[1] += 1
            coverage[0] += record.id in supported
    met = [0, 0]
    for request in requests:
        if not first <= request.created_at.year <= last:
            continue
        if request.state == "withdrawn" and request.filing_date is None:
            continue
        met[1] += 1
        met[0] += request.state in met_states or (
            request.state == "withdrawn" and request.filing_date is not None)
    shares = {"ip": [0, 0], "developed": [0, 0], "institute": [0, 0]}
    totals: dict[int, int] = {}
    for deal in deals:
        if not first <= deal.date.year <= last:
            continue
        totals[deal.date.year] = totals.get(deal.date.year, 0) + deal.value_vnd
        for key in ("ip", "developed"):
            shares[key][1] += 1
        shares["ip"][0] += bool(deal.includes_ip)
        shares["developed"][0] += deal.origin == "foreign" and deal.developed_country is True
        if deal.origin in ("domestic_institute", "domestic_enterprise"):
            shares["institute"][1] += 1
            shares["institute"][0] += deal.origin == "domestic_institute"
    return {"support_coverage": coverage, "digitised": digitised, "ip_requests_met": met,
            "ip_transaction_share": shares["ip"],
            "developed_import_share": shares["developed"],
            "institute_share": shares["institute"]}


# -- Run ---------------------------------------------------------------------------------------


def _time_requests(client, url: str, count: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each request (CPU time of this process: on a busy
    machine the wall clock also counts waiting for a core)."""
    response = client.get(url)  # warm-up
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    wall, cpu = [], []
    for _ in range(count):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def _summary(timings: list[float], cpu: list[float] | None = None) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    text = (f"p50 {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} ms  "
            f"mean {statistics.fmean(ordered):7.1f} ms")
    if cpu:
        text += f"  (CPU p50 {statistics.median(cpu):7.1f} ms)"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--transactions", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database-url", default=None,
                        help="an empty database to fill (default: SQLite in a temp dir)")
    args = parser.parse_args()

    from repo_app import create_app
    from repo_app.migrate import upgrade
    from repo_app.services import Services
    from repo_app.settings import Settings

    with tempfile.TemporaryDirectory(prefix="plan-bench-") as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        settings = Settings.from_env({"REPO_INSTANCE": f"{folder}/instance",
                                      "DATABASE_URL": url})
        upgrade(url)
        services = Services(settings)
        build(services, args.records, args.transactions)
        if not url.startswith("sqlite"):
            # Planner statistics and the visibility map, as autovacuum keeps them on a running
            # server (a bulk load leaves neither until it passes).
            with services.db.connect().execution_options(
                    isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM ANALYZE")
        app = create_app(services=services)
        client = app.test_client()
        print(f"database: {url.split(':')[0]}; {args.requests} requests each after a warm-up")
        base = "/api/v1/plan/indicators?period=2021-2025"
        results = {}
        for label, url_ in (("indicators 2021-2025", base),
                            ("  + sector filter", base + "&sector=thanh-long"),
                            ("  + place as a 2025 commune", base + "&place=phường Mũi Né"),
                            ("indicators 2026-2030", base.replace("2021-2025", "2026-2030"))):
            timings, cpu = _time_requests(client, url_, args.requests)
            results[label] = statistics.median(timings)
            print(f"{label:30s} {_summary(timings, cpu)}", flush=True)
        body = client.get(base).get_json()
        naive_timings, naive_cpu = [], []
        for _ in range(3):
            started, started_cpu = time.perf_counter(), time.process_time()
            figures = naive(services, 2021, 2025)
            naive_timings.append((time.perf_counter() - started) * 1000)
            naive_cpu.append((time.process_time() - started_cpu) * 1000)
        print(f"{'naive baseline (Python loops)':30s} {_summary(naive_timings, naive_cpu)}")
        by_key = {row["key"]: row for row in body["indicators"]}
        agree = all([by_key[key]["numerator"], by_key[key]["denominator"]] == value
                    for key, value in figures.items())
        print(f"same numerators and denominators: {'yes' if agree else 'NO'} "
              f"({', '.join(f'{k} {v[0]}/{v[1]}' for k, v in figures.items())})")
        ratio = statistics.median(naive_timings) / results["indicators 2021-2025"]
        print(f"naive / SQL (p50): {ratio:.1f}x; target < 200 ms: "
              f"{'met' if results['indicators 2021-2025'] < 200 else 'NOT met'}; "
              f"load average {' '.join(f'{value:.1f}' for value in os.getloadavg())} "
              f"on {os.cpu_count()} CPUs")
        services.close()


if __name__ == "__main__":
    main()
