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


# Commands that keep the index themselves, or must not change anything (check reports).
_NO_INDEX_FOLLOW = ("init", "ingest", "reindex", "check", "serve", "restore")


@main.result_callback()
def _index_what_the_command_changed(*_args, **_kwargs) -> None:
    """Only the web application follows each commit into the search index: records a command
    changed (demo-data, the tracker's commands, the queue's) are indexed when it ends, so the
    index never shows an old state until some later commit happens to sync it."""
    if click.get_current_context().invoked_subcommand in _NO_INDEX_FOLLOW:
        return
    from repo_app.services.indexing import pending_count, sync_index

    services = _services()
    try:
        if pending_count(services):
            sync_index(services)
    except Exception as error:  # noqa: BLE001 - the command's own work is done and committed
        click.echo(f"The search index could not follow ({error}); it catches up at the next "
                   "ingest or `repo-app check --repair`.", err=True)
    finally:
        services.close()


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
    from indexer.search.engine import SearchError
    from repo_app.services.indexing import rebuild_index

    services = _services()
    started = time.perf_counter()
    try:
        count = rebuild_index(services)
    except SearchError as error:  # e.g. another process is rebuilding the same index
        services.close()
        raise click.ClickException(str(error)) from None
    click.echo(f"Indexed {count} records in {time.perf_counter() - started:.1f} s.")
    services.close()


@main.command(help="Check that the database, the stored files and the search index agree; "
                   "exit 1 while they do not.")
@click.option("--repair", is_flag=True, help="Fix what needs no person (reindex, move unnamed "
                                             "files aside), then check again.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def check(repair, as_json) -> None:
    from repo_app.services import consistency

    services = _services()
    try:
        report = (consistency.repair if repair else consistency.check)(services)
    finally:
        services.close()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        _print_check(report)
    if not report.ok:
        sys.exit(1)


def _print_check(report) -> None:
    from repo_app.services.consistency import ADVICE, KINDS

    counts = report.counts
    index = (f"{counts['index_entries']} index entries for {counts['public_records']} public "
             "records" if report.index_checked else "index not checked (its engine cannot list "
             "its entries)")
    click.echo(f"Checked {counts['stored_files']} stored files, {counts['set_aside_files']} "
               f"set-aside files, {index} in {report.seconds:.1f} s.")
    if counts.get("recent_unnamed_files"):
        click.echo(f"  {counts['recent_unnamed_files']} files written in the last hour and not "
                   "named by a row yet (an ingest may be running): not judged.")
    for done in report.repairs:
        click.echo(f"  repaired: {done.finding.line()}: {done.action}")
    for kind, findings in report.by_kind().items():
        click.echo(f"{len(findings)} × {KINDS[kind]}"
                   + (f" (to do: {ADVICE[kind]})" if kind in ADVICE else ""))
        for finding in findings:
            click.echo(f"  {finding.line()}")
    if report.ok:
        click.echo("The database, the stored files and the search index agree.")
    elif any(finding.repairable for finding in report.findings):
        click.echo("Run `repo-app check --repair` to fix what needs no person.")


@main.group(help="Accounts: enterprise, researcher, staff, admin.")
def users() -> None:
    pass


@users.command("add", help="Create an account, or update its role, name and password.")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(("enterprise", "researcher", "staff",
                                                          "admin")))
@click.option("--name", default=None)
@click.option("--organisation", default=None,
              help="A key of the organisations vocabulary (researchers).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def users_add(email, role, name, organisation, password_stdin) -> None:
    from repo_app.services import accounts
    from repo_app.services.errors import ServiceError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password (at least 10 characters)", hide_input=True,
                                confirmation_prompt=True)
    services = _services()
    try:
        accounts.add_user(services, email, role=role, name=name, password=password,
                          organisation=organisation)
    except ServiceError as error:
        raise click.UsageError(f"{error.message} {error.fields}") from None
    finally:
        services.close()
    click.echo(f"Account ready: {email.strip().lower()} ({role})")


@users.command("token", help="Print a new API token for the account (shown once).")
@click.argument("email")
def users_token(email) -> None:
    from repo_app.services import accounts
    from repo_app.services.errors import ServiceError

    services = _services()
    try:
        click.echo(accounts.new_token(services, email))
    except ServiceError as error:
        raise click.UsageError(error.message) from None
    finally:
        services.close()


@users.command("disable", help="Disable the account: it loses access at once.")
@click.argument("email")
def users_disable(email) -> None:
    from repo_app.services import accounts
    from repo_app.services.errors import ServiceError

    services = _services()
    try:
        accounts.disable(services, email)
    except ServiceError as error:
        raise click.UsageError(error.message) from None
    finally:
        services.close()
    click.echo(f"Disabled: {email.strip().lower()}")


@main.command(help="Back up the database, the stored files and the settings to FILE.tar.gz.")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def backup(target) -> None:
    from repo_app.services.backup import backup as make_backup

    services = _services()
    manifest = make_backup(services, target)
    services.close()
    click.echo(f"Backup written to {target}: " + ", ".join(
        f"{name} {count}" for name, count in manifest["rows"].items() if count))


@main.command(help="Restore a backup into an empty instance, then rebuild the search index.")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def restore(source) -> None:
    from repo_app.services.backup import restore as restore_backup

    services = _services()
    try:
        manifest = restore_backup(services, source)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    finally:
        services.close()
    click.echo(f"Restored {manifest['rows'].get('records', 0)} records from {source}.")


@main.command(help="Mail the IP deadlines that enter the next 30 days (run daily).")
def notify() -> None:
    from repo_app.services.work_queue import remind_deadlines

    services = _services()
    click.echo(f"{remind_deadlines(services)} deadline reminders queued.")
    services.close()


@main.command(help="Mail each saved search's weekly digest of new results (run daily).")
def digest() -> None:
    from repo_app.services.saved_searches import send_digests

    services = _services()
    base = (services.settings.extra.get("public_url") or "http://localhost:5000").rstrip("/")
    click.echo(f"{send_digests(services, base + '/records/{id}')} digests queued.")
    services.close()


@main.command("demo-data", help="Demo accounts of every role and some workflow history "
                                "(for a demo instance only).")
def demo_data() -> None:
    from repo_app.services.demo import seed

    services = _services()
    for line in seed(services):
        click.echo(line)
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


__import__("repo_app.cli_tracker", fromlist=["register"]).register(main)  # tracker commands
__import__("repo_app.cli_queue", fromlist=["register"]).register(main)  # queue, worker

if __name__ == "__main__":
    main()
