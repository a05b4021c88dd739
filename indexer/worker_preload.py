"""Imported once by the fork server that the ingest's isolated workers are forked from
(:mod:`indexer.isolation`): spaCy, both enrichment pipelines and the label patterns are loaded
here once, instead of in every worker (about a second of CPU per worker)."""

import gc

try:
    # what a worker otherwise imports with its first document
    import pypdfium2  # noqa: F401

    import schemas.records  # noqa: F401
    from indexer import confidence, hyphenation, nlp  # noqa: F401
    from indexer.extract import warm_up
    from indexer.labels import cut_at_inline_label, match_label

    warm_up()
    nlp.enrich("start", "en")  # the English pipeline, else built on a worker's first English text
    match_label("Chủ nhiệm: Nguyễn Văn An")  # the label patterns, compiled on first use
    match_label("Học hàm: PGS", "person")
    cut_at_inline_label("Mã số: X")
except Exception:  # noqa: BLE001, S110 - each worker's own initializer then loads what it needs
    pass
# what was loaded stays out of the collector's passes: a forked worker shares these pages with
# the server instead of copying them when the collector walks its objects
gc.freeze()
