"""Signed-in sessions end: after an idle spell, and in any case after a working day.

A Flask session is a signed cookie; nothing on the server ends it, so a cookie copied from a
shared office computer would work for ever. Each signed-in session carries when it began and
when it was last used; a request past either limit signs the person out before anything else
runs, and the cookie itself is given the same lifetime. API tokens are not sessions: they last
until disabled (``repo-app users disable``).

Limits (environment): ``SESSION_IDLE_MINUTES`` (default 120) and ``SESSION_MAX_HOURS``
(default 12).
"""

from __future__ import annotations

import time
from datetime import timedelta

from flask import current_app, g, session
from flask_login import logout_user

SIGNED_IN_AT = "signed_in_at"
LAST_SEEN = "last_seen"
USER_KEY = "_user_id"  # where Flask-Login keeps the signed-in user
TOUCH_EVERY_SECONDS = 60  # rewrite the cookie at most once a minute, not on every request


def clock() -> float:
    """Seconds since the epoch (a function of its own, so tests can move time for sessions only)."""
    return time.time()


def expired(now: float, signed_in_at: float, last_seen: float, idle: float, lifetime: float):
    """Why this session has ended ("idle", "lifetime"), or None while it is still valid."""
    if now - signed_in_at > lifetime:
        return "lifetime"
    if now - last_seen > idle:
        return "idle"
    return None


def _check_session() -> None:
    if USER_KEY not in session:
        session.pop(SIGNED_IN_AT, None)
        session.pop(LAST_SEEN, None)
        return
    now = clock()
    signed_in_at = session.setdefault(SIGNED_IN_AT, now)
    last_seen = session.get(LAST_SEEN, now)
    limits = current_app.config["SESSION_LIMITS"]
    reason = expired(now, signed_in_at, last_seen, limits["idle"], limits["lifetime"])
    if reason:
        logout_user()
        session.pop(SIGNED_IN_AT, None)
        session.pop(LAST_SEEN, None)
        g.session_ended = reason
        return
    session.permanent = True  # the cookie carries an expiry date too
    if now - last_seen >= TOUCH_EVERY_SECONDS or LAST_SEEN not in session:
        session[LAST_SEEN] = now


def init_app(app, settings) -> None:
    idle_minutes = settings.extra.get("session_idle_minutes", 120)
    max_hours = settings.extra.get("session_max_hours", 12)
    app.config["SESSION_LIMITS"] = {"idle": idle_minutes * 60, "lifetime": max_hours * 3600}
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=max_hours)
    app.config["REMEMBER_COOKIE_DURATION"] = timedelta(hours=max_hours)
    # First among the request hooks: an ended session must not reach a view signed in.
    app.before_request_funcs.setdefault(None, []).insert(0, _check_session)
