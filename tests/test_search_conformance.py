"""One suite for every search engine: the same records, the same questions, the same answers.

It runs on the embedded tantivy engine always (a real index in a temp folder) and on
Elasticsearch when ``ELASTICSEARCH_URL`` points at a cluster (indexes ``conformance-<random>-*``,
deleted afterwards), e.g. ``ELASTICSEARCH_URL=http://127.0.0.1:9200 make test``. Facet counts are
checked against counts computed here in Python from the documents, so each engine is held to the
multi-select rules on its own; with both engines available they must also agree with each other,
down to the top five of every judged query of ``tests/relevance_judgements.json``.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

import pytest
from search_records import (
    EXACT_NUOC_MAM,
    NUOC_MAM,
    PUBLIC_IDS,
    RECORDS,
    buckets,
    counts,
    everything,
    ids,
    in_sector,
    search,
)

from indexer.search.documents import search_document
from indexer.search.engine import (
    HIT_KEYS,
    InvalidQuery,
    SearchEngine,
    SearchRequest,
    facet_buckets,
    numeric_bounds,
)
from indexer.search.vietnamese import fold
from schemas.search_fields import FACETS, FACETS_BY_NAME, MAX_RESULT_WINDOW, RANGE_SEPARATOR

ROOT = Path(__file__).resolve().parent.parent
JUDGEMENTS = ROOT / "tests" / "relevance_judgements.json"
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
NO_CLUSTER = "set ELASTICSEARCH_URL to run the suite on Elasticsearch"


DOCS = {doc["id"]: doc for doc in map(search_document, RECORDS) if doc is not None}

ENGINES = [
    "tantivy",
    pytest.param(
        "elasticsearch", marks=pytest.mark.skipif(not ELASTICSEARCH_URL, reason=NO_CLUSTER)
    ),
]


def _drop_elasticsearch(engine) -> None:
    """Delete a test engine's indexes and template (by name: clusters refuse wildcard deletes)."""
    client = engine.client.options(ignore_status=404)
    names = client.indices.get_alias(index=f"{engine.alias}-*").body
    for name in names if isinstance(names, dict) else ():
        if name.startswith(f"{engine.alias}-"):
            client.indices.delete(index=name)
    client.indices.delete_index_template(name=engine.alias)


@pytest.fixture(scope="module")
def make_engine(tmp_path_factory):
    """Fresh, empty engines of a kind; Elasticsearch ones are deleted at the end."""
    made = []

    def make(kind: str):
        if kind == "tantivy":
            from indexer.search.tantivy_engine import TantivyEngine

            return TantivyEngine(tmp_path_factory.mktemp("search"))
        from indexer.search.elasticsearch_engine import ElasticsearchEngine

        engine = ElasticsearchEngine(ELASTICSEARCH_URL, f"conformance-{uuid.uuid4().hex[:10]}")
        made.append(engine)
        return engine

    yield make
    for engine in made:
        _drop_elasticsearch(engine)


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, make_engine):
    engine = make_engine(request.param)
    assert engine.rebuild(RECORDS) == len(PUBLIC_IDS)
    return engine


# -- the rules, computed here from the documents ---------------------------------------------------


def _values(doc: dict, field: str) -> list:
    value = doc.get(field)
    return [v for v in (value if isinstance(value, list) else [value]) if v is not None]


def _key(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _selected(doc: dict, name: str, keys: list[str]) -> bool:
    facet = FACETS_BY_NAME[name]
    values = [_key(value) for value in _values(doc, facet.field)]
    for key in keys:
        if facet.numeric and RANGE_SEPARATOR in key:
            low, high = numeric_bounds(key)
            if any(
                (low is None or int(v) >= low) and (high is None or int(v) <= high) for v in values
            ):
                return True
        elif key in values:
            return True
    return False


def expected_facets(matched: set[str], filters: dict[str, list[str]]) -> dict[str, dict[str, int]]:
    """Each facet's counts over the records the text matched, under every other facet's
    selection (values of a facet OR-ed, facets AND-ed, a facet's own selection ignored)."""
    expected = {}
    for facet in FACETS:
        found: dict[str, int] = {}
        for id_ in matched:
            doc = DOCS[id_]
            if all(_selected(doc, n, k) for n, k in filters.items() if n != facet.name):
                for value in _values(doc, facet.field):
                    found[_key(value)] = found.get(_key(value), 0) + 1
        expected[facet.name] = found
    return expected


def expected_hits(matched: set[str], filters: dict[str, list[str]]) -> set[str]:
    return {i for i in matched if all(_selected(DOCS[i], n, k) for n, k in filters.items())}


FILTER_CASES = [
    ("", {}),
    ("", {"sector": ["nuoc-mam"]}),
    ("", {"sector": ["thanh-long", "du-lich"], "year": ["2020"]}),
    ("thanh long", {"place": ["ham-thuan-nam"], "trl": ["8"]}),
    ("", {"year": ["2019..2022"]}),
    ("", {"year": ["..2017"], "kind": ["research_result"]}),
    ("", {"has_full_text": ["true"]}),
    ("nước", {"status": ["accepted", "offered"], "language": ["vi"]}),
    ("", {"organisation": ["Hội Nước mắm Phan Thiết"]}),
    ("", {"field_l1": ["4"], "field": ["401"]}),
    ("", {"technology": ["18"]}),
    ("nuoc mam", {"ip_status": ["granted", "none"], "trl": ["5..6"]}),
    ("thanh long", {"sector": ["du-lich"], "year": ["1999"]}),
    # the facets and ranges added with the query syntax, alone and together
    ("", {"has_full_text": ["false"], "trl": ["..5"]}),
    ("", {"has_full_text": ["true", "false"]}),
    ("", {"trl": ["7.."], "year": ["2020.."]}),
    ("", {"year": ["2016", "2020..2021"]}),  # a year and a range: both are buckets
    ("", {"year": ["2014..2014"], "sector": ["thuy-san"]}),
    ("", {"technology": ["15", "18"], "field_l1": ["1", "2"]}),
    ("nuoc mam", {"organisation": ["Hội Nước mắm Phan Thiết", "Viện Công nghệ sinh học"]}),
    ("rong bien", {"organisation": ["Viện Công nghệ sinh học"], "technology": ["15"]}),
    ("", {"field_l1": ["4"], "year": ["..2020"], "has_full_text": ["false"], "trl": ["4..8"]}),
]


# -- every engine ---------------------------------------------------------------------------------


def test_engine_implements_the_interface(engine):
    assert isinstance(engine, SearchEngine)
    assert engine.count() == len(PUBLIC_IDS)
    assert not engine.needs_rebuild


def test_response_shape(engine):
    response = search(engine, "nước mắm", filters={"sector": ["nuoc-mam"]})
    assert isinstance(response.total, int) and response.total == len(response.hits) == 4
    for hit in response.hits:
        assert tuple(hit) == HIT_KEYS
        assert isinstance(hit["score"], float) and isinstance(hit["sectors"], list)
        assert hit["year"] is None or isinstance(hit["year"], int)
    assert list(response.facets) == [facet.name for facet in FACETS]
    for listed in response.facets.values():
        for bucket in listed:
            assert set(bucket) == {"key", "doc_count", "is_selected"}
            assert isinstance(bucket["key"], str) and isinstance(bucket["doc_count"], int)
    patent = next(hit for hit in response.hits if hit["id"] == "nm-khu-mui")
    assert patent | {"highlight": None, "score": None} == {
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


def test_typing_without_diacritics_finds_the_same_records(engine):
    assert everything(engine, "nước mắm") == everything(engine, "nuoc mam") == NUOC_MAM
    assert everything(engine, "NUOC MAM") == NUOC_MAM
    assert everything(engine, "dang van duc") == everything(engine, "Đặng Văn Đức")
    assert everything(engine, "dang van duc") == {"thanh-long-che-pham"}


def test_the_users_own_spelling_ranks_first(engine):
    ranked = ids(search(engine, "nước mắm"))
    assert set(ranked[:3]) == EXACT_NUOC_MAM
    assert set(ranked[3:]) == NUOC_MAM - EXACT_NUOC_MAM
    assert ids(search(engine, "nuoc mam"))[0] == "nuoc-mam-khong-dau"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("nước mắm Phan Thiết", {"nm-chat-luong"}),
        ("thanh long xyzzy", set()),
        ('"thanh long ruột đỏ"', {"thanh-long-vietgap"}),
        ('"mắm nước"', set()),
        ('"tuoi nuoc"', {"tuoi-mam-thanh-long"}),
        ("1-2020-01234", {"nm-khu-mui"}),
        ("a23l", {"nm-khu-mui"}),
        ('"A23L 27/50"', {"nm-khu-mui"}),
        ("ipc:A23L", {"nm-khu-mui"}),
        ("code:2-2023", {"thanh-long-che-pham"}),
        ("inventor:duc", {"thanh-long-che-pham"}),
        ("org:hội", {"nm-chat-luong"}),
        ("title:thanh ruột", {"thanh-long-vietgap"}),
        ("nước mắm -tanh", NUOC_MAM - {"nm-khu-mui"}),
        ("gió OR plughzorb", {"dien-gio", "xu-ly-nuoc-thai"}),
        ("plughz*", {"xu-ly-nuoc-thai"}),
        ("plughzorbb", {"xu-ly-nuoc-thai"}),  # a typo in a long word the index does not hold
        ("slice", {"dragon-fruit-drying"}),  # English stem of "slices"
        # a sector's name in English finds the sector's Vietnamese records too
        ("dragon fruit", {"dragon-fruit-drying"} | in_sector("thanh-long")),
        ("dragon fruits", {"dragon-fruit-drying"}),  # not the name: words only
        ("hội nước mắm", {"nm-chat-luong"}),
        ("plughzorb", {"xu-ly-nuoc-thai"}),  # full text of a public record
        ("xyzzyquark", set()),  # full text of a metadata-only record: never searched
        ("trữ lượng cá cơm", {"ca-com-metadata"}),
        # typo tolerance only for words the index does not hold: "trung" (Trung tâm) is held,
        # so it is never widened to "trong" (trồng), one letter away; "trungg" is not held
        ("trung", {"thanh-long-vietgap"}),
        ("trungg", {"thanh-long-vietgap"}),
    ],
)
def test_what_each_query_finds(engine, text, found):
    assert everything(engine, text) == found


def test_negation_alone_means_everything_else(engine):
    thanh_long = everything(engine, "thanh")
    assert thanh_long and everything(engine, "-thanh") == PUBLIC_IDS - thanh_long


def test_restricted_records_never_leak(engine):
    assert "nm-mat" not in everything(engine)
    for text in ("zorblaxian", "hồ sơ mật", '"nước mắm mật"', "org:bí mật"):
        assert everything(engine, text) == set(), text
    listing = search(engine)
    assert "2024" not in counts(listing, "year") and "9" not in counts(listing, "trl")
    assert "Công ty Mật Ngọt" not in counts(listing, "organisation")
    assert counts(search(engine, "nước mắm"), "sector")["nuoc-mam"] == 4
    for text in ("hồ sơ m", "bí m", "nước mắm m", "zorbl"):
        assert all(s["record_id"] != "nm-mat" for s in engine.suggest(text, size=10)), text
    assert "nm-mat" not in {hit["id"] for hit in engine.similar("nm-chat-luong", size=20)}
    assert engine.similar("nm-mat") == []


@pytest.mark.parametrize(("text", "filters"), FILTER_CASES)
def test_facet_counts_follow_the_multi_select_rules(engine, text, filters):
    matched = everything(engine, text)
    response = search(engine, text, filters=filters, size=100)
    assert set(ids(response)) == expected_hits(matched, filters)
    assert response.total == len(response.hits)
    expected = expected_facets(matched, filters)
    for facet in FACETS:
        # the shared rule of the response shape: order, cap, selected values (ranges) added
        selected = filters.get(facet.name, [])
        assert response.facets[facet.name] == facet_buckets(facet, expected[facet.name], selected)


def test_facet_order(engine):
    response = search(engine)
    years = [int(b["key"]) for b in response.facets["year"]]
    assert years == sorted(years, reverse=True)
    trl = [int(b["key"]) for b in response.facets["trl"]]
    assert trl == sorted(trl)
    sectors = [(-b["doc_count"], b["key"]) for b in response.facets["sector"]]
    assert sectors == sorted(sectors)


def test_a_selected_range_is_a_bucket_of_its_own(engine):
    # years of the public records: 2014, 2015, 2016, 2017, 2018 x2, 2019, 2020 x2, 2021 x2,
    # 2022 x3, 2023 x2 (and one without a year)
    response = search(engine, filters={"year": ["2019..2021"]})
    assert response.total == 5
    years = buckets(response, "year")
    # the range counts the years it covers; its years keep their own buckets; a range is not a
    # number, so it comes before the years in newest-first order
    assert years[0] == ("2019..2021", 5, True)
    assert ("2020", 2, False) in years and ("2022", 3, False) in years
    assert ("2022..", 5, True) in buckets(search(engine, filters={"year": ["2022.."]}), "year")
    # TRL of the public records: 3, 4, 5, 6 x2, 7, 8
    lowest = search(engine, filters={"trl": ["..5"]})
    assert lowest.total == 3
    assert buckets(lowest, "trl")[-1] == ("..5", 3, True)  # a range comes after 1-9
    # each facet counts under the other's selection: TRL of the records of 2022 and later (3,
    # 6), years of the records of TRL 5 and below (2018, 2019, 2023)
    both = search(engine, filters={"year": ["2022.."], "trl": ["..5"]})
    assert ids(both) == ["dien-gio"]
    assert buckets(both, "trl") == [("3", 1, False), ("6", 1, False), ("..5", 1, True)]
    assert buckets(both, "year") == [
        ("2022..", 1, True),
        ("2023", 1, False),
        ("2019", 1, False),
        ("2018", 1, False),
    ]
    # a range and a year of the same facet are OR-ed
    assert everything(engine, filters={"year": ["2016", "2022..2022"]}) == {
        "nuoc-mam-khong-dau",
        "nm-khu-mui",
        "dragon-fruit-drying",
        "xu-ly-nuoc-thai",
    }


def test_full_text_facet_is_keyed_true_and_false(engine):
    listing = search(engine)
    # public full texts only: the metadata-only record's text is not there
    assert counts(listing, "has_full_text") == {"true": 3, "false": len(PUBLIC_IDS) - 3}
    described = search(engine, filters={"has_full_text": ["false"]}, size=100)
    assert described.total == len(PUBLIC_IDS) - 3 and "ca-com-metadata" in ids(described)
    assert buckets(described, "has_full_text") == [
        ("false", len(PUBLIC_IDS) - 3, True),
        ("true", 3, False),  # its own selection does not shrink its counts
    ]
    assert search(engine, filters={"has_full_text": ["true", "false"]}).total == len(PUBLIC_IDS)
    assert search(engine, filters={"has_full_text": ["yes"]}).total == 3


def test_technology_organisation_and_field_level_facets(engine):
    listing = search(engine)
    assert counts(listing, "technology") == {"18": 2, "15": 2, "29": 1}
    assert counts(listing, "organisation") == {
        "Viện Công nghệ sinh học": 2,
        "Hội Nước mắm Phan Thiết": 1,
        "Trung tâm Khuyến nông Bình Thuận": 1,
        "Viện Địa chất": 1,
    }
    assert counts(listing, "field_l1") == {"1": 2, "2": 3, "4": 4, "5": 1}
    chosen = search(engine, filters={"technology": ["18"], "field_l1": ["2"]})
    assert ids(chosen) == ["nm-khu-mui"]
    assert buckets(chosen, "technology") == [("18", 1, True)]  # under field_l1=2 only
    assert buckets(chosen, "field_l1") == [("1", 1, False), ("2", 1, True)]


@pytest.mark.parametrize(
    "filters",
    [
        {"has_full_text": ["maybe"]},
        {"year": ["2023..2020"]},
        {"trl": ["x..5"]},
        {"year": [".."]},
        {"technologies": ["18"]},
    ],
)
def test_malformed_filter_values_are_refused(engine, filters):
    with pytest.raises(InvalidQuery):
        search(engine, filters=filters)


def test_words_typed_side_by_side_rank_first_where_they_stand_side_by_side(engine):
    # "rong biển" stands side by side in the longer title, apart in the shorter one
    assert ids(search(engine, "rong biển")) == ["rong-bien-lien", "rong-bien-xa"]
    assert ids(search(engine, "rong bien")) == ["rong-bien-lien", "rong-bien-xa"]
    # the bonus ranks, it never decides what matches
    assert search(engine, "rong biển", sort="oldest").total == 2
    assert everything(engine, "rong biển -sụn") == {"rong-bien-lien"}


def test_sorts(engine):
    def years(sort, text=""):
        return [hit["year"] for hit in search(engine, text, sort=sort, size=100).hits]

    newest = years("newest")
    known = [year for year in newest if year is not None]
    assert known == sorted(known, reverse=True) and newest[len(known) :] == [None] * (
        len(newest) - len(known)
    )
    assert [y for y in years("oldest") if y is not None] == sorted(known)
    assert years("relevance") == newest  # no text: newest first
    titles = [fold(hit["title"]) for hit in search(engine, sort="title", size=100).hits]
    assert titles == sorted(titles)
    oldest = search(engine, "thanh long", sort="oldest", size=100)
    assert [hit["year"] for hit in oldest.hits] == sorted(hit["year"] for hit in oldest.hits)
    assert all(hit["score"] is None for hit in oldest.hits)


def test_paging(engine):
    pages = [search(engine, size=6, page=page) for page in (1, 2, 3)]
    assert {page.total for page in pages} == {len(PUBLIC_IDS)}
    assert [len(page.hits) for page in pages] == [6, 6, len(PUBLIC_IDS) - 12]
    seen = [id_ for page in pages for id_ in ids(page)]
    assert len(seen) == len(set(seen)) and set(seen) == PUBLIC_IDS
    assert search(engine, page=50, size=5).hits == []
    with pytest.raises(InvalidQuery):
        search(engine, page=MAX_RESULT_WINDOW // 10 + 1, size=10)
    with pytest.raises(InvalidQuery):
        search(engine, size=0)


def test_highlight_is_escaped_html_with_marks_only(engine):
    hit = search(engine, "thanh long màng bao").hits[0]
    assert hit["id"] == "thanh-long-bao-quan"
    assert "&lt;script&gt;" in hit["highlight"] and "&amp;" in hit["highlight"]
    assert "<mark>" in hit["highlight"]
    assert "<" not in re.sub(r"</?mark>", "", hit["highlight"])
    marked = " ".join(re.findall(r"<mark>(.*?)</mark>", hit["highlight"]))
    assert "thanh" in marked.lower() and "long" in marked.lower()
    # folded matches are marked in the record's own spelling
    assert "<mark>Màng" in search(engine, "mang bao").hits[0]["highlight"]
    assert "<mark>plughzorb</mark>" in search(engine, "plughzorb").hits[0]["highlight"]
    listing = {hit["id"]: hit["highlight"] for hit in search(engine, size=100).hits}
    assert listing["thanh-long-bao-quan"].startswith("Màng bao &lt;script&gt;")
    assert listing["xu-ly-nuoc-thai"] == ""


MALFORMED = [
    '"unbalanced',
    "(nước mắm",
    "nước mắm)]}",
    "title:",
    ":",
    "***",
    "AND OR NOT",
    '+-&&||!(){}[]^"~*?:\\/',
    "x" * 10_000,
    " ".join(["nước"] * 5_000),
    "\x00\x01\x02 nước \x7f\x1b[31m",
    "\ud800 lone surrogate \udfff",
    "a\u0301\u0302\u0303",
    "<script>alert(1)</script>",
    "1-2020-01234 OR 1=1; DROP TABLE records",
    "nuoc~2 mam^3",
    "/regex.*/",
    "((((((((((((((((((((a))))))))))))))))))))",
    "ipc:* code:- title:***",
]


@pytest.mark.parametrize("text", MALFORMED)
def test_any_text_gets_an_answer(engine, text):
    response = search(engine, text, filters={"sector": ["nuoc-mam"]})
    assert response.total >= len(response.hits)
    assert isinstance(engine.suggest(text), list)


def test_suggestions_complete_what_is_typed(engine):
    suggestions = engine.suggest("nuoc ma", size=8)
    assert suggestions and len(suggestions) <= 8
    texts = [fold(s["text"]) for s in suggestions]
    assert len(texts) == len(set(" ".join(t.split()) for t in texts))  # each text once
    for suggestion in suggestions:
        assert set(suggestion) == {"text", "type", "record_id"}
        assert suggestion["type"] in {"title", "organisation", "keyword"}
        assert suggestion["record_id"] in PUBLIC_IDS
        assert re.search(r"\bnuoc ma", fold(suggestion["text"])), suggestion
    assert suggestions[0] == {"text": "nước mắm", "type": "keyword", "record_id": "nm-chat-luong"}
    assert engine.suggest("   ") == [] and engine.suggest("zzzzqq") == []
    with pytest.raises(InvalidQuery):
        engine.suggest("nuoc", size=0)


def test_similar_records(engine):
    similar = engine.similar("nm-chat-luong", size=3)
    assert 0 < len(similar) <= 3
    assert all(tuple(hit) == HIT_KEYS for hit in similar)
    assert "nm-chat-luong" not in {hit["id"] for hit in similar}
    assert similar[0]["id"] in NUOC_MAM  # shares its sector, field and words
    assert engine.similar("no-such-record") == []
    with pytest.raises(InvalidQuery):
        engine.similar("nm-chat-luong", size=0)


@pytest.mark.parametrize("kind", ENGINES)
def test_writes_are_visible_at_once(make_engine, kind):
    engine = make_engine(kind)
    assert engine.upsert(RECORDS[:3]) == 3
    assert engine.count() == 3
    assert engine.upsert([RECORDS[0] | {"title": "Nước mắm cá cơm Phú Quý"}]) == 1
    assert engine.count() == 3  # replaced, not added
    assert everything(engine, "phú quý") == {"nm-chat-luong"}
    assert everything(engine, "nâng cao chất lượng") == set()
    assert engine.upsert([RECORDS[1] | {"access_level": "restricted"}]) == 0
    assert engine.count() == 2 and "nm-len-men" not in everything(engine)
    engine.delete(["nm-khu-mui", "unknown"])
    assert everything(engine) == {"nm-chat-luong"}


@pytest.mark.parametrize("kind", ENGINES)
def test_rebuild_replaces_the_index_whole(make_engine, kind):
    engine = make_engine(kind)
    engine.rebuild(RECORDS[:2])
    before = engine.build

    def records():
        yield RECORDS[2]
        engine.upsert([RECORDS[3]])  # arrives while the new index is being built
        engine.delete([RECORDS[2]["id"]])
        yield RECORDS[2]  # the rebuild's stale copy: the later delete wins

    assert engine.rebuild(records()) == 2
    assert engine.build != before and not engine.needs_rebuild
    assert everything(engine) == {RECORDS[3]["id"]}

    def broken():
        yield RECORDS[4]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        engine.rebuild(broken())
    assert everything(engine) == {RECORDS[3]["id"]}  # the old index still answers


@pytest.mark.parametrize("kind", ENGINES)
def test_a_record_given_twice_to_a_rebuild_is_indexed_once_as_last_given(make_engine, kind):
    engine = make_engine(kind)
    engine.rebuild([RECORDS[0], RECORDS[0] | {"title": "Nước mắm cá cơm Phú Quý"}])
    assert engine.count() == 1
    assert everything(engine, "phú quý") == {RECORDS[0]["id"]}
    assert everything(engine, "nâng cao chất lượng") == set()


# -- both engines, side by side -------------------------------------------------------------------

both = pytest.mark.skipif(not ELASTICSEARCH_URL, reason=NO_CLUSTER)
SIDE_BY_SIDE = [
    "nước mắm",
    "nuoc mam",
    "thanh long",
    '"thanh long ruột đỏ"',
    "dragon fruit drying",
    "quy trình -VietGAP",
    "thanh OR gió",
    "plughzorbb",
    "title:thanh",
    "ipc:a23",
    "rong biển",
    "trung",
    "",
]


@pytest.fixture(scope="module")
def pair(make_engine):
    engines = {"tantivy": make_engine("tantivy"), "elasticsearch": make_engine("elasticsearch")}
    for engine in engines.values():
        engine.rebuild(RECORDS)
    return engines


@both
@pytest.mark.parametrize("text", SIDE_BY_SIDE)
@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"sector": ["thanh-long", "nuoc-mam"], "year": ["2015.."]},
        {"has_full_text": ["false"], "trl": ["..6", "8"], "technology": ["18"]},
        {"organisation": ["Viện Công nghệ sinh học"], "year": ["2014..2019"], "field_l1": ["2"]},
    ],
)
def test_engines_agree(pair, text, filters):
    tantivy, elasticsearch = (
        engine.search(SearchRequest(text=text, filters=filters, size=100))
        for engine in pair.values()
    )
    assert tantivy.total == elasticsearch.total
    assert set(ids(tantivy)) == set(ids(elasticsearch))
    assert tantivy.facets == elasticsearch.facets


@both
@pytest.mark.parametrize("text", ["rong biển", "rong bien", "quy trình"])
def test_engines_rank_alike(pair, text):
    # the same order where the embedded engine's scores are far apart (by 15 % and more): the
    # proximity bonus, exact spelling, field weights
    tantivy, elasticsearch = (
        engine.search(SearchRequest(text=text, size=100)) for engine in pair.values()
    )
    assert ids(tantivy) == ids(elasticsearch)


@both
@pytest.mark.parametrize("text", ["nuoc ma", "thanh l", "hội", "quy trình t"])
def test_engines_suggest_alike(pair, text):
    tantivy, elasticsearch = (engine.suggest(text, size=10) for engine in pair.values())
    # the same completions; among equally placed ones the order follows each engine's scores
    assert tantivy[:1] == elasticsearch[:1]
    assert {(s["text"], s["type"]) for s in tantivy} == {
        (s["text"], s["type"]) for s in elasticsearch
    }


def corpus_records() -> list[dict]:
    """The sample corpus read as ingest reads it, each record named by its path."""
    from indexer.extract import extract_document

    corpus = ROOT / "corpus_samples"
    truth = json.loads((corpus / "ground_truth.json").read_text(encoding="utf-8"))
    paths = [entry["path"] for entry in truth["documents"] if "expected" in entry]
    return [{**extract_document(corpus / path).record, "id": path} for path in paths]


@both
@pytest.mark.slow
@pytest.mark.skipif(not JUDGEMENTS.exists(), reason="no tests/relevance_judgements.json")
def test_engines_rank_the_judged_queries_alike(make_engine):
    records = corpus_records()
    engines = [make_engine("tantivy"), make_engine("elasticsearch")]
    for engine in engines:
        engine.rebuild(records)
    queries = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["queries"]
    differing = []
    for judged in queries:
        tops = [ids(engine.search(SearchRequest(judged["query"], size=5))) for engine in engines]
        if set(tops[0]) != set(tops[1]):  # the same five records (ties may swap places)
            differing.append((judged["query"], *tops))
    assert differing == []
