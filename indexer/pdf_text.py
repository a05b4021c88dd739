"""Text out of PDF files, and the reasons a PDF cannot be read.

Two engines, each for what it does best:

* **pypdfium2** (PDFium, the engine of Chrome) reads the text layer of every page. It is fast
  (several hundred pages a second), tolerant of sloppy files, and its errors tell a password
  apart from a broken file. It returns each page's text in content order, one printed line per
  line, which is right for single-column pages (report covers, statistical sheets, body text).
  Its weakness: on a *two-column* page it may join the left and right column of the same height
  into one line, so the two columns come out interleaved. Where reading order matters (the
  front page of a patent document, see ``indexer.extract``) :func:`read_layout_page` reads the
  page again from PDFium's character boxes: characters grouped into text lines by pdfminer's
  rule, the lines put in column order here. That costs a few milliseconds a page.
* **pdfminer.six** runs its own layout analysis (``LAParams``). It read the two-column pages
  first, but it is about 100 times slower than PDFium (it parses the content stream in Python),
  and on every patent front page of ``corpus_samples`` it finds the same lines as PDFium's boxes
  grouped by its rule, spacing aside (pdfminer doubles a space where the file has one). It now
  reads only the pages whose PDFium boxes :func:`read_layout_page` does not trust (a rotated
  page, a character PDFium cannot place), and its independent parser tells an empty page tree
  from a damaged file when PDFium refuses one.

Every text that leaves this module is normalised the same way (:func:`normalise_text`): Unicode
NFC (Vietnamese diacritics precomposed, whatever the PDF producer did), ``\\n`` line ends,
PDFium's hyphenation marker turned back into a printed hyphen and line break, form feeds,
non-breaking and zero-width characters, ligatures and stray control characters cleaned.

Then every page is judged and, where it can be, made right (:func:`trust_pages`): a page typed
in a legacy Vietnamese font encoding (TCVN3, VNI) is converted to Unicode, diacritics split or
misplaced by the producer are repaired (``indexer.text_quality``), and each page gets a
:class:`PageQuality` (verdict ``clean``/``garbled``/``empty``, the method its text came from, the
measurements behind the verdict). Pages still empty or garbled are what OCR is for
(``indexer.ocr``, run by ``indexer.extract``); :attr:`PdfText.ocr_candidates` lists them.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from indexer.errors import UnreadableDocument
from indexer.legacy_encodings import detect_legacy, legacy_words, to_unicode
from indexer.pdf_repair import lost_objects, with_trailer
from indexer.text_quality import assess_page, is_syllable, layer_doubts, repair_text

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
# A page counts as having a text layer when it carries at least this many letters or digits;
# scanned pages often carry a stamped page number or a producer's footer and nothing else.
MIN_TEXT_LAYER_CHARS = 20

_HEAD_BYTES = 1024  # the PDF signature may be preceded by junk within the first kilobyte
_TAIL_BYTES = 2048  # "%%EOF" must sit at the end; allow trailing padding

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_SOFT_HYPHEN = "\u00ad"  # invisible in Unicode text, but the letter "ư" of TCVN3 fonts
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ALNUM = re.compile(r"[^\W_]")
_TRAILING_SPACE = re.compile(r"[ ]+\n")


@dataclass
class PageQuality:
    """How one page's text was obtained and how far it can be trusted (the record's
    ``quality.pages`` items, see ``schemas.records.PageQualitySchema``)."""

    page: int  # 1-based
    verdict: str  # "clean" | "garbled" | "empty"
    method: str  # "text_layer" | "repaired" | "legacy_tcvn3" | "legacy_vni" | "ocr" | "none"
    signals: dict = field(default_factory=dict)
    ocr_confidence: float | None = None

    def as_dict(self) -> dict:
        return {
            "page": self.page,
            "verdict": self.verdict,
            "method": self.method,
            "ocr_confidence": self.ocr_confidence,
            "signals": dict(self.signals),
        }


@dataclass
class PdfText:
    """The text layer of a PDF, page by page (normalised, see :func:`normalise_text`)."""

    pages: list[str]
    page_count: int
    text_layer_pages: int  # pages with a usable text layer (MIN_TEXT_LAYER_CHARS)
    engine: str = "pypdfium2"
    warnings: list[str] = field(default_factory=list)
    quality: list[PageQuality] = field(default_factory=list)  # one per page, when assessed
    image_pages: set[int] = field(default_factory=set)  # 0-based pages without text but images
    # the first page holds text over an image: a scan with an OCR layer, or a cover with a logo
    front_image: bool = False
    # read_layout_page(path, 0), read with the text layer from the page already loaded, for a
    # front page that prints patent codes; None when it was not (read_layout_page reads it)
    front_layout: str | None = None
    # the bytes PDFium read when they are not the file's own (a truncated file with a rebuilt
    # trailer): later readers of the document (layout, OCR) must open these
    repaired: bytes | None = None

    @property
    def has_text_layer(self) -> bool:
        return self.text_layer_pages > 0

    @property
    def ocr_candidates(self) -> list[int]:
        """0-based pages whose text cannot be used: garbled, or empty with an image on them."""
        return [
            item.page - 1
            for item in self.quality
            if item.verdict == "garbled"
            or (item.verdict == "empty" and item.page - 1 in self.image_pages)
        ]


def normalise_text(text: str, keep_soft_hyphens: bool = False) -> str:
    """NFC, ``\\n`` line ends, hyphenation markers, odd spaces and control characters fixed.

    Soft hyphens (U+00AD) are dropped unless ``keep_soft_hyphens``: in a TCVN3-encoded text
    layer they are the letter "ư" and must survive until the text is converted.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # PDFium drops the line break after a hyphenated word and puts a marker instead
    # (U+FFFE in current PDFium, U+0002 in older builds): restore what was printed.
    text = text.replace("\ufffe", "-\n").replace("\x02", "-\n")
    text = text.replace("\x0c", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    if not keep_soft_hyphens:
        text = text.replace(_SOFT_HYPHEN, "")
    text = _CONTROL.sub("", text)
    if "ƣ" in text or "Ƣ" in text:
        # fonts that map the horned U to Latin OI (U+01A2/3), a letter Vietnamese never uses
        text = text.replace("ƣ", "ư").replace("Ƣ", "Ư")
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return text.strip("\n ")


def _has_text_layer(text: str) -> bool:
    for count, _ in enumerate(_ALNUM.finditer(text), start=1):
        if count >= MIN_TEXT_LAYER_CHARS:
            return True
    return False


def _head_and_tail(path: Path, size: int) -> tuple[bytes, bytes]:
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
        handle.seek(max(0, size - _TAIL_BYTES))
        tail = handle.read()
    return head, tail


def _is_truncated(tail: bytes) -> bool:
    return b"%%EOF" not in tail.rstrip(b"\x00\r\n\t\f ")[-_TAIL_BYTES:]


def _pdfminer_page_count(path: Path | io.BytesIO) -> int | None:
    """Page count by pdfminer's independent parser, or None when it cannot parse the file."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        with warnings.catch_warnings(), _binary(path) as handle:
            warnings.simplefilter("ignore")
            return sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(handle))))
    except Exception:  # noqa: BLE001 - any parser failure means "cannot tell"
        return None


@contextmanager
def _binary(source: Path | io.BytesIO):
    """``source`` open for reading from its start: the file, or the bytes PDFium read."""
    if isinstance(source, io.BytesIO):
        source.seek(0)
        yield source
    else:
        with source.open("rb") as handle:
            yield handle


def _mentions_encryption(path: Path, size: int) -> bool:
    """Whether the trailer (or the xref stream) names an /Encrypt dictionary."""
    window = 256 * 1024
    with path.open("rb") as handle:
        head = handle.read(window)
        handle.seek(max(0, size - window))
        tail = handle.read()
    return b"/Encrypt" in head or b"/Encrypt" in tail


def _classify_load_failure(path: Path, error: Exception) -> UnreadableDocument:
    import pypdfium2.raw as pdfium_c

    code = getattr(error, "err_code", None)
    detail = f"PDFium: {error}"
    # PDFium's last-error code is not reset by every failure (an empty page tree leaves the
    # previous file's code in place): believe "password" only when the file is encrypted.
    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and _mentions_encryption(
        path, path.stat().st_size
    ):
        return UnreadableDocument("encrypted", detail, str(path))
    # PDFium refuses a document whose page tree is empty (reporting "success"); ask pdfminer.
    if _pdfminer_page_count(path) == 0:
        return UnreadableDocument("no_pages", detail, str(path))
    return UnreadableDocument("damaged", detail, str(path))


def read_pdf(
    path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, *, assess: bool = True
) -> PdfText:
    """Read the text layer of every page with pypdfium2 and judge it (:func:`trust_pages`).

    Raises :class:`~indexer.errors.UnreadableDocument` with reason ``too_large`` (bigger than
    ``max_bytes``), ``not_pdf`` (no ``%PDF-`` signature in the first kilobyte), ``truncated``
    (the file ends early and a page lies in the lost part, see below), ``encrypted`` (a user
    password is needed), ``no_pages``, ``page_tree_loop`` (a node of the page tree lists its
    own ancestor, so PDFium would read pages twice) or ``damaged``. A missing file raises
    ``FileNotFoundError`` as usual.

    A truncated file (no ``%%EOF`` at the end: an interrupted download) is read when every
    object its pages need is whole (:func:`indexer.pdf_repair.lost_objects`): PDFium opens it,
    with a rebuilt trailer where the old one was lost, and a warning says "the file is
    truncated; all N pages were read". ``PdfText.repaired`` then holds the bytes PDFium read,
    for whoever opens the file again.

    A scanned PDF is *readable*: its pages come back empty and ``text_layer_pages`` is 0.
    With ``assess`` (the default) legacy-encoded pages come back converted, diacritics repaired,
    and ``quality`` holds each page's verdict; without it, pages are only normalised.
    """
    import pypdfium2 as pdfium

    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableDocument("too_large", f"{size} bytes, limit {max_bytes} bytes", str(path))
    head, tail = _head_and_tail(path, size)
    if b"%PDF-" not in head:
        raise UnreadableDocument("not_pdf", f"first bytes: {head[:16]!r}", str(path))
    repaired: bytes | None = None
    if _is_truncated(tail):
        document, repaired = _open_truncated(path)
    else:
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as error:
            raise _classify_load_failure(path, error) from error
    source = io.BytesIO(repaired) if repaired is not None else path
    try:
        page_count = len(document)
        if page_count == 0:
            raise UnreadableDocument("no_pages", "the page tree is empty", str(path))
        pages, image_pages, front_image, front_layout, notes, failures = _read_pages(
            document, source, assess
        )
    finally:
        document.close()
    if (failures or len(set(pages)) < len(pages)) and _page_tree_loops(source):
        raise UnreadableDocument(
            "page_tree_loop", "a Pages node lists one of its ancestors among its kids", str(path)
        )
    page_count = _without_missing_tail(pages, failures, notes, source)
    failed = len(failures)
    notes[:0] = [f"Page {index + 1} could not be read ({error})." for index, error in failures]
    if failed == page_count:
        raise UnreadableDocument("damaged", "no page could be loaded", str(path))
    if repaired is not None:
        if failed:
            raise UnreadableDocument("truncated", f"{failed} page(s) could not be read", str(path))
        notes.append(f"The file is truncated (it ends before its end-of-file marker); all "
                     f"{page_count} pages were read.")

    quality: list[PageQuality] = []
    if assess:
        pages, quality = trust_pages(pages)
    text_layer_pages = sum(1 for text in pages if _has_text_layer(text))
    return PdfText(
        pages=pages,
        page_count=page_count,
        text_layer_pages=text_layer_pages,
        engine="pypdfium2",
        warnings=notes,
        quality=quality,
        image_pages=image_pages,
        front_image=front_image,
        front_layout=front_layout,
        repaired=repaired,
    )


def _open_truncated(path: Path):
    """PDFium's document for a truncated file and the bytes it reads (the file, with a new
    trailer where it lost its own), or ``truncated`` when a page needs what was cut off."""
    import pypdfium2 as pdfium

    data = path.read_bytes()
    lost = lost_objects(data)
    if lost:
        listed = ", ".join(str(number) for number in lost[:10])
        raise UnreadableDocument(
            "truncated", f"no %%EOF marker; object(s) {listed} the file refers to are cut off",
            str(path),
        )
    for candidate in (data, with_trailer(data)):
        if candidate is not None:
            try:
                return pdfium.PdfDocument(candidate), candidate
            except pdfium.PdfiumError:
                continue
    raise UnreadableDocument(
        "truncated", "no %%EOF marker, and PDFium cannot open it with a rebuilt trailer", str(path)
    )


def _read_pages(document, source, assess: bool):
    """Every page's normalised text; the pages without text but with an image; whether the
    front page has an image; warnings; how many pages could not be loaded."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    notes: list[str] = []
    pages: list[str] = []
    image_pages: set[int] = set()
    front_image = False
    front_layout = None
    failures: list[tuple[int, str]] = []
    for index in range(len(document)):
        try:
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    raw = textpage.get_text_range()
                    if index == 0 and len(set(_PATENT_CODE.findall(raw))) >= 3:
                        # a patent's front page is read again in column order: from this page
                        # and its characters now, not from the file again
                        front_layout = _loaded_page_layout(page, textpage)
                finally:
                    textpage.close()
                if _repeats_itself(raw) and _forms_nest_too_deep(page.raw, pdfium_c):
                    raw = _pdfminer_page_text(source, index)
                    notes.append(f"Page {index + 1} draws a form that draws itself (a loop); "
                                 "its text was read once per form, by pdfminer.")
                text = normalise_text(raw, keep_soft_hyphens=assess)
                # only a page without text is looked at for images (what OCR could read)
                if not _has_text_layer(text) and _has_image(page, pdfium_c):
                    image_pages.add(index)
                elif index == 0:
                    front_image = _has_image(page, pdfium_c)
            finally:
                page.close()
        except pdfium.PdfiumError as error:
            failures.append((index, str(error)))
            text = ""
        pages.append(text)
    return pages, image_pages, front_image, front_layout, notes, failures


def _without_missing_tail(pages: list[str], failures: list, notes: list[str], source) -> int:
    """The page count once pages the page tree only claims are dropped: a ``/Count`` larger
    than the pages under it makes PDFium offer pages that do not exist (they all fail to load,
    at the end). When pdfminer finds exactly the pages that loaded, the failed tail goes, with
    a note; ``pages`` and ``failures`` are cut in place."""
    if not failures or failures[0][0] + len(failures) != len(pages):
        return len(pages)
    found = failures[0][0]
    if found == 0 or _pdfminer_page_count(source) != found:
        return len(pages)
    notes.append(f"The page tree declares {len(pages)} pages but holds only {found}; "
                 "those were read.")
    del pages[found:]
    failures.clear()
    return found


# Forms nested deeper than this are a loop (form A draws B draws A): PDFium follows it to its
# own nesting limit, printing the forms' text once per level. No real document nests so deep.
MAX_FORM_NESTING = 12


def _repeats_itself(text: str, times: int = 8) -> bool:
    """Whether some line of the page starts with a phrase the page repeats ``times`` times: the
    cheap sign of a form loop, checked before walking the page's objects."""
    for line in text.splitlines():
        probe = line.strip()[:24]
        if len(probe) >= 12 and text.count(probe) >= times:
            return True
    return False


def _forms_nest_too_deep(page, pdfium_c) -> bool:
    """Whether form XObjects on the page nest :data:`MAX_FORM_NESTING` levels deep."""
    pending = [(page, 0)]
    while pending:
        container, level = pending.pop()
        on_page = level == 0
        count = (pdfium_c.FPDFPage_CountObjects if on_page else pdfium_c.FPDFFormObj_CountObjects)
        get = pdfium_c.FPDFPage_GetObject if on_page else pdfium_c.FPDFFormObj_GetObject
        for index in range(count(container)):
            item = get(container, index)
            if pdfium_c.FPDFPageObj_GetType(item) == pdfium_c.FPDF_PAGEOBJ_FORM:
                if level + 1 >= MAX_FORM_NESTING:
                    return True
                pending.append((item, level + 1))
    return False


def _pdfminer_page_text(source, page_index: int) -> str:
    """The page's text by pdfminer, which refuses to draw a form inside itself; "" when it
    cannot read the page."""
    from pdfminer.high_level import extract_text

    try:
        with warnings.catch_warnings(), _binary(source) as handle:
            warnings.simplefilter("ignore")
            return extract_text(handle, page_numbers=[page_index])
    except Exception:  # noqa: BLE001 - pdfminer raises many unrelated types on odd files
        return ""


def _page_tree_loops(source) -> bool:
    """Whether a node of the page tree lists one of its ancestors among its kids, by
    pdfminer's parser (PDFium follows such a loop and reads the same pages again). False when
    pdfminer cannot parse the file: it then cannot tell."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    try:
        with warnings.catch_warnings(), _binary(source) as handle:
            warnings.simplefilter("ignore")
            document = PDFDocument(PDFParser(handle))
            return _loops_below(document.catalog.get("Pages"), frozenset(), set())
    except Exception:  # noqa: BLE001 - any parser failure means "cannot tell"
        return False


def _loops_below(reference, ancestors: frozenset, cleared: set) -> bool:
    """Whether the page-tree node ``reference`` (or a node below it) has an ancestor as kid.
    ``cleared`` holds nodes already walked without a loop (a node shared by several parents
    is walked once)."""
    from pdfminer.pdftypes import PDFObjRef

    if not isinstance(reference, PDFObjRef):
        return False
    if reference.objid in ancestors:
        return True
    if reference.objid in cleared or len(ancestors) > 256:
        return False
    node = _resolved(reference)
    kids = _resolved(node.get("Kids")) if isinstance(node, dict) else None
    inner = ancestors | {reference.objid}
    if isinstance(kids, list) and any(_loops_below(kid, inner, cleared) for kid in kids):
        return True
    cleared.add(reference.objid)
    return False


def _resolved(value, hops: int = 32):
    """pdfminer's ``resolve1`` with a bound: a chain of references that points back to itself
    would make that loop for ever."""
    from pdfminer.pdftypes import PDFObjRef

    while isinstance(value, PDFObjRef) and hops:
        value = value.resolve(default=None)
        hops -= 1
    return None if isinstance(value, PDFObjRef) else value


def _has_image(page, pdfium_c) -> bool:
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        return True
    return False


def trust_pages(pages: list[str]) -> tuple[list[str], list[PageQuality]]:
    """Each page's text made as right as it can be without OCR, and its :class:`PageQuality`.

    1. The page is assessed (``indexer.text_quality.assess_page``).
    2. A garbled page is tried as a legacy font encoding (``detect_legacy``); when one fits it
       is converted (method ``legacy_tcvn3`` / ``legacy_vni``). Once one page of a document is
       found in an encoding, the document's other pages holding Latin-1 letters are converted
       too when that makes more of their words Vietnamese (a short page, a few names).
    3. Diacritics are repaired (``repair_text``): a page whose marks were split or misplaced is
       ``repaired``; putting open "oa/oe/uy" syllables in the traditional place alone is not a
       repair (it is counted in ``signals["tone_style"]``).
    4. The final text is assessed again when it changed: that verdict is the page's.

    A clean page costs one assessment and one repair scan (well under a millisecond).
    """
    first = [assess_page(text.replace(_SOFT_HYPHEN, "")) for text in pages]
    encodings: list[str | None] = [
        detect_legacy(text) if verdict.verdict == "garbled" else None
        for text, verdict in zip(pages, first, strict=True)
    ]
    found = [encoding for encoding in encodings if encoding]
    document_encoding = max(set(found), key=found.count) if found else None
    texts: list[str] = []
    quality: list[PageQuality] = []
    for index, (text, verdict) in enumerate(zip(pages, first, strict=True)):
        encoding = encodings[index]
        if encoding is None and document_encoding and _gains(text, document_encoding):
            encoding = document_encoding
        signals: dict = {}
        if encoding:
            text = to_unicode(text, encoding)
            signals["layer_verdict"] = verdict.verdict
        else:
            text = text.replace(_SOFT_HYPHEN, "")
        repaired, repairs = repair_text(text)
        if repairs.defects:
            signals["repairs"] = repairs.defects
        if repairs.tone_style:
            signals["tone_style"] = repairs.tone_style
        if encoding or repaired != text:
            if not encoding and repairs.defects:
                signals["layer_verdict"] = verdict.verdict
            verdict = assess_page(repaired)
        if verdict.verdict == "clean" and not encoding:
            doubts = layer_doubts(repaired, verdict.signals)
            if doubts:
                verdict = type(verdict)("garbled", verdict.signals, doubts)
        if verdict.reasons and verdict.verdict == "garbled":
            signals["reasons"] = list(verdict.reasons)
        if verdict.verdict == "empty":
            method = "none"
        elif encoding:
            method = f"legacy_{encoding}"
        elif repairs.defects:
            method = "repaired"
        else:
            method = "text_layer"
        texts.append(repaired)
        signals = {**verdict.signals, **signals}
        quality.append(PageQuality(index + 1, verdict.verdict, method, signals))
    return texts, quality


def _gains(text: str, encoding: str) -> bool:
    """Whether converting ``text`` from ``encoding`` makes more of its Latin-1 words Vietnamese."""
    words = legacy_words(text)
    if not words:
        return False
    before = sum(1 for word in words if is_syllable(word))
    after = sum(1 for word in words if is_syllable(to_unicode(word, encoding)))
    return after > before


# A text line on a laid-out page: its box (PDF points, origin at the page's lower left) and text.
Line = tuple[float, float, float, float, str]

# Two characters are on one text line when they overlap vertically by more than half the smaller
# height and stand less than two character widths apart: pdfminer's ``LAParams`` defaults, the
# rule that keeps a line from spanning the gutter between two columns.
LINE_OVERLAP = 0.5
CHAR_MARGIN = 2.0


def read_layout_page(path: str | os.PathLike, page_index: int) -> str:
    """One page's text in reading order: text lines with their boxes, then column order.

    The page is cut into text lines with their boxes; a line never spans the gap between two
    columns, because characters further apart than two character widths start a new line. The
    lines are then put in reading order here: a vertical gutter that no line crosses splits the
    page into a left and a right column; lines that do cross it (headings across the page) cut
    the page into bands; each band is read left column first, then right column, top to bottom.
    Pieces of one printed row within a column ("Số đơn:" and its value set apart) are joined
    again. Without a gutter the page is read top to bottom.

    The lines come from PDFium's character boxes (:func:`_pdfium_lines`, about 7 ms a page).
    pdfminer.six's layout analysis (:func:`_pdfminer_lines`, the same line rule, about 45 ms a
    page) reads the pages PDFium's boxes are not trusted for: a rotated page (PDFium's boxes are
    in the unrotated page space) or one with a character PDFium cannot place. Use it only where
    reading order matters (the front page of a patent document). Returns ``""`` when the page
    cannot be read.
    """
    try:
        read = _pdfium_lines(path, page_index)
    except Exception:  # noqa: BLE001 - a page PDFium cannot load has no layout either
        return ""
    if read is None:
        read = _pdfminer_lines(path, page_index)
    lines, width = read
    return normalise_text(_reading_order(lines, width))


def _pdfium_lines(path: str | os.PathLike, page_index: int) -> tuple[list[Line], float] | None:
    """The page's text lines from PDFium's character boxes and its width, or None when PDFium's
    boxes are not to be trusted for this page (see :func:`read_layout_page`)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[page_index]
        try:
            if page.get_rotation():
                return None
            textpage = page.get_textpage()
            try:
                return _page_lines(page, textpage, pdfium_c)
            finally:
                textpage.close()
        finally:
            page.close()
    finally:
        document.close()


def _page_lines(page, textpage, pdfium_c) -> tuple[list[Line], float] | None:
    """:func:`_pdfium_lines` of a loaded page that is not rotated."""
    left, bottom, right, _ = page.get_mediabox()
    lines = _character_lines(textpage.raw, pdfium_c, left, bottom)
    return None if lines is None else (lines, right - left)


# An INID code as a patent's front page prints it: "(21)", "(54)".
_PATENT_CODE = re.compile(r"\((\d\d)\)")


def _loaded_page_layout(page, textpage) -> str | None:
    """What :func:`read_layout_page` reads of this page, from the page and its text page already
    loaded; None where it would read the page another way (rotated, a character PDFium cannot
    place) or failed: read_layout_page then reads the page itself."""
    import pypdfium2.raw as pdfium_c

    try:
        if page.get_rotation():
            return None
        read = _page_lines(page, textpage, pdfium_c)
        return None if read is None else normalise_text(_reading_order(*read))
    except Exception:  # noqa: BLE001 - read_layout_page reads the page again and says what failed
        return None


def _character_lines(textpage, pdfium_c, left: float, bottom: float) -> list[Line] | None:
    """Characters in content order grouped into text lines (see LINE_OVERLAP, CHAR_MARGIN), or
    None when PDFium cannot place one of them.

    Boxes are PDFium's loose ones (the font's ascent to descent, as pdfminer's), moved so that
    the media box starts at 0, 0. Spaces, PDFium's own or the file's, only separate words; the
    line breaks PDFium puts in are dropped: which characters form a line is decided here (PDFium
    breaks the line before a superscript, "Vân¹")."""
    lines: list[Line] = []
    box = pdfium_c.FS_RECTF()
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    line: list | None = None  # [x0, y0, x1, y1, characters] of the line being read
    # the previous printed character's box
    last_x0 = last_y0 = last_x1 = last_y1 = 0.0
    space_before = False
    for index, char in enumerate(_page_characters(textpage, pdfium_c)):
        if char in "\r\n":
            continue
        if char.isspace():
            space_before = True
            continue
        if not loose_box(textpage, index, box) or box.top <= box.bottom:
            # a character PDFium cannot place (odd font metrics) would be lost or misplaced
            return None
        x0, y0, x1, y1 = box.left - left, box.bottom - bottom, box.right - left, box.top - bottom
        # _same_line(last, (x0, y0, x1, y1)), written out: this runs once per character
        same = False
        if line is not None:
            overlap = min(last_y1, y1) - max(last_y0, y0)
            height = min(last_y1 - last_y0, y1 - y0)
            if overlap > 0 and overlap > height * LINE_OVERLAP:
                gap = max(last_x0, x0) - min(last_x1, x1)
                same = gap < max(last_x1 - last_x0, x1 - x0) * CHAR_MARGIN
        if same:
            if space_before:
                line[4].append(" ")
            line[4].append(char)
            line[0], line[1] = min(line[0], x0), min(line[1], y0)
            line[2], line[3] = max(line[2], x1), max(line[3], y1)
        else:
            if line is not None:
                lines.append(_finished(line))
            line = [x0, y0, x1, y1, [char]]
        last_x0, last_y0, last_x1, last_y1 = x0, y0, x1, y1
        space_before = False
    if line is not None:
        lines.append(_finished(line))
    return [item for item in lines if item[4]]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _page_characters(textpage, pdfium_c) -> str:
    """The page's characters, one per character index, read in one call rather than one call
    per character. PDFium's text gives U+FFFE where ``FPDFText_GetUnicode`` gives U+0002 (its
    end-of-line hyphen; both read "-" here); where the text does not line up with the indices
    (a character outside the BMP), the characters are read one by one."""
    import ctypes

    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return ""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium_c.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: 2 * max(0, written - 1)].decode("utf-16-le", errors="surrogatepass")
    if len(text) == count and not _SURROGATE.search(text):
        return text.replace("\ufffe", "\x02")
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, index)) for index in range(count))


def _same_line(previous: tuple, current: tuple) -> bool:
    """pdfminer's rule for two consecutive characters of one horizontal text line."""
    overlap = min(previous[3], current[3]) - max(previous[1], current[1])
    height = min(previous[3] - previous[1], current[3] - current[1])
    if overlap <= 0 or overlap <= height * LINE_OVERLAP:
        return False
    gap = max(previous[0], current[0]) - min(previous[2], current[2])  # negative when overlapping
    width = max(previous[2] - previous[0], current[2] - current[0])
    return gap < width * CHAR_MARGIN


def _finished(line: list) -> Line:
    # PDFium marks a hyphen at the end of a printed line (see normalise_text); here it is only
    # a hyphen, the line ends anyway.
    text = "".join(line[4]).replace("\ufffe", "-").replace("\x02", "-").strip()
    return line[0], line[1], line[2], line[3], text


def _pdfminer_lines(path: str | os.PathLike, page_index: int) -> tuple[list[Line], float]:
    """The page's text lines by pdfminer's layout analysis (``LAParams`` defaults) and its
    width; no lines when pdfminer cannot read the page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine

    lines: list[Line] = []
    width = 0.0
    try:
        with warnings.catch_warnings():
            # pdfminer warns about every odd font it meets; that is noise for our purpose.
            warnings.simplefilter("ignore")
            for layout in extract_pages(str(path), page_numbers=[page_index], laparams=LAParams()):
                width = layout.width
                for element in layout:
                    if not isinstance(element, LTTextContainer):
                        continue
                    children = [c for c in element if isinstance(c, LTTextLine)] or [element]
                    for line in children:
                        text = line.get_text().strip()
                        if text:
                            lines.append((line.x0, line.y0, line.x1, line.y1, text))
    except Exception:  # noqa: BLE001 - pdfminer raises many unrelated types on odd files
        return [], 0.0
    return lines, width


def _find_gutter(lines: list[Line], width: float):
    """The x range of the widest vertical gap near the middle with text on both sides."""
    if len(lines) < 6 or width <= 0:
        return None
    import numpy as np

    best = None
    # a point at a time across a page's middle half; coarser on a page wider than 2000 points
    # (a hostile 200000-point MediaBox would take 100000 steps)
    step = max(1.0, width / 2000)
    stops = []
    x = width * 0.25
    while x <= width * 0.75:
        stops.append(x)
        x += step
    past_end = x  # where the last open run ends
    allowed = max(1, len(lines) // 8)  # headings across the page may cross the gutter
    # the lines crossing each stop, counted for all the stops at once
    at = np.array(stops)[:, None]
    x0s = np.array([line[0] for line in lines])
    x1s = np.array([line[2] for line in lines])
    open_stops = (((x0s < at) & (at < x1s)).sum(axis=1) <= allowed).tolist()
    run_start = None
    for stop, is_open in zip(stops, open_stops, strict=True):
        if is_open:
            run_start = stop if run_start is None else run_start
        elif run_start is not None:
            best = _better_gutter(best, (run_start, stop), lines)
            run_start = None
    if run_start is not None:
        best = _better_gutter(best, (run_start, past_end), lines)
    return best


def _better_gutter(best, candidate, lines):
    left, right = candidate
    if right - left < 6:
        return best
    on_left = sum(1 for _, _, x1, _, _ in lines if x1 <= left + 1)
    on_right = sum(1 for x0, _, _, _, _ in lines if x0 >= right - 1)
    if on_left < 3 or on_right < 3:
        return best
    if best is None or right - left > best[1] - best[0]:
        return candidate
    return best


def _rows(lines: list[Line]) -> list[str]:
    """Lines of one column top to bottom; pieces of the same printed row joined."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda item: (-item[3], item[0])):
        if rows:
            last = rows[-1][0]
            height = max(last[3] - last[1], line[3] - line[1], 1.0)
            if abs((last[1] + last[3]) / 2 - (line[1] + line[3]) / 2) < height * 0.5:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [" ".join(piece[4] for piece in sorted(row, key=lambda item: item[0])) for row in rows]


def _reading_order(lines: list[Line], width: float) -> str:
    gutter = _find_gutter(lines, width)
    if gutter is None:
        return "\n".join(_rows(lines))
    left_edge, right_edge = gutter
    spanning = sorted(
        (line for line in lines if line[0] < left_edge and line[2] > right_edge),
        key=lambda item: -item[3],
    )
    columns = [line for line in lines if not (line[0] < left_edge and line[2] > right_edge)]
    out: list[str] = []
    upper = float("inf")
    for cut in [*spanning, None]:
        lower = (cut[1] + cut[3]) / 2 if cut is not None else float("-inf")
        band = [line for line in columns if lower < (line[1] + line[3]) / 2 <= upper]
        out.extend(_rows([line for line in band if line[2] <= right_edge]))
        out.extend(_rows([line for line in band if line[2] > right_edge]))
        if cut is not None:
            out.extend(_rows([cut]))
            upper = lower
    return "\n".join(out)


@dataclass
class StyledLine:
    """A text line of a page with its box (points, origin bottom left) and its type: the font
    size most of its characters have and whether most of them are bold."""

    text: str
    size: float
    bold: bool
    x0: float
    y0: float
    x1: float
    y1: float


def read_styled_lines(
    path: str | os.PathLike, page_index: int = 0
) -> tuple[list[StyledLine], float]:
    """The page's text lines with their font size and weight (from PDFium's characters, grouped
    into lines by the rule of :func:`read_layout_page`), and the page height. ``([], 0)`` when
    the page has no characters PDFium can place (a scan, a rotated page)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - no styles for a file PDFium cannot open
        return [], 0.0
    try:
        if page_index >= len(document):
            return [], 0.0
        page = document[page_index]
        try:
            if page.get_rotation():
                return [], 0.0
            left, bottom, _, top = page.get_mediabox()
            textpage = page.get_textpage()
            try:
                lines = _styled_lines(textpage.raw, pdfium_c, left, bottom)
            finally:
                textpage.close()
        finally:
            page.close()
    finally:
        document.close()
    return lines, top - bottom


def _styled_lines(textpage, pdfium_c, left: float, bottom: float) -> list[StyledLine]:
    import ctypes
    from collections import Counter

    box = pdfium_c.FS_RECTF()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    lines: list[StyledLine] = []
    current: list | None = None  # [x0, y0, x1, y1, chars, sizes Counter, bold count]
    last = (0.0, 0.0, 0.0, 0.0)
    space_before = False

    def finish(line):
        text = normalise_text("".join(line[4]).replace("\ufffe", "-").replace("\x02", "-"))
        text = text.strip()
        if text:
            size = line[5].most_common(1)[0][0] if line[5] else 0.0
            letters = sum(1 for char in line[4] if char.isalpha()) or 1
            lines.append(StyledLine(text, size, line[6] > letters / 2, *line[:4]))

    for index, char in enumerate(_page_characters(textpage, pdfium_c)):
        if char in "\r\n":
            continue
        if char.isspace():
            space_before = True
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box) or box.top <= box.bottom:
            return []
        x0, y0, x1, y1 = box.left - left, box.bottom - bottom, box.right - left, box.top - bottom
        size = round(pdfium_c.FPDFText_GetFontSize(textpage, index), 1)
        weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
        bold = weight >= 600
        if not bold and char.isalpha():  # producers often leave the weight at 400: the name
            length = pdfium_c.FPDFText_GetFontInfo(textpage, index, name, 128, ctypes.byref(flags))
            bold = length > 0 and b"bold" in name.value.lower()
        if current is not None and _same_line(last, (x0, y0, x1, y1)):
            if space_before:
                current[4].append(" ")
            current[4].append(char)
            current[0], current[1] = min(current[0], x0), min(current[1], y0)
            current[2], current[3] = max(current[2], x1), max(current[3], y1)
        else:
            if current is not None:
                finish(current)
            current = [x0, y0, x1, y1, [char], Counter(), 0]
        if char.isalpha():
            current[5][size] += 1
            current[6] += bold
        last = (x0, y0, x1, y1)
        space_before = False
    if current is not None:
        finish(current)
    return lines
