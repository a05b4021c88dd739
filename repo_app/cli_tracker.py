"""The tracker's commands: ``repo-app import transactions FILE`` and
``repo-app report yearly YEAR --format pdf|xlsx --output FILE``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _services():
    from repo_app.services import Services
    from repo_app.settings import Settings

    return Services(Settings.from_env())


@click.group("import", help="Import data kept elsewhere into the repository.")
def import_group() -> None:
    pass


@import_group.command("transactions", help=(
    "Import technology transactions from a CSV or XLSX file (header row: the API's field "
    "names; parties separated by ';'). Nothing is imported from a file with errors unless "
    "--valid-rows-only; rows already imported are left out."))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--valid-rows-only", is_flag=True, help="Import the valid rows, report the others.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the import report (rejected rows with row, field, reason) as JSON.")
def import_transactions(file: Path, valid_rows_only: bool, report_path: Path | None) -> None:
    from repo_app.services.transaction_import import BadFile, ImportReport, import_transactions

    services = _services()
    try:
        report = import_transactions(services, file.name, file.read_bytes(),
                                     valid_rows_only=valid_rows_only)
    except BadFile as error:
        report = ImportReport(file=file.name)
        report.rejected = [{"row": 1, "field": name, "reason": reason}
                           for name, reasons in error.fields.items() for reason in reasons]
    finally:
        services.close()
    for error in report.rejected:
        click.echo(f"  row {error['row']}, {error['field']}: {error['reason']}", err=True)
    if report_path:
        report_path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=1),
                               encoding="utf-8")
    click.echo(f"{file.name}: {report.rows} rows, {report.imported} imported, "
               f"{report.already_imported} already imported, "
               f"{report.duplicates_in_file} repeated in the file, "
               f"{report.rejected_rows} rejected"
               + ("" if report.committed else " - nothing imported"))
    if report.rejected and not (valid_rows_only and report.committed):
        sys.exit(1)


@click.group("report", help="Reports the Department files.")
def report_group() -> None:
    pass


@report_group.command("yearly", help="The yearly report on plan 4239 for YEAR, in Vietnamese.")
@click.argument("year", type=click.IntRange(2021, 2030))
@click.option("--format", "fmt", type=click.Choice(["pdf", "xlsx"]), required=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def report_yearly(year: int, fmt: str, output: Path) -> None:
    from repo_app.services import yearly_report

    services = _services()
    try:
        content = yearly_report.render(services, year, fmt)
    finally:
        services.close()
    output.write_bytes(content)
    click.echo(f"Yearly report {year} ({fmt}, {len(content):,} bytes): {output}")


@click.group("tracker", help="The Department's tracker of plan 4239.")
def tracker_group() -> None:
    pass


@tracker_group.command("demo-data", help="Illustrative transactions and activities for a demo "
                                          "instance (SQLite only); run after demo-data.")
def tracker_demo_data() -> None:
    from repo_app.services.activities import load_demo

    services = _services()
    try:
        for line in load_demo(services):
            click.echo(line)
    finally:
        services.close()


def register(main: click.Group) -> None:
    main.add_command(import_group)
    main.add_command(report_group)
    main.add_command(tracker_group)
