"""Searches a signed-in user follows, and the weekly e-mail of what is new or changed in each
(public records only, as the search's Atom feed lists them). The digest goes through the
outbox, written in the same transaction that moves the search's ``covered_until``, so a week is
neither mailed twice nor skipped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from repo_app.models import OutboxMessage, SavedSearch, User
from repo_app.services import feeds, uow
from repo_app.services.errors import Invalid, NotAuthenticated, NotFound, lazy_gettext
from repo_app.services.oai import utc
from repo_app.services.principal import Principal
from repo_app.services.search import BadSearchParameters, SearchParams

DIGEST_EVERY = timedelta(days=7)
MAX_PER_USER = 50


def params_of(query: str) -> SearchParams:
    return SearchParams.from_args(MultiDict(parse_qsl(query or "")))


def normalised(query: str) -> str:
    """The search's own parameters only (no page, no size), in one spelling."""
    try:
        params = params_of(query)
    except BadSearchParameters as error:
        raise Invalid({"query": [str(error)]}) from None
    pairs = [("q", params.text)] if params.text else []
    pairs += [(name, value) for name, values in params.filters.items() for value in values]
    if params.sort != "relevance":
        pairs.append(("sort", params.sort))
    return urlencode(pairs)


def _brief(saved: SavedSearch) -> dict:
    return {"id": saved.id, "name": saved.name, "query": saved.query,
            "created_at": utc(saved.created_at).isoformat(),
            "covered_until": utc(saved.covered_until).isoformat()}


def _signed_in(principal: Principal) -> None:
    if not principal.authenticated:
        raise NotAuthenticated(lazy_gettext("Sign in, or send an API token, to follow a search."))


def save(services, principal: Principal, query: str, name: str = "") -> dict:
    _signed_in(principal)
    query = normalised(query)
    name = " ".join((name or "").split())[:200] or query or "*"
    with uow.unit_of_work(services) as session:
        count = session.scalar(select(func.count()).select_from(SavedSearch)
                               .where(SavedSearch.user_id == principal.user_id))
        if count >= MAX_PER_USER:
            raise Invalid({"query": [lazy_gettext("At most %(max)s saved searches.",
                                                          max=MAX_PER_USER)]})
        saved = SavedSearch(user_id=principal.user_id, name=name, query=query)
        session.add(saved)
        session.flush()
        return _brief(saved)


def list_for(services, principal: Principal) -> list[dict]:
    _signed_in(principal)
    with services.sessions() as session:
        rows = session.scalars(select(SavedSearch).where(SavedSearch.user_id ==
                                                         principal.user_id)
                               .order_by(SavedSearch.id))
        return [_brief(saved) for saved in rows]


def remove(services, principal: Principal, search_id: int) -> None:
    _signed_in(principal)
    with uow.unit_of_work(services) as session:
        saved = session.get(SavedSearch, search_id)
        if saved is None or saved.user_id != principal.user_id:
            raise NotFound(lazy_gettext("No saved search %(id)s.", id=search_id))
        session.delete(saved)


def send_digests(services, record_url: str, now: datetime | None = None) -> int:
    """Queue the digest of every search whose week is over; returns how many were mailed (a
    week with nothing new mails nothing, and still counts as covered)."""
    now = now or datetime.now(UTC)
    sent = 0
    with uow.unit_of_work(services) as session:
        due = session.scalars(select(SavedSearch).where(
            SavedSearch.covered_until <= now - DIGEST_EVERY).order_by(SavedSearch.id)).all()
        for saved in due:
            user = session.get(User, saved.user_id)
            since = utc(saved.covered_until)
            saved.covered_until = now
            if user is None or not user.active:
                continue
            fresh = [(stamp, data) for stamp, data in feeds.newest(services,
                                                                    params_of(saved.query))
                     if since < stamp <= now]
            if not fresh:
                continue
            lines = [f"- {data['title']}\n  {record_url.format(id=data['id'])}"
                     for _, data in fresh]
            session.add(OutboxMessage(
                recipient=user.email,
                subject=f"Kết quả mới / New results: {saved.name} ({len(fresh)})"[:300],
                body=(f"Tìm kiếm “{saved.name}”, từ {since:%d/%m/%Y} / since {since:%Y-%m-%d}:"
                      "\n\n" + "\n".join(lines) + "\n")))
            session.info["mail_queued"] = True  # delivered after the commit (notifications)
            sent += 1
    return sent
