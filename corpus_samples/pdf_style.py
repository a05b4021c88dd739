"""Shared rendering helpers for the sample-corpus generators (reportlab, DejaVu fonts).

Fonts registered (reportlab names):
    Serif, Serif-Bold, Serif-Italic, Serif-BoldItalic
    Sans, Sans-Bold, Sans-Italic, Sans-BoldItalic

``new_canvas(path)`` gives an A4 canvas in invariant mode with fixed metadata, so regenerating a
document yields byte-identical output.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

FONT_FILES = {
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
    "Sans-Italic": "DejaVuSans-Oblique.ttf",
    "Sans-BoldItalic": "DejaVuSans-BoldOblique.ttf",
}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

DEFAULT_TITLE = "Tài liệu mẫu"
DEFAULT_AUTHOR = "Kho kết quả KH&CN - corpus mẫu"
DEFAULT_CREATOR = "corpus_samples"
# Fixed creation date (reportlab invariant mode also pins the internal timestamps).
CREATION_DATE = "D:20240101000000+07'00'"

_registered = False


def register_fonts() -> None:
    """Register the DejaVu Serif/Sans families once (idempotent)."""
    global _registered
    if _registered:
        return
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    for family in ("Serif", "Sans"):
        pdfmetrics.registerFontFamily(
            family,
            normal=family,
            bold=f"{family}-Bold",
            italic=f"{family}-Italic",
            boldItalic=f"{family}-BoldItalic",
        )
    _registered = True


def new_canvas(
    path: Path | str | BinaryIO,
    title: str = DEFAULT_TITLE,
    author: str = DEFAULT_AUTHOR,
    subject: str = "",
) -> rl_canvas.Canvas:
    """An A4 reportlab canvas in invariant mode with fixed title/author/creation metadata.

    ``path`` may also be a binary file object (e.g. ``io.BytesIO`` for a layout dry run).
    """
    register_fonts()
    if isinstance(path, (str, Path)):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        path = str(path)
    c = rl_canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator(DEFAULT_CREATOR)
    c.setProducer(DEFAULT_CREATOR)
    if subject:
        c.setSubject(subject)
    # Pin CreationDate/ModDate to a fixed value (invariant mode would use 2000-01-01).
    c._doc.info._dateFormatter = _fixed_date
    return c


def _fixed_date(*_ymdhms: int) -> str:
    return CREATION_DATE


def text_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


def wrap(
    text: str, font: str, size: float, width: float, first_width: float | None = None
) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` points.

    ``first_width`` (default ``width``) limits the first line only, for indented paragraphs.
    Explicit newlines start new lines; a single word wider than the limit is split by characters.
    """
    register_fonts()
    lines: list[str] = []

    def limit() -> float:
        return first_width if (first_width is not None and not lines) else width

    for block in text.split("\n"):
        words = block.split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if pdfmetrics.stringWidth(candidate, font, size) <= limit():
                current = candidate
                continue
            if current:
                lines.append(current)
            # Split an over-long single word.
            while pdfmetrics.stringWidth(word, font, size) > limit() and len(word) > 1:
                cut = len(word)
                while cut > 1 and pdfmetrics.stringWidth(word[:cut], font, size) > limit():
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def paragraph(
    c: rl_canvas.Canvas,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    width: float,
    leading: float | None = None,
    align: str = "left",
    first_indent: float = 0.0,
) -> float:
    """Draw wrapped ``text`` with its first baseline at ``y``; return the y of the next line.

    ``align`` is "left", "center", "right" or "justify" (justify leaves the last line ragged).
    ``first_indent`` indents the first line (the wrap width shrinks accordingly).
    """
    if leading is None:
        leading = size * 1.35
    register_fonts()
    lines = wrap(text, font, size, width, first_width=width - first_indent)
    c.setFont(font, size)
    for i, line in enumerate(lines):
        indent = first_indent if i == 0 else 0.0
        avail = width - indent
        if align == "center":
            c.drawCentredString(x + width / 2, y, line)
        elif align == "right":
            c.drawRightString(x + width, y, line)
        elif align == "justify" and i < len(lines) - 1 and " " in line:
            words = line.split(" ")
            natural = sum(pdfmetrics.stringWidth(w, font, size) for w in words)
            gap = (avail - natural) / (len(words) - 1)
            if gap > size * 1.2:  # too loose: fall back to left alignment
                c.drawString(x + indent, y, line)
            else:
                cx = x + indent
                for w in words:
                    c.drawString(cx, y, w)
                    cx += pdfmetrics.stringWidth(w, font, size) + gap
        else:
            c.drawString(x + indent, y, line)
        y -= leading
    return y


def balanced_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap into as few lines as ``wrap`` would, but with line lengths evened out.

    Useful for centred titles, where a greedy wrap leaves a single orphan word on the last line.
    """
    lines = wrap(text, font, size, width)
    if len(lines) <= 1:
        return lines
    lo, hi = width / len(lines), width
    for _ in range(18):
        mid = (lo + hi) / 2
        if len(wrap(text, font, size, mid)) == len(lines):
            hi = mid
        else:
            lo = mid
    return wrap(text, font, size, hi)
