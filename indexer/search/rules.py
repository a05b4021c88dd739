"""How every engine compiles queries and reads answers, where they must agree: held once.

``schemas.search_fields`` says what search offers (facets, sorts, field weights, limits, the typo
and prefix rules). This module holds the rest of what the embedded engine
(``indexer.search.tantivy_engine``) and the Elasticsearch engine (``indexer.search.es_requests``)
both apply: the tie breaker of a disjunction-max, the English stemmed fields, the proximity bonus,
what suggestions and "similar records" look at, and the small pure helpers behind them. Both import
them from here, so the two engines cannot drift apart.

``QueryCompiler`` is the walk of a query tree (``indexer.search.query``) both engines compile
with: negation, OR, AND with its proximity bonus; each engine's subclass only builds the leaves
and the combinations in its own query language.

Imports ``indexer.search.engine``, ``indexer.search.query`` and ``schemas`` only: no search
library.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from functools import lru_cache
from typing import Generic, TypeVar

from indexer.search.engine import InvalidQuery
from indexer.search.query import And, Not, Or, Phrase, Term
from indexer.search.vietnamese import folded_tokens
from schemas import vocabularies
from schemas.search_fields import TEXT_FIELDS

# A word matches one field best; the other fields it matches add this share of their score.
TIE_BREAKER = 0.1
# Words of one phrase (or hyphenated word) matched in order, at most.
MAX_PHRASE_WORDS = 16
# English stemmed fields ("dried" finds "drying") and their weights: titles, then abstracts,
# keywords and full text; see ``english_text`` for what goes in them.
ENGLISH_FIELDS: dict[str, float] = {"en_title": 4.0, "en_text": 1.5}
# Where a snippet comes from: the first of these with a match (else the start of the abstract).
SNIPPET_FIELDS = ("abstract", "abstract_en", "full_text")

# The proximity bonus: words typed one after the other ("thanh long", the fruit) that also stand
# side by side in one of these fields rank above records holding them apart. Each adjacent pair of
# plain words (not negated, not fielded) is looked up in a disjunction-max over the fields, with
# the field's weight times PROXIMITY_WEIGHT; at most MAX_PROXIMITY_PAIRS pairs per query. The
# pairs are indexed as terms (``WORD_PAIRS``, "title:thanh long"): one term lookup instead of a
# phrase check of positions, which cost more than the rest of a two-word query on 1,000,000
# records. Full texts are left out: long texts hold most pairs somewhere. So are Vietnamese
# abstracts: for no measured gain (nDCG@10 0.940 -> 0.939), they would hold most of the terms.
MAX_PROXIMITY_PAIRS = 8
PROXIMITY_WEIGHT = 1.0
PROXIMITY_FIELDS = ("title", "title_en", "keywords", "abstract_en")
WORD_PAIRS = "word_pairs"  # the search-document field of those pairs


def pair_term(field: str, pair: str) -> str:
    """The ``WORD_PAIRS`` term of two folded words side by side in ``field`` ("thanh long")."""
    return f"{field}:{pair}"

# Across languages: a query that is the name of a sector in either language ("dragon fruit",
# "thanh long", "fish sauce", "nước mắm": the labels of the "sectors" vocabulary) also finds the
# records of that sector, so that English words find Vietnamese reports and the other way round;
# records holding the words themselves rank above those found by their sector alone. Synonyms are
# left out: many are narrower ("thanh long ruột đỏ", "nước mắm Phan Thiết") or broader ("tôm
# hùm" for all of fisheries) than the sector, and quoted words mean exactly those words.
SECTOR_WEIGHT = 0.5


def named_sectors(tree) -> list[str]:
    """The sector keys whose name, in Vietnamese or English, is exactly what the query says in
    plain words (not quoted, negated or fielded, no ``*``), folded."""
    children = tree.children if isinstance(tree, And) else (tree,)
    words: list[str] = []
    for node in children:
        if not isinstance(node, Term) or node.prefix or node.negated or node.field is not None:
            return []
        words += folded_tokens(node.text)
    return list(_sector_names(tuple(vocabularies.folders())).get(" ".join(words), ()))


@lru_cache(maxsize=4)  # per vocabulary folder (a province may use its own)
def _sector_names(folders: tuple) -> dict[str, tuple[str, ...]]:
    """Folded names and synonyms of every sector, in both languages -> sector keys."""
    sectors = vocabularies.load("sectors")
    names: dict[str, tuple[str, ...]] = {}
    for key in sectors:
        term = sectors[key]
        for name in (term.get("vi"), term.get("en")):
            folded = " ".join(folded_tokens(name))
            if folded and key not in names.get(folded, ()):
                names[folded] = (*names.get(folded, ()), key)
    return names


# Suggestions as the user types: values of these fields (suggestion type -> field).
SUGGEST_SOURCES = {"keyword": "keywords", "organisation": "organisations", "title": "title"}
SUGGEST_WORDS = 8  # words of a suggestion query looked at
SUGGEST_CANDIDATES = 50  # records read to find completions
SUGGEST_MAX_CHARS = 200

# "Similar records": shared sectors, field of science (both levels), keywords and adjacent
# title-word pairs (Vietnamese compounds are two syllables), looked for in SIMILAR_FIELDS, plus the
# most telling words of the record's text (MoreLikeThis) at a low weight.
SIMILAR_KEYWORDS = 10  # the record's keywords looked for in others
SIMILAR_WEIGHTS = {"sector": 3.0, "field": 2.0, "field_l1": 0.5, "text": 0.15}
SIMILAR_WEIGHTS |= {"keyword": 1.0, "title_pair": 0.4}
SIMILAR_FIELDS = {"title": 2.0, "keywords": 2.0, "abstract": 1.0}  # where they are looked for
SIMILAR_TITLE_PAIRS = 24


def english_text(doc: Mapping) -> dict[str, list[str]]:
    """The English text of a search document, for the stemmed fields: English titles and
    abstracts, and the title, abstract, keywords and full text of an English record."""
    english = doc.get("language") == "en"
    title = [doc.get("title_en")] + ([doc.get("title")] if english else [])
    text = [doc.get("abstract_en")]
    if english:
        text += [doc.get("abstract"), *(doc.get("keywords") or ()), doc.get("full_text")]
    fields = {"en_title": [v for v in title if v], "en_text": [v for v in text if v]}
    return {name: values for name, values in fields.items() if values}


def proximity_pairs(words: list[str]) -> list[tuple[str, str]]:
    """The pairs of the proximity bonus: each two words side by side in ``words`` (the folded
    words of the plain terms of one AND, in the order typed), each pair once, at most
    MAX_PROXIMITY_PAIRS."""
    return list(dict.fromkeys(zip(words, words[1:], strict=False)))[:MAX_PROXIMITY_PAIRS]


def completes(tokens: list[str], complete: list[str], last: str) -> int | None:
    """Where ``complete`` followed by a word beginning with ``last`` starts in ``tokens`` (the
    folded words of a value), or None: does this value complete what the user is typing?"""
    width = len(complete)
    for start in range(len(tokens) - width):
        if tokens[start : start + width] == complete and tokens[start + width].startswith(last):
            return start
    return None


def check_size(size, upper: int) -> None:
    """InvalidQuery unless ``size`` is a whole number in 1..upper (suggestions, similar)."""
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= upper:
        raise InvalidQuery(f"Size must be a whole number between 1 and {upper}.")


def bucket_key(bucket: Mapping) -> str:
    """The facet key of a terms-aggregation bucket (the shape tantivy and Elasticsearch share):
    booleans "true"/"false" (``key_as_string``), numbers as whole numbers ("2021", not
    "2021.0"), keywords as they are."""
    if "key_as_string" in bucket:
        return str(bucket["key_as_string"])
    key = bucket.get("key")
    return str(int(key)) if isinstance(key, int | float) else str(key)


Q = TypeVar("Q")  # an engine's query


class QueryCompiler(ABC, Generic[Q]):
    """A query tree as one engine query: the walk both engines share. A subclass builds the
    queries (``leaf``, ``excluding``, ``either``, ``all_of``, ``dismax``, ``phrase``) and reads
    the folded words of a text (``folded``)."""

    ranking = True  # False: only what decides a match (for counting), no proximity bonus

    def query(self, tree) -> Q | None:
        """The whole query (``compile``), widened to the records of the sectors it names
        (``named_sectors``); None when it asks for nothing."""
        compiled = self.compile(tree)
        keys = named_sectors(tree) if compiled is not None else []
        if not keys:
            return compiled
        return self.either([compiled, *(self.sector(key, SECTOR_WEIGHT) for key in keys)])

    def compile(self, node) -> Q | None:
        """The query of one node, or None when it asks for nothing (every record matches)."""
        if isinstance(node, Term | Phrase):
            query = self.leaf(node)
            return self.excluding(query) if node.negated else query
        if isinstance(node, Not):
            inner = self.compile(node.child)
            return self.excluding(inner) if inner is not None else None
        if isinstance(node, Or):
            clauses = []
            for child in node.children:
                query = self.compile(child)
                if query is None:
                    return None
                clauses.append(query)
            return self.either(clauses)
        if isinstance(node, And):
            must, must_not = [], []
            for child in node.children:
                query, negated = self.signed(child)
                if query is not None:
                    (must_not if negated else must).append(query)
            if not must and not must_not:
                return None
            nearby = self.proximity(node.children) if must and self.ranking else []
            if len(must) == 1 and not must_not and not nearby:
                return must[0]
            return self.all_of(must, must_not, nearby)
        return None  # MatchAll

    def signed(self, node) -> tuple[Q | None, bool]:
        """(what the node matches without its negation, whether it is negated)."""
        if isinstance(node, Not):
            return self.compile(node.child), True
        if isinstance(node, Term | Phrase) and node.negated:
            return self.leaf(node), True
        return self.compile(node), False

    def proximity(self, children) -> list[Q]:
        """The proximity bonus of one AND (``proximity_pairs``): each pair of plain words typed
        one after the other, as a phrase in a disjunction-max over ``PROXIMITY_FIELDS``, so that
        records holding them side by side ("thanh long", the fruit) rank above records holding
        them apart."""
        words: list[str] = []
        for child in children:
            if isinstance(child, Term) and not child.negated and child.field is None:
                words += self.folded(child.text)[:MAX_PHRASE_WORDS]
        return [
            self.dismax(
                [
                    self.pair(pair_term(name, " ".join(pair)), weight * PROXIMITY_WEIGHT)
                    for name, weight in TEXT_FIELDS.items()
                    if name in PROXIMITY_FIELDS
                ]
            )
            for pair in proximity_pairs(words)
        ]

    @abstractmethod
    def leaf(self, node: Term | Phrase) -> Q:
        """What a word or phrase matches, its negation left out."""

    @abstractmethod
    def excluding(self, query: Q) -> Q:
        """Every record but those ``query`` matches."""

    @abstractmethod
    def either(self, queries: list[Q]) -> Q:
        """Records any of ``queries`` (at least one) matches."""

    @abstractmethod
    def all_of(self, must: list[Q], must_not: list[Q], should: list[Q]) -> Q:
        """Records all of ``must`` (none: every record) and none of ``must_not`` match;
        ``should`` only adds to the score."""

    @abstractmethod
    def dismax(self, queries: list[Q]) -> Q:
        """The best of ``queries`` (at least one), the others adding TIE_BREAKER of theirs."""

    @abstractmethod
    def sector(self, key: str, boost: float) -> Q:
        """Records of the sector ``key``, scored times ``boost``."""

    @abstractmethod
    def pair(self, term: str, boost: float) -> Q:
        """Records whose ``WORD_PAIRS`` hold ``term`` (``pair_term``), scored times ``boost``."""

    @abstractmethod
    def folded(self, text: str) -> list[str]:
        """The folded words of ``text``, as the text fields index them."""


__all__ = [
    "ENGLISH_FIELDS",
    "MAX_PHRASE_WORDS",
    "MAX_PROXIMITY_PAIRS",
    "PROXIMITY_FIELDS",
    "PROXIMITY_WEIGHT",
    "WORD_PAIRS",
    "QueryCompiler",
    "SECTOR_WEIGHT",
    "SIMILAR_FIELDS",
    "SIMILAR_KEYWORDS",
    "SIMILAR_TITLE_PAIRS",
    "SIMILAR_WEIGHTS",
    "SNIPPET_FIELDS",
    "SUGGEST_CANDIDATES",
    "SUGGEST_MAX_CHARS",
    "SUGGEST_SOURCES",
    "SUGGEST_WORDS",
    "TIE_BREAKER",
    "bucket_key",
    "check_size",
    "completes",
    "english_text",
    "named_sectors",
    "pair_term",
    "proximity_pairs",
]
