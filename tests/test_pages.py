"""The search and record pages, as a reader sees them (HTML, Vietnamese first)."""

from __future__ import annotations

import re


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
