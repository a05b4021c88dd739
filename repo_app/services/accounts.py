"""Accounts: sign-up with e-mail confirmation, sign-in, password reset, API tokens, roles.

Passwords are salted hashes (werkzeug's scrypt); API tokens are random and stored as their
SHA-256, so neither can be read back from the database. Sign-in answers unknown e-mails and
wrong passwords the same way and in about the same time (a hash is checked either way).
"""

from __future__ import annotations

import hashlib
import secrets

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from repo_app.models import ApiToken, User, utcnow
from repo_app.services import notifications
from repo_app.services.errors import Forbidden, Invalid, NotFound, lazy_gettext
from repo_app.services.principal import Principal
from schemas import vocabularies

ROLES = ("enterprise", "researcher", "staff", "admin")
SIGN_UP_ROLES = ("enterprise", "researcher")
MIN_PASSWORD = 10
CONFIRM_MAX_AGE = 3 * 24 * 3600
RESET_MAX_AGE = 2 * 3600
# Checked when the e-mail is unknown, so that the answer takes as long as for a known one.
_DUMMY_HASH = generate_password_hash(secrets.token_hex(16))


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise Invalid({"password": [lazy_gettext("At least %(min)s characters.",
                                                  min=MIN_PASSWORD)]})


def _check_role(role: str, organisation: str | None) -> None:
    if role not in ROLES:
        raise Invalid({"role": [lazy_gettext("One of %(choices)s.", choices=", ".join(ROLES))]})
    if role == "researcher":
        if not organisation or organisation not in vocabularies.load("organisations"):
            raise Invalid({"organisation": [lazy_gettext(
                "A researcher belongs to an organisation of the organisations vocabulary.")]})


def add_user(services, email: str, *, role: str, name: str | None = None,
             password: str, organisation: str | None = None) -> User:
    """Create an account, or update its role, name, organisation and password (command line:
    trusted, so the e-mail and the organisation count as confirmed)."""
    email = normalise_email(email)
    if "@" not in email:
        raise Invalid({"email": [lazy_gettext("Not an e-mail address.")]})
    _check_role(role, organisation)
    _check_password(password)
    with services.sessions.begin() as db:
        user = db.scalar(select(User).where(User.email == email))
        if user is None:
            user = User(email=email, created_at=utcnow())
            db.add(user)
        user.name = name or user.name or email.split("@")[0]
        user.role, user.organisation_key = role, organisation
        user.organisation_confirmed = role == "researcher"
        user.password_hash = generate_password_hash(password)
        user.active, user.email_confirmed_at = True, user.email_confirmed_at or utcnow()
    return user


def authenticate(services, email: str, password: str) -> User | None:
    """The active, confirmed account with this e-mail and password, else None."""
    with services.sessions() as db:
        user = db.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    if not check_password_hash(user.password_hash, password or ""):
        return None
    if not user.active or user.email_confirmed_at is None:
        return None
    return user


def active_user(services, user_id) -> User | None:
    """The account behind a session, if it may still act: a disabled or deleted account loses
    access at its next request."""
    try:
        user_id = int(user_id)
    except (TypeError, ValueError):
        return None
    with services.sessions() as db:
        user = db.get(User, user_id)
    return user if user is not None and user.active else None


# -- API tokens -------------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(services, email: str) -> str:
    """A new API token for the account; only its hash is kept, so it is shown once."""
    token = "kq_" + secrets.token_urlsafe(32)
    with services.sessions.begin() as db:
        user = db.scalar(select(User).where(User.email == normalise_email(email)))
        if user is None:
            raise NotFound(lazy_gettext("No account %(email)s.", email=repr(email)))
        db.add(ApiToken(user_id=user.id, token_hash=_token_hash(token)))
    return token


def user_for_token(services, token: str) -> User | None:
    if not token:
        return None
    with services.sessions() as db:
        row = db.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token),
                                               ApiToken.revoked_at.is_(None)))
        user = db.get(User, row.user_id) if row else None
    return user if user is not None and user.active else None


def disable(services, email: str) -> None:
    with services.sessions.begin() as db:
        user = db.scalar(select(User).where(User.email == normalise_email(email)))
        if user is None:
            raise NotFound(lazy_gettext("No account %(email)s.", email=repr(email)))
        user.active = False
        for token in db.scalars(select(ApiToken).where(ApiToken.user_id == user.id)):
            token.revoked_at = token.revoked_at or utcnow()


# -- Sign-up, confirmation, reset ---------------------------------------------------------------


def _serializer(services, purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(services.secret_key, salt=f"accounts.{purpose}")


def sign_up(services, *, email: str, name: str, role: str, password: str,
            organisation: str | None, enterprise_name: str | None, confirm_url) -> None:
    """Register an enterprise or a researcher; the account works once the e-mail is confirmed
    (a link is mailed). Signing up again with a known e-mail changes nothing and says nothing
    more, so the form does not reveal who has an account."""
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise Invalid({"email": [lazy_gettext("Not an e-mail address.")]})
    if role not in SIGN_UP_ROLES:
        raise Invalid({"role": [lazy_gettext("Sign up as an enterprise or a researcher.")]})
    _check_role(role, organisation)
    _check_password(password)
    if not (name or "").strip():
        raise Invalid({"name": [lazy_gettext("Your name, please.")]})
    with services.sessions.begin() as db:
        if db.scalar(select(User).where(User.email == email)) is not None:
            return
        user = User(email=email, name=name.strip()[:200], role=role,
                    organisation_key=organisation if role == "researcher" else None,
                    organisation_confirmed=False, enterprise_name=(enterprise_name or None),
                    password_hash=generate_password_hash(password), active=True)
        db.add(user)
        db.flush()
        link = confirm_url(_serializer(services, "confirm").dumps(user.id))
        notifications.queue(db, email, "confirm_email", link=link, name=user.name)


def confirm_email(services, token: str) -> User:
    try:
        user_id = _serializer(services, "confirm").loads(token, max_age=CONFIRM_MAX_AGE)
    except SignatureExpired:
        raise Invalid({"token": [lazy_gettext("This link has expired: sign up again.")]}) from None
    except BadSignature:
        raise Invalid({"token": [lazy_gettext("This link is not valid.")]}) from None
    with services.sessions.begin() as db:
        user = db.get(User, user_id)
        if user is None:
            raise NotFound(lazy_gettext("No such account."))
        user.email_confirmed_at = user.email_confirmed_at or utcnow()
    return user


def request_password_reset(services, email: str, reset_url) -> None:
    """Mail a reset link if the account exists; say the same either way."""
    with services.sessions.begin() as db:
        user = db.scalar(select(User).where(User.email == normalise_email(email)))
        if user is None or not user.active:
            return
        token = _serializer(services, "reset").dumps([user.id, user.password_hash[-12:]])
        notifications.queue(db, user.email, "password_reset", link=reset_url(token),
                            name=user.name)


def reset_password(services, token: str, password: str) -> None:
    """Set a new password from a reset link; the link works once (it names the old hash)."""
    try:
        user_id, fragment = _serializer(services, "reset").loads(token, max_age=RESET_MAX_AGE)
    except (BadSignature, ValueError, TypeError):
        raise Invalid({"token": [lazy_gettext("This link is not valid or has expired.")]}) from None
    _check_password(password)
    with services.sessions.begin() as db:
        user = db.get(User, user_id)
        if user is None or user.password_hash[-12:] != fragment:
            raise Invalid({"token": [lazy_gettext("This link has already been used.")]})
        user.password_hash = generate_password_hash(password)
        user.email_confirmed_at = user.email_confirmed_at or utcnow()


# -- Staff decisions on accounts --------------------------------------------------------------


def pending_researchers(services) -> list[User]:
    with services.sessions() as db:
        return list(db.scalars(select(User).where(
            User.role == "researcher", User.organisation_confirmed.is_(False),
            User.active.is_(True)).order_by(User.created_at)))


def confirm_organisation(services, principal: Principal, user_id: int) -> User:
    """Staff confirm that a researcher belongs to the organisation they named."""
    if not principal.is_staff:
        raise Forbidden(lazy_gettext("Only Department staff confirm a researcher's organisation."))
    from repo_app.services.workflow_engine import Subject, record_event

    with services.sessions.begin() as db:
        user = db.get(User, user_id)
        if user is None or user.role != "researcher":
            raise NotFound(lazy_gettext("No such researcher."))
        user.organisation_confirmed = True
        record_event(db, Subject(User, "user", user.id, "role"), principal, kind="decision",
                     transition="confirm_organisation", comment=user.organisation_key or "")
    return user
