"""Bibliographic data out of a patent or utility-solution document (IP Vietnam, ST.9 INID codes).

The front page of a granted patent, a gazette entry and a WIPO Publish print all number their
fields with INID codes: ``(21)`` application number, ``(22)`` filing date, ``(54)`` title,
``(57)`` abstract, ``(71)``/``(73)`` applicant/owner, ``(72)`` inventors, ``(74)`` agent ... The
text is cut into segments, each from one code to the next (values may run over several lines),
and the printed label after the code ("Số đơn:", "Application No.:") is dropped: the *code*
says what the value is, in Vietnamese and English documents alike. Combined WIPO Publish codes
are read as well: ``(10)`` number and grant date, ``(20)`` application number and filing date,
``(40)`` publication number and date, ``(71/73)`` applicant/owner.

Reference numerals inside the abstract ("bộ phận (12) được gắn ...") are not codes: inside
``(57)`` a code counts only when its label follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from indexer.labels import (
    INID_LABELS,
    PATENT_WORDS,
    compile_patterns,
    fold,
    spaced,
    split_academic_title,
    squash,
)
from indexer.letter_case import restore_case
from indexer.parsed import Origins, origins_of
from indexer.people import name_prefix
from indexer.values import find_dates

APPLICATION_NUMBER = re.compile(
    r"(?<![\d-])([1-4])\s*[-–]\s*((?:19|20)\d{2})\s*[-–]\s*(\d{4,5})(?![\d])"
)
GRANT_NUMBER = re.compile(r"(?<![\d-])([1-4])\s*[-–]\s*(\d{7})(?:-\d{3})?(?!\d)")
IPC_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9])([A-H])\s?(\d{2})\s?([A-Z])\s*(\d{1,4})\s*/\s*(\d{1,6})(?!\d)"
)
IPC_SUBCLASS = re.compile(r"(?<![A-Za-z0-9])([A-H])(\d{2})([A-Z])(?![A-Za-z0-9/])")
_INID_TOKEN = re.compile(r"\((\d{2,3}(?:\s*/\s*\d{2,3})?)\)")
_LANGUAGE_TAG = re.compile(r"\((?:VI|EN|vi|en)\)[ \t]*")
_COUNTRY = re.compile(r"\s*\(([A-Z]{2})\)")  # "(VN)": one capturing group, for re.split
_CORE = {
    "10",
    "11",
    "20",
    "21",
    "22",
    "40",
    "43",
    "45",
    "51",
    "54",
    "57",
    "71",
    "71/73",
    "72",
    "73",
    "74",
}

_ADDRESS_START = re.compile(
    r"^(?:so \d|so nha|duong |pho |phuong |p\. ?|quan |q\. ?|huyen |xa |thi tran |thi xa |"
    r"thanh pho |tp\.? ?|tinh |ap |thon |khu pho |kp\.? ?|to dan pho|lo |km ?\d|"
    r"street|road|district|ward|city|province|viet ?nam\b|vn\b)"
)
_ADDRESS_ANY = re.compile(
    r"(?<![a-z])(?:duong|phuong|quan|huyen|thi tran|thi xa|khu pho|tinh|thanh pho|tp\.?|xa|thon|"
    r"khu cong nghiep|kcn|street|road|district|ward|province|commune|hamlet|village|"
    r"industrial (?:park|zone)|city)(?![a-z])"
)
_PLACE_TAIL = re.compile(  # a piece that is only a place name: "Phan Thiết", "Việt Nam"
    r"^(?:tinh |thanh pho |tp\.? ?)?(?:viet ?nam|vietnam|binh thuan|ha noi|"
    r"(?:thanh pho )?ho chi minh|"
    r"tp\.? ?hcm|phan thiet|da nang|can tho|hai phong|lam dong|khanh hoa|ninh thuan|dong nai|"
    r"ba ria(?: ?-? ?vung tau)?|la gi|tuy phong|bac binh|ham thuan (?:bac|nam)|ham tan|tanh linh|"
    r"duc linh|phu quy|mui ne|phu hai)(?: (?:province|city|district))?\.?$"
)
_ORG_WORDS = re.compile(
    r"(?<![a-z])(?:truong|vien|trung tam|cong ty|chi cuc|benh vien|hoi|hiep hoi|dai hoc|hoc vien|"
    r"so|cuc|bo|tong cong ty|hop tac xa|lien hiep|doanh nghiep|tnhh|co\.,? ?ltd|ltd|jsc|inc|"
    r"corporation|company|university|institute|center|centre|gmbh|s\.a\.|ag)(?![a-z])"
)


def _code_key(raw: str) -> str:
    return re.sub(r"\s+", "", raw)


def _label_regex(code: str) -> re.Pattern | None:
    patterns = INID_LABELS.get(code)
    if not patterns:
        return None
    joined = "|".join(f"(?:{spaced(p)})" for p in sorted(patterns, key=len, reverse=True))
    return re.compile(rf"\s*(?:{joined})(?![a-z0-9])\s*(?:\([^()\n]{{0,40}}\)\s*)?(?:[:：.]\s*)?")


_LABEL_REGEXES = {code: _label_regex(code) for code in INID_LABELS}


def _unwrapped_label(regex, folded: str, start: int, label):
    """A label that runs onto the next line only when it fills that line ("Patent number" /
    "and date") or its first line is not a label already: "(57) Tóm tắt" / "Sáng chế đề cập
    ..." is the label "Tóm tắt", not "Tóm tắt sáng chế"."""
    if not label:
        return label
    text_start = start + len(folded[start:label.end()]) - len(folded[start:label.end()].lstrip())
    newline = folded.find("\n", text_start, label.end())
    if newline == -1:
        return label
    label_end = start + len(folded[start : label.end()].rstrip())
    line_end = folded.find("\n", label_end)
    rest = folded[label_end : line_end if line_end != -1 else len(folded)]
    if not rest.strip(" :."):
        return label  # the label fills its second line too: "Patent number" / "and date"
    short = regex.match(folded, start, newline)
    if short and short.end() > start + 1 and not folded[short.end() : newline].strip(" :."):
        return short  # the first line is a whole label; the next one starts the value
    return label


def segments(text: str) -> dict[str, str]:
    """``{code: value}`` with the label after each code removed and lines kept (``\\n``)."""
    found: list[tuple[str, int, int]] = []  # (code, token start, value start)
    seen: set[str] = set()
    current: str | None = None
    folded = fold(text)
    for match in _INID_TOKEN.finditer(text):
        code = _code_key(match.group(1))
        if code not in INID_LABELS:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        at_start = text[line_start : match.start()].strip() == ""
        label = _LABEL_REGEXES[code].match(folded, match.end()) if _LABEL_REGEXES[code] else None
        label = _unwrapped_label(_LABEL_REGEXES[code], folded, match.end(), label)
        label_follows = bool(label and label.end() > match.end() + 1)
        if current == "57":
            accept = label_follows or (
                at_start and code not in seen and code in _CORE and code > "57"
            )
        else:
            accept = at_start or label_follows or (code not in seen and code in _CORE)
        if not accept or code in seen:
            continue
        value_start = label.end() if label_follows else match.end()
        if code == "73" and label_follows and "nhan thu" in folded[match.end() : label.end()]:
            continue  # WIPO Publish reuses (73) for the correspondence address
        found.append((code, match.start(), value_start))
        seen.add(code)
        current = code
    result: dict[str, str] = {}
    for index, (code, _, value_start) in enumerate(found):
        end = found[index + 1][1] if index + 1 < len(found) else len(text)
        value = text[value_start:end]
        value = re.sub(r"^[\s:：.]+", "", value)
        value = "\n".join(line.strip() for line in value.split("\n"))
        result[code] = value.strip()
    return result


# OCR layers of patent front pages space or misread the INID brackets: "( 72 ) Inventors :",
# "175! Inventors:" or "112) Patent" ("(" read as "1", ")" as "!" or "~"), "[76]" or a bare
# "76 Inventor:" on old US front pages. They are written back as "(72)" before parsing.
_SPACED_CODE = re.compile(r"\(\s*(\d{2})\s*(?:/\s*(\d{2})\s*)?\)")
_OCR_CODE = re.compile(
    r"(?<![\w.,/:;()-])(?:[1l](\d{2})[!)~]|\[(\d{2})\]|(\d{2})[)\]!]|(\d{2}))(?=[ \t]*[^\W\d_])"
)
_LETTER_CODE = re.compile(r"\(([0-9IlOo]{2})\)(?=[ \t]*[A-Za-z])")


def _letter_code(match: re.Match) -> str:
    raw = match.group(1)
    if raw.isdigit():
        return match.group(0)
    number = raw.translate(str.maketrans("IlOo", "1100"))
    label = _LABEL_REGEXES.get(number)
    if label and label.match(fold(match.string[match.end() : match.end() + 60])):
        return f"({number})"
    return match.group(0)


_OCR_COUNTRY = re.compile(r"(?<![\w(])1?([A-Z]{2})!|(?<![\w(])1([A-Z]{2})\)")
_OCR_EDITION = re.compile(r"(?<![\w.(])1((?:19|20)\d{2}\.\d{2})[!)]")  # "12006.01!": (2006.01)
_SPACE_BEFORE_MARK = re.compile(r"(?<=[\w)]) +(?=[.,:;](?:\s|\d|[A-Za-z]|$))")


@lru_cache(maxsize=32)  # the same first pages go through detection and both readings
def normalise_codes(text: str) -> str:
    """INID codes as printed, whatever the text layer made of them (see above), and, on a
    layer that puts a space before every punctuation mark ("Sep. 3 , 2020", "Appl .No .:",
    "( 3D )"), those spaces removed. Text without codes comes back unchanged."""
    if not text:
        return text
    commas = text.count(",")
    if commas >= 5 and text.count(" ,") > 0.5 * commas:
        text = _SPACE_BEFORE_MARK.sub("", text)
        text = re.sub(r"\( (?=\S)", "(", text)
        text = re.sub(r"(?<=\S) \)", ")", text)
        text = re.sub(r"(?<=\d) ?/ ?(?=\d)", "/", text)
        text = re.sub(r"(?<=[a-z]) -(?=[a-z])", "-", text)  # "three -dimensional"
        text = re.sub(r"(?<=[A-Za-z]) - (?=[a-z])", "-", text)  # "three - dimensional"
    text = _SPACED_CODE.sub(
        lambda m: f"({m.group(1)}/{m.group(2)})" if m.group(2) else f"({m.group(1)})", text
    )
    # OCR's letters for digits in a code: "(Io) Patent No." is (10), when its label follows
    text = _LETTER_CODE.sub(_letter_code, text)
    if text.count("!") >= 5 and text.count(")") <= text.count("!") // 4:
        # a layer that reads every ")" as "!" and "(" as "1": "1TTC peptide!", "1e.g., x!"
        text = _OCR_COUNTRY.sub(lambda m: f"({m.group(1) or m.group(2)})", text)
        text = re.sub(r"(?<![\w(])1(?=[A-Za-z][^!]{0,60}!)", "(", text).replace("!", ")")
    text = re.sub(r"(?<![\w(])1([A-Z][A-Za-z0-9.-]{1,20}\))", r"(\1", text)  # "1TFPI)"
    folded = fold(text)

    def code(match: re.Match) -> str:
        ocr, bracketed, closed, bare = match.groups()
        number = ocr or bracketed or closed or bare
        if number not in INID_LABELS:
            return match.group(0)
        label = _LABEL_REGEXES.get(number)
        labelled = bool(label and label.match(folded, match.end()))
        if ocr or bracketed:
            return f"({number})"
        line_start = text.rfind("\n", 0, match.start()) + 1
        at_start = not text[line_start : match.start()].strip()
        if labelled:
            return f"({number})"
        if bare and number == "54" and at_start:
            # an old front page's title: "54 PET DISPLAY CLOTHING" (capitals follow)
            rest = text[match.end() : text.find("\n", match.end()) % (len(text) + 1)]
            if re.match(r"\s*[A-Z][A-Z-]+(?:\s+[A-Z][A-Z-]*){1,}", rest):
                return f"({number})"
        return match.group(0)

    text = _OCR_CODE.sub(code, text)
    text = _OCR_COUNTRY.sub(lambda m: f"({m.group(1) or m.group(2)})", text)
    return _OCR_EDITION.sub(r"(\1)", text)


def read_column_wise(values: dict[str, str]) -> bool:
    """Whether the codes were read as one column and their values as another.

    A label/value table read column by column (a layout analysis that takes each table column
    for a text column) gives every code with an empty value, and all the values in one run
    after the last code: no value can be paired with its code from such a text.
    """
    core = [code for code in values if code in _CORE]
    empty = [code for code in core if not values[code].strip()]
    return len(empty) >= 3 and len(empty) >= 0.4 * len(core)


# A front-page table read column by column (OCR segments the codes, the labels and the values of
# a US front page as three blocks): a run of lines that are only a code, a run of lines that are
# only a label, then the values in the same order.
_CODE_LINE = re.compile(r"^\((\d{2}|\*)\)$")
_LABEL_LINE = re.compile(r"^[A-Za-z][A-Za-z .()/,-]{1,40}:$")
_PARTY_END = re.compile(r"\([A-Z]{2}\)\.?$")  # "Edessa (GR)": the last party of a list
_PARTY_CODES = {"71", "72", "73", "75", "76", "71/73"}


def column_table(text: str) -> dict[str, str]:
    """``{code: value}`` of a code column, a label column and a value column printed one after
    the other; empty when the text has no such table or its values do not fit their labels
    (an application number under (21), a date under (22), lists of parties that end)."""
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    for start in range(len(lines)):
        codes = []
        while start + len(codes) < len(lines) and _CODE_LINE.match(lines[start + len(codes)]):
            codes.append(_CODE_LINE.match(lines[start + len(codes)]).group(1))
        if len(codes) >= 3:
            table = _table_values(codes, lines[start + len(codes) :])
            if table:
                return table
    return {}


def _table_values(codes: list[str], lines: list[str]) -> dict[str, str]:
    labels = []
    while len(labels) < min(len(codes), len(lines)) and _LABEL_LINE.match(lines[len(labels)]):
        code, label = codes[len(labels)], fold(lines[len(labels)])
        regex = _LABEL_REGEXES.get(code)
        if code != "*" and not (regex and regex.match(label)):
            return {}  # the labels are not those of the codes, in their order
        labels.append(code)
    values: dict[str, str] = {}
    rest = lines[len(labels) :]
    for code in labels:
        if code in _PARTY_CODES:
            end = next((i for i, line in enumerate(rest) if _PARTY_END.search(line)), None)
        elif code == "*":  # the notice: one sentence ("... by 9 days.")
            end = next((i for i, line in enumerate(rest) if line.endswith(".")), None)
        else:
            end = 0
        if end is None:
            return {}
        values[code], rest = "\n".join(rest[: end + 1]), rest[end + 1 :]
    if "21" in values and not (
        application_number(values["21"]) or foreign_application_number(values["21"])
    ):
        return {}
    if "22" in values and not _dates(values["22"]):
        return {}
    values.pop("*", None)
    return values


# The fixed-width form of patent databases (WIPO ST.8): subclass, 4-digit group, 6-digit
# subgroup: "A23L0027500000" is A23L 27/50.
IPC_FIXED_WIDTH = re.compile(r"(?<![A-Za-z0-9])([A-H]\d{2}[A-Z])(\d{4})(\d{6})(?!\d)")


def normalise_ipc(text: str) -> list[str]:
    """``"Int.Cl.8 A23L27/50 (2016.01); A23L  2/02"`` -> ``["A23L 27/50", "A23L 2/02"]``.

    Symbols are written as the IPC prints them: subclass, a space, the main group without
    leading zeros, "/", the subgroup with at least two digits. The fixed-width database form
    (``A23L0027500000``) is read as well.
    """
    symbols: list[str] = []
    text = IPC_FIXED_WIDTH.sub(
        lambda m: f"{m.group(1)} {int(m.group(2))}/{m.group(3).rstrip('0').ljust(2, '0')}", text
    )
    for section, klass, subclass, group, subgroup in IPC_SYMBOL.findall(text):
        if len(subgroup) == 1:
            subgroup += "0"
        symbol = f"{section}{klass}{subclass} {int(group)}/{subgroup}"
        if symbol not in symbols:
            symbols.append(symbol)
    if not symbols:
        for section, klass, subclass in IPC_SUBCLASS.findall(text):
            symbol = f"{section}{klass}{subclass}"
            if symbol not in symbols:
                symbols.append(symbol)
    return symbols


def application_number(text: str) -> str | None:
    """``"1-2019-01234"`` (also from ``"1 - 2019 - 01234"`` or ``VN1201901234``), validated."""
    match = APPLICATION_NUMBER.search(text or "")
    if match:
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    match = re.search(r"\bVN([1-4])((?:19|20)\d{2})(\d{5})\b", text or "")
    if match:
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    return None


# Other offices' numbers, as printed on their front pages (the letters OCR reads for digits,
# "12/S03,7S1", are kept as read: validation flags them for review rather than guess).
_US_APPLICATION = re.compile(r"(?<![\d/])(\d{2}) ?/ ?([\dSO]{3}), ?([\dSO]{3})(?![\d])")
_PCT_APPLICATION = re.compile(r"\bPCT/[A-Z]{2}\d{2,4}/\d{5,6}\b")
_LONG_SERIAL = re.compile(r"(?<![\d/])(\d{9,12})(?![\d/])")
_US_GRANT = re.compile(
    r"(?<![\d/])(?:US\s?)?(\d{1,2}[,.]\d{3}[,.]\d{3})(?:\s?([BEAS]\d?))?(?![\d/])"
)
_SERIAL_PUBLICATION = re.compile(
    r"\b(US|WO|EP|CN|JP|KR)\s?((?:19|20)\d{2})\s?/\s?(\d{6,7})\s?([A-C][1-9Il]?)\b"
)
_IN_PUBLICATION = re.compile(r"\bIN\s?(\d{12})\s?([A-C]\d?)?")


_NUMBER_LABEL = re.compile(
    r"(?:pub(?:lication)?\.?|patent)\s*(?:no|number)\.?\s*:?\s*", re.IGNORECASE
)


def foreign_application_number(text: str) -> str | None:
    """A US (``12/831,976``), PCT or long serial (India: ``202641096863``) application number."""
    match = _US_APPLICATION.search(text or "")
    if match:
        return f"{match.group(1)}/{match.group(2)},{match.group(3)}"
    match = _PCT_APPLICATION.search(text or "") or _LONG_SERIAL.search(text or "")
    return match.group(0) if match else None


def foreign_numbers(text: str) -> dict[str, str]:
    """``{"patent_number": "US 6,631,172 B1"}`` or ``{"publication_number": "US 2010/0230829
    A1"}`` from a (10)/(11) value of a US, WO or Indian front page."""
    text = squash(text or "")
    match = _SERIAL_PUBLICATION.search(text)
    if match:
        kind = match.group(4).replace("I", "1").replace("l", "1")  # OCR's "AI" is A1
        return {"publication_number": f"{match.group(1)} {match.group(2)}/{match.group(3)} {kind}"}
    match = _IN_PUBLICATION.search(text)
    if match:
        return {"publication_number": f"IN{match.group(1)}" + (
            f" {match.group(2)}" if match.group(2) else "")}
    match = _US_GRANT.search(text)
    if match:
        digits = re.sub(r"\D", "", match.group(1))
        grouped = f"{int(digits):,}"
        return {"patent_number": f"US {grouped}" + (f" {match.group(2)}" if match.group(2) else "")}
    return {}


_INVENTOR_LABEL = re.compile(r"(?im)^\W{0,3}(?:\(\d{2}\)\s*)?inventors?\s*:\s*")
_NEXT_LABEL = re.compile(
    r"(?im)^\W{0,3}(?:\(\d{2}\)|appl\b|filed\b|assignees?\b|applicants?\b|correspondence|"
    r"notice\b|related\b|prior\b|int\.|publication\b|\(\*\))"
)


def _labelled_value(text: str, label: re.Pattern) -> str:
    """What follows ``label`` up to the next label of an English front page."""
    match = label.search(text or "")
    if not match:
        return ""
    end = _NEXT_LABEL.search(text, match.end())
    return text[match.end() : end.start() if end else len(text)]


def _first_line(text: str, count: int = 2) -> str:
    """The value's first lines (a date printed under its label), OCR's "Jill." read "Jul."."""
    lines = [line for line in (text or "").split("\n") if line.strip()][:count]
    return re.sub(r"\b(?:J[il1I]{2,3}|JU[Il1]|Ju[Il1])\.", "Jul.", "\n".join(lines))


def _dates(text: str) -> list[str]:
    return [iso for _, iso in find_dates(text or "") if len(iso) == 10]


def _patent_number(text: str, application: str | None = None) -> str | None:
    """The grant number in the (11)/(10) value: ``1-0035127``; a bare serial ("No. 35127",
    "VN 35127 B1") is written in that form when the application number gives the type digit."""
    text = squash(text)
    match = GRANT_NUMBER.search(text)
    if match:
        return f"{match.group(1)}-{match.group(2)}"
    # "VN 12345 B1", "No. 12345", "12345"
    match = re.search(r"(?<![\d./-])((?:VN\s?)?\d{4,7})(?:\s?[A-C]\d?)?(?![\d./-])", text)
    if not match:
        return None
    serial = re.sub(r"\D", "", match.group(1))
    if application and application[0] in "12":
        return f"{application[0]}-{int(serial):07d}"
    return match.group(1).replace(" ", "")


def is_address(text: str) -> bool:
    """Whether a piece of a party's text is (part of) an address rather than a name."""
    folded = fold(text).strip(" ,;.")
    if not folded:
        return True
    if re.search(r"\d", folded) or _ADDRESS_START.match(folded) or _PLACE_TAIL.match(folded):
        return True
    if _ADDRESS_ANY.search(folded) and not _ORG_WORDS.search(folded):
        return True
    return text.strip()[:1].islower()


def _clean_party(text: str) -> str:
    text = _LANGUAGE_TAG.sub("", text)
    text = squash(text).strip(" ,;:.-–")
    return text


def split_parties(text: str, persons: bool = False) -> list[str]:
    """Applicants, owners or inventors from an INID value, addresses and country codes removed.

    With country codes ("(VN)") the codes close the parties: what follows a code on its line is
    that party's address ("Tên (VN), địa chỉ"); when it is empty and more than one line comes
    before the next code, the first of them is the address ("Tên (VN)" / "địa chỉ" / "Tên 2
    (VN)"); the rest is the next party's name, wrapped over lines if need be. For people, only
    the name before a comma is kept ("Nguyen Van An, Phan Thiet (VN)"). Without country codes,
    parties are separated by ";" or line breaks (people also by commas between names) and an
    address after a colon or a comma is dropped.
    """
    text = _LANGUAGE_TAG.sub("", text or "")
    # US front pages print the correspondence address under the inventors: not a party
    cut = re.search(r"correspondence address|publication classification", fold(text))
    text = text[: cut.start()] if cut else text
    numbered = re.findall(r"(?m)^\s*\d{1,2}\s*[.)]\s*(\S[^\n]*)", text)
    if len(numbered) >= 1 and persons:  # "1) Dr. A.KALA" / "2. Umang Arora"
        parties: list[str] = []
        for item in numbered:
            _add(parties, re.split(r"\s*[,:;(]", item)[0], True)
        return parties
    text = re.sub(r"\s*:\s*[^\n;]*", "", text) if re.search(r"\S\s+:\s", text) else text
    if _COUNTRY.search(text):
        return _parties_with_codes(text, persons)
    return _parties_without_codes(text, persons)


def _lines(text: str) -> list[str]:
    return [squash(line) for line in re.split(r"[;\n]", text)]


def _add(parties: list[str], name: str, persons: bool) -> None:
    name = _clean_party(name)
    if persons:
        name = split_academic_title(name.split(",")[0])[1]
    if len(name) >= 2 and name not in parties:
        parties.append(name)


_WIPO_NAME = re.compile(
    r"^[\W\d]*([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*, [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*) ?;"
)


def _parties_with_codes(text: str, persons: bool) -> list[str]:
    parties: list[str] = []
    pieces = _COUNTRY.split(text)  # name, code, name, code, ..., trailing address
    for index, part in enumerate(pieces[0:-1:2]):
        wipo = _WIPO_NAME.match(squash(re.sub(r"-\n(?=[A-Z])", "", part)))
        if wipo and persons:
            # WIPO's "SURNAME, Given; address (NZ)": the name comes before the ";"
            if wipo.group(1) not in parties:
                parties.append(wipo.group(1))
            continue
        # the party's own text follows the last ";" before its code
        after_semicolon = ";" in part
        part = re.split(r";", part)[-1] if after_semicolon else part
        lines = part.split("\n")
        if index > 0 and lines[0].strip(" ,") and not persons and not after_semicolon:
            lines = lines[1:]  # "Tên (VN), địa chỉ" on the previous party's line
        elif (
            index > 0
            and persons
            and re.match(r"^\s*,", lines[0])
            and len(lines) > 1
            and is_address(lines[0].strip(" ,"))
        ):
            lines = lines[1:]  # "Name, City (VN), address" (rare): drop the address
        lines = [squash(line) for line in lines if line.strip(" ,")]
        if not lines:
            continue
        if persons:
            _add_person(parties, " ".join(lines))
            continue
        name = [lines[-1]]
        for line in reversed(lines[:-1]):
            if is_address(line) or line.rstrip().endswith(","):
                break
            if index > 0 and line is lines[0] and len(lines) > 2:
                break  # "Tên (VN)" / địa chỉ / "Tên 2 (VN)": the first line is the address
            name.insert(0, line)
        # "Name, Town, Province (VN)": the code closes the address, not the name
        joined = " ".join(name)
        _add(parties, _organisation_name(joined) or joined, False)
    return parties


_NAME_SHAPED = re.compile(
    r"^(?:(?:[A-Z][\w'’-]*\.?|[A-Z]\.|van|der|de|la|von|da|di|le|du)\s*){2,7}$"
)


def _add_person(parties: list[str], text: str) -> None:
    """The person name in "Nguyen Van An, Phan Thiet" (a name, then the town): the first
    piece when it is shaped like a name ("Michael A. Schultz, Kuala Lumpur"), else the first
    piece that reads as a person's name."""
    pieces = [piece.strip() for piece in squash(text).split(",") if piece.strip()]
    if pieces and _NAME_SHAPED.match(pieces[0]) and not is_address(pieces[0]):
        _add(parties, pieces[0], True)
        return
    for piece in pieces:
        if _person_like(piece):
            _add(parties, piece, True)
            return
    if pieces:
        _add(parties, pieces[0], True)


_COUNTRY_END = re.compile(r"(?:viet ?nam|vietnam|\([a-z]{2}\))\.?\s*$")
_ORG_START = re.compile(
    r"^(?:truong|vien|trung tam|cong ty|chi cuc|benh vien|hoi|hiep hoi|dai hoc|hoc vien|so |"
    r"cuc |tong cong ty|hop tac xa|lien hiep|doanh nghiep|ban quan ly|ubnd|uy ban)(?![a-z])"
)
_LEGAL_SUFFIX = re.compile(r"^(?:ltd|co|inc|jsc|llc|corp|plc|gmbh|s\.a|ag)\b\.?", re.IGNORECASE)


def _parties_without_codes(text: str, persons: bool) -> list[str]:
    if persons:
        return _people_without_codes(text)
    parties: list[str] = []
    # Wrapped names are joined; a party ends with its country or where a new one starts.
    groups: list[list[str]] = []
    for line in re.split(r"[;\n]", text):
        line = squash(line)
        if not line:
            continue
        starts_new = (
            not groups
            or _COUNTRY_END.search(fold(" ".join(groups[-1])))
            or _ORG_START.match(fold(line))
        )
        if starts_new and groups and _continues(groups[-1][-1], line):
            starts_new = False
        if starts_new:
            groups.append([line])
        else:
            groups[-1].append(line)
    for group in groups:
        name = _organisation_name(" ".join(group))
        if name:
            _add(parties, name, False)
    return parties


def _organisation_name(text: str) -> str | None:
    """The name in "Name, address ...": cut at the first comma that starts an address."""
    pieces = [piece.strip() for piece in text.split(",")]
    name = pieces[0]
    if not name or is_address(name):
        return None
    for piece in pieces[1:]:
        if not piece:
            continue
        if _LEGAL_SUFFIX.match(piece) or (
            not is_address(piece) and _ORG_WORDS.search(fold(piece))
        ):
            name = f"{name}, {piece}"
            continue
        break
    return name


def _people_without_codes(text: str) -> list[str]:
    parties: list[str] = []
    for line in re.split(r"[;\n]", text):
        chunk = squash(line).strip(" ,")
        if not chunk:
            continue
        pieces = [piece.strip() for piece in chunk.split(",") if piece.strip()]
        if is_address(pieces[0]):
            continue
        names = [pieces[0]]
        for piece in pieces[1:]:
            if is_address(piece) or not _person_like(piece):
                break
            names.append(piece)
        for name in names:
            _add(parties, name, True)
    return parties


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues an organisation name begun on the previous line."""
    if line[:1].islower():
        return True
    folded_prev = fold(previous).rstrip()
    if re.search(r"(?:\bva|\band|&|-|–|\bcua|\bthuoc)$", folded_prev):
        return True
    return False


def _person_like(text: str) -> bool:
    _, bare = split_academic_title(text)
    name, rest = name_prefix(bare)
    return bool(name) and not rest.strip() and not _ORG_WORDS.search(fold(bare))


def _title(value: str) -> tuple[str | None, str | None]:
    """(54) value -> (title, English title when printed with "(EN)")."""
    if not value:
        return None, None
    english = None
    match = re.search(r"\(EN\)", value)
    if match:
        english = squash(value[match.end() :]) or None
        value = value[: match.start()]
    title = squash(_LANGUAGE_TAG.sub("", value))
    # a table read row-wise may bring the next field's value: a title holds no IPC symbol
    cut = re.search(r"\s:\s?\S|(?<![A-Za-z0-9])[A-Ha-h]\d{2}[A-Za-z]\s?\d{1,4}[/0-9]", title)
    title = title[: cut.start()] if cut and cut.start() > 10 else title
    title = title.strip(" .;:,")
    quotes = "\"'“”«»"
    if len(title) > 1 and title[0] in quotes and title[-1] in quotes:
        title = title[1:-1].strip()
    return title or None, english


# Where a patent abstract ends when the front page does not end it first: the next section
# (the description, the claims, the field of the invention), the page's furniture (claim and
# sheet counts, the running header of the drawing sheets, the references' end).
_ABSTRACT_END = re.compile(
    r"(?:\bmo ta (?:sang che|giai phap huu ich)\b|\blinh vuc (?:ky thuat|sang che)\b|"
    r"\byeu cau bao ho\b|\bdiem yeu cau bao ho\b|\b\d+ claims?,? (?:\d+|no) drawing|"
    r"\b\d+ claims?\b[,.]? *$|\bcited by examiner\b|\bforeign patent documents\b|"
    r"\bother publications\b|\bu\.?s\.? patent documents\b|\bpatent ?application publication\b|"
    r"\bu\.s\. patent\b|\bsheet \d+ of \d+\b|\bno\. of (?:pages|claims)\b|"
    r"\bthe following specification\b|\bfield of the invention\b|\btechnical field\b|"
    r"\bbackground of the invention\b|\bpublished:|\bdeclarations? under rule\b|"
    r"\bcontinued on next page\b)"
)
# "Tóm tắt sáng chế:" is a label; "Tóm tắt" / "Sáng chế đề cập ..." is a label and the text
_ABSTRACT_LABEL = re.compile(
    r"^(?:abstract|tom tat(?:(?: sang che| giai phap huu ich)(?=\s*[:.]))?)\b\s*[:.]?\s*"
)


_FRONT_HEADINGS = re.compile(
    r"^(?:united states|patent application publication|u\.?s\.? patent documents|"
    r"foreign patent documents|other publications|abstract|related u\.?s\.? application data|"
    r"publication classification|prior publication data|references cited)"
)


def _caps_title(front: str) -> str:
    """The title of a front page whose (54) code OCR lost or misread ("(34). USING VIRTUAL
    REALITY FOR" / "BEHAVIORAL ANALYSIS"): the first line that is a code-like token and then
    three words or more in capitals, with the lines in capitals that continue it."""
    lines = [line.strip() for line in front.split("\n")]
    for index, line in enumerate(lines[:40]):
        match = re.match(r"^\(?\w?\d\w?\W{1,3}\s*([A-Z][A-Z0-9 ,;:'()/-]+)$", line)
        if not match or len(re.findall(r"\b[A-Z]{2,}\b", match.group(1))) < 3:
            continue
        if _FRONT_HEADINGS.match(fold(match.group(1))):
            continue
        parts = [match.group(1)]
        for following in lines[index + 1 : index + 4]:
            if not re.fullmatch(r"[A-Z][A-Z0-9 ,;:'()/-]+", following) or _FRONT_HEADINGS.match(
                fold(following)
            ):
                break
            parts.append(following)
        return " ".join(parts)
    return ""


_LABELLED_ABSTRACT = re.compile(r"\(57\)[ \t]*\n?[ \t]*(?:abstract|tom tat)")


def _after_abstract_heading(front: str) -> str:
    """The text under an "ABSTRACT" heading whose (57) code OCR lost ("G7) ABSTRACT")."""
    match = re.search(r"(?m)^\W{0,2}\w{0,3}\W{0,3}\s*ABSTRACT\s*$", front)
    return front[match.end() :] if match else ""


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", squash(line))


def page_furniture(pages: list[str], edge: int = 2) -> set[str]:
    """Lines at the top or bottom of two pages or more, numbers aside ("VN 1-0029874 1",
    "VN 1-0029874 2"): running headers and footers, as :func:`_furniture_key` keys."""
    seen: dict[str, int] = {}
    for page in pages[:6]:
        lines = [line for line in page.split("\n") if line.strip()]
        for line in set(lines[:edge] + lines[-edge:]):
            key = _furniture_key(line)
            if re.search(r"[^\W\d_]", key):
                seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= 2}


def _figure_label(line: str) -> bool:
    """A drawing's label on a front page: "O", "20", "FIG. 1"."""
    line = line.strip()
    return bool(re.fullmatch(r"[\W\d_]+|[A-Z]{1,2}|(?i:fig\.?\s*\d+\w?)", line))


def abstract_text(value: str, title: str | None = None, running: set[str] | None = None) -> str:
    """The (57) value as an abstract: its label and a repeated title dropped from the start,
    running headers and footers (``running``: :func:`page_furniture`) left out, cut where the
    next section or the
    page's furniture begins (see ``_ABSTRACT_END``)."""
    if running:
        value = "\n".join(
            line for line in (value or "").split("\n") if _furniture_key(line) not in running
        )
    value = re.sub(r"(?:\n\s*\d{1,3}\s*)+$", "", (value or "").rstrip())  # the page number
    lines = value.split("\n")
    for index in range(1, len(lines)):
        # a sentence ends and a drawing's labels follow ("O", "20", "FIG. 1")
        if lines[index - 1].rstrip().endswith(".") and _figure_label(lines[index]):
            value = "\n".join(lines[:index])
            break
    text = squash(_LANGUAGE_TAG.sub("", value))
    folded = fold(text)
    label = _ABSTRACT_LABEL.match(folded)
    if label:
        text, folded = text[label.end() :], folded[label.end() :]
    if title and len(title) > 8 and folded.startswith(fold(squash(title))):
        cut = len(squash(title))
        text, folded = text[cut:].lstrip(" .:"), folded[cut:].lstrip(" .:")
    end = _ABSTRACT_END.search(folded, min(len(folded), 10))
    if end:
        text = text[: end.start()]
    return text.strip(" ;,")


_UTILITY = compile_patterns([r"giai phap huu ich", r"utility (?:solution|model)", r"gphi"])
_PATENT = compile_patterns([r"bang doc quyen sang che", r"sang che", r"patent(?! agent)"])


def patent_kind(number: str | None, text: str) -> str:
    """``"patent"`` or ``"utility_solution"``: from the application number, else the words."""
    if number and number[0] == "2":
        return "utility_solution"
    if number and number[0] == "1":
        return "patent"
    folded = fold(text)
    return (
        "utility_solution"
        if _UTILITY.search(folded) and not _PATENT.search(folded[:200])
        else "patent"
    )


@dataclass
class PatentFields:
    """What :func:`parse_patent` read from a patent document (``None`` or empty when not
    found), and where each field was read (``origins``: "inid" for the value under its INID
    code, "label" after its printed label, "text" found by its format anywhere on the front
    page, "heuristic"; keys as in :func:`indexer.evaluation.comparable_fields`)."""

    kind: str = "patent"  # or "utility_solution"
    title: str | None = None
    title_en: str | None = None
    abstract: str | None = None
    ipc_classes: list[str] = field(default_factory=list)
    technology_fields: list[str] = field(default_factory=list)  # WIPO fields "1".."35"
    people: list[dict] = field(default_factory=list)  # applicant, owner, inventor
    agent: str | None = None
    identifiers: dict[str, str] = field(default_factory=dict)  # application/patent/publication
    dates: dict[str, str] = field(default_factory=dict)  # filed, published, granted
    origins: Origins = field(default_factory=dict)

    def to_record(self) -> dict:
        """The record draft's fields (keys absent when not found)."""
        record = {
            "ipc_classes": self.ipc_classes,
            "technology_fields": self.technology_fields,
            "title": self.title,
            "title_en": self.title_en,
            "abstract": self.abstract,
            "people": self.people,
            "agent": self.agent,
            "identifiers": self.identifiers,
            "dates": self.dates,
        }
        return {key: value for key, value in record.items() if value} | {"kind": self.kind}


def parse_patent(pages: list[str]) -> PatentFields:
    """The bibliographic data of a patent document (:class:`PatentFields`).

    Numbers are validated against their formats (§3.4): an application number must read
    ``T-YYYY-NNNNN`` (or another office's form under its (21) code); a grant number printed bare
    ("Patent No. 35127") is written in the office's form (``1-0035127``) when the application
    number gives its kind; a publication number that is neither a serial number nor an
    application number is dropped. What does not validate against the document's own kind is
    kept and left to :mod:`indexer.confidence` to flag.
    """
    return _FrontPage(pages).read()


class _FrontPage:
    """A patent document's first pages, the values under their INID codes, and where each
    field was read: one method per field."""

    def __init__(self, pages: list[str]):
        self.pages = [normalise_codes(page) for page in pages[:4]] + list(pages[4:])
        self.front = "\n".join(self.pages[:2])
        self.values = self._inid_values()
        self.sources: dict[str, str] = {}

    def _inid_values(self) -> dict[str, str]:
        values = segments(self.front)
        if not any(code in values for code in ("21", "20", "54")) and len(self.pages) > 2:
            values = segments("\n".join(self.pages[:4]))
        if read_column_wise(values):
            values = {}  # codes and values cannot be paired: trust only what validates alone
        values.update(column_table(self.front))  # codes, labels and values as three columns
        return values

    def read(self) -> PatentFields:
        result = PatentFields()
        number = self.application_number(result.identifiers)
        self.numbers(result.identifiers, number)
        result.dates = self.dates()
        result.ipc_classes = normalise_ipc(self.values.get("51", ""))
        if result.ipc_classes:
            result.technology_fields = technology_fields(result.ipc_classes)
            self.sources["ipc_classes"] = self.sources["technology_fields"] = "inid"
        printed_title, result.title_en = self.titles()
        if printed_title:  # "(54) APPARATUS FOR ..." in its letter case
            result.title = restore_case(printed_title, "\n".join(self.pages[:4]))
        result.abstract = self.abstract(printed_title)
        result.people = self.people()
        agent = split_parties(self.values.get("74", ""))
        result.agent = agent[0] if agent else None
        result.kind = patent_kind(number, self.front)
        self.sources["kind"] = "inid" if number else "text"
        result.origins = origins_of(self.sources, {name: 0 for name in self.sources})
        return result

    def application_number(self, identifiers: dict[str, str]) -> str | None:
        """IP Vietnam's application number (returned: it gives the kind), else another
        office's under (21); both set in ``identifiers``."""
        values = self.values
        number = application_number(values.get("21", "")) or application_number(
            values.get("20", "")
        )
        source = "inid"
        if not number:
            number = application_number(self.front)
            source = "text"
        if number:
            identifiers["application_number"] = number
            self.sources["application_number"] = source
            return number
        foreign = foreign_application_number(values.get("21", ""))
        if foreign:
            identifiers["application_number"] = foreign
            self.sources["application_number"] = "inid"
        return None

    def numbers(self, identifiers: dict[str, str], application: str | None) -> None:
        """The grant or publication number: under (11)/(10), else after its label."""
        for code in ("11", "10"):
            if code in self.values:
                first_line = self.values[code].split("\n")[0]
                foreign = foreign_numbers(first_line)
                if foreign:
                    identifiers.update(foreign)
                    self.sources.update({key: "inid" for key in foreign})
                    break
                patent_number = _patent_number(first_line, application)
                if patent_number:
                    identifiers["patent_number"] = patent_number
                    self.sources["patent_number"] = "inid"
                    break
        first_page = self.pages[0] if self.pages else ""
        if not (identifiers.get("patent_number") or identifiers.get("publication_number")):
            # a code OCR lost: the number still follows its label ("Pub. No.: US 2010/0301571")
            for label in _NUMBER_LABEL.finditer(first_page):
                foreign = foreign_numbers(first_page[label.end() : label.end() + 40])
                if foreign:
                    identifiers.update(foreign)
                    self.sources.update({key: "label" for key in foreign})
                    break
        self._publication_numbers(identifiers)

    def _publication_numbers(self, identifiers: dict[str, str]) -> None:
        values = self.values
        indian = re.search(r"(\d{12})\s?([A-C]\d?)\b", values.get("21", ""))
        if indian and not identifiers.get("publication_number") and re.search(
            r"\bindia\b|patent office journal", fold(self.front)
        ):
            # the Indian journal publishes an application under its number: "202441035992 A"
            identifiers["publication_number"] = f"IN{indian.group(1)} {indian.group(2)}"
            self.sources["publication_number"] = "inid"
        if "40" in values or ("11" in values and "45" not in values and "43" in values):
            publication = re.search(
                r"(?<![\d-])([1-4]-\d{4}-\d{4,5}|\d{4,7})(?:\s?[A-C]\d?)?", values.get("40", "")
            )
            if publication and not validate_publication_number(publication.group(0).strip()):
                identifiers["publication_number"] = publication.group(0).strip()

    def dates(self) -> dict[str, str]:
        values = self.values
        dates: dict[str, str] = {}
        # the date opens the (22) value: one further down belongs to another field (a parent
        # application's "filed on ..." in the next column)
        filed = _dates(_first_line(values.get("22", ""))) or _dates(values.get("20", ""))
        published = _dates(values.get("43", "")) or _dates(values.get("40", ""))
        granted = (
            _dates(values.get("45", ""))
            or _dates(values.get("10", ""))
            or _dates(values.get("24", ""))
        )
        for name, found in (("filed", filed), ("published", published), ("granted", granted)):
            if found:
                dates[name] = found[0]
                self.sources[name] = "inid"
        return dates

    def titles(self) -> tuple[str | None, str | None]:
        """The (54) title as printed and an English one printed with it."""
        first_page = self.pages[0] if self.pages else ""
        title, title_en = _title(self.values.get("54", "") or _caps_title(first_page))
        if title:
            self.sources["title"] = "inid"
        if title_en:
            self.sources["title_en"] = "inid"
        return title, title_en

    def abstract(self, title: str | None) -> str | None:
        """The (57) value of the front page, else of the first pages, else what follows an
        "ABSTRACT" heading."""
        pages, values = self.pages, self.values
        on_front_page = segments(pages[0]).get("57") if pages else None
        if not on_front_page and not values.get("57") and pages:
            on_front_page = _after_abstract_heading(pages[0])
        elif on_front_page and not _LABELLED_ABSTRACT.search(fold(pages[0])):
            # the code ended another column's line and its heading stands apart: the text is
            # under the heading ("... Risch 395/800 (57)" and, lower, "ABSTRACT" / "A system")
            on_front_page = _after_abstract_heading(pages[0]) or on_front_page
        printed = on_front_page or values.get("57", "")
        abstract = abstract_text(printed, title, page_furniture(pages))
        if not abstract:
            return None
        self.sources["abstract"] = "inid" if (on_front_page or values.get("57")) else "heuristic"
        return abstract

    def people(self) -> list[dict]:
        """Inventors (72), or (75)/(76) inventors who are also applicants; applicants (71),
        owners (73)."""
        values = self.values
        people: list[dict] = []

        def add(names: list[str], role: str):
            for name in names:
                title_prefix, bare = split_academic_title(name)
                if len(bare) >= 2 and not any(
                    p["name"] == bare and p["role"] == role for p in people
                ):
                    people.append(
                        {"name": bare, "role": role, "title": title_prefix, "affiliation": None}
                    )

        add(split_parties(values.get("72", ""), persons=True), "inventor")
        labelled_inventors = False
        if not values.get("72") and not values.get("75") and not values.get("76") and self.pages:
            # the codes were printed in a column of their own: the label still heads the names
            names = split_parties(_labelled_value(self.pages[0], _INVENTOR_LABEL), persons=True)
            add(names, "inventor")
            labelled_inventors = bool(names)
        for code in ("75", "76"):
            names = split_parties(values.get(code, ""), persons=True)
            add(names, "inventor")
            add(names, "applicant")
        add(split_parties(values.get("71", "")), "applicant")
        add(split_parties(values.get("71/73", "")), "applicant")
        add(split_parties(values.get("73", "")), "owner")
        roles = {person["role"] for person in people}
        if "inventor" in roles:
            self.sources["inventors"] = "label" if labelled_inventors else "inid"
        if roles & {"applicant", "owner"}:
            self.sources["applicants"] = "inid"
        return people


# --------------------------------------------------------------------------- validation

PATENT_NUMBER = re.compile(r"^([12])-(\d{7})$")
_KIND_DIGIT = {"patent": "1", "utility_solution": "2", "industrial_design": "3", "trademark": "4"}
FIRST_YEAR = 1981  # the first Vietnamese patent ordinance (Nghị định 31-CP, 1981)


def validate_application_number(
    number: str | None, kind: str | None = None, filed: str | None = None, today=None
) -> list[str]:
    """Problems with an application number (§3.4), as sentences; empty when it is valid.

    ``T-YYYY-NNNNN``: T is 1 patent, 2 utility solution, 3 industrial design, 4 trademark and
    must match ``kind``; YYYY is a plausible year, the year of filing when ``filed`` is known;
    NNNNN has five digits (four are accepted as an older form, with a remark).
    """
    from datetime import date

    if not number:
        return []
    if _US_APPLICATION.fullmatch(number) or _PCT_APPLICATION.fullmatch(number):
        if re.search(r"[A-Z]", number.removeprefix("PCT/")[2:]):
            return [f"The application number {number!r} has letters where digits belong."]
        return []  # another office's form
    if _LONG_SERIAL.fullmatch(number):
        return []
    match = re.fullmatch(r"([1-4])-(\d{4})-(\d{4,5})", number)
    if not match:
        return [f"The application number {number!r} is not in the form T-YYYY-NNNNN."]
    problems = []
    digit, year, serial = match.group(1), int(match.group(2)), match.group(3)
    this_year = (today or date.today()).year
    if not FIRST_YEAR <= year <= this_year:
        problems.append(f"The application number {number} carries an implausible year ({year}).")
    if kind in _KIND_DIGIT and _KIND_DIGIT[kind] != digit:
        problems.append(
            f"The application number {number} starts with {digit}, which is not the type digit "
            f"of a {kind.replace('_', ' ')} ({_KIND_DIGIT[kind]})."
        )
    if filed and filed[:4].isdigit() and int(filed[:4]) != year:
        problems.append(
            f"The application number {number} names the year {year} but the filing date is "
            f"{filed}."
        )
    if len(serial) == 4:
        problems.append(f"The application number {number} has a four-digit serial (older form).")
    return problems


def validate_patent_number(number: str | None, kind: str | None = None) -> list[str]:
    """Problems with a grant number: ``1-00NNNNN`` (patent) or ``2-000NNNN`` (utility solution)."""
    if not number:
        return []
    if re.fullmatch(r"US \d{1,2},\d{3},\d{3}(?: [BEAS]\d?)?", number):
        return []  # a US grant
    match = PATENT_NUMBER.match(number)
    if not match:
        return [f"The patent number {number!r} is not in the form 1-NNNNNNN or 2-NNNNNNN."]
    problems = []
    digit, serial = match.groups()
    if kind in _KIND_DIGIT and _KIND_DIGIT[kind] != digit:
        problems.append(
            f"The patent number {number} starts with {digit}, which is not the type digit of a "
            f"{kind.replace('_', ' ')} ({_KIND_DIGIT[kind]})."
        )
    if not serial.startswith("00" if digit == "1" else "000"):
        problems.append(f"The patent number {number} has more digits than grants issued so far.")
    return problems


def validate_publication_number(number: str | None) -> list[str]:
    """Problems with a publication number: a serial (``72456``, ``72456 A``) or ``T-YYYY-NNNNN``."""
    if not number:
        return []
    if re.fullmatch(r"\d{4,7}(?:\s?[A-C]\d?)?", number):
        return []
    if _SERIAL_PUBLICATION.fullmatch(number) or _IN_PUBLICATION.fullmatch(number):
        return []
    if re.fullmatch(r"[1-4]-\d{4}-\d{4,5}(?:\s?[A-C]\d?)?", number):
        return []
    return [f"The publication number {number!r} is neither a serial nor an application number."]


# --------------------------------------------------------------------------- technology fields


@cache
def _technology_prefixes() -> tuple[tuple[str, str, str], ...]:
    """(subclass-or-class prefix, main group or "", field key) for every concordance prefix."""
    from schemas import vocabularies

    rows = []
    for key, term in vocabularies.load("ipc_technology").items():
        for prefix in term.get("ipc_prefixes") or []:
            prefix = prefix.replace(" ", "").upper()
            rows.append((prefix[:4], prefix[4:], key) if len(prefix) > 4 else (prefix, "", key))
    return tuple(rows)


def technology_fields(ipc_classes: list[str]) -> list[str]:
    """WIPO technology fields ("1".."35") of IPC symbols, by longest matching prefix.

    Each symbol goes to the field(s) whose concordance prefix matches it longest: ``G01N 33/48``
    is field 11 (prefix ``G01N33``), not 10 (``G01N``); ``B01D 53/00`` is 24 (``B01D``), not 23
    (``B01``). Prefixes of equal length in several fields give several fields (fractional
    counting, as WIPO does). Fields come in the order of the symbols, the main class first.
    """
    fields: list[str] = []
    for symbol in ipc_classes:
        compact = re.sub(r"\s+", "", symbol or "").upper()
        if not re.match(r"^[A-H]\d{2}", compact):
            continue
        group = re.match(r"^[A-H]\d{2}[A-Z](\d{1,4})", compact)
        best: list[str] = []
        best_length = 0
        for prefix, prefix_group, key in _technology_prefixes():
            if not compact.startswith(prefix):
                continue
            if prefix_group and not (group and group.group(1) == prefix_group):
                continue
            length = len(prefix) + len(prefix_group)
            if length > best_length:
                best, best_length = [key], length
            elif length == best_length and key not in best:
                best.append(key)
        for key in best:
            if key not in fields:
                fields.append(key)
    return fields


__all__ = [
    "APPLICATION_NUMBER",
    "PATENT_WORDS",
    "application_number",
    "is_address",
    "normalise_ipc",
    "PatentFields",
    "parse_patent",
    "patent_kind",
    "read_column_wise",
    "segments",
    "split_parties",
    "technology_fields",
    "validate_application_number",
    "validate_patent_number",
    "validate_publication_number",
]
