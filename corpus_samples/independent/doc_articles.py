"""Journal articles and theses (four documents): mastheads, running headers, section names.

The traps are the ones real first pages set: a journal name and a section name in capitals
above the title, volume/issue and DOI lines, a running header repeated on every page (the first
included), authors with affiliation marks, and thesis covers whose "Mã số" is a degree code, not
a task code.
"""

from __future__ import annotations

from filler import paragraphs
from html_kit import document, esc, lines, page, para

ARTICLE_CSS = """
.running { position: fixed; top: 0; left: 0; right: 0; font-size: 9pt; font-style: italic;
           border-bottom: 0.5pt solid #000; padding-bottom: 2pt; }
.first { padding-top: 8mm; }
.masthead { border: 1pt solid #000; padding: 6pt; margin-bottom: 10pt; }
.title { font-size: 16pt; font-weight: bold; text-align: center; margin: 12pt 0 8pt 0; }
.authors { text-align: center; font-weight: bold; }
.affil { text-align: center; font-size: 10pt; font-style: italic; }
.abstract { font-size: 11pt; margin: 8pt 12mm; }
.cols { column-count: 2; column-gap: 7mm; font-size: 11pt; }
"""

ARTICLE_KEYS = {"document_type": "research_document", "kind": "research_result"}


def _body(topic: list[str], headings: list[str], seed: int, english: bool = False) -> str:
    parts = []
    for index, heading in enumerate(headings):
        text = "".join(para(t) for t in paragraphs(topic, 3, seed * 10 + index, english))
        parts.append(f"<h3>{esc(heading)}</h3>{text}")
    return '<div class="cols">' + "".join(parts) + "</div>"


# --------------------------------------------------------------------------- A1: journal article

BIOCHAR = [
    "Than sinh học được nhiệt phân từ vỏ hạt điều ở 500 °C trong 2 giờ.",
    "Dung lượng hấp phụ cực đại đạt 48,6 mg/g ở pH 5,5.",
    "Quá trình hấp phụ tuân theo mô hình đẳng nhiệt Langmuir và động học biểu kiến bậc hai.",
    "Vỏ hạt điều là phụ phẩm dồi dào của các cơ sở chế biến tại huyện Đức Linh.",
]


def biochar() -> tuple[str, str, dict]:
    title = "Đánh giá khả năng hấp phụ ion chì trong nước của than sinh học điều chế từ vỏ hạt điều"
    title_en = "Lead ion adsorption from water by biochar prepared from cashew nut shells"
    running = (
        '<div class="running">Tạp chí Khoa học Đại học Phan Thiết, Tập 8, Số 2 (2022): 45–53</div>'
    )
    first = page(
        running + '<div class="first"><table class="masthead"><tr><td style="width:60%">'
        '<div class="bold big">TẠP CHÍ KHOA HỌC</div><div class="bold">ĐẠI HỌC PHAN THIẾT</div>'
        '<div class="small">ISSN 2525-2577</div></td><td class="right small">'
        "KHOA HỌC CÔNG NGHỆ<br>DOI: 10.58527/ptu.2022.08.2.05</td></tr></table>"
        + f'<div class="title">{esc(title.upper())}</div>'
        + '<div class="authors">Nguyễn Thị Hồng Vân<sup>1*</sup>, Lê Minh Tuấn<sup>2</sup>, '
        "Phạm Quốc Hùng<sup>1</sup></div>"
        + '<div class="affil"><sup>1</sup>Khoa Kỹ thuật – Công nghệ, Trường Đại học Phan Thiết'
        "</div>"
        + '<div class="affil"><sup>2</sup>Viện Kỹ thuật Nhiệt đới</div>'
        + '<div class="affil">*Tác giả liên hệ: nthvan@upt.edu.vn</div>'
        + '<div class="affil">Ngày nhận bài: 12/01/2022; Ngày duyệt đăng: 20/4/2022</div>'
        + '<div class="abstract"><b>TÓM TẮT</b>'
        + "".join(para(t) for t in paragraphs(BIOCHAR, 1, 71))
        + "<p><b>Từ khóa:</b> than sinh học, vỏ hạt điều, hấp phụ, chì</p></div>"
        + f'<div class="abstract"><div class="bold center">{esc(title_en.upper())}</div>'
        + "<b>ABSTRACT</b><p>Biochar was produced from cashew nut shells and tested for the "
        "removal of lead ions from water. The maximum adsorption capacity reached 48.6 mg/g.</p>"
        + "<p><b>Keywords:</b> biochar, cashew nut shell, adsorption, lead</p></div></div>"
    )
    rest = page(
        running
        + '<div class="first">'
        + _body(
            BIOCHAR,
            [
                "1. GIỚI THIỆU",
                "2. VẬT LIỆU VÀ PHƯƠNG PHÁP",
                "3. KẾT QUẢ VÀ THẢO LUẬN",
                "4. KẾT LUẬN",
            ],
            7,
        )
        + "</div>"
    )
    expected = {
        **ARTICLE_KEYS,
        "language": "vi",
        "title": title,
        "title_en": title_en,
        "members": ["Nguyễn Thị Hồng Vân", "Lê Minh Tuấn", "Phạm Quốc Hùng"],
        "principal_investigator": None,
        "keywords": ["than sinh học", "vỏ hạt điều", "hấp phụ", "chì"],
        "task_code": None,
    }
    html = document(first + rest, css=ARTICLE_CSS, font="DejaVu Serif", title=title)
    return "bai-bao-than-sinh-hoc-vo-hat-dieu.pdf", html, expected


# --------------------------------------------------------------------------- A2: English thesis

SEAGRASS = [
    "Seagrass beds were mapped from Sentinel-2 images and 126 ground-truth points.",
    "Enhalus acoroides and Thalassia hemprichii dominate the meadows around Hon Cau.",
    "The seagrass area decreased by 18% between 2016 and 2020.",
    "Turbidity from coastal aquaculture is the main pressure on the meadows.",
]


def seagrass() -> tuple[str, str, dict]:
    title = (
        "Spatial distribution of seagrass beds around Hon Cau Marine Protected Area, "
        "Binh Thuan province"
    )
    cover = page(
        '<div class="double" style="height:245mm">'
        + lines("MINISTRY OF EDUCATION AND TRAINING", "NHA TRANG UNIVERSITY", cls="center bold")
        + lines("———————", cls="center")
        + '<div class="spacer"></div>'
        + lines("NGUYEN HOANG PHUC", cls="center bold")
        + '<div class="spacer"></div>'
        + f'<div class="center bold big">{esc(title.upper())}</div>'
        + '<div class="spacer"></div>'
        + lines("MASTER'S THESIS", cls="center bold big")
        + '<div class="spacer-s"></div>'
        + lines(
            "Major: Environmental Science",
            "Code: 8440301",
            "Supervisor: Assoc. Prof. Dr. Dang Thi Minh Chau",
            cls="center",
        )
        + '<div class="spacer"></div>'
        + lines("KHANH HOA – 2021", cls="center bold")
        + "</div>"
    )
    declaration = page(
        '<h2 class="center">DECLARATION</h2>'
        + para(
            f"I hereby declare that the thesis “{title}” is my own research, carried out at "
            "Nha Trang University under the guidance of my supervisor. The data and results "
            "are honest and have not been published elsewhere."
        )
        + '<div class="right">Khanh Hoa, October 2021<br>Nguyen Hoang Phuc</div>'
    )
    abstract = page(
        '<h2 class="center">ABSTRACT</h2>'
        + "".join(para(t) for t in paragraphs(SEAGRASS, 3, 81, english=True))
        + "<p><b>Keywords:</b> seagrass; Hon Cau; remote sensing; Binh Thuan</p>"
    )
    body = page(
        _body(
            SEAGRASS,
            ["CHAPTER 1. INTRODUCTION", "CHAPTER 2. METHODS", "CHAPTER 3. RESULTS"],
            8,
            english=True,
        )
    )
    expected = {
        **ARTICLE_KEYS,
        "language": "en",
        "title": title,
        "principal_investigator": "Nguyen Hoang Phuc",
        "host_organisation": "Nha Trang University",
        "members": [],
        "keywords": ["seagrass", "Hon Cau", "remote sensing", "Binh Thuan"],
        "task_code": None,
    }
    html = document(
        cover + declaration + abstract + body, css=ARTICLE_CSS, font="Liberation Serif", title=title
    )
    return "thesis-2021-seagrass-hon-cau.pdf", html, expected


# --------------------------------------------------------------------------- A3: bulletin article

THI_TRUONG = [
    "Giá trị giao dịch công nghệ trên địa bàn tỉnh giai đoạn 2016-2020 còn thấp.",
    "Các tổ chức trung gian của thị trường khoa học và công nghệ tại Bình Thuận chưa hình thành.",
    "Kế hoạch 4239/KH-UBND đặt mục tiêu số hóa các kết quả nghiên cứu có tiềm năng thương mại.",
    "Doanh nghiệp nhỏ và vừa chiếm phần lớn nhu cầu đổi mới công nghệ của tỉnh.",
]


def thi_truong() -> tuple[str, str, dict]:
    title = "Giải pháp phát triển thị trường khoa học và công nghệ tỉnh Bình Thuận đến năm 2030"
    running = '<div class="running">NGHIÊN CỨU – TRAO ĐỔI &nbsp;&nbsp;&nbsp; Số 5/2023</div>'
    first = page(
        running + '<div class="first"><table class="masthead"><tr><td class="bold">'
        'THÔNG TIN KHOA HỌC VÀ CÔNG NGHỆ BÌNH THUẬN</td><td class="right">Số 5/2023</td>'
        "</tr></table>"
        + f'<div class="title" style="text-align:left">{esc(title.upper())}</div>'
        + '<div style="font-weight:bold">Trần Văn Bảy<sup>(1)</sup>, Hồ Thị Ngọc Diệp<sup>(2)</sup>'
        "</div>"
        + '<div class="small italic">(1) Sở Khoa học và Công nghệ tỉnh Bình Thuận; (2) Trường '
        "Đại học Kinh tế Thành phố Hồ Chí Minh</div>"
        + '<div class="abstract" style="margin-left:0"><p><b>Tóm tắt:</b> '
        + esc(" ".join(paragraphs(THI_TRUONG, 1, 91)))
        + "</p><p><b>Từ khóa:</b> thị trường khoa học và công nghệ; thương mại hóa; Bình Thuận"
        "</p></div>" + _body(THI_TRUONG, ["1. Đặt vấn đề", "2. Thực trạng"], 9) + "</div>"
    )
    rest = page(
        running
        + '<div class="first">'
        + _body(THI_TRUONG, ["3. Giải pháp", "4. Kết luận"], 10)
        + "</div>"
    )
    expected = {
        **ARTICLE_KEYS,
        "language": "vi",
        "title": title,
        "members": ["Trần Văn Bảy", "Hồ Thị Ngọc Diệp"],
        "principal_investigator": None,
        "keywords": ["thị trường khoa học và công nghệ", "thương mại hóa", "Bình Thuận"],
        "task_code": None,
    }
    html = document(first + rest, css=ARTICLE_CSS, font="Liberation Sans", title=title)
    return "bai-viet-thi-truong-khcn-2030.pdf", html, expected


# --------------------------------------------------------------------------- A4: Vietnamese thesis

DIEU = [
    "Sáu giống điều ghép được theo dõi trên vườn 5 năm tuổi tại xã Đa Kai, huyện Đức Linh.",
    "Giống AB29 cho năng suất hạt cao nhất, đạt 2,4 tấn/ha.",
    "Tỷ lệ nhân của các giống dao động từ 28% đến 31%.",
    "Bệnh thán thư gây hại nặng vào thời kỳ ra hoa khi gặp mưa trái mùa.",
]


def dieu_ghep() -> tuple[str, str, dict]:
    title = (
        "Đánh giá đặc điểm nông học và năng suất của một số giống điều ghép tại huyện Đức Linh, "
        "tỉnh Bình Thuận"
    )
    university = "Trường Đại học Nông Lâm Thành phố Hồ Chí Minh"
    cover = page(
        '<div class="double" style="height:245mm">'
        + lines("BỘ GIÁO DỤC VÀ ĐÀO TẠO", university.upper(), "**********", cls="center bold")
        + '<div class="spacer"></div>'
        + lines("LÊ THỊ KIM OANH", cls="center bold")
        + '<div class="spacer"></div>'
        + f'<div class="center bold big">{esc(title.upper())}</div>'
        + '<div class="spacer"></div>'
        + lines("LUẬN VĂN THẠC SĨ NÔNG NGHIỆP", cls="center bold big")
        + lines(
            "Chuyên ngành: Khoa học cây trồng",
            "Mã số: 8620110",
            "Người hướng dẫn khoa học: TS. Nguyễn Văn Kiên",
            cls="center",
        )
        + '<div class="spacer"></div>'
        + lines("Thành phố Hồ Chí Minh, tháng 10/2020", cls="center italic")
        + "</div>"
    )
    pledge = page(
        '<h2 class="center">LỜI CAM ĐOAN</h2>'
        + para(
            f"Tôi xin cam đoan luận văn “{title}” là công trình nghiên cứu của riêng tôi. "
            "Các số liệu, kết quả nêu trong luận văn là trung thực và chưa từng được công bố."
        )
        + '<h2 class="center">LỜI CẢM ƠN</h2>'
        + para(
            f"Tôi xin chân thành cảm ơn Ban Giám hiệu {university}, Phòng Sau đại học và "
            "Khoa Nông học đã tạo điều kiện cho tôi học tập và nghiên cứu."
        )
    )
    summary = page(
        '<h2 class="center">TÓM TẮT</h2>' + "".join(para(t) for t in paragraphs(DIEU, 3, 101))
    )
    body = page(
        _body(
            DIEU,
            ["MỞ ĐẦU", "Chương 1. TỔNG QUAN TÀI LIỆU", "Chương 2. NỘI DUNG VÀ PHƯƠNG PHÁP"],
            11,
        )
    )
    expected = {
        **ARTICLE_KEYS,
        "language": "vi",
        "title": title,
        "principal_investigator": "Lê Thị Kim Oanh",
        "host_organisation": university,
        "members": [],
        "task_code": None,
    }
    html = document(
        cover + pledge + summary + body, css=ARTICLE_CSS, font="DejaVu Serif", title=title
    )
    return "luan-van-2020-dieu-ghep-duc-linh.pdf", html, expected


def build() -> list[tuple[str, str, dict]]:
    return [biochar(), seagrass(), thi_truong(), dieu_ghep()]
