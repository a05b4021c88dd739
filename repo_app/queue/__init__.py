"""Ingest on many machines: Celery tasks read documents, the database keeps what became of each.

``repo-app queue ingest PATH...`` (the coordinator) stores each new file content-addressed on
the shared instance folder (``incoming/``), writes one batch row and one item row per distinct
file, and sends one task per file; ``repo-app worker`` runs Celery workers on any machine that
reaches the broker, the database and the instance folder.

* :mod:`repo_app.queue.app`: the Celery application, configured from the environment.
* :mod:`repo_app.queue.tasks`: read one document (the same ``extract_or_reason`` as the embedded
  ingest, under the same time and memory limits), or split its OCR pages over several tasks
  (a chord), and store the result: acknowledged only after the commit, idempotent by content
  hash, a file whose reader keeps dying set aside after a bounded number of tries.
* :mod:`repo_app.queue.batches`: submit a batch, follow it (re-sending what a stopped coordinator
  did not send, indexing what the workers committed) and report on it.
"""

# OCR pages per task: a scan with more pages to OCR is read by several workers (a chord).
DEFAULT_SPLIT_PAGES = 16
