"""Every Elasticsearch request body, built by pure functions: no client, no server.

``indexer.search.elasticsearch_engine`` only sends what these functions build and hands the answers
back to ``response_to_search_response`` (and friends), so the whole behaviour of the
Elasticsearch engine can be asserted as data (``tests/test_es_requests.py``). Everything comes
from the tables of ``schemas.search_fields`` (facets, sorts, weights, limits): a facet added there
gets its mapping, its filter and its aggregation here.

The index holds what the embedded engine holds, analyzed the same way:

* every free-text field (``TEXT_FIELDS``) twice: folded for matching (``vi_folded`` drops words
  of MAX_TOKEN_LENGTH bytes or more, lowercases and applies ``asciifolding``, đ included: "Nước
  mắm" is "nuoc mam", and so is the query "nuoc mam"; values sent unanalysed are folded with the
  same table, ``ascii_fold``), and exact in an ``.exact`` sub-field (``vi_exact``, diacritics
  kept) whose matches add ``EXACT_BOOST`` for the user's own spelling. Two fields rather than
  ``preserve_original`` (original and folded token at one position): stacked tokens count in
  Lucene's average field length but not in a document's own length, which would skew BM25 away
  from the embedded engine's scores, and the exact form is in ``.exact`` anyway;
* ``en_title`` and ``en_text``: the English text of a record (English titles and abstracts, the
  whole text of English records) through the English (Snowball) stemmer;
* identifiers (``CODE_FIELDS``) as keywords, with a lowercased, folded ``.folded`` sub-field;
* facet fields as keywords, integers or booleans, as their ``Facet.kind`` says;
* titles, organisations and keywords copied (``copy_to``) into ``suggest_*`` fields with
  ``index_prefixes`` (an edge n-gram of every word), so the completions as the user types are one
  term lookup, while the searched fields keep the embedded engine's statistics.

The search request: the query tree of ``indexer.search.query`` compiled as the embedded engine
compiles it (the rules both engines share are in ``indexer.search.rules``), every selected facet
value in ``post_filter`` (the hits), and for each facet a ``filter`` aggregation holding every
*other* facet's selection around the ``terms`` aggregation that counts its values: values of one
facet are OR-ed, facets are AND-ed, and a facet's counts ignore its own selection. Year and TRL
filters take ranges ("2020..2023", "2020..", "..2019"); a selected range comes back as a bucket of
its own counting the years it covers (``engine.facet_buckets``, as for the embedded engine).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime

from indexer.search.documents import search_document
from indexer.search.engine import (
    SearchRequest,
    SearchResponse,
    checked,
    facet_buckets,
    fuzzy_distance,
    numeric_bounds,
)
from indexer.search.query import And, Not, Or, Term, parse_query
from indexer.search.rules import (
    ENGLISH_FIELDS,
    MAX_PHRASE_WORDS,
    SIMILAR_FIELDS,
    SIMILAR_KEYWORDS,
    SIMILAR_TITLE_PAIRS,
    SIMILAR_WEIGHTS,
    SNIPPET_FIELDS,
    SUGGEST_CANDIDATES,
    SUGGEST_MAX_CHARS,
    SUGGEST_SOURCES,
    SUGGEST_WORDS,
    TIE_BREAKER,
    WORD_PAIRS,
    QueryCompiler,
    bucket_key,
    completes,
    english_text,
)
from indexer.search.vietnamese import MAX_TOKEN_LENGTH, normalise, tokens
from schemas.search_fields import (
    CODE_FIELDS,
    EXACT_BOOST,
    EXACT_FIELDS,
    FACETS,
    FUZZY_WEIGHT,
    HIGHLIGHT_CHARS,
    MAX_FUZZY_WORDS,
    MAX_RESULT_WINDOW,
    PREFIX_EXPANSIONS,
    PREFIX_MIN_CHARS,
    PREFIX_WEIGHT,
    QUERY_FIELDS,
    SORTS_BY_NAME,
    STEM_WEIGHT,
    TEXT_FIELDS,
    Facet,
)

# tantivy's BM25 keeps the (k1 + 1) factor that Lucene dropped: its scores are (1 + k1) = 2.2 times
# Elasticsearch's. Constant scores (typos, "everything except") are divided by it here, so that
# they weigh against word matches as they do in the embedded engine.
BM25_SCALE = 1 + 1.2

SUGGEST_FIELDS = {name: f"suggest_{name}" for name in SUGGEST_SOURCES.values()}  # copy_to targets
SIMILAR_TEXT = ("title", "title_en", "abstract", "abstract_en", "keywords", "full_text")
SIMILAR_SOURCE = ("id", "title", "sector", "field", "field_l1", "keywords")

# Clauses of a rewritten query, at most: Elasticsearch 8 refuses more than max(1024, a number
# derived from the heap) with ``too_many_nested_clauses``; 1024 holds on the smallest node.
MAX_CLAUSES = 1024
HIGHLIGHT_MAX_ANALYZED = 900_000  # characters of a long text the highlighter reads, at most
KEYWORD_LIMIT = 512  # longer keyword values stay in _source but are not indexed
INTEGER_RANGE = (-(2**31), 2**31 - 1)  # a filter value outside matches nothing (and is no error)
RESTRICTED = {"term": {"access_level": "restricted"}}  # never indexed; excluded again anyway
SOURCE_FIELDS = (
    "id",
    "kind",
    "title",
    "title_en",
    "year",
    "status",
    "ip_status",
    "sector",
    "field",
    "host_organisation",
    "abstract",
    "abstract_en",
)
# Keyword fields whose matches are scored (the sector a query names, the proximity pairs, codes,
# and the sector and fields of "similar records"): with norms, as tantivy keeps field norms on
# every indexed field, so that BM25 weighs a match by the number of values the record has there
# on both engines (Elasticsearch leaves norms out of keywords unless asked).
RANKED_KEYWORDS = ("sector", "field", "field_l1", WORD_PAIRS, *CODE_FIELDS)
# Fields of the search document that are neither free text, identifiers nor facets.
OTHER_FIELDS = {
    "id": {"type": "keyword"},
    "kind": {"type": "keyword"},
    "document_type": {"type": "keyword"},
    "field": {"type": "keyword"},
    "field_l1": {"type": "keyword"},
    "sector": {"type": "keyword", "ignore_above": KEYWORD_LIMIT},
    "access_level": {"type": "keyword"},
    "host_organisation": {"type": "keyword", "ignore_above": KEYWORD_LIMIT},
    "title_sort": {"type": "keyword", "ignore_above": KEYWORD_LIMIT},
    WORD_PAIRS: {"type": "keyword", "ignore_above": KEYWORD_LIMIT},  # rules.pair_term's terms
    "has_full_text": {"type": "boolean"},
    "licensable": {"type": "boolean"},
    "year": {"type": "integer"},
    "trl": {"type": "integer"},
}

# -- folding as the index folds -------------------------------------------------------------------
# Values the index does not analyse (word beginnings, typos, the words held, completions, codes)
# are folded here as the analyzers fold the text: lowercase, then Lucene's ASCIIFoldingFilter
# (Elasticsearch's ``asciifolding``, of which tantivy's ``ascii_fold`` is a port). Stripping
# combining marks (``vietnamese.fold``) agrees on Vietnamese letters but not on ł, ø, æ, œ, ß, ð,
# þ, ı...: "straße*" would look for "straße" in an index holding "strasse". The table: each folded
# form, then the lowercase letters and digits that fold to it (``tests/test_es_requests.py``
# checks it against tantivy's ``ascii_fold``, character by character).
_FOLDING_TABLE = (
    "(1):⑴ (10):⑽ (11):⑾ (12):⑿ (13):⒀ (14):⒁ (15):⒂ (16):⒃ (17):⒄ (18):⒅ (19):⒆ (2):⑵ (20):⒇ "
    "(3):⑶ (4):⑷ (5):⑸ (6):⑹ (7):⑺ (8):⑻ (9):⑼ 0:⁰₀⓪⓿０ 1:¹₁①⓵❶➀➊１ 1.:⒈ 10:⑩⓾❿➉➓ 10.:⒑ 11:⑪⓫ "
    "11.:⒒ 12:⑫⓬ 12.:⒓ 13:⑬⓭ 13.:⒔ 14:⑭⓮ 14.:⒕ 15:⑮⓯ 15.:⒖ 16:⑯⓰ 16.:⒗ 17:⑰⓱ 17.:⒘ 18:⑱⓲ "
    "18.:⒙ 19:⑲⓳ 19.:⒚ 2:²₂②⓶❷➁➋２ 2.:⒉ 20:⑳⓴ 20.:⒛ 3:³₃③⓷❸➂➌３ 3.:⒊ 4:⁴₄④⓸❹➃➍４ 4.:⒋ 5:⁵₅⑤⓹❺➄➎５ "
    "5.:⒌ 6:⁶₆⑥⓺❻➅➏６ 6.:⒍ 7:⁷₇⑦⓻❼➆➐７ 7.:⒎ 8:⁸₈⑧⓼❽➇➑８ 8.:⒏ 9:⁹₉⑨⓽❾➈➒９ 9.:⒐ A:ᴀ AE:ᴁ B:ʙᴃ C:ʗᴄ "
    "D:ᴅᴆ E:ᴇⱻ F:ꜰꟻ G:ǥǧɢʛ H:ʜ I:ɪᵻꟾ J:ᴊ K:ᴋ L:ʟᴌ M:ᴍꟽꟿ N:ɴᴎ O:ᴏᴐ OE:ɶ OU:ᴕ P:ᴘ R:ʀʁᴙᴚ S:ꜱꞅ "
    "T:ᴛ U:ᴜᵾ V:ᴠ W:ᴡ Y:ʏ Z:ᴢ a:àáâãäåāăąǎǟǡǻȁȃȧɐəɚᶏᶕḁẚạảấầẩẫậắằẳẵặₐₔⱥａ aa:ꜳ ae:æǣǽᴂ ao:ꜵ "
    "au:ꜷ av:ꜹꜻ ay:ꜽ b:ƀƃɓᵬᶀḃḅḇｂ c:çćĉċčƈȼɕḉↄꜿｃ d:ðďđƌȡɖɗᵭᶁᶑḋḍḏḑḓꝺｄ db:ȸ dz:ǆǳʣʥ "
    "e:èéêëēĕėęěǝȅȇȩɇɘɛɜɝɞʚᴈᶒᶓᶔḕḗḙḛḝẹẻẽếềểễệₑⱸｅ f:ƒᵮᶂḟẛꝼｆ ff:ﬀ ffi:ﬃ ffl:ﬄ fi:ﬁ fl:ﬂ "
    "g:ĝğġģǵɠɡᵷᵹᶃḡꝿｇ h:ĥħȟɥɦʮʯḣḥḧḩḫẖⱨⱶｈ hv:ƕ i:ìíîïĩīĭįıǐȉȋɨᴉᵢᵼᶖḭḯỉịⁱｉ ij:ĳ j:ĵǰȷɉɟʄʝⱼｊ "
    "k:ķƙǩʞᶄḱḳḵⱪꝁꝃꝅｋ l:ĺļľŀłƚȴɫɬɭᶅḷḹḻḽⱡꝇꝉꞁｌ lj:ǉ ll:ỻ ls:ʪ lz:ʫ m:ɯɰɱᵯᶆḿṁṃｍ "
    "n:ñńņňŉŋƞǹȵɲɳᵰᶇṅṇṉṋⁿｎ nj:ǌ o:òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱɔɵᴖᴗᶗṍṏṑṓọỏốồổỗộớờởỡợₒⱺꝋꝍｏ oe:œᴔ oo:ꝏ "
    "ou:ȣ p:ƥᵱᵽᶈṕṗꝑꝓꝕꟼｐ q:ĸɋʠꝗꝙｑ qp:ȹ r:ŕŗřȑȓɍɼɽɾɿᵣᵲᵳᶉṙṛṝṟꝛꞃｒ s:śŝşšſșȿʂᵴᶊṡṣṥṧṩẜẝｓ ss:ß st:ﬆ "
    "t:ţťŧƫƭțȶʇʈᵵṫṭṯṱẗⱦｔ tc:ʨ th:þᵺꝧ ts:ʦ tz:ꜩ u:ùúûüũūŭůűųưǔǖǘǚǜȕȗʉᵤᶙṳṵṷṹṻụủứừửữựｕ ue:ᵫ "
    "v:ʋʌᵥᶌṽṿⱱⱴꝟｖ vy:ꝡ w:ŵƿʍẁẃẅẇẉẘⱳｗ x:ᶍẋẍₓｘ y:ýÿŷƴȳɏʎẏẙỳỵỷỹỿｙ z:źżžƶȝȥɀʐʑᵶᶎẑẓẕⱬꝣｚ"
)
_FOLDING = {
    char: folded
    for group in _FOLDING_TABLE.split()
    for folded, _colon, chars in [group.partition(":")]
    for char in chars
}


def ascii_fold(text: str | None) -> str:
    """``text`` as the index folds it: lowercased, then Lucene's ``asciifolding``."""
    return "".join(_FOLDING.get(char, char) for char in (text or "").lower())


def folded_words(text: str | None) -> list[str]:
    """The words of a text as ``vi_folded`` indexes them (``vietnamese.tokens``, folded)."""
    return [ascii_fold(word) for word in tokens(text)]


# -- the index ------------------------------------------------------------------------------------

# Tokens of MAX_TOKEN_LENGTH bytes or more (UTF-8) are dropped, as tantivy's ``remove_long``
# drops them: a count of characters would keep a 31-letter Vietnamese word (two or three bytes a
# letter) that tantivy drops. Most words are shorter than a quarter of it: no loop for them.
BYTE_LENGTH_SCRIPT = (
    "def t = token.term; int n = t.length();"
    f" if (n < {MAX_TOKEN_LENGTH // 4}) {{ return true; }}"
    f" if (n >= {MAX_TOKEN_LENGTH}) {{ return false; }}"
    " int b = 0;"
    " for (int i = 0; i < n; ++i) { char c = t.charAt(i);"
    " b += c < 128 ? 1 : (c < 2048 ? 2 : (c >= 55296 && c <= 57343 ? 2 : 3)); }"
    f" return b < {MAX_TOKEN_LENGTH};"
)

ANALYSIS = {
    "char_filter": {
        # for the keyword normalizer (asciifolding folds đ as well; the analyzers leave it to it,
        # so that their byte lengths are those of the text, as tantivy's)
        "vi_d": {"type": "mapping", "mappings": ["đ => d", "Đ => D"]},
    },
    "tokenizer": {
        # words are runs of letters and digits, as the embedded engine cuts them (text is NFC:
        # every Vietnamese letter is one character)
        "vi_words": {"type": "pattern", "pattern": "[^\\p{L}\\p{N}]+"},
    },
    "filter": {
        "vi_length": {"type": "predicate_token_filter", "script": {"source": BYTE_LENGTH_SCRIPT}},
        "vi_fold": {"type": "asciifolding", "preserve_original": False},
        "en_snowball": {"type": "stemmer", "language": "porter2"},
    },
    "analyzer": {
        "vi_folded": {
            "type": "custom",
            "tokenizer": "vi_words",
            "filter": ["vi_length", "lowercase", "vi_fold"],
        },
        "vi_exact": {
            "type": "custom",
            "tokenizer": "vi_words",
            "filter": ["vi_length", "lowercase"],
        },
        "en_stemmed": {
            "type": "custom",
            "tokenizer": "vi_words",
            "filter": ["vi_length", "lowercase", "vi_fold", "en_snowball"],
        },
    },
    "normalizer": {
        "vi_keyword": {
            "type": "custom",
            "char_filter": ["vi_d"],
            "filter": ["lowercase", "asciifolding"],
        },
    },
}


def _text_mapping(name: str) -> dict:
    mapping = {"type": "text", "analyzer": "vi_folded"}
    if name in EXACT_FIELDS:
        mapping["fields"] = {"exact": {"type": "text", "analyzer": "vi_exact"}}
    if name in SNIPPET_FIELDS:
        mapping["index_options"] = "offsets"  # the highlighter reads offsets, not the text again
    if name in SUGGEST_SOURCES.values():
        mapping["copy_to"] = SUGGEST_FIELDS[name]
    return mapping


def _facet_mapping(facet: Facet) -> dict:
    if facet.kind == "boolean":
        return {"type": "boolean"}
    if facet.numeric:
        return {"type": "integer"}
    return {"type": "keyword", "ignore_above": KEYWORD_LIMIT}


def mappings(facets: Iterable[Facet] = FACETS) -> dict:
    """The index mapping, from the field tables; ``_meta.schema`` fingerprints it."""
    properties: dict[str, dict] = {}
    for name in TEXT_FIELDS:
        properties[name] = _text_mapping(name)
    for name in ENGLISH_FIELDS:
        properties[name] = {"type": "text", "analyzer": "en_stemmed"}
    for name in SUGGEST_FIELDS.values():
        properties[name] = {
            "type": "text",
            "analyzer": "vi_folded",
            "index_prefixes": {"min_chars": 1, "max_chars": 10},  # a word's beginning: one term
        }
    for name in CODE_FIELDS:
        folded = {"type": "keyword", "normalizer": "vi_keyword", "ignore_above": KEYWORD_LIMIT}
        properties[name] = {
            "type": "keyword",
            "ignore_above": KEYWORD_LIMIT,
            "fields": {"folded": folded},
        }
    for facet in facets:
        properties.setdefault(facet.field, _facet_mapping(facet))
    for name, mapping in OTHER_FIELDS.items():
        properties.setdefault(name, mapping)
    for name in RANKED_KEYWORDS:
        properties[name] = properties[name] | {"norms": True}
        for sub in properties[name].get("fields", {}):
            properties[name]["fields"][sub] = properties[name]["fields"][sub] | {"norms": True}
    meta = {"schema": _fingerprint(properties)}
    return {"dynamic": False, "_meta": meta, "properties": properties}


def _fingerprint(properties: dict) -> str:
    data = json.dumps([properties, ANALYSIS], sort_keys=True, ensure_ascii=True)
    return hashlib.sha1(data.encode()).hexdigest()[:16]


SCHEMA_ID = mappings()["_meta"]["schema"]


def index_settings() -> dict:
    return {
        # One shard holds a province's catalogue, and a national one, with room to spare; it
        # keeps scores and facet counts exact, as the embedded engine's.
        "number_of_shards": 1,
        "auto_expand_replicas": "0-1",  # no replica on one node, one as soon as there are two
        "max_result_window": MAX_RESULT_WINDOW,
        "highlight": {"max_analyzed_offset": 1_000_000},
        "analysis": ANALYSIS,
    }


def index_template(name_pattern: str) -> dict:
    """The body of ``PUT _index_template/<name>``: every index named like ``name_pattern`` gets
    our settings and mapping when it is created."""
    return {
        "index_patterns": [name_pattern],
        "priority": 200,
        "template": {"settings": index_settings(), "mappings": mappings()},
        "_meta": {"schema": SCHEMA_ID, "description": "research results and IP records"},
    }


# -- writes ---------------------------------------------------------------------------------------


def source_document(doc: dict) -> dict:
    """The ``_source`` of a search document: the document, empty values left out, and its
    English text for the stemmed fields."""
    source = {name: value for name, value in doc.items() if value is not None and value != []}
    source = {name: value for name, value in source.items() if value != ""}
    source.update(english_text(doc))
    return source


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def record_version(record: Mapping) -> int | None:
    """The version of a record's writes: its ``updated_at`` (a datetime, or ISO 8601 text; without
    a zone, UTC) in microseconds since 1970; None when it has none.

    Writes carrying it (``version_type: external_gte``) are refused (409) by an index holding a
    later copy: whichever process writes last, the newest copy of a record stays."""
    stamp = record.get("updated_at")
    if isinstance(stamp, str):
        try:
            stamp = datetime.fromisoformat(stamp.strip())
        except ValueError:
            return None
    if not isinstance(stamp, datetime):
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    delta = stamp - _EPOCH
    version = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    return version if version >= 0 else None


def _versioned(action: dict, version: int | None) -> dict:
    if version is None:
        return action
    return action | {"version": version, "version_type": "external_gte"}


def bulk_actions(records: Iterable[dict], index: str) -> Iterator[dict]:
    """Actions for ``elasticsearch.helpers.bulk``: index each record that may be indexed, delete
    each one that may not (restricted), by record id; versioned by ``record_version``."""
    for record in records:
        doc = search_document(record)
        version = record_version(record)
        if doc is None:
            action = {"_op_type": "delete", "_index": index, "_id": str(record["id"])}
        else:
            action = {
                "_op_type": "index",
                "_index": index,
                "_id": doc["id"],
                "_source": source_document(doc),
            }
        yield _versioned(action, version)


def delete_actions(ids: Iterable[str], index: str, version: int | None = None) -> Iterator[dict]:
    """Deletes by record id; ``version``: the time of the deletion, as ``record_version`` counts
    it (a copy of the record read earlier then comes too late to bring it back)."""
    for id_ in ids:
        yield _versioned({"_op_type": "delete", "_index": index, "_id": str(id_)}, version)


def alias_swap_actions(alias: str, new_index: str, old_indexes: Iterable[str]) -> list[dict]:
    """The actions of one ``POST _aliases``: the alias leaves the old indexes and points at the new
    one in the same atomic step, so a search sees the old index or the new, never both or none."""
    actions: list[dict] = [
        {"remove": {"index": old, "alias": alias}} for old in old_indexes if old != new_index
    ]
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    return actions


# -- the query tree -------------------------------------------------------------------------------
# Each word or phrase must match one field, folded, in a dis_max over the fields (the best field
# counts, the others a little); what else lets it match (a trailing "*", an English stem, a typo)
# joins the dis_max with a lower weight; the exact spelling adds a ranking bonus, and so do words
# typed side by side that stand side by side in a title, keyword or abstract
# (``QueryCompiler.proximity``).
# Negated words exclude what they match folded, nothing more.


def _leaf_fields(node) -> tuple[dict[str, float], dict[str, float], tuple[str, ...] | None]:
    """(text fields, code fields, the QUERY_FIELDS names or None) a word or phrase is looked
    for in, with their weights."""
    names = tuple(QUERY_FIELDS.get(node.field, ())) if node.field else None
    texts = {n: w for n, w in TEXT_FIELDS.items() if names is None or n in names}
    codes = {n: w for n, w in CODE_FIELDS.items() if names is None or n in names}
    return texts, codes, names


def typo_candidates(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(folded word, text fields) of each word that may get typo tolerance, in the order the
    compiler meets them: whether it does depends on whether the index holds it as typed
    (``held_words_body``)."""
    found: list[tuple[str, tuple[str, ...]]] = []

    def walk(node) -> None:
        if isinstance(node, And | Or):
            for child in node.children:
                walk(child)
        elif isinstance(node, Not):
            walk(node.child)
        elif isinstance(node, Term) and not node.negated and not node.prefix:
            candidate = _typo_candidate(node)
            if candidate is not None and candidate not in found:
                found.append(candidate)

    walk(parse_query(text))
    return found


def _typo_candidate(node: Term) -> tuple[str, tuple[str, ...]] | None:
    folded = folded_words(node.text)[:MAX_PHRASE_WORDS]
    texts, _codes, _names = _leaf_fields(node)
    if len(folded) != 1 or not texts:
        return None
    word = folded[0]
    if not fuzzy_distance(word) or not word.isalpha():
        return None
    return word, tuple(texts)


def held_words_body(candidates: list[tuple[str, tuple[str, ...]]]) -> dict:
    """Which of these words the index holds as typed (one ``filter`` aggregation each)."""
    aggs = {
        f"w{number}": {
            "filter": {
                "bool": {
                    "should": [{"term": {field: word}} for field in fields],
                    "minimum_should_match": 1,
                }
            }
        }
        for number, (word, fields) in enumerate(candidates)
    }
    return {"size": 0, "track_total_hits": False, "query": {"match_all": {}}, "aggs": aggs}


def missing_words(es_response: Mapping, candidates: list[tuple[str, tuple[str, ...]]]) -> frozenset:
    """The candidates the index does not hold, from the answer to ``held_words_body``."""
    results = es_response.get("aggregations") or {}
    return frozenset(
        candidate
        for number, candidate in enumerate(candidates)
        if not (results.get(f"w{number}") or {}).get("doc_count")
    )


class _Compiler(QueryCompiler[dict]):
    """A query tree as one Elasticsearch query (the walk is ``QueryCompiler``'s); ``missing`` are
    the typo candidates the index does not hold (only those get typo tolerance, at most
    MAX_FUZZY_WORDS of them)."""

    def __init__(self, missing: frozenset = frozenset(), expansions: int = PREFIX_EXPANSIONS):
        self.missing = missing
        self.fuzzy_words = MAX_FUZZY_WORDS
        self.expansions = expansions  # words a beginning ("cong*") stands for, per field

    def excluding(self, query: dict) -> dict:
        return {"bool": {"must": [_EVERYTHING], "must_not": [query]}}

    def either(self, queries: list[dict]) -> dict:
        return _either(queries)

    def all_of(self, must: list[dict], must_not: list[dict], should: list[dict]) -> dict:
        body = {"must": must or [_EVERYTHING]}
        if must_not:
            body["must_not"] = must_not
        if should:  # a ranking bonus: it never changes what matches
            body["should"] = should
        return {"bool": body}

    def dismax(self, queries: list[dict]) -> dict:
        return _dis_max(queries)

    def sector(self, key: str, boost: float) -> dict:
        return {"term": {"sector": {"value": key, "boost": boost}}}

    def pair(self, term: str, boost: float) -> dict:
        return {"term": {WORD_PAIRS: {"value": term, "boost": boost}}}

    def folded(self, text: str) -> list[str]:
        return folded_words(text)

    def leaf(self, node) -> dict:
        """What a word or phrase matches (folded; for a word that is not negated also as a
        beginning, an English stem, a typo), with a ranking bonus for its exact spelling."""
        texts, codes, names = _leaf_fields(node)
        words = tokens(node.text)[:MAX_PHRASE_WORDS]
        folded = " ".join(ascii_fold(word) for word in words)
        alternatives = [_words_query(name, folded, weight) for name, weight in texts.items()]
        alternatives = alternatives if folded else []
        alternatives += _codes(node, codes, self.expansions)
        if isinstance(node, Term) and not node.negated and folded:
            last = ascii_fold(words[-1])
            if node.prefix and len(last) >= PREFIX_MIN_CHARS:
                alternatives += _prefixes(folded, len(words), texts, self.expansions)
            if names is None or "title" in names:
                alternatives += [
                    _words_query(name, folded, weight * STEM_WEIGHT)
                    for name, weight in ENGLISH_FIELDS.items()
                    if names is None or name == "en_title"
                ]
            if not node.prefix and len(words) == 1:
                alternatives += self.typos(last, texts)
        match = _dis_max(alternatives) if alternatives else {"match_none": {}}
        exact = " ".join(word.lower() for word in words)
        if node.negated or not exact or not texts.keys() & set(EXACT_FIELDS):
            return match
        bonus = _dis_max(
            [
                _words_query(f"{name}.exact", exact, weight * EXACT_BOOST)
                for name, weight in texts.items()
                if name in EXACT_FIELDS
            ]
        )
        return {"bool": {"must": [match], "should": [bonus]}}

    def typos(self, word: str, texts: dict[str, float]) -> list[dict]:
        """Words within ``fuzzy_distance`` edits, if the index does not hold this one as typed."""
        distance = fuzzy_distance(word)
        if not distance or self.fuzzy_words <= 0 or not word.isalpha():
            return []
        if (word, tuple(texts)) not in self.missing:
            return []
        self.fuzzy_words -= 1
        return [
            {
                "fuzzy": {
                    name: {
                        "value": word,
                        "fuzziness": distance,
                        "transpositions": True,
                        "prefix_length": 0,
                        "max_expansions": PREFIX_EXPANSIONS,
                        "rewrite": "constant_score",  # as the embedded engine scores typos
                        "boost": weight * FUZZY_WEIGHT / BM25_SCALE,
                    }
                }
            }
            for name, weight in texts.items()
        ]


def _words_query(field: str, text: str, boost: float) -> dict:
    """The words in this order (one word: that word) in a field."""
    return {"match_phrase": {field: {"query": text, "boost": boost}}}


def _codes(node, codes: dict[str, float], expansions: int) -> list[dict]:
    """The whole value, as typed or folded; typed in a code field (``ipc:A23``) or with a
    trailing ``*``, the values it begins too."""
    keyword = ascii_fold(normalise(node.text))
    queries = []
    for name, weight in codes.items():
        queries.append({"term": {name: {"value": node.text, "boost": weight}}})
        if not keyword:
            continue
        queries.append({"term": {f"{name}.folded": {"value": keyword, "boost": weight}}})
        beginning = node.field is not None or (isinstance(node, Term) and node.prefix)
        if beginning and not node.negated and len(keyword) >= PREFIX_MIN_CHARS:
            queries.append(
                _prefix(f"{name}.folded", keyword, weight * PREFIX_WEIGHT, expansions)
            )
    return queries


def _prefix(field: str, value: str, boost: float, expansions: int) -> dict:
    # scored like the embedded engine's expansion: the ``expansions`` best words it begins
    rewrite = f"top_terms_{expansions}"
    return {"prefix": {field: {"value": value, "rewrite": rewrite, "boost": boost}}}


def _prefixes(folded: str, count: int, texts: dict[str, float], expansions: int) -> list[dict]:
    """Indexed words the last one begins, per field."""
    queries = []
    for name, weight in texts.items():
        if count > 1:
            options = {"query": folded, "max_expansions": expansions}
            query = {"match_phrase_prefix": {name: options | {"boost": weight * PREFIX_WEIGHT}}}
        else:
            query = _prefix(name, folded, weight * PREFIX_WEIGHT, expansions)
        queries.append(query)
    return queries


def _dis_max(queries: list[dict]) -> dict:
    if len(queries) == 1:
        return queries[0]
    return {"dis_max": {"queries": queries, "tie_breaker": TIE_BREAKER}}


def _either(queries: list[dict]) -> dict:
    if len(queries) == 1:
        return queries[0]
    return {"bool": {"should": queries, "minimum_should_match": 1}}


_EVERYTHING = {"match_all": {"boost": 1 / BM25_SCALE}}  # scored 1.0 in the embedded engine


def compile_query(text: str, missing: frozenset = frozenset()) -> dict | None:
    """The Elasticsearch query of the user's text; None when it asks for nothing. Never raises.

    Its clauses, once Elasticsearch has rewritten each word beginning into the words it stands
    for, stay within MAX_CLAUSES: beginnings stand for PREFIX_EXPANSIONS words per field, as on
    the embedded engine, unless the query holds so many that they must share fewer."""
    tree = parse_query(text)
    query = _Compiler(missing).query(tree)
    budget = MAX_CLAUSES - 1  # the search body adds one: RESTRICTED
    if query is None or clause_count(query) <= budget:
        return query
    expanding = _expanding(query)  # each stands for PREFIX_EXPANSIONS clauses at most
    fixed = clause_count(query) - expanding * PREFIX_EXPANSIONS
    expansions = max(1, (budget - fixed) // expanding)
    return _Compiler(missing, expansions).query(tree)


def clause_count(query) -> int:
    """The most clauses Lucene can count in ``query`` once rewritten (its limit: MAX_CLAUSES):
    each leaf query is one, a word beginning (``prefix`` with ``top_terms_N``,
    ``match_phrase_prefix``) is the N words it may stand for."""
    if isinstance(query, list):
        return sum(clause_count(item) for item in query)
    if not isinstance(query, Mapping):
        return 0
    ((kind, spec),) = query.items()
    if kind == "bool":
        return sum(clause_count(spec.get(name, [])) for name in _OCCURS)
    if kind == "dis_max":
        return clause_count(spec["queries"])
    if kind == "constant_score":
        return clause_count(spec["filter"])
    ((_field, options),) = spec.items() if isinstance(spec, Mapping) and spec else ((0, {}),)
    options = options if isinstance(options, Mapping) else {}
    if kind == "prefix":
        rewrite = str(options.get("rewrite", ""))
        return int(rewrite.rsplit("_", 1)[1]) if rewrite.startswith("top_terms") else 1
    if kind == "match_phrase_prefix":
        return int(options.get("max_expansions", 50)) + len(str(options.get("query")).split()) - 1
    return 1


_OCCURS = ("must", "should", "must_not", "filter")


def _expanding(query) -> int:
    """How many word beginnings ``query`` holds (``prefix`` with ``top_terms_N``,
    ``match_phrase_prefix``)."""
    if isinstance(query, list):
        return sum(_expanding(item) for item in query)
    if not isinstance(query, Mapping):
        return 0
    ((kind, spec),) = query.items()
    if kind == "bool":
        return sum(_expanding(spec.get(name, [])) for name in _OCCURS)
    if kind == "dis_max":
        return _expanding(spec["queries"])
    if kind == "match_phrase_prefix":
        return 1
    if kind == "prefix":
        ((_field, options),) = spec.items()
        return 1 if str(options.get("rewrite", "")).startswith("top_terms") else 0
    return 0


# -- search ---------------------------------------------------------------------------------------

BUCKET_ORDER = {
    "count": [{"_count": "desc"}, {"_key": "asc"}],
    "key_desc": [{"_key": "desc"}],
    "key_asc": [{"_key": "asc"}],
}


def facet_filter(facet: Facet, keys: Iterable[str]) -> dict:
    """Records with any of these checked keys (values of one facet are OR-ed)."""
    keys = list(keys)
    if facet.kind == "boolean":
        return {"terms": {facet.field: [key == "true" for key in keys]}}
    if not facet.numeric:
        return {"terms": {facet.field: keys}}
    low_limit, high_limit = INTEGER_RANGE
    singles, ranges = [], []
    for key in keys:
        low, high = numeric_bounds(key)
        if low is not None and low == high:
            if low_limit <= low <= high_limit:
                singles.append(low)
            continue
        if (low is not None and low > high_limit) or (high is not None and high < low_limit):
            continue  # beyond what an integer field holds: nothing (a bound there is an error)
        bounds = {}
        if low is not None:
            bounds["gte"] = max(low, low_limit)
        if high is not None:
            bounds["lte"] = min(high, high_limit)
        ranges.append({"range": {facet.field: bounds}})
    queries = [{"terms": {facet.field: singles}}] if singles or not ranges else []
    queries += ranges
    return _either(queries)


def _selections(filters: Mapping[str, list[str]], facets: Iterable[Facet], leave_out=None) -> list:
    return [
        facet_filter(facet, filters[facet.name])
        for facet in facets
        if facet.name in filters and facet.name != leave_out
    ]


def aggregations(filters: Mapping[str, list[str]], facets: Iterable[Facet] = FACETS) -> dict:
    """For each facet, a ``filter`` aggregation holding every other facet's selection, around the
    ``terms`` aggregation that counts the facet's values."""
    facets = tuple(facets)
    aggs = {}
    for facet in facets:
        others = _selections(filters, facets, leave_out=facet.name)
        terms = {"field": facet.field, "size": facet.size, "order": BUCKET_ORDER[facet.order]}
        aggs[facet.name] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": terms}},
        }
    return aggs


def _sort(request: SearchRequest, has_text: bool) -> list:
    sort = SORTS_BY_NAME[request.sort]
    if sort.field is None and has_text:
        return [{"_score": {"order": "desc"}}, {"id": {"order": "asc"}}]
    field, descending = (sort.field, sort.descending) if sort.field else ("year", True)
    order = "desc" if descending else "asc"
    return [{field: {"order": order, "missing": "_last"}}, {"id": {"order": "asc"}}]


def highlight() -> dict:
    """Escaped HTML snippets with ``<mark>`` around matches: the best fragment of each field."""
    return {
        "type": "unified",
        "encoder": "html",
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "fragment_size": HIGHLIGHT_CHARS,
        "number_of_fragments": 1,
        "order": "score",
        "no_match_size": 0,
        "max_analyzed_offset": HIGHLIGHT_MAX_ANALYZED,
        "fields": {name: {} for name in SNIPPET_FIELDS},
    }


def search_body(
    request: SearchRequest, facets: Iterable[Facet] = FACETS, missing: frozenset = frozenset()
) -> dict:
    """The body of ``POST <alias>/_search``. InvalidQuery (before anything is sent) for a request
    that cannot be answered: page or size out of bounds, unknown sort or facet, bad value.

    ``missing``: the ``typo_candidates`` the index does not hold (``missing_words``)."""
    request = checked(request)
    facets = tuple(facets)
    query = compile_query(request.text, missing)
    has_text = query is not None
    body = {
        "query": {"bool": {"must": [query or {"match_all": {}}], "must_not": [RESTRICTED]}},
        "from": (request.page - 1) * request.size,
        "size": request.size,
        "track_total_hits": True,
        "sort": _sort(request, has_text),
        "_source": list(SOURCE_FIELDS),
        "aggs": aggregations(request.filters, facets),
    }
    selected = _selections(request.filters, facets)
    if selected:
        body["post_filter"] = {"bool": {"filter": selected}}
    if has_text:
        body["highlight"] = highlight()
        if missing:  # the embedded engine highlights the words typed, not what typos reach
            body["highlight"]["highlight_query"] = compile_query(request.text)
    return body


def response_to_search_response(
    es_response: Mapping, request: SearchRequest, facets: Iterable[Facet] = FACETS
) -> SearchResponse:
    """The engine-independent answer from the answer to ``search_body(request)``: hits with
    exactly HIT_KEYS, and per facet buckets ``{"key", "doc_count", "is_selected"}`` in the facet's
    order, selected values always present (``engine.facet_buckets``)."""
    request = checked(request)
    scored = SORTS_BY_NAME[request.sort].field is None and compile_query(request.text) is not None
    found = es_response.get("hits") or {}
    total = found.get("total") or 0
    total = int(total["value"]) if isinstance(total, Mapping) else int(total)
    hits = [_hit(hit, scored) for hit in found.get("hits") or ()]
    results = es_response.get("aggregations") or {}
    buckets = {}
    for facet in facets:
        counted = ((results.get(facet.name) or {}).get("values") or {}).get("buckets") or ()
        counts = {bucket_key(bucket): int(bucket["doc_count"]) for bucket in counted}
        buckets[facet.name] = facet_buckets(facet, counts, request.filters.get(facet.name, []))
    return SearchResponse(total=total, hits=hits, facets=buckets)


def _hit(es_hit: Mapping, scored: bool) -> dict:
    source = es_hit.get("_source") or {}
    year, sectors, score = source.get("year"), source.get("sector") or [], es_hit.get("_score")
    return {
        "id": str(source.get("id") or es_hit.get("_id")),
        "kind": source.get("kind"),
        "title": source.get("title"),
        "title_en": source.get("title_en"),
        "year": int(year) if year is not None else None,
        "status": source.get("status"),
        "ip_status": source.get("ip_status"),
        "sectors": [sectors] if isinstance(sectors, str) else list(sectors),
        "field": source.get("field"),
        "host_organisation": source.get("host_organisation"),
        "highlight": _highlight(es_hit.get("highlight") or {}, source),
        "score": float(score) if scored and score is not None else None,
    }


_MARK = ("<mark>", "</mark>")


def _highlight(marked: Mapping, source: Mapping) -> str:
    for field in SNIPPET_FIELDS:
        fragments = marked.get(field)
        if fragments:
            return snippet_html(fragments[0], source.get(field))
    return lead(source)


def snippet_html(fragment: str, whole: str | None = None) -> str:
    """A highlighter fragment (``encoder: html``) as our snippet: the text escaped as
    ``html.escape`` does it, ``<mark>`` around matches, "…" where the text was cut off.

    ``whole``: the highlighted field's text when the search returned it (not the full text: a
    fragment of it is taken to be cut off at both ends).
    """
    parts, plain, inside = [], [], False
    for piece in _split_marks(fragment):
        if piece in _MARK:
            inside = piece == _MARK[0]
            continue
        text = html.unescape(piece)
        plain.append(text)
        parts.append(_marked_words(text) if inside else html.escape(text))
    body = "".join(parts).strip()
    text = " ".join("".join(plain).split())
    whole = " ".join(whole.split()) if whole else ""
    start = whole.find(text) if text and whole else -1
    if start < 0:
        return f"… {body} …"
    end = start + len(text)
    prefix = "… " if any(char.isalnum() for char in whole[:start]) else ""
    suffix = " …" if any(char.isalnum() for char in whole[end:]) else ""
    return prefix + body + suffix


_WORD = re.compile(r"[^\W_]+")


def _marked_words(text: str) -> str:
    """Each word of a marked span marked on its own, as the embedded engine marks the words
    it matched: Elasticsearch (8.10+) marks a matched phrase as one span ("<mark>thanh long</mark>"
    becomes "<mark>thanh</mark> <mark>long</mark>"); what stands between words is left unmarked."""
    parts, position = [], 0
    for word in _WORD.finditer(text):
        parts.append(html.escape(text[position : word.start()]))
        parts.append(f"<mark>{html.escape(word.group())}</mark>")
        position = word.end()
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def _split_marks(fragment: str) -> list[str]:
    pieces, position = [], 0
    while position < len(fragment):
        found = [(fragment.find(tag, position), tag) for tag in _MARK]
        found = [(at, tag) for at, tag in found if at >= 0]
        if not found:
            pieces.append(fragment[position:])
            break
        at, tag = min(found)
        if at > position:
            pieces.append(fragment[position:at])
        pieces.append(tag)
        position = at + len(tag)
    return pieces


def lead(source: Mapping) -> str:
    """The first HIGHLIGHT_CHARS characters of the abstract, escaped (nothing to highlight)."""
    text = " ".join((source.get("abstract") or source.get("abstract_en") or "").split())
    if len(text) <= HIGHLIGHT_CHARS:
        return html.escape(text)
    cut = text[:HIGHLIGHT_CHARS].rsplit(" ", 1)[0] or text[:HIGHLIGHT_CHARS]
    return html.escape(cut) + " …"


# -- suggestions and similar records --------------------------------------------------------------


def suggest_words(text) -> list[str]:
    """The folded words of what the user is typing that suggestions look at."""
    if not isinstance(text, str):
        return []
    return folded_words(text[:SUGGEST_MAX_CHARS])[:SUGGEST_WORDS]


def suggest_body(text: str) -> dict | None:
    """Records holding every typed word in their keywords, organisations or title, the last one
    as the beginning of a word ("nuoc ma" -> "Nước mắm…"); None when nothing was typed."""
    words = suggest_words(text)
    if not words:
        return None
    *complete, last = words
    fields = [SUGGEST_FIELDS[name] for name in SUGGEST_SOURCES.values()]
    must = [{"dis_max": {"queries": [{"term": {f: word}} for f in fields]}} for word in complete]
    beginnings = [{"prefix": {field: {"value": last}}} for field in fields]
    must.append({"bool": {"should": beginnings, "minimum_should_match": 1}})
    return {
        "size": SUGGEST_CANDIDATES,
        "_source": ["id", *SUGGEST_SOURCES.values()],
        "query": {"bool": {"must": must, "must_not": [RESTRICTED]}},
    }


def response_to_suggestions(es_response: Mapping, text: str, size: int) -> list[dict]:
    """``[{"text", "type", "record_id"}]``, each text once: values that begin with the typed
    words first, then keywords, organisations, titles, then the best records, then the shortest."""
    words = suggest_words(text)
    if not words:
        return []
    *complete, last = words
    found: dict[str, tuple[tuple, dict]] = {}  # folded value -> (place, suggestion)
    for rank, hit in enumerate((es_response.get("hits") or {}).get("hits") or ()):
        source = hit.get("_source") or {}
        record_id = str(source.get("id") or hit.get("_id"))
        for order, (kind, field) in enumerate(SUGGEST_SOURCES.items()):
            values = source.get(field) or []
            for value in [values] if isinstance(values, str) else values:
                folded = folded_words(value)
                start = completes(folded, complete, last)
                if start is None:
                    continue
                key, place = " ".join(folded), (start > 0, order, rank, len(value))
                if key not in found or place < found[key][0]:
                    found[key] = (place, {"text": value, "type": kind, "record_id": record_id})
    return [item for _place, item in sorted(found.values(), key=lambda pair: pair[0])][:size]


def similar_body(record: Mapping, size: int, index: str) -> dict:
    """Records sharing this one's sectors, field of science, keywords and title word pairs
    (Vietnamese compounds are two syllables: "nước mắm", "thanh long"), plus the most telling
    words of its text (more_like_this). ``record``: its ``GET <index>/_doc/<id>`` answer."""
    record_id = str(record.get("_id"))
    source = record.get("_source") or {}
    like = {
        "fields": list(SIMILAR_TEXT),
        "like": [{"_index": index, "_id": record_id}],
        "min_term_freq": 1,
        "min_doc_freq": 1,
        "max_query_terms": 50,
        "minimum_should_match": "1",
        "boost": SIMILAR_WEIGHTS["text"],
    }
    should: list[dict] = [{"more_like_this": like}]
    for field in ("sector", "field", "field_l1"):
        for value in _listed(source.get(field)):
            should.append({"term": {field: {"value": value, "boost": SIMILAR_WEIGHTS[field]}}})
    keywords = [
        tuple(folded_words(keyword)[:MAX_PHRASE_WORDS])
        for keyword in _listed(source.get("keywords"))[:SIMILAR_KEYWORDS]
    ]
    title = folded_words(source.get("title") or "")
    pairs = list(zip(title, title[1:], strict=False))[:SIMILAR_TITLE_PAIRS]
    shared = {pair: SIMILAR_WEIGHTS["title_pair"] for pair in pairs}
    shared |= {words: SIMILAR_WEIGHTS["keyword"] for words in keywords if words}
    for words, weight in shared.items():
        should.append(
            _dis_max(
                [
                    _words_query(name, " ".join(words), weight * field_weight)
                    for name, field_weight in SIMILAR_FIELDS.items()
                ]
            )
        )
    return {
        "size": size,
        "_source": list(SOURCE_FIELDS),
        "query": {
            "bool": {
                "should": should,
                "minimum_should_match": 1,
                "must_not": [RESTRICTED, {"ids": {"values": [record_id]}}],
            }
        },
    }


def _listed(value) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def response_to_hits(es_response: Mapping) -> list[dict]:
    """Scored hits with exactly HIT_KEYS, from a ``similar_body`` answer."""
    return [_hit(hit, True) for hit in (es_response.get("hits") or {}).get("hits") or ()]
