"""Every answer tells the browser to run only our own files; behind a proxy cookies are Secure."""

from __future__ import annotations

import re

from repo_app import create_app
from repo_app.security import CONTENT_SECURITY_POLICY


def test_pages_and_api_send_the_security_headers(client):
    for url in ("/", "/login", "/api/v1/records?q=nuoc", "/no-such-page"):
        headers = client.get(url).headers
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
        assert "unsafe-inline" not in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"


def test_no_template_has_inline_script_or_style(client):
    """What the policy would block: an inline script, a style attribute, an event handler."""
    for url in ("/", "/login", "/signup", "/offers"):
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle=|\son[a-z]+=", html), url


def test_behind_a_proxy_cookies_are_secure_and_the_scheme_is_https(services):
    services.settings.extra["behind_proxy"] = True
    app = create_app(services=services)
    page = app.test_client().get("/login", headers={"X-Forwarded-Proto": "https",
                                                    "X-Forwarded-Host": "kho.skhcn.gov.vn"})
    cookie = page.headers.get("Set-Cookie", "")
    assert "Secure" in cookie and "HttpOnly" in cookie
    assert app.config["SESSION_COOKIE_SECURE"] is True
