"""The tracker's pages as Department staff use them: every target with its status and a
drill-down, SVG charts readable without colour, the import page with its error report, the
yearly report downloads, activities and technology needs."""

from __future__ import annotations

import io
import re

import pytest

from repo_app.services import accounts
from tests.fixtures_tracker import load_province


@pytest.fixture
def app(services):
    from repo_app import create_app

    load_province(services)
    app = create_app(services=services)
    app.config.update(TESTING=True)
    accounts.add_user(services, "staff@skhcn.example", role="staff", name="Cán bộ Sở",
                      password="mat-khau-dai-1")
    accounts.add_user(services, "dn@example.com", role="enterprise", name="Công ty Thanh Long",
                      password="mat-khau-dai-2")
    return app


def _token(client, url: str) -> str:
    """The CSRF token of the form on ``url``, as the browser would send it."""
    return re.search(r'name="csrf" value="([^"]+)"', client.get(url).get_data(as_text=True)
                     ).group(1)


def _signed_in(app, email, password):
    client = app.test_client()
    response = client.post("/login", data={"csrf": _token(client, "/login"), "email": email,
                                           "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return client


@pytest.fixture
def staff(app):
    return _signed_in(app, "staff@skhcn.example", "mat-khau-dai-1")


def test_tracker_is_for_staff(app):
    anonymous = app.test_client().get("/tracker/")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    enterprise = _signed_in(app, "dn@example.com", "mat-khau-dai-2")
    assert enterprise.get("/tracker/").status_code == 403


def test_every_target_with_value_status_and_drilldown(staff):
    html = staff.get("/tracker/?period=2021-2025").get_data(as_text=True)
    keys = re.findall(r'data-key="([a-z_]+)"', html)
    assert {"support_coverage", "ip_requests_met", "transaction_value_growth",
            "ip_transaction_share", "developed_import_share", "institute_share",
            "intermediaries", "events", "trainings", "survey"} <= set(keys)
    row = html.split('data-key="support_coverage"')[1].split("</tr>")[0]
    assert "33,3 %" in row and "1 / 3" in row and "Có nguy cơ không đạt" in row
    assert 'href="/tracker/indicators/support_coverage?period=2021-2025"' in row
    growth = html.split('data-key="transaction_value_growth"')[1].split("</tr>")[0]
    assert "22,5 %/năm" in growth and "Đạt" in growth
    assert "Cách tính" in html  # each definition on the page


def test_charts_are_inline_svg_with_numbers_and_patterns(staff):
    html = staff.get("/tracker/?period=2021-2025").get_data(as_text=True)
    assert "<script src=\"http" not in html and "cdn" not in html.lower()
    svgs = re.findall(r"<svg class=\"chart\".*?</svg>", html, flags=re.S)
    assert len(svgs) == 6  # value, three shares, stages, IP stages
    value_chart = next(svg for svg in svgs if 'id="chart-value"' in svg)
    # Columns carry their numbers (million VND) and patterns, not only colour.
    assert ">200<" in value_chart and ">300<" in value_chart and ">450<" in value_chart
    assert "url(#chart-value-p0)" in value_chart and "<title" in value_chart
    band = next(svg for svg in svgs if 'id="chart-developed_import_share"' in svg)
    assert "stroke-dasharray" in band and "5-10 %" in band


def test_drilldown_page_lists_what_is_still_to_do(staff):
    html = staff.get("/tracker/indicators/support_coverage?period=2021-2025&counted=false")
    text = html.get_data(as_text=True)
    assert html.status_code == 200
    assert "2 dòng" in text and "R2" in text and "R3" in text
    assert ">R1<" not in text
    assert "Đã nghiệm thu" in text  # the status's label, not its key
    csv = staff.get("/api/v1/plan/indicators/support_coverage/items?period=2021-2025"
                    "&counted=false&format=csv")
    lines = csv.data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,title") and len(lines) == 3


def test_filters_with_a_successor_commune(staff):
    html = staff.get("/tracker/?period=2021-2025&place=phường Mũi Né").get_data(as_text=True)
    row = html.split('data-key="support_coverage"')[1].split("</tr>")[0]
    assert "1 / 2" in row  # R1 and R3 are in Phan Thiết; R1 was supported in 2022

def test_bad_filter_is_a_readable_error(staff):
    response = staff.get("/tracker/?period=2021-2025&year=2040")
    assert response.status_code == 422 and "year" in response.get_data(as_text=True)


def test_import_page_shows_rejected_rows(staff):
    data = ("date,value_vnd,form,includes_ip,origin,parties\n"
            "2024-01-01,1000,licence,true,domestic_institute,Viện A\n"
            "2024-01-02,abc,licence,true,domestic_institute,Viện B\n").encode()
    response = staff.post("/tracker/transactions/import",
                          data={"file": (io.BytesIO(data), "giao-dich.csv"),
                                "csrf": _token(staff, "/tracker/transactions/import")},
                          content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r"<td>3</td><td>value_vnd</td>", html)
    assert "Chưa nhập dòng nào" in html


def test_yearly_report_downloads(staff):
    pdf = staff.get("/tracker/report/2025.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF-")
    xlsx = staff.get("/tracker/report/2025.xlsx")
    assert xlsx.status_code == 200 and xlsx.data.startswith(b"PK")


def test_indicators_table_exports(staff):
    from openpyxl import load_workbook

    response = staff.get("/tracker/?period=2021-2025&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.data)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["key", "label", "value"]
    assert sheet.max_row == 1 + 13


def test_activity_form_counts_towards_its_task(staff):
    token = _token(staff, "/tracker/activities")
    response = staff.post("/tracker/activities", data={
        "csrf": token, "type": "connection_event", "title": "Chợ công nghệ Phan Thiết 2025",
        "start_date": "2025-09-01", "place": "phan-thiet", "participants": "300",
        "records": "R1, R3", "transactions": "1"})
    assert response.status_code == 302
    listed = staff.get("/tracker/activities").get_data(as_text=True)
    assert "Chợ công nghệ Phan Thiết 2025" in listed and "1 giao dịch" in listed
    body = staff.get("/api/v1/plan/indicators?period=2021-2025").get_json()
    events = next(row for row in body["indicators"] if row["key"] == "events")
    assert events["value"] == 1
    bad = staff.post("/tracker/activities", data={"csrf": token, "type": "party", "title": "x",
                                                  "start_date": "2025-13-01"})
    assert bad.status_code == 422


def test_an_enterprise_enters_a_need_and_sees_its_matches(app, services):
    from repo_app.services.indexing import rebuild_index

    rebuild_index(services)
    enterprise = _signed_in(app, "dn@example.com", "mat-khau-dai-2")
    response = enterprise.post("/tracker/needs", data={
        "csrf": _token(enterprise, "/tracker/needs"), "sector": "thanh-long",
        "problem": "Cần kết quả nghiên cứu về bảo quản sau thu hoạch", "timeline": "2026"})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    html = enterprise.get(response.headers["Location"]).get_data(as_text=True)
    assert "Cần kết quả nghiên cứu về bảo quản sau thu hoạch" in html
    matches = re.findall(r'<a href="/records/(R\d)">', html)
    assert matches and set(matches) <= {"R1", "R2", "R3", "R4", "R6", "R7"}
    assert "tracker_forward" not in html and "Chuyển cho hai bên" not in html  # staff only
