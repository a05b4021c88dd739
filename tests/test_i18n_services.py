"""The services' refusals in the reader's language: a page shows them in Vietnamese by default
and in English on ``?lang=en``; the API answers them in English whatever the browser prefers
(``?lang=vi`` asks for Vietnamese); the command line and anything else outside a request reads
them in English, and the fields of a refusal are plain JSON-ready text."""

from __future__ import annotations

import io
import json
import re

import pytest
from click.testing import CliRunner

from repo_app import create_app
from repo_app.cli import main as cli
from repo_app.services import accounts, commercialisation, registration
from repo_app.services.errors import Conflict, Invalid, lazy_gettext
from repo_app.services.principal import Principal
from tests.test_workflow_pages import PASSWORD, report_pdf, sign_in

STALE_VI = re.compile(r"Phiên bản đã cũ: người khác vừa thay đổi hồ sơ này "
                      r"\(bạn mở phiên bản (\d+), nay là (\d+)\), hãy tải lại trang")
STALE_EN = re.compile(r"Someone changed this since you loaded it \(version (\d+), now (\d+)\); "
                      r"reload and try again\.")
# The browser of a Vietnamese reader: the cookie and Accept-Language both say Vietnamese.
VIETNAMESE_BROWSER = {"Accept-Language": "vi-VN,vi;q=0.9", "Cookie": "lang=vi"}


@pytest.fixture
def app(services):
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app


@pytest.fixture
def staff(services):
    user = accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", name="Cán bộ Sở",
                             password=PASSWORD)
    return Principal.of(user)


@pytest.fixture
def result(services, staff):
    """An accepted research result, its commercialisation case open."""
    researcher = Principal.of(accounts.add_user(
        services, "nnc@vien.vn", role="researcher", name="Nhà nghiên cứu", password=PASSWORD,
        organisation="so-khcn-binh-thuan"))
    record_id = registration.create_draft(services, researcher, [
        ("bao-cao.pdf", report_pdf("Quy trình bảo quản thanh long sau thu hoạch"))])
    registration.run_transition(services, record_id, researcher,
                                {"transition": "submit", "version": 1})
    registration.run_transition(services, record_id, staff,
                                {"transition": "accept", "version": 2})
    return record_id


def _stale_version(services, record_id, staff) -> int:
    """Move the case once, and return the version the page showed before the move."""
    seen = commercialisation.get_workflow(services, record_id, staff)["version"]
    commercialisation.run_transition(services, record_id, staff,
                                     {"transition": "start_screening", "version": seen})
    return seen


def _text(response) -> str:
    """The page's text without tags, whitespace folded (a message may wrap in the HTML)."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


def test_a_stale_version_on_the_workflow_panel_reads_in_the_readers_language(
        app, services, staff, result):
    seen = _stale_version(services, result, staff)
    form = {"transition": "withdraw", "version": str(seen), "comment": "Nhà tài trợ rút lui."}
    browser = sign_in(app, "staff@skhcn.gov.vn")
    vietnamese = browser.post(f"/records/{result}/workflow", data={"csrf": browser.csrf, **form})
    assert vietnamese.status_code == 409
    page = _text(vietnamese)
    assert STALE_VI.search(page).groups() == (str(seen), str(seen + 1)), page[-3000:]
    assert not STALE_EN.search(page)
    english = browser.post(f"/records/{result}/workflow?lang=en",
                           data={"csrf": browser.csrf, **form})
    assert english.status_code == 409
    page = _text(english)
    assert STALE_EN.search(page).groups() == (str(seen), str(seen + 1)), page[-3000:]
    assert not STALE_VI.search(page)


def test_a_missing_comment_is_refused_in_vietnamese(app, services, staff, result):
    version = commercialisation.get_workflow(services, result, staff)["version"]
    browser = sign_in(app, "staff@skhcn.gov.vn")
    refused = browser.post(f"/records/{result}/workflow", data={
        "csrf": browser.csrf, "transition": "withdraw", "version": str(version)})
    assert refused.status_code == 422
    page = _text(refused)
    assert "Trường thiếu hoặc không hợp lệ: comment." in page
    assert "Invalid or missing fields" not in page
    # marshmallow's own reason for the field, in Vietnamese too.
    assert "Trường bắt buộc, chưa có dữ liệu." in page
    assert "Missing data for required field." not in page


def test_the_api_answers_the_same_refusal_in_english(app, services, staff, result):
    seen = _stale_version(services, result, staff)
    token = accounts.new_token(services, "staff@skhcn.gov.vn")
    body = {"transition": "withdraw", "version": seen, "comment": "Nhà tài trợ rút lui."}
    client = app.test_client()
    answer = client.post(f"/api/v1/records/{result}/workflow", json=body, headers={
        "Authorization": f"Bearer {token}", **VIETNAMESE_BROWSER})
    assert answer.status_code == 409
    assert answer.mimetype == "application/problem+json"
    assert STALE_EN.fullmatch(answer.json["detail"])
    assert answer.json["message"] == answer.json["detail"]
    # A client that asks for Vietnamese gets it.
    asked = client.post(f"/api/v1/records/{result}/workflow?lang=vi", json=body,
                        headers={"Authorization": f"Bearer {token}"})
    assert asked.status_code == 409 and STALE_VI.match(asked.json["detail"])


def test_the_api_names_invalid_fields_in_english(app, services, staff, result):
    version = commercialisation.get_workflow(services, result, staff)["version"]
    token = accounts.new_token(services, "staff@skhcn.gov.vn")
    answer = app.test_client().post(
        f"/api/v1/records/{result}/workflow",
        json={"transition": "withdraw", "version": version},
        headers={"Authorization": f"Bearer {token}", **VIETNAMESE_BROWSER})
    assert answer.status_code == 422
    assert answer.json["detail"] == "Invalid or missing fields: comment."
    assert list(answer.json["fields"]) == ["comment"]


def _csrf(client, path: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"',
                     client.get(path).get_data(as_text=True)).group(1)


def test_a_sign_up_form_shows_the_field_error_in_vietnamese(app):
    client = app.test_client()
    answer = client.post("/signup", data={
        "csrf": _csrf(client, "/signup"), "role": "enterprise", "name": "Công ty B",
        "email": "b@congty.vn", "password": "ngan"})
    assert answer.status_code == 422
    page = _text(answer)
    assert "Ít nhất 10 ký tự." in page and "At least 10 characters." not in page
    english = client.post("/signup?lang=en", data={
        "csrf": _csrf(client, "/signup"), "role": "enterprise", "name": "Công ty B",
        "email": "b@congty.vn", "password": "ngan"})
    assert "At least 10 characters." in _text(english)


def test_the_result_registration_form_says_what_is_missing_in_vietnamese(app, services):
    accounts.add_user(services, "nnc@vien.vn", role="researcher", name="Nhà nghiên cứu",
                      password=PASSWORD, organisation="so-khcn-binh-thuan")
    researcher = sign_in(app, "nnc@vien.vn")
    nothing = researcher.post("/register", data={"csrf": researcher.csrf},
                              content_type="multipart/form-data")
    assert nothing.status_code == 422
    assert "Hãy tải lên ít nhất một tệp PDF." in _text(nothing)
    not_a_pdf = researcher.post("/register", data={
        "csrf": researcher.csrf, "files": [(io.BytesIO(b"hello"), "ghi-chu.txt")]},
        content_type="multipart/form-data")
    assert not_a_pdf.status_code == 422
    assert "“ghi-chu.txt” không phải tệp PDF." in _text(not_a_pdf)


def test_the_command_line_says_a_short_password_is_refused_in_english(tmp_path, monkeypatch):
    monkeypatch.setenv("REPO_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    refused = runner.invoke(cli, ["users", "add", "x@skhcn.gov.vn", "--role", "staff",
                                  "--password-stdin"], input="ngan\n")
    assert refused.exit_code == 2, refused.output
    assert "Invalid or missing fields: password." in refused.output
    assert "At least 10 characters." in refused.output
    assert "l'" not in refused.output  # the text, not a lazy string's repr


def test_outside_a_request_messages_are_english_text_even_in_the_apps_context(app):
    """Celery workers and commands push an application context whose default language is
    Vietnamese; a refusal they log or store is still English, and its fields are JSON."""
    refusal = Invalid({"password": [lazy_gettext("At least %(min)s characters.", min=10)]})
    stale = Conflict(lazy_gettext("Someone changed this since you loaded it; reload and try "
                                  "again."))
    for context in (None, app.app_context()):
        if context is not None:
            context.push()
        try:
            assert json.loads(json.dumps(refusal.fields)) == {
                "password": ["At least 10 characters."]}
            assert str(refusal) == refusal.message == "Invalid or missing fields: password."
            assert str(stale) == ("Someone changed this since you loaded it; reload and try "
                                  "again.")
        finally:
            if context is not None:
                context.pop()
    with app.test_request_context("/"):  # a page: the reader's language
        assert refusal.fields == {"password": ["Ít nhất 10 ký tự."]}
