"""The embedded search engine, checked the way a user would: a real tantivy index in a temp dir."""

from __future__ import annotations

import re
import threading
import time
import unicodedata

import pytest

from indexer.search.documents import search_document
from indexer.search.engine import (
    HIT_KEYS,
    InvalidQuery,
    SearchEngine,
    SearchRequest,
    SearchResponse,
    checked,
    facet_buckets,
    query_clauses,
    split_filters,
)
from indexer.search.tantivy_engine import POINTER, TantivyEngine
from indexer.search.vietnamese import EXACT, FOLDED, KEYWORD, analyzers, fold, normalise
from schemas.search_fields import FACETS, FACETS_BY_NAME, MAX_RESULT_WINDOW, SORTS


def record(id_, title, **fields):
    base = {
        "id": id_,
        "kind": "research_result",
        "document_type": "final_report",
        "title": title,
        "language": "vi",
        "commercialisation_status": "accepted",
        "ip_status": "none",
        "access_level": "public",
    }
    return base | fields


RECORDS = [
    record(
        "nm-chat-luong",
        "Nghiên cứu nâng cao chất lượng nước mắm Phan Thiết",
        abstract="Đề tài chuẩn hóa quy trình ủ chượp cá cơm để sản xuất nước mắm đạt độ đạm cao.",
        keywords=["nước mắm", "cá cơm", "độ đạm"],
        host_organisation="Hội Nước mắm Phan Thiết",
        sectors=["nuoc-mam", "thuy-san"],
        field_of_science="40501",
        dates={"start": "2019-01", "accepted": "2021-06-30"},
        commercialisation_status="offered",
        place={"district": "phan-thiet"},
        trl=6,
    ),
    record(
        "nm-len-men",
        "Ứng dụng công nghệ lên men nhanh trong sản xuất nước mắm",
        abstract="Rút ngắn thời gian lên men chượp bằng enzyme protease.",
        sectors=["nuoc-mam"],
        field_of_science="20901",
        dates={"accepted": "2019"},
        place={"district": "phan-thiet"},
        trl=5,
    ),
    record(
        "nm-khu-mui",
        "Phương pháp khử mùi tanh của nước mắm",
        kind="patent",
        document_type="patent_document",
        abstract="Sáng chế đề cập đến phương pháp khử mùi bằng than hoạt tính.",
        sectors=["nuoc-mam"],
        field_of_science="20901",
        ipc_classes=["A23L 27/50"],
        identifiers={"application_number": "1-2020-01234"},
        dates={"filed": "2020-02-01", "granted": "2022-09-12"},
        ip_status="granted",
        commercialisation_status="licensed",
    ),
    record(
        "tuoi-mam-thanh-long",
        "Tưới nước tiết kiệm cho mầm cây thanh long",
        abstract="Hệ thống tưới nhỏ giọt cho cây thanh long giai đoạn ra mầm.",
        sectors=["thanh-long"],
        field_of_science="40101",
        dates={"accepted": "2020-11"},
        place={"district": "ham-thuan-nam"},
    ),
    record(
        "nuoc-mam-khong-dau",
        "Ca com va nuoc mam Ham Ninh",  # typed without diacritics, as legacy records often are
        sectors=["nuoc-mam"],
        dates={"end": "2016"},
    ),
    record(
        "thanh-long-vietgap",
        "Quy trình trồng thanh long ruột đỏ theo VietGAP tại Hàm Thuận Nam",
        abstract="Quy trình canh tác thanh long ruột đỏ đạt chứng nhận VietGAP.",
        sectors=["thanh-long"],
        field_of_science="40101",
        dates={"accepted": "2020-05"},
        place={"district": "ham-thuan-nam"},
        commercialisation_status="commercialised",
        trl=8,
    ),
    record(
        "thanh-long-bao-quan",
        "Bảo quản thanh long sau thu hoạch bằng màng bao ăn được",
        abstract="Màng bao <script>alert('x')</script> giúp thanh long giữ tươi 30 ngày & hơn.",
        sectors=["thanh-long"],
        field_of_science="40601",
        dates={"accepted": "2018-12"},
    ),
    record(
        "thanh-long-che-pham",
        "Chế phẩm sinh học phòng bệnh đốm nâu trên cây thanh long",
        kind="utility_solution",
        document_type="patent_document",
        sectors=["thanh-long"],
        dates={"filed": "2023-04"},
        ip_status="filed",
        people=[{"name": "Đặng Văn Đức", "role": "inventor"}],
    ),
    record(
        "dragon-fruit-drying",
        "Solar drying of dragon fruit slices",
        title_en="Solar drying of dragon fruit slices",
        abstract="We dried dragon fruit slices in a solar tunnel dryer.",
        language="en",
        sectors=["thanh-long"],
        dates={"published": "2022"},
    ),
    record(
        "du-lich-mui-ne",
        "Phát triển du lịch cộng đồng tại Mũi Né",
        sectors=["du-lich"],
        dates={"accepted": "2017"},
        place={"district": "phan-thiet"},
    ),
    record(
        "ca-com-metadata",
        "Đánh giá trữ lượng cá cơm vùng biển Bình Thuận",
        access_level="metadata_only",
        full_text="Số liệu khảo sát chi tiết xyzzyquark chỉ dành cho cơ quan quản lý.",
        sectors=["thuy-san"],
        dates={"accepted": "2015"},
    ),
    record(
        "xu-ly-nuoc-thai",
        "Hệ thống xử lý nước thải chế biến hải sản",
        full_text="Chương 3 trình bày công nghệ plughzorb để xử lý nước thải.",
        sectors=["thuy-san"],
        dates={"accepted": "2022"},
    ),
    record(
        "nm-mat",
        "Hồ sơ mật về nước mắm Phan Thiết",
        access_level="restricted",
        sectors=["nuoc-mam"],
        dates={"accepted": "2024"},
    ),
]
PUBLIC_IDS = {r["id"] for r in RECORDS if r["access_level"] != "restricted"}
NUOC_MAM = {
    "nm-chat-luong",
    "nm-len-men",
    "nm-khu-mui",
    "tuoi-mam-thanh-long",
    "nuoc-mam-khong-dau",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = TantivyEngine(tmp_path_factory.mktemp("search"))
    assert engine.rebuild(RECORDS) == len(PUBLIC_IDS)
    return engine


def search(engine, text="", **options) -> SearchResponse:
    return engine.search(SearchRequest(text=text, **options))


def ids(response: SearchResponse) -> list[str]:
    return [hit["id"] for hit in response.hits]


def everything(engine, text="", **options) -> set[str]:
    return set(ids(search(engine, text, size=100, **options)))


def counts(response: SearchResponse, facet: str) -> dict[str, int]:
    return {bucket["key"]: bucket["doc_count"] for bucket in response.facets[facet]}


# -- search_document: records in, flat documents out


def test_search_document_flattens_a_record():
    patent = next(r for r in RECORDS if r["id"] == "nm-khu-mui")
    assert search_document(patent | {"people": [{"name": "Lê Văn A", "role": "inventor"}]}) == {
        "id": "nm-khu-mui",
        "kind": "patent",
        "document_type": "patent_document",
        "title": "Phương pháp khử mùi tanh của nước mắm",
        "title_en": None,
        "title_sort": "phuong phap khu mui tanh cua nuoc mam",
        "abstract": "Sáng chế đề cập đến phương pháp khử mùi bằng than hoạt tính.",
        "abstract_en": None,
        "full_text": None,
        "keywords": [],
        "host_organisation": None,
        "organisations": [],
        "people": ["Lê Văn A"],
        "codes": ["1-2020-01234"],
        "ipc": ["A23L 27/50", "A23L"],
        "field": "209",
        "field_l1": "2",
        "sector": ["nuoc-mam"],
        "year": 2022,
        "trl": None,
        "status": "licensed",
        "ip_status": "granted",
        "place": None,
        "language": "vi",
        "access_level": "public",
        "has_full_text": False,
    }


@pytest.mark.parametrize(
    ("dates", "year"),
    [
        ({"accepted": "2021-06-30", "granted": "2022", "end": "2020"}, 2021),
        ({"granted": "2022-01", "published": "2021", "filed": "2020"}, 2022),
        ({"published": "2021", "filed": "2020", "end": "2019"}, 2021),
        ({"filed": "2020-02-01", "end": "2019"}, 2020),
        ({"start": "2018", "end": "2019-12"}, 2019),
        ({"start": "2018"}, None),
        ({}, None),
    ],
)
def test_year_comes_from_the_first_date_present(dates, year):
    assert search_document(record("r", "T", dates=dates))["year"] == year


@pytest.mark.parametrize(
    ("code", "field", "field_l1"),
    [("40501", "405", "4"), ("405", "405", "4"), ("4", None, "4"), (None, None, None)],
)
def test_field_facet_uses_the_level_2_code(code, field, field_l1):
    doc = search_document(record("r", "T", field_of_science=code))
    assert (doc["field"], doc["field_l1"]) == (field, field_l1)


def test_search_document_merges_organisations_and_people():
    doc = search_document(
        record(
            "r",
            "T",
            host_organisation="Viện Hải dương học",
            parent_agency="Sở KH&CN Bình Thuận",
            entities={"organisations": ["Viện Hải dương học", "Trường ĐH Nha Trang"], "people": []},
            people=[{"name": "Nguyễn Văn A", "role": "principal_investigator"}],
        )
    )
    assert doc["organisations"] == [
        "Viện Hải dương học",
        "Sở KH&CN Bình Thuận",
        "Trường ĐH Nha Trang",
    ]
    assert doc["people"] == ["Nguyễn Văn A"]
    assert doc["host_organisation"] == "Viện Hải dương học"


@pytest.mark.parametrize(
    ("access_level", "full_text", "indexed"),
    [
        ("public", "Toàn văn", "Toàn văn"),
        ("metadata_only", "Toàn văn", None),
        ("public", " \n ", None),
        ("public", None, None),
    ],
)
def test_full_text_is_indexed_only_when_public(access_level, full_text, indexed):
    doc = search_document(record("r", "T", access_level=access_level, full_text=full_text))
    assert (doc["full_text"], doc["has_full_text"]) == (indexed, indexed is not None)


def test_restricted_records_are_never_indexed():
    assert search_document(record("r", "T", access_level="restricted")) is None


def test_search_document_needs_an_id():
    with pytest.raises(ValueError):
        search_document(record(None, "T"))


def test_search_document_normalises_decomposed_text():
    doc = search_document(record("r", unicodedata.normalize("NFD", "Nước mắm")))
    assert doc["title"] == "Nước mắm" and unicodedata.is_normalized("NFC", doc["title"])


# -- Vietnamese folding and analyzers

VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nước mắm Phan Thiết", "nuoc mam phan thiet"),
        ("ĐẶNG Đình Đức", "dang dinh duc"),
        (unicodedata.normalize("NFD", "Thanh long ruột đỏ"), "thanh long ruot do"),
        ("Hàm Thuận Nam", "ham thuan nam"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_folded_analyzer_agrees_with_fold_on_every_vietnamese_letter():
    letters = " ".join(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper())
    assert analyzers()[FOLDED].analyze(letters) == fold(letters).split()


@pytest.mark.parametrize(
    ("name", "text", "tokens"),
    [
        (FOLDED, "Nước mắm Phan-Thiết", ["nuoc", "mam", "phan", "thiet"]),
        (FOLDED, "Đặng Văn Đức", ["dang", "van", "duc"]),
        (EXACT, "Nước MẮM Đặng", ["nước", "mắm", "đặng"]),
        (KEYWORD, "A23L 27/50", ["a23l 27/50"]),
        (KEYWORD, "ĐT-2020", ["dt-2020"]),
    ],
)
def test_analyzers(name, text, tokens):
    assert analyzers()[name].analyze(text) == tokens


def test_normalise_removes_control_characters_and_lone_surrogates():
    assert normalise("a\x00b\ud800c\x1bd") == "a b c d"


# -- pure rules shared by every engine


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("nước mắm", [("term", "nước"), ("term", "mắm")]),
        ('"thanh long" ruột', [("phrase", "thanh long"), ("term", "ruột")]),
        ('"thanh long', [("term", "thanh"), ("term", "long")]),
        ("“thanh long”", [("phrase", "thanh long")]),
        ('""', []),
        ("  ", []),
        ("a a", [("term", "a")]),
        ("x" * 5000, [("term", "x" * 1000)]),
        (" ".join(f"w{i}" for i in range(50)), [("term", f"w{i}") for i in range(32)]),
    ],
)
def test_query_clauses(text, clauses):
    assert query_clauses(text) == clauses


@pytest.mark.parametrize(
    "request_",
    [
        SearchRequest(page=0),
        SearchRequest(page=10**9),
        SearchRequest(size=0),
        SearchRequest(size=101),
        SearchRequest(page=101, size=100),
        SearchRequest(sort="random"),
        SearchRequest(filters={"colour": ["red"]}),
        SearchRequest(filters={"year": ["2020", "last year"]}),
        SearchRequest(page="2"),
    ],
)
def test_checked_refuses(request_):
    with pytest.raises(InvalidQuery):
        checked(request_)


def test_checked_normalises_filters():
    request = checked(SearchRequest(filters={"sector": ["a", "a", " b ", ""], "year": 2020}))
    assert request.filters == {"sector": ["a", "b"], "year": ["2020"]}
    assert checked(SearchRequest(page=MAX_RESULT_WINDOW // 10, size=10)).page == 1000


def test_split_filters_counts_each_selected_facet_without_its_own_filter():
    groups = split_filters({"sector": ["a"], "year": ["2020"]})
    assert [([f.name for f in facets], filters) for facets, filters in groups] == [
        (
            [f.name for f in FACETS if f.name not in ("sector", "year")],
            {"sector": ["a"], "year": ["2020"]},
        ),
        (["sector"], {"year": ["2020"]}),
        (["year"], {"sector": ["a"]}),
    ]


@pytest.mark.parametrize(
    ("facet", "counts", "selected", "buckets"),
    [
        (
            "sector",
            {"b": 2, "a": 2, "c": 5},
            [],
            [("c", 5, False), ("a", 2, False), ("b", 2, False)],
        ),
        ("sector", {"a": 1}, ["z"], [("a", 1, False), ("z", 0, True)]),
        (
            "year",
            {"2019": 9, "2021": 1, "2020": 3},
            ["2021"],
            [("2021", 1, True), ("2020", 3, False), ("2019", 9, False)],
        ),
        ("year", {"2019": 9}, ["2024"], [("2024", 0, True), ("2019", 9, False)]),
        (
            "trl",
            {"9": 1, "10": 1, "2": 4},
            [],
            [("2", 4, False), ("9", 1, False), ("10", 1, False)],
        ),
    ],
)
def test_facet_buckets(facet, counts, selected, buckets):
    assert facet_buckets(FACETS_BY_NAME[facet], counts, selected) == [
        {"key": key, "doc_count": count, "is_selected": is_selected}
        for key, count, is_selected in buckets
    ]


# -- the engine, as a user sees it


def test_engine_implements_the_interface(engine):
    assert isinstance(engine, SearchEngine)
    assert engine.count() == len(PUBLIC_IDS)
    assert not engine.needs_rebuild


def test_hits_have_the_documented_shape(engine):
    hit = search(engine, "khử mùi").hits[0]
    assert tuple(hit) == HIT_KEYS
    assert hit | {"highlight": None, "score": None} == {
        "id": "nm-khu-mui",
        "kind": "patent",
        "title": "Phương pháp khử mùi tanh của nước mắm",
        "title_en": None,
        "year": 2022,
        "status": "licensed",
        "ip_status": "granted",
        "sectors": ["nuoc-mam"],
        "field": "209",
        "host_organisation": None,
        "highlight": None,
        "score": None,
    }
    assert isinstance(hit["score"], float)


def test_typing_without_diacritics_finds_the_same_records(engine):
    with_marks = everything(engine, "nước mắm")
    assert (
        with_marks == everything(engine, "nuoc mam") == everything(engine, "NUOC MAM") == NUOC_MAM
    )
    assert everything(engine, "dang van duc") == everything(engine, "Đặng Văn Đức")
    assert everything(engine, "dang van duc") == {"thanh-long-che-pham"}


def test_records_spelled_like_the_query_rank_first(engine):
    ranked = ids(search(engine, "nước mắm", size=10))
    exact = {"nm-chat-luong", "nm-len-men", "nm-khu-mui"}
    assert set(ranked[:3]) == exact
    assert set(ranked[3:]) == {"tuoi-mam-thanh-long", "nuoc-mam-khong-dau"}
    # typed without marks, the record typed without marks wins
    assert ids(search(engine, "nuoc mam"))[0] == "nuoc-mam-khong-dau"


def test_every_word_must_match(engine):
    assert everything(engine, "nước mắm Phan Thiết") == {"nm-chat-luong"}
    assert everything(engine, "thanh long xyzzy") == set()


def test_quoted_phrase(engine):
    assert everything(engine, '"thanh long ruột đỏ"') == {"thanh-long-vietgap"}
    assert everything(engine, '"mắm nước"') == set()
    assert "nm-chat-luong" in everything(engine, "mắm nước")
    assert everything(engine, '"tuoi nuoc"') == everything(engine, '"tưới nước"')
    assert everything(engine, '"tưới nước"') == {"tuoi-mam-thanh-long"}


def test_codes_and_classes(engine):
    assert everything(engine, "1-2020-01234") == {"nm-khu-mui"}
    assert everything(engine, "a23l") == {"nm-khu-mui"}
    assert everything(engine, '"A23L 27/50"') == {"nm-khu-mui"}


def test_english_and_organisations(engine):
    assert everything(engine, "dragon fruit") == {"dragon-fruit-drying"}
    assert everything(engine, "hội nước mắm") == {"nm-chat-luong"}


def test_full_text_is_searchable_only_for_public_records(engine):
    assert everything(engine, "plughzorb") == {"xu-ly-nuoc-thai"}
    assert everything(engine, "xyzzyquark") == set()
    assert "ca-com-metadata" in everything(engine, "trữ lượng cá cơm")


def test_restricted_record_never_appears(engine):
    assert "nm-mat" not in everything(engine)
    assert everything(engine, "hồ sơ mật") == set()
    response = search(engine, "nước mắm")
    assert counts(response, "sector")["nuoc-mam"] == 4  # the restricted fifth is not counted
    assert "2024" not in counts(search(engine), "year")


def test_filters_or_within_a_facet_and_across_facets(engine):
    by_sector = {
        "thanh-long": everything(engine, filters={"sector": ["thanh-long"]}),
        "du-lich": everything(engine, filters={"sector": ["du-lich"]}),
    }
    assert by_sector["du-lich"] == {"du-lich-mui-ne"}
    either = everything(engine, filters={"sector": ["thanh-long", "du-lich"]})
    assert either == by_sector["thanh-long"] | by_sector["du-lich"]
    both = everything(engine, filters={"sector": ["thanh-long"], "year": ["2020"]})
    assert both == {"tuoi-mam-thanh-long", "thanh-long-vietgap"}
    assert everything(engine, "thanh long", filters={"place": ["ham-thuan-nam"], "trl": [8]}) == {
        "thanh-long-vietgap"
    }
    assert everything(engine, filters={"sector": ["thanh-long"], "kind": ["patent"]}) == set()


def test_facets_count_with_multi_select_semantics(engine):
    before = search(engine)
    after = search(engine, filters={"sector": ["nuoc-mam"]})
    # the selected facet keeps its own counts, so the user can add a second sector
    assert counts(after, "sector") == counts(before, "sector")
    # the other facets count only the selected records
    assert counts(after, "kind") == {"research_result": 3, "patent": 1}
    assert sum(counts(after, "year").values()) == after.total == 4
    assert counts(before, "kind")["research_result"] > counts(after, "kind")["research_result"]
    assert [b["key"] for b in after.facets["sector"] if b["is_selected"]] == ["nuoc-mam"]
    assert not any(b["is_selected"] for b in after.facets["kind"])
    assert set(after.facets) == {facet.name for facet in FACETS}


def test_facets_follow_the_text_query_and_keep_selected_values(engine):
    response = search(engine, "thanh long", filters={"sector": ["du-lich"], "year": ["1999"]})
    assert response.total == 0
    assert {"key": "du-lich", "doc_count": 0, "is_selected": True} in response.facets["sector"]
    assert {"key": "1999", "doc_count": 0, "is_selected": True} in response.facets["year"]
    # year counts ignore the year selection but apply the sector one: no du-lich about thanh long
    assert counts(response, "year") == {"1999": 0}


def test_facet_order(engine):
    response = search(engine)
    years = [int(b["key"]) for b in response.facets["year"]]
    assert years == sorted(years, reverse=True)
    sectors = [(-b["doc_count"], b["key"]) for b in response.facets["sector"]]
    assert sectors == sorted(sectors)


def test_sorts(engine):
    def years(sort):
        return [hit["year"] for hit in search(engine, sort=sort, size=100).hits]

    newest = years("newest")
    assert newest == sorted(newest, reverse=True)
    assert years("oldest") == sorted(newest)
    assert years("relevance") == newest  # no text: newest first
    titles = [fold(hit["title"]) for hit in search(engine, sort="title", size=100).hits]
    assert titles == sorted(titles)
    thanh_long = search(engine, "thanh long", sort="oldest", size=100)
    assert [hit["year"] for hit in thanh_long.hits] == sorted(
        hit["year"] for hit in thanh_long.hits
    )
    assert all(hit["score"] is None for hit in thanh_long.hits)
    assert {sort.name for sort in SORTS} == {"relevance", "newest", "oldest", "title"}


def test_paging(engine):
    first, second = search(engine, size=5), search(engine, size=5, page=2)
    third = search(engine, size=5, page=3)
    assert first.total == second.total == len(PUBLIC_IDS)
    assert len(first.hits) == 5 and len(third.hits) == len(PUBLIC_IDS) - 10
    assert set(ids(first)) | set(ids(second)) | set(ids(third)) == PUBLIC_IDS
    assert search(engine, page=50, size=5).hits == []
    with pytest.raises(InvalidQuery):
        search(engine, page=MAX_RESULT_WINDOW // 10 + 1, size=10)


def test_highlight_is_escaped_html_with_marks_only(engine):
    hit = search(engine, "thanh long màng bao").hits[0]
    assert hit["id"] == "thanh-long-bao-quan"
    assert "&lt;script&gt;" in hit["highlight"] and "&amp;" in hit["highlight"]
    assert "<mark>thanh</mark> <mark>long</mark>" in hit["highlight"]
    assert "<" not in re.sub(r"</?mark>", "", hit["highlight"])
    # folded matches are highlighted in the original spelling
    assert "<mark>Màng</mark> <mark>bao</mark>" in search(engine, "mang bao").hits[0]["highlight"]
    # no match in the abstract or no text: the start of the abstract, escaped
    listing = {hit["id"]: hit["highlight"] for hit in search(engine, size=100).hits}
    assert listing["thanh-long-bao-quan"].startswith("Màng bao &lt;script&gt;")
    assert listing["du-lich-mui-ne"] == ""


def test_full_text_highlight(engine):
    hit = search(engine, "plughzorb").hits[0]
    assert "<mark>plughzorb</mark>" in hit["highlight"]


MALFORMED_TEXT = [
    '"unbalanced',
    'a "b" "c',
    "(nước mắm",
    "nước mắm)]}",
    "title:",
    "title:nước",
    ":",
    "***",
    "*",
    "?",
    "AND OR NOT",
    "NOT",
    '+-&&||!(){}[]^"~*?:\\/',
    "x" * 10_000,
    " ".join(["nước"] * 5_000),
    "\x00\x01\x02 nước \x7f\x1b[31m",
    "\ud800 lone surrogate \udfff",
    "a\u0301\u0302\u0303",
    "🐟 nước mắm 🐟",
    "<script>alert(1)</script>",
    "1-2020-01234 OR 1=1; DROP TABLE records",
    "\t\n\r",
    "nuoc~2 mam^3",
    "/regex.*/",
    "field:[2000 TO 2020]",
]


@pytest.mark.parametrize("text", MALFORMED_TEXT)
def test_malformed_text_never_raises(engine, text):
    response = search(engine, text, filters={"sector": ["nuoc-mam"]})
    assert response.total == len(response.hits) or response.total > len(response.hits)


@pytest.mark.parametrize(
    "options",
    [
        {"page": 10**9},
        {"page": -1},
        {"size": 10**6},
        {"sort": "score; DROP"},
        {"filters": {"nope": ["x"]}},
        {"filters": {"year": ["MMXX"]}},
        {"filters": "sector=nuoc-mam"},
    ],
)
def test_malformed_requests_raise_invalid_query_only(engine, options):
    with pytest.raises(InvalidQuery):
        search(engine, "nước", **options)


@pytest.mark.parametrize(
    "filters",
    [
        {"sector": ["\x00", "\ud800", "a" * 10_000]},
        {"sector": [None, 3]},
        {"sector": object()},
        {"sector": {"thuy-san": True}},
        {"place": ["Phan Thiết"]},
    ],
)
def test_odd_filter_values_match_nothing_but_never_raise(engine, filters):
    assert search(engine, filters=filters).total == 0


# -- writes


def test_upsert_delete_and_restrict(tmp_path):
    engine = TantivyEngine(tmp_path)
    assert engine.needs_rebuild and engine.count() == 0
    assert engine.upsert(RECORDS[:3]) == 3
    assert engine.count() == 3
    changed = RECORDS[0] | {"title": "Nước mắm cá cơm Phú Quý"}
    assert engine.upsert([changed]) == 1
    assert engine.count() == 3  # replaced, not duplicated
    assert everything(engine, "phú quý") == {"nm-chat-luong"}
    assert everything(engine, "nâng cao chất lượng") == set()
    assert engine.upsert([RECORDS[1] | {"access_level": "restricted"}]) == 0
    assert engine.count() == 2 and "nm-len-men" not in everything(engine)
    engine.delete(["nm-khu-mui", "unknown"])
    assert everything(engine) == {"nm-chat-luong"}
    # another instance on the same folder sees the same data
    assert everything(TantivyEngine(tmp_path)) == {"nm-chat-luong"}


def test_concurrent_upserts(tmp_path):
    engine = TantivyEngine(tmp_path)
    errors = []

    def write(start):
        try:
            for n in range(start, start + 20, 5):
                engine.upsert([record(f"r{n + i}", f"Kết quả {n + i}") for i in range(5)])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(start,)) for start in range(0, 80, 20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and engine.count() == 80


def generation(name: str, size: int) -> list[dict]:
    return [
        record(
            f"{name}-{n}",
            f"Kết quả nghiên cứu số {n} về nước mắm",
            kind=name,
            sectors=["nuoc-mam"],
            dates={"accepted": str(2000 + n % 20)},
        )
        for n in range(size)
    ]


def test_rebuild_switches_atomically_while_searches_keep_answering(tmp_path):
    engine = TantivyEngine(tmp_path)
    size = 2_000
    assert engine.rebuild(generation("old", size)) == size
    old_build = engine.build
    other_process = TantivyEngine(tmp_path)  # shares the folder, like a second web worker
    seen, errors, done, answered = set(), [], threading.Event(), [0]

    def keep_searching():
        while not done.is_set():
            try:
                for searcher in (engine, other_process):
                    response = search(searcher, "nuoc mam", filters={"sector": ["nuoc-mam"]})
                    kinds = counts(response, "kind")
                    assert response.total == size, response.total
                    assert list(kinds.values()) == [size], kinds  # one whole generation
                    seen.update(kinds)
                    answered[0] += 1
            except Exception as error:
                errors.append(error)
                return

    threads = [threading.Thread(target=keep_searching) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        while answered[0] < 5 and not errors:
            time.sleep(0.001)
        before = answered[0]
        assert engine.rebuild(generation("new", size)) == size
        during = answered[0] - before
        deadline = time.monotonic() + 10
        while "new" not in seen and not errors and time.monotonic() < deadline:
            time.sleep(0.001)
        # a write made by one process is seen by the other at once
        engine.upsert([record("late", "Nước mắm mới", kind="new", sectors=["thuy-san"])])
    finally:
        done.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert during > 0 and seen == {"old", "new"}
    assert everything(engine, filters={"kind": ["old"]}) == set()
    assert counts(search(other_process), "kind") == {"new": size + 1}
    assert "late" in everything(other_process, "nước mắm mới")
    builds = [p.name for p in tmp_path.iterdir() if p.is_dir()]
    assert builds == [engine.build] and old_build not in builds
    assert (tmp_path / POINTER).read_text(encoding="utf-8").count(engine.build) == 1


def test_writes_during_a_rebuild_are_replayed_into_the_new_index(tmp_path):
    engine = TantivyEngine(tmp_path)
    engine.rebuild([RECORDS[0]])

    def records():
        yield RECORDS[1]
        engine.upsert([RECORDS[2]])  # arrives while the new index is being built
        engine.delete([RECORDS[0]["id"]])
        yield RECORDS[0]  # the rebuild's stale copy: the later delete must win

    engine.rebuild(records())
    assert everything(engine) == {RECORDS[1]["id"], RECORDS[2]["id"]}


def test_failed_rebuild_keeps_the_old_index(tmp_path):
    engine = TantivyEngine(tmp_path)
    engine.rebuild(RECORDS[:2])

    def broken():
        yield RECORDS[2]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        engine.rebuild(broken())
    assert everything(engine) == {RECORDS[0]["id"], RECORDS[1]["id"]}
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 1
    engine.upsert([RECORDS[3]])
    assert engine.count() == 3
