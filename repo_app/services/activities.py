"""The plan's activities and the enterprises' technology demand.

Activities (appendix of plan 4239): trainings, conferences and workshops (tasks 1 and 4, with
participants), promotion programmes (2), the supply-demand survey (3), connection events and
technology fairs (6, with the records presented and the inquiries and deals that came from
them), intermediary organisations (7, with their connection to the national network). Staff
record them; ``plan_indicators`` counts them.

Technology demand (the plan's database of enterprises' technology needs): an enterprise (or
staff for it) describes a need; the search engine proposes the published results and patents
most like it (its relevance ranking of the need's word pairs, the need's sector first); staff
forward a proposal to both sides, which opens a licensing inquiry through
``repo_app.services.inquiries`` as the enterprise would have sent it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from sqlalchemy import func, select

from repo_app.models import (
    Activity,
    ActivityLink,
    Inquiry,
    NeedMatch,
    Record,
    TechnologyNeed,
    Transaction,
    User,
)
from repo_app.services.errors import (
    Forbidden,
    Invalid,
    NotAuthenticated,
    NotFound,
    lazy_gettext,
)
from repo_app.services.principal import Principal
from schemas import vocabularies

ACTIVITY_TYPES = {
    "training": {"vi": "Tập huấn, hội nghị, hội thảo (SHTT, chuyển giao công nghệ, tiêu chuẩn)",
                 "en": "Training, conference, workshop (IP, technology transfer, standards)",
                 "task": 1},
    "promotion_programme": {"vi": "Chương trình quảng bá thành tựu thị trường KH&CN",
                            "en": "Promotion programme", "task": 2},
    "survey": {"vi": "Điều tra cung - cầu công nghệ, tài sản trí tuệ",
               "en": "Survey of technology supply, demand and IP", "task": 3},
    "commercialisation_course": {"vi": "Lớp đào tạo về thương mại hóa",
                                 "en": "Commercialisation course", "task": 4},
    "connection_event": {"vi": "Sự kiện kết nối cung - cầu, chợ công nghệ",
                         "en": "Connection event, technology fair", "task": 6},
    "intermediary": {"vi": "Tổ chức trung gian KH&CN", "en": "S&T intermediary organisation",
                     "task": 7},
}
LINK_KINDS = ("record", "inquiry", "transaction")
MATCHES = 10


def _require_staff(principal: Principal) -> None:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in as Department staff."))
    if not principal.is_staff:
        raise Forbidden(lazy_gettext("Only Department staff may do this."))


def _load(schema: Schema, body) -> dict:
    try:
        return schema.load(body or {})
    except ValidationError as error:
        raise Invalid(error.messages) from None


def _vocabulary_key(name: str):
    def check(value):
        if value not in vocabularies.load(name):
            raise ValidationError([lazy_gettext("Not a key of the %(vocabulary)s vocabulary.",
                                                 vocabulary=name)])
    return check


# -- Activities --------------------------------------------------------------------------------


class ActivitySchema(Schema):
    type = fields.String(required=True, validate=validate.OneOf(tuple(ACTIVITY_TYPES)))
    title = fields.String(required=True, validate=validate.Length(min=3, max=1000))
    start_date = fields.Date(required=True)
    end_date = fields.Date(load_default=None, allow_none=True)
    organiser = fields.String(load_default="", validate=validate.Length(max=300))
    place = fields.String(load_default=None, allow_none=True, validate=_vocabulary_key("places"))
    participants = fields.Integer(load_default=None, allow_none=True,
                                  validate=validate.Range(min=0))
    description = fields.String(load_default="", validate=validate.Length(max=10000))
    connected_on = fields.Date(load_default=None, allow_none=True)
    records = fields.List(fields.String(), load_default=list)
    inquiries = fields.List(fields.Integer(), load_default=list)
    transactions = fields.List(fields.Integer(), load_default=list)

    @validates_schema
    def _dates(self, data, **kwargs):
        if data.get("end_date") and data["end_date"] < data["start_date"]:
            raise ValidationError({"end_date": [lazy_gettext("Ends before it starts.")]})
        if data.get("connected_on") and data.get("type") != "intermediary":
            raise ValidationError({"connected_on": [lazy_gettext(
                "Only intermediaries connect to the national network.")]})


def create_activity(services, principal: Principal, body: dict) -> dict:
    _require_staff(principal)
    values = _load(ActivitySchema(), body)
    links = {"record": values.pop("records"), "inquiry": values.pop("inquiries"),
             "transaction": values.pop("transactions")}
    with services.sessions() as session, session.begin():
        _check_links(session, links)
        activity = Activity(**values, created_by=principal.user_id)
        session.add(activity)
        session.flush()
        for kind, targets in links.items():
            for target in dict.fromkeys(str(target) for target in targets):
                session.add(ActivityLink(activity_id=activity.id, kind=kind, target_id=target))
        session.flush()
        return _activity_dict(session, activity)


def _check_links(session, links: dict) -> None:
    errors = {}
    for kind, model, name in (("record", Record, "records"), ("inquiry", Inquiry, "inquiries"),
                              ("transaction", Transaction, "transactions")):
        missing = [target for target in links[kind] if session.get(model, target) is None]
        if missing:
            errors[name] = [lazy_gettext("Not found: %(missing)s.",
                                         missing=", ".join(map(str, missing)))]
    if errors:
        raise Invalid(errors)


def link(services, principal: Principal, activity_id: int, kind: str, target_id) -> dict:
    """Tie a record presented, an inquiry or a deal to an activity (once)."""
    _require_staff(principal)
    if kind not in LINK_KINDS:
        raise Invalid({"kind": [lazy_gettext("One of: %(choices)s.",
                                                choices=", ".join(LINK_KINDS))]})
    with services.sessions() as session, session.begin():
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise NotFound(lazy_gettext("No activity %(id)s.", id=repr(activity_id)))
        plural = {"record": "records", "inquiry": "inquiries", "transaction": "transactions"}
        target = target_id if kind == "record" else _int(target_id, plural[kind])
        _check_links(session, {name: [target] if name == kind else [] for name in LINK_KINDS})
        exists_already = session.scalar(select(ActivityLink).where(
            ActivityLink.activity_id == activity.id, ActivityLink.kind == kind,
            ActivityLink.target_id == str(target)))
        if exists_already is None:
            session.add(ActivityLink(activity_id=activity.id, kind=kind, target_id=str(target)))
            session.flush()
        return _activity_dict(session, activity)


def _int(value, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Invalid({name: [lazy_gettext("A whole number.")]}) from None


def _activity_dict(session, activity: Activity, lang: str = "vi") -> dict:
    links = session.execute(select(ActivityLink.kind, ActivityLink.target_id).where(
        ActivityLink.activity_id == activity.id).order_by(ActivityLink.id)).all()
    places = vocabularies.load("places")
    return {
        "id": activity.id, "type": activity.type,
        "type_label": ACTIVITY_TYPES[activity.type].get(lang) or activity.type,
        "task": ACTIVITY_TYPES[activity.type]["task"],
        "title": activity.title, "start_date": activity.start_date.isoformat(),
        "end_date": activity.end_date.isoformat() if activity.end_date else None,
        "organiser": activity.organiser, "place": activity.place,
        "place_label": places.term_label(activity.place, lang) if activity.place else None,
        "participants": activity.participants, "description": activity.description,
        "connected_on": activity.connected_on.isoformat() if activity.connected_on else None,
        "records": [target for kind, target in links if kind == "record"],
        "inquiries": [int(target) for kind, target in links if kind == "inquiry"],
        "transactions": [int(target) for kind, target in links if kind == "transaction"],
    }


def activities_for(services, principal: Principal, **options) -> dict:
    """``list_activities`` for a person: activities are the Department's records (staff)."""
    _require_staff(principal)
    return list_activities(services, **options)


def list_activities(services, *, year: int | None = None, type: str | None = None,
                    page: int = 1, size: int = 500, lang: str = "vi") -> dict:
    from datetime import date

    statement = select(Activity)
    if year:
        statement = statement.where(Activity.start_date >= date(year, 1, 1),
                                    Activity.start_date <= date(year, 12, 31))
    if type:
        if type not in ACTIVITY_TYPES:
            raise Invalid({"type": [lazy_gettext("One of: %(choices)s.",
                                                    choices=", ".join(ACTIVITY_TYPES))]})
        statement = statement.where(Activity.type == type)
    with services.sessions() as session:
        total = session.scalar(select(func.count()).select_from(statement.subquery()))
        rows = session.scalars(statement.order_by(Activity.start_date.desc(), Activity.id.desc())
                               .offset((max(page, 1) - 1) * size).limit(size)).all()
        items = [_activity_dict(session, row, lang) for row in rows]
    return {"total": total, "page": page, "size": size, "items": items}


# -- Technology demand -------------------------------------------------------------------------


class NeedSchema(Schema):
    enterprise_name = fields.String(load_default=None, allow_none=True,
                                    validate=validate.Length(min=2, max=300))
    contact = fields.String(load_default="", validate=validate.Length(max=300))
    sector = fields.String(load_default=None, allow_none=True,
                           validate=_vocabulary_key("sectors"))
    problem = fields.String(required=True, validate=validate.Length(min=10, max=5000))
    budget_min_vnd = fields.Integer(load_default=None, allow_none=True,
                                    validate=validate.Range(min=0))
    budget_max_vnd = fields.Integer(load_default=None, allow_none=True,
                                    validate=validate.Range(min=0))
    timeline = fields.String(load_default="", validate=validate.Length(max=200))

    @validates_schema
    def _budget(self, data, **kwargs):
        low, high = data.get("budget_min_vnd"), data.get("budget_max_vnd")
        if low is not None and high is not None and high < low:
            raise ValidationError({"budget_max_vnd": [lazy_gettext("Below the minimum.")]})


def create_need(services, principal: Principal, body: dict) -> dict:
    """An enterprise enters its own need; staff may enter one for an enterprise (by name, or
    for an enterprise account with ``enterprise_id``)."""
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to describe a technology need."))
    if principal.role != "enterprise" and not principal.is_staff:
        raise Forbidden(lazy_gettext(
            "Technology needs are entered by enterprises or Department staff."))
    body = dict(body or {})
    enterprise_id = body.pop("enterprise_id", None)
    values = _load(NeedSchema(), body)
    with services.sessions() as session, session.begin():
        if principal.role == "enterprise":
            enterprise_id = principal.user_id
        elif enterprise_id is not None:
            user = session.get(User, _int(enterprise_id, "enterprise_id"))
            if user is None or user.role != "enterprise":
                raise Invalid({"enterprise_id": [lazy_gettext("Not an enterprise account.")]})
            enterprise_id = user.id
        if not values.get("enterprise_name"):
            user = session.get(User, enterprise_id) if enterprise_id else None
            if user is None:
                raise Invalid({"enterprise_name": [lazy_gettext("Name the enterprise.")]})
            values["enterprise_name"] = user.enterprise_name or user.name
        need = TechnologyNeed(**values, enterprise_id=enterprise_id,
                              created_by=principal.user_id)
        session.add(need)
        session.flush()
        need_id = need.id
    propose_matches(services, need_id)
    return get_need(services, principal, need_id)


def _visible_need(session, principal: Principal, need_id) -> TechnologyNeed:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to see technology needs."))
    need = session.get(TechnologyNeed, _int(need_id, "need_id"))
    if need is None or not (principal.is_staff or need.enterprise_id == principal.user_id):
        raise NotFound(lazy_gettext("No technology need %(id)s.", id=repr(need_id)))
    return need


def _need_dict(session, need: TechnologyNeed, lang: str = "vi") -> dict:
    matches = session.execute(
        select(NeedMatch, Record.title, Record.kind).join(Record, Record.id == NeedMatch.record_id)
        .where(NeedMatch.need_id == need.id).order_by(NeedMatch.score.desc())).all()
    sectors = vocabularies.load("sectors")
    return {
        "id": need.id, "enterprise_id": need.enterprise_id,
        "enterprise_name": need.enterprise_name, "contact": need.contact,
        "sector": need.sector,
        "sector_label": sectors.term_label(need.sector, lang) if need.sector else None,
        "problem": need.problem, "budget_min_vnd": need.budget_min_vnd,
        "budget_max_vnd": need.budget_max_vnd, "timeline": need.timeline, "state": need.state,
        "created_at": need.created_at.isoformat() if need.created_at else None,
        "matches": [{"id": match.id, "record_id": match.record_id, "title": title,
                     "kind": kind, "score": round(match.score, 4),
                     "forwarded": match.forwarded_at is not None,
                     "inquiry_id": match.inquiry_id} for match, title, kind in matches],
    }


def get_need(services, principal: Principal, need_id, lang: str = "vi") -> dict:
    with services.sessions() as session:
        return _need_dict(session, _visible_need(session, principal, need_id), lang)


def list_needs(services, principal: Principal, *, sector: str | None = None,
               lang: str = "vi") -> dict:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in to see technology needs."))
    statement = select(TechnologyNeed)
    if not principal.is_staff:
        statement = statement.where(TechnologyNeed.enterprise_id == principal.user_id)
    if sector:
        statement = statement.where(TechnologyNeed.sector == sector)
    with services.sessions() as session:
        rows = session.scalars(statement.order_by(TechnologyNeed.id.desc())).all()
        items = [_need_dict(session, row, lang) for row in rows]
    return {"total": len(items), "items": items}


_WORD = re.compile(r"\w+", re.UNICODE)


def match_query(problem: str) -> str:
    """The need's text as an OR of its adjacent word pairs as phrases (Vietnamese words are
    mostly two syllables) and its longer single words: the engine ranks the records that share
    most of them first."""
    words = [word.lower() for word in _WORD.findall(problem) if not word.isdigit()]
    pairs = list(dict.fromkeys(f'"{a} {b}"' for a, b in zip(words, words[1:], strict=False)))
    singles = list(dict.fromkeys(word for word in words if len(word) >= 5))
    return " OR ".join((pairs[:24] + singles[:8]) or words[:8])


def rematch(services, principal: Principal, need_id) -> list[dict]:
    """Staff ask for proposals again, on a need they can see."""
    _require_staff(principal)
    with services.sessions() as session:
        need_id = _visible_need(session, principal, need_id).id
    return propose_matches(services, need_id)


def propose_matches(services, need_id: int, size: int = MATCHES) -> list[dict]:
    """Ask the search engine for the records most like the need (in its sector first, then
    any sector) and keep them as proposals; proposals already forwarded are kept."""
    from indexer.search.engine import SearchRequest

    with services.sessions() as session:
        need = session.get(TechnologyNeed, need_id)
        if need is None:
            raise NotFound(lazy_gettext("No technology need %(id)s.", id=repr(need_id)))
        text, sector = match_query(need.problem), need.sector
    hits: dict[str, float] = {}
    if text:
        requests = [SearchRequest(text=text, filters={"sector": [sector]}, size=size)] if \
            sector else []
        requests.append(SearchRequest(text=text, size=size))
        for request in requests:
            for hit in services.search_engine.search(request).hits:
                if len(hits) < size and hit["id"] not in hits:
                    hits[hit["id"]] = float(hit.get("score") or 0.0) + (
                        1000.0 if request.filters else 0.0)  # the need's sector ranks first
    with services.sessions() as session, session.begin():
        known = {match.record_id: match for match in session.scalars(
            select(NeedMatch).where(NeedMatch.need_id == need_id))}
        for match in known.values():
            if match.forwarded_at is None and match.record_id not in hits:
                session.delete(match)
        for record_id, score in hits.items():
            if session.get(Record, record_id) is None:
                continue  # the index has not caught up with a deletion
            if record_id in known:
                known[record_id].score = score
            else:
                session.add(NeedMatch(need_id=need_id, record_id=record_id, score=score))
    with services.sessions() as session:
        return _need_dict(session, session.get(TechnologyNeed, need_id))["matches"]


def forward_match(services, principal: Principal, match_id: int, message: str = "") -> dict:
    """Staff forward a proposal to both sides: a licensing inquiry opens for the enterprise on
    the record (the owning organisation and staff are told by the inquiry service)."""
    from repo_app.services import inquiries

    _require_staff(principal)
    with services.sessions() as session:
        match = session.get(NeedMatch, _int(match_id, "match_id"))
        if match is None:
            raise NotFound(lazy_gettext("No proposal %(id)s.", id=repr(match_id)))
        if match.inquiry_id is not None:
            return {"match_id": match.id, "inquiry_id": match.inquiry_id}
        need = session.get(TechnologyNeed, match.need_id)
        enterprise = session.get(User, need.enterprise_id) if need.enterprise_id else None
        if enterprise is None:
            raise Invalid({"enterprise_id": [lazy_gettext(
                "The need has no enterprise account to open an inquiry for: link it to one "
                "first.")]})
        record_id, problem = match.record_id, need.problem
    text = (message or "").strip() or (
        "Sở Khoa học và Công nghệ chuyển nhu cầu công nghệ của doanh nghiệp: " + problem)
    inquiry = inquiries.send(services, record_id, Principal.of(enterprise),
                             {"message": text[:5000], "contact": need.contact or ""})
    with services.sessions() as session, session.begin():
        match = session.get(NeedMatch, match.id)
        match.inquiry_id = inquiry["id"]
        match.forwarded_at = datetime.now(UTC)
    return {"match_id": match.id, "inquiry_id": inquiry["id"]}


# -- Demo --------------------------------------------------------------------------------------

DEMO_ACTIVITIES = (
    ("training", "Hội thảo phổ biến Luật Sở hữu trí tuệ sửa đổi 2022", "2022-09-15",
     "phan-thiet", 120, None),
    ("training", "Tập huấn chuyển giao công nghệ và tiêu chuẩn, quy chuẩn kỹ thuật",
     "2023-06-20", "la-gi", 85, None),
    ("commercialisation_course", "Lớp bồi dưỡng thương mại hóa kết quả nghiên cứu",
     "2024-04-10", "phan-thiet", 40, None),
    ("survey", "Điều tra cung - cầu công nghệ và tài sản trí tuệ tỉnh Bình Thuận",
     "2023-08-01", None, None, None),
    ("connection_event", "Techmart Bình Thuận: kết nối cung - cầu công nghệ thanh long",
     "2024-10-05", "ham-thuan-bac", 300, None),
    ("promotion_programme", "Chương trình quảng bá thị trường KH&CN trên Báo Bình Thuận",
     "2025-03-01", None, None, None),
    ("intermediary", "Trung tâm Thông tin và Ứng dụng KH&CN (đầu mối trung gian)",
     "2022-01-10", "phan-thiet", None, "2024-07-01"),
)


def load_demo(services) -> list[str]:
    """Illustrative transactions 2021-2025 and activities for a demo instance (SQLite only),
    so the tracker's figures and charts have something to show. Running it twice adds
    nothing twice (transactions by fingerprint, activities by title)."""
    import random
    from datetime import date

    from repo_app.services import transactions

    if not services.settings.database_url.startswith("sqlite"):
        raise SystemExit("Tracker demo data is for the embedded demo instance only (SQLite).")
    rng = random.Random(4239)
    origins = ("domestic_institute", "domestic_enterprise", "domestic_enterprise",
               "domestic_enterprise", "foreign")
    forms = ("licence", "assignment", "technology_services", "equipment",
             "capital_contribution")
    with services.sessions() as session, session.begin():
        results = list(session.scalars(select(Record.id).where(
            Record.registration_state == "accepted", Record.kind == "research_result")
            .order_by(Record.id).limit(12)))
        rows = []
        for year in range(2021, 2026):
            for number in range(6 + year - 2021):
                origin = rng.choice(origins)
                body = {
                    "date": date(year, rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
                    "value_vnd": int(rng.randint(80, 600) * 1_000_000 * 1.18 ** (year - 2021)),
                    "form": rng.choice(forms), "includes_ip": rng.random() < 0.12,
                    "origin": origin, "parties": [f"Doanh nghiệp demo {year}-{number}",
                                                  "Bên chuyển giao demo"],
                    "record_id": rng.choice(results) if results and rng.random() < 0.3
                    else None}
                if origin == "foreign":
                    body.update(country=rng.choice(("Nhật Bản", "Hàn Quốc", "Thái Lan")),
                                developed_country=rng.random() < 0.6)
                rows.append(transactions.load_transaction(body))
        existing = transactions.existing_fingerprints(
            session, [transactions.fingerprint(row) for row in rows])
        added = 0
        for row in rows:
            if transactions.fingerprint(row) not in existing:
                transactions.create_transaction(session, row, source="demo", created_by=None)
                added += 1
        known = set(session.scalars(select(Activity.title)))
        activities = 0
        for type_, title, day, place, participants, connected in DEMO_ACTIVITIES:
            if title in known:
                continue
            session.add(Activity(type=type_, title=title, start_date=date.fromisoformat(day),
                                 place=place, participants=participants, organiser="Sở KH&CN",
                                 connected_on=date.fromisoformat(connected) if connected
                                 else None))
            activities += 1
    return [f"tracker demo: {added} transactions 2021-2025, {activities} activities"]
