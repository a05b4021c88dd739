"""OCR with Tesseract on page images made here: text, confidence, parallel pages, and what
happens where Tesseract is missing.

These tests need ``tesseract`` with Vietnamese data (``make install`` puts it there). Where it is
missing they *fail* with the reason instead of skipping: a machine without OCR would silently
leave every scanned document unread.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from indexer import ocr
from indexer.pdf_text import PageQuality

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

PAGE_ONE = [
    "BÁO CÁO TỔNG KẾT ĐỀ TÀI",
    "Tên đề tài: Nghiên cứu quy trình sản xuất nước mắm",
    "truyền thống Phan Thiết theo hướng an toàn thực phẩm",
    "Mã số: ĐTKH.07/2009",
    "Chủ nhiệm đề tài: ThS. Nguyễn Thị Thu Hương",
    "Tổ chức chủ trì: Trường Đại học Phan Thiết",
    "Thời gian thực hiện: từ tháng 03/2009 đến tháng 12/2010",
]
PAGE_TWO = [
    "TÓM TẮT",
    "Nhiệm vụ đã khảo sát 40 cơ sở chế biến tại phường Phú Hài,",
    "xác định yêu cầu công nghệ và điều kiện sử dụng. Kết quả",
    "chạy thử cho thấy thời gian sấy giảm còn 8-10 giờ.",
    "ABSTRACT",
    "The project designed and built a tray dryer combining solar",
    "collectors with a biomass furnace burning cashew shells.",
]


@pytest.fixture(scope="module", autouse=True)
def tesseract_is_installed():
    available, message = ocr.ocr_status()
    if not available:
        pytest.fail(f"OCR tests need tesseract: {message}", pytrace=False)


def _page_image(lines: list[str], dpi: int = 300, size_pt: float = 13):
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    scale = dpi / 72
    image = Image.new("L", (round(595 * scale), round(842 * scale)), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), round(size_pt * scale))
    y = 72 * scale
    for line in lines:
        draw.text((60 * scale, y), line, font=font, fill=25)
        y += size_pt * 1.9 * scale
    return image.rotate(0.4, fillcolor=250).filter(ImageFilter.GaussianBlur(0.6))


def make_scan(path: Path, pages: list[list[str]], dpi: int = 300) -> Path:
    images = [_page_image(lines, dpi) for lines in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return path


def _word_accuracy(expected: str, found: str) -> float:
    want, got = expected.split(), found.split()
    matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(want)


def test_ocr_reads_vietnamese_and_english_pages_in_the_order_asked(tmp_path):
    path = make_scan(tmp_path / "scan.pdf", [PAGE_ONE, PAGE_TWO])
    pages = ocr.ocr_pages(path, [1, 0], workers=2)
    assert [page.index for page in pages] == [1, 0]
    for page, lines in zip(pages, [PAGE_TWO, PAGE_ONE], strict=True):
        assert page.error is None
        accuracy = _word_accuracy("\n".join(lines), page.text)
        print(f"page {page.index + 1}: words right {accuracy:.3f}, confidence {page.confidence}")
        assert accuracy >= 0.95, page.text
        assert page.confidence is not None and page.confidence > 80
        assert page.words >= 40
    assert "Chủ nhiệm đề tài: ThS. Nguyễn Thị Thu Hương" in pages[1].text.split("\n")


def test_an_empty_page_gives_no_text_and_no_confidence(tmp_path):
    path = make_scan(tmp_path / "blank.pdf", [[]])
    [page] = ocr.ocr_pages(path, [0])
    assert (page.text, page.confidence, page.words, page.error) == ("", None, 0, None)


def test_tsv_is_turned_into_lines_without_table_rules():
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
    rows = [header + "\tconf\ttext"]
    words = [
        (1, 1, 1, 1, 90.0, "1"), (1, 1, 1, 2, 80.0, "|"), (1, 1, 1, 3, 95.0, "TS."),
        (1, 1, 1, 4, 95.0, "Hà"), (1, 1, 1, 5, 85.0, "Văn"), (1, 1, 1, 6, 95.0, "Tâm|"),
        (1, 1, 2, 1, 70.0, "4"), (1, 1, 2, 2, 60.0, "Ị|KS."), (1, 1, 2, 3, 90.0, "Phạm"),
        (1, 1, 3, 1, 90.0, "5"), (1, 1, 3, 2, 90.0, "[CN."), (1, 1, 3, 3, 90.0, "Hà]"),
        (1, 1, 3, 4, 90.0, "[12]"), (2, 1, 1, 1, -1.0, " "),
    ]
    for block, par, line, word, conf, text in words:
        rows.append(f"5\t1\t{block}\t{par}\t{line}\t{word}\t0\t0\t10\t10\t{conf}\t{text}")
    page = ocr.parse_tsv("\n".join(rows))
    assert page.text == "1 TS. Hà Văn Tâm\n4 KS. Phạm\n5 CN. Hà [12]"
    kept = [w[4] for w in words[:-1] if w[5] != "|"]  # a rule is not a word
    assert page.words == len(kept) == 12
    assert page.confidence == round(sum(kept) / len(kept), 1)


def test_missing_language_data_is_reported_with_what_to_install(monkeypatch):
    monkeypatch.setenv("OCR_LANGUAGES", "xyz+vie")
    available, message = ocr.ocr_status()
    assert not available
    assert "no xyz language data" in message and "apt-get install" in message
    with pytest.raises(ocr.OcrUnavailable):
        ocr.ocr_pages("whatever.pdf", [0])


def test_missing_tesseract_is_reported(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    ocr._installed.cache_clear()
    try:
        assert ocr.ocr_status() == (
            False, f"OCR unavailable: tesseract is not installed ({ocr.INSTALL_HINT})."
        )
        assert not ocr.ocr_available()
    finally:
        monkeypatch.undo()
        ocr._installed.cache_clear()
    assert ocr.ocr_available()


def test_languages_prefer_the_vietnamese_script_model_when_installed(monkeypatch):
    _, installed, _ = ocr._installed()
    expected = ocr.SCRIPT_MODEL if "Vietnamese" in installed else ocr.LANGUAGE_MODELS
    assert ocr.languages() == expected
    monkeypatch.setenv("OCR_LANGUAGES", "vie+eng")
    assert ocr.languages() == ("vie", "eng")


# --------------------------------------------------------------------------- end to end


def test_extract_document_reads_a_scan_by_ocr(tmp_path):
    from indexer.extract import extract_document

    path = make_scan(tmp_path / "scan.pdf", [PAGE_ONE, PAGE_TWO])
    extraction = extract_document(path, enrich=False)
    record = extraction.record
    assert extraction.text_method == "ocr"
    assert record["files"][0]["text_method"] == "ocr"
    assert extraction.quality == "ocr"
    assert record["quality"]["summary"] == "ocr"
    pages = record["quality"]["pages"]
    assert [(p["verdict"], p["method"]) for p in pages] == [("clean", "ocr")] * 2
    assert all(p["ocr_confidence"] > 80 for p in pages)
    assert pages[0]["signals"]["layer_verdict"] == "empty"
    assert extraction.timings["ocr"] > 0
    assert record["document_type"] == "final_report"
    assert record["identifiers"]["task_code"] == "ĐTKH.07/2009"
    assert record["title"].startswith("Nghiên cứu quy trình sản xuất nước mắm")
    assert any("read by OCR" in note for note in extraction.warnings)


# A cover that misspells a known organisation the way OCR misreads diacritics ("Hồ" for "Hố").
MISREAD_HOST = "Viện Nghiên cứu Bông và Phát triển nông nghiệp Nha Hồ"
KNOWN_HOST = "Viện Nghiên cứu Bông và Phát triển nông nghiệp Nha Hố"  # the vocabulary's spelling


def _cover_with_host(host: str) -> list[str]:
    return [*PAGE_ONE[:5], f"Tổ chức chủ trì: {host}", PAGE_ONE[6]]


def test_an_ocr_read_organisation_is_recorded_as_the_vocabulary_spells_it(tmp_path):
    from indexer.extract import extract_document

    path = make_scan(tmp_path / "scan.pdf", [_cover_with_host(MISREAD_HOST), PAGE_TWO])
    extraction = extract_document(path, enrich=False)
    assert extraction.record["host_organisation"] == KNOWN_HOST
    assert f"host_organisation: OCR read {MISREAD_HOST!r}" in " ".join(extraction.warnings)


def test_a_text_layer_keeps_the_organisation_as_the_document_spells_it(tmp_path):
    from indexer.extract import extract_document
    from tests.test_pdf_text import make_pdf

    path = make_pdf(tmp_path / "report.pdf", [_cover_with_host(MISREAD_HOST), PAGE_TWO])
    extraction = extract_document(path, enrich=False)
    assert extraction.text_method == "text_layer"
    assert extraction.record["host_organisation"] == MISREAD_HOST


def test_without_tesseract_a_scan_is_kept_as_needing_ocr(tmp_path, monkeypatch):
    from indexer.extract import extract_document

    monkeypatch.setenv("OCR_LANGUAGES", "xyz")  # as if the language data were not installed
    path = make_scan(tmp_path / "bao-cao-quet.pdf", [PAGE_ONE])
    extraction = extract_document(path, enrich=False)
    assert extraction.quality == "needs_ocr"
    assert extraction.text_method == "none"
    assert extraction.record["title"] == "Bao cao quet"
    assert any("OCR unavailable" in note and "need OCR" in note for note in extraction.warnings)


def test_a_blank_scan_needs_review():
    from indexer.extract import quality_block

    block = quality_block([PageQuality(1, "empty", "ocr", {}, None)], [], has_text=False)
    assert block["summary"] == "needs_review"
    assert block["review_reasons"] == ["no text could be read from the document"]


def test_low_ocr_confidence_needs_review_and_unread_pages_need_ocr():
    from indexer.extract import MIN_OCR_CONFIDENCE, quality_block

    pages = [
        PageQuality(1, "clean", "ocr", {"words": 100}, MIN_OCR_CONFIDENCE + 10),
        PageQuality(2, "clean", "ocr", {"words": 300}, MIN_OCR_CONFIDENCE - 10),
        PageQuality(3, "clean", "legacy_vni", {"words": 300}),
    ]
    block = quality_block(pages, [], has_text=True)
    assert block["summary"] == "needs_review" and block["needs_review"]
    assert block["review_reasons"] == ["OCR confidence 65, under 70 (lowest on page(s) 2)"]
    # the mean is weighted by words: one poor page with few words does not send it to review
    pages[1].signals["words"] = 10
    assert quality_block(pages, [], has_text=True)["summary"] == "ocr"
    assert quality_block(pages[2:], [], has_text=True)["summary"] == "legacy_converted"
    assert quality_block(pages, [4], has_text=True)["summary"] == "needs_ocr"


def test_english_scans_are_read_again_with_the_english_model():
    """A page the Vietnamese model read as English is read again with ``eng``; the reading
    Tesseract is surer of is kept. Vietnamese pages are not read twice."""
    from pathlib import Path

    from indexer.extract import _english_pages_again
    from indexer.ocr import OcrPage

    class Tesseract:
        asked: list = []

        def languages(self):
            return ("Vietnamese",)

        def _installed(self):
            return None, frozenset({"Vietnamese", "eng"}), ""

        def ocr_pages(self, path, indices, workers=None, models=None):
            self.asked.append((list(indices), models))
            return [OcrPage(i, "Examples of the disclosure provide data", 91.0, 6) for i in indices]

    english = OcrPage(0, "Examples of the đisclosure provide dafa for the user and the", 80.0, 12)
    vietnamese = OcrPage(1, "Trong bài báo này, chúng tôi trình bày kết quả nghiên cứu", 85.0, 12)
    tesseract = Tesseract()
    pages = _english_pages_again(tesseract, Path("scan.pdf"), [english, vietnamese], 1)
    assert tesseract.asked == [([0], ("eng",))]
    assert pages[0].text == "Examples of the disclosure provide data"
    assert pages[1] is vietnamese
