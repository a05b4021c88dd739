"""The ``repo-app`` command: init, ingest, reindex, serve."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import click

from repo_app.services import Services
from repo_app.settings import Settings


def _services() -> Services:
    return Services(Settings.from_env())


@click.group(help="Repository of research results and IP: manage and serve an instance.")
def main() -> None:
    pass


@main.command(help="Create or upgrade the database (Alembic migrations) and instance folders.")
def init() -> None:
    from repo_app.migrate import current_revision, upgrade

    settings = Settings.from_env()
    for folder in (settings.instance, settings.files_dir, settings.quarantine_dir):
        folder.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    click.echo(f"Database ready at revision {current_revision(settings.database_url)}: "
               f"{_redacted(settings.database_url)}")
    click.echo(f"Instance folder: {settings.instance}")


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@main.command(help="Read PDF files and folders into the repository and the search index.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Reader processes (default: CPU count, at most 4).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write one JSON object per file (a JSON array) to this file.")
@click.option("--timeout", type=click.FloatRange(1), default=600, show_default=True,
              help="Seconds one document may take before it is set aside.")
@click.option("--max-memory", "memory_mb", type=click.IntRange(256), default=3072,
              show_default=True, help="Memory (MB) one reader process may use.")
@click.option("--reread", is_flag=True,
              help="Read files already stored again (after an upgrade, or once OCR is installed).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(paths, workers, report_path, timeout, memory_mb, reread, quiet) -> None:
    from tqdm import tqdm

    from repo_app.services.ingest import STATUSES, Ingestor, discover

    services = _services()
    total = len(discover(paths))
    bar = tqdm(total=total, unit="file", disable=quiet, file=sys.stderr, dynamic_ncols=True)
    started = time.perf_counter()

    def progress(outcome, summary):
        elapsed = max(time.perf_counter() - started, 1e-6)
        bar.set_postfix_str(f"{summary.pages / elapsed:.0f} pages/s", refresh=False)
        bar.update(1)

    summary = Ingestor(
        services, workers=workers, progress=progress, timeout=timeout, memory_mb=memory_mb,
        reread=reread,
    ).run(paths)
    bar.close()
    counts = summary.counts
    click.echo(
        f"{len(summary.outcomes)} files in {summary.seconds:.1f} s "
        f"({summary.pages / max(summary.seconds, 1e-6):.0f} pages/s): "
        + ", ".join(f"{status} {counts.get(status, 0)}" for status in STATUSES)
    )
    qualities = Counter(o.quality for o in summary.outcomes if o.quality)
    if qualities:
        click.echo("quality of the files read: " + ", ".join(
            f"{quality} {count}" for quality, count in qualities.most_common()))
    for outcome in summary.outcomes:
        if outcome.status == "quarantined":
            click.echo(f"  set aside: {outcome.path}: {outcome.reason}: {outcome.message}")
        elif outcome.quality and outcome.quality != "clean":
            click.echo(f"  {outcome.quality}: {outcome.path}")
    if report_path:
        rows = [outcome.report_row() for outcome in summary.outcomes]
        report_path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        click.echo(f"Report: {report_path}")
    services.close()


@main.command(help="Rebuild the search index from the database, then switch to it.")
def reindex() -> None:
    from repo_app.services.indexing import rebuild_index

    services = _services()
    started = time.perf_counter()
    count = rebuild_index(services)
    click.echo(f"Indexed {count} records in {time.perf_counter() - started:.1f} s.")
    services.close()


@main.group(help="Department staff accounts.")
def staff() -> None:
    pass


@staff.command("add", help="Create a staff account, or reset its name and password.")
@click.argument("email")
@click.option("--name", required=True)
@click.password_option(help="At least 10 characters (asked for when not given).")
def staff_add(email, name, password) -> None:
    from repo_app.auth import add_staff

    services = _services()
    try:
        add_staff(services, email, name, password)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--password") from None
    click.echo(f"Staff account ready: {email.lower()}")
    services.close()


@main.command(help="Serve the web site and API.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve(host, port) -> None:
    from werkzeug.serving import run_simple

    from repo_app import create_app

    app = create_app()
    click.echo(f"Serving on http://{host}:{port}/  (Ctrl+C to stop)")
    run_simple(host, port, app, threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
