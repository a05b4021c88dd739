"""Ingest through Celery (``repo_app.queue``) with a real broker and real workers started as
separate processes: the records are those of the embedded ingest, field for field, and nothing
is lost or stored twice when a worker is killed, the broker stops for a few seconds, the
coordinator is killed, or a document keeps killing its reader.

Redis: a private ``redis-server`` on a free port, persistent (AOF), so that it can be stopped
and started again without touching the machine's own; without the binary, the Redis at
``TEST_REDIS_URL`` (no broker outage then). RabbitMQ: ``TEST_AMQP_URL`` (default the local
guest account), on a queue of its own. A missing broker skips these tests with a message, and
fails them when ``CI`` is set.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sqlalchemy

from repo_app.models import (
    IngestItem,
    QuarantinedFile,
    Record,
    RecordVersion,
    StoredFile,
)
from tests.conftest import CORPUS, POSTGRES, ROOT, build_services, make_database_url

pytestmark = pytest.mark.slow

BACKEND = "postgresql" if POSTGRES else "sqlite"
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
TEST_AMQP_URL = os.environ.get("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//")
REPORTS = sorted((CORPUS / "reports").glob("*.pdf"))


def _no_broker(message: str):
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set: the queue tests must run)")
    pytest.skip(message)


def _answers(url: str, probe: bytes | None = None) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=2) as sock:
            if probe is None:
                return True
            sock.sendall(probe)
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A redis-server of the tests' own, persistent so a restart keeps the queue."""

    def __init__(self, folder: Path):
        self.folder, self.port, self.process = folder, _free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not _answers(self.url, b"PING\r\n"):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()  # a clean shutdown: the append-only file is complete
        self.process.wait(10)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if shutil.which("redis-server"):
        server = RedisServer(tmp_path_factory.mktemp("redis"))
        server.start()
        yield server.url, server
        server.stop()
    elif _answers(TEST_REDIS_URL, b"PING\r\n"):
        yield TEST_REDIS_URL, None
    else:
        _no_broker(f"no Redis broker: no redis-server binary and nothing at {TEST_REDIS_URL}")


@pytest.fixture(scope="module")
def amqp_url():
    if not _answers(TEST_AMQP_URL):
        _no_broker(f"no RabbitMQ broker answers at {TEST_AMQP_URL}")
    return TEST_AMQP_URL


class Cluster:
    """An instance (database and folder) with its workers and coordinators as processes."""

    def __init__(self, tmp: Path, broker: str, backend: str, visibility: float = 7200):
        self.tmp = tmp
        tmp.mkdir(parents=True, exist_ok=True)
        self.database_url, self.drop = make_database_url(BACKEND, tmp)
        self.instance = tmp / "instance"
        self.services = build_services(self.instance, self.database_url)
        self.env = {
            **os.environ, "REPO_INSTANCE": str(self.instance), "DATABASE_URL": self.database_url,
            "CELERY_BROKER_URL": broker, "CELERY_RESULT_BACKEND": backend,
            "CELERY_QUEUE": f"test-{uuid.uuid4().hex[:10]}",
            "CELERY_VISIBILITY_TIMEOUT": str(visibility), "SEARCH_ENGINE": "tantivy",
        }
        self.workers: list[subprocess.Popen] = []

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "repo_app.cli", *args]

    def start_worker(self, concurrency: int = 1, *, code: str | None = None) -> subprocess.Popen:
        """``repo-app worker``; ``code`` runs first in the worker's process (a fault to inject)."""
        args = ["worker", "--concurrency", str(concurrency), "--loglevel", "WARNING",
                "--name", f"w{len(self.workers)}@%h"]
        if code:
            launcher = [sys.executable, "-c",
                        f"{code}\nfrom repo_app.cli import main\nmain({args!r})"]
        else:
            launcher = self.command(*args)
        with (self.tmp / f"worker{len(self.workers)}.log").open("wb") as log:
            process = subprocess.Popen(launcher, env=self.env, cwd=ROOT, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        self.workers.append(process)
        return process

    def kill(self, process: subprocess.Popen) -> None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()

    def run(self, *args: str, timeout: float = 50) -> subprocess.CompletedProcess:
        done = subprocess.run(self.command(*args), env=self.env, cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout)
        assert done.returncode == 0, done.stdout + done.stderr + self.logs()
        return done

    def logs(self) -> str:
        return "".join(path.read_text(errors="replace")[-3000:]
                       for path in sorted(self.tmp.glob("worker*.log")))

    def items(self) -> list[IngestItem]:
        with self.services.sessions() as session:
            return session.scalars(sqlalchemy.select(IngestItem).order_by(IngestItem.id)).all()

    def wait_for(self, condition, timeout: float = 40) -> None:
        deadline = time.monotonic() + timeout
        while not condition(self.items()):
            assert time.monotonic() < deadline, self.logs()
            time.sleep(0.1)

    def close(self) -> None:
        for process in self.workers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.workers:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill(process)
        self.services.close()
        self.drop()
        if self.env["CELERY_BROKER_URL"].startswith("amqp"):
            # RabbitMQ keeps a durable queue and its exchange: remove this test's own.
            from kombu import Connection

            with Connection(self.env["CELERY_BROKER_URL"]) as connection:
                channel = connection.default_channel
                channel.queue_delete(self.env["CELERY_QUEUE"])
                channel.exchange_delete(self.env["CELERY_QUEUE"])


@pytest.fixture
def cluster_on(tmp_path):
    made = []

    def make(broker, backend, **kwargs):
        cluster = Cluster(tmp_path / f"c{len(made)}", broker, backend, **kwargs)
        made.append(cluster)
        return cluster

    yield make
    for cluster in made:
        cluster.close()


def _batch(folder: Path, files: list[Path]) -> Path:
    folder.mkdir(parents=True)
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


def _snapshot(services) -> dict:
    """Everything the ingest stored, without the moments it was stored at."""
    with services.sessions() as session:
        records = {}
        for record in session.scalars(sqlalchemy.select(Record)):
            data = record.as_dict()
            data["provenance"] = {k: v for k, v in data["provenance"].items()
                                  if k != "extracted_at"}
            records[record.id] = (data, record.natural_key, record.kind, record.document_type)
        files = {row.sha256: (row.record_id, row.original_name, row.size, row.pages,
                              row.text_method, row.quality, row.storage_path)
                 for row in session.scalars(sqlalchemy.select(StoredFile))}
        quarantined = {row.sha256: (row.original_name, row.size, row.reason, row.message,
                                    row.storage_path)
                       for row in session.scalars(sqlalchemy.select(QuarantinedFile))}
        versions = session.scalar(sqlalchemy.select(sqlalchemy.func.count())
                                  .select_from(RecordVersion))
    for *_, path in quarantined.values():
        assert (services.settings.instance / path).exists()
    for *_, path in files.values():
        assert (services.settings.instance / path).exists()
    return {"records": records, "files": files, "quarantined": quarantined, "versions": versions}


def _embedded(tmp: Path, batch: Path) -> dict:
    from repo_app.services.ingest import Ingestor

    tmp.mkdir(parents=True, exist_ok=True)
    url, drop = make_database_url(BACKEND, tmp)
    services = build_services(tmp / "instance", url)
    try:
        Ingestor(services, workers=2).run([batch])
        return _snapshot(services)
    finally:
        services.close()
        drop()


def _assert_same(queued: dict, embedded: dict) -> None:
    assert set(queued["records"]) == set(embedded["records"])
    for record_id, expected in embedded["records"].items():
        got = queued["records"][record_id]
        assert got[1:] == expected[1:], record_id
        for key in set(expected[0]) | set(got[0]):
            assert got[0].get(key) == expected[0].get(key), (record_id, key)
    assert queued["files"] == embedded["files"]
    assert queued["quarantined"] == embedded["quarantined"]
    assert queued["versions"] == embedded["versions"]


def _index_agrees(cluster: Cluster) -> None:
    from repo_app.services import Services

    services = Services(cluster.services.settings)  # a fresh reader of the index on disk
    try:
        with services.sessions() as session:
            pending = session.scalar(sqlalchemy.select(sqlalchemy.func.count()).select_from(Record)
                                     .where(Record.indexed_at.is_(None)))
            records = session.scalar(sqlalchemy.select(sqlalchemy.func.count())
                                     .select_from(Record))
        assert pending == 0
        assert services.search_engine.count() == records
    finally:
        services.close()


def test_redis_queue_stores_what_the_embedded_ingest_stores(redis_url, cluster_on, tmp_path):
    """Born-digital reports and a patent, a legacy-encoded report, a broken file and a second
    copy of a file."""
    url, _ = redis_url
    files = [*REPORTS[:3], sorted((CORPUS / "patents").glob("*.pdf"))[0],
             sorted((CORPUS / "legacy").glob("*.pdf"))[0], CORPUS / "broken" / "encrypted.pdf"]
    batch = _batch(tmp_path / "batch", files)
    shutil.copy(files[0], batch / "ban-sao.pdf")
    cluster = cluster_on(url, url)
    cluster.start_worker(concurrency=2)
    done = cluster.run("queue", "ingest", str(batch), "--wait", "--quiet")
    assert "ingested 5" in done.stdout and "quarantined 1" in done.stdout, done.stdout
    assert "1 copies of another file named" in done.stdout
    _assert_same(_snapshot(cluster.services), _embedded(tmp_path / "embedded", batch))
    _index_agrees(cluster)
    status = cluster.run("queue", "status")
    assert "queued 0, running 0, done 5, set aside 1" in status.stdout
    assert "pages/s across all workers" in status.stdout


def test_a_scan_read_by_several_workers_gives_the_embedded_record(
        redis_url, cluster_on, tmp_path):
    """Its three pages are OCR'd by three tasks (a chord) and assembled into one record."""
    url, _ = redis_url
    scan = sorted((CORPUS / "scanned").glob("*.pdf"))[0]
    batch = _batch(tmp_path / "batch", [scan])
    cluster = cluster_on(url, url)
    cluster.start_worker(concurrency=2)
    done = cluster.run("queue", "ingest", str(batch), "--wait", "--split-pages", "1", "--quiet")
    assert "ingested 1" in done.stdout, done.stdout
    (item,) = cluster.items()
    assert item.ocr_parts == 3 and item.state == "done"
    _assert_same(_snapshot(cluster.services), _embedded(tmp_path / "embedded", batch))
    _index_agrees(cluster)


def test_rabbitmq_queue_stores_what_the_embedded_ingest_stores(
        amqp_url, redis_url, cluster_on, tmp_path):
    files = [*REPORTS[3:6], sorted((CORPUS / "patents").glob("*.pdf"))[1],
             CORPUS / "broken" / "truncated.pdf"]
    batch = _batch(tmp_path / "batch", files)
    cluster = cluster_on(amqp_url, redis_url[0])
    cluster.start_worker(concurrency=2)
    done = cluster.run("ingest", str(batch), "--queue", "--quiet")  # = queue ingest --wait
    assert "sent to the workers" in done.stdout
    assert "ingested 4" in done.stdout and "quarantined 1" in done.stdout, done.stdout
    _assert_same(_snapshot(cluster.services), _embedded(tmp_path / "embedded", batch))
    _index_agrees(cluster)


def _exactly_once(cluster: Cluster, count: int) -> None:
    items = cluster.items()
    assert len(items) == count
    assert all(item.state == "done" for item in items), [(i.path, i.state) for i in items]
    assert {item.status for item in items} <= {"ingested", "updated"}
    snapshot = _snapshot(cluster.services)
    assert len(snapshot["files"]) == count  # each file stored once, by its content hash
    # one "ingest" version per record, one "ingest_update" per later version: never twice
    assert snapshot["versions"] == count
    _index_agrees(cluster)


def test_a_worker_killed_mid_document_leaves_it_to_another(redis_url, cluster_on, tmp_path):
    url, _ = redis_url
    batch = _batch(tmp_path / "batch", REPORTS[6:11])
    cluster = cluster_on(url, url, visibility=4)
    first = cluster.start_worker()
    cluster.run("queue", "ingest", str(batch))
    cluster.wait_for(lambda items: any(i.state == "running" for i in items))
    cluster.kill(first)  # kill -9, the whole worker: its unacknowledged task is redelivered
    killed = [item.id for item in cluster.items() if item.state == "running"]
    assert killed
    cluster.start_worker()
    cluster.run("queue", "wait", "--quiet")
    _exactly_once(cluster, 5)
    again = {item.id: item.attempts for item in cluster.items()}
    assert all(again[item_id] >= 2 for item_id in killed)


def test_the_broker_stopped_for_seconds_loses_nothing(redis_url, cluster_on, tmp_path):
    url, server = redis_url
    if server is None:
        pytest.skip("the broker is the machine's own Redis: it is not stopped by tests")
    batch = _batch(tmp_path / "batch", REPORTS[11:16])
    cluster = cluster_on(url, url, visibility=4)
    cluster.start_worker()
    cluster.run("queue", "ingest", str(batch))
    cluster.wait_for(lambda items: any(i.state == "done" for i in items))
    server.stop()
    time.sleep(3)
    server.start()
    cluster.run("queue", "wait", "--quiet")
    _exactly_once(cluster, 5)


def test_a_batch_a_broker_lost_is_sent_again(redis_url, cluster_on, tmp_path):
    """A broker that lost its queue (restarted without its disk): ``queue wait --resend``."""
    url, server = redis_url
    if server is None:
        pytest.skip("the broker is the machine's own Redis: it is not emptied by tests")
    batch = _batch(tmp_path / "batch", REPORTS[:3])
    cluster = cluster_on(url, url)
    cluster.run("queue", "ingest", str(batch))  # no worker yet: the tasks wait in the broker
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=2) as sock:
        sock.sendall(b"FLUSHALL\r\n")  # every message gone
        assert sock.recv(16).startswith(b"+OK")
    cluster.start_worker()
    done = cluster.run("queue", "wait", "--resend", "--quiet")
    assert "3 files to send again" in done.stdout
    _exactly_once(cluster, 3)


def test_a_coordinator_killed_mid_batch_is_replaced(redis_url, cluster_on, tmp_path):
    url, _ = redis_url
    batch = _batch(tmp_path / "batch", REPORTS[16:21])
    cluster = cluster_on(url, url)
    cluster.start_worker()
    coordinator = subprocess.Popen(
        cluster.command("queue", "ingest", str(batch), "--wait", "--quiet"), env=cluster.env,
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    cluster.wait_for(lambda items: any(i.state == "done" for i in items))
    os.killpg(coordinator.pid, signal.SIGKILL)
    coordinator.wait()
    cluster.run("queue", "wait", "--quiet")
    _exactly_once(cluster, 5)


POISON = """
import os, signal
import repo_app.queue.tasks as tasks
read = tasks.extract_or_reason
def poisoned(path, name, *args):
    if name.startswith("poison"):
        os.kill(os.getpid(), signal.SIGKILL)  # a native crash, every time
    return read(path, name, *args)
tasks.extract_or_reason = poisoned
"""


def test_a_document_that_kills_its_reader_or_overruns_is_set_aside(
        redis_url, cluster_on, tmp_path):
    url, _ = redis_url
    batch = _batch(tmp_path / "batch", REPORTS[21:22])
    shutil.copy(REPORTS[22], batch / "poison.pdf")
    cluster = cluster_on(url, url)
    cluster.start_worker(code=POISON)
    done = cluster.run("queue", "ingest", str(batch), "--wait", "--quiet")
    assert "ingested 1" in done.stdout and "quarantined 1" in done.stdout, done.stdout
    poison = next(item for item in cluster.items() if item.original_name == "poison.pdf")
    assert poison.state == "set_aside" and poison.reason == "crashed"
    from repo_app.queue.tasks import MAX_TRIES

    assert poison.attempts == MAX_TRIES + 1  # three reads, and the start that set it aside
    assert "set aside: " in done.stdout and "crashed" in done.stdout
    assert len(_snapshot(cluster.services)["quarantined"]) == 1
    # Over its time limit, a document's reader is killed and the file set aside at once.
    slow = _batch(tmp_path / "slow", sorted((CORPUS / "scanned").glob("*.pdf"))[:1])
    done = cluster.run("queue", "ingest", str(slow), "--wait", "--timeout", "2", "--quiet")
    assert "quarantined 1" in done.stdout, done.stdout
    assert "timeout: Reading it took longer than 2 s." in done.stdout
    assert len(_snapshot(cluster.services)["quarantined"]) == 2
