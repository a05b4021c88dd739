"""OAI-PMH 2.0: the protocol's rules over the database of record (``oai_xml`` writes the XML).

What is harvested is exactly what the public sees (``access.can_see`` with the anonymous
principal, through ``public_view.record_view``). A record that stops being public (restricted,
its registration no longer accepted, or removed) gets a tombstone in ``oai_tombstones`` at the
moment it changes and is announced from then on as a ``status="deleted"`` header, never as a
record (``deletedRecord`` = persistent).

Tombstones are written by listeners on the ``Record`` mapper (``follow_records``, started with
every ``Services.sessions``), not by each service that moves access: registration, the
workflows, staff edits and a re-sent document all change the same two columns, and the listener
sees every flush of them, in the site, the CLI or a worker, so no new path can forget it.
Computing them when harvested instead could not tell a record harvesters saw from a draft that
never was public (whose existence must stay unknown), nor remember a removed row.

Lists are ordered by (datestamp, id) and paged by stateless resumption tokens: the arguments
and the last (datestamp, id) sent, signed with the app's secret key, with an expiry. They
survive a restart and need no table; a changed or expired one is ``badResumptionToken``.

Of the standard's errors, ``noSetHierarchy`` is never answered (sets are supported) and
``noMetadataFormats`` only for a deleted item: both formats are made from every public record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import and_, delete, event, func, inspect, or_, select

from repo_app.models import OaiTombstone, Record
from repo_app.services.access import can_see
from repo_app.services.principal import ANONYMOUS
from repo_app.services.public_view import record_view
from schemas import vocabularies

PAGE_SIZE = 100
SCAN_BATCH = 500
TOKEN_LIFETIME = timedelta(hours=24)
DEFAULT_REPOSITORY_ID = "kho-ket-qua-khcn.local"
REPOSITORY_ID_PATTERN = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")

OAI_DC = "oai_dc"
KQKHCN = "oai_kqkhcn"
METADATA_FORMATS = {
    OAI_DC: {
        "schema": "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        "namespace": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    },
    KQKHCN: {
        "schema": None,  # served by the site itself: ``Site.kqkhcn_schema``
        "namespace": "urn:kho-ket-qua-khcn:record:1.0",
    },
}

# verb -> (required arguments, optional arguments, exclusive argument)
VERBS = {
    "Identify": ((), (), None),
    "ListMetadataFormats": ((), ("identifier",), None),
    "ListSets": ((), (), "resumptionToken"),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "GetRecord": (("identifier", "metadataPrefix"), (), None),
}
# Set families: spec prefix -> the vocabulary of its members.
SET_FAMILIES = {"kind": "kinds", "field": "fields_of_science", "sector": "sectors"}
SET_FAMILY_NAMES = {
    "kind": "Loại kết quả / Kind",
    "field": "Lĩnh vực KH&CN / Field of science",
    "sector": "Ngành, sản phẩm / Sector",
}


class OaiError(Exception):
    """A protocol error: ``code`` is one the standard defines."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Site:
    """What the protocol needs of the site: where it is and who runs it."""

    base_url: str  # the /oai endpoint
    record_url: str  # with "{id}"
    kqkhcn_schema: str
    repository_id: str = DEFAULT_REPOSITORY_ID
    admin_email: str = f"admin@{DEFAULT_REPOSITORY_ID}"
    name: str = "Kho kết quả KH&CN"


@dataclass
class Answer:
    """A verb's answer, for ``oai_xml.response``: the echoed request arguments, and either the
    error(s) or the verb's payload."""

    verb: str | None
    arguments: dict = field(default_factory=dict)
    errors: list[OaiError] = field(default_factory=list)
    payload: dict = field(default_factory=dict)


# -- Time ------------------------------------------------------------------------------------


def utc(moment: datetime) -> datetime:
    """A database datetime as aware UTC (SQLite gives it back naive)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def datestamp(moment: datetime) -> str:
    return utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datestamp(text: str, name: str) -> tuple[datetime, str]:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDThh:mm:ssZ`` -> (moment, granularity)."""
    for pattern, granularity in (("%Y-%m-%dT%H:%M:%SZ", "seconds"), ("%Y-%m-%d", "day")):
        try:
            moment = datetime.strptime(text, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
        if len(text) == (20 if granularity == "seconds" else 10):
            return moment, granularity
    raise OaiError("badArgument", f"'{name}' must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC).")


# -- Tombstones ------------------------------------------------------------------------------


def set_specs(record) -> list[str]:
    """The sets a record (a row or a namespace with its columns and ``data``) belongs to."""
    specs = []
    if record.kind:
        specs += ["kind", f"kind:{record.kind}"]
    data = record.data or {}
    field_key = data.get("field_of_science")
    if field_key:
        specs.append("field")
        fields = vocabularies.load("fields_of_science")
        while field_key and f"field:{field_key}" not in specs:
            specs.append(f"field:{field_key}")
            field_key = fields.get(field_key, {}).get("parent")
    sectors = [s for s in data.get("sectors") or [] if s]
    if sectors:
        specs.append("sector")
        specs += [f"sector:{sector}" for sector in dict.fromkeys(sectors)]
    return specs


def _as_it_was(record: Record) -> SimpleNamespace:
    """The record's columns before this flush (what the public saw until now)."""
    state = inspect(record)
    before = {}
    for name in ("registration_state", "access_level", "kind", "data", "organisation_key",
                 "created_by"):
        history = state.attrs[name].history
        before[name] = history.deleted[0] if history.deleted else getattr(record, name)
    return SimpleNamespace(**before)


def _public(record) -> bool:
    return can_see(ANONYMOUS, record)


def _withdrawn_reason(record: Record | None) -> str:
    if record is None:
        return "removed"
    return "restricted" if record.access_level == "restricted" else "unpublished"


def _after_update(_mapper, connection, record: Record) -> None:
    was, now = _as_it_was(record), record
    if _public(now):
        if not _public(was):  # public again: a record once more
            connection.execute(delete(OaiTombstone).where(OaiTombstone.record_id == record.id))
    elif _public(was):
        _bury(connection, record.id, set_specs(was), _withdrawn_reason(record))


def _after_insert(_mapper, connection, record: Record) -> None:
    if _public(record):
        connection.execute(delete(OaiTombstone).where(OaiTombstone.record_id == record.id))


def _after_delete(_mapper, connection, record: Record) -> None:
    was = _as_it_was(record)
    if _public(was):
        _bury(connection, record.id, set_specs(was), "removed")


LISTENERS = (("after_update", _after_update), ("after_insert", _after_insert),
             ("after_delete", _after_delete))


def follow_records() -> None:
    """Keep tombstones from now on, in this process, whatever session changes a record.
    Called where the sessions are made, so the site, the CLI and the workers all do."""
    for name, listener in LISTENERS:
        if not event.contains(Record, name, listener):
            event.listen(Record, name, listener)


def _bury(connection, record_id: str, specs: list[str], reason: str) -> None:
    connection.execute(delete(OaiTombstone).where(OaiTombstone.record_id == record_id))
    connection.execute(OaiTombstone.__table__.insert().values(
        record_id=record_id, deleted_at=datetime.now(UTC), set_specs=specs, reason=reason))


# -- Resumption tokens -----------------------------------------------------------------------


def _serializer(secret_key: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key, salt="oai-pmh-resumption")


def make_token(secret_key: str, query: dict, last: tuple[datetime, str], cursor: int,
               now: datetime) -> tuple[str, datetime]:
    expires = now + TOKEN_LIFETIME
    payload = {**query, "after": [utc(last[0]).isoformat(), last[1]], "cursor": cursor,
               "expires": int(expires.timestamp())}
    return _serializer(secret_key).dumps(payload), expires


def read_token(secret_key: str, token: str, verb: str, now: datetime) -> dict:
    try:
        payload = _serializer(secret_key).loads(token)
    except BadSignature:
        raise OaiError("badResumptionToken", "This resumption token is not one of ours.") \
            from None
    if not isinstance(payload, dict) or payload.get("verb") != verb:
        raise OaiError("badResumptionToken", f"This resumption token is not for {verb}.")
    if payload.get("expires", 0) < now.timestamp():
        raise OaiError("badResumptionToken",
                       "This resumption token has expired: start the list again.")
    after_stamp, after_id = payload["after"]
    payload["after"] = (datetime.fromisoformat(after_stamp), after_id)
    return payload


# -- The protocol ----------------------------------------------------------------------------


def answer(services, site: Site, args, now: datetime | None = None) -> Answer:
    """Answer one request. ``args``: a werkzeug MultiDict (GET query or POST form)."""
    now = now or datetime.now(UTC)
    verbs = args.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        what = "is missing" if not verbs else "is repeated" if len(verbs) > 1 else \
            f"{verbs[0][:40]!r} is not one"
        return Answer(None, errors=[OaiError("badVerb", f"The verb {what} of the six verbs.")])
    verb = verbs[0]
    try:
        arguments = _checked_arguments(verb, args)
    except OaiError as error:
        return Answer(verb, errors=[error])
    handler = {
        "Identify": _identify, "ListMetadataFormats": _list_metadata_formats,
        "ListSets": _list_sets, "GetRecord": _get_record,
        "ListIdentifiers": _list, "ListRecords": _list,
    }[verb]
    try:
        payload = handler(services, site, verb, arguments, now)
    except OaiError as error:
        return Answer(verb, arguments, errors=[error])
    return Answer(verb, arguments, payload=payload)


def _checked_arguments(verb: str, args) -> dict:
    required, optional, exclusive = VERBS[verb]
    allowed = {"verb", *required, *optional, *([exclusive] if exclusive else [])}
    arguments = {}
    for name in args:
        values = args.getlist(name)
        if name not in allowed:
            raise OaiError("badArgument", f"{verb} takes no argument {name[:40]!r}.")
        if len(values) > 1:
            raise OaiError("badArgument", f"The argument {name!r} is repeated.")
        if name != "verb":
            arguments[name] = values[0]
    if exclusive and exclusive in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", f"{exclusive} is an exclusive argument.")
        return arguments
    missing = [name for name in required if not arguments.get(name)]
    if missing:
        raise OaiError("badArgument", f"{verb} needs {', '.join(missing)}.")
    return arguments


def _earliest(session) -> datetime | None:
    stamps = [session.scalar(select(func.min(Record.updated_at))),
              session.scalar(select(func.min(OaiTombstone.deleted_at)))]
    stamps = [utc(stamp) for stamp in stamps if stamp is not None]
    return min(stamps) if stamps else None


def _identify(services, site, _verb, _arguments, now) -> dict:
    with services.sessions() as session:
        earliest = _earliest(session) or now
    return {"earliest": datestamp(earliest)}


def record_id_of(site: Site, identifier: str) -> str:
    prefix = f"oai:{site.repository_id}:"
    if not identifier.startswith(prefix) or len(identifier) == len(prefix):
        raise OaiError("idDoesNotExist", f"No item {identifier[:120]!r} in this repository.")
    return identifier[len(prefix):]


def identifier_of(site: Site, record_id: str) -> str:
    return f"oai:{site.repository_id}:{record_id}"


def _existing_item(session, site, identifier: str):
    """The public record, or its tombstone, or idDoesNotExist."""
    record_id = record_id_of(site, identifier)
    record = session.get(Record, record_id)
    if record is not None and _public(record):
        return record
    tombstone = session.get(OaiTombstone, record_id)
    if tombstone is not None:
        return tombstone
    raise OaiError("idDoesNotExist", f"No item {identifier[:120]!r} in this repository.")


def _list_metadata_formats(services, site, _verb, arguments, _now) -> dict:
    if "identifier" in arguments:
        with services.sessions() as session:
            found = _existing_item(session, site, arguments["identifier"])
        if isinstance(found, OaiTombstone):
            # A deleted item is disseminated in no format any more.
            raise OaiError("noMetadataFormats", "This item is deleted: it has no metadata.")
    return {"formats": [
        {"prefix": prefix, "namespace": spec["namespace"],
         "schema": spec["schema"] or site.kqkhcn_schema}
        for prefix, spec in METADATA_FORMATS.items()
    ]}


def all_sets() -> list[dict]:
    sets = []
    for family, vocabulary_name in SET_FAMILIES.items():
        sets.append({"spec": family, "name": SET_FAMILY_NAMES[family]})
        vocabulary = vocabularies.load(vocabulary_name)
        for key in vocabulary:
            vi, en = vocabulary.term_label(key, "vi"), vocabulary.term_label(key, "en")
            name = vi if vi == en else f"{vi} / {en}"
            sets.append({"spec": f"{family}:{key}", "name": name})
    return sets


def _list_sets(_services, _site, _verb, arguments, _now) -> dict:
    if "resumptionToken" in arguments:
        raise OaiError("badResumptionToken", "The list of sets is given whole: no token.")
    return {"sets": all_sets()}


def _check_prefix(prefix: str) -> None:
    if prefix not in METADATA_FORMATS:
        raise OaiError("cannotDisseminateFormat",
                       f"No metadata format {prefix[:40]!r}: use {', '.join(METADATA_FORMATS)}.")


def item(site: Site, row, prefix: str | None) -> dict:
    """A header (and metadata, when ``prefix``) of a record row or a tombstone."""
    if isinstance(row, OaiTombstone):
        return {"identifier": identifier_of(site, row.record_id),
                "datestamp": datestamp(row.deleted_at), "sets": list(row.set_specs or []),
                "deleted": True}
    found = {"identifier": identifier_of(site, row.id), "datestamp": datestamp(row.updated_at),
             "sets": set_specs(row), "deleted": False}
    if prefix:
        found["prefix"] = prefix
        found["record"] = record_view(row, ANONYMOUS)
        found["record"].pop("full_text", None)
    return found


def _get_record(services, site, _verb, arguments, _now) -> dict:
    _check_prefix(arguments["metadataPrefix"])
    with services.sessions() as session:
        row = _existing_item(session, site, arguments["identifier"])
        return {"item": item(site, row, arguments["metadataPrefix"])}


def _list(services, site, verb, arguments, now) -> dict:
    secret = services.secret_key
    if "resumptionToken" in arguments:
        query = read_token(secret, arguments["resumptionToken"], verb, now)
    else:
        query = _new_query(verb, arguments)
    _check_prefix(query["prefix"])
    start = datetime.fromisoformat(query["from"]) if query.get("from") else None
    end = datetime.fromisoformat(query["until"]) if query.get("until") else None
    with services.sessions() as session:
        rows = _rows(session, start, end, query.get("set"), query.get("after"))
        page = []
        for row in rows:
            page.append(row)
            if len(page) > PAGE_SIZE:
                break
        more = len(page) > PAGE_SIZE
        page = page[:PAGE_SIZE]
        cursor = query.get("cursor", 0)
        if not page:
            # Also when a list's remaining items all left its bounds since the last page (an
            # empty list is not valid OAI-PMH).
            raise OaiError("noRecordsMatch", "No records match these arguments.")
        prefix = query["prefix"] if verb == "ListRecords" else None
        items = [item(site, row, prefix) for row in page]
    payload = {"items": items}
    if more:
        token, expires = make_token(secret, {k: v for k, v in query.items()
                                             if k in ("verb", "prefix", "from", "until", "set")},
                                    _key(page[-1]), cursor + len(page), now)
        payload["token"] = {"value": token, "expires": datestamp(expires), "cursor": cursor}
    elif "resumptionToken" in arguments:
        # The last page of a list: an empty token says the list is complete.
        payload["token"] = {"value": "", "cursor": cursor}
    return payload


def _new_query(verb: str, arguments: dict) -> dict:
    query = {"verb": verb, "prefix": arguments["metadataPrefix"]}
    bounds = {}
    for name in ("from", "until"):
        if arguments.get(name):
            bounds[name] = parse_datestamp(arguments[name], name)
    if len({granularity for _, granularity in bounds.values()}) > 1:
        raise OaiError("badArgument", "'from' and 'until' must have the same granularity.")
    if "from" in bounds:
        query["from"] = bounds["from"][0].isoformat()
    if "until" in bounds:
        moment, granularity = bounds["until"]
        # Inclusive: the whole second (or day) it names.
        step = timedelta(days=1) if granularity == "day" else timedelta(seconds=1)
        query["until"] = (moment + step).isoformat()
    if "from" in query and "until" in query and query["from"] >= query["until"]:
        raise OaiError("badArgument", "'from' is later than 'until'.")
    if arguments.get("set"):
        known = {entry["spec"] for entry in all_sets()}
        if arguments["set"] not in known:
            raise OaiError("noRecordsMatch", f"No set {arguments['set'][:80]!r}.")
        query["set"] = arguments["set"]
    return query


def _key(row) -> tuple[datetime, str]:
    if isinstance(row, OaiTombstone):
        return utc(row.deleted_at), row.record_id
    return utc(row.updated_at), row.id


def _rows(session, start, end, set_spec, after):
    """Public records and tombstones in (datestamp, id) order, merged lazily."""
    records = _scan(session, Record, Record.updated_at, Record.id, start, end, set_spec, after)
    tombs = _scan(session, OaiTombstone, OaiTombstone.deleted_at, OaiTombstone.record_id,
                  start, end, set_spec, after)
    next_record, next_tomb = next(records, None), next(tombs, None)
    while next_record is not None or next_tomb is not None:
        if next_tomb is None or (next_record is not None
                                 and _key(next_record) <= _key(next_tomb)):
            yield next_record
            next_record = next(records, None)
        else:
            yield next_tomb
            next_tomb = next(tombs, None)


def _scan(session, model, stamp, ident, start, end, set_spec, after):
    """Rows of ``model`` in (stamp, id) order within the bounds, after ``after``, in batches;
    records only when public, tombstones only when their record is not public again."""
    conditions = []
    if start is not None:
        conditions.append(stamp >= start)
    if end is not None:
        conditions.append(stamp < end)
    if model is Record and set_spec and set_spec.startswith("kind:"):
        conditions.append(Record.kind == set_spec.removeprefix("kind:"))
    position = after
    while True:
        statement = select(model).where(*conditions)
        if position is not None:
            moment, last_id = position
            statement = statement.where(or_(stamp > moment,
                                            and_(stamp == moment, ident > last_id)))
        batch = session.scalars(statement.order_by(stamp, ident).limit(SCAN_BATCH)).all()
        for row in batch:
            if _belongs(session, row, set_spec):
                yield row
        if len(batch) < SCAN_BATCH:
            return
        position = _key(batch[-1])


def _belongs(session, row, set_spec) -> bool:
    if isinstance(row, OaiTombstone):
        if set_spec and set_spec not in (row.set_specs or []):
            return False
        current = session.get(Record, row.record_id)
        return current is None or not _public(current)
    if not _public(row):
        return False
    return not set_spec or set_spec in set_specs(row)
