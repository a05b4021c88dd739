"""Metadata out of the text of a final report (báo cáo tổng hợp) of an S&T task.

The parser reads *labelled values* (``Label: value``, or the label on one line and the value on
the next) wherever they are on the first pages, and knows three zones of a report:

* the **statistical sheet** ("BÁO CÁO THỐNG KÊ KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "PHIẾU THÔNG TIN"),
  the most complete and most carefully typed source: preferred;
* the **cover** and inner cover (first two pages): labelled values, else layout heuristics
  (the title follows the "BÁO CÁO TỔNG HỢP ..." heading, the host organisation heads the page);
* the rest of the first pages (labelled values only), and headed sections anywhere in the
  opening of the report (abstract, English abstract, keywords).

This module holds only what is particular to reports: the zones, the labelled blocks and which
of them each field is read from, and the cover's layout. Labels are matched by meaning
(:mod:`indexer.labels`): variants, accent-insensitive, with or without item numbers. Dates and
money are read by :mod:`indexer.values`; names, academic titles and member tables by
:mod:`indexer.people` (this module picks the labelled blocks they are read from: principal
investigator, secretary, members); the field of science, sectors and district by
:mod:`indexer.vocabulary_match`; a title printed in capitals is put back in its letter case by
:mod:`indexer.letter_case`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.labels import (
    ABSTRACT_EN_HEADINGS,
    ABSTRACT_HEADINGS,
    REPORT_TYPE_HEADINGS,
    STAT_SHEET_HEADINGS,
    compile_patterns,
    cut_at_inline_label,
    fold,
    heading_match,
    join_split_labels,
    match_label,
    split_keywords,
    squash,
)
from indexer.letter_case import restore_case
from indexer.parsed import Origins, origins_of
from indexer.people import parse_member_lines, person_from_text, title_from_words
from indexer.values import parse_date, parse_money, parse_period
from indexer.vocabulary_match import match_field_of_science, match_place, match_sectors

COVER_PAGES = 2
LABEL_PAGES = 8  # labelled values are looked for on the first pages only
SECTION_PAGES = 20  # headed sections (abstract, keywords) may come later
TAIL_PAGES = 4  # a statistical sheet appended at the end is looked for on the last pages

# --------------------------------------------------------------------------- zones and blocks


class Block:
    """A labelled value: the label's field, the value on its line, and the lines after it."""

    def __init__(
        self, field: str, value: str, following: list[str], page: int, line: str = "", width=0
    ):
        self.field = field
        self.value = value
        self.following = following
        self.page = page
        self.line = line  # the whole printed line the label is on
        self.width = width  # length of a full line of text on this page

    def wrapped(self, line: str, after: list[str] | None = None) -> bool:
        """Whether ``line`` fills its width, so that its sentence goes on below it.

        The label's own line is measured against the page's text width. The lines the value
        continues on are measured against the value's column: in a table the value sits in a
        column narrower than the page, and its wrapped lines are as long as its first line, not
        as long as the page is wide. ``after`` lists the continuation lines taken so far.
        """
        if not self.width:
            return False
        if not after:
            return len(line.strip()) >= 0.8 * self.width
        column = max([len(self.value.strip())] + [len(part.strip()) for part in after])
        return len(line.strip()) >= 0.8 * min(self.width, column)

    def text(self, max_lines: int = 0) -> str:
        """The value, continued on up to ``max_lines`` following lines (the next line if empty)."""
        if not self.value:
            return squash(" ".join(self.following[: max(1, max_lines)]))
        return squash(" ".join([self.value, *self.following[:max_lines]]))


_SECTION_STOP = re.compile(  # a numbered item ("9," where OCR read the dot as a comma)
    r"^\s*(?:[-–'\"“”‘’.·]+\s*)?(?:[ivx]{1,4}\s*[.)]|\d{1,2}(?:\.\d{1,2})*\s*[.,)])(?!\d)\s*\S"
)
_REPORT_HEADING_RE = compile_patterns(REPORT_TYPE_HEADINGS + STAT_SHEET_HEADINGS)
_SECTION_HEADING_RE = re.compile(
    r"^(?:[ivx\d]{1,4}\s*[.)]\s*)?(?:"
    + "|".join(ABSTRACT_HEADINGS + ABSTRACT_EN_HEADINGS)
    + r"|muc luc|mo dau|loi (?:mo dau|cam on|noi dau)"
    r"|danh (?:muc|sach) (?:cac )?(?:bang|hinh|tu viet tat|chu viet tat)"
    r"|chuong\s+(?:\d+|[ivx]+)|chapter\s+\d+|table of contents|introduction"
    r"|tai lieu tham khao|phu luc)"
    r"\s*[:.]?$"
)


_ROLE_CELL = re.compile(
    r"^\s*(?:(?:dong )?chu nhiem|thu ky|thanh vien)(?: (?:khoa hoc|chinh))?"
    r"(?: (?:nhiem vu|de tai|du an))?\s*$"
)
_PERSON_FIELDS = {"principal_investigator", "secretary", "members"}
_ROMAN_HEADING = re.compile(r"^\s*[IVX]{1,4}\s*[.)]\s*\S")


def _is_boundary(line: str, field: str | None = None) -> bool:
    """Whether ``line`` ends the value of a label of ``field`` begun above it."""
    if field == "members":
        label = match_label(line)
        if (
            label
            and (":" in line or label.field not in _PERSON_FIELDS)
            and not _ROLE_CELL.match(fold(line))
        ):
            return True  # a role cell of the table ("Chủ nhiệm dự" / "án") is not a label
        # a table or a numbered list of people: only a new label or a section ends it
        if _ROMAN_HEADING.match(line):
            return True
    else:
        if match_label(line):
            return True
        if field not in ("principal_investigator", "secretary") and match_label(line, "person"):
            return True
        if _SECTION_STOP.match(line):
            return True
    if _SECTION_HEADING_RE.match(fold(line).strip()):
        return True
    return bool(_REPORT_HEADING_RE.match(fold(line).strip()))


def _page_widths(lines: list[str], page_of: list[int]) -> dict[int, int]:
    """A full line's length on each page (90th percentile of line lengths)."""
    lengths: dict[int, list[int]] = {}
    for line, page in zip(lines, page_of, strict=True):
        lengths.setdefault(page, []).append(len(line.strip()))
    return {
        page: sorted(values)[min(len(values) - 1, int(len(values) * 0.9))]
        for page, values in lengths.items()
    }


def _blocks(lines: list[str], page_of: list[int], max_follow: int = 40) -> list[Block]:
    widths = _page_widths(lines, page_of)
    blocks: list[Block] = []
    queue = list(range(len(lines)))
    pending: dict[int, str] = {}
    for index in queue:
        line = pending.pop(index, lines[index])
        while line:
            match = match_label(line)
            if not match:
                break
            value = cut_at_inline_label(match.value)
            rest = match.value[len(value) :].strip() if value != match.value else ""
            following: list[str] = []
            if not rest:
                for nxt in lines[index + 1 : index + 1 + max_follow]:
                    if _is_boundary(nxt, match.field):
                        break
                    following.append(nxt.strip())
            page = page_of[index]
            blocks.append(
                Block(match.field, value.strip(), following, page, lines[index], widths[page])
            )
            line = rest
    return blocks


def _heading_index(lines: list[str], patterns: list[str]) -> int | None:
    regex = compile_patterns(patterns)
    for index, line in enumerate(lines):
        folded = fold(line).strip()
        match = regex.match(re.sub(r"^(?:[ivx\d]{1,4}\s*[.)]\s*)", "", folded))
        if re.search(r"(?:\.\s?){3,}\s*\d*$|\s\d{1,3}$", folded):
            continue  # a table-of-contents entry: "BÁO CÁO THỐNG KÊ ........ 3"
        if match and len(folded) < 120:
            return index
    return None


# --------------------------------------------------------------------------- fields


def _clean_title(text: str) -> str:
    text = squash(text)
    text = text.strip(" :;-–")
    quotes = "\"'“”‘’«»„"
    while len(text) > 1 and text[0] in quotes and text[-1] in quotes:
        text = text[1:-1].strip()
    if text and text[0] in quotes and text.count(text[0]) == 1:
        text = text[1:].strip()
    if text and text[-1] in quotes and sum(text.count(q) for q in quotes) == 1:
        text = text[:-1].strip()
    return text


# The place-and-date line that closes a cover: "Bình Thuận, tháng 5/2023", "Phan Thiết – 2017".
_PLACE_AND_YEAR = re.compile(
    r"^[^\W\d_][^\d,–-]{1,30}\s*(?:,|–|-|—)\s*(?:(?:thang|ngay)\s*[\d/ ]+(?:nam\s*)?)?"
    r"(?:19|20)\d{2}\s*$"
)


def _wrapped_text(block: Block, max_lines: int = 3) -> str:
    """The value and the lines it wrapped onto (a short line ends it); the next line if empty."""
    if not block.value:
        return squash(block.following[0]) if block.following else ""
    parts = [block.value]
    previous = block.line
    for line in block.following[:max_lines]:
        if not block.wrapped(previous, parts[1:]) or _PLACE_AND_YEAR.search(fold(line)):
            break
        parts.append(line)
        previous = line
    return squash(" ".join(parts))


def _language(text: str) -> str:
    from indexer.detect import detect_language

    return detect_language(text)


def _section(lines: list[str], start: int, stop_headings: list[str], max_lines: int = 80) -> str:
    collected: list[str] = []
    stop = compile_patterns(
        stop_headings
        + [
            r"muc luc",
            r"mo dau",
            r"chuong\s+(?:\d+|[ivx]+)",
            r"chapter\s+\d+",
            r"table of contents",
            r"danh (?:muc|sach)",
            r"tai lieu tham khao",
            r"loi cam on",
            r"ket luan",
        ]
    )
    for line in lines[start + 1 : start + 1 + max_lines]:
        folded = fold(line).strip()
        label = match_label(line)
        if label and label.field in ("keywords",):
            break
        if stop.match(re.sub(r"^(?:[ivx\d]{1,4}\s*[.)]\s*)", "", folded)) and len(folded) < 80:
            break
        collected.append(line.strip())
    return squash(" ".join(collected))


def _first(*values):
    for value in values:
        if value:
            return value
    return None


@dataclass
class ReportFields:
    """What :func:`parse_report` read from a final report (``None`` or empty when not found),
    and where each field was read (``origins``, keys as in
    :func:`indexer.evaluation.comparable_fields`)."""

    title: str | None = None
    title_en: str | None = None
    task_code: str | None = None
    host_organisation: str | None = None
    parent_agency: str | None = None
    people: list[dict] = field(default_factory=list)
    field_of_science: str | None = None
    dates: dict[str, str] = field(default_factory=dict)  # start, end, accepted
    budget: dict[str, int] = field(default_factory=dict)  # total_vnd, state_vnd
    place: dict[str, str] | None = None  # district, label
    keywords: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    abstract: str | None = None
    abstract_en: str | None = None
    origins: Origins = field(default_factory=dict)

    def to_record(self) -> dict:
        """The record draft's fields (keys absent when not found)."""
        record = {
            "title": self.title,
            "title_en": self.title_en,
            "identifiers": {"task_code": self.task_code} if self.task_code else None,
            "host_organisation": self.host_organisation,
            "parent_agency": self.parent_agency,
            "people": self.people,
            "field_of_science": self.field_of_science,
            "dates": self.dates,
            "budget": self.budget,
            "place": self.place,
            "keywords": self.keywords,
            "sectors": self.sectors,
            "abstract": self.abstract,
            "abstract_en": self.abstract_en,
        }
        return {key: value for key, value in record.items() if value}


def parse_report(pages: list[str]) -> ReportFields:
    """The fields of a final report's text (:class:`ReportFields`): title and English title,
    task code, host organisation and parent agency, people (principal investigator, secretary,
    members), field of science, dates (start, end, accepted), budget (total, state share), place,
    keywords, sectors, abstracts."""
    return _ReportReader(pages).read()


class _ReportReader:
    """One report's opening pages: its lines, its labelled blocks by zone (statistical sheet,
    cover, body), and where each field was read, one method per field."""

    def __init__(self, pages: list[str]):
        self.pages = pages
        self.lines, self.page_of = _page_lines(pages[:SECTION_PAGES])
        self.lines, self.page_of = join_split_labels(self.lines, self.page_of)
        label_lines = sum(1 for page in self.page_of if page < LABEL_PAGES)
        self.head, self.head_pages = self.lines[:label_lines], self.page_of[:label_lines]
        self.stat_page = self._statistical_sheet()
        self.by_field: dict[str, list[Block]] = {}
        for block in sorted(_blocks(self.head, self.head_pages), key=self.zone):
            self.by_field.setdefault(block.field, []).append(block)
        self.all_text = "\n".join(pages[:SECTION_PAGES])
        self.sources: dict[str, str] = {}
        self.field_pages: dict[str, int] = {}
        # {field: True (two labels agree) | False (two labels disagree) | "heuristic" (a label
        # and the cover's layout disagree)}
        self.agreement: dict[str, bool | str] = {}

    # ------------------------------------------------------------------ zones and provenance

    def _statistical_sheet(self) -> int | None:
        """The page the statistical sheet starts on; a sheet appended at the end (some reports
        put it there) is added to the head lines."""
        start = _heading_index(self.head, STAT_SHEET_HEADINGS)
        if start is not None:
            return self.head_pages[start]
        if len(self.pages) <= LABEL_PAGES:
            return None
        first_tail_page = max(LABEL_PAGES, len(self.pages) - TAIL_PAGES)
        tail, tail_pages = _page_lines(self.pages[first_tail_page:], first_tail_page)
        tail_start = _heading_index(tail, STAT_SHEET_HEADINGS)
        if tail_start is None:
            return None
        self.head = self.head + tail[tail_start:]
        self.head_pages = self.head_pages + tail_pages[tail_start:]
        return tail_pages[tail_start]

    def zone(self, block: Block) -> int:
        """0 the statistical sheet, 1 the cover and inner cover, 2 the body."""
        if self.stat_page is not None and self.stat_page <= block.page <= self.stat_page + 2:
            return 0
        if block.page < COVER_PAGES:
            return 1
        return 2

    def first_block(self, name: str, predicate=None) -> Block | None:
        for block in self.by_field.get(name, []):
            if (block.value or block.following) and (predicate is None or predicate(block)):
                return block
        return None

    def found(self, name: str, block: Block | None, source: str | None = None) -> None:
        """Remember where ``name`` was read: the zone of its label, or a heuristic."""
        self.sources[name] = source or _ZONE_SOURCES[self.zone(block)]
        if block is not None:
            self.field_pages[name] = block.page

    def cross_check(self, name: str, chosen: Block | None, value: str | None, read) -> None:
        """Compare with the same label in the other zone (statistical sheet vs cover)."""
        if chosen is None or not value:
            return
        for block in self.by_field.get(name, []):
            if block is chosen or self.zone(block) == self.zone(chosen) or self.zone(block) == 2:
                continue
            other = read(block)
            if other:
                exact = name in ("task_code", "principal_investigator")
                self.agreement[name] = _agree(value, other, exact)
                return

    # ------------------------------------------------------------------ fields

    def read(self) -> ReportFields:
        result = ReportFields()
        printed_title, title_block = self.title()
        if printed_title:
            result.title = restore_case(printed_title, self.all_text)
        result.title_en = self.title_en(printed_title, title_block)
        result.task_code = self.task_code()
        result.host_organisation = self.host_organisation()
        result.parent_agency = self.parent_agency()
        result.people = self.people()
        result.field_of_science = self.field_of_science()
        result.dates = self.dates()
        result.budget = self.budget()
        result.place = self.place()
        result.keywords = self.keywords()
        result.sectors = self.sectors(result.title, result.keywords)
        result.abstract, result.abstract_en = self.abstracts(result.title_en)
        result.origins = origins_of(self.sources, self.field_pages, self.agreement)
        return result

    def title(self) -> tuple[str | None, Block | None]:
        """The title as printed (its case not yet restored) and the block it was read from: a
        label on the statistical sheet or the cover, else the cover's heading, else any label."""
        title_block = self.first_block("title", lambda b: self.zone(b) < 2) or None
        title = _clean_title(_title_text(title_block)) if title_block else None
        if title:
            self.found("title", title_block)
            self.cross_check("title", title_block, title, lambda b: _clean_title(_title_text(b)))
            cover_title = _clean_title(_cover_title(self.head, self.head_pages) or "")
            if "title" not in self.agreement and cover_title and self.zone(title_block) == 0:
                # the cover's heading is read by position, not by a label: a weaker witness
                self.agreement["title"] = True if _agree(title, cover_title) else "heuristic"
        if not title:
            title = _clean_title(_cover_title(self.head, self.head_pages) or "")
            if title:
                self.found("title", None, "heuristic")
                self.field_pages["title"] = 0
        if not title:
            title_block = self.first_block("title")
            title = _clean_title(_title_text(title_block)) if title_block else None
            if title:
                self.found("title", title_block)
        return title, title_block

    def title_en(self, title: str | None, title_block: Block | None) -> str | None:
        english_block = self.first_block("title_en")
        if english_block:
            self.found("title_en", english_block)
            return _clean_title(_title_text(english_block))
        if title and _language(title) == "vi":
            # "Title: ..." printed with the English abstract
            for block in self.by_field.get("title", []):
                english = _clean_title(_title_text(block))
                if english and block is not title_block and _language(english) == "en":
                    self.found("title_en", block)
                    return english
        return None

    def task_code(self) -> str | None:
        block = self.first_block("task_code", lambda b: bool(_code_value(b.text())))
        if not block:
            return None
        code = _code_value(block.text())
        self.found("task_code", block)
        self.cross_check("task_code", block, code, lambda b: _code_value(b.text()))
        return code

    def host_organisation(self) -> str | None:
        block = self.first_block("host_organisation", lambda b: bool(_org_value(_wrapped_text(b))))
        if block:
            host = _org_value(_wrapped_text(block))
            self.found("host_organisation", block)
            self.cross_check(
                "host_organisation", block, host, lambda b: _org_value(_wrapped_text(b))
            )
            return host
        cover_host = _cover_host(self.head, self.head_pages)
        if not cover_host:
            return None
        self.found("host_organisation", None, "heuristic")
        self.field_pages["host_organisation"] = 0
        return restore_case(cover_host, self.all_text)

    def parent_agency(self) -> str | None:
        block = self.first_block("parent_agency", lambda b: bool(_org_value(_wrapped_text(b))))
        if not block:
            return None
        self.found("parent_agency", block)
        return _org_value(_wrapped_text(block))

    def people(self) -> list[dict]:
        origins: dict[str, Block] = {}
        people = _people(self.by_field, origins)
        if not people:
            return []
        for name, block in origins.items():
            self.found(name, block)
        investigator = next((p for p in people if p["role"] == "principal_investigator"), None)
        if investigator and "principal_investigator" in origins:
            if investigator.get("title"):
                self.found("principal_investigator_title", origins["principal_investigator"])
            self.cross_check(
                "principal_investigator",
                origins["principal_investigator"],
                investigator["name"],
                lambda b: (_person_block(b, "principal_investigator") or {}).get("name"),
            )
        return people

    def field_of_science(self) -> str | None:
        for block in self.by_field.get("field_of_science", []):
            code = match_field_of_science(block.text())  # its own line: the next may start "13"
            if code:
                self.found("field_of_science", block)
                return code
        return None

    def dates(self) -> dict[str, str]:
        dates: dict = {}
        for block in self.by_field.get("duration", []):
            start, end = parse_period(block.text(2))
            if start:
                dates["start"], dates["end"] = start, end
                self.found("start", block)
                if end:
                    self.found("end", block)
                break
        for name in ("start", "end", "accepted"):
            if dates.get(name):
                continue
            for block in self.by_field.get(name, []):
                value = parse_date(block.text(1))
                if value:
                    dates[name] = value
                    self.found(name, block)
                    break
        if not dates.get("accepted"):
            accepted = _acceptance_in_text(self.head)
            if accepted:
                dates["accepted"] = accepted
                self.found("accepted", None, "heuristic")
        return {key: value for key, value in dates.items() if value}

    def budget(self) -> dict[str, int]:
        budget: dict = {}
        for block in self.by_field.get("budget_total", []):
            amount = parse_money(block.value) or (
                None if block.value else parse_money(block.text(1))
            )
            if amount:
                budget["total_vnd"] = amount
                self.found("budget_total_vnd", block)
                # "Tổng kinh phí: 1.250 triệu đồng, trong đó NSNN: 850 triệu đồng" on one line
                inline_state = re.search(r"(?:ngan sach|nsnn|state budget)", fold(block.text(2)))
                if inline_state:
                    state = parse_money(block.text(2)[inline_state.end() :])
                    if state and state <= amount:
                        budget["state_vnd"] = state
                        self.found("budget_state_vnd", block)
                break
        for block in self.by_field.get("budget_state", []):
            amount = parse_money(block.text(1))
            if amount and "state_vnd" not in budget:
                budget["state_vnd"] = amount
                self.found("budget_state_vnd", block)
                break
        return budget

    def place(self) -> dict[str, str] | None:
        for block in self.by_field.get("place", []):
            district, label = match_place(block.text(2))
            if district:
                self.found("district", block)
                return {"district": district, "label": label}
        return None

    def keywords(self) -> list[str]:
        block = self.first_block("keywords")
        keywords = split_keywords(_keyword_text(block)) if block else []
        if keywords:
            self.found("keywords", block)
            return keywords
        keywords = _keywords_anywhere(self.lines)
        if keywords:
            self.found("keywords", None, "body")
        return keywords

    def sectors(self, title: str | None, keywords: list[str]) -> list[str]:
        """The sectors the title or the keywords name (the full text mentions too many)."""
        sectors = match_sectors(" . ".join([title or "", " ; ".join(keywords)]))
        if sectors:
            self.found("sectors", None, "heuristic")
        return sectors

    def abstracts(self, title_en: str | None) -> tuple[str | None, str | None]:
        abstract, abstract_en = _abstracts(self.lines, self.by_field)
        if abstract_en and title_en:
            # the English abstract often opens with "Title: <English title>"
            lead = re.match(r"^(?:title|project title)\s*:\s*", abstract_en, re.IGNORECASE)
            if lead and abstract_en[lead.end() :].startswith(title_en):
                rest = abstract_en[lead.end() + len(title_en) :]
                # what separated the title from the text (". ", ": ", a scan's "_:") goes with it
                abstract_en = rest.lstrip(" _:;,.-–—|") or None
        for name, text in (("abstract", abstract), ("abstract_en", abstract_en)):
            if text:
                self.sources.setdefault(name, "label")  # under its heading ("TÓM TẮT")
        return abstract, abstract_en


def _page_lines(pages: list[str], first: int = 0) -> tuple[list[str], list[int]]:
    """The non-empty lines of ``pages`` and the page index of each (``first`` the first's)."""
    lines: list[str] = []
    page_of: list[int] = []
    for number, page in enumerate(pages, start=first):
        for line in page.split("\n"):
            if line.strip():
                lines.append(line.rstrip())
                page_of.append(number)
    return lines, page_of


# Where a labelled value was read, by zone (see parse_report): the statistical sheet is the
# most carefully typed source, then the cover and inner cover, then labels in the body.
_ZONE_SOURCES = {0: "sheet", 1: "cover", 2: "body"}


def _agree(one: str, other: str, exact: bool = False) -> bool:
    """Whether two readings of a field say the same (case, accents, quotes and spacing aside).

    Texts (titles, organisations) may differ a little: one may be a shortened form of the other,
    as covers shorten long titles, or differ by a typo. Codes and names (``exact``) may not:
    "BT-01-2020" and "BT-07-2020" are two tasks.
    """
    from difflib import SequenceMatcher

    a = squash(re.sub(r"[\"'“”‘’«».,:;()]", " ", fold(one)))
    b = squash(re.sub(r"[\"'“”‘’«».,:;()]", " ", fold(other)))
    if not a or not b or a == b:
        return True
    if exact:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.9


# A line that is only a remark in brackets, or opens one that runs onto the next line.
_REMARK_LINE = re.compile(r"^\s*\((?:[^()]*\)\s*[.:;,]?\s*$|[^()]*$)")


def _title_text(block: Block) -> str:
    """A title may run over several lines; stop at a line that opens something else."""
    parts = [block.value] if block.value else []
    previous = block.line
    for line in block.following[:4]:
        folded = fold(line).strip()
        if block.value and not block.wrapped(previous, parts[1:]):
            break  # the title ended on a short line: what follows is something else
        if block.value and _starts_sentence(previous, line):
            break
        previous = line
        if re.match(r"^\(?(?:thuoc|ma so|chu nhiem|chuong trinh)", folded):
            break
        if parts and _REMARK_LINE.match(line):
            break  # "(Thuộc Chương trình ...)" under the title; "(Tên khoa học) trong ..." goes on
        parts.append(line)
        if parts and re.search(r"[\"”»]\s*$", parts[-1]) and len(parts) > 1:
            break
    return " ".join(parts)


_ENGLISH_CONNECTORS = {
    "a",
    "an",
    "and",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "under",
    "over",
    "using",
    "via",
    "towards",
    "between",
    "among",
}


def _starts_sentence(previous: str, line: str) -> bool:
    """An English title does not go on with a capitalised line unless the break was mid-phrase."""
    words = previous.split()
    if not words or not line[:1].isupper() or _language(previous) != "en":
        return False
    last = words[-1]
    return last.lower() not in _ENGLISH_CONNECTORS and not last[:1].isupper()  # "in Ham / Tan"


def _code_value(text: str) -> str | None:
    text = squash(text)
    match = re.match(r"^([A-Za-zĐđ0-9][\w./&\-–:]*(?:\s?[-/]\s?[\w./&]+)*)", text)
    if not match:
        return None
    code = match.group(1).rstrip(".,;:")
    if not re.search(r"\d", code) or len(code) < 3:
        return None
    if re.fullmatch(r"(?:19|20)\d{2}", code):
        return None
    return code


def _org_value(text: str) -> str | None:
    text = squash(text)
    # "Trường Đại học Phan Thiết - Địa chỉ: ..." / "... Điện thoại: ..."
    text = re.split(
        r"\s*(?:[-–,;]\s*)?\b(?:Địa chỉ|Điện thoại|ĐT|Fax|Email|E-mail|Website|Address|Tel|Phone)"
        r"\b\s*:?",
        text,
    )[0]
    text = text.strip(" ,;-–:.")
    if len(text) < 3 or not re.search(r"[^\W\d_]{2}", text):
        return None
    return text


_COVER_SKIP = re.compile(
    r"^(?:uy ban nhan dan|ubnd|so khoa hoc|bo khoa hoc|cong hoa xa hoi|doc lap|bo |tinh |"
    r"bao cao|ket qua|nhiem vu|de tai|du an|chuong trinh|cap (?:tinh|co so|bo|quoc gia))"
)
_ORG_START = re.compile(
    r"^(?:truong|vien|trung tam|cong ty|chi cuc|benh vien|hoi |hiep hoi|dai hoc|hoc vien|"
    r"phong |ban quan ly|hop tac xa|lien hiep|doanh nghiep|tong cong ty|university|institute|"
    r"centre|center|company)"
)


def _cover_host(lines: list[str], pages: list[int]) -> str | None:
    """The organisation that heads the cover ("TRƯỜNG ĐẠI HỌC ...") when no label names it."""
    for line, page in zip(lines, pages, strict=False):
        if page > 0:
            break
        folded = fold(line).strip()
        if _REPORT_HEADING_RE.match(folded):
            break
        if _ORG_START.match(folded) and not _COVER_SKIP.match(folded):
            return squash(line)
    return None


_REPORT_CONTINUATION = re.compile(
    r"^(?:ket qua )?(?:thuc hien )?"
    r"(?:(?:nhiem vu|de tai|du an|de an)(?:\s*/\s*(?:nhiem vu|de tai|du an))*)?"
    r"(?: san xuat thu nghiem| sxtn| ung dung| chuyen giao(?: cong nghe)?)?"
    r"(?: (?:nghien cuu )?khoa hoc(?: va cong nghe)?| kh&cn| khcn)?"
    r"(?: cap (?:tinh|co so|bo|quoc gia|nha nuoc))?$"
)


def _cover_title(lines: list[str], pages: list[int]) -> str | None:
    """The title that follows the "BÁO CÁO TỔNG HỢP ..." heading on the cover."""
    start = None
    for index, (line, page) in enumerate(zip(lines, pages, strict=False)):
        if page >= COVER_PAGES:
            break
        if _REPORT_HEADING_RE.match(fold(line).strip()):
            start = index
            break
    if start is None:
        return None
    collected: list[str] = []
    for line, page in zip(lines[start + 1 :], pages[start + 1 :], strict=False):
        folded = fold(line).strip()
        if page != pages[start]:
            break
        if not collected and (_REPORT_CONTINUATION.match(folded) or not folded):
            continue
        if _is_boundary(line) or re.match(r"^(?:\(?thuoc|ma so|chu nhiem|co quan|to chuc)", folded):
            break
        if _PLACE_AND_YEAR.search(folded):
            break
        collected.append(line)
        if len(collected) >= 4 or re.search(r"[\"”»]\s*$", line):
            break
    return squash(" ".join(collected)) or None


def _people(by_field: dict[str, list[Block]], origins: dict | None = None) -> list[dict]:
    """The principal investigator, the secretary and the members; ``origins`` receives the
    block each of them was read from (keys as in ``indexer.evaluation.comparable_fields``)."""
    people: list[dict] = []
    origins = {} if origins is None else origins

    def add(person: dict | None):
        if not person:
            return
        for existing in people:
            if fold(existing["name"]) == fold(person["name"]):
                for key in ("title", "affiliation"):
                    existing[key] = existing.get(key) or person.get(key)
                if existing["role"] == "member" and person["role"] != "member":
                    existing["role"] = person["role"]
                return
        people.append(person)

    for label, role in (
        ("principal_investigator", "principal_investigator"),
        ("secretary", "secretary"),
    ):
        for block in by_field.get(label, []):
            person = _person_block(block, role)
            if person:
                add(person)
                origins[label] = block
                break
    for block in by_field.get("members", []):
        lines = ([block.value] if block.value else []) + block.following
        found = parse_member_lines(lines)
        if found:
            for person in found:
                add(person)
            for person in people:
                label = "members" if person["role"] == "member" else person["role"]
                origins.setdefault(label, block)
            break
    return people


def _person_block(block: Block, role: str) -> dict | None:
    person = None
    if block.value:
        value = re.split(r"\s+(?:[-–]\s+|\(|,\s*(?=[A-ZĐ]))", block.value, maxsplit=1)
        person = person_from_text(value[0], role)
        if person and len(value) > 1 and not person.get("affiliation"):
            person["affiliation"] = _org_value(value[1].rstrip(")")) if len(value) > 1 else None
    # "Chủ nhiệm nhiệm vụ:" then "Họ và tên: ...", "Học hàm, học vị: ...", "Tổ chức: ..."
    details: dict[str, str] = {}
    for line in block.following[:12]:
        sub = match_label(line, "person")
        if sub and sub.field not in details:
            details[sub.field] = sub.value
    if not person and details.get("name"):
        person = person_from_text(details["name"], role)
    if not person and not block.value and block.following:
        person = person_from_text(block.following[0], role)
    if person:
        if not person.get("title") and details.get("title"):
            person["title"] = title_from_words(details["title"])
        if not person.get("affiliation") and details.get("affiliation"):
            person["affiliation"] = _org_value(details["affiliation"])
    return person


def _acceptance_in_text(lines: list[str]) -> str | None:
    """ "... được nghiệm thu ngày 15 tháng 12 năm 2020" in running text (the date may wrap)."""
    for index, line in enumerate(lines):
        text = line if index + 1 >= len(lines) else f"{line} {lines[index + 1].strip()}"
        match = re.search(
            r"nghiem thu(?: chinh thuc)?(?: vao)? ngay|ngay nghiem thu", fold(text[: len(line)])
        )
        if match:
            found = parse_date(text[match.end() : match.end() + 40])
            if found and len(found) == 10:
                return found
    return None


def _keyword_text(block: Block) -> str:
    parts = [block.value] if block.value else block.following[:1]
    following = block.following if block.value else block.following[1:]
    previous = block.line if block.value else (parts[0] if parts else "")
    for line in following[:3]:
        if not parts or not (
            re.search(r"[,;]\s*$", parts[-1]) or block.wrapped(previous, parts[1:])
        ):
            break
        parts.append(line)
        previous = line
    return " ".join(parts)


def _keywords_anywhere(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        match = match_label(line)
        if match and match.field == "keywords":
            value = match.value or (lines[index + 1] if index + 1 < len(lines) else "")
            return split_keywords(value)
    return []


def _abstracts(lines: list[str], by_field: dict[str, list[Block]]) -> tuple[str | None, str | None]:
    abstract = abstract_en = None
    for index, line in enumerate(lines):
        if abstract_en is None and heading_match(line, ABSTRACT_EN_HEADINGS):
            abstract_en = _section(lines, index, ABSTRACT_HEADINGS + ABSTRACT_EN_HEADINGS) or None
        elif abstract is None and heading_match(line, ABSTRACT_HEADINGS):
            abstract = _section(lines, index, ABSTRACT_HEADINGS + ABSTRACT_EN_HEADINGS) or None
    if abstract is None:
        # "Tóm tắt: ..." as a labelled item of the statistical sheet
        for block in by_field.get("abstract_label", []):
            text = block.text(20)
            if text:
                abstract = text
                break
    if abstract and not abstract_en and _language(abstract) == "en":
        # a Vietnamese report whose only summary is in English
        abstract, abstract_en = None, abstract
    return abstract, abstract_en
