"""Hostile PDFs written byte by byte, one function per kind of damage (see test_hostile_pdfs).

Each builder returns the bytes of a file that is wrong in exactly one way; the text it would
show when read (where it has some) is in the module's constants, so a test can say what a
correct reading gives.
"""

from __future__ import annotations

import zlib

from corpus_samples.pdf_objects import assemble

GOOD_LINE = "Bao cao ket qua nhiem vu khoa hoc va cong nghe tinh Binh Thuan"
SECOND_LINE = "Trang hai: mo hinh trong thanh long ruot do tai Ham Thuan Nam"
FORM_LINE = "Noi dung trong bieu mau A"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def text_content(*lines: str, size: int = 12, top: int = 760) -> bytes:
    """A content stream that prints ``lines`` in font /F1 from the top of an A4 page."""
    out = [b"BT /F1 %d Tf 14 TL 60 %d Td" % (size, top)]
    out += [b"(%s) '" % line.encode("latin-1") for line in lines]
    out.append(b"ET")
    return b"\n".join(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (entries, len(data)) + data + b"\nendstream"


def _page(contents: int, resources: bytes = b"<< /Font << /F1 3 0 R >> >>",
          box: bytes = b"0 0 595 842") -> bytes:
    return b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Resources %s /Contents %d 0 R >>" % (
        box, resources, contents)


def two_page_report() -> bytes:
    """A sound two-page file: catalog 1, page tree 2, font 3, pages 4-5, contents 6-7."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 >>",
        FONT,
        _page(6),
        _page(7),
        stream(text_content(GOOD_LINE)),
        stream(text_content(SECOND_LINE)),
    ])


def wrong_xref_offsets() -> bytes:
    """Every offset in the cross-reference table points 7 bytes too far (a file edited by a
    tool that did not rewrite its table)."""
    data = two_page_report()
    start = data.rindex(b"\nxref\n") + 1
    end = data.index(b"trailer", start)
    table = data[start:end].split(b"\n")
    fixed = [
        b"%010d 00000 n " % (int(line[:10]) + 7) if line.endswith(b" n ") else line
        for line in table
    ]
    return data[:start] + b"\n".join(fixed) + data[end:]


def garbage_xref() -> bytes:
    """The cross-reference table replaced by noise, ``startxref`` pointing into it; the
    trailer after it survives."""
    data = two_page_report()
    start = data.rindex(b"\nxref\n") + 1
    end = data.index(b"trailer", start)
    noise = bytes((index * 37 + 11) % 256 for index in range(end - start - 1))
    return data[:start] + noise + b"\n" + data[end:]


def page_tree_loop() -> bytes:
    """The page tree's second kid is a Pages node whose only kid is the root: an ancestor."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 >>",
        FONT,
        _page(6),
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        stream(text_content(GOOD_LINE)),
    ])


FORM_XOBJECT = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources %s"


def _page_drawing_a_form(form_draws: bytes, form_xobjects: bytes, *more: bytes) -> bytes:
    """A page that prints a line and draws form A (object 6); form A prints a line, then
    ``form_draws`` with ``form_xobjects`` in its resources; ``more`` objects follow, from 7."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        FONT,
        _page(5, b"<< /Font << /F1 3 0 R >> /XObject << /FA 6 0 R >> >>"),
        stream(text_content(GOOD_LINE) + b"\n/FA Do"),
        stream(text_content(FORM_LINE, top=600) + b"\n" + form_draws,
               FORM_XOBJECT % (b"<< /Font << /F1 3 0 R >> /XObject << %s >> >>" % form_xobjects)),
        *more,
    ])


def circular_forms() -> bytes:
    """The page draws form A, form A prints a line and draws form B, form B draws form A."""
    return _page_drawing_a_form(
        b"/FB Do", b"/FB 7 0 R",
        stream(b"/FA Do", FORM_XOBJECT % b"<< /XObject << /FA 6 0 R >> >>"))


def corrupt_flate() -> bytes:
    """Page 1 is sound; page 2's content stream is Flate data with its middle overwritten."""
    packed = bytearray(zlib.compress(text_content(*[SECOND_LINE] * 30)))
    packed[10:-10] = bytes((index * 91 + 7) % 256 for index in range(len(packed) - 20))
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 >>",
        FONT,
        _page(6),
        _page(7),
        stream(text_content(GOOD_LINE)),
        stream(bytes(packed), b"/Filter /FlateDecode"),
    ])


ENORMOUS = b"0 0 200000 200000"


def enormous_page_with_text() -> bytes:
    """A page 70 metres wide (200000 points) with a line of text in its corner."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        FONT,
        _page(5, box=ENORMOUS),
        stream(text_content(GOOD_LINE)),
    ])


def _gray_image(width: int, height: int, rows: int) -> bytes:
    """An image XObject declaring ``width`` x ``height`` pixels, with data for ``rows`` rows."""
    data = zlib.compress(bytes(width * rows))
    entries = b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray " \
              b"/BitsPerComponent 8 /Filter /FlateDecode" % (width, height)
    return stream(data, entries)


def _image_page(box: bytes, width: int, height: int, rows: int) -> bytes:
    draw = b"q %s 0 0 %s 0 0 cm /Im1 Do Q" % tuple(box.split()[2:])
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        FONT,
        _page(5, b"<< /XObject << /Im1 6 0 R >> >>", box=box),
        stream(draw),
        _gray_image(width, height, rows),
    ])


def enormous_scanned_page() -> bytes:
    """A 200000-point page holding only an image: a scan that OCR would render."""
    return _image_page(ENORMOUS, 200, 200, 200)


def huge_image_declared() -> bytes:
    """An A4 page whose image declares 100000 x 100000 pixels (10 GB once decoded) but
    carries one row of data."""
    return _image_page(b"0 0 595 842", 100000, 100000, 1)


def broken_tounicode() -> bytes:
    """The font's ToUnicode CMap is cut off in the middle of a range and maps into nonsense."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfrange <41> <5A> <FFFE> <61> <7A> [<D800> <"
    )
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode 6 0 R >>",
        _page(5),
        stream(text_content(GOOD_LINE)),
        stream(cmap),
    ])


def form_drawing_itself_twice() -> bytes:
    """A form that draws itself twice: each level doubles the work (2 to the power of PDFium's
    nesting limit), the "billion laughs" of PDF."""
    return _page_drawing_a_form(b"/FA Do /FA Do", b"/FA 6 0 R")


def truncated_in_its_xref() -> bytes:
    """The two-page report cut inside its cross-reference table: every object is whole, the
    table's end and the trailer are lost (an interrupted download)."""
    data = two_page_report()
    return data[: data.rindex(b"\nxref\n") + 40]


def truncated_in_first_page() -> bytes:
    """The two-page report cut inside the content stream of its first page."""
    data = two_page_report()
    return data[: data.index(b"6 0 obj") + 40]


def page_count_overstated() -> bytes:
    """A page tree that declares 10000 pages and holds one: PDFium offers all 10000."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 10000 >>",
        FONT,
        _page(5),
        stream(text_content(GOOD_LINE)),
    ])
