"""Extraction accuracy on the sample corpus (``corpus_samples/ground_truth.json``).

Every readable born-digital document is extracted end to end (with NLP enrichment when
``indexer.nlp`` is there) and compared field by field with its ground truth; the per-field table
is printed (run with ``-s`` to see it) and the overall share of right fields must stay at or
above ``ACCURACY_FLOOR``. Broken files must raise ``UnreadableDocument`` with the expected
reason, scans are read by OCR (or kept flagged ``needs_ocr`` where OCR is missing).
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


# --------------------------------------------------------------------------- field confidence

# Share of right values among the fields scored at or above indexer.confidence.REVIEW_THRESHOLD
# on the born-digital samples (measured: 0.986 of 650; the misses are the judgement-call sectors).
CONFIDENT_ACCURACY_FLOOR = 0.98


@cache
def _scored() -> tuple[tuple[dict, dict, dict, str], ...]:
    rows = []
    for entry in _documents():
        if "expected" not in entry or entry["expected"].get("scanned"):
            continue
        record = extract_document(CORPUS / entry["path"], enrich=_enrich_available()).record
        expected = {key: value for key, value in entry["expected"].items() if key != "scanned"}
        rows.append((expected, comparable_fields(record), record["quality"], entry["path"]))
    return tuple(rows)


def test_field_confidence_is_calibrated_on_born_digital_documents():
    """Every extracted field carries a confidence; the confident ones are right, and no sample
    is sent to review for a field it got right."""
    _need_corpus()
    from indexer.confidence import REVIEW_THRESHOLD

    confident = right_and_confident = 0
    false_alarms = []
    bands: dict[float, list[int]] = {}
    for expected, found, quality, path in _scored():
        scores = quality["field_confidence"]
        missing = [k for k, v in found.items() if v not in (None, "", []) and k not in scores]
        assert not missing, (path, missing)
        for key, value in expected.items():
            right = not mismatches({key: value}, found)
            score = scores.get(key)
            if score is None:
                continue
            band = bands.setdefault(min(0.9, int(score * 10) / 10), [0, 0])
            band[0] += 1
            band[1] += right
            if score >= REVIEW_THRESHOLD:
                confident += 1
                right_and_confident += right
            elif right:
                false_alarms.append((path, key, score))
    share = right_and_confident / confident
    print("\nCalibration on the samples (confidence band, count, share right):")
    for low in sorted(bands, reverse=True):
        count, right = bands[low]
        print(f"  {low:.1f}-{low + 0.1:.1f} {count:5d} {right / count:7.3f}")
    print(f"Right among fields scored >= {REVIEW_THRESHOLD}: {share:.4f} of {confident}")
    assert share >= CONFIDENT_ACCURACY_FLOOR
    assert not false_alarms


# --------------------------------------------------------------------------- scans and legacy fonts

# Scanned samples (corpus_samples/scanned: three from reports.py and four from scanned_extra.py,
# each through another "scanner": skewed, fax, photocopy, 150 dpi) are read by OCR. On the three
# fields that identify a report, 19 of 21 values were exactly right (0.905; tesseract 5.3.0 with
# the Vietnamese script model, 300 dpi, November 2026): the two misses are task codes whose
# hyphen after a "T" tesseract drops ("BTNN-2001-06" for "BT-NN-2001-06"). Tesseract is
# deterministic, so the figure only moves when the OCR or the parsers change.
SCANNED_FIELDS = ("title", "task_code", "principal_investigator")
SCANNED_ACCURACY_FLOOR = 0.90
# Legacy-encoded samples (corpus_samples/legacy, TCVN3 and VNI), every field of the ground truth
# (measured: 1.0, 4 documents, 76 fields).
LEGACY_ACCURACY_FLOOR = 0.98


def _require_ocr():
    from indexer.ocr import ocr_status

    available, message = ocr_status()
    if not available:
        pytest.fail(f"the scanned samples are read by OCR, and {message}", pytrace=False)


def _print_table(title: str, overall: float, per_field: dict, rows) -> None:
    print(f"\n{title}: {overall:.4f}")
    print(f"{'field':32} {'right':>6} {'total':>6} {'share':>7}")
    for field, (right, total) in per_field.items():
        print(f"{field:32} {right:6d} {total:6d} {right / total:7.3f}")
    for expected, found, _, path in rows:
        for field, (want, got) in mismatches(expected, found).items():
            print(f"  {path}: {field}: expected {want!r}, got {got!r}")


@cache
def _extractions_of(kind: str) -> tuple:
    rows = []
    for entry in _documents():
        if "expected" not in entry:
            continue
        if (kind == "scanned") != bool(entry["expected"].get("scanned")):
            continue
        if kind == "legacy" and not entry.get("legacy_encoding"):
            continue
        extraction = extract_document(CORPUS / entry["path"], enrich=_enrich_available())
        expected = {key: value for key, value in entry["expected"].items() if key != "scanned"}
        rows.append((expected, comparable_fields(extraction.record), extraction, entry))
    return tuple(rows)


def test_scanned_documents_are_read_by_ocr():
    _need_corpus()
    _require_ocr()
    rows = _extractions_of("scanned")
    if not rows:
        pytest.skip("the ground truth lists no scanned documents")
    for _, _, extraction, entry in rows:
        pages = extraction.record["quality"]["pages"]
        assert extraction.text_method == "ocr", entry["path"]
        assert extraction.quality in ("ocr", "needs_review"), entry["path"]
        assert all(page["method"] == "ocr" and page["ocr_confidence"] for page in pages)
    table = [(e, f, x, entry["path"]) for e, f, x, entry in rows]
    overall, per_field = field_accuracy((expected, found) for expected, found, _, _ in rows)
    _print_table(f"All fields, {len(rows)} scanned documents (OCR)", overall, per_field, table)

    identifying = [
        ({key: expected[key] for key in SCANNED_FIELDS if key in expected}, found, x, path)
        for expected, found, x, path in table
    ]
    share, per_field = field_accuracy((expected, found) for expected, found, _, _ in identifying)
    _print_table("Title, task code and principal investigator (OCR)", share, per_field, identifying)
    assert share >= SCANNED_ACCURACY_FLOOR, f"{share:.4f} < {SCANNED_ACCURACY_FLOOR}"


def test_legacy_encoded_documents_are_converted_and_read():
    _need_corpus()
    rows = _extractions_of("legacy")
    if not rows:
        pytest.skip("the ground truth lists no legacy-encoded documents")
    for _, _, extraction, entry in rows:
        methods = {page["method"] for page in extraction.record["quality"]["pages"]}
        assert methods == {f"legacy_{entry['legacy_encoding']}"}, entry["path"]
        assert extraction.quality == "legacy_converted", (entry["path"], extraction.warnings)
        assert extraction.text_method == "text_layer"
    table = [(e, f, x, entry["path"]) for e, f, x, entry in rows]
    overall, per_field = field_accuracy((expected, found) for expected, found, _, _ in rows)
    _print_table(f"All fields, {len(rows)} legacy-encoded documents", overall, per_field, table)
    assert overall >= LEGACY_ACCURACY_FLOOR, f"{overall:.4f} < {LEGACY_ACCURACY_FLOOR}"


@pytest.mark.parametrize(
    "entry",
    _entries(lambda entry: entry.get("expected", {}).get("scanned")) or [None],
    ids=lambda entry: entry["path"] if entry else "no-scans",
)
def test_scans_without_ocr_are_kept_as_needing_ocr(entry):
    """Where OCR cannot run, a scan is still a valid record, flagged for OCR."""
    _need_corpus()
    if entry is None:
        pytest.skip("the ground truth lists no scanned documents")
    extraction = extract_document(CORPUS / entry["path"], enrich=False, ocr=False)
    assert extraction.quality == "needs_ocr"
    assert extraction.text_method == "none"
    assert extraction.record["files"][0]["text_method"] == "none"
    assert extraction.record["title"]
    assert {page["verdict"] for page in extraction.record["quality"]["pages"]} == {"empty"}


def test_patent_abstract_ends_where_the_description_begins():
    """The abstract of 1-2018-04512 is followed on its front page by "MÔ TẢ SÁNG CHẾ" and the
    description: it is the printed abstract, not the description run on after it."""
    _need_corpus()
    entry = next(e for e in _documents() if e["path"] == "patents/1-2018-04512.pdf")
    record = extract_document(CORPUS / entry["path"], enrich=False).record
    assert record["abstract"] == entry["expected"]["abstract"]
    assert "mô tả sáng chế" not in record["abstract"].lower()
    assert record["quality"]["field_confidence"]["abstract"] >= 0.9
