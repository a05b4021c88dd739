"""Extraction accuracy on the sample corpus (``corpus_samples/ground_truth.json``).

Every readable born-digital document is extracted end to end (with NLP enrichment when
``indexer.nlp`` is there) and compared field by field with its ground truth; the per-field table
is printed (run with ``-s`` to see it) and the overall share of right fields must stay at or
above ``ACCURACY_FLOOR``. Broken files must raise ``UnreadableDocument`` with the expected
reason, and scans must come back as valid records flagged ``needs_ocr``.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

import pytest

from indexer.errors import UnreadableDocument
from indexer.evaluation import comparable_fields, field_accuracy, mismatches
from indexer.extract import extract_document

CORPUS = Path(__file__).resolve().parent.parent / "corpus_samples"
GROUND_TRUTH = CORPUS / "ground_truth.json"

# Overall field accuracy reached on the born-digital sample corpus (0.986 with NLP enrichment,
# November 2026), rounded down. Raise it when the extractor improves; never lower it to make a
# regression pass.
ACCURACY_FLOOR = 0.98
# No single field may fall below its floor (a field that breaks entirely must not hide in the
# mean). Sectors are the exception: the ground truth assigns them by judgement (the broad
# "nong-nghiep" comes with some dragon-fruit reports and not others, "khoa-hoc-xa-hoi" with some
# economics reports), while the extractor takes the sectors the title and keywords name: 15/24.
FIELD_FLOOR = 0.85
FIELD_FLOORS = {"sectors": 0.6}


def _documents() -> list[dict]:
    if not GROUND_TRUTH.exists():
        return []
    return json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))["documents"]


def _need_corpus():
    if not GROUND_TRUTH.exists():
        pytest.skip(
            "corpus_samples/ground_truth.json is not there yet "
            "(run: python corpus_samples/generate.py)"
        )


def _enrich_available() -> bool:
    return importlib.util.find_spec("indexer.nlp") is not None


@cache
def _extractions() -> tuple[tuple[dict, dict, str], ...]:
    rows = []
    for entry in _documents():
        if "expected" not in entry or entry["expected"].get("scanned"):
            continue
        extraction = extract_document(CORPUS / entry["path"], enrich=_enrich_available())
        expected = {key: value for key, value in entry["expected"].items() if key != "scanned"}
        rows.append((expected, comparable_fields(extraction.record), entry["path"]))
    return tuple(rows)


def test_field_accuracy_on_born_digital_documents():
    _need_corpus()
    rows = _extractions()
    if not rows:
        pytest.skip("the ground truth lists no born-digital documents")
    overall, per_field = field_accuracy((expected, found) for expected, found, _ in rows)

    print(f"\nExtraction accuracy on {len(rows)} born-digital documents: {overall:.4f}")
    print(f"{'field':32} {'right':>6} {'total':>6} {'share':>7}")
    for field, (right, total) in per_field.items():
        print(f"{field:32} {right:6d} {total:6d} {right / total:7.3f}")
    wrong = [(path, mismatches(expected, found)) for expected, found, path in rows]
    for path, fields in wrong:
        for field, (want, got) in fields.items():
            print(f"  {path}: {field}: expected {want!r}, got {got!r}")

    assert overall >= ACCURACY_FLOOR, f"overall accuracy {overall:.4f} < {ACCURACY_FLOOR}"
    weak = {
        field: right / total
        for field, (right, total) in per_field.items()
        if right / total < FIELD_FLOORS.get(field, FIELD_FLOOR)
    }
    assert not weak, f"fields below their floor: {weak}"


def _entries(predicate) -> list[dict]:
    return [entry for entry in _documents() if predicate(entry)]


@pytest.mark.parametrize(
    "entry",
    _entries(lambda entry: entry.get("expected_status") == "quarantined") or [None],
    ids=lambda entry: entry["path"] if entry else "no-broken-files",
)
def test_broken_files_are_refused_with_the_reason(entry):
    _need_corpus()
    if entry is None:
        pytest.skip("the ground truth lists no broken files")
    with pytest.raises(UnreadableDocument) as caught:
        extract_document(CORPUS / entry["path"], enrich=False)
    assert caught.value.reason == entry["reason"]


@pytest.mark.parametrize(
    "entry",
    _entries(lambda entry: entry.get("expected", {}).get("scanned")) or [None],
    ids=lambda entry: entry["path"] if entry else "no-scans",
)
def test_scans_come_back_as_records_needing_ocr(entry):
    _need_corpus()
    if entry is None:
        pytest.skip("the ground truth lists no scanned documents")
    extraction = extract_document(CORPUS / entry["path"], enrich=False)
    assert extraction.quality == "needs_ocr"
    assert extraction.text_method == "none"
    assert extraction.record["files"][0]["text_method"] == "none"
    assert extraction.record["title"]
