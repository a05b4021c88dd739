"""OCR of scanned pages with Tesseract (Debian's ``tesseract-ocr`` with the ``vie`` and ``eng``
language data).

Language data: Tesseract's *Vietnamese script* model (``tesseract-ocr-script-viet``, Latin letters
with every Vietnamese diacritic, Vietnamese and English text alike) when it is installed, else
the ``vie+eng`` language models. On the sample scans the script model reads 24 of 25 sheet
values exactly (title, code, people, organisation) against 12 of 25 for ``vie+eng``, whose
``vie`` model drops dots below and hooks ("chế tao máy sấy cá com"), at the same speed
(measured with ``benchmarks/ocr.py``). ``OCR_LANGUAGES`` (e.g. ``vie+eng``) overrides the choice.

Pages are rendered by pypdfium2 at :data:`DPI` dots per inch in grayscale (a page too large for
that, at the resolution that keeps it under :data:`MAX_RENDER_PIXELS`), one after the other in
the calling thread (PDFium is not thread-safe), and each image goes to its own ``tesseract``
process, several at a time (a thread pool waits on the processes: the work is in tesseract, not
in Python). ``OMP_THREAD_LIMIT=1`` keeps each tesseract on one core, so ``workers`` processes use
``workers`` cores and no more. Tesseract writes TSV: the words with their confidence (0-100),
from which the page's text (lines and paragraphs as tesseract found them) and its mean word
confidence are rebuilt. The text is normalised like every other text (NFC, diacritics repaired,
:func:`indexer.text_quality.repair_vietnamese`).

Where tesseract or its Vietnamese data is missing, :func:`ocr_available` is False and
:func:`ocr_status` says what to install; :func:`ocr_pages` then raises :class:`OcrUnavailable`.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from indexer.text_quality import is_syllable, repair_vietnamese

DPI = 300
SCRIPT_MODEL = ("Vietnamese",)  # tesseract-ocr-script-viet
LANGUAGE_MODELS = ("vie", "eng")  # tesseract-ocr-vie, tesseract-ocr-eng
# Pixels of the largest page image rendered for OCR: an A2 sheet at 300 dpi is 35 million. A
# larger page (a map, a poster, a hostile 70-metre MediaBox) is rendered at a lower resolution,
# so that one page cannot take the worker's memory (grayscale: a byte a pixel, about three
# copies on the way to tesseract) or tesseract's time.
MAX_RENDER_PIXELS = 40_000_000
# Seconds one page may take in tesseract before it is given up (a pathological image).
PAGE_TIMEOUT = 120
INSTALL_HINT = (
    "apt-get install tesseract-ocr tesseract-ocr-script-viet tesseract-ocr-vie tesseract-ocr-eng"
)


class OcrUnavailable(RuntimeError):
    """Tesseract, or the language data OCR needs, is not installed."""


@dataclass
class OcrPage:
    index: int  # 0-based page index in the document
    text: str
    confidence: float | None  # mean word confidence 0-100; None when no word was found
    words: int
    error: str | None = None  # why tesseract failed on this page, if it did
    dpi: int = DPI  # the resolution the page was rendered at (lower for a very large page)


@cache
def _installed() -> tuple[str | None, frozenset[str], str]:
    """The tesseract binary, the language data it has, and why it cannot run (or "")."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None, frozenset(), f"OCR unavailable: tesseract is not installed ({INSTALL_HINT})."
    try:
        listed = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError) as error:
        return binary, frozenset(), f"OCR unavailable: tesseract does not run ({error})."
    lines = (listed.stdout + listed.stderr).splitlines()
    return binary, frozenset(line.strip().removeprefix("script/") for line in lines), ""


def languages() -> tuple[str, ...]:
    """The language data OCR uses: ``OCR_LANGUAGES``, else the Vietnamese script model when
    installed, else ``vie+eng``."""
    configured = os.environ.get("OCR_LANGUAGES", "").strip()
    if configured:
        return tuple(part for part in configured.split("+") if part)
    _, installed, _ = _installed()
    if all(model in installed for model in SCRIPT_MODEL):
        return SCRIPT_MODEL
    return LANGUAGE_MODELS


def ocr_status() -> tuple[bool, str]:
    """Whether OCR can run here, and a sentence saying so (with what to install if not)."""
    binary, installed, problem = _installed()
    if problem:
        return False, problem
    wanted = languages()
    missing = [language for language in wanted if language not in installed]
    if missing:
        return False, (
            f"OCR unavailable: tesseract has no {'+'.join(missing)} language data "
            f"({INSTALL_HINT})."
        )
    return True, f"OCR with {binary} ({'+'.join(wanted)})."


def ocr_available() -> bool:
    """True when tesseract and its Vietnamese and English language data are installed."""
    return ocr_status()[0]


def default_workers() -> int:
    """Tesseract processes run at once: ``OCR_WORKERS`` if set, else one per CPU core."""
    configured = os.environ.get("OCR_WORKERS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, os.cpu_count() or 1)


def render_dpi(width: float, height: float, dpi: int = DPI) -> int:
    """The resolution a ``width`` x ``height`` points page is rendered at: ``dpi``, or less
    when the image would exceed :data:`MAX_RENDER_PIXELS` (never under 1)."""
    pixels = (width / 72 * dpi) * (height / 72 * dpi)
    if pixels <= MAX_RENDER_PIXELS:
        return dpi
    return max(1, int(dpi * (MAX_RENDER_PIXELS / pixels) ** 0.5))


def render_pages(path: str | os.PathLike, indices: Iterable[int], dpi: int = DPI) -> Iterator:
    """``(index, BMP bytes, dpi)`` of each page, rendered in grayscale at ``dpi``, or at the
    lower resolution :func:`render_dpi` allows for a page too large for that."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        for index in indices:
            page = document[index]
            try:
                page_dpi = render_dpi(*page.get_size(), dpi)
                bitmap = page.render(scale=page_dpi / 72, grayscale=True)
                image = bitmap.to_pil()
                buffer = io.BytesIO()
                image.save(buffer, format="BMP")  # leptonica reads BMP fastest (no decoding)
                bitmap.close()
            finally:
                page.close()
            yield index, buffer.getvalue(), page_dpi
    finally:
        document.close()


def ocr_image(image: bytes, dpi: int = DPI, models: tuple[str, ...] | None = None) -> OcrPage:
    """OCR one page image (any format leptonica reads); ``index`` of the result is -1."""
    models = models or languages()
    command = ["tesseract", "stdin", "stdout", "-l", "+".join(models), "--dpi", str(dpi), "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            command, input=image, capture_output=True, env=env, timeout=PAGE_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return OcrPage(-1, "", None, 0, error=f"tesseract took more than {PAGE_TIMEOUT} s")
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return OcrPage(-1, "", None, 0, error=f"tesseract failed: {message[-1:] or '?'}")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


# Table rules read as characters: "|" (or "[", "]") alone, or glued to a cell's first or last
# word, sometimes with an "I" or "Ị" that is the same rule seen twice ("4 Ị|KS. Phạm Văn Nhân",
# "2 [KS. Lê Thị Ngọc Hà"). Brackets around digits ("[12]", a reference) are kept.
_RULE_WORD = re.compile(r"^[IỊlị!]?[|¦\[\]{}]+[IỊlị!]?$")
_RULE_START = re.compile(r"^(?:[IỊlị!]?[|¦][|¦\[{]*|[\[{]+(?=[^\W\d_]))")
_RULE_END = re.compile(r"(?:[|¦\]}]*[|¦][IỊlị!]?|(?<=[^\W\d_.])[\]}]+)$")


def _without_rules(word: str) -> str:
    if _RULE_WORD.match(word):
        return ""
    word = _RULE_END.sub("", _RULE_START.sub("", word))
    return word.replace("|", "").replace("¦", "")


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].lower()


def _without_doubled_vowel(word: str) -> str:
    """A vowel read twice with different marks ("đểề" for "đề"): keep the second reading.

    Only where the pair carries a Vietnamese mark and the word is not a syllable but becomes
    one (English "too" and "see" are left alone); tesseract's LSTM models do this now and then.
    """
    return _LETTERS.sub(_undouble, word) if not word.isascii() else word


def _undouble(match: re.Match) -> str:
    word = match.group()
    if len(word) < 2 or is_syllable(word):
        return word
    for i in range(len(word) - 1):
        pair = word[i : i + 2]
        if _base(pair[0]) == _base(pair[1]) and pair[0].isalpha() and not pair.isascii():
            for candidate in (word[:i] + word[i + 1 :], word[: i + 1] + word[i + 2 :]):
                if is_syllable(candidate):
                    return candidate
    return word


_LETTERS = re.compile(r"[^\W\d_]+")


def parse_tsv(tsv: str) -> OcrPage:
    """Text and mean word confidence from tesseract's TSV (one row per word, level 5).

    Table rules that tesseract read as ``|`` are dropped, so that a table row reads like the
    row of a born-digital table ("1 TS. Hà Văn Tâm Trường Đại học Phan Thiết Chủ nhiệm").
    """
    lines: dict[tuple[int, int, int, int], list[str]] = {}
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        try:
            confidence = float(cells[10])
        except ValueError:
            confidence = -1.0
        word = _without_doubled_vowel(_without_rules(cells[11].strip()))
        if not word:
            continue
        key = (int(cells[1]), int(cells[2]), int(cells[3]), int(cells[4]))
        lines.setdefault(key, []).append(word)
        if confidence >= 0:
            confidences.append(confidence)
    text = "\n".join(" ".join(words) for _, words in sorted(lines.items()))
    text, _ = repair_vietnamese(text)
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return OcrPage(-1, text, mean, len(confidences))


def ocr_pages(
    path: str | os.PathLike,
    indices: Iterable[int],
    *,
    workers: int | None = None,
    dpi: int = DPI,
    models: tuple[str, ...] | None = None,
) -> list[OcrPage]:
    """OCR the pages ``indices`` (0-based) of the PDF at ``path``, ``workers`` at a time.

    Returns one :class:`OcrPage` per index, in the order given. A page tesseract fails on comes
    back empty with its ``error``; raises :class:`OcrUnavailable` when OCR cannot run at all.
    """
    available, message = ocr_status()
    if not available:
        raise OcrUnavailable(message)
    models = models or languages()
    indices = list(indices)
    if not indices:
        return []
    workers = max(1, min(workers or default_workers(), len(indices)))
    results: dict[int, OcrPage] = {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        pending = {}
        rendered_at: dict[int, int] = {}
        for index, image, page_dpi in render_pages(Path(path), indices, dpi):
            rendered_at[index] = page_dpi
            pending[index] = pool.submit(ocr_image, image, page_dpi, models)
            if len(pending) >= 2 * workers:  # keep at most a few rendered pages in memory
                oldest = next(iter(pending))
                results[oldest] = pending.pop(oldest).result()
        for index, future in pending.items():
            results[index] = future.result()
    pages = []
    for index in indices:
        page = results[index]
        page.index = index
        page.dpi = rendered_at[index]
        pages.append(page)
    return pages
