"""Importing the Department's historical transactions from CSV and XLSX: rejected rows named by
the row number the spreadsheet shows (header = row 1), all or nothing unless asked, and the
same file twice imports nothing twice."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from sqlalchemy import func, select

from repo_app.models import Transaction
from repo_app.services.transaction_import import BadFile, import_transactions

HEADER = "date,value_vnd,form,includes_ip,origin,country,developed_country,parties,record_id"
GOOD_ROWS = [
    "2022-03-01,120000000,licence,true,domestic_institute,,,Viện Hải dương học;Công ty A,",
    '15/06/2023,"250.000.000",assignment,không,foreign,Nhật Bản,có,Công ty Nhật,',
    "2024-01-20,80000000,technology_services,false,domestic_enterprise,,,Công ty B,",
]
BAD_ROWS = [
    "2023-13-01,5,licence,true,domestic_institute,,,X,",  # row 5: bad date
    "2023-02-01,-3,gift,maybe,foreign,,,,",  # row 6: value, form, includes_ip, parties...
]


def _csv(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def _count(services) -> int:
    with services.sessions() as session:
        return session.scalar(select(func.count(Transaction.id)))


def test_a_clean_csv_imports_every_row_once(services):
    report = import_transactions(services, "giao-dich.csv", _csv(*GOOD_ROWS))
    assert (report.rows, report.imported, report.rejected) == (3, 3, [])
    with services.sessions() as session:
        rows = session.scalars(select(Transaction).order_by(Transaction.date)).all()
    assert rows[0].parties == ["Viện Hải dương học", "Công ty A"] and rows[0].source == "import"
    assert rows[1].date == date(2023, 6, 15) and rows[1].value_vnd == 250_000_000
    assert rows[1].developed_country is True and rows[1].includes_ip is False
    again = import_transactions(services, "giao-dich.csv", _csv(*GOOD_ROWS))
    assert (again.imported, again.already_imported) == (0, 3)
    assert _count(services) == 3


def test_errors_name_the_spreadsheet_row_and_nothing_is_imported(services):
    report = import_transactions(services, "loi.csv", _csv(*GOOD_ROWS, *BAD_ROWS))
    assert not report.committed and report.imported == 0 and _count(services) == 0
    by_row = {}
    for error in report.rejected:
        by_row.setdefault(error["row"], set()).add(error["field"])
        assert error["reason"]
    assert by_row[5] == {"date"}
    assert {"value_vnd", "includes_ip"} <= by_row[6]
    assert set(by_row) == {5, 6}


def test_valid_rows_only_imports_the_good_rows(services):
    report = import_transactions(services, "loi.csv", _csv(*GOOD_ROWS, *BAD_ROWS),
                                 valid_rows_only=True)
    assert report.committed and report.imported == 3 and report.rejected_rows == 2
    assert _count(services) == 3


def test_repeated_rows_in_one_file_count_once(services):
    report = import_transactions(services, "lap.csv", _csv(GOOD_ROWS[0], GOOD_ROWS[0]))
    assert (report.imported, report.duplicates_in_file) == (1, 1)


def test_xlsx_row_numbers_follow_the_sheet_blank_rows_included(services):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append([date(2022, 3, 1), 120_000_000, "licence", True, "domestic_institute", None,
                  None, "Viện A; Công ty B", None])
    sheet.append([])  # row 3 left blank
    sheet.append([date(2022, 4, 1), 1.5, "licence", False, "domestic_enterprise", None, None,
                  "Công ty C", None])  # row 4: a fraction of a dong
    sheet.append([date(2022, 5, 1), 9_000_000, "licence", False, "domestic_enterprise", None,
                  None, "Công ty D", "no-such-record"])  # row 5
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_transactions(services, "so-lieu.xlsx", buffer.getvalue())
    assert [(error["row"], error["field"]) for error in report.rejected] == [
        (4, "value_vnd"), (5, "record_id")]
    assert report.rows == 3 and _count(services) == 0


def test_a_file_without_the_needed_columns_is_refused_as_a_whole(services):
    with pytest.raises(BadFile) as error:
        import_transactions(services, "x.csv", b"date,amount\n2022-01-01,5\n")
    assert "header" in error.value.fields
    with pytest.raises(BadFile):
        import_transactions(services, "x.pdf", b"%PDF-")


def test_the_command_exits_non_zero_and_writes_its_report(services, tmp_path):
    from click.testing import CliRunner

    from repo_app.cli import main

    env = {"REPO_INSTANCE": str(services.settings.instance),
           "DATABASE_URL": services.settings.database_url}
    source = tmp_path / "giao-dich.csv"
    source.write_bytes(_csv(*GOOD_ROWS, *BAD_ROWS))
    report_path = tmp_path / "report.json"
    runner = CliRunner()
    failed = runner.invoke(main, ["import", "transactions", str(source), "--report",
                                  str(report_path)], env=env)
    assert failed.exit_code == 1 and _count(services) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert {error["row"] for error in report["rejected"]} == {5, 6}
    partial = runner.invoke(main, ["import", "transactions", str(source), "--valid-rows-only"],
                            env=env)
    assert partial.exit_code == 0, partial.output
    assert "3 imported" in partial.output and _count(services) == 3
    twice = runner.invoke(main, ["import", "transactions", str(source), "--valid-rows-only"],
                          env=env)
    assert "0 imported" in twice.output and _count(services) == 3
