"""Field confidence and review reasons (indexer.confidence), on drafts parsed from real PDFs.

Each test reads a sample document with the real parsers, scores it, then changes one thing the
way a bad document or a bad reading would (a wrong type digit, dates out of order, a title
with no source, a garbled page, cover and sheet in disagreement) and checks that exactly that
field drops under the threshold with a reason that names it.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import pytest

from indexer.confidence import (
    REVIEW_THRESHOLD,
    SOURCE_CONFIDENCE,
    looks_like_vietnamese_name,
    page_factor,
    score_fields,
)
from indexer.parse_article import parse_article
from indexer.parse_patent import (
    parse_patent,
    technology_fields,
    validate_application_number,
    validate_patent_number,
    validate_publication_number,
)
from indexer.parse_report import parse_report
from indexer.parsed import Origin, Origins, fields_and_origins
from indexer.pdf_text import read_pdf

CORPUS = Path(__file__).resolve().parent.parent / "corpus_samples"
REPORT = CORPUS / "reports" / "2013-nuoc-mam-haccp.pdf"
PATENT = CORPUS / "patents" / "1-2018-04512.pdf"
UTILITY = CORPUS / "patents" / "2-2019-00388.pdf"
ARTICLE = CORPUS / "independent" / "articles" / "bai-bao-than-sinh-hoc-vo-hat-dieu.pdf"


@cache
def _pages(path: Path) -> tuple[str, ...]:
    if not path.exists():
        pytest.skip(f"{path.name} is not generated")
    return tuple(read_pdf(path).pages)


def _draft(path: Path, document_type: str) -> tuple[dict, list[str], Origins]:
    """The record draft a parser gives for ``path``, its pages, and where each field was read."""
    pages = list(_pages(path))
    parser = {
        "final_report": parse_report,
        "patent_document": parse_patent,
        "research_document": parse_article,
    }[document_type]
    draft, origins = fields_and_origins(parser(pages))
    kind = draft.pop("kind", None) if document_type == "patent_document" else None
    draft.update(
        {
            "document_type": document_type,
            "kind": kind or "research_result",
            "language": "vi",
        }
    )
    return draft, pages, origins


def _reasons_for(reasons: list[str], field: str) -> list[str]:
    return [reason for reason in reasons if reason.startswith(f"{field} ")]


# --------------------------------------------------------------------------- correct records


@pytest.mark.parametrize(
    ("path", "document_type"),
    [(REPORT, "final_report"), (PATENT, "patent_document"), (UTILITY, "patent_document")],
    ids=["report", "patent", "utility-solution"],
)
def test_a_correct_record_scores_high_and_needs_no_review(path, document_type):
    draft, pages, origins = _draft(path, document_type)
    scores, reasons = score_fields(draft, pages, document_type, origins)
    assert reasons == []
    core = (
        ["title", "task_code", "principal_investigator", "host_organisation", "start", "end"]
        if document_type == "final_report"
        else ["title", "application_number", "filed", "ipc_classes", "inventors", "applicants"]
    )
    for field in core:
        assert scores[field] >= 0.9, (field, scores[field])


def test_statistical_sheet_values_outrank_heuristics_and_suggestions():
    draft, pages, origins = _draft(REPORT, "final_report")
    assert origins["title"].source == "sheet"
    scores, _ = score_fields(draft, pages, "final_report", origins)
    assert scores["title"] == SOURCE_CONFIDENCE["sheet"]
    assert scores["sectors"] == SOURCE_CONFIDENCE["heuristic"]  # matched from title/keywords
    origins["title"] = Origin("cover", origins["title"].page)
    scores, _ = score_fields(draft, pages, "final_report", origins)
    assert scores["title"] == SOURCE_CONFIDENCE["cover"]
    assert SOURCE_CONFIDENCE["sheet"] > SOURCE_CONFIDENCE["cover"] > SOURCE_CONFIDENCE["body"]
    assert SOURCE_CONFIDENCE["body"] > SOURCE_CONFIDENCE["heuristic"] > SOURCE_CONFIDENCE["nlp"]


def test_an_article_title_found_by_layout_is_trusted_less_than_a_labelled_one():
    draft, pages, origins = _draft(ARTICLE, "research_document")
    scores, reasons = score_fields(draft, pages, "research_document", origins)
    assert scores["title"] == SOURCE_CONFIDENCE["layout"]
    assert scores["keywords"] == SOURCE_CONFIDENCE["label"]
    assert reasons == []


# --------------------------------------------------------------------------- numbers


def test_an_application_number_of_the_wrong_type_is_flagged():
    draft, pages, origins = _draft(PATENT, "patent_document")
    draft["identifiers"]["application_number"] = "2-2018-04512"  # a utility-solution number
    scores, reasons = score_fields(draft, pages, "patent_document", origins)
    assert scores["application_number"] < REVIEW_THRESHOLD
    [reason] = _reasons_for(reasons, "application_number")
    assert "type digit" in reason


def test_an_application_number_whose_year_is_not_the_filing_year_is_flagged():
    draft, pages, origins = _draft(PATENT, "patent_document")
    draft["identifiers"]["application_number"] = "1-2016-04512"
    scores, reasons = score_fields(draft, pages, "patent_document", origins)
    assert scores["application_number"] < REVIEW_THRESHOLD
    assert "filing date" in _reasons_for(reasons, "application_number")[0]


def test_a_patent_number_of_the_wrong_type_is_flagged():
    draft, pages, origins = _draft(UTILITY, "patent_document")
    draft["identifiers"]["patent_number"] = "1-0002581"
    scores, reasons = score_fields(draft, pages, "patent_document", origins)
    assert scores["patent_number"] < REVIEW_THRESHOLD
    assert _reasons_for(reasons, "patent_number")


def test_number_validators_follow_the_office_formats():
    assert validate_application_number("1-2019-01234", "patent", "2019-03-12") == []
    assert validate_application_number("2-2019-01234", "patent")  # type digit
    assert validate_application_number("1-2019-1234")  # older four-digit serial: a remark
    assert validate_application_number("1-1975-01234")  # before the first patent ordinance
    assert validate_application_number("1-19-01234")  # not the format at all
    assert validate_patent_number("1-0035127", "patent") == []
    assert validate_patent_number("2-0002315", "utility_solution") == []
    assert validate_patent_number("2-0035127", "utility_solution")  # 2-000NNNN expected
    assert validate_patent_number("35127")
    assert validate_publication_number("72456 A") == []
    assert validate_publication_number("1-2020-04417") == []
    assert validate_publication_number("WO2020/1234")


# --------------------------------------------------------------------------- dates, money


def test_dates_out_of_order_are_flagged_on_both_fields():
    draft, pages, origins = _draft(REPORT, "final_report")
    draft["dates"]["start"], draft["dates"]["end"] = "2013-05", "2011-06"
    scores, reasons = score_fields(draft, pages, "final_report", origins)
    assert scores["start"] < REVIEW_THRESHOLD and scores["end"] < REVIEW_THRESHOLD
    assert "comes after" in _reasons_for(reasons, "start")[0]
    assert scores["title"] >= 0.9  # nothing else is touched


def test_a_grant_before_the_filing_is_flagged():
    draft, pages, origins = _draft(PATENT, "patent_document")
    draft["dates"]["granted"] = "2017-01-05"
    scores, reasons = score_fields(draft, pages, "patent_document", origins)
    assert scores["granted"] < REVIEW_THRESHOLD
    assert scores["filed"] < REVIEW_THRESHOLD
    assert _reasons_for(reasons, "granted")


def test_an_implausible_budget_is_flagged():
    draft, pages, origins = _draft(REPORT, "final_report")
    draft["budget"] = {"total_vnd": 480, "state_vnd": None}  # "480" read without "triệu"
    scores, reasons = score_fields(draft, pages, "final_report", origins)
    assert scores["budget_total_vnd"] < REVIEW_THRESHOLD
    assert "plausible range" in _reasons_for(reasons, "budget_total_vnd")[0]


# --------------------------------------------------------------------------- sources, agreement


def test_a_title_with_no_source_is_flagged_as_weak():
    draft, pages, origins = _draft(REPORT, "final_report")
    del origins["title"]  # as when extract falls back on the file name
    draft["title"] = "2013 nuoc mam haccp"
    scores, reasons = score_fields(draft, pages, "final_report", origins)
    assert scores["title"] <= SOURCE_CONFIDENCE[None]
    assert "file name" in _reasons_for(reasons, "title")[0]


def test_an_nlp_suggestion_is_shown_but_does_not_send_the_record_to_review():
    draft, pages, origins = _draft(PATENT, "patent_document")
    draft["sectors"] = ["nuoc-mam"]  # filled by the enrichment: no parser source
    scores, reasons = score_fields(draft, pages, "patent_document", origins)
    assert scores["sectors"] == SOURCE_CONFIDENCE["nlp"] == REVIEW_THRESHOLD
    assert not _reasons_for(reasons, "sectors")


def test_cover_and_sheet_that_disagree_are_flagged():
    sheet = "\n".join(
        [
            "BÁO CÁO TỔNG HỢP",
            "Tên nhiệm vụ: Nghiên cứu sản xuất nước mắm giàu đạm",
            "Mã số: BT-01-2020",
            "Chủ nhiệm nhiệm vụ: TS. Nguyễn Văn An",
            "\f",
        ]
    )
    pages = [sheet, "BÁO CÁO THỐNG KÊ\nMã số nhiệm vụ: BT-07-2020\nTên nhiệm vụ: Nước mắm"]
    draft, origins = fields_and_origins(parse_report(pages))
    assert draft["identifiers"]["task_code"] == "BT-07-2020"  # the sheet wins
    assert origins["task_code"].agreement is False
    draft.update(document_type="final_report", kind="research_result", language="vi")
    scores, reasons = score_fields(draft, pages, "final_report", origins)
    assert scores["task_code"] < REVIEW_THRESHOLD
    assert "different values" in _reasons_for(reasons, "task_code")[0]


def test_a_value_read_from_a_garbled_page_is_trusted_less():
    draft, pages, origins = _draft(REPORT, "final_report")
    page = origins["task_code"].page
    clean, _ = score_fields(draft, pages, "final_report", origins)
    draft["quality"] = {"pages": [{"page": page + 1, "verdict": "garbled", "method": "text_layer"}]}
    scores, reasons = score_fields(draft, pages, "final_report", origins)
    assert scores["task_code"] == pytest.approx(clean["task_code"] * 0.5, abs=0.001)
    assert "garbled" in _reasons_for(reasons, "task_code")[0]


def test_page_factors_follow_how_the_text_was_read():
    assert page_factor({"verdict": "clean", "method": "text_layer"}) == (1.0, None)
    assert page_factor({"verdict": "clean", "method": "repaired"})[0] < 1.0
    legacy = page_factor({"verdict": "clean", "method": "legacy_tcvn3"})[0]
    good_ocr = page_factor({"verdict": "clean", "method": "ocr", "ocr_confidence": 92})[0]
    poor_ocr = page_factor({"verdict": "clean", "method": "ocr", "ocr_confidence": 40})[0]
    assert 1.0 > good_ocr > legacy > poor_ocr


def test_people_and_titles_that_do_not_look_right_are_flagged():
    draft, pages, origins = _draft(REPORT, "final_report")
    investigator = next(p for p in draft["people"] if p["role"] == "principal_investigator")
    investigator["name"] = "Trung tâm Kỹ thuật Tiêu chuẩn"
    draft["title"] = "Xây dựng hệ thống kiểm soát chất lượng cho các cơ sở sản xuất nước mắm tại"
    scores, reasons = score_fields(draft, pages, "final_report", origins)
    assert scores["principal_investigator"] < REVIEW_THRESHOLD
    assert "cut off" in _reasons_for(reasons, "title")[0]
    assert looks_like_vietnamese_name("Nguyễn Thị Bích Ngọc")
    assert looks_like_vietnamese_name("Pham Minh Hai")
    assert not looks_like_vietnamese_name("Trung tâm Khuyến nông")
    assert not looks_like_vietnamese_name("John Smith")


def test_a_missing_application_number_is_a_reason_to_review():
    draft, pages, origins = _draft(PATENT, "patent_document")
    del draft["identifiers"]["application_number"]
    _, reasons = score_fields(draft, pages, "patent_document", origins)
    assert "application_number: not found in the document" in reasons


def test_an_applicant_with_its_address_and_keywords_with_a_running_header_are_flagged():
    draft, pages, origins = _draft(PATENT, "patent_document")
    applicant = next(p for p in draft["people"] if p["role"] in ("applicant", "owner"))
    applicant["name"] = "Tuy Phong Salt Company, Vinh Hao, Tuy Phong, Binh Thuan"
    draft["keywords"] = ["tannin", "6(2): 1712-1723"]
    origins["keywords"] = Origin("label")
    scores, reasons = score_fields(draft, pages, "patent_document", origins)
    assert "address" in _reasons_for(reasons, "applicants")[0]
    assert scores["keywords"] < REVIEW_THRESHOLD


# --------------------------------------------------------------------------- technology fields


@pytest.mark.parametrize(
    ("symbols", "fields"),
    [
        (["G01N 33/48"], ["11"]),  # G01N33 is longer than G01N
        (["G01N 21/00"], ["10"]),
        (["B01D 53/00"], ["24"]),  # B01D (environment) over B01 (chemical engineering)
        (["B01J 19/00"], ["23"]),
        (["C08L 23/06"], ["17"]),  # C08L (polymers) over C08 (basic materials)
        (["H04N 21/234"], ["4"]),  # H04N21 (digital communication) over H04N (audio-visual)
        (["H04N 5/225"], ["2"]),
        (["H04N 213/00"], ["2"]),  # group 213 is not group 21
        (["A23L 27/50", "C12N 1/20", "A23L 2/02"], ["18", "15"]),  # order kept, no repeats
        (["A23N 5/00"], []),  # not in the simplified concordance
        (["not a symbol"], []),
    ],
)
def test_ipc_symbols_map_to_technology_fields_by_longest_prefix(symbols, fields):
    assert technology_fields(symbols) == fields


def test_the_patent_parser_puts_technology_fields_in_its_result():
    draft, _, _ = _draft(PATENT, "patent_document")
    assert draft["ipc_classes"] == ["A23L 17/20", "A23L 17/65", "A23L 27/50"]
    assert draft["technology_fields"] == ["18"]


def test_every_score_is_between_zero_and_one_and_every_reason_names_its_field():
    draft, pages, origins = _draft(PATENT, "patent_document")
    broken = copy.deepcopy(draft)
    broken["identifiers"]["application_number"] = "3-2030-00001"
    broken["dates"] = {"filed": "2031-01-01", "published": "2019-01-01"}
    scores, reasons = score_fields(broken, pages, "patent_document", origins)
    assert all(0.0 <= value <= 1.0 for value in scores.values())
    low = {field for field, value in scores.items() if value < REVIEW_THRESHOLD}
    assert low >= {"application_number", "filed", "published"}
    assert {reason.split(" ")[0].rstrip(":") for reason in reasons} >= low
