"""The Elasticsearch engine's requests, asserted as data: no server needed.

Every body the engine sends is built by ``indexer.search.es_requests``; these tests pin what it
asks of Elasticsearch (analysis, mapping, query, facets, paging, writes, aliases) and how it reads
the answers back (a realistic answer, written out by hand, is data, not a mock).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from indexer.search import es_requests as es
from indexer.search import rules, vietnamese
from indexer.search.engine import (
    HIT_KEYS,
    InvalidQuery,
    SearchRequest,
    fuzzy_distance,
)
from indexer.search.query import parse_query
from indexer.search.vietnamese import EXACT, FOLDED, analyzers, normalise, tokens
from schemas.search_fields import (
    CODE_FIELDS,
    EXACT_BOOST,
    EXACT_FIELDS,
    FACETS,
    FACETS_BY_NAME,
    FUZZY_WEIGHT,
    MAX_FUZZY_WORDS,
    MAX_PAGE_SIZE,
    MAX_RESULT_WINDOW,
    MAX_SIMILAR,
    MAX_SUGGESTIONS,
    PREFIX_WEIGHT,
    SORTS,
    STEM_WEIGHT,
    TEXT_FIELDS,
    Facet,
)


def body(text="", **options) -> dict:
    return es.search_body(SearchRequest(text=text, **options))


def leaf_of(query: dict) -> tuple[dict, dict | None]:
    """(the must dis_max, the should dis_max) of a compiled word."""
    return query["bool"]["must"][0], query["bool"].get("should", [None])[0]


def queries_on(dis_max: dict, kind: str) -> dict[str, dict]:
    """field -> options of the dis_max clauses of one kind (match_phrase, term, prefix...)."""
    found = {}
    clauses = dis_max["dis_max"]["queries"] if "dis_max" in dis_max else [dis_max]
    for clause in clauses:
        ((name, spec),) = clause.items()
        if name == kind:
            ((field, options),) = spec.items()
            found[field] = options
    return found


# -- the index template -------------------------------------------------------------------------


def test_template_applies_to_every_build_of_the_prefix():
    template = es.index_template("repo-records-*")
    assert template["index_patterns"] == ["repo-records-*"]
    settings = template["template"]["settings"]
    assert settings["number_of_shards"] == 1
    assert settings["max_result_window"] == MAX_RESULT_WINDOW
    assert template["template"]["mappings"]["_meta"]["schema"] == es.SCHEMA_ID
    assert template["_meta"]["schema"] == es.SCHEMA_ID
    json.dumps(template)  # what the client sends


def test_vietnamese_analyzers_keep_folded_and_exact_forms():
    analysis = es.index_template("x-*")["template"]["settings"]["analysis"]
    assert analysis["char_filter"]["vi_d"] == {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}
    folded = analysis["analyzer"]["vi_folded"]
    assert "char_filter" not in folded  # asciifolding folds đ: byte lengths stay the text's
    assert folded["filter"] == ["vi_length", "lowercase", "vi_fold"]
    assert analysis["filter"]["vi_fold"] == {"type": "asciifolding", "preserve_original": False}
    # the exact form: a field of its own (diacritics and đ kept)
    exact = analysis["analyzer"]["vi_exact"]
    assert "char_filter" not in exact and exact["filter"] == ["vi_length", "lowercase"]
    assert exact["tokenizer"] == folded["tokenizer"] == "vi_words"
    english = analysis["analyzer"]["en_stemmed"]
    assert analysis["filter"][english["filter"][-1]] == {"type": "stemmer", "language": "porter2"}
    assert analysis["normalizer"]["vi_keyword"]["filter"] == ["lowercase", "asciifolding"]


def test_long_words_are_dropped_by_their_bytes_as_the_embedded_engine_drops_them():
    analysis = es.index_template("x-*")["template"]["settings"]["analysis"]
    length = analysis["filter"]["vi_length"]
    assert length == {"type": "predicate_token_filter", "script": {"source": es.BYTE_LENGTH_SCRIPT}}
    assert all(a["filter"][0] == "vi_length" for a in analysis["analyzer"].values())
    script = es.BYTE_LENGTH_SCRIPT
    # kept below 16 characters (at most 60 bytes), dropped from 64 characters, else by bytes
    assert "n < 16" in script and "n >= 64" in script and "return b < 64" in script
    # UTF-8 bytes of a UTF-16 char: 1 below U+0080, 2 below U+0800, a surrogate 2 (4 a pair), 3
    assert "c < 128 ? 1 : (c < 2048 ? 2 : (c >= 55296 && c <= 57343 ? 2 : 3))" in script
    # the script's rule, read in Python over UTF-16 as Java strings are: the embedded engine's
    def kept(word: str) -> bool:
        units = word.encode("utf-16-le")
        chars = [int.from_bytes(units[i : i + 2], "little") for i in range(0, len(units), 2)]
        if len(chars) < 16:
            return True
        if len(chars) >= 64:
            return False
        size = sum(
            1 if c < 128 else 2 if c < 2048 else 2 if 55296 <= c <= 57343 else 3 for c in chars
        )
        return size < 64

    rng = random.Random(10)
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọ"
    letters += "ồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ𝐀ж"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(10, 70))) for _ in range(3000)]
    words += ["ư" * 31, "ư" * 32, "a" * 63, "a" * 64, "𝐀" * 15, "𝐀" * 16]
    for word in words:
        assert kept(word) == (tokens(word) == [word]), word
    assert not kept("ư" * 32) and kept("ư" * 31) and not kept("ư" * 33)  # 31 letters: 62 bytes


def test_every_text_field_is_folded_and_the_short_vietnamese_ones_keep_an_exact_sub_field():
    properties = es.mappings()["properties"]
    for name in TEXT_FIELDS:
        mapping = properties[name]
        assert (mapping["type"], mapping["analyzer"]) == ("text", "vi_folded")
        if name in EXACT_FIELDS:
            assert mapping["fields"]["exact"] == {"type": "text", "analyzer": "vi_exact"}
        else:
            assert "fields" not in mapping
    assert "full_text" not in EXACT_FIELDS and "title" in EXACT_FIELDS
    for name in es.SNIPPET_FIELDS:
        assert properties[name]["index_options"] == "offsets"
    for name in es.SUGGEST_SOURCES.values():  # completions: a copy with word beginnings indexed
        assert "index_prefixes" not in properties[name]  # searched fields keep their statistics
        copy = properties[properties[name]["copy_to"]]
        assert copy["index_prefixes"] == {"min_chars": 1, "max_chars": 10}
        assert copy["analyzer"] == "vi_folded"
    for name in es.ENGLISH_FIELDS:
        assert properties[name] == {"type": "text", "analyzer": "en_stemmed"}


def test_every_keyword_field_a_query_scores_keeps_norms_as_tantivy_does():
    properties = es.mappings()["properties"]
    scored = set()
    bodies = [
        es.compile_query("thanh long A23L 1-2020-01234 ipc:A23* code:1-20*"),
        es.similar_body(
            {"_id": "x", "_source": {"sector": ["thanh-long"], "field": "401", "field_l1": "4"}},
            5,
            "repo-records",
        ),
    ]
    for query in _walk(bodies):
        for kind in ("term", "prefix"):
            for field, options in (query.get(kind) or {}).items():
                if isinstance(options, dict) and "boost" in options:
                    scored.add(field)
    assert {"sector", "field", "field_l1", rules.WORD_PAIRS, "codes", "ipc.folded"} <= scored
    for field in scored:
        name, _dot, sub = field.partition(".")
        mapping = properties[name]["fields"][sub] if sub else properties[name]
        if mapping["type"] == "keyword":
            assert mapping.get("norms") is True, field
    assert "norms" not in properties["kind"]  # only filtered and counted: no scores, no norms


def test_codes_and_facets_are_keywords_and_numbers():
    properties = es.mappings()["properties"]
    for name in CODE_FIELDS:
        assert properties[name]["type"] == "keyword"
        assert properties[name]["fields"]["folded"]["normalizer"] == "vi_keyword"
    expected = {"keyword": "keyword", "year": "integer", "integer": "integer", "boolean": "boolean"}
    for facet in FACETS:
        assert properties[facet.field]["type"] == expected[facet.kind], facet.name
    assert properties["year"]["type"] == properties["trl"]["type"] == "integer"
    assert properties["title_sort"]["type"] == properties["id"]["type"] == "keyword"
    assert es.mappings()["dynamic"] is False


def test_facets_of_every_kind_are_mapped_for_filtering_and_counting():
    properties = es.mappings()["properties"]
    keyword = {"type": "keyword", "ignore_above": es.KEYWORD_LIMIT}
    assert properties["technology"] == keyword  # WIPO fields "1".."35", a list per record
    assert properties["field_l1"]["type"] == properties["field"]["type"] == "keyword"
    assert FACETS_BY_NAME["organisation"].field == "host_organisation"
    assert properties["host_organisation"] == keyword  # the whole name, as the filter gives it
    assert "organisation" not in properties  # a facet's name is not a field
    assert properties["has_full_text"] == {"type": "boolean"}
    assert properties["year"] == properties["trl"] == {"type": "integer"}


def test_a_new_facet_gets_a_mapping_and_changes_the_fingerprint():
    extra = Facet("colour", "colour", None, {"vi": "Màu", "en": "Colour"})
    mapping = es.mappings((*FACETS, extra))
    assert mapping["properties"]["colour"] == {"type": "keyword", "ignore_above": 512}
    assert mapping["_meta"]["schema"] != es.SCHEMA_ID


VIETNAMESE = [
    "Nước mắm Phan-Thiết đạt độ đạm 40°N",
    "ĐẶNG Đình Đức, Trường ĐH Nha Trang",
    "Quy trình ĐTKH.04/2019 (thanh long ruột đỏ)",
    "Solar drying of dragon-fruit slices: 30% faster",
    "a_b c" + "d" * 80,
    "a\u0301\u0302 x café",  # stray combining marks
]


@pytest.mark.parametrize("text", VIETNAMESE)
def test_words_are_cut_as_the_embedded_engine_cuts_them(text):
    # the phrase limit and the suggestions count words in Python: the same words as the index
    tantivy, text = analyzers(), normalise(text)  # every engine gets NFC text
    assert vietnamese.folded_tokens(text) == tantivy[FOLDED].analyze(text)
    assert [word.lower() for word in vietnamese.tokens(text)] == tantivy[EXACT].analyze(text)


# -- the query ------------------------------------------------------------------------------------


def test_a_word_with_diacritics_matches_folded_and_ranks_its_exact_spelling():
    words = body("nước mắm ngon")["query"]["bool"]["must"][0]["bool"]["must"]
    assert len(words) == 3  # every word must match
    match, bonus = leaf_of(words[1])
    assert queries_on(match, "match_phrase") == {
        **{name: {"query": "mam", "boost": weight} for name, weight in TEXT_FIELDS.items()},
        **{
            name: {"query": "mam", "boost": weight * STEM_WEIGHT}
            for name, weight in es.ENGLISH_FIELDS.items()
        },
    }
    assert queries_on(match, "term") == {
        **{name: {"value": "mắm", "boost": weight} for name, weight in CODE_FIELDS.items()},
        **{f"{name}.folded": {"value": "mam", "boost": w} for name, w in CODE_FIELDS.items()},
    }
    assert match["dis_max"]["tie_breaker"] == es.TIE_BREAKER
    assert queries_on(bonus, "match_phrase") == {
        f"{name}.exact": {"query": "mắm", "boost": TEXT_FIELDS[name] * EXACT_BOOST}
        for name in EXACT_FIELDS
    }


def test_typed_without_diacritics_the_same_folded_clauses():
    def first_word(text):
        return leaf_of(body(text)["query"]["bool"]["must"][0]["bool"]["must"][0])

    (with_marks, _), (without, bonus) = first_word("nước mắm ngon"), first_word("NUOC mam ngon")
    assert queries_on(with_marks, "match_phrase") == queries_on(without, "match_phrase")
    assert queries_on(bonus, "match_phrase")["title.exact"]["query"] == "nuoc"


def test_a_query_naming_a_sector_in_either_language_also_finds_the_sector():
    for text in ("dragon fruit", "Thanh Long", "thanh long"):
        query = es.compile_query(text)
        words, sector = query["bool"]["should"]
        assert query["bool"]["minimum_should_match"] == 1
        assert words == es._Compiler(frozenset()).compile(parse_query(text))  # the words, as ever
        assert sector == {"term": {"sector": {"value": "thanh-long", "boost": rules.SECTOR_WEIGHT}}}
    # only the sector's name, typed plainly: not a synonym, a phrase, a field, a negation, an OR
    not_a_name = ("pitaya", '"dragon fruit"', "title:dragon fruit", "dragon -fruit", "dragon x")
    for text in (*not_a_name, "thanh long OR nước mắm", "dragon*"):
        assert "sector" not in json.dumps(es.compile_query(text)), text


def test_quoted_phrase():
    match, bonus = leaf_of(es.compile_query('"Thanh Long ruột đỏ"'))
    phrases = queries_on(match, "match_phrase")
    assert phrases["title"] == {"query": "thanh long ruot do", "boost": TEXT_FIELDS["title"]}
    assert "en_title" not in phrases  # stems, prefixes and typos are for words, not phrases
    assert queries_on(bonus, "match_phrase")["title.exact"]["query"] == "thanh long ruột đỏ"
    assert queries_on(match, "term")["ipc"]["value"] == "Thanh Long ruột đỏ"


def test_fielded_words_search_their_fields_only():
    match, bonus = leaf_of(es.compile_query("title:nước"))
    assert set(queries_on(match, "match_phrase")) == {"title", "title_en", "en_title"}
    assert queries_on(match, "term") == {}
    assert set(queries_on(bonus, "match_phrase")) == {"title.exact"}  # English has no marks
    people = queries_on(leaf_of(es.compile_query("inventor:Đức"))[0], "match_phrase")
    assert set(people) == {"people"}
    # an identifier field: the whole value, as typed or folded, and the values it begins
    ipc = es.compile_query("ipc:A23L")
    assert queries_on(ipc, "term") == {
        "ipc": {"value": "A23L", "boost": CODE_FIELDS["ipc"]},
        "ipc.folded": {"value": "a23l", "boost": CODE_FIELDS["ipc"]},
    }
    assert queries_on(ipc, "prefix") == {
        "ipc.folded": {
            "value": "a23l",
            "rewrite": f"top_terms_{es.PREFIX_EXPANSIONS}",
            "boost": CODE_FIELDS["ipc"] * PREFIX_WEIGHT,
        }
    }


def test_negated_words_exclude_what_they_match_folded():
    query = es.compile_query("nước -mắm")
    assert set(query["bool"]) == {"must", "must_not"}
    (excluded,) = query["bool"]["must_not"]
    assert set(queries_on(excluded, "match_phrase")) == set(TEXT_FIELDS)  # no stems, no bonus
    assert queries_on(excluded, "match_phrase")["title"]["query"] == "mam"
    everything = {"match_all": {"boost": 1 / 2.2}}  # tantivy scores it 1.0: 2.2 BM25 units
    assert es.compile_query("-mắm")["bool"]["must"] == [everything]
    assert es.compile_query("NOT (thanh long)")["bool"]["must"] == [everything]
    # a query of negations only still asks for something: scored, sorted by relevance
    assert body("-mắm")["sort"][0] == {"_score": {"order": "desc"}}


def test_or_and_brackets():
    query = es.compile_query("(nước OR mắm) cá")
    either, word = query["bool"]["must"]
    assert either["bool"]["minimum_should_match"] == 1 and len(either["bool"]["should"]) == 2
    assert queries_on(leaf_of(word)[0], "match_phrase")["title"]["query"] == "ca"


def test_trailing_star_matches_the_beginning_of_words():
    match, bonus = leaf_of(es.compile_query("nuoc*"))
    assert queries_on(match, "prefix")["title"] == {
        "value": "nuoc",
        "rewrite": f"top_terms_{es.PREFIX_EXPANSIONS}",
        "boost": TEXT_FIELDS["title"] * PREFIX_WEIGHT,
    }
    assert queries_on(match, "match_phrase")["title"]["query"] == "nuoc"  # the word itself too
    assert queries_on(match, "prefix")["codes.folded"]["value"] == "nuoc"
    # too short to stand for words: the word itself only
    assert queries_on(leaf_of(es.compile_query("ng*"))[0], "prefix") == {}
    # a hyphenated beginning: the words in order, the last one as a beginning
    hyphen = queries_on(leaf_of(es.compile_query("thanh-lon*"))[0], "match_phrase_prefix")
    assert hyphen["title"]["query"] == "thanh lon"


PREFIXED = {
    "one": "cong*",
    "two": "cong* nghe*",
    "three": "cong* nghe* sinh*",
    "eight": "cong* nghe* sinh* hoc* thuc* pham* nong* nghiep*",
    "hyphenated": "thanh-lon* nuoc-ma* cong-ngh* sinh-ho* thuc-pha* nong-ngh* chan-nuo* ca-ph*",
    "fielded": "ipc:A23* code:1-20* title:cong* org:vien* person:nguy* keyword:nuo*",
    "as many as a query holds": " ".join(f"tu{n:02d}x*" for n in range(40)),
    "with typos": "cong* nghe* " + " ".join(f"phanth{n}iet" for n in range(10)),
}


@pytest.mark.parametrize("text", PREFIXED.values(), ids=PREFIXED)
def test_word_beginnings_never_exceed_the_clause_limit_of_the_smallest_node(text):
    missing = frozenset(es.typo_candidates(text))  # every typo candidate widened too
    query = body(text)["query"] if not missing else {
        "bool": {"must": [es.compile_query(text, missing)], "must_not": [es.RESTRICTED]}
    }
    assert es.clause_count(query) <= es.MAX_CLAUSES == 1024


def test_clause_count_reads_a_body_as_lucene_counts_its_rewrite():
    # "cong* nghe*" as first compiled: 8 text and 2 code fields, 50 words per beginning
    assert es.clause_count(es._Compiler().query(parse_query("cong* nghe*"))) == 1040
    prefix = {"prefix": {"title": {"value": "cong", "rewrite": "top_terms_7"}}}
    phrase = {"match_phrase_prefix": {"title": {"query": "thanh lo", "max_expansions": 9}}}
    assert es.clause_count(prefix) == 7 and es.clause_count(phrase) == 10
    assert es.clause_count({"bool": {"must": [prefix], "should": [phrase, {"term": {}}]}}) == 18
    assert es.clause_count({"dis_max": {"queries": [prefix, {"match_phrase": {"t": {}}}]}}) == 8


def test_a_few_beginnings_keep_their_fifty_words_many_share_fewer():
    def expansions(text):
        found = set()
        for field_query in _walk(es.compile_query(text)):
            if "prefix" in field_query:
                ((_field, options),) = field_query["prefix"].items()
                found.add(int(options["rewrite"].rsplit("_", 1)[1]))
        return found

    assert expansions("cong*") == {es.PREFIX_EXPANSIONS}
    assert expansions("cong* nghe*") == {49}  # (1023 - 40 other clauses) // 20 beginnings
    assert expansions(PREFIXED["eight"]) == {10}
    assert expansions(PREFIXED["as many as a query holds"]) == {1}


def _walk(query):
    if isinstance(query, list):
        for item in query:
            yield from _walk(item)
    elif isinstance(query, dict):
        yield query
        for value in query.values():
            yield from _walk(value)


def test_the_folding_table_is_lucene_s_asciifolding_as_tantivy_ports_it():
    from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

    lucene = TextAnalyzerBuilder(Tokenizer.raw()).filter(Filter.ascii_fold()).build()
    for code in range(0x80, 0x30000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char.lower() != char or not char.isalnum():
            continue
        assert es.ascii_fold(char) == lucene.analyze(char)[0], f"U+{code:04X} {char}"


LETTERS = {"straße": "strasse", "łódź": "lodz", "øresund": "oresund", "æble": "aeble"}
LETTERS |= {"cœur": "coeur", "ðorn": "dorn", "þing": "thing", "Nước mắm Đặng": "nuoc mam dang"}


@pytest.mark.parametrize(("typed", "indexed"), LETTERS.items())
def test_values_the_index_does_not_analyse_are_folded_as_it_folds_them(typed, indexed):
    analyzer = analyzers()[FOLDED]
    assert " ".join(analyzer.analyze(typed)) == indexed  # the embedded engine's analyzer
    assert " ".join(es.folded_words(typed)) == indexed
    words = indexed.split()
    # a completion
    suggest = es.suggest_body(typed)["query"]["bool"]["must"][-1]["bool"]["should"][0]
    assert list(suggest["prefix"].values()) == [{"value": words[-1]}]
    if len(words) > 1:
        return
    # a word beginning
    match, _bonus = leaf_of(es.compile_query(typed + "*"))
    assert queries_on(match, "prefix")["title"]["value"] == indexed
    # a code, folded whole (the keyword normalizer: lowercase, asciifolding)
    assert queries_on(match, "term")["codes.folded"]["value"] == indexed
    # a typo: the candidate, the held-words check and the fuzzy query
    if len(indexed) >= 5:
        ((word, fields),) = es.typo_candidates(typed)
        assert word == indexed
        held = es.held_words_body([(word, fields)])["aggs"]["w0"]["filter"]["bool"]["should"]
        assert held[0] == {"term": {"title": indexed}}
        match, _bonus = leaf_of(es.compile_query(typed, frozenset([(word, fields)])))
        assert queries_on(match, "fuzzy")["title"]["value"] == indexed


def test_typos_only_for_long_words_the_index_does_not_hold():
    text = "fermentaton nước thanhh -dryinng NOT (solarr) title:enzymme"
    candidates = es.typo_candidates(text)
    assert [word for word, _fields in candidates] == ["fermentaton", "thanhh", "enzymme"]
    assert candidates[2][1] == ("title", "title_en")
    held = es.held_words_body(candidates)
    assert held["size"] == 0 and len(held["aggs"]) == 3
    assert held["aggs"]["w0"]["filter"]["bool"]["should"][0] == {"term": {"title": "fermentaton"}}
    answer = {"aggregations": {"w0": {"doc_count": 0}, "w1": {"doc_count": 3}, "w2": {}}}
    missing = es.missing_words(answer, candidates)
    assert missing == {candidates[0], candidates[2]}
    query = es.compile_query(text, missing)
    typos = queries_on(leaf_of(query["bool"]["must"][0])[0], "fuzzy")
    assert typos["title"] == {
        "value": "fermentaton",
        "fuzziness": fuzzy_distance("fermentaton"),
        "transpositions": True,
        "prefix_length": 0,
        "max_expansions": es.PREFIX_EXPANSIONS,
        "rewrite": "constant_score",
        # a constant score: scaled to Lucene's BM25, which lacks tantivy's (k1 + 1) factor
        "boost": TEXT_FIELDS["title"] * FUZZY_WEIGHT / 2.2,
    }
    assert fuzzy_distance("fermentaton") == 2
    held_word = leaf_of(query["bool"]["must"][2])[0]  # "thanhh": the index holds it
    assert queries_on(held_word, "fuzzy") == {}
    assert '"fuzzy"' not in json.dumps(es.compile_query(text))  # nothing missing: no typos


def test_typo_tolerance_has_a_budget_per_query():
    words = [f"abcdefg{chr(97 + n)}" for n in range(MAX_FUZZY_WORDS + 2)]
    candidates = es.typo_candidates(" ".join(words))
    query = es.compile_query(" ".join(words), frozenset(candidates))
    widened = [word for word in query["bool"]["must"] if queries_on(leaf_of(word)[0], "fuzzy")]
    assert len(widened) == MAX_FUZZY_WORDS


def side_by_side(pair: str) -> dict:
    """The proximity bonus of one pair of folded words, as the compiler writes it."""
    return {
        "dis_max": {
            "queries": [
                {
                    "term": {
                        rules.WORD_PAIRS: {
                            "value": f"{name}:{pair}",
                            "boost": weight * rules.PROXIMITY_WEIGHT,
                        }
                    }
                }
                for name, weight in TEXT_FIELDS.items()
                if name in rules.PROXIMITY_FIELDS
            ],
            "tie_breaker": es.TIE_BREAKER,
        }
    }


def test_words_typed_side_by_side_earn_a_bonus_where_they_stand_side_by_side():
    query = es.compile_query("Thanh Long ruột")
    assert len(query["bool"]["must"]) == 3  # what matches: every word, anywhere
    assert query["bool"]["should"] == [side_by_side("thanh long"), side_by_side("long ruot")]
    terms = [c["term"]["word_pairs"]["value"] for c in side_by_side("a b")["dis_max"]["queries"]]
    assert terms == ["title:a b", "title_en:a b", "keywords:a b", "abstract_en:a b"]  # short ones
    # negated, fielded words and phrases are left out; a hyphenated word gives its words
    query = es.compile_query('thanh-long ruột -đỏ "quả chín" title:ngon chín')
    assert query["bool"]["should"] == [
        side_by_side("thanh long"),
        side_by_side("long ruot"),
        side_by_side("ruot chin"),
    ]
    # each pair once
    repeated = es.compile_query("thanh-long-thanh long")["bool"]["should"]
    assert repeated == [side_by_side("thanh long"), side_by_side("long thanh")]


def proximity_pairs_in(query) -> list[str]:
    """The pairs of every proximity bonus anywhere in a compiled query."""
    if isinstance(query, list):
        return [pair for item in query for pair in proximity_pairs_in(item)]
    if not isinstance(query, dict):
        return []
    clauses = (query.get("dis_max") or {}).get("queries")
    if clauses and all(rules.WORD_PAIRS in clause.get("term", {}) for clause in clauses):
        return [clauses[0]["term"][rules.WORD_PAIRS]["value"].split(":", 1)[1]]
    return [pair for value in query.values() for pair in proximity_pairs_in(value)]


def test_no_proximity_bonus_without_two_plain_words():
    assert proximity_pairs_in(es.compile_query("nước mắm")) == ["nuoc mam"]  # the finder finds
    for text in ("nước", "thanh-long", '"thanh long"', "nước -mắm", "title:thanh title:long"):
        assert proximity_pairs_in(es.compile_query(text)) == [], text
    assert "should" not in es.compile_query("nước -mắm")["bool"]
    # each AND of an OR has its own pairs
    either = es.compile_query("thanh long OR nước mắm")["bool"]["should"]
    assert [part["bool"]["should"] for part in either] == [
        [side_by_side("thanh long")],
        [side_by_side("nuoc mam")],
    ]


def test_the_proximity_bonus_has_a_cap():
    words = [f"w{n}" for n in range(rules.MAX_PROXIMITY_PAIRS + 5)]
    pairs = es.compile_query(" ".join(words))["bool"]["should"]
    assert pairs == [side_by_side(f"w{n} w{n + 1}") for n in range(rules.MAX_PROXIMITY_PAIRS)]


def test_proximity_pairs():
    assert rules.proximity_pairs(["a", "b", "c"]) == [("a", "b"), ("b", "c")]
    assert rules.proximity_pairs(["a", "b", "a", "b"]) == [("a", "b"), ("b", "a")]
    assert rules.proximity_pairs(["a"]) == rules.proximity_pairs([]) == []
    many = [str(n) for n in range(20)]
    assert len(rules.proximity_pairs(many)) == rules.MAX_PROXIMITY_PAIRS


MALFORMED = [
    '"unbalanced',
    "(nước mắm",
    "nước mắm)]}",
    "title:",
    "***",
    "AND OR NOT",
    '+-&&||!(){}[]^"~*?:\\/',
    "x" * 10_000,
    " ".join(["nước"] * 5_000),
    "\x00\x01\x02 nước \x7f\x1b[31m",
    "\ud800 lone surrogate \udfff",
    "a\u0301\u0302\u0303",
    "((((((((((((((((((((a))))))))))))))))))))",
    "field:[2000 TO 2020]",
    "-" * 100,
    "ĐTKH.04/2019 code:ĐTKH.04/2019 ipc:*",
]


@pytest.mark.parametrize("text", MALFORMED)
def test_any_text_gives_a_body_the_client_can_send(text):
    request = body(text, filters={"sector": ["nuoc-mam"]})
    json.dumps(request)
    assert request["size"] == 10 and "aggs" in request


# -- facets, filters, sorts, paging ---------------------------------------------------------------


def test_each_facet_counts_under_every_other_facets_selection():
    filters = {"sector": ["thanh-long", "nuoc-mam"], "year": ["2020..2023"], "kind": ["patent"]}
    request = body(filters=filters)
    sector = {"terms": {"sector": ["thanh-long", "nuoc-mam"]}}
    year = {"range": {"year": {"gte": 2020, "lte": 2023}}}
    kind = {"terms": {"kind": ["patent"]}}
    aggs = request["aggs"]
    assert set(aggs) == {facet.name for facet in FACETS}
    assert aggs["sector"]["filter"] == {"bool": {"filter": [kind, year]}}
    assert aggs["year"]["filter"] == {"bool": {"filter": [kind, sector]}}
    assert aggs["kind"]["filter"] == {"bool": {"filter": [sector, year]}}
    assert aggs["place"]["filter"] == {"bool": {"filter": [kind, sector, year]}}
    # the hits: every selection, values of one facet OR-ed (terms), facets AND-ed (filter)
    assert request["post_filter"] == {"bool": {"filter": [kind, sector, year]}}
    for facet in FACETS:
        terms = aggs[facet.name]["aggs"]["values"]["terms"]
        assert terms["field"] == facet.field and terms["size"] == facet.size
        assert terms["order"] == es.BUCKET_ORDER[facet.order]


def test_no_selection_no_post_filter():
    request = body("nước")
    assert "post_filter" not in request
    assert all(agg["filter"] == {"match_all": {}} for agg in request["aggs"].values())
    # restricted records are never indexed, and excluded once more
    assert request["query"]["bool"]["must_not"] == [{"term": {"access_level": "restricted"}}]


@pytest.mark.parametrize(
    ("facet", "keys", "expected"),
    [
        ("sector", ["a", "b"], {"terms": {"sector": ["a", "b"]}}),
        ("year", ["2021"], {"terms": {"year": [2021]}}),
        ("year", ["2020.."], {"range": {"year": {"gte": 2020}}}),
        ("year", ["..2019"], {"range": {"year": {"lte": 2019}}}),
        (
            "year",
            ["2015", "2020..2023"],
            {
                "bool": {
                    "should": [
                        {"terms": {"year": [2015]}},
                        {"range": {"year": {"gte": 2020, "lte": 2023}}},
                    ],
                    "minimum_should_match": 1,
                }
            },
        ),
        ("trl", ["99999999999"], {"terms": {"trl": []}}),  # no integer field holds it: nothing
        ("trl", ["..5"], {"range": {"trl": {"lte": 5}}}),
        ("trl", ["7.."], {"range": {"trl": {"gte": 7}}}),
        ("trl", ["4..4"], {"terms": {"trl": [4]}}),  # one value: filtered as the value
        # bounds beyond what an integer field holds: Elasticsearch refuses such a bound, so a
        # range wholly beyond matches nothing and one that reaches beyond is cut at the limit
        ("trl", ["99999999999.."], {"terms": {"trl": []}}),
        ("trl", ["..-99999999999"], {"terms": {"trl": []}}),
        ("year", ["..99999999999"], {"range": {"year": {"lte": 2**31 - 1}}}),
        ("year", ["-99999999999..2000"], {"range": {"year": {"gte": -(2**31), "lte": 2000}}}),
        (
            "year",
            ["2023", "99999999999..", "2019..2021"],
            {
                "bool": {
                    "should": [
                        {"terms": {"year": [2023]}},
                        {"range": {"year": {"gte": 2019, "lte": 2021}}},
                    ],
                    "minimum_should_match": 1,
                }
            },
        ),
        ("has_full_text", ["true"], {"terms": {"has_full_text": [True]}}),
        ("has_full_text", ["false"], {"terms": {"has_full_text": [False]}}),
        ("has_full_text", ["false", "true"], {"terms": {"has_full_text": [False, True]}}),
        ("technology", ["18", "35"], {"terms": {"technology": ["18", "35"]}}),
        ("field_l1", ["4"], {"terms": {"field_l1": ["4"]}}),
        # the organisation facet filters its field, on the whole name
        ("organisation", ["Viện Cơ điện"], {"terms": {"host_organisation": ["Viện Cơ điện"]}}),
    ],
)
def test_facet_filters(facet, keys, expected):
    assert es.facet_filter(FACETS_BY_NAME[facet], keys) == expected


def test_checked_filter_values_reach_the_request_canonical():
    request = body(filters={"year": [" 2020 .. 2023 "], "has_full_text": ["yes"]})
    assert request["post_filter"]["bool"]["filter"] == [  # in the order of FACETS
        {"range": {"year": {"gte": 2020, "lte": 2023}}},
        {"terms": {"has_full_text": [True]}},
    ]
    request = body(filters={"trl": ["08", "0004..", "4..6", "4..6"], "has_full_text": ["0", "no"]})
    assert request["post_filter"]["bool"]["filter"] == [
        {
            "bool": {
                "should": [
                    {"terms": {"trl": [8]}},
                    {"range": {"trl": {"gte": 4}}},
                    {"range": {"trl": {"gte": 4, "lte": 6}}},
                ],
                "minimum_should_match": 1,
            }
        },
        {"terms": {"has_full_text": [False]}},  # "0" and "no" are one value
    ]


@pytest.mark.parametrize(
    "filters",
    [
        {"has_full_text": ["maybe"]},
        {"year": ["2023..2020"]},
        {"trl": ["x..5"]},
        {"trl": [".."]},
        {"year": ["2020...2021"]},
        {"technologies": ["18"]},
    ],
)
def test_malformed_filter_values_are_refused_before_anything_is_sent(filters):
    with pytest.raises(InvalidQuery):
        body(filters=filters)


def test_the_new_facets_count_under_the_other_selections():
    filters = {"technology": ["18"], "organisation": ["Viện Cơ điện"], "has_full_text": ["false"]}
    aggs = body(filters=filters)["aggs"]
    technology = {"terms": {"technology": ["18"]}}
    organisation = {"terms": {"host_organisation": ["Viện Cơ điện"]}}
    full_text = {"terms": {"has_full_text": [False]}}
    assert aggs["technology"]["filter"] == {"bool": {"filter": [organisation, full_text]}}
    assert aggs["organisation"]["filter"] == {"bool": {"filter": [technology, full_text]}}
    assert aggs["has_full_text"]["filter"] == {"bool": {"filter": [technology, organisation]}}
    assert aggs["field_l1"]["filter"] == {"bool": {"filter": [technology, organisation, full_text]}}
    assert aggs["organisation"]["aggs"]["values"]["terms"] == {
        "field": "host_organisation",
        "size": FACETS_BY_NAME["organisation"].size,  # 50: the organisations with most records
        "order": [{"_count": "desc"}, {"_key": "asc"}],
    }
    # numbers in their order, so that the capped list is the first years, not the busiest
    assert aggs["year"]["aggs"]["values"]["terms"]["order"] == [{"_key": "desc"}]
    assert aggs["trl"]["aggs"]["values"]["terms"]["order"] == [{"_key": "asc"}]


@pytest.mark.parametrize(
    ("sort", "text", "first"),
    [
        ("relevance", "nước", {"_score": {"order": "desc"}}),
        ("relevance", "", {"year": {"order": "desc", "missing": "_last"}}),  # no text: newest
        ("newest", "nước", {"year": {"order": "desc", "missing": "_last"}}),
        ("oldest", "", {"year": {"order": "asc", "missing": "_last"}}),
        ("title", "", {"title_sort": {"order": "asc", "missing": "_last"}}),
    ],
)
def test_sorts(sort, text, first):
    # ties broken by id, so that pages never overlap
    assert body(text, sort=sort)["sort"] == [first, {"id": {"order": "asc"}}]
    assert {s.name for s in SORTS} == {"relevance", "newest", "oldest", "title"}


def test_paging_and_its_caps():
    request = body(page=3, size=20)
    assert (request["from"], request["size"], request["track_total_hits"]) == (40, 20, True)
    assert body(page=MAX_RESULT_WINDOW // MAX_PAGE_SIZE, size=MAX_PAGE_SIZE)["from"] == (
        MAX_RESULT_WINDOW - MAX_PAGE_SIZE
    )
    for options in (
        {"page": 0},
        {"size": MAX_PAGE_SIZE + 1},
        {"page": MAX_RESULT_WINDOW // 10 + 1, "size": 10},
        {"sort": "random"},
        {"filters": {"colour": ["red"]}},
        {"filters": {"year": ["last year"]}},
    ):
        with pytest.raises(InvalidQuery):
            body("nước", **options)


def test_highlight_is_escaped_html_with_marks():
    highlight = body("nước")["highlight"]
    assert highlight["encoder"] == "html"
    assert (highlight["pre_tags"], highlight["post_tags"]) == (["<mark>"], ["</mark>"])
    assert list(highlight["fields"]) == list(es.SNIPPET_FIELDS)
    assert highlight["number_of_fragments"] == 1
    assert "highlight" not in body("")  # nothing to highlight


def test_typo_matches_are_not_highlighted_as_on_the_embedded_engine():
    text = "thanh phann"
    missing = frozenset(es.typo_candidates(text))
    assert missing
    request = es.search_body(SearchRequest(text=text), missing=missing)
    assert '"fuzzy"' in json.dumps(request["query"])
    highlighted = request["highlight"]["highlight_query"]
    assert highlighted == es.compile_query(text) and '"fuzzy"' not in json.dumps(highlighted)
    assert "highlight_query" not in body(text)["highlight"]  # no typos: the query itself


# -- writes and aliases ---------------------------------------------------------------------------


def record(id_, title, **fields):
    base = {"id": id_, "kind": "research_result", "title": title, "access_level": "public"}
    return base | fields


def test_bulk_actions_index_public_records_and_delete_restricted_ones():
    records = [
        record(
            "dragon",
            "Solar drying of dragon fruit",
            language="en",
            abstract="We dried slices.",
            full_text="Chapter 1. The dryer.",
            sectors=["thanh-long"],
            dates={"published": "2022"},
        ),
        record("meta", "Trữ lượng cá cơm", access_level="metadata_only", full_text="Bí mật xyz."),
        record("secret", "Hồ sơ mật", access_level="restricted"),
    ]
    public, metadata_only, restricted = es.bulk_actions(records, "repo-records-1")
    assert public["_op_type"] == "index" and public["_index"] == "repo-records-1"
    assert public["_id"] == "dragon"
    source = public["_source"]
    assert source["full_text"] == "Chapter 1. The dryer." and source["has_full_text"] is True
    assert (source["year"], source["sector"], source["language"]) == (2022, ["thanh-long"], "en")
    # an English record: its title, abstract and full text go to the stemmed fields
    assert source["en_title"] == ["Solar drying of dragon fruit"]
    assert source["en_text"] == ["We dried slices.", "Chapter 1. The dryer."]
    assert None not in source.values() and [] not in source.values()
    meta = metadata_only["_source"]
    assert "full_text" not in meta and meta["has_full_text"] is False
    assert "xyz" not in json.dumps(meta, ensure_ascii=False)
    assert "en_text" not in meta and "en_title" not in meta  # Vietnamese, no English title
    assert restricted == {"_op_type": "delete", "_index": "repo-records-1", "_id": "secret"}
    assert list(es.delete_actions(["a", 7], "x")) == [
        {"_op_type": "delete", "_index": "x", "_id": "a"},
        {"_op_type": "delete", "_index": "x", "_id": "7"},
    ]


def test_writes_carry_the_record_updated_at_as_their_version():
    from datetime import UTC, datetime, timedelta, timezone

    stamp = datetime(2026, 3, 1, 8, 30, 0, 250, tzinfo=UTC)
    version = 1772353800000250  # microseconds since 1970
    assert es.record_version({"updated_at": stamp}) == version
    assert es.record_version({"updated_at": stamp.replace(tzinfo=None)}) == version  # UTC
    assert es.record_version({"updated_at": "2026-03-01T08:30:00.000250+00:00"}) == version
    assert es.record_version({"updated_at": "2026-03-01T15:30:00.000250+07:00"}) == version
    later = stamp.astimezone(timezone(timedelta(hours=7))) + timedelta(microseconds=1)
    assert es.record_version({"updated_at": later}) == version + 1
    for missing in ({}, {"updated_at": None}, {"updated_at": "yesterday"}, {"updated_at": 5}):
        assert es.record_version(missing) is None
    public, restricted = es.bulk_actions(
        [
            record("a", "Nước mắm", updated_at=stamp),
            record("b", "Mật", access_level="restricted", updated_at=stamp),
        ],
        "x",
    )
    assert (public["version"], public["version_type"]) == (version, "external_gte")
    assert (restricted["version"], restricted["version_type"]) == (version, "external_gte")
    assert "version" not in next(es.bulk_actions([record("c", "Không có ngày")], "x"))
    assert list(es.delete_actions(["a"], "x", version=7)) == [
        {"_op_type": "delete", "_index": "x", "_id": "a", "version": 7,
         "version_type": "external_gte"}
    ]


def test_alias_swap_is_one_atomic_list_of_actions():
    assert es.alias_swap_actions(
        "repo-records", "repo-records-3", ["repo-records-1", "repo-records-2"]
    ) == [
        {"remove": {"index": "repo-records-1", "alias": "repo-records"}},
        {"remove": {"index": "repo-records-2", "alias": "repo-records"}},
        {"add": {"index": "repo-records-3", "alias": "repo-records", "is_write_index": True}},
    ]
    # the first rebuild: nothing to remove; a repeated swap never removes the new index
    assert es.alias_swap_actions("a", "a-2", []) == [
        {"add": {"index": "a-2", "alias": "a", "is_write_index": True}}
    ]
    assert es.alias_swap_actions("a", "a-2", ["a-2"]) == es.alias_swap_actions("a", "a-2", [])


# -- reading the answers --------------------------------------------------------------------------

SCRIPT = "Màng bao <script>alert('x')</script> giúp thanh long giữ tươi 30 ngày & hơn."
# What Elasticsearch answers to body("thanh long", filters={"sector": [...], "year": ["2019"]}),
# trimmed of what we do not read. Its html encoder escapes ' and / too.
ANSWER = {
    "took": 4,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 3, "relation": "eq"},
        "max_score": 9.5,
        "hits": [
            {
                "_index": "repo-records-01790000000000000001",
                "_id": "thanh-long-bao-quan",
                "_score": 9.5,
                "_source": {
                    "id": "thanh-long-bao-quan",
                    "kind": "research_result",
                    "title": "Bảo quản thanh long sau thu hoạch",
                    "year": 2018,
                    "status": "accepted",
                    "ip_status": "none",
                    "sector": ["thanh-long"],
                    "field": "406",
                    "abstract": SCRIPT,
                },
                "highlight": {
                    "abstract": [
                        "Màng bao &lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; giúp "
                        "<mark>thanh</mark> <mark>long</mark> giữ tươi 30 ngày &amp; hơn."
                    ]
                },
                "sort": [9.5, "thanh-long-bao-quan"],
            },
            {
                "_index": "repo-records-01790000000000000001",
                "_id": "xu-ly",
                "_score": 4.25,
                "_source": {
                    "id": "xu-ly",
                    "kind": "patent",
                    "title": "Xử lý vỏ thanh long",
                    "title_en": "Treating dragon fruit peel",
                    "year": 2019,
                    "status": "licensed",
                    "ip_status": "granted",
                    "sector": "thanh-long",
                    "host_organisation": "Viện Cơ điện",
                    "abstract": "Một quy trình mới.",
                },
                "highlight": {
                    "full_text": ["vỏ quả <mark>thanh</mark> <mark>long</mark> được sấy"]
                },
                "sort": [4.25, "xu-ly"],
            },
            {
                "_index": "repo-records-01790000000000000001",
                "_id": "bare",
                "_score": 1.5,
                "_source": {"id": "bare", "kind": "patent", "title": "Thanh long"},
                "sort": [1.5, "bare"],
            },
        ],
    },
    "aggregations": {
        "kind": {
            "doc_count": 3,
            "values": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [
                    {"key": "patent", "doc_count": 2},
                    {"key": "research_result", "doc_count": 1},
                ],
            },
        },
        "sector": {
            "doc_count": 2,
            "values": {
                "buckets": [
                    {"key": "du-lich", "doc_count": 1},
                    {"key": "thanh-long", "doc_count": 1},
                ]
            },
        },
        "year": {
            "doc_count": 6,
            "values": {"buckets": [{"key": 2022, "doc_count": 2}, {"key": 2018, "doc_count": 4}]},
        },
        "trl": {
            "doc_count": 3,
            "values": {"buckets": [{"key": 10, "doc_count": 1}, {"key": 9, "doc_count": 1}]},
        },
        "has_full_text": {
            "doc_count": 3,
            "values": {
                "buckets": [
                    {"key": 1, "key_as_string": "true", "doc_count": 2},
                    {"key": 0, "key_as_string": "false", "doc_count": 1},
                ]
            },
        },
        "place": {"doc_count": 0, "values": {"buckets": []}},
    },
}
REQUEST = SearchRequest("thanh long", filters={"sector": ["thanh-long"], "year": ["2019"]})


def test_answer_becomes_the_engine_independent_response():
    response = es.response_to_search_response(ANSWER, REQUEST)
    assert response.total == 3
    assert [tuple(hit) for hit in response.hits] == [HIT_KEYS] * 3
    first, second, third = response.hits
    assert first | {"highlight": None} == {
        "id": "thanh-long-bao-quan",
        "kind": "research_result",
        "title": "Bảo quản thanh long sau thu hoạch",
        "title_en": None,
        "year": 2018,
        "status": "accepted",
        "ip_status": "none",
        "sectors": ["thanh-long"],
        "field": "406",
        "host_organisation": None,
        "highlight": None,
        "score": 9.5,
    }
    # re-escaped the way the embedded engine escapes; the whole abstract: no "…"
    assert first["highlight"] == (
        "Màng bao &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; giúp "
        "<mark>thanh</mark> <mark>long</mark> giữ tươi 30 ngày &amp; hơn."
    )
    assert second["highlight"] == "… vỏ quả <mark>thanh</mark> <mark>long</mark> được sấy …"
    assert (second["sectors"], second["title_en"]) == (["thanh-long"], "Treating dragon fruit peel")
    assert third["highlight"] == "" and third["year"] is None and third["sectors"] == []


def test_buckets_keep_the_facet_order_and_the_selected_values():
    facets = es.response_to_search_response(ANSWER, REQUEST).facets
    assert set(facets) == {facet.name for facet in FACETS}
    assert facets["kind"] == [
        {"key": "patent", "doc_count": 2, "is_selected": False},
        {"key": "research_result", "doc_count": 1, "is_selected": False},
    ]
    assert facets["sector"] == [
        {"key": "du-lich", "doc_count": 1, "is_selected": False},
        {"key": "thanh-long", "doc_count": 1, "is_selected": True},
    ]
    assert facets["year"] == [  # newest first; the selected year is there with nothing in it
        {"key": "2022", "doc_count": 2, "is_selected": False},
        {"key": "2019", "doc_count": 0, "is_selected": True},
        {"key": "2018", "doc_count": 4, "is_selected": False},
    ]
    assert [bucket["key"] for bucket in facets["trl"]] == ["9", "10"]  # numbers, not strings
    assert facets["has_full_text"][0] == {"key": "true", "doc_count": 2, "is_selected": False}
    assert facets["place"] == [] and facets["language"] == []


def terms_answer(buckets: list[dict]) -> dict:
    return {"doc_count": sum(b["doc_count"] for b in buckets), "values": {"buckets": buckets}}


# What Elasticsearch answers to body(filters=FACET_FILTERS) (hits left out): each facet's values
# under the other facets' selections, in the order the terms aggregation asks for.
FACET_FILTERS = {
    "year": ["2019..2021", "2023"],
    "trl": ["..5"],
    "has_full_text": ["false"],
    "technology": ["7"],
    "organisation": ["Viện Công nghệ sinh học"],
}
FACET_ANSWER = {
    "hits": {"total": {"value": 4, "relation": "eq"}, "hits": []},
    "aggregations": {
        "year": terms_answer(
            [
                {"key": 2023, "doc_count": 2},
                {"key": 2021, "doc_count": 1},
                {"key": 2020, "doc_count": 3},
                {"key": 2019, "doc_count": 1},
                {"key": 2016, "doc_count": 1},
            ]
        ),
        "trl": terms_answer(
            [
                {"key": 3, "doc_count": 1},
                {"key": 5, "doc_count": 2},
                {"key": 7, "doc_count": 1},
            ]
        ),
        "has_full_text": terms_answer(
            [
                {"key": 0, "key_as_string": "false", "doc_count": 5},
                {"key": 1, "key_as_string": "true", "doc_count": 2},
            ]
        ),
        "technology": terms_answer([{"key": "18", "doc_count": 3}, {"key": "15", "doc_count": 1}]),
        "organisation": terms_answer(
            [
                {"key": "Hội Nước mắm Phan Thiết", "doc_count": 2},
                {"key": "Viện Công nghệ sinh học", "doc_count": 2},
                {"key": "Trung tâm Khuyến nông", "doc_count": 1},
            ]
        ),
        "field_l1": terms_answer([{"key": "4", "doc_count": 2}, {"key": "2", "doc_count": 3}]),
    },
}


def test_new_facets_and_ranges_come_back_as_the_embedded_engine_gives_them():
    request = SearchRequest("", filters=FACET_FILTERS)
    facets = es.response_to_search_response(FACET_ANSWER, request).facets

    def triples(name):
        return [(b["key"], b["doc_count"], b["is_selected"]) for b in facets[name]]

    # a selected range is a bucket of its own counting the years it covers (1 + 3 + 1); not a
    # number, it comes before the years in newest-first order
    assert triples("year") == [
        ("2019..2021", 5, True),
        ("2023", 2, True),
        ("2021", 1, False),
        ("2020", 3, False),
        ("2019", 1, False),
        ("2016", 1, False),
    ]
    assert triples("trl") == [("3", 1, False), ("5", 2, False), ("7", 1, False), ("..5", 3, True)]
    assert triples("has_full_text") == [("false", 5, True), ("true", 2, False)]
    # a selected value the records do not have is there, with nothing in it
    assert triples("technology") == [("18", 3, False), ("15", 1, False), ("7", 0, True)]
    assert triples("organisation") == [  # by count, then by name
        ("Hội Nước mắm Phan Thiết", 2, False),
        ("Viện Công nghệ sinh học", 2, True),
        ("Trung tâm Khuyến nông", 1, False),
    ]
    assert triples("field_l1") == [("2", 3, False), ("4", 2, False)]
    assert facets["kind"] == [] and list(facets) == [facet.name for facet in FACETS]


def test_the_request_of_those_facets():
    request = body(filters=FACET_FILTERS)
    assert request["post_filter"]["bool"]["filter"] == [  # facets in the order of FACETS
        {"terms": {"technology": ["7"]}},
        {
            "bool": {
                "should": [
                    {"terms": {"year": [2023]}},
                    {"range": {"year": {"gte": 2019, "lte": 2021}}},
                ],
                "minimum_should_match": 1,
            }
        },
        {"range": {"trl": {"lte": 5}}},
        {"terms": {"host_organisation": ["Viện Công nghệ sinh học"]}},
        {"terms": {"has_full_text": [False]}},
    ]


def test_scores_only_when_sorted_by_relevance():
    newest = SearchRequest("thanh long", sort="newest")
    assert all(hit["score"] is None for hit in es.response_to_search_response(ANSWER, newest).hits)
    listing = SearchRequest("")
    assert all(hit["score"] is None for hit in es.response_to_search_response(ANSWER, listing).hits)


@pytest.mark.parametrize(
    ("fragment", "whole", "snippet"),
    [
        ("a <mark>b</mark> c", "a b c", "a <mark>b</mark> c"),
        ("<mark>b</mark> c", "a, b c d", "… <mark>b</mark> c …"),
        ("b <mark>c</mark>", "b c.", "b <mark>c</mark>"),
        ("x &amp; <mark>y</mark>", None, "… x &amp; <mark>y</mark> …"),
        ("&lt;mark&gt;", "<mark>", "&lt;mark&gt;"),  # the text "<mark>", not a tag
        ("<mark>&quot;q&quot;</mark>", '"q"', "&quot;<mark>q</mark>&quot;"),
        # a phrase marked as one span (Elasticsearch 8.10+): each word marked, as tantivy does
        (
            "quả <mark>thanh long ruột đỏ</mark> tươi",
            "quả thanh long ruột đỏ tươi",
            "quả <mark>thanh</mark> <mark>long</mark> <mark>ruột</mark> <mark>đỏ</mark> tươi",
        ),
        (
            "<mark>thanh-long &amp; xoài</mark>",
            "thanh-long & xoài",
            "<mark>thanh</mark>-<mark>long</mark> &amp; <mark>xoài</mark>",
        ),
    ],
)
def test_snippet_html(fragment, whole, snippet):
    assert es.snippet_html(fragment, whole) == snippet


def test_lead_is_the_start_of_the_abstract_escaped():
    assert es.lead({"abstract": SCRIPT}) == (
        "Màng bao &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; giúp thanh long giữ tươi 30 "
        "ngày &amp; hơn."
    )
    long = es.lead({"abstract_en": "word " * 100})
    assert long.endswith(" …") and len(long) <= es.HIGHLIGHT_CHARS + 2
    assert es.lead({}) == ""


# -- suggestions and similar records --------------------------------------------------------------


def test_suggest_body_every_word_then_a_beginning():
    request = es.suggest_body("Nước ma")
    must = request["query"]["bool"]["must"]
    assert must[0] == {
        "dis_max": {
            "queries": [
                {"term": {"suggest_keywords": "nuoc"}},
                {"term": {"suggest_organisations": "nuoc"}},
                {"term": {"suggest_title": "nuoc"}},
            ]
        }
    }
    assert must[1]["bool"]["should"] == [
        {"prefix": {"suggest_keywords": {"value": "ma"}}},
        {"prefix": {"suggest_organisations": {"value": "ma"}}},
        {"prefix": {"suggest_title": {"value": "ma"}}},
    ]
    assert request["_source"] == ["id", "keywords", "organisations", "title"]
    assert request["size"] == es.SUGGEST_CANDIDATES
    assert request["query"]["bool"]["must_not"] == [es.RESTRICTED]
    assert es.suggest_body("  ***  ") is None and es.suggest_body(None) is None


def test_suggestion_candidates_differ_from_tantivy_past_fifty_as_documented():
    """docs/elasticsearch.md, "Where the two engines may differ": Elasticsearch reads the first
    SUGGEST_CANDIDATES records holding a word that begins as typed, all scored alike (a term on the
    word beginnings ``index_prefixes`` holds); tantivy the best-scored records holding one of the
    PREFIX_EXPANSIONS most frequent such words. Lucene cannot pick terms by frequency, so the two
    agree on the candidates only while no more than SUGGEST_CANDIDATES records complete the text."""
    beginnings = es.suggest_body("nuoc ma")["query"]["bool"]["must"][-1]["bool"]["should"]
    for clause in beginnings:
        ((field, options),) = clause["prefix"].items()
        assert options == {"value": "ma"}  # no rewrite: constant score, every word it begins
        assert es.mappings()["properties"][field]["index_prefixes"]["max_chars"] >= len("ma")
    assert es.suggest_body("nuoc ma")["size"] == es.SUGGEST_CANDIDATES == 50
    text = (Path(__file__).resolve().parent.parent / "docs/elasticsearch.md").read_text()
    assert "**suggestions**" in text


def test_suggestions_from_the_records_found():
    answer = {
        "hits": {
            "hits": [
                {
                    "_id": "r1",
                    "_source": {
                        "id": "r1",
                        "title": "Nâng cao chất lượng nước mắm Phan Thiết",
                        "organisations": ["Hội Nước mắm Phan Thiết"],
                        "keywords": ["nước mắm", "cá cơm"],
                    },
                },
                {
                    "_id": "r2",
                    "_source": {
                        "id": "r2",
                        "title": "Nước mắm Phú Quốc",
                        "organisations": ["Hội Nước mắm Phan Thiết"],
                        "keywords": ["nuoc mam"],
                    },
                },
            ]
        }
    }
    suggestions = es.response_to_suggestions(answer, "nuoc ma", 8)
    assert suggestions == [
        # beginning with the typed words first; then keywords, organisations, titles
        {"text": "nước mắm", "type": "keyword", "record_id": "r1"},  # "nuoc mam" is the same
        {"text": "Nước mắm Phú Quốc", "type": "title", "record_id": "r2"},
        {"text": "Hội Nước mắm Phan Thiết", "type": "organisation", "record_id": "r1"},
        {"text": "Nâng cao chất lượng nước mắm Phan Thiết", "type": "title", "record_id": "r1"},
    ]
    assert es.response_to_suggestions(answer, "nuoc ma", 2) == suggestions[:2]
    assert es.response_to_suggestions(answer, "phu quoc x", 8) == []


def test_similar_body_from_the_record():
    found = {
        "_index": "repo-records-01790000000000000001",
        "_id": "nm-chat-luong",
        "found": True,
        "_source": {
            "id": "nm-chat-luong",
            "title": "Nước mắm Phan Thiết",
            "sector": ["nuoc-mam", "thuy-san"],
            "field": "405",
            "field_l1": "4",
            "keywords": ["Nước mắm", "cá cơm"],
        },
    }
    request = es.similar_body(found, 5, "repo-records")
    query = request["query"]["bool"]
    like, *others = query["should"]
    assert like["more_like_this"]["like"] == [{"_index": "repo-records", "_id": "nm-chat-luong"}]
    assert like["more_like_this"]["fields"] == list(es.SIMILAR_TEXT)
    assert like["more_like_this"]["boost"] == es.SIMILAR_WEIGHTS["text"]

    def shared(words, weight):
        return {
            "dis_max": {
                "queries": [
                    {"match_phrase": {name: {"query": words, "boost": weight * field_weight}}}
                    for name, field_weight in es.SIMILAR_FIELDS.items()
                ],
                "tie_breaker": es.TIE_BREAKER,
            }
        }

    assert others == [
        {"term": {"sector": {"value": "nuoc-mam", "boost": 3.0}}},
        {"term": {"sector": {"value": "thuy-san", "boost": 3.0}}},
        {"term": {"field": {"value": "405", "boost": 2.0}}},
        {"term": {"field_l1": {"value": "4", "boost": 0.5}}},
        # title word pairs; a pair that is also a keyword counts as a keyword
        shared("nuoc mam", es.SIMILAR_WEIGHTS["keyword"]),
        shared("mam phan", es.SIMILAR_WEIGHTS["title_pair"]),
        shared("phan thiet", es.SIMILAR_WEIGHTS["title_pair"]),
        shared("ca com", es.SIMILAR_WEIGHTS["keyword"]),
    ]
    assert query["must_not"] == [es.RESTRICTED, {"ids": {"values": ["nm-chat-luong"]}}]
    assert request["size"] == 5
    hits = es.response_to_hits({"hits": {"hits": ANSWER["hits"]["hits"][:1]}})
    assert [tuple(hit) for hit in hits] == [HIT_KEYS] and hits[0]["score"] == 9.5


def test_both_engines_read_the_shared_rules():
    # One copy of each rule, in indexer.search.rules: neither engine holds its own.
    from indexer.search import tantivy_engine as tantivy

    constants = [name for name in rules.__all__ if name.isupper()]
    assert "TIE_BREAKER" in constants and "PROXIMITY_WEIGHT" in constants
    for name in constants:  # a module that names a rule names the shared one
        shared = getattr(rules, name)
        assert getattr(es, name, shared) is shared, name
        assert getattr(tantivy, name, shared) is shared, name
    assert es.TIE_BREAKER is tantivy.TIE_BREAKER is rules.TIE_BREAKER
    for name in ("english_text", "completes", "bucket_key"):
        assert getattr(tantivy, name) is getattr(rules, name), name
    assert es.english_text is rules.english_text
    # One walk of the query tree: each engine only builds its own queries.
    assert issubclass(tantivy._Compiler, rules.QueryCompiler)
    assert issubclass(es._Compiler, rules.QueryCompiler)


def test_english_text_of_a_document():
    doc = {
        "language": "en",
        "title": "Drying",
        "title_en": "Drying fruit",
        "abstract": "We dried it.",
        "abstract_en": None,
        "keywords": ["solar"],
        "full_text": "Text.",
    }
    assert rules.english_text(doc) == {
        "en_title": ["Drying fruit", "Drying"],
        "en_text": ["We dried it.", "solar", "Text."],
    }
    vietnamese = doc | {"language": "vi", "abstract_en": "An abstract."}
    assert rules.english_text(vietnamese) == {
        "en_title": ["Drying fruit"],
        "en_text": ["An abstract."],
    }
    assert rules.english_text({"language": "vi", "title": "Nước mắm"}) == {}


def test_completes():
    words = ["hoi", "nuoc", "mam", "phan", "thiet"]
    assert rules.completes(words, ["nuoc"], "ma") == 1
    assert rules.completes(words, [], "ho") == 0
    assert rules.completes(words, ["nuoc"], "x") is None
    assert rules.completes(words, ["thiet"], "") is None  # nothing after the last word
    assert rules.completes([], [], "a") is None


@pytest.mark.parametrize(
    ("bucket", "key"),
    [
        ({"key": "thanh-long", "doc_count": 1}, "thanh-long"),
        ({"key": 2021, "doc_count": 1}, "2021"),
        ({"key": 2021.0, "doc_count": 1}, "2021"),  # numbers come back as floats too
        ({"key": 1, "key_as_string": "true", "doc_count": 1}, "true"),
        ({"key": 0, "key_as_string": "false", "doc_count": 1}, "false"),
    ],
)
def test_bucket_keys(bucket, key):
    assert rules.bucket_key(bucket) == key


def test_sizes_of_suggestions_and_similar_records():
    rules.check_size(1, MAX_SUGGESTIONS)
    rules.check_size(MAX_SIMILAR, MAX_SIMILAR)
    for size in (0, MAX_SUGGESTIONS + 1, True, "5", 2.0, None):
        with pytest.raises(InvalidQuery):
            rules.check_size(size, MAX_SUGGESTIONS)
