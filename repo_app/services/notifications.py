"""E-mail on the events people care about, through an outbox.

A message is written to the ``outbox`` table in the same transaction as the change it reports,
so a rolled-back change sends nothing and a committed one is never forgotten. After the commit
the outbox is delivered by SMTP when ``SMTP_URL`` is set (``smtp://host:port``, or
``smtp+starttls://user:password@host:587``); a failed delivery stays in the outbox and is tried
again after the next commit. With no SMTP configured, staff read the outbox in the site.
"""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from sqlalchemy import event, select

from repo_app.models import OutboxMessage, User, utcnow

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5

# Vietnamese first, English below: the reader may be either.
MESSAGES = {
    "confirm_email": (
        "Xác nhận địa chỉ e-mail / Confirm your e-mail",
        "Chào {name},\n\nMở liên kết sau để kích hoạt tài khoản:\n{link}\n\n"
        "Open this link to activate your account:\n{link}\n"),
    "password_reset": (
        "Đặt lại mật khẩu / Reset your password",
        "Chào {name},\n\nMở liên kết sau để đặt mật khẩu mới (hiệu lực 2 giờ):\n{link}\n\n"
        "Open this link to choose a new password (valid for 2 hours):\n{link}\n"),
    "submission_reviewed": (
        "Kết quả duyệt hồ sơ đăng ký / Your submission was reviewed: {title}",
        "Hồ sơ “{title}”: {decision}.\n{comment}\n\nYour submission “{title}”: {decision}.\n"
        "{link}\n"),
    "ip_request_decided": (
        "Yêu cầu hỗ trợ bảo hộ SHTT / IP-registration request decided: {title}",
        "Yêu cầu hỗ trợ bảo hộ cho “{title}”: {decision}.\n{comment}\n\n"
        "Your IP-registration request for “{title}”: {decision}.\n{link}\n"),
    "inquiry_received": (
        "Doanh nghiệp quan tâm kết quả / New licensing inquiry: {title}",
        "{enterprise} gửi yêu cầu về “{title}”:\n\n{message}\n\n"
        "A licensing inquiry about “{title}” from {enterprise}.\n{link}\n"),
    "deadline_soon": (
        "Sắp đến hạn / Deadline in {days} days: {label}",
        "Đơn {number} (“{title}”): {label} đến hạn ngày {due}.\n\n"
        "Application {number} (“{title}”): {label} is due on {due}.\n{link}\n"),
}


def queue(session, recipient: str, kind: str, **values) -> OutboxMessage:
    subject, body = MESSAGES[kind]
    message = OutboxMessage(recipient=recipient, subject=subject.format(**values)[:300],
                            body=body.format(**values))
    session.add(message)
    session.info["mail_queued"] = True
    return message


def queue_to_staff(session, kind: str, **values) -> None:
    for email in session.scalars(select(User.email).where(
            User.role.in_(("staff", "admin")), User.active.is_(True))):
        queue(session, email, kind, **values)


def queue_to_organisation(session, organisation_key: str | None, kind: str, **values) -> None:
    """The confirmed researchers of an organisation."""
    if not organisation_key:
        return
    for email in session.scalars(select(User.email).where(
            User.role == "researcher", User.organisation_key == organisation_key,
            User.organisation_confirmed.is_(True), User.active.is_(True))):
        queue(session, email, kind, **values)


def _connect(url: str):
    parts = urlsplit(url)
    secure = parts.scheme == "smtps"
    client = (smtplib.SMTP_SSL if secure else smtplib.SMTP)(
        parts.hostname or "127.0.0.1", parts.port or (465 if secure else 25), timeout=10)
    if parts.scheme == "smtp+starttls":
        client.starttls()
    if parts.username:
        client.login(unquote(parts.username), unquote(parts.password or ""))
    return client


def deliver_pending(services) -> int:
    """Send what the outbox holds; return how many were sent."""
    url = services.settings.extra.get("smtp_url")
    if not url:
        return 0
    sender = services.settings.extra.get("mail_from") or "no-reply@localhost"
    sent = 0
    with services.sessions.begin() as db:
        pending = db.scalars(select(OutboxMessage).where(
            OutboxMessage.sent_at.is_(None), OutboxMessage.attempts < MAX_ATTEMPTS,
        ).order_by(OutboxMessage.id).limit(100)).all()
        if not pending:
            return 0
        try:
            client = _connect(url)
        except (OSError, smtplib.SMTPException) as error:
            log.warning("mail server not reachable, %d messages wait: %s", len(pending), error)
            return 0
        with client:
            for message in pending:
                sent += _send_one(client, sender, message)
    return sent


def _send_one(client, sender: str, message: OutboxMessage) -> int:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = sender, message.recipient, message.subject
    mail.set_content(message.body)
    message.attempts += 1
    try:
        client.send_message(mail)
    except smtplib.SMTPException as error:
        message.last_error = str(error)[:2000]
        return 0
    message.sent_at = utcnow()
    return 1


def follow_commits(services, sessions) -> None:
    """Deliver the outbox after every commit that queued mail."""

    @event.listens_for(sessions, "after_commit")
    def _deliver(session):
        if session.info.pop("mail_queued", False):
            try:
                deliver_pending(services)
            except Exception:  # noqa: BLE001 - a mail fault never undoes a committed change
                log.exception("delivering the outbox failed; messages stay in it")

    @event.listens_for(sessions, "after_rollback")
    def _forget(session):
        session.info.pop("mail_queued", None)


def outbox(services, limit: int = 200) -> list[OutboxMessage]:
    with services.sessions() as db:
        return list(db.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc())
                               .limit(limit)))
