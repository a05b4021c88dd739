"""Final reports of provincial S&T tasks, each laid out differently (six documents).

Each function returns ``(file name, html, expected)``; ``expected`` is typed here from the same
values the page shows, in the key space of ``indexer.evaluation.comparable_fields``.
"""

from __future__ import annotations

from filler import chapters, paragraphs
from html_kit import document, esc, label_table, lines, page, para

REPORT_KEYS = {"document_type": "final_report", "kind": "research_result"}


def _abstract_page(heading: str, text: list[str], keywords_line: str = "") -> str:
    body = "\n".join(para(t) for t in text)
    tail = ""
    if keywords_line:
        label, value = keywords_line.split(":", 1)
        tail = f"<p><b>{esc(label)}:</b>{esc(value)}</p>"
    return page(f'<h2 class="center">{esc(heading)}</h2>\n{body}\n{tail}')


# --------------------------------------------------------------------------- R1: table sheet

CA_CHIM = [
    "Cá chim vây vàng được thả nuôi trong lồng HDPE tròn đường kính 10 m tại vùng biển Phú Quý.",
    "Mật độ thả nuôi thích hợp là 15 con/m3 với cỡ giống 8 đến 10 cm.",
    "Tỷ lệ sống đạt 82% sau 8 tháng nuôi, khối lượng trung bình 620 g/con.",
    "Lồng HDPE chịu được sóng gió cấp 8 trong mùa gió chướng.",
    "Thức ăn công nghiệp có hàm lượng đạm 42% cho hệ số chuyển đổi thức ăn 1,8.",
]


def ca_chim() -> tuple[str, str, dict]:
    title = (
        "Nghiên cứu ứng dụng quy trình nuôi cá chim vây vàng (Trachinotus blochii) "
        "trong lồng HDPE tại vùng biển huyện Phú Quý"
    )
    cover = page(
        '<table><tr><td class="center bold" style="width:50%">UBND TỈNH BÌNH THUẬN<br>'
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ</td><td></td></tr></table>"
        '<div class="spacer-s"></div>'
        + lines("TRUNG TÂM KHUYẾN NÔNG BÌNH THUẬN", cls="center bold")
        + '<div class="spacer"></div>'
        + lines(
            "BÁO CÁO TỔNG HỢP KẾT QUẢ",
            "ĐỀ TÀI KHOA HỌC VÀ CÔNG NGHỆ CẤP TỈNH",
            cls="center bold big",
        )
        + f'<div class="box center bold big">{esc(title.upper())}</div>'
        + '<div class="spacer"></div>'
        + '<table style="width:70%;margin-left:30%"><tr><td>Chủ nhiệm đề tài:</td>'
        "<td><b>ThS. Trần Quốc Việt</b></td></tr><tr><td>Đơn vị chủ trì:</td>"
        "<td><b>Trung tâm Khuyến nông Bình Thuận</b></td></tr></table>"
        + '<div class="spacer"></div>'
        + lines("Bình Thuận – 2019", cls="center bold")
    )
    rows = [
        ("Tên đề tài/dự án", esc(title)),
        ("Mã số", "ĐTKHCN.12/17"),
        ("Chủ nhiệm đề tài", "ThS. TRẦN QUỐC VIỆT"),
        ("Đơn vị chủ trì", "Trung tâm Khuyến nông Bình Thuận"),
        ("Cơ quan quản lý", "Sở Khoa học và Công nghệ tỉnh Bình Thuận"),
        ("Cơ quan chủ quản", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận"),
        ("Lĩnh vực", "Thủy sản"),
        ("Thời gian", "24 tháng (01/2017 – 12/2018)"),
        ("Tổng kinh phí", "1.200 triệu đồng<br>Trong đó ngân sách nhà nước: 950 triệu đồng"),
        ("Địa điểm", "Xã Tam Thanh, huyện Phú Quý, tỉnh Bình Thuận"),
        ("Cán bộ tham gia", "KS. Nguyễn Văn Lộc; ThS. Đặng Thị Ngọc Hân; Lê Hữu Phước"),
        ("Ngày nghiệm thu", "22/3/2019"),
        ("Từ khóa", "cá chim vây vàng, nuôi lồng, HDPE, Phú Quý"),
    ]
    sheet = page('<h2 class="center">THÔNG TIN CHUNG VỀ ĐỀ TÀI</h2>\n' + label_table(rows))
    summary = _abstract_page("TÓM TẮT KẾT QUẢ", paragraphs(CA_CHIM, 3, 11))
    body = chapters(
        [
            "MỞ ĐẦU",
            "CHƯƠNG 1. TỔNG QUAN",
            "CHƯƠNG 2. PHƯƠNG PHÁP NGHIÊN CỨU",
            "CHƯƠNG 3. KẾT QUẢ VÀ THẢO LUẬN",
            "KẾT LUẬN VÀ KIẾN NGHỊ",
        ],
        CA_CHIM,
        seed=1,
    )
    expected = {
        **REPORT_KEYS,
        "language": "vi",
        "title": title,
        "task_code": "ĐTKHCN.12/17",
        "principal_investigator": "Trần Quốc Việt",
        "principal_investigator_title": "ThS.",
        "host_organisation": "Trung tâm Khuyến nông Bình Thuận",
        "parent_agency": "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận",
        "start": "2017-01",
        "end": "2018-12",
        "accepted": "2019-03-22",
        "budget_total_vnd": 1_200_000_000,
        "budget_state_vnd": 950_000_000,
        "field_of_science": "405",
        "district": "phu-quy",
        "keywords": ["cá chim vây vàng", "nuôi lồng", "HDPE", "Phú Quý"],
        "members": ["Nguyễn Văn Lộc", "Đặng Thị Ngọc Hân", "Lê Hữu Phước"],
    }
    html = document(cover + sheet + summary + body, font="Liberation Serif", title=title)
    return "bc-2019-ca-chim-vay-vang-phu-quy.pdf", html, expected


# --------------------------------------------------------------------------- R2: next-line values

DUA_LUOI = [
    "Dưa lưới được trồng trong nhà màng diện tích 1.000 m2 trên giá thể xơ dừa.",
    "Hệ thống tưới nhỏ giọt tự động điều khiển theo độ ẩm giá thể giúp tiết kiệm 35% lượng nước.",
    "Năng suất đạt 3,2 tấn mỗi vụ trên 1.000 m2, độ Brix trung bình 14%.",
    "Giống dưa lưới Taki cho chất lượng quả đồng đều và ít nhiễm bệnh phấn trắng.",
]


def _stacked(label: str, value_html: str) -> str:
    return f'<div style="margin-top:8pt"><b>{esc(label)}</b></div><div>{value_html}</div>'


def dua_luoi() -> tuple[str, str, dict]:
    title = (
        "Xây dựng mô hình trồng dưa lưới trong nhà màng ứng dụng hệ thống tưới nhỏ giọt tự động "
        "tại huyện Hàm Thuận Bắc"
    )
    cover = page(
        lines("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", cls="center bold")
        + '<div class="spacer"></div>'
        + lines("BÁO CÁO TỔNG KẾT DỰ ÁN", cls="center bold huge")
        + '<div class="spacer-s"></div>'
        + f'<div class="center bold big">{esc(title.upper())}</div>'
        + '<div class="spacer"></div><div class="spacer"></div>'
        + lines("Hàm Thuận Bắc, tháng 12/2020", cls="center italic")
    )
    info = page(
        "<h2>PHẦN I. THÔNG TIN TỔNG QUÁT</h2>"
        + _stacked("1. Tên dự án", esc(title))
        + _stacked("2. Mã số dự án", "BTh-2019-NN07")
        + _stacked("3. Chủ nhiêm dự án", "KS. NGUYỄN THỊ THANH TÂM")
        + _stacked("4. Tổ chức chủ trì", "Hợp tác xã Nông nghiệp Hàm Chính")
        + _stacked("5. Cơ quan chủ quản", "Ủy ban nhân dân huyện Hàm Thuận Bắc")
        + _stacked("6. Thời gian thực hiện", "Từ tháng 3 năm 2019 đến tháng 8 năm 2020 (18 tháng)")
        + _stacked(
            "7. Kinh phí thực hiện",
            "Tổng số: 865.500.000 đồng (Tám trăm sáu mươi lăm triệu năm trăm nghìn đồng)<br>"
            "Trong đó: ngân sách sự nghiệp khoa học tỉnh: 600.000.000 đồng",
        )
        + _stacked("8. Lĩnh vực", "Trồng trọt")
        + _stacked("9. Địa điểm triển khai", "Xã Hàm Chính, huyện Hàm Thuận Bắc, tỉnh Bình Thuận")
        + _stacked(
            "10. Các thành viên chính",
            "1. KS. Võ Văn Hiếu<br>2. CN. Trương Thị Mỹ Dung<br>3. Phan Thanh Bình",
        )
    )
    summary = _abstract_page(
        "TÓM TẮT",
        paragraphs(DUA_LUOI, 2, 21)
        + ["Dự án được Hội đồng khoa học và công nghệ tỉnh nghiệm thu ngày 15 tháng 12 năm 2020."],
        "Từ khoá: dưa lưới; nhà màng; tưới nhỏ giọt; Hàm Thuận Bắc",
    )
    body = chapters(
        [
            "MỞ ĐẦU",
            "PHẦN II. NỘI DUNG THỰC HIỆN",
            "PHẦN III. KẾT QUẢ ĐẠT ĐƯỢC",
            "KẾT LUẬN VÀ ĐỀ NGHỊ",
        ],
        DUA_LUOI,
        seed=2,
    )
    expected = {
        **REPORT_KEYS,
        "language": "vi",
        "title": title,
        "task_code": "BTh-2019-NN07",
        "principal_investigator": "Nguyễn Thị Thanh Tâm",
        "principal_investigator_title": "KS.",
        "host_organisation": "Hợp tác xã Nông nghiệp Hàm Chính",
        "parent_agency": "Ủy ban nhân dân huyện Hàm Thuận Bắc",
        "start": "2019-03",
        "end": "2020-08",
        "accepted": "2020-12-15",
        "budget_total_vnd": 865_500_000,
        "budget_state_vnd": 600_000_000,
        "field_of_science": "401",
        "district": "ham-thuan-bac",
        "keywords": ["dưa lưới", "nhà màng", "tưới nhỏ giọt", "Hàm Thuận Bắc"],
        "members": ["Võ Văn Hiếu", "Trương Thị Mỹ Dung", "Phan Thanh Bình"],
    }
    html = document(cover + info + summary + body, font="DejaVu Serif", title=title)
    return "bc-2020-dua-luoi-nha-mang.pdf", html, expected


# --------------------------------------------------------------------------- R3: English report

EROSION = [
    "Shoreline positions were digitised from Landsat and Sentinel-2 images between 2000 and 2020.",
    "The mean erosion rate along the La Gi coast reached 1.8 m per year.",
    "Field surveys measured 42 beach profiles with RTK GPS in the dry and rainy seasons.",
    "Sand mining and coastal construction aggravate the natural erosion trend.",
    "Soft protection measures such as casuarina belts are recommended for the Tan Thien area.",
]


def erosion() -> tuple[str, str, dict]:
    title = (
        "Assessment of coastal erosion and shoreline change along the La Gi – Ham Tan coast "
        "using satellite imagery and field surveys"
    )
    cover = page(
        lines(
            "BINH THUAN PROVINCIAL PEOPLE'S COMMITTEE",
            "DEPARTMENT OF SCIENCE AND TECHNOLOGY",
            cls="center bold",
        )
        + '<div class="spacer"></div>'
        + lines("FINAL REPORT", cls="center bold huge")
        + '<div class="spacer-s"></div>'
        + f'<div class="double center bold big">{esc(title)}</div>'
        + '<div class="spacer"></div>'
        + lines(
            "Project leader: Dr. Pham Minh Hai",
            "Implementing agency: Institute of Marine Geology and Geophysics",
            cls="center",
        )
        + '<div class="spacer"></div>'
        + lines("Binh Thuan, 2022", cls="center bold")
    )
    rows = [
        ("Project title", esc(title)),
        ("Project code", "BT-ICP-2020-02"),
        ("Project leader", "Dr. Pham Minh Hai"),
        ("Implementing agency", "Institute of Marine Geology and Geophysics"),
        ("Supervising agency", "Binh Thuan Department of Science and Technology"),
        ("Field of science", "Earth and related environmental sciences"),
        ("Duration", "18 months (06/2020 – 11/2021)"),
        ("Total budget", "VND 950 million (of which state budget: VND 700 million)"),
        ("Study area", "La Gi town and Ham Tan district, Binh Thuan province"),
        ("Team members", "MSc. Tran Thi Ngoc Anh; Eng. Le Van Tai; Dr. Hoang Duc Minh"),
        ("Date of acceptance", "14 March 2022"),
        ("Keywords", "coastal erosion; shoreline change; remote sensing; La Gi"),
    ]
    sheet = page('<h2 class="center">PROJECT INFORMATION SHEET</h2>\n' + label_table(rows, "28%"))
    summary = _abstract_page("ABSTRACT", paragraphs(EROSION, 3, 31, english=True))
    body = chapters(
        [
            "INTRODUCTION",
            "CHAPTER 1. STUDY AREA AND DATA",
            "CHAPTER 2. METHODS",
            "CHAPTER 3. RESULTS",
            "CONCLUSIONS AND RECOMMENDATIONS",
        ],
        EROSION,
        seed=3,
        english=True,
    )
    expected = {
        **REPORT_KEYS,
        "language": "en",
        "title": title,
        "task_code": "BT-ICP-2020-02",
        "principal_investigator": "Pham Minh Hai",
        "principal_investigator_title": "Dr.",
        "host_organisation": "Institute of Marine Geology and Geophysics",
        "parent_agency": "Binh Thuan Department of Science and Technology",
        "start": "2020-06",
        "end": "2021-11",
        "accepted": "2022-03-14",
        "budget_total_vnd": 950_000_000,
        "budget_state_vnd": 700_000_000,
        "field_of_science": "105",
        "keywords": ["coastal erosion", "shoreline change", "remote sensing", "La Gi"],
        "members": ["Tran Thi Ngoc Anh", "Le Van Tai", "Hoang Duc Minh"],
    }
    html = document(cover + sheet + summary + body, font="Liberation Sans", title=title)
    return "final-report-2022-coastal-erosion-la-gi.pdf", html, expected


# --------------------------------------------------------------------------- R4: sheet at the end

DAI_THAO_DUONG = [
    "Tỷ lệ mắc đái tháo đường típ 2 ở người trưởng thành tại La Gi là 7,9%.",
    "Béo bụng, tăng huyết áp và ít vận động là các yếu tố liên quan có ý nghĩa thống kê.",
    "Có 1.240 người từ 30 đến 69 tuổi được chọn theo phương pháp chọn mẫu cụm.",
    "Xét nghiệm glucose máu lúc đói và HbA1c được thực hiện tại phòng xét nghiệm chuẩn.",
    "Hơn một nửa số người mắc bệnh chưa từng được chẩn đoán trước đó.",
]
MEMBERS_DTD = [
    ("1", "BSCKII. Huỳnh Thị Kim Liên", "Bệnh viện Đa khoa tỉnh Bình Thuận", "Chủ nhiệm"),
    ("2", "BS. Nguyễn Hoàng Nam", "Bệnh viện Đa khoa tỉnh Bình Thuận", "Thư ký"),
    ("3", "ThS. Lý Thị Hạnh", "Trung tâm Y tế thị xã La Gi", "Thành viên"),
    ("4", "CN. Đỗ Văn Khánh", "Trung tâm Kiểm soát bệnh tật tỉnh Bình Thuận", "Thành viên"),
]


def dai_thao_duong() -> tuple[str, str, dict]:
    title = (
        "Đánh giá thực trạng và các yếu tố liên quan đến bệnh đái tháo đường típ 2 "
        "ở người trưởng thành tại thị xã La Gi"
    )
    cover = page(
        lines("SỞ Y TẾ TỈNH BÌNH THUẬN", "BỆNH VIỆN ĐA KHOA TỈNH BÌNH THUẬN", cls="center bold")
        + '<div class="rule" style="width:30%;margin:4pt auto"></div>'
        + '<div class="spacer"></div>'
        + lines("BÁO CÁO KẾT QUẢ NGHIÊN CỨU", "ĐỀ TÀI CẤP TỈNH", cls="center bold big")
        + '<div class="spacer-s"></div>'
        + f'<div class="center bold big">“{esc(title.upper())}”</div>'
        + '<div class="spacer"></div><div class="spacer"></div>'
        + lines("Phan Thiết, năm 2021", cls="center bold")
    )
    summary = _abstract_page(
        "TÓM TẮT ĐỀ TÀI",
        paragraphs(DAI_THAO_DUONG, 3, 41),
        "Từ khóa: đái tháo đường típ 2; yếu tố nguy cơ; La Gi",
    )
    body = chapters(
        [
            "ĐẶT VẤN ĐỀ",
            "CHƯƠNG 1. TỔNG QUAN TÀI LIỆU",
            "CHƯƠNG 2. ĐỐI TƯỢNG VÀ PHƯƠNG PHÁP",
            "CHƯƠNG 3. KẾT QUẢ NGHIÊN CỨU",
            "CHƯƠNG 4. BÀN LUẬN",
            "KẾT LUẬN",
            "TÀI LIỆU THAM KHẢO",
        ],
        DAI_THAO_DUONG,
        seed=4,
        per_chapter=7,
    )
    items = [
        f"1. Tên nhiệm vụ: {title}",
        "2. Mã số: YT-2019-04",
        "3. Tổ chức chủ trì nhiệm vụ: Bệnh viện Đa khoa tỉnh Bình Thuận",
        "4. Cơ quan chủ quản: Sở Y tế tỉnh Bình Thuận",
        "5. Chủ nhiệm nhiệm vụ: BSCKII. Huỳnh Thị Kim Liên",
        "6. Thư ký khoa học: BS. Nguyễn Hoàng Nam",
        "7. Thời gian thực hiện: từ 6/2019 đến 5/2021",
        "8. Kinh phí: 2,35 tỷ đồng (ngân sách sự nghiệp khoa học: 2,0 tỷ đồng)",
        "9. Lĩnh vực nghiên cứu: Y tế",
        "10. Địa điểm thực hiện: thị xã La Gi, tỉnh Bình Thuận",
        "11. Ngày nghiệm thu: 20/7/2021",
        "12. Danh sách cán bộ tham gia:",
    ]
    from html_kit import grid_table

    sheet = page(
        '<h2 class="center">PHIẾU THÔNG TIN KẾT QUẢ NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ</h2>'
        + "\n".join(para(item) for item in items)
        + grid_table(
            ["STT", "Họ và tên", "Đơn vị công tác", "Vai trò"],
            [list(row) for row in MEMBERS_DTD],
            ["8%", "32%", "42%", "18%"],
        )
    )
    expected = {
        **REPORT_KEYS,
        "language": "vi",
        "title": title,
        "task_code": "YT-2019-04",
        "principal_investigator": "Huỳnh Thị Kim Liên",
        "principal_investigator_title": "BSCKII.",
        "secretary": "Nguyễn Hoàng Nam",
        "host_organisation": "Bệnh viện Đa khoa tỉnh Bình Thuận",
        "parent_agency": "Sở Y tế tỉnh Bình Thuận",
        "start": "2019-06",
        "end": "2021-05",
        "accepted": "2021-07-20",
        "budget_total_vnd": 2_350_000_000,
        "budget_state_vnd": 2_000_000_000,
        "field_of_science": "303",
        "district": "la-gi",
        "keywords": ["đái tháo đường típ 2", "yếu tố nguy cơ", "La Gi"],
        "members": ["Lý Thị Hạnh", "Đỗ Văn Khánh"],
    }
    html = document(cover + summary + body + sheet, font="Liberation Serif", title=title)
    return "bc-2021-dai-thao-duong-la-gi.pdf", html, expected


# --------------------------------------------------------------------------- R5: form with items

PHAN_BON = [
    "Phụ phẩm chế biến hải sản gồm đầu, xương và nội tạng cá được thu gom từ các cơ sở chế biến.",
    "Chủng vi sinh vật phân giải protein Bacillus subtilis được bổ sung với mật độ 10^8 CFU/g.",
    "Thời gian ủ rút ngắn còn 21 ngày, sản phẩm không còn mùi hôi.",
    "Phân bón đạt hàm lượng chất hữu cơ 22% và đạm tổng số 2,5%.",
    "Công suất dây chuyền sản xuất thử nghiệm đạt 500 tấn mỗi năm.",
]
MEMBERS_PB = [
    ("1", "Lê Văn Thành", "KS.", "Công ty TNHH Phân bón Hữu cơ Tuy Phong", "Chủ nhiệm dự án"),
    ("2", "Mai Thị Thúy Hằng", "ThS.", "Trường Đại học Phan Thiết", "Thư ký khoa học"),
    ("3", "Trịnh Công Danh", "TS.", "Viện Thổ nhưỡng Nông hóa", "Thành viên"),
    ("4", "Âu Văn Sang", "KS.", "Công ty TNHH Phân bón Hữu cơ Tuy Phong", "Thành viên"),
]


def phan_bon() -> tuple[str, str, dict]:
    title = (
        "Hoàn thiện quy trình sản xuất thử nghiệm phân bón hữu cơ vi sinh từ phụ phẩm chế biến "
        "hải sản tại huyện Tuy Phong"
    )
    from html_kit import grid_table

    cover = page(
        lines("UBND TỈNH BÌNH THUẬN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", cls="center")
        + '<div class="spacer"></div>'
        + lines(
            "BÁO CÁO TỔNG HỢP", "KẾT QUẢ THỰC HIỆN DỰ ÁN SẢN XUẤT THỬ NGHIỆM", cls="center bold big"
        )
        + '<div class="spacer-s"></div>'
        + f'<div class="box center bold">{esc(title)}</div>'
        + '<div class="spacer"></div>'
        + lines(
            "Tổ chức chủ trì: Công ty TNHH Phân bón Hữu cơ Tuy Phong",
            "Chủ nhiệm dự án: KS. Lê Văn Thành",
            cls="center",
        )
        + '<div class="spacer"></div>'
        + lines("Tuy Phong, 2023", cls="center bold")
    )
    form = page(
        '<h2 class="center">BÁO CÁO THỐNG KÊ<br>KẾT QUẢ THỰC HIỆN DỰ ÁN SẢN XUẤT THỬ NGHIỆM</h2>'
        "<h3>I. THÔNG TIN CHUNG</h3>"
        + para(f"1.1. Tên dự án: {title}")
        + para("1.2. Mã số: SXTN.03/2021")
        + para("1.3. Cấp quản lý: Tỉnh")
        + para("1.4. Tổ chức chủ trì dự án: Công ty TNHH Phân bón Hữu cơ Tuy Phong")
        + para("1.5. Cơ quan quản lý: Sở Khoa học và Công nghệ tỉnh Bình Thuận")
        + para("1.6. Chủ nhiệm dự án:")
        + para("- Họ và tên: Lê Văn Thành")
        + para("- Học vị: Kỹ sư")
        + para("- Chức vụ: Phó Giám đốc")
        + para("1.7. Lĩnh vực: Công nghệ sinh học trong nông nghiệp")
        + para("1.8. Thời gian thực hiện: 20 tháng, từ tháng 10/2021 đến tháng 5/2023")
        + para(
            "1.9. Kinh phí: Tổng kinh phí 3.480.000.000 đồng, trong đó từ NSNN 1.500.000.000 "
            "đồng, vốn đối ứng của doanh nghiệp 1.980.000.000 đồng"
        )
        + para("1.10. Địa điểm thực hiện: Khu công nghiệp Tuy Phong, huyện Tuy Phong")
        + para("1.11. Danh sách thành viên tham gia:")
        + grid_table(
            ["STT", "Họ và tên", "Học hàm, học vị", "Đơn vị công tác", "Nội dung tham gia"],
            [list(row) for row in MEMBERS_PB],
            ["7%", "24%", "14%", "33%", "22%"],
        )
        + "<h3>II. KẾT QUẢ THỰC HIỆN</h3>"
        + para("2.1. Ngày nghiệm thu: 09/8/2023")
        + para("2.2. Xếp loại: Đạt")
    )
    body = chapters(
        [
            "MỞ ĐẦU",
            "CHƯƠNG I. CÔNG NGHỆ VÀ THIẾT BỊ",
            "CHƯƠNG II. KẾT QUẢ SẢN XUẤT THỬ NGHIỆM",
            "CHƯƠNG III. HIỆU QUẢ KINH TẾ",
            "KẾT LUẬN VÀ KIẾN NGHỊ",
        ],
        PHAN_BON,
        seed=5,
    )
    expected = {
        **REPORT_KEYS,
        "language": "vi",
        "title": title,
        "task_code": "SXTN.03/2021",
        "principal_investigator": "Lê Văn Thành",
        "principal_investigator_title": "KS.",
        "secretary": "Mai Thị Thúy Hằng",
        "host_organisation": "Công ty TNHH Phân bón Hữu cơ Tuy Phong",
        "start": "2021-10",
        "end": "2023-05",
        "accepted": "2023-08-09",
        "budget_total_vnd": 3_480_000_000,
        "budget_state_vnd": 1_500_000_000,
        "field_of_science": "406",
        "district": "tuy-phong",
        "members": ["Trịnh Công Danh", "Âu Văn Sang"],
    }
    html = document(cover + form + body, font="Liberation Serif", title=title)
    return "bc-2023-phan-bon-huu-co-tuy-phong.pdf", html, expected


# --------------------------------------------------------------------------- R6: cover in capitals

THUC_TE_AO = [
    "Mô hình ba chiều của cụm tháp được dựng từ 1.850 ảnh chụp bằng thiết bị bay không người lái.",
    "Ứng dụng thực tế ảo chạy trên điện thoại và kính VR, có thuyết minh bằng ba ngôn ngữ.",
    "Khảo sát 320 du khách cho thấy 87% hài lòng với trải nghiệm tham quan ảo.",
    "Dữ liệu được lưu trữ trên hạ tầng điện toán đám mây của tỉnh.",
]


def thuc_te_ao() -> tuple[str, str, dict]:
    title = (
        "Ứng dụng công nghệ thực tế ảo giới thiệu di tích tháp Pô Sah Inư phục vụ phát triển "
        "du lịch thành phố Phan Thiết"
    )
    cover = page(
        '<div class="double">'
        + lines(
            "UBND TỈNH BÌNH THUẬN",
            "TRUNG TÂM CÔNG NGHỆ THÔNG TIN VÀ TRUYỀN THÔNG BÌNH THUẬN",
            cls="center bold",
        )
        + '<div class="spacer"></div>'
        + lines("BÁO CÁO TỔNG HỢP KẾT QUẢ NHIỆM VỤ", cls="center bold big")
        + '<div class="spacer-s"></div>'
        + lines(title.upper(), cls="center bold big")
        + '<div class="spacer"></div>'
        + lines("Chủ nhiệm đề tài: KS. PHAN ĐÌNH KHÔI", cls="center bold")
        + '<div class="spacer"></div><div class="spacer"></div>'
        + lines("PHAN THIẾT - 2023", cls="center bold")
        + "</div>"
    )
    table = (
        '<table class="grid">'
        f'<tr><td colspan="2"><b>Tên đề tài:</b> {esc(title)}</td></tr>'
        '<tr><td colspan="2"><b>Mã số:</b> CNTT-2022-01</td></tr>'
        '<tr><td colspan="2"><b>Cơ quan chủ trì:</b> Trung tâm Công nghệ thông tin và Truyền '
        "thông Bình Thuận</td></tr>"
        '<tr><td colspan="2"><b>Cơ quan chủ quản:</b> Sở Thông tin và Truyền thông tỉnh Bình '
        "Thuận</td></tr>"
        '<tr><td colspan="2"><b>Chủ nhiệm đề tài:</b> KS. Phan Đình Khôi</td></tr>'
        "<tr><td><b>Thời gian bắt đầu:</b> 03/2022</td>"
        "<td><b>Thời gian kết thúc:</b> 02/2023</td></tr>"
        '<tr><td colspan="2"><b>Kinh phí thực hiện:</b> 650.000.000 đ</td></tr>'
        '<tr><td colspan="2"><b>Lĩnh vực khoa học:</b> Khoa học máy tính và thông tin</td></tr>'
        '<tr><td colspan="2"><b>Nghiệm thu ngày:</b> 28/4/2023</td></tr>'
        "</table>"
    )
    inner = page(
        '<h2 class="center">THÔNG TIN ĐỀ TÀI</h2>'
        + table
        + '<div class="spacer"></div>'
        + '<table><tr><td class="center bold" style="width:50%">CHỦ NHIỆM ĐỀ TÀI<br><br>'
        '<br>Phan Đình Khôi</td><td class="center bold">CƠ QUAN CHỦ TRÌ<br>'
        "GIÁM ĐỐC<br><br>Võ Thanh Sơn</td></tr></table>"
    )
    body = chapters(
        [
            "MỞ ĐẦU",
            "CHƯƠNG 1. CƠ SỞ KHOA HỌC",
            "CHƯƠNG 2. XÂY DỰNG ỨNG DỤNG",
            "CHƯƠNG 3. THỬ NGHIỆM VÀ ĐÁNH GIÁ",
            "KẾT LUẬN",
        ],
        THUC_TE_AO,
        seed=6,
    )
    expected = {
        **REPORT_KEYS,
        "language": "vi",
        "title": title,
        "task_code": "CNTT-2022-01",
        "principal_investigator": "Phan Đình Khôi",
        "principal_investigator_title": "KS.",
        "host_organisation": "Trung tâm Công nghệ thông tin và Truyền thông Bình Thuận",
        "parent_agency": "Sở Thông tin và Truyền thông tỉnh Bình Thuận",
        "start": "2022-03",
        "end": "2023-02",
        "accepted": "2023-04-28",
        "budget_total_vnd": 650_000_000,
        "field_of_science": "102",
        "members": [],
    }
    html = document(cover + inner + body, font="DejaVu Sans", title=title)
    return "bc-2023-thuc-te-ao-po-sah-inu.pdf", html, expected


def build() -> list[tuple[str, str, dict]]:
    return [ca_chim(), dua_luoi(), erosion(), dai_thao_duong(), phan_bon(), thuc_te_ao()]
