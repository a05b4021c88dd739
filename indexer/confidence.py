"""How far each extracted field can be trusted, and why a record should be looked at by staff.

:func:`score_fields` gives every field the record has (keys of
:func:`indexer.evaluation.comparable_fields`) a confidence between 0 and 1, the product of:

1. **where the value was read** (the parsers' :class:`indexer.parsed.Origin` of each field):
   a label on the statistical sheet or an INID code (0.95) > a label on the cover (0.9) > a
   printed label of an article's front matter (0.85) > a label in the body (0.8) > the page's
   layout (title above the abstract, university on a thesis cover: 0.7) > a heuristic (the
   cover's heading, a date in running text: 0.65) > an NLP suggestion (0.5) > nothing known
   (0.25: e.g. a title taken from the file name);
2. **whether the value validates**: application numbers ``T-YYYY-NNNNN`` whose type digit
   matches the kind and whose year is the filing year, grant numbers ``1-00NNNNN`` /
   ``2-000NNNN``, IPC symbols that exist in the WIPO concordance, plausible dates in order
   (start ≤ end ≤ accepted; filed ≤ published ≤ granted), a budget in a plausible range with the
   state share under the total, a principal investigator that looks like a Vietnamese personal
   name, a title that is neither a heading nor cut off mid-phrase;
3. **agreement** between two readings of the same field (cover and statistical sheet, the
   origin's ``agreement``): two labels that disagree count as a failed check; a label and the
   cover's heading that disagree, as a doubt;
4. **the text quality of the page** the value came from (the origin's ``page``, the record's page
   verdicts: clean 1.0, diacritics repaired 0.97, legacy encoding converted 0.9, OCR 0.6-1.0 by
   Tesseract's confidence, garbled 0.5).

``REVIEW_THRESHOLD``: a field under it gets a review reason, a plain English sentence that
names the field, and the caller marks the record for review. It is 0.5: a field with nothing
against it stays above it from any source but "nothing known"; an NLP suggestion sits on it
(staff see it as a suggestion, it does not by itself send the record to review); one failed
check (a wrong type digit, dates out of order, a disagreement, a garbled page) takes any source
under it (a failed check multiplies by ``FAILED``, 0.45; a doubt by ``DOUBT``, 0.85). A field a
document of its type should give and did not (a report's principal investigator, a patent's
application number: ``EXPECTED_FIELDS``) is a reason too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

from indexer.parsed import Origins

REVIEW_THRESHOLD = 0.5

SOURCE_CONFIDENCE = {
    "sheet": 0.95,  # a label on the statistical sheet (báo cáo thống kê, phiếu thông tin)
    "inid": 0.95,  # the value under its INID code on a patent front page
    "cover": 0.9,  # a label on the cover or inner cover
    "label": 0.85,  # a printed label elsewhere in the front matter ("Từ khóa:", "Keywords:")
    "body": 0.8,  # a label in the body pages
    "typeset": 0.85,  # set in the first page's largest type (indexer.layout_title)
    "layout": 0.7,  # the page's structure (an article's title block, a thesis cover)
    "heuristic": 0.65,  # the cover's heading, a date in running text, sectors from the title
    "text": 0.65,  # a number found by its format anywhere on the page
    "nlp": 0.5,  # suggested by indexer.nlp from the full text
    None: 0.25,  # nothing known: a title from the file name, a value no parser set
}
# Fields the NLP enrichment fills when the parser found nothing.
SUGGESTED_FIELDS = {"sectors", "keywords", "district", "field_of_science"}
# Fields decided by document-type detection rather than read from a place in the text.
DETECTED_FIELDS = {"document_type", "kind", "language"}

FAILED = 0.45  # a check that fails takes a field under REVIEW_THRESHOLD from any source
DOUBT = 0.85  # a remark that lowers the confidence without sending the record to review

MIN_BUDGET_VND = 10_000_000  # provincial and national tasks: tens of millions ...
MAX_BUDGET_VND = 200_000_000_000  # ... to a few hundred billion dong
MAX_TASK_YEARS = 10
FIRST_YEAR = 1975

_CONNECTORS = {
    "cua",
    "va",
    "tai",
    "trong",
    "cho",
    "voi",
    "ve",
    "cac",
    "nhung",
    "theo",
    "tu",
    "den",
    "bang",
    "o",
    "tren",
    "duoi",
    "nham",
    "de",
    "giua",
    "qua",
    "thuoc",
    "of",
    "and",
    "the",
    "for",
    "in",
    "on",
    "to",
    "with",
    "by",
    "a",
    "an",
    "at",
    "from",
    "into",
    "using",
    "under",
    "between",
}
_ORG_START = re.compile(
    r"^(?:truong|vien|trung tam|cong ty|chi cuc|cuc|so|bo|benh vien|hoi|hiep hoi|dai hoc|"
    r"hoc vien|phong|ban|hop tac xa|lien hiep|doanh nghiep|tong cong ty|uy ban|ubnd|khoa|"
    r"university|institute|centre|center|company|department|ministry|hospital|college|"
    r"academy|faculty|people'?s committee|[a-z ]+ (?:university|institute|company|department|"
    r"centre|center|jsc|ltd))"
)
_ORG_WORDS = re.compile(  # organisation words that are not also people's names ("Trương")
    r"(?<![a-z])(?:truong (?:dai hoc|cao dang|trung hoc|thpt|pho thong)|vien (?:nghien cuu|"
    r"khoa hoc|han lam|cong nghe|ky thuat|kinh te)|trung tam|cong ty|tnhh|co phan|university|"
    r"institute|company|ltd|jsc|corporation|hop tac xa|so khoa hoc|benh vien|uy ban)(?![a-z])"
)
_PAGE_METHOD_FACTOR = {
    "text_layer": 1.0,
    "repaired": 0.97,
    "legacy_tcvn3": 0.9,
    "legacy_vni": 0.9,
    "none": 0.5,
}


class _Score:
    """One field's confidence, and the remarks that lowered it."""

    def __init__(self, base: float, remark: str | None = None):
        self.value = base
        self.remarks: list[str] = [remark] if remark else []

    def fail(self, remark: str) -> None:
        self.value *= FAILED
        self.remarks.append(remark)

    def doubt(self, remark: str, factor: float = DOUBT) -> None:
        self.value *= factor
        self.remarks.append(remark)


def score_fields(
    draft: dict,
    pages: list[str],
    document_type: str,
    origins: Origins | None = None,
    type_scores: dict[str, int] | None = None,
) -> tuple[dict, list[str]]:
    """``({field: confidence 0..1}, [review reasons])`` for the fields ``draft`` has.

    ``draft`` is a record draft as the parsers and the enrichment left it, with
    ``quality.pages`` when the page verdicts are known; ``pages`` is the text of each page;
    ``origins`` says where the parser read each field (:class:`indexer.parsed.Origin`);
    ``type_scores`` are :func:`indexer.detect.document_type_scores` of ``pages`` when the caller
    has them already (they are read again otherwise). Field
    names are those of :func:`indexer.evaluation.comparable_fields`. A reason is given for every
    field under :data:`REVIEW_THRESHOLD`: ``"application_number (0.43): the application number
    2-2021-00145 starts with 2, which is not the type digit of a patent (1)"``.
    """
    from indexer.detect import detection_confidence
    from indexer.evaluation import comparable_fields

    values = comparable_fields(draft)
    origins = origins or {}
    sources = {name: origin.source for name, origin in origins.items()}
    scores: dict[str, _Score] = {}
    # "document_type" and "kind" rest on the same evidence: weigh the first pages once
    type_evidence = cache(lambda: detection_confidence(pages, document_type, type_scores))
    for name, value in values.items():
        if value in (None, "", [], {}):
            continue
        if name in DETECTED_FIELDS:
            scores[name] = _Score(
                _detected(name, value, draft, pages, document_type, type_evidence)
            )
        elif name in sources:
            source = sources[name]
            scores[name] = _Score(SOURCE_CONFIDENCE.get(source, SOURCE_CONFIDENCE[None]))
        elif name in SUGGESTED_FIELDS or name == "principal_investigator_title":
            scores[name] = _Score(SOURCE_CONFIDENCE["nlp"], "suggested from the full text")
        else:
            scores[name] = _Score(
                SOURCE_CONFIDENCE[None],
                "no label or layout of the document gave this value"
                + (" (it was taken from the file name)" if name == "title" else ""),
            )

    _check_titles(values, scores)
    _check_codes(values, scores)
    _check_patent_numbers(values, scores, pages, document_type)
    _check_dates(values, scores)
    _check_budget(values, scores)
    _check_people(values, scores)
    _check_organisations(values, scores)
    _check_ipc(values, scores)
    _check_keywords(values, scores)
    _check_abstracts(values, scores)
    for name, agrees in ((name, origin.agreement) for name, origin in origins.items()):
        if agrees is False and name in scores:
            scores[name].fail("the cover and the statistical sheet give different values")
        elif agrees == "heuristic" and name in scores:
            scores[name].doubt("the cover's heading reads differently")
    _apply_page_quality(draft, pages, scores, origins)

    confidences = {
        name: round(min(1.0, max(0.0, score.value)), 3) for name, score in scores.items()
    }
    reasons = [
        f"{name} ({confidences[name]:.2f}): {'; '.join(scores[name].remarks) or 'weak source'}"
        for name in scores
        if confidences[name] < REVIEW_THRESHOLD
    ]
    return confidences, reasons + missing_fields(values, document_type)


def _detected(
    name: str,
    value,
    draft: dict,
    pages: list[str],
    document_type: str,
    type_evidence: Callable[[], float],
) -> float:
    """Confidence in a detected field; ``type_evidence()`` is the detection confidence of the
    document type (:func:`indexer.detect.detection_confidence`)."""
    from indexer.detect import language_confidence

    if name == "language":
        return language_confidence("\n".join(pages[:20]), value)
    detected = type_evidence()
    if name == "kind" and document_type == "patent_document":
        number = (draft.get("identifiers") or {}).get("application_number")
        return 0.95 if number else min(detected, 0.75)
    return detected


# --------------------------------------------------------------------------- checks


def _words(text: str) -> list[str]:
    from indexer.labels import fold

    return re.findall(r"[a-z0-9]+", fold(text))


def _check_titles(values: dict, scores: dict[str, _Score]) -> None:
    from indexer.labels import REPORT_TYPE_HEADINGS, STAT_SHEET_HEADINGS, heading_match
    from indexer.parse_article import is_masthead

    for name in ("title", "title_en"):
        title = values.get(name)
        if not title or name not in scores:
            continue
        words = _words(title)
        if len(title.strip()) < 8 or len(words) < 2:
            scores[name].fail("it is too short to be a title")
        elif len(title) > 400:
            scores[name].fail("it is too long for a title (a paragraph may have been taken)")
        if title.strip()[:1].islower():
            scores[name].fail("it starts in lower case: it may be the tail of a label or a line")
        if words and words[-1] in _CONNECTORS:
            scores[name].fail(f"it ends with {title.split()[-1]!r}: the title seems cut off")
        if heading_match(title, REPORT_TYPE_HEADINGS + STAT_SHEET_HEADINGS) or is_masthead(title):
            scores[name].fail("it is a heading or a journal's masthead, not a title")
        letters = [char for char in title if char.isalpha()]
        if letters and all(char.isupper() for char in letters):
            scores[name].doubt("it is printed in capitals only")


def _check_codes(values: dict, scores: dict[str, _Score]) -> None:
    code = values.get("task_code")
    if code and "task_code" in scores:
        if not re.search(r"\d", code) or len(code) > 40 or code.count(" ") > 2:
            scores["task_code"].fail(f"{code!r} does not look like a task code")


def _check_patent_numbers(
    values: dict, scores: dict[str, _Score], pages: list[str], document_type: str
) -> None:
    from indexer.parse_patent import (
        patent_kind,
        validate_application_number,
        validate_patent_number,
    )

    kind = values.get("kind")
    number = values.get("application_number")
    if number and "application_number" in scores:
        for problem in validate_application_number(number, kind, values.get("filed")):
            if "four-digit serial" in problem:
                scores["application_number"].doubt(_sentence(problem), 0.95)
            else:
                scores["application_number"].fail(_sentence(problem))
    patent_number = values.get("patent_number")
    if patent_number and "patent_number" in scores:
        for problem in validate_patent_number(patent_number, kind):
            scores["patent_number"].fail(_sentence(problem))
    if document_type == "patent_document" and kind and "kind" in scores and pages:
        said = patent_kind(None, "\n".join(pages[:2]))
        words_decide = said == "utility_solution" or "sang che" in _fold_front(pages)
        if words_decide and said != kind:
            scores["kind"].fail(
                f"the document calls itself a {said.replace('_', ' ')} but its application "
                f"number is that of a {kind.replace('_', ' ')}"
            )


def _fold_front(pages: list[str]) -> str:
    from indexer.labels import fold

    return fold("\n".join(pages[:1]))[:400]


def _sentence(problem: str) -> str:
    return problem[:1].lower() + problem[1:].rstrip(".")


def _partial(value: str | None) -> tuple[int, ...] | None:
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    return tuple(int(part) for part in match.groups() if part) if match else None


def _check_dates(values: dict, scores: dict[str, _Score]) -> None:
    this_year = date.today().year
    for name in ("start", "end", "accepted", "filed", "published", "granted"):
        parts = _partial(values.get(name))
        if values.get(name) and name in scores and parts is None:
            scores[name].fail(f"{values[name]!r} is not a date")
        elif parts and not FIRST_YEAR <= parts[0] <= this_year + (1 if name == "end" else 0):
            scores[name].fail(f"{values[name]} is not a plausible date")
    for earlier, later in (
        ("start", "end"),
        ("end", "accepted"),
        ("start", "accepted"),
        ("filed", "published"),
        ("published", "granted"),
        ("filed", "granted"),
    ):
        first, second = _partial(values.get(earlier)), _partial(values.get(later))
        if not first or not second:
            continue
        precision = min(len(first), len(second))
        if first[:precision] > second[:precision]:
            remark = f"{earlier} ({values[earlier]}) comes after {later} ({values[later]})"
            for name in (earlier, later):
                if name in scores and remark not in scores[name].remarks:
                    scores[name].fail(remark)
    start, end = _partial(values.get("start")), _partial(values.get("end"))
    if start and end and end[0] - start[0] > MAX_TASK_YEARS and "end" in scores:
        scores["end"].doubt(f"the task would have lasted more than {MAX_TASK_YEARS} years")


def _check_budget(values: dict, scores: dict[str, _Score]) -> None:
    total, state = values.get("budget_total_vnd"), values.get("budget_state_vnd")
    for name, amount in (("budget_total_vnd", total), ("budget_state_vnd", state)):
        if amount and name in scores and not MIN_BUDGET_VND <= amount <= MAX_BUDGET_VND:
            scores[name].fail(
                f"{amount:,} VND is outside the plausible range of a task's budget "
                f"({MIN_BUDGET_VND:,} to {MAX_BUDGET_VND:,} VND)"
            )
    if total and state and state > total:
        for name in ("budget_total_vnd", "budget_state_vnd"):
            if name in scores:
                scores[name].fail(f"the state budget ({state:,}) exceeds the total ({total:,})")


def looks_like_vietnamese_name(name: str) -> bool:
    """Two to five capitalised words, the first a Vietnamese family name ("Nguyễn Văn An",
    also without diacritics), no digits, no organisation words."""
    from indexer.labels import fold
    from indexer.people import VIETNAMESE_SURNAMES

    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or re.search(r"\d", name) or _ORG_WORDS.search(fold(name)):
        return False
    if not all(token[:1].isupper() for token in tokens):
        return False
    return fold(tokens[0]) in VIETNAMESE_SURNAMES


def _looks_like_person(name: str) -> bool:
    from indexer.labels import fold

    tokens = name.split()
    return (
        1 <= len(tokens) <= 6
        and not re.search(r"\d|@", name)
        and not _ORG_WORDS.search(fold(name))
        and all(
            token[:1].isupper() or token.lower() in {"van", "de", "von", "bin"} for token in tokens
        )
    )


def _check_people(values: dict, scores: dict[str, _Score]) -> None:
    from indexer.labels import fold

    investigator = values.get("principal_investigator")
    if investigator and "principal_investigator" in scores:
        if _ORG_WORDS.search(fold(investigator)) or re.search(r"\d", investigator):
            scores["principal_investigator"].fail(
                f"{investigator!r} looks like an organisation or an address, not a person"
            )
        elif not looks_like_vietnamese_name(investigator):
            scores["principal_investigator"].doubt(
                f"{investigator!r} does not look like a Vietnamese personal name"
            )
    for name in ("members", "inventors", "secretary"):
        people = values.get(name)
        people = [people] if isinstance(people, str) else people or []
        odd = [person for person in people if not _looks_like_person(person)]
        if odd and name in scores:
            scores[name].fail(f"{', '.join(map(repr, odd))} do not look like people's names")
    from indexer.parse_patent import is_address

    applicants = values.get("applicants") or []
    odd = [party for party in applicants if re.match(r"^\W|^\d", party) or len(party) < 3]
    if odd and "applicants" in scores:
        scores["applicants"].fail(f"{', '.join(map(repr, odd))} do not look like names")
    addressed = [
        party
        for party in applicants
        if party.count(",") >= 2 or any(is_address(piece) for piece in party.split(",")[1:])
    ]
    if addressed and "applicants" in scores:
        scores["applicants"].fail(f"{', '.join(map(repr, addressed))} still carry an address")


def _check_organisations(values: dict, scores: dict[str, _Score]) -> None:
    from indexer.labels import fold

    for name in ("host_organisation", "parent_agency"):
        organisation = values.get(name)
        if organisation and name in scores and not _ORG_START.match(fold(organisation).strip()):
            scores[name].doubt(f"{organisation!r} does not start like an organisation's name")


def _check_ipc(values: dict, scores: dict[str, _Score]) -> None:
    from indexer.parse_patent import technology_fields

    symbols = values.get("ipc_classes") or []
    if not symbols or "ipc_classes" not in scores:
        return
    invalid = [s for s in symbols if not re.match(r"^[A-H]\d{2}[A-Z]( \d{1,4}/\d{2,6})?$", s)]
    if invalid:
        scores["ipc_classes"].fail(f"{', '.join(invalid)} are not IPC symbols")
    unknown = [s for s in symbols if s not in invalid and not technology_fields([s])]
    if unknown:
        scores["ipc_classes"].doubt(
            f"{', '.join(unknown)} fall in no WIPO technology field of the concordance", 0.95
        )


def _check_keywords(values: dict, scores: dict[str, _Score]) -> None:
    from indexer.parse_article import is_masthead

    keywords = values.get("keywords") or []
    if not keywords or "keywords" not in scores:
        return
    if len(keywords) > 15 or any(len(word) > 80 for word in keywords):
        scores["keywords"].doubt("the keywords look like running text, not a list of terms")
    stray = [
        word
        for word in keywords
        if is_masthead(word, sections=False) or re.search(r"\d[():]|[():]\d", word)
    ]
    if stray:
        scores["keywords"].fail(
            f"{', '.join(map(repr, stray))} look like a running header or an issue line"
        )


# Fields staff need to find a record by; their absence is a reason to look at it.
EXPECTED_FIELDS = {
    "final_report": ("title", "principal_investigator", "host_organisation"),
    "patent_document": ("title", "application_number", "filed"),
    "research_document": ("title",),
}


MIN_ABSTRACT_CHARS = 80
MAX_ABSTRACT_CHARS = 4000


def abstract_doubts(text: str) -> list[str]:
    """Why ``text`` may not be an abstract as printed, as remarks (empty when none): an
    abstract is prose that ends a sentence, not cut off, not run on into the body, not mixed
    with a reference list, figure labels or the front page's names and addresses."""
    remarks = []
    visible = re.sub(r"\s", "", text)
    letters = sum(1 for char in visible if char.isalpha())
    if len(text) < MIN_ABSTRACT_CHARS:
        remarks.append("it is too short for an abstract")
    elif len(text) > MAX_ABSTRACT_CHARS:
        remarks.append("it is too long: the body may have been taken with it")
    if letters < 0.75 * len(visible) or re.search(r"\.{4,}|(?:et al\..*){2}", text):
        remarks.append("it holds a reference list, figure labels or other non-prose")
    if re.search(r"\([A-Z]{2}\)\s*;|correspondence address|\bp\.? ?o\.? box\b", text, re.I):
        remarks.append("it holds names and addresses of the front page")
    if not re.search(r"[.!?)\]”\"%]\s*$", text):
        remarks.append("it does not end a sentence: it may be cut off")
    return remarks


def _check_abstracts(values: dict, scores: dict[str, _Score]) -> None:
    for name in ("abstract", "abstract_en"):
        text = values.get(name)
        if text and name in scores:
            for remark in abstract_doubts(text):
                scores[name].fail(remark)


def missing_fields(values: dict, document_type: str) -> list[str]:
    """Review reasons for fields a document of its type should give and did not."""
    return [
        f"{name}: not found in the document"
        for name in EXPECTED_FIELDS.get(document_type, ())
        if values.get(name) in (None, "", [])
    ]


# --------------------------------------------------------------------------- page quality


def _page_verdicts(draft: dict, pages: list[str], wanted: set[int]) -> dict[int, dict]:
    """``{0-based page: {"verdict", "method", "ocr_confidence"}}`` for the pages fields came
    from: the record's own verdicts when it has them, else a fresh assessment of the text."""
    listed = (draft.get("quality") or {}).get("pages") or []
    verdicts = {
        item["page"] - 1: item for item in listed if isinstance(item, dict) and "page" in item
    }
    missing = [index for index in wanted if index not in verdicts and index < len(pages)]
    if missing:
        try:
            from indexer.text_quality import assess_page
        except ImportError:  # the page-quality module is optional here
            return verdicts
        for index in missing:
            verdict = assess_page(pages[index])
            verdicts[index] = {"verdict": verdict.verdict, "method": "text_layer"}
    return verdicts


def page_factor(item: dict) -> tuple[float, str | None]:
    """How far a value read from a page can be trusted, from the page's verdict and method."""
    verdict, method = item.get("verdict"), item.get("method")
    if verdict in ("garbled", "empty"):
        return 0.5, f"its page's text is {verdict}"
    if method == "ocr":
        confidence = item.get("ocr_confidence")
        if confidence is None:
            return 0.8, "its page was read by OCR"
        factor = 0.6 + 0.4 * max(0.0, min(100.0, float(confidence))) / 100
        return factor, f"its page was read by OCR (confidence {float(confidence):.0f})"
    factor = _PAGE_METHOD_FACTOR.get(method, 1.0)
    if factor < 1.0:
        return factor, f"its page's text was {'repaired' if method == 'repaired' else 'converted'}"
    return 1.0, None


def _apply_page_quality(
    draft: dict, pages: list[str], scores: dict[str, _Score], origins: Origins
) -> None:
    field_pages = {
        name: origin.page
        for name, origin in origins.items()
        if name in scores and isinstance(origin.page, int)
    }
    if not field_pages:
        return
    verdicts = _page_verdicts(draft, pages, set(field_pages.values()))
    for name, index in field_pages.items():
        item = verdicts.get(index)
        if not item:
            continue
        factor, remark = page_factor(item)
        if factor < 1.0:
            scores[name].value *= factor
            scores[name].remarks.append(f"{remark} (page {index + 1})")
