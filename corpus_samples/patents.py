"""Render the patent and utility-solution documents of ``patent_data`` to PDF.

    build(out) -> list[dict]   # writes out/patents/<application number>.pdf

Vietnamese documents imitate IP Vietnam's printed style: the state and office header, the (12)
document kind, then INID-coded items, either "(NN) Label: value" on one run, the label on one
line and the value below, or in two columns. English documents (national-phase style) have a
US/EP-like front page in two columns: bibliography on the left, the (57) abstract on the right,
on the same baseline grid, so a text extractor that reads by lines interleaves the columns.
Description and claims follow on later pages. Ground truth comes from the same data objects.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from patent_data import DOCUMENTS, Inventor, Party, PatentDocument
from pdf_style import PAGE_HEIGHT, PAGE_WIDTH, new_canvas, text_width

SUBDIR = "patents"

LEFT = 56.0
RIGHT = PAGE_WIDTH - 56.0
WIDTH = RIGHT - LEFT
TOP = PAGE_HEIGHT - 60.0
BOTTOM = 64.0
GUTTER = 20.0
COLUMN = (WIDTH - GUTTER) / 2
CODE_WIDTH = 30.0  # "(21)" then the label/value

FONT = "Serif"
BOLD = "Serif-Bold"
ITALIC = "Serif-Italic"
SIZE = 10.0
LEADING = 13.0

MONTHS_EN = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.",
             "Nov.", "Dec."]

APPLICATION = re.compile(r"^([1-4])-(\d{4})-(\d{5})$")
GRANT = {"patent": re.compile(r"^1-00\d{5}$"), "utility_solution": re.compile(r"^2-000\d{4}$")}
KIND_DIGIT = {"patent": "1", "utility_solution": "2"}


# --------------------------------------------------------------------------- small helpers


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    return " ".join(text.split())


GLUE = "\u00a0"  # keeps an IPC symbol and its version on one line; printed as a space
IPC_PRINTED = re.compile(r"\b([A-H]\d{2}[A-Z]) (\d{1,4}/\d{2,6})(?: (\(\d{4}\.\d{2}\)))?")


def glue_ipc(text: str) -> str:
    return IPC_PRINTED.sub(lambda m: GLUE.join(part for part in m.groups() if part), text)


def wrap(text: str, font: str, size: float, width: float,
         first_width: float | None = None) -> list[str]:
    """Greedy wrap at single spaces only (a word is never split; ``GLUE`` holds words together)."""
    lines: list[str] = []
    current = ""
    for word in glue_ipc(text).split(" "):
        if not word:
            continue
        limit = first_width if (first_width is not None and not lines) else width
        candidate = f"{current} {word}" if current else word
        if not current or text_width(candidate, font, size) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return [line.replace(GLUE, " ") for line in lines]


def vi_date(iso: str, style: str) -> str:
    year, month, day = iso.split("-")
    separator = "/" if style == "slash" else "."
    return f"{day}{separator}{month}{separator}{year}"


def en_date(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{MONTHS_EN[month - 1]} {day}, {year}"


def validate(doc: PatentDocument) -> None:
    """Refuse data that would make wrong ground truth (numbers, dates, counts)."""
    where = doc.application_number
    match = APPLICATION.match(doc.application_number)
    assert match and match.group(1) == KIND_DIGIT[doc.kind], where
    assert match.group(2) == doc.filed[:4], where
    assert doc.filed < doc.published, where
    assert (doc.granted is None) == (doc.patent_number is None), where
    if doc.granted:
        assert doc.published < doc.granted, where
        assert GRANT[doc.kind].match(doc.patent_number), where
    assert 1 <= len(doc.ipc) <= 3 and 2 <= len(doc.inventors) <= 5, where
    assert 3 <= len(doc.claims) <= 6, where
    assert 80 <= len(doc.abstract.split()) <= 150, where
    assert doc.language in ("vi", "en") and doc.layout in ("inline", "stacked", "two_column")
    if doc.language == "en":
        assert doc.layout == "two_column", where


# --------------------------------------------------------------------------- labels

VI = {
    "11": "Số bằng độc quyền",
    "21": "Số đơn",
    "22": "Ngày nộp đơn",
    "43": "Ngày công bố đơn",
    "45": "Ngày công bố bằng",
    "51": "Phân loại sáng chế quốc tế (IPC)",
    "71": "Người nộp đơn",
    "73": "Chủ bằng độc quyền",
    "74": "Đại diện SHCN",
    "57": "Tóm tắt",
}
VI_KIND = {
    "patent": {"noun": "sáng chế", "NOUN": "SÁNG CHẾ"},
    "utility_solution": {"noun": "giải pháp hữu ích", "NOUN": "GIẢI PHÁP HỮU ÍCH"},
}
EN = {
    "11": "Patent No.:",
    "21": "Appl. No.:",
    "22": "Filed:",
    "43": "Pub. Date:",
    "45": "Date of Patent:",
    "51": "Int. Cl.:",
    "54": "Title:",
    "71": "Applicant:",
    "72": "Inventors:",
    "73": "Assignee:",
    "74": "Agent:",
}


def vi_kind_heading(doc: PatentDocument) -> str:
    noun = VI_KIND[doc.kind]["NOUN"]
    return f"BẰNG ĐỘC QUYỀN {noun}" if doc.granted else f"CÔNG BỐ ĐƠN ĐĂNG KÝ {noun}"


def en_kind_heading(doc: PatentDocument) -> str:
    noun = "PATENT" if doc.kind == "patent" else "UTILITY SOLUTION"
    return f"{noun} SPECIFICATION" if (doc.granted and doc.kind == "patent") else (
        noun if doc.granted else f"{noun} APPLICATION"
    )


def vi_party(party: Party, style: str) -> str:
    if style == "lines":
        return f"{party.name} ({party.country})\n{party.address}"
    return f"{party.name} ({party.country}), {party.address}"


def vi_inventor(inventor: Inventor) -> str:
    name = f"{inventor.title} {inventor.name}" if inventor.title else inventor.name
    return f"{name} ({inventor.country})"


def vi_inventors(doc: PatentDocument) -> str:
    names = [vi_inventor(inventor) for inventor in doc.inventors]
    separator = {"comma": ", ", "semicolon": "; ", "lines": "\n"}[doc.inventor_style]
    return separator.join(names)


def vi_ipc(doc: PatentDocument, one_per_line: bool) -> str:
    parts = [f"{symbol} ({version})" for symbol, version in doc.ipc]
    return ("\n" if one_per_line else "; ").join(parts)


def vi_items(doc: PatentDocument) -> list[tuple[str, str, str]]:
    """``(code, label, value)`` in printing order; ``\\n`` in a value forces a line break."""
    items = []
    if doc.patent_number:
        items.append(("11", VI["11"], doc.patent_number))
    items.append(("21", VI["21"], doc.application_number))
    items.append(("22", VI["22"], vi_date(doc.filed, doc.date_style)))
    items.append(("43", VI["43"], vi_date(doc.published, doc.date_style)))
    if doc.granted:
        items.append(("45", VI["45"], vi_date(doc.granted, doc.date_style)))
    items.append(("51", VI["51"], vi_ipc(doc, one_per_line=doc.layout != "inline")))
    noun = VI_KIND[doc.kind]["noun"]
    items.append(("54", f"Tên {noun}", doc.title))
    code = "73" if doc.granted else "71"
    items.append((code, VI[code], "\n".join(vi_party(p, doc.party_style) for p in doc.applicants)))
    items.append(("72", f"Tác giả {noun}", vi_inventors(doc)))
    if doc.agent:
        items.append(("74", VI["74"], doc.agent))
    return items


def en_party(party: Party) -> str:
    return f"{party.name}, {party.address}" if party.address else party.name


def en_inventor(inventor: Inventor) -> str:
    place = f"{inventor.city} " if inventor.city else ""
    return f"{inventor.name}, {place}({inventor.country})" if place else (
        f"{inventor.name} ({inventor.country})"
    )


def en_items(doc: PatentDocument) -> list[tuple[str, str, str]]:
    items = []
    if doc.patent_number:
        items.append(("11", EN["11"], doc.patent_number))
    items.append(("21", EN["21"], doc.application_number))
    items.append(("22", EN["22"], en_date(doc.filed)))
    items.append(("43", EN["43"], en_date(doc.published)))
    if doc.granted:
        items.append(("45", EN["45"], en_date(doc.granted)))
    # "\t": the version is printed flush right in the column
    items.append(("51", EN["51"], "\n".join(f"{s}\t({v})" for s, v in doc.ipc)))
    items.append(("54", EN["54"], doc.title))
    parties = "\n".join(en_party(p) for p in doc.applicants)
    if not doc.granted or doc.kind == "patent":  # granted patents name applicant and assignee
        items.append(("71", EN["71"], parties))
    items.append(("72", EN["72"], "; ".join(en_inventor(i) for i in doc.inventors)))
    if doc.granted:
        items.append(("73", EN["73"], parties))
    if doc.agent:
        items.append(("74", EN["74"], doc.agent))
    return items


# --------------------------------------------------------------------------- drawing


class Flow:
    """Lines drawn top-down with page breaks and a page number in the footer.

    ``size`` and ``leading`` are the body text's (the front page uses the module defaults; the
    description of a Vietnamese document is set larger, about one and a half line spacing).
    """

    def __init__(self, canvas, footer: str):
        self.c = canvas
        self.footer_text = footer
        self.page = 1
        self.y = TOP
        self.size = SIZE
        self.leading = LEADING

    def footer(self) -> None:
        self.c.setFont(FONT, 8)
        self.c.drawString(LEFT, 36, self.footer_text)
        self.c.drawRightString(RIGHT, 36, str(self.page))

    def break_page(self) -> None:
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = TOP

    def need(self, lines: int, leading: float | None = None) -> None:
        if self.y - (lines - 1) * (leading or self.leading) < BOTTOM:
            self.break_page()

    def line(self, text: str, x: float, font: str = FONT, size: float | None = None,
             leading: float | None = None, align: str = "left", width: float = WIDTH) -> None:
        leading = leading or self.leading
        self.need(1, leading)
        self.c.setFont(font, size or self.size)
        if align == "center":
            self.c.drawCentredString(x + width / 2, self.y, text)
        else:
            self.c.drawString(x, self.y, text)
        self.y -= leading

    def paragraph(self, text: str, x: float = LEFT, width: float = WIDTH, font: str = FONT,
                  size: float | None = None, leading: float | None = None,
                  first_indent: float = 0.0, align: str = "left") -> None:
        size = size or self.size
        lines = wrap(squash(text), font, size, width, first_width=width - first_indent)
        for index, line in enumerate(lines):
            indent = first_indent if index == 0 else 0.0
            self.line(line, x + indent, font, size, leading, align, width - indent)

    def heading(self, text: str, align: str = "left") -> None:
        self.y -= self.leading * 0.4
        self.need(4)
        self.paragraph(text, font=BOLD, align=align)
        self.y -= 2

    def numbered(self, number: int, text: str, hang: float = 20.0) -> None:
        lines = wrap(squash(text), FONT, self.size, WIDTH - hang)
        self.need(min(len(lines), 2))
        self.c.setFont(FONT, self.size)
        self.c.drawString(LEFT, self.y, f"{number}.")
        for line in lines:
            self.line(line, LEFT + hang)
        self.y -= 3


def fits(text: str, font: str, width: float) -> bool:
    return text_width(text, font, SIZE) <= width


def draw_value_lines(flow: Flow, x: float, width: float, value: str,
                     first_width: float | None = None, first_x: float | None = None) -> None:
    """Draw a value; ``\\n`` breaks lines, ``\\t`` puts the rest flush right."""
    first = True
    for segment in value.split("\n"):
        if "\t" in segment:
            left, right = segment.split("\t", 1)
            flow.need(1)
            flow.c.setFont(FONT, SIZE)
            flow.c.drawString(first_x if first and first_x is not None else x, flow.y, left)
            flow.c.drawRightString(x + width, flow.y, right)
            flow.y -= LEADING
            first = False
            continue
        limit = first_width if first and first_width is not None else width
        lines = wrap(segment, FONT, SIZE, width, first_width=limit)
        for line in lines:
            start = first_x if first and first_x is not None else x
            flow.line(line, start)
            first = False


def draw_item(flow: Flow, x: float, width: float, code: str, label: str, value: str,
              stacked: bool, colon: bool = True) -> None:
    """One INID item: "(21) Label: value" (inline) or the label line then the value below."""
    text_x = x + CODE_WIDTH
    avail = width - CODE_WIDTH
    label_text = label if (label.endswith(":") or not colon) else f"{label}:"
    flow.need(2)
    flow.c.setFont(FONT, SIZE)
    flow.c.drawString(x, flow.y, f"({code})")
    flow.c.setFont(BOLD, SIZE)
    flow.c.drawString(text_x, flow.y, label_text)
    label_width = text_width(label_text + " ", BOLD, SIZE)
    first_word = value.split("\n")[0].split("\t")[0].split(" ")[0]
    if stacked or not fits(first_word, FONT, avail - label_width):
        flow.y -= LEADING
        draw_value_lines(flow, text_x, avail, value)
    else:
        draw_value_lines(flow, text_x, avail, value, first_width=avail - label_width,
                         first_x=text_x + label_width)


def vi_header(flow: Flow, doc: PatentDocument) -> None:
    c = flow.c
    c.setFont(FONT, SIZE)
    c.drawString(LEFT, flow.y, "(19)")
    c.setFont(BOLD, 11)
    c.drawCentredString(PAGE_WIDTH / 2, flow.y, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    flow.y -= LEADING + 2
    c.drawCentredString(PAGE_WIDTH / 2, flow.y, "CỤC SỞ HỮU TRÍ TUỆ")
    flow.y -= 10
    c.setLineWidth(0.8)
    c.line(LEFT, flow.y, RIGHT, flow.y)
    flow.y -= 20
    c.setFont(BOLD, 13)
    c.drawCentredString(PAGE_WIDTH / 2, flow.y, f"(12) {vi_kind_heading(doc)}")
    flow.y -= 10
    c.line(LEFT, flow.y, RIGHT, flow.y)
    flow.y -= 20


def vi_front_page(flow: Flow, doc: PatentDocument) -> None:
    vi_header(flow, doc)
    items = vi_items(doc)
    if doc.layout == "two_column":
        right_codes = {"54"}
        top = flow.y
        for code, label, value in items:
            if code not in right_codes:
                draw_item(flow, LEFT, COLUMN, code, label, value, stacked=True)
        left_bottom = flow.y
        flow.y = top
        right_x = LEFT + COLUMN + GUTTER
        for code, label, value in items:
            if code in right_codes:
                draw_item(flow, right_x, COLUMN, code, label, value, stacked=True, colon=False)
                flow.y -= LEADING
        draw_item(flow, right_x, COLUMN, "57", VI["57"], squash(doc.abstract), stacked=True,
                  colon=False)
        assert flow.page == 1 and min(flow.y, left_bottom) > BOTTOM, doc.application_number
        flow.y = min(flow.y, left_bottom)
        return
    stacked = doc.layout == "stacked"
    for code, label, value in items:
        draw_item(flow, LEFT, WIDTH, code, label, value, stacked=stacked, colon=not stacked)
        flow.y -= 3
    flow.y -= 4
    draw_item(flow, LEFT, WIDTH, "57", VI["57"], squash(doc.abstract), stacked=stacked,
              colon=not stacked)


def en_front_page(flow: Flow, doc: PatentDocument) -> None:
    c = flow.c
    c.setFont(FONT, SIZE)
    c.drawString(LEFT, flow.y, "(19)")
    c.setFont(BOLD, 11)
    c.drawString(LEFT + CODE_WIDTH, flow.y, "VN  Intellectual Property Office of Viet Nam")
    flow.y -= LEADING + 4
    c.setFont(FONT, SIZE)
    c.drawString(LEFT, flow.y, "(12)")
    c.setFont(BOLD, 13)
    c.drawString(LEFT + CODE_WIDTH, flow.y, en_kind_heading(doc))
    flow.y -= 10
    c.setLineWidth(0.8)
    c.line(LEFT, flow.y, RIGHT, flow.y)
    flow.y -= 18
    top = flow.y
    for code, label, value in en_items(doc):
        draw_item(flow, LEFT, COLUMN, code, label, value, stacked=False)
    left_bottom = flow.y
    flow.y = top
    right_x = LEFT + COLUMN + GUTTER
    flow.c.setFont(FONT, SIZE)
    flow.c.drawString(right_x, flow.y, "(57)")
    flow.line("ABSTRACT", right_x, BOLD, align="center", width=COLUMN)
    flow.y -= LEADING
    flow.paragraph(doc.abstract, x=right_x, width=COLUMN, first_indent=14)
    flow.y -= LEADING
    drawings = "No Drawings"
    flow.line(f"{len(doc.claims)} Claims, {drawings}", right_x, ITALIC, align="center",
              width=COLUMN)
    assert flow.page == 1 and min(flow.y, left_bottom) > BOTTOM, doc.application_number
    flow.y = min(flow.y, left_bottom)
    c.line(LEFT + COLUMN + GUTTER / 2, top + 10, LEFT + COLUMN + GUTTER / 2, flow.y + 6)


def description(flow: Flow, doc: PatentDocument) -> None:
    flow.break_page()
    if doc.language == "vi":
        noun = VI_KIND[doc.kind]["noun"]
        headings = (
            f"MÔ TẢ {VI_KIND[doc.kind]['NOUN']}",
            "Lĩnh vực kỹ thuật được đề cập",
            f"Tình trạng kỹ thuật của {noun}",
            f"Bản chất kỹ thuật của {noun}",
            f"Ví dụ thực hiện {noun}",
            "YÊU CẦU BẢO HỘ",
        )
    else:
        noun = "Invention" if doc.kind == "patent" else "Utility Solution"
        headings = (
            "DESCRIPTION",
            "Technical Field",
            "Background",
            f"Summary of the {noun}",
            "Examples",
            "CLAIMS",
        )
    flow.size, flow.leading = (11.0, 16.5) if doc.language == "vi" else (10.5, 14.0)
    flow.line(headings[0], LEFT, BOLD, 12, align="center")
    flow.y -= 4
    flow.paragraph(doc.title, font=BOLD, align="center")
    flow.y -= 6
    for heading, body in zip(headings[1:5], (doc.field, doc.background, doc.summary,
                                             doc.examples), strict=True):
        flow.heading(heading)
        for text in (body,) if isinstance(body, str) else body:
            flow.paragraph(text, first_indent=18)
            flow.y -= 3
    if doc.language == "vi":  # Vietnamese specifications start the claims on a new page
        flow.break_page()
    else:
        flow.y -= flow.leading
        flow.need(6)
    flow.line(headings[5], LEFT, BOLD, 12, align="center")
    flow.y -= 4
    for number, claim in enumerate(doc.claims, start=1):
        flow.numbered(number, claim)
    flow.footer()
    flow.c.showPage()


def render(doc: PatentDocument, path: Path) -> int:
    """Write one document; return its page count."""
    canvas = new_canvas(path, title=f"VN {doc.application_number}",
                        author="Cục Sở hữu trí tuệ", subject=doc.kind)
    flow = Flow(canvas, f"VN {doc.patent_number or doc.application_number}")
    if doc.language == "vi":
        vi_front_page(flow, doc)
    else:
        en_front_page(flow, doc)
    description(flow, doc)
    canvas.save()
    return flow.page


def ground_truth(doc: PatentDocument, relative: str) -> dict:
    expected = {
        "document_type": "patent_document",
        "kind": doc.kind,
        "language": doc.language,
        "title": squash(nfc(doc.title)),
        "application_number": doc.application_number,
        "filed": doc.filed,
        "published": doc.published,
    }
    if doc.granted:
        expected["granted"] = doc.granted
        expected["patent_number"] = doc.patent_number
    expected["ipc_classes"] = [symbol for symbol, _ in doc.ipc]
    expected["applicants"] = [nfc(party.name) for party in doc.applicants]
    expected["inventors"] = [nfc(inventor.name) for inventor in doc.inventors]
    expected["abstract"] = squash(nfc(doc.abstract))
    return {"path": relative, "expected": expected}


def build(out: Path) -> list[dict]:
    folder = Path(out) / SUBDIR
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    seen = set()
    for doc in DOCUMENTS:
        validate(doc)
        assert doc.application_number not in seen, doc.application_number
        seen.add(doc.application_number)
        relative = f"{SUBDIR}/{doc.application_number}.pdf"
        pages = render(doc, folder / f"{doc.application_number}.pdf")
        assert 2 <= pages <= 4, (doc.application_number, pages)
        entries.append(ground_truth(doc, relative))
    return entries
