"""The query parser, tested as data: typed text in, syntax tree out. No engine involved."""

from __future__ import annotations

import pytest

from indexer.search.query import (
    And,
    MatchAll,
    Not,
    Or,
    Phrase,
    Term,
    field_name,
    leaves,
    parse_query,
)
from schemas.search_fields import (
    MAX_QUERY_DEPTH,
    MAX_QUERY_LENGTH,
    MAX_QUERY_TERMS,
    QUERY_FIELD_ALIASES,
    QUERY_FIELDS,
)

a, b, c, d = Term("a"), Term("b"), Term("c"), Term("d")

CASES = [
    # words, phrases, quotes
    ("nước mắm", And((Term("nước"), Term("mắm")))),
    ("nuoc", Term("nuoc")),
    ('"thanh long" ruột', And((Phrase("thanh long"), Term("ruột")))),
    ("“thanh long”", Phrase("thanh long")),
    ("„thanh  long“", Phrase("thanh long")),
    ("«thanh long»", Phrase("thanh long")),
    ('"mắm"', Phrase("mắm")),
    ('"  thanh \n long "', Phrase("thanh long")),
    ('a"b c"', And((a, Phrase("b c")))),
    # operators and precedence
    ("a AND b", And((a, b))),
    ("a OR b", Or((a, b))),
    ("a b OR c d", Or((And((a, b)), And((c, d))))),
    ("a OR b c", Or((a, And((b, c))))),
    ("(a OR b) c", And((Or((a, b)), c))),
    ("a OR b OR c", Or((a, b, c))),
    ("a and b or c", And((a, Term("and"), b, Term("or"), c))),
    ("NOT a", Term("a", negated=True)),
    ("a NOT b", And((a, Term("b", negated=True)))),
    ("a -b", And((a, Term("b", negated=True)))),
    ("+a", a),
    ("--a", Term("a", negated=True)),
    ("NOT NOT a", a),
    ("NOT -a", a),
    ('-"x y" z', And((Phrase("x y", negated=True), Term("z")))),
    ("NOT (a b)", Not(And((a, b)))),
    ("-(a OR b) c", And((Not(Or((a, b))), c))),
    ("NOT -(a b)", And((a, b))),
    ("a AND AND b", And((a, b))),
    ("a OR OR b", Or((a, b))),
    # fields
    ("title:nước", Term("nước", field="title")),
    ('title:"thanh long"', Phrase("thanh long", field="title")),
    ("Title:x", Term("x", field="title")),
    ("org:Viện", Term("Viện", field="org")),
    ("organisation:Viện", Term("Viện", field="org")),
    ("author:Đặng", Term("Đặng", field="person")),
    ("person:Đặng", Term("Đặng", field="person")),
    ("inventor:Đặng", Term("Đặng", field="inventor")),
    ("keyword:VietGAP", Term("VietGAP", field="keyword")),
    ("ipc:A23L", Term("A23L", field="ipc")),
    ('ipc:"A23L 27/50"', Phrase("A23L 27/50", field="ipc")),
    ("code:1-2019-01234", Term("1-2019-01234", field="code")),
    ("code:ĐTKH.04/2019", Term("ĐTKH.04/2019", field="code")),
    ("ĐTKH.04/2019", Term("ĐTKH.04/2019")),
    ("1-2020-01234", Term("1-2020-01234")),
    ("-title:x", Term("x", field="title", negated=True)),
    ("title:(a OR b) c", And((Or((Term("a", "title"), Term("b", "title"))), c))),
    ("title:(a org:b)", And((Term("a", "title"), Term("b", "org")))),
    ("-org:(a b)", Not(And((Term("a", "org"), Term("b", "org"))))),
    ("foo:bar", Term("foo:bar")),
    ("title:title:x", Term("title:x", field="title")),
    # prefix
    ("nuoc*", Term("nuoc", prefix=True)),
    ("nuoc** ma*", And((Term("nuoc", prefix=True), Term("ma", prefix=True)))),
    ("title:thanh*", Term("thanh", field="title", prefix=True)),
    ("-nuoc*", Term("nuoc", prefix=True, negated=True)),
    ("ipc:A23*", Term("A23", field="ipc", prefix=True)),
    # repeats are kept once
    ("a a", a),
    ("a b a", And((a, b))),
    ('"a b" "a b"', Phrase("a b")),
]

MALFORMED = [
    ("", MatchAll()),
    ("   \t\n", MatchAll()),
    ('""', MatchAll()),
    ('"', MatchAll()),
    ('"unbalanced', Term("unbalanced")),
    ('a "b c', And((a, b, c))),
    ('a "b" "c', And((a, Phrase("b"), c))),
    ("(nước mắm", And((Term("nước"), Term("mắm")))),
    ("nước mắm)]}", And((Term("nước"), Term("mắm")))),
    (")a b(", And((a, b))),
    ("a) OR (b", Or((a, b))),
    ("((a)", a),
    ("()", MatchAll()),
    ("-()", MatchAll()),
    ("title:", MatchAll()),
    ("title: nước", Term("nước")),
    ("title:()", MatchAll()),
    (":", MatchAll()),
    ("***", MatchAll()),
    ("*", MatchAll()),
    ("?", MatchAll()),
    ("-", MatchAll()),
    ("- a", a),
    ("AND OR NOT", MatchAll()),
    ("NOT", MatchAll()),
    ("a OR", a),
    ("OR a", a),
    ("a AND", a),
    ("a NOT", a),
    ("NOT OR a", a),
    ("NOT )", MatchAll()),
    ('+-&&||!(){}[]^"~*?:\\/', MatchAll()),
    ("\x00\x01\x02 nước \x7f\x1b[31m", And((Term("nước"), Term("[31m")))),
    ("\ud800 lone \udfff", Term("lone")),
    ("🐟 nước 🐟", Term("nước")),
    (None, MatchAll()),
    (42, MatchAll()),
    (b"bytes", MatchAll()),
]


@pytest.mark.parametrize(("text", "tree"), CASES + MALFORMED)
def test_parse_query(text, tree):
    assert parse_query(text) == tree


def test_decomposed_input_becomes_nfc():
    assert parse_query("nu\u031bo\u031b\u0301c") == Term("nước")


def test_at_most_max_query_terms_words():
    words = [f"w{n}" for n in range(MAX_QUERY_TERMS + 20)]
    tree = parse_query(" ".join(words))
    assert [leaf.text for leaf in leaves(tree)] == words[:MAX_QUERY_TERMS]
    quoted = parse_query(" ".join(f'"p{n} q"' for n in range(100)))
    assert len(leaves(quoted)) == MAX_QUERY_TERMS


def test_input_beyond_max_query_length_is_ignored():
    assert parse_query("x" * (MAX_QUERY_LENGTH + 500)) == Term("x" * MAX_QUERY_LENGTH)
    assert parse_query("a" + " " * MAX_QUERY_LENGTH + "b") == a


def depth(tree) -> int:
    if isinstance(tree, And | Or):
        return 1 + max(depth(child) for child in tree.children)
    if isinstance(tree, Not):
        return 1 + depth(tree.child)
    return 0


def test_brackets_deeper_than_the_limit_are_ignored_but_their_words_kept():
    nested = "x"
    for n in range(50):
        nested = f"(w{n} OR {nested})" if n % 2 else f"(w{n} {nested})"
    tree = parse_query(nested)
    assert depth(tree) <= MAX_QUERY_DEPTH + 1
    assert len(leaves(tree)) == MAX_QUERY_TERMS
    assert parse_query("(" * 400 + "a" + ")" * 400) == a
    # the signs of ignored brackets go with them: eight kept negations cancel out, seven do not
    assert parse_query("-(" * 400 + "a") == a
    assert parse_query("-(" * 7 + "a") == Term("a", negated=True)


def test_huge_inputs_parse(tmp_path):
    for text in ["(" * 100_000, '"' * 100_000, "NOT " * 50_000, "-" * 100_000, "a:" * 50_000]:
        tree = parse_query(text)
        assert len(leaves(tree)) <= MAX_QUERY_TERMS


def test_every_field_prefix_is_declared_as_data():
    assert set(QUERY_FIELDS) >= {"title", "org", "person", "inventor", "keyword", "ipc", "code"}
    for alias, name in QUERY_FIELD_ALIASES.items():
        assert name in QUERY_FIELDS and alias not in QUERY_FIELDS
    assert field_name("AUTHOR") == "person" and field_name("colour") is None
    for name in QUERY_FIELDS:
        assert parse_query(f"{name}:x") == Term("x", field=name)


def test_trees_are_hashable_values():
    assert hash(parse_query("a (b OR -c)")) == hash(parse_query("a (b OR -c)"))
    with pytest.raises(AttributeError):
        parse_query("a").text = "b"  # frozen
