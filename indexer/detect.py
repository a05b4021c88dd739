"""What kind of document a PDF is, and which language it is written in.

Both decisions are cheap scores over the first pages' text, made on folded text (no diacritics,
lower case) so that a PDF whose producer lost the accents is still recognised.
"""

from __future__ import annotations

import re

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


def detect_document_type(pages: list[str]) -> str:
    """``"patent_document"``, ``"final_report"`` or ``"research_document"`` from the first pages.

    Patent: several bibliographic INID codes ("(21)", "(54)", "(57)" ...) together with patent
    words ("Bằng độc quyền sáng chế", "giải pháp hữu ích", "Patent") or an application number.
    Final report: the report headings ("BÁO CÁO TỔNG HỢP", "BÁO CÁO THỐNG KÊ") and cover labels
    ("Chủ nhiệm nhiệm vụ", "Mã số:", "Cơ quan chủ trì"). Anything else is a research document.
    """
    folded = fold("\n".join(pages[:PAGES_LOOKED_AT]))
    if not folded.strip():
        return "research_document"

    codes = _inid_codes(folded)
    core = len(codes & _CORE_INID)
    patent_words = len(set(_PATENT_WORDS.findall(folded)))
    patent = core * 2 + min(patent_words, 3) * 2
    if _APPLICATION_NUMBER.search(folded):
        patent += 3
    if _IPC.search(folded):
        patent += 1

    report_headings = len(set(_REPORT_HEADINGS.findall(folded)))
    report_labels = len(set(m.strip() for m in _REPORT_LABELS.findall(folded)))
    report = report_headings * 4 + report_labels * 2

    if core >= 3 and patent > report:
        return "patent_document"
    if report >= 4 and report >= patent:
        return "final_report"
    if patent >= 8 and core >= 2:
        return "patent_document"
    return "research_document"


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


def detect_language(text: str) -> str:
    """``"vi"`` or ``"en"``: Vietnamese diacritics among letters, then function words.

    Vietnamese written with its diacritics has well over 10 % accented letters; English has
    almost none. Text that lost its accents is decided by counting common words of each language.
    """
    sample = text[:60000]
    letters = [char for char in sample.lower() if char.isalpha()]
    if not letters:
        return "vi"
    accented = sum(1 for char in letters if char in _VIETNAMESE_LETTERS)
    share = accented / len(letters)
    if share >= 0.04:
        return "vi"
    words = _WORD.findall(fold(sample))
    vi = sum(1 for word in words if word in _VI_WORDS)
    en = sum(1 for word in words if word in _EN_WORDS)
    if en > vi:
        return "en"
    return "vi" if vi or share > 0.01 else "en"
