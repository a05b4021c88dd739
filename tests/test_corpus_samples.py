"""The committed sample corpus, checked the way a user of it would check it.

``corpus_samples/ground_truth.json`` (written by ``python corpus_samples/generate.py``) must
describe every PDF under ``corpus_samples/`` and only those; born-digital PDFs must really carry
their title (and task code or application number) in their text layer; scanned ones must have
no text layer; broken ones must fail the way their reason says; and regenerating must give the
same ground truth and the same bytes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from indexer.errors import UnreadableDocument
from indexer.pdf_text import read_pdf

pdfium = pytest.importorskip("pypdfium2")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus_samples"
GROUND_TRUTH = CORPUS / "ground_truth.json"
ENCRYPTED_PASSWORD = "secret"  # corpus_samples/broken_files.py
REASONS = {"encrypted", "truncated", "not_pdf", "no_pages"}

pytestmark = pytest.mark.skipif(
    not GROUND_TRUTH.exists(), reason="run `python corpus_samples/generate.py` first"
)


def _load() -> list[dict]:
    return json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))["documents"]


DOCUMENTS = _load() if GROUND_TRUTH.exists() else []


def _folder(entry: dict) -> str:
    return entry["path"].split("/", 1)[0]


def _readable(entry: dict) -> bool:
    # Scans have no text layer, and legacy-encoded samples deliberately carry TCVN3/VNI bytes.
    return (
        "expected" in entry
        and _folder(entry) not in ("scanned", "legacy")
        and "expected_status" not in entry
    )


def _normalise(text: str) -> str:
    """NFC, pdfium's line-break/hyphen markers removed, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).replace("\ufffe", "").replace("\x02", "")
    return " ".join(text.split())


def _page_texts(path: Path, password: str | None = None) -> list[str]:
    pdf = pdfium.PdfDocument(path, password=password)
    try:
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def _load_error(path: Path) -> str | None:
    """The PDFium load error message, or None when the file opens."""
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        return str(error)
    pdf.close()
    return None


def _ids(entries: list[dict]) -> list[str]:
    return [entry["path"] for entry in entries]


READABLE = [entry for entry in DOCUMENTS if _readable(entry)]
SCANNED = [entry for entry in DOCUMENTS if _folder(entry) == "scanned"]
BROKEN = [entry for entry in DOCUMENTS if _folder(entry) == "broken"]


# --------------------------------------------------------------------------- inventory


def test_every_ground_truth_path_exists_and_is_listed_once():
    paths = [entry["path"] for entry in DOCUMENTS]
    assert len(paths) == len(set(paths)), [p for p, n in Counter(paths).items() if n > 1]
    missing = [path for path in paths if not (CORPUS / path).is_file()]
    assert not missing


def test_every_pdf_in_the_corpus_has_an_entry():
    from tests.conftest import all_ground_truth

    listed = {entry["path"] for entry in all_ground_truth()}
    on_disk = {path.relative_to(CORPUS).as_posix() for path in CORPUS.rglob("*.pdf")}
    assert on_disk - listed == set()


def test_corpus_has_enough_of_each_kind():
    counts = Counter(_folder(entry) for entry in DOCUMENTS)
    assert counts["reports"] >= 24
    assert counts["patents"] >= 12
    assert counts["scanned"] >= 3
    assert counts["broken"] >= 3
    english = [
        entry for entry in DOCUMENTS
        if _folder(entry) == "patents" and entry["expected"].get("language") == "en"
    ]
    assert len(english) >= 3


def test_patent_ground_truth_is_well_formed():
    for entry in DOCUMENTS:
        if _folder(entry) != "patents":
            continue
        expected = entry["expected"]
        number = expected["application_number"]
        assert entry["path"] == f"patents/{number}.pdf"
        digit = {"patent": "1", "utility_solution": "2"}[expected["kind"]]
        assert re.fullmatch(rf"{digit}-\d{{4}}-\d{{5}}", number)
        assert expected["filed"] < expected["published"]
        assert ("granted" in expected) == ("patent_number" in expected)
        if "granted" in expected:
            assert expected["published"] < expected["granted"]
            assert re.fullmatch(rf"{digit}-\d{{7}}", expected["patent_number"])
        assert expected["ipc_classes"] and expected["applicants"]
        assert 2 <= len(expected["inventors"]) <= 5
        for symbol in expected["ipc_classes"]:
            assert re.fullmatch(r"[A-H]\d{2}[A-Z] \d{1,4}/\d{2,6}", symbol), symbol


# --------------------------------------------------------------------------- text layers


@pytest.mark.parametrize("entry", READABLE, ids=_ids(READABLE))
def test_born_digital_text_carries_title_and_identifier(entry):
    expected = entry["expected"]
    text = _normalise(" ".join(_page_texts(CORPUS / entry["path"])))
    assert _normalise(expected["title"]) in text
    if _folder(entry) == "patents":
        assert expected["application_number"] in text
    elif expected.get("task_code"):
        assert _normalise(expected["task_code"]) in text


def test_reports_carry_a_task_code():
    reports = [entry for entry in READABLE if _folder(entry) == "reports"]
    assert reports and all(entry["expected"].get("task_code") for entry in reports)


@pytest.mark.parametrize("entry", SCANNED, ids=_ids(SCANNED))
def test_scanned_documents_have_no_text_layer(entry):
    pages = _page_texts(CORPUS / entry["path"])
    assert pages, "a scanned document still has pages"
    assert all(page.strip() == "" for page in pages)


# --------------------------------------------------------------------------- broken files


@pytest.mark.parametrize("entry", BROKEN, ids=_ids(BROKEN))
def test_broken_files_fail_the_way_their_reason_says(entry):
    assert entry["expected_status"] == "quarantined"
    reason = entry["reason"]
    assert reason in REASONS
    path = CORPUS / entry["path"]
    head = path.read_bytes()[:1024]
    error = _load_error(path)
    if reason == "encrypted":
        assert error is not None and "password" in error.lower()
        assert _page_texts(path, password=ENCRYPTED_PASSWORD)  # opens with the password
    elif reason == "truncated":
        assert head.startswith(b"%PDF-") and error is not None
        assert b"%%EOF" not in path.read_bytes()[-1024:]
        # cut inside its fonts, before its pages: not a truncated file that can still be read
        with pytest.raises(UnreadableDocument) as caught:
            read_pdf(path)
        assert caught.value.reason == "truncated"
    elif reason == "not_pdf":
        assert not head.lstrip().startswith(b"%PDF") and error is not None
    elif reason == "no_pages":
        # PDFium refuses a document without pages; a loader that accepts it finds none.
        assert head.startswith(b"%PDF-")
        if error is None:
            assert _page_texts(path) == []


def test_the_encrypted_file_needs_a_password():
    encrypted = [entry for entry in BROKEN if entry["reason"] == "encrypted"]
    assert encrypted
    for entry in encrypted:
        with pytest.raises(pdfium.PdfiumError, match="(?i)password"):
            pdfium.PdfDocument(CORPUS / entry["path"])


# --------------------------------------------------------------------------- reproducibility


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, str(CORPUS / "generate.py"), "--out", str(out)],
        check=True, cwd=ROOT, capture_output=True, timeout=600,
    )
    return out


@pytest.mark.slow
def test_regenerating_gives_the_same_ground_truth(regenerated):
    assert (regenerated / "ground_truth.json").read_text(encoding="utf-8") == (
        GROUND_TRUTH.read_text(encoding="utf-8")
    )


@pytest.mark.slow
def test_regenerating_gives_byte_identical_files(regenerated):
    by_folder: dict[str, list[str]] = {}
    for entry in DOCUMENTS:
        by_folder.setdefault(_folder(entry), []).append(entry["path"])
    sample = [path for paths in by_folder.values() for path in sorted(paths)[:3]]
    assert len(sample) >= 8
    different = [
        path for path in sample
        if (regenerated / path).read_bytes() != (CORPUS / path).read_bytes()
    ]
    assert not different
