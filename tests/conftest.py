"""Shared fixtures: real databases (SQLite always, PostgreSQL when it answers), a real
instance folder, the sample corpus ingested once per database."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus_samples"
POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")


def all_ground_truth() -> list[dict]:
    """Every ground-truth entry under corpus_samples (the main set and any independent set
    with its own ground_truth.json), with paths relative to corpus_samples."""
    import json

    entries = []
    for truth in sorted(CORPUS.rglob("ground_truth.json")):
        prefix = truth.parent.relative_to(CORPUS)
        for entry in json.loads(truth.read_text(encoding="utf-8"))["documents"]:
            entries.append({**entry, "path": str(prefix / entry["path"])})
    return entries


def _postgres_available() -> bool:
    if not POSTGRES_URL.startswith("postgresql"):
        return False
    import sqlalchemy

    try:
        engine = sqlalchemy.create_engine(POSTGRES_URL, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except sqlalchemy.exc.OperationalError:
        return False


POSTGRES = _postgres_available()
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRES, reason="no PostgreSQL at TEST_DATABASE_URL"),
    ),
]


def _fresh_postgres_database() -> tuple[str, callable]:
    """A throwaway database on the PostgreSQL server, dropped afterwards."""
    import sqlalchemy
    from sqlalchemy.engine import make_url

    admin = sqlalchemy.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"repo_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)

    def drop():
        with admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


def make_database_url(backend: str, folder: Path):
    if backend == "sqlite":
        return f"sqlite:///{folder / 'repository.sqlite3'}", lambda: None
    return _fresh_postgres_database()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    url, drop = make_database_url(request.param, tmp_path)
    yield url
    drop()


@contextlib.contextmanager
def instance_on(backend: str, folder: Path):
    """Services of a new instance in ``folder`` on ``backend``, closed and dropped after."""
    url, drop = make_database_url(backend, folder)
    services = build_services(folder / "instance", url)
    try:
        yield services
    finally:
        services.close()
        drop()


def build_services(instance: Path, database_url: str):
    from repo_app.migrate import upgrade
    from repo_app.services import Services
    from repo_app.settings import Settings

    # Tests sign in many times from one address: the rate limit has its own test.
    settings = Settings.from_env({"REPO_INSTANCE": str(instance), "DATABASE_URL": database_url,
                                  "LOGIN_RATE_LIMIT": "1000 per minute"})
    upgrade(database_url)
    return Services(settings)


@pytest.fixture
def services(tmp_path, database_url):
    instance = tmp_path / "instance"
    services = build_services(instance, database_url)
    yield services
    services.close()


@pytest.fixture(scope="session", params=BACKENDS)
def corpus_instance(request, tmp_path_factory):
    """The sample corpus ingested once per database backend; tests only read it."""
    from repo_app.services.ingest import Ingestor

    folder = tmp_path_factory.mktemp(f"corpus-{request.param}")
    with instance_on(request.param, folder) as services:
        yield services, Ingestor(services, workers=2).run([CORPUS])


@pytest.fixture(scope="session")
def corpus_app(corpus_instance):
    from repo_app import create_app

    services, _ = corpus_instance
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app


@pytest.fixture
def client(corpus_app):
    return corpus_app.test_client()


# -- One headless Chromium for the whole session ----------------------------------------------
# A sync Playwright cannot start while another runs in the same thread, so every browser test
# file shares this one (Debian's chromium; Playwright downloads no browser here).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install 'playwright>=1.45')")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: install Debian's chromium package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                              headless=True)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def serve(app, name: str = "live-server"):
    """``app`` served for real on 127.0.0.1 in a thread; yields its base URL."""
    import threading

    from werkzeug.serving import WSGIRequestHandler, make_server

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):
            pass

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.fixture(scope="session")
def live_url(corpus_app):
    """The sample corpus served for real on 127.0.0.1, for the browser tests."""
    with serve(corpus_app) as url:
        yield url


# -- CI cannot pass by skipping -----------------------------------------------------------------
# Where CI is set, a test skipped because a part users rely on is missing (PostgreSQL, the
# browser, OCR, a message broker) fails the run: a green run must mean those parts were tested.
# Only the Elasticsearch half may skip (no cluster runs on these machines).
REQUIRED_IN_CI = ("postgresql", "chromium", "playwright", "tesseract", "broker", "real-corpus",
                  "real corpus")
_required_skips: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and os.environ.get("CI"):
        reason = str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else
                     report.longrepr)
        if any(part in reason.lower() for part in REQUIRED_IN_CI):
            _required_skips.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session, exitstatus):
    if _required_skips and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if _required_skips:
        terminalreporter.section("skipped although CI is set (this fails the run)")
        for line in _required_skips[:50]:
            terminalreporter.write_line(line)
