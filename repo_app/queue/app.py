"""The Celery application, configured from the environment.

``CELERY_BROKER_URL``      the broker (default ``redis://127.0.0.1:6379/0``; RabbitMQ:
                           ``amqp://user:password@host:5672//``)
``CELERY_RESULT_BACKEND``  where the OCR parts of a split scan wait for their assembly (default:
                           the broker when it is Redis, else none: scans are then not split)
``CELERY_QUEUE``           the queue's name (default ``ingest``)
``CELERY_VISIBILITY_TIMEOUT`` Redis only: seconds after which a task that no worker acknowledged
                           is delivered again (a worker that died); longer than the longest
                           document (default 7200)

Every task is acknowledged late (after its result is committed), delivered again when its worker
dies, and workers take one task at a time (a long scan does not hold others back in a prefetch).
"""

from __future__ import annotations

import os

from celery import Celery

DEFAULT_BROKER = "redis://127.0.0.1:6379/0"


def broker_url(environ=None) -> str:
    env = os.environ if environ is None else environ
    return env.get("CELERY_BROKER_URL") or DEFAULT_BROKER


def result_backend(environ=None) -> str | None:
    env = os.environ if environ is None else environ
    configured = env.get("CELERY_RESULT_BACKEND")
    if configured:
        return configured
    broker = broker_url(env)
    return broker if broker.startswith(("redis://", "rediss://")) else None


def queue_name(environ=None) -> str:
    env = os.environ if environ is None else environ
    return env.get("CELERY_QUEUE") or "ingest"


def make_celery(environ=None) -> Celery:
    env = os.environ if environ is None else environ
    celery = Celery(
        "repo_app",
        broker=broker_url(env),
        backend=result_backend(env),
        include=["repo_app.queue.tasks"],
    )
    visibility = float(env.get("CELERY_VISIBILITY_TIMEOUT") or 7200)
    celery.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=queue_name(env),
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_expires=7 * 24 * 3600,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": visibility,
            "unacked_restore_interval": max(1.0, min(60.0, visibility / 4)),
        },
        # A child loads spaCy before its first task: give it time (Celery's default is 4 s).
        worker_proc_alive_timeout=120,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_send_sent_event=False,
    )
    return celery


app = make_celery()
