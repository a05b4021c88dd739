"""Page verdicts, the Vietnamese syllable validator and the repair of diacritics."""

from __future__ import annotations

import unicodedata

import pytest

from indexer.legacy_encodings import from_unicode
from indexer.text_quality import (
    assess_page,
    is_syllable,
    parse_syllable,
    repair_text,
    repair_vietnamese,
    word_counts,
)

# From plan 4239/KH-UBND (2021) of Bình Thuận, the plan this product serves.
PLAN = (
    "Giá trị giao dịch của thị trường khoa học và công nghệ tăng trung bình 15%/năm, chủ yếu "
    "tập trung vào một số lĩnh vực, ngành chủ lực, lợi thế của tỉnh. Tỷ trọng giao dịch tài sản "
    "trí tuệ đạt 5%, tỷ trọng giao dịch các công nghệ nhập khẩu từ các nước phát triển đạt 5 - "
    "10%. Tỷ trọng giao dịch công nghệ từ các viện nghiên cứu, trường đại học đạt 5% trong tổng "
    "giao dịch công nghệ có nguồn gốc trong nước. Hình thành 01 tổ chức trung gian và kết nối "
    "vào mạng lưới các tổ chức trung gian khoa học và công nghệ quốc gia. Ủy ban nhân dân tỉnh "
    "ban hành Kế hoạch triển khai Chương trình phát triển thị trường khoa học và công nghệ đến "
    "năm 2030 của tỉnh Bình Thuận với nội dung cụ thể như sau."
)
ENGLISH = (
    "Sun-drying of anchovies in Phan Thiet depends on the weather. The project designed and "
    "built a 300 kg tray dryer combining flat-plate solar collectors with a biomass furnace "
    "burning cashew shells and wood waste. Drying took 8-10 hours to 18-20% moisture with good "
    "colour and microbiological quality, and fuel cost fell by 45% compared with coal-fired "
    "drying."
)


# --------------------------------------------------------------------------- syllables


def test_every_word_of_real_vietnamese_prose_is_a_syllable():
    words = [word.strip(".,%/-") for word in PLAN.split()]
    words = [word for word in words if word.isalpha()]
    assert len(words) > 100
    assert [word for word in words if not is_syllable(word)] == []


@pytest.mark.parametrize(
    "word",
    ["người", "Nguyễn", "quyết", "quốc", "giường", "gì", "gìn", "khuỷu", "ngoằn", "thuở",
     "uống", "ý", "kỳ", "ghi", "nghiêng", "xoáy", "khuya", "boong", "ĐƯỜNG", "Việt", "hòa",
     "hoà", "thủy", "thuỷ", "oái"],
)
def test_valid_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize(
    "word",
    [
        "project", "string", "Pasteur",  # English and French
        "Nghieân", "cöùu", "B¸o", "tæng",  # VNI and TCVN3 read as Latin-1
        "đểề",  # two tones
        "cat", "cảt",  # a syllable closed by c/ch/p/t takes only the acute or the dot below
        "ka", "ci", "ghu", "nge",  # k/gh/ngh only before i e ê y; c/ng never before them
        "quu", "aa", "ăn" + "i",
    ],
)
def test_invalid_syllables(word):
    assert not is_syllable(word)


def test_parse_syllable_splits_onset_rhyme_and_tone():
    syllable = parse_syllable("Nguyễn")
    assert (syllable.onset, syllable.nucleus, syllable.coda) == ("ng", "uyê", "n")
    assert syllable.tone == "\u0303" and syllable.tone_at == 4
    assert parse_syllable("giữa").onset == "gi"
    assert parse_syllable("gìn").onset == "g"
    assert parse_syllable("quả").onset == "qu"


# --------------------------------------------------------------------------- repair


@pytest.mark.parametrize(
    ("broken", "right"),
    [
        ("tóan", "toán"), ("hòang", "hoàng"), ("qúa", "quá"), ("gìa", "già"),
        ("khúyên", "khuyến"), ("ngòai", "ngoài"), ("TÓAN", "TOÁN"),
    ],
)
def test_tone_on_the_wrong_vowel_is_moved(broken, right):
    repaired, changed = repair_vietnamese(broken)
    assert (repaired, changed) == (right, True)
    assert repair_text(broken)[1].misplaced_tones == 1


@pytest.mark.parametrize(
    ("new_style", "traditional"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoá học", "Hóa học"), ("HOÀ", "HÒA")],
)
def test_open_oa_oe_uy_take_the_traditional_placement(new_style, traditional):
    repaired, repairs = repair_text(new_style)
    assert repaired == traditional
    assert (repairs.tone_style, repairs.defects) == (1, 0)


@pytest.mark.parametrize(
    "word", ["hòa", "thủy", "Quý", "quỵ", "người", "khuỷu", "ngoài", "Hélène", "café", "Việt"]
)
def test_right_words_are_left_alone(word):
    assert repair_vietnamese(word) == (word, False)


def test_marks_in_an_order_nfc_cannot_compose_are_put_back():
    # LibreOffice-style: tone before circumflex/breve (both combining class 230).
    broken = "xua\u0301\u0302t kha\u0309\u0302u ca\u0300\u0306n ke\u0301\u0302t"
    assert unicodedata.normalize("NFC", broken) != "xuất khẩu cằn kết"
    repaired, repairs = repair_text(broken)
    assert repaired == "xuất khẩu cằn kết"
    assert repairs.split_marks == 4


def test_marks_on_a_consonant_or_before_their_letter_move_to_the_vowel():
    assert repair_vietnamese("cu\u031bu\u0301")[0] == "cứu"  # and onto the right vowel
    assert repair_vietnamese("Vie\u0302t\u0323")[0] == "Việt"
    assert repair_vietnamese("\u0301an")[0] == "án"
    assert repair_vietnamese("Español Müller")[0] == "Español Müller"


def test_decomposed_text_is_composed_and_repair_is_idempotent():
    decomposed = unicodedata.normalize("NFD", PLAN)
    repaired, changed = repair_vietnamese(decomposed)
    assert repaired == PLAN and not changed  # NFC alone made it right: nothing "changed"
    again, changed_again = repair_vietnamese(repaired)
    assert (again, changed_again) == (repaired, False)


# --------------------------------------------------------------------------- verdicts


def test_vietnamese_and_english_prose_are_clean():
    for text in (PLAN, ENGLISH, PLAN + "\n" + ENGLISH):
        verdict = assess_page(text)
        assert verdict.verdict == "clean", verdict
        assert verdict.reasons == []
    signals = assess_page(PLAN).signals
    assert signals["vi_syllables"] > 0.95 and signals["marked_valid"] == 1.0
    assert set(signals) == {
        "chars", "words", "unmapped", "combining", "foreign_words", "vi_syllables",
        "marked_words", "marked_valid",
    }


def test_a_page_number_or_nothing_is_empty():
    for text in ("", "  \n ", "12", "Trang 3 / 45"):
        assert assess_page(text).verdict == "empty"


def test_unmapped_glyphs_make_a_page_garbled_but_one_bullet_does_not():
    assert assess_page("(cid:3) " + PLAN).verdict == "clean"
    cids = " ".join(f"(cid:{n})" for n in range(40))
    verdict = assess_page(cids + " " + PLAN[:200])
    assert verdict.verdict == "garbled"
    assert verdict.signals["unmapped"] == 40
    assert assess_page("\ufffd\ufffd\ufffd \ue001\ue002 " + "Báo cáo " * 5).verdict == "garbled"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encoded_text_is_garbled(encoding):
    verdict = assess_page(from_unicode(PLAN, encoding))
    assert verdict.verdict == "garbled"
    assert verdict.reasons


def test_uncomposed_marks_make_a_page_garbled():
    broken = " ".join("xua\u0301\u0302t" for _ in range(60))
    assert assess_page(broken).verdict == "garbled"
    assert assess_page(repair_vietnamese(broken)[0]).verdict == "clean"


def test_word_counts():
    counts = word_counts("Báo cáo the project B¸o 2021 cöùu")
    assert counts == {"words": 6, "foreign": 2, "marked": 2, "valid": 3, "marked_valid": 2}
