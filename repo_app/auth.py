"""Staff sign-in. The public reads without an account; Department staff sign in to see how well
each document was read (page verdicts, field confidence) and, later, to run the workflows.

Accounts are created on the command line (``repo-app staff add EMAIL``); passwords are stored
as salted hashes (werkzeug's scrypt). Forms carry a per-session CSRF token.
"""

from __future__ import annotations

import secrets

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from repo_app.i18n import translate
from repo_app.models import StaffUser

blueprint = Blueprint("auth", __name__)
SESSION_KEY = "staff_id"


def _services():
    return current_app.extensions["repo"]


def add_staff(services, email: str, name: str, password: str) -> StaffUser:
    if len(password) < 10:
        raise ValueError("The password must have at least 10 characters.")
    with services.sessions.begin() as db:
        user = db.scalar(select(StaffUser).where(StaffUser.email == email.lower()))
        if user is None:
            user = StaffUser(email=email.lower(), name=name)
            db.add(user)
        user.name = name
        user.password_hash = generate_password_hash(password)
    return user


def authenticate(services, email: str, password: str) -> StaffUser | None:
    with services.sessions() as db:
        user = db.scalar(select(StaffUser).where(StaffUser.email == email.strip().lower()))
    if user is None or not check_password_hash(user.password_hash, password):
        return None
    return user


def current_user_is_staff() -> bool:
    return session.get(SESSION_KEY) is not None


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return session["csrf"]


def _check_csrf() -> None:
    sent = request.form.get("csrf", "")
    if not sent or not secrets.compare_digest(sent, session.get("csrf", "")):
        abort(400)


def _safe_next(target: str | None) -> str:
    # Only local paths: never redirect a signed-in user to another site.
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("pages.search")


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        _check_csrf()
        user = authenticate(_services(), request.form.get("email", ""),
                            request.form.get("password", ""))
        if user is not None:
            session.clear()
            session[SESSION_KEY] = user.id
            session["staff_name"] = user.name
            return redirect(_safe_next(request.args.get("next")))
        error = translate("login_failed")
    status = 401 if error else 200
    return render_template("login.html", error=error, csrf=csrf_token()), status


@blueprint.post("/logout")
def logout():
    _check_csrf()
    session.clear()
    return redirect(url_for("pages.search"))


def init_app(app) -> None:
    app.register_blueprint(blueprint)
    app.jinja_env.globals.update(
        current_user_is_staff=current_user_is_staff, csrf_token=csrf_token
    )
