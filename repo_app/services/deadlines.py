"""Legal deadlines of an IP application, computed from its dates (domain-research.md §4):
the examination request (42 months from the priority or filing date for a patent, 36 for a
utility solution), publication (month 19), and the term of protection once granted (20 years
for a patent, 10 for a utility solution, 5 for an industrial design, 10 for a trademark,
from filing)."""

from __future__ import annotations

from datetime import date

from schemas import workflows

LABELS = {
    "formality_exam": {"vi": "Thẩm định hình thức (1 tháng từ ngày nộp)",
                       "en": "Formality examination (1 month from filing)"},
    "publication": {"vi": "Công bố đơn (tháng thứ 19)", "en": "Publication (month 19)"},
    "examination_request": {"vi": "Hạn yêu cầu thẩm định nội dung",
                            "en": "Examination request deadline"},
    "protection_term": {"vi": "Hết hạn bảo hộ", "en": "End of the term of protection"},
}
BEFORE_ACCEPTANCE = ("filed", "formality_exam", "formality_objection")
BEFORE_PUBLICATION = (*BEFORE_ACCEPTANCE, "accepted", "awaiting_exam_request")
BEFORE_EXAMINATION = (*BEFORE_ACCEPTANCE, "accepted", "published", "awaiting_exam_request")
PROTECTED = ("granted", "in_force")


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def deadlines(request, lang: str = "vi") -> list[dict]:
    """The deadlines still ahead of the application in its current state."""
    if request.filing_date is None:
        return []
    rules = workflows.load("ip_registration").extra["ip_types"][request.ip_type]
    base = request.priority_date or request.filing_date
    found = []

    def add(key: str, due: date) -> None:
        found.append({"key": key, "label": LABELS[key][lang] if lang in LABELS[key]
                      else LABELS[key]["vi"], "due": due.isoformat()})

    if request.state in BEFORE_ACCEPTANCE:
        add("formality_exam", add_months(request.filing_date, 1))
    if rules["publication_months"] and request.state in BEFORE_PUBLICATION:
        add("publication", add_months(base, rules["publication_months"]))
    if rules["examination_request_months"] and request.state in BEFORE_EXAMINATION:
        add("examination_request", add_months(base, rules["examination_request_months"]))
    if request.state in PROTECTED:
        add("protection_term", add_months(request.filing_date, 12 * rules["term_years"]))
    return found
