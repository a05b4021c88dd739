"""Every role against every route that has an owner, as the access policy says it should
answer: anonymous, an enterprise, a researcher of the owning organisation, a researcher of
another, staff, admin. Writes that would change a state are sent with a stale version, so
that the matrix reads the rule (401/403/404) without moving anything (409 = allowed)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from repo_app import create_app
from repo_app.models import Record, StoredFile
from repo_app.services import accounts, inquiries, ip_requests, registration
from repo_app.services.principal import Principal
from tests.conftest import BACKENDS, CORPUS, instance_on

ROLES = ("anonymous", "enterprise", "owner", "other", "staff", "admin")
PASSWORD = "mot-mat-khau-dai"
OWNED = CORPUS / "reports" / "2020-csdl-khcn-gis-binh-thuan.pdf"  # Trường Đại học Phan Thiết
RESTRICTED = CORPUS / "reports" / "2014-thanh-long-vietgap-ham-thuan-bac.pdf"  # SOFRI


class Site:
    def __init__(self, services):
        from repo_app.services.ingest import Ingestor

        Ingestor(services, workers=1).run([OWNED, RESTRICTED])
        self.services, self.app = services, create_app(services=services)
        self.tokens, self.principals = {}, {}
        for role, (kind, org) in {"enterprise": ("enterprise", None),
                                  "owner": ("researcher", "dai-hoc-phan-thiet"),
                                  "other": ("researcher", "sofri"),
                                  "staff": ("staff", None), "admin": ("admin", None)}.items():
            user = accounts.add_user(services, f"{role}@test.vn", role=kind, name=role,
                                     password=PASSWORD, organisation=org)
            self.tokens[role] = accounts.new_token(services, f"{role}@test.vn")
            self.principals[role] = Principal.of(user)
        with services.sessions.begin() as db:
            self.public = db.scalar(select(Record.id).where(
                Record.organisation_key == "dai-hoc-phan-thiet"))
            restricted = db.scalar(select(Record).where(Record.organisation_key == "sofri"))
            restricted.access_level = "restricted"
            self.restricted = restricted.id
            self.restricted_file = db.scalar(select(StoredFile.sha256).where(
                StoredFile.record_id == restricted.id))
        self.draft = registration.create_draft(services, self.principals["owner"],
                                               [("draft.pdf", _pdf())])
        self.ip_request = ip_requests.create(services, self.principals["owner"], {
            "record_id": self.public, "ip_type": "patent", "applicant": "ĐH Phan Thiết"})["id"]
        self.inquiry = inquiries.send(services, self.public, self.principals["enterprise"], {
            "message": "Chúng tôi quan tâm đến kết quả này."})["id"]

    def answer(self, role: str, method: str, url: str, **kwargs) -> int:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role != "anonymous" else {}
        response = getattr(self.app.test_client(), method)(url, headers=headers, **kwargs)
        response.close()  # a download streams its file until closed
        return response.status_code


def _pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "A DRAFT REPORT NOBODY OUTSIDE MAY SEE")
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="module", params=BACKENDS)
def site(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"matrix-{request.param}")
    with instance_on(request.param, folder) as services:
        yield Site(services)


#            anonymous enterprise owner other staff admin
READS = {
    "/api/v1/records/{public}": (200, 200, 200, 200, 200, 200),
    # The restricted record is SOFRI's, and "other" is a SOFRI researcher: its owner.
    "/api/v1/records/{restricted}": (404, 404, 404, 200, 200, 200),
    "/api/v1/records/{draft}": (404, 404, 200, 404, 200, 200),
    "/api/v1/records/{draft}/versions": (404, 404, 200, 404, 200, 200),
    "/records/{draft}": (404, 404, 200, 404, 200, 200),
    "/records/{restricted}/files/{restricted_file}": (404, 404, 404, 200, 200, 200),
    "/api/v1/records/{public}/workflow": (200, 200, 200, 200, 200, 200),
    "/api/v1/work-queue": (401, 403, 403, 403, 200, 200),
    "/api/v1/ip-requests/{ip_request}": (401, 404, 200, 404, 200, 200),
    "/api/v1/inquiries/{inquiry}": (401, 200, 200, 404, 200, 200),
    "/api/v1/transactions": (401, 403, 403, 403, 200, 200),
    "/api/v1/plan/indicators": (200, 200, 200, 200, 200, 200),
}
WRITES = [
    ("post", "/api/v1/records/{public}/workflow",
     {"transition": "start_screening", "version": 0}, (401, 403, 403, 403, 409, 409)),
    ("post", "/api/v1/records/{public}/support-actions",
     {"type": "magic", "date": "2025-01-01"}, (401, 403, 403, 403, 422, 422)),
    ("post", "/api/v1/ip-requests/{ip_request}/transitions",
     {"transition": "approve_support", "version": 0}, (401, 404, 403, 404, 409, 409)),
    ("post", "/api/v1/inquiries/{inquiry}/transitions",
     {"transition": "close_no_deal", "version": 0}, (401, 409, 409, 404, 409, 409)),
    ("post", "/api/v1/records/{public}/inquiries", {"message": "x"}, (
        401, 422, 403, 403, 403, 403)),
    ("post", "/api/v1/ip-requests", {"record_id": "{restricted}", "ip_type": "patent",
                                     "applicant": "SOFRI"}, (401, 404, 404, 201, 201, 201)),
    ("patch", "/api/v1/records/{draft}", {"version": 0, "title": "x"}, (
        401, 404, 409, 404, 409, 409)),
    ("post", "/api/v1/records/{draft}/registration",
     {"transition": "accept", "version": 0}, (404, 404, 403, 404, 409, 409)),
    ("post", "/api/v1/transactions", {}, (401, 403, 403, 403, 422, 422)),
]


def _fill(site: Site, text: str) -> str:
    return text.format(public=site.public, restricted=site.restricted, draft=site.draft,
                       restricted_file=site.restricted_file, ip_request=site.ip_request,
                       inquiry=site.inquiry)


@pytest.mark.parametrize("url", READS)
def test_reads(site, url):
    answers = tuple(site.answer(role, "get", _fill(site, url)) for role in ROLES)
    assert answers == READS[url], dict(zip(ROLES, answers, strict=True))


@pytest.mark.parametrize("write", WRITES, ids=lambda w: f"{w[0]} {w[1]}")
def test_writes(site, write):
    method, url, body, expected = write
    body = {k: _fill(site, v) if isinstance(v, str) else v for k, v in body.items()}
    answers = tuple(site.answer(role, method, _fill(site, url), json=body) for role in ROLES)
    assert answers == expected, dict(zip(ROLES, answers, strict=True))


def test_staff_pages_need_staff(site):
    def page(role, url):
        client = site.app.test_client()
        if role != "anonymous":
            from tests.test_accounts import _sign_in

            _sign_in(client, f"{role}@test.vn")
        response = client.get(url)
        response.close()
        return response.status_code

    for url, expected in {"/outbox": (302, 403, 403, 403, 200, 200),
                          "/work": (302, 200, 200, 200, 200, 200),
                          "/register": (302, 403, 200, 200, 200, 200),
                          "/tracker/": (302, 403, 403, 403, 200, 200)}.items():
        answers = tuple(page(role, url) for role in ROLES)
        assert answers == expected, (url, dict(zip(ROLES, answers, strict=True)))
