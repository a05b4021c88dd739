"""Measuring extraction against ground truth.

Ground truth (``corpus_samples/ground_truth.json``) describes each document with flat keys:
``document_type, kind, language, title, title_en, abstract, abstract_en, task_code,
principal_investigator,
principal_investigator_title, host_organisation, parent_agency, start, end, accepted,
budget_total_vnd, field_of_science, keywords, district, sectors, members, application_number,
filed, published, granted, patent_number, ipc_classes, technology_fields, applicants,
inventors``.
:func:`comparable_fields` maps a record to the same keys, and :func:`field_accuracy` scores
pairs of (expected, found) dicts over the keys the expectation lists.
"""

from __future__ import annotations

from collections.abc import Iterable

LIST_FIELDS = {
    "keywords",
    "sectors",
    "members",
    "ipc_classes",
    "technology_fields",
    "applicants",
    "inventors",
}
MONTH_FIELDS = {"start", "end"}  # compared at month precision (YYYY-MM)


def _names(record: dict, *roles: str) -> list[str]:
    names: list[str] = []
    for person in record.get("people") or []:
        if person.get("role") in roles and person.get("name") not in names:
            names.append(person["name"])
    return names


def comparable_fields(record: dict) -> dict:
    """A record in the ground-truth key space (``None`` or ``[]`` where the record has nothing)."""
    people = record.get("people") or []
    investigator = next((p for p in people if p.get("role") == "principal_investigator"), None)
    identifiers = record.get("identifiers") or {}
    dates = record.get("dates") or {}
    budget = record.get("budget") or {}
    place = record.get("place") or {}
    return {
        "document_type": record.get("document_type"),
        "kind": record.get("kind"),
        "language": record.get("language"),
        "title": record.get("title"),
        "title_en": record.get("title_en"),
        "abstract": record.get("abstract"),
        "abstract_en": record.get("abstract_en"),
        "task_code": identifiers.get("task_code"),
        "principal_investigator": investigator["name"] if investigator else None,
        "principal_investigator_title": investigator.get("title") if investigator else None,
        "host_organisation": record.get("host_organisation"),
        "parent_agency": record.get("parent_agency"),
        "start": (dates.get("start") or "")[:7] or None,
        "end": (dates.get("end") or "")[:7] or None,
        "accepted": dates.get("accepted"),
        "budget_total_vnd": budget.get("total_vnd"),
        "budget_state_vnd": budget.get("state_vnd"),
        "field_of_science": record.get("field_of_science"),
        "keywords": list(record.get("keywords") or []),
        "district": place.get("district"),
        "sectors": list(record.get("sectors") or []),
        "members": _names(record, "member"),
        "secretary": next(iter(_names(record, "secretary")), None),
        "application_number": identifiers.get("application_number"),
        "filed": dates.get("filed"),
        "published": dates.get("published"),
        "granted": dates.get("granted"),
        "patent_number": identifiers.get("patent_number"),
        "ipc_classes": list(record.get("ipc_classes") or []),
        "technology_fields": list(record.get("technology_fields") or []),
        "applicants": _names(record, "applicant", "owner"),
        "inventors": _names(record, "inventor"),
    }


def _normalise(value):
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, (list, tuple, set)):
        return frozenset(item for item in (_normalise(v) for v in value) if item is not None)
    return value


def same(field: str, expected, found) -> bool:
    """Whether a found value matches the expected one.

    Strings are compared whitespace-normalised, lists as sets, start/end at month precision.
    """
    if field in MONTH_FIELDS:
        expected = expected[:7] if isinstance(expected, str) else expected
        found = found[:7] if isinstance(found, str) else found
    if field in LIST_FIELDS or isinstance(expected, (list, tuple)):
        return _normalise(expected or []) == _normalise(found or [])
    expected, found = _normalise(expected), _normalise(found)
    if isinstance(expected, (int, float)) and isinstance(found, (int, float)):
        return expected == found
    return expected == found


def field_accuracy(pairs: Iterable[tuple[dict, dict]]) -> tuple[float, dict[str, tuple[int, int]]]:
    """Score ``(expected, found)`` pairs over the keys each ``expected`` lists.

    Returns the overall share of right fields and ``{field: (right, total)}``.
    """
    per_field: dict[str, list[int]] = {}
    for expected, found in pairs:
        for key, value in expected.items():
            counts = per_field.setdefault(key, [0, 0])
            counts[1] += 1
            if same(key, value, found.get(key)):
                counts[0] += 1
    right = sum(counts[0] for counts in per_field.values())
    total = sum(counts[1] for counts in per_field.values())
    overall = right / total if total else 0.0
    return overall, {key: (counts[0], counts[1]) for key, counts in sorted(per_field.items())}


def mismatches(expected: dict, found: dict) -> dict[str, tuple]:
    """``{field: (expected, found)}`` for the fields that differ (for reports and debugging)."""
    return {
        key: (value, found.get(key))
        for key, value in expected.items()
        if not same(key, value, found.get(key))
    }


# --- Real documents with gold labels (``../shared/real-corpus/gold.json``) --------------------
#
# The gold file describes each real PDF as printed (see that folder's README): ``kind``
# (patent / article / report / thesis / admin_document), ``title``, ``abstract_start`` and
# ``abstract_end`` (two windows of the abstract), and per kind ``number``, ``publication_date``,
# ``filing_date``, ``application_number``, ``inventors`` (patents) or ``authors``. A check is
# what a member of staff would look at: is it a patent, is the title the printed one (case
# aside), does our abstract hold the printed abstract's first and last sentences, are the
# numbers, dates and names those printed.

TITLE_SIMILARITY = 0.9
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan",), ("feb",), ("mar",), ("apr",), ("may",), ("jun",),
            ("jul",), ("aug",), ("sep", "sept"), ("oct",), ("nov",), ("dec",),
        ),
        start=1,
    )
    for name in names
}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _folded(text: str | None) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", text or "").translate(_QUOTES)
    return " ".join(text.split()).casefold()


def title_matches(gold: str, found: str | None) -> bool:
    """Similarity of at least :data:`TITLE_SIMILARITY` (difflib's ratio), case and spacing aside."""
    from difflib import SequenceMatcher

    if not found:
        return False
    return SequenceMatcher(None, _folded(gold), _folded(found)).ratio() >= TITLE_SIMILARITY


def abstract_matches(start: str, end: str, found: str | None) -> bool:
    """Both gold windows found in the extracted abstract (case and spacing aside): it neither
    stops early nor starts late. (That it does not run on is measured by the length check.)"""
    found = _folded(found)
    return bool(found) and _folded(start) in found and _folded(end) in found


def _gold_date(text: str) -> str | None:
    import re

    match = re.match(r"([A-Za-z]+)\.?\s*(\d{1,2})\s*,\s*(\d{4})", text.strip())
    if match and match.group(1)[:3].lower() in _MONTHS:
        month = _MONTHS[match.group(1)[:3].lower()]
        return f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"
    match = re.search(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", text)
    if match:
        return f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"
    return None


def _digits(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


def _number_digits(text: str | None) -> str:
    """The digits of a patent or publication number without its kind code ("B1", "A")."""
    import re

    return _digits(re.sub(r"\s*\b[A-E]\d?\s*$", "", (text or "").strip()))


_PREFIXES = {"dr", "prof", "mr", "ms", "mrs", "gs", "pgs", "ts", "ths", "ks", "cn", "bs"}


def _person_key(name: str) -> str:
    """A name compared case, punctuation and academic prefix aside ("Dr. A.KALA" = "A. Kala":
    records keep the prefix apart, in the person's ``title``)."""
    import re

    words = re.sub(r"[^\w\s]", " ", _folded(name)).split()
    while words and words[0] in _PREFIXES:
        words = words[1:]
    return " ".join(words)


def real_checks(gold: dict, record: dict) -> list[tuple[str, bool, float | None, str]]:
    """``(field, right, confidence, detail)`` for every value the gold lists and we check.

    Lists of people are checked one printed name at a time (field ``inventors`` or
    ``authors``). ``confidence`` is the record's field confidence for the field (``None`` when
    nothing was extracted, or the field has no confidence)."""
    confidences = (record.get("quality") or {}).get("field_confidence") or {}
    identifiers = record.get("identifiers") or {}
    dates = record.get("dates") or {}
    is_patent = record.get("document_type") == "patent_document"
    checks: list[tuple[str, bool, float | None, str]] = []

    def add(name, right, confidence_key, found):
        confidence = confidences.get(confidence_key) if found not in (None, "", []) else None
        checks.append((name, bool(right), confidence, repr(found)[:160]))

    add(
        "patent_or_not",
        (gold["kind"] == "patent") == is_patent,
        "document_type",
        record.get("document_type"),
    )
    add("title", title_matches(gold["title"], record.get("title")), "title", record.get("title"))
    if gold.get("abstract_start"):
        language = gold.get("language", "vi")
        if language == record.get("language"):
            found = record.get("abstract")
        else:
            found = record.get(f"abstract_{language}")
        matched = abstract_matches(gold["abstract_start"], gold["abstract_end"], found)
        add("abstract", matched, "abstract", found)
    if gold["kind"] == "patent":
        number = identifiers.get("patent_number") or identifiers.get("publication_number")
        if gold.get("number"):
            gold_number = _number_digits(gold["number"])
            right = bool(gold_number) and _number_digits(number) == gold_number
            key = "patent_number" if identifiers.get("patent_number") else "publication_number"
            add("number", right, key, number)
        if gold.get("publication_date"):
            found = dates.get("granted") or dates.get("published")
            key = "granted" if dates.get("granted") else "published"
            add("publication_date", _gold_date(gold["publication_date"]) == found, key, found)
        if gold.get("filing_date"):
            found = dates.get("filed")
            add("filing_date", _gold_date(gold["filing_date"]) == found, "filed", found)
        if gold.get("application_number"):
            found = identifiers.get("application_number")
            right = _digits(found) == _digits(gold["application_number"])
            add("application_number", right, "application_number", found)
        found_names = {
            _person_key(p["name"]) for p in record.get("people") or [] if p["role"] == "inventor"
        }
        for name in gold.get("inventors") or []:
            add("inventors", _person_key(name) in found_names, "inventors", found_names or None)
    elif gold.get("authors"):
        found_names = {
            _person_key(p["name"])
            for p in record.get("people") or []
            if p["role"] not in ("inventor", "applicant", "owner", "supervisor")
        }
        key = "members" if "members" in confidences else "principal_investigator"
        for name in gold["authors"]:
            add("authors", _person_key(name) in found_names, key, found_names or None)
    return checks
