"""Extraction accuracy on real documents nobody here wrote (``../shared/real-corpus/``).

The 40 real PDFs (US, WO and Indian patents, Vietnamese journal articles, state documents,
reports and theses) are read in place, never copied into the project; their gold metadata is
``gold.json`` there (see that folder's README). Set ``REAL_CORPUS`` to read them from elsewhere;
without the folder the module is skipped.

Every file goes through the ingest's own entry point (:func:`indexer.extract.extract_document`,
OCR included) once per session, and each printed value is checked as staff would check it
(:func:`indexer.evaluation.real_checks`): patent or not, the title (similarity >= 0.9 case
aside), the abstract (its first and last sentences both in ours), patent numbers, dates and
inventors, the authors of articles, reports and theses. Run with ``-s`` for the per-field and
per-kind table, the calibration table (confidence band, count, share right) and every miss.

The floors are the figures reached (see README, "Reading documents"): a regression fails.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

from indexer.confidence import REVIEW_THRESHOLD
from indexer.evaluation import real_checks
from indexer.extract import extract_document

ROOT = Path(__file__).resolve().parent.parent
REAL_CORPUS = Path(os.environ.get("REAL_CORPUS") or ROOT.parent / "shared" / "real-corpus")
GOLD = REAL_CORPUS / "gold.json"

if not GOLD.exists():
    pytest.skip(
        f"the real corpus is not there ({REAL_CORPUS}; set REAL_CORPUS to its folder)",
        allow_module_level=True,
    )

# Right values out of those the gold lists, per field: the figures reached, never lowered to let
# a regression pass. Application numbers are stored in the form their office prints (US
# "12/831,976", PCT, Indian); the misses are OCR's letters for digits ("12/S25,550"), which no
# office prints and the record does not store, and one OCR misread digit.
FLOORS = {
    "patent_or_not": (40, 40),
    "title": (39, 40),
    "abstract": (30, 33),
    "number": (19, 20),
    "publication_date": (19, 20),
    "filing_date": (19, 20),
    "application_number": (14, 20),
    "inventors": (77, 79),
    "authors": (33, 34),
}
# Scanned pages OCR'd per document: the front matter the metadata comes from (the whole corpus
# would take minutes of OCR, about a second a page on 2 cores, for no field measured here).
OCR_PAGES = 3
# Of the values whose confidence is at or above the review threshold, the share right.
CONFIDENT_FLOOR = 0.97
BANDS = ((0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6), (0.0, 0.5))


@pytest.fixture(scope="module")
def results() -> list[tuple[dict, dict]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    rows = []
    for entry in gold:
        extraction = extract_document(REAL_CORPUS / entry["path"], ocr_pages=OCR_PAGES)
        rows.append((entry, extraction.record))
    return rows


@pytest.fixture(scope="module")
def checks(results) -> list[tuple[dict, tuple]]:
    return [(entry, check) for entry, record in results for check in real_checks(entry, record)]


def _table(checks) -> dict[str, list[int]]:
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, (field, right, _, _) in checks:
        per_field[field][0] += right
        per_field[field][1] += 1
    return per_field


def test_report(checks):
    """The accuracy report: per field and kind, the calibration, and the misses."""
    per_field = _table(checks)
    kinds = sorted({entry["kind"] for entry, _ in checks})
    per_kind: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for entry, (field, right, _, _) in checks:
        per_kind[(field, entry["kind"])][0] += right
        per_kind[(field, entry["kind"])][1] += 1
    print(f"\nReal corpus ({REAL_CORPUS}): right / printed, per field and kind of document")
    print(f"{'field':20} {'all':>9} " + " ".join(f"{kind[:14]:>14}" for kind in kinds))
    for field, (right, total) in per_field.items():
        cells = []
        for kind in kinds:
            r, t = per_kind.get((field, kind), (0, 0))
            cells.append(f"{f'{r}/{t}' if t else '-':>14}")
        print(f"{field:20} {f'{right}/{total}':>9} " + " ".join(cells))

    print(f"\nCalibration (values extracted; review threshold {REVIEW_THRESHOLD})")
    print(f"{'confidence':12} {'count':>6} {'right':>6} {'share':>7}")
    for low, high in BANDS:
        band = [c for _, c in checks if c[2] is not None and low <= c[2] < high]
        if band:
            right = sum(1 for c in band if c[1])
            print(f"{low:.1f}-{min(high, 1.0):.1f}     {len(band):6d} {right:6d} "
                  f"{right / len(band):7.3f}")
    unscored = [c for _, c in checks if c[2] is None]
    print(f"{'none':12} {len(unscored):6d} {sum(c[1] for c in unscored):6d}   "
          "(nothing extracted, or a field without a confidence)")

    print("\nMisses:")
    for entry, (field, right, confidence, found) in checks:
        if not right:
            shown = "-" if confidence is None else f"{confidence:.2f}"
            print(f"  {Path(entry['path']).stem[:38]:38} {field:18} {shown:>5} {found[:110]}")


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_floor(checks, field):
    right, total = _table(checks).get(field, [0, 0])
    floor, expected_total = FLOORS[field]
    assert total == expected_total, f"{field}: {total} values checked, not {expected_total}"
    assert right >= floor, f"{field}: {right} of {total} right, the floor is {floor}"


def test_confident_values_are_right(checks):
    """Of the values at or above the review threshold, the share right stays at its floor."""
    confident = [c for _, c in checks if c[2] is not None and c[2] >= REVIEW_THRESHOLD]
    share = sum(1 for c in confident if c[1]) / len(confident)
    assert share >= CONFIDENT_FLOOR, f"{share:.3f} of {len(confident)} confident values right"


def test_uncertain_fields_send_the_record_to_review(results):
    """Every record with a field under the review threshold is marked for review, with the
    field named among the reasons."""
    for entry, record in results:
        quality = record["quality"]
        weak = [k for k, v in quality["field_confidence"].items() if v < REVIEW_THRESHOLD]
        if weak:
            assert quality["needs_review"], (entry["path"], weak)
            reasons = " ".join(quality["review_reasons"])
            assert all(name in reasons for name in weak), (entry["path"], weak, reasons)
