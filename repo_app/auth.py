"""Accounts on the site: Flask-Login sessions, API bearer tokens, CSRF on every form,
rate-limited sign-in, sign-up with e-mail confirmation and password reset.

The rules are in ``repo_app.services.accounts``; this module only wires them to requests.
A session is re-checked against the database on every request, so a disabled account loses
access at once. A write with a session cookie needs the CSRF token; a write with
``Authorization: Bearer TOKEN`` does not (no browser sends that header by itself).
"""

from __future__ import annotations

from functools import wraps

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFProtect, generate_csrf

from repo_app.i18n import current_language
from repo_app.services import accounts
from repo_app.services.errors import ServiceError
from repo_app.services.principal import ANONYMOUS, Principal
from schemas import vocabularies

blueprint = Blueprint("auth", __name__)
login_manager = LoginManager()
csrf = CSRFProtect()
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class SignedIn(UserMixin):
    """The Flask-Login user: a Principal, looked up again on every request."""

    def __init__(self, user):
        self.principal = Principal.of(user)
        self.id = user.id

    def get_id(self) -> str:
        return str(self.id)


def _services():
    return current_app.extensions["repo"]


@login_manager.user_loader
def _load_session_user(user_id):
    user = accounts.active_user(_services(), user_id)
    return SignedIn(user) if user else None


@login_manager.request_loader
def _load_bearer_user(req):
    header = req.headers.get("Authorization", "")
    if not header.lower().startswith("bearer "):
        return None
    user = accounts.user_for_token(_services(), header[7:].strip())
    if user is None:
        return None
    g.auth_by_token = True
    return SignedIn(user)


def current_principal() -> Principal:
    return current_user.principal if current_user.is_authenticated else ANONYMOUS


def current_user_is_staff() -> bool:
    return current_principal().is_staff


def staff_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        principal = current_principal()
        if not principal.authenticated:
            return redirect(url_for("auth.login", next=request.full_path))
        if not principal.is_staff:
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_principal().authenticated:
            return redirect(url_for("auth.login", next=request.full_path))
        return view(*args, **kwargs)

    return wrapper


def _check_csrf() -> None:
    """Every form write carries the CSRF token; API writes need it only when the session
    cookie is what authenticates them."""
    if request.method not in WRITE_METHODS or request.endpoint in (None, "static"):
        return
    if csrf._is_exempt():  # marked with ``csrf.exempt``: reads sent as POST (OAI-PMH)
        return
    if request.path.startswith("/api/"):
        current_user._get_current_object()  # runs the loaders: is this a bearer request?
        if g.get("auth_by_token") or not current_user.is_authenticated:
            return
    csrf.protect()


def _safe_next(target: str | None) -> str:
    # Only local paths: never redirect a signed-in user to another site.
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return url_for("pages.search")


def _login_limits() -> str:
    return _services().settings.extra.get("login_limits") or "10 per minute"


def _login_account_key() -> str:
    return "account:" + accounts.normalise_email(request.form.get("email", ""))


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        user = accounts.authenticate(_services(), request.form.get("email", ""),
                                     request.form.get("password", ""))
        if user is not None:
            login_user(SignedIn(user))
            return redirect(_safe_next(request.args.get("next")))
        error = gettext("Wrong email or password.")
    status = 401 if error else 200
    return render_template("login.html", error=error), status


@blueprint.post("/logout")
def logout():
    logout_user()
    return redirect(url_for("pages.search"))


def _organisations(lang: str) -> list[tuple[str, str]]:
    vocabulary = vocabularies.load("organisations")
    return [(key, vocabulary.term_label(key, lang)) for key in vocabulary]


@blueprint.route("/signup", methods=["GET", "POST"])
def signup():
    errors, form = {}, request.form
    if request.method == "POST":
        try:
            accounts.sign_up(
                _services(), email=form.get("email", ""), name=form.get("name", ""),
                role=form.get("role", ""), password=form.get("password", ""),
                organisation=form.get("organisation") or None,
                enterprise_name=form.get("enterprise_name") or None,
                confirm_url=lambda token: url_for("auth.confirm", token=token, _external=True))
            return render_template("message.html", title=gettext("Create an account"),
                                   message=gettext("Check your mailbox: open the link we sent "
                                                   "to confirm your address."))
        except ServiceError as problem:
            errors = problem.fields
    lang = current_language()
    return render_template("signup.html", errors=errors, form=form,
                           organisations=_organisations(lang)), 422 if errors else 200


@blueprint.get("/confirm/<token>")
def confirm(token: str):
    try:
        accounts.confirm_email(_services(), token)
    except ServiceError as problem:
        return render_template("message.html", title=gettext("Confirm your e-mail address"),
                               message=" ".join(sum(problem.fields.values(), []))), 400
    flash(gettext("Your e-mail address is confirmed: you may sign in."))
    return redirect(url_for("auth.login"))


@blueprint.route("/reset", methods=["GET", "POST"])
def reset_request():
    if request.method == "POST":
        accounts.request_password_reset(
            _services(), request.form.get("email", ""),
            lambda token: url_for("auth.reset", token=token, _external=True))
        return render_template("message.html", title=gettext("Reset your password"),
                               message=gettext("If an account uses this address, a link to "
                                               "choose a new password has been sent to it."))
    return render_template("reset_request.html")


@blueprint.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    errors = {}
    if request.method == "POST":
        try:
            accounts.reset_password(_services(), token, request.form.get("password", ""))
            flash(gettext("Your password is changed: sign in with the new one."))
            return redirect(url_for("auth.login"))
        except ServiceError as problem:
            errors = problem.fields
    return render_template("reset_password.html", errors=errors), 422 if errors else 200


@blueprint.route("/account", methods=["GET", "POST"])
@login_required
def account():
    token = None
    if request.method == "POST":
        token = accounts.new_token(_services(), current_principal().email)
    return render_template("account.html", principal=current_principal(), token=token)


def _limit_sign_in(app) -> None:
    """Sign-in, sign-up and reset requests are limited per address, and sign-in also per
    account (``LOGIN_RATE_LIMIT``); each app has its own counters."""
    limiter = Limiter(key_func=get_remote_address, app=app, default_limits=[])
    app.extensions["repo_limiter"] = limiter
    for endpoint in ("auth.login", "auth.signup", "auth.reset_request"):
        view = limiter.limit(_login_limits, methods=["POST"])(app.view_functions[endpoint])
        if endpoint == "auth.login":
            view = limiter.limit(_login_limits, methods=["POST"],
                                 key_func=_login_account_key)(view)
        app.view_functions[endpoint] = view


def limit_api_writes(app) -> None:
    """Every API write is rate-limited per token (``API_WRITE_RATE_LIMIT``); call once every
    API blueprint is registered."""
    writes = app.extensions["repo_limiter"].limit(_write_limits, key_func=_writer_key,
                                                  methods=list(WRITE_METHODS))
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()
                 if rule.rule.startswith("/api/") and rule.methods & set(WRITE_METHODS)}
    for name in endpoints:
        app.view_functions[name] = writes(app.view_functions[name])


def _write_limits() -> str:
    return _services().settings.extra.get("api_write_limits") or "120 per minute"


def _writer_key() -> str:
    """API writes are counted per token (or signed-in account), so batch clients get their
    own allowance whatever address they come from."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        import hashlib

        return "token:" + hashlib.sha256(header[7:].strip().encode()).hexdigest()[:24]
    principal = current_principal()
    return f"user:{principal.user_id}" if principal.authenticated else get_remote_address()


def init_app(app) -> None:
    services = app.extensions["repo"]
    app.config.update(
        WTF_CSRF_FIELD_NAME="csrf", WTF_CSRF_CHECK_DEFAULT=False, WTF_CSRF_TIME_LIMIT=None,
        RATELIMIT_STORAGE_URI=services.settings.extra.get("ratelimit_storage") or "memory://",
        RATELIMIT_HEADERS_ENABLED=True,
    )
    login_manager.init_app(app)
    login_manager.session_protection = "basic"
    csrf.init_app(app)
    app.before_request(_check_csrf)
    app.register_blueprint(blueprint)
    _limit_sign_in(app)
    app.jinja_env.globals.update(
        current_user_is_staff=current_user_is_staff, csrf_token=generate_csrf,
        current_principal=current_principal,
    )
