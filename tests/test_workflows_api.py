"""The workflows through the API, as other systems and people drive them: roles, the
401/403/409/422 rules, commercialisation to a transfer, IP requests to a grant, inquiries to
a deal, registration to publication, concurrency, and the index being away."""

from __future__ import annotations

import io
import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from repo_app import create_app
from repo_app.models import Event, Record, Transaction
from repo_app.services import accounts
from tests.conftest import BACKENDS, CORPUS, instance_on

PASSWORD = "mot-mat-khau-dai"
REPORTS = CORPUS / "reports"
FILES = [REPORTS / name for name in (
    "2020-csdl-khcn-gis-binh-thuan.pdf", "2023-kinh-te-dem-mui-ne.pdf",
    "2022-thanh-long-truy-xuat-nguon-goc.pdf", "2023-dien-gio-ngoai-khoi-sinh-ke.pdf",
    "2014-thanh-long-vietgap-ham-thuan-bac.pdf", "2013-nuoc-mam-haccp.pdf",
    "2019-thanh-long-den-led-ra-hoa.pdf")]
TRANSFER = {"date": "2025-03-01", "value_vnd": 420_000_000, "form": "licence",
            "includes_ip": True, "origin": "domestic_institute",
            "parties": ["Trường Đại học Phan Thiết", "Công ty TNHH Thanh Long Xanh"]}


class World:
    """An instance with a few real reports, one account per role and a token each."""

    def __init__(self, services):
        from repo_app.services.ingest import Ingestor

        self.services = services
        Ingestor(services, workers=2).run(FILES)
        self.app = create_app(services=services)
        self.app.config.update(TESTING=True)
        self.tokens = {}
        for role, org in (("staff", None), ("admin", None), ("enterprise", None),
                          ("researcher", "dai-hoc-phan-thiet"), ("outsider", "sofri")):
            email = f"{role}@test.vn"
            accounts.add_user(services, email, role="researcher" if role == "outsider" else role,
                              name=role.title(), password=PASSWORD, organisation=org)
            self.tokens[role] = accounts.new_token(services, email)
        accounts.add_user(services, "enterprise2@test.vn", role="enterprise", password=PASSWORD)
        self.tokens["enterprise2"] = accounts.new_token(services, "enterprise2@test.vn")
        with services.sessions() as db:
            self.owned = list(db.scalars(select(Record.id).where(
                Record.organisation_key == "dai-hoc-phan-thiet").order_by(Record.id)))
            self.others = list(db.scalars(select(Record.id).where(
                Record.organisation_key != "dai-hoc-phan-thiet").order_by(Record.id)))

    def call(self, method, url, role=None, **kwargs):
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return getattr(self.app.test_client(), method)(url, headers=headers, **kwargs)

    def workflow(self, record_id, role="staff"):
        return self.call("get", f"/api/v1/records/{record_id}/workflow", role).json

    def move(self, record_id, transition, role="staff", **fields):
        version = self.workflow(record_id, role)["version"]
        return self.call("post", f"/api/v1/records/{record_id}/workflow", role,
                         json={"transition": transition, "version": version, **fields})


@pytest.fixture(scope="module", params=BACKENDS)
def world(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"workflows-{request.param}")
    with instance_on(request.param, folder) as services:
        yield World(services)


def test_workflow_definitions_are_served_as_data(world):
    machines = {m["name"]: m for m in world.call("get", "/api/v1/workflows").json["workflows"]}
    assert set(machines) >= {"commercialisation", "ip_registration", "registration", "inquiry"}
    from schemas import vocabularies

    states = [s["key"] for s in machines["commercialisation"]["states"]]
    assert states == list(vocabularies.load("commercialisation_statuses"))
    transfer = next(t for t in machines["commercialisation"]["transitions"]
                    if t["name"] == "transfer")
    assert set(transfer["requires"]) >= {"date", "value_vnd", "form", "origin", "parties"}
    assert transfer["label"]["vi"] and transfer["label"]["en"]


def test_every_accepted_result_has_a_case_with_an_owner_and_due_date(world):
    for record_id in world.owned + world.others:
        case = world.workflow(record_id)["case"]
        assert case["owner"] and date.fromisoformat(case["due"]) > date.today()


def test_who_may_do_what(world):
    record_id = world.owned[0]
    assert world.workflow(record_id, None)["allowed"] == []
    assert world.workflow(record_id, "outsider")["allowed"] == []
    staff_allowed = {a["name"] for a in world.workflow(record_id)["allowed"]}
    assert {"start_screening", "withdraw"} <= staff_allowed
    owner_allowed = {a["name"] for a in world.workflow(record_id, "researcher")["allowed"]}
    assert owner_allowed == {"register_result"}
    body = {"transition": "start_screening", "version": 1}
    url = f"/api/v1/records/{record_id}/workflow"
    assert world.call("post", url, json=body).status_code == 401
    assert world.call("post", url, "enterprise", json=body).status_code == 403
    assert world.call("post", url, "researcher", json=body).status_code == 403
    assert world.call("post", url, "staff", json={**body, "version": 99}).status_code == 409
    wrong_state = world.call("post", url, "staff", json={"transition": "negotiate",
                                                         "version": 1})
    assert wrong_state.status_code == 409 and "does not leave" in wrong_state.json["message"]
    missing = world.call("post", url, "staff", json={"transition": "withdraw", "version": 1})
    assert missing.status_code == 422 and "comment" in missing.json["fields"]
    assert world.workflow(record_id)["state"] == "accepted"  # nothing refused left a trace


def test_support_action_and_transfer_create_a_transaction(world):
    record_id = world.owned[1]
    url = f"/api/v1/records/{record_id}/support-actions"
    action = {"type": "valuation", "date": "2025-01-10", "note": "Định giá công nghệ"}
    assert world.call("post", url, "researcher", json=action).status_code == 403
    bad = world.call("post", url, "staff", json={**action, "type": "magic"})
    assert bad.status_code == 422 and "type" in bad.json["fields"]
    assert world.call("post", url, "staff", json=action).status_code == 201
    for name in ("start_screening", "offer"):
        assert world.move(record_id, name).status_code == 200
    incomplete = world.move(record_id, "transfer", **{**TRANSFER, "form": "gift"})
    assert incomplete.status_code == 422 and set(incomplete.json["fields"]) == {"form"}
    done = world.move(record_id, "transfer", **TRANSFER)
    assert done.status_code == 200 and done.json["state"] == "transferred"
    assert [s["type"] for s in done.json["support_actions"]] == ["valuation"]
    last = done.json["history"][-1]
    assert (last["transition"], last["from"], last["to"], last["actor"]) == (
        "transfer", "ready_to_offer", "transferred", "Staff")
    with world.services.sessions() as db:
        row = db.get(Transaction, last["data"]["transaction_id"])
        assert (row.record_id, row.value_vnd, row.form, row.includes_ip, row.source) == (
            record_id, 420_000_000, "licence", True, "workflow")
    public = world.workflow(record_id, None)
    assert public["state"] == "transferred"
    assert public["history"][-1]["to"] == "transferred"
    assert public["history"][-1]["data"] == {} and public["history"][-1]["actor"] == ""
    assert all(action["note"] == "" for action in public["support_actions"])
    assert world.workflow(record_id, "researcher")["history"][-1]["data"]["value_vnd"] == \
        420_000_000  # the owner sees the contract
    hits = world.call("get", "/api/v1/records?status=transferred").json
    assert record_id in [hit["id"] for hit in hits["hits"]]


def test_two_staff_acting_at_once_one_wins(world):
    record_id = world.owned[2]
    start = world.workflow(record_id)["version"]
    with world.services.sessions() as db:
        events_before = db.scalar(select(func.count()).select_from(Event).where(
            Event.record_id == record_id))
    barrier, answers = threading.Barrier(2), []

    def act(role):
        client = world.app.test_client()
        barrier.wait()
        answers.append(client.post(
            f"/api/v1/records/{record_id}/workflow",
            headers={"Authorization": f"Bearer {world.tokens[role]}"},
            json={"transition": "start_screening", "version": start}).status_code)

    threads = [threading.Thread(target=act, args=(role,)) for role in ("staff", "admin")]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(answers) == [200, 409]
    view = world.workflow(record_id)
    assert view["state"] == "screening" and view["version"] == start + 1
    with world.services.sessions() as db:
        assert db.scalar(select(func.count()).select_from(Event).where(
            Event.record_id == record_id)) == events_before + 1


def _ip_move(world, request_id, transition, role="staff", **fields):
    version = world.call("get", f"/api/v1/ip-requests/{request_id}", role).json["version"]
    return world.call("post", f"/api/v1/ip-requests/{request_id}/transitions", role,
                      json={"transition": transition, "version": version, **fields})


def test_an_ip_request_from_request_to_grant(world):
    record_id = world.owned[3]
    body = {"record_id": record_id, "ip_type": "patent", "applicant": "Trường Đại học Phan Thiết",
            "inventors": ["Nguyễn Văn A", "Trần Thị B"]}
    assert world.call("post", "/api/v1/ip-requests", json=body).status_code == 401
    assert world.call("post", "/api/v1/ip-requests", "outsider", json=body).status_code == 404 \
        or world.call("post", "/api/v1/ip-requests", "outsider", json=body).status_code == 403
    created = world.call("post", "/api/v1/ip-requests", "researcher", json=body)
    assert created.status_code == 201 and created.json["state"] == "requested"
    request_id = created.json["id"]
    assert world.call("get", f"/api/v1/ip-requests/{request_id}", "enterprise").status_code == 404
    assert _ip_move(world, request_id, "approve_support", "researcher").status_code == 403
    assert _ip_move(world, request_id, "approve_support").status_code == 200
    wrong = _ip_move(world, request_id, "file", "researcher",
                     application_number="2-2024-01234", filing_date="2024-03-15")
    assert wrong.status_code == 422 and "application_number" in wrong.json["fields"]
    filed = _ip_move(world, request_id, "file", "researcher",
                     application_number="1-2024-01234", filing_date="2024-03-15")
    assert filed.status_code == 200
    due = {d["key"]: d["due"] for d in filed.json["deadlines"]}
    assert due["examination_request"] == "2027-09-15"  # 42 months from filing
    assert due["publication"] == "2025-10-15"  # month 19
    for name in ("accept_application", "publish", "request_examination", "intend_to_grant"):
        assert _ip_move(world, request_id, name).status_code == 200, name
    granted = _ip_move(world, request_id, "grant", grant_date="2026-06-01",
                       grant_number="1-0049382")
    assert granted.status_code == 200 and granted.json["state"] == "granted"
    assert [d["key"] for d in granted.json["deadlines"]] == ["protection_term"]
    assert granted.json["deadlines"][0]["due"] == "2044-03-15"  # 20 years from filing
    patent = world.call("get", f"/api/v1/records/{granted.json['granted_record_id']}").json
    assert patent["kind"] == "patent" and patent["ip_status"] == "granted"
    assert patent["identifiers"]["application_number"] == "1-2024-01234"
    assert world.call("get", f"/api/v1/records/{record_id}").json["ip_status"] == "granted"
    history = [h["transition"] for h in granted.json["history"]]
    assert history[:3] == ["request", "approve_support", "file"] and history[-1] == "grant"


def test_a_utility_solution_has_36_months_and_refusal_keeps_its_reason(world):
    body = {"record_id": world.others[0], "ip_type": "utility_solution", "applicant": "SOFRI"}
    request_id = world.call("post", "/api/v1/ip-requests", "staff", json=body).json["id"]
    refused = _ip_move(world, request_id, "refuse_support", comment="Không đủ tính mới")
    assert refused.json["state"] == "support_refused"
    assert refused.json["reason"] == "Không đủ tính mới"
    request_id = world.call("post", "/api/v1/ip-requests", "staff", json=body).json["id"]
    _ip_move(world, request_id, "approve_support")
    filed = _ip_move(world, request_id, "file", application_number="2-2025-00077",
                     filing_date="2025-01-31", priority_date="2024-08-31")
    due = {d["key"]: d["due"] for d in filed.json["deadlines"]}
    assert due["examination_request"] == "2027-08-31"  # 36 months from the priority date


def test_an_inquiry_is_private_and_ends_in_a_deal(world):
    record_id = world.owned[0]
    for name in ("start_screening", "offer"):
        world.move(record_id, name)
    url = f"/api/v1/records/{record_id}/inquiries"
    message = {"message": "Chúng tôi muốn được cấp phép sử dụng công nghệ này.",
               "contact": "0252 123 456"}
    assert world.call("post", url, "researcher", json=message).status_code == 403
    assert world.call("post", url, "enterprise", json={"message": "hi"}).status_code == 422
    sent = world.call("post", url, "enterprise", json=message)
    assert sent.status_code == 201 and sent.json["state"] == "new"
    inquiry = f"/api/v1/inquiries/{sent.json['id']}"
    assert world.call("get", inquiry, "enterprise2").status_code == 404
    assert world.call("get", inquiry, "outsider").status_code == 404
    inbox = world.call("get", "/api/v1/inquiries", "researcher").json["inquiries"]
    assert sent.json["id"] in [i["id"] for i in inbox]
    assert world.call("get", "/api/v1/inquiries", "enterprise2").json["inquiries"] == []

    def move(name, role="staff", **fields):
        version = world.call("get", inquiry, role).json["version"]
        return world.call("post", f"{inquiry}/transitions", role,
                          json={"transition": name, "version": version, **fields})

    assert move("forward").status_code == 200
    assert move("negotiate", "researcher").status_code == 200
    assert move("close_deal", "enterprise", **TRANSFER).status_code == 403
    deal = move("close_deal", **TRANSFER)
    assert deal.status_code == 200 and deal.json["state"] == "closed_deal"
    assert deal.json["transaction_id"]
    assert world.workflow(record_id)["state"] == "transferred"


def _pdf(title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica-Bold", 16)
    page.drawString(72, 760, title)
    page.setFont("Helvetica", 11)
    page.drawString(72, 730, "Final report of a research task, Phan Thiet University, 2025.")
    page.save()
    return buffer.getvalue()


def test_a_registered_result_is_public_only_once_accepted(world):
    upload = {"files": (io.BytesIO(_pdf("SOLAR DRYING OF DRAGON FRUIT")), "báo cáo.pdf")}
    assert world.call("post", "/api/v1/registrations", "enterprise", data=upload,
                      content_type="multipart/form-data").status_code == 403
    not_pdf = {"files": (io.BytesIO(b"hello"), "x.pdf")}
    refused = world.call("post", "/api/v1/registrations", "researcher", data=not_pdf,
                         content_type="multipart/form-data")
    assert refused.status_code == 422 and "not a PDF" in refused.json["fields"]["files"][0]
    upload = {"files": (io.BytesIO(_pdf("SOLAR DRYING OF DRAGON FRUIT")), "báo cáo.pdf")}
    created = world.call("post", "/api/v1/registrations", "researcher", data=upload,
                         content_type="multipart/form-data")
    assert created.status_code == 201, created.json
    record_id = created.json["id"]
    assert world.call("get", f"/api/v1/records/{record_id}").status_code == 404
    assert world.call("get", f"/api/v1/records/{record_id}", "researcher").status_code == 200
    edit = {"version": 1, "title": "Sấy thanh long bằng năng lượng mặt trời",
            "sectors": ["thanh-long"]}
    assert world.call("patch", f"/api/v1/records/{record_id}", "researcher",
                      json=edit).status_code == 200
    assert world.call("patch", f"/api/v1/records/{record_id}", "researcher",
                      json=edit).status_code == 409  # version 1 is stale now
    reg = f"/api/v1/records/{record_id}/registration"
    assert world.call("post", reg, "researcher",
                      json={"transition": "submit", "version": 2}).status_code == 200
    assert world.call("post", reg, "researcher",
                      json={"transition": "accept", "version": 3}).status_code == 403
    accepted = world.call("post", reg, "staff", json={"transition": "accept", "version": 3})
    assert accepted.status_code == 200 and accepted.json["registration_state"] == "accepted"
    public = world.call("get", f"/api/v1/records/{record_id}").json
    assert public["title"] == "Sấy thanh long bằng năng lượng mặt trời"
    assert world.workflow(record_id)["case"]["owner"]
    search = world.call("get", "/api/v1/records?q=say+thanh+long+nang+luong").json
    assert record_id in [hit["id"] for hit in search["hits"]]
    changes = world.call("get", f"/api/v1/records/{record_id}/versions?a=1&b=2",
                         "researcher").json["changes"]
    title = next(change for change in changes if change["field"] == "title")
    assert title["after"] == "Sấy thanh long bằng năng lượng mặt trời"
    assert title["before"] and title["before"] != title["after"]  # what the indexer pre-filled


def test_a_transition_commits_when_the_search_engine_is_down(world, monkeypatch):
    record_id = world.others[1]
    engine = world.services.search_engine

    def unreachable(*args, **kwargs):
        raise ConnectionError("search engine down")

    monkeypatch.setattr(engine, "upsert", unreachable)
    answer = world.move(record_id, "start_screening")
    assert answer.status_code == 200 and answer.json["state"] == "screening"
    monkeypatch.undo()
    from repo_app.services.indexing import sync_index

    sync_index(world.services)  # what the background catch-up does when the engine is back
    hits = world.call("get", "/api/v1/records?status=screening").json["hits"]
    assert record_id in [hit["id"] for hit in hits]
