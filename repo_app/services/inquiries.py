"""Enterprises' licensing inquiries: sent from a record page, seen by the enterprise, the
owning organisation's researchers and staff only, moved through
``schemas/workflows/inquiry.json``. A deal records the transfer on the result."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy import or_, select

from repo_app.models import Event, Inquiry, Record, User
from repo_app.services import commercialisation, notifications, uow
from repo_app.services import workflow_engine as engine
from repo_app.services.access import is_owner, visible_record
from repo_app.services.errors import (
    Forbidden,
    Invalid,
    NotAuthenticated,
    NotFound,
    lazy_gettext,
)
from repo_app.services.principal import Principal
from schemas import workflows

MACHINE = "inquiry"


class InquirySchema(Schema):
    message = fields.String(required=True, validate=validate.Length(min=10, max=5000))
    contact = fields.String(load_default="", validate=validate.Length(max=300))


def _relations(principal: Principal, inquiry: Inquiry, record: Record) -> set[str]:
    held = {"staff"} if principal.is_staff else set()
    if is_owner(principal, record):
        held.add("owner")
    if principal.authenticated and inquiry.enterprise_id == principal.user_id:
        held.add("inquirer")
    return held


def _subject(inquiry: Inquiry) -> engine.Subject:
    return engine.Subject(Inquiry, "inquiry", inquiry.id, "state", inquiry.record_id)


def send(services, record_id: str, principal: Principal, body: dict) -> dict:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext(
            "Sign in as an enterprise to send a licensing inquiry."))
    if principal.role != "enterprise":
        raise Forbidden(lazy_gettext("Licensing inquiries are sent from enterprise accounts."))
    try:
        values = InquirySchema().load(body or {})
    except ValidationError as error:
        raise Invalid(error.messages) from None
    with uow.unit_of_work(services) as session:
        record = visible_record(session, principal, record_id)
        inquiry = Inquiry(record_id=record.id, enterprise_id=principal.user_id,
                          message=values["message"].strip(), contact=values["contact"].strip(),
                          state=workflows.load(MACHINE).initial, version=1)
        session.add(inquiry)
        session.flush()
        engine.record_event(session, _subject(inquiry), principal, kind="transition",
                            workflow=MACHINE, transition="send", to_state=inquiry.state,
                            comment=inquiry.message[:500])
        enterprise = session.get(User, principal.user_id)
        mail = dict(title=record.title, message=inquiry.message,
                    enterprise=enterprise.enterprise_name or enterprise.name,
                    link=f"/inquiries/{inquiry.id}")
        notifications.queue_to_staff(session, "inquiry_received", **mail)
        notifications.queue_to_organisation(session, record.organisation_key,
                                            "inquiry_received", **mail)
        return view(session, inquiry, principal)


def _visible(session, principal: Principal, inquiry_id) -> tuple[Inquiry, Record]:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to see inquiries."))
    try:
        inquiry = session.get(Inquiry, int(inquiry_id))
    except (TypeError, ValueError):
        inquiry = None
    record = session.get(Record, inquiry.record_id) if inquiry else None
    if inquiry is None or not _relations(principal, inquiry, record):
        raise NotFound(lazy_gettext("No inquiry %(id)s.", id=repr(inquiry_id)))
    return inquiry, record


def view(session, inquiry: Inquiry, principal: Principal, lang: str = "vi") -> dict:
    machine = workflows.load(MACHINE)
    record = session.get(Record, inquiry.record_id)
    enterprise = session.get(User, inquiry.enterprise_id)
    events = session.scalars(select(Event).where(
        Event.subject_type == "inquiry", Event.subject_id == str(inquiry.id),
    ).order_by(Event.at, Event.id))
    return {
        "id": inquiry.id, "record_id": record.id, "record_title": record.title,
        "enterprise": enterprise.enterprise_name or enterprise.name,
        "message": inquiry.message, "contact": inquiry.contact, "state": inquiry.state,
        "state_label": machine.state_label(inquiry.state, lang), "version": inquiry.version,
        "transaction_id": inquiry.transaction_id, "created_at": inquiry.created_at.isoformat(),
        "allowed": engine.allowed_actions(machine, inquiry.state,
                                          _relations(principal, inquiry, record), lang),
        "history": engine.history(events),
    }


def get(services, inquiry_id, principal: Principal, lang: str = "vi") -> dict:
    with services.sessions() as session:
        inquiry, _ = _visible(session, principal, inquiry_id)
        return view(session, inquiry, principal, lang)


def inbox(services, principal: Principal, lang: str = "vi", state: str | None = None) -> list:
    """Staff: every inquiry; researchers: their organisation's; enterprises: their own."""
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to see inquiries."))
    with services.sessions() as session:
        query = select(Inquiry).join(Record, Record.id == Inquiry.record_id)
        if not principal.is_staff:
            mine = [Inquiry.enterprise_id == principal.user_id,
                    Record.created_by == principal.user_id]
            if principal.organisation_confirmed and principal.organisation_key:
                mine.append(Record.organisation_key == principal.organisation_key)
            query = query.where(or_(*mine))
        if state:
            query = query.where(Inquiry.state == state)
        rows = session.scalars(query.order_by(Inquiry.id.desc()).limit(500)).all()
        return [view(session, row, principal, lang) for row in rows]


def run_transition(services, inquiry_id, principal: Principal, body: dict,
                   lang: str = "vi") -> dict:
    with uow.unit_of_work(services) as session:
        inquiry, record = _visible(session, principal, inquiry_id)
        outcome = engine.run(session, workflows.load(MACHINE), _subject(inquiry),
                             str(body.get("transition") or ""), body.get("version"),
                             principal, _relations(principal, inquiry, record), body)
        if outcome.transition.name == "close_deal":
            inquiry.transaction_id = _record_transfer(session, record, principal, body,
                                                      inquiry)
    return get(services, inquiry_id, principal, lang)


def _record_transfer(session, record: Record, principal: Principal, body: dict,
                     inquiry: Inquiry) -> int:
    """A deal is the result's transfer: the commercialisation transition runs in the same
    transaction and creates the technology transaction."""
    session.refresh(record)
    outcome = commercialisation.apply_transition(session, record, principal, {
        **body, "transition": "transfer", "version": record.version,
        "comment": body.get("comment") or f"Inquiry {inquiry.id}"})
    return outcome.event.data["transaction_id"]
