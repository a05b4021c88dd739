"""Dates, periods and amounts of money as Vietnamese documents write them.

``find_dates`` finds every date in a text ("ngày 15 tháng 3 năm 2021", "15/03/2021", "tháng
3/2021", "2021"), ``parse_date`` reads one as an ISO date as precise as the text ("2021-03-15",
"2021-03", "2021"), ``parse_period`` a start and end ("từ 01/2020 đến 12/2021", "24 tháng" after
a start), ``parse_money`` an amount in đồng ("1.250 triệu đồng", "1,25 tỷ", "850.000.000 VNĐ").
Used by the report, patent and article parsers.
"""

from __future__ import annotations

import re
from datetime import date

from indexer.labels import fold

# --------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAME = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = [
    # 2019-03-12
    ("ymd", re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")),
    # 12.03.2019, 12/03/2019, 12-03-2019, "ngày 12 tháng 3 năm 2019", "12 tháng 03, 2019"
    ("dmy", re.compile(r"(?<![\d/.-])(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,|nam|/)?\s*(\d{4})(?!\d)")),
    # Mar. 12, 2019 / March 12 2019
    (
        "mdy_name",
        re.compile(rf"(?<![a-z]){_MONTH_NAME}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"),
    ),
    # 12 March 2019
    ("dmy_name", re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_NAME},?\s+(\d{{4}})")),
    # 2019-03
    ("ym", re.compile(r"(?<![\d/.-])(\d{4})-(\d{1,2})(?![\d/-])")),
    # tháng 3/2020, tháng 3 năm 2020, 03/2020, 3-2020, 03.2020
    ("my", re.compile(r"(?<!\d)thang\s+(\d{1,2})\s*(?:[./-]|nam|,)\s*(\d{4})(?!\d)")),
    ("my", re.compile(r"(?<![\d/.-])(\d{1,2})\s*[./-]\s*(\d{4})(?![\d/-])")),
    # March 2020
    ("my_name", re.compile(rf"(?<![a-z]){_MONTH_NAME},?\s+(\d{{4}})(?!\d)")),
    # năm 2020 / 2020
    ("y", re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/-])")),
]


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return False
    if day is None:
        return True
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in ``text`` as ``(position, ISO string)``, in order of position.

    Precision follows the text: ``2019-03-12``, ``2019-03`` or ``2019``. A span used by a more
    precise pattern is not read again by a less precise one.
    """
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for kind, regex in _DATE_PATTERNS:
        for match in regex.finditer(folded):
            if not free(match.start(), match.end()):
                continue
            groups = match.groups()
            iso = None
            if kind == "ymd":
                y, m, d = map(int, groups)
                iso = f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None
            elif kind == "dmy":
                d, m, y = map(int, groups)
                iso = f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None
            elif kind == "mdy_name":
                m, d, y = _MONTHS[groups[0][:3]], int(groups[1]), int(groups[2])
                iso = f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None
            elif kind == "dmy_name":
                d, m, y = int(groups[0]), _MONTHS[groups[1][:3]], int(groups[2])
                iso = f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None
            elif kind == "ym":
                y, m = map(int, groups)
                iso = f"{y:04d}-{m:02d}" if _valid(y, m) else None
            elif kind == "my":
                m, y = map(int, groups)
                iso = f"{y:04d}-{m:02d}" if _valid(y, m) else None
            elif kind == "my_name":
                m, y = _MONTHS[groups[0][:3]], int(groups[1])
                iso = f"{y:04d}-{m:02d}" if _valid(y, m) else None
            elif kind == "y":
                iso = groups[0]
            if iso:
                taken.append((match.start(), match.end()))
                found.append((match.start(), iso))
    return sorted(found)


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as an ISO string of the precision given, or None."""
    if not text:
        return None
    dates = find_dates(text)
    return dates[0][1] if dates else None


def _add_months(iso_month: str, months: int) -> str:
    year, month = int(iso_month[:4]), int(iso_month[5:7])
    index = year * 12 + (month - 1) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def parse_period(text: str) -> tuple[str | None, str | None]:
    """``"từ tháng 01/2020 đến tháng 12/2021 (24 tháng)"`` -> ``("2020-01", "2021-12")``."""
    dates = [iso for _, iso in find_dates(text)]
    start = dates[0] if dates else None
    end = dates[1] if len(dates) > 1 else None
    if start and not end and len(start) >= 7:
        months = re.search(r"(\d{1,3})\s*(?:thang|months?)\b", fold(text))
        if months and 0 < int(months.group(1)) <= 240:
            end = _add_months(start[:7], int(months.group(1)) - 1)
    return start, end


# --------------------------------------------------------------------------- money

_MULTIPLIERS = {
    "ty": 10**9,
    "ti": 10**9,
    "billion": 10**9,
    "bn": 10**9,
    "trieu": 10**6,
    "tr": 10**6,
    "million": 10**6,
    "mil": 10**6,
    "nghin": 10**3,
    "ngan": 10**3,
    "thousand": 10**3,
}
_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])\s*"
    r"(ty|ti|billion|bn|trieu|tr|million|mil|nghin|ngan|thousand)?\.?\s*"
    r"(dong|vnd|vnđ|d\b|₫)?"
)
_CURRENCY_BEFORE = re.compile(r"(?:vnd|vnđ|₫)\s*$")


def _number(raw: str, has_multiplier: bool) -> float | None:
    raw = raw.strip()
    if re.fullmatch(r"\d{1,3}(?:\s\d{3})+", raw):
        return float(raw.replace(" ", ""))
    raw = raw.replace(" ", "")
    separators = [char for char in raw if char in ".,"]
    if not separators:
        return float(raw)
    last = raw.rfind(separators[-1])
    decimals = raw[last + 1 :]
    if len(set(separators)) == 2:  # "1.250.000,50" or "1,250,000.50"
        whole = re.sub(r"[.,]", "", raw[:last])
        return float(f"{whole}.{decimals}")
    if len(separators) > 1:  # "1.250.000.000"
        return float(raw.replace(separators[0], ""))
    if len(decimals) == 3 and not (has_multiplier and raw.startswith("0")):
        return float(raw.replace(separators[0], ""))  # "850.000", "1.250 triệu"
    return float(raw.replace(",", "."))  # "1,25 tỷ", "850.5 triệu"


def parse_money(text: str | None) -> int | None:
    """Whole VND from ``"850 triệu đồng"``, ``"1.250.000.000 đồng"``, ``"1,25 tỷ đồng"``...

    Only an amount with a unit (tỷ/triệu/nghìn, đồng/VND) counts, or a bare number of six
    digits or more; "24 tháng" or "năm 2020" are not money.
    """
    if not text:
        return None
    folded = fold(text)
    for match in _AMOUNT.finditer(folded):
        raw, multiplier, currency = match.groups()
        before = folded[: match.start()]
        digits = re.sub(r"\D", "", raw)
        if not (multiplier or currency or _CURRENCY_BEFORE.search(before) or len(digits) >= 6):
            continue
        if multiplier == "tr" and not currency:
            continue
        value = _number(raw, bool(multiplier))
        if value is None:
            continue
        total = round(value * _MULTIPLIERS.get(multiplier or "", 1))
        if multiplier in ("ty", "ti", "billion") and not currency:
            # "2 tỷ 500 triệu đồng"
            more = re.match(r"\s*(\d{1,3}(?:[.,]\d+)?)\s*(trieu|million)", folded[match.end() :])
            if more:
                total += round(_number(more.group(1), True) * 10**6)
        if total > 0:
            return int(total)
    return None
