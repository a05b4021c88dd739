"""Patent and utility-solution documents laid out four different ways (four documents).

A gazette entry as a three-column table, a granted front page in CSS grid columns, an English
print of the office's online record (label/value pairs, combined INID codes), and a front page
with each value on the line under its code. Technology fields are typed by hand from the WIPO
concordance (domain-research.md §6.2), not computed.
"""

from __future__ import annotations

from filler import paragraphs
from html_kit import document, esc, lines, page, para

PATENT_CSS = """
.inid { width: 9%; font-weight: bold; }
.lab { width: 24%; font-weight: bold; }
.head { border-bottom: 2pt solid #000; padding-bottom: 4pt; margin-bottom: 8pt; }
.front { display: grid; grid-template-columns: 1fr 1fr; column-gap: 9mm; font-size: 11pt; }
.front p { margin-bottom: 5pt; }
.dl div.code { font-weight: bold; margin-top: 6pt; }
.dl div.value { margin-left: 12mm; }
"""


def _description(topic: list[str], seed: int, english: bool = False) -> str:
    heading = (
        ("Technical field", "Background", "Summary of the invention")
        if english
        else (
            "Lĩnh vực kỹ thuật được đề cập",
            "Tình trạng kỹ thuật của sáng chế",
            "Bản chất kỹ thuật",
        )
    )
    blocks = []
    for index, title in enumerate(heading):
        text = "\n".join(para(t) for t in paragraphs(topic, 3, seed * 10 + index, english))
        blocks.append(f"<h3>{esc(title)}</h3>\n{text}")
    return page("\n".join(blocks))


# --------------------------------------------------------------------------- P1: gazette table

LONG = [
    "Khung phao được làm từ ống HDPE đường kính 250 mm hàn nhiệt thành vòng tròn.",
    "Hệ thống neo gồm bốn neo bê tông và dây neo chịu lực bố trí theo hình chữ thập.",
    "Lưới lồng được căng bằng các quả chì treo ở đáy để giữ thể tích khi có dòng chảy mạnh.",
    "Lồng chịu được sóng cao 4 m mà không bị biến dạng khung.",
]


def long_nuoi_ca() -> tuple[str, str, dict]:
    title = "Lồng nuôi cá biển bằng ống HDPE có hệ thống neo chống bão"
    rows = [
        ("(21)", "Số đơn", "2-2021-00145"),
        ("(22)", "Ngày nộp đơn", "15.04.2021"),
        ("(43)", "Ngày công bố", "25.08.2021"),
        ("(51)", "IPC", "A01K 61/60 (2017.01); A01K 63/00 (2017.01)"),
        ("(54)", "Tên giải pháp hữu ích", esc(title)),
        (
            "(57)",
            "Tóm tắt",
            "Giải pháp hữu ích đề cập đến lồng nuôi cá biển gồm khung phao (1) bằng ống HDPE, "
            "lưới lồng (2) và hệ thống neo (3) gồm bốn neo bê tông (4) nối với khung phao bằng dây "
            "neo (5); nhờ đó lồng giữ được hình dạng khi có bão và sóng lớn.",
        ),
        (
            "(71)",
            "Người nộp đơn",
            "Trung tâm Khuyến nông Bình Thuận (VN)<br>Số 2 Tôn Đức Thắng, phường Phú Thủy, "
            "thành phố Phan Thiết, tỉnh Bình Thuận",
        ),
        ("(72)", "Tác giả", "Trần Quốc Việt (VN), Nguyễn Văn Lộc (VN)"),
        ("(74)", "Đại diện SHCN", "Công ty TNHH Tư vấn Sở hữu trí tuệ Ánh Dương"),
    ]
    table = (
        '<table class="grid">'
        + "".join(
            f'<tr><td class="inid">{code}</td><td class="lab">{esc(label)}</td>'
            f"<td>{value}</td></tr>"
            for code, label, value in rows
        )
        + "</table>"
    )
    gazette = page(
        '<div class="head"><table><tr><td class="bold">CÔNG BÁO SỞ HỮU CÔNG NGHIỆP SỐ 401 - '
        'TẬP A (08.2021)</td><td class="right">127</td></tr></table></div>'
        + lines("GIẢI PHÁP HỮU ÍCH", cls="center bold")
        + lines("Phần I: Đơn giải pháp hữu ích được công bố", cls="center italic small")
        + '<div class="spacer-s"></div>'
        + table
    )
    expected = {
        "document_type": "patent_document",
        "kind": "utility_solution",
        "language": "vi",
        "title": title,
        "application_number": "2-2021-00145",
        "filed": "2021-04-15",
        "published": "2021-08-25",
        "granted": None,
        "patent_number": None,
        "ipc_classes": ["A01K 61/60", "A01K 63/00"],
        "technology_fields": ["29"],
        "applicants": ["Trung tâm Khuyến nông Bình Thuận"],
        "inventors": ["Trần Quốc Việt", "Nguyễn Văn Lộc"],
    }
    html = document(gazette + _description(LONG, 1), css=PATENT_CSS, font="Liberation Sans")
    return "cong-bao-2-2021-00145.pdf", html, expected


# --------------------------------------------------------------------------- P2: grid front page

PHAN_BON = [
    "Phụ phẩm cá được nghiền nhỏ và phối trộn với than bùn theo tỷ lệ 3:7.",
    "Chế phẩm Bacillus subtilis được bổ sung ở mật độ 10^8 CFU/g hỗn hợp.",
    "Quá trình ủ hiếu khí kéo dài 21 ngày, đảo trộn ba ngày một lần.",
    "Sản phẩm đạt hàm lượng hữu cơ trên 22% và không chứa vi khuẩn gây bệnh.",
]


def phan_bon_sang_che() -> tuple[str, str, dict]:
    title = "Quy trình sản xuất phân bón hữu cơ vi sinh từ phụ phẩm chế biến hải sản"
    left = "".join(
        para(text)
        for text in (
            "(21) Số đơn: 1-2019-03321",
            "(22) Ngày nộp đơn: 14.06.2019",
            "(43) Ngày công bố đơn: 25.10.2019",
            "(45) Ngày cấp bằng: 26.12.2022",
            "(51) Int.Cl.: C05F 1/00 (2006.01); C05F 11/08 (2006.01); C12N 1/20 (2006.01)",
            "(73) Chủ bằng: Công ty TNHH Phân bón Hữu cơ Tuy Phong (VN); Viện Thổ nhưỡng Nông "
            "hóa (VN)",
            "(72) Tác giả sáng chế: Lê Văn Thành (VN), Trịnh Công Danh (VN), Mai Thị Thúy "
            "Hằng (VN)",
            "(74) Đại diện SHCN: Công ty TNHH Tư vấn Sở hữu trí tuệ Ánh Dương",
        )
    )
    right = para(f"(54) Tên sáng chế: {title}") + para(
        "(57) Tóm tắt: Sáng chế đề cập đến quy trình sản xuất phân bón hữu cơ vi sinh từ phụ phẩm "
        "chế biến hải sản, bao gồm các bước: (a) thu gom và nghiền phụ phẩm; (b) phối trộn với "
        "than bùn; (c) bổ sung chế phẩm vi sinh Bacillus subtilis; (d) ủ hiếu khí trong 21 ngày; "
        "(e) sấy, nghiền và đóng bao. Sản phẩm có hàm lượng chất hữu cơ cao, không có mùi hôi."
    )
    front = page(
        '<table class="head"><tr><td class="bold" style="width:50%">CỤC SỞ HỮU TRÍ TUỆ</td>'
        '<td class="right">(19) VN &nbsp; (11) 1-0035127</td></tr></table>'
        + lines("(12) BẰNG ĐỘC QUYỀN SÁNG CHẾ", cls="center bold big")
        + '<div class="spacer-s"></div>'
        + f'<div class="front"><div>{left}</div><div>{right}</div></div>'
    )
    expected = {
        "document_type": "patent_document",
        "kind": "patent",
        "language": "vi",
        "title": title,
        "application_number": "1-2019-03321",
        "filed": "2019-06-14",
        "published": "2019-10-25",
        "granted": "2022-12-26",
        "patent_number": "1-0035127",
        "ipc_classes": ["C05F 1/00", "C05F 11/08", "C12N 1/20"],
        "technology_fields": ["19", "15"],
        "applicants": ["Công ty TNHH Phân bón Hữu cơ Tuy Phong", "Viện Thổ nhưỡng Nông hóa"],
        "inventors": ["Lê Văn Thành", "Trịnh Công Danh", "Mai Thị Thúy Hằng"],
    }
    html = document(front + _description(PHAN_BON, 2), css=PATENT_CSS, font="DejaVu Serif")
    return "bang-sc-1-2019-03321.pdf", html, expected


# --------------------------------------------------------------------------- P3: online record

WIND = [
    "A nacelle-mounted lidar measures the wind speed at several distances upstream of the rotor.",
    "The yaw error is estimated from the lateral wind component averaged over ten minutes.",
    "The correction is applied only when the estimate is stable over three consecutive periods.",
    "Annual energy production increased by 2.1% on the test turbines.",
]


def wind_yaw() -> tuple[str, str, dict]:
    title = (
        "Method and system for correcting yaw misalignment of a wind turbine using nacelle "
        "lidar measurements"
    )
    rows = [
        ("Application type", "Patent"),
        ("(10) Patent number and date", "1-0034418 &nbsp; 15.08.2022"),
        ("Status", "Granted"),
        ("(180) Expiry date", "02.07.2040"),
        ("(20) Application number and filing date", "1-2020-04417 &nbsp; 02.07.2020"),
        ("(40) Publication number and date", "72456 A &nbsp; 25.09.2020"),
        ("(51) IPC", "F03D 7/04 (2006.01)<br>F03D 17/00 (2016.01)<br>H02J 3/38 (2006.01)"),
        (
            "(71/73) Applicant/Owner",
            "Binh Thuan Wind Power Joint Stock Company (VN)<br>"
            "Lot 5, Tuy Phong Industrial Park, Tuy Phong District, Binh Thuan Province",
        ),
        ("(72) Inventors", "Nguyen Duc Huy (VN)<br>Tran Minh Quang (VN)<br>Kim Sung Ho (KR)"),
        ("(74) Representative", "INVENCO Intellectual Property Co., Ltd."),
        ("(54) Title", esc(title)),
        (
            "(57) Abstract",
            "The invention relates to a method for correcting the yaw misalignment of a wind "
            "turbine, in which a lidar (2) mounted on the nacelle (1) measures the inflow at "
            "several ranges, a controller (3) estimates the yaw error from the lateral component "
            "and applies a correction when the estimate is stable over three periods.",
        ),
    ]
    table = (
        "<table>"
        + "".join(
            f'<tr><td style="width:34%;color:#333"><b>{esc(label)}</b></td><td>{value}</td></tr>'
            for label, value in rows
        )
        + "</table>"
    )
    record = page(
        '<div class="head"><table><tr><td class="bold">IP VIETNAM · Industrial Property '
        'Digital Library</td><td class="right small">Printed from WIPO Publish</td></tr>'
        "</table></div>" + lines("Patent details", cls="bold big") + table
    )
    expected = {
        "document_type": "patent_document",
        "kind": "patent",
        "language": "en",
        "title": title,
        "application_number": "1-2020-04417",
        "filed": "2020-07-02",
        "published": "2020-09-25",
        "granted": "2022-08-15",
        "patent_number": "1-0034418",
        "ipc_classes": ["F03D 7/04", "F03D 17/00", "H02J 3/38"],
        "technology_fields": ["27", "1"],
        "applicants": ["Binh Thuan Wind Power Joint Stock Company"],
        "inventors": ["Nguyen Duc Huy", "Tran Minh Quang", "Kim Sung Ho"],
    }
    html = document(
        record + _description(WIND, 3, english=True), css=PATENT_CSS, font="DejaVu Sans"
    )
    return "wipo-publish-1-2020-04417.pdf", html, expected


# --------------------------------------------------------------------------- P4: value under code

SAY = [
    "Buồng sấy có khay inox đặt trên giá, thanh long được cắt lát dày 5 mm.",
    "Tấm thu năng lượng mặt trời gia nhiệt không khí trước khi vào bơm nhiệt.",
    "Độ ẩm sản phẩm sau sấy đạt 12% trong 9 giờ, màu đỏ của thịt quả được giữ lại.",
    "Điện năng tiêu thụ giảm 40% so với máy sấy bơm nhiệt thông thường.",
]


def may_say() -> tuple[str, str, dict]:
    title = "Thiết bị sấy thanh long lát bằng năng lượng mặt trời kết hợp bơm nhiệt"
    items = [
        ("(11) Số bằng:", "2-0002315"),
        ("(21) Số đơn:", "2-2020-00387"),
        ("(22) Ngày nộp đơn:", "21/09/2020"),
        ("(43) Ngày công bố đơn:", "25/01/2021"),
        ("(45) Ngày cấp:", "27/06/2022"),
        ("(51) Phân loại sáng chế quốc tế:", "F26B 3/28 (2006.01); A23B 7/02 (2006.01)"),
        (
            "(73) Chủ văn bằng:",
            "Trường Đại học Phan Thiết (VN)<br>225 Nguyễn Thông, phường Phú "
            "Hài, thành phố Phan Thiết, tỉnh Bình Thuận",
        ),
        (
            "(72) Tác giả giải pháp hữu ích:",
            "TS. Nguyễn Thị Hồng Vân (VN)<br>ThS. Lê Minh Tuấn (VN)<br>Phạm Quốc Hùng (VN)",
        ),
        ("(54) Tên giải pháp hữu ích:", esc(title)),
        (
            "(57) Tóm tắt:",
            "Giải pháp hữu ích đề xuất thiết bị sấy thanh long lát gồm buồng sấy (1), tấm thu năng "
            "lượng mặt trời (2) và bơm nhiệt (3) mắc nối tiếp trên đường không khí; bộ điều khiển "
            "(4) chọn nguồn nhiệt theo cường độ bức xạ, nhờ đó giảm điện năng tiêu thụ.",
        ),
    ]
    dl = (
        '<div class="dl">'
        + "".join(
            f'<div class="code">{esc(code)}</div><div class="value">{value}</div>'
            for code, value in items
        )
        + "</div>"
    )
    front = page(
        lines("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỤC SỞ HỮU TRÍ TUỆ", cls="center bold")
        + '<div class="spacer-s"></div>'
        + lines("BẰNG ĐỘC QUYỀN GIẢI PHÁP HỮU ÍCH", cls="center bold huge")
        + '<div class="spacer-s"></div>'
        + dl
    )
    expected = {
        "document_type": "patent_document",
        "kind": "utility_solution",
        "language": "vi",
        "title": title,
        "application_number": "2-2020-00387",
        "filed": "2020-09-21",
        "published": "2021-01-25",
        "granted": "2022-06-27",
        "patent_number": "2-0002315",
        "ipc_classes": ["F26B 3/28", "A23B 7/02"],
        "technology_fields": ["30", "18"],
        "applicants": ["Trường Đại học Phan Thiết"],
        "inventors": ["Nguyễn Thị Hồng Vân", "Lê Minh Tuấn", "Phạm Quốc Hùng"],
    }
    html = document(front + _description(SAY, 4), css=PATENT_CSS, font="Liberation Serif")
    return "bang-gphi-2-2020-00387.pdf", html, expected


def build() -> list[tuple[str, str, dict]]:
    return [long_nuoi_ca(), phan_bon_sang_che(), wind_yaw(), may_say()]
