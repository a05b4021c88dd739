"""Any list the site shows (search results, drill-downs, transactions, inquiries, needs) as a
CSV or XLSX file: one row per item, one column per field, values as plain text or numbers.

CSV is UTF-8 with a byte-order mark so that spreadsheet programs read Vietnamese correctly;
lists (``parties``) are joined with ``; `` as the import reads them back.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

FORMATS = ("csv", "xlsx")
MAX_ROWS = 100_000
MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def columns_of(rows: list[dict]) -> list[str]:
    """Every key, in the order first met."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {item}" for key, item in value.items())
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def to_csv(rows: list[dict], columns: list[str] | None = None) -> bytes:
    columns = columns or columns_of(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[dict], columns: list[str] | None = None, title: str = "list") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns = columns or columns_of(rows)
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31] or "list"
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(row.get(column)) for column in columns])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render(rows: list[dict], fmt: str, *, columns: list[str] | None = None,
           title: str = "list") -> tuple[bytes, str]:
    """The file's bytes and its media type; ValueError for a format not offered."""
    if fmt == "csv":
        return to_csv(rows, columns), MIMETYPES["csv"]
    if fmt == "xlsx":
        return to_xlsx(rows, columns, title), MIMETYPES["xlsx"]
    raise ValueError(f"format must be one of: {', '.join(FORMATS)}")


def response(rows: list[dict], name: str, fmt: str, *, columns: list[str] | None = None):
    """A Flask download of ``rows`` (for the API and the pages)."""
    from flask import Response

    from repo_app.services.errors import Invalid, lazy_gettext

    if fmt not in FORMATS:
        raise Invalid({"format": [lazy_gettext("One of: %(choices)s.",
                                                  choices=", ".join(("json", *FORMATS)))]})
    content, mimetype = render(rows, fmt, columns=columns, title=name)
    return Response(content, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
