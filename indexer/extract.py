"""One PDF in, one validated record draft out.

``extract_document`` chains the stages and times each of them:

1. **text**: :func:`indexer.pdf_text.read_pdf` (pypdfium2, every page). An unreadable file
   raises :class:`~indexer.errors.UnreadableDocument`, which the caller quarantines.
2. **parse**: :func:`indexer.detect.detect_document_type`, then the report or patent parser.
   For a patent, the front page is re-read with pdfminer's layout analysis
   (:func:`indexer.pdf_text.read_layout_page`) so that two columns never interleave; what the
   layout text does not yield is still taken from PDFium's text.
3. **nlp**: ``indexer.nlp.enrich`` finds entities and *suggests* sectors, district, field of
   science and keywords; suggestions fill only what the parser did not find.

A PDF without a text layer (a scan) still gives a valid record: title from the file name,
``text_method`` "none" and ``quality`` "needs_ocr", so that staff can see it and OCR it later.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import indexer
from indexer.detect import detect_document_type, detect_language
from indexer.labels import squash
from indexer.parse_patent import parse_patent
from indexer.parse_report import parse_report
from indexer.pdf_text import DEFAULT_MAX_BYTES, read_layout_page, read_pdf

# Share of pages that must carry a text layer for the document to count as born-digital.
MIN_TEXT_LAYER_SHARE = 0.5
# Characters typical of Vietnamese text typed in the legacy TCVN3 / VNI font encodings, which
# come out of a PDF as Latin-1 junk ("B¸o c¸o tæng hîp", "Nghiªn cøu"): the text needs OCR.
# Signs that real text uses (° ± ² ³ µ « » ©) are not counted.
_LEGACY_ENCODING = re.compile(r"[¡¢£¤¥¦§¨ª¬®¯´¶·¸¹º¼½¾]")


@dataclass
class Extraction:
    record: dict
    sha256: str
    page_count: int
    text_method: str  # "text_layer" | "none"
    quality: str  # "clean" | "needs_ocr"
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


def _legacy_encoding_share(text: str) -> float:
    letters = sum(1 for char in text if char.isalpha())
    if not letters:
        return 0.0
    return len(_LEGACY_ENCODING.findall(text)) / letters


def _merge(primary: dict, fallback: dict) -> dict:
    """``primary`` completed with what only ``fallback`` has (one level into nested dicts)."""
    merged = dict(primary)
    for key, value in fallback.items():
        if key not in merged or merged[key] in (None, "", [], {}):
            merged[key] = value
        elif isinstance(value, dict) and isinstance(merged[key], dict):
            merged[key] = {**value, **{k: v for k, v in merged[key].items() if v not in (None, "")}}
    return merged


def _parse_patent_pages(path: Path, pages: list[str], notes: list[str]) -> dict:
    from_pdfium = parse_patent(pages)
    layout = read_layout_page(path, 0)
    if not layout or len(re.sub(r"\s", "", layout)) < 0.7 * len(re.sub(r"\s", "", pages[0])):
        notes.append("Layout analysis of the front page failed; used the plain text order.")
        return from_pdfium
    from_layout = parse_patent([layout, *pages[1:]])
    return _merge(from_layout, from_pdfium)


def _apply_enrichment(record: dict, text: str, language: str, notes: list[str]) -> None:
    try:
        from indexer import nlp
    except ImportError:
        notes.append("NLP enrichment unavailable (indexer.nlp is not installed).")
        return
    result = nlp.enrich(text, language)
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
    return record


def extract_document(
    path: str | Path,
    *,
    original_name: str | None = None,
    enrich: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Extraction:
    """Read, classify, parse and (optionally) enrich one PDF; return a validated record draft.

    Raises :class:`~indexer.errors.UnreadableDocument` when the file cannot be read at all.
    """
    from schemas.records import validate_record

    path = Path(path)
    original_name = original_name or path.name
    timings: dict[str, float] = {}
    notes: list[str] = []

    started = time.perf_counter()
    text = read_pdf(path, max_bytes=max_bytes)
    digest = sha256_of(path)
    size = path.stat().st_size
    timings["text"] = time.perf_counter() - started
    notes.extend(text.warnings)

    started = time.perf_counter()
    pages = text.pages
    full_text = "\n\f\n".join(pages)
    has_text = text.text_layer_pages > 0
    legacy = _legacy_encoding_share(full_text) if has_text else 0.0
    if legacy > 0.02:
        notes.append(
            "The text layer looks like a legacy Vietnamese font encoding (TCVN3/VNI); "
            "the text needs OCR."
        )
    share = text.text_layer_pages / text.page_count if text.page_count else 0.0
    quality = (
        "clean" if has_text and share >= MIN_TEXT_LAYER_SHARE and legacy <= 0.02 else "needs_ocr"
    )
    if has_text and share < MIN_TEXT_LAYER_SHARE:
        notes.append(
            f"Only {text.text_layer_pages} of {text.page_count} pages have a text layer; "
            "the rest need OCR."
        )
    if not has_text:
        notes.append("No text layer: the PDF is a scan; the title was taken from the file name.")

    document_type = detect_document_type(pages) if has_text else "research_document"
    if document_type == "final_report":
        parsed = parse_report(pages)
    elif document_type == "patent_document":
        parsed = _parse_patent_pages(path, pages, notes)
    else:
        parsed = parse_report(pages) if has_text else {}
    language = detect_language(full_text) if has_text else "vi"
    if language == "en" and not parsed.get("abstract") and parsed.get("abstract_en"):
        parsed["abstract"] = parsed.pop("abstract_en")  # an English report's own abstract

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
                "text_method": "text_layer" if has_text else "none",
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
    timings["parse"] = time.perf_counter() - started

    started = time.perf_counter()
    if enrich and has_text and quality == "clean":
        _apply_enrichment(record, full_text, language, notes)
    timings["nlp"] = time.perf_counter() - started

    record["provenance"]["notes"] = list(notes)
    # Twice: the second pass fills the defaults inside the nested dicts the first pass created,
    # so the record is a fixed point of validate_record (stable when stored and reloaded).
    record = validate_record(validate_record(_clean_for_schema(record)))
    return Extraction(
        record=record,
        sha256=digest,
        page_count=text.page_count,
        text_method="text_layer" if has_text else "none",
        quality=quality,
        warnings=notes,
        timings=timings,
    )


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
