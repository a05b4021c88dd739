"""WSGI entry point for production servers: ``gunicorn repo_app.wsgi:app``."""

from repo_app import create_app

app = create_app()
