"""The commercialisation workflow of a result: its case, its transitions (the machine in
``schemas/workflows/commercialisation.json``), its support actions, and the transaction a
transfer creates."""

from __future__ import annotations

from datetime import date

from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy import select

from repo_app.models import CommercialisationCase, Event, Record, SupportAction
from repo_app.services import transactions, uow
from repo_app.services import workflow_engine as engine
from repo_app.services.access import relations, visible_record
from repo_app.services.errors import Forbidden, Invalid, NotAuthenticated, lazy_gettext
from repo_app.services.principal import Principal
from schemas import vocabularies, workflows

MACHINE = "commercialisation"


def subject(record: Record) -> engine.Subject:
    return engine.Subject(Record, "record", record.id, "commercialisation_status", record.id)


def _support_actions(session, record_id: str, lang: str) -> list[dict]:
    vocabulary = vocabularies.load("support_actions")
    rows = session.scalars(select(SupportAction).where(SupportAction.record_id == record_id)
                           .order_by(SupportAction.date, SupportAction.id))
    return [{"id": a.id, "type": a.type, "label": vocabulary.term_label(a.type, lang),
             "date": a.date.isoformat(), "note": a.note} for a in rows]


def _history(session, record_id: str) -> list[dict]:
    events = session.scalars(select(Event).where(
        Event.record_id == record_id, Event.subject_type == "record",
    ).order_by(Event.at, Event.id))
    return engine.history(events)


def _public_history(history: list[dict]) -> list[dict]:
    """What anyone may know of a result's path: which steps, and when. Who acted, their
    comments and a contract's terms (value, parties) stay with staff and the owner."""
    return [{"transition": h["transition"], "from": h["from"], "to": h["to"], "actor": "",
             "at": h["at"], "comment": "", "kind": h["kind"], "workflow": h["workflow"],
             "data": {}} for h in history if h["kind"] == "transition"]


def workflow_view(session, record: Record, principal: Principal, lang: str = "vi") -> dict:
    machine = workflows.load(MACHINE)
    state = record.commercialisation_status
    case = session.get(CommercialisationCase, record.id)
    insider = bool(relations(principal, record))
    history = _history(session, record.id)
    actions = _support_actions(session, record.id, lang)
    if not insider:
        history = _public_history(history)
        actions = [{**action, "note": ""} for action in actions]
    return {
        "state": state,
        "state_label": machine.state_label(state, lang),
        "version": record.version,
        "allowed": engine.allowed_actions(machine, state, relations(principal, record), lang),
        "case": {
            "owner": case.owner, "owner_label": vocabularies.load("department_units")
            .term_label(case.owner, lang), "due": case.due.isoformat(),
            "opened_at": case.opened_at.isoformat(),
        } if case else None,
        "support_actions": actions,
        "history": history,
    }


def get_workflow(services, record_id: str, principal: Principal, lang: str = "vi") -> dict:
    with services.sessions() as session:
        record = visible_record(session, principal, record_id)
        return workflow_view(session, record, principal, lang)


def run_transition(services, record_id: str, principal: Principal, body: dict,
                   lang: str = "vi") -> dict:
    with uow.unit_of_work(services) as session:
        record = visible_record(session, principal, record_id)
        apply_transition(session, record, principal, body)
    return get_workflow(services, record_id, principal, lang)


def apply_transition(session, record: Record, principal: Principal, body: dict):
    """Run a transition inside the caller's unit of work; a transfer creates its transaction."""
    outcome = engine.run(
        session, workflows.load(MACHINE), subject(record), str(body.get("transition") or ""),
        body.get("version"), principal, relations(principal, record), body)
    if outcome.transition.schema == "transaction":
        row = transactions.create_transaction(
            session, outcome.fields, source="workflow", created_by=principal.user_id,
            record_id=record.id)
        outcome.event.data = {**outcome.event.data, "transaction_id": row.id}
    return outcome


class SupportActionSchema(Schema):
    type = fields.String(required=True)
    date = fields.Date(required=True)
    note = fields.String(load_default="", validate=validate.Length(max=4000))


def add_support_action(services, record_id: str, principal: Principal, body: dict) -> dict:
    """Staff record what the Department did for a result; it counts as supported from then."""
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to record a support action."))
    if not principal.is_staff:
        raise Forbidden(lazy_gettext("Only Department staff record support actions."))
    try:
        values = SupportActionSchema().load(body or {})
    except ValidationError as error:
        raise Invalid(error.messages) from None
    if values["type"] not in vocabularies.load("support_actions"):
        raise Invalid({"type": [lazy_gettext("Not a support action: %(value)s.",
                                                    value=repr(values["type"]))]})
    if values["date"] > date.today():
        raise Invalid({"date": [lazy_gettext("A support action is recorded once it happened.")]})
    with uow.unit_of_work(services) as session:
        record = visible_record(session, principal, record_id)
        action = SupportAction(record_id=record.id, type=values["type"], date=values["date"],
                               note=values["note"].strip(), actor_id=principal.user_id)
        session.add(action)
        session.flush()
        engine.record_event(session, subject(record), principal, kind="support_action",
                            comment=action.note, data={"type": action.type,
                                                       "date": action.date.isoformat(),
                                                       "support_action_id": action.id})
        return {"id": action.id, "type": action.type, "date": action.date.isoformat(),
                "note": action.note, "record_id": record.id}
