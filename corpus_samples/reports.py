"""Sample final reports ("báo cáo tổng hợp") of provincial S&T tasks of Bình Thuận.

    python corpus_samples/reports.py [OUT_DIR]

``build(out)`` writes born-digital reports to ``out/reports/<year>-<slug>.pdf`` (8–14 A4 pages:
cover, inner cover, statistical sheet, abstracts, table of contents, body with chapters,
conclusions and references) and scanned-looking short reports to ``out/scanned/<slug>.pdf``
(cover, statistical sheet and abstract rendered as JPEG page images, no text layer).  It returns
the ground-truth entries, built from the same data in ``report_topics``.  The layout varies
between reports (cover headers, labels, number and date formats) but is seeded per report, and
reportlab runs in invariant mode, so regenerating gives identical files.
"""

from __future__ import annotations

import io
import random
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import pdf_style as ps  # noqa: E402
import report_topics as rt  # noqa: E402
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402

GENERIC_HEADER = "Báo cáo tổng hợp kết quả nhiệm vụ KH&CN"

DOC_TYPES = (
    "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ CẤP TỈNH",
    "BÁO CÁO TỔNG KẾT ĐỀ TÀI",
    "BÁO CÁO KẾT QUẢ NGHIÊN CỨU",
)

TITLE_WORDS = {
    "GS": "Giáo sư",
    "PGS": "Phó giáo sư",
    "TSKH": "Tiến sĩ khoa học",
    "TS": "Tiến sĩ",
    "ThS": "Thạc sĩ",
    "KS": "Kỹ sư",
    "BS": "Bác sĩ",
    "CKII": "chuyên khoa II",
    "CKI": "chuyên khoa I",
    "CN": "Cử nhân",
    "DS": "Dược sĩ",
}

EMAIL_DOMAINS = {
    "ttud": "khcnbinhthuan.gov.vn",
    "dhpt": "upt.edu.vn",
    "nhaho": "nhahoinstitute.vn",
    "sofri": "sofri.org.vn",
    "cdbt": "cdbt.edu.vn",
    "vhdh": "vnio.org.vn",
    "ccts": "sonnptnt.binhthuan.gov.vn",
    "tdc": "tdcbinhthuan.vn",
    "bvdk": "bvdkbinhthuan.vn",
    "nlu": "hcmuaf.edu.vn",
    "bkhcm": "hcmut.edu.vn",
    "ntu": "ntu.edu.vn",
    "vdc": "igsvn.vast.vn",
    "sikhxh": "sisshcm.vn",
    "cdc": "cdcbinhthuan.vn",
    "qtmt": "stnmt.binhthuan.gov.vn",
    "ria2": "ria2.org.vn",
    "knbt": "khuyennongbinhthuan.vn",
}


# --------------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def title_words(title: str) -> str:
    """"PGS.TS." -> "Phó giáo sư, Tiến sĩ"; "BS.CKII." -> "Bác sĩ chuyên khoa II"."""
    parts = [p for p in title.split(".") if p]
    words: list[str] = []
    for part in parts:
        word = TITLE_WORDS.get(part, part)
        if word.startswith("chuyên khoa") and words:
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
    return ", ".join(words)


def group_thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def decimal_vi(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_vnd(value: int, style: str) -> str:
    """Budget in one of the printed styles: "triệu" (850 triệu đồng), "full", "tỷ"."""
    if style == "ty" and value >= 1_000_000_000 and value % 1_000_000 == 0:
        return f"{decimal_vi(value / 1_000_000_000)} tỷ đồng"
    if style in ("trieu", "ty") and value % 1_000_000 == 0:
        return f"{group_thousands(value // 1_000_000)} triệu đồng"
    return f"{group_thousands(value)} đồng"


def month_year(ym: str, padded: bool = True) -> str:
    year, month = ym.split("-")
    return f"{month}/{year}" if padded else f"{int(month)}/{year}"


def format_period(start: str, end: str, style: int) -> str:
    if style == 0:
        return f"từ tháng {month_year(start)} đến tháng {month_year(end)}"
    if style == 1:
        return f"Từ {month_year(start, False)} đến {month_year(end, False)}"
    return f"từ tháng {month_year(start, False)} đến tháng {month_year(end, False)}"


def format_date(iso: str, style: int) -> str:
    year, month, day = (int(p) for p in iso.split("-"))
    if style == 0:
        return f"{day}/{month}/{year}"
    if style == 1:
        return f"ngày {day} tháng {month} năm {year}"
    return f"{day:02d}/{month:02d}/{year}"


def phone_number(rng: random.Random) -> str:
    prefix = rng.choice(["0913", "0918", "0903", "0988", "0972", "0935", "0908"])
    return f"{prefix} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def email_for(person: rt.Person) -> str:
    parts = ascii_fold(person.name).lower().split()
    local = parts[-1] + "".join(p[0] for p in parts[:-1])
    return f"{local}@{EMAIL_DOMAINS.get(person.org, 'gmail.com')}"


# --------------------------------------------------------------------------------------------
# Per-report layout choices
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    cover_top: str  # "province" or "host"
    doc_type: str
    title_case: str  # "upper" or "quoted"
    place_line: str
    numbered: bool
    task_word: str  # "nhiệm vụ" or "đề tài"
    host_label: str  # "Tổ chức chủ trì" or "Cơ quan chủ trì"
    code_label: str
    accepted_label: str
    budget_style: str
    period_style: int
    date_style: int
    keyword_label: str
    pi_phone: str
    host_on_cover: str  # label used on the cover for the host
    chapter_breaks: bool  # every chapter starts on a new page


def choose_style(task: rt.Task, index: int) -> Style:
    rng = random.Random(f"style:{task.slug}")
    year, month = task.accepted[:4], int(task.accepted[5:7])
    place_line = [
        f"Bình Thuận, {year}",
        f"Phan Thiết – {year}",
        f"Bình Thuận, tháng {month}/{year}",
    ][index % 3]
    task_word = rng.choice(["nhiệm vụ", "nhiệm vụ", "đề tài"])
    return Style(
        cover_top="host" if index % 4 == 1 else "province",
        doc_type=DOC_TYPES[(index // 2) % 3] if task_word == "nhiệm vụ" else DOC_TYPES[1],
        title_case="upper" if index % 2 == 0 else "quoted",
        place_line=place_line,
        numbered=rng.random() < 0.5,
        task_word=task_word,
        host_label=rng.choice(["Tổ chức chủ trì", "Cơ quan chủ trì"]),
        code_label=rng.choice(["Mã số", "Mã số nhiệm vụ"]),
        accepted_label=rng.choice(["Ngày nghiệm thu", "Ngày được nghiệm thu"]),
        budget_style=rng.choice(["trieu", "full", "ty"]),
        period_style=rng.randrange(3),
        date_style=rng.randrange(3),
        keyword_label=rng.choice(["Từ khóa", "Từ khoá"]),
        pi_phone=phone_number(rng),
        host_on_cover=rng.choice(["Cơ quan chủ trì", "Tổ chức chủ trì"]),
        chapter_breaks=rng.random() < 0.5,
    )


# --------------------------------------------------------------------------------------------
# Text content shared by the born-digital and the scanned renderers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetItem:
    label: str
    value: str
    extra: tuple[str, ...] = ()


def sheet_items(task: rt.Task, st: Style) -> list[SheetItem]:
    """Items of the statistical sheet, in print order (the members table follows them)."""
    host = task.host_org
    tw = st.task_word
    total = format_vnd(task.budget_total, st.budget_style)
    state = format_vnd(task.budget_state, st.budget_style)
    return [
        SheetItem(f"Tên {tw}", task.title),
        SheetItem(st.code_label, task.code),
        SheetItem(f"Cấp quản lý {tw}", "Tỉnh"),
        SheetItem("Lĩnh vực nghiên cứu", task.field_label),
        SheetItem(
            f"Chủ nhiệm {tw}",
            task.pi.full,
            (
                f"Học hàm, học vị: {title_words(task.pi.title)}",
                f"Điện thoại: {st.pi_phone}",
                f"E-mail: {email_for(task.pi)}",
            ),
        ),
        SheetItem(f"Thư ký {tw}", task.secretary.full),
        SheetItem(
            st.host_label, host.name, (f"Địa chỉ: {host.address}", f"Điện thoại: {host.phone}")
        ),
        SheetItem("Cơ quan chủ quản", task.parent_agency),
        SheetItem("Thời gian thực hiện", format_period(task.start, task.end, st.period_style)),
        SheetItem(
            "Kinh phí thực hiện", total, (f"Trong đó từ ngân sách sự nghiệp khoa học: {state}",)
        ),
        SheetItem(st.accepted_label, format_date(task.accepted, st.date_style)),
        SheetItem("Địa điểm ứng dụng", f"{task.district_name}, tỉnh Bình Thuận"),
    ]


def members_title(st: Style) -> str:
    return f"Danh sách cá nhân tham gia thực hiện {st.task_word}"


MEMBER_HEADERS = ("Stt", "Họ và tên, học hàm học vị", "Tổ chức công tác",
                  "Nội dung công việc chính")


def member_rows(task: rt.Task, st: Style) -> list[tuple[str, str, str, str]]:
    rng = random.Random(f"roles:{task.slug}")
    roles = rng.sample(rt.MEMBER_ROLES, len(task.members))
    rows = [
        ("1", task.pi.full, rt.org_name(task.pi.org), f"Chủ nhiệm {st.task_word}"),
        ("2", task.secretary.full, rt.org_name(task.secretary.org), f"Thư ký {st.task_word}"),
    ]
    for i, (person, role) in enumerate(zip(task.members, roles, strict=True), start=3):
        rows.append((str(i), person.full, rt.org_name(person.org), role))
    return rows


def cover_title(task: rt.Task, st: Style) -> str:
    if st.title_case == "upper":
        return task.title.upper()
    return f"“{task.title}”"


def cover_top_lines(task: rt.Task, st: Style) -> list[tuple[str, bool]]:
    """(text, bold) lines at the top of the cover."""
    if st.cover_top == "host":
        parent = task.host_org.parent
        return [(parent.upper().replace("UBND", "ỦY BAN NHÂN DÂN"), False),
                (task.host_org.name.upper(), True)]
    return [("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", False), ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", True)]


def cover_fields(task: rt.Task, st: Style) -> list[tuple[str, str]]:
    return [
        ("Mã số", task.code),
        (f"Chủ nhiệm {st.task_word}", task.pi.full),
        (st.host_on_cover, task.host_org.name),
    ]


def keywords_line(task: rt.Task, st: Style) -> str:
    return f"{st.keyword_label}: " + "; ".join(task.keywords)


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    current = ""
    words = text.split(" ")
    for i, word in enumerate(words):
        current = f"{current} {word}" if current else word
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word.endswith(".") and (not nxt or nxt[0].isupper()):
            sentences.append(current)
            current = ""
    if current:
        sentences.append(current)
    return sentences


SECTION_LEADS = [
    "Mục này trình bày {sec}, là cơ sở cho các nội dung tiếp theo của {tw}.",
    "Về {sec}, nhóm nghiên cứu đã tổng hợp tài liệu, số liệu điều tra và kết quả thực nghiệm "
    "tại {district}.",
    "Nội dung {sec} do {member} phối hợp với chủ nhiệm {tw} thực hiện.",
    "Kết quả về {sec} được trình bày dưới đây theo trình tự các nội dung đã đăng ký trong "
    "thuyết minh.",
    "Đối với nội dung {sec}, {tw} kết hợp phương pháp khảo sát thực địa với phân tích số liệu "
    "thứ cấp.",
]


class Composer:
    """Deterministic paragraphs from the sentence banks, for one task."""

    def __init__(self, task: rt.Task):
        self.task = task
        self.rng = random.Random(f"body:{task.slug}")
        self.pools: dict[str, list[str]] = {}
        self.communes = rt.DISTRICTS[task.district][1]
        self.start_year = int(task.start[:4])
        self.end_year = int(task.end[:4])

    def _draw(self, key: str) -> str:
        pool = self.pools.get(key)
        if not pool:
            if key == "task":
                bank = split_sentences(self.task.abstract)
            elif key == "general":
                bank = rt.GENERAL_SENTENCES
            else:
                bank = rt.SECTOR_SENTENCES[key]
            pool = list(bank)
            self.rng.shuffle(pool)
            self.pools[key] = pool
        return pool.pop()

    def sentence(self) -> str:
        roll = self.rng.random()
        sectors = self.task.sectors
        secondary = [s for s in sectors[1:] if s != "nong-nghiep"]
        if roll < 0.45 or not secondary and roll < 0.6:
            key = sectors[0]
        elif roll < 0.6:
            key = self.rng.choice(secondary)
        elif roll < 0.8:
            key = "task"
        else:
            key = "general"
        template = self._draw(key)
        return template.format(
            district=self.task.district_name,
            place=self.rng.choice(self.communes),
            host=self.task.host_org.name,
            pi=self.task.pi.full,
            member=self.rng.choice(self.task.members).full,
            year=self.rng.randint(self.start_year, self.end_year),
            province="tỉnh Bình Thuận",
        )

    def lead(self, section: str, task_word: str) -> str:
        """An opening sentence naming the section, so that sections differ."""
        template = self.rng.choice(SECTION_LEADS)
        return template.format(
            sec=lower_first(section),
            tw=task_word,
            district=self.task.district_name,
            member=self.rng.choice(self.task.members).full,
        )

    def paragraph(self, n_min: int = 3, n_max: int = 5, lead: str = "") -> str:
        seen: list[str] = [lead] if lead else []
        for _ in range(self.rng.randint(n_min, n_max)):
            s = self.sentence()
            if s not in seen:
                seen.append(s)
        return " ".join(seen)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def intro_sections(task: rt.Task, st: Style, comp: Composer) -> list[tuple[str, list[str]]]:
    tw = st.task_word
    sentences = split_sentences(task.abstract)
    objectives = "; ".join(lower_first(ch) for ch, _ in task.chapters[1:])
    period = format_period(task.start, task.end, 0)
    return [
        ("1. Tính cấp thiết của " + tw, [" ".join(sentences[:2]), comp.paragraph(3, 4)]),
        ("2. Mục tiêu nghiên cứu", [
            f"Mục tiêu tổng quát của {tw} là cung cấp cơ sở khoa học và giải pháp phù hợp với "
            f"điều kiện thực tế của {task.district_name}, góp phần phát triển kinh tế – xã hội "
            f"của tỉnh Bình Thuận. Các mục tiêu cụ thể gồm: {objectives}.",
        ]),
        ("3. Đối tượng và phạm vi nghiên cứu", [
            f"Phạm vi không gian: {task.district_name}, tỉnh Bình Thuận. Phạm vi thời gian: "
            f"{period}. " + comp.paragraph(2, 3),
        ]),
        ("4. Cách tiếp cận và phương pháp nghiên cứu", [comp.paragraph(3, 5)]),
    ]


def conclusion_sections(task: rt.Task, st: Style, comp: Composer) -> list[tuple[str, list[str]]]:
    sentences = split_sentences(task.abstract)
    results = " ".join(sentences[2:])
    recommendations = (
        f"Đề nghị Sở Khoa học và Công nghệ tỉnh Bình Thuận tiếp tục hỗ trợ chuyển giao, nhân "
        f"rộng kết quả của {st.task_word} tại {task.district_name} và các địa phương có điều "
        f"kiện tương tự. Đề nghị các sở, ngành và địa phương liên quan phối hợp với "
        f"{task.host_org.name} trong việc ứng dụng các sản phẩm khoa học và công nghệ đã được "
        f"nghiệm thu."
    )
    return [
        ("1. Kết luận", [results, comp.paragraph(2, 3)]),
        ("2. Kiến nghị", [recommendations]),
    ]


def products_table(task: rt.Task, st: Style) -> tuple[str, list[tuple[str, ...]]]:
    last = lower_first(task.chapters[-1][1][1])
    rows = [
        ("Stt", "Sản phẩm", "Số lượng", "Ghi chú"),
        ("1", "Báo cáo tổng hợp kết quả " + st.task_word, "01", "Kèm báo cáo tóm tắt"),
        ("2", f"Báo cáo chuyên đề về {lower_first(task.chapters[1][1][0])}", "01", ""),
        ("3", f"Tài liệu hướng dẫn: {last}", "01", "Đã chuyển giao"),
        ("4", "Bài báo khoa học đăng trên tạp chí chuyên ngành", "02", "Trong nước"),
        ("5", "Tập huấn, hội thảo", "03", "Tại " + task.district_name),
    ]
    return "Tổng hợp các sản phẩm khoa học và công nghệ của " + st.task_word, rows


# --------------------------------------------------------------------------------------------
# Born-digital rendering (reportlab)
# --------------------------------------------------------------------------------------------

W, H = ps.PAGE_WIDTH, ps.PAGE_HEIGHT
MM = 72 / 25.4
LEFT = ps.MARGIN_LEFT
WIDTH = ps.TEXT_WIDTH
TOP = H - 27 * MM
BOTTOM = 22 * MM
BODY_SIZE = 12
BODY_LEADING = 17.5


class Flow:
    """A text cursor over pages with page breaks, running header, footer and TOC marks."""

    def __init__(self, c, header: str):
        self.c = c
        self.header = header
        self.page = 1
        self.decor = "none"
        self.y = TOP
        self.marks: list[tuple[int, str, int]] = []  # (level, text, page)

    # pages -------------------------------------------------------------------------------
    def new_page(self, decor: str | None = None) -> None:
        self.c.showPage()
        self.page += 1
        if decor is not None:
            self.decor = decor
        self.y = TOP
        self._decorate()

    def _decorate(self) -> None:
        c = self.c
        if self.decor in ("footer", "full"):
            c.setFont("Serif", 10)
            c.drawCentredString(W / 2, 12 * MM, str(self.page))
        if self.decor == "full":
            c.setFont("Serif-Italic", 9)
            c.drawCentredString(LEFT + WIDTH / 2, H - 13 * MM, self.header)
            c.setLineWidth(0.4)
            c.line(LEFT, H - 15 * MM, LEFT + WIDTH, H - 15 * MM)

    def ensure(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def space(self, height: float) -> None:
        self.y -= height

    # text --------------------------------------------------------------------------------
    def _draw_line(self, line: str, x: float, width: float, font: str, size: float,
                   align: str, last: bool) -> None:
        c = self.c
        c.setFont(font, size)
        if align == "center":
            c.drawCentredString(x + width / 2, self.y, line)
        elif align == "justify" and not last and " " in line:
            words = line.split(" ")
            natural = sum(ps.text_width(w, font, size) for w in words)
            gap = (width - natural) / (len(words) - 1)
            if gap > size * 1.1:
                c.drawString(x, self.y, line)
                return
            cx = x
            for w in words:
                c.drawString(cx, self.y, w)
                cx += ps.text_width(w, font, size) + gap
        else:
            c.drawString(x, self.y, line)

    def para(self, text: str, font: str = "Serif", size: float = BODY_SIZE,
             leading: float = BODY_LEADING, align: str = "justify", first_indent: float = 24,
             indent: float = 0, after: float = 4) -> None:
        width = WIDTH - indent
        lines = ps.wrap(text, font, size, width, first_width=width - first_indent)
        for i, line in enumerate(lines):
            self.ensure(leading)
            x = LEFT + indent + (first_indent if i == 0 else 0)
            w = width - (first_indent if i == 0 else 0)
            self._draw_line(line, x, w, font, size, align, i == len(lines) - 1)
            self.y -= leading
        self.y -= after

    def heading(self, text: str, level: int, mark: bool = True) -> None:
        if level == 0:
            font, size, align, before, after = "Serif-Bold", 14, "center", 0, 10
        else:
            font, size, align, before, after = "Serif-Bold", 12.5, "left", 6, 3
        leading = size * 1.4
        if level == 0:
            lines = ps.balanced_wrap(text, font, size, WIDTH)
        else:
            lines = ps.wrap(text, font, size, WIDTH)
        self.ensure(before + leading * (len(lines) + 3))
        self.y -= before
        if mark:
            self.marks.append((level, text, self.page))
        for line in lines:
            self._draw_line(line, LEFT, WIDTH, font, size, align, True)
            self.y -= leading
        self.y -= after

    def labelled(self, label: str, value: str, size: float = 11.5, leading: float = 16.5,
                 indent: float = 0, hang: float = 18, label_font: str = "Serif-Bold",
                 after: float = 2) -> None:
        """"Label: value" with the value wrapped onto indented continuation lines."""
        head = f"{label}: "
        head_w = ps.text_width(head, label_font, size)
        x0 = LEFT + indent
        width = WIDTH - indent
        lines = ps.wrap(value, "Serif", size, width - hang, first_width=width - head_w)
        self.ensure(leading * min(len(lines), 2))
        c = self.c
        c.setFont(label_font, size)
        c.drawString(x0, self.y, head)
        for i, line in enumerate(lines):
            if i:
                self.ensure(leading)
            c.setFont("Serif", size)
            c.drawString(x0 + (head_w if i == 0 else hang), self.y, line)
            self.y -= leading
        self.y -= after

    @staticmethod
    def table_height(rows: list[tuple[str, ...]], widths: list[float], size: float = 10) -> float:
        leading, pad = size * 1.3, 4
        total = 0.0
        for r, row in enumerate(rows):
            font = "Serif-Bold" if r == 0 else "Serif"
            lines = max(len(ps.wrap(text, font, size, w - 2 * pad))
                        for text, w in zip(row, widths, strict=True))
            total += lines * leading + 2 * pad
        return total

    def table(self, rows: list[tuple[str, ...]], widths: list[float], size: float = 10,
              header: bool = True, aligns: tuple[str, ...] | None = None,
              keep_with: float = 0) -> None:
        c = self.c
        leading = size * 1.3
        pad = 4
        x_positions = [LEFT]
        for w in widths:
            x_positions.append(x_positions[-1] + w)
        aligns = aligns or ("left",) * len(widths)
        c.setLineWidth(0.6)
        laid = []
        for r, row in enumerate(rows):
            font = "Serif-Bold" if header and r == 0 else "Serif"
            cells = [ps.wrap(text, font, size, w - 2 * pad) for text, w in zip(row, widths,
                                                                               strict=True)]
            laid.append((font, cells, max(len(cell) for cell in cells) * leading + 2 * pad))
        total = sum(height for _, _, height in laid)
        if total < (TOP - BOTTOM) / 2:
            self.ensure(total + keep_with)
        for r, (font, cells, height) in enumerate(laid):
            if self.y - height < BOTTOM:
                self.new_page()
            top = self.y
            c.line(x_positions[0], top, x_positions[-1], top)
            for cell, x, w, align in zip(cells, x_positions, widths, aligns, strict=False):
                ty = top - pad - size
                c.setFont(font, size)
                for line in cell:
                    if align == "center" or (header and r == 0):
                        c.drawCentredString(x + w / 2, ty, line)
                    else:
                        c.drawString(x + pad, ty, line)
                    ty -= leading
            bottom = top - height
            for x in x_positions:
                c.line(x, top, x, bottom)
            c.line(x_positions[0], bottom, x_positions[-1], bottom)
            self.y = bottom
        self.y -= 22


def centred_block(c, lines: list[str], y: float, font: str, size: float,
                  leading: float) -> float:
    c.setFont(font, size)
    for line in lines:
        c.drawCentredString(W / 2, y, line)
        y -= leading
    return y


def title_lines(text: str, width: float) -> tuple[list[str], float]:
    for size in (17, 16, 15, 14, 13, 12):
        lines = ps.balanced_wrap(text, "Serif-Bold", size, width)
        if len(lines) <= 3:
            return lines, size
    return lines, size


def draw_cover(c, task: rt.Task, st: Style, inner: bool) -> None:
    c.setLineWidth(2.2)
    c.rect(16 * MM, 14 * MM, W - 32 * MM, H - 28 * MM)
    c.setLineWidth(0.6)
    c.rect(18 * MM, 16 * MM, W - 36 * MM, H - 32 * MM)
    y = H - 34 * MM
    for text, bold in cover_top_lines(task, st):
        font = "Serif-Bold" if bold else "Serif"
        y = centred_block(c, ps.balanced_wrap(text, font, 13, W - 70 * MM), y, font, 13, 17)
    c.setLineWidth(0.8)
    c.line(W / 2 - 30 * MM, y + 4, W / 2 + 30 * MM, y + 4)

    y = H - (78 if inner else 100) * MM
    doc_lines = ps.balanced_wrap(st.doc_type, "Serif-Bold", 15, W - 50 * MM)
    y = centred_block(c, doc_lines, y, "Serif-Bold", 15, 21)
    y -= 16
    lines, size = title_lines(cover_title(task, st), W - 62 * MM)
    y = centred_block(c, lines, y, "Serif-Bold", size, size * 1.38)
    y -= 24 if inner else 40

    x0 = 42 * MM
    width = W - x0 - 34 * MM
    for label, value in cover_fields(task, st):
        head = f"{label}: "
        head_w = ps.text_width(head, "Serif", 12.5)
        vlines = ps.wrap(value, "Serif-Bold", 12.5, width - 14, first_width=width - head_w)
        c.setFont("Serif", 12.5)
        c.drawString(x0, y, head)
        for i, line in enumerate(vlines):
            c.setFont("Serif-Bold", 12.5)
            c.drawString(x0 + (head_w if i == 0 else 14), y, line)
            y -= 18
        y -= 3

    if inner:
        y = min(y - 26, 108 * MM)
        left_x, right_x = W * 0.31, W * 0.69
        host = task.host_org
        blocks = [
            (left_x, "CHỦ NHIỆM NHIỆM VỤ", "(ký, họ tên)", task.pi.full),
            (right_x, "TỔ CHỨC CHỦ TRÌ NHIỆM VỤ", "(ký, họ tên, đóng dấu)", host.head),
        ]
        for x, label, note, name in blocks:
            c.setFont("Serif-Bold", 11)
            c.drawCentredString(x, y, label)
            c.setFont("Serif-Italic", 10)
            c.drawCentredString(x, y - 14, note)
            c.setFont("Serif-Bold", 11)
            c.drawCentredString(x, y - 62, name)
        y -= 92
        c.setFont("Serif-Bold", 11)
        c.drawCentredString(W / 2, y, "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
        c.setFont("Serif-Italic", 10)
        c.drawCentredString(W / 2, y - 14, "(ký, họ tên, đóng dấu)")

    c.setFont("Serif-Bold", 13)
    c.drawCentredString(W / 2, 26 * MM, st.place_line)


def references(task: rt.Task) -> list[str]:
    rng = random.Random(f"refs:{task.slug}")
    year = task.year
    refs: list[str] = []
    for sector in task.sectors:
        for ref_year, text in rt.SECTOR_REFERENCES.get(sector, []):
            if ref_year <= year and text not in refs:
                refs.append(text)
    refs = refs[:5]
    chapter = task.chapters[1][1][0] if len(task.chapters) > 1 else task.chapters[0][0]
    refs.append(
        f"{task.pi.name} và cộng sự ({task.end[:4]}), Báo cáo chuyên đề: {chapter}, "
        f"{task.host_org.name}."
    )
    target = rng.randint(max(5, len(refs)), 8)
    for ref_year, text in rt.GENERAL_REFERENCES:
        if len(refs) >= target:
            break
        if ref_year <= year and text not in refs:
            refs.append(text)
    vietnamese = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")

    def foreign(text: str) -> bool:
        return not any(ch in vietnamese for ch in text.lower())

    return sorted(refs, key=foreign)


def sheet_section(flow: Flow, task: rt.Task, st: Style) -> None:
    flow.heading("BÁO CÁO THỐNG KÊ KẾT QUẢ THỰC HIỆN NHIỆM VỤ", 0, mark=False)
    flow.space(4)
    items = sheet_items(task, st)
    hang = 18
    for i, item in enumerate(items, start=1):
        label = f"{i}. {item.label}" if st.numbered else item.label
        flow.labelled(label, item.value, hang=hang)
        for extra in item.extra:
            extra_label, extra_value = extra.split(": ", 1)
            flow.labelled(extra_label, extra_value, indent=hang, label_font="Serif", hang=hang)
    n = len(items) + 1
    label = f"{n}. {members_title(st)}:" if st.numbered else f"{members_title(st)}:"
    widths = [30, 152, 150, WIDTH - 332]
    rows = [MEMBER_HEADERS, *member_rows(task, st)]
    flow.space(4)
    flow.ensure(flow.table_height(rows, widths, size=10) + 30)
    flow.para(label, font="Serif-Bold", size=11.5, leading=16.5, align="left", first_indent=0)
    flow.table(rows, widths, size=10, aligns=("center", "left", "left", "left"))


def abstract_section(flow: Flow, task: rt.Task, st: Style) -> None:
    size, leading = 11.5, 16.5
    flow.heading("TÓM TẮT", 0, mark=False)
    flow.para(task.abstract, size=size, leading=leading)
    flow.labelled(st.keyword_label, "; ".join(task.keywords), size=size, leading=leading)
    flow.space(14)
    flow.heading("ABSTRACT", 0, mark=False)
    flow.labelled("Title", task.title_en, size=size, leading=leading, label_font="Serif-Bold")
    flow.para(task.abstract_en, size=size, leading=leading)
    flow.labelled("Keywords", "; ".join(task.keywords_en), size=size, leading=leading)


def toc_section(flow: Flow, marks: list[tuple[int, str, int]] | None) -> None:
    flow.heading("MỤC LỤC", 0, mark=False)
    flow.space(6)
    c = flow.c
    size, leading = 11.5, 18
    for level, text, page in marks or []:
        font = "Serif-Bold" if level == 0 else "Serif"
        indent = 0 if level == 0 else 18
        lines = ps.wrap(text, font, size, WIDTH - indent - 40)
        for i, line in enumerate(lines):
            c.setFont(font, size)
            c.drawString(LEFT + indent, flow.y, line)
            if i == len(lines) - 1:
                end = LEFT + indent + ps.text_width(line, font, size) + 4
                num = str(page)
                num_x = LEFT + WIDTH - ps.text_width(num, "Serif", size)
                c.setFont("Serif", size)
                dot_w = ps.text_width(".", "Serif", size) + 0.8
                n_dots = max(0, int((num_x - 4 - end) / dot_w))
                c.drawString(end, flow.y, (". " * (n_dots // 2)).rstrip())
                c.drawString(num_x, flow.y, num)
            flow.y -= leading
    assert flow.y > BOTTOM, "table of contents must fit on one page"


def body_sections(flow: Flow, task: rt.Task, st: Style, per_section: int) -> None:
    comp = Composer(task)
    flow.new_page("full")
    flow.heading("MỞ ĐẦU", 0)
    for sub, paragraphs in intro_sections(task, st, comp):
        flow.heading(sub, 1)
        for text in paragraphs:
            flow.para(text)
    for n, (chapter, sections) in enumerate(task.chapters, start=1):
        if st.chapter_breaks:
            flow.new_page()
        else:
            flow.space(14)
        flow.heading(f"CHƯƠNG {n}. {chapter.upper()}", 0)
        for j, section in enumerate(sections, start=1):
            flow.heading(f"{n}.{j}. {section}", 1)
            for k in range(per_section):
                lead = comp.lead(section, st.task_word) if k == 0 else ""
                flow.para(comp.paragraph(lead=lead))
                if n == len(task.chapters) and j == 2 and k == 0:
                    caption, rows = products_table(task, st)
                    flow.space(6)
                    flow.ensure(230)
                    flow.para(f"Bảng {n}.1. {caption}", font="Serif-BoldItalic", size=11,
                              leading=15, align="center", first_indent=0)
                    flow.table(rows, [30, 230, 60, WIDTH - 320], size=10,
                               aligns=("center", "left", "center", "left"))
    flow.new_page()
    flow.heading("KẾT LUẬN VÀ KIẾN NGHỊ", 0)
    for sub, paragraphs in conclusion_sections(task, st, comp):
        flow.heading(sub, 1)
        for text in paragraphs:
            flow.para(text)
    flow.space(12)
    flow.ensure(150)
    flow.heading("TÀI LIỆU THAM KHẢO", 0)
    for i, ref in enumerate(references(task), start=1):
        prefix = f"{i}. "
        lines = ps.wrap(ref, "Serif", 11.5, WIDTH - 22)
        for m, line in enumerate(lines):
            flow.ensure(16)
            flow.c.setFont("Serif", 11.5)
            if m == 0:
                flow.c.drawString(LEFT, flow.y, prefix)
            flow.c.drawString(LEFT + 22, flow.y, line)
            flow.y -= 16
        flow.y -= 3


def render_report(task: rt.Task, st: Style, target, marks, per_section: int) -> Flow:
    c = ps.new_canvas(target, title=f"Microsoft Word - BCTH_{task.slug}.docx", author="User")
    flow = Flow(c, task.short_title or GENERIC_HEADER)
    draw_cover(c, task, st, inner=False)
    flow.new_page("none")
    draw_cover(c, task, st, inner=True)
    flow.new_page("footer")
    sheet_section(flow, task, st)
    flow.new_page("footer")
    abstract_section(flow, task, st)
    flow.new_page("full")
    toc_section(flow, marks)
    body_sections(flow, task, st, per_section)
    c.showPage()
    if not isinstance(target, io.BytesIO):
        c.save()
    return flow


def write_report(task: rt.Task, st: Style, path: Path) -> int:
    """Lay the report out (dry run for the TOC and the page budget), then write it."""
    rng = random.Random(f"density:{task.slug}")
    per_section = rng.choice([2, 3]) if len(task.chapters) <= 3 else rng.choice([1, 2])
    while True:
        dry = render_report(task, st, io.BytesIO(), None, per_section)
        if dry.page <= 14 or per_section == 1:
            break
        per_section -= 1
    final = render_report(task, st, path, dry.marks, per_section)
    assert final.page == dry.page and final.marks == dry.marks
    return final.page


# --------------------------------------------------------------------------------------------
# Scanned reports (Pillow page images, no text layer)
# --------------------------------------------------------------------------------------------

DPI = 200
SCALE = DPI / 72  # pixels per point
PAGE_PX = (1654, 2339)
_fonts: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def pil_font(name: str, size_pt: float) -> ImageFont.FreeTypeFont:
    px = round(size_pt * SCALE)
    key = (name, px)
    if key not in _fonts:
        _fonts[key] = ImageFont.truetype(str(ps.FONT_DIR / ps.FONT_FILES[name]), px)
    return _fonts[key]


def pil_wrap(text: str, font: ImageFont.FreeTypeFont, width_pt: float,
             first_width_pt: float | None = None) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        limit = (first_width_pt if first_width_pt is not None and not lines else width_pt) * SCALE
        candidate = f"{current} {word}" if current else word
        if not current or font.getlength(candidate) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


class ImagePage:
    """A white A4 page at 200 dpi; coordinates in points from the top-left corner."""

    def __init__(self) -> None:
        self.img = Image.new("L", PAGE_PX, 255)
        self.draw = ImageDraw.Draw(self.img)
        self.y = 0.0

    def text(self, x: float, y: float, s: str, font: str, size: float,
             anchor: str = "ls") -> None:
        self.draw.text((x * SCALE, y * SCALE), s, font=pil_font(font, size), fill=20,
                       anchor=anchor)

    def width(self, s: str, font: str, size: float) -> float:
        return pil_font(font, size).getlength(s) / SCALE

    def centred(self, lines: list[str], font: str, size: float, leading: float) -> None:
        for line in lines:
            self.text(W / 2, self.y, line, font, size, anchor="ms")
            self.y += leading

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.6) -> None:
        self.draw.line([(x0 * SCALE, y0 * SCALE), (x1 * SCALE, y1 * SCALE)], fill=20,
                       width=max(1, round(width * SCALE)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, width: float) -> None:
        self.draw.rectangle([x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE], outline=20,
                            width=max(1, round(width * SCALE)))

    def labelled(self, label: str, value: str, x: float, width: float, size: float,
                 leading: float, hang: float = 18, label_font: str = "Serif-Bold") -> None:
        head = f"{label}: "
        head_w = self.width(head, label_font, size)
        lines = pil_wrap(value, pil_font("Serif", size), width - hang, width - head_w)
        self.text(x, self.y, head, label_font, size)
        for i, line in enumerate(lines):
            self.text(x + (head_w if i == 0 else hang), self.y, line, "Serif", size)
            self.y += leading

    def paragraph(self, text: str, x: float, width: float, size: float, leading: float,
                  font: str = "Serif", first_indent: float = 24) -> None:
        lines = pil_wrap(text, pil_font(font, size), width, width - first_indent)
        for i, line in enumerate(lines):
            self.text(x + (first_indent if i == 0 else 0), self.y, line, font, size)
            self.y += leading


def scan_cover(task: rt.Task, st: Style) -> ImagePage:
    page = ImagePage()
    page.rect(16 * MM, 14 * MM, W - 16 * MM, H - 14 * MM, 2.2)
    page.rect(18 * MM, 16 * MM, W - 18 * MM, H - 16 * MM, 0.6)
    page.y = 34 * MM
    for text, bold in cover_top_lines(task, st):
        font = "Serif-Bold" if bold else "Serif"
        page.centred(ps.balanced_wrap(text, font, 13, W - 70 * MM), font, 13, 17)
    page.line(W / 2 - 30 * MM, page.y - 9, W / 2 + 30 * MM, page.y - 9, 0.8)
    page.y = 100 * MM
    page.centred(ps.balanced_wrap(st.doc_type, "Serif-Bold", 15, W - 50 * MM),
                 "Serif-Bold", 15, 21)
    page.y += 16
    lines, size = title_lines(cover_title(task, st), W - 62 * MM)
    page.centred(lines, "Serif-Bold", size, size * 1.38)
    page.y += 40
    for label, value in cover_fields(task, st):
        page.labelled(label, value, 42 * MM, W - 76 * MM, 12.5, 18, hang=14, label_font="Serif")
        page.y += 3
    page.text(W / 2, H - 26 * MM, st.place_line, "Serif-Bold", 13, anchor="ms")
    return page


def scan_sheet(task: rt.Task, st: Style) -> ImagePage:
    page = ImagePage()
    x, width = LEFT, WIDTH
    size, leading = 11, 15.5
    page.y = 25 * MM
    page.centred(["BÁO CÁO THỐNG KÊ KẾT QUẢ THỰC HIỆN NHIỆM VỤ"], "Serif-Bold", 13, 24)
    items = sheet_items(task, st)
    for i, item in enumerate(items, start=1):
        label = f"{i}. {item.label}" if st.numbered else item.label
        page.labelled(label, item.value, x, width, size, leading)
        for extra in item.extra:
            extra_label, extra_value = extra.split(": ", 1)
            page.labelled(extra_label, extra_value, x + 18, width - 18, size, leading,
                          label_font="Serif")
        page.y += 2
    page.y += 4
    title = members_title(st) + ":"
    page.text(x, page.y, f"{len(items) + 1}. {title}" if st.numbered else title,
              "Serif-Bold", size)
    page.y += 8
    widths = [30, 152, 150, WIDTH - 332]
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    tsize, tlead, pad = 9.5, 12.5, 4
    for r, row in enumerate([MEMBER_HEADERS, *member_rows(task, st)]):
        font = "Serif-Bold" if r == 0 else "Serif"
        cells = [pil_wrap(t, pil_font(font, tsize), w - 2 * pad) for t, w in
                 zip(row, widths, strict=True)]
        height = max(len(cell) for cell in cells) * tlead + 2 * pad
        top = page.y
        page.line(xs[0], top, xs[-1], top)
        for cell, cx, w in zip(cells, xs, widths, strict=False):
            ty = top + pad + tsize
            for line in cell:
                if r == 0 or cx == xs[0]:
                    page.text(cx + w / 2, ty, line, font, tsize, anchor="ms")
                else:
                    page.text(cx + pad, ty, line, font, tsize)
                ty += tlead
        for cx in xs:
            page.line(cx, top, cx, top + height)
        page.y = top + height
        page.line(xs[0], page.y, xs[-1], page.y)
    assert page.y < H - 15 * MM, f"statistical sheet overflows: {task.slug}"
    return page


def scan_abstract(task: rt.Task, st: Style) -> ImagePage:
    page = ImagePage()
    x, width = LEFT, WIDTH
    size, leading = 11.5, 16.5
    page.y = 27 * MM
    page.centred(["TÓM TẮT"], "Serif-Bold", 14, 26)
    page.paragraph(task.abstract, x, width, size, leading)
    page.y += 2
    page.labelled(st.keyword_label, "; ".join(task.keywords), x, width, size, leading)
    page.y += 20
    page.centred(["ABSTRACT"], "Serif-Bold", 14, 26)
    page.labelled("Title", task.title_en, x, width, size, leading)
    page.paragraph(task.abstract_en, x, width, size, leading)
    page.y += 2
    page.labelled("Keywords", "; ".join(task.keywords_en), x, width, size, leading)
    page.text(W / 2, H - 12 * MM, "3", "Serif", 10, anchor="ms")
    assert page.y < H - 15 * MM, f"abstract page overflows: {task.slug}"
    return page


def degrade(img: Image.Image, seed: str) -> bytes:
    """Make a clean page image look scanned; return JPEG bytes."""
    rng = random.Random(seed)
    img = img.point(lambda v: int(24 + v * 0.9))  # grey paper, softer black
    img = img.rotate(rng.uniform(-0.7, 0.7), resample=Image.Resampling.BICUBIC,
                     fillcolor=int(24 + 255 * 0.9), expand=False)
    size = img.size
    n = size[0] * size[1]
    fine = Image.frombytes("L", size, rng.randbytes(n)).point(lambda v: v % 13)
    img = ImageChops.add(img, fine, scale=1.0, offset=-6)
    specks = Image.frombytes("L", size, rng.randbytes(n)).point(lambda v: 110 if v >= 254 else 0)
    img = ImageChops.subtract(img, specks)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=60, optimize=True)
    return buf.getvalue()


def write_scanned(task: rt.Task, st: Style, path: Path) -> int:
    pages = [scan_cover(task, st), scan_sheet(task, st), scan_abstract(task, st)]
    c = ps.new_canvas(path, title=f"scan_{task.slug}.pdf", author="Scanner")
    for i, page in enumerate(pages, start=1):
        jpeg = degrade(page.img, f"scan:{task.slug}:{i}")
        c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, width=W, height=H)
        c.showPage()
    c.save()
    return len(pages)


# --------------------------------------------------------------------------------------------
# Ground truth and entry point
# --------------------------------------------------------------------------------------------


def expected(task: rt.Task) -> dict:
    """Ground-truth metadata of a task (members exclude the PI and the secretary)."""
    return {
        "document_type": "final_report",
        "kind": "research_result",
        "language": "vi",
        "title": task.title,
        "title_en": task.title_en,
        "task_code": task.code,
        "principal_investigator": task.pi.name,
        "principal_investigator_title": task.pi.title,
        "host_organisation": task.host_org.name,
        "parent_agency": task.parent_agency,
        "start": task.start,
        "end": task.end,
        "accepted": task.accepted,
        "budget_total_vnd": task.budget_total,
        "field_of_science": task.field_code,
        "keywords": list(task.keywords),
        "district": task.district,
        "sectors": list(task.sectors),
        "members": [m.name for m in task.members],
        "abstract": " ".join(task.abstract.split()),
        "abstract_en": " ".join(task.abstract_en.split()),
    }


def report_path(task: rt.Task) -> str:
    if task.scanned:
        return f"scanned/{task.slug}.pdf"
    return f"reports/{task.year}-{task.slug}.pdf"


def styles() -> dict[str, Style]:
    return {t.slug: choose_style(t, i) for i, t in enumerate(rt.TASKS)}


def build(out: Path) -> list[dict]:
    """Write the sample reports under ``out`` and return their ground-truth entries."""
    out = Path(out)
    (out / "reports").mkdir(parents=True, exist_ok=True)
    (out / "scanned").mkdir(parents=True, exist_ok=True)
    chosen = styles()
    entries = []
    for task in rt.TASKS:
        rel = report_path(task)
        if task.scanned:
            write_scanned(task, chosen[task.slug], out / rel)
            # abstracts read by OCR are not compared letter for letter
            scanned = {k: v for k, v in expected(task).items() if not k.startswith("abstract")}
            entries.append({"path": rel, "expected": {**scanned, "scanned": True}})
        else:
            pages = write_report(task, chosen[task.slug], out / rel)
            assert 8 <= pages <= 14, (task.slug, pages)
            entries.append({"path": rel, "expected": expected(task)})
    return entries


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    started = time.perf_counter()
    entries = build(out)
    elapsed = time.perf_counter() - started
    print(f"Wrote {len(entries)} reports to {out} in {elapsed:.1f} s")


if __name__ == "__main__":
    main()
