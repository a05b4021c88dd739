"""Held-out documents (five): written after the parsers were fixed on the first fourteen, and
measured once before any further change, so that the figure on them is not a tuned one.

A statistical sheet as a three-column form (row number, label, value), bilingual labels
("Tên đề tài / Project title"), an English patent front page in flowing CSS columns with US-style
labels, an English article with a Title Case title, and a Vietnamese article whose authors are
printed in capitals under a sentence-case title, with a running footer.
"""

from __future__ import annotations

from filler import chapters, paragraphs
from html_kit import document, esc, lines, page, para

REPORT = {"document_type": "final_report", "kind": "research_result"}
ARTICLE = {"document_type": "research_document", "kind": "research_result"}

# --------------------------------------------------------------------------- H1: form rows

MUOI = [
    "Muối sạch được sản xuất trên nền ruộng trải bạt HDPE tại xã Vĩnh Hảo.",
    "Hàm lượng NaCl đạt trên 97%, tạp chất không tan dưới 0,1%.",
    "Năng suất muối tăng 25% so với phương pháp sản xuất truyền thống trên nền đất.",
    "Diêm dân được tập huấn quy trình thu hoạch và bảo quản muối sạch.",
]


def muoi_sach() -> tuple[str, str, dict]:
    title = "Ứng dụng công nghệ trải bạt HDPE sản xuất muối sạch tại huyện Tuy Phong"
    rows = [
        ("1", "Tên nhiệm vụ", esc(title)),
        ("2", "Mã số nhiệm vụ", "NV-NN-2019-11"),
        ("3", "Cấp quản lý", "Tỉnh"),
        ("4", "Tổ chức chủ trì", "Chi cục Phát triển nông thôn tỉnh Bình Thuận"),
        ("5", "Cơ quan chủ quản", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận"),
        ("6", "Chủ nhiệm nhiệm vụ", "KS. Đinh Văn Quý"),
        ("7", "Thư ký", "CN. Ngô Thị Bích Trâm"),
        ("8", "Thành viên chính", "1. ThS. Lưu Văn Hòa; 2. KS. Tạ Minh Nhật; 3. Kiều Thị Yến"),
        ("9", "Thời gian thực hiện", "Từ 01/07/2019 đến 30/06/2021"),
        ("10", "Kinh phí được phê duyệt", "Tổng: 1,8 tỷ đồng; NSNN: 1,5 tỷ đồng"),
        ("11", "Địa điểm", "Xã Vĩnh Hảo, huyện Tuy Phong"),
        ("12", "Lĩnh vực nghiên cứu", "Kỹ thuật thực phẩm và đồ uống"),
        ("13", "Ngày họp Hội đồng nghiệm thu", "12/10/2021"),
    ]
    table = '<table class="grid"><tr><th style="width:7%">STT</th><th style="width:30%">Chỉ '
    table += (
        "tiêu</th><th>Nội dung</th></tr>"
        + "".join(
            f"<tr><td>{n}</td><td>{esc(label)}</td><td>{value}</td></tr>"
            for n, label, value in rows
        )
        + "</table>"
    )
    cover = page(
        lines(
            "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN BÌNH THUẬN",
            "CHI CỤC PHÁT TRIỂN NÔNG THÔN",
            cls="center bold",
        )
        + '<div class="spacer"></div>'
        + lines("BÁO CÁO TỔNG HỢP KẾT QUẢ NHIỆM VỤ", cls="center bold big")
        + f'<div class="box center bold big">{esc(title.upper())}</div>'
        + '<div class="spacer"></div>'
        + lines("Bình Thuận, tháng 11 năm 2021", cls="center")
    )
    sheet = page('<h2 class="center">BÁO CÁO THỐNG KÊ KẾT QUẢ NHIỆM VỤ</h2>' + table)
    body = chapters(["MỞ ĐẦU", "CHƯƠNG 1. TỔNG QUAN", "CHƯƠNG 2. KẾT QUẢ", "KẾT LUẬN"], MUOI, 12)
    expected = {
        **REPORT,
        "language": "vi",
        "title": title,
        "task_code": "NV-NN-2019-11",
        "principal_investigator": "Đinh Văn Quý",
        "principal_investigator_title": "KS.",
        "secretary": "Ngô Thị Bích Trâm",
        "host_organisation": "Chi cục Phát triển nông thôn tỉnh Bình Thuận",
        "parent_agency": "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận",
        "start": "2019-07",
        "end": "2021-06",
        "accepted": "2021-10-12",
        "budget_total_vnd": 1_800_000_000,
        "budget_state_vnd": 1_500_000_000,
        "field_of_science": "211",
        "district": "tuy-phong",
        "members": ["Lưu Văn Hòa", "Tạ Minh Nhật", "Kiều Thị Yến"],
    }
    html = document(cover + sheet + body, font="Liberation Serif", title=title)
    return "bc-2021-muoi-sach-tuy-phong.pdf", html, expected


# --------------------------------------------------------------------------- H2: bilingual

DIEN = [
    "Hệ thống điện mặt trời áp mái 50 kWp được lắp đặt cho trại giống thủy sản.",
    "Sản lượng điện trung bình đạt 210 kWh mỗi ngày trong mùa khô.",
    "Chi phí điện của trại giống giảm 62% sau một năm vận hành.",
]


def dien_trai_giong() -> tuple[str, str, dict]:
    title = "Ứng dụng điện mặt trời áp mái cho trại sản xuất giống tôm tại huyện Tuy Phong"
    title_en = "Rooftop solar power for shrimp hatcheries in Tuy Phong district"
    items = [
        f"1. Tên đề tài / Project title: {title}",
        f"2. Tên tiếng Anh / English title: {title_en}",
        "3. Mã số / Code: BT-NL-2020-02",
        "4. Chủ nhiệm / Project leader: PGS.TS. Quách Văn Lực",
        "5. Tổ chức chủ trì / Host institution: Trường Đại học Bách khoa – Đại học Quốc gia "
        "TP. Hồ Chí Minh",
        "6. Thời gian / Duration: 03/2020 – 08/2021",
        "7. Kinh phí / Budget: 980 triệu đồng",
        "8. Ngày nghiệm thu / Acceptance date: 17/12/2021",
    ]
    cover = page(
        lines("UBND TỈNH BÌNH THUẬN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", cls="center bold")
        + '<div class="spacer"></div>'
        + lines("BÁO CÁO TỔNG HỢP KẾT QUẢ ĐỀ TÀI", "FINAL REPORT", cls="center bold big")
        + f'<div class="center bold big">{esc(title.upper())}</div>'
        + '<div class="spacer"></div>'
        + lines("Bình Thuận – 2021", cls="center bold")
    )
    sheet = page(
        '<h2 class="center">THÔNG TIN CHUNG / GENERAL INFORMATION</h2>'
        + "".join(para(item) for item in items)
    )
    body = chapters(["MỞ ĐẦU", "CHƯƠNG 1", "CHƯƠNG 2", "KẾT LUẬN"], DIEN, 13)
    expected = {
        **REPORT,
        "language": "vi",
        "title": title,
        "title_en": title_en,
        "task_code": "BT-NL-2020-02",
        "principal_investigator": "Quách Văn Lực",
        "principal_investigator_title": "PGS.TS.",
        "host_organisation": "Trường Đại học Bách khoa – Đại học Quốc gia TP. Hồ Chí Minh",
        "start": "2020-03",
        "end": "2021-08",
        "accepted": "2021-12-17",
        "budget_total_vnd": 980_000_000,
    }
    html = document(cover + sheet + body, font="DejaVu Sans", title=title)
    return "bc-2021-dien-mat-troi-trai-giong.pdf", html, expected


# --------------------------------------------------------------------------- H3: US-style patent

SALT = [
    "Brine is pre-concentrated in covered ponds lined with a geomembrane.",
    "Crystallisation takes place on trays heated by solar collectors.",
    "The salt obtained contains more than 97% sodium chloride.",
]


def us_style_patent() -> tuple[str, str, dict]:
    title = "Apparatus for producing clean sea salt using solar-heated crystallisation trays"
    left = "".join(
        para(text)
        for text in (
            "(12) PATENT",
            "(11) Patent No.: 1-0029911",
            "(45) Date of Patent: Mar. 25, 2021",
            f"(54) {title.upper()}",
            "(71) Applicant: Tuy Phong Salt Joint Stock Company, Vinh Hao, Tuy Phong, "
            "Binh Thuan (VN)",
            "(72) Inventors: Dinh Van Quy, Tuy Phong (VN); Luu Van Hoa, Phan Thiet (VN)",
            "(74) Agent: Pham & Associates",
        )
    )
    right = "".join(
        para(text)
        for text in (
            "(21) Appl. No.: 1-2018-05532",
            "(22) Filed: Dec. 10, 2018",
            "(43) Pub. Date: Mar. 25, 2019",
            "(51) Int. Cl. C01D 3/06 (2006.01); C01D 3/04 (2006.01)",
            "(57) ABSTRACT",
            "An apparatus for producing clean sea salt comprises covered concentration ponds (1), "
            "crystallisation trays (2) heated by solar collectors (3) and a drainage channel (4).",
        )
    )
    front = page(
        '<div style="column-count:2;column-gap:10mm;font-size:11pt">' + left + right + "</div>"
    )
    description = page(
        "<h3>BACKGROUND</h3>" + "".join(para(t) for t in paragraphs(SALT, 4, 14, True))
    )
    expected = {
        "document_type": "patent_document",
        "kind": "patent",
        "language": "en",
        "title": title,
        "application_number": "1-2018-05532",
        "filed": "2018-12-10",
        "published": "2019-03-25",
        "granted": "2021-03-25",
        "patent_number": "1-0029911",
        "ipc_classes": ["C01D 3/06", "C01D 3/04"],
        "technology_fields": ["19"],
        "applicants": ["Tuy Phong Salt Joint Stock Company"],
        "inventors": ["Dinh Van Quy", "Luu Van Hoa"],
    }
    html = document(front + description, font="Liberation Serif", title=title)
    return "us-style-1-2018-05532.pdf", html, expected


# --------------------------------------------------------------------------- H4: English article

CASHEW = [
    "Cashew apple juice was fermented with Saccharomyces cerevisiae for seven days.",
    "Tannin content decreased by 45% after treatment with gelatin.",
    "The sensory score of the cashew wine reached 16.2 out of 20.",
]


def cashew_article() -> tuple[str, str, dict]:
    title = "Fermentation of Cashew Apple Juice into a Low-Alcohol Beverage in Binh Thuan Province"
    running = (
        '<div class="running">Vietnam Journal of Agricultural Sciences 2023, 6(2): 1712-1723</div>'
    )
    first = page(
        running
        + '<div class="first">'
        + lines("ORIGINAL ARTICLE", cls="bold small")
        + f'<div class="title">{esc(title)}</div>'
        + '<div class="authors">Vo Thi Thanh Huong<sup>1</sup>, Doan Minh Tri<sup>2,*</sup> and '
        "Le Van Sang<sup>1</sup></div>"
        + '<div class="affil"><sup>1</sup>Faculty of Food Technology, Phan Thiet University</div>'
        + '<div class="affil"><sup>2</sup>Binh Thuan Centre for Science and Technology '
        "Applications</div>"
        + '<div class="affil">Received: January 10, 2023; Accepted: May 2, 2023</div>'
        + '<div class="abstract"><p><b>Abstract:</b> '
        + esc(" ".join(paragraphs(CASHEW, 1, 15, True)))
        + "</p>"
        + "<p><b>Keywords:</b> cashew apple, fermentation, low-alcohol beverage, tannin</p></div>"
        + "</div>"
    )
    rest = page(
        running
        + '<div class="first">'
        + "".join(
            f"<h3>{h}</h3>" + "".join(para(t) for t in paragraphs(CASHEW, 3, 16 + i, True))
            for i, h in enumerate(["INTRODUCTION", "MATERIALS AND METHODS"])
        )
        + "</div>"
    )
    expected = {
        **ARTICLE,
        "language": "en",
        "title": title,
        "members": ["Vo Thi Thanh Huong", "Doan Minh Tri", "Le Van Sang"],
        "principal_investigator": None,
        "keywords": ["cashew apple", "fermentation", "low-alcohol beverage", "tannin"],
        "task_code": None,
    }
    from doc_articles import ARTICLE_CSS

    html = document(first + rest, css=ARTICLE_CSS, font="Liberation Sans", title=title)
    return "article-2023-cashew-apple-wine.pdf", html, expected


# --------------------------------------------------------------------------- H5: caps authors

THANH_LONG = [
    "Dịch chiết vỏ thanh long ruột đỏ có hàm lượng betacyanin 62 mg/100 g.",
    "Màu tự nhiên bền ở pH 4 đến 5 và nhiệt độ dưới 60 °C.",
    "Sản phẩm kẹo dẻo bổ sung màu từ vỏ thanh long được người thử đánh giá cao.",
]


def mau_vo_thanh_long() -> tuple[str, str, dict]:
    title = "Chiết xuất chất màu betacyanin từ vỏ quả thanh long ruột đỏ ứng dụng trong kẹo dẻo"
    footer = (
        '<div style="position:fixed;bottom:0;left:0;right:0;font-size:9pt;'
        'border-top:0.5pt solid #000">Tạp chí Nông nghiệp và Phát triển nông thôn - Kỳ 1 - '
        "Tháng 5/2022</div>"
    )
    first = page(
        footer
        + lines("CÔNG NGHỆ SINH HỌC", cls="bold small")
        + f'<div style="font-size:15pt;font-weight:bold;margin:10pt 0">{esc(title)}</div>'
        + '<div class="bold">NGUYỄN VĂN HÙNG<sup>1*</sup>, TRẦN THỊ LAN<sup>2</sup></div>'
        + '<div class="small italic"><sup>1</sup>Trường Đại học Phan Thiết; '
        "<sup>2</sup>Viện Nghiên cứu Rau quả</div>"
        + '<div class="abstract" style="margin-left:0"><p><b>TÓM TẮT</b></p>'
        + "".join(para(t) for t in paragraphs(THANH_LONG, 1, 17))
        + "<p><b>Từ khóa:</b> betacyanin, thanh long ruột đỏ, chất màu tự nhiên, kẹo dẻo</p></div>"
        + '<div class="cols">'
        + "".join(para(t) for t in paragraphs(THANH_LONG, 3, 18))
        + "</div>"
    )
    rest = page(
        footer
        + '<div class="cols">'
        + "".join(para(t) for t in paragraphs(THANH_LONG, 6, 19))
        + "</div>"
    )
    expected = {
        **ARTICLE,
        "language": "vi",
        "title": title,
        "members": ["Nguyễn Văn Hùng", "Trần Thị Lan"],
        "principal_investigator": None,
        "keywords": ["betacyanin", "thanh long ruột đỏ", "chất màu tự nhiên", "kẹo dẻo"],
        "task_code": None,
    }
    from doc_articles import ARTICLE_CSS

    html = document(first + rest, css=ARTICLE_CSS, font="DejaVu Serif", title=title)
    return "bai-bao-2022-mau-vo-thanh-long.pdf", html, expected


def build() -> list[tuple[str, str, dict]]:
    return [
        muoi_sach(),
        dien_trai_giong(),
        us_style_patent(),
        cashew_article(),
        mau_vo_thanh_long(),
    ]
