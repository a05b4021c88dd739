"""The search API over the ingested sample corpus, as a client would use it."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CORPUS

GROUND_TRUTH = json.loads((CORPUS / "ground_truth.json").read_text(encoding="utf-8"))["documents"]
FISH_SAUCE_REPORTS = [
    doc for doc in GROUND_TRUTH
    if "nuoc-mam" in doc.get("expected", {}).get("sectors", [])
    and doc["expected"]["document_type"] == "final_report" and not doc["expected"].get("scanned")
]


def _ids(client, **params):
    response = client.get("/api/v1/records", query_string={"size": 100, **params})
    assert response.status_code == 200, response.get_json()
    return [hit["id"] for hit in response.get_json()["hits"]]


def test_a_query_without_diacritics_finds_the_same_records_as_with_them(client):
    with_marks = _ids(client, q="nước mắm")
    without_marks = _ids(client, q="nuoc mam")
    assert len(with_marks) >= len(FISH_SAUCE_REPORTS) >= 3
    assert set(with_marks) == set(without_marks)


def test_response_shape_and_facets(client):
    body = client.get("/api/v1/records", query_string={"q": "thanh long"}).get_json()
    assert body["total"] >= 3
    assert {"id", "kind", "title", "highlight"} <= set(body["hits"][0])
    assert {"kind", "field", "sector", "year", "status"} <= set(body["facets"])
    for facet in body["facets"].values():
        assert facet["label"]
        for bucket in facet["buckets"]:
            assert set(bucket) >= {"key", "label", "doc_count", "is_selected"}
    kinds = {b["key"]: b for b in body["facets"]["kind"]["buckets"]}
    assert kinds["research_result"]["label"] == "Kết quả nghiên cứu"
    assert sum(b["doc_count"] for b in kinds.values()) == body["total"]


def test_english_labels_on_request(client):
    body = client.get("/api/v1/records", query_string={"lang": "en"}).get_json()
    kinds = {b["key"]: b["label"] for b in body["facets"]["kind"]["buckets"]}
    assert kinds["patent"].startswith("Patent")
    assert body["facets"]["kind"]["label"] == "Kind"


def test_filters_narrow_results_and_are_flagged_selected(client):
    everything = client.get("/api/v1/records", query_string={"size": 100}).get_json()
    patents = client.get(
        "/api/v1/records", query_string={"kind": "patent", "size": 100}
    ).get_json()
    assert 0 < patents["total"] < everything["total"]
    assert all(hit["kind"] == "patent" for hit in patents["hits"])
    selected = [b for b in patents["facets"]["kind"]["buckets"] if b["is_selected"]]
    assert [b["key"] for b in selected] == ["patent"]


def test_paging_returns_disjoint_pages(client):
    first = _ids(client, size=5, page=1, sort="title")
    second = client.get(
        "/api/v1/records", query_string={"size": 5, "page": 2, "sort": "title"}
    ).get_json()
    assert len(first) == 5 and not set(first) & {hit["id"] for hit in second["hits"]}


@pytest.mark.parametrize(
    "params",
    [{"page": "abc"}, {"page": "0"}, {"size": "100000"}, {"sort": "random"}, {"q": "x" * 5000}],
)
def test_bad_parameters_get_a_clear_400(client, params):
    response = client.get("/api/v1/records", query_string=params)
    assert response.status_code == 400
    assert response.get_json()["message"]


@pytest.mark.parametrize("query", ['"nước mắm', "(thanh long", "title:", "AND OR NOT", "\x00\x07"])
def test_malformed_queries_never_fail(client, query):
    response = client.get("/api/v1/records", query_string={"q": query})
    assert response.status_code in (200, 400)


def test_a_record_in_full(client):
    doc = FISH_SAUCE_REPORTS[0]
    hit_id = _ids(client, q=doc["expected"]["task_code"])[0]
    record = client.get(f"/api/v1/records/{hit_id}").get_json()
    assert record["id"] == hit_id
    assert record["title"] == doc["expected"]["title"]
    assert record["identifiers"]["task_code"] == doc["expected"]["task_code"]
    assert record["files"][0]["sha256"] and record["provenance"]["extractor"].startswith("indexer")
    assert "nước mắm" in record["full_text"].lower()


def test_an_unknown_record_is_a_404(client):
    response = client.get("/api/v1/records/does-not-exist")
    assert response.status_code == 404
    assert response.get_json()["message"]


def test_errors_are_problem_details(client):
    """RFC 9457 for every API error, unknown URLs and wrong methods included."""
    for url, status in (("/api/v1/records/nope", 404), ("/api/v1/no-such-thing", 404),
                        ("/api/v1/records?size=0", 400)):
        answer = client.get(url)
        assert answer.status_code == status, url
        assert answer.mimetype == "application/problem+json"
        body = answer.get_json()
        assert body["status"] == status and body["title"] and body["detail"]
    wrong_method = client.delete("/api/v1/records")
    assert wrong_method.status_code == 405 and "GET" in wrong_method.headers["Allow"]
    assert wrong_method.mimetype == "application/problem+json"
    assert client.get("/no-such-page").mimetype == "text/html"


def test_search_answers_link_their_pages(client):
    first = client.get("/api/v1/records?q=thanh+long&size=2")
    body = first.get_json()
    assert body["total"] > 2
    assert "page=2" in body["links"]["next"] and "prev" not in body["links"]
    assert 'rel="next"' in first.headers["Link"]
    second = client.get(body["links"]["next"]).get_json()
    assert second["page"] == 2 and "page=1" in second["links"]["prev"]
    assert {hit["id"] for hit in second["hits"]}.isdisjoint(hit["id"] for hit in body["hits"])


def test_a_record_answers_conditional_requests(client):
    record_id = client.get("/api/v1/records?size=1").get_json()["hits"][0]["id"]
    first = client.get(f"/api/v1/records/{record_id}")
    etag = first.headers["ETag"]
    again = client.get(f"/api/v1/records/{record_id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data
    other = client.get(f"/api/v1/records/{record_id}", headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200


def test_search_unavailable_is_a_503_and_records_still_answer(corpus_app, monkeypatch):
    from indexer.search.engine import SearchError

    services = corpus_app.extensions["repo"]
    record_id = corpus_app.test_client().get("/api/v1/records?size=1").get_json()["hits"][0]["id"]

    def down(*args, **kwargs):
        raise SearchError("connection refused")

    for name in ("search", "suggest", "similar"):
        monkeypatch.setattr(services.search_engine, name, down)
    client = corpus_app.test_client()
    api = client.get("/api/v1/records?q=nuoc+mam")
    assert api.status_code == 503 and api.headers["Retry-After"]
    assert "unavailable" in api.get_json()["detail"]
    page = client.get("/?q=nuoc+mam")
    assert page.status_code == 503
    assert "Tìm kiếm tạm thời không hoạt động" in page.get_data(as_text=True)
    assert client.get(f"/records/{record_id}").status_code == 200
    assert client.get(f"/api/v1/records/{record_id}").status_code == 200
