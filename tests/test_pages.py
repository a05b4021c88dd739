"""The search and record pages, as a reader sees them (HTML, Vietnamese first)."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus_samples"


def test_search_page_in_vietnamese_with_results_facets_and_highlights(client):
    page = client.get("/?q=nuoc+mam")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<html lang="vi">' in html
    assert "kết quả" in html
    assert "<mark>" in html
    assert 'name="sector"' in html and 'type="checkbox"' in html


def test_english_switch_is_remembered(client):
    html = client.get("/?q=fish+sauce&lang=en").get_data(as_text=True)
    assert '<html lang="en">' in html and "results" in html
    html = client.get("/").get_data(as_text=True)  # the cookie keeps the choice
    assert '<html lang="en">' in html
    client.get("/?lang=vi")


def test_filter_chip_removes_its_filter(client):
    html = client.get("/?kind=patent").get_data(as_text=True)
    chip = re.search(r'<a class="chip" href="([^"]+)"', html)
    assert chip and "kind=patent" not in chip.group(1)


def test_record_page_shows_metadata_and_a_working_download(client):
    hit = client.get("/api/v1/records", query_string={"q": "thanh long"}).get_json()["hits"][0]
    html = client.get(f"/records/{hit['id']}").get_data(as_text=True)
    assert hit["title"] in html
    link = re.search(r'href="(/records/[^"]+/files/[0-9a-f]{64})"', html)
    assert link
    with client.get(link.group(1)) as download:
        assert download.status_code == 200 and download.data.startswith(b"%PDF-")
        assert "attachment" in download.headers["Content-Disposition"]


def test_a_bad_page_number_gets_a_readable_error_not_a_crash(client):
    page = client.get("/?page=abc")
    assert page.status_code == 400
    assert "page" in page.get_data(as_text=True)


def test_unknown_record_page_is_a_404(client):
    assert client.get("/records/nope").status_code == 404


# -- The search page: year ranges, facets, pages, empty and error states ----------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def _query(location: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(location).query, keep_blank_values=True)


def _total(html_text: str) -> int:
    line = re.search(r'id="results-count"[^>]*>\s*([\d.]+)', html_text)
    return int(line.group(1).replace(".", ""))


def _facet_html(html_text: str, name: str) -> str:
    return re.search(
        rf'<fieldset class="facet" data-facet="{name}">(.*?)</fieldset>', html_text, re.S
    ).group(1)


def test_year_boxes_redirect_to_the_canonical_range_url(client):
    response = client.get("/?q=tom&sector=thuy-san&year=2019&page=3&year_from=2023&year_to=2020")
    assert response.status_code == 302
    # The range replaces every year filter, the boxes and the page go, the order is fixed.
    assert _query(response.headers["Location"]) == [
        ("q", "tom"), ("sector", "thuy-san"), ("year", "2020..2023"),
    ]


def test_one_year_box_is_an_open_range_and_empty_boxes_drop_the_range(client):
    assert _query(client.get("/?year_from=2019&year_to=").headers["Location"]) == [
        ("year", "2019..")
    ]
    assert _query(client.get("/?year_to=2016").headers["Location"]) == [("year", "..2016")]
    assert _query(client.get("/?year_from=2020&year_to=2020").headers["Location"]) == [
        ("year", "2020")
    ]
    emptied = client.get("/?year=2016&year=2018..2020&year_from=&year_to=")
    assert _query(emptied.headers["Location"]) == [("year", "2016")]


def test_a_year_that_is_not_a_year_gets_a_400_that_says_so(client):
    page = client.get("/?q=tom&year_from=20x0")
    html_text = page.get_data(as_text=True)
    assert page.status_code == 400
    assert 'role="alert"' in html_text and "20x0" in html_text and "Từ năm" in html_text
    assert 'value="tom"' in html_text  # the query stays in the box
    assert 'name="year_from"' not in html_text  # searching again does not repeat the mistake


def test_a_year_range_filters_the_results_and_shows_as_one_chip(client):
    html_text = client.get("/?year=2018..2020").get_data(as_text=True)
    years = [int(year) for year in re.findall(r'<span class="year">(\d{4})</span>', html_text)]
    assert years and all(2018 <= year <= 2020 for year in years)
    chips = re.findall(r'<a class="chip" href="([^"]+)"[^>]*>(.*?)</a>', html_text, re.S)
    assert len(chips) == 1
    assert "2018–2020" in chips[0][1] and "year" not in chips[0][0]
    assert 'name="year_from" form="year-range-form"' in html_text
    assert re.search(r'name="year_from"[^>]*value="2018"', html_text)
    assert not re.search(r'type="checkbox" name="year" value="2018\.\.2020"', html_text)


def test_long_facets_fold_their_tail_under_show_more(client):
    sector = _facet_html(client.get("/").get_data(as_text=True), "sector")
    shown, _, folded = sector.partition('<details class="more"')
    assert shown.count('type="checkbox"') == 6
    assert folded.count('type="checkbox"') >= 1 and "Xem thêm" in folded
    assert not folded.startswith(" open")
    last = re.findall(r'name="sector" value="([^"]+)"', folded)[-1]
    sector = _facet_html(client.get(f"/?sector={last}").get_data(as_text=True), "sector")
    assert '<details class="more" open>' in sector  # a ticked value is never hidden


def test_the_pager_numbers_pages_around_the_current_one(client):
    html_text = client.get("/?size=4&page=5").get_data(as_text=True)
    pager = re.search(r'<nav class="pager".*?</nav>', html_text, re.S).group(0)
    assert re.search(r'aria-current="page">5<', pager)
    numbers = [int(n) for n in re.findall(r">(\d+)</a>", pager)]
    assert numbers[0] == 1 and numbers[-1] == -(-_total(html_text) // 4)
    assert {3, 4, 6, 7} <= set(numbers) and 2 not in numbers and "…" in pager
    assert 'rel="prev"' in pager and 'rel="next"' in pager


def test_a_page_past_the_end_says_so_and_links_back(client):
    page = client.get("/?q=thanh+long&page=40")
    html_text = html.unescape(page.get_data(as_text=True))
    assert page.status_code == 200
    assert "Trang 40 không có kết quả" in html_text
    assert 'href="/?q=thanh+long"' in html_text


def test_a_page_beyond_the_paging_window_is_a_readable_400(client):
    page = client.get("/?page=5000&size=100")
    assert page.status_code == 400 and 'role="alert"' in page.get_data(as_text=True)


def test_an_empty_page_offers_each_filter_to_remove_with_the_results_it_brings(client):
    html_text = client.get("/?q=nuoc+mam&kind=patent&place=phu-quy").get_data(as_text=True)
    assert "Không tìm thấy kết quả nào cho “nuoc mam”" in html_text
    offers = re.search(r'<ul class="relaxations">(.*?)</ul>', html_text, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)">.*?</a>\s*<span class="count">([\d.]+)', offers, re.S)
    assert links
    for href, count in links:
        followed = client.get(html.unescape(href)).get_data(as_text=True)
        assert _total(followed) == int(count) > 0


def test_a_query_that_finds_nothing_suggests_what_was_probably_meant(client):
    html_text = client.get("/?q=nuoc+mamm").get_data(as_text=True)
    assert _total(html_text) == 0
    offer = re.search(r'<p class="did-you-mean">.*?<a href="([^"]+)">([^<]+)</a>', html_text, re.S)
    assert offer and "nuoc mam" in _fold(offer.group(2))
    assert _total(client.get(html.unescape(offer.group(1))).get_data(as_text=True)) > 0


def test_what_the_user_typed_is_escaped_everywhere(client):
    html_text = client.get("/", query_string={"q": '<script>alert("x")</script>'}).get_data(
        as_text=True
    )
    assert '<script>alert("x")' not in html_text
    assert "&lt;script&gt;" in html_text


def test_page_links_are_computed_as_data():
    from repo_app.views import _page_links

    assert _page_links(1, 1) == [1]
    assert _page_links(1, 11) == [1, 2, 3, None, 11]
    assert _page_links(6, 11) == [1, None, 4, 5, 6, 7, 8, None, 11]
    assert _page_links(4, 5) == [1, 2, 3, 4, 5]


# -- The record page: similar records, and the staff panel --------------------------------------


def test_record_page_lists_similar_records_but_not_itself(client):
    hit = client.get("/api/v1/records", query_string={"q": "nuoc mam"}).get_json()["hits"][0]
    html_text = client.get(f"/records/{hit['id']}").get_data(as_text=True)
    similar = re.search(r'<aside class="similar".*?</aside>', html_text, re.S).group(0)
    assert "Tài liệu tương tự" in similar
    ids = re.findall(r'href="/records/([0-9a-f]+)"', similar)
    assert ids and hit["id"] not in ids
    for record_id in ids:
        assert client.get(f"/records/{record_id}").status_code == 200


QUALITY = {
    "summary": "ocr",
    "needs_review": True,
    "review_reasons": ["Tên đề tài đọc được với độ tin cậy thấp"],
    "field_confidence": {"title": 0.42, "task_code": 0.97},
    "pages": [
        {"page": 1, "verdict": "clean", "method": "text_layer", "ocr_confidence": None},
        {"page": 2, "verdict": "garbled", "method": "ocr", "ocr_confidence": 58.7},
    ],
}


@pytest.fixture
def one_record_app(services):
    """A fresh instance holding one real report whose reading quality staff must check."""
    from repo_app import create_app
    from repo_app.models import Record
    from repo_app.services.ingest import Ingestor

    summary = Ingestor(services, workers=1).run([CORPUS / "reports" / "2013-nuoc-mam-haccp.pdf"])
    (outcome,) = summary.outcomes
    assert outcome.record_id, f"the sample report was not ingested: {outcome}"
    record_id = outcome.record_id
    with services.sessions.begin() as session:
        record = session.get(Record, record_id)
        record.data = {**record.data, "quality": QUALITY}
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app, record_id


def test_reading_quality_is_shown_to_staff_only(one_record_app, services):
    auth = pytest.importorskip("repo_app.auth", reason="staff sign-in (repo_app.auth) not present")
    app, record_id = one_record_app
    public = app.test_client().get(f"/records/{record_id}").get_data(as_text=True)
    assert 'id="quality"' not in public and "Độ tin cậy" not in public and "59 %" not in public

    from repo_app.services.accounts import add_user

    assert auth.login_manager is not None
    add_user(services, "staff@skhcn.gov.vn", role="staff", name="Cán bộ",
             password="mot-mat-khau-dai")
    staff = app.test_client()
    form = staff.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    signed_in = staff.post("/login", data={
        "csrf": token, "email": "staff@skhcn.gov.vn", "password": "mot-mat-khau-dai"})
    assert signed_in.status_code == 302
    html_text = staff.get(f"/records/{record_id}").get_data(as_text=True)
    panel = re.search(r'<section class="staff-panel" id="quality".*?</section>', html_text, re.S)
    assert panel
    panel = panel.group(0)
    assert "Nhận dạng OCR" in panel and "Cần rà soát" in panel
    assert "Tên đề tài đọc được với độ tin cậy thấp" in panel
    low = re.search(r'<tr class="low" data-field="title">.*?</tr>', panel, re.S).group(0)
    assert "42 %" in low and "thấp" in low
    assert '<tr class="ok" data-field="task_code">' in panel
    rows = re.findall(r'<tr class="verdict-(\w+)">\s*<td>(\d+)</td>', panel)
    assert rows == [("clean", "1"), ("garbled", "2")]
    assert "Lỗi ký tự" in panel and "59 %" in panel  # a whole percent


def test_search_results_download_as_csv_and_xlsx(client):
    import csv
    import io

    html = client.get("/?q=thanh+long").get_data(as_text=True)
    links = re.findall(r'href="(/api/v1/exports/records\?[^"]+)"', html)
    assert len(links) == 2
    answer = client.get(links[0].replace("&amp;", "&"))
    assert answer.status_code == 200
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True).lstrip("\ufeff"))))
    shown = client.get("/api/v1/records?q=thanh+long").get_json()
    assert [row["id"] for row in rows] == [hit["id"] for hit in shown["hits"]]
    workbook = client.get(links[1].replace("&amp;", "&"))
    assert workbook.status_code == 200 and workbook.data[:2] == b"PK"
