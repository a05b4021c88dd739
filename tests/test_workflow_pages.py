"""The workflow pages through Flask's test client: each page renders for the roles it is for
and refuses the others, every form needs its CSRF token, a stale version is a 409 shown as a
message, and the forms drive the services (registration, commercialisation, IP requests,
inquiries, offers).

Each test has its own database: a researcher registers a result from a PDF generated here,
staff accept it, and the test works on that record.
"""

from __future__ import annotations

import io
import re
import uuid
from datetime import date
from pathlib import Path

import pytest

from repo_app import create_app
from repo_app.services import accounts, commercialisation, offers, registration
from repo_app.services.principal import Principal

PASSWORD = "mot-mat-khau-dai-1"
ORG = "so-khcn-binh-thuan"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def report_pdf(title: str, token: str | None = None) -> bytes:
    """A small born-digital final report, unique by ``token`` (so its hash is new)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("DejaVuSans", 12)
    lines = [
        "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "BÁO CÁO TỔNG HỢP KẾT QUẢ NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ",
        title,
        "Tổ chức chủ trì: Trung tâm Ứng dụng tiến bộ khoa học và công nghệ Bình Thuận",
        "Chủ nhiệm nhiệm vụ: ThS. Nguyễn Văn An",
        "Tóm tắt: Nghiên cứu xây dựng quy trình sản xuất và bảo quản nông sản.",
        "Quy trình được thử nghiệm tại huyện Hàm Thuận Bắc với kết quả khả quan.",
        f"Mã tham chiếu: {token or uuid.uuid4().hex}",
        "Phan Thiết, 2023",
    ]
    y = 800
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 22
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def app(services):
    app = create_app(services=services)
    app.config.update(TESTING=True)
    return app


def _user(services, email, role, organisation=None, name=None):
    user = accounts.add_user(services, email, role=role, name=name or email.split("@")[0],
                             password=PASSWORD, organisation=organisation)
    return Principal.of(user)


@pytest.fixture
def people(services):
    return {
        "staff": _user(services, "staff@skhcn.gov.vn", "staff", name="Cán bộ Sở"),
        "researcher": _user(services, "nnc@vien.vn", "researcher", ORG, "Nhà nghiên cứu"),
        "stranger": _user(services, "khac@vien.vn", "researcher", "so-khcn-lam-dong"),
        "enterprise": _user(services, "dn@congty.vn", "enterprise", name="Công ty A"),
    }


@pytest.fixture
def result(services, people):
    """An accepted research result of the researcher's organisation, with its open case."""
    record_id = registration.create_draft(services, people["researcher"], [
        ("bao-cao.pdf", report_pdf("Quy trình bảo quản thanh long sau thu hoạch"))])
    registration.run_transition(services, record_id, people["researcher"],
                                {"transition": "submit", "version": 1})
    registration.run_transition(services, record_id, people["staff"],
                                {"transition": "accept", "version": 2})
    return record_id


def _csrf(client) -> str:
    html = client.get("/login").get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(app, email):
    client = app.test_client()
    response = client.post("/login", data={"csrf": _csrf(client), "email": email,
                                           "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    client.csrf = _csrf(client)
    return client


def _version(services, record_id, principal) -> int:
    return commercialisation.get_workflow(services, record_id, principal)["version"]


# -- Who may see what ----------------------------------------------------------------------------


def test_work_home_for_each_role_and_anonymous_redirect(app, people, result):
    assert app.test_client().get("/work").status_code == 302
    staff = sign_in(app, "staff@skhcn.gov.vn").get("/work")
    html = staff.get_data(as_text=True)
    assert staff.status_code == 200 and 'data-count="unsupported">1<' in html
    assert "Nhà nghiên cứu chờ xác nhận" in html
    researcher = sign_in(app, "nnc@vien.vn").get("/work").get_data(as_text=True)
    assert "Hồ sơ đăng ký của tôi" in researcher and "data-count" not in researcher
    english = sign_in(app, "staff@skhcn.gov.vn").get("/work?lang=en").get_data(as_text=True)
    assert "Results with no support yet" in english and 'lang="en"' in english
    enterprise = sign_in(app, "dn@congty.vn").get("/work?lang=en").get_data(as_text=True)
    assert "Licensing inquiries" in enterprise and "My registrations" not in enterprise


def test_work_queue_filter_by_owner_unit(app, people, result):
    from schemas import vocabularies

    staff = sign_in(app, "staff@skhcn.gov.vn")
    counts = []
    for unit in vocabularies.load("department_units"):
        html = staff.get(f"/work?owner={unit}").get_data(as_text=True)
        assert f'<option value="{unit}" selected' in html
        counts.append(int(re.search(r'data-count="unsupported">(\d+)<', html).group(1)))
    assert sorted(counts) == [0] * (len(counts) - 1) + [1]


def test_staff_confirm_a_researchers_organisation(app, services, people):
    accounts.sign_up(services, email="moi@vien.vn", name="Nhà nghiên cứu mới", role="researcher",
                     password=PASSWORD, organisation=ORG, enterprise_name=None,
                     confirm_url=lambda token: f"/confirm/{token}")
    pending = accounts.pending_researchers(services)
    assert [u.email for u in pending] == ["moi@vien.vn"]
    staff = sign_in(app, "staff@skhcn.gov.vn")
    html = staff.get("/work").get_data(as_text=True)
    assert "moi@vien.vn" in html
    action = f"/work/researchers/{pending[0].id}/confirm"
    assert action in html
    assert sign_in(app, "nnc@vien.vn").post(action, data={}).status_code == 400  # no CSRF
    confirmed = staff.post(action, data={"csrf": staff.csrf})
    assert confirmed.status_code == 302
    assert accounts.pending_researchers(services) == []


def test_an_unconfirmed_researcher_is_told_so(app, services, people):
    accounts.sign_up(services, email="cho@vien.vn", name="Chờ xác nhận", role="researcher",
                     password=PASSWORD, organisation=ORG, enterprise_name=None,
                     confirm_url=lambda token: f"/confirm/{token}")
    from repo_app.services import notifications

    mail = next(m for m in notifications.outbox(services) if m.recipient == "cho@vien.vn")
    link = re.search(r"/confirm/\S+", mail.body).group(0)
    assert app.test_client().get(link).status_code == 302  # the e-mail is confirmed
    html = sign_in(app, "cho@vien.vn").get("/work").get_data(as_text=True)
    assert "Sở đang xác nhận" in html
    assert "Sở đang xác nhận" not in sign_in(app, "nnc@vien.vn").get("/work").get_data(
        as_text=True)


def test_staff_only_pages_refuse_others(app, people, result):
    anonymous = app.test_client()
    for path in ("/outbox", f"/offers/{result}/edit"):
        assert anonymous.get(path).status_code == 302
        assert sign_in(app, "nnc@vien.vn").get(path).status_code == 403
        assert sign_in(app, "staff@skhcn.gov.vn").get(path).status_code in (200, 409)
    assert sign_in(app, "dn@congty.vn").get("/register").status_code == 403
    assert anonymous.get("/register").status_code == 302
    assert anonymous.get("/ip-requests").status_code == 302
    assert anonymous.get("/inquiries").status_code == 302


def test_a_draft_is_seen_by_its_owner_and_staff_only(app, services, people):
    record_id = registration.create_draft(services, people["researcher"], [
        ("nhap.pdf", report_pdf("Bản nháp chưa gửi"))])
    assert sign_in(app, "nnc@vien.vn").get(f"/register/{record_id}").status_code == 200
    assert sign_in(app, "staff@skhcn.gov.vn").get(f"/register/{record_id}").status_code == 200
    assert sign_in(app, "khac@vien.vn").get(f"/register/{record_id}").status_code == 404
    assert app.test_client().get(f"/records/{record_id}").status_code == 404
    own = sign_in(app, "nnc@vien.vn").get(f"/records/{record_id}").get_data(as_text=True)
    assert "chưa được công bố" in own and f"/register/{record_id}" in own
    assert "wf-transition" not in own


def test_forms_without_csrf_are_refused(app, people, result):
    client = sign_in(app, "staff@skhcn.gov.vn")
    for path, data in (
        (f"/records/{result}/workflow", {"transition": "start_screening", "version": "1"}),
        (f"/records/{result}/support-actions", {"type": "training", "date": "2024-01-02"}),
        (f"/register/{result}", {"action": "save", "version": "1", "title": "x"}),
        ("/register", {}),
        (f"/offers/{result}/edit", {"summary": "x" * 30, "offered": "licence"}),
    ):
        assert client.post(path, data=data).status_code == 400, path


# -- Registration --------------------------------------------------------------------------------


def test_upload_edit_submit_accept_and_compare(app, services, people):
    researcher = sign_in(app, "nnc@vien.vn")
    page = researcher.get("/register")
    assert 'enctype="multipart/form-data"' in page.get_data(as_text=True)
    uploaded = researcher.post("/register", data={
        "csrf": researcher.csrf,
        "files": [(io.BytesIO(report_pdf("Sản xuất nước mắm giảm mặn")), "a.pdf"),
                  (io.BytesIO(report_pdf("Phụ lục")), "phu-luc.pdf")]},
        content_type="multipart/form-data")
    assert uploaded.status_code == 302
    record_id = uploaded.headers["Location"].rsplit("/", 1)[-1]
    form = researcher.get(uploaded.headers["Location"]).get_data(as_text=True)
    assert 'name="version" value="1"' in form and 'name="sectors"' in form
    assert 'value="submit"' in form and 'value="accept"' not in form
    saved = researcher.post(f"/register/{record_id}", data={
        "csrf": researcher.csrf, "action": "submit", "version": "1",
        "title": "Sản xuất nước mắm giảm mặn", "title_en": "Low-salt fish sauce",
        "abstract": "Quy trình lên men nhanh.", "keywords": "nước mắm\ngiảm mặn; lên men",
        "kind": "research_result", "language": "vi", "sectors": ["nuoc-mam"], "trl": "6",
        "task_code": "BT-2023-07", "budget_total": "1.200.000.000", "date_start": "2022-01"})
    assert saved.status_code == 302, saved.get_data(as_text=True)[:2000]
    after = researcher.get(f"/register/{record_id}").get_data(as_text=True)
    assert 'data-state="submitted"' in after and 'value="save"' not in after
    staff = sign_in(app, "staff@skhcn.gov.vn")
    review = staff.get(f"/register/{record_id}").get_data(as_text=True)
    assert 'value="accept"' in review and 'value="reject"' in review
    no_comment = staff.post(f"/register/{record_id}", data={
        "csrf": staff.csrf, "action": "reject", "version": "3", "comment": ""})
    assert no_comment.status_code == 422 and "HTTP 422" in no_comment.get_data(as_text=True)
    accepted = staff.post(f"/register/{record_id}", data={
        "csrf": staff.csrf, "action": "accept", "version": "3"})
    assert accepted.status_code == 302
    public = app.test_client().get(f"/records/{record_id}").get_data(as_text=True)
    assert "Low-salt fish sauce" in public and "BT-2023-07" in public
    compare = researcher.get(f"/register/{record_id}/versions?a=1&b=2").get_data(as_text=True)
    assert 'data-field="title_en"' in compare and "Low-salt fish sauce" in compare
    assert 'data-field="budget.total_vnd"' in compare
    assert "nước mắm; giảm mặn; lên men" in compare  # a list reads as a list


def test_changes_asked_by_staff_reach_the_researcher(app, services, people):
    record_id = registration.create_draft(services, people["researcher"], [
        ("d.pdf", report_pdf("Hồ sơ cần bổ sung"))])
    researcher = sign_in(app, "nnc@vien.vn")
    assert researcher.post(f"/register/{record_id}", data={
        "csrf": researcher.csrf, "action": "submit", "version": "1", "title": "Hồ sơ cần bổ sung",
        "kind": "research_result", "language": "vi"}).status_code == 302
    staff = sign_in(app, "staff@skhcn.gov.vn")
    asked = staff.post(f"/register/{record_id}?lang=en", data={
        "csrf": staff.csrf, "action": "request_changes", "version": "3",
        "comment": "Bổ sung tóm tắt tiếng Anh."})
    assert asked.status_code == 302
    page = researcher.get(f"/register/{record_id}").get_data(as_text=True)
    assert 'data-state="changes_requested"' in page and "Bổ sung tóm tắt tiếng Anh." in page
    assert "Yêu cầu chỉnh sửa" in page and 'value="submit"' in page
    assert "Ask for changes" in researcher.get(f"/register/{record_id}?lang=en").get_data(
        as_text=True)
    outbox = staff.get("/outbox").get_data(as_text=True)
    assert "nnc@vien.vn" in outbox and "Your submission was reviewed" in outbox


def test_a_stale_edit_is_a_409_with_a_reload_hint(app, services, people):
    record_id = registration.create_draft(services, people["researcher"], [
        ("c.pdf", report_pdf("Bản nháp bị sửa đồng thời"))])
    registration.update_metadata(services, people["staff"], record_id, 1, {"trl": 3})
    researcher = sign_in(app, "nnc@vien.vn")
    stale = researcher.post(f"/register/{record_id}", data={
        "csrf": researcher.csrf, "action": "save", "version": "1",
        "title": "Tên mới của tôi", "kind": "research_result", "language": "vi"})
    html = stale.get_data(as_text=True)
    assert stale.status_code == 409 and "HTTP 409" in html and "tải lại" in html.lower()
    assert "Tên mới của tôi" in html  # what the person typed is not lost


def test_an_already_known_file_is_a_409(app, services, people):
    pdf = report_pdf("Tệp trùng", token="same")
    researcher = sign_in(app, "nnc@vien.vn")
    first = researcher.post("/register", data={"csrf": researcher.csrf,
                                               "files": [(io.BytesIO(pdf), "x.pdf")]},
                            content_type="multipart/form-data")
    assert first.status_code == 302
    again = researcher.post("/register", data={"csrf": researcher.csrf,
                                               "files": [(io.BytesIO(pdf), "x.pdf")]},
                            content_type="multipart/form-data")
    assert again.status_code == 409 and "HTTP 409" in again.get_data(as_text=True)


# -- The record page's panel -----------------------------------------------------------------------


def test_panel_shows_the_machine_and_only_allowed_forms(app, services, people, result):
    anonymous = app.test_client().get(f"/records/{result}").get_data(as_text=True)
    assert 'aria-current="step"' in anonymous and "bước hiện tại" in anonymous
    assert 'class="wf-transition"' not in anonymous and "wf-support-form" not in anonymous
    staff = sign_in(app, "staff@skhcn.gov.vn").get(f"/records/{result}").get_data(as_text=True)
    assert 'data-transition="start_screening"' in staff and "wf-support-form" in staff
    assert "wf-ip-form" in staff
    researcher = sign_in(app, "nnc@vien.vn").get(f"/records/{result}").get_data(as_text=True)
    assert 'data-transition="start_screening"' not in researcher
    assert 'data-transition="register_result"' in researcher and "wf-ip-form" in researcher
    enterprise = sign_in(app, "dn@congty.vn").get(f"/records/{result}").get_data(as_text=True)
    assert "wf-inquiry-form" in enterprise and "wf-ip-form" not in enterprise


def test_transfer_through_the_panel_creates_a_transaction(app, services, people, result):
    staff = sign_in(app, "staff@skhcn.gov.vn")
    added = staff.post(f"/records/{result}/support-actions", data={
        "csrf": staff.csrf, "type": "matchmaking", "date": date.today().isoformat(),
        "note": "Techmart 2024"})
    assert added.status_code == 302
    for name in ("start_screening", "offer"):
        moved = staff.post(f"/records/{result}/workflow", data={
            "csrf": staff.csrf, "transition": name,
            "version": str(_version(services, result, people["staff"]))})
        assert moved.status_code == 302, moved.get_data(as_text=True)[:1000]
    version = str(_version(services, result, people["staff"]))
    missing = staff.post(f"/records/{result}/workflow", data={
        "csrf": staff.csrf, "transition": "transfer", "version": version, "date": "2024-05-02"})
    text = missing.get_data(as_text=True)
    assert missing.status_code == 422 and "value_vnd" in text and "parties" in text
    assert 'id="workflow"' in text and 'value="2024-05-02"' in text  # shown in the panel, kept
    done = staff.post(f"/records/{result}/workflow", data={
        "csrf": staff.csrf, "transition": "transfer", "version": version,
        "date": "2024-05-02", "value_vnd": "1.500.000.000", "form": "licence",
        "includes_ip": "yes", "origin": "domestic_enterprise",
        "parties": "Trung tâm Ứng dụng\nCông ty A"})
    assert done.status_code == 302, done.get_data(as_text=True)[:1000]
    stale = staff.post(f"/records/{result}/workflow", data={
        "csrf": staff.csrf, "transition": "record_application", "version": version})
    assert stale.status_code == 409 and "HTTP 409" in stale.get_data(as_text=True)
    page = staff.get(f"/records/{result}").get_data(as_text=True)
    assert 'data-state="transferred"' in page and "Techmart 2024" in page
    workflow = commercialisation.get_workflow(services, result, people["staff"])
    transfer = [e for e in workflow["history"] if e["transition"] == "transfer"][0]
    assert transfer["data"]["value_vnd"] == 1_500_000_000 and transfer["data"]["transaction_id"]


def test_a_refused_inquiry_keeps_what_was_typed(app, people, result):
    enterprise = sign_in(app, "dn@congty.vn")
    short = enterprise.post(f"/records/{result}/inquiries", data={
        "csrf": enterprise.csrf, "message": "Ngắn", "contact": "0909 000 111"})
    html = short.get_data(as_text=True)
    assert short.status_code == 422 and "HTTP 422" in html and "0909 000 111" in html
    assert ">Ngắn</textarea>" in html


def test_an_illegal_transition_is_refused_through_the_page(app, services, people, result):
    researcher = sign_in(app, "nnc@vien.vn")
    refused = researcher.post(f"/records/{result}/workflow", data={
        "csrf": researcher.csrf, "transition": "start_screening",
        "version": str(_version(services, result, people["staff"]))})
    assert refused.status_code == 403 and "HTTP 403" in refused.get_data(as_text=True)


# -- IP requests and inquiries -------------------------------------------------------------------


def test_ip_request_from_record_to_filing_with_deadlines(app, services, people, result):
    researcher = sign_in(app, "nnc@vien.vn")
    created = researcher.post(f"/records/{result}/ip-requests", data={
        "csrf": researcher.csrf, "ip_type": "patent", "applicant": "Trung tâm Ứng dụng",
        "inventors": "Nguyễn Văn An\nTrần Thị Bình"})
    assert created.status_code == 302
    page_url = created.headers["Location"]
    assert sign_in(app, "khac@vien.vn").get(page_url).status_code == 404
    assert 'data-transition="approve_support"' not in researcher.get(page_url).get_data(
        as_text=True)
    staff = sign_in(app, "staff@skhcn.gov.vn")
    assert staff.post(page_url + "/transitions", data={
        "csrf": staff.csrf, "transition": "approve_support", "version": "1"}).status_code == 302
    wrong = researcher.post(page_url + "/transitions", data={
        "csrf": researcher.csrf, "transition": "file", "version": "2",
        "application_number": "2-2024-00123", "filing_date": "2024-03-01"})
    assert wrong.status_code == 422 and "application_number" in wrong.get_data(as_text=True)
    assert 'value="2-2024-00123"' in wrong.get_data(as_text=True)
    filed = researcher.post(page_url + "/transitions", data={
        "csrf": researcher.csrf, "transition": "file", "version": "2",
        "application_number": "1-2024-00123", "filing_date": "2024-03-01"})
    assert filed.status_code == 302
    html = researcher.get(page_url).get_data(as_text=True)
    assert 'data-key="examination_request"' in html and "2027-09-01" in html
    assert re.search(r'<tr data-key="formality_exam" class="past">', html) and "đã qua" in html
    assert "1-2024-00123" in sign_in(app, "staff@skhcn.gov.vn").get("/ip-requests").get_data(
        as_text=True)


def _inquiry_sent(app, services, people, result):
    """Staff offer the result; the enterprise asks for it. Returns both clients and the answer
    to the enterprise's inquiry."""
    staff = sign_in(app, "staff@skhcn.gov.vn")
    for name in ("start_screening", "offer"):
        staff.post(f"/records/{result}/workflow", data={
            "csrf": staff.csrf, "transition": name,
            "version": str(_version(services, result, people["staff"]))})
    enterprise = sign_in(app, "dn@congty.vn")
    sent = enterprise.post(f"/records/{result}/inquiries", data={
        "csrf": enterprise.csrf, "message": "Chúng tôi muốn nhận chuyển giao quy trình này.",
        "contact": "0252 123 456"})
    return staff, enterprise, sent


def test_inquiry_sent_seen_and_closed_with_a_deal(app, services, people, result):
    staff, enterprise, sent = _inquiry_sent(app, services, people, result)
    assert sent.status_code == 302
    url = sent.headers["Location"]
    assert sign_in(app, "khac@vien.vn").get(url).status_code == 404
    assert "muốn nhận chuyển giao" in sign_in(app, "nnc@vien.vn").get(url).get_data(
        as_text=True)
    assert staff.post(url + "/transitions", data={
        "csrf": staff.csrf, "transition": "negotiate", "version": "1"}).status_code == 302
    deal = staff.post(url + "/transitions", data={
        "csrf": staff.csrf, "transition": "close_deal", "version": "2", "date": "2024-06-01",
        "value_vnd": "300000000", "form": "licence", "includes_ip": "no",
        "origin": "domestic_enterprise", "parties": "Công ty A; Trung tâm Ứng dụng"})
    assert deal.status_code == 302, deal.get_data(as_text=True)[:1500]
    html = enterprise.get(url).get_data(as_text=True)
    assert 'data-state="closed_deal"' in html and "wf-transaction" in html
    outbox = staff.get("/outbox").get_data(as_text=True)
    assert "staff@skhcn.gov.vn" in outbox and "New licensing inquiry" in outbox


def test_the_inquiries_page_downloads_its_own_list(app, services, people, result):
    """Each side downloads the inquiries it sees, as the page lists them (and filtered as the
    page is); an account that sees none gets the page without a download."""
    staff, enterprise, _sent = _inquiry_sent(app, services, people, result)
    for who in (staff, enterprise):
        html = who.get("/inquiries?state=new").get_data(as_text=True)
        links = re.findall(r'href="(/api/v1/exports/inquiries\?[^"]+)"', html)
        assert len(links) == 2 and all("state=new" in link for link in links)
        csv = who.get(links[0].replace("&amp;", "&"))
        assert csv.status_code == 200 and csv.mimetype == "text/csv"
        rows = csv.get_data(as_text=True).splitlines()
        assert len(rows) == 2, rows  # a header and the one inquiry
        assert f",{result}," in rows[1] and ",new," in rows[1] and "Công ty A" in rows[1]
    assert "/api/v1/exports/inquiries" not in sign_in(app, "khac@vien.vn").get(
        "/inquiries").get_data(as_text=True)


# -- Offers ----------------------------------------------------------------------------------------


def test_offer_only_once_ready_then_drafted_published_and_listed(app, services, people, result):
    staff = sign_in(app, "staff@skhcn.gov.vn")
    early = staff.get(f"/offers/{result}/edit")
    assert early.status_code == 409 and "HTTP 409" in early.get_data(as_text=True)
    for name in ("start_screening", "offer"):
        staff.post(f"/records/{result}/workflow", data={
            "csrf": staff.csrf, "transition": name,
            "version": str(_version(services, result, people["staff"]))})
    form = staff.get(f"/offers/{result}/edit").get_data(as_text=True)
    assert 'value="licence" checked' in form
    assert app.test_client().get(f"/offers/{result}").status_code == 404
    bad = staff.post(f"/offers/{result}/edit", data={"csrf": staff.csrf, "summary": "ngắn",
                                                     "action": "publish"})
    assert bad.status_code == 422
    published = staff.post(f"/offers/{result}/edit", data={
        "csrf": staff.csrf, "summary": "Quy trình bảo quản thanh long giúp kéo dài thời gian "
        "bán quả tươi.", "benefits": "Giảm hao hụt", "applications": "Hợp tác xã",
        "offered": ["licence", "cooperation"], "contact": "ttud@binhthuan.gov.vn",
        "action": "publish"})
    assert published.status_code == 302
    listing = app.test_client().get("/offers").get_data(as_text=True)
    assert f'data-record="{result}"' in listing
    page = app.test_client().get(f"/offers/{result}?lang=en").get_data(as_text=True)
    assert "Cooperation" in page and "ttud@binhthuan.gov.vn" in page
    record = app.test_client().get(f"/records/{result}").get_data(as_text=True)
    assert f'/offers/{result}"' in record
    assert offers.for_record(services, people["enterprise"], result)["published"] is True
    # Two staff editing the offer: the second save, made from the older page, gets a 409.
    first = staff.get(f"/offers/{result}/edit").get_data(as_text=True)
    seen = re.search(r'name="seen" value="([^"]+)"', first).group(1)
    edit = {"csrf": staff.csrf, "summary": "Quy trình bảo quản thanh long, bản sửa lần một.",
            "offered": ["licence"], "action": "save", "seen": seen}
    assert staff.post(f"/offers/{result}/edit", data=edit).status_code == 302
    stale = staff.post(f"/offers/{result}/edit", data={**edit, "summary": "Bản sửa lần hai "
                                                       "từ trang cũ, không được ghi đè."})
    assert stale.status_code == 409
    assert offers.get(services, people["staff"], result)["offer"]["summary"].endswith("lần một.")


def test_plain_summary_takes_the_first_sentences():
    text = "Câu một.  Câu hai!\nCâu ba? Câu bốn."
    assert offers.plain_summary(text) == "Câu một. Câu hai! Câu ba?"
    assert offers.plain_summary(None) == ""
