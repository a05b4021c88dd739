"""Technology transactions: recorded by the workflow's transfers, by staff through the API, or
imported from the Department's spreadsheets. The tracker counts these rows, never a copy."""

from __future__ import annotations

import hashlib
import json

from marshmallow import ValidationError

from repo_app.models import Record, Transaction
from repo_app.services.errors import Invalid
from schemas.transactions import TransactionSchema


def fingerprint(values: dict) -> str:
    """The same transaction (date, value, form, origin, parties, record) gives the same hash,
    so importing a file twice imports nothing twice."""
    key = {name: values.get(name) for name in
           ("date", "value_vnd", "form", "includes_ip", "origin", "country", "parties",
            "record_id")}
    key["date"] = str(key["date"])
    key["parties"] = sorted(p.strip().casefold() for p in key["parties"] or [])
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()


def load_transaction(body: dict) -> dict:
    """The body loaded through TransactionSchema; Invalid names the fields at fault."""
    try:
        return TransactionSchema().load(body)
    except ValidationError as error:
        raise Invalid(error.messages) from None


def create_transaction(session, values: dict, *, source: str, created_by: int | None,
                       record_id: str | None = None) -> Transaction:
    """Store already validated ``values`` (see ``load_transaction``)."""
    record_id = record_id or values.get("record_id")
    if record_id is not None and session.get(Record, record_id) is None:
        raise Invalid({"record_id": [f"No record {record_id!r}."]})
    values = {**values, "record_id": record_id}
    row = Transaction(
        date=values["date"], value_vnd=values["value_vnd"], form=values["form"],
        includes_ip=values["includes_ip"], origin=values["origin"],
        country=values.get("country"), developed_country=values.get("developed_country"),
        parties=[p.strip() for p in values["parties"]], record_id=record_id, source=source,
        fingerprint=fingerprint(values), created_by=created_by)
    session.add(row)
    session.flush()
    return row


def as_dict(row: Transaction) -> dict:
    return {
        "id": row.id, "date": row.date.isoformat(), "value_vnd": row.value_vnd,
        "form": row.form, "includes_ip": row.includes_ip, "origin": row.origin,
        "country": row.country, "developed_country": row.developed_country,
        "parties": row.parties, "record_id": row.record_id, "source": row.source,
    }
