"""Activities and technology demand through the API: staff record the plan's activities, an
enterprise describes a need, the search engine proposes the closest results, staff forward one
and a licensing inquiry opens."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from repo_app.models import Inquiry, Record
from repo_app.services import accounts, activities, yearly_report
from repo_app.services import plan_indicators as plan
from repo_app.services.errors import Forbidden, NotAuthenticated
from repo_app.services.indexing import rebuild_index
from repo_app.services.principal import ANONYMOUS, Principal

RESULTS = {
    "TL1": ("Quy trình bảo quản thanh long tươi sau thu hoạch bằng màng bao chitosan",
            ["thanh-long"]),
    "NM1": ("Công nghệ sản xuất nước mắm ngắn ngày từ cá cơm", ["nuoc-mam"]),
    "HS1": ("Máy sấy hải sản dùng năng lượng mặt trời", []),
}


@pytest.fixture
def api(services):
    from repo_app import create_app

    with services.sessions() as session, session.begin():
        for id_, (title, sectors) in RESULTS.items():
            data = {"kind": "research_result", "document_type": "final_report",
                    "title": title, "sectors": sectors, "abstract": title,
                    "dates": {"accepted": "2023-05-01"}, "access_level": "public"}
            session.add(Record(id=id_, kind="research_result", document_type="final_report",
                               title=title, commercialisation_status="ready_to_offer",
                               ip_status="none", registration_state="accepted", data=data,
                               full_text=title))
    rebuild_index(services)
    app = create_app(services=services)
    app.config.update(TESTING=True)
    for email, role in (("staff@skhcn.example", "staff"), ("dn@example.com", "enterprise"),
                        ("other@example.com", "enterprise")):
        accounts.add_user(services, email, role=role, name=email.split("@")[0],
                          password="mat-khau-dai-1")
    headers = {email: {"Authorization": f"Bearer {accounts.new_token(services, email)}"}
               for email in ("staff@skhcn.example", "dn@example.com", "other@example.com")}
    return app.test_client(), headers


def test_staff_record_an_event_with_the_records_presented(api):
    client, headers = api
    staff = headers["staff@skhcn.example"]
    created = client.post("/api/v1/activities", headers=staff, json={
        "type": "connection_event", "title": "Techmart Bình Thuận 2024",
        "start_date": "2024-09-12", "place": "phan-thiet", "participants": 250,
        "records": ["TL1", "NM1"]})
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    assert body["records"] == ["TL1", "NM1"] and body["task"] == 6
    listed = client.get("/api/v1/activities?year=2024", headers=staff).get_json()
    assert listed["total"] == 1
    indicators = client.get("/api/v1/plan/indicators?period=2021-2025").get_json()
    events = next(row for row in indicators["indicators"] if row["key"] == "events")
    assert events["value"] == 1
    bad = client.post("/api/v1/activities", headers=staff, json={
        "type": "training", "title": "Hội thảo", "start_date": "2024-09-12",
        "connected_on": "2024-10-01", "records": ["NOPE"]})
    assert bad.status_code == 422
    assert client.post("/api/v1/activities", json={}).status_code == 401
    assert client.post("/api/v1/activities", headers=headers["dn@example.com"],
                       json={}).status_code == 403


def test_a_need_gets_matching_results_and_staff_forward_one(api, services):
    client, headers = api
    need = client.post("/api/v1/technology-needs", headers=headers["dn@example.com"], json={
        "sector": "thanh-long", "budget_min_vnd": 100_000_000, "budget_max_vnd": 500_000_000,
        "timeline": "trước vụ thu hoạch 2025",
        "problem": "Cần công nghệ bảo quản thanh long tươi lâu hơn sau thu hoạch để xuất khẩu"})
    assert need.status_code == 201, need.get_json()
    body = need.get_json()
    assert body["enterprise_name"] == "dn" and body["matches"]
    assert body["matches"][0]["record_id"] == "TL1"
    # Another enterprise does not see it; staff do.
    assert client.get(f"/api/v1/technology-needs/{body['id']}",
                      headers=headers["other@example.com"]).status_code == 404
    assert client.get("/api/v1/technology-needs",
                      headers=headers["staff@skhcn.example"]).get_json()["total"] == 1
    match_id = body["matches"][0]["id"]
    assert client.post(f"/api/v1/technology-needs/matches/{match_id}/forward",
                       headers=headers["dn@example.com"]).status_code == 403
    forwarded = client.post(f"/api/v1/technology-needs/matches/{match_id}/forward",
                            headers=headers["staff@skhcn.example"])
    assert forwarded.status_code == 201, forwarded.get_json()
    inquiry_id = forwarded.get_json()["inquiry_id"]
    with services.sessions() as session:
        inquiry = session.get(Inquiry, inquiry_id)
        assert inquiry.record_id == "TL1"
        assert "bảo quản thanh long" in inquiry.message
        assert session.scalars(select(Inquiry)).all() == [inquiry]
    again = client.get(f"/api/v1/technology-needs/{body['id']}",
                       headers=headers["dn@example.com"]).get_json()
    assert again["matches"][0]["inquiry_id"] == inquiry_id


def test_a_need_names_its_invalid_fields(api):
    client, headers = api
    response = client.post("/api/v1/technology-needs", headers=headers["dn@example.com"],
                           json={"problem": "ngắn", "sector": "khong-co",
                                 "budget_min_vnd": 5, "budget_max_vnd": 1})
    assert response.status_code == 422
    assert {"problem", "sector"} <= set(response.get_json()["fields"])


def test_search_results_export(api):
    client, _ = api
    response = client.get("/api/v1/exports/records?q=thanh+long&format=csv")
    assert response.status_code == 200
    lines = response.data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,") and any("TL1" in line for line in lines[1:])


def test_demo_data_fills_the_tracker_once(services):
    from repo_app.services import activities, plan_indicators

    if not services.settings.database_url.startswith("sqlite"):
        with pytest.raises(SystemExit):
            activities.load_demo(services)
        return
    assert activities.load_demo(services) == [
        "tracker demo: 40 transactions 2021-2025, 7 activities"]
    assert activities.load_demo(services) == ["tracker demo: 0 transactions 2021-2025, "
                                              "0 activities"]
    scope = plan_indicators.Scope(plan_indicators.period_of("2021-2025"))
    figures = {row["key"]: row for row in
               plan_indicators.indicators(services, scope)["indicators"]}
    assert figures["ip_transaction_share"]["denominator"] == 40
    assert figures["intermediaries"]["value"] == 1 and figures["survey"]["value"] == 1


# The tracker's staff-only reads are refused by the services themselves, whichever page, API
# endpoint or command calls them (the views do not hold the rule).
STAFF_ONLY_READS = {
    "indicator rows": lambda services, who: plan.drilldown_for(services, who,
                                                               "support_coverage", {}),
    "yearly figures": lambda services, who: yearly_report.figures_for(services, who, 2024),
    "activities": lambda services, who: activities.activities_for(services, who),
    "proposals again": lambda services, who: activities.rematch(services, who, 1),
}


@pytest.mark.parametrize("read", sorted(STAFF_ONLY_READS))
def test_staff_only_tracker_reads_are_refused_by_the_service(services, read):
    enterprise = Principal(user_id=41, role="enterprise", name="Doanh nghiệp")
    with pytest.raises(NotAuthenticated):
        STAFF_ONLY_READS[read](services, ANONYMOUS)
    with pytest.raises(Forbidden):
        STAFF_ONLY_READS[read](services, enterprise)
