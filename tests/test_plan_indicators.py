"""Plan 4239's indicators on a small province whose figures are worked out by hand (see
tests/fixtures_tracker.py for the data and the arithmetic below for each figure)."""

from __future__ import annotations

from datetime import date

import pytest

from repo_app.services import plan_indicators as plan
from repo_app.services.errors import Invalid
from tests.fixtures_tracker import M, load_province

AFTER_2025 = date(2026, 12, 5)


@pytest.fixture
def province(services):
    load_province(services)
    return services


def figures(services, period="2021-2025", today=AFTER_2025, **filters):
    chosen = plan.period_of(period)
    scope = plan.Scope(chosen, plan.parse_filters(filters, chosen), today)
    return {row["key"]: row for row in plan.indicators(services, scope)["indicators"]}


def test_first_period_every_figure(province):
    got = figures(province)
    # R1, R2, R3 accepted 2021-2023; only R1 supported by 2025 (R2's action is of 2027).
    assert (got["support_coverage"]["numerator"], got["support_coverage"]["denominator"]) == (1, 3)
    assert got["support_coverage"]["value"] == pytest.approx(1 / 3, abs=1e-6)
    assert got["support_coverage"]["status"] == "at_risk"  # the period is over, 1/3 < 100 %
    # A and E met; B open, C refused; D withdrawn before filing is left out; F is of 2027.
    assert (got["ip_requests_met"]["numerator"], got["ip_requests_met"]["denominator"]) == (2, 4)
    assert got["ip_requests_met"]["value"] == 0.5
    # 2021: 200 M, 2023: 300 M, 2025: 450 M -> (450 / 200) ^ (1 / 4) - 1 = sqrt(1.5) - 1.
    growth = got["transaction_value_growth"]
    assert (growth["numerator"], growth["denominator"]) == (450 * M, 200 * M)
    assert growth["value"] == pytest.approx(1.5 ** 0.5 - 1, abs=1e-6)
    assert growth["target"] == 0.15 and growth["status"] == "met"
    # Five transactions in 2021-2025: t1 trades IP; t3 is from a developed country.
    assert (got["ip_transaction_share"]["numerator"],
            got["ip_transaction_share"]["denominator"]) == (1, 5)
    assert got["ip_transaction_share"]["value"] == 0.2
    assert got["developed_import_share"]["value"] == 0.2
    assert got["developed_import_share"]["target"] == [0.05, 0.10]
    assert got["developed_import_share"]["status"] == "met"
    # Domestic: t1 (institute), t2, t6 -> 1/3.
    assert (got["institute_share"]["numerator"], got["institute_share"]["denominator"]) == (1, 3)
    # One intermediary formed 2022 and connected 2023; the second connected only in 2027.
    assert got["intermediaries"]["value"] == 1 and got["intermediaries"]["status"] == "met"
    # Published records with potential: R1, R2, R3, R4, R6 (R5 unpublished, R7 without
    # potential); only R1 has a file.
    assert (got["digitised"]["numerator"], got["digitised"]["denominator"]) == (1, 5)
    assert got["digitised"]["status"] == "at_risk"  # 20 % < 80 % of the 2030 target
    # Trainings 2021, 2022, 2023: 3 of 5 by 2030; half the programme gone: floor(5 x 0.4998)
    # = 2 expected -> on track.
    assert got["trainings"]["value"] == 3 and got["trainings"]["status"] == "on_track"
    assert got["survey"]["value"] == 1 and got["survey"]["status"] == "met"
    assert got["commercialisation_courses"]["value"] == 1
    # No event by 2025: 0 of 4, floor(4 x 0.4998) = 1 expected -> at risk; zero is data.
    assert got["events"]["value"] == 0 and got["events"]["status"] == "at_risk"
    assert got["promotion_programmes"]["value"] == 0


def test_second_period_and_cumulative_tasks(province):
    got = figures(province, "2026-2030")
    assert (got["support_coverage"]["numerator"], got["support_coverage"]["denominator"]) == (1, 1)
    assert got["support_coverage"]["status"] == "met"
    assert got["ip_requests_met"]["value"] == 1.0
    # One year with transactions (2027): no growth can be computed.
    assert got["transaction_value_growth"]["value"] is None
    assert got["transaction_value_growth"]["status"] == "no_data"
    assert got["ip_transaction_share"]["value"] == 0
    assert got["ip_transaction_share"]["target"] == 0.1
    # t7 is foreign: no domestic transaction, a zero denominator.
    assert got["institute_share"]["denominator"] == 0
    assert got["institute_share"]["value"] is None
    assert got["institute_share"]["status"] == "no_data"
    # Appendix tasks count from 2021: 4 trainings; both intermediaries connected by 2030.
    assert got["trainings"]["value"] == 4
    assert got["intermediaries"]["value"] == 2 and got["intermediaries"]["target"] == 2


def test_an_empty_year_gives_no_data_never_an_error(province):
    got = figures(province, year="2024")
    assert got["support_coverage"]["denominator"] == 0
    assert got["support_coverage"]["status"] == "no_data"
    assert got["ip_transaction_share"]["status"] == "no_data"
    assert got["transaction_value_growth"]["status"] == "no_data"
    assert got["events"]["value"] == 0


def test_a_single_year(province):
    got = figures(province, year="2023")
    assert (got["support_coverage"]["numerator"], got["support_coverage"]["denominator"]) == (0, 1)
    assert got["developed_import_share"]["value"] == 0.5  # t3 of t3, t4
    assert got["institute_share"]["status"] == "no_data"  # no domestic transaction in 2023
    assert got["transaction_value_growth"]["value"] is None  # nothing in 2022 to grow from
    assert got["trainings"]["value"] == 1


def test_filters_by_sector_field_organisation_and_place_with_the_2025_crosswalk(province):
    assert figures(province, sector="thanh-long")["support_coverage"]["denominator"] == 2
    by_field = figures(province, field="4")["support_coverage"]  # 401 and 402
    assert (by_field["numerator"], by_field["denominator"]) == (1, 2)
    assert figures(province, organisation="dai-hoc-phan-thiet")["support_coverage"][
        "numerator"] == 1
    # "phường Mũi Né" is one of Phan Thiết's successors after 1 July 2025.
    for place in ("phan-thiet", "phường Mũi Né", "Mũi Né"):
        got = figures(province, place=place)
        assert got["support_coverage"]["denominator"] == 2, place  # R1, R3
        assert got["trainings"]["value"] == 1, place  # the 2021 training in Phan Thiết
    # Transactions follow their record: only t1 is linked, to R1 (thanh-long, IP traded).
    linked = figures(province, sector="thanh-long")["ip_transaction_share"]
    assert (linked["numerator"], linked["denominator"]) == (1, 1)
    assert figures(province, place="la-gi")["support_coverage"]["value"] == 0


def test_bad_filters_are_named(province):
    period = plan.period_of("2021-2025")
    with pytest.raises(Invalid) as error:
        plan.parse_filters({"year": "2027", "sector": "nope", "place": "Hà Nội"}, period)
    assert set(error.value.fields) == {"year", "sector", "place"}
    with pytest.raises(Invalid):
        plan.period_of("2020-2024")


def test_status_rule_for_shares_before_the_deadline(province):
    definition = plan.INDICATORS["support_coverage"]
    scope = plan.Scope(plan.period_of("2021-2025"), plan.Filters(), date(2023, 6, 1))
    assert plan.status_of(definition, 0.85, scope) == "on_track"  # >= 80 % of 100 %
    assert plan.status_of(definition, 0.5, scope) == "at_risk"
    assert plan.status_of(definition, 1.0, scope) == "met"
    assert plan.status_of(definition, None, scope) == "no_data"


def test_drilldown_lists_what_is_behind_the_figure(province):
    scope = plan.Scope(plan.period_of("2021-2025"), plan.Filters(), AFTER_2025)
    rows = plan.drilldown(province, "support_coverage", scope)
    assert rows["total"] == 3
    assert [(item["id"], item["counted"]) for item in rows["items"]] == [
        ("R2", False), ("R3", False), ("R1", True)]  # what is still to do comes first
    missing = plan.drilldown(province, "support_coverage", scope, counted=False)
    assert {item["id"] for item in missing["items"]} == {"R2", "R3"}
    requests = plan.drilldown(province, "ip_requests_met", scope, counted=False)
    assert sorted(item["applicant"] for item in requests["items"]) == ["B", "C"]


def test_indicators_api_shape(province):
    from repo_app import create_app

    app = create_app(services=province)
    app.config.update(TESTING=True)
    client = app.test_client()
    body = client.get("/api/v1/plan/indicators?period=2021-2025").get_json()
    assert body["period"] == "2021-2025"
    keys = [row["key"] for row in body["indicators"]]
    for key in ("support_coverage", "ip_requests_met", "transaction_value_growth",
                "ip_transaction_share", "developed_import_share", "institute_share",
                "intermediaries", "events"):
        assert key in keys
    for row in body["indicators"]:
        assert set(row) == {"key", "label", "value", "target", "unit", "status", "numerator",
                            "denominator", "drilldown"}
        assert row["status"] in plan.STATUSES
        if row["unit"] == "fraction" and row["value"] is not None:
            assert 0 <= row["value"] <= 1
    coverage = next(row for row in body["indicators"] if row["key"] == "support_coverage")
    assert coverage["label"] == "Kết quả nghiên cứu đã nghiệm thu được hỗ trợ thương mại hóa"
    assert client.get("/api/v1/plan/indicators?period=1999").status_code == 422
    bad = client.get("/api/v1/plan/indicators?period=2021-2025&year=2030")
    assert bad.status_code == 422 and "year" in bad.get_json()["fields"]


@pytest.mark.parametrize("key,filters,index", [
    ("support_coverage", {}, "ix_records_plan_year"),
    ("digitised", {"place": "phường Mũi Né"}, "ix_records_plan_district")])
def test_a_periods_results_are_found_in_the_index_not_by_parsing_json(province, key, filters,
                                                                      index):
    """Migration 0004 indexes the very expressions the queries compile to (the record's year,
    its district)."""
    from datetime import date as Date

    from sqlalchemy import func, select

    period = plan.period_of("2021-2025")
    scope = plan.Scope(period, plan.parse_filters(filters, period), AFTER_2025)
    statement = select(func.count()).select_from(
        plan.INDICATORS[key].rows(scope).statement.subquery())
    with province.sessions() as session:
        connection = session.connection()
        dialect = connection.dialect
        compiled = statement.compile(dialect=dialect,
                                     compile_kwargs={"render_postcompile": True})
        if dialect.name == "sqlite":
            params = tuple(value.isoformat() if isinstance(value, Date) else value
                           for value in (compiled.params[name] for name in compiled.positiontup))
            plan_rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}",
                                                   params).all()
        else:
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan_rows = connection.exec_driver_sql(f"EXPLAIN {compiled}",
                                                   compiled.params).all()
        text = " ".join(str(row) for row in plan_rows)
    assert index in text, text


@pytest.mark.parametrize("period,filters", [("2021-2025", {}), ("2026-2030", {}),
                                            ("2021-2025", {"year": "2023"}),
                                            ("2021-2025", {"sector": "thanh-long"})])
def test_every_figure_is_the_count_of_its_drilldown(province, period, filters):
    """A figure and the list behind it can never disagree."""
    chosen = plan.period_of(period)
    scope = plan.Scope(chosen, plan.parse_filters(filters, chosen), AFTER_2025)
    for row in plan.indicators(province, scope)["indicators"]:
        if row["key"] == "transaction_value_growth":
            continue  # a rate of two yearly totals, not a count of rows
        listed = plan.drilldown(province, row["key"], scope, size=500)
        counted = sum(item["counted"] for item in listed["items"])
        assert counted == row["numerator"], row["key"]
        if row["unit"] == "fraction":
            assert listed["total"] == row["denominator"], row["key"]
