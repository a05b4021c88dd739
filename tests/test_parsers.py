"""Parsers on text fixtures written from the domain reference (§1.4, §2.2, §3.2-3.4)."""

from __future__ import annotations

import pytest

from indexer.detect import (
    detect_document_type,
    detect_language,
    detection_confidence,
    parser_for,
)
from indexer.evaluation import comparable_fields, field_accuracy, mismatches
from indexer.labels import fold, join_split_labels, match_label, split_academic_title
from indexer.parse_article import is_masthead, parse_article, person_names, running_lines
from indexer.parse_patent import (
    application_number,
    column_table,
    normalise_ipc,
    parse_patent,
    read_column_wise,
    segments,
    split_parties,
)
from indexer.parse_report import parse_report
from indexer.parsed import Origin
from indexer.values import find_dates, parse_date, parse_money, parse_period

STAT_SHEET = """ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
TRƯỜNG ĐẠI HỌC PHAN THIẾT
BÁO CÁO TỔNG HỢP
KẾT QUẢ THỰC HIỆN NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ CẤP TỈNH
"NGHIÊN CỨU QUY TRÌNH CANH TÁC THANH LONG RUỘT ĐỎ
THEO HƯỚNG VIETGAP TẠI HUYỆN HÀM THUẬN NAM"
Mã số: BT-NN-2020-03
Chủ nhiệm nhiệm vụ: PGS.TS. Nguyễn Văn Ánh
Bình Thuận, 2022
\f
BÁO CÁO THỐNG KÊ
KẾT QUẢ THỰC HIỆN NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ
I. THÔNG TIN CHUNG
1. Tên nhiệm vụ: Nghiên cứu quy trình canh tác thanh long ruột đỏ theo hướng VietGAP
tại huyện Hàm Thuận Nam
Mã số nhiệm vụ (nếu có): BT-NN-2020-03
Tên tiếng Anh: Research on VietGAP cultivation of red-flesh dragon fruit in Ham Thuan Nam
2. Chủ nhiệm nhiệm vụ:
Họ và tên: Nguyễn Văn Ánh
Học hàm, học vị: Phó giáo sư, Tiến sĩ
Tổ chức công tác: Trường Đại học Phan Thiết
3. Thư ký khoa học: ThS. Trần Thị Bích
4. Tổ chức chủ trì nhiệm vụ
Tên tổ chức chủ trì nhiệm vụ: Trường Đại học Phan Thiết
Địa chỉ: 225 Nguyễn Thông, Phan Thiết
5. Cơ quan chủ quản: Ủy ban nhân dân tỉnh Bình Thuận
6. Lĩnh vực nghiên cứu: 401 - Trồng trọt
7. Thời gian thực hiện: từ tháng 01/2020 đến tháng 12/2021
8. Tổng kinh phí thực hiện: 1,25 tỷ đồng
Trong đó: - Từ ngân sách sự nghiệp khoa học: 850 triệu đồng
- Từ nguồn tự có: 400.000.000 đồng
9. Địa điểm thực hiện: xã Hàm Mỹ, huyện Hàm Thuận Nam, tỉnh Bình Thuận
10. Ngày được nghiệm thu: 15/03/2022
11. Danh sách thành viên tham gia:
TT Họ và tên, học hàm học vị Tổ chức công tác Vai trò
1 PGS.TS. Nguyễn Văn Ánh Trường Đại học Phan Thiết Chủ nhiệm
2 ThS. Trần Thị Bích Trường Đại học Phan Thiết Thư ký
3 KS. Lê Văn Cường Trung tâm Khuyến nông Bình Thuận Thành viên
4 Phạm Thị Dung Sở Nông nghiệp và PTNT Thành viên
12. Từ khóa: thanh long; VietGAP; canh tác bền vững
\f
TÓM TẮT
Đề tài đã xây dựng quy trình canh tác thanh long ruột đỏ theo hướng VietGAP.
Kết quả cho thấy năng suất tăng 15%.
ABSTRACT
The project developed a VietGAP cultivation procedure for red-flesh dragon fruit.
MỤC LỤC
"""

COVER_ONLY = """SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH THUẬN
VIỆN NGHIÊN CỨU HẢI SẢN
BÁO CÁO TỔNG KẾT ĐỀ TÀI
ĐỀ TÀI:
ỨNG DỤNG CÔNG NGHỆ SINH HỌC TRONG SẢN XUẤT NƯỚC MẮM PHAN THIẾT
Chủ nhiệm đề tài
TS. Hồ Thị Mai
Cơ quan chủ trì đề tài
Viện Nghiên cứu Hải sản
Mã số đề tài
KC.03/16-20
Thời gian thực hiện
03/2018 - 02/2020 (24 tháng)
Kinh phí được phê duyệt
2 tỷ 500 triệu đồng
Phan Thiết - 2020
\f
MỞ ĐẦU
Đề tài "Ứng dụng công nghệ sinh học trong sản xuất nước mắm Phan Thiết" được thực hiện.
Đề tài được nghiệm thu chính thức ngày 20 tháng 4 năm 2020.
"""

ENGLISH_REPORT = """FINAL REPORT
Project title: Wind power forecasting for Tuy Phong district
Project code: BT-2021-07
Principal investigator: Dr. Nguyen Thanh Long
Host organisation: Binh Thuan Centre for Science and Technology Applications
Supervising agency: Binh Thuan Department of Science and Technology
Field of science: 202 - Electrical engineering, electronic engineering, information engineering
Duration: from March 2021 to February 2023
Total budget: VND 2,100,000,000
Date of acceptance: Mar. 15, 2023
Location: Tuy Phong district
Keywords: wind power, forecasting, machine learning
"""

PATENT_VI = """CỤC SỞ HỮU TRÍ TUỆ
(12) BẰNG ĐỘC QUYỀN SÁNG CHẾ
(11) Số bằng: 1-0023456
(21) Số đơn: 1-2019-01234
(22) Ngày nộp đơn: 12.03.2019
(43) Ngày công bố đơn: 25/06/2019
(45) Ngày công bố bằng: 2021-07-15
(51) Phân loại IPC: A23L 27/50 (2016.01); A23L27/10(2006.01)
C12N 1/20
(54) Tên sáng chế: Quy trình sản xuất nước mắm giàu đạm
từ cá cơm
(57) Tóm tắt: Sáng chế đề cập đến quy trình gồm bể ủ (12) được gắn
với bộ lọc (14) và bơm tuần hoàn.
(71) Chủ đơn: Trường Đại học Phan Thiết (VN)
225 Nguyễn Thông, Phú Hài, Phan Thiết, Bình Thuận
(72) Tác giả sáng chế: TS. Nguyễn Văn An (VN); Trần Thị Bình (VN)
Lê Văn Cường (VN)
(73) Chủ bằng: Trường Đại học Phan Thiết (VN)
(74) Đại diện SHCN: Công ty TNHH Sở hữu trí tuệ Bình Minh (VN)
"""

PATENT_EN = """(12) UTILITY SOLUTION
(11) Patent No.: 2-0001234
(21) Application No.: 2-2020-00123
(22) Filing date: Mar. 12, 2020
(45) Date of grant: 12 March 2021
(51) Int. Cl.8 A01G 9/02 (2006.01), A01G  27/005
(54) Title: Device for drying dragon fruit
(57) Abstract: A device (10) comprising a frame (12) and a fan (14).
(71) Applicant: Binh Thuan Agricultural Machinery Company Limited (VN)
(72) Inventors: Nguyen Van An, Tran Thi Binh, Le Van Cuong
(74) Agent: Pham and Associates (VN)
"""

# What pdfminer's layout pass gives for a two-column front page: left column, then right.
PATENT_TWO_COLUMNS = """(19) VN (11) 1-0030001
(21) Số đơn: 1-2022-05678
(22) Ngày nộp đơn: 05/09/2022
(54) Tên sáng chế: Hệ thống giám sát
điện gió ngoài khơi
(57) Tóm tắt: Sáng chế đề xuất hệ thống gồm
cảm biến (3) đặt trên tua-bin.
(71) Chủ đơn:
Công ty Cổ phần Năng lượng Tuy Phong (VN)
(72) Tác giả sáng chế:
Võ Minh Tuấn (VN)
Đặng Thị Hồng (VN)
(74) Đại diện SHCN: Văn phòng Luật sư Sao Việt
"""


def pages(text: str) -> list[str]:
    return [page.strip("\n") for page in text.split("\f")]


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("1. Tên nhiệm vụ: Nghiên cứu X", "title", "Nghiên cứu X"),
        ("Ten de tai: Nghien cuu X", "title", "Nghien cuu X"),
        ("II. Tên đề tài - Nghiên cứu X", "title", "Nghiên cứu X"),
        ("Mã số nhiệm vụ (nếu có): BT-01", "task_code", "BT-01"),
        ("MS đề tài: KC.03/16-20", "task_code", "KC.03/16-20"),
        ("a) Chủ nhiệm đề tài:", "principal_investigator", ""),
        ("CHỦ NHIỆM DỰ ÁN: KS. Lê C", "principal_investigator", "KS. Lê C"),
        ("Cơ quan chủ trì đề tài: Viện X", "host_organisation", "Viện X"),
        ("Đơn vị chủ trì: Viện X", "host_organisation", "Viện X"),
        ("Co quan chu quan: UBND tinh", "parent_agency", "UBND tinh"),
        ("Lĩnh vực KH&CN: 401", "field_of_science", "401"),
        ("Từ khoá: a; b", "keywords", "a; b"),
        ("Keywords: a, b", "keywords", "a, b"),
        ("Thời gian thực hiện: 24 tháng", "duration", "24 tháng"),
        ("Ngày nghiệm thu: 1/2/2023", "accepted", "1/2/2023"),
        ("- Từ ngân sách sự nghiệp khoa học: 1 tỷ", "budget_state", "1 tỷ"),
        ("Kinh phí được phê duyệt: 1 tỷ", "budget_total", "1 tỷ"),
        ("Principal investigator: Dr. X", "principal_investigator", "Dr. X"),
        ("Host institution: Y", "host_organisation", "Y"),
        ("Mã số chương trình: KC.03", "programme_code", "KC.03"),
    ],
)
def test_label_variants(line, field, value):
    match = match_label(line)
    assert match is not None and match.field == field
    assert match.value == value


@pytest.mark.parametrize(
    "line", ["Đề tài này nhằm mục tiêu", "Thanh long là cây trồng chủ lực", ""]
)
def test_ordinary_lines_are_not_labels(line):
    assert match_label(line) is None


def test_fold_keeps_length():
    text = "Đề tài NGHIÊN CỨU ở Hàm Thuận Nam"
    assert fold(text) == "de tai nghien cuu o ham thuan nam"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("PGS.TS. Nguyễn Văn Ánh", "PGS.TS.", "Nguyễn Văn Ánh"),
        ("PGS. TS. Nguyễn Văn Ánh", "PGS.TS.", "Nguyễn Văn Ánh"),
        ("ThS Trần Thị Bích", "ThS", "Trần Thị Bích"),
        ("GS.TSKH. Đặng Vũ", "GS.TSKH.", "Đặng Vũ"),
        ("Ma Văn Kháng", None, "Ma Văn Kháng"),
        ("Mai Thị Hoa", None, "Mai Thị Hoa"),
    ],
)
def test_academic_titles(text, title, name):
    assert split_academic_title(text) == (title, name)


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.03.2019", "2019-03-12"),
        ("12/03/2019", "2019-03-12"),
        ("2019-03-12", "2019-03-12"),
        ("Mar. 12, 2019", "2019-03-12"),
        ("March 12 2019", "2019-03-12"),
        ("12 March 2019", "2019-03-12"),
        ("ngày 5 tháng 4 năm 2020", "2020-04-05"),
        ("tháng 3/2020", "2020-03"),
        ("tháng 3 năm 2020", "2020-03"),
        ("03/2020", "2020-03"),
        ("February 2023", "2023-02"),
        ("năm 2021", "2021"),
        ("31/02/2020", None),
        ("không rõ", None),
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("từ tháng 01/2020 đến tháng 12/2021", "2020-01", "2021-12"),
        ("03/2018 - 02/2020 (24 tháng)", "2018-03", "2020-02"),
        ("24 tháng, từ tháng 3/2020", "2020-03", "2022-02"),
        ("from March 2021 to February 2023", "2021-03", "2023-02"),
        ("từ ngày 01/06/2019 đến ngày 31/05/2021", "2019-06-01", "2021-05-31"),
    ],
)
def test_periods(text, start, end):
    assert parse_period(text) == (start, end)


def test_find_dates_does_not_read_a_date_twice():
    assert [iso for _, iso in find_dates("12.03.2019 và 2019")] == ["2019-03-12", "2019"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("850 triệu đồng", 850_000_000),
        ("1.250.000.000 đồng", 1_250_000_000),
        ("1,25 tỷ đồng", 1_250_000_000),
        ("1.250 triệu đồng", 1_250_000_000),
        ("2 tỷ 500 triệu đồng", 2_500_000_000),
        ("850,5 triệu đồng", 850_500_000),
        ("VND 2,100,000,000", 2_100_000_000),
        ("3.500.000.000đ", 3_500_000_000),
        ("1 250 000 000 VNĐ", 1_250_000_000),
        ("24 tháng", None),
        ("năm 2020", None),
    ],
)
def test_money(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A23L 27/50 (2016.01)", ["A23L 27/50"]),
        ("Int.Cl.8 A23L27/50(2006.01); A23L  2/02", ["A23L 27/50", "A23L 2/02"]),
        ("C12N 1/20, C12N 1/20", ["C12N 1/20"]),
        ("A 01 G 9/02", ["A01G 9/02"]),
        ("A01G 027/005", ["A01G 27/005"]),
        ("IPC: H02J", ["H02J"]),
        ("(2006.01)", []),
    ],
)
def test_ipc_normalisation(text, expected):
    assert normalise_ipc(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-2019-01234", "1-2019-01234"),
        ("Số đơn: 2 - 2020 - 00123", "2-2020-00123"),
        ("VN1202402456", "1-2024-02456"),
        ("5-2019-01234", None),
        ("1-0023456", None),
    ],
)
def test_application_numbers(text, expected):
    assert application_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "TS. Nguyễn Văn An (VN); Trần Thị Bình (VN)\nLê Văn Cường (VN)",
            ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"],
        ),
        (
            "Nguyen Van An, Tran Thi Binh, Le Van Cuong",
            ["Nguyen Van An", "Tran Thi Binh", "Le Van Cuong"],
        ),
        ("Nguyễn Văn An\nTrần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
        ("(VI) Nguyễn Văn An : 12 Lê Lợi, Phan Thiết", ["Nguyễn Văn An"]),
        (
            "Nguyễn Văn An, 12 Lê Lợi, Phan Thiết, Bình Thuận; Trần Thị Bình, thôn 2, xã Hàm Mỹ",
            ["Nguyễn Văn An", "Trần Thị Bình"],
        ),
        ("Nguyễn Văn An (VN), Trần Thị Bình (VN)", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ],
)
def test_inventor_splitting(text, expected):
    assert split_parties(text, persons=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trường Đại học Phan Thiết (VN)\n225 Nguyễn Thông, Phú Hài, Phan Thiết, Bình Thuận\n"
            "Viện Nghiên cứu Hải sản (VN)",
            ["Trường Đại học Phan Thiết", "Viện Nghiên cứu Hải sản"],
        ),
        (
            "Trung tâm Thông tin và Ứng dụng tiến bộ khoa học\nvà công nghệ Bình Thuận (VN)",
            ["Trung tâm Thông tin và Ứng dụng tiến bộ khoa học và công nghệ Bình Thuận"],
        ),
        ("(VI) Công ty TNHH ABC : 12 Lê Lợi, Phan Thiết", ["Công ty TNHH ABC"]),
        ("Sở Khoa học và Công nghệ tỉnh Bình Thuận", ["Sở Khoa học và Công nghệ tỉnh Bình Thuận"]),
    ],
)
def test_applicant_splitting(text, expected):
    assert split_parties(text) == expected


# --------------------------------------------------------------------------- reports


def test_statistical_sheet_is_read():
    result = parse_report(pages(STAT_SHEET)).to_record()
    assert result["title"] == (
        "Nghiên cứu quy trình canh tác thanh long ruột đỏ theo hướng VietGAP "
        "tại huyện Hàm Thuận Nam"
    )
    assert result["title_en"].startswith("Research on VietGAP cultivation")
    assert result["identifiers"] == {"task_code": "BT-NN-2020-03"}
    assert result["host_organisation"] == "Trường Đại học Phan Thiết"
    assert result["parent_agency"] == "Ủy ban nhân dân tỉnh Bình Thuận"
    assert result["field_of_science"] == "401"
    assert result["dates"] == {"start": "2020-01", "end": "2021-12", "accepted": "2022-03-15"}
    assert result["budget"] == {"total_vnd": 1_250_000_000, "state_vnd": 850_000_000}
    assert result["place"]["district"] == "ham-thuan-nam"
    assert result["keywords"] == ["thanh long", "VietGAP", "canh tác bền vững"]
    people = {person["name"]: person for person in result["people"]}
    assert people["Nguyễn Văn Ánh"]["role"] == "principal_investigator"
    assert people["Nguyễn Văn Ánh"]["title"] == "PGS.TS."
    assert people["Trần Thị Bích"]["role"] == "secretary"
    assert people["Lê Văn Cường"] == {
        "name": "Lê Văn Cường",
        "role": "member",
        "title": "KS.",
        "affiliation": "Trung tâm Khuyến nông Bình Thuận",
    }
    assert people["Phạm Thị Dung"]["role"] == "member"
    assert result["abstract"].startswith("Đề tài đã xây dựng quy trình")
    assert result["abstract_en"].startswith("The project developed")


def test_an_english_abstract_loses_its_title_line_and_what_separated_it():
    title_en = parse_report(pages(STAT_SHEET)).to_record()["title_en"]
    scanned = STAT_SHEET.replace(
        "ABSTRACT\nThe project", f"ABSTRACT\nTitle: {title_en}\n_: The project"
    )
    assert parse_report(pages(scanned)).abstract_en.startswith("The project developed")


def test_cover_with_values_on_the_next_line():
    result = parse_report(pages(COVER_ONLY)).to_record()
    assert result["title"] == "Ứng dụng công nghệ sinh học trong sản xuất nước mắm Phan Thiết"
    assert result["identifiers"]["task_code"] == "KC.03/16-20"
    assert result["host_organisation"] == "Viện Nghiên cứu Hải sản"
    assert result["people"][0]["name"] == "Hồ Thị Mai"
    assert result["people"][0]["title"] == "TS."
    assert result["dates"] == {"start": "2018-03", "end": "2020-02", "accepted": "2020-04-20"}
    assert result["budget"]["total_vnd"] == 2_500_000_000


def test_english_report():
    result = parse_report([ENGLISH_REPORT]).to_record()
    assert result["title"] == "Wind power forecasting for Tuy Phong district"
    assert result["identifiers"]["task_code"] == "BT-2021-07"
    assert result["people"][0]["name"] == "Nguyen Thanh Long"
    assert result["host_organisation"].startswith("Binh Thuan Centre")
    assert result["parent_agency"] == "Binh Thuan Department of Science and Technology"
    assert result["field_of_science"] == "202"
    assert result["dates"] == {"start": "2021-03", "end": "2023-02", "accepted": "2023-03-15"}
    assert result["budget"]["total_vnd"] == 2_100_000_000
    assert result["place"]["district"] == "tuy-phong"
    assert result["keywords"] == ["wind power", "forecasting", "machine learning"]


def test_field_of_science_by_name():
    result = parse_report(["BÁO CÁO TỔNG HỢP\nTên đề tài: X Y Z\nLĩnh vực nghiên cứu: Thủy sản"])
    assert result.field_of_science == "405"


# --------------------------------------------------------------------------- patents


def test_vietnamese_patent_front_page():
    result = parse_patent([PATENT_VI]).to_record()
    assert result["kind"] == "patent"
    assert result["identifiers"]["application_number"] == "1-2019-01234"
    assert result["identifiers"]["patent_number"] == "1-0023456"
    assert result["dates"] == {
        "filed": "2019-03-12",
        "published": "2019-06-25",
        "granted": "2021-07-15",
    }
    assert result["ipc_classes"] == ["A23L 27/50", "A23L 27/10", "C12N 1/20"]
    assert result["title"] == "Quy trình sản xuất nước mắm giàu đạm từ cá cơm"
    assert "bể ủ (12) được gắn với bộ lọc (14)" in result["abstract"]
    by_role: dict[str, list[str]] = {}
    for person in result["people"]:
        by_role.setdefault(person["role"], []).append(person["name"])
    assert by_role["inventor"] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert by_role["applicant"] == ["Trường Đại học Phan Thiết"]
    assert by_role["owner"] == ["Trường Đại học Phan Thiết"]
    assert result["agent"] == "Công ty TNHH Sở hữu trí tuệ Bình Minh"


def test_english_inid_labels():
    result = parse_patent([PATENT_EN]).to_record()
    assert result["kind"] == "utility_solution"
    assert result["identifiers"]["application_number"] == "2-2020-00123"
    assert result["identifiers"]["patent_number"] == "2-0001234"
    assert result["dates"] == {"filed": "2020-03-12", "granted": "2021-03-12"}
    assert result["ipc_classes"] == ["A01G 9/02", "A01G 27/005"]
    assert result["title"] == "Device for drying dragon fruit"
    assert result["abstract"] == "A device (10) comprising a frame (12) and a fan (14)."
    names = [(p["role"], p["name"]) for p in result["people"]]
    assert names == [
        ("inventor", "Nguyen Van An"),
        ("inventor", "Tran Thi Binh"),
        ("inventor", "Le Van Cuong"),
        ("applicant", "Binh Thuan Agricultural Machinery Company Limited"),
    ]


def test_two_column_front_page():
    result = parse_patent([PATENT_TWO_COLUMNS]).to_record()
    assert result["identifiers"] == {
        "application_number": "1-2022-05678",
        "patent_number": "1-0030001",
    }
    assert result["title"] == "Hệ thống giám sát điện gió ngoài khơi"
    assert result["abstract"] == "Sáng chế đề xuất hệ thống gồm cảm biến (3) đặt trên tua-bin."
    inventors = [p["name"] for p in result["people"] if p["role"] == "inventor"]
    assert inventors == ["Võ Minh Tuấn", "Đặng Thị Hồng"]
    applicants = [p["name"] for p in result["people"] if p["role"] == "applicant"]
    assert applicants == ["Công ty Cổ phần Năng lượng Tuy Phong"]


def test_reference_numerals_in_the_abstract_are_not_inid_codes():
    values = segments(
        "(57) Tóm tắt: bộ phận\n(12) được gắn vào khung (13).\n(72) Tác giả: Lê Văn A"
    )
    assert values["57"] == "bộ phận\n(12) được gắn vào khung (13)."
    assert values["72"] == "Lê Văn A"


def test_wipo_publish_combined_codes():
    text = (
        "Loại đơn: Giải pháp hữu ích\n"
        "(10) Số bằng và ngày cấp: 2-0002345 15.06.2021\n"
        "(20) Số đơn và Ngày nộp đơn: 2-2019-00456 12.03.2019\n"
        "(40) Số công bố và ngày công bố: 2-2019-00456 25.07.2019\n"
        "(71/73) Chủ đơn/Chủ bằng: (VI) Công ty TNHH Chế biến Thủy sản La Gi : Phước Lộc, La Gi\n"
        "(72) Tác giả sáng chế: (VI) Phan Văn Hùng\n"
        "(54) Tên: (VI) Thiết bị phơi mực một nắng\n"
    )
    result = parse_patent([text]).to_record()
    assert result["kind"] == "utility_solution"
    assert result["identifiers"]["application_number"] == "2-2019-00456"
    assert result["identifiers"]["patent_number"] == "2-0002345"
    assert result["dates"] == {
        "filed": "2019-03-12",
        "published": "2019-07-25",
        "granted": "2021-06-15",
    }
    assert result["title"] == "Thiết bị phơi mực một nắng"
    assert [(p["role"], p["name"]) for p in result["people"]] == [
        ("inventor", "Phan Văn Hùng"),
        ("applicant", "Công ty TNHH Chế biến Thủy sản La Gi"),
    ]


# --------------------------------------------------------------------------- detection


def test_document_types():
    assert detect_document_type(pages(STAT_SHEET)) == "final_report"
    assert detect_document_type(pages(COVER_ONLY)) == "final_report"
    assert detect_document_type([ENGLISH_REPORT]) == "final_report"
    assert detect_document_type([PATENT_VI]) == "patent_document"
    assert detect_document_type([PATENT_EN]) == "patent_document"
    assert detect_document_type([PATENT_TWO_COLUMNS]) == "patent_document"
    assert (
        detect_document_type(["Kỷ yếu hội thảo khoa học về thanh long Bình Thuận"])
        == "research_document"
    )
    assert detect_document_type([""]) == "research_document"


def test_a_report_citing_a_patent_stays_a_report():
    text = STAT_SHEET + "\fĐề tài đã nộp đơn đăng ký sáng chế số 1-2021-01234 (21) ngày 12.03.2021."
    assert detect_document_type(pages(text)) == "final_report"


def test_languages():
    assert detect_language(STAT_SHEET) == "vi"
    assert detect_language(ENGLISH_REPORT) == "en"
    assert detect_language(PATENT_EN) == "en"
    assert detect_language("Nghien cuu quy trinh san xuat cua tinh Binh Thuan va cac huyen") == "vi"


@pytest.mark.parametrize(
    "sample",
    [
        "Nghiên cứu quy trình nuôi tôm thẻ chân trắng ở Tuy Phong, năm 2021.",
        "ĐỀ TÀI: THANH LONG RUỘT ĐỎ – Hàm Thuận Bắc (25 °C, 80 µm, x² + y½)",
        "İstanbul ǅ ß ſ Ω ª º _snake_case ٣ 42",  # lower() lengthens İ; ٣ is a digit
        "1234 -- !!",
    ],
)
def test_letter_shares_count_what_the_letter_pattern_matches(sample):
    import re

    from indexer.detect import _VIETNAMESE_LETTERS, _letter_shares

    lowered = sample.lower()
    letters = re.findall(r"[^\W\d_]", lowered)
    accented = [char for char in letters if char in _VIETNAMESE_LETTERS]
    expected = (len(letters), len(accented) / len(letters)) if letters else (0, 0.0)
    assert _letter_shares(sample) == expected


# --------------------------------------------------------------------------- evaluation


def test_comparable_fields_and_accuracy():
    record = {
        "document_type": "patent_document",
        "kind": "patent",
        "title": "Quy trình  sản xuất",
        "people": [
            {"name": "Nguyễn Văn An", "role": "inventor"},
            {"name": "Trường Đại học Phan Thiết", "role": "applicant"},
            {"name": "Trường Đại học Phan Thiết", "role": "owner"},
        ],
        "identifiers": {"application_number": "1-2019-01234"},
        "dates": {"start": "2020-01-15"},
        "ipc_classes": ["A23L 27/50", "C12N 1/20"],
    }
    found = comparable_fields(record)
    assert found["inventors"] == ["Nguyễn Văn An"]
    assert found["applicants"] == ["Trường Đại học Phan Thiết"]
    assert found["start"] == "2020-01"
    expected = {
        "title": "Quy trình sản xuất",
        "ipc_classes": ["C12N 1/20", "A23L 27/50"],
        "application_number": "1-2019-01234",
        "filed": "2019-03-12",
    }
    overall, per_field = field_accuracy([(expected, found)])
    assert overall == 0.75
    assert per_field["filed"] == (0, 1) and per_field["ipc_classes"] == (1, 1)
    assert mismatches(expected, found) == {"filed": ("2019-03-12", None)}


# --------------------------------------------------------------------------- layout variants

WRAPPED_SHEET = """BÁO CÁO THỐNG KÊ KẾT QUẢ THỰC HIỆN NHIỆM VỤ
Tên nhiệm vụ: Hoàn thiện quy trình chế biến và xây dựng nhãn hiệu chứng
nhận cho sản phẩm mực một nắng La Gi
Mã số nhiệm vụ: ĐTKH.11/2015
Chủ nhiệm nhiệm vụ: ThS. Nguyễn Văn Tư
Học hàm, học vị: Thạc sĩ
Thư ký nhiệm vụ: KS. Trần Thị Ngọc Hân
Danh sách cá nhân tham gia thực hiện nhiệm vụ:
Stt Họ và tên, học hàm học
vị
Tổ chức công tác Nội dung công việc
chính
1 ThS. Nguyễn Văn Tư Chi cục Thủy sản Bình
Thuận
Chủ nhiệm nhiệm vụ
2 KS. Trần Thị Ngọc Hân Chi cục Thủy sản Bình
Thuận
Thư ký nhiệm vụ
3 TS. Phạm Thị Hiền Trường Đại học Nha Trang Điều tra, khảo sát
thực địa
4 ThS. Đinh Văn Khoa Trường Đại học Phan Thiết Xây dựng quy trình kỹ
thuật
\f
TÓM TẮT
Mực một nắng là đặc sản của vùng biển Bình Thuận, được ưa chuộng nhờ
vị ngọt và độ dai đặc trưng của sản phẩm.
Từ khoá: mực một nắng; nhãn hiệu chứng nhận; máy sấy bơm nhiệt; thị xã La
Gi
ABSTRACT
Title: Improving processing and building a certification mark for La Gi
one-sun dried squid
One-sun dried squid is a Binh Thuan speciality, mostly sun-dried by
hand by small family businesses along the coast of the whole province.
"""


def test_wrapped_table_rows_and_role_cells():
    result = parse_report(pages(WRAPPED_SHEET)).to_record()
    roles = {person["name"]: person["role"] for person in result["people"]}
    assert roles == {
        "Nguyễn Văn Tư": "principal_investigator",
        "Trần Thị Ngọc Hân": "secretary",
        "Phạm Thị Hiền": "member",
        "Đinh Văn Khoa": "member",
    }
    members = {p["name"]: p for p in result["people"] if p["role"] == "member"}
    assert members["Phạm Thị Hiền"]["title"] == "TS."
    assert members["Phạm Thị Hiền"]["affiliation"].startswith("Trường Đại học Nha Trang")
    assert result["title"] == (
        "Hoàn thiện quy trình chế biến và xây dựng nhãn hiệu chứng nhận cho sản phẩm mực "
        "một nắng La Gi"
    )


def test_keywords_wrapped_mid_phrase():
    result = parse_report(pages(WRAPPED_SHEET)).to_record()
    assert result["keywords"] == [
        "mực một nắng",
        "nhãn hiệu chứng nhận",
        "máy sấy bơm nhiệt",
        "thị xã La Gi",
    ]


def test_english_title_printed_with_the_abstract():
    result = parse_report(pages(WRAPPED_SHEET)).to_record()
    assert result["title_en"] == (
        "Improving processing and building a certification mark for La Gi one-sun dried squid"
    )
    assert result["abstract_en"].startswith("One-sun dried squid is a Binh Thuan speciality")


def test_statistical_sheet_appended_at_the_end():
    body = ["Chương 1. Tổng quan\nNội dung nghiên cứu." for _ in range(10)]
    cover = "BÁO CÁO TỔNG HỢP\n“ĐỀ TÀI VỀ CÁ CƠM”\nMỤC LỤC\nBÁO CÁO THỐNG KÊ . . . . . . 12"
    sheet = "BÁO CÁO THỐNG KÊ\nTên đề tài: Đề tài về cá cơm ở Phan Thiết\nMã số: BT-09/2019"
    result = parse_report([cover, *body, sheet]).to_record()
    assert result["title"] == "Đề tài về cá cơm ở Phan Thiết"
    assert result["identifiers"]["task_code"] == "BT-09/2019"


def test_person_blocks_with_sub_labels():
    text = """BÁO CÁO THỐNG KÊ
1. Tên đề tài: Nghiên cứu sản xuất giống tôm hùm bông
2. Chủ nhiệm đề tài:
- Họ và tên: Lê Thị Thu Hằng
- Học hàm, học vị: Phó giáo sư, Tiến sĩ
- Điện thoại: 0903 123 456
- Tổ chức công tác: Viện Nghiên cứu Nuôi trồng Thủy sản III
3. Thư ký đề tài:
Họ và tên: Trần Văn Bảy
Học vị: Thạc sĩ
4. Cơ quan chủ trì đề tài: Viện Nghiên cứu Nuôi trồng Thủy sản III
"""
    people = parse_report([text]).to_record()["people"]
    assert people == [
        {
            "name": "Lê Thị Thu Hằng",
            "role": "principal_investigator",
            "title": "PGS.TS.",
            "affiliation": "Viện Nghiên cứu Nuôi trồng Thủy sản III",
        },
        {"name": "Trần Văn Bảy", "role": "secretary", "title": "ThS.", "affiliation": None},
    ]


def test_cover_title_in_capitals_is_put_in_sentence_case():
    cover = """ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN
BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ
NGHIÊN CỨU NUÔI TÔM HÙM BÔNG THEO CHUẨN VIETGAP TẠI PHÚ QUÝ
Chủ nhiệm nhiệm vụ: TS. Phan Thị Vân
Cơ quan chủ trì: Viện Nghiên cứu Nuôi trồng thủy sản II, chi nhánh miền Trung của Bộ
Bình Thuận, tháng 5/2015"""
    body = (
        "MỞ ĐẦU\nNghề nuôi tôm hùm bông ở huyện đảo Phú Quý phát triển mạnh, nhưng người nuôi "
        "chưa áp dụng VietGAP. Mô hình được triển khai tại Phú Quý trong hai năm."
    )
    result = parse_report([cover, body]).to_record()
    assert result["title"] == "Nghiên cứu nuôi tôm hùm bông theo chuẩn VietGAP tại Phú Quý"
    assert result["host_organisation"] == (
        "Viện Nghiên cứu Nuôi trồng thủy sản II, chi nhánh miền Trung của Bộ"
    )


# --------------------------------------------------------------------------- real-world layouts
# Text as PDFium gives it for label/value tables, bilingual forms and gazette tables (the
# independent corpus, corpus_samples/independent/, holds the PDFs these quirks come from).

TABLE_SHEET = """THÔNG TIN CHUNG VỀ ĐỀ TÀI
Tên đề tài/dự án Nghiên cứu ứng dụng quy trình nuôi cá chim vây vàng
(Trachinotus blochii) trong lồng HDPE tại vùng biển
huyện Phú Quý
Mã số ĐTKHCN.12/17
Chủ nhiệm đề tài ThS. TRẦN QUỐC VIỆT
Implementing
agency
Institute of Marine Geology and Geophysics
Cán bộ tham gia KS. Nguyễn Văn Lộc; ThS. Đặng Thị Ngọc Hân; Lê
Hữu Phước
Date of
acceptance
14 March 2022
Lĩnh vực nghiên cứu Kỹ thuật thực phẩm và đồ uống
13 Ngày họp Hội đồng nghiệm thu 12/10/2021
"""


def test_a_value_wrapped_in_its_table_column_is_read_whole():
    result = parse_report([TABLE_SHEET]).to_record()
    assert result["title"] == (
        "Nghiên cứu ứng dụng quy trình nuôi cá chim vây vàng (Trachinotus blochii) trong lồng "
        "HDPE tại vùng biển huyện Phú Quý"
    )
    assert result["identifiers"]["task_code"] == "ĐTKHCN.12/17"
    assert result["people"][0] == {
        "name": "Trần Quốc Việt",
        "role": "principal_investigator",
        "title": "ThS.",
        "affiliation": None,
    }


def test_a_label_wrapped_in_its_table_cell_is_joined():
    result = parse_report([TABLE_SHEET]).to_record()
    assert result["host_organisation"] == "Institute of Marine Geology and Geophysics"
    members = [p["name"] for p in result["people"] if p["role"] == "member"]
    assert members == ["Nguyễn Văn Lộc", "Đặng Thị Ngọc Hân", "Lê Hữu Phước"]  # not "... Date"
    assert result["dates"]["accepted"] == "2022-03-14"
    assert result["field_of_science"] == "211"  # not "1" from the next row's number


def test_join_split_labels_keeps_values_and_unrelated_lines_apart():
    lines = ["Chủ nhiệm đề", "tài:", "ThS. Trần Quốc Việt", "Mã số: X-1", "Chủ nhiệm: A B"]
    joined, pages_of = join_split_labels(lines, [0] * len(lines))
    assert joined == ["Chủ nhiệm đề tài:", "ThS. Trần Quốc Việt", "Mã số: X-1", "Chủ nhiệm: A B"]
    assert pages_of == [0, 0, 0, 0]
    # a label alone on its line, then its value: nothing to join
    assert join_split_labels(["Tổ chức chủ trì", "Trường Đại học X"], [0, 0])[0] == [
        "Tổ chức chủ trì",
        "Trường Đại học X",
    ]


def test_a_remark_under_the_title_ends_it_but_a_latin_name_does_not():
    text = (
        "BÁO CÁO THỐNG KÊ\nTên đề tài: Nghiên cứu nuôi cá chim vây vàng trong lồng tại Phú Quý "
        "theo hướng bền vững\n(Thuộc Chương trình phát triển thủy sản)\nMã số: X-01"
    )
    assert parse_report([text]).to_record()["title"] == (
        "Nghiên cứu nuôi cá chim vây vàng trong lồng tại Phú Quý theo hướng bền vững"
    )


def test_bilingual_labels():
    text = """THÔNG TIN CHUNG / GENERAL INFORMATION
1. Tên đề tài / Project title: Ứng dụng điện mặt trời áp mái cho trại giống tôm
2. Tên tiếng Anh / English title: Rooftop solar power for shrimp hatcheries
3. Mã số / Code: BT-NL-2020-02
4. Chủ nhiệm / Project leader: PGS.TS. Quách Văn Lực
5. Thời gian / Duration: 03/2020 – 08/2021
"""
    result = parse_report(pages(text)).to_record()
    assert result["title"] == "Ứng dụng điện mặt trời áp mái cho trại giống tôm"
    assert result["title_en"] == "Rooftop solar power for shrimp hatcheries"
    assert result["identifiers"]["task_code"] == "BT-NL-2020-02"
    assert result["people"][0]["name"] == "Quách Văn Lực"
    assert (result["dates"]["start"], result["dates"]["end"]) == ("2020-03", "2021-08")


def test_members_table_whose_role_cells_wrap():
    text = """1.11. Danh sách thành viên tham gia:
STT Họ và tên Học
hàm, học
vị
Đơn vị công tác Nội dung tham
gia
1 Lê Văn Thành KS. Công ty TNHH Phân bón
Hữu cơ Tuy Phong
Chủ nhiệm dự
án
2 Mai Thị Thúy
Hằng
ThS. Trường Đại học Phan
Thiết
Thư ký khoa
học
3 Trịnh Công Danh TS. Viện Thổ nhưỡng Nông
hóa
Thành viên
II. KẾT QUẢ THỰC HIỆN
"""
    roles = {p["name"]: p["role"] for p in parse_report([text]).to_record()["people"]}
    assert roles == {
        "Lê Văn Thành": "principal_investigator",
        "Mai Thị Thúy Hằng": "secretary",
        "Trịnh Công Danh": "member",
    }


def test_numbered_members_in_one_cell_and_acceptance_in_a_wrapped_sentence():
    text = """BÁO CÁO TỔNG HỢP
Tên đề tài: Sản xuất muối sạch
Thành viên chính: 1. ThS. Lưu Văn Hòa; 2. KS. Tạ Minh Nhật; 3. Kiều Thị Yến
TÓM TẮT
Dự án được Hội đồng khoa học và công nghệ tỉnh nghiệm thu ngày
15 tháng 12 năm 2020.
"""
    result = parse_report([text]).to_record()
    assert [p["name"] for p in result["people"]] == ["Lưu Văn Hòa", "Tạ Minh Nhật", "Kiều Thị Yến"]
    assert result["dates"]["accepted"] == "2020-12-15"


def test_report_parser_records_sources_and_agreement():
    origins = parse_report(pages(STAT_SHEET)).origins
    assert origins["title"].source == "sheet"
    assert origins["task_code"] == Origin("sheet", page=1, agreement=True)  # cover and sheet agree
    cover = parse_report(pages(COVER_ONLY)).origins
    assert cover["principal_investigator"].source == "cover"
    assert cover["accepted"].source == "heuristic"  # read in running text


GAZETTE_TABLE = """CÔNG BÁO SỞ HỮU CÔNG NGHIỆP SỐ 401 - TẬP A (08.2021) 127
GIẢI PHÁP HỮU ÍCH
(21) Số đơn 2-2021-00145
(22) Ngày nộp đơn 15.04.2021
(43) Ngày công bố 25.08.2021
(51) IPC A01K 61/60 (2017.01); A01K 63/00 (2017.01)
(54) Tên giải pháp
hữu ích
Lồng nuôi cá biển bằng ống HDPE có hệ thống
neo chống bão
(57) Tóm tắt Giải pháp hữu ích đề cập đến lồng nuôi cá biển gồm khung phao (1).
(71) Người nộp đơn Trung tâm Khuyến nông Bình Thuận (VN)
Số 2 Tôn Đức Thắng, phường Phú Thủy, thành
phố Phan Thiết, tỉnh Bình Thuận
(72) Tác giả Trần Quốc Việt (VN), Nguyễn Văn Lộc (VN)
"""
# The same table read by a layout analysis that took each table column for a text column.
GAZETTE_COLUMNS = """(21) Số đơn
(22) Ngày nộp đơn
(43) Ngày công bố
(51) IPC
(54) Tên giải pháp
hữu ích
(71) Người nộp đơn
(72) Tác giả
2-2021-00145
15.04.2021
25.08.2021
A01K 61/60 (2017.01)
Lồng nuôi cá biển
Trung tâm Khuyến nông Bình Thuận (VN)
Trần Quốc Việt (VN), Nguyễn Văn Lộc (VN)
"""


def test_gazette_entry_laid_out_as_a_table():
    parsed = parse_patent([GAZETTE_TABLE])
    result = parsed.to_record()
    assert result["title"] == "Lồng nuôi cá biển bằng ống HDPE có hệ thống neo chống bão"
    assert result["kind"] == "utility_solution"
    assert result["ipc_classes"] == ["A01K 61/60", "A01K 63/00"]
    assert result["technology_fields"] == ["29"]
    parties = {(p["name"], p["role"]) for p in result["people"]}
    assert parties == {
        ("Trung tâm Khuyến nông Bình Thuận", "applicant"),
        ("Trần Quốc Việt", "inventor"),
        ("Nguyễn Văn Lộc", "inventor"),
    }
    assert parsed.origins["title"] == Origin("inid", page=0)


def test_codes_read_as_one_column_and_values_as_another_are_not_paired():
    assert read_column_wise(segments(GAZETTE_COLUMNS))
    assert not read_column_wise(segments(GAZETTE_TABLE))
    result = parse_patent([GAZETTE_COLUMNS])
    assert result.title is None and result.people == []
    # what validates on its own is still found
    assert result.identifiers["application_number"] == "2-2021-00145"
    assert result.origins["application_number"].source == "text"


# A US front page as OCR segments it: the codes, their labels and their values as three blocks.
US_FRONT_THREE_COLUMNS = """(12) United States Patent
(54) USING VIRTUAL REALITY FOR
BEHAVIORAL ANALYSIS
(71)
(72)
(*)
(21)
(22)
(65)
(51)
Applicants:
Inventors:
Notice:
Appl. No.:
Filed:
Acme Labs Corporation, Boston, MA (US)
Georgios P. Schinas, Salonika (GR);
Ilias K Chrysovergis, Salonika
(GR); Kyriaki-Margarita Bintsi,
Edessa (GR)
Subject to any disclaimer, the term of this
patent is extended or adjusted under 35
U.S.C. 154(b) by 9 days.
15/266,583
Sep. 15, 2016
Prior Publication Data
US 2018/0075293 A1 Mar. 15, 2018
Int. Cl.
G06K 9/00 (2006.01)
(57) ABSTRACT
Examples of the disclosure provide for calibrating a virtual reality environment.
"""


def test_codes_labels_and_values_read_as_three_columns_are_paired_in_order():
    result = parse_patent([US_FRONT_THREE_COLUMNS]).to_record()
    names = {role: [p["name"] for p in result["people"] if p["role"] == role]
             for role in ("inventor", "applicant")}
    assert names["inventor"] == [
        "Georgios P. Schinas", "Ilias K Chrysovergis", "Kyriaki-Margarita Bintsi"]
    assert names["applicant"] == ["Acme Labs Corporation"]
    assert result["identifiers"]["application_number"] == "15/266,583"
    assert result["dates"]["filed"] == "2016-09-15"


def test_three_columns_whose_values_do_not_fit_their_labels_are_not_paired():
    # one value short: the filing date would be read under (21), which takes no date
    shifted = US_FRONT_THREE_COLUMNS.replace("15/266,583\n", "")
    assert column_table(shifted) == {}


def test_an_abstract_code_printed_apart_from_its_heading_reads_under_the_heading():
    page = """(56) References Cited
5,010,478 A 4, 1991 Deran ............. 364,200
5,133,075 A 7, 1992 Risch ............. 395/800 (57)
5,519,608 A 5/1996 Kupiec ............ 364,419.08
(10) Patent No.: US 8,812,435 B1
ABSTRACT
A system, method, and computer program product for learning objects and facts from
documents. Objects are identified based on the identified names.
20 Claims, 9 Drawing Sheets
"""
    abstract = parse_patent([page]).abstract
    assert abstract.startswith("A system, method, and computer program product")
    assert abstract.endswith("identified names.")


@pytest.mark.parametrize(
    ("number", "office"),
    [
        ("1-2019-01234", "VN"),
        ("16/123,456", "US"),
        ("PCT/NZ2023/050084", "WO"),
        ("202641096863", "IN"),
        ("12/SS5,454", None),  # OCR's letters for digits: no office prints that
        ("PCT/NZ23/050084", None),
        ("12345", None),
    ],
)
def test_application_numbers_are_stored_in_the_form_their_office_prints(number, office):
    from marshmallow import ValidationError

    from schemas.records import IdentifiersSchema, application_number_office

    assert application_number_office(number) == office
    if office:
        assert IdentifiersSchema().load({"application_number": number})["application_number"]
    else:
        with pytest.raises(ValidationError):
            IdentifiersSchema().load({"application_number": number})


def test_labels_wrapped_or_spread_by_justification_are_still_labels():
    text = """(10) Patent number
and date
1-0034418 15.08.2022
(20) Application
number and filing
date
1-2020-04417 02.07.2020
(73)  Chủ  bằng:  Công  ty  TNHH  Phân
bón Hữu cơ Tuy Phong (VN); Viện Thổ
nhưỡng Nông hóa (VN)
(72)  Tác  giả  sáng  chế:  Lê  Văn  Thành
(VN), Trịnh Công Danh (VN), Mai Thị
Thúy Hằng (VN)
"""
    result = parse_patent([text]).to_record()
    assert result["identifiers"]["patent_number"] == "1-0034418"
    assert result["identifiers"]["application_number"] == "1-2020-04417"
    assert result["dates"] == {"filed": "2020-07-02", "granted": "2022-08-15"}
    names = [p["name"] for p in result["people"]]
    assert names == [
        "Lê Văn Thành",
        "Trịnh Công Danh",
        "Mai Thị Thúy Hằng",
        "Công ty TNHH Phân bón Hữu cơ Tuy Phong",
        "Viện Thổ nhưỡng Nông hóa",
    ]


def test_us_style_front_page():
    text = """(12) PATENT
(11) Patent No.: 35127
(45) Date of Patent: Mar. 25, 2021
(54) APPARATUS FOR PRODUCING CLEAN SEA SALT
(71) Applicant: Tuy Phong Salt Joint Stock Company, Vinh Hao, Tuy Phong, Binh Thuan (VN)
(72) Inventors: Dinh Van Quy, Tuy Phong (VN); Luu Van Hoa, Phan Thiet (VN)
(21) Appl. No.: 1-2018-05532
(22) Filed: Dec. 10, 2018
(57) ABSTRACT
An apparatus for producing clean sea salt comprises covered ponds (1) and trays (2).
"""
    result = parse_patent([text]).to_record()
    assert result["title"] == "Apparatus for producing clean sea salt"
    assert result["identifiers"]["patent_number"] == "1-0035127"  # the office's form
    applicants = [p["name"] for p in result["people"] if p["role"] == "applicant"]
    assert applicants == ["Tuy Phong Salt Joint Stock Company"]
    inventors = [p["name"] for p in result["people"] if p["role"] == "inventor"]
    assert inventors == ["Dinh Van Quy", "Luu Van Hoa"]


# --------------------------------------------------------------------------- articles, theses

JOURNAL_ARTICLE = [
    """TẠP CHÍ KHOA HỌC
ĐẠI HỌC PHAN THIẾT
ISSN 2525-2577
KHOA HỌC CÔNG NGHỆ
DOI:
10.58527/ptu.2022.08.2.05
ĐÁNH GIÁ KHẢ NĂNG HẤP PHỤ ION CHÌ TRONG
NƯỚC CỦA THAN SINH HỌC ĐIỀU CHẾ TỪ VỎ
HẠT ĐIỀU
Nguyễn Thị Hồng Vân
1*
, Lê Minh Tuấn
2, Phạm Quốc Hùng
1
1Khoa Kỹ thuật – Công nghệ, Trường Đại học Phan Thiết
2Viện Kỹ thuật Nhiệt đới
*Tác giả liên hệ: nthvan@upt.edu.vn
Ngày nhận bài: 12/01/2022; Ngày duyệt đăng: 20/4/2022
TÓM TẮT
Than sinh học được nhiệt phân từ vỏ hạt điều ở 500 °C. Dung lượng hấp phụ đạt 48,6 mg/g.
Từ khóa: than sinh học, vỏ hạt điều, hấp phụ, chì
LEAD ION ADSORPTION FROM WATER BY BIOCHAR
PREPARED FROM CASHEW NUT SHELLS
ABSTRACT
Biochar was produced from cashew nut shells and tested for the removal of lead ions.
Keywords: biochar, cashew nut shell, adsorption, lead
Tạp chí Khoa học Đại học Phan Thiết, Tập 8, Số 2 (2022): 45–53""",
    """1. GIỚI THIỆU
Vỏ hạt điều là phụ phẩm dồi dào của các cơ sở chế biến. Than sinh học được dùng để xử lý nước.
Tạp chí Khoa học Đại học Phan Thiết, Tập 8, Số 2 (2022): 45–53""",
]


def test_article_title_is_not_the_masthead_section_or_running_header():
    result = parse_article(JOURNAL_ARTICLE)
    assert result.title == (
        "Đánh giá khả năng hấp phụ ion chì trong nước của than sinh học điều chế từ vỏ hạt điều"
    )
    assert result.title_en == (
        "Lead ion adsorption from water by biochar prepared from cashew nut shells"
    )
    assert result.document_kind == "article"
    assert result.keywords == ["than sinh học", "vỏ hạt điều", "hấp phụ", "chì"]
    assert result.abstract.startswith("Than sinh học được nhiệt phân")
    assert result.abstract_en.startswith("Biochar was produced")


def test_article_authors_are_members_with_their_affiliations():
    people = parse_article(JOURNAL_ARTICLE).people
    assert [(p["name"], p["role"]) for p in people] == [
        ("Nguyễn Thị Hồng Vân", "member"),
        ("Lê Minh Tuấn", "member"),
        ("Phạm Quốc Hùng", "member"),
    ]
    assert people[0]["affiliation"] == "Khoa Kỹ thuật – Công nghệ, Trường Đại học Phan Thiết"
    assert people[1]["affiliation"] == "Viện Kỹ thuật Nhiệt đới"


def test_running_lines_are_the_repeated_page_edges():
    running = running_lines(JOURNAL_ARTICLE)
    assert any("tap chi khoa hoc dai hoc phan thiet" in key for key in running)
    assert is_masthead("KHOA HỌC CÔNG NGHỆ") and is_masthead("Tập 8, Số 2 (2022): 45–53")
    assert not is_masthead("Đánh giá khả năng hấp phụ ion chì")


THESIS_COVER = [
    """BỘ GIÁO DỤC VÀ ĐÀO TẠO
TRƯỜNG ĐẠI HỌC NÔNG LÂM THÀNH PHỐ HỒ CHÍ
MINH
**********
LÊ THỊ KIM OANH
ĐÁNH GIÁ ĐẶC ĐIỂM NÔNG HỌC VÀ
NĂNG SUẤT CỦA MỘT SỐ GIỐNG ĐIỀU
GHÉP TẠI HUYỆN ĐỨC LINH
LUẬN VĂN THẠC SĨ NÔNG NGHIỆP
Chuyên ngành: Khoa học cây trồng
Mã số: 8620110
Người hướng dẫn khoa học: TS. Nguyễn Văn Kiên
Thành phố Hồ Chí Minh, tháng 10/2020""",
    """LỜI CAM ĐOAN
Tôi xin cam đoan luận văn “Đánh giá đặc điểm nông học và năng suất của một số giống điều
ghép tại huyện Đức Linh” là công trình nghiên cứu của riêng tôi.
LỜI CẢM ƠN
Tôi xin cảm ơn Trường Đại học Nông Lâm Thành phố Hồ Chí Minh.""",
]


def test_thesis_cover_author_university_and_no_task_code():
    result = parse_article(THESIS_COVER)
    assert result.document_kind == "thesis"
    assert result.title == (
        "Đánh giá đặc điểm nông học và năng suất của một số giống điều ghép tại huyện Đức Linh"
    )
    assert result.people == [
        {
            "name": "Lê Thị Kim Oanh",
            "role": "principal_investigator",
            "title": None,
            "affiliation": None,
        }
    ]  # the supervisor is not an author
    assert result.host_organisation == "Trường Đại học Nông Lâm Thành phố Hồ Chí Minh"
    assert "identifiers" not in result.to_record()  # "Mã số: 8620110" is the major's code


def test_authors_in_capitals_under_a_sentence_case_title():
    page = """CÔNG NGHỆ SINH HỌC
Chiết xuất chất màu betacyanin từ vỏ quả thanh long ruột đỏ
NGUYỄN VĂN HÙNG1*, TRẦN THỊ LAN2
1Trường Đại học Phan Thiết; 2Viện Nghiên cứu Rau quả
TÓM TẮT
Dịch chiết vỏ thanh long có hàm lượng betacyanin cao."""
    result = parse_article([page])
    assert result.title == "Chiết xuất chất màu betacyanin từ vỏ quả thanh long ruột đỏ"
    assert [(p["name"], p["affiliation"]) for p in result.people] == [
        ("Nguyễn Văn Hùng", "Trường Đại học Phan Thiết"),
        ("Trần Thị Lan", "Viện Nghiên cứu Rau quả"),
    ]


def test_a_title_ending_with_a_place_is_not_cut_as_an_author():
    page = """TẠP CHÍ KHOA HỌC
GIẢI PHÁP PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG TẠI THÀNH PHỐ
PHAN THIẾT
Trần Văn Bảy(1), Hồ Thị Ngọc Diệp(2)
(1) Sở Khoa học và Công nghệ tỉnh Bình Thuận; (2) Trường Đại học Kinh tế
Tóm tắt: Du lịch cộng đồng ở Phan Thiết phát triển nhanh."""
    result = parse_article([page])
    assert result.title.endswith("tại thành phố Phan Thiết")
    assert [p["name"] for p in result.people] == ["Trần Văn Bảy", "Hồ Thị Ngọc Diệp"]
    assert person_names("Trần Văn Bảy(1), Hồ Thị Ngọc Diệp(2)") == [
        ("Trần Văn Bảy", {"1"}),
        ("Hồ Thị Ngọc Diệp", {"2"}),
    ]


def test_research_documents_are_detected_and_routed_to_the_article_parser():
    assert detect_document_type(JOURNAL_ARTICLE) == "research_document"
    assert detect_document_type(THESIS_COVER) == "research_document"
    assert parser_for("research_document") is parse_article
    assert parser_for("patent_document") is parse_patent
    assert parser_for("final_report") is parse_report
    assert detection_confidence(pages(STAT_SHEET), "final_report") > 0.9


def test_ipc_symbols_in_the_fixed_width_database_form():
    assert normalise_ipc("A23L0027500000; C12N0001200000 H04N0021234000 F26B0003280000") == [
        "A23L 27/50",
        "C12N 1/20",
        "H04N 21/234",
        "F26B 3/28",
    ]
    assert normalise_ipc("A01G0009000000") == ["A01G 9/00"]


def test_known_spelling_gives_the_vocabulary_label_with_the_same_letters():
    from indexer.vocabulary_match import known_spelling

    misread = "VIỆN NGHIÊN CỨU BÔNG VÀ PHÁT TRIỂN NÔNG NGHIỆP NHA HỒ"
    full = "Viện Nghiên cứu Bông và Phát triển nông nghiệp Nha Hố"
    assert known_spelling(misread, "organisations") == full
    assert known_spelling("Vien  Nha Ho", "organisations") == "Viện Nha Hố"  # a synonym as spelt
    assert known_spelling("Viện Nha Hố Mới", "organisations") is None  # more words: another name
    assert known_spelling("", "organisations") is None
    assert known_spelling("Viện Nha Hố", "no-such-vocabulary") is None


# --------------------------------------------------------------------------- real front pages


def test_inid_codes_are_read_however_an_ocr_layer_spaces_or_misreads_them():
    from indexer.parse_patent import normalise_codes

    spaced = "( 72 ) Inventors : Haoliang Zhou , Maple ( CA ) ; Simarpal Kalsi , Brampton ( CA )"
    # (a layer that puts a space before every comma: the spaces go)
    assert "(72) Inventors: Haoliang Zhou, Maple (CA)" in normalise_codes("\n".join([spaced] * 3))
    bangs = "119! United States\n175! Inventors: Jie Liu, Niskayuna, NY 1US!;\n" * 3
    fixed = normalise_codes(bangs)
    assert "(19) United States" in fixed and "(75) Inventors:" in fixed and "(US);" in fixed
    assert "(10) Patent No.:" in normalise_codes("(Io) Patent No.: US 9,046,536 B2")
    assert "(76) Inventor:" in normalise_codes("76 Inventor: Brice Belisle, Brooklyn")
    # numbers of the text are not codes: no label follows them
    assert normalise_codes("trong 12 tháng, 45 mẫu") == "trong 12 tháng, 45 mẫu"


def test_us_front_page_numbers_and_dates():
    front = (
        "(12) United States Patent\n(10) Patent No.: US 6,631,172 B1\n"
        "(45) Date of Patent: Oct. 7, 2003\n(54) EFFICIENT LIST DECODING\n"
        "(75) Inventors: Mohammad Amin Shokrollahi, Hoboken, NJ (US); Vadim Olshevsky,\n"
        "Marietta, GA (US)\n(21) Appl. No.: 09/563,602\n(22) Filed: May 1, 2000\n"
        "(57) ABSTRACT\nA method for list decoding is described.\n36 Claims, 5 Drawing Sheets\n"
    )
    result = parse_patent([front]).to_record()
    assert result["identifiers"]["patent_number"] == "US 6,631,172 B1"
    assert result["identifiers"]["application_number"] == "09/563,602"
    assert result["dates"] == {"filed": "2000-05-01", "granted": "2003-10-07"}
    inventors = [p["name"] for p in result["people"] if p["role"] == "inventor"]
    assert inventors == ["Mohammad Amin Shokrollahi", "Vadim Olshevsky"]
    assert result["abstract"] == "A method for list decoding is described."


def test_abstract_ends_at_the_next_section_and_keeps_the_label_apart():
    from indexer.parse_patent import abstract_text

    value = "Tóm tắt\nSáng chế đề cập đến quy trình.\nMÔ TẢ SÁNG CHẾ\nLĩnh vực kỹ thuật"
    assert abstract_text(value) == "Sáng chế đề cập đến quy trình."
    figure = "The solutions prevent identity theft.\nO\nRegister user\n20\n"
    assert abstract_text(figure) == "The solutions prevent identity theft."


def test_words_broken_at_line_ends_are_joined_as_the_document_writes_them():
    from indexer.hyphenation import join_broken_words

    document = "the material; identity; Reed-Solomon codes; a brand-logo; monoclonal x monoclonal"
    text = (
        "a mate- rial, user iden tity, Reed Solomon, brand- logo, mono clonal, access-con- trolled"
    )
    assert join_broken_words(text, document) == (
        "a material, user identity, Reed-Solomon, brand-logo, monoclonal, access-controlled"
    )
    # a typeset layer does not split words: only line-break hyphens are looked at
    assert join_broken_words("user iden tity", document, split_words=False) == "user iden tity"
    # Vietnamese syllables are never glued
    assert join_broken_words("bê tông cốt thép", "betong") == "bê tông cốt thép"


def test_a_title_is_the_largest_type_that_is_not_a_header_or_a_cover_line():
    from indexer.layout_title import title_from_lines
    from indexer.pdf_text import StyledLine

    def line(text, size, y, bold=True):
        return StyledLine(text, size, bold, 50, y - size, 500, y)

    article = [
        line("KẾT CẤU - CÔNG NGHỆ XÂY DỰNG", 12, 805),
        line("PHÂN TÍCH ỨNG XỬ CHỊU CẮT CỦA DẦM BÊ TÔNG", 15, 777),
        line("CỐT PHI KIM LOẠI", 15, 759),
        line("STUDY ON SHEAR BEHAVIOR OF CONCRETE BEAMS", 15, 740, bold=True),
        line("ThS. PHẠM THỊ THANH THỦY1, PGS.TS NGUYỄN XUÂN HUY1", 11, 694),
        *[line("Tóm tắt: bài báo tập trung đánh giá hiệu quả chịu cắt", 10, 600 - i * 15, False)
          for i in range(20)],
    ]
    running = {"ket cau cong nghe xay dung"}
    assert title_from_lines(article, running) == (
        "PHÂN TÍCH ỨNG XỬ CHỊU CẮT CỦA DẦM BÊ TÔNG CỐT PHI KIM LOẠI"
    )
    cover = [
        line("ĐẠI HỌC QUỐC GIA HÀ NỘI", 18.7, 754, False),
        line("TRƯỜNG ĐẠI HỌC KHOA HỌC TỰ NHIÊN", 18.7, 724, False),
        line("MÔN HỌC: PHƯƠNG PHÁP NGHIÊN CỨU KHOA HỌC", 15.5, 515, False),
        line("ĐỀ TÀI: HỆ THỐNG PHÁT HIỆN TÌNH TRẠNG BUỒN NGỦ CỦA", 15.5, 449),
        line("LÁI XE", 15.5, 428),
        line("Sinh viên:", 15.5, 348, False),
        line("Hà Nội - 2024", 15.5, 99, False),
    ]
    assert title_from_lines(cover) == "HỆ THỐNG PHÁT HIỆN TÌNH TRẠNG BUỒN NGỦ CỦA LÁI XE"


def test_a_state_document_is_titled_by_its_subject_line():
    page = (
        "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 1726/BTNMT-KH\n"
        "V/v góp ý Văn kiện Dự án “Hỗ trợ Chương\ntrình biến đổi khí hậu”\n"
        "Hà Nội, ngày 16 tháng 5 năm 2016\nKính gửi: - Bộ Kế hoạch và Đầu tư;\n"
    )
    assert parse_article([page]).title == (
        "V/v góp ý Văn kiện Dự án “Hỗ trợ Chương trình biến đổi khí hậu”"
    )


def test_students_listed_under_their_label_are_the_authors():
    page = (
        "ĐẠI HỌC QUỐC GIA HÀ NỘI\nĐỀ TÀI: HỆ THỐNG PHÁT HIỆN BUỒN NGỦ\nSinh viên:\n"
        "Nguyễn Hữu Quang - 21001574\nGiảng viên hướng dẫn:\nĐặng Đình Thắng - 21001587\n"
        "TS. Nguyễn Thị Bích Thủy\nNguyễn Văn Thắng - 21002175\nHà Nội - 2024\n"
    )
    names = [p["name"] for p in parse_article([page]).people]
    assert names == ["Nguyễn Hữu Quang", "Đặng Đình Thắng", "Nguyễn Văn Thắng"]
