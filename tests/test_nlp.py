"""indexer.nlp with the real spaCy pipelines (blank "vi" with pyvi, blank "en"), no mocks."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import spacy

from indexer import nlp, word_segmentation
from indexer.pdf_text import read_pdf
from schemas import records, vocabularies

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus_samples"

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


PATENT_BOILERPLATE = ("sáng chế", "sáng chế đề cập", "hữu ích", "ví dụ", "khối lượng", "kỹ thuật")


def test_a_patents_keywords_name_its_subject_not_patent_boilerplate():
    # a sample patent's own text: "Sáng chế đề cập đến...", "Ví dụ 1", "% khối lượng" throughout
    path = Path(__file__).parent.parent / "corpus_samples" / "patents" / "1-2018-04512.pdf"
    keywords = nlp.enrich("\n".join(read_pdf(path).pages))["suggested"]["keywords"]
    assert {"nước mắm", "ủ chượp", "cá cơm"} <= set(keywords)
    assert not set(keywords) & set(PATENT_BOILERPLATE)


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


# --------------------------------------------------------------------------- the sample corpus


@cache
def corpus_texts() -> dict[str, str]:
    """Every sample report and patent as ``indexer.extract`` gives it to ``enrich``."""
    paths = [*sorted(CORPUS.glob("reports/*.pdf")), *sorted(CORPUS.glob("patents/*.pdf"))]
    return {str(path.relative_to(CORPUS)): "\n\f\n".join(read_pdf(path).pages) for path in paths}


def tokens(doc) -> list[tuple[str, str]]:
    return [(token.text, token.whitespace_) for token in doc]


SEGMENTATION_CASES = [
    "",
    "   ",
    "\n",
    "x",
    "  Thanh long  ở\n\nHàm  Thuận Bắc \n ",
    "TP. Hồ Chí Minh, Tp. Phan Thiết; ThS. Lê An, Dr. Smith ==> kết quả... >> tiếp -> hết",
    "Email: ngocntb@tdcbinhthuan.vn, https://khcn.binhthuan.gov.vn/a?b=1 và 1.234,5 tấn (12,5 %)",
    unicodedata.normalize("NFD", "Nuôi trồng thuỷ sản ở Phú Quý"),
    "CHỦ NHIỆM: PGS.TS. NGUYỄN VĂN AN\n\f\nTRƯỜNG ĐẠI HỌC PHAN THIẾT",
    "Dragon fruit growers in Ham Thuan Bac, 2019-2021.",
]


@pytest.mark.parametrize("text", SEGMENTATION_CASES)
def test_word_segmentation_is_pyvis(text):
    """Our Vietnamese tokenizer gives the Doc that spaCy's pyvi tokenizer gives, faster."""
    ours = nlp._pipeline("vi").tokenizer
    assert isinstance(ours, word_segmentation._VietnameseTokenizer)  # not the fallback
    doc = ours(text)
    assert tokens(doc) == tokens(spacy.blank("vi")(text))
    assert doc.text == text


def test_word_segmentation_is_pyvis_on_every_sample_document():
    ours, pyvi = nlp._pipeline("vi").tokenizer, spacy.blank("vi")
    for name, text in corpus_texts().items():
        assert tokens(ours(text)) == tokens(pyvi(text)), name


def textbook_viterbi(scores: list[float], transitions) -> list[int]:
    """Viterbi over B_W (0) and I_W (1), state scores (0, score), ties to B_W as in CRFsuite."""
    best, pointers = [0.0, scores[0]], []
    for score in scores[1:]:
        step, scored = [], []
        for label, own in ((0, 0.0), (1, score)):
            from_begin = best[0] + transitions[0][label]
            from_inside = best[1] + transitions[1][label]
            step.append(1 if from_inside > from_begin else 0)
            scored.append(own + max(from_begin, from_inside))
        pointers.append(step)
        best = scored
    labels = [1 if best[1] > best[0] else 0]
    for step in reversed(pointers):
        labels.append(step[labels[-1]])
    return labels[::-1]


def viterbi_cases() -> list[list[float]]:
    (t00, t01), (t10, t11) = nlp._pipeline("vi").tokenizer.segmenter.transitions
    # a score difference that stays between the two thresholds where a label depends on the
    # one before: one long chain, past what the vectorised passes settle (the scalar loop)
    middle = ((t00 - t10) + (t01 - t11)) / 2
    chain = [middle] + [2 * middle - (t01 - t10)] * 199
    random = np.random.default_rng(3)
    return [
        [1.5],
        [-2.0, 3.0],
        random.normal(0, 3, 2000).tolist(),
        random.normal(middle - 2.5, 0.4, 500).tolist(),
        chain,
    ]


@pytest.mark.parametrize("scores", viterbi_cases(), ids=["one", "two", "wide", "near", "chain"])
def test_viterbi_is_the_textbook_algorithm(scores):
    segmenter = nlp._pipeline("vi").tokenizer.segmenter
    labels = segmenter._viterbi(np.array(scores)).astype(int).tolist()
    assert labels == textbook_viterbi(scores, segmenter.transitions)


def test_the_model_reader_refuses_what_is_not_a_crfsuite_model():
    with pytest.raises(ValueError):
        word_segmentation._crfsuite_model(b"lCRF" + bytes(200))


# What enrichment alone does not find today (the report parser finds them from the labels):
# "BS.CKII." is not in the academic-title vocabulary, and these host names are cut at a dash
# or at a lower-case word ("Viện Khoa học xã hội" + "vùng Nam Bộ").
PI_NOT_FOUND = {
    "reports/2018-tang-huyet-ap-ham-thuan-nam.pdf",
    "reports/2021-dot-quy-tieu-soi-huyet.pdf",
}
HOST_NOT_FOUND = {
    "reports/2013-tiem-nang-dien-gio-tuy-phong.pdf",
    "reports/2014-le-hoi-cham-bac-binh.pdf",
    "reports/2018-tang-huyet-ap-ham-thuan-nam.pdf",
    "reports/2020-hieu-suat-dien-mat-troi-bui-cat.pdf",
}


def _authority_name(organisation: str) -> str:
    """The vocabulary's name for an organisation printed under another name, if it knows it."""
    for term in vocabularies.load("organisations").values():
        if organisation in (term["vi"], term["en"], *nlp._synonyms(term)):
            return term["vi"]
    return organisation


def _report_truths() -> list[dict]:
    truth = json.loads((CORPUS / "ground_truth.json").read_text(encoding="utf-8"))
    return [entry for entry in truth["documents"] if entry["path"].startswith("reports/")]


@pytest.mark.parametrize("entry", _report_truths(), ids=lambda entry: entry["path"])
def test_every_sample_report_names_its_pi_host_and_sectors(entry):
    expected, path = entry["expected"], entry["path"]
    result = nlp.enrich(corpus_texts()[path], expected["language"])
    pi = expected["principal_investigator"]
    if path not in PI_NOT_FOUND:
        assert pi in result["entities"]["people"]  # the name alone ...
        assert pi in result["people_titles"]  # ... its printed title set apart
    if path not in HOST_NOT_FOUND:
        host = _authority_name(expected["host_organisation"])
        assert host in result["entities"]["organisations"]
    assert set(expected["sectors"]) & set(result["entities"]["sectors"])
    assert result["suggested"]["sectors"]
    assert len(result["suggested"]["keywords"]) == nlp.MAX_KEYWORDS


def test_the_benchmark_prints_its_figures():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "nlp.py"), "--rounds", "1", "--limit", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for figure in ("enrich", "spaCy's pyvi tokenizer", "ratio"):
        assert figure in done.stdout
