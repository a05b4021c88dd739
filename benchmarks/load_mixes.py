"""The request mixes of the HTTP load benchmark (``benchmarks/http_load.py``).

A mix is a list of request paths that wrk walks through in turn, each thread from its own
offset. Both mixes hold the same kinds of request in the same shares, what readers do:

    search with facets   55 %  (the API, and the search page in HTML for one in five)
    record pages         30 %  (the API answer, and the HTML page for half)
    suggestions          15 %  (what the search box asks as a person types)

``distinct``: no path is asked twice in the run (a cache can only miss).
``realistic``: two requests in five go to a few hot paths (the empty browse page, the main
sectors, patents, the first page of a frequent query), the rest as in ``distinct``; this is how
a repository's traffic looks, most readers arriving on the same few pages.
"""

from __future__ import annotations

from itertools import cycle
from urllib.parse import quote, urlencode

import synthetic

SHARES = (("search", 55), ("record", 30), ("suggest", 15))
HOT_SHARE = 2 / 5
MAIN_SECTORS = 4


def search_paths(count: int) -> list[str]:
    """``count`` distinct searches: generated queries, with two facet filters or a second or
    third page for some, each asked once."""
    texts = list(dict.fromkeys(synthetic.queries(count * 3)))
    filters = synthetic.query_filters(count)
    seen, paths = set(), []
    for number, text in enumerate(cycle(texts)):
        if len(paths) >= count or number > count * 20:
            break
        params: list[tuple[str, str]] = [("q", text)]
        variant = number // len(texts)  # each pass over the texts asks them differently
        if variant % 3 == 1 or number % 3 == 2:
            params += [(name, value) for name, values in filters[number % count].items()
                       for value in values]
        if variant % 3 == 2:
            params.append(("page", str(2 + number % 2)))
        query = urlencode(params)
        if query in seen:
            continue
        seen.add(query)
        page = "/" if number % 5 == 4 else "/api/v1/records"
        paths.append(f"{page}?{query}")
    return paths


def record_paths(record_ids: list[str], count: int) -> list[str]:
    """Record pages, the API answer and the HTML page in turn, each record once."""
    return [f"/api/v1/records/{quote(record_id)}" if number % 2 else f"/records/{quote(record_id)}"
            for number, record_id in enumerate(record_ids[:count])]


def suggest_paths(count: int) -> list[str]:
    """Prefixes as typed: the first word and the beginning of the second, of distinct queries."""
    paths, seen = [], set()
    for text in synthetic.queries(count * 4, seed=3):
        first, _, second = text.partition(" ")
        for typed in (f"{first} {second[:2]}", f"{first} {second[:3]}", first[:3]):
            if typed.strip() and typed not in seen and len(paths) < count:
                seen.add(typed)
                paths.append("/api/v1/suggest?" + urlencode({"q": typed.strip()}))
    return paths


def hot_paths(sectors: list[str]) -> list[str]:
    top_query = synthetic.queries(1)[0]
    return [
        "/api/v1/records",
        "/",
        *(f"/api/v1/records?{urlencode({'sector': sector})}" for sector in sectors),
        "/api/v1/records?kind=patent",
        "/api/v1/records?" + urlencode({"q": top_query}),
    ]


def interleave(groups: dict[str, list[str]], total: int) -> list[str]:
    """``total`` paths taking each kind in its share, spread evenly through the list."""
    weights = dict(SHARES)
    queues = {kind: iter(paths) for kind, paths in groups.items()}
    credit = dict.fromkeys(weights, 0.0)
    result = []
    while len(result) < total:
        for kind, weight in weights.items():
            credit[kind] += weight / 100
        kind = max(credit, key=credit.get)
        credit[kind] -= 1
        path = next(queues[kind], None)
        if path is None:
            break  # a kind ran out: stop rather than skew the shares
        result.append(path)
    return result


def build_mix(name: str, record_ids: list[str], sectors: list[str], total: int) -> list[str]:
    """The paths of mix ``name`` (``distinct`` or ``realistic``), ``total`` of them."""
    needed = {kind: int(total * weight / 100) + 50 for kind, weight in SHARES}
    groups = {"search": search_paths(needed["search"]),
              "record": record_paths(record_ids, needed["record"]),
              "suggest": suggest_paths(needed["suggest"])}
    distinct = interleave(groups, total)
    if name == "distinct":
        return distinct
    if name != "realistic":
        raise ValueError(f"No mix {name!r}: use 'distinct' or 'realistic'.")
    hot = cycle(hot_paths(sectors[:MAIN_SECTORS]))
    rest = iter(distinct)
    # Two in five from the hot set, spread through the list as they arrive in real traffic.
    return [next(hot) if number % 5 < HOT_SHARE * 5 else next(rest) for number in range(total)]
