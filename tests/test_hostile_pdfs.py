"""Hostile PDFs, built here byte by byte (``tests/hostile_pdfs.py``), read the way the ingest
reads them: each in an isolated worker (``indexer.isolation.run_isolated`` with
``indexer.extract.extract_or_reason``), under the ingest's real time and memory limits. Each
ends as a record with the right pages and text, or set aside with a reason a person can act
on; none stops the batch.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy

from indexer.errors import MESSAGES
from indexer.extract import extract_or_reason, warm_up
from indexer.isolation import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Failure, run_isolated
from indexer.ocr import ocr_available
from tests import hostile_pdfs as hostile
from tests.conftest import CORPUS

GOOD = sorted((CORPUS / "reports").glob("*.pdf"))[0]
CASES = {
    "good-two-pages.pdf": hostile.two_page_report,
    "wrong-xref-offsets.pdf": hostile.wrong_xref_offsets,
    "garbage-xref.pdf": hostile.garbage_xref,
    "page-tree-loop.pdf": hostile.page_tree_loop,
    "page-count-overstated.pdf": hostile.page_count_overstated,
    "circular-forms.pdf": hostile.circular_forms,
    "form-drawing-itself-twice.pdf": hostile.form_drawing_itself_twice,
    "corrupt-flate.pdf": hostile.corrupt_flate,
    "enormous-page.pdf": hostile.enormous_page_with_text,
    "enormous-scan.pdf": hostile.enormous_scanned_page,
    "huge-image.pdf": hostile.huge_image_declared,
    "broken-tounicode.pdf": hostile.broken_tounicode,
    "truncated-readable.pdf": hostile.truncated_in_its_xref,
    "truncated-unreadable.pdf": hostile.truncated_in_first_page,
}


def _write_batch(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(CASES[name]())
    return folder


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict:
    """Every case and a real report from the corpus, one batch, two workers, the ingest's
    limits and worker set-up: ``{file name: outcome}``."""
    folder = _write_batch(tmp_path_factory.mktemp("hostile"), CASES)
    paths = [*sorted(folder.iterdir()), GOOD]
    jobs = [(path.name, (str(path), path.name, 1)) for path in paths]
    return dict(run_isolated(
        extract_or_reason, jobs, workers=2, timeout=DEFAULT_TIMEOUT,
        memory_mb=DEFAULT_MEMORY_MB, initializer=warm_up,
    ))


def _extraction(outcomes: dict, name: str):
    outcome = outcomes[name]
    assert not isinstance(outcome, Failure), outcome
    assert outcome[0] == "ok", outcome
    return outcome[1]


def _set_aside(outcomes: dict, name: str) -> tuple[str, str]:
    outcome = outcomes[name]
    assert not isinstance(outcome, Failure), outcome
    assert outcome[0] == "unreadable", outcome
    return outcome[1], outcome[2]


def _pages(extraction) -> list[str]:
    return extraction.record["full_text"].split("\n\f\n")


def test_the_batch_goes_on_past_every_hostile_file(outcomes):
    assert set(outcomes) == {*CASES, GOOD.name}
    assert _extraction(outcomes, GOOD.name).record["title"]
    assert not any(isinstance(o, Failure) and o.reason == "timeout" for o in outcomes.values())


@pytest.mark.parametrize("name", ["good-two-pages.pdf", "wrong-xref-offsets.pdf",
                                  "garbage-xref.pdf"])
def test_a_broken_cross_reference_table_is_rebuilt(outcomes, name):
    extraction = _extraction(outcomes, name)
    assert extraction.page_count == 2
    assert _pages(extraction) == [hostile.GOOD_LINE, hostile.SECOND_LINE]


def test_a_page_tree_loop_is_set_aside_not_read_twice(outcomes):
    reason, message = _set_aside(outcomes, "page-tree-loop.pdf")
    assert reason == "page_tree_loop"
    assert message == MESSAGES["page_tree_loop"] and "loop" in message


def test_a_page_tree_claiming_pages_it_lacks_gives_the_pages_it_holds(outcomes):
    extraction = _extraction(outcomes, "page-count-overstated.pdf")
    assert extraction.page_count == 1
    assert _pages(extraction) == [hostile.GOOD_LINE]
    note = "The page tree declares 10000 pages but holds only 1; those were read."
    assert note in extraction.warnings


def test_circular_forms_are_read_once_each(outcomes):
    extraction = _extraction(outcomes, "circular-forms.pdf")
    text = extraction.record["full_text"]
    assert hostile.GOOD_LINE in text
    assert text.count(hostile.FORM_LINE) == 1  # PDFium alone prints it once per nesting level
    assert any("draws a form that draws itself" in note for note in extraction.warnings)


def test_a_form_that_doubles_itself_costs_its_worker_only(outcomes):
    # PDFium's work doubles with every nesting level: it runs out of the worker's memory and
    # aborts. The worker dies, the file is set aside, the next file gets a fresh worker.
    outcome = outcomes["form-drawing-itself-twice.pdf"]
    assert isinstance(outcome, Failure) and outcome.reason in ("crashed", "too_large")
    assert "re-export it" in outcome.message or "memory" in outcome.message


def test_a_corrupt_stream_loses_its_page_only(outcomes):
    extraction = _extraction(outcomes, "corrupt-flate.pdf")
    assert extraction.page_count == 2
    assert _pages(extraction)[0] == hostile.GOOD_LINE
    pages = extraction.record["quality"]["pages"]
    assert [page["verdict"] for page in pages] == ["clean", "empty"]


def test_an_enormous_page_is_read(outcomes):
    extraction = _extraction(outcomes, "enormous-page.pdf")
    assert extraction.page_count == 1
    assert _pages(extraction) == [hostile.GOOD_LINE]


def test_an_enormous_scan_is_rendered_smaller_for_ocr(outcomes):
    extraction = _extraction(outcomes, "enormous-scan.pdf")
    assert extraction.page_count == 1
    if ocr_available():
        # at 300 dpi the page would be 833 333 pixels square: 694 GB
        assert any("too large to render at 300 dpi" in note for note in extraction.warnings)
        assert extraction.record["quality"]["pages"][0]["method"] == "ocr"
    else:
        assert extraction.quality == "needs_ocr"


def test_a_huge_declared_image_is_no_bomb(outcomes):
    extraction = _extraction(outcomes, "huge-image.pdf")
    assert extraction.page_count == 1
    expected = ("needs_review",) if ocr_available() else ("needs_ocr",)
    assert extraction.quality in expected  # a blank image: nothing to read, staff look at it


def test_a_broken_tounicode_map_falls_back_to_the_encoding(outcomes):
    extraction = _extraction(outcomes, "broken-tounicode.pdf")
    assert _pages(extraction) == [hostile.GOOD_LINE]


def test_a_truncated_file_whose_pages_are_whole_is_read_with_a_note(outcomes):
    extraction = _extraction(outcomes, "truncated-readable.pdf")
    assert extraction.page_count == 2
    assert _pages(extraction) == [hostile.GOOD_LINE, hostile.SECOND_LINE]
    note = "The file is truncated (it ends before its end-of-file marker); all 2 pages were read."
    assert note in extraction.record["provenance"]["notes"]


def test_a_truncated_file_cut_inside_a_page_is_set_aside(outcomes):
    reason, message = _set_aside(outcomes, "truncated-unreadable.pdf")
    assert reason == "truncated" and message == MESSAGES["truncated"]


def test_the_ingest_keeps_good_and_readable_files_and_sets_the_others_aside(services, tmp_path):
    from repo_app.models import QuarantinedFile, Record
    from repo_app.services.ingest import Ingestor

    folder = _write_batch(tmp_path / "batch", [
        "truncated-readable.pdf", "truncated-unreadable.pdf", "page-tree-loop.pdf",
        "corrupt-flate.pdf",
    ])
    (folder / GOOD.name).write_bytes(GOOD.read_bytes())
    summary = Ingestor(services, workers=2).run([folder])
    by_name = {os.path.basename(outcome.path): outcome for outcome in summary.outcomes}
    assert len(by_name) == 5
    for name in (GOOD.name, "truncated-readable.pdf", "corrupt-flate.pdf"):
        assert by_name[name].status == "ingested", (name, by_name[name].message)
    assert by_name["truncated-unreadable.pdf"].reason == "truncated"
    assert by_name["page-tree-loop.pdf"].reason == "page_tree_loop"
    with services.sessions() as session:
        record = session.get(Record, by_name["truncated-readable.pdf"].record_id).as_dict()
        set_aside = session.scalars(sqlalchemy.select(QuarantinedFile)).all()
    assert record["files"][0]["pages"] == 2
    assert any("all 2 pages were read" in note for note in record["provenance"]["notes"])
    assert {row.reason for row in set_aside} == {"truncated", "page_tree_loop"}
    assert all(row.message for row in set_aside)
