"""What every metadata parser returns beside its values: where each value was read.

:class:`Origin` says how a field was found (``source``), on which page, and whether a second
reading of it agreed; :mod:`indexer.confidence` weighs a field by it. Each parser has its own
typed result (``ReportFields``, ``PatentFields``, ``ArticleFields`` in :mod:`indexer.parse_report`,
:mod:`indexer.parse_patent`, :mod:`indexer.parse_article`) holding its values and an ``origins``
map, with one ``to_record()`` giving the record draft that the rest of the indexer reads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """Where a field's value was read.

    ``source`` is one of :data:`indexer.confidence.SOURCE_CONFIDENCE`'s keys ("sheet", "inid",
    "cover", "label", "body", "typeset", "layout", "heuristic", "text"); ``page`` is the 0-based
    page (None when the value was not read from one place); ``agreement`` compares a second
    reading of the field: True (two labels agree), False (they disagree), "heuristic" (a label
    and the page's layout disagree), None (read once).
    """

    source: str
    page: int | None = None
    agreement: bool | str | None = None


Origins = dict[str, Origin]


def origins_of(sources: dict[str, str], pages: dict[str, int], agreement=None) -> Origins:
    """An ``origins`` map from the three maps a parser fills as it reads."""
    agreement = agreement or {}
    return {
        name: Origin(source, pages.get(name), agreement.get(name))
        for name, source in sources.items()
    }


def fields_and_origins(result) -> tuple[dict, Origins]:
    """A parser's record-draft fields and where each was read: a typed result's
    ``to_record()`` and ``origins``; a plain dict (no parser ran: ``{}``) is a draft whose
    origins, if any, are under the private keys ``_sources`` and ``_pages``, taken out."""
    if not isinstance(result, dict):
        return result.to_record(), dict(result.origins)
    sources, pages = result.pop("_sources", None) or {}, result.pop("_pages", None) or {}
    return result, origins_of(sources, pages)
