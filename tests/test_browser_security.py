"""Text from untrusted documents never runs: script payloads planted in a record's title,
abstract, keywords and file name are shown as text in a real browser (Debian's Chromium),
on the search page, the record page and in suggestions."""

from __future__ import annotations

import threading

import pytest

from tests.test_browser import CHROMIUM, sync_playwright

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="Playwright for Python is not installed"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: install chromium"),
]

TITLE = 'Nước mắm <script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=1">'
ABSTRACT = 'Ủ chượp <svg onload="window.__pwned=2"></svg> "><iframe src="javascript:alert(1)">'
KEYWORD = '<b onmouseover="window.__pwned=4">x</b>'
FILE_NAME = '<img src=x onerror="window.__pwned=3">.pdf'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from werkzeug.serving import make_server

    from repo_app import create_app
    from repo_app.models import Record, StoredFile
    from schemas.records import complete_record
    from tests.conftest import build_services

    folder = tmp_path_factory.mktemp("hostile")
    services = build_services(folder / "instance", f"sqlite:///{folder / 'db.sqlite3'}")
    stored = folder / "instance" / "files" / "x.pdf"
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_bytes(b"%PDF-1.4\n%%EOF\n")
    app = create_app(services=services)
    with services.sessions.begin() as db:
        db.add(Record(
            id="hostile1", kind="research_result", document_type="final_report", title=TITLE,
            access_level="public", commercialisation_status="accepted", ip_status="none",
            registration_state="accepted", version=1, full_text=ABSTRACT,
            data=complete_record({"kind": "research_result", "document_type": "final_report",
                  "title": TITLE, "abstract": ABSTRACT, "keywords": [KEYWORD],
                  "files": [{"sha256": "a" * 64, "original_name": FILE_NAME, "size": 14,
                             "pages": 1, "text_method": "text_layer"}]})))
        db.add(StoredFile(sha256="a" * 64, record_id="hostile1", original_name=FILE_NAME,
                          size=14, pages=1, text_method="text_layer", quality="clean",
                          storage_path="files/x.pdf"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    services.close()


def test_planted_scripts_never_run(hostile_site, browser):
    context = browser.new_context(base_url=hostile_site)
    try:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for url in ("/?q=nuoc+mam", "/records/hostile1", "/?q=chuop"):
            page.goto(url)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__pwned") is None, url
            if url.startswith("/?"):
                assert "<script>" in page.locator(".hit h3").first.inner_text(), url
        page.goto("/records/hostile1")
        assert "<script>" in page.locator("h1").inner_text()  # shown as the text it is
        assert FILE_NAME in page.locator("a.download").first.inner_text()
        page.goto("/")
        page.locator("#q").press_sequentially("nuoc m", delay=30)
        page.wait_for_timeout(600)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
    finally:
        context.close()
