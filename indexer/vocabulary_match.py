"""Which term of a controlled vocabulary a piece of document text names.

The vocabularies are data (:mod:`schemas.vocabularies`); this module matches text against their
labels: a term's ``vi`` and ``en`` labels and its synonyms (:func:`term_labels`), folded
(accents and case aside, :func:`indexer.labels.fold`) and found as whole words.

* ``match_field_of_science`` reads a field of science from its code ("106", "1") or its name;
* ``match_sectors`` lists the sectors a title or a keyword list names;
* ``match_place`` finds the district a place line names (the longest label wins);
* ``known_spelling`` gives a vocabulary's own spelling of a name that has the same letters as
  one of its labels (OCR misreads diacritics: "Nha Hồ" for "Nha Hố").

A vocabulary that cannot be read matches nothing (a field of science is then read from a
three-digit code alone). These matches are recorded as metadata by the parsers; the spaCy
enrichment (:mod:`indexer.nlp`) matches the same vocabularies in running text for suggestions.
"""

from __future__ import annotations

import re
from functools import cache

from indexer.labels import fold, squash


def term_labels(term: dict) -> list[str]:
    """A vocabulary term's labels: key words, ``vi``, ``en`` and synonyms (list or per language)."""
    labels = [term.get("vi"), term.get("en")]
    synonyms = term.get("synonyms") or []
    if isinstance(synonyms, dict):
        for values in synonyms.values():
            labels.extend(values or [])
    else:
        labels.extend(synonyms)
    return [label for label in labels if label]


def _folded_labels(name: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The terms of vocabulary ``name``, each with its labels (:func:`term_labels`) as printed
    and folded. Raises what ``vocabularies.load`` raises when the vocabulary cannot be read."""
    from schemas import vocabularies

    return _folded_labels_of(name, tuple(vocabularies.folders()))


@cache
def _folded_labels_of(name: str, folders: tuple) -> list[tuple[str, list[tuple[str, str]]]]:
    # Once per vocabulary and process: folding every label on every call was a third of the
    # time a report took to parse.
    from schemas import vocabularies

    return [
        (key, [(label, squash(fold(label))) for label in term_labels(term)])
        for key, term in vocabularies.load(name).items()
    ]


def _find_label(label_folded: str, folded: str) -> re.Match | None:
    """Where the folded label stands in the folded text as whole words."""
    if label_folded not in folded:
        return None  # the usual answer, found without a regular expression
    return re.search(rf"(?<![a-z]){re.escape(label_folded)}(?![a-z])", folded)


def match_field_of_science(text: str) -> str | None:
    """The field of science a line names: its code (level 2 "106" first, then level 1 "1"), or
    else the longest label found in it; None when it names none."""
    if not text:
        return None
    try:
        from schemas import vocabularies

        fields = vocabularies.load("fields_of_science")
        field_labels = _folded_labels("fields_of_science")
    except (KeyError, OSError, ValueError):
        fields = None
    for code in re.findall(r"(?<!\d)(\d{1,7})(?!\d)", text):
        for length in (3, 1):
            candidate = code[:length]
            if len(code) >= length and (fields is None or candidate in fields):
                if fields is None and length != 3:
                    continue
                return candidate
    if not fields:
        return None
    folded = fold(re.sub(r"[\d.\-–:]+", " ", text))
    folded = squash(folded)
    best = None
    for key, labels in field_labels:
        for _, label_folded in labels:
            if label_folded == folded:
                return key
            if _find_label(label_folded, folded):
                if best is None or len(label_folded) > best[0]:
                    best = (len(label_folded), key)
    return best[1] if best else None


def match_sectors(text: str) -> list[str]:
    """Keys of the ``sectors`` vocabulary whose label or a synonym ``text`` names."""
    if not text.strip():
        return []
    try:
        sectors = _folded_labels("sectors")
    except (KeyError, OSError, ValueError):
        return []
    folded = fold(text)
    found = []
    for key, labels in sectors:
        if any(_find_label(label_folded, folded) for _, label_folded in labels):
            found.append(key)
    return found


def match_place(text: str) -> tuple[str | None, str | None]:
    """The district key (``places`` vocabulary) named in ``text``, and the matched label."""
    if not text:
        return None, None
    try:
        places = _folded_labels("places")
    except (KeyError, OSError, ValueError):
        return None, None
    folded = fold(text)
    best = None
    for key, labels in places:
        for label, label_folded in labels:
            if len(label) < 3:
                continue
            match = _find_label(label_folded, folded)
            if match and (best is None or (len(label_folded), -match.start()) > best[0]):
                best = ((len(label_folded), -match.start()), key)
    return (best[1], squash(text)) if best else (None, None)


def known_spelling(name: str, vocabulary: str) -> str | None:
    """The label of ``vocabulary`` that ``name`` is, diacritics and case aside, as the vocabulary
    spells it; None when it is none of them, or when labels spelt differently fold alike (then
    the letters alone cannot tell which is meant)."""
    if not name:
        return None
    try:
        terms = _folded_labels(vocabulary)
    except (KeyError, OSError, ValueError):
        return None
    folded = squash(fold(name))
    spellings = {
        label for _, labels in terms for label, label_folded in labels if label_folded == folded
    }
    return spellings.pop() if len(spellings) == 1 else None
