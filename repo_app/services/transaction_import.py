"""Historical transactions imported from the Department's spreadsheets (CSV or XLSX).

One row per transaction, columns named as the API's fields (``parties`` as names separated by
``;``). Every row goes through the same validation as the API (``transactions.load_transaction``)
and gets the same fingerprint, so importing a file twice imports nothing twice.

Rows are numbered as the spreadsheet shows them: the header is row 1, the first transaction
row 2. By default the import is all or nothing: one rejected row and nothing is written.
``valid_rows_only`` writes the valid rows and still reports the rejected ones.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from repo_app.models import Record
from repo_app.services import transactions
from repo_app.services.errors import Invalid, lazy_gettext
from schemas.transactions import FIELDS

REQUIRED_COLUMNS = ("date", "value_vnd", "form", "includes_ip", "origin", "parties")
_GROUPED_NUMBER = re.compile(r"^\d{1,3}([.,\s]\d{3})+$")


@dataclass
class ImportReport:
    file: str
    rows: int = 0  # transaction rows read (blank rows left out)
    imported: int = 0
    already_imported: int = 0  # same fingerprint already in the database
    duplicates_in_file: int = 0
    rejected: list[dict] = field(default_factory=list)  # {"row", "field", "reason"}
    committed: bool = False

    @property
    def rejected_rows(self) -> int:
        return len({error["row"] for error in self.rejected})

    def as_dict(self) -> dict:
        return {"file": self.file, "rows": self.rows, "imported": self.imported,
                "already_imported": self.already_imported,
                "duplicates_in_file": self.duplicates_in_file,
                "rejected_rows": self.rejected_rows, "rejected": self.rejected,
                "committed": self.committed}


class BadFile(Invalid):
    """The file as a whole cannot be read (format, header)."""


# -- Reading ---------------------------------------------------------------------------------


def read_rows(name: str, content: bytes) -> list[tuple[int, dict]]:
    """``(row number as the spreadsheet shows it, {column: cell})`` for every non-blank row."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        table = _xlsx_table(content)
    elif suffix in (".csv", ".txt"):
        table = _csv_table(content)
    else:
        raise BadFile({"file": [lazy_gettext("Not a CSV or XLSX file: %(name)s.",
                                             name=repr(name))]})
    if not table:
        raise BadFile({"file": [lazy_gettext("The file is empty.")]})
    header = [str(cell).strip().lower() if cell is not None else "" for cell in table[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    unknown = [column for column in header if column and column not in FIELDS]
    errors = {}
    if missing:
        errors["header"] = [lazy_gettext("Row 1 lacks the columns: %(columns)s.",
                                          columns=", ".join(missing))]
    if unknown:
        errors.setdefault("header", []).append(
            f"Row 1 has columns that are not transaction fields: {', '.join(unknown)} "
            f"(expected: {', '.join(FIELDS)}).")
    if errors:
        raise BadFile(errors)
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {column: cells[index] if index < len(cells) else None
                  for index, column in enumerate(header) if column}
        if all(_blank(value) for value in values.values()):
            continue
        rows.append((number, values))
    return rows


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _xlsx_table(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise BadFile({"file": [lazy_gettext("Not a readable XLSX file (%(error)s).",
                                           error=type(error).__name__)]}) from None
    try:
        sheet = workbook.worksheets[0]
        # Read-only sheets yield every row from row 1, blank ones too: the list index is the
        # spreadsheet's row number minus one.
        table = [list(row) for row in sheet.iter_rows(min_row=1, values_only=True)]
        return table
    finally:
        workbook.close()


def _csv_table(content: bytes) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadFile({"file": [lazy_gettext("The CSV file is not UTF-8 text.")]}) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


# -- Cells to API fields -----------------------------------------------------------------------


def row_body(values: dict) -> tuple[dict, dict]:
    """The API body of one row, and the errors of cells that cannot even be converted."""
    body: dict = {}
    errors: dict = {}
    for column, cell in values.items():
        try:
            converted = _cell(column, cell)
        except ValueError as error:
            errors[column] = [str(error)]
            continue
        if converted is not None or column in REQUIRED_COLUMNS:
            body[column] = converted
    return body, errors


def _cell(column: str, cell):
    if _blank(cell):
        return None
    if column == "date":
        if isinstance(cell, datetime):
            return cell.date().isoformat()
        if isinstance(cell, date):
            return cell.isoformat()
        text = str(cell).strip()
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)  # Vietnamese dd/mm/yyyy
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                raise ValueError(lazy_gettext("Not a date: %(text)s.", text=repr(text))) from None
        return text
    if column == "value_vnd":
        if isinstance(cell, bool):
            raise ValueError(lazy_gettext("A whole number of VND."))
        if isinstance(cell, int):
            return cell
        if isinstance(cell, float):
            if not cell.is_integer():
                raise ValueError(lazy_gettext("A whole number of VND, no fractions."))
            return int(cell)
        text = str(cell).strip()
        if text.isdigit():
            return int(text)
        if _GROUPED_NUMBER.match(text):
            return int(re.sub(r"[.,\s]", "", text))
        raise ValueError(lazy_gettext("Not a whole number of VND: %(text)s.", text=repr(text[:40])))
    if column in ("includes_ip", "developed_country"):
        try:
            return transactions.parse_bool(cell, column)
        except Invalid as error:
            raise ValueError(error.fields[column][0]) from None
    if column == "parties":
        return [name.strip() for name in str(cell).split(";") if name.strip()]
    return str(cell).strip()


# -- Import ------------------------------------------------------------------------------------


def import_transactions(services, name: str, content: bytes, *, valid_rows_only: bool = False,
                        created_by: int | None = None) -> ImportReport:
    """Check every row, then write: all rows, or (``valid_rows_only``) the valid ones.

    A row whose fingerprint is already in the database, or earlier in the same file, is left
    out and counted, never an error: importing the same file twice imports nothing twice.
    Raises BadFile when the file itself cannot be read.
    """
    report = ImportReport(file=Path(name).name)
    rows = read_rows(name, content)
    report.rows = len(rows)
    checked: list[tuple[int, dict, str]] = []
    for number, values in rows:
        body, errors = row_body(values)
        if not errors:
            try:
                loaded = transactions.load_transaction(body)
            except Invalid as error:
                errors = error.fields
        if errors:
            report.rejected.extend(_row_errors(number, errors))
            continue
        checked.append((number, loaded, transactions.fingerprint(loaded)))

    with services.sessions() as session, session.begin():
        wanted_records = {values["record_id"] for _, values, _ in checked if values["record_id"]}
        known_records = set()
        if wanted_records:
            from sqlalchemy import select

            known_records = set(session.scalars(
                select(Record.id).where(Record.id.in_(wanted_records))))
        existing = transactions.existing_fingerprints(session, [fp for _, _, fp in checked])
        seen: set[str] = set()
        to_write = []
        for number, values, print_ in checked:
            if values["record_id"] and values["record_id"] not in known_records:
                report.rejected.append({"row": number, "field": "record_id",
                                        "reason": f"No record {values['record_id']!r}."})
            elif print_ in existing:
                report.already_imported += 1
            elif print_ in seen:
                report.duplicates_in_file += 1
            else:
                seen.add(print_)
                to_write.append(values)
        report.rejected.sort(key=lambda error: (error["row"], error["field"]))
        if report.rejected and not valid_rows_only:
            return report  # nothing written: the session is rolled back on leaving
        for values in to_write:
            transactions.create_transaction(session, values, source="import",
                                            created_by=created_by)
        report.imported = len(to_write)
        report.committed = True
    return report


def _row_errors(number: int, errors: dict) -> list[dict]:
    found = []
    for name, reasons in errors.items():
        if isinstance(reasons, dict):  # a list field: {index: [reasons]}
            reasons = [f"item {int(index) + 1}: {'; '.join(r)}" for index, r in reasons.items()]
        for reason in reasons:
            field_name = "row" if name == "_schema" else name
            found.append({"row": number, "field": field_name, "reason": str(reason)})
    return found
