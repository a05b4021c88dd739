"""Measuring extraction against ground truth.

Ground truth (``corpus_samples/ground_truth.json``) describes each document with flat keys:
``document_type, kind, language, title, title_en, task_code, principal_investigator,
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
