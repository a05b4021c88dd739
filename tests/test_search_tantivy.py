"""The embedded search engine, checked the way a user would: a real tantivy index in a temp dir."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path

import pytest
from search_records import (
    EXACT_NUOC_MAM,
    NUOC_MAM,
    PUBLIC_IDS,
    RECORDS,
    counts,
    everything,
    ids,
    in_sector,
    record,
    search,
)

from indexer.search import tantivy_engine
from indexer.search.documents import search_document
from indexer.search.engine import (
    HIT_KEYS,
    InvalidQuery,
    SearchEngine,
    SearchRequest,
    checked,
    facet_buckets,
    fuzzy_distance,
    numeric_bounds,
    split_filters,
)
from indexer.search.tantivy_engine import POINTER, TantivyEngine
from indexer.search.vietnamese import (
    EN_STEM,
    EXACT,
    FOLDED,
    KEYWORD,
    analyzers,
    fold,
    normalise,
)
from schemas import vocabularies
from schemas.search_fields import (
    FACET_KINDS,
    FACETS,
    FACETS_BY_NAME,
    MAX_RESULT_WINDOW,
    MAX_SIMILAR,
    MAX_SUGGESTIONS,
    SORTS,
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = TantivyEngine(tmp_path_factory.mktemp("search"))
    assert engine.rebuild(RECORDS) == len(PUBLIC_IDS)
    return engine


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
        "technology": ["18"],
        "year": 2022,
        "trl": None,
        "status": "licensed",
        "ip_status": "granted",
        "place": None,
        "language": "vi",
        "access_level": "public",
        "has_full_text": False,
        "licensable": False,
        "word_pairs": [  # the proximity bonus's terms: two folded words side by side in a title
            "title:phuong phap",
            "title:phap khu",
            "title:khu mui",
            "title:mui tanh",
            "title:tanh cua",
            "title:cua nuoc",
            "title:nuoc mam",
        ],
    }


def test_word_pairs_stay_within_one_value_and_leave_long_texts_out():
    doc = search_document(
        record(
            "r",
            "Thanh long ruột đỏ",
            keywords=["Bình Thuận", "thanh long"],
            abstract="Nước mắm Phan Thiết",
            abstract_en="Dragon fruit",
            full_text="Quả thanh long chín",
        )
    )
    assert doc["word_pairs"] == [
        "title:thanh long",
        "title:long ruot",
        "title:ruot do",
        "keywords:binh thuan",  # never "thuan thanh", across two keywords
        "keywords:thanh long",
        "abstract_en:dragon fruit",
    ]


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
        (EN_STEM, "Drying dried Turbines", ["dri", "dri", "turbin"]),
        (EN_STEM, "Điện gió", ["dien", "gio"]),
    ],
)
def test_analyzers(name, text, tokens):
    assert analyzers()[name].analyze(text) == tokens


def test_normalise_removes_control_characters_and_lone_surrogates():
    assert normalise("a\x00b\ud800c\x1bd") == "a b c d"


# -- pure rules shared by every engine


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


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("2021", "2021"),
        (" 2020..2023 ", "2020..2023"),
        ("2020 .. 2023", "2020..2023"),
        ("2020..", "2020.."),
        ("..2019", "..2019"),
        ("02020..02021", "2020..2021"),
        ("2020..2020", "2020..2020"),
        (2021, "2021"),
    ],
)
def test_year_filters_take_years_and_ranges(value, key):
    assert checked(SearchRequest(filters={"year": [value]})).filters == {"year": [key]}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023..2020", "starts after it ends"),
        ("..", "2020..2023"),
        ("2020...2023", "2020..2023"),
        ("2020..abc", "2020..2023"),
        ("1e3", "2020..2023"),
        ("--5", "2020..2023"),
        ("9" * 30, "2020..2023"),
    ],
)
def test_invalid_year_filters_say_what_is_expected(value, message):
    with pytest.raises(InvalidQuery) as raised:
        checked(SearchRequest(filters={"year": [value]}))
    assert "'year'" in raised.value.message and message in raised.value.message


def test_trl_takes_ranges_and_full_text_takes_true_or_false():
    request = checked(SearchRequest(filters={"trl": ["6.."], "has_full_text": ["True", "0"]}))
    assert request.filters == {"trl": ["6.."], "has_full_text": ["true", "false"]}
    with pytest.raises(InvalidQuery, match="true or false"):
        checked(SearchRequest(filters={"has_full_text": ["maybe"]}))
    with pytest.raises(InvalidQuery, match="4..6"):
        checked(SearchRequest(filters={"trl": ["high"]}))


def test_numeric_bounds():
    assert [numeric_bounds(key) for key in ("2021", "2020..2023", "2020..", "..2019")] == [
        (2021, 2021),
        (2020, 2023),
        (2020, None),
        (None, 2019),
    ]


def test_a_selected_year_range_is_a_bucket_counting_the_years_it_covers():
    buckets = facet_buckets(
        FACETS_BY_NAME["year"], {"2019": 2, "2020": 3, "2021": 4}, ["2020..", "..1990"]
    )
    assert [(b["key"], b["doc_count"], b["is_selected"]) for b in buckets] == [
        ("2020..", 7, True),
        ("..1990", 0, True),
        ("2021", 4, False),
        ("2020", 3, False),
        ("2019", 2, False),
    ]


@pytest.mark.parametrize(
    ("word", "distance"),
    [("mam", 0), ("nuoc", 0), ("thanh", 1), ("nguyen", 1), ("protease", 1), ("hypertension", 2)],
)
def test_typo_tolerance_grows_with_word_length(word, distance):
    assert fuzzy_distance(word) == distance


def test_facets_are_declared_as_data():
    names = [facet.name for facet in FACETS]
    assert set(names) >= {
        "kind", "status", "ip_status", "field_l1", "field", "sector", "technology", "trl",
        "organisation", "year", "place", "language", "has_full_text",
    }
    assert len(names) == len(set(names))
    assert FACETS_BY_NAME["technology"].vocabulary == "ipc_technology"
    assert FACETS_BY_NAME["field_l1"].vocabulary == "fields_of_science"
    for facet in FACETS:
        assert facet.kind in FACET_KINDS and facet.label["vi"] and facet.label["en"]
        if facet.vocabulary:
            assert vocabularies.load(facet.vocabulary)


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
    assert set(ranked[:3]) == EXACT_NUOC_MAM
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
    # the English name of a sector finds its Vietnamese records too, after those naming it
    found = ids(search(engine, "dragon fruit", size=100))
    assert set(found) == {"dragon-fruit-drying"} | in_sector("thanh-long")
    assert found[0] == "dragon-fruit-drying" and len(in_sector("thanh-long")) > 1
    assert everything(engine, "dragon fruits") == {"dragon-fruit-drying"}  # not the name
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


@pytest.mark.parametrize(
    ("text", "filters"),
    [("", {}), ("nước mắm", {}), ("nước mắm", {"sector": ["nuoc-mam"], "kind": ["patent"]})],
)
def test_facets_counted_in_two_halves_on_large_indexes_count_the_same(
    engine, monkeypatch, text, filters
):
    whole = search(engine, text, filters=filters)
    monkeypatch.setattr(tantivy_engine, "SPLIT_COUNTING_FROM", 0)  # as if this index were large
    halves = search(engine, text, filters=filters)
    assert halves.facets == whole.facets and halves.total == whole.total
    assert any(bucket["doc_count"] for bucket in halves.facets["kind"])


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
    first, second = search(engine, size=6), search(engine, size=6, page=2)
    third = search(engine, size=6, page=3)
    assert first.total == second.total == len(PUBLIC_IDS)
    assert len(first.hits) == 6 and len(third.hits) == len(PUBLIC_IDS) - 12
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


def test_boolean_operators(engine):
    named = everything(engine, "thanh long")
    assert "dragon-fruit-drying" in named  # English, found by its sector: the name of the query
    thanh_long = named - {"dragon-fruit-drying"}  # the records holding the words
    assert "thanh-long-vietgap" in thanh_long and "du-lich-mui-ne" not in thanh_long
    assert everything(engine, "thanh long OR du lịch") == thanh_long | {"du-lich-mui-ne"}
    assert everything(engine, "thanh long AND du lịch") == set()
    assert everything(engine, "thanh long or du lịch") == set()  # lower case: words
    assert everything(engine, "thanh long -VietGAP") == thanh_long - {"thanh-long-vietgap"}
    assert everything(engine, "thanh long NOT vietgap") == thanh_long - {"thanh-long-vietgap"}
    assert everything(engine, 'nước mắm -"khử mùi"') == NUOC_MAM - {"nm-khu-mui"}
    assert everything(engine, "nuoc mam NOT (lên men OR khử mùi)") == NUOC_MAM - {
        "nm-len-men",
        "nm-khu-mui",
    }
    assert everything(engine, "(thanh long OR nước mắm) Phan Thiết") == {"nm-chat-luong"}
    assert everything(engine, "-thanh") == PUBLIC_IDS - thanh_long
    assert everything(engine, "-thanh -mắm") == PUBLIC_IDS - thanh_long - NUOC_MAM


def test_fielded_queries(engine):
    assert everything(engine, '"cá cơm"') == {
        "nm-chat-luong",
        "nuoc-mam-khong-dau",
        "ca-com-metadata",
    }
    assert everything(engine, 'title:"cá cơm"') == {"nuoc-mam-khong-dau", "ca-com-metadata"}
    assert everything(engine, 'keyword:"ca com"') == {"nm-chat-luong"}
    assert everything(engine, 'org:"Viện Địa chất"') == {"thach-anh"}
    assert everything(engine, "org:(nuoc mam)") == {"nm-chat-luong"}
    for text in ('inventor:"Đặng Văn Đức"', 'person:"dang van duc"', "author:(Đức Đặng)"):
        assert everything(engine, text) == {"thanh-long-che-pham"}, text
    assert everything(engine, "title:đức") == set()
    assert everything(engine, "title:Solar") == {"dragon-fruit-drying"}


def test_codes_and_classes_in_fields(engine):
    assert everything(engine, "ipc:A23L") == everything(engine, "ipc:a23l") == {"nm-khu-mui"}
    assert everything(engine, "ipc:A23") == {"nm-khu-mui"}  # a class field matches beginnings
    assert everything(engine, 'ipc:"A01N 63/30"') == {"thanh-long-che-pham"}
    assert everything(engine, "code:1-2020-01234") == {"nm-khu-mui"}
    for text in ("code:ĐTKH.04/2019", "code:dtkh.04/2019", "ĐTKH.04/2019", "code:2-2023"):
        assert everything(engine, text) == {"thanh-long-che-pham"}, text
    assert everything(engine, "code:nước") == set()
    assert everything(engine, "-code:1-2020-01234 khử mùi") == set()


def test_prefix_queries(engine):
    assert everything(engine, "VietG*") == {"thanh-long-vietgap"}
    assert everything(engine, "dragon frui*") == {"dragon-fruit-drying"}
    assert everything(engine, "cát thạc*") == {"thach-anh"}
    assert everything(engine, "nước mắ*") == set()  # "ma": under PREFIX_MIN_CHARS letters
    assert everything(engine, "nước mắm*") == NUOC_MAM
    assert {"nm-len-men", "thanh-long-vietgap"} <= everything(engine, "trồn*")  # trong, trồng
    exact, prefix = search(engine, "VietGAP"), search(engine, "VietG*")
    assert exact.hits[0]["score"] > prefix.hits[0]["score"]  # a whole word ranks above


def test_typo_tolerance_for_words_the_index_does_not_hold(engine):
    assert everything(engine, "dragn fruit") == {"dragon-fruit-drying"}
    assert everything(engine, "protaese") == {"nm-len-men"}  # a transposition
    assert everything(engine, "vietgapp") == {"thanh-long-vietgap"}
    correct, typo = search(engine, "protease"), search(engine, "protaese")
    assert correct.hits[0]["score"] > typo.hits[0]["score"]
    # a correctly spelt syllable is never widened to its neighbours: "thanh" is not "thạch"
    assert "thach-anh" not in everything(engine, "thanh")
    assert everything(engine, "thạch anh") == {"thach-anh"}
    assert everything(engine, "mamm") == set()  # four letters: no typo allowed


def test_english_stemming(engine):
    for text in ("slice", "dryers", "drying dragon fruits", "solar dry"):
        assert everything(engine, text) == {"dragon-fruit-drying"}, text
    assert everything(engine, "slices") == {"dragon-fruit-drying"}


def test_words_side_by_side_rank_first(engine):
    ranked = ids(search(engine, "cá cơm"))
    assert set(ranked[:3]) == {"nm-chat-luong", "nuoc-mam-khong-dau", "ca-com-metadata"}


def test_new_facets_count_public_records_only(engine):
    # technology, organisation and field_l1 are checked on every engine by
    # test_search_conformance.test_technology_organisation_and_field_level_facets
    response = search(engine)
    assert counts(response, "has_full_text") == {"true": 3, "false": len(PUBLIC_IDS) - 3}
    assert counts(response, "trl") == {"3": 1, "4": 1, "5": 1, "6": 2, "7": 1, "8": 1}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"field_l1": ["4"]}, {"nm-chat-luong", "tuoi-mam-thanh-long", "thanh-long-vietgap",
                               "thanh-long-bao-quan"}),
        ({"field_l1": ["1", "2"]}, {"thach-anh", "rong-bien-lien", "nm-len-men", "nm-khu-mui",
                                    "dien-gio"}),
        ({"technology": ["29"]}, {"thanh-long-che-pham"}),
        ({"organisation": ["Viện Địa chất"]}, {"thach-anh"}),
        ({"has_full_text": ["true"]}, {"nm-chat-luong", "dragon-fruit-drying", "xu-ly-nuoc-thai"}),
        ({"has_full_text": ["true", "false"]}, PUBLIC_IDS),
        ({"year": ["2020..2021"]}, {"nm-chat-luong", "tuoi-mam-thanh-long", "thanh-long-vietgap",
                                    "rong-bien-lien"}),
        ({"year": ["..2016"]}, {"nuoc-mam-khong-dau", "ca-com-metadata", "rong-bien-xa"}),
        ({"year": ["2023.."]}, {"thanh-long-che-pham", "dien-gio"}),
        ({"year": ["2016", "2023.."]}, {"nuoc-mam-khong-dau", "thanh-long-che-pham", "dien-gio"}),
        ({"year": ["2016..2016"]}, {"nuoc-mam-khong-dau"}),
        ({"trl": ["6.."]}, {"nm-chat-luong", "thanh-long-vietgap", "xu-ly-nuoc-thai",
                            "rong-bien-lien"}),
        # nm-chat-luong is of 2021 and field 4 too, but has a full text
        ({"year": ["2020.."], "field_l1": ["4"], "has_full_text": ["false"]},
         {"tuoi-mam-thanh-long", "thanh-long-vietgap"}),
    ],
)
def test_new_filters(engine, filters, expected):
    assert everything(engine, filters=filters) == expected


def test_year_range_facet_bucket(engine):
    response = search(engine, "thanh long", filters={"year": ["2019..2021"]})
    assert response.total == 2
    years = {b["key"]: (b["doc_count"], b["is_selected"]) for b in response.facets["year"]}
    assert years["2019..2021"] == (2, True)
    assert years["2023"] == (1, False)  # the year facet ignores its own selection
    with pytest.raises(InvalidQuery, match="starts after it ends"):
        search(engine, filters={"year": ["2021..2019"]})


def test_restricted_records_never_leak_anywhere(engine):
    for text in ("zebulonix", "mật ong", "bí mật", "Công ty Mật Ngọt", "hồ sơ mật"):
        response = search(engine, text)
        assert response.total == 0 and response.hits == [], text
        assert all(b["doc_count"] == 0 for buckets in response.facets.values() for b in buckets)
    every = search(engine)
    assert "Công ty Mật Ngọt" not in counts(every, "organisation")
    assert "33" not in counts(every, "technology") and "6" not in counts(every, "field_l1")
    assert "9" not in counts(every, "trl") and "2024" not in counts(every, "year")
    for text in ("mat ng", "Công ty Mật", "bí m", "hồ sơ m", "nước mắm mật", "zebul"):
        assert all(item["record_id"] != "nm-mat" for item in engine.suggest(text)), text
    assert engine.suggest("Công ty Mật") == engine.suggest("zebul") == []
    assert engine.similar("nm-mat") == []
    assert all(
        hit["id"] != "nm-mat" for id_ in PUBLIC_IDS for hit in engine.similar(id_, MAX_SIMILAR)
    )


def test_metadata_only_full_text_is_never_searched_suggested_or_shown(engine):
    assert everything(engine, "xyzzyquark") == everything(engine, "xyzzyquar*") == set()
    assert engine.suggest("xyzzy") == []
    hit = search(engine, "trữ lượng cá cơm").hits[0]
    assert hit["id"] == "ca-com-metadata" and "xyzzyquark" not in hit["highlight"]
    similar = engine.similar("ca-com-metadata")
    assert all("xyzzyquark" not in (hit["highlight"] or "") for hit in similar)


def folded_texts(items):
    return [fold(item["text"]) for item in items]


def test_suggestions_complete_what_the_user_types(engine):
    items = engine.suggest("nuoc ma")
    assert items == engine.suggest("nước mắ") == engine.suggest("NƯỚC MA")
    assert folded_texts(items)[0] == "nuoc mam"  # a keyword that starts with the text first
    assert {item["type"] for item in items} == {"keyword", "organisation", "title"}
    assert all("nuoc mam" in text for text in folded_texts(items))
    assert len(set(folded_texts(items))) == len(items)  # each text once
    assert {item["record_id"] for item in items} <= PUBLIC_IDS
    assert {"text": "Hội Nước mắm Phan Thiết", "type": "organisation",
            "record_id": "nm-chat-luong"} in items
    assert engine.suggest("vien d") == [
        {"text": "Viện Địa chất", "type": "organisation", "record_id": "thach-anh"}
    ]
    assert len(engine.suggest("thanh lo", size=2)) == 2
    assert [item["text"] for item in engine.suggest("dragon fr")][:1] == [
        "Solar drying of dragon fruit slices"
    ]
    assert engine.suggest("thanh longg") == []


@pytest.mark.parametrize("size", [0, -1, MAX_SUGGESTIONS + 1, "3", True, None, 2.5])
def test_suggestion_size_is_checked(engine, size):
    with pytest.raises(InvalidQuery):
        engine.suggest("nuoc", size=size)


def test_similar_records(engine):
    similar = engine.similar("nm-chat-luong")
    assert similar and all(tuple(hit) == HIT_KEYS for hit in similar)
    assert "nm-chat-luong" not in ids_of(similar)
    fish_sauce = {"nm-len-men", "nm-khu-mui", "nuoc-mam-khong-dau"}  # its sector, not "mầm"
    assert set(ids_of(similar)[:4]) == fish_sauce | {"ca-com-metadata"}  # + cá cơm, thủy sản
    assert ids_of(engine.similar("thanh-long-vietgap"))[0] in everything(engine, "thanh long")
    assert len(engine.similar("nm-chat-luong", size=2)) == 2
    assert engine.similar("unknown") == engine.similar("") == engine.similar(None) == []
    with pytest.raises(InvalidQuery):
        engine.similar("nm-chat-luong", size=MAX_SIMILAR + 1)


def ids_of(hits):
    return [hit["id"] for hit in hits]


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
    "(" * 500 + "nước",
    ")" * 500 + "nước" + "(" * 500,
    "NOT " * 300 + "mắm",
    " OR ".join(["nuoc"] * 300),
    " OR ".join(f"w{n}*" for n in range(300)),
    "-" * 1_000,
    "title:" * 200,
    'ipc:"',
    "code:* ipc:* title:*",
    "nuo* " * 100,
    " ".join(f"zzqqxxvvyyk{n:03d}" for n in range(100)),  # every word asks for typo tolerance
    " ".join(["protaese"] * 40 + ["hypertenson"] * 40),
    "\u202e\u200b\ufeff nước",
    "title:(((((a",
    "NOT (NOT (NOT x))",
    "-(-(-(-a)))",
    "a" * 70 + " nước",
    "ĐTKH.04/2019 OR code:ĐTKH.04/2019*",
]


@pytest.mark.parametrize("text", MALFORMED_TEXT)
def test_malformed_text_never_raises(engine, text):
    response = search(engine, text, filters={"sector": ["nuoc-mam"]})
    assert response.total == len(response.hits) or response.total > len(response.hits)


@pytest.mark.parametrize("text", [*MALFORMED_TEXT, None, 42, b"nuoc", "nuoc " * 100])
def test_suggestions_never_raise(engine, text):
    items = engine.suggest(text)
    assert len(items) <= 8 and all(item["record_id"] in PUBLIC_IDS for item in items)


@pytest.mark.parametrize(
    "record_id", ["'; DROP TABLE records", "\x00", "\ud800", "a" * 10_000, 42, None, "*"]
)
def test_similar_to_odd_ids_is_empty(engine, record_id):
    assert engine.similar(record_id) == []


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


def test_english_full_text_of_a_metadata_only_record_is_not_searched(tmp_path):
    engine = TantivyEngine(tmp_path)
    english = record(
        "en-meta",
        "Blade inspection robot",
        language="en",
        access_level="metadata_only",
        full_text="Confidential: the robot cleans turbines with quarkwash.",
    )
    engine.upsert([english])
    assert everything(engine, "blades inspecting") == {"en-meta"}
    assert everything(engine, "turbine") == everything(engine, "quarkwash") == set()


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


# One writer process: what a gunicorn worker, an ingest or the command line does to the folder.
WRITER_PROCESS = """
import sys
sys.path[:0] = [sys.argv[3], sys.argv[4]]
from search_records import record
from indexer.search.tantivy_engine import TantivyEngine
engine, start = TantivyEngine(sys.argv[1]), int(sys.argv[2])
for n in range(start, start + 40):
    engine.upsert([record(f"p{n}", f"Kết quả {n}")])
"""


def test_writers_in_other_processes_take_turns_instead_of_failing(tmp_path):
    """Two site workers committing at the same moment: tantivy lets one writer hold the
    folder; the other waits for it, and every write is in the index."""
    TantivyEngine(tmp_path)
    tests, root = Path(__file__).parent, Path(__file__).parent.parent
    writers = [subprocess.Popen([sys.executable, "-c", WRITER_PROCESS, str(tmp_path), str(start),
                                 str(tests), str(root)], stderr=subprocess.PIPE, text=True)
               for start in (0, 40)]
    failures = [writer.communicate(timeout=120)[1] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], failures
    assert TantivyEngine(tmp_path).count() == 80


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


def test_similar_records_survive_an_index_holding_deleted_documents(tmp_path):
    """tantivy's MoreLikeThis panics ("bm25.rs: index out of bounds") when a term's document
    frequency counts documents deleted by an update; similar records still answer."""
    engine = TantivyEngine(tmp_path / "search")
    engine.rebuild(RECORDS)
    engine.upsert([r for r in RECORDS if r["access_level"] != "restricted"][:12])
    for id_ in sorted(PUBLIC_IDS):
        similar = engine.similar(id_, MAX_SIMILAR)
        assert all(hit["id"] != id_ for hit in similar)
    assert engine.similar("nm-chat-luong", MAX_SIMILAR)
