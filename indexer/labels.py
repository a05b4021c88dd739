"""Field labels as data, and accent-insensitive matching helpers.

Real reports and gazettes spell the same label many ways: with or without diacritics, in
Vietnamese or English, with an item number ("4.", "II.", "a)"), with a parenthesised remark
("Mã số nhiệm vụ (nếu có):"), with the value on the same line or on the next one. Labels are
therefore written here *folded* (lower case, no diacritics, "đ" -> "d", see :func:`fold`) as
small regular expressions, and matched against folded lines. :func:`fold` keeps the length of
the text, so a match position in the folded line is the same position in the original line and
values are always cut from the original (accented) text.

Lines and values around labels: :func:`join_split_labels` rejoins a label that wrapped inside
its table cell, :func:`cut_at_inline_label` cuts a value where a second label starts on its
line, :func:`split_keywords` cuts a keyword list into keywords.

Sources: domain-research.md §1.4 (form and database labels), §2.2 (cover patterns) and §3.2-3.3
(INID labels of IP Vietnam, in Vietnamese and English).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

# --------------------------------------------------------------------------- folding


@cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x41, 0x2000):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        lower = base.lower()
        if len(lower) == 1 and lower != char:
            table[code] = lower
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    for code in range(0x300, 0x370):  # stray combining marks: keep the length, drop the mark
        table[code] = " "
    return table


def fold(text: str) -> str:
    """Lower case without diacritics, *same length* as ``text`` (``"Đề tài"`` -> ``"de tai"``)."""
    return text.translate(_fold_table())


def squash(text: str) -> str:
    """Whitespace-normalised single line."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- report labels

# Item numbers and bullets that may precede a label: "1.", "1.2.", "4)", "II.", "a)", "-", "•";
# OCR adds stray marks before them ("- 9, Thời gian", "“5. Chủ nhiệm") and reads "." as ",".
ITEM_PREFIX = (
    r"(?:[-–'\"“”‘’.·_:;*•]+\s*)?"
    r"(?:(?:\d{1,2}(?:\.\d{1,2})*\s*[.,)/:]?|[ivx]{1,5}\s*[.)]|[a-h]\s*[.)]|[-•*+–·►▪])\s*)?"
)
# What may sit between a label and its value: a remark in brackets, then ":" or a dash.
# The same label in a second language after a slash, when a colon closes it: bilingual forms
# print "Tên đề tài / Project title:", "Mã số / Code:".
LABEL_ALIAS = r"(?:\s*/\s*[a-z][a-z .&'-]{1,40}?(?=\s*[:：]))?"
LABEL_TAIL = (
    r"\s*(?:\([^()\n]{0,60}\)\s*)?" + LABEL_ALIAS + r"\s*(?:[:：]|[-–—](?=\s)|\.{3,}|…)?\s*"
)

_TASK = (
    r"(?:nhiem vu|de tai|du an|de an|chuong trinh)(?:\s*/\s*(?:nhiem vu|de tai|du an|de an))*"
    r"(?: khoa hoc(?: va cong nghe)?| kh&cn| khcn)?"
)


@dataclass(frozen=True)
class Label:
    field: str
    pattern: str  # folded regex, matched at the start of a line (after an item number)
    needs_colon: bool = False  # ambiguous words ("Đề tài", "Code") count only when ":" follows


def _labels(field: str, *patterns: str, needs_colon: bool = False) -> list[Label]:
    return [Label(field, pattern, needs_colon) for pattern in patterns]


REPORT_LABELS: list[Label] = [
    *_labels(
        "title_en",
        rf"ten {_TASK} (?:bang |viet bang )?tieng anh",
        rf"ten (?:bang )?tieng anh(?: cua {_TASK})?",
        r"english title",
        r"title in english",
        r"title \(english\)",
    ),
    *_labels(
        "title",
        rf"ten {_TASK}",
        r"(?:project|task|research) title",
        r"title of the (?:project|task|research)",
    ),
    *_labels("title", r"de tai", r"du an", r"nhiem vu", r"title", needs_colon=True),
    *_labels("programme_code", r"ma so chuong trinh", r"programme code", r"program code"),
    *_labels("programme", r"(?:thuoc )?chuong trinh", r"programme", r"program", needs_colon=True),
    *_labels(
        "task_code",
        rf"ma so {_TASK}",
        rf"ma {_TASK}",
        r"ms (?:de tai|nhiem vu|du an)",
        r"ma so",
        r"(?:task|project|research) (?:code|number|no\.?)",
        r"code",
    ),
    *_labels(
        "principal_investigator",
        rf"(?:dong )?chu nhiem {_TASK}",
        r"(?:dong )?chu nhiem",
        r"nguoi chu tri",
        r"(?:principal|chief) investigator",
        r"project (?:leader|manager|director)",
        r"team leader",
        r"\bpi\b",
    ),
    *_labels(
        "secretary",
        rf"thu ky (?:khoa hoc|{_TASK})",
        r"thu ky",
        r"(?:scientific |project )?secretary",
    ),
    *_labels(
        "members",
        r"can bo (?:phoi hop|tham gia)(?: thuc hien)?(?: (?:nhiem vu|de tai|du an))?",
        r"danh sach (?:cac )?(?:ca nhan|thanh vien|can bo|nguoi) tham gia(?: thuc hien)?"
        r"(?: (?:nhiem vu|de tai|du an))?",
        r"(?:cac )?thanh vien(?: chinh)?(?: tham gia)?(?: thuc hien)?"
        r"(?: (?:nhiem vu|de tai|du an))?",
        r"nhung nguoi (?:tham gia )?thuc hien(?: chinh)?",
        r"(?:research |project )?(?:team )?members",
        r"participants",
        r"co-investigators",
    ),
    *_labels(
        "host_organisation",
        rf"(?:ten )?(?:to chuc|co quan|don vi|co so) chu tri(?: {_TASK})?",
        r"host (?:organi[sz]ation|institution|institute)",
        r"implementing (?:organi[sz]ation|institution|agency)",
        r"lead (?:organi[sz]ation|institution)",
    ),
    *_labels(
        "parent_agency",
        r"(?:ten )?co quan chu quan",
        r"(?:parent|supervising|governing) (?:agency|ministry|body|organi[sz]ation)",
    ),
    *_labels("managing_agency", rf"co quan quan ly(?: {_TASK})?", r"managing agency"),
    *_labels("level", rf"cap quan ly(?: {_TASK})?", r"cap (?:de tai|nhiem vu)"),
    *_labels(
        "field_of_science",
        r"linh vuc (?:nghien cuu|khoa hoc(?: va cong nghe| cong nghe)?|kh&cn|khcn|chuyen mon)",
        r"linh vuc",
        r"(?:field|area) of (?:science|research|study)",
        r"(?:research|scientific|science) (?:field|area)",
        r"field",
    ),
    *_labels("start", r"(?:thoi gian|ngay|thang) bat dau", r"bat dau", r"start(?:ing)?(?: date)?"),
    *_labels(
        "end",
        r"(?:thoi gian|ngay|thang) ket thuc",
        r"ket thuc",
        r"end(?:ing)? date",
        r"completion date",
        r"end",
    ),
    *_labels(
        "duration",
        rf"thoi gian thuc hien(?: {_TASK})?(?: theo hop dong)?",
        r"thoi gian(?: nghien cuu)?",
        r"(?:implementation |project |research )?(?:duration|period)",
    ),
    *_labels(
        "accepted",
        r"ngay (?:duoc )?(?:danh gia )?nghiem thu",
        r"thoi gian nghiem thu",
        r"nghiem thu ngay",
        r"ngay hoi dong (?:danh gia )?nghiem thu",
        r"ngay (?:hop )?hoi dong(?: khoa hoc)?(?: danh gia)?(?: nghiem thu)?",
        r"(?:date of acceptance|acceptance date|accepted on|date accepted)",
    ),
    *_labels(
        "budget_state",
        r"(?:trong do[:,]?\s*)?(?:kinh phi )?(?:tu |bang )?(?:nguon )?(?:von )?ngan sach"
        r"(?: nha nuoc| su nghiep(?: khoa hoc)?(?: va cong nghe)?| tinh| dia phuong| trung uong)*",
        r"(?:trong do[:,]?\s*)?(?:kinh phi )?(?:tu )?nsnn",
        r"(?:of which )?(?:from )?(?:the )?state budget",
    ),
    *_labels(
        "budget_other",
        r"(?:tu )?(?:nguon )?(?:von )?(?:tu co|khac|doi ung|ngoai ngan sach)",
        r"(?:other sources|own funds|counterpart funds)",
    ),
    *_labels(
        "budget_total",
        rf"(?:tong )?(?:so )?kinh phi(?: thuc hien| duoc phe duyet| duoc duyet| phe duyet)?"
        rf"(?: {_TASK})?",
        r"tong (?:von|kinh phi) dau tu",
        r"(?:total )?(?:budget|funding|cost)",
    ),
    *_labels(
        "place",
        r"dia (?:diem|ban)(?: thuc hien| trien khai| ung dung| nghien cuu| ap dung)?",
        r"dia chi (?:va quy mo )?(?:ung dung|ap dung)(?: du kien)?",
        r"noi (?:thuc hien|ung dung|trien khai)",
        r"(?:study |project )?(?:location|site|area)",
    ),
    *_labels("keywords", r"tu khoa", r"keywords?", r"key words"),
    *_labels("registration_number", r"giay dang ky (?:kq|ket qua)(?: so)?", r"so dang ky"),
    *_labels(
        "abstract_label",
        r"tom tat(?: noi dung| ket qua)?",
        r"abstract",
        r"summary",
        needs_colon=True,
    ),
]

# Sub-labels of a person block ("2. Chủ nhiệm nhiệm vụ:" then "Họ và tên: ...").
PERSON_SUBLABELS: list[Label] = [
    *_labels("name", r"ho (?:va )?ten", r"(?:full )?name"),
    *_labels(
        "title",
        r"hoc ham(?:,| va| /)? hoc vi",
        r"hoc vi",
        r"hoc ham",
        r"chuc danh(?: khoa hoc)?",
        r"trinh do(?: hoc van| chuyen mon)?",
        r"(?:academic )?(?:title|degree)",
    ),
    *_labels(
        "affiliation",
        r"(?:ten )?(?:to chuc|co quan|don vi) (?:cong tac|dang cong tac)",
        r"noi cong tac",
        r"affiliation",
        r"organi[sz]ation",
    ),
    *_labels(
        "other",
        r"ngay,? thang,? nam sinh",
        r"nam sinh",
        r"gioi tinh",
        r"chuc vu",
        r"dien thoai",
        r"fax",
        r"e-?mail",
        r"dia chi(?: to chuc| nha rieng| co quan)?",
        r"mobile",
        r"di dong",
        r"website",
        r"ngay sinh",
        r"so cmnd",
        r"cccd",
    ),
]

# Headings that open a section (abstract detection; a label's value never runs past one).
ABSTRACT_HEADINGS = [
    r"tom tat(?: bang)? tieng viet",
    r"tom tat(?: ket qua(?: nghien cuu)?| noi dung(?: nghien cuu)?(?: chinh)?| nhiem vu| de tai)?",
    r"thong tin ket qua nghien cuu",
]
ABSTRACT_EN_HEADINGS = [
    r"tom tat(?: bang)? tieng anh",
    r"abstract",
    r"summary",
    r"executive summary",
]

STAT_SHEET_HEADINGS = [
    r"bao cao thong ke(?: ket qua)?",
    r"phieu (?:thong tin|dang ky) (?:ket qua|nhiem vu)",
    r"phieu mo ta",
    r"thong tin (?:chung )?ve (?:nhiem vu|de tai|du an)",
    r"statistical (?:report|sheet)",
    r"project (?:information|summary) sheet",
]

REPORT_TYPE_HEADINGS = [
    r"bao cao tong hop",
    r"bao cao tong ket",
    r"bao cao ket qua(?: (?:nghien cuu|thuc hien|nhiem vu|de tai|du an))?",
    r"bao cao tom tat",
    r"bao cao cuoi ky",
    r"final (?:report|summary report)",
    r"summary report",
    r"research report",
]

# --------------------------------------------------------------------------- patent labels

# INID code -> folded label variants printed after the code (Vietnamese and English).
INID_LABELS: dict[str, list[str]] = {
    "10": [r"so bang(?: va ngay cap)?", r"patent (?:number|no\.?)(?: and date)?"],
    "11": [
        r"so bang(?: doc quyen)?(?: sang che| giai phap huu ich)?",
        r"so cong bo",
        r"so van bang",
        r"(?:patent|publication|document) (?:number|no\.?)",
        r"number",
    ],
    "12": [r"loai (?:van bang|don|tai lieu)", r"kind(?: of document)?"],
    "13": [r"ma loai", r"kind code"],
    "15": [r"thong tin sua chua", r"correction"],
    "19": [r"(?:co quan|nuoc) cong bo", r"office"],
    "20": [r"so don va ngay nop don", r"application (?:number|no\.?) and (?:filing )?date"],
    "21": [r"so don(?: dang ky)?", r"application (?:number|no\.?)", r"appl\.? no\.?"],
    "22": [r"ngay nop don", r"(?:filing|application) date", r"date of filing", r"filed"],
    "24": [r"ngay (?:co )?hieu luc", r"effective date"],
    "30": [r"(?:chi tiet ve )?du lieu uu tien", r"priority(?: data)?"],
    "31": [r"so don uu tien", r"priority (?:number|no\.?)"],
    "32": [r"ngay uu tien", r"priority date"],
    "33": [r"nuoc uu tien", r"priority country"],
    "40": [r"so cong bo va ngay cong bo", r"publication (?:number|no\.?) and date"],
    "43": [
        r"ngay cong bo(?: don)?",
        r"pub(?:lication)?\.?\s?date",
        r"(?:date of )?publication(?: date)?(?: of (?:the )?application)?",
        r"published",
    ],
    "45": [
        r"ngay (?:cong bo (?:bang|van bang)|cap(?: bang)?)",
        r"ngay cap bang",
        r"(?:date of )?(?:grant|publication of (?:the )?grant)(?: date)?",
        r"granted",
        r"date of patent",
    ],
    "51": [
        r"phan loai(?: sang che)?(?: quoc te)?(?: ipc)?(?: \(ipc\))?",
        r"ipc",
        r"int\.?\s?cl\.?\s*\d*",
        r"international (?:patent )?classification",
    ],
    "52": [r"phan loai (?:cpc|quoc gia)", r"cpc", r"u\.?s\.? cl\.?"],
    "54": [r"ten(?: sang che| giai phap huu ich| goi)?", r"title(?: of (?:the )?invention)?"],
    "56": [r"(?:cac )?tai lieu doi chung", r"references cited", r"cited documents"],
    "57": [r"tom tat(?: sang che| giai phap huu ich)?", r"abstract"],
    "58": [r"(?:cac )?tai lieu doi chung", r"field of search"],
    "62": [r"don tach", r"divisional"],
    "71": [
        r"(?:nguoi nop don|chu don)(?:\s*/\s*chu bang)?",
        r"(?:name of )?applicants?(?:\(s\))?",
    ],
    "71/73": [r"chu don\s*/\s*chu bang", r"applicants?\s*/\s*owners?"],
    "72": [
        r"tac gia(?: sang che| giai phap(?: huu ich)?)?",
        r"(?:name of )?inventors?(?:\(s\))?",
        r"nguoi sang che",
    ],
    "73": [
        r"chu (?:bang|so huu|van bang)(?: doc quyen)?",
        r"(?:owners?|proprietors?|assignees?|patentees?)"
        r"(?:\(s\))?",
        r"dia chi nhan thu",
    ],
    "74": [
        r"(?:nguoi )?dai dien(?: shcn| so huu cong nghiep)?",
        r"(?:patent )?(?:agents?|attorneys?|"
        r"representatives?)(?:\(s\))?",
    ],
    "75": [
        r"tac gia (?:dong thoi )?la (?:nguoi nop don|chu don)",
        r"inventor(?:s)?\s*/\s*applicants?",
        r"inventors?",  # old US front pages: "(75) Inventors:"
    ],
    "76": [
        r"tac gia (?:dong thoi )?la (?:nguoi nop don )?(?:va )?chu bang",
        r"inventor(?:s)?\s*/\s*applicants?\s*/\s*owners?",
        r"inventors?",  # "(76) Inventor:" (the inventor applies)
    ],
    "83": [r"luu giu vi sinh", r"deposit"],
    "85": [r"ngay vao pha quoc gia", r"(?:national phase|pct) entry date"],
    "86": [r"so don va ngay nop don pct", r"pct application"],
    "87": [r"so cong bo va ngay cong bo(?: don)? pct", r"pct publication"],
    "180": [r"ngay het han", r"expiry date"],
}

PATENT_WORDS = [
    r"bang doc quyen(?: sang che| giai phap huu ich)?",
    r"giai phap huu ich",
    r"sang che",
    r"cuc so huu tri tue",
    r"cong bao so huu cong nghiep",
    r"patent",
    r"utility (?:solution|model)",
    r"intellectual property office",
    r"ip viet ?nam",
    r"noip",
]

# --------------------------------------------------------------------------- titles of people

# Academic titles and degrees printed before a name; matched case-insensitively on folded text.
_TITLE_TOKENS = (
    r"gs\.?\s?tskh|pgs|gs|tskh|ts|ths|ncs|ks|kts|bs(?:\.?\s?ck(?:i{1,2}|\s?[12]))?|bsck(?:i{1,2}|[12])|"
    r"ds(?:ck[12])?|cn|ls|dr|prof|assoc\.?\s?prof|msc|m\.sc|ph\.?d"
)
_DOTTED_TOKENS = r"mr|mrs|ms|eng|ma|ba|bsc|b\.sc"  # also ordinary words or surnames: need a dot
ACADEMIC_TITLE = re.compile(
    rf"^\s*((?:(?:(?:{_TITLE_TOKENS})(?:\.\s*|\s+(?=[a-z])|\s*,\s*)|(?:{_DOTTED_TOKENS})\.\s*)"
    rf"(?:[-–]\s*)?)+)",
)


def split_academic_title(text: str) -> tuple[str | None, str]:
    """``"PGS.TS. Nguyễn Văn A"`` -> ``("PGS.TS.", "Nguyễn Văn A")``; no title -> ``(None, text)``.

    The title is returned as printed, with inner spaces removed ("PGS. TS." -> "PGS.TS.").
    Tokens are accepted only when the rest still looks like a name (starts with a capital).
    """
    text = squash(text)
    match = ACADEMIC_TITLE.match(fold(text))
    if not match:
        return None, text
    end = match.end(1)
    rest = text[end:].strip(" ,-–")
    if not rest or not rest[0].isupper():
        # "Ts" could start a name only in theory; "Ms" and "Ma" could: keep text whole
        return None, text
    title = re.sub(r"\s+", "", text[:end]).strip(",-–")
    title = re.sub(r",", ".", title)
    return title or None, rest


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class LabelMatch:
    field: str
    label_end: int  # index in the line where the value starts
    value: str  # rest of the line (original text), stripped


def spaced(pattern: str) -> str:
    """A folded label pattern whose spaces match any run of white space (justified text,
    a label wrapped onto the next line)."""
    return pattern.replace(" ", r"\s+")


def _compile(labels: list[Label]) -> list[tuple[Label, re.Pattern]]:
    compiled = []
    for label in labels:
        tail = (
            r"\s*(?:\([^()\n]{0,60}\)\s*)?" + LABEL_ALIAS + r"\s*(?:[:：]|\.{3,}|…)\s*"
            if label.needs_colon
            else LABEL_TAIL
        )
        pattern = spaced(label.pattern)
        regex = re.compile(rf"^\s*{ITEM_PREFIX}(?:{pattern})(?![a-z0-9&])({tail})")
        compiled.append((label, regex))
    return compiled


@cache
def _compiled(kind: str) -> list[tuple[Label, re.Pattern]]:
    source = {"report": REPORT_LABELS, "person": PERSON_SUBLABELS}[kind]
    return _compile(source)


@cache
def _any_label_start(kind: str) -> re.Pattern:
    """One regex for "the line could start with some label of ``kind``": every label's regex
    without its tail (which may match nothing), all labels in one alternation. Most lines start
    with no label; this rejects them in one match instead of one match per label (about 90)."""
    source = {"report": REPORT_LABELS, "person": PERSON_SUBLABELS}[kind]
    joined = "|".join(f"(?:{spaced(label.pattern)})" for label in source)
    return re.compile(rf"^\s*{ITEM_PREFIX}(?:{joined})(?![a-z0-9&])")


@lru_cache(maxsize=8192)
def match_label(line: str, kind: str = "report") -> LabelMatch | None:
    """The label a line starts with (the longest one), and the value after it."""
    folded = fold(line)
    if not _any_label_start(kind).match(folded):
        return None
    best: tuple[int, Label] | None = None
    for label, regex in _compiled(kind):
        match = regex.match(folded)
        if match and (best is None or match.end() > best[0]):
            best = (match.end(), label)
    if best is None:
        return None
    end, label = best
    return LabelMatch(label.field, end, line[end:].strip())


@cache
def _inline_label_regex() -> re.Pattern:
    # A second label on the same line, *with a colon*: "Mã số: X   Thời gian thực hiện: ..."
    patterns = [label.pattern for label in REPORT_LABELS if not label.pattern.startswith(r"\b")]
    joined = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    return re.compile(
        rf"(?:\s{{2,}}|\s[;|]\s*|\s)(?:{joined})(?![a-z0-9&])\s*(?:\([^()\n]{{0,60}}\)\s*)?[:：]"
    )


def cut_at_inline_label(value: str) -> str:
    """Cut a value where another label with a colon starts on the same line."""
    match = _inline_label_regex().search(fold(value))
    return value[: match.start()].strip() if match else value


def compile_patterns(patterns: list[str]) -> re.Pattern:
    """One folded regex matching any of ``patterns`` as whole words."""
    joined = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{joined})(?![a-z0-9])")


def heading_match(line: str, patterns: list[str]) -> bool:
    """Whether the line is a heading made of one of ``patterns`` (item number allowed)."""
    folded = fold(line).strip()
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.fullmatch(rf"{ITEM_PREFIX}(?:{joined})\s*[:.]?", folded) is not None


# --------------------------------------------------------------------------- lines and values


def join_split_labels(lines: list[str], page_of: list[int]) -> tuple[list[str], list[int]]:
    """Join a label that wrapped inside its table cell: "Date of" / "acceptance 14 March 2022".

    A short line whose label is completed only by the start of the next line ("Chủ nhiệm đề" /
    "tài:", "Implementing" / "agency ...") is one line of text: the joined line must match a
    longer label than the short line alone, and the label must end inside the next line.
    """
    out_lines: list[str] = []
    out_pages: list[int] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if (
            index + 1 < len(lines)
            and page_of[index + 1] == page_of[index]
            and len(line) <= 40
            and lines[index + 1].strip()[:1].isalpha()
        ):
            alone = match_label(line)
            joined = f"{line.rstrip()} {lines[index + 1].strip()}"
            both = match_label(joined)
            if (
                both
                and both.label_end > len(line.rstrip()) + 1
                and (alone is None or both.label_end > alone.label_end)
                and (alone is None or not alone.value or alone.field == both.field)
            ):
                out_lines.append(joined)
                out_pages.append(page_of[index])
                index += 2
                continue
        out_lines.append(line)
        out_pages.append(page_of[index])
        index += 1
    return out_lines, out_pages


def split_keywords(text: str) -> list[str]:
    """The keywords of a keyword list: separated by semicolons, else by commas."""
    text = squash(text).strip(" .")
    parts = re.split(r"\s*[;,]\s*", text) if ";" not in text else re.split(r"\s*;\s*", text)
    return [part.strip(" .") for part in parts if part.strip(" .")]
