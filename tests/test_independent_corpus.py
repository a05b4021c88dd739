"""Extraction accuracy on the independent test set (``corpus_samples/independent/``).

These documents were made by other means than the main sample corpus: HTML pages with CSS
(label tables, values under their labels, boxed titles, CSS grid columns, fixed running
headers), other fonts, printed to PDF by headless Chromium, with real-world quirks (label
variants, typos, names in capitals, a thesis whose "Mã số" is a degree code). Each is extracted
end to end and compared with ``corpus_samples/independent/ground_truth.json``; the per-field
table is printed (``-s``).

How the figures came about (``python -m pytest tests/test_independent_corpus.py -s``):

* the first fourteen documents (``reports/``, ``patents/``, ``articles/``) were written first;
  the extractor as it stood read them at 0.837 of fields right (articles were then read by the
  report parser). The parsers were then fixed by meaning, never by this set's layout: a value
  wrapped in a table column, a label wrapped in its table cell, labels spread by justified
  text, a code column read apart from its value column, wrapped party names, the article and
  thesis parser. Result: 1.000;
* five more documents (``held_out/``) were written after that and measured once before any
  change: 0.867 (52 of 60 fields). Their misses were fixed by meaning too (bilingual labels
  "Tên đề tài / Project title:", "Ngày họp Hội đồng nghiệm thu", a numbered list in one table
  cell, a running header under the keywords, a title in capitals, an address after a
  company's name): 1.000 on all nineteen.

The floors are under those figures, since a set this small moves by 0.3 % per field. Raise them
when the extractor improves; never lower them to let a regression pass.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from indexer.evaluation import comparable_fields, field_accuracy, mismatches
from indexer.extract import extract_document

INDEPENDENT = Path(__file__).resolve().parent.parent / "corpus_samples" / "independent"
GROUND_TRUTH = INDEPENDENT / "ground_truth.json"

# Overall share of right fields on the independent set (measured: 1.000 on 19 documents).
ACCURACY_FLOOR = 0.98
# No field may fall below this share (a field that breaks entirely must not hide in the mean);
# a field seen twice (title_en) may lose one.
FIELD_FLOOR = 0.8
FIELD_FLOORS: dict[str, float] = {"title_en": 0.5}


def _documents() -> list[dict]:
    if not GROUND_TRUTH.exists():
        return []
    return json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))["documents"]


def _enrich_available() -> bool:
    return importlib.util.find_spec("indexer.nlp") is not None


@cache
def _extractions() -> tuple[tuple[dict, dict, str], ...]:
    rows = []
    for entry in _documents():
        extraction = extract_document(INDEPENDENT / entry["path"], enrich=_enrich_available())
        rows.append((entry["expected"], comparable_fields(extraction.record), entry["path"]))
    return tuple(rows)


def _need_set():
    if not GROUND_TRUTH.exists():
        pytest.skip("run: python corpus_samples/independent/generate.py")


def test_the_set_has_reports_patents_and_other_research_documents():
    _need_set()
    counts = Counter(entry["expected"]["document_type"] for entry in _documents())
    assert counts["final_report"] >= 5
    assert counts["patent_document"] >= 3
    assert counts["research_document"] >= 2
    for entry in _documents():
        assert (INDEPENDENT / entry["path"]).is_file(), entry["path"]


def test_field_accuracy_on_the_independent_set():
    _need_set()
    rows = _extractions()
    overall, per_field = field_accuracy((expected, found) for expected, found, _ in rows)

    print(f"\nExtraction accuracy on {len(rows)} independent documents: {overall:.4f}")
    for folder in sorted({path.split("/")[0] for _, _, path in rows}):
        share, fields = field_accuracy(
            (expected, found) for expected, found, path in rows if path.startswith(folder + "/")
        )
        right = sum(counts[0] for counts in fields.values())
        total = sum(counts[1] for counts in fields.values())
        print(f"  {folder:10} {share:.4f} ({right}/{total})")
    print(f"{'field':32} {'right':>6} {'total':>6} {'share':>7}")
    for field, (right, total) in per_field.items():
        print(f"{field:32} {right:6d} {total:6d} {right / total:7.3f}")
    for expected, found, path in rows:
        for field, (want, got) in mismatches(expected, found).items():
            print(f"  {path}: {field}: expected {want!r}, got {got!r}")

    assert overall >= ACCURACY_FLOOR, f"overall accuracy {overall:.4f} < {ACCURACY_FLOOR}"
    weak = {
        field: right / total
        for field, (right, total) in per_field.items()
        if right / total < FIELD_FLOORS.get(field, FIELD_FLOOR)
    }
    assert not weak, f"fields below their floor: {weak}"


def test_records_of_the_independent_set_are_not_sent_to_review_for_fields_they_got_right():
    """Field confidence on documents whose fields all came out right: no field of theirs under
    the review threshold (a flag there would be a false alarm)."""
    _need_set()
    from indexer.confidence import REVIEW_THRESHOLD

    for entry in _documents():
        extraction = extract_document(INDEPENDENT / entry["path"], enrich=False)
        found = comparable_fields(extraction.record)
        confidence = extraction.record["quality"]["field_confidence"]
        right = [
            key for key in entry["expected"] if not mismatches({key: entry["expected"][key]}, found)
        ]
        low = {key: confidence[key] for key in right if confidence.get(key, 1.0) < REVIEW_THRESHOLD}
        assert not low, (entry["path"], low)
