"""The fields a workflow transition may require or take, by name: one definition each, so that
every machine that names ``comment`` or ``filing_date`` validates it the same way."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.records import APPLICATION_NUMBER

_text = validate.Length(min=1, max=4000)

FIELDS = {
    "comment": lambda required: fields.String(required=required, validate=_text),
    "registration_number": lambda required: fields.String(
        required=required, validate=validate.Length(min=1, max=60)),
    "application_number": lambda required: fields.String(
        required=required, validate=validate.Regexp(
            APPLICATION_NUMBER, error="Expected an application number T-YYYY-NNNNN.")),
    "filing_date": lambda required: fields.Date(required=required),
    "priority_date": lambda required: fields.Date(required=required, allow_none=True),
    "event_date": lambda required: fields.Date(required=required, allow_none=True),
    "grant_date": lambda required: fields.Date(required=required),
    "grant_number": lambda required: fields.String(
        required=required, allow_none=True, validate=validate.Length(min=1, max=40)),
}


def payload_schema(requires: tuple[str, ...], optional: tuple[str, ...]) -> Schema:
    """A schema for a transition's own fields (names outside ``FIELDS`` are left to the
    transition's named payload schema)."""
    declared = {name: FIELDS[name](True) for name in requires if name in FIELDS}
    declared.update({name: FIELDS[name](False) for name in optional
                     if name in FIELDS and name not in declared})
    return Schema.from_dict(declared)()
