"""What kind of document a PDF is, and which language it is written in.

Both decisions are cheap scores over the first pages' text, made on folded text (no diacritics,
lower case) so that a PDF whose producer lost the accents is still recognised.
"""

from __future__ import annotations

import re
from collections import Counter

from indexer.labels import (
    INID_LABELS,
    PATENT_WORDS,
    REPORT_TYPE_HEADINGS,
    STAT_SHEET_HEADINGS,
    compile_patterns,
    fold,
)

DOCUMENT_TYPES = ("final_report", "patent_document", "research_document")
PAGES_LOOKED_AT = 3

_INID_AT_LINE_START = re.compile(r"(?m)^\s*\((\d{2,3})(?:/\d{2,3})?\)")
_INID_ANYWHERE = re.compile(r"(?<![\w(])\((\d{2})(?:/\d{2})?\)(?=\s+\S)")
_KNOWN_INID = {code.split("/")[0] for code in INID_LABELS}
_CORE_INID = {"11", "21", "22", "43", "45", "51", "54", "57", "71", "72", "73", "74"}
_APPLICATION_NUMBER = re.compile(r"\b[1-4]-(?:19|20)\d{2}-\d{4,5}\b")
_IPC = re.compile(r"\b[a-h]\d{2}[a-z]\s?\d{1,4}/\d{2,6}\b")

_PATENT_WORDS = compile_patterns(PATENT_WORDS)
# The labels of a US, WO or other English front page, as OCR leaves them even when it loses
# the INID codes' brackets: several of them together make a patent document.
_ENGLISH_FRONT_LABELS = re.compile(
    r"united states patent|patent application publication|international application published|"
    r"appl\.? ?no\b|pub\.? ?no\b|patent no\b|\binventors?\s*:|\bassignee\s*:|"
    r"\bapplicants?\s*:|int\.? ?c[il1]\b|references cited|cited by examiner|"
    r"date of patent|pub\.? ?date|pct filed|primary examiner|drawing sheets?|"
    r"field of (?:classification )?search"
)
_REPORT_HEADINGS = compile_patterns(REPORT_TYPE_HEADINGS + STAT_SHEET_HEADINGS)
_REPORT_LABELS = re.compile(
    r"(?m)^\s*(?:[\divx]{1,4}[.)]\s*)?(?:chu nhiem (?:nhiem vu|de tai|du an|de an)|"
    r"ma so(?: (?:nhiem vu|de tai|du an))?\s*:|(?:to chuc|co quan|don vi) chu tri|co quan chu quan|"
    r"ten (?:nhiem vu|de tai|du an)\s*:|principal investigator|"
    r"host (?:organi[sz]ation|institution)|"
    r"kinh phi (?:thuc hien|duoc phe duyet)|thoi gian thuc hien)"
)


def _inid_codes(folded: str) -> set[str]:
    codes = set(_INID_AT_LINE_START.findall(folded)) | set(_INID_ANYWHERE.findall(folded))
    return codes & _KNOWN_INID


def document_type_scores(pages: list[str]) -> dict[str, int]:
    """The evidence for each type on the first pages: ``{"patent_document": n, "final_report":
    n, "core_inid": n}`` (see :func:`detect_document_type` for what counts)."""
    from indexer.parse_patent import normalise_codes

    folded = fold("\n".join(normalise_codes(page) for page in pages[:PAGES_LOOKED_AT]))
    if not folded.strip():
        return {"patent_document": 0, "final_report": 0, "core_inid": 0, "front_labels": 0}
    codes = _inid_codes(folded)
    core = len(codes & _CORE_INID)
    patent_words = len(set(_PATENT_WORDS.findall(folded)))
    patent = core * 2 + min(patent_words, 3) * 2
    if _APPLICATION_NUMBER.search(folded):
        patent += 3
    if _IPC.search(folded):
        patent += 1
    front_labels = len(set(_ENGLISH_FRONT_LABELS.findall(folded[:6000])))
    if front_labels >= 4:
        patent += 2 * front_labels
    report_headings = len(set(_REPORT_HEADINGS.findall(folded)))
    report_labels = len(set(m.strip() for m in _REPORT_LABELS.findall(folded)))
    report = report_headings * 4 + report_labels * 2
    return {
        "patent_document": patent,
        "final_report": report,
        "core_inid": core,
        "front_labels": front_labels,
    }


def detect_document_type(pages: list[str], scores: dict[str, int] | None = None) -> str:
    """``"patent_document"``, ``"final_report"`` or ``"research_document"`` from the first pages.

    Patent: several bibliographic INID codes ("(21)", "(54)", "(57)" ...) together with patent
    words ("Bằng độc quyền sáng chế", "giải pháp hữu ích", "Patent") or an application number.
    Final report: the report headings ("BÁO CÁO TỔNG HỢP", "BÁO CÁO THỐNG KÊ") and cover labels
    ("Chủ nhiệm nhiệm vụ", "Mã số:", "Cơ quan chủ trì"). Anything else is a research document
    (a journal article, a thesis: :func:`indexer.parse_article.parse_article`). ``scores`` are
    :func:`document_type_scores` of ``pages`` when the caller has them already.
    """
    if scores is None:
        scores = document_type_scores(pages)
    patent, report, core = (
        scores["patent_document"],
        scores["final_report"],
        scores["core_inid"],
    )
    if core >= 3 and patent > report:
        return "patent_document"
    if report >= 4 and report >= patent:
        return "final_report"
    if patent >= 8 and core >= 2:
        return "patent_document"
    if scores["front_labels"] >= 5 and patent > report:
        return "patent_document"  # an OCR'd front page whose codes were lost
    return "research_document"


def detection_confidence(
    pages: list[str], document_type: str, scores: dict[str, int] | None = None
) -> float:
    """How sure :func:`detect_document_type` can be of ``document_type`` (0..1).

    Strong, one-sided evidence (a full INID front page; a report heading and its labels) gives
    close to 1; a type reached by elimination (no report or patent evidence: a research
    document) or by a narrow margin gives less. ``scores`` are :func:`document_type_scores` of
    ``pages`` when the caller has them already.
    """
    if scores is None:
        scores = document_type_scores(pages)
    patent, report = scores["patent_document"], scores["final_report"]
    if document_type == "patent_document":
        margin = patent - report
        return max(0.5, min(0.98, 0.6 + 0.04 * margin))
    if document_type == "final_report":
        margin = report - patent
        return max(0.5, min(0.98, 0.6 + 0.04 * margin))
    evidence = max(patent, report)
    return max(0.5, 0.9 - 0.08 * evidence)


def parser_for(document_type: str):
    """The metadata parser of a document type: ``parser_for(type)(pages)`` gives its fields
    (see :func:`indexer.parsed.fields_and_origins`)."""
    if document_type == "patent_document":
        from indexer.parse_patent import parse_patent

        return parse_patent
    if document_type == "final_report":
        from indexer.parse_report import parse_report

        return parse_report
    from indexer.parse_article import parse_article

    return parse_article


# --------------------------------------------------------------------------- language

_VIETNAMESE_LETTERS = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
_VI_WORDS = {
    "cua",
    "va",
    "cac",
    "nhung",
    "duoc",
    "trong",
    "cho",
    "voi",
    "la",
    "khong",
    "mot",
    "nay",
    "theo",
    "tai",
    "nghien",
    "cuu",
    "thuc",
    "hien",
    "ket",
    "qua",
    "tinh",
    "cong",
    "nghe",
}
_EN_WORDS = {
    "the",
    "of",
    "and",
    "to",
    "in",
    "is",
    "for",
    "with",
    "on",
    "by",
    "this",
    "that",
    "are",
    "was",
    "were",
    "from",
    "as",
    "be",
    "an",
    "results",
    "study",
    "research",
}
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())


def _letter_shares(sample: str) -> tuple[int, float]:
    """Letters in the sample, and the share of them that are Vietnamese accented letters.

    This runs several times on up to 60,000 characters of every document. ASCII letters are
    counted on bytes; of the rest (a few hundred distinct characters at most: accented letters,
    dashes, symbols) each distinct character is judged once (same letters as ``_LETTER``), which
    is three times faster than letting the regex engine match every letter."""
    lowered = sample.lower()
    letters = len(lowered.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    accented = 0
    for char, times in Counter(_NON_ASCII.findall(lowered)).items():
        if _LETTER.match(char):
            letters += times
            accented += times if char in _VIETNAMESE_LETTERS else 0
    if not letters:
        return 0, 0.0
    return letters, accented / letters


def detect_language(text: str) -> str:
    """``"vi"`` or ``"en"``: Vietnamese diacritics among letters, then function words.

    Vietnamese written with its diacritics has well over 10 % accented letters; English has
    almost none. Text that lost its accents is decided by counting common words of each language.
    """
    sample = text[:60000]
    letters, share = _letter_shares(sample)
    if not letters:
        return "vi"
    if share >= 0.04:
        return "vi"
    words = _WORD.findall(fold(sample))
    vi = sum(1 for word in words if word in _VI_WORDS)
    en = sum(1 for word in words if word in _EN_WORDS)
    if en > vi:
        return "en"
    return "vi" if vi or share > 0.01 else "en"


def language_confidence(text: str, language: str) -> float:
    """How clearly ``text`` is in ``language``: Vietnamese with its diacritics, or English by
    its function words, is clear (0.95); text without accents decided by counting words is less
    so (0.7-0.9)."""
    sample = text[:60000]
    letters, share = _letter_shares(sample)
    if not letters:
        return 0.5
    if share >= 0.04:
        # written with Vietnamese diacritics: clear, and no need to count words (half the cost)
        return 0.95 if language == "vi" else 0.5  # 0.5: called English, but written in Vietnamese
    words = _WORD.findall(fold(sample))
    vi = sum(1 for word in words if word in _VI_WORDS)
    en = sum(1 for word in words if word in _EN_WORDS)
    if language == "vi":
        return 0.9 if vi > 3 * max(en, 1) else 0.7
    return 0.95 if en > 3 * max(vi, 1) else 0.8 if en > vi else 0.6
