"""Hostile input, generated: whatever a person or a program sends as a query or an argument
(very long text, deep nesting, unbalanced quotes and brackets, lone surrogates, NUL bytes),
the answer is a result or a clear 4xx, never a 5xx, and never slow."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.search.query import parse_query

SYNTAX = st.sampled_from(['"', "(", ")", "*", "-", ":", "OR", "AND", "NOT", "title:", "org:",
                          "ipc:", "\x00", "\ud800", "\\", "..", "~", "^", " "])
WORDS = st.sampled_from(["nuoc", "mắm", "thanh", "long", "Đặng", "2020", "1-2019-01234", "x"])
HOSTILE = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(SYNTAX, WORDS), max_size=120).map(" ".join),
    st.lists(st.one_of(SYNTAX, WORDS), max_size=120).map("".join),
    st.integers(1, 400).map(lambda n: "(" * n + "a" + ")" * (n // 2)),
    st.integers(1, 3000).map(lambda n: "nuoc " * n),
)
def wire(arguments: dict) -> str:
    """The query string a hostile client sends: lone surrogates become the invalid UTF-8
    bytes they would be on the wire (%ED%A0%80)."""
    return urlencode(arguments, encoding="utf-8", errors="surrogatepass")


FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@FAST
@given(HOSTILE)
def test_the_query_parser_answers_anything_quickly(text):
    started = time.perf_counter()
    try:
        parse_query(text)
    except ValueError:
        pass  # a clear refusal is an answer
    assert time.perf_counter() - started < 1.0


ARGUMENTS = st.fixed_dictionaries({}, optional={
    "q": HOSTILE, "page": st.text(max_size=12), "size": st.text(max_size=12),
    "sort": st.text(max_size=20), "year": st.text(max_size=20), "sector": st.text(max_size=40),
    "trl": st.text(max_size=12), "has_full_text": st.text(max_size=8),
    "lang": st.text(max_size=5), "licensable": st.text(max_size=6),
})


@FAST
@given(ARGUMENTS)
def test_search_api_never_fails_on_its_arguments(client, arguments):
    started = time.perf_counter()
    answer = client.get("/api/v1/records?" + wire(arguments))
    assert answer.status_code in (200, 400), (arguments, answer.get_data(as_text=True)[:300])
    assert time.perf_counter() - started < 5.0


@FAST
@given(st.fixed_dictionaries({}, optional={"q": HOSTILE, "size": st.text(max_size=8)}))
def test_suggestions_never_fail(client, arguments):
    assert client.get("/api/v1/suggest?" + wire(arguments)).status_code in (200, 400)


def _json(body) -> bytes:
    import json

    return json.dumps(body).encode("utf-8", "surrogatepass")


@settings(max_examples=60, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200).map(
    lambda b: b.decode("latin-1")), st.dictionaries(st.text(max_size=10), st.text(max_size=10))))
def test_workflow_writes_refuse_garbage_clearly(client, body):
    """Anonymous garbage: 401 or a 4xx naming the problem, never a 5xx."""
    for url in ("/api/v1/records/x/workflow", "/api/v1/ip-requests", "/api/v1/transactions"):
        answer = client.post(url, data=_json(body), content_type="application/json")
        assert 400 <= answer.status_code < 500, (url, body, answer.status_code)
