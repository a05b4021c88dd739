"""Commercialisation cases: every accepted research result gets one at once, with an owner and
a due date, so that none can be forgotten (plan 4239, appendix task 5)."""

from __future__ import annotations

from datetime import date, timedelta

from repo_app.models import CommercialisationCase, Record
from repo_app.services.owners import case_owner
from schemas import workflows

COMMERCIALISED_KINDS = ("research_result",)


def open_case(session, record: Record, today: date | None = None) -> CommercialisationCase | None:
    """Open the record's case if it is an accepted research result without one."""
    if record.kind not in COMMERCIALISED_KINDS or record.registration_state != "accepted":
        return None
    case = session.get(CommercialisationCase, record.id)
    if case is not None:
        return case
    days = workflows.load("commercialisation").extra.get("case_due_days", 90)
    case = CommercialisationCase(
        record_id=record.id, owner=case_owner(record.data.get("sectors") or []),
        due=(today or date.today()) + timedelta(days=days))
    session.add(case)
    return case
