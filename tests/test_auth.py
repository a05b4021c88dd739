"""Staff accounts and sign-in."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from repo_app import create_app
from repo_app.auth import add_staff, authenticate
from repo_app.cli import main as cli


@pytest.fixture
def app(services):
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_passwords_are_hashed_and_checked(services):
    add_staff(services, "Can.Bo@skhcn.gov.vn", "Cán bộ", "mot-mat-khau-dai")
    assert authenticate(services, "can.bo@skhcn.gov.vn", "mot-mat-khau-dai") is not None
    assert authenticate(services, "can.bo@skhcn.gov.vn", "sai-mat-khau") is None
    with pytest.raises(ValueError):
        add_staff(services, "x@y.vn", "X", "short")


def test_sign_in_and_out(app, services):
    add_staff(services, "staff@skhcn.gov.vn", "Cán bộ", "mot-mat-khau-dai")
    client = app.test_client()
    form = client.get("/login").get_data(as_text=True)
    bad = client.post("/login", data={
        "csrf": _csrf(form), "email": "staff@skhcn.gov.vn", "password": "wrong-password"})
    assert bad.status_code == 401
    ok = client.post("/login?next=/records/abc", data={
        "csrf": _csrf(form), "email": "staff@skhcn.gov.vn", "password": "mot-mat-khau-dai"})
    assert ok.status_code == 302 and ok.headers["Location"].endswith("/records/abc")
    with client.session_transaction() as session:
        assert session["staff_id"]


def test_sign_in_rejects_a_missing_csrf_token_and_foreign_redirects(app, services):
    add_staff(services, "staff@skhcn.gov.vn", "Cán bộ", "mot-mat-khau-dai")
    client = app.test_client()
    assert client.post("/login", data={"email": "staff@skhcn.gov.vn"}).status_code == 400
    form = client.get("/login").get_data(as_text=True)
    ok = client.post("/login?next=//evil.example/", data={
        "csrf": _csrf(form), "email": "staff@skhcn.gov.vn", "password": "mot-mat-khau-dai"})
    assert ok.headers["Location"] == "/"


def test_cli_staff_add(tmp_path, monkeypatch):
    monkeypatch.setenv("REPO_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    result = runner.invoke(
        cli, ["staff", "add", "a@b.vn", "--name", "A"], input="mot-mat-khau-dai\nmot-mat-khau-dai\n"
    )
    assert result.exit_code == 0, result.output
    assert "Staff account ready: a@b.vn" in result.output
