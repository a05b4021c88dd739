"""The Flask application: database of record, workflows, pages, API and CLI."""

from __future__ import annotations

from flask import Flask

from repo_app.services import Services
from repo_app.settings import Settings


def create_app(settings: Settings | None = None, services: Services | None = None) -> Flask:
    """App factory: settings from the environment unless given (tests give their own)."""
    if services is None:
        services = Services(settings or Settings.from_env())
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=services.settings.secret_key or _instance_secret(services.settings.instance),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    app.extensions["repo"] = services
    from repo_app.services.indexing import follow_commits

    follow_commits(services)

    from repo_app import api, auth, i18n, views

    i18n.init_app(app)
    auth.init_app(app)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(views.blueprint)
    return app


def _instance_secret(instance) -> str:
    """A random secret kept in the instance folder, so sessions survive restarts without a
    secret ever being committed or shared between installations."""
    import secrets

    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def services_of(app: Flask) -> Services:
    return app.extensions["repo"]
