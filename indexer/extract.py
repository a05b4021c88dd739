"""One PDF in, one validated record draft out.

``extract_document`` chains the stages and times each of them:

1. **text**: :func:`indexer.pdf_text.read_pdf` (pypdfium2, every page): each page is judged
   (clean, garbled, empty), legacy font encodings (TCVN3, VNI) are converted and diacritics
   repaired there. An unreadable file raises :class:`~indexer.errors.UnreadableDocument`, which
   the caller quarantines.
2. **ocr**: pages still garbled, or empty with an image on them (scans), go through Tesseract
   (:mod:`indexer.ocr`), in parallel, page by page, keeping each page's mean confidence. Where
   Tesseract is not installed the document is still read and recorded, with the quality
   summary ``needs_ocr`` and a warning that says so.
3. **parse**: :func:`indexer.detect.detect_document_type`, then the report or patent parser.
   For a patent, the front page is re-read in column order from PDFium's character boxes
   (:func:`indexer.pdf_text.read_layout_page`) so that two columns never interleave; what the
   layout text does not yield is still taken from PDFium's text.
4. **nlp**: ``indexer.nlp.enrich`` finds entities and *suggests* sectors, district, field of
   science and keywords; suggestions fill only what the parser did not find.

The record's ``quality`` block says how the text was read: one entry per page (verdict, method,
OCR confidence, signals), the field confidences (``indexer.confidence`` when present), whether
staff should review it and why, and one summary: ``needs_ocr`` (pages left unread), else
``needs_review`` (a mean OCR confidence under :data:`MIN_OCR_CONFIDENCE`, a field under its
confidence threshold, or no text at all), else ``ocr``, ``legacy_converted``, ``repaired`` or
``clean`` (the strongest treatment any page needed). ``Extraction.quality`` is that summary.

A PDF without any usable text still gives a valid record: title from the file name.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import indexer
from indexer.detect import (
    detect_document_type,
    detect_language,
    document_type_scores,
    parser_for,
)
from indexer.labels import squash
from indexer.parse_article import parse_article
from indexer.parse_patent import parse_patent
from indexer.parse_report import parse_report
from indexer.parsed import Origins, fields_and_origins
from indexer.pdf_text import (
    DEFAULT_MAX_BYTES,
    PageQuality,
    PdfText,
    read_layout_page,
    read_pdf,
    read_styled_lines,
)
from indexer.text_quality import assess_page
from indexer.vocabulary_match import known_spelling

# Tesseract's mean word confidence (0-100) under which an OCR'd page is worth a look by staff.
MIN_OCR_CONFIDENCE = 70.0
# Field confidence (0-1) under which a field is worth a look by staff, unless indexer.confidence
# sets its own REVIEW_THRESHOLD.
FIELD_REVIEW_THRESHOLD = 0.5


@dataclass
class Extraction:
    record: dict
    sha256: str
    page_count: int
    text_method: str  # "text_layer" | "ocr" (any page OCR'd) | "none"
    quality: str  # the record's quality summary (schemas.records.QUALITY_SUMMARIES)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def title_from_filename(name: str) -> str:
    """``"bao-cao_thanh_long-2021.pdf"`` -> ``"Bao cao thanh long 2021"``."""
    stem = Path(name).stem
    text = re.sub(r"[_\-.+]+", " ", stem)
    text = re.sub(r"(?<=[a-zà-ỹ])(?=[A-ZÀ-Ỹ])", " ", text)  # camelCase
    text = squash(text)
    if not text:
        return "Untitled document"
    if text.islower() or text.isupper():
        text = text.lower()
    return text[0].upper() + text[1:]


def _merge(primary: dict, fallback: dict) -> dict:
    """``primary`` completed with what only ``fallback`` has (one level into nested dicts)."""
    merged = dict(primary)
    for key, value in fallback.items():
        if key not in merged or merged[key] in (None, "", [], {}):
            merged[key] = value
        elif isinstance(value, dict) and isinstance(merged[key], dict):
            merged[key] = {**value, **{k: v for k, v in merged[key].items() if v not in (None, "")}}
    return merged


def _parse_patent_pages(
    path: Path, pages: list[str], notes: list[str], front_layout: str | None = None
) -> tuple[dict, Origins]:
    """A patent's fields read in the text layer's order and in the layout's column order (the
    second preferred, the first completing it), and where each field was read.
    ``front_layout`` is the front page in column order when the text layer was read with it."""
    from_pdfium, origins = fields_and_origins(parse_patent(pages))
    layout = front_layout if front_layout is not None else read_layout_page(path, 0)
    if not layout or len(re.sub(r"\s", "", layout)) < 0.7 * len(re.sub(r"\s", "", pages[0])):
        notes.append("Layout analysis of the front page failed; used the plain text order.")
        return from_pdfium, origins
    from_layout, layout_origins = fields_and_origins(parse_patent([layout, *pages[1:]]))
    merged = _merge(from_layout, from_pdfium)
    # the column order may have put a column's names into the abstract: of the two readings,
    # the abstract that reads as one (indexer.confidence.abstract_doubts)
    from indexer.confidence import abstract_doubts

    def inventors(parsed: dict) -> int:
        return sum(1 for person in parsed.get("people") or [] if person["role"] == "inventor")

    if inventors(from_pdfium) > inventors(from_layout):
        merged["people"] = from_pdfium["people"]  # the reading that kept the names together
    plain = from_pdfium.get("abstract")
    if plain and from_layout.get("abstract") and abstract_doubts(from_layout["abstract"]):
        if not abstract_doubts(plain):
            merged["abstract"] = plain
    return merged, {**origins, **layout_origins}


def _join_broken_words(parsed: dict, full_text: str, ocr_like: bool) -> None:
    """Titles and abstracts with the words broken at line ends joined again as the document
    writes them elsewhere (:mod:`indexer.hyphenation`); words split by a space only where the
    text may come from OCR (a page read by OCR, or a front page that is an image under text)."""
    from indexer.hyphenation import join_broken_words, vocabulary

    words = None
    for key in ("title", "title_en", "abstract", "abstract_en"):
        value = parsed.get(key)
        if isinstance(value, str) and (
            re.search(r"[A-Za-z]{2}- [A-Za-z]", value)
            or ocr_like
            and (re.search(r"\b(?:of|the)[a-z]{3}", value) or detect_language(value) == "en")
            and not _VIETNAMESE_ONLY.search(value[:400])
        ):
            if words is None:
                from indexer.hyphenation import MAX_DOCUMENT_CHARS

                words = vocabulary(full_text[:MAX_DOCUMENT_CHARS])
            parsed[key] = join_broken_words(value, full_text, words, split_words=ocr_like)


def _styled_front_page(path: Path, pages: list[str], quality: list[PageQuality]) -> list:
    """The lines of the first page with text, with their type (font size and weight), for the
    title; [] when that page's text was not read from the text layer (OCR has no type)."""
    for index, page in enumerate(pages[:3]):
        if sum(1 for line in page.split("\n") if line.strip()) >= 4:
            if index < len(quality) and quality[index].method == "ocr":
                return []
            return read_styled_lines(path, index)[0]
    return []


def _known_organisations(record: dict, notes: list[str]) -> None:
    """OCR misreads diacritics: a host organisation or parent agency that has the letters of an
    organisation the vocabulary knows is recorded as the vocabulary spells it, and a note says
    what was read. Text from a text layer keeps the document's own spelling."""
    for name in ("host_organisation", "parent_agency"):
        read = record.get(name)
        known = known_spelling(read, "organisations")
        if known and known != read:
            record[name] = known
            notes.append(f"{name}: OCR read {read!r}; recorded as the vocabulary spells it.")


def _apply_enrichment(record: dict, text: str, language: str, notes: list[str]) -> None:
    try:
        from indexer import nlp
    except ImportError:
        notes.append("NLP enrichment unavailable (indexer.nlp is not installed).")
        return
    # keywords are only suggested to a record that has none of its own
    result = nlp.enrich(text, language, keywords=not record.get("keywords"))
    entities = result.get("entities") or {}
    record["entities"] = {
        key: list(entities.get(key) or [])
        for key in ("organisations", "people", "places", "sectors", "technologies")
    }
    suggested = result.get("suggested") or {}
    if not record.get("sectors") and suggested.get("sectors"):
        record["sectors"] = list(suggested["sectors"])
    if not (record.get("place") or {}).get("district") and suggested.get("district"):
        record.setdefault("place", {})["district"] = suggested["district"]
    if not record.get("field_of_science") and suggested.get("field_of_science"):
        record["field_of_science"] = suggested["field_of_science"]
    if not record.get("keywords") and suggested.get("keywords"):
        record["keywords"] = list(suggested["keywords"])
    titles = result.get("people_titles") or {}
    for person in record.get("people", []):
        if not person.get("title") and titles.get(person["name"]):
            person["title"] = titles[person["name"]]


def _clean_for_schema(record: dict) -> dict:
    """Drop what the schema would reject rather than losing the whole record."""
    from schemas import vocabularies
    from schemas.records import application_number_office

    people = []
    for person in record.get("people", []):
        if person.get("name") and 2 <= len(person["name"]) <= 200:
            people.append({key: value for key, value in person.items() if key != "agent"})
    record["people"] = people
    for key, name in (("field_of_science", "fields_of_science"),):
        if record.get(key) and record[key] not in vocabularies.load(name):
            record[key] = None
    record["sectors"] = [
        key for key in record.get("sectors", []) if key in vocabularies.load("sectors")
    ]
    record["ipc_classes"] = [
        symbol
        for symbol in record.get("ipc_classes", [])
        if re.match(r"^[A-H]\d{2}[A-Z]( \d{1,4}/\d{2,6})?$", symbol)
    ]
    record.pop("agent", None)
    identifiers = record.get("identifiers") or {}
    number = identifiers.get("application_number")
    if number and application_number_office(number) is None:
        # not the form of any office the schema knows ("12/SS5,454": OCR's letters for digits)
        identifiers["application_number"] = None
        record.setdefault("_dropped", []).append(
            f"application number {number!r} is not in the form its office prints, not stored"
        )
    return record


def extract_document(
    path: str | Path,
    *,
    original_name: str | None = None,
    enrich: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ocr: bool = True,
    ocr_workers: int | None = None,
    ocr_pages: int | None = None,
) -> Extraction:
    """Read, classify, parse and (optionally) enrich one PDF; return a validated record draft.

    ``ocr=False`` leaves pages that need OCR unread (summary ``needs_ocr``); ``ocr_workers``
    caps the tesseract processes run at once (default: ``indexer.ocr.default_workers``);
    ``ocr_pages`` reads at most that many of the pages that need OCR, the first ones (the front
    matter: enough for the metadata), and leaves the others unread.
    Raises :class:`~indexer.errors.UnreadableDocument` when the file cannot be read at all.
    """
    path = Path(path)
    started = time.perf_counter()
    text = read_pdf(path, max_bytes=max_bytes)
    read_seconds = time.perf_counter() - started
    options = {"original_name": original_name or path.name, "enrich": enrich, "ocr": ocr,
               "ocr_workers": ocr_workers, "ocr_pages": ocr_pages}
    if text.repaired is None:
        return _extract_read(path, path, text, read_seconds, **options)
    # A truncated file PDFium read with a rebuilt trailer: the later stages (layout, type,
    # OCR) open the file again, so they get that repaired copy, not the file that ends early.
    with tempfile.TemporaryDirectory(prefix="indexer-") as scratch:
        readable = Path(scratch) / "repaired.pdf"
        readable.write_bytes(text.repaired)
        return _extract_read(path, readable, text, read_seconds, **options)


def _extract_read(
    path: Path, readable: Path, text: PdfText, read_seconds: float, *, original_name: str,
    enrich: bool, ocr: bool, ocr_workers: int | None, ocr_pages: int | None,
) -> Extraction:
    """:func:`extract_document` once the text layer is read; the stages that open the PDF
    again open ``readable`` (``path`` itself, or a truncated file's repaired copy)."""
    from schemas.records import complete_record

    timings: dict[str, float] = {}
    notes: list[str] = []

    started = time.perf_counter()
    digest = sha256_of(path)
    size = path.stat().st_size
    timings["text"] = read_seconds + time.perf_counter() - started
    notes.extend(text.warnings)

    started = time.perf_counter()
    pages = list(text.pages)
    page_quality = list(text.quality)
    unread = _read_by_ocr(
        readable, text, pages, page_quality, notes, ocr=ocr, workers=ocr_workers, limit=ocr_pages
    )
    timings["ocr"] = time.perf_counter() - started
    _note_conversions(page_quality, notes)

    started = time.perf_counter()
    full_text = "\n\f\n".join(pages)
    has_text = any(item.verdict != "empty" for item in page_quality)
    ocr_read = any(item.method == "ocr" for item in page_quality)
    text_method = "ocr" if ocr_read else "text_layer" if text.has_text_layer else "none"
    if not has_text:
        notes.append("No text could be read; the title was taken from the file name.")

    # the type's evidence, weighed once: for the type here and its confidence in _score_fields
    type_scores = document_type_scores(pages) if has_text else None
    document_type = (
        detect_document_type(pages, type_scores) if has_text else "research_document"
    )
    if document_type == "final_report":
        parsed, origins = fields_and_origins(parse_report(pages))
    elif document_type == "patent_document":
        parsed, origins = _parse_patent_pages(readable, pages, notes, text.front_layout)
    elif document_type == "research_document" and has_text:
        styled = _styled_front_page(readable, pages, page_quality)
        parsed, origins = fields_and_origins(parse_article(pages, styled))
    else:
        parsed, origins = fields_and_origins(parser_for(document_type)(pages) if has_text else {})
    language = detect_language(full_text) if has_text else "vi"
    if language == "en" and parsed.get("abstract_en") and (
        not parsed.get("abstract") or detect_language(parsed["abstract"]) == "vi"
    ):
        # an English document's own abstract is its abstract (a Vietnamese one printed beside
        # it stays in the full text)
        parsed["abstract"] = parsed.pop("abstract_en")

    _join_broken_words(parsed, full_text, ocr_read or text.front_image)
    if document_type == "patent_document":
        kind = parsed.pop("kind", "patent")
    else:
        kind = "research_result"
        parsed.pop("kind", None)

    title = parsed.get("title") or None
    if not title:
        title = title_from_filename(original_name)
        if has_text:
            notes.append("No title found in the text; the title was taken from the file name.")

    record: dict = {
        **parsed,
        "kind": kind,
        "document_type": document_type,
        "title": title,
        "language": language,
        "full_text": full_text,
        "files": [
            {
                "sha256": digest,
                "original_name": original_name,
                "size": size,
                "pages": text.page_count,
                "text_method": text_method,
            }
        ],
        "provenance": {
            "extracted_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "source_file": original_name,
            "extractor": f"indexer {indexer.__version__}",
            "notes": [],
        },
    }
    if document_type == "patent_document":
        record.setdefault("ip_status", _ip_status(record))
    if text_method == "ocr":
        _known_organisations(record, notes)
    timings["parse"] = time.perf_counter() - started

    started = time.perf_counter()
    if enrich and has_text:
        _apply_enrichment(record, full_text, language, notes)
    timings["nlp"] = time.perf_counter() - started

    record = _clean_for_schema(record)
    notes.extend(record.pop("_dropped", []))
    record["quality"] = quality_block(page_quality, unread, has_text)
    _score_fields(record, pages, document_type, origins, type_scores)
    summary = record["quality"]["summary"]
    if summary == "needs_review":
        notes.append("Needs review: " + "; ".join(record["quality"]["review_reasons"]) + ".")
    record["provenance"]["notes"] = list(notes)
    # A fixed point of validate_record (stable when stored and reloaded), defaults filled inside
    # the nested blocks too, in one load rather than two.
    record = complete_record(record)
    return Extraction(
        record=record,
        sha256=digest,
        page_count=text.page_count,
        text_method=text_method,
        quality=summary,
        warnings=notes,
        timings=timings,
    )


def warm_up() -> None:
    """Load spaCy and the vocabularies once per worker process, not once per document."""
    from indexer import nlp

    nlp.enrich("khởi động", "vi")


def extract_or_reason(path: str, original_name: str, ocr_workers: int | None = None) -> tuple:
    """:func:`extract_document` for a worker process, which must answer for every file:
    ``("ok", extraction)``, or ``("unreadable", reason, message)`` when the file cannot be read
    (:class:`~indexer.errors.UnreadableDocument`) or reading it failed in any other way."""
    from indexer.errors import UnreadableDocument

    try:
        extraction = extract_document(path, original_name=original_name, ocr_workers=ocr_workers)
        return ("ok", extraction)
    except UnreadableDocument as error:
        return ("unreadable", error.reason, str(error))
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
        return ("unreadable", "extraction_error", f"{type(error).__name__}: {error}")


def _read_by_ocr(
    path: Path,
    text: PdfText,
    pages: list[str],
    page_quality: list[PageQuality],
    notes: list[str],
    *,
    ocr: bool,
    workers: int | None,
    limit: int | None = None,
) -> list[int]:
    """OCR the pages that need it (the first ``limit`` of them), in place; return the 0-based
    pages left unread."""
    wanted = text.ocr_candidates
    if not wanted:
        return []
    if limit is not None and len(wanted) > limit:
        skipped = wanted[limit:]
        notes.append(f"OCR limited to {limit} page(s): page(s) {_page_list(skipped)} not read.")
        return _ocr_pages(path, wanted[:limit], pages, page_quality, notes, ocr, workers) + skipped
    return _ocr_pages(path, wanted, pages, page_quality, notes, ocr, workers)


def _ocr_pages(
    path: Path,
    wanted: list[int],
    pages: list[str],
    page_quality: list[PageQuality],
    notes: list[str],
    ocr: bool,
    workers: int | None,
) -> list[int]:
    listed = _page_list(wanted)
    if not ocr:
        notes.append(f"OCR was not run: page(s) {listed} need OCR.")
        return wanted
    from indexer import ocr as tesseract

    available, message = tesseract.ocr_status()
    if not available:
        notes.append(f"{message} Page(s) {listed} need OCR; the document is kept as needs_ocr.")
        return wanted
    try:
        results = tesseract.ocr_pages(path, wanted, workers=workers)
        results = _english_pages_again(tesseract, path, results, workers)
    except MemoryError:
        raise  # the worker's memory limit: the caller sets the document aside
    except Exception as error:  # noqa: BLE001 - OCR trouble must not lose the document
        notes.append(f"OCR failed ({type(error).__name__}: {error}); page(s) {listed} need OCR.")
        return wanted
    unread = []
    for result in results:
        if result.error:
            notes.append(f"OCR of page {result.index + 1} failed: {result.error}.")
            unread.append(result.index)
            continue
        if result.dpi < tesseract.DPI:
            notes.append(f"Page {result.index + 1} is too large to render at {tesseract.DPI} dpi "
                         f"for OCR; it was read at {result.dpi} dpi.")
        result.text = _english_letters(result.text)
        verdict = assess_page(result.text)
        before = page_quality[result.index]
        signals = {**verdict.signals, "layer_verdict": before.verdict}
        if verdict.reasons and verdict.verdict == "garbled":
            signals["reasons"] = list(verdict.reasons)
        pages[result.index] = result.text
        page_quality[result.index] = PageQuality(
            before.page, verdict.verdict, "ocr", signals, result.confidence
        )
    read = [item for item in page_quality if item.method == "ocr"]
    if read:
        confidences = [item.ocr_confidence for item in read if item.ocr_confidence is not None]
        mean = f", mean confidence {sum(confidences) / len(confidences):.0f}" if confidences else ""
        notes.append(f"{len(read)} page(s) read by OCR ({_page_list([i.page - 1 for i in read])}"
                     f"{mean}).")
    return unread


def _english_pages_again(tesseract, path: Path, results: list, workers: int | None) -> list:
    """Pages the Vietnamese model read as English text read again with the English model,
    kept where Tesseract is surer of them ("dafa", "Jnvenfors", "đisclosure" are the Vietnamese
    model's readings of English words)."""
    models = tesseract.languages()
    installed = tesseract._installed()[1]
    english = [
        result.index
        for result in results
        if not result.error and result.text and detect_language(result.text) == "en"
    ]
    if not english or models == ("eng",) or "eng" not in installed:
        return results
    try:
        again = {page.index: page for page in tesseract.ocr_pages(
            path, english, workers=workers, models=("eng",)
        )}
    except Exception:  # noqa: BLE001 - the first reading stands
        return results
    better = []
    for result in results:
        other = again.get(result.index)
        if other and not other.error and (other.confidence or 0) > (result.confidence or 0):
            better.append(other)
        else:
            better.append(result)
    return better


_VIETNAMESE_ONLY = re.compile(r"[đĐ¡]|[^\W\d_a-zA-Z]")


def _english_letters(text: str) -> str:
    """An English page OCR'd with the Vietnamese model without the marks that model adds to
    English words ("đisclosure", "¡s"): a letter with a Vietnamese diacritic inside an
    English word is the plain letter. Vietnamese pages come back as they are."""
    if not _VIETNAMESE_ONLY.search(text) or detect_language(text) != "en":
        return text
    import unicodedata

    def plain(match: re.Match) -> str:
        word = match.group(0).replace("đ", "d").replace("Đ", "D").replace("¡", "i")
        decomposed = unicodedata.normalize("NFD", word)
        return "".join(char for char in decomposed if not unicodedata.combining(char))

    return re.sub(r"[\w¡]+", plain, text)


def _note_conversions(page_quality: list[PageQuality], notes: list[str]) -> None:
    for method, label in (("legacy_tcvn3", "TCVN3 (ABC)"), ("legacy_vni", "VNI")):
        converted = [item.page - 1 for item in page_quality if item.method == method]
        if converted:
            notes.append(
                f"Page(s) {_page_list(converted)} were typed in the legacy {label} font "
                "encoding and converted to Unicode."
            )
    repaired = [item.page - 1 for item in page_quality if item.method == "repaired"]
    if repaired:
        notes.append(f"Split or misplaced diacritics repaired on page(s) {_page_list(repaired)}.")


def _page_list(indices: list[int]) -> str:
    """0-based page indices as 1-based ranges: ``[0, 1, 2, 5]`` -> ``"1-3, 6"``."""
    ranges: list[list[int]] = []
    for number in sorted(index + 1 for index in indices):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def quality_block(page_quality: list[PageQuality], unread: list[int], has_text: bool) -> dict:
    """The record's ``quality`` block from the page verdicts (field confidences come later)."""
    methods = {item.method for item in page_quality}
    reasons: list[str] = []
    read = [
        item for item in page_quality
        if item.method == "ocr" and item.ocr_confidence is not None
    ]
    # the document's OCR confidence: the pages' means weighted by their words (a page holding a
    # photograph and three words does not outweigh twenty pages of text)
    weights = [max(1, int(item.signals.get("words") or 0)) for item in read]
    mean = sum(item.ocr_confidence * w for item, w in zip(read, weights, strict=True)) / (
        sum(weights) or 1
    )
    if read and mean < MIN_OCR_CONFIDENCE:
        low = [item.page - 1 for item in read if item.ocr_confidence < MIN_OCR_CONFIDENCE]
        reasons.append(
            f"OCR confidence {mean:.0f}, under {MIN_OCR_CONFIDENCE:.0f}"
            + (f" (lowest on page(s) {_page_list(low)})" if low else "")
        )
    if not has_text and not unread:
        reasons.append("no text could be read from the document")
    if unread:
        summary = "needs_ocr"
    elif reasons:
        summary = "needs_review"
    elif "ocr" in methods:
        summary = "ocr"
    elif methods & {"legacy_tcvn3", "legacy_vni"}:
        summary = "legacy_converted"
    elif "repaired" in methods:
        summary = "repaired"
    else:
        summary = "clean"
    return {
        "summary": summary,
        "pages": [item.as_dict() for item in page_quality],
        "field_confidence": {},
        "needs_review": bool(reasons),
        "review_reasons": reasons,
    }


def _score_fields(
    record: dict,
    pages: list[str],
    document_type: str,
    origins: Origins,
    type_scores: dict[str, int] | None = None,
) -> None:
    """Field confidences from ``indexer.confidence`` (when that module exists), and the review
    flag they raise: any field under the threshold marks the record for review. ``origins``
    says where the parser read each field; ``type_scores`` the document type's evidence."""
    if importlib.util.find_spec("indexer.confidence") is None:
        return
    from indexer import confidence

    scores, reasons = confidence.score_fields(
        record, pages, document_type, origins, type_scores
    )
    threshold = getattr(confidence, "REVIEW_THRESHOLD", FIELD_REVIEW_THRESHOLD)
    quality = record["quality"]
    quality["field_confidence"] = {key: float(value) for key, value in scores.items()}
    weak = sorted(key for key, value in scores.items() if value < threshold)
    new_reasons = list(reasons)
    if weak and not any(any(key in reason for key in weak) for reason in new_reasons):
        new_reasons.append(f"low confidence in: {', '.join(weak)}")
    if new_reasons:
        quality["review_reasons"] = [*quality["review_reasons"], *new_reasons]
    if weak or new_reasons:
        quality["needs_review"] = True
        if quality["summary"] != "needs_ocr":
            quality["summary"] = "needs_review"


def _ip_status(record: dict) -> str:
    """The IP state a patent document shows: granted when it has a grant, else filed/published."""
    from schemas import vocabularies

    try:
        statuses = vocabularies.load("ip_statuses")
    except KeyError:
        return "none"
    dates = record.get("dates") or {}
    identifiers = record.get("identifiers") or {}
    for status, present in (
        ("granted", dates.get("granted") or identifiers.get("patent_number")),
        ("published", dates.get("published")),
        ("filed", dates.get("filed") or identifiers.get("application_number")),
    ):
        if present and status in statuses:
            return status
    return "none"


def describe(extraction: Extraction) -> str:
    """One line for logs: type, title, quality and timings."""
    record = extraction.record
    spent = ", ".join(
        f"{stage} {seconds * 1000:.0f} ms" for stage, seconds in extraction.timings.items()
    )
    return (
        f"{record['document_type']} {record['title'][:60]!r} "
        f"{extraction.page_count} p, {extraction.quality} ({spent})"
    )
