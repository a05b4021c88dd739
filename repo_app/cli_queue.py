"""``repo-app queue ...`` and ``repo-app worker``: ingest on many machines through Celery
(``repo_app.queue``). The embedded ``repo-app ingest`` is unchanged: the queue is for those who
outgrow one machine."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import click

from repo_app.queue import DEFAULT_SPLIT_PAGES

STATUSES = ("ingested", "updated", "unchanged", "quarantined")


def _services():
    from repo_app.services import Services
    from repo_app.settings import Settings

    return Services(Settings.from_env())


def _summary(current, seconds: float) -> str:
    counts = current.statuses
    files = sum(counts.values())
    return (f"{files} files in {seconds:.1f} s ({current.pages_per_second:.1f} pages/s across "
            "all workers): " + ", ".join(f"{s} {counts.get(s, 0)}" for s in STATUSES))


def _follow(services, batch_id: str, quiet: bool, report_path: Path | None) -> None:
    from repo_app.queue import batches

    started = time.perf_counter()
    last_line = [""]

    def progress(current):
        line = current.line()
        if not quiet and line != last_line[0]:
            click.echo(line, err=True)
            last_line[0] = line

    final = batches.follow(services, batch_id, progress=progress)
    click.echo(_summary(final, time.perf_counter() - started))
    rows = batches.report(services, batch_id)
    for row in rows:
        if row["status"] == "quarantined":
            click.echo(f"  set aside: {row['path']}: {row['reason']}: {row['message']}")
    qualities = Counter(row["quality"] for row in rows if row["quality"])
    if qualities:
        click.echo("quality of the files read: " + ", ".join(
            f"{quality} {count}" for quality, count in qualities.most_common()))
    if report_path:
        report_path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        click.echo(f"Report: {report_path}")


def _queue_ingest(paths, wait, timeout, split_pages, report_path, quiet) -> None:
    from repo_app.queue import batches

    services = _services()
    try:
        submitted = batches.submit(services, paths, timeout=timeout, split_pages=split_pages)
        click.echo(f"Batch {submitted.batch_id}: {submitted.files} files, "
                   f"{submitted.sent} sent to the workers, {submitted.known} already "
                   f"stored, {len(submitted.duplicates)} copies of another file named.")
        if wait:
            _follow(services, submitted.batch_id, quiet, report_path)
        else:
            click.echo(f"Follow it with: repo-app queue wait {submitted.batch_id}")
    finally:
        services.close()


def _add_queue_option(ingest: click.Command) -> None:
    """``repo-app ingest PATH... --queue``: the same files sent to the workers, followed to the
    end (``repo-app queue ingest --wait``). Without ``--queue`` the embedded ingest runs as it
    always did: its callback is called untouched."""
    embedded = ingest.callback
    ingest.params.append(click.Option(
        ["--queue", "use_queue"], is_flag=True,
        help="Send one task per document to the Celery workers (repo-app worker) instead of "
             "reading them here; --workers, --max-memory and --reread are the workers' then."))

    def callback(use_queue=False, **options):
        if not use_queue:
            return embedded(**options)
        if options.get("reread"):
            raise click.UsageError("--reread is not available with --queue.")
        return _queue_ingest(options["paths"], True, options["timeout"], DEFAULT_SPLIT_PAGES,
                             options["report_path"], options["quiet"])

    ingest.callback = callback


def register(main: click.Group) -> None:
    if "ingest" in main.commands:
        _add_queue_option(main.commands["ingest"])

    @main.group("queue", help="Ingest on many machines: send documents to Celery workers "
                              "(CELERY_BROKER_URL) that share the database and instance folder.")
    def queue() -> None:
        pass

    @queue.command("ingest", help="Store each new file on the shared instance folder and send "
                                  "one task per document to the workers.")
    @click.argument("paths", nargs=-1, required=True,
                    type=click.Path(exists=True, path_type=Path))
    @click.option("--wait", is_flag=True,
                  help="Follow the batch to its end, indexing what the workers commit.")
    @click.option("--timeout", type=click.FloatRange(1), default=600, show_default=True,
                  help="Seconds one document may take before it is set aside.")
    @click.option("--split-pages", type=click.IntRange(0), default=DEFAULT_SPLIT_PAGES,
                  show_default=True,
                  help="OCR pages per task: a larger scan is read by several workers (0: never).")
    @click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
                  help="With --wait: write one JSON object per file to this file.")
    @click.option("--quiet", is_flag=True, help="No progress lines.")
    def queue_ingest(paths, wait, timeout, split_pages, report_path, quiet) -> None:
        _queue_ingest(paths, wait, timeout, split_pages, report_path, quiet)

    @queue.command("wait", help="Follow a batch to its end (again, after a coordinator stopped): "
                                "send what was not sent, index what the workers committed.")
    @click.argument("batch", required=False)
    @click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--resend", is_flag=True,
                  help="Send again the files no worker has started (a broker that lost its "
                       "queue).")
    @click.option("--quiet", is_flag=True, help="No progress lines.")
    def queue_wait(batch, report_path, resend, quiet) -> None:
        from repo_app.queue import batches

        services = _services()
        try:
            batch = batch or batches.latest_batch(services)
            if batch is None:
                raise click.UsageError("No batch yet.")
            if resend:
                click.echo(f"{batches.forget_sent(services, batch)} files to send again.")
            _follow(services, batch, quiet, report_path)
        finally:
            services.close()

    @queue.command("status", help="Per batch (the last ten, or BATCH with the files it set "
                                  "aside): queued, running, done, set aside, pages/s.")
    @click.argument("batch", required=False)
    def queue_status(batch) -> None:
        from repo_app.queue import batches

        services = _services()
        try:
            for batch_id in [batch] if batch else batches.recent_batches(services):
                try:
                    current = batches.status(services, batch_id)
                except LookupError as error:
                    raise click.UsageError(str(error)) from None
                click.echo(current.line() + ("" if current.finished else " (not finished)"))
            if batch:
                for row in batches.report(services, batch):
                    if row["status"] == "quarantined":
                        click.echo(f"  set aside: {row['path']}: {row['reason']}: "
                                   f"{row['message']}")
        finally:
            services.close()

    @main.command(help="Run a Celery worker that reads documents sent by `repo-app queue "
                       "ingest` (on any machine that reaches the broker, the database and the "
                       "instance folder).")
    @click.option("--concurrency", type=click.IntRange(1, 256), default=None,
                  help="Reader processes (default: CPU count).")
    @click.option("--max-memory", "memory_mb", type=click.IntRange(256), default=3072,
                  show_default=True, help="Memory (MB) one reader process may use.")
    @click.option("--name", default=None, help="Worker name (default: celery@HOSTNAME).")
    @click.option("--loglevel", default="INFO", show_default=True)
    def worker(concurrency, memory_mb, name, loglevel) -> None:
        from indexer.isolation import cpu_count

        concurrency = concurrency or cpu_count()
        os.environ["REPO_WORKER_MEMORY_MB"] = str(memory_mb)
        os.environ["REPO_WORKER_CONCURRENCY"] = str(concurrency)
        from repo_app.queue.app import app

        argv = ["worker", f"--concurrency={concurrency}", f"--loglevel={loglevel}",
                "--pool=prefork", "--without-gossip", "--without-mingle"]
        if name:
            argv.append(f"--hostname={name}")
        sys.stdout.flush()
        app.worker_main(argv)
