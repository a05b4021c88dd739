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
        SECRET_KEY=services.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
    )
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    app.extensions["repo"] = services
    from repo_app.services.indexing import follow_commits

    follow_commits(services)

    from repo_app import api_docs, auth, i18n, security, views, workflow_views

    security.init_app(app, services.settings)
    from repo_app import api_errors

    api_errors.init_app(app)
    i18n.init_app(app)
    auth.init_app(app)
    from repo_app import session_expiry

    session_expiry.init_app(app, services.settings)
    api_docs.init_app(app)  # every /api/v1 operation, described (flask-smorest)
    app.register_blueprint(workflow_views.blueprint)
    app.register_blueprint(views.blueprint)
    app.register_blueprint(__import__("repo_app.oai_views", fromlist=["_"]).blueprint)  # OAI-PMH
    app.register_blueprint(__import__("repo_app.open_views", fromlist=["_"]).blueprint)  # feeds
    from repo_app import tracker_views

    app.register_blueprint(tracker_views.blueprint)
    auth.limit_api_writes(app)
    return app


def services_of(app: Flask) -> Services:
    return app.extensions["repo"]
