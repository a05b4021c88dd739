"""Signed-in sessions end after an idle spell and after a working day, cookie and all."""

from __future__ import annotations

import re

import pytest

from repo_app import create_app, session_expiry
from repo_app.services import accounts

PASSWORD = "mot-mat-khau-dai"
HOUR = 3600.0


class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(session_expiry, "clock", clock.time)
    return clock


@pytest.fixture
def client(services):
    accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", password=PASSWORD)
    app = create_app(services=services)
    app.config.update(TESTING=True)
    client = app.test_client()
    token = re.search(r'name="csrf" value="([^"]+)"',
                      client.get("/login").get_data(as_text=True)).group(1)
    answer = client.post("/login", data={"csrf": token, "email": "staff@skhcn.gov.vn",
                                         "password": PASSWORD})
    assert answer.status_code == 302
    return client


def signed_in(client) -> bool:
    return client.get("/work").status_code == 200


def test_a_session_in_use_stays_signed_in_through_the_day(client, clock):
    for _ in range(10):  # a request every hour: never idle for two hours
        assert signed_in(client)
        clock.now += HOUR
    assert signed_in(client)


def test_an_idle_session_ends(client, clock):
    assert signed_in(client)
    clock.now += 2 * HOUR + 60
    assert client.get("/work").status_code in (302, 401, 403)
    clock.now += 1
    assert not signed_in(client)  # still signed out: the session was ended, not skipped


def test_a_session_ends_after_the_working_day_however_busy(client, clock):
    assert signed_in(client)
    for _ in range(12):
        clock.now += HOUR
        signed_in(client)
    clock.now += 60
    assert not signed_in(client)


def test_the_cookie_carries_the_same_lifetime(client, clock):
    answer = client.get("/work")
    cookie = next(value for value in answer.headers.getlist("Set-Cookie")
                  if value.startswith("session="))
    assert "Expires=" in cookie


def test_api_tokens_are_not_sessions_and_do_not_expire_with_them(services, clock):
    accounts.add_user(services, "api@skhcn.gov.vn", role="staff", password=PASSWORD)
    token = accounts.new_token(services, "api@skhcn.gov.vn")
    client = create_app(services=services).test_client()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/ip-requests", headers=headers).status_code == 200
    clock.now += 48 * HOUR
    assert client.get("/api/v1/ip-requests", headers=headers).status_code == 200


@pytest.mark.parametrize(("elapsed", "idle", "reason"), [
    (60, 60, None), (13 * HOUR, 60, "lifetime"), (HOUR, 3 * HOUR, "idle")])
def test_why_a_session_ended(elapsed, idle, reason):
    now = 10 * HOUR + 13 * HOUR
    signed_in_at = now - elapsed
    assert session_expiry.expired(now, signed_in_at, now - idle, 2 * HOUR, 12 * HOUR) == reason
