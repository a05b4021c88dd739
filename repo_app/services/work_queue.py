"""The staff work queue: what needs someone today, each list with its count.

Results accepted with no support action yet, cases past their due date, submissions to
review, IP deadlines in the next 30 days, new inquiries.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, exists, func, select

from repo_app.models import CommercialisationCase, Event, Inquiry, IpRequest, Record, SupportAction
from repo_app.services import notifications, uow
from repo_app.services.deadlines import deadlines
from repo_app.services.errors import Forbidden, NotAuthenticated, lazy_gettext
from repo_app.services.principal import Principal
from schemas import vocabularies, workflows

DEADLINE_WINDOW_DAYS = 30
LIMIT = 200
CLOSED = ("not_commercialisable", "withdrawn", "transferred", "applied")


def _unsupported():
    return ~exists().where(SupportAction.record_id == Record.id)


def _case_rows(session, condition, owner: str | None, lang: str) -> tuple[int, list[dict]]:
    query = (select(Record, CommercialisationCase)
             .join(CommercialisationCase, CommercialisationCase.record_id == Record.id)
             .where(condition))
    if owner:
        query = query.where(CommercialisationCase.owner == owner)
    count = session.scalar(select(func.count()).select_from(query.subquery()))
    units = vocabularies.load("department_units")
    rows = session.execute(query.order_by(CommercialisationCase.due).limit(LIMIT)).all()
    return count, [{"id": r.id, "title": r.title, "state": r.commercialisation_status,
                    "owner": c.owner, "owner_label": units.term_label(c.owner, lang),
                    "due": c.due.isoformat()} for r, c in rows]


def upcoming_deadlines(session, today: date, lang: str = "vi") -> list[dict]:
    horizon = today + timedelta(days=DEADLINE_WINDOW_DAYS)
    live = [s["key"] for s in workflows.load("ip_registration").states if not s.get("terminal")]
    found = []
    for request in session.scalars(select(IpRequest).where(
            IpRequest.state.in_(live), IpRequest.filing_date.is_not(None))):
        for deadline in deadlines(request, lang):
            if today <= date.fromisoformat(deadline["due"]) <= horizon:
                found.append({**deadline, "ip_request_id": request.id,
                              "application_number": request.application_number,
                              "record_id": request.record_id})
    return sorted(found, key=lambda d: d["due"])


def for_staff(services, principal: Principal, lang: str = "vi", owner: str | None = None,
              today: date | None = None) -> dict:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to see the work queue."))
    if not principal.is_staff:
        raise Forbidden(lazy_gettext("The work queue is for Department staff."))
    today = today or date.today()
    with services.sessions() as session:
        unsupported = _case_rows(session, _unsupported(), owner, lang)
        overdue = _case_rows(session, and_(
            CommercialisationCase.due < today, _unsupported(),
            Record.commercialisation_status.not_in(CLOSED)), owner, lang)
        submitted = session.scalars(select(Record).where(
            Record.registration_state == "submitted").order_by(Record.updated_at)).all()
        new_inquiries = session.execute(
            select(Inquiry, Record.title).join(Record, Record.id == Inquiry.record_id)
            .where(Inquiry.state == "new").order_by(Inquiry.id)).all()
        upcoming = upcoming_deadlines(session, today, lang)
        pending_requests = session.scalars(select(IpRequest).where(
            IpRequest.state == "requested").order_by(IpRequest.id)).all()
        return {
            "unsupported": {"count": unsupported[0], "items": unsupported[1]},
            "overdue": {"count": overdue[0], "items": overdue[1]},
            "submissions": {"count": len(submitted), "items": [
                {"id": r.id, "title": r.title, "updated_at": r.updated_at.isoformat()}
                for r in submitted]},
            "ip_requests": {"count": len(pending_requests), "items": [
                {"id": r.id, "record_id": r.record_id, "ip_type": r.ip_type,
                 "applicant": r.applicant} for r in pending_requests]},
            "deadlines": {"count": len(upcoming), "items": upcoming},
            "inquiries": {"count": len(new_inquiries), "items": [
                {"id": i.id, "record_id": i.record_id, "title": title,
                 "created_at": i.created_at.isoformat()} for i, title in new_inquiries]},
        }


def remind_deadlines(services, today: date | None = None) -> int:
    """Mail staff and the requester once about each IP deadline entering the 30-day window;
    run daily (``repo-app notify``). Returns how many reminders were queued."""
    from repo_app.models import User
    from repo_app.services.principal import SYSTEM
    from repo_app.services.workflow_engine import Subject, record_event

    today = today or date.today()
    queued = 0
    with uow.unit_of_work(services) as session:
        for deadline in upcoming_deadlines(session, today):
            key = f"{deadline['ip_request_id']}:{deadline['key']}:{deadline['due']}"
            if session.scalar(select(Event.id).where(Event.kind == "reminder",
                                                     Event.transition == key)):
                continue
            request = session.get(IpRequest, deadline["ip_request_id"])
            record = session.get(Record, request.record_id)
            values = dict(days=(date.fromisoformat(deadline["due"]) - today).days,
                          label=deadline["label"], number=request.application_number,
                          title=record.title, due=deadline["due"],
                          link=f"/ip-requests/{request.id}")
            notifications.queue_to_staff(session, "deadline_soon", **values)
            requester = session.get(User, request.requested_by) if request.requested_by else None
            if requester is not None and requester.role not in ("staff", "admin"):
                notifications.queue(session, requester.email, "deadline_soon", **values)
            record_event(session, Subject(IpRequest, "ip_request", request.id, "state",
                                          request.record_id), SYSTEM, kind="reminder",
                         transition=key)
            queued += 1
    return queued
