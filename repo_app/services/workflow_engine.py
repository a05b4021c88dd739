"""One engine that runs any workflow machine declared in ``schemas/workflows/``.

It checks, in this order, what a person would want to be told first: that they must sign in
(401), that their role may not run the transition (403), that the subject changed since they
looked or is not in a state the transition leaves from (409), that a field is missing or wrong
(422). Then it moves the state with a compare-and-set ``UPDATE`` on the version and the state,
so of two people acting at once one wins and the other gets a 409, and it writes the event row
in the same transaction. Domain services (records, IP requests, inquiries) do the rest of the
change inside the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marshmallow import ValidationError
from sqlalchemy import update
from sqlalchemy.orm import Session

from repo_app.models import Event, Record, utcnow
from repo_app.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotAuthenticated,
    in_reader_language,
    lazy_gettext,
)
from repo_app.services.principal import Principal
from schemas import workflows
from schemas.transactions import TransactionSchema
from schemas.workflow_fields import payload_schema

PAYLOAD_SCHEMAS = {"transaction": TransactionSchema}


@dataclass(frozen=True)
class Subject:
    """Where a machine's state lives: a row of ``model`` with a state and a version column."""

    model: Any
    subject_type: str
    subject_id: Any
    state_column: str
    record_id: str | None = None

    def current(self, session: Session) -> tuple[str, int]:
        row = session.get(self.model, self.subject_id)
        session.refresh(row, [self.state_column, "version"])
        return getattr(row, self.state_column), row.version


@dataclass(frozen=True)
class Outcome:
    transition: workflows.Transition
    from_state: str
    version: int
    fields: dict
    event: Event


def allowed(machine: workflows.Machine, state: str, relations: set[str]) -> list:
    """The transitions someone holding ``relations`` may run from ``state``."""
    return [t for t in machine.leaving(state) if relations & set(t.roles)]


def allowed_actions(machine: workflows.Machine, state: str, relations: set[str],
                    lang: str = "vi") -> list[dict]:
    """What the API and the pages offer: the transitions one may run now, with their fields."""
    return [{"name": t.name, "to": t.target, "label": t.title(lang),
             "requires": list(t.requires), "optional": list(t.optional)}
            for t in allowed(machine, state, relations)]


def validate_fields(transition: workflows.Transition, payload: dict) -> dict:
    """The transition's fields, loaded and checked; Invalid names every field at fault."""
    errors, loaded = {}, {}
    own = {k: payload[k] for k in (*transition.requires, *transition.optional)
           if k in payload and payload[k] not in (None, "")}
    missing = [name for name in transition.requires if name not in own]
    if transition.schema:
        schema = PAYLOAD_SCHEMAS[transition.schema]()
        names = set(schema.fields) - {"record_id"}
        try:
            loaded.update(schema.load({k: v for k, v in own.items() if k in names},
                                      partial=("record_id",)))
        except ValidationError as error:
            errors.update(error.messages)
        own = {k: v for k, v in own.items() if k not in names}
    try:
        loaded.update(payload_schema(transition.requires, transition.optional).load(own))
    except ValidationError as error:
        errors.update(error.messages)
    for name in missing:
        errors.setdefault(name, [lazy_gettext("This field is required.")])
    if errors:
        raise Invalid(errors)
    return loaded


def run(session: Session, machine: workflows.Machine, subject: Subject, name: str,
        version: Any, principal: Principal, relations: set[str], payload: dict) -> Outcome:
    """Run transition ``name`` on ``subject`` for ``principal``; raise what is refused."""
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to change this."))
    transition = machine.transition(name)
    if transition is None:
        raise Invalid({"transition": [lazy_gettext("No transition %(name)s in %(workflow)s.",
                                                   name=repr(name), workflow=machine.name)]})
    title = in_reader_language(transition.title)
    if not relations & set(transition.roles):
        raise Forbidden(lazy_gettext("Your role may not run “%(transition)s”.", transition=title))
    state, current_version = subject.current(session)
    if not isinstance(version, int) or isinstance(version, bool):
        raise Invalid({"version": [lazy_gettext(
            "The version you last saw is required (a number).")]})
    if version != current_version:
        raise Conflict(lazy_gettext(
            "Someone changed this since you loaded it (version %(seen)s, now %(current)s); "
            "reload and try again.", seen=version, current=current_version))
    if state not in transition.sources:
        raise Conflict(lazy_gettext(
            "“%(transition)s” does not leave from the current state “%(state)s”.",
            transition=title,
            state=in_reader_language(lambda lang: machine.state_label(state, lang))))
    fields = validate_fields(transition, payload)
    comment = str(payload.get("comment") or "").strip()[:4000]
    _move(session, subject, state, current_version, transition.target)
    event = record_event(
        session, subject, principal, kind="transition", workflow=machine.name,
        transition=transition.name, from_state=state, to_state=transition.target,
        comment=comment, data=_jsonable(fields))
    return Outcome(transition, state, current_version + 1, fields, event)


def _move(session, subject: Subject, state: str, version: int, target: str) -> None:
    _compare_and_set(session, subject, version, state, {subject.state_column: target})


def bump_version(session, subject: Subject, version: int) -> None:
    """Claim the subject for a change that is not a transition (an edit): same rule, a stale
    version is refused."""
    _compare_and_set(session, subject, version, None, {})


def _compare_and_set(session, subject: Subject, version: int, state: str | None,
                     values: dict) -> None:
    """One ``UPDATE`` that raises the version only if it (and the state, when given) is still
    what the caller saw: of two writers, the second matches no row and gets 409."""
    model = subject.model
    values = {**values, "version": version + 1}
    if model is Record:
        values["updated_at"] = utcnow()  # the index follows the record
        session.info.setdefault("records_touched", set()).add(subject.subject_id)
    statement = update(model).where(model.__mapper__.primary_key[0] == subject.subject_id,
                                    model.version == version)
    if state is not None:
        statement = statement.where(getattr(model, subject.state_column) == state)
    result = session.execute(statement.values(**values)
                             .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        raise Conflict(lazy_gettext(
            "Someone changed this since you loaded it; reload and try again."))
    row = session.get(model, subject.subject_id)
    if row is not None:
        session.expire(row)


def record_event(session, subject: Subject, principal: Principal, *, kind: str,
                 workflow: str | None = None, transition: str | None = None,
                 from_state: str | None = None, to_state: str | None = None,
                 comment: str = "", data: dict | None = None) -> Event:
    event = Event(
        subject_type=subject.subject_type, subject_id=str(subject.subject_id),
        record_id=subject.record_id, workflow=workflow, kind=kind, transition=transition,
        from_state=from_state, to_state=to_state, actor_id=principal.user_id,
        actor_name=principal.name or principal.email, comment=comment, data=data or {},
        at=utcnow())
    session.add(event)
    return event


def _jsonable(values: dict) -> dict:
    return {key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in values.items()}


def history(events) -> list[dict]:
    return [
        {"transition": e.transition, "from": e.from_state, "to": e.to_state,
         "actor": e.actor_name, "at": e.at.isoformat(), "comment": e.comment,
         "kind": e.kind, "workflow": e.workflow, "data": e.data}
        for e in events
    ]
