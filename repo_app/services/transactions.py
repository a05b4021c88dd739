"""Technology transactions: recorded by the workflow's transfers, by staff through the API, or
imported from the Department's spreadsheets. The tracker counts these rows, never a copy."""

from __future__ import annotations

import hashlib
import json

from marshmallow import ValidationError
from sqlalchemy import func, select

from repo_app.models import Record, Transaction
from repo_app.services.errors import Invalid, lazy_gettext
from schemas.transactions import FORMS, ORIGINS, TransactionSchema


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
        raise Invalid({"record_id": [lazy_gettext("No record %(id)s.", id=repr(record_id))]})
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


# -- Listing -----------------------------------------------------------------------------------

MAX_PAGE_SIZE = 100_000  # one answer at most (an export); the API's pages ask for 500 at most
LIST_FILTERS = ("year", "date_from", "date_to", "form", "origin", "includes_ip",
                "developed_country", "record_id", "party", "source")
_TRUE = {"true", "1", "yes", "có", "co", "x"}
_FALSE = {"false", "0", "no", "không", "khong"}


def parse_bool(raw, name: str) -> bool | None:
    """``true``/``false`` (also 1/0, yes/no, có/không); blank is None."""
    if raw is None or isinstance(raw, bool):
        return raw
    text = str(raw).strip().casefold()
    if text == "":
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise Invalid({name: [lazy_gettext("Not a yes/no value: %(value)s.",
                                       value=repr(str(raw)[:40]))]})


def list_filters(args) -> dict:
    """The filters of ``list_transactions`` parsed from query arguments (a Mapping or a
    MultiDict); Invalid names the argument at fault."""
    from datetime import date as Date

    filters: dict = {}
    errors: dict = {}
    for name in ("date_from", "date_to"):
        if args.get(name):
            try:
                filters[name] = Date.fromisoformat(args[name])
            except ValueError:
                errors[name] = [lazy_gettext("A date as YYYY-MM-DD.")]
    if args.get("year"):
        if not str(args["year"]).isdigit() or not 1900 <= int(args["year"]) <= 2100:
            errors["year"] = [lazy_gettext("A year such as 2024.")]
        else:
            filters["year"] = int(args["year"])
    for name, allowed in (("form", FORMS), ("origin", ORIGINS)):
        if args.get(name):
            if args[name] not in allowed:
                errors[name] = [lazy_gettext("One of: %(choices)s.",
                                                choices=", ".join(allowed))]
            else:
                filters[name] = args[name]
    for name in ("includes_ip", "developed_country"):
        try:
            value = parse_bool(args.get(name), name)
        except Invalid as error:
            errors.update(error.fields)
        else:
            if value is not None:
                filters[name] = value
    for name in ("record_id", "party", "source"):
        if args.get(name):
            filters[name] = str(args[name]).strip()[:300]
    if errors:
        raise Invalid(errors)
    return filters


def filtered(statement, filters: dict):
    """``statement`` (a select over Transaction) narrowed by ``filters``."""
    from datetime import date as Date

    from sqlalchemy import String, cast

    if "year" in filters:
        statement = statement.where(
            Transaction.date >= Date(filters["year"], 1, 1),
            Transaction.date <= Date(filters["year"], 12, 31))
    if "date_from" in filters:
        statement = statement.where(Transaction.date >= filters["date_from"])
    if "date_to" in filters:
        statement = statement.where(Transaction.date <= filters["date_to"])
    for name in ("form", "origin", "includes_ip", "developed_country", "record_id", "source"):
        if name in filters:
            statement = statement.where(getattr(Transaction, name) == filters[name])
    if filters.get("party"):
        # Party names are a JSON list: a case-insensitive match on its text.
        pattern = "%" + filters["party"].replace("\\", "").replace("%", "").lower() + "%"
        statement = statement.where(func.lower(cast(Transaction.parties, String)).like(pattern))
    return statement


def list_transactions(session, filters: dict | None = None, *, page: int = 1,
                      size: int = 50) -> dict:
    """One page of transactions, newest first, with the total and the sum of values."""
    filters = filters or {}
    size = max(1, min(size, MAX_PAGE_SIZE))
    page = max(1, page)
    totals = session.execute(filtered(
        select(func.count(Transaction.id), func.coalesce(func.sum(Transaction.value_vnd), 0)),
        filters)).one()
    rows = session.scalars(
        filtered(select(Transaction), filters)
        .order_by(Transaction.date.desc(), Transaction.id.desc())
        .offset((page - 1) * size).limit(size)).all()
    return {"total": totals[0], "value_vnd": int(totals[1]), "page": page, "size": size,
            "items": [as_dict(row) for row in rows]}


def existing_fingerprints(session, fingerprints) -> set[str]:
    wanted = list(set(fingerprints))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found.update(session.scalars(select(Transaction.fingerprint).where(
            Transaction.fingerprint.in_(wanted[start:start + 500]))))
    return found


def transactions_for(services, principal, filters: dict, *, page: int = 1,
                     size: int = 50) -> dict:
    """The transactions list as staff see it (the trade figures are the Department's)."""
    from repo_app.services.access import require_staff

    require_staff(principal, lazy_gettext(
        "Only Department staff may read the technology transactions."))
    with services.sessions() as session:
        return list_transactions(session, filters, page=page, size=size)


def record_transaction(services, principal, body: dict) -> dict:
    """A transaction entered by staff (``POST /api/v1/transactions``)."""
    from repo_app.services import uow
    from repo_app.services.access import require_staff

    require_staff(principal, lazy_gettext(
        "Only Department staff may record technology transactions."))
    if not isinstance(body, dict):
        raise Invalid({"body": [lazy_gettext("A JSON object with the transaction's fields.")]})
    values = load_transaction(body)
    with uow.unit_of_work(services) as session:
        return as_dict(create_transaction(session, values, source="api",
                                          created_by=principal.user_id))
