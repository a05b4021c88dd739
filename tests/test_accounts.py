"""Accounts: roles, sign-up with e-mail confirmation, sign-in, reset, API tokens, CSRF."""

from __future__ import annotations

import re
import time

import pytest
from click.testing import CliRunner

from repo_app import create_app
from repo_app.cli import main as cli
from repo_app.models import OutboxMessage
from repo_app.services import accounts
from repo_app.services.errors import Invalid

PASSWORD = "mot-mat-khau-dai"


@pytest.fixture
def app(services):
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _sign_in(client, email, password=PASSWORD, next_url=""):
    token = _csrf(client.get("/login").get_data(as_text=True))
    return client.post(f"/login{next_url}", data={"csrf": token, "email": email,
                                                   "password": password})


def _mail_link(services, recipient: str) -> str:
    with services.sessions() as db:
        body = db.query(OutboxMessage).filter_by(recipient=recipient).order_by(
            OutboxMessage.id.desc()).first().body
    return re.search(r"http://localhost(/\S+)", body).group(1)


def test_passwords_are_hashed_and_checked(services):
    accounts.add_user(services, "Can.Bo@skhcn.gov.vn", role="staff", name="Cán bộ",
                      password=PASSWORD)
    assert accounts.authenticate(services, "can.bo@skhcn.gov.vn", PASSWORD) is not None
    assert accounts.authenticate(services, "can.bo@skhcn.gov.vn", "sai-mat-khau-dai") is None
    with pytest.raises(Invalid):
        accounts.add_user(services, "x@y.vn", role="staff", password="short")
    with pytest.raises(Invalid) as refused:
        accounts.add_user(services, "r@y.vn", role="researcher", password=PASSWORD,
                          organisation="not-an-organisation")
    assert "organisation" in refused.value.fields


def test_unknown_email_and_wrong_password_answer_alike(app, services):
    accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", password=PASSWORD)
    client = app.test_client()
    timings = {}
    for email in ("staff@skhcn.gov.vn", "nobody@skhcn.gov.vn"):
        started = time.perf_counter()
        answer = _sign_in(client, email, "wrong-password-1")
        timings[email] = time.perf_counter() - started
        assert answer.status_code == 401
        assert "Thư điện tử hoặc mật khẩu không đúng." in answer.get_data(as_text=True)
    # Both check a password hash: neither answers in a fraction of the other's time.
    fast, slow = sorted(timings.values())
    assert fast > slow / 4


def test_sign_in_and_out_keeps_only_local_redirects(app, services):
    accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", password=PASSWORD)
    client = app.test_client()
    ok = _sign_in(client, "staff@skhcn.gov.vn", next_url="?next=/records/abc")
    assert ok.status_code == 302 and ok.headers["Location"].endswith("/records/abc")
    assert client.get("/account").status_code == 200
    other = app.test_client()
    assert _sign_in(other, "staff@skhcn.gov.vn",
                    next_url="?next=//evil.example/").headers["Location"] == "/"


def test_forms_need_the_csrf_token(app, services):
    accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", password=PASSWORD)
    client = app.test_client()
    assert client.post("/login", data={"email": "staff@skhcn.gov.vn",
                                       "password": PASSWORD}).status_code == 400
    assert _sign_in(client, "staff@skhcn.gov.vn").status_code == 302
    assert client.post("/logout").status_code == 400  # signed in, still needs the token


def test_sign_in_is_rate_limited_per_account(tmp_path, database_url):
    from tests.conftest import build_services

    services = build_services(tmp_path / "limited", database_url)
    services.settings.extra["login_limits"] = "3 per minute"
    app = create_app(services=services)
    accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", password=PASSWORD)
    client = app.test_client()
    answers = [_sign_in(client, "staff@skhcn.gov.vn", "wrong-password-1").status_code
               for _ in range(4)]
    assert answers == [401, 401, 401, 429]
    # The right password is refused too while the account is limited.
    assert _sign_in(client, "staff@skhcn.gov.vn").status_code == 429
    services.close()


def test_sign_up_confirm_and_reset(app, services):
    client = app.test_client()
    form = client.get("/signup").get_data(as_text=True)
    answer = client.post("/signup", data={
        "csrf": _csrf(form), "role": "researcher", "name": "Nguyễn Văn A",
        "email": "a@dhpt.edu.vn", "password": PASSWORD, "organisation": "dai-hoc-phan-thiet"})
    assert answer.status_code == 200
    assert _sign_in(client, "a@dhpt.edu.vn").status_code == 401  # not confirmed yet
    assert client.get(_mail_link(services, "a@dhpt.edu.vn")).status_code == 302
    assert _sign_in(client, "a@dhpt.edu.vn").status_code == 302
    # Staff confirm the organisation; until then the researcher owns nothing.
    user = accounts.authenticate(services, "a@dhpt.edu.vn", PASSWORD)
    assert user.organisation_confirmed is False
    assert [u.email for u in accounts.pending_researchers(services)] == ["a@dhpt.edu.vn"]
    # Password reset: the link works once.
    other = app.test_client()
    form = other.get("/reset").get_data(as_text=True)
    other.post("/reset", data={"csrf": _csrf(form), "email": "a@dhpt.edu.vn"})
    link = _mail_link(services, "a@dhpt.edu.vn")
    form = other.get(link).get_data(as_text=True)
    assert other.post(link, data={"csrf": _csrf(form),
                                  "password": "mat-khau-moi-dai"}).status_code == 302
    assert accounts.authenticate(services, "a@dhpt.edu.vn", "mat-khau-moi-dai") is not None
    form = other.get(link).get_data(as_text=True)
    assert other.post(link, data={"csrf": _csrf(form),
                                  "password": "lan-thu-hai-dai"}).status_code == 422


def test_sign_up_with_a_known_email_reveals_nothing(app, services):
    accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", password=PASSWORD)
    client = app.test_client()
    form = client.get("/signup").get_data(as_text=True)
    answer = client.post("/signup", data={
        "csrf": _csrf(form), "role": "enterprise", "name": "X", "email": "staff@skhcn.gov.vn",
        "password": PASSWORD})
    assert answer.status_code == 200
    assert accounts.authenticate(services, "staff@skhcn.gov.vn", PASSWORD).role == "staff"


def test_bearer_tokens_and_disabling(app, services):
    accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", password=PASSWORD)
    token = accounts.new_token(services, "staff@skhcn.gov.vn")
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/work-queue", headers=headers).status_code == 200
    assert client.get("/api/v1/work-queue").status_code == 401
    assert client.get("/api/v1/work-queue", headers={
        "Authorization": "Bearer not-a-token"}).status_code == 401
    browser = app.test_client()
    _sign_in(browser, "staff@skhcn.gov.vn")
    assert browser.get("/account").status_code == 200
    accounts.disable(services, "staff@skhcn.gov.vn")
    # Both lose access at their next request.
    assert client.get("/api/v1/work-queue", headers=headers).status_code == 401
    assert browser.get("/account").status_code == 302


def test_cli_users_add_token_disable(tmp_path, monkeypatch):
    monkeypatch.setenv("REPO_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    added = runner.invoke(cli, ["users", "add", "R@dhpt.edu.vn", "--role", "researcher",
                                "--organisation", "dai-hoc-phan-thiet", "--password-stdin"],
                          input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert "r@dhpt.edu.vn (researcher)" in added.output
    refused = runner.invoke(cli, ["users", "add", "x@y.vn", "--role", "researcher",
                                  "--password-stdin"], input=PASSWORD + "\n")
    assert refused.exit_code != 0 and "organisation" in refused.output
    token = runner.invoke(cli, ["users", "token", "r@dhpt.edu.vn"])
    assert token.exit_code == 0 and token.output.strip().startswith("kq_")
    assert runner.invoke(cli, ["users", "disable", "r@dhpt.edu.vn"]).exit_code == 0
    assert runner.invoke(cli, ["users", "token", "nobody@x.vn"]).exit_code != 0


def test_api_writes_are_limited_per_token_with_retry_after(tmp_path, database_url):
    from tests.conftest import build_services

    services = build_services(tmp_path / "limited", database_url)
    services.settings.extra["api_write_limits"] = "3 per minute"
    app = create_app(services=services)
    for email in ("a@skhcn.gov.vn", "b@skhcn.gov.vn"):
        accounts.add_user(services, email, role="staff", password=PASSWORD)
    first, second = (accounts.new_token(services, e) for e in ("a@skhcn.gov.vn",
                                                                "b@skhcn.gov.vn"))
    client = app.test_client()

    def write(token):
        return client.post("/api/v1/ip-requests", json={},
                           headers={"Authorization": f"Bearer {token}"})

    answers = [write(first).status_code for _ in range(4)]
    assert answers == [422, 422, 422, 429]
    limited = write(first)
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.mimetype == "application/problem+json"
    assert write(second).status_code == 422  # another token has its own allowance
    assert client.get("/api/v1/ip-requests", headers={
        "Authorization": f"Bearer {first}"}).status_code == 200  # reads are not limited
    services.close()
