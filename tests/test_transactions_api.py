"""``/api/v1/transactions`` as an API client uses it: staff create with a bearer token, the
invalid fields are named, others are refused, the list filters."""

from __future__ import annotations

import pytest

from repo_app.services import accounts

GOOD = {"date": "2024-03-15", "value_vnd": 350_000_000, "form": "licence", "includes_ip": True,
        "origin": "domestic_institute", "parties": ["Đại học Phan Thiết", "Công ty TNHH Hải Nam"]}


@pytest.fixture
def api(services):
    from repo_app import create_app

    app = create_app(services=services)
    app.config.update(TESTING=True)
    accounts.add_user(services, "staff@skhcn.example", role="staff", name="Cán bộ Sở",
                      password="mat-khau-dai-1")
    accounts.add_user(services, "dn@example.com", role="enterprise", name="Doanh nghiệp",
                      password="mat-khau-dai-2")
    staff = {"Authorization": f"Bearer {accounts.new_token(services, 'staff@skhcn.example')}"}
    other = {"Authorization": f"Bearer {accounts.new_token(services, 'dn@example.com')}"}
    return app.test_client(), staff, other


def test_staff_create_a_transaction_and_read_it_back(api):
    client, staff, _ = api
    created = client.post("/api/v1/transactions", json=GOOD, headers=staff)
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    assert body["id"] and body["value_vnd"] == 350_000_000 and body["source"] == "api"
    assert body["parties"] == GOOD["parties"]
    listed = client.get("/api/v1/transactions", headers=staff).get_json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == body["id"]
    assert listed["value_vnd"] == 350_000_000


def test_invalid_fields_are_named_with_422(api):
    client, staff, _ = api
    bad = {**GOOD, "form": "gift", "value_vnd": -5, "origin": "foreign"}
    del bad["parties"]
    response = client.post("/api/v1/transactions", json=bad, headers=staff)
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    fields = response.get_json()["fields"]
    assert {"form", "value_vnd", "parties"} <= set(fields)
    unknown_record = client.post("/api/v1/transactions", json={**GOOD, "record_id": "nope"},
                                 headers=staff)
    assert unknown_record.status_code == 422
    assert "record_id" in unknown_record.get_json()["fields"]
    foreign = client.post("/api/v1/transactions", json={**GOOD, "origin": "foreign"},
                          headers=staff)
    assert set(foreign.get_json()["fields"]) == {"country", "developed_country"}


def test_anonymous_gets_401_and_other_accounts_403(api):
    client, _, other = api
    assert client.post("/api/v1/transactions", json=GOOD).status_code == 401
    assert client.post("/api/v1/transactions", json=GOOD, headers=other).status_code == 403
    assert client.get("/api/v1/transactions").status_code == 401
    assert client.get("/api/v1/transactions", headers=other).status_code == 403


def test_list_filters(api):
    client, staff, _ = api
    rows = [
        GOOD,
        {**GOOD, "date": "2023-01-02", "includes_ip": False, "origin": "foreign",
         "country": "Nhật Bản", "developed_country": True, "parties": ["JICA"]},
        {**GOOD, "date": "2024-12-31", "form": "equipment", "origin": "domestic_enterprise",
         "parties": ["Công ty Cổ phần Thanh Long"]},
    ]
    for row in rows:
        assert client.post("/api/v1/transactions", json=row, headers=staff).status_code == 201

    def ids(**args):
        body = client.get("/api/v1/transactions", query_string=args, headers=staff).get_json()
        return body["total"]

    assert ids() == 3
    assert ids(year=2024) == 2
    assert ids(origin="foreign") == 1
    assert ids(developed_country="true") == 1
    assert ids(includes_ip="false") == 1
    assert ids(form="equipment") == 1
    assert ids(date_from="2024-06-01") == 1
    assert ids(party="thanh long") == 1
    bad = client.get("/api/v1/transactions", query_string={"year": "abc", "form": "x"},
                     headers=staff)
    assert bad.status_code == 422 and {"year", "form"} <= set(bad.get_json()["fields"])


def test_lists_export_to_csv_and_xlsx(api):
    import io

    from openpyxl import load_workbook

    client, staff, _ = api
    client.post("/api/v1/transactions", json=GOOD, headers=staff)
    csv = client.get("/api/v1/transactions?format=csv", headers=staff)
    assert csv.status_code == 200 and "attachment" in csv.headers["Content-Disposition"]
    text = csv.data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id,date,value_vnd,form")
    assert "Đại học Phan Thiết; Công ty TNHH Hải Nam" in text
    xlsx = client.get("/api/v1/transactions?format=xlsx", headers=staff)
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    assert sheet["B2"].value == "2024-03-15" and sheet["C2"].value == 350_000_000


def test_an_export_has_every_row_not_one_page(api, services):
    from repo_app.services import transactions

    client, staff, _ = api
    with services.sessions() as session, session.begin():
        for day in range(600):
            values = transactions.load_transaction(
                {**GOOD, "value_vnd": 1_000 + day, "parties": [f"Bên {day}"]})
            transactions.create_transaction(session, values, source="import", created_by=None)
    page = client.get("/api/v1/transactions?size=1000", headers=staff).get_json()
    assert page["total"] == 600 and len(page["items"]) == 500  # pages stop at 500
    csv = client.get("/api/v1/transactions?format=csv", headers=staff)
    assert len(csv.data.decode("utf-8-sig").splitlines()) == 1 + 600
