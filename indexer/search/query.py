"""The user's query text as a small syntax tree, the same for every engine.

``parse_query(text)`` never raises: whatever is typed becomes a tree (``MatchAll()`` when nothing
searchable is left). Engines compile the tree into their own queries; the tree itself knows nothing
of analyzers, folding or fields' weights.

Syntax
======

=============================  ====================================================================
typed                          tree
=============================  ====================================================================
``nước mắm``                   ``And(Term("nước"), Term("mắm"))`` (words: every one must match)
``"thanh long"`` ``“…”``       ``Phrase("thanh long")`` (straight, curly „…“ or «…» quotes)
``a OR b``                     ``Or(Term("a"), Term("b"))``; AND binds tighter: ``a b OR c`` is
                               ``Or(And(a, b), c)``
``a AND b``                    same as ``a b``
``NOT a``, ``-a``              ``Term("a", negated=True)``;
``-"x y"``                     ``Phrase("x y", negated=True)``
``NOT (a b)``, ``-(a b)``      ``Not(And(a, b))``
``(a OR b) c``                 ``And(Or(a, b), c)``
``title:nước``                 ``Term("nước", field="title")``; ``title:"…"`` a fielded phrase;
                               ``title:(a OR b)`` gives the field to every unfielded word inside
``org:`` ``person:``           the prefixes of ``schemas.search_fields.QUERY_FIELDS``
``inventor:`` ``keyword:``     (aliases: ``author:`` -> person, ``organisation:`` -> org,
``ipc:`` ``code:``             ``keywords:`` -> keyword); names are not case-sensitive
``code:1-2019-01234``          ``Term("1-2019-01234", field="code")``: a word is everything up to
``ĐTKH.04/2019``               whitespace, a quote or a bracket, so codes stay one term
``nuoc*``                      ``Term("nuoc", prefix=True)`` (trailing ``*``)
``+a``                         ``Term("a")`` (a plain word is already required)
=============================  ====================================================================

Only upper-case ``AND``, ``OR``, ``NOT`` are operators; ``and``/``or``/``not`` are words. A query of
negations only (``-a``) means "everything except". An unknown prefix (``foo:bar``) is an ordinary
word.

Tolerated, never an error: an unpaired quote (ignored, the words after it are words), unbalanced
brackets (a missing ``)`` closes at the end, a stray ``)`` is ignored), operators with nothing to
join (``AND OR NOT``, ``a OR``), an empty field (``title:``), words of punctuation only (``***``,
``:``, ``?``: dropped), repeated words (kept once), control characters and lone surrogates.

Limits (``schemas.search_fields``): only the first ``MAX_QUERY_LENGTH`` characters are read, only
the first ``MAX_QUERY_TERMS`` words and phrases are kept, brackets nested deeper than
``MAX_QUERY_DEPTH`` are ignored (their words are kept). Every step is linear in the input.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Union

from indexer.search.vietnamese import normalise
from schemas.search_fields import (
    MAX_QUERY_DEPTH,
    MAX_QUERY_LENGTH,
    MAX_QUERY_TERMS,
    QUERY_FIELD_ALIASES,
    QUERY_FIELDS,
)

OPERATORS = ("AND", "OR", "NOT")
_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "＂": '"', "″": '"'}
)
_DELIMITERS = frozenset('()"')


@dataclass(frozen=True)
class Term:
    """A word. ``field``: a key of QUERY_FIELDS (None: every text field). ``prefix``: typed with a
    trailing ``*``. ``text`` is as typed (NFC), without the ``*``."""

    text: str
    field: str | None = None
    prefix: bool = False
    negated: bool = False


@dataclass(frozen=True)
class Phrase:
    """Quoted words that must appear together in this order (one word: that word, exactly)."""

    text: str
    field: str | None = None
    negated: bool = False


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class Not:
    """A negated group; negated words and phrases carry ``negated=True`` instead."""

    child: object


@dataclass(frozen=True)
class MatchAll:
    """Nothing to search for: every record."""


Query = Union[Term, Phrase, And, Or, Not, MatchAll]  # noqa: UP007 - a name engines can annotate
Leaf = Union[Term, Phrase]  # noqa: UP007


def field_name(prefix: str) -> str | None:
    """The QUERY_FIELDS key a typed prefix ("Title", "author") stands for, or None."""
    name = prefix.lower()
    name = QUERY_FIELD_ALIASES.get(name, name)
    return name if name in QUERY_FIELDS else None


def leaves(query: Query) -> list[Leaf]:
    """Every Term and Phrase of the tree, in order."""
    if isinstance(query, Term | Phrase):
        return [query]
    if isinstance(query, And | Or):
        return [leaf for child in query.children for leaf in leaves(child)]
    if isinstance(query, Not):
        return leaves(query.child)
    return []


def parse_query(text) -> Query:
    """The tree of a query text; see the module docstring. Never raises."""
    if not isinstance(text, str):
        return MatchAll()
    text = normalise(text[:MAX_QUERY_LENGTH]).translate(_QUOTES)
    tokens = _tokens(text)
    node = _Parser(tokens).parse()
    return node if node is not None else MatchAll()


# -- tokens ---------------------------------------------------------------------------------------
# ("(", field, negated) | (")",) | ("op", "AND"|"OR"|"NOT") | ("leaf", Term|Phrase)


def _tokens(text: str) -> list[tuple]:
    tokens: list[tuple] = []
    depth = ignored = 0  # open brackets kept, open brackets dropped for being too deep
    leaf_count = 0
    position, end = 0, len(text)
    while position < end and leaf_count < MAX_QUERY_TERMS:
        char = text[position]
        if char.isspace():
            position += 1
            continue
        if char == ")":
            position += 1
            if ignored:
                ignored -= 1
            elif depth:
                depth -= 1
                tokens.append((")",))
            continue  # a stray ")" is ignored
        # A unit: [sign][field:] then a bracket, a quoted phrase or a word.
        start = position
        negated = False
        while position < end and text[position] in "-+":
            negated = negated or text[position] == "-"
            position += 1
        field = None
        colon = _field_colon(text, position)
        if colon is not None:
            field = field_name(text[position:colon])
            position = colon + 1
        if position >= end or text[position].isspace() or text[position] == ")":
            continue  # "-", "title:": a sign or a field with nothing after it
        char = text[position]
        if char == "(":
            position += 1
            if depth < MAX_QUERY_DEPTH:
                depth += 1
                tokens.append(("(", field, negated))
            else:
                ignored += 1
            continue
        if char == '"':
            close = text.find('"', position + 1)
            if close < 0:  # an unpaired quote: ignored, what follows is words
                position += 1
                continue
            words = " ".join(text[position + 1 : close].split())
            position = close + 1
            if _searchable(words):
                tokens.append(("leaf", Phrase(words, field, negated)))
                leaf_count += 1
            continue
        while position < end and not text[position].isspace() and text[position] not in _DELIMITERS:
            position += 1
        word = text[start:position] if field is None and not negated else None
        if word in OPERATORS:
            tokens.append(("op", word))
            continue
        body = text[start:position] if colon is None else text[colon + 1 : position]
        body = body.lstrip("-+") if colon is None else body
        prefix = body.endswith("*")
        body = body.rstrip("*")
        if _searchable(body):
            tokens.append(("leaf", Term(body, field, prefix, negated)))
            leaf_count += 1
    return tokens


def _field_colon(text: str, position: int) -> int | None:
    """Where the colon of a known field prefix starting at ``position`` is, or None."""
    colon = text.find(":", position, position + 16)
    if colon <= position or field_name(text[position:colon]) is None:
        return None
    return colon


def _searchable(text: str) -> bool:
    return any(char.isalnum() for char in text)


# -- the tree -------------------------------------------------------------------------------------


class _Parser:
    """or := and ("OR" and)* ; and := unary ("AND"? unary)* ; unary := "NOT"* primary ;
    primary := leaf | "(" or ")". Brackets are balanced by ``_tokens`` except a missing ")"."""

    def __init__(self, tokens: list[tuple]):
        self.tokens, self.position = tokens, 0

    def peek(self) -> tuple | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def parse(self) -> Query | None:
        return self.parse_or()

    def parse_or(self) -> Query | None:
        children = [self.parse_and()]
        while (token := self.peek()) is not None and token[0] != ")":
            self.position += 1  # an "OR" (parse_and stops only there, at ")" or at the end)
            children.append(self.parse_and())
        return _combine(Or, children)

    def parse_and(self) -> Query | None:
        children = []
        while (token := self.peek()) is not None and token[0] != ")" and token != ("op", "OR"):
            if token == ("op", "AND"):
                self.position += 1
                continue
            children.append(self.parse_unary())
        return _combine(And, children)

    def parse_unary(self) -> Query | None:
        negated = False
        while self.peek() == ("op", "NOT"):
            negated = not negated
            self.position += 1
        token = self.peek()
        if token is None or token[0] in (")", "op"):
            return None  # "NOT" with nothing after it
        node = self.parse_primary()
        return _negate(node) if negated and node is not None else node

    def parse_primary(self) -> Query | None:
        token = self.tokens[self.position]
        self.position += 1
        if token[0] == "leaf":
            return token[1]
        _, field, negated = token  # "("
        node = self.parse_or()
        if self.peek() == (")",):
            self.position += 1
        if node is not None and field is not None:
            node = _with_field(node, field)
        return _negate(node) if negated and node is not None else node


def _combine(kind, children: list) -> Query | None:
    """And/Or of the children: nested ones of the same kind flattened, repeats and empties dropped,
    a single child returned as is."""
    flat: list = []
    for child in children:
        for item in child.children if isinstance(child, kind) else (child,):
            if item is not None and item not in flat:
                flat.append(item)
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


def _negate(node: Query) -> Query:
    if isinstance(node, Term | Phrase):
        return replace(node, negated=not node.negated)
    if isinstance(node, Not):
        return node.child
    return Not(node)


def _with_field(node: Query, field: str) -> Query:
    """The tree with ``field`` given to every word and phrase that has none."""
    if isinstance(node, Term | Phrase):
        return node if node.field is not None else replace(node, field=field)
    if isinstance(node, And | Or):
        return type(node)(tuple(_with_field(child, field) for child in node.children))
    if isinstance(node, Not):
        return Not(_with_field(node.child, field))
    return node


__all__ = [
    "And",
    "Leaf",
    "MatchAll",
    "Not",
    "Or",
    "Phrase",
    "Query",
    "Term",
    "field_name",
    "leaves",
    "parse_query",
]
