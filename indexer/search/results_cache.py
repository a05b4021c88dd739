"""A bounded cache of search answers, emptied by every index commit.

What a reader gets from Elasticsearch's request cache, for the embedded engine: the same
request asked again, before anything was committed to the index, is answered from memory. The
key is the whole request (text, filters, page, size, sort); the *generation* is the index's
commit stamp, which every commit in any process changes (tantivy replaces ``meta.json``; a
rebuild switches folders). An answer is served only for the generation it was computed on, so a
commit is visible to the next search, as without the cache.

Shared by the threads of one process (one lock around a small ordered dict); each gunicorn
worker has its own. Bounded by entries, and by the size of what it keeps: deep result pages and
big pages are not kept.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from indexer.search.engine import SearchRequest, SearchResponse

DEFAULT_ENTRIES = 512
CACHED_PAGES = 3  # pages past the third are rarely asked twice: not worth their memory
CACHED_PAGE_SIZE = 50


def request_key(request: SearchRequest) -> Hashable:
    """The request as a hashable value; filter order does not matter, value order does not."""
    filters = tuple(sorted((name, tuple(sorted(values)))
                           for name, values in request.filters.items()))
    return (request.text, filters, request.page, request.size, request.sort)


def worth_keeping(request: SearchRequest) -> bool:
    return request.page <= CACHED_PAGES and request.size <= CACHED_PAGE_SIZE


class ResultsCache:
    def __init__(self, entries: int = DEFAULT_ENTRIES):
        if entries < 1:
            raise ValueError("A results cache holds at least one answer.")
        self.entries = entries
        self._answers: OrderedDict[Hashable, SearchResponse] = OrderedDict()
        self._generation: Hashable = None
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def answer(
        self,
        request: SearchRequest,
        generation: Hashable,
        compute: Callable[[], SearchResponse],
    ) -> SearchResponse:
        """The cached answer for this generation, or ``compute()``'s, kept for next time."""
        if not worth_keeping(request):
            return compute()
        key = request_key(request)
        with self._lock:
            if generation != self._generation:  # a commit happened: nothing kept is valid
                self._answers.clear()
                self._generation = generation
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
                self.hits += 1
                return copy.deepcopy(found)  # callers may change what they get
            self.misses += 1
        # Computed outside the lock: two threads asking the same new question both compute it,
        # which costs less than making every other search wait behind one.
        response = compute()
        with self._lock:
            if generation == self._generation:
                self._answers[key] = copy.deepcopy(response)
                self._answers.move_to_end(key)
                while len(self._answers) > self.entries:
                    self._answers.popitem(last=False)
        return response

    def __len__(self) -> int:
        return len(self._answers)
