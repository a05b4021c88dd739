"""The tracker driven as staff drive it: a real headless Chromium (Debian's ``chromium``)
through Playwright, against the app served for real on 127.0.0.1 with a small province whose
figures are worked out by hand (tests/fixtures_tracker.py).

Skipped, with the reason, where Playwright for Python or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import io
import threading

import pytest

from repo_app.services import accounts
from tests.conftest import CHROMIUM
from tests.fixtures_tracker import load_province

DESKTOP = {"width": 1280, "height": 900}

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    expect = sync_playwright = None

pytestmark = [
    pytest.mark.skipif(
        sync_playwright is None,
        reason="Playwright for Python is not installed (pip install 'playwright>=1.45')",
    ),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="no /usr/bin/chromium: install Debian's chromium package (apt-get install chromium)",
    ),
]


@pytest.fixture
def live_url(services):
    from werkzeug.serving import WSGIRequestHandler, make_server

    from repo_app import create_app

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):
            pass

    load_province(services)
    accounts.add_user(services, "staff@skhcn.example", role="staff", name="Cán bộ Sở",
                      password="mat-khau-dai-1")
    app = create_app(services=services)
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


def _signed_in_staff(browser, live_url, **options):
    context = browser.new_context(base_url=live_url, locale="vi-VN", **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/login?next=/tracker/")
    page.fill("input[name=email]", "staff@skhcn.example")
    page.fill("input[name=password]", "mat-khau-dai-1")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/tracker/**")
    return context, page


@pytest.fixture
def page(browser, live_url):
    context, page = _signed_in_staff(browser, live_url, viewport=DESKTOP, accept_downloads=True)
    yield page
    context.close()


@pytest.fixture(params=["sqlite"])
def database_url(request, tmp_path):  # one database is enough for the browser
    return f"sqlite:///{tmp_path / 'repository.sqlite3'}"


def test_staff_see_every_target_and_follow_a_drilldown(page):
    page.select_option("select[name=period]", "2021-2025")
    page.get_by_role("button", name="Xem").click()
    coverage = page.locator('tr[data-key="support_coverage"]')
    expect(coverage.locator("td.value")).to_have_text("33,3 %")
    expect(coverage.locator("td.status")).to_contain_text("Có nguy cơ không đạt")
    expect(page.locator("tr.indicator")).to_have_count(13)
    for row in page.locator("tr.indicator").all():  # every target has a status and a list
        expect(row.locator("td.status .badge")).to_be_visible()
        expect(row.locator("a.drilldown")).to_be_visible()
    coverage.locator("a.drilldown").click()
    page.get_by_role("link", name="Chưa tính vào tử số (cần xử lý)").click()
    expect(page.locator("#drilldown-total")).to_have_text("2 dòng")
    expect(page.locator("table.drilldown-table")).to_contain_text("Kết quả R3")


def test_filter_by_a_2025_commune_keeps_the_district_series(page):
    page.select_option("select[name=period]", "2021-2025")
    page.select_option("select[name=place]", "phường Mũi Né")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator('tr[data-key="support_coverage"] td.ratio')).to_have_text("1 / 2")


def test_charts_are_drawn_with_their_numbers(page):
    page.goto("/tracker/?period=2021-2025")
    chart = page.locator("svg#chart-value")
    expect(chart).to_be_visible()
    expect(chart.locator("text.value")).to_have_text(["200", "0", "300", "0", "450"])
    box = chart.bounding_box()
    assert box["width"] > 250 and box["height"] > 100
    expect(page.locator("svg.chart")).to_have_count(6)


def test_import_a_spreadsheet_and_read_its_error_report(page, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["date", "value_vnd", "form", "includes_ip", "origin", "parties"])
    sheet.append(["2024-02-02", 5_000_000, "licence", "có", "domestic_institute", "Viện A"])
    sheet.append(["2024-02-03", 7_000_000, "gift", "có", "domestic_institute", "Viện B"])
    path = tmp_path / "giao-dich.xlsx"
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    page.goto("/tracker/transactions/import")
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name="Nhập", exact=True).click()
    report = page.locator("#import-report")
    expect(report).to_contain_text("form")
    expect(report.locator("tbody tr td").first).to_have_text("3")
    page.set_input_files("input[name=file]", str(path))
    page.check("input[name=valid_rows_only]")
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.locator("#import-result")).to_contain_text("nhập 1")


def test_yearly_report_downloads_from_the_page(page):
    with page.expect_download() as download:
        page.locator(".report-links a", has_text="PDF").first.click()
    assert download.value.suggested_filename == "bao-cao-4239-2021.pdf"
    with open(download.value.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"


# -- On a phone ------------------------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}
# What sticks out of the screen, leaving out wide tables, which scroll in their own box.
OVERFLOW = """() => [...document.querySelectorAll('main *')]
  .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > innerWidth + 1)
  .map(e => e.tagName + '.' + e.className)"""


def test_tracker_pages_fit_a_phone(browser, live_url):
    """Staff check the figures from a phone: nothing but a wide table's own box scrolls
    sideways, every chart fits the screen, and the targets table can still be read."""
    context, page = _signed_in_staff(browser, live_url, viewport=PHONE, is_mobile=True,
                                     has_touch=True)
    for path in ("/tracker/?period=2021-2025",
                 "/tracker/indicators/support_coverage?period=2021-2025",
                 "/tracker/transactions", "/tracker/activities", "/tracker/needs"):
        assert page.goto(path).status == 200, path
        assert page.evaluate(OVERFLOW) == [], path
    page.goto("/tracker/?period=2021-2025")
    for chart in page.locator("svg.chart").all():
        box = chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1
    coverage = page.locator('tr[data-key="support_coverage"]')
    coverage.scroll_into_view_if_needed()
    expect(coverage.locator("td.value")).to_be_visible()
    context.close()
