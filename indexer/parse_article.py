"""Metadata out of the first pages of other research documents: journal articles and theses.

An article's first page starts with a masthead (journal name, "Tập 8, Số 2 (2022)", ISSN, DOI,
a section name such as "KHOA HỌC CÔNG NGHỆ"), often under a running header repeated on every
page; then the title, the authors with affiliation marks, the affiliations, the abstract and
the keywords, in Vietnamese and often again in English. A thesis cover names the ministry and
the university, the author, the title, the degree ("LUẬN VĂN THẠC SĨ", "MASTER'S THESIS"), the
major and its code, the supervisor, and the place and year.

The text carries no font sizes, so the title is found by what is left when everything that
is *not* a title has been recognised by meaning: masthead, issue, ISSN, DOI and section-name
lines, running headers (lines repeated on several pages), labelled lines ("Mã số: ...",
"Supervisor: ..."), people, organisations, place-and-year lines. Consecutive remaining lines
form blocks (a change between capitals and mixed case separates blocks); the title is the
largest block before the abstract, and it is put in the mixed case it has elsewhere in the text
(a thesis repeats its title in the declaration), else in sentence case.

People: for an **article**, every author is a ``member`` (an article has no principal
investigator; the first author is not one). For a **thesis**, the author is the
``principal_investigator`` (the person who carried out the research), and the degree-granting
university is the ``host_organisation``; the supervisor is not recorded as a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.labels import (
    ABSTRACT_EN_HEADINGS,
    ABSTRACT_HEADINGS,
    compile_patterns,
    fold,
    heading_match,
    join_split_labels,
    match_label,
    split_academic_title,
    split_keywords,
    squash,
)
from indexer.letter_case import restore_case
from indexer.parsed import Origins, origins_of
from indexer.people import VIETNAMESE_SURNAMES, name_prefix
from indexer.vocabulary_match import match_place

FRONT_PAGES = 3  # the front matter (title, authors, abstract, keywords) is on the first pages
HEADER_PAGES = 6  # pages compared to find running headers and footers

_MASTHEAD = compile_patterns(
    [
        r"tap chi",
        r"journal(?: of)?",
        r"proceedings",
        r"ky yeu",
        r"hoi (?:nghi|thao)(?: khoa hoc)?",
        r"ban tin",
        r"thong tin khoa hoc(?: va cong nghe)?",
        r"bulletin",
        r"transactions on",
        r"issn",
        r"e-?issn",
        r"isbn",
        r"doi(?=\s*[:：])",  # "DOI: 10.…" (not "đối chứng", which folds the same)
        r"doi\s+10(?=\.)",
    ]
)
_ISSUE = re.compile(
    r"(?:\b(?:tap|vol(?:ume)?|so|no|issue|quyen|number)\.?\s*\d{1,4}\b"
    r"|\(\d{4}\)\s*[:,]?\s*\d+\s*[-–]\s*\d+|\bpp?\.\s*\d+"
    r"|\b10\.\d{4,9}/\S+|https?://|www\.|\S+@\S+\.\w+|©|copyright)"
)
# Section names journals print above the title or in their running headers (folded).
_SECTION_NAMES = compile_patterns(
    [
        r"khoa hoc (?:cong nghe|ky thuat(?: va cong nghe)?|tu nhien|xa hoi(?: va nhan van)?|"
        r"nong nghiep|giao duc|kinh te|suc khoe|y duoc|doi song)",
        r"khoa hoc va cong nghe",
        r"nghien cuu(?: khoa hoc)?(?:\s*[-–]\s*trao doi| va trao doi| trao doi)?",
        r"trao doi(?:\s*[-–]\s*thao luan)?",
        r"(?:bai bao|cong trinh) (?:khoa hoc|nghien cuu)",
        r"chuyen (?:de|muc)",
        r"(?:research|original|review|short) (?:article|paper|communication)",
        r"(?:natural|social|agricultural|medical|engineering) sciences?",
        r"science(?:s)? and technology",
        r"engineering and technology",
        r"ky thuat(?: va cong nghe)?",
        r"kinh te(?:\s*[-–]\s*xa hoi)?",
        r"moi truong",
        r"nong nghiep(?:\s*[-–]\s*sinh hoc)?",
        r"y (?:hoc|duoc)",
        r"cong nghe (?:thong tin|sinh hoc|thuc pham)",
    ]
)
# Cover lines that are neither the title nor the author.
_AUTHORITY = re.compile(
    r"^(?:bo (?:giao duc|nong nghiep|y te|khoa hoc|tai nguyen|cong thuong)|"
    r"ministry of|dai hoc quoc gia|vietnam national university|uy ban nhan dan|ubnd|"
    r"vien han lam|vietnam academy|cong hoa xa hoi|socialist republic|doc lap)"
)
# An organisation that grants degrees or employs authors (a line that is not the title).
_INSTITUTION = re.compile(
    r"^(?:truong (?:dai hoc|cao dang)|dai hoc|hoc vien|vien |university|institute|academy|"
    r"college|school of|faculty of)|(?:university|institute|academy|college)$"
)
# What an affiliation starts with, after its mark.
_AFFILIATION_START = re.compile(
    r"^(?:truong|dai hoc|hoc vien|vien|khoa|bo mon|phong|trung tam|so|cuc|chi cuc|benh vien|"
    r"cong ty|ban|uy ban|university|institute|academy|college|school|faculty|department|"
    r"centre|center|laboratory|division|hospital|company)\b"
)
_DEGREE = compile_patterns(
    [
        r"luan van(?: thac si| tien si| tot nghiep)?(?: [a-z ]{0,40})?",
        r"luan an(?: tien si)?(?: [a-z ]{0,40})?",
        r"khoa luan(?: tot nghiep)?(?: [a-z ]{0,40})?",
        r"do an tot nghiep",
        r"(?:master'?s?|doctoral|ph\.?d\.?|bachelor'?s?|graduation|doctor of philosophy)"
        r"(?: of [a-z ]+)? (?:thesis|dissertation)",
        r"thesis",
        r"dissertation",
    ]
)
_THESIS = compile_patterns(
    [
        r"luan van",
        r"luan an",
        r"khoa luan",
        r"do an tot nghiep",
        r"thesis",
        r"dissertation",
    ]
)
# "Label: value" lines of covers and front matter that say who or what, not the title.
_FRONT_LABEL = re.compile(
    r"^(?:chuyen nganh|nganh|ma so|ma nganh|nguoi huong dan(?: khoa hoc)?|giao vien huong dan|"
    r"giang vien huong dan|can bo huong dan|hoc vien(?: thuc hien)?|sinh vien(?: thuc hien)?|"
    r"tac gia(?: lien he)?|major|code|specialization|supervisors?|advisors?|"
    r"(?:scientific )?instructors?|student|author|corresponding author|"
    r"ngay (?:nhan bai|nhan|gui bai|duyet dang|chap nhan|phan bien|sua bai|dang)|"
    r"(?:received|accepted|revised|published|available online)|"
    r"nguoi (?:viet|thuc hien)|by)\b\s*[:.]?"
)
_SUPERVISOR = re.compile(
    r"^(?:nguoi huong dan|giao vien huong dan|giang vien huong dan|can bo huong dan|"
    r"supervisors?|advisors?|(?:scientific )?instructors?)"
)
_AUTHOR_LABEL = re.compile(
    r"^(?:hoc vien(?: thuc hien)?|sinh vien(?: thuc hien)?|tac gia|nguoi (?:viet|thuc hien)|"
    r"student|author|by)\b\s*[:.]?\s*"
)
_PLACE_AND_YEAR = re.compile(
    r"^[^\W\d_][^\d,–-]{1,40}\s*(?:,|–|-|—)\s*(?:(?:thang|ngay)\s*[\d/ ]+(?:nam\s*)?|"
    r"[a-z]+\s+)?(?:19|20)\d{2}\s*$"
)
_BODY_START = re.compile(
    r"^(?:(?:\d{1,2}|[ivx]{1,4})\s*[.)]\s*)?(?:gioi thieu|mo dau|dat van de|introduction|"
    r"tong quan|chuong\s+(?:\d+|[ivx]+)|chapter\s+\d+|loi (?:cam doan|cam on|noi dau)|"
    r"declaration|acknowledge?ments?|muc luc|table of contents)\b"
)


def _is_body_heading(line: str) -> bool:
    """ "1. GIỚI THIỆU", "MỞ ĐẦU", "Chapter 1": a short line, not a sentence that starts so."""
    folded = squash(fold(line))
    return bool(_BODY_START.match(folded)) and len(folded) <= 60 and not folded.endswith(".")


_KEYWORD_LABEL = re.compile(r"^(?:tu khoa|keywords?|key words|index terms)\s*[:.]?\s*")
# Affiliation marks after an author's name: "Vân1*", "Bảy(1)", "A1,2", "B†".
_MARKS = re.compile(r"\(\s*\d{1,2}\s*\)|\d{1,2}(?:\s*,\s*\d{1,2}(?!\d))*|[*†‡#✉§¶]")
# An affiliation line opens with its mark: "1Khoa ...", "(2) Trường ...", "2 Viện ...".
_AFFILIATION_MARK = re.compile(
    r"(?:^|(?<=[;.]\s)|(?<=;))\s*(?:\((\d{1,2})\)|(\d{1,2}))\s*(?=[^\W\d_])"
)


# --------------------------------------------------------------------------- lines


def _key(line: str) -> str:
    """A line compared across pages: folded, digits and spacing dropped (page numbers vary)."""
    return re.sub(r"[\d\s.,:;–—-]+", " ", fold(line)).strip()


EDGE_LINES = 3  # running headers and footers are among a page's first or last lines


def running_lines(pages: list[str]) -> set[str]:
    """Keys of lines printed at the top or bottom of two or more of the first pages: running
    headers and footers (the journal and issue, the authors' names, the section)."""
    seen: dict[str, set[int]] = {}
    for number, page in enumerate(pages[:HEADER_PAGES]):
        lines = [line for line in page.split("\n") if line.strip()]
        edges = lines if len(lines) <= 2 * EDGE_LINES else lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        for line in edges:
            key = _key(line)
            if len(key) >= 4:
                seen.setdefault(key, set()).add(number)
    return {key for key, numbers in seen.items() if len(numbers) >= 2}


def _letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


def _mostly_upper(text: str) -> bool:
    """Capitals for the most part ("RESEARCH predicting ON THE SHELF-LIFE": a legacy font's
    case tricks or a stray word)."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and sum(char.isupper() for char in letters) >= 0.6 * len(letters)


def _is_upper(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def is_masthead(line: str, sections: bool = True) -> bool:
    """Journal name, issue, ISSN, DOI, e-mail; a section name too unless ``sections=False``
    (section names such as "Kỹ thuật" are also ordinary keywords)."""
    folded = squash(fold(line))
    if not folded:
        return True
    if _MASTHEAD.match(folded) or _ISSUE.search(folded):
        return True
    return sections and bool(_SECTION_NAMES.fullmatch(folded.strip(" .:-–")))


def _is_noise(line: str, running: set[str]) -> bool:
    folded = squash(fold(line))
    if _letters(line) < 2:
        return True  # separators ("**********", "———"), page numbers, stray marks
    if _key(line) in running or is_masthead(line):
        return True
    if _AUTHORITY.match(folded) or _PLACE_AND_YEAR.match(folded):
        return True
    return bool(_DEGREE.fullmatch(folded.strip(" .")))


def person_names(line: str) -> list[tuple[str, set[str]]] | None:
    """The people a line names, with their affiliation marks; None when it is not such a line.

    ``"Nguyễn Thị Hồng Vân1*, Lê Minh Tuấn2"`` -> ``[("Nguyễn Thị Hồng Vân", {"1"}), ...]``.
    Every comma-separated part must be a whole name: two to five capitalised words with a
    Vietnamese family name first, or two to four words printed in mixed case (other names);
    names in capitals come back in title case.
    """
    text = line.strip()
    label = _AUTHOR_LABEL.match(fold(text))
    if label:
        text = text[label.end() :]
    if ":" in text or re.search(r"\d{3,}|@", text):
        return None
    parts = re.split(r"\s*(?:,(?!\s*\d{1,2}\b)|;|\bvà\b|\band\b|&)\s*", text)
    people: list[tuple[str, set[str]]] = []
    for part in parts:
        marks = set(re.findall(r"\d{1,2}", part))
        bare = squash(_MARKS.sub(" ", part)).strip(" ,;")
        if not bare:
            continue
        _, bare = split_academic_title(bare)
        name, rest = name_prefix(bare)
        if not name or rest.strip(" ,;.") or not _plausible_name(name, bare):
            return None
        people.append((name, marks))
    return people or None


def _plausible_name(name: str, printed: str) -> bool:
    """Two to five words with a Vietnamese family name first; other names (two to four words)
    only when printed in mixed case: in capitals, "HẠT ĐIỀU" or "BINH THUAN PROVINCE" would
    pass for one."""
    tokens = name.split(" ")
    if fold(tokens[0]) in VIETNAMESE_SURNAMES:
        return 2 <= len(tokens) <= 5
    if _is_upper(printed):
        return False
    return 2 <= len(tokens) <= 4 and not _INSTITUTION.search(fold(name))


def _is_label_line(line: str) -> bool:
    folded = squash(fold(line))
    if _FRONT_LABEL.match(folded) and (":" in line or _SUPERVISOR.match(folded)):
        return True
    if _KEYWORD_LABEL.match(folded):
        return True
    match = match_label(line)
    return bool(match and ":" in line[: match.label_end + 1])


def _title_like(line: str, running: set[str]) -> bool:
    stripped = line.strip()
    if _is_noise(stripped, running) or _is_label_line(stripped):
        return False
    if _INSTITUTION.search(squash(fold(stripped))):
        return False
    if not _is_upper(stripped) and person_names(stripped):
        return False  # authors in mixed case; a line in capitals is judged in its block
    if _affiliations(stripped):
        return False
    letters = _letters(stripped)
    visible = len(re.sub(r"\s", "", stripped))
    return letters >= 0.6 * visible and len(stripped) <= 140


def _affiliations(line: str) -> dict[str, str]:
    """``"(1) Sở KH&CN; (2) Trường ĐH X"`` -> ``{"1": "Sở KH&CN", "2": "Trường ĐH X"}``; a line
    that does not open with a mark and an organisation gives ``{}``."""
    marks = list(_AFFILIATION_MARK.finditer(line))
    if not marks or marks[0].start() > 0 and line[: marks[0].start()].strip():
        return {}
    found: dict[str, str] = {}
    for index, match in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(line)
        text = line[match.end() : end].strip(" ;,.")
        if not _AFFILIATION_START.match(fold(text)):
            return {}
        found[match.group(1) or match.group(2)] = text
    return found


# --------------------------------------------------------------------------- front matter


class _Front:
    """The first page's lines, classified once."""

    def __init__(self, pages: list[str]):
        self.running = running_lines(pages)
        lines: list[str] = []
        page_of: list[int] = []
        for number, page in enumerate(pages[:FRONT_PAGES]):
            for line in page.split("\n"):
                if line.strip():
                    lines.append(line.strip())
                    page_of.append(number)
        self.lines, self.page_of = join_split_labels(lines, page_of)
        self.first = next((p for p in sorted(set(self.page_of)) if self._text_page(p)), 0)
        self.end = self._front_end()

    def _text_page(self, page: int) -> bool:
        return sum(1 for p in self.page_of if p == page) >= 4

    def _front_end(self) -> int:
        """Index of the first line past the title zone: the abstract, keywords or the body."""
        for index, line in enumerate(self.lines):
            if self.page_of[index] < self.first:
                continue
            if self.page_of[index] > self.first:
                return index
            folded = squash(fold(line))
            if heading_match(line, ABSTRACT_HEADINGS + ABSTRACT_EN_HEADINGS):
                return index
            if re.match(r"^(?:tom tat|abstract|summary)\s*[:.]", folded):
                return index
            if _KEYWORD_LABEL.match(folded) or _is_body_heading(line):
                return index
        return len(self.lines)

    def zone(self) -> range:
        start = self.page_of.index(self.first) if self.first in self.page_of else 0
        return range(start, self.end)


def _blocks(front: _Front) -> list[list[int]]:
    """Runs of consecutive title-like lines in the front zone; capitals vs mixed case splits."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for index in front.zone():
        line = front.lines[index]
        if not _title_like(line, front.running):
            if current:
                blocks.append(current)
            current = []
            continue
        if current and _is_upper(line) != _is_upper(front.lines[current[-1]]):
            if not (_is_upper(line) and len(line.split()) <= 2):  # "QUÝ" ending a caps title
                blocks.append(current)
                current = []
        current.append(index)
    if current:
        blocks.append(current)
    return blocks


def _author_in_capitals(line: str, edge: str) -> bool:
    """A line in capitals at the edge of a block of capitals that names its authors, not the
    end of the title: a thesis cover puts the author's name right above the title; a journal
    may print its authors in capitals, with marks or several names, under it. A single name
    under a title must have three words or more and not be a place ("PHAN THIẾT", "LA GI",
    "HỒ CHÍ MINH" end many titles)."""
    found = person_names(line)
    if not found or not _is_upper(line):
        return False
    if len(found) > 1 or found[0][1] or re.search(r"[*†‡]", line):
        return True
    name = found[0][0]
    if fold(name.split(" ")[0]) not in VIETNAMESE_SURNAMES or _is_place(name):
        return False
    return edge == "first" or len(name.split(" ")) >= 3


def _is_place(name: str) -> bool:
    folded = fold(name)
    if folded in {"ho chi minh", "ha noi", "hai phong", "da nang", "can tho"}:
        return True
    district, _ = match_place(name)
    return bool(district)


def _title_block(front: _Front) -> list[int]:
    blocks = []
    for block in _blocks(front):
        if block and _author_in_capitals(front.lines[block[0]], "first"):
            block = block[1:]
        if block and _author_in_capitals(front.lines[block[-1]], "last"):
            block = block[:-1]
        if block:
            blocks.append(block)
    if not blocks:
        return []
    return max(blocks, key=lambda block: (sum(_letters(front.lines[i]) for i in block), -block[0]))


def _authors(front: _Front, title: list[int], thesis: bool) -> list[tuple[str, set[str]]]:
    """Authors: the name lines right after the title (an article), joined while they still
    read as names (a superscript mark often lands on a line of its own: "Vân" / "1*" /
    ", Lê Minh Tuấn"); on a thesis cover, the one name line nearest above the title, else
    after it."""
    if not title:
        return []
    # names may be split one per line by their marks ("Vân1" / ", Lê Minh Tuấn2"), after a
    # parallel title in the other language
    after = range(title[-1] + 1, min(title[-1] + 16, front.end))
    before = range(title[0] - 1, max(front.zone().start, title[0] - 6) - 1, -1)
    if thesis:
        above: list[tuple[str, set[str]]] = []
        for index in before:
            found = person_names(front.lines[index])
            if found and len(found) == 1:
                above.insert(0, found[0])  # a thesis by two: one name a line, above the title
            elif above:
                break
        if above:
            return above
    text = ""
    people: list[tuple[str, set[str]]] = []
    for index in after:
        line = front.lines[index]
        candidate = f"{text} {line}".strip()
        found = person_names(candidate)
        if found is not None:
            text, people = candidate, found
            continue
        if not people and _is_noise(line, front.running):
            continue
        if not people and _mostly_upper(line) and _title_like(line, front.running):
            continue  # the title again in the other language, between the title and the names
        break
    return people


_STUDENT_LABEL = re.compile(
    r"^(?:sinh vien|hoc vien|tac gia|nhom (?:sinh vien|tac gia|nghien cuu)|students?|authors?)"
    r"(?: thuc hien)?\s*:?\s*$"
)
_STUDENT_ID = re.compile(r"^\s*\d{6,10}\s*[-–:]\s*|\s*[-–:]\s*\d{6,10}\s*$")


def _labelled_authors(front: _Front) -> list[tuple[str, set[str]]]:
    """Authors listed under a label of their own on a report's cover or at the end of a
    declaration ("Sinh viên thực hiện:" / "51203774 - Trương Hoài Thương", "Học viên" /
    "Nguyễn Hữu Khánh"), student numbers dropped. A supervisor printed in another column
    between them is passed over: only names that carry a student number, or the name right
    under the label, count."""
    people: list[tuple[str, set[str]]] = []
    for index, line in enumerate(front.lines):
        if not _STUDENT_LABEL.match(squash(fold(line))):
            continue
        misses = 0
        for offset, following in enumerate(front.lines[index + 1 : index + 10]):
            numbered = bool(_STUDENT_ID.search(following))
            bare = _STUDENT_ID.sub("", following)
            found = person_names(bare) if (numbered or offset == 0) else None
            if found:
                people.extend(found)
                misses = 0
                continue
            misses += 1
            if misses > 2:
                break
        if people:
            return people
    return people


def _affiliation_lines(front: _Front, start: int) -> dict[str, str]:
    """Marked affiliations after the authors ("1Khoa ...", "(2) Trường ..."), wrapped lines
    joined; an unmarked organisation line counts as the affiliation of every author ("")."""
    found: dict[str, str] = {}
    last: str | None = None
    for index in range(start, min(start + 8, front.end)):
        line = front.lines[index]
        marked = _affiliations(line)
        if marked:
            found.update(marked)
            last = list(marked)[-1]
            continue
        folded = squash(fold(line))
        if not found and _AFFILIATION_START.match(folded) and not _is_noise(line, front.running):
            found[""] = line.strip(" ;,.")
            last = ""
            continue
        if last is not None and line[:1].isalpha() and not _is_noise(line, front.running):
            if not _is_label_line(line) and len(line.split()) <= 4:
                found[last] = f"{found[last]} {line.strip(' ;,.')}"  # a wrapped affiliation
                continue
        if found:
            break
    return found


def _institution(front: _Front, haystack: str) -> str | None:
    """The degree-granting university on a thesis cover, with a wrapped last word joined."""
    for index in front.zone():
        line = front.lines[index]
        if not re.match(
            r"^(?:truong|dai hoc|hoc vien|vien|university|institute|academy|college)"
            r"|.*(?:university|institute|academy|college)$",
            squash(fold(line)),
        ):
            continue
        if index + 1 < len(front.lines) and _is_upper(line):
            nxt = front.lines[index + 1]
            if _is_upper(nxt) and len(nxt.split()) <= 2 and _letters(nxt) >= 2:
                if not person_names(nxt) and not _is_noise(nxt, front.running):
                    line = f"{line} {nxt}"
        return restore_case(squash(line), haystack)
    return None


def _section_text(lines: list[str], start: int, running: set[str], first: str = "") -> str:
    """An abstract: from its heading to the keywords, a heading, a line in capitals or a
    running header."""
    parts = [first] if first else []
    for line in lines[start:]:
        folded = squash(fold(line))
        if _KEYWORD_LABEL.match(folded) or _is_body_heading(line):
            break
        if heading_match(line, ABSTRACT_HEADINGS + ABSTRACT_EN_HEADINGS):
            break
        if _key(line) in running or is_masthead(line):
            break
        if _is_upper(line) and len(line.split()) >= 3:
            break
        parts.append(line.strip())
        if len(parts) > 60:
            break
    return squash(" ".join(parts))


def _abstracts(front: _Front) -> tuple[str | None, str | None, int | None]:
    """(abstract, English abstract, index of the English heading) from the first pages."""
    from indexer.detect import detect_language

    found: dict[str, str] = {}
    english_heading = None
    for index, line in enumerate(front.lines):
        folded = squash(fold(line))
        inline = re.match(r"^(tom tat|abstract|summary)\s*[:.]\s*(\S.*)$", folded)
        if inline:
            text = _section_text(front.lines, index + 1, front.running, line[inline.start(2) :])
        elif heading_match(line, ABSTRACT_HEADINGS + ABSTRACT_EN_HEADINGS):
            text = _section_text(front.lines, index + 1, front.running)
        else:
            continue
        if not text:
            continue
        language = detect_language(text)
        if language not in found:
            found[language] = text
            if language == "en":
                english_heading = index
    vietnamese = found.get("vi")
    english = found.get("en")
    return (vietnamese or english), (english if vietnamese else None), english_heading


ABSTRACT_PAGES = 12  # a thesis or report prints its abstract on a page of its own, early on


def _abstract_pages(pages: list[str], running: set[str]) -> dict[str, str]:
    """{language: abstract} from the pages after the front matter whose first line is an
    abstract heading ("TÓM TẮT", "Tóm tắt", "ABSTRACT"): a thesis's or report's own page."""
    from indexer.detect import detect_language

    found: dict[str, str] = {}
    for page in pages[FRONT_PAGES:ABSTRACT_PAGES]:
        lines = [line.strip() for line in page.split("\n") if line.strip()]
        if not lines:
            continue
        start = next(
            (i for i, line in enumerate(lines[:3]) if heading_match(line, ABSTRACT_HEADINGS
                                                                  + ABSTRACT_EN_HEADINGS)),
            None,
        )
        if start is None:
            continue
        text = _section_text(lines, start + 1, running)
        if len(text) >= 200:
            found.setdefault(detect_language(text), text)
    return found


def _keywords(front: _Front, language: str) -> list[str]:
    by_language: dict[str, list[str]] = {}
    for index, line in enumerate(front.lines):
        folded = squash(fold(line))
        match = _KEYWORD_LABEL.match(folded)
        if not match:
            continue
        value = line[match.end() :].strip()
        for nxt in front.lines[index + 1 : index + 3]:
            if not re.search(r"[,;]\s*$", value):
                break  # the list goes on below only after a separator that ends its line
            if _KEYWORD_LABEL.match(squash(fold(nxt))) or _is_upper(nxt):
                break
            if _is_noise(nxt, front.running) or _is_body_heading(nxt):
                break
            value = f"{value} {nxt}"
        words = split_keywords(value)
        kind = "en" if folded.startswith(("key", "index")) else "vi"
        if words and kind not in by_language:
            by_language[kind] = words
    return by_language.get(language) or by_language.get("vi") or by_language.get("en") or []


def _english_title(front: _Front, english_heading: int | None, haystack: str) -> str | None:
    """The English title printed above the English abstract of a Vietnamese article."""
    from indexer.detect import detect_language

    if english_heading is None:
        return None
    block: list[str] = []
    for index in range(english_heading - 1, max(-1, english_heading - 6), -1):
        line = front.lines[index]
        if not _title_like(line, front.running) or person_names(line):
            break
        block.insert(0, line)
    text = squash(" ".join(block))
    if not text or detect_language(text) != "en":
        return None
    return restore_case(text, haystack)


def is_thesis(pages: list[str]) -> bool:
    """Whether the first page names a thesis or dissertation ("LUẬN VĂN THẠC SĨ", "Thesis")."""
    first = next((page for page in pages[:2] if page.strip()), "")
    return bool(_THESIS.search(fold(first)))


def _matching_lines(front: _Front, printed: list[str]) -> list[int]:
    """Indices of the front lines that hold ``printed`` (lines of the page read with their
    type), in one run; [] when the text layer splits them otherwise."""
    target = re.sub(r"\W", "", fold("".join(printed)))
    for start in front.zone():
        joined = ""
        for end in range(start, min(start + 12, len(front.lines))):
            joined += re.sub(r"\W", "", fold(front.lines[end]))
            if joined == target:
                return list(range(start, end + 1))
            if not target.startswith(joined):
                break
    return []


_STATE_HEADER = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do|^so\s*:")
_SUBJECT = re.compile(r"^\W{0,3}(?:v/v|ve viec)\b\s*:?\s*")
_SUBJECT_END = re.compile(
    r"^\W{0,3}(?:.{0,30}ngay\s*\S{0,4}\s*thang|kinh gui|can cu|so\s*:|noi nhan|dieu \d|"
    r"(?:bo truong|chu tich|giam doc|tong bien tap)\b)"
)


_QUOTED_TITLE = re.compile(
    r"(?:ten )?(?:de tai|luan van|luan an|khoa luan)(?: (?:voi )?(?:ten|de tai))?\s*[:]?\s*"
    r"[“\"]([^”\"\n]{15,250}?)[”\"]"
)


def _quoted_title(pages: list[str]) -> str | None:
    """A title quoted in the declaration or the preface, when no page sets it apart: "tên đề
    tài “Nghiên cứu ...” là công trình ..." (a thesis without its cover)."""
    text = squash("\n".join(pages[:FRONT_PAGES]))
    match = _QUOTED_TITLE.search(fold(text))
    return squash(text[match.start(1) : match.end(1)]) if match else None


def _state_subject(pages: list[str]) -> str | None:
    """The subject line of a state document (công văn, quyết định): "V/v ..." or "Về việc ..."
    under the number or the document's name, wrapped over up to four lines, as its title."""
    lines = [line.strip() for line in (pages[0] if pages else "").split("\n") if line.strip()]
    head = [squash(fold(line)) for line in lines[:25]]
    if not any(_STATE_HEADER.search(line) for line in head[:8]):
        return None
    for index, folded in enumerate(head):
        match = _SUBJECT.match(folded)
        if not match:
            continue
        parts = [re.sub(r"^\W+", "", lines[index])]
        for offset in range(index + 1, min(index + 5, len(lines))):
            line = lines[offset]
            if (
                _SUBJECT_END.match(squash(fold(line)))
                or _letters(line) < 3
                or (_is_upper(line) and len(line.split()) <= 8)
            ):
                break
            parts.append(line)
        subject = squash(" ".join(parts)).strip(" .;,")
        return subject if _letters(subject) >= 12 else None
    return None


@dataclass
class ArticleFields:
    """What :func:`parse_article` read from a journal article or a thesis (``None`` or empty
    when not found), and where each field was read (``origins``: "typeset" set in the page's
    largest type, "layout" found by the page's structure, "label" after its printed label,
    "body" quoted in the text)."""

    document_kind: str = "article"  # or "thesis"
    title: str | None = None
    title_en: str | None = None
    # articles: every author as a member; theses: the author as principal investigator
    people: list[dict] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)  # as printed, also on each author
    host_organisation: str | None = None  # theses: the university
    abstract: str | None = None
    abstract_en: str | None = None
    keywords: list[str] = field(default_factory=list)
    origins: Origins = field(default_factory=dict)

    def to_record(self) -> dict:
        """The record draft's fields (keys absent when not found)."""
        record = {
            "title": self.title,
            "people": self.people,
            "affiliations": self.affiliations,
            "host_organisation": self.host_organisation,
            "abstract": self.abstract,
            "abstract_en": self.abstract_en,
            "title_en": self.title_en,
            "keywords": self.keywords,
        }
        return {key: value for key, value in record.items() if value}


def parse_article(pages: list[str], styled: list | None = None) -> ArticleFields:
    """The fields of a journal article or a thesis (:class:`ArticleFields`); ``styled`` are the
    first page's lines with their type (:func:`indexer.pdf_text.read_styled_lines`), for the
    title set in the largest type."""
    from indexer.detect import detect_language

    front = _Front(pages)
    haystack = "\n".join(pages[: FRONT_PAGES + 2])
    thesis = is_thesis(pages)
    result: dict = {"_document_kind": "thesis" if thesis else "article"}
    sources: dict[str, str] = {}
    page_of: dict[str, int] = {}

    title_lines = _title_block(front)
    typeset = None
    if styled:
        from indexer.layout_title import layout_title

        typeset = layout_title(styled, front.running)
    subject = _state_subject(pages)
    if subject:
        result["title"] = subject
        sources["title"] = "label"
        page_of["title"] = 0
    elif typeset:
        # the title as set in the page's largest type (indexer.layout_title)
        title, printed = typeset
        title_lines = (
            _matching_lines(front, printed) or _matching_lines(front, [title]) or title_lines
        )
        result["title"] = restore_case(title, haystack)
        sources["title"] = "typeset"
        page_of["title"] = front.first
    elif title_lines:
        title = squash(" ".join(front.lines[i] for i in title_lines)).strip(' .:;"“”')
        result["title"] = restore_case(title, haystack)
        sources["title"] = "layout"
        page_of["title"] = front.page_of[title_lines[0]]
    else:
        quoted = _quoted_title(pages)
        if quoted:
            result["title"] = quoted
            sources["title"] = "body"

    authors = _authors(front, title_lines, thesis) or _labelled_authors(front)
    last_author = title_lines[-1] if title_lines else front.zone().start
    if authors:
        for index in range(last_author + 1, front.end):
            if any(name.split(" ")[-1] in front.lines[index] for name, _ in authors):
                last_author = index
    affiliations = _affiliation_lines(front, last_author + 1) if authors and not thesis else {}
    people = []
    for position, (name, marks) in enumerate(authors):
        role = "principal_investigator" if thesis and position == 0 else "member"
        places = [affiliations[mark] for mark in sorted(marks) if mark in affiliations]
        if not places and "" in affiliations:
            places = [affiliations[""]]
        people.append(
            {"name": name, "role": role, "title": None, "affiliation": "; ".join(places) or None}
        )
    if people:
        result["people"] = people
        people_field = "principal_investigator" if thesis else "members"
        sources[people_field] = "layout"
        page_of[people_field] = front.first
    if affiliations:
        result["affiliations"] = list(dict.fromkeys(affiliations.values()))

    if thesis:
        host = _institution(front, haystack)
        if host:
            result["host_organisation"] = host
            sources["host_organisation"] = "layout"
            page_of["host_organisation"] = front.first

    abstract, abstract_en, english_heading = _abstracts(front)
    if not abstract:
        own_page = _abstract_pages(pages, front.running)
        abstract = own_page.get("vi") or own_page.get("en")
        abstract_en = own_page.get("en") if own_page.get("vi") else None
    if abstract:
        result["abstract"] = abstract
        sources["abstract"] = "label"  # under its heading
    if abstract_en:
        result["abstract_en"] = abstract_en
        sources["abstract_en"] = "label"
    title_en = _english_title(front, english_heading, haystack) if abstract_en else None
    if title_en and title_en != result.get("title"):
        result["title_en"] = title_en
        sources["title_en"] = "layout"

    language = detect_language(" ".join(pages[:FRONT_PAGES]))
    keywords = _keywords(front, language)
    if keywords:
        result["keywords"] = keywords
        sources["keywords"] = "label"

    return ArticleFields(
        document_kind=result.pop("_document_kind"),
        **result,
        origins=origins_of(sources, page_of),
    )


__all__ = [
    "ArticleFields",
    "is_masthead",
    "is_thesis",
    "parse_article",
    "person_names",
    "running_lines",
]
