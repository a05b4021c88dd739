"""TCVN3 (ABC) and VNI: the tables, conversion both ways, and detection."""

from __future__ import annotations

import unicodedata

import pytest

from indexer.legacy_encodings import (
    ENCODINGS,
    _encode_tables,
    detect_legacy,
    from_unicode,
    to_unicode,
)
from indexer.text_quality import VIETNAMESE_LETTERS

SENTENCES = [
    "Giá trị giao dịch của thị trường khoa học và công nghệ tăng trung bình 15%/năm, chủ yếu "
    "tập trung vào một số lĩnh vực, ngành chủ lực, lợi thế của tỉnh.",
    "Tên đề tài: Nghiên cứu quy trình sản xuất nước mắm truyền thống Phan Thiết theo hướng "
    "nâng cao chất lượng và an toàn thực phẩm.",
    "Chủ nhiệm đề tài: TS. Nguyễn Văn Hùng; Tổ chức chủ trì: Trường Đại học Phan Thiết.",
    "Kinh phí thực hiện: 450 triệu đồng, trong đó từ ngân sách sự nghiệp khoa học: 400 triệu "
    "đồng. Thời gian thực hiện: từ tháng 06/2003 đến tháng 12/2004.",
    "Kết quả cho thấy năng suất thanh long tăng 18%, tỷ lệ quả loại một đạt 72%, giảm chi phí "
    "phân bón và thuốc bảo vệ thực vật; người dân vùng dự án đã ứng dụng rộng rãi.",
]
HEADINGS = [
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "BÁO CÁO TỔNG KẾT ĐỀ TÀI",
    "NGHIÊN CỨU ỨNG DỤNG CÔNG NGHỆ SINH HỌC TRONG SẢN XUẤT NƯỚC MẮM",
]


# --------------------------------------------------------------------------- the tables


def test_every_vietnamese_letter_has_a_legacy_form_and_no_two_share_it():
    tables = _encode_tables()
    small = sorted(c for c in VIETNAMESE_LETTERS if c.islower() and not c.isascii())
    for encoding in ENCODINGS:
        assert set(small) <= set(tables[encoding]), encoding
        forms = [tables[encoding][letter] for letter in small]
        assert len(set(forms)) == len(forms), encoding
    # TCVN3: one byte each, in the upper half of Latin-1.
    assert all(len(form) == 1 and 0xA1 <= ord(form) <= 0xFE for form in tables["tcvn3"].values())
    # VNI: every capital has a form of its own too.
    capitals = [c for c in VIETNAMESE_LETTERS if c.isupper() and not c.isascii()]
    vni = tables["vni"]
    assert len({vni[c] for c in capitals}) == len(capitals)


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        # typed by hand from the published TCVN3 chart, independent of the tables
        ("B¸o c¸o tæng hîp kÕt qu¶ nghiªn cøu", "Báo cáo tổng hợp kết quả nghiên cứu"),
        ("Tr\u00adêng §¹i häc Phan ThiÕt", "Trường Đại học Phan Thiết"),
        ("n\u00adíc m¾m, thanh long ruét ®á, ¨n uèng", "nước mắm, thanh long ruột đỏ, ăn uống"),
        ("kü thuËt, ý kiÕn, tû lÖ, mü thuËt", "kỹ thuật, ý kiến, tỷ lệ, mỹ thuật"),
    ],
)
def test_tcvn3_known_strings(legacy, unicode):
    assert to_unicode(legacy, "tcvn3") == unicode


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        # typed by hand from the VNI-Windows chart
        ("Baùo caùo toång hôïp keát quaû nghieân cöùu", "Báo cáo tổng hợp kết quả nghiên cứu"),
        ("Tröôøng Ñaïi hoïc Phan Thieát", "Trường Đại học Phan Thiết"),
        ("nöôùc maém, thanh long ruoät ñoû, aên uoáng", "nước mắm, thanh long ruột đỏ, ăn uống"),
        ("kyõ thuaät, yù kieán, tæ leä, hoïc kì, hieäu suaát", "kỹ thuật, ý kiến, tỉ lệ, học kì, "
         "hiệu suất"),
        ("VIEÄT NAM, ÑAÏI HOÏC, TRÖÔØNG", "VIỆT NAM, ĐẠI HỌC, TRƯỜNG"),
    ],
)
def test_vni_known_strings(legacy, unicode):
    assert to_unicode(legacy, "vni") == unicode


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("text", SENTENCES + HEADINGS)
def test_vni_round_trip_is_exact(text):
    encoded = from_unicode(text, "vni")
    assert encoded != text and encoded.encode("latin-1")  # Latin-1 characters only
    assert to_unicode(encoded, "vni") == text


@pytest.mark.parametrize("text", SENTENCES + HEADINGS)
def test_tcvn3_round_trip(text):
    encoded = from_unicode(text, "tcvn3")
    assert encoded.encode("latin-1")
    assert to_unicode(encoded, "tcvn3") == text


def test_tcvn3_has_no_toned_capitals_inside_a_sentence():
    # "Ánh" inside a name cannot be told from "ánh": the one loss of TCVN3 (typists switched
    # to a .VnTimeH font for that letter); at the start of a sentence or a value it is restored.
    encoded = from_unicode("Chủ nhiệm: ThS. Lê Văn Ánh. Ứng dụng kết quả.", "tcvn3")
    assert to_unicode(encoded, "tcvn3") == "Chủ nhiệm: ThS. Lê Văn ánh. Ứng dụng kết quả."


def test_tcvn3_hyphen_for_u_horn_only_where_it_makes_a_syllable():
    assert to_unicode("n-íc m¾m, Tr-êng", "tcvn3") == "nước mắm, Trường"
    assert to_unicode("BT-KHCN-2012, kinh-tÕ", "tcvn3") == "BT-KHCN-2012, kinh-tế"


def test_unknown_encoding_is_refused():
    with pytest.raises(ValueError):
        to_unicode("abc", "viscii")
    with pytest.raises(ValueError):
        from_unicode("abc", "viqr")


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_detects_each_encoding(encoding):
    text = "\n".join(HEADINGS + SENTENCES)
    assert detect_legacy(from_unicode(text, encoding)) == encoding
    # a single sentence is enough
    assert detect_legacy(from_unicode(SENTENCES[1], encoding)) == encoding


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(SENTENCES),  # Unicode Vietnamese
        unicodedata.normalize("NFD", "\n".join(SENTENCES)),
        "The dryer reached 18-20% moisture; fuel cost fell by 45% compared with coal.",
        "Le café de la Côte d'Azur, où l'été dure, à Nîmes et à Besançon; Größe, Müller, Straße.",
        "B¸o c¸o",  # too short to tell
        "",
    ],
)
def test_detects_nothing_where_there_is_no_legacy_text(text):
    assert detect_legacy(text) is None
