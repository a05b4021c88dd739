"""Reading real PDFs made here with reportlab: text, normalisation, and why a PDF is unreadable."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest

from indexer.errors import REASONS, UnreadableDocument
from indexer.pdf_text import normalise_text, read_layout_page, read_pdf

reportlab = pytest.importorskip("reportlab")

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts are not installed")

VIETNAMESE = [
    "BÁO CÁO TỔNG HỢP KẾT QUẢ NHIỆM VỤ",
    "Tên nhiệm vụ: Nghiên cứu quy trình canh tác thanh long ruột đỏ",
    "Chủ nhiệm nhiệm vụ: PGS.TS. Nguyễn Văn Ánh",
    "Tổ chức chủ trì: Trường Đại học Phan Thiết",
]


def _canvas(target, **kwargs):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    return canvas.Canvas(str(target), pagesize=A4, **kwargs)


def _write_lines(pdf, lines, x=60, y=780, size=11):
    pdf.setFont("DejaVu", size)
    for line in lines:
        pdf.drawString(x, y, line)
        y -= 16


def _write_columns(pdf, left, right, y=760, size=9):
    """Two columns drawn row by row, so that the content order interleaves them."""
    pdf.setFont("DejaVu", size)
    for index in range(max(len(left), len(right))):
        if index < len(left):
            pdf.drawString(40, y, left[index])
        if index < len(right):
            pdf.drawString(310, y, right[index])
        y -= 16


def make_pdf(path: Path, pages: list[list[str]], **kwargs) -> Path:
    pdf = _canvas(path, **kwargs)
    for lines in pages:
        _write_lines(pdf, lines)
        pdf.showPage()
    pdf.save()
    return path


def test_born_digital_vietnamese_text_is_nfc(tmp_path):
    path = make_pdf(tmp_path / "report.pdf", [VIETNAMESE, ["Trang hai: Bình Thuận, 2022"]])
    text = read_pdf(path)
    assert text.page_count == 2
    assert text.text_layer_pages == 2
    assert text.engine == "pypdfium2"
    assert text.pages[0].split("\n") == VIETNAMESE
    for page in text.pages:
        assert unicodedata.is_normalized("NFC", page)
        assert "\r" not in page and "\x0c" not in page


def test_decomposed_diacritics_are_composed(tmp_path):
    decomposed = unicodedata.normalize(
        "NFD", "Nghiên cứu thanh long ở Hàm Thuận Nam, tỉnh Bình Thuận"
    )
    path = make_pdf(tmp_path / "nfd.pdf", [[decomposed]])
    page = read_pdf(path).pages[0]
    assert page == "Nghiên cứu thanh long ở Hàm Thuận Nam, tỉnh Bình Thuận"
    assert unicodedata.is_normalized("NFC", page)


def test_normalise_text_cleans_pdfium_oddities():
    raw = "exam\ufffeple\r\nline\x02two\x0cnext\u00a0page\u200b ﬁne  \r\n"
    assert normalise_text(raw) == "exam-\nple\nline-\ntwo\nnext page fine"


def test_hyphenated_line_end_is_kept_as_printed(tmp_path):
    path = make_pdf(
        tmp_path / "hyphen.pdf", [["The dragon fruit cultivation pro-", "cedure was tested."]]
    )
    assert read_pdf(path).pages[0] == "The dragon fruit cultivation pro-\ncedure was tested."


def test_scanned_pdf_is_readable_without_text_layer(tmp_path):
    from PIL import Image

    image_path = tmp_path / "scan.png"
    Image.new("RGB", (200, 280), "white").save(image_path)
    pdf = _canvas(tmp_path / "scan.pdf")
    pdf.drawImage(str(image_path), 0, 0, width=595, height=842)
    pdf.showPage()
    pdf.save()
    text = read_pdf(tmp_path / "scan.pdf")
    assert text.page_count == 1
    assert text.text_layer_pages == 0
    assert not text.has_text_layer


def test_encrypted_pdf(tmp_path):
    path = make_pdf(tmp_path / "secret.pdf", [VIETNAMESE], encrypt="secret")
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(path)
    assert caught.value.reason == "encrypted"
    assert "password" in str(caught.value)


def _cut(tmp_path, at) -> Path:
    """A three-page report cut where ``at(data)`` says: an interrupted download."""
    data = make_pdf(tmp_path / "whole.pdf", [VIETNAMESE, ["Trang hai"], ["Trang ba"]]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: at(data)])
    return path


def _first_content(data: bytes) -> int:
    """Where the data of the first page's content stream starts."""
    number = int(re.search(rb"/Contents (\d+) 0 R", data)[1])
    return data.index(b"stream", data.index(b"\n%d 0 obj" % number)) + len(b"stream\n")


@pytest.mark.parametrize("at", [
    lambda data: int(len(data) * 0.5),
    lambda data: _first_content(data) + 20,  # inside page 1's text
    lambda data: data.rindex(b"endstream"),  # inside the last object, a page's content
], ids=["half", "first page's content", "last page's content"])
def test_truncated_pdf_missing_a_page_is_set_aside(tmp_path, at):
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(_cut(tmp_path, at))
    assert caught.value.reason == "truncated"


@pytest.mark.parametrize("at", [
    lambda data: data.rindex(b"\nxref") + 1,  # the table and the trailer lost
    lambda data: data.rindex(b"\nxref") + 60,  # inside the table
    lambda data: data.rindex(b"%%EOF"),  # only the end-of-file marker lost
], ids=["at the table", "in the table", "before %%EOF"])
def test_truncated_pdf_whose_pages_are_whole_is_read_with_a_note(tmp_path, at):
    text = read_pdf(_cut(tmp_path, at))
    assert text.page_count == 3
    assert text.pages == ["\n".join(VIETNAMESE), "Trang hai", "Trang ba"]
    assert text.warnings == [
        "The file is truncated (it ends before its end-of-file marker); all 3 pages were read."
    ]
    assert text.repaired is not None  # what later stages (layout, OCR) must open


def test_not_a_pdf(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_text("<html><body>Báo cáo</body></html>", encoding="utf-8")
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(path)
    assert caught.value.reason == "not_pdf"


def test_empty_file_is_not_a_pdf(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(path)
    assert caught.value.reason == "not_pdf"


def test_zero_page_pdf(tmp_path):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    path = tmp_path / "zero.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(path)
    assert caught.value.reason == "no_pages"


def test_damaged_pdf(tmp_path):
    data = make_pdf(tmp_path / "whole.pdf", [VIETNAMESE]).read_bytes()
    # keep the header and the end marker, wreck everything in between
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data[:9] + b"\x00garbage" * 200 + b"\n%%EOF\n")
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(path)
    assert caught.value.reason == "damaged"


def test_too_large(tmp_path):
    path = make_pdf(tmp_path / "big.pdf", [VIETNAMESE])
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(path, max_bytes=100)
    assert caught.value.reason == "too_large"


def test_every_reason_has_an_english_message():
    for reason in REASONS:
        error = UnreadableDocument(reason)
        assert error.reason == reason
        assert len(str(error)) > 30 and str(error).endswith(".")
    with pytest.raises(ValueError):
        UnreadableDocument("exploded")


# A patent front page's two columns, drawn row by row (see _write_columns).
LEFT_COLUMN = [
    "(21) Số đơn: 1-2019-01234",
    "(22) Ngày nộp đơn: 12.03.2019",
    "(54) Tên sáng chế: Quy trình sản xuất",
    "nước mắm giàu đạm từ cá cơm",
    "(57) Tóm tắt: Sáng chế đề cập đến quy",
    "trình sản xuất nước mắm.",
]
RIGHT_COLUMN = [
    "(71) Chủ đơn: Trường Đại học Phan Thiết (VN)",
    "(72) Tác giả sáng chế: Nguyễn Văn A (VN);",
    "Trần Thị B (VN)",
    "(74) Đại diện SHCN: Công ty Luật X",
]


def test_layout_reads_two_columns_one_after_the_other(tmp_path):
    left, right = LEFT_COLUMN, RIGHT_COLUMN
    pdf = _canvas(tmp_path / "two.pdf")
    _write_lines(pdf, ["(12) BẰNG ĐỘC QUYỀN SÁNG CHẾ — CỤC SỞ HỮU TRÍ TUỆ VIỆT NAM"], x=60, y=800)
    _write_columns(pdf, left, right)
    pdf.showPage()
    pdf.save()

    # PDFium follows the content order here: the columns come out interleaved ...
    plain = read_pdf(tmp_path / "two.pdf").pages[0].split("\n")
    assert plain[1:3] == [left[0], right[0]] or plain[1] == f"{left[0]} {right[0]}"
    # ... the layout pass reads them one after the other.
    lines = read_layout_page(tmp_path / "two.pdf", 0).split("\n")
    assert lines[0].startswith("(12) BẰNG ĐỘC QUYỀN")
    assert lines[1:] == left + right


def test_layout_of_missing_page_is_empty(tmp_path):
    path = make_pdf(tmp_path / "one.pdf", [VIETNAMESE])
    assert read_layout_page(path, 5) == ""


CORPUS = Path(__file__).resolve().parent.parent / "corpus_samples"
PATENT_FRONT_PAGES = sorted(
    [*(CORPUS / "patents").glob("*.pdf"), *(CORPUS / "independent" / "patents").glob("*.pdf")]
)


def _expected(ground_truth: Path, relative: str) -> dict:
    import json

    documents = json.loads(ground_truth.read_text(encoding="utf-8"))["documents"]
    return next(entry["expected"] for entry in documents if entry["path"] == relative)


def test_patent_front_page_of_the_corpus_is_read_column_by_column():
    # INID-coded fields on the left, title (54) and abstract (57) on the right.
    expected = _expected(CORPUS / "ground_truth.json", "patents/1-2019-06021.pdf")
    lines = read_layout_page(CORPUS / "patents" / "1-2019-06021.pdf", 0).split("\n")

    left = lines[: lines.index("(54) Tên sáng chế")]
    right = lines[lines.index("(54) Tên sáng chế") :]
    assert left.index("(21) Số đơn:") < left.index("(72) Tác giả sáng chế:")
    assert left[left.index("(21) Số đơn:") + 1] == expected["application_number"]
    assert left[left.index("(11) Số bằng độc quyền:") + 1] == expected["patent_number"]
    assert "TS. Trịnh Quang Huy (VN); ThS." in left
    # the right column's lines follow one another, none of the left column's between them
    title = right[1 : right.index("(57) Tóm tắt")]
    assert " ".join(title) == expected["title"]
    assert not any(line.startswith(("(2", "(4", "(7")) for line in right)


def test_a_line_never_spans_the_gutter_of_a_patent_front_page():
    # PDFium's content order joins the office's name (left) and the patent number (right).
    path = CORPUS / "independent" / "patents" / "bang-sc-1-2019-03321.pdf"
    assert read_pdf(path).pages[0].startswith("CỤC SỞ HỮU TRÍ TUỆ (19) VN (11) 1-0035127")

    lines = read_layout_page(path, 0).split("\n")
    assert lines[:2] == ["CỤC SỞ HỮU TRÍ TUỆ", "(19) VN (11) 1-0035127"]
    assert "(21) Số đơn: 1-2019-03321" in lines
    assert "(73) Chủ bằng: Công ty TNHH Phân" in lines


@pytest.mark.parametrize("path", PATENT_FRONT_PAGES, ids=lambda path: path.name)
def test_layout_from_pdfium_boxes_gives_pdfminers_lines(path):
    """The lines found from PDFium's character boxes are those of pdfminer's layout analysis
    (which it replaced for speed), spacing aside: pdfminer adds a space where the file has one."""
    from indexer.pdf_text import _pdfminer_lines, _reading_order

    def squashed(text: str) -> list[str]:
        return [" ".join(line.split()) for line in normalise_text(text).split("\n")]

    by_pdfminer = _reading_order(*_pdfminer_lines(path, 0))
    assert squashed(read_layout_page(path, 0)) == squashed(by_pdfminer)


def test_a_rotated_two_column_page_is_read_column_by_column(tmp_path):
    """PDFium's boxes are in the unrotated page space: pdfminer reads a rotated page."""
    pdf = _canvas(tmp_path / "rotated.pdf")
    pdf.setPageRotation(90)
    # drawn turned a quarter left in the portrait media box, so that it shows upright in the
    # landscape page the rotation makes of it
    pdf.translate(595, 0)
    pdf.rotate(90)
    _write_columns(pdf, LEFT_COLUMN, RIGHT_COLUMN, y=500)
    pdf.showPage()
    pdf.save()

    lines = read_layout_page(tmp_path / "rotated.pdf", 0).split("\n")
    assert lines == LEFT_COLUMN + RIGHT_COLUMN


# --------------------------------------------------------------------------- end to end


def test_extract_document_from_a_born_digital_report(tmp_path):
    from indexer.extract import extract_document
    from schemas.records import validate_record

    cover = [
        "TRƯỜNG ĐẠI HỌC PHAN THIẾT",
        "BÁO CÁO TỔNG HỢP KẾT QUẢ NHIỆM VỤ",
        "Tên nhiệm vụ: Nghiên cứu quy trình canh tác thanh long ruột đỏ",
        "Mã số: BT-NN-2020-03",
        "Chủ nhiệm nhiệm vụ: PGS.TS. Nguyễn Văn Ánh",
        "Tổ chức chủ trì: Trường Đại học Phan Thiết",
        "Thời gian thực hiện: từ tháng 01/2020 đến tháng 12/2021",
        "Tổng kinh phí: 850 triệu đồng",
    ]
    path = make_pdf(tmp_path / "bao-cao.pdf", [cover, ["Trang hai của báo cáo tổng hợp đề tài."]])
    extraction = extract_document(path, original_name="Báo cáo 2022.pdf", enrich=False)
    record = extraction.record
    assert validate_record(record) == record
    assert extraction.quality == "clean" and extraction.text_method == "text_layer"
    assert set(extraction.timings) == {"text", "ocr", "parse", "nlp"}
    assert record["quality"]["summary"] == "clean"
    assert [page["verdict"] for page in record["quality"]["pages"]] == ["clean", "clean"]
    assert [page["method"] for page in record["quality"]["pages"]] == ["text_layer"] * 2
    assert record["document_type"] == "final_report"
    assert record["kind"] == "research_result"
    assert record["title"] == "Nghiên cứu quy trình canh tác thanh long ruột đỏ"
    assert record["identifiers"]["task_code"] == "BT-NN-2020-03"
    assert record["budget"]["total_vnd"] == 850_000_000
    assert record["people"][0]["title"] == "PGS.TS."
    assert record["full_text"].count("\n\f\n") == 1
    assert record["files"][0]["original_name"] == "Báo cáo 2022.pdf"
    assert record["files"][0]["pages"] == 2
    assert record["provenance"]["extractor"].startswith("indexer ")
    assert len(extraction.sha256) == 64


def test_extract_document_from_a_scan(tmp_path):
    from PIL import Image

    from indexer.extract import extract_document

    image_path = tmp_path / "scan.png"
    Image.new("RGB", (200, 280), "white").save(image_path)
    pdf = _canvas(tmp_path / "bao_cao_nuoc-mam_2019.pdf")
    pdf.drawImage(str(image_path), 0, 0, width=595, height=842)
    pdf.showPage()
    pdf.save()
    # OCR not run (as where tesseract is missing): kept, and marked as needing OCR.
    extraction = extract_document(tmp_path / "bao_cao_nuoc-mam_2019.pdf", ocr=False)
    assert extraction.quality == "needs_ocr"
    assert extraction.text_method == "none"
    assert extraction.record["title"] == "Bao cao nuoc mam 2019"
    assert extraction.record["document_type"] == "research_document"
    assert extraction.record["files"][0]["text_method"] == "none"
    assert extraction.record["quality"]["summary"] == "needs_ocr"
    assert extraction.record["quality"]["pages"] == [
        {"page": 1, "verdict": "empty", "method": "none", "ocr_confidence": None,
         "signals": extraction.record["quality"]["pages"][0]["signals"]}
    ]
    assert any("need OCR" in warning for warning in extraction.warnings)


def test_extract_document_reads_a_two_column_patent_page_column_by_column(tmp_path):
    from indexer.extract import extract_document

    left = [
        "(21) Số đơn: 1-2019-01234",
        "(22) Ngày nộp đơn: 12.03.2019",
        "(51) IPC: A23L 27/50 (2016.01)",
        "(54) Tên sáng chế: Quy trình sản xuất",
        "nước mắm giàu đạm từ cá cơm",
        "(57) Tóm tắt: Sáng chế đề cập đến quy",
        "trình sản xuất nước mắm.",
    ]
    right = [
        "(71) Chủ đơn: Trường Đại học Phan Thiết (VN)",
        "(72) Tác giả sáng chế: Nguyễn Văn An (VN);",
        "Trần Thị Bình (VN)",
        "(74) Đại diện SHCN: Công ty Luật Sao Việt",
    ]
    pdf = _canvas(tmp_path / "patent.pdf")
    _write_lines(pdf, ["(12) BẰNG ĐỘC QUYỀN SÁNG CHẾ"], x=200, y=800)
    _write_columns(pdf, left, right)
    pdf.showPage()
    pdf.save()
    record = extract_document(tmp_path / "patent.pdf", enrich=False).record
    assert record["document_type"] == "patent_document"
    assert record["kind"] == "patent"
    assert record["title"] == "Quy trình sản xuất nước mắm giàu đạm từ cá cơm"
    assert record["identifiers"]["application_number"] == "1-2019-01234"
    assert record["dates"]["filed"] == "2019-03-12"
    assert record["ipc_classes"] == ["A23L 27/50"]
    assert [p["name"] for p in record["people"] if p["role"] == "inventor"] == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
    ]


def test_legacy_vietnamese_font_encoding_is_converted(tmp_path):
    from indexer.extract import extract_document

    # What a TCVN3 ("ABC") font gives when its glyphs are read as Latin-1 text; this extractor
    # wrote the letter "ư" (the soft hyphen 0xAD) as "-".
    legacy = [
        "B¸o c¸o tæng hîp kÕt qu¶ nghiªn cøu khoa häc",
        "Tªn ®Ò tµi: Nghiªn cøu quy tr×nh s¶n xuÊt n-íc m¾m",
        "Chñ nhiÖm ®Ò tµi: TS. NguyÔn V¨n An",
    ]
    path = make_pdf(tmp_path / "tcvn3.pdf", [legacy])
    extraction = extract_document(path, enrich=False)
    # a three-line "report" may have fields staff should check (indexer.confidence), but its
    # text is converted, not sent to OCR
    assert extraction.quality in ("legacy_converted", "needs_review")
    reasons = extraction.record["quality"]["review_reasons"]
    assert not any("OCR" in reason for reason in reasons)
    assert extraction.text_method == "text_layer"
    assert any("TCVN3" in warning for warning in extraction.warnings)
    page = extraction.record["quality"]["pages"][0]
    assert (page["verdict"], page["method"]) == ("clean", "legacy_tcvn3")
    assert page["signals"]["layer_verdict"] == "garbled"
    assert extraction.record["full_text"].split("\n") == [
        "Báo cáo tổng hợp kết quả nghiên cứu khoa học",
        "Tên đề tài: Nghiên cứu quy trình sản xuất nước mắm",
        "Chủ nhiệm đề tài: TS. Nguyễn Văn An",
    ]


def test_soft_hyphens_of_a_tcvn3_text_layer_are_the_letter_u_horn(tmp_path):
    # 0xAD, the TCVN3 code of "ư", is the soft hyphen in Latin-1: it must survive extraction.
    lines = ["Tr\u00adêng §¹i häc Phan ThiÕt, n\u00adíc m¾m, ng\u00adêi d©n vïng biÓn"] * 3
    text = read_pdf(make_pdf(tmp_path / "soft.pdf", [lines]))
    assert text.pages[0].split("\n")[0] == (
        "Trường Đại học Phan Thiết, nước mắm, người dân vùng biển"
    )
    assert text.quality[0].method == "legacy_tcvn3"


def test_soft_hyphens_in_unicode_text_are_dropped(tmp_path):
    lines = ["Nghiên cứu quy trình canh tác thanh long ruột đỏ theo hướng an toàn sinh\u00adhọc"]
    text = read_pdf(make_pdf(tmp_path / "shy.pdf", [lines]))
    assert text.pages[0] == lines[0].replace("\u00ad", "")
    assert text.quality[0].method == "text_layer"


def test_split_diacritics_are_repaired_and_the_page_says_so(tmp_path):
    # A LibreOffice-style export: the tone mark written before the circumflex, an order NFC
    # cannot compose ("e" + acute + circumflex stays "é" + a loose circumflex).
    broken = (
        "Tie\u0301\u0302n \u0111o\u0302\u0323 thu\u031b\u0323c hie\u0323\u0302n, "
        "ke\u0301\u0302t qua\u0309 sa\u0309n xua\u0301\u0302t"
    )
    path = make_pdf(tmp_path / "lo.pdf", [[broken] * 4])
    text = read_pdf(path)
    assert text.pages[0].split("\n")[0] == "Tiến độ thực hiện, kết quả sản xuất"
    assert text.quality[0].method == "repaired"
    assert text.quality[0].verdict == "clean"
    assert text.quality[0].signals["repairs"] == 3 * 4  # Tiến, kết, xuất on four lines


def test_a_page_of_unmapped_glyphs_is_garbled_and_asks_for_ocr(tmp_path):
    lines = ["(cid:12)(cid:45)(cid:3) (cid:77)(cid:9) Báo cáo (cid:5)(cid:6)"] * 6
    text = read_pdf(make_pdf(tmp_path / "cid.pdf", [lines, VIETNAMESE]))
    assert [item.verdict for item in text.quality] == ["garbled", "clean"]
    assert text.ocr_candidates == [0]


def test_pages_without_text_are_ocr_candidates_only_when_they_hold_an_image(tmp_path):
    from PIL import Image

    image_path = tmp_path / "scan.png"
    Image.new("RGB", (200, 280), "white").save(image_path)
    pdf = _canvas(tmp_path / "mixed.pdf")
    _write_lines(pdf, VIETNAMESE)
    pdf.showPage()
    pdf.showPage()  # a blank page
    pdf.drawImage(str(image_path), 0, 0, width=595, height=842)
    pdf.showPage()
    pdf.save()
    text = read_pdf(tmp_path / "mixed.pdf")
    assert [item.verdict for item in text.quality] == ["clean", "empty", "empty"]
    assert [item.method for item in text.quality] == ["text_layer", "none", "none"]
    assert text.ocr_candidates == [2]
