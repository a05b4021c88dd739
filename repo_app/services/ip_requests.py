"""IP-registration requests: a researcher of the owning organisation (or staff) asks the
Department for support to protect a result; staff decide; the application is followed through
IP Vietnam's stages (``schemas/workflows/ip_registration.json``) with its legal deadlines."""

from __future__ import annotations

from datetime import date

from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy import select

from repo_app.models import Event, IpRequest, Record
from repo_app.services import notifications, uow
from repo_app.services import workflow_engine as engine
from repo_app.services.access import is_owner, visible_record
from repo_app.services.deadlines import deadlines
from repo_app.services.errors import (
    Forbidden,
    Invalid,
    NotAuthenticated,
    NotFound,
    in_reader_language,
    lazy_gettext,
)
from repo_app.services.principal import Principal
from schemas import vocabularies, workflows

MACHINE = "ip_registration"
IP_TYPES = ("patent", "utility_solution", "industrial_design", "trademark")
# The record's IP status follows the request through the office's stages.
RECORD_IP_STATUSES = set(vocabularies.load("ip_statuses"))


class IpRequestSchema(Schema):
    record_id = fields.String(required=True)
    ip_type = fields.String(required=True, validate=validate.OneOf(IP_TYPES))
    applicant = fields.String(required=True, validate=validate.Length(min=2, max=300))
    inventors = fields.List(fields.String(validate=validate.Length(min=2, max=200)),
                            load_default=list, validate=validate.Length(max=50))


def _relations(principal: Principal, request: IpRequest, record: Record) -> set[str]:
    held = {"staff"} if principal.is_staff else set()
    if principal.authenticated and (request.requested_by == principal.user_id
                                    or is_owner(principal, record)):
        held.add("requester")
    return held


def _visible(session, principal: Principal, request_id) -> tuple[IpRequest, Record]:
    """The request if this person may see it: staff, the requester, the owner's researchers."""
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to see IP-registration requests."))
    request = session.get(IpRequest, _int(request_id))
    record = session.get(Record, request.record_id) if request else None
    if request is None or not _relations(principal, request, record):
        raise NotFound(lazy_gettext("No IP-registration request %(id)s.", id=repr(request_id)))
    return request, record


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def create(services, principal: Principal, body: dict) -> dict:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to request IP-registration support."))
    try:
        values = IpRequestSchema().load(body or {})
    except ValidationError as error:
        raise Invalid(error.messages) from None
    with uow.unit_of_work(services) as session:
        record = visible_record(session, principal, values["record_id"])
        if not (principal.is_staff or is_owner(principal, record)):
            raise Forbidden(lazy_gettext(
                "Only a researcher of the owning organisation, or staff, may ask for "
                "IP-registration support for this result."))
        request = IpRequest(
            record_id=record.id, ip_type=values["ip_type"], applicant=values["applicant"],
            inventors=values["inventors"], requested_by=principal.user_id,
            state=workflows.load(MACHINE).initial, version=1)
        session.add(request)
        session.flush()
        engine.record_event(session, _subject(request), principal, kind="transition",
                            workflow=MACHINE, transition="request", to_state=request.state)
        notifications.queue_to_staff(session, "ip_request_decided", title=record.title,
                                     decision="mới gửi / new request", comment="",
                                     link=f"/ip-requests/{request.id}")
        return {"id": request.id, "state": request.state, "version": request.version}


def _subject(request: IpRequest) -> engine.Subject:
    return engine.Subject(IpRequest, "ip_request", request.id, "state", request.record_id)


def view(session, request: IpRequest, principal: Principal, lang: str = "vi") -> dict:
    machine = workflows.load(MACHINE)
    record = session.get(Record, request.record_id)
    events = session.scalars(select(Event).where(
        Event.subject_type == "ip_request", Event.subject_id == str(request.id),
    ).order_by(Event.at, Event.id))
    return {
        "id": request.id, "record_id": request.record_id, "record_title": record.title,
        "ip_type": request.ip_type, "applicant": request.applicant,
        "inventors": request.inventors, "state": request.state,
        "state_label": machine.state_label(request.state, lang), "version": request.version,
        "application_number": request.application_number,
        "filing_date": _iso(request.filing_date), "priority_date": _iso(request.priority_date),
        "grant_date": _iso(request.grant_date), "grant_number": request.grant_number,
        "granted_record_id": request.granted_record_id, "reason": request.reason,
        "deadlines": deadlines(request, lang),
        "allowed": engine.allowed_actions(machine, request.state,
                                          _relations(principal, request, record), lang),
        "history": engine.history(events),
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def get(services, request_id, principal: Principal, lang: str = "vi") -> dict:
    with services.sessions() as session:
        request, _ = _visible(session, principal, request_id)
        return view(session, request, principal, lang)


def list_for(services, principal: Principal, lang: str = "vi") -> list[dict]:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to see IP-registration requests."))
    with services.sessions() as session:
        rows = session.scalars(select(IpRequest).order_by(IpRequest.id.desc())).all()
        return [view(session, r, principal, lang) for r in rows
                if _relations(principal, r, session.get(Record, r.record_id))]


def run_transition(services, request_id, principal: Principal, body: dict,
                   lang: str = "vi") -> dict:
    with uow.unit_of_work(services) as session:
        request, record = _visible(session, principal, request_id)
        outcome = engine.run(session, workflows.load(MACHINE), _subject(request),
                             str(body.get("transition") or ""), body.get("version"),
                             principal, _relations(principal, request, record), body)
        session.refresh(request)
        _apply_fields(session, request, record, outcome)
        _follow_on_record(session, request, record)
        _notify(session, request, record, outcome)
    return get(services, request_id, principal, lang)


def _apply_fields(session, request: IpRequest, record: Record, outcome) -> None:
    values, name = outcome.fields, outcome.transition.name
    if name == "file":
        _check_application_number(session, request, values["application_number"])
        request.application_number = values["application_number"]
        request.filing_date = values["filing_date"]
        request.priority_date = values.get("priority_date")
    elif name == "grant":
        request.grant_date = values["grant_date"]
        request.grant_number = values.get("grant_number")
        request.granted_record_id = _granted_record(session, request, record)
    if outcome.transition.target in ("support_refused", "refused", "withdrawn", "lapsed",
                                     "invalidated"):
        request.reason = str(outcome.event.comment or "")


def _check_application_number(session, request: IpRequest, number: str) -> None:
    digit = vocabularies.load("ip_types")[request.ip_type]["type_digit"]
    if not number.startswith(f"{digit}-"):
        # Read now: the message is read after the transaction ends, the row detached.
        ip_types, ip_type = vocabularies.load("ip_types"), request.ip_type

        def common_noun(lang: str) -> str:  # "a patent ...", "số đơn sáng chế ..."
            label = ip_types.term_label(ip_type, lang)
            return label[:1].lower() + label[1:]

        raise Invalid({"application_number": [lazy_gettext(
            "A %(ip_type)s application number starts with %(digit)s- (got %(number)s).",
            ip_type=in_reader_language(common_noun),
            digit=digit, number=number)]})
    taken = session.scalar(select(IpRequest.id).where(
        IpRequest.application_number == number, IpRequest.id != request.id))
    if taken:
        raise Invalid({"application_number": [lazy_gettext("Already recorded on request %(id)s.",
                                                                    id=taken)]})


def _granted_record(session, request: IpRequest, source: Record) -> str:
    """Link the patent record of this application if the repository has it, else create it."""
    from repo_app.services.records import create_granted_record

    key = f"application:{request.application_number}"
    existing = session.scalar(select(Record).where(Record.natural_key == key))
    if existing is not None:
        existing.ip_status = "granted"
        return existing.id
    return create_granted_record(session, request, source, key).id


def _follow_on_record(session, request: IpRequest, record: Record) -> None:
    if request.state in RECORD_IP_STATUSES and record.ip_status != request.state:
        record.ip_status = request.state


def _notify(session, request: IpRequest, record: Record, outcome) -> None:
    if outcome.transition.name not in ("approve_support", "refuse_support"):
        return
    from repo_app.models import User

    requester = session.get(User, request.requested_by) if request.requested_by else None
    if requester is not None:
        notifications.queue(
            session, requester.email, "ip_request_decided", title=record.title,
            decision=outcome.transition.title("vi") + " / " + outcome.transition.title("en"),
            comment=outcome.event.comment, link=f"/ip-requests/{request.id}")
