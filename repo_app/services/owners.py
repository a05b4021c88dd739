"""Who owns what: the organisation a record belongs to, and the Department unit that owns a
result's commercialisation case. Both are data (vocabularies), so any province can run it."""

from __future__ import annotations

from indexer.search.vietnamese import fold
from indexer.vocabulary_match import term_labels
from schemas import vocabularies


def _squash(text: str) -> str:
    return " ".join(fold(text).split())


def organisation_key(name: str | None) -> str | None:
    """The key of the ``organisations`` term that ``name`` names (any of its labels or
    synonyms, diacritics and case aside), else None."""
    if not name:
        return None
    wanted = _squash(name)
    for key, term in vocabularies.load("organisations").items():
        if any(_squash(label) == wanted for label in term_labels(term)):
            return key
    return None


def case_owner(sectors: list[str]) -> str:
    """The unit configured for the first of the result's sectors that one covers, else the
    default unit."""
    units = vocabularies.load("department_units")
    for sector in sectors:
        for key, unit in units.items():
            if sector in unit.get("sectors", ()):
                return key
    return next((key for key, unit in units.items() if unit.get("default")), next(iter(units)))
