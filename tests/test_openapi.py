"""The API as its OpenAPI document describes it: every /api/v1 operation is in the document,
schemathesis fuzzes each one from it (anonymous and as Department staff) and every answer is
a non-5xx that matches its schema, and a client built only from the document works.

The fuzzing writes (it posts workflows, transactions, needs...), so it runs on an instance of
its own with a few real reports, never on the corpus other tests read."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from repo_app import create_app
from repo_app.services import accounts
from tests.conftest import CORPUS, serve

REPORTS = [CORPUS / "reports" / name for name in (
    "2013-nuoc-mam-haccp.pdf", "2019-thanh-long-den-led-ra-hoa.pdf",
    "2022-thanh-long-truy-xuat-nguon-goc.pdf")]
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
# 37 operations: about 6 examples each anonymous and 4 as staff, a few hundred in all.
ANONYMOUS_EXAMPLES = 6
STAFF_EXAMPLES = 4
HTTP_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory):
    from repo_app.migrate import upgrade
    from repo_app.services import Services
    from repo_app.services.ingest import Ingestor
    from repo_app.settings import Settings

    folder = tmp_path_factory.mktemp("openapi")
    url = f"sqlite:///{folder / 'repository.sqlite3'}"
    # The fuzzer writes far faster than a person: the write limit has its own tests.
    settings_ = Settings.from_env({"REPO_INSTANCE": str(folder / "instance"),
                                   "DATABASE_URL": url, "API_WRITE_RATE_LIMIT": "100000/minute"})
    upgrade(url)
    services = Services(settings_)
    Ingestor(services, workers=1).run(REPORTS)
    accounts.add_user(services, "staff@test.vn", role="staff", name="Staff",
                      password="mot-mat-khau-dai")
    app = create_app(services=services)
    app.config.update(TESTING=True)
    app.extensions["test_staff_token"] = accounts.new_token(services, "staff@test.vn")
    yield app
    services.close()


@pytest.fixture(scope="module")
def api_schema(fuzzed_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", fuzzed_app)


FUZZ = dict(deadline=None, derandomize=True, database=None,
            suppress_health_check=list(HealthCheck))


def _fuzz(api_schema, subtests, examples: int, headers: dict) -> int:
    """Every operation, ``examples`` generated requests each; returns how many operations.
    (One subtest per operation: schemathesis' own pytest loader does not run on pytest 9.)"""
    from hypothesis import given

    count = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        count += 1

        @settings(max_examples=examples, **FUZZ)
        @given(operation.as_strategy())
        def answers_as_documented(case):
            case.call_and_validate(checks=CHECKS, headers=headers)

        with subtests.test(operation=operation.label):
            answers_as_documented()
    return count


def test_every_operation_answers_as_documented_anonymously(api_schema, subtests):
    assert _fuzz(api_schema, subtests, ANONYMOUS_EXAMPLES, {}) >= 37


def test_every_operation_answers_as_documented_to_staff(api_schema, subtests, fuzzed_app):
    token = fuzzed_app.extensions["test_staff_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert _fuzz(api_schema, subtests, STAFF_EXAMPLES, headers) >= 37


# -- The document itself ----------------------------------------------------------------------


def _document(app) -> dict:
    answer = app.test_client().get("/api/v1/openapi.json")
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    return answer.get_json()


def test_every_api_route_is_in_the_document(fuzzed_app):
    import re

    document = _document(fuzzed_app)
    documented = {(method.upper(), path) for path, item in document["paths"].items()
                  for method in item if method.upper() in HTTP_METHODS}
    served = set()
    for rule in fuzzed_app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and rule.endpoint.split(".")[0] != "api-docs" \
                and rule.endpoint != "api_docs.browse":
            path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
            served |= {(method, path) for method in rule.methods & HTTP_METHODS}
    assert len(served) >= 37
    assert served == documented


def test_the_document_declares_bearer_tokens_and_problem_details(fuzzed_app):
    document = _document(fuzzed_app)
    assert document["openapi"].startswith("3.")
    assert document["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer",
        "description": "An API token from the account page (/account)."}
    default = document["components"]["responses"]["DEFAULT_ERROR"]["content"]
    problem = default["application/problem+json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(document["components"]["schemas"][problem]["required"]) == {
        "type", "title", "status", "detail"}
    search = document["paths"]["/api/v1/records"]["get"]
    names = {parameter["name"] for parameter in search["parameters"]}
    assert {"q", "page", "size", "sort", "kind", "sector", "year"} <= names


def test_the_browsable_page_lists_every_operation_without_scripts(fuzzed_app):
    page = fuzzed_app.test_client().get("/api/v1/docs")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "<script" not in html
    for path, item in _document(fuzzed_app)["paths"].items():
        for method in item:
            if method.upper() in HTTP_METHODS:
                assert f"{method.upper()} {path}" in html


def test_validation_errors_are_problem_details_naming_the_field(fuzzed_app):
    client = fuzzed_app.test_client()
    search = client.get("/api/v1/records?size=0&sort=random")
    assert search.status_code == 400 and search.mimetype == "application/problem+json"
    assert set(search.json["fields"]) == {"size", "sort"}
    assert "'size'" in search.json["detail"]
    staff = {"Authorization": f"Bearer {fuzzed_app.extensions['test_staff_token']}"}
    page = client.get("/api/v1/transactions?page=abc", headers=staff)
    assert page.status_code == 422 and page.json["fields"] == {"page": ["Not a valid integer."]}
    body = client.post("/api/v1/ip-requests", data="[1, 2]", headers=staff,
                       content_type="application/json")
    assert body.status_code == 422 and "body" in body.json["fields"]
    typed = client.post("/api/v1/records/x/workflow", json={"version": "three"}, headers=staff)
    assert typed.status_code == 422 and "version" in typed.json["fields"]


# -- A client that knows only the document -----------------------------------------------------


@pytest.fixture(scope="module")
def served(fuzzed_app):
    """The app served for real on 127.0.0.1, as a client out there would reach it."""
    with serve(fuzzed_app, "openapi-server") as url:
        yield url


class DocumentClient:
    """A client built from the OpenAPI document alone (fetched over HTTP): the address of an
    operation from the document's servers and path template, and only the query parameters
    the operation declares."""

    def __init__(self, site: str):
        import requests

        self.http = requests.Session()
        self.document = self.http.get(f"{site}/api/v1/openapi.json", timeout=10).json()
        self.base = site + self.document["servers"][0]["url"].rstrip("/")

    def call(self, method: str, template: str, path: dict | None = None, **query):
        operation = self.document["paths"][template][method.lower()]
        known = {parameter["name"] for parameter in operation.get("parameters", [])}
        unknown = set(query) - known
        assert not unknown, f"not in the document: {unknown}"
        url = self.base + template.format(**(path or {}))
        return self.http.request(method, url, params=query, timeout=30)


def test_a_client_built_from_the_document_searches_and_reads_a_record(served):
    client = DocumentClient(served)
    found = client.call("GET", "/api/v1/records", q="thanh long", size=5)
    assert found.status_code == 200 and found.json()["total"] >= 2
    assert 'rel="self"' in found.headers["Link"]
    record_id = found.json()["hits"][0]["id"]
    record = client.call("GET", "/api/v1/records/{record_id}", {"record_id": record_id})
    assert record.status_code == 200 and record.json()["id"] == record_id
    completions = client.call("GET", "/api/v1/suggest", q="thanh")
    assert completions.status_code == 200 and completions.json()["suggestions"]
    missing = client.call("GET", "/api/v1/records/{record_id}", {"record_id": "no-such-id"})
    assert missing.status_code == 404
    assert missing.headers["Content-Type"].startswith("application/problem+json")


def test_a_search_that_finds_nothing_suggests_another_query(served):
    client = DocumentClient(served)
    typo = client.call("GET", "/api/v1/records", q="nuoc mamm").json()
    assert typo["total"] == 0 and typo["suggestion"] == "nước mắm"
    assert client.call("GET", "/api/v1/records", q=typo["suggestion"]).json()["total"] > 0
    found = client.call("GET", "/api/v1/records", q="nuoc mam").json()
    assert found["total"] > 0 and found["suggestion"] is None and found["relaxations"] == []


def test_filters_that_leave_nothing_say_which_one_to_remove(served):
    client = DocumentClient(served)
    everything = client.call("GET", "/api/v1/records", q="thanh long").json()["total"]
    nothing = client.call("GET", "/api/v1/records", q="thanh long", kind="patent",
                          year="1990").json()
    assert nothing["total"] == 0 and nothing["suggestion"] is None
    offers = {(offer["facet"], offer["value"]): offer["total"]
              for offer in nothing["relaxations"]}
    assert offers.get((None, None)) == everything  # removing every filter
    assert all(total > 0 for total in offers.values())
