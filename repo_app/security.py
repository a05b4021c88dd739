"""HTTP security headers and deployment behind a proxy.

Text and metadata come from untrusted documents, so every page escapes them and the browser is
told to run nothing but our own files: a Content-Security-Policy without ``unsafe-inline``,
no MIME sniffing, no framing, no referrer sent to other sites. Behind an HTTPS reverse proxy
(``BEHIND_PROXY=1``), ProxyFix trusts one hop of ``X-Forwarded-*`` and cookies are ``Secure``.
"""

from __future__ import annotations

from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app, settings) -> None:
    app.after_request(_add_headers)
    if settings.extra.get("behind_proxy"):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_prefix=1)
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True,
                          PREFERRED_URL_SCHEME="https")
