"""Technology offers: what enterprises read about a result they could license.

Staff write an offer from a draft the system fills from the record (a plain-language summary
from the abstract, the sectors it applies to, TRL, IP status, what is offered, the contact),
then save it and publish it. Only a result that reached ``ready_to_offer`` in the
commercialisation workflow (or a later state on the way to a transfer) gets an offer; a
published offer is public as long as its record is.
"""

from __future__ import annotations

import re

from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy import select, update

from repo_app.models import Record, TechnologyOffer, utcnow
from repo_app.services import uow
from repo_app.services import workflow_engine as engine
from repo_app.services.access import can_see, relations, visible_record
from repo_app.services.commercialisation import subject
from repo_app.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotAuthenticated,
    NotFound,
    in_reader_language,
    lazy_gettext,
)
from repo_app.services.principal import ANONYMOUS, Principal
from schemas import vocabularies

OFFERED = ("licence", "assignment", "cooperation")
# ``ready_to_offer`` and the states a result reaches after it while it is still on offer or
# being transferred. A result declared not commercialisable or withdrawn gets no offer.
OFFERABLE = ("ready_to_offer", "valuation", "rights_decision", "auto_owned_by_host",
             "negotiation", "transferred", "applied")
# Still available to an enterprise: listed on the offers page.
AVAILABLE = ("ready_to_offer", "valuation", "rights_decision", "auto_owned_by_host",
             "negotiation")
SUMMARY_SENTENCES = 3
SUMMARY_CHARS = 900


class OfferSchema(Schema):
    summary = fields.String(required=True, validate=validate.Length(min=20, max=5000))
    benefits = fields.String(load_default="", validate=validate.Length(max=5000))
    applications = fields.String(load_default="", validate=validate.Length(max=5000))
    offered = fields.List(fields.String(validate=validate.OneOf(OFFERED)),
                          required=True, validate=validate.Length(min=1))
    contact = fields.String(load_default="", validate=validate.Length(max=300))


def plain_summary(abstract: str | None) -> str:
    """The first sentences of the abstract, without the report's boilerplate line breaks."""
    text = re.sub(r"\s+", " ", abstract or "").strip()
    if not text:
        return ""
    sentences = re.split(r"(?<=[.!?…])\s+", text)
    summary = ""
    for sentence in sentences[:SUMMARY_SENTENCES]:
        if summary and len(summary) + len(sentence) > SUMMARY_CHARS:
            break
        summary = f"{summary} {sentence}".strip()
    return summary[:SUMMARY_CHARS]


def _facts(record: Record, lang: str) -> dict:
    """What the offer page shows from the record itself (kept there, never copied)."""
    data = record.data
    return {
        "record_id": record.id, "title": record.title, "title_en": data.get("title_en"),
        "host_organisation": data.get("host_organisation"), "trl": data.get("trl"),
        "trl_label": vocabularies.load("trl").term_label(str(data.get("trl")), lang)
        if data.get("trl") else None,
        "ip_status": record.ip_status,
        "ip_status_label": vocabularies.load("ip_statuses").term_label(record.ip_status, lang),
        "state": record.commercialisation_status,
        "state_label": vocabularies.load("commercialisation_statuses")
        .term_label(record.commercialisation_status, lang),
        "available": record.commercialisation_status in AVAILABLE,
        "sectors": [vocabularies.load("sectors").term_label(s, lang)
                    for s in data.get("sectors") or []],
    }


def _offer_dict(offer: TechnologyOffer) -> dict:
    return {"summary": offer.summary, "benefits": offer.benefits,
            "applications": offer.applications, "offered": list(offer.offered or []),
            "contact": offer.contact, "published": offer.published,
            "updated_at": offer.updated_at.isoformat() if offer.updated_at else None}


def _prefill(record: Record, lang: str) -> dict:
    data = record.data
    sectors = [vocabularies.load("sectors").term_label(s, lang) for s in data.get("sectors") or []]
    return {"summary": plain_summary(data.get("abstract")),
            "benefits": "", "applications": "; ".join(sectors), "offered": ["licence"],
            "contact": data.get("host_organisation") or "", "published": False,
            "updated_at": None}


def _require_staff(principal: Principal) -> None:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to write a technology offer."))
    if not principal.is_staff:
        raise Forbidden(lazy_gettext("Technology offers are written by Department staff."))


def _check_offerable(record: Record) -> None:
    if record.commercialisation_status not in OFFERABLE:
        # Read now: the message is read after the session ends, the row detached.
        statuses, status = (vocabularies.load("commercialisation_statuses"),
                            record.commercialisation_status)
        raise Conflict(lazy_gettext(
            "Only a result ready to offer (or further on in its commercialisation) gets a "
            "technology offer; it is now “%(status)s”.",
            status=in_reader_language(lambda lang: statuses.term_label(status, lang))))


def draft(services, principal: Principal, record_id: str, lang: str = "vi") -> dict:
    """The offer as saved, or a draft filled from the record: for the staff edit form."""
    _require_staff(principal)
    with services.sessions() as session:
        record = visible_record(session, principal, record_id)
        _check_offerable(record)
        offer = session.get(TechnologyOffer, record.id)
        return {**_facts(record, lang), "offer": _offer_dict(offer) if offer else
                _prefill(record, lang), "saved": offer is not None}


def _claim(session, offer: TechnologyOffer, seen: str | None) -> None:
    """An edit names the version of the offer it started from (``seen``, its ``updated_at``);
    of two staff saving at once, or one saving over a newer version, the later gets 409."""
    current = offer.updated_at.isoformat() if offer.updated_at else None
    if seen is not None and seen != current:
        raise Conflict(lazy_gettext(
            "Someone saved this offer since you opened it; reload to see it."))
    claimed = session.execute(
        update(TechnologyOffer)
        .where(TechnologyOffer.record_id == offer.record_id,
               TechnologyOffer.updated_at == offer.updated_at)
        .values(updated_at=utcnow()).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        raise Conflict(lazy_gettext(
            "Someone saved this offer at the same moment; reload to see it."))
    session.refresh(offer)


def save(services, principal: Principal, record_id: str, body: dict,
         publish: bool | None = None) -> dict:
    """Staff save the offer; ``publish`` True publishes it, False withdraws it from the
    public, None keeps it as it was. Returns the saved offer."""
    _require_staff(principal)
    try:
        values = OfferSchema().load({k: v for k, v in (body or {}).items()
                                     if k in OfferSchema().fields})
    except ValidationError as error:
        raise Invalid(error.messages) from None
    with uow.unit_of_work(services) as session:
        record = visible_record(session, principal, record_id)
        _check_offerable(record)
        offer = session.get(TechnologyOffer, record.id)
        created = offer is None
        if not created:
            _claim(session, offer, (body or {}).get("seen"))
        if created:
            offer = TechnologyOffer(record_id=record.id, published=False)
            session.add(offer)
        was_published = bool(offer.published)
        offer.summary = values["summary"].strip()
        offer.benefits = values["benefits"].strip()
        offer.applications = values["applications"].strip()
        offer.offered = list(dict.fromkeys(values["offered"]))
        offer.contact = values["contact"].strip()
        if publish is not None:
            offer.published = bool(publish)
        offer.updated_at = utcnow()
        action = ("publish" if offer.published and not was_published else
                  "unpublish" if was_published and not offer.published else "edit")
        engine.record_event(session, subject(record), principal, kind="offer",
                            transition=f"offer_{action}", data={"published": offer.published})
        session.flush()
        return _offer_dict(offer)


def get(services, principal: Principal, record_id: str, lang: str = "vi") -> dict:
    """A published offer, with the record's facts; staff also see an unpublished one."""
    with services.sessions() as session:
        record = session.get(Record, record_id)
        offer = session.get(TechnologyOffer, record_id)
        if record is None or offer is None or not can_see(principal, record):
            raise NotFound(lazy_gettext("No technology offer for %(id)s.", id=repr(record_id)))
        if not offer.published and not principal.is_staff:
            raise NotFound(lazy_gettext("No technology offer for %(id)s.", id=repr(record_id)))
        return {**_facts(record, lang), "offer": _offer_dict(offer)}


def for_record(services, principal: Principal, record_id: str) -> dict | None:
    """What the record page says about its offer (none, or whether it is published: an
    unpublished offer exists for staff only), and the workflow roles the viewer holds on
    the record (``staff``, ``owner``), which decide the forms the page offers."""
    with services.sessions() as session:
        record = session.get(Record, record_id)
        offer = session.get(TechnologyOffer, record_id)
        if record is None or not can_see(principal, record):
            return None
        shown = offer is not None and (offer.published or principal.is_staff)
        return {"exists": shown, "published": bool(shown and offer.published),
                "offerable": record.commercialisation_status in OFFERABLE,
                "relations": sorted(relations(principal, record))}


def published(services, lang: str = "vi", principal: Principal = ANONYMOUS) -> list[dict]:
    """Published offers of results still available, newest first."""
    with services.sessions() as session:
        rows = session.execute(
            select(TechnologyOffer, Record).join(Record, Record.id == TechnologyOffer.record_id)
            .where(TechnologyOffer.published.is_(True),
                   Record.commercialisation_status.in_(AVAILABLE))
            .order_by(TechnologyOffer.updated_at.desc())).all()
        return [{**_facts(record, lang), "offer": _offer_dict(offer)}
                for offer, record in rows if can_see(principal, record)]
