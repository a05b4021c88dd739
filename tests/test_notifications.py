"""E-mail through a real SMTP server (aiosmtpd on loopback), and the outbox when none is
configured or the server is away."""

from __future__ import annotations

import email
import email.policy
import socket
import time

import pytest
from sqlalchemy import select

from repo_app.models import OutboxMessage, Record
from repo_app.services import accounts, ip_requests, notifications, work_queue
from repo_app.services.principal import Principal
from tests.conftest import build_services

PASSWORD = "mot-mat-khau-dai"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            mail = email.message_from_bytes(envelope.content, policy=email.policy.default)
            self.messages.append((envelope.rcpt_tos, mail["Subject"] + "\n" + mail.get_content()))
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, f"smtp://127.0.0.1:{port}"
    controller.stop()


def _world(tmp_path, database_url, smtp_url=None):
    services = build_services(tmp_path / "instance", database_url)
    if smtp_url:
        services.settings.extra["smtp_url"] = smtp_url
    with services.sessions.begin() as db:
        db.add(Record(id="r1", kind="research_result", document_type="final_report",
                      title="Quy trình ủ chượp nước mắm", access_level="public",
                      commercialisation_status="accepted", ip_status="none",
                      registration_state="accepted", organisation_key="dai-hoc-phan-thiet",
                      version=1, data={"kind": "research_result", "title": "x"}))
    staff = accounts.add_user(services, "staff@skhcn.gov.vn", role="staff", name="Cán bộ",
                              password=PASSWORD)
    researcher = accounts.add_user(services, "nnc@dhpt.edu.vn", role="researcher",
                                   password=PASSWORD, organisation="dai-hoc-phan-thiet")
    return services, Principal.of(staff), Principal.of(researcher)


def _wait_for(inbox, count, seconds=5.0):
    deadline = time.monotonic() + seconds
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return inbox.messages


def test_a_decided_request_is_mailed_to_the_requester(tmp_path, database_url, smtp_server):
    inbox, url = smtp_server
    services, staff, researcher = _world(tmp_path, database_url, url)
    request = ip_requests.create(services, researcher, {
        "record_id": "r1", "ip_type": "patent", "applicant": "Trường Đại học Phan Thiết"})
    ip_requests.run_transition(services, request["id"], staff, {
        "transition": "refuse_support", "version": 1, "comment": "Chưa đủ tính mới"})
    messages = _wait_for(inbox, 2)
    to_researcher = [body for recipients, body in messages if recipients == ["nnc@dhpt.edu.vn"]]
    assert len(to_researcher) == 1
    assert "Quy trình ủ chượp nước mắm" in to_researcher[0]
    assert "Chưa đủ tính mới" in to_researcher[0]
    with services.sessions() as db:
        assert all(m.sent_at for m in db.scalars(select(OutboxMessage)))
    services.close()


def test_without_smtp_the_outbox_keeps_every_message(tmp_path, database_url):
    services, staff, researcher = _world(tmp_path, database_url)
    ip_requests.create(services, researcher, {
        "record_id": "r1", "ip_type": "patent", "applicant": "Trường Đại học Phan Thiết"})
    kept = notifications.outbox(services)
    assert [m.recipient for m in kept] == ["staff@skhcn.gov.vn"]
    assert kept[0].sent_at is None
    services.close()


def test_a_server_that_is_away_loses_nothing(tmp_path, database_url, smtp_server):
    inbox, url = smtp_server
    services, staff, researcher = _world(tmp_path, database_url, "smtp://127.0.0.1:9")
    ip_requests.create(services, researcher, {
        "record_id": "r1", "ip_type": "patent", "applicant": "Trường Đại học Phan Thiết"})
    assert notifications.outbox(services)[0].sent_at is None  # the change still committed
    services.settings.extra["smtp_url"] = url
    assert notifications.deliver_pending(services) == 1
    assert _wait_for(inbox, 1)[0][0] == ["staff@skhcn.gov.vn"]
    services.close()


def test_deadline_reminders_are_sent_once(tmp_path, database_url):
    from datetime import date

    services, staff, researcher = _world(tmp_path, database_url)
    request = ip_requests.create(services, researcher, {
        "record_id": "r1", "ip_type": "patent", "applicant": "Trường Đại học Phan Thiết"})
    ip_requests.run_transition(services, request["id"], staff, {
        "transition": "approve_support", "version": 1})
    ip_requests.run_transition(services, request["id"], staff, {
        "transition": "file", "version": 2, "application_number": "1-2024-00042",
        "filing_date": "2024-01-10"})
    # Publication is due 2025-08-10 (month 19): 20 days ahead on 2025-07-21.
    today = date(2025, 7, 21)
    queue = work_queue.for_staff(services, staff, today=today)
    assert [d["key"] for d in queue["deadlines"]["items"]] == ["publication"]
    assert work_queue.remind_deadlines(services, today) == 1
    assert work_queue.remind_deadlines(services, today) == 0
    subjects = [m.subject for m in notifications.outbox(services)]
    assert sum("20 days" in subject for subject in subjects) == 2  # staff and the requester
    services.close()
