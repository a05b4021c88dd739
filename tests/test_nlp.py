"""indexer.nlp with the real spaCy pipelines (blank "vi" with pyvi, blank "en"), no mocks."""

from __future__ import annotations

import pytest

from indexer import nlp
from schemas import records, vocabularies

REPORT = """ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN
SỞ KHOA HỌC VÀ CÔNG NGHỆ

BÁO CÁO TỔNG HỢP KẾT QUẢ NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ CẤP TỈNH
NGHIÊN CỨU QUY TRÌNH BẢO QUẢN THANH LONG SAU THU HOẠCH

Chủ nhiệm nhiệm vụ: PGS.TS. Nguyễn Văn An
Thư ký: ThS. Trần Thị Bích Ngọc
Thành viên: KS. Lê Hoàng Long, Trung tâm Thông tin và Ứng dụng tiến bộ KH&CN Bình Thuận; \
TS Phạm Minh Hoà Trường Đại học Nông Lâm TP. Hồ Chí Minh

Tóm tắt: Thanh long là cây trồng chủ lực của tỉnh, tập trung ở huyện Hàm Thuận Bắc, thị trấn \
Ma Lâm và Hàm Thuận Nam. Đề tài nghiên cứu quy trình bảo quản trái thanh long bằng màng phủ sinh \
học và kho lạnh. Thanh long được bảo quản trong kho lạnh giảm hao hụt sau thu hoạch. Sở Khoa học \
và Công nghệ tỉnh Bình Thuận phối hợp với Hợp tác xã Thanh long Hàm Minh triển khai mô hình tại \
huyện Hàm Thuận Bắc.
"""

EXPECTED_KEYS = {"entities", "people_titles", "suggested"}
ENTITY_KEYS = {"organisations", "people", "places", "sectors", "technologies"}
SUGGESTED_KEYS = {"sectors", "district", "field_of_science", "keywords"}


@pytest.fixture(scope="module")
def report() -> dict:
    return nlp.enrich(REPORT)


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("PGS.TS. Nguyễn Văn An", ("PGS.TS.", "Nguyễn Văn An")),
        ("PGS. TS Lê Thị Hoa", ("PGS.TS.", "Lê Thị Hoa")),
        ("GS.TSKH. Đặng Vũ Minh", ("GS.TSKH.", "Đặng Vũ Minh")),
        ("THS. TRẦN BÌNH", ("ThS.", "TRẦN BÌNH")),
        ("KS.  Lê   Hoàng Long", ("KS.", "Lê Hoàng Long")),
        ("ThS.BS. Võ Thị Thu Hà", ("ThS.BS.", "Võ Thị Thu Hà")),
        ("Assoc. Prof. Dr. Tran Van Binh", ("Assoc. Prof. Dr.", "Tran Van Binh")),
        ("Nguyễn Văn An", (None, "Nguyễn Văn An")),
        ("KS Hàm Tiến", (None, "KS Hàm Tiến")),  # KS. needs its dot: "KS" is also a hotel
        ("Tsang Wing", (None, "Tsang Wing")),
    ],
)
def test_strip_academic_title(printed, expected):
    assert nlp.strip_academic_title(printed) == expected


def test_result_has_exactly_the_documented_shape(report):
    assert set(report) == EXPECTED_KEYS
    assert set(report["entities"]) == ENTITY_KEYS
    assert set(report["suggested"]) == SUGGESTED_KEYS
    for values in report["entities"].values():
        assert isinstance(values, list)
        assert len(values) == len({v.casefold() for v in values}), "not deduplicated"
    # what the record schema will receive
    records.EntitiesSchema().load(report["entities"])


def test_titled_people_are_found_with_the_title_stripped(report):
    people = report["entities"]["people"]
    assert people[:4] == ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Long", "Phạm Minh Hoà"]
    assert report["people_titles"] == {
        "Nguyễn Văn An": "PGS.TS.",
        "Trần Thị Bích Ngọc": "ThS.",
        "Lê Hoàng Long": "KS.",
        "Phạm Minh Hoà": "TS.",  # the name stops where "Trường Đại học" begins
    }


def test_organisations_from_the_vocabulary_and_from_rules(report):
    organisations = report["entities"]["organisations"]
    # known organisations come back under their authority name
    assert "Sở Khoa học và Công nghệ tỉnh Bình Thuận" in organisations
    assert "Ủy ban nhân dân tỉnh Bình Thuận" in organisations  # from the capitals on the cover
    assert (
        "Trung tâm Thông tin và Ứng dụng tiến bộ khoa học và công nghệ Bình Thuận" in organisations
    )
    # unknown ones as printed, stopping at the first lower-case word that is not part of a name
    assert "Trường Đại học Nông Lâm TP. Hồ Chí Minh" in organisations
    assert "Hợp tác xã Thanh long Hàm Minh" in organisations


def test_places_by_district_and_by_locality(report):
    assert report["entities"]["places"][:2] == ["ham-thuan-bac", "ham-thuan-nam"]
    assert report["suggested"]["district"] == "ham-thuan-bac"
    assert nlp.enrich("Du lịch biển Mũi Né phát triển mạnh.")["entities"]["places"] == [
        "phan-thiet"
    ]
    assert nlp.enrich("Cảng cá Phan Rí Cửa và thị trấn Liên Hương.")["suggested"]["district"] == (
        "tuy-phong"
    )
    assert nlp.enrich("Mô hình tại thị trấn Chợ Lầu.")["entities"]["places"] == ["bac-binh"]


def test_places_by_2025_successor_and_without_diacritics():
    assert nlp.enrich("Từ 1/7/2025 xã Vĩnh Hảo thuộc tỉnh Lâm Đồng.")["entities"]["places"] == [
        "tuy-phong"
    ]
    assert nlp.enrich("Đặc khu Phú Quý có nghề khai thác hải sản.")["entities"]["places"] == [
        "phu-quy"
    ]
    english = nlp.enrich("Field trials in Ham Thuan Bac district and Mui Ne ward.", "en")
    assert english["entities"]["places"] == ["ham-thuan-bac", "phan-thiet"]


def test_place_names_inside_organisation_names_do_not_count():
    result = nlp.enrich("Trường Đại học Phan Thiết tổ chức hội thảo về Tánh Linh.")
    assert result["entities"]["organisations"] == ["Trường Đại học Phan Thiết"]
    assert result["entities"]["places"] == ["tanh-linh"]


def test_common_words_are_not_places():
    result = nlp.enrich("Kết quả này là gì? Đa dạng sinh học rất phong phú.")
    assert result["entities"]["places"] == []
    assert result["suggested"]["district"] is None


def test_sectors_from_vietnamese_text(report):
    assert report["entities"]["sectors"][0] == "thanh-long"
    assert report["suggested"]["sectors"][0] == "thanh-long"
    result = nlp.enrich(
        "Làng nghề nước mắm Phan Thiết dùng cá cơm ủ chượp. Dự án điện gió Tuy Phong và khai "
        "thác titan ven biển; nuôi trồng thuỷ sản ở La Gi."
    )
    assert set(result["entities"]["sectors"]) >= {"nuoc-mam", "dien-gio", "titan", "thuy-san"}
    assert result["suggested"]["sectors"][0] == "nuoc-mam"  # three mentions


def test_sectors_from_english_text():
    result = nlp.enrich(
        "Dragon fruit (pitaya) growers and fish sauce makers; a wind farm and solar panels.", "en"
    )
    assert result["entities"]["sectors"] == ["thanh-long", "nuoc-mam", "dien-gio", "dien-mat-troi"]
    vocabulary = vocabularies.load("sectors")
    assert all(key in vocabulary for key in result["suggested"]["sectors"])


def test_sector_suggestions_need_two_mentions_or_an_early_one():
    filler = "Nội dung chương này trình bày phương pháp nghiên cứu chung. " * 60
    late_once = nlp.enrich(filler + "Có nhắc đến điện gió một lần.")
    assert late_once["entities"]["sectors"] == ["dien-gio"]
    assert late_once["suggested"]["sectors"] == []
    late_twice = nlp.enrich(filler + "Điện gió và điện gió ngoài khơi.")
    assert late_twice["suggested"]["sectors"] == ["dien-gio"]
    early_once = nlp.enrich("Ứng dụng điện gió. " + filler)
    assert early_once["suggested"]["sectors"] == ["dien-gio"]


def test_field_of_science_suggestion(report):
    assert report["suggested"]["field_of_science"] == "401"
    fisheries = nlp.enrich("Nuôi trồng thủy sản, đánh bắt hải sản và tôm giống ở Phú Quý.")
    assert fisheries["suggested"]["field_of_science"] == "405"
    # no cue word of any field: the sector's hint
    assert nlp.enrich("A wind farm by the sea.", "en")["suggested"]["field_of_science"] == "207"
    assert nlp.enrich("Xin chào.")["suggested"]["field_of_science"] is None


def test_technologies(report):
    assert {"màng phủ", "kho lạnh"} <= set(report["entities"]["technologies"])


def test_keywords(report):
    keywords = report["suggested"]["keywords"]
    assert keywords and len(keywords) <= 8
    assert keywords[0] == "thanh long"
    assert "kho lạnh" in keywords
    assert all(" " in keyword for keyword in keywords)  # multi-syllable
    assert "nghiên cứu" not in keywords  # generic report vocabulary
    assert not any(k in keywords for k in ("hàm thuận bắc", "nguyễn văn an"))  # names


def test_english_text():
    result = nlp.enrich(
        "Assoc. Prof. Dr. Nguyen Van An of Phan Thiet University led the study. Dragon fruit "
        "was stored with edible coatings. Edible coatings reduced losses of dragon fruit.",
        "en",
    )
    assert result["entities"]["people"] == ["Nguyen Van An"]
    assert result["people_titles"] == {"Nguyen Van An": "Assoc. Prof. Dr."}
    assert result["entities"]["organisations"] == ["Trường Đại học Phan Thiết"]
    assert result["entities"]["sectors"] == ["thanh-long"]
    assert result["suggested"]["keywords"][:2] == ["dragon fruit", "edible coatings"]


def test_both_tone_mark_conventions_and_decomposed_text():
    import unicodedata

    old_style = nlp.enrich("Nuôi trồng thuỷ sản ở Phú Quý.")
    new_style = nlp.enrich("Nuôi trồng thủy sản ở Phú Quý.")
    assert old_style["entities"]["sectors"] == new_style["entities"]["sectors"] == ["thuy-san"]
    decomposed = nlp.enrich(unicodedata.normalize("NFD", "Thanh long ở Hàm Thuận Nam."))
    assert decomposed["entities"]["places"] == ["ham-thuan-nam"]


def test_names_in_capitals_are_title_cased():
    result = nlp.enrich("CHỦ NHIỆM: PGS.TS. NGUYỄN VĂN AN\n")
    assert result["people_titles"] == {"Nguyễn Văn An": "PGS.TS."}


def test_input_is_capped():
    text = "x " * (nlp.MAX_CHARS // 2) + " Thanh long ở Hàm Tân."
    result = nlp.enrich(text)
    assert result["entities"]["places"] == []
    assert result["entities"]["sectors"] == []


def test_empty_text_and_languages():
    empty = nlp.enrich("")
    assert empty == {
        "entities": {key: [] for key in ENTITY_KEYS},
        "people_titles": {},
        "suggested": {"sectors": [], "district": None, "field_of_science": None, "keywords": []},
    }
    assert nlp.enrich("Thanh long", "VI")["entities"]["sectors"] == ["thanh-long"]
    with pytest.raises(ValueError):
        nlp.enrich("text", "fr")
