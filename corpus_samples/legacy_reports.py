"""Sample final reports typed with pre-Unicode Vietnamese fonts (TCVN3 / ABC and VNI).

    python corpus_samples/legacy_reports.py [OUT_DIR]

Reports from the 2000s were typed in Word with ``.VnTime`` (TCVN3, standard TCVN 5712:1993) or
``VNI-Times`` fonts. A PDF printed from them carries the font's bytes, so its text layer reads
as Latin-1 gibberish: "B¸o c¸o tæng hîp" (TCVN3) or "Baùo caùo toång hôïp" (VNI) for "Báo cáo
tổng hợp". ``build(out)`` writes such short final reports (cover, statistical sheet, abstract)
to ``out/legacy/<slug>.pdf``: each text is written in its legacy encoding and drawn as Latin-1
characters with a normal font, which is exactly what extraction gives for the real thing (the
page *looks* like gibberish too, since the font is not a legacy one). TCVN3 has no capitals
with tones: capitals are drawn with the small letter's code, as ``.VnTimeH`` heading fonts do.

The encoders here are written from the published charts on their own, independently of
``indexer.legacy_encodings`` (which reads them back), so that a wrong table entry on either side
shows up as a wrong field in the accuracy test instead of cancelling out.

Ground-truth entries are those of ``reports.expected`` with ``"legacy_encoding"`` ("tcvn3" or
"vni") beside ``"expected"``.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import pdf_style as ps  # noqa: E402
import report_topics as rt  # noqa: E402
import reports as rp  # noqa: E402

P = rt.P

# --------------------------------------------------------------------------------------------
# The encodings, from the charts
# --------------------------------------------------------------------------------------------

# TCVN3 (ABC): the letters at bytes 0xA1..0xFE in order; "_" marks a byte with no letter.
TCVN3_CHART = (
    "ĂÂÊÔƠƯĐăâêôơưđ______àảãáạ_ằẳẵắ_______ặầẩẫấậè_ẻẽéẹềểễếệìỉ___ĩíịò_ỏõóọồổỗốộờởỡớợù_ủũúụừửữứự"
    "ỳỷỹýỵ"
)
assert len(TCVN3_CHART) == 0xFE - 0xA1 + 1
_TCVN3 = {letter: chr(0xA1 + i) for i, letter in enumerate(TCVN3_CHART) if letter != "_"}

# VNI-Windows: a base letter followed by its accent character(s).
_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_TONE = {_GRAVE: "ø", _HOOK: "û", _TILDE: "õ", _ACUTE: "ù", _DOT: "ï"}
_VNI_CIRCUMFLEX = {None: "â", _GRAVE: "à", _HOOK: "å", _TILDE: "ã", _ACUTE: "á", _DOT: "ä"}
_VNI_BREVE = {None: "ê", _GRAVE: "è", _HOOK: "ú", _TILDE: "ü", _ACUTE: "é", _DOT: "ë"}
_VNI_I = {None: "i", _GRAVE: "ì", _HOOK: "æ", _TILDE: "ó", _ACUTE: "í", _DOT: "ò"}
_VNI_HORN = {"o": "ô", "u": "ö"}


def _vni_letter(char: str) -> str:
    if char in "đĐ":
        return "ñ" if char == "đ" else "Ñ"
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if not marks or not base.isascii():
        return char
    tone = next((mark for mark in marks if mark in _VNI_TONE), None)
    upper = base.isupper()
    base = base.lower()
    if base == "i":
        out = _VNI_I[tone]
    elif base == "y" and tone == _DOT:
        out = "î"
    elif _CIRCUMFLEX in marks:
        out = base + _VNI_CIRCUMFLEX[tone]
    elif _BREVE in marks:
        out = base + _VNI_BREVE[tone]
    elif _HORN in marks:
        out = _VNI_HORN[base] + (_VNI_TONE[tone] if tone else "")
    else:
        out = base + _VNI_TONE[tone]
    return out.upper() if upper else out


def encode(text: str, encoding: str) -> str:
    """``text`` in ``encoding`` ("tcvn3" or "vni"), one Latin-1 character per byte."""
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return "".join(_TCVN3.get(char, _TCVN3.get(char.lower(), char)) for char in text)
    return "".join(_vni_letter(char) for char in text)


# --------------------------------------------------------------------------------------------
# The tasks (2004-2009: the years of .VnTime and VNI-Times)
# --------------------------------------------------------------------------------------------

LEGACY_TASKS: list[tuple[rt.Task, str]] = [
    (rt.task(
        slug="tom-su-ban-tham-canh-tuy-phong",
        title="Xây dựng mô hình nuôi tôm sú bán thâm canh bền vững tại vùng ven biển huyện "
              "Tuy Phong",
        title_en="A sustainable semi-intensive black tiger shrimp farming model on the coast of "
                 "Tuy Phong district",
        code="ĐT.05/2004",
        pi=P("TS.", "Nguyễn Văn Hảo", "ria2"),
        secretary=P("KS.", "Trần Thị Kim Loan", "ria2"),
        members=[P("ThS.", "Phạm Minh Tuấn", "ria2"), P("KS.", "Lê Văn Sáu", "ccts"),
                 P("KS.", "Võ Thị Hạnh", "ubtp")],
        host="ria2", field_code="405", start="2004-03", end="2005-12", accepted="2006-04-18",
        budget_total=320_000_000, budget_state=300_000_000,
        district="tuy-phong", sectors=["thuy-san"],
        keywords=["tôm sú", "nuôi bán thâm canh", "Tuy Phong", "quản lý ao nuôi"],
        keywords_en=["black tiger shrimp", "semi-intensive farming", "Tuy Phong",
                     "pond management"],
        abstract="Nghề nuôi tôm sú ở vùng ven biển huyện Tuy Phong phát triển nhanh nhưng tự "
        "phát, nhiều ao nuôi bị dịch bệnh đốm trắng và đầu vàng, môi trường nước xuống cấp, "
        "người nuôi thua lỗ liên tiếp trong các năm 2001 và 2002. Đề tài đã điều tra hiện trạng "
        "120 hộ nuôi tại xã Vĩnh Tân, xã Chí Công và thị trấn Phan Rí Cửa, đánh giá chất lượng "
        "nước cấp, tình hình sử dụng giống, thức ăn và thuốc phòng trị bệnh. Trên cơ sở đó, "
        "nhóm nghiên cứu xây dựng mô hình nuôi bán thâm canh trên diện tích 6 ha của 8 hộ, áp "
        "dụng giống sạch bệnh được kiểm dịch, mật độ thả 15 con mỗi mét vuông, ao lắng xử lý "
        "nước, quạt nước và chế phẩm sinh học để quản lý đáy ao. Kết quả cho thấy tỷ lệ sống "
        "đạt 68%, năng suất bình quân 2,4 tấn mỗi héc-ta mỗi vụ, lợi nhuận cao hơn 35% so với "
        "ao đối chứng, không xảy ra dịch bệnh trong hai vụ nuôi. Đề tài đã biên soạn quy trình "
        "kỹ thuật nuôi tôm sú bán thâm canh phù hợp điều kiện địa phương, tổ chức 4 lớp tập "
        "huấn cho 160 lượt người nuôi và đề xuất quy hoạch vùng nuôi tập trung có hệ thống cấp "
        "thoát nước riêng.",
        abstract_en="Shrimp farming on the Tuy Phong coast grew without planning and suffered "
        "white spot and yellow head outbreaks. The project surveyed 120 farms, then ran a "
        "semi-intensive model on 6 hectares with certified seed, settling ponds, aeration and "
        "probiotics: survival reached 68%, yields 2.4 tonnes per hectare per crop and profit "
        "35% above the control, with no disease in two crops.",
        chapters=[
            ("Tổng quan", ("Nghề nuôi tôm sú ở Bình Thuận", "Nuôi bán thâm canh")),
            ("Điều tra hiện trạng", ("Phương pháp điều tra", "Kết quả điều tra")),
            ("Mô hình nuôi", ("Bố trí mô hình", "Kết quả và hiệu quả kinh tế")),
        ],
    ), "tcvn3"),
    (rt.task(
        slug="chat-thai-ran-sinh-hoat-phan-thiet",
        title="Điều tra, đánh giá hiện trạng và đề xuất giải pháp quản lý chất thải rắn sinh "
              "hoạt tại thành phố Phan Thiết",
        title_en="Municipal solid waste in Phan Thiet city: survey, assessment and management "
                 "measures",
        code="BT-MT-2006-03",
        pi=P("ThS.", "Lê Thị Minh Nguyệt", "qtmt"),
        secretary=P("CN.", "Phan Văn Lộc", "qtmt"),
        members=[P("KS.", "Trương Công Danh", "stn"), P("ThS.", "Huỳnh Thị Mai", "qtmt"),
                 P("KS.", "Nguyễn Hữu Phước", "ubpt"), P("CN.", "Đỗ Văn Khánh", "ctmt")],
        host="qtmt", field_code="207", start="2006-05", end="2007-10", accepted="2008-01-22",
        budget_total=275_000_000, budget_state=275_000_000,
        district="phan-thiet", sectors=["moi-truong"],
        keywords=["chất thải rắn", "rác sinh hoạt", "phân loại tại nguồn", "Phan Thiết"],
        keywords_en=["solid waste", "household waste", "source separation", "Phan Thiet"],
        abstract="Cùng với tốc độ đô thị hóa và phát triển du lịch, lượng chất thải rắn sinh "
        "hoạt tại thành phố Phan Thiết tăng khoảng 10% mỗi năm, trong khi tỷ lệ thu gom mới đạt "
        "65% và bãi chôn lấp hiện hữu sắp đầy. Đề tài đã khảo sát 400 hộ gia đình, 60 cơ sở "
        "kinh doanh, nhà hàng, khách sạn và các chợ trên địa bàn 18 phường, xã để xác định khối "
        "lượng, thành phần và đặc tính chất thải. Kết quả cho thấy mỗi người dân thải bình quân "
        "0,72 kg mỗi ngày, thành phần hữu cơ dễ phân hủy chiếm 62%, nhựa và nilon chiếm 14%. "
        "Nhóm nghiên cứu đã đánh giá năng lực thu gom, vận chuyển của đơn vị dịch vụ công ích, "
        "hiện trạng bãi chôn lấp và mức độ ô nhiễm nước rỉ rác đối với nguồn nước ngầm xung "
        "quanh. Đề tài đề xuất mô hình phân loại rác tại nguồn thí điểm ở phường Đức Thắng, "
        "phương án sản xuất phân hữu cơ từ rác chợ, lộ trình xây dựng khu xử lý tập trung và "
        "các giải pháp tuyên truyền nâng cao nhận thức cộng đồng, làm cơ sở cho quy hoạch quản "
        "lý chất thải rắn của thành phố đến năm 2020.",
        abstract_en="Household waste in Phan Thiet grows about 10% a year while only 65% is "
        "collected. Surveys of 400 households, 60 businesses and the markets found 0.72 kg per "
        "person per day, 62% organic. The project assessed collection and the landfill and "
        "proposed source separation, composting of market waste and a central treatment site.",
        chapters=[
            ("Tổng quan", ("Chất thải rắn đô thị", "Hiện trạng quản lý ở Phan Thiết")),
            ("Điều tra, đánh giá", ("Khối lượng và thành phần", "Thu gom và chôn lấp")),
            ("Giải pháp", ("Phân loại tại nguồn", "Lộ trình xử lý tập trung")),
        ],
    ), "tcvn3"),
    (rt.task(
        slug="giong-thanh-long-ruot-do-ham-thuan-bac",
        title="Nghiên cứu tuyển chọn giống thanh long ruột đỏ phù hợp với điều kiện canh tác "
              "tại huyện Hàm Thuận Bắc",
        title_en="Selecting red-flesh dragon fruit varieties suited to growing conditions in "
                 "Ham Thuan Bac district",
        code="ĐTKH.02/2005",
        pi=P("TS.", "Nguyễn Văn Kế", "sofri"),
        secretary=P("ThS.", "Võ Thị Bích Thủy", "sofri"),
        members=[P("KS.", "Trần Minh Chánh", "sofri"), P("KS.", "Ngô Văn Lực", "ubhtb"),
                 P("KS.", "Đặng Thị Hồng", "htl"), P("CN.", "Lâm Quốc Việt", "snn")],
        host="sofri", field_code="401", start="2005-01", end="2006-12", accepted="2007-03-15",
        budget_total=410_000_000, budget_state=380_000_000,
        district="ham-thuan-bac", sectors=["thanh-long"],
        keywords=["thanh long ruột đỏ", "tuyển chọn giống", "Hàm Thuận Bắc", "năng suất"],
        keywords_en=["red-flesh dragon fruit", "variety selection", "Ham Thuan Bac", "yield"],
        abstract="Thanh long ruột trắng là cây trồng chủ lực của huyện Hàm Thuận Bắc nhưng thị "
        "trường bắt đầu có nhu cầu về thanh long ruột đỏ có màu sắc hấp dẫn và vị ngọt đậm. Các "
        "giống ruột đỏ nhập nội trồng thử ở địa phương cho kết quả không ổn định, nhiều dòng "
        "tự thụ phấn kém, tỷ lệ đậu quả thấp. Đề tài đã thu thập và đánh giá 12 dòng thanh long "
        "ruột đỏ từ các tỉnh phía Nam và từ nguồn nhập nội, bố trí vườn so sánh giống tại thị "
        "trấn Ma Lâm và xã Hàm Liêm, theo dõi sinh trưởng, khả năng ra hoa, tỷ lệ đậu quả, năng "
        "suất, chất lượng quả và mức độ nhiễm bệnh trong hai năm. Kết quả đã tuyển chọn được "
        "hai dòng LĐ1 và LĐ5 có khả năng tự thụ phấn tốt, tỷ lệ đậu quả trên 85%, khối lượng quả "
        "bình quân 380 gam, độ Brix đạt 16–18%, năng suất năm thứ ba đạt 18 tấn mỗi héc-ta. Đề "
        "tài đã xây dựng quy trình nhân giống bằng hom, hướng dẫn kỹ thuật chăm sóc và chuyển "
        "giao cho 25 hộ nông dân trồng thử trên diện tích 5 ha.",
        abstract_en="Red-flesh dragon fruit is in demand, but imported lines grown in Ham Thuan "
        "Bac set fruit poorly. Twelve lines were compared over two years; LD1 and LD5 "
        "self-pollinate, set over 85% of flowers, give 380 g fruits at 16-18 Brix and 18 tonnes "
        "per hectare in year three. Cutting propagation and care guidelines were transferred to "
        "25 farms.",
        chapters=[
            ("Tổng quan", ("Cây thanh long ruột đỏ", "Tình hình sản xuất tại Bình Thuận")),
            ("Vật liệu và phương pháp", ("Nguồn giống", "Bố trí thí nghiệm")),
            ("Kết quả", ("Sinh trưởng và năng suất", "Chất lượng quả")),
        ],
    ), "vni"),
    (rt.task(
        slug="ho-so-dia-chinh-bac-binh",
        title="Ứng dụng công nghệ thông tin trong quản lý hồ sơ địa chính tại huyện Bắc Bình",
        title_en="Information technology for cadastral records management in Bac Binh district",
        code="BT-CNTT-2008-04",
        pi=P("ThS.", "Hoàng Quốc Bảo", "cdbt"),
        secretary=P("KS.", "Nguyễn Thị Thanh Tâm", "cdbt"),
        members=[P("ThS.", "Lý Văn Thành", "cdbt"), P("KS.", "Phạm Đình Tùng", "stn"),
                 P("CN.", "Mai Thị Xuân", "ubbb")],
        host="cdbt", field_code="102", start="2008-04", end="2009-09", accepted="2009-12-10",
        budget_total=198_000_000, budget_state=198_000_000,
        district="bac-binh", sectors=["cong-nghe-thong-tin"],
        keywords=["hồ sơ địa chính", "cơ sở dữ liệu", "phần mềm quản lý", "Bắc Bình"],
        keywords_en=["cadastral records", "database", "management software", "Bac Binh"],
        abstract="Hồ sơ địa chính của huyện Bắc Bình được lưu trữ chủ yếu trên giấy, nhiều tờ "
        "bản đồ và sổ mục kê đã cũ nát, việc tra cứu phục vụ cấp giấy chứng nhận quyền sử dụng "
        "đất mất nhiều thời gian và dễ sai sót. Đề tài đã khảo sát quy trình nghiệp vụ tại Văn "
        "phòng đăng ký quyền sử dụng đất và 6 xã, thị trấn, từ đó thiết kế cơ sở dữ liệu địa "
        "chính gồm thông tin thửa đất, chủ sử dụng, biến động và bản đồ số. Nhóm nghiên cứu đã "
        "xây dựng phần mềm quản lý hồ sơ địa chính chạy trên mạng nội bộ, cho phép nhập liệu, "
        "tra cứu theo nhiều tiêu chí, in sổ sách theo mẫu của Bộ Tài nguyên và Môi trường và "
        "cập nhật biến động đất đai. Dữ liệu của 21.500 thửa đất tại thị trấn Chợ Lầu và thị "
        "trấn Lương Sơn đã được số hóa và kiểm tra. Kết quả vận hành thử trong sáu tháng cho "
        "thấy thời gian tra cứu một hồ sơ giảm từ 30 phút xuống dưới 2 phút, sai sót trong "
        "thống kê đất đai giảm rõ rệt. Đề tài đã tập huấn sử dụng phần mềm cho 24 cán bộ địa "
        "chính và đề xuất lộ trình mở rộng cho toàn huyện.",
        abstract_en="Cadastral records in Bac Binh were kept on paper. The project designed a "
        "cadastral database and a local-network application for entry, search, statutory "
        "registers and updates, digitised 21,500 parcels in two towns, and cut look-up time "
        "from 30 minutes to under 2; 24 officers were trained.",
        chapters=[
            ("Tổng quan", ("Hồ sơ địa chính", "Ứng dụng tin học trong quản lý đất đai")),
            ("Thiết kế hệ thống", ("Cơ sở dữ liệu", "Phần mềm quản lý")),
            ("Triển khai", ("Số hóa dữ liệu", "Vận hành thử")),
        ],
    ), "vni"),
]


# --------------------------------------------------------------------------------------------
# Rendering (reportlab): every string is encoded before it is measured and drawn
# --------------------------------------------------------------------------------------------

W, H, MM = rp.W, rp.H, rp.MM
LEFT, WIDTH = rp.LEFT, rp.WIDTH


class LegacyPage:
    """A cursor over one A4 page that writes text in a legacy encoding."""

    def __init__(self, c, encoding: str, y: float):
        self.c = c
        self.encoding = encoding
        self.y = y

    def enc(self, text: str) -> str:
        return encode(text, self.encoding)

    def centred(self, text: str, font: str, size: float, leading: float, width: float) -> None:
        for line in ps.balanced_wrap(self.enc(text), font, size, width):
            self.c.setFont(font, size)
            self.c.drawCentredString(W / 2, self.y, line)
            self.y -= leading

    def labelled(self, label: str, value: str, x: float, width: float, size: float,
                 leading: float, hang: float = 18, label_font: str = "Serif-Bold") -> None:
        head = self.enc(f"{label}: ")
        head_w = ps.text_width(head, label_font, size)
        lines = ps.wrap(self.enc(value), "Serif", size, width - hang, first_width=width - head_w)
        self.c.setFont(label_font, size)
        self.c.drawString(x, self.y, head)
        for i, line in enumerate(lines):
            self.c.setFont("Serif", size)
            self.c.drawString(x + (head_w if i == 0 else hang), self.y, line)
            self.y -= leading

    def paragraph(self, text: str, size: float, leading: float, indent: float = 24) -> None:
        self.y = ps.paragraph(self.c, LEFT, self.y, self.enc(text), "Serif", size, WIDTH,
                              leading, align="justify", first_indent=indent)

    def table(self, rows: list[tuple[str, ...]], widths: list[float], size: float) -> None:
        """Row by row, each cell's lines top to bottom, as a word processor prints a table."""
        c, leading, pad = self.c, size * 1.3, 4
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        c.setLineWidth(0.6)
        for r, row in enumerate(rows):
            font = "Serif-Bold" if r == 0 else "Serif"
            cells = [ps.wrap(self.enc(text), font, size, w - 2 * pad)
                     for text, w in zip(row, widths, strict=True)]
            height = max(len(cell) for cell in cells) * leading + 2 * pad
            top = self.y
            c.line(xs[0], top, xs[-1], top)
            for cell, x, w in zip(cells, xs, widths, strict=False):
                ty = top - pad - size
                c.setFont(font, size)
                for line in cell:
                    if r == 0 or x == xs[0]:
                        c.drawCentredString(x + w / 2, ty, line)
                    else:
                        c.drawString(x + pad, ty, line)
                    ty -= leading
            for x in xs:
                c.line(x, top, x, top - height)
            self.y = top - height
            c.line(xs[0], self.y, xs[-1], self.y)


def draw_cover(c, task: rt.Task, st: rp.Style, encoding: str) -> None:
    c.setLineWidth(2.2)
    c.rect(16 * MM, 14 * MM, W - 32 * MM, H - 28 * MM)
    page = LegacyPage(c, encoding, H - 34 * MM)
    for text, bold in rp.cover_top_lines(task, st):
        page.centred(text, "Serif-Bold" if bold else "Serif", 13, 17, W - 70 * MM)
    page.y = H - 100 * MM
    page.centred(st.doc_type, "Serif-Bold", 15, 21, W - 50 * MM)
    page.y -= 16
    page.centred(rp.cover_title(task, st), "Serif-Bold", 15, 21, W - 62 * MM)
    page.y -= 40
    for label, value in rp.cover_fields(task, st):
        page.labelled(label, value, 42 * MM, W - 76 * MM, 12.5, 18, hang=14, label_font="Serif")
        page.y -= 3
    page.y = 26 * MM
    page.centred(st.place_line, "Serif-Bold", 13, 17, W - 40 * MM)


def draw_sheet(c, task: rt.Task, st: rp.Style, encoding: str) -> None:
    page = LegacyPage(c, encoding, H - 25 * MM)
    page.centred("BÁO CÁO THỐNG KÊ KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "Serif-Bold", 13, 24, WIDTH)
    size, leading = 11, 15.5
    items = rp.sheet_items(task, st)
    for i, item in enumerate(items, start=1):
        page.labelled(f"{i}. {item.label}" if st.numbered else item.label, item.value, LEFT,
                      WIDTH, size, leading)
        for extra in item.extra:
            label, value = extra.split(": ", 1)
            page.labelled(label, value, LEFT + 18, WIDTH - 18, size, leading, label_font="Serif")
        page.y -= 2
    page.y -= 4
    title = rp.members_title(st) + ":"
    c.setFont("Serif-Bold", size)
    c.drawString(LEFT, page.y, page.enc(f"{len(items) + 1}. {title}" if st.numbered else title))
    page.y -= 8
    page.table([rp.MEMBER_HEADERS, *rp.member_rows(task, st)], [30, 152, 150, WIDTH - 332], 9.5)
    assert page.y > 15 * MM, f"statistical sheet overflows: {task.slug}"


def draw_abstract(c, task: rt.Task, st: rp.Style, encoding: str) -> None:
    page = LegacyPage(c, encoding, H - 27 * MM)
    size, leading = 11.5, 16.5
    page.centred("TÓM TẮT", "Serif-Bold", 14, 26, WIDTH)
    page.paragraph(task.abstract, size, leading)
    page.y -= 2
    page.labelled(st.keyword_label, "; ".join(task.keywords), LEFT, WIDTH, size, leading)
    page.y -= 20
    page.centred("ABSTRACT", "Serif-Bold", 14, 26, WIDTH)
    page.labelled("Title", task.title_en, LEFT, WIDTH, size, leading)
    page.paragraph(task.abstract_en, size, leading)
    page.y -= 2
    page.labelled("Keywords", "; ".join(task.keywords_en), LEFT, WIDTH, size, leading)
    assert page.y > 15 * MM, f"abstract page overflows: {task.slug}"
    c.setFont("Serif", 10)
    c.drawCentredString(W / 2, 12 * MM, "3")


def write_legacy_report(task: rt.Task, st: rp.Style, encoding: str, path: Path) -> int:
    c = ps.new_canvas(path, title=f"{task.slug}.doc", author="Microsoft Word")
    for draw in (draw_cover, draw_sheet, draw_abstract):
        draw(c, task, st, encoding)
        c.showPage()
    c.save()
    return 3


def build(out: Path) -> list[dict]:
    """Write the legacy-encoded reports under ``out/legacy`` and return their ground truth."""
    out = Path(out)
    (out / "legacy").mkdir(parents=True, exist_ok=True)
    entries = []
    for index, (task, encoding) in enumerate(LEGACY_TASKS):
        st = rp.choose_style(task, 100 + index)
        rel = f"legacy/{task.slug}.pdf"
        write_legacy_report(task, st, encoding, out / rel)
        entries.append({"path": rel, "legacy_encoding": encoding, "expected": rp.expected(task)})
    return entries


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    entries = build(out)
    print(f"Wrote {len(entries)} legacy-encoded reports to {out / 'legacy'}")


if __name__ == "__main__":
    main()
