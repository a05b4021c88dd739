"""Demo accounts of every role and a little workflow history, so that a newcomer can try each
journey on ``make demo``. The passwords are public (printed and in the README): this is for a
demo instance only, and refuses to run on PostgreSQL (production)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from repo_app.models import Record, SupportAction, User
from repo_app.services import accounts, commercialisation, inquiries, ip_requests
from repo_app.services.errors import ServiceError
from repo_app.services.principal import Principal

PASSWORD = "demo-password-2026"
DEFAULT_ORGANISATION = "trung-tam-thong-tin-ung-dung-khcn-binh-thuan"


def _organisation(services) -> str:
    """The organisation holding most sample results, so the demo researcher owns some."""
    with services.sessions() as db:
        keys = Counter(db.scalars(select(Record.organisation_key).where(
            Record.organisation_key.is_not(None), Record.kind == "research_result")))
    return keys.most_common(1)[0][0] if keys else DEFAULT_ORGANISATION


def seed(services) -> list[str]:
    if not services.settings.database_url.startswith("sqlite"):
        raise SystemExit("demo-data is for the embedded demo instance only (SQLite).")
    organisation = _organisation(services)
    people = {
        "admin": ("admin@demo.local", "Quản trị Demo", None),
        "staff": ("staff@demo.local", "Cán bộ Sở Demo", None),
        "researcher": ("researcher@demo.local", "Nhà nghiên cứu Demo", organisation),
        "enterprise": ("enterprise@demo.local", "Doanh nghiệp Demo", None),
    }
    for role, (email, name, org) in people.items():
        accounts.add_user(services, email, role=role, name=name, password=PASSWORD,
                          organisation=org)
    lines = [f"{role:<11} {email:<24} password: {PASSWORD}"
             for role, (email, _, _) in people.items()]
    lines += _history(services, organisation)
    return lines


def _principal(services, email: str) -> Principal:
    with services.sessions() as db:
        return Principal.of(db.scalar(select(User).where(User.email == email)))


def _history(services, organisation: str) -> list[str]:
    staff = _principal(services, "staff@demo.local")
    enterprise = _principal(services, "enterprise@demo.local")
    with services.sessions() as db:
        if db.scalar(select(SupportAction.id).limit(1)):
            return ["Workflow history already present."]
        results = list(db.scalars(select(Record).where(
            Record.kind == "research_result", Record.commercialisation_status == "accepted",
        ).order_by((Record.organisation_key == organisation).desc(), Record.id).limit(3)))
    if len(results) < 3:
        return ["Fewer than 3 accepted results: no sample history."]
    offered, transferred, protected = results
    day = date.today() - timedelta(days=60)
    try:
        for record, steps in ((offered, ["start_screening", "offer"]),
                              (transferred, ["start_screening", "offer", "negotiate"])):
            commercialisation.add_support_action(services, record.id, staff, {
                "type": "exchange_listing", "date": day.isoformat(),
                "note": "Giới thiệu trên sàn giao dịch công nghệ tỉnh"})
            for version, name in enumerate(steps, start=1):
                commercialisation.run_transition(services, record.id, staff, {
                    "transition": name, "version": version})
        commercialisation.run_transition(services, transferred.id, staff, {
            "transition": "transfer", "version": 4, "date": day.isoformat(),
            "value_vnd": 350_000_000, "form": "licence", "includes_ip": False,
            "origin": "domestic_institute", "parties": [transferred.data.get(
                "host_organisation") or "Tổ chức chủ trì", "Công ty TNHH Demo"]})
        request = ip_requests.create(services, staff, {
            "record_id": protected.id, "ip_type": "utility_solution",
            "applicant": protected.data.get("host_organisation") or "Tổ chức chủ trì",
            "inventors": [p["name"] for p in protected.data.get("people", [])[:2]]})
        ip_requests.run_transition(services, request["id"], staff, {
            "transition": "approve_support", "version": 1})
        inquiries.send(services, offered.id, enterprise, {
            "message": "Công ty chúng tôi muốn nhận chuyển giao công nghệ này.",
            "contact": "0252 000 000"})
    except ServiceError as error:
        return [f"Sample history stopped: {error.message} {error.fields}"]
    return [f"Sample history: {offered.id} offered, {transferred.id} transferred, "
            f"{protected.id} has an IP request; an inquiry waits in the inbox."]
