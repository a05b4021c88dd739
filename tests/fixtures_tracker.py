"""A small province whose plan-4239 figures are worked out by hand in tests/test_plan_indicators.py.

Research results (all published unless said):
  R1 accepted 2021, thanh-long, Phan Thiết, Đại học Phan Thiết, support action 2022, a file
  R2 accepted 2022, nuoc-mam, La Gi, support action only in 2027
  R3 accepted 2023, thanh-long, Phan Thiết, no support
  R4 accepted 2027, support action 2027
  R5 accepted 2022 but still a submitted registration (not published)
  R6 a patent granted 2022
  R7 a research result with no date, not commercialisable
IP requests (made 2022 unless said): A filed, B requested, C support refused, D withdrawn before
  filing, E withdrawn after filing; F made 2027, granted.
Transactions (VND): 2021 t1 100 M institute + IP (R1), t2 100 M enterprise; none in 2022;
  2023 t3 250 M foreign developed, t4 50 M foreign not developed; none in 2024;
  2025 t6 450 M enterprise; 2027 t7 100 M foreign not developed.
Activities: trainings 2021, 2022, 2023, 2027; survey 2023; course 2025; intermediary formed 2022
  connected 2023, another formed 2024 connected 2027; no event, no promotion programme.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from repo_app.models import Activity, IpRequest, Record, StoredFile, SupportAction, Transaction

M = 1_000_000


def _record(id_, *, kind="research_result", accepted=None, granted=None, sectors=(),
            district=None, organisation=None, state="accepted", status="accepted", field=None):
    dates = {}
    if accepted:
        dates["accepted"] = accepted
    if granted:
        dates["granted"] = granted
    data = {"kind": kind, "title": f"Kết quả {id_}", "sectors": list(sectors), "dates": dates,
            "place": {"district": district} if district else {}, "field_of_science": field}
    return Record(id=id_, kind=kind, document_type="final_report" if kind == "research_result"
                  else "patent", title=f"Kết quả {id_}", natural_key=None,
                  commercialisation_status=status, ip_status="none", registration_state=state,
                  organisation_key=organisation, data=data, full_text="")


def _transaction(n, day, value, origin, *, ip=False, developed=None, country=None,
                 record=None):
    return Transaction(date=day, value_vnd=value, form="licence", includes_ip=ip, origin=origin,
                       country=country, developed_country=developed, parties=[f"Bên {n}"],
                       record_id=record, source="api", fingerprint=f"fp-{n}")


def load_province(services) -> None:
    with services.sessions() as session, session.begin():
        session.add_all([
            _record("R1", accepted="2021-06-01", sectors=["thanh-long"], district="phan-thiet",
                    organisation="dai-hoc-phan-thiet", field="401"),
            _record("R2", accepted="2022-03-01", sectors=["nuoc-mam"], district="la-gi",
                    field="402"),
            _record("R3", accepted="2023-11-20", sectors=["thanh-long"], district="phan-thiet"),
            _record("R4", accepted="2027-02-01"),
            _record("R5", accepted="2022-05-05", state="submitted"),
            _record("R6", kind="patent", granted="2022-08-08"),
            _record("R7", status="not_commercialisable"),
        ])
        session.flush()
        session.add_all([
            SupportAction(record_id="R1", type="valuation", date=date(2022, 1, 10)),
            SupportAction(record_id="R2", type="matchmaking", date=date(2027, 1, 1)),
            SupportAction(record_id="R4", type="promotion", date=date(2027, 5, 1)),
            StoredFile(sha256="a" * 64, record_id="R1", original_name="r1.pdf", size=10,
                       pages=1, text_method="text_layer", quality="clean",
                       storage_path="aa/r1.pdf"),
        ])
        made_2022 = datetime(2022, 4, 1, tzinfo=UTC)
        session.add_all([
            IpRequest(record_id="R6", ip_type="patent", applicant="A", state="filed",
                      filing_date=date(2022, 6, 1), created_at=made_2022),
            IpRequest(record_id="R6", ip_type="patent", applicant="B", state="requested",
                      created_at=made_2022),
            IpRequest(record_id="R6", ip_type="patent", applicant="C", state="support_refused",
                      created_at=made_2022),
            IpRequest(record_id="R6", ip_type="patent", applicant="D", state="withdrawn",
                      created_at=made_2022),
            IpRequest(record_id="R6", ip_type="patent", applicant="E", state="withdrawn",
                      filing_date=date(2022, 7, 1), created_at=made_2022),
            IpRequest(record_id="R6", ip_type="patent", applicant="F", state="granted",
                      filing_date=date(2027, 3, 1), created_at=datetime(2027, 1, 5, tzinfo=UTC)),
        ])
        session.add_all([
            _transaction(1, date(2021, 3, 1), 100 * M, "domestic_institute", ip=True,
                         record="R1"),
            _transaction(2, date(2021, 9, 1), 100 * M, "domestic_enterprise"),
            _transaction(3, date(2023, 2, 1), 250 * M, "foreign", developed=True,
                         country="Nhật Bản"),
            _transaction(4, date(2023, 5, 1), 50 * M, "foreign", developed=False,
                         country="Lào"),
            _transaction(6, date(2025, 10, 1), 450 * M, "domestic_enterprise"),
            _transaction(7, date(2027, 4, 1), 100 * M, "foreign", developed=False,
                         country="Lào"),
        ])
        session.add_all([
            Activity(type="training", title="Tập huấn SHTT 2021", start_date=date(2021, 5, 1),
                     place="phan-thiet", participants=40),
            Activity(type="training", title="Hội thảo chuyển giao công nghệ",
                     start_date=date(2022, 5, 1), place="la-gi", participants=60),
            Activity(type="training", title="Hội nghị tiêu chuẩn", start_date=date(2023, 5, 1)),
            Activity(type="training", title="Tập huấn 2027", start_date=date(2027, 5, 1)),
            Activity(type="survey", title="Điều tra cung - cầu công nghệ",
                     start_date=date(2023, 9, 1)),
            Activity(type="commercialisation_course", title="Lớp thương mại hóa",
                     start_date=date(2025, 3, 1)),
            Activity(type="intermediary", title="Trung tâm trung gian 1",
                     start_date=date(2022, 2, 1), connected_on=date(2023, 1, 1)),
            Activity(type="intermediary", title="Trung tâm trung gian 2",
                     start_date=date(2024, 2, 1), connected_on=date(2027, 1, 1)),
        ])
