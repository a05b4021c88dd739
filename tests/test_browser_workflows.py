"""The issue's four workflow journeys driven as people drive them: a real headless Chromium
(Debian's ``chromium``) through Playwright, against the app served for real on 127.0.0.1 with
the sample corpus.

1. A researcher uploads a report, corrects and submits it; staff accept it; it is public.
2. Staff record a support action and move a result through screening and offer (publishing its
   technology offer) to ``transferred``, filling the contract; a transaction is recorded.
3. A researcher's IP-registration request goes from request to grant, its deadlines shown.
4. An enterprise sends a licensing inquiry; staff close it with a deal.

``corpus_app`` is shared by the session, so every journey works on a result of its own, created
here from a PDF generated for it: nothing another test reads is changed.

Skipped, with the reason, where Playwright for Python or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import io
import re
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM

DESKTOP = {"width": 1280, "height": 900}
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PASSWORD = "mat-khau-trinh-duyet-1"
ORG = "trung-tam-ky-thuat-tdc-binh-thuan"
RUN = uuid.uuid4().hex[:6]  # this run's accounts and titles never meet another run's
EMAILS = {
    "staff": f"wf-staff-{RUN}@skhcn.gov.vn",
    "researcher": f"wf-nnc-{RUN}@vien.vn",
    "enterprise": f"wf-dn-{RUN}@congty.vn",
}

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    expect = sync_playwright = None

pytestmark = [
    pytest.mark.skipif(
        sync_playwright is None,
        reason="Playwright for Python is not installed (pip install 'playwright>=1.45')",
    ),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="no /usr/bin/chromium: install Debian's chromium package (apt-get install chromium)",
    ),
]


def report_pdf(title: str) -> bytes:
    """A small born-digital final report with a title no other test uses (a new file hash)."""
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
        "Tổ chức chủ trì: Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Bình Thuận",
        "Chủ nhiệm nhiệm vụ: ThS. Lê Văn Cường",
        "Tóm tắt: Nghiên cứu xây dựng quy trình và thiết bị phục vụ sản xuất tại địa phương.",
        "Kết quả được thử nghiệm tại thành phố Phan Thiết.",
        f"Mã tham chiếu: {uuid.uuid4().hex}",
        "Phan Thiết, 2023",
    ]
    y = 800
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 22
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# -- Fixtures: the app served for real, one browser, one signed-in state per role ---------------


@pytest.fixture(scope="module")
def services(corpus_app):
    return corpus_app.extensions["repo"]


CREATED: list[str] = []  # the results these journeys registered, removed afterwards


@pytest.fixture(scope="module", autouse=True)
def leave_the_corpus_as_found(services, people):
    """The session's corpus is shared: once the journeys are done, what they created is
    taken out of the search index (made restricted, then indexed) and out of the database,
    so tests that count records, hits or transactions see the corpus as ingested. The index
    is then rebuilt from the database, as compact as the other tests found it."""
    from sqlalchemy import delete, func, or_, select, update

    from repo_app.models import (
        ApiToken,
        CommercialisationCase,
        Event,
        Inquiry,
        IpRequest,
        OutboxMessage,
        Record,
        RecordVersion,
        StoredFile,
        SupportAction,
        TechnologyOffer,
        Transaction,
        User,
    )
    from repo_app.services import registration
    from repo_app.services.indexing import rebuild_index, sync_index

    def counts():
        with services.sessions() as session:
            return [session.scalar(select(func.count()).select_from(model))
                    for model in (Record, Transaction, Inquiry, IpRequest)]

    before = counts()
    yield
    with services.sessions() as session:
        granted = session.scalars(select(IpRequest.granted_record_id).where(
            IpRequest.record_id.in_(CREATED), IpRequest.granted_record_id.is_not(None))).all()
        versions = dict(session.execute(select(Record.id, Record.version).where(
            Record.id.in_([*CREATED, *granted]))).all())
    ids = list(versions)
    for record_id, version in versions.items():  # the index removes restricted records
        registration.update_metadata(services, people["staff"], record_id, version,
                                     {"access_level": "restricted"}, "test clean-up")
    sync_index(services)
    users = list(EMAILS.values())
    with services.sessions.begin() as session:
        user_ids = session.scalars(select(User.id).where(User.email.in_(users))).all()
        session.execute(update(IpRequest).where(IpRequest.record_id.in_(ids))
                        .values(granted_record_id=None))
        session.execute(update(Inquiry).where(Inquiry.record_id.in_(ids))
                        .values(transaction_id=None))
        for model, column in ((Transaction, Transaction.record_id),
                              (Inquiry, Inquiry.record_id), (IpRequest, IpRequest.record_id),
                              (Event, Event.record_id), (SupportAction, SupportAction.record_id),
                              (TechnologyOffer, TechnologyOffer.record_id),
                              (CommercialisationCase, CommercialisationCase.record_id),
                              (RecordVersion, RecordVersion.record_id),
                              (StoredFile, StoredFile.record_id)):
            session.execute(delete(model).where(column.in_(ids)))
        session.execute(delete(Event).where(Event.actor_id.in_(user_ids)))
        session.execute(delete(Record).where(Record.id.in_(ids)))
        session.execute(delete(OutboxMessage).where(or_(
            OutboxMessage.recipient.in_(users), OutboxMessage.subject.contains(RUN),
            OutboxMessage.body.contains(RUN))))
        session.execute(delete(ApiToken).where(ApiToken.user_id.in_(user_ids)))
        session.execute(delete(User).where(User.id.in_(user_ids)))
    assert counts() == before
    with services.sessions() as session:
        assert not session.scalars(select(User.id).where(User.email.in_(users))).all()
    rebuild_index(services)


@pytest.fixture(scope="module")
def people(services):
    from repo_app.services import accounts
    from repo_app.services.principal import Principal

    return {
        "staff": Principal.of(accounts.add_user(services, EMAILS["staff"], role="staff",
                                                name="Cán bộ Phòng QLCN", password=PASSWORD)),
        "researcher": Principal.of(accounts.add_user(
            services, EMAILS["researcher"], role="researcher", name="Lê Văn Cường",
            password=PASSWORD, organisation=ORG)),
        "enterprise": Principal.of(accounts.add_user(
            services, EMAILS["enterprise"], role="enterprise", name="Công ty TNHH Biển Xanh",
            password=PASSWORD)),
    }


def _context(browser, live_url, **options):
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(base_url=live_url, locale="vi-VN", **options)
    context.set_default_timeout(20_000)
    return context


@pytest.fixture(scope="module")
def signed_in(browser, live_url, people, tmp_path_factory):
    """Each role signs in once through the login form (sign-in is rate-limited); the tests
    open pages with the saved cookies."""
    folder = tmp_path_factory.mktemp("wf-states")
    states = {}
    for role, email in EMAILS.items():
        context = _context(browser, live_url)
        page = context.new_page()
        page.goto("/login?next=/work")
        page.fill("input[name=email]", email)
        page.fill("input[name=password]", PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_url(re.compile(r"/work$"))
        states[role] = str(folder / f"{role}.json")
        context.storage_state(path=states[role])
        context.close()
    return states


@pytest.fixture
def open_as(browser, live_url, signed_in):
    """``open_as("staff")`` -> a new page signed in as that role (None: anonymous)."""
    contexts = []

    def opener(role=None, javascript=True):
        options = {"storage_state": signed_in[role]} if role else {}
        options["java_script_enabled"] = javascript
        context = _context(browser, live_url, **options)
        contexts.append(context)
        return context.new_page()

    yield opener
    for context in contexts:
        context.close()


def accepted_result(services, people, title: str) -> str:
    """A research result of the researcher's organisation, registered and accepted (so its
    commercialisation case is open), that only the calling journey uses."""
    from repo_app.services import registration

    record_id = registration.create_draft(services, people["researcher"],
                                          [("bao-cao.pdf", report_pdf(title))])
    CREATED.append(record_id)
    registration.run_transition(services, record_id, people["researcher"],
                                {"transition": "submit", "version": 1})
    registration.run_transition(services, record_id, people["staff"],
                                {"transition": "accept", "version": 2})
    return record_id


def run_transition(page, name: str) -> None:
    """Press the button of the transition's own form, and wait for the page it leads to."""
    form = page.locator(f'form.wf-transition[data-transition="{name}"]')
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def current_state(page):
    return page.locator(".wf-current")


# -- 1. Registering a result -------------------------------------------------------------------


def test_researcher_registers_a_result_and_staff_accept_it(open_as, people, tmp_path):
    title = f"Thiết bị sấy mực một nắng bằng năng lượng mặt trời {RUN}"
    pdf = tmp_path / "bao-cao-tong-hop.pdf"
    pdf.write_bytes(report_pdf(title))

    researcher = open_as("researcher")
    researcher.goto("/work")
    researcher.get_by_role("link", name="Đăng ký kết quả").first.click()
    expect(researcher.locator("h1")).to_have_text("Đăng ký kết quả nghiên cứu")
    researcher.set_input_files("#f-files", str(pdf))
    with researcher.expect_navigation():
        researcher.click("form.wf-form button[type=submit]")
    assert re.search(r"/register/[\w-]+$", researcher.url)
    record_id = researcher.url.rsplit("/", 1)[-1]
    CREATED.append(record_id)
    expect(researcher.locator(".wf-registration-state")).to_have_attribute("data-state", "draft")
    assert RUN in researcher.locator("#f-title").input_value()  # pre-filled from the file

    researcher.fill("#f-title_en", f"Solar dryer for sun-dried squid {RUN}")
    researcher.fill("#f-abstract", "Thiết bị sấy mực bằng năng lượng mặt trời, giảm thời gian "
                    "sấy một nửa và giữ màu sản phẩm.")
    researcher.fill("#f-keywords", "sấy mực\nnăng lượng mặt trời")
    researcher.select_option("#f-sectors", ["thuy-san"])
    researcher.select_option("#f-trl", "6")
    researcher.fill("#f-task_code", f"BT-2023-{RUN}")
    with researcher.expect_navigation():
        researcher.click("button[name=action][value=save]")
    expect(researcher.locator(".flash")).to_contain_text("Đã lưu")
    with researcher.expect_navigation():
        researcher.click("button[name=action][value=submit]")
    expect(researcher.locator(".wf-registration-state")).to_have_attribute(
        "data-state", "submitted")

    anonymous = open_as()
    assert anonymous.goto(f"/records/{record_id}").status == 404  # not public yet

    staff = open_as("staff")
    staff.goto("/work")
    staff.locator("#submissions").get_by_role("link", name=title).click()
    expect(staff.locator("button[value=accept]")).to_be_visible()
    with staff.expect_navigation():
        staff.click("button[value=accept]")
    expect(staff.locator(".wf-registration-state")).to_have_attribute("data-state", "accepted")

    # Every version is kept: the researcher's edit is the difference between 1 and 2.
    staff.goto(f"/register/{record_id}/versions?a=1&b=2")
    expect(staff.locator('tr[data-field="title_en"]')).to_contain_text("Solar dryer")

    response = anonymous.goto(f"/records/{record_id}")
    assert response.status == 200
    expect(anonymous.locator("h1")).to_contain_text(RUN)
    expect(anonymous.locator(".title-en")).to_have_text(f"Solar dryer for sun-dried squid {RUN}")
    expect(anonymous.locator("#workflow .wf-current")).to_have_attribute("data-state", "accepted")

    # Search finds it once the index has followed the commit.
    hit = anonymous.locator(f'.hit h3 a[href*="{record_id}"]')
    for _attempt in range(30):
        anonymous.goto(f"/?q={RUN}")
        if hit.count():
            break
        anonymous.wait_for_timeout(500)
    expect(hit).to_be_visible()


# -- 2. Support, offer, transfer -----------------------------------------------------------------


def _transactions_of(page, services, record_id):
    """The result's transactions: through the tracker's API when it is there, else from the
    database."""
    response = page.request.get(f"/api/v1/transactions?record_id={record_id}")
    if response.status == 200:
        body = response.json()
        items = body.get("items", body.get("transactions", []))
        return [t for t in items if t.get("record_id") in (record_id, None)]
    from sqlalchemy import select

    from repo_app.models import Transaction

    with services.sessions() as session:
        rows = session.scalars(select(Transaction).where(Transaction.record_id == record_id))
        return [{"value_vnd": r.value_vnd, "form": r.form, "parties": r.parties,
                 "record_id": r.record_id} for r in rows]


def test_staff_support_offer_and_transfer_a_result(open_as, services, people):
    record_id = accepted_result(services, people, f"Quy trình ủ chượp nước mắm nhanh {RUN}")
    staff = open_as("staff", javascript=False)  # plain forms: no script needed
    staff.goto(f"/records/{record_id}")
    panel = staff.locator("#workflow")
    expect(current_state(staff)).to_have_attribute("data-state", "accepted")
    expect(panel.locator('li[aria-current="step"]')).to_contain_text("bước hiện tại")
    expect(panel.locator(".wf-case")).to_be_visible()  # owner and due date

    staff.select_option("#sa-type", "matchmaking")
    staff.fill("#sa-date", date.today().isoformat())
    staff.fill("#sa-note", "Giới thiệu tại Techmart Bình Thuận")
    with staff.expect_navigation():
        staff.click("form.wf-support-form button[type=submit]")
    expect(staff.locator(".wf-support-actions")).to_contain_text("Techmart Bình Thuận")

    run_transition(staff, "start_screening")
    expect(current_state(staff)).to_have_attribute("data-state", "screening")
    run_transition(staff, "offer")
    expect(current_state(staff)).to_have_attribute("data-state", "ready_to_offer")

    # The technology offer, drafted from the record, published for enterprises.
    staff.get_by_role("link", name="Soạn chào bán công nghệ").click()
    expect(staff.locator("#f-summary")).not_to_be_empty()
    staff.fill("#f-benefits", "Rút ngắn thời gian ủ chượp từ 12 tháng xuống 6 tháng.")
    staff.check('input[name=offered][value="cooperation"]')
    with staff.expect_navigation():
        staff.click("button[name=action][value=publish]")
    expect(staff.locator("h1")).to_contain_text(RUN)
    anonymous = open_as()
    anonymous.goto("/offers")
    expect(anonymous.locator(f'li[data-record="{record_id}"]')).to_be_visible()

    staff.goto(f"/records/{record_id}")
    other_tab = staff.context.new_page()  # a colleague's view of the same case, left open
    other_tab.goto(f"/records/{record_id}")

    transfer = staff.locator('form.wf-transition[data-transition="transfer"]')
    staff.fill("#t-transfer-date", "2024-05-02")
    staff.fill("#t-transfer-value_vnd", "1.500.000.000")
    staff.select_option("#t-transfer-form", "licence")
    staff.select_option("#t-transfer-includes_ip", "yes")
    staff.select_option("#t-transfer-origin", "domestic_enterprise")
    staff.fill("#t-transfer-parties", f"Công ty Biển Xanh {RUN}\nTrung tâm Kỹ thuật TĐC")
    staff.fill("#t-transfer-comment", "Hợp đồng số 12/2024/HĐ-CGCN")
    with staff.expect_navigation():
        transfer.locator("button[type=submit]").click()
    expect(current_state(staff)).to_have_attribute("data-state", "transferred")
    expect(staff.locator('.wf-history tr[data-transition="transfer"]')).to_contain_text(
        "12/2024")

    # The colleague's page is stale: the page says so instead of acting on old data.
    with other_tab.expect_navigation():
        other_tab.locator('form.wf-transition[data-transition="negotiate"] button').click()
    expect(other_tab.locator(".wf-refusal")).to_have_attribute("data-status", "409")
    expect(other_tab.locator(".wf-refusal")).to_contain_text("tải lại")

    found = _transactions_of(staff, services, record_id)
    assert [t["value_vnd"] for t in found] == [1_500_000_000]
    assert f"Công ty Biển Xanh {RUN}" in found[0]["parties"]


# -- 3. IP registration ----------------------------------------------------------------------------


def test_ip_request_goes_from_request_to_grant_with_its_deadlines(open_as, services, people):
    from repo_app.services.deadlines import add_months

    record_id = accepted_result(services, people, f"Chế phẩm vi sinh xử lý nước phèn {RUN}")
    researcher = open_as("researcher")
    researcher.goto(f"/records/{record_id}")
    researcher.select_option("#ip-type", "patent")
    researcher.fill("#ip-applicant", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng")
    researcher.fill("#ip-inventors", "Lê Văn Cường\nPhạm Thị Dung")
    with researcher.expect_navigation():
        researcher.click("form.wf-ip-form button[type=submit]")
    assert re.search(r"/ip-requests/\d+$", researcher.url)
    request_url = researcher.url.replace(researcher.url.split("/ip-requests")[0], "")
    expect(current_state(researcher)).to_have_attribute("data-state", "requested")
    expect(researcher.locator('form[data-transition="approve_support"]')).to_have_count(0)

    staff = open_as("staff")
    staff.goto("/work")
    staff.locator("#ip-requests").locator(f'a[href="{request_url}"]').click()
    run_transition(staff, "approve_support")
    expect(current_state(staff)).to_have_attribute("data-state", "support_approved")

    # Filed 42 months less ten days ago: the examination request falls due within 30 days.
    filed = add_months(date.today(), -42) + timedelta(days=10)
    number = f"1-{filed.year}-{int(RUN, 16) % 90000 + 10000:05d}"
    researcher.goto(request_url)
    researcher.fill("#t-file-application_number", number)
    researcher.fill("#t-file-filing_date", filed.isoformat())
    run_transition(researcher, "file")
    expect(current_state(researcher)).to_have_attribute("data-state", "filed")
    deadline = researcher.locator('.wf-deadlines tr[data-key="examination_request"]')
    # The due date as Vietnamese writes it, the ISO date in its <time datetime>.
    expect(deadline.locator("time")).to_have_attribute("datetime",
                                                       add_months(filed, 42).isoformat())
    expect(deadline).to_contain_text("trong 30 ngày tới")

    staff.goto("/work")
    expect(staff.locator("#deadlines")).to_contain_text(number)

    researcher.goto(request_url)
    for name in ("accept_application", "publish", "request_examination", "intend_to_grant"):
        run_transition(researcher, name)
    expect(current_state(researcher)).to_have_attribute("data-state", "intent_to_grant")
    staff.goto(request_url)
    staff.fill("#t-grant-grant_date", date.today().isoformat())
    staff.fill("#t-grant-grant_number", f"1-00{RUN[:4]}")
    run_transition(staff, "grant")
    expect(current_state(staff)).to_have_attribute("data-state", "granted")
    term = staff.locator('.wf-deadlines tr[data-key="protection_term"]')
    expect(term).to_contain_text(str(filed.year + 20))
    expect(staff.locator('.wf-history tr[data-transition="grant"]')).to_have_count(1)
    expect(staff.get_by_text("Hồ sơ văn bằng")).to_be_visible()  # the patent record, linked


# -- 4. An enterprise's inquiry ends in a deal ----------------------------------------------------


def test_enterprise_inquiry_ends_in_a_deal(open_as, services, people):
    from repo_app.services import commercialisation

    record_id = accepted_result(services, people, f"Giống thanh long ruột đỏ chịu hạn {RUN}")
    for name in ("start_screening", "offer"):
        version = commercialisation.get_workflow(services, record_id, people["staff"])["version"]
        commercialisation.run_transition(services, record_id, people["staff"],
                                         {"transition": name, "version": version})

    enterprise = open_as("enterprise")
    enterprise.goto(f"/records/{record_id}")
    enterprise.fill("#inq-message", "Công ty chúng tôi muốn nhận chuyển giao giống thanh long "
                    "này cho vùng trồng 50 ha.")
    enterprise.fill("#inq-contact", "0252 3 888 999")
    with enterprise.expect_navigation():
        enterprise.click("form.wf-inquiry-form button[type=submit]")
    assert re.search(r"/inquiries/\d+$", enterprise.url)
    inquiry_url = enterprise.url.replace(enterprise.url.split("/inquiries")[0], "")
    expect(current_state(enterprise)).to_have_attribute("data-state", "new")

    staff = open_as("staff")
    staff.goto("/work")
    staff.locator("#inquiries").locator(f'a[href="{inquiry_url}"]').click()
    expect(staff.locator(".wf-message")).to_contain_text("50 ha")
    run_transition(staff, "negotiate")
    expect(current_state(staff)).to_have_attribute("data-state", "negotiating")
    staff.fill("#t-close_deal-date", date.today().isoformat())
    staff.fill("#t-close_deal-value_vnd", "250.000.000")
    staff.select_option("#t-close_deal-form", "licence")
    staff.select_option("#t-close_deal-includes_ip", "no")
    staff.select_option("#t-close_deal-origin", "domestic_enterprise")
    staff.fill("#t-close_deal-parties", "Công ty TNHH Biển Xanh\nViện nghiên cứu")
    run_transition(staff, "close_deal")
    expect(current_state(staff)).to_have_attribute("data-state", "closed_deal")
    expect(staff.locator(".wf-transaction")).to_be_visible()

    enterprise.goto(inquiry_url + "?lang=en")
    expect(current_state(enterprise)).to_have_attribute("data-state", "closed_deal")
    expect(current_state(enterprise)).to_have_text("Closed with a deal")
    enterprise.goto(inquiry_url + "?lang=vi")
    enterprise.goto(f"/records/{record_id}")
    expect(enterprise.locator("#workflow .wf-current")).to_have_attribute(
        "data-state", "transferred")
    staff.goto("/outbox")
    expect(staff.locator(".wf-outbox")).to_contain_text(EMAILS["staff"])


# -- On a phone ------------------------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}
OVERFLOW = """() => [...document.querySelectorAll('main *')]
  .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > innerWidth + 1)
  .map(e => e.tagName + '.' + e.className)"""


def test_workflow_pages_fit_a_phone(browser, live_url, signed_in, services, people):
    record_id = accepted_result(services, people, f"Máy bóc vỏ hạt điều cỡ nhỏ {RUN}")
    for role, paths in (("staff", [f"/records/{record_id}", "/work", "/outbox"]),
                        ("researcher", [f"/register/{record_id}", "/register", "/work"])):
        context = _context(browser, live_url, viewport=PHONE, is_mobile=True,
                           storage_state=signed_in[role])
        page = context.new_page()
        for path in paths:
            assert page.goto(path).status == 200
            assert page.evaluate(OVERFLOW) == [], f"{role} {path}"
        context.close()
