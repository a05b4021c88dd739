"""Data for the sample final reports of provincial S&T tasks of Bình Thuận.

Everything the report generator prints and everything the ground truth states comes from here,
so the expected metadata is never typed twice.  Titles, abstracts, keywords and chapter titles
are written per task; chapter paragraphs are composed deterministically from the per-sector
sentence banks at the end of this module (see ``SECTOR_SENTENCES``).

Vocabularies follow /work/shared/reference/domain-research.md: field codes §6.1, districts,
sectors and organisations §8.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# Controlled vocabularies
# --------------------------------------------------------------------------------------------

# QĐ 12/2008/QĐ-BKHCN, level 2 (domain-research.md §6.1).
FIELDS = {
    "102": "Khoa học máy tính và thông tin",
    "105": "Các khoa học trái đất và môi trường liên quan",
    "106": "Sinh học",
    "202": "Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin",
    "203": "Kỹ thuật cơ khí",
    "205": "Kỹ thuật vật liệu và luyện kim",
    "207": "Kỹ thuật môi trường",
    "211": "Kỹ thuật thực phẩm và đồ uống",
    "302": "Y học lâm sàng",
    "303": "Y tế",
    "401": "Trồng trọt",
    "405": "Thủy sản",
    "406": "Công nghệ sinh học trong nông nghiệp",
    "502": "Kinh tế và kinh doanh",
    "504": "Xã hội học",
    "507": "Địa lý kinh tế và xã hội",
    "601": "Lịch sử và khảo cổ học",
}

# District key -> (name as printed in running text, communes/wards used in sentences).
DISTRICTS = {
    "phan-thiet": ("thành phố Phan Thiết", ["phường Mũi Né", "phường Phú Hài", "xã Thiện Nghiệp",
                                            "phường Hàm Tiến", "phường Đức Thắng"]),
    "la-gi": ("thị xã La Gi", ["phường Phước Hội", "xã Tân Phước", "phường Bình Tân"]),
    "tuy-phong": ("huyện Tuy Phong", ["xã Vĩnh Tân", "thị trấn Liên Hương", "xã Chí Công",
                                      "thị trấn Phan Rí Cửa", "xã Phú Lạc"]),
    "bac-binh": ("huyện Bắc Bình", ["thị trấn Chợ Lầu", "thị trấn Lương Sơn", "xã Hòa Thắng",
                                    "xã Sông Lũy", "xã Hải Ninh"]),
    "ham-thuan-bac": ("huyện Hàm Thuận Bắc", ["thị trấn Ma Lâm", "xã Hàm Liêm", "xã Hàm Đức",
                                              "xã Hàm Hiệp", "xã Hồng Sơn"]),
    "ham-thuan-nam": ("huyện Hàm Thuận Nam", ["thị trấn Thuận Nam", "xã Hàm Minh", "xã Hàm Mỹ",
                                              "xã Tân Thành", "xã Hàm Cần"]),
    "ham-tan": ("huyện Hàm Tân", ["thị trấn Tân Nghĩa", "xã Tân Đức", "xã Thắng Hải"]),
    "tanh-linh": ("huyện Tánh Linh", ["thị trấn Lạc Tánh", "xã Bắc Ruộng", "xã Đồng Kho",
                                      "xã Suối Kiết"]),
    "duc-linh": ("huyện Đức Linh", ["thị trấn Võ Xu", "thị trấn Đức Tài", "xã Trà Tân",
                                    "xã Nam Chính"]),
    "phu-quy": ("huyện Phú Quý", ["xã Ngũ Phụng", "xã Long Hải", "xã Tam Thanh"]),
}

SECTORS = (
    "thanh-long", "nuoc-mam", "thuy-san", "dien-gio", "dien-mat-troi", "titan", "du-lich",
    "y-te", "khoa-hoc-xa-hoi", "nong-nghiep", "moi-truong", "cong-nghe-thong-tin", "co-khi",
)

SO_KHCN = "Sở Khoa học và Công nghệ tỉnh Bình Thuận"
UBND = "UBND tỉnh Bình Thuận"
BO_NN = "Bộ Nông nghiệp và Phát triển nông thôn"
VAST = "Viện Hàn lâm Khoa học và Công nghệ Việt Nam"
BO_GD = "Bộ Giáo dục và Đào tạo"


@dataclass(frozen=True)
class Organisation:
    name: str
    parent: str
    address: str
    phone: str
    head_position: str
    head: str  # name with title, signs the inner cover


ORGS = {
    "ttud": Organisation(
        "Trung tâm Thông tin và Ứng dụng tiến bộ KH&CN Bình Thuận", SO_KHCN,
        "Số 20 Nguyễn Tất Thành, phường Bình Hưng, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3822 418", "GIÁM ĐỐC", "ThS. Trần Văn Thạnh"),
    "dhpt": Organisation(
        "Trường Đại học Phan Thiết", BO_GD,
        "225 Nguyễn Thông, phường Phú Hài, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3720 666", "HIỆU TRƯỞNG", "PGS.TS. Huỳnh Thanh Nhã"),
    "nhaho": Organisation(
        "Viện Nghiên cứu Bông và Phát triển nông nghiệp Nha Hố", BO_NN,
        "Xã Nhơn Sơn, huyện Ninh Sơn, tỉnh Ninh Thuận",
        "0259 3853 004", "VIỆN TRƯỞNG", "TS. Phan Công Kiên"),
    "sofri": Organisation(
        "Viện Cây ăn quả miền Nam", BO_NN,
        "Km 1954, Quốc lộ 1A, xã Long Định, huyện Châu Thành, tỉnh Tiền Giang",
        "0273 3893 129", "VIỆN TRƯỞNG", "TS. Nguyễn Văn Hòa"),
    "cdbt": Organisation(
        "Trường Cao đẳng Bình Thuận", UBND,
        "Km 9, Quốc lộ 28, xã Hàm Hiệp, huyện Hàm Thuận Bắc, tỉnh Bình Thuận",
        "0252 3862 546", "HIỆU TRƯỞNG", "TS. Lê Văn Thành"),
    "vhdh": Organisation(
        "Viện Hải dương học", VAST,
        "01 Cầu Đá, phường Vĩnh Nguyên, thành phố Nha Trang, tỉnh Khánh Hòa",
        "0258 3590 036", "VIỆN TRƯỞNG", "TS. Bùi Hồng Long"),
    "ccts": Organisation(
        "Chi cục Thủy sản Bình Thuận", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận",
        "Số 04 Tôn Đức Thắng, phường Phú Thủy, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3821 583", "CHI CỤC TRƯỞNG", "KS. Trương Văn Hiếu"),
    "tdc": Organisation(
        "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Bình Thuận", SO_KHCN,
        "Số 04 Lê Hồng Phong, phường Phú Trinh, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3829 475", "GIÁM ĐỐC", "ThS. Nguyễn Thị Bích Ngọc"),
    "bvdk": Organisation(
        "Bệnh viện Đa khoa tỉnh Bình Thuận", "Sở Y tế tỉnh Bình Thuận",
        "Đường Tôn Thất Tùng, phường Phú Tài, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3822 374", "GIÁM ĐỐC", "BS.CKII. Lê Văn Tư"),
    "hnm": Organisation(
        "Hội Nước mắm Phan Thiết", UBND,
        "Số 16 Tôn Đức Thắng, phường Đức Thắng, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3823 908", "CHỦ TỊCH HỘI", "Ông Huỳnh Văn Phước"),
    "nlu": Organisation(
        "Trường Đại học Nông Lâm TP. Hồ Chí Minh", BO_GD,
        "Khu phố 6, phường Linh Trung, thành phố Thủ Đức, TP. Hồ Chí Minh",
        "028 3896 6780", "HIỆU TRƯỞNG", "PGS.TS. Nguyễn Tất Toàn"),
    "bkhcm": Organisation(
        "Trường Đại học Bách khoa – ĐHQG TP. Hồ Chí Minh", "Đại học Quốc gia TP. Hồ Chí Minh",
        "268 Lý Thường Kiệt, phường 14, quận 10, TP. Hồ Chí Minh",
        "028 3864 7256", "HIỆU TRƯỞNG", "GS.TS. Mai Thanh Phong"),
    "ntu": Organisation(
        "Trường Đại học Nha Trang", BO_GD,
        "02 Nguyễn Đình Chiểu, phường Vĩnh Thọ, thành phố Nha Trang, tỉnh Khánh Hòa",
        "0258 3831 149", "HIỆU TRƯỞNG", "PGS.TS. Trang Sĩ Trung"),
    "vdc": Organisation(
        "Viện Địa chất", VAST,
        "84 Chùa Láng, phường Láng Thượng, quận Đống Đa, thành phố Hà Nội",
        "024 3775 4798", "VIỆN TRƯỞNG", "PGS.TS. Nguyễn Trung Minh"),
    "sikhxh": Organisation(
        "Viện Khoa học xã hội vùng Nam Bộ", "Viện Hàn lâm Khoa học xã hội Việt Nam",
        "49 Nguyễn Thị Minh Khai, phường Bến Nghé, quận 1, TP. Hồ Chí Minh",
        "028 3822 4674", "VIỆN TRƯỞNG", "PGS.TS. Trần Đình Thiên Lý"),
    "cdc": Organisation(
        "Trung tâm Kiểm soát bệnh tật tỉnh Bình Thuận", "Sở Y tế tỉnh Bình Thuận",
        "Số 02 Hải Thượng Lãn Ông, phường Phú Trinh, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3821 352", "GIÁM ĐỐC", "BS.CKII. Nguyễn Văn Hiếu"),
    "qtmt": Organisation(
        "Trung tâm Quan trắc Tài nguyên và Môi trường Bình Thuận",
        "Sở Tài nguyên và Môi trường tỉnh Bình Thuận",
        "Số 11 Tôn Đức Thắng, phường Phú Thủy, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3816 479", "GIÁM ĐỐC", "ThS. Võ Văn Đông"),
    "ria2": Organisation(
        "Viện Nghiên cứu Nuôi trồng thủy sản II", BO_NN,
        "116 Nguyễn Đình Chiểu, phường Đa Kao, quận 1, TP. Hồ Chí Minh",
        "028 3829 9592", "VIỆN TRƯỞNG", "TS. Phan Thị Vân"),
    "knbt": Organisation(
        "Trung tâm Khuyến nông Bình Thuận",
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận",
        "Số 05 Lê Hồng Phong, phường Phú Trinh, thành phố Phan Thiết, tỉnh Bình Thuận",
        "0252 3822 766", "GIÁM ĐỐC", "KS. Trần Ngọc Thịnh"),
}

# Members' organisations that never host a task in this sample (printed in the members table).
OTHER_ORGS = {
    "sokhcn": "Sở Khoa học và Công nghệ tỉnh Bình Thuận",
    "snn": "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận",
    "htl": "Hiệp hội Thanh long Bình Thuận",
    "ubtp": "UBND huyện Tuy Phong",
    "ubhtb": "UBND huyện Hàm Thuận Bắc",
    "ubhtn": "UBND huyện Hàm Thuận Nam",
    "ubbb": "UBND huyện Bắc Bình",
    "ubpq": "UBND huyện Phú Quý",
    "ubpt": "UBND thành phố Phan Thiết",
    "svh": "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Thuận",
    "sct": "Sở Công Thương tỉnh Bình Thuận",
    "stn": "Sở Tài nguyên và Môi trường tỉnh Bình Thuận",
    "syt": "Sở Y tế tỉnh Bình Thuận",
    "stt": "Sở Thông tin và Truyền thông tỉnh Bình Thuận",
    "bvyhct": "Bệnh viện Y dược cổ truyền tỉnh Bình Thuận",
    "ttbvtv": "Chi cục Trồng trọt và Bảo vệ thực vật Bình Thuận",
    "evn": "Công ty Điện lực Bình Thuận",
    "ctmt": "Công ty CP Cấp thoát nước Bình Thuận",
    "hvt": "Hiệp hội Du lịch Bình Thuận",
}


def org_name(key: str) -> str:
    """Printed name of an organisation key (host organisations and other organisations)."""
    if key in ORGS:
        return ORGS[key].name
    return OTHER_ORGS[key]


@dataclass(frozen=True)
class Person:
    title: str  # "PGS.TS.", "ThS." ...
    name: str
    org: str  # key of ORGS / OTHER_ORGS

    @property
    def full(self) -> str:
        return f"{self.title} {self.name}"


@dataclass(frozen=True)
class Task:
    slug: str
    title: str
    title_en: str
    code: str
    pi: Person
    secretary: Person
    members: tuple[Person, ...]
    host: str  # key of ORGS
    field_code: str
    start: str  # "YYYY-MM"
    end: str  # "YYYY-MM"
    accepted: str  # "YYYY-MM-DD"
    budget_total: int  # VND
    budget_state: int  # VND, from the provincial S&T budget
    district: str
    sectors: tuple[str, ...]
    keywords: tuple[str, ...]
    keywords_en: tuple[str, ...]
    abstract: str
    abstract_en: str
    chapters: tuple[tuple[str, tuple[str, str]], ...]
    short_title: str = ""  # running header; empty -> generic header
    parent: str = ""  # overrides the host organisation's parent agency
    scanned: bool = False

    @property
    def host_org(self) -> Organisation:
        return ORGS[self.host]

    @property
    def parent_agency(self) -> str:
        return self.parent or self.host_org.parent

    @property
    def field_label(self) -> str:
        return f"{self.field_code} - {FIELDS[self.field_code]}"

    @property
    def district_name(self) -> str:
        return DISTRICTS[self.district][0]

    @property
    def year(self) -> int:
        return int(self.accepted[:4])


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def P(title: str, name: str, org: str) -> Person:  # noqa: N802 - short constructor for data
    return Person(title, _nfc(name), org)


def task(**kw) -> Task:
    """Build a Task, normalising text to NFC and checking the vocabularies."""
    for key in ("title", "title_en", "abstract", "abstract_en", "short_title"):
        if key in kw:
            kw[key] = _nfc(kw[key])
    kw["keywords"] = tuple(_nfc(k) for k in kw["keywords"])
    kw["keywords_en"] = tuple(kw["keywords_en"])
    kw["members"] = tuple(kw["members"])
    kw["sectors"] = tuple(kw["sectors"])
    kw["chapters"] = tuple((_nfc(c), (_nfc(s[0]), _nfc(s[1]))) for c, s in kw["chapters"])
    t = Task(**kw)
    assert t.field_code in FIELDS, t.slug
    assert t.district in DISTRICTS, t.slug
    assert all(s in SECTORS for s in t.sectors), t.slug
    assert t.host in ORGS, t.slug
    assert 3 <= len(t.members) <= 6, t.slug
    assert 3 <= len(t.chapters) <= 5, t.slug
    assert 4 <= len(t.keywords) <= 6, t.slug
    for person in (t.pi, t.secretary, *t.members):
        org_name(person.org)
    n_words = len(t.abstract.split())
    assert 150 <= n_words <= 250, (t.slug, n_words)
    return t


TASKS: list[Task] = []

# --------------------------------------------------------------------------------------------
# Sentence banks for chapter paragraphs.  Placeholders: {district} (e.g. "huyện Tuy Phong"),
# {place} (a commune of the task's district), {host}, {pi} and {member} (names with titles),
# {year} (a year within the task), {province} ("tỉnh Bình Thuận").
# --------------------------------------------------------------------------------------------

SECTOR_SENTENCES: dict[str, list[str]] = {
    "thanh-long": [
        "Diện tích thanh long toàn tỉnh đạt khoảng 30.000 ha, tập trung chủ yếu tại các huyện "
        "Hàm Thuận Bắc, Hàm Thuận Nam và Bắc Bình, với sản lượng trên 600.000 tấn mỗi năm.",
        "Kết quả điều tra tại {place}, {district} cho thấy phần lớn nhà vườn vẫn sử dụng phân "
        "bón hóa học theo kinh nghiệm, chưa căn cứ vào kết quả phân tích đất.",
        "Bệnh đốm nâu do nấm Neoscytalidium dimidiatum gây hại nặng vào mùa mưa, tỷ lệ cành "
        "nhiễm bệnh tại các vườn khảo sát dao động từ 18,5% đến 42,3%.",
        "Kỹ thuật chong đèn xử lý ra hoa trái vụ được nhóm nghiên cứu điều chỉnh theo hướng "
        "giảm số đêm chiếu sáng và thay bóng sợi đốt bằng đèn LED chuyên dụng.",
        "Mô hình sản xuất theo tiêu chuẩn VietGAP được xây dựng trên diện tích 5 ha với sự "
        "tham gia của 12 hộ nông dân tại {place}.",
        "Trái thanh long sau thu hoạch được xử lý nước nóng ở 46 °C trong 20 phút, sau đó bảo "
        "quản lạnh ở 5 °C, thời gian bảo quản kéo dài đến 35 ngày.",
        "{member} phụ trách theo dõi các chỉ tiêu sinh trưởng, năng suất và chất lượng quả "
        "trên các nghiệm thức thí nghiệm.",
        "Chỉ dẫn địa lý \"Bình Thuận\" cho sản phẩm thanh long đã được bảo hộ tại Nhật Bản và "
        "Liên minh châu Âu, tạo điều kiện mở rộng thị trường xuất khẩu chính ngạch.",
        "Độ Brix trung bình của quả ở nghiệm thức bón phân cân đối đạt 14,2%, cao hơn đối "
        "chứng 1,1 điểm phần trăm.",
        "Hiệp hội Thanh long Bình Thuận phối hợp với {host} tổ chức các lớp tập huấn cho nông "
        "dân về quản lý dịch hại tổng hợp.",
        "Giá bán thanh long biến động mạnh theo mùa vụ, chênh lệch giữa chính vụ và trái vụ có "
        "thể lên tới ba đến bốn lần.",
        "Việc ghi chép nhật ký đồng ruộng và truy xuất nguồn gốc là yêu cầu bắt buộc đối với "
        "lô hàng xuất khẩu sang các thị trường khó tính.",
    ],
    "nuoc-mam": [
        "Nước mắm Phan Thiết được sản xuất từ cá cơm và cá nục ướp muối, thời gian ủ chượp "
        "kéo dài từ 9 đến 12 tháng trong thùng gỗ hoặc bể xi măng.",
        "Chỉ dẫn địa lý \"Phan Thiết\" cho sản phẩm nước mắm được ghi nhận từ năm 2007 và cấp "
        "lại Giấy chứng nhận đăng ký chỉ dẫn địa lý năm 2020.",
        "Kết quả phân tích 60 mẫu nước mắm thu tại {place} cho thấy hàm lượng nitơ toàn phần "
        "dao động từ 15 đến 40 độ đạm.",
        "Hàm lượng histamine trong các mẫu chượp ở giai đoạn đầu là chỉ tiêu được nhóm nghiên "
        "cứu đặc biệt quan tâm vì liên quan trực tiếp đến an toàn thực phẩm.",
        "{member} thực hiện các thí nghiệm bổ sung chế phẩm enzyme protease nhằm rút ngắn thời "
        "gian thủy phân chượp.",
        "Phần lớn cơ sở chế biến tại làng nghề có quy mô hộ gia đình, hệ thống xử lý nước thải "
        "và mùi hôi còn hạn chế.",
        "Hội Nước mắm Phan Thiết hiện quản lý việc cấp quyền sử dụng chỉ dẫn địa lý cho các "
        "cơ sở sản xuất đáp ứng quy trình.",
        "Tỷ lệ muối và cá được khảo sát ở ba mức 1:3, 1:3,5 và 1:4 nhằm xác định công thức tối "
        "ưu cho chất lượng cảm quan.",
        "Quy trình kiểm soát chất lượng được xây dựng theo nguyên tắc HACCP, áp dụng thử "
        "nghiệm tại 5 cơ sở sản xuất trên địa bàn {district}.",
        "Điểm cảm quan trung bình của nước mắm thành phẩm đạt 17,6/20, được xếp loại khá theo "
        "TCVN 5107:2018.",
        "Nhãn hiệu nước mắm Phan Thiết đã được đăng ký bảo hộ tại Hoa Kỳ, Campuchia và Thái Lan.",
    ],
    "thuy-san": [
        "Bình Thuận là một trong ba ngư trường lớn nhất cả nước, với các cảng cá Phan Thiết, "
        "La Gi, Phan Rí Cửa và Phú Quý.",
        "Sản phẩm mực một nắng được chế biến từ mực lá và mực ống tươi, phơi đúng một nắng để "
        "giữ độ ngọt và độ dai đặc trưng.",
        "Khảo sát 85 cơ sở chế biến tại {place} cho thấy phần lớn vẫn phơi mực trên giàn tre "
        "ngoài trời, chưa kiểm soát được vi sinh vật.",
        "Hệ thống sấy kết hợp năng lượng mặt trời và bơm nhiệt được thiết kế với công suất "
        "200 kg nguyên liệu mỗi mẻ.",
        "{member} phụ trách phân tích các chỉ tiêu vi sinh, độ ẩm và hàm lượng muối của sản "
        "phẩm sau chế biến.",
        "Nhãn hiệu chứng nhận cho sản phẩm mực một nắng góp phần nâng cao giá trị thương mại "
        "và uy tín của hải sản địa phương.",
        "Tỷ lệ sống của tôm giống ở giai đoạn postlarvae 12 đạt 68,4%, cao hơn quy trình truyền "
        "thống khoảng 12%.",
        "Nguồn lợi hải sản ven bờ có dấu hiệu suy giảm, đòi hỏi quản lý khai thác theo hướng "
        "đồng quản lý với cộng đồng ngư dân.",
        "Dữ liệu nhật ký khai thác của 120 tàu cá được thu thập trong năm {year} để đánh giá "
        "năng suất và cơ cấu sản lượng.",
        "Chi cục Thủy sản Bình Thuận phối hợp với {host} tổ chức hội thảo chuyển giao quy "
        "trình cho các hộ chế biến.",
        "Thời gian bảo quản sản phẩm ở nhiệt độ âm 18 °C đạt 6 tháng mà vẫn đảm bảo chỉ tiêu "
        "chất lượng.",
    ],
    "dien-gio": [
        "Tốc độ gió trung bình năm ở độ cao 80 m tại {place} đạt 6,8 m/s, thuộc nhóm có tiềm "
        "năng tốt nhất cả nước.",
        "Quy hoạch phát triển điện gió tỉnh Bình Thuận giai đoạn 2011–2020 được phê duyệt tại "
        "Quyết định 4715/QĐ-BCT ngày 16/8/2012.",
        "Số liệu đo gió được thu thập liên tục 12 tháng bằng cột đo cao 80 m, tần suất ghi "
        "10 phút một lần.",
        "Mô hình WAsP được sử dụng để tính toán bản đồ tài nguyên gió và sản lượng điện dự "
        "kiến cho từng vị trí tua bin.",
        "{member} thực hiện đánh giá tác động của trang trại điện gió đến sinh kế người dân và "
        "cảnh quan ven biển.",
        "Hệ số công suất của nhà máy điện gió Tuy Phong đạt khoảng 28%, phù hợp với chế độ gió "
        "mùa khu vực Nam Trung Bộ.",
        "Vấn đề giải tỏa công suất và ổn định lưới điện là thách thức lớn khi tỷ trọng điện "
        "gió tăng nhanh.",
        "Các phương án bố trí tua bin được so sánh theo tiêu chí tổn thất do hiệu ứng che "
        "chắn và chi phí đầu tư.",
        "Điện gió ngoài khơi khu vực Tuy Phong – Phú Quý được đánh giá có tiềm năng kỹ thuật "
        "lớn nhưng chi phí đầu tư cao.",
        "Kết quả nghiên cứu là cơ sở khoa học để {host} đề xuất danh mục dự án ưu tiên đầu tư.",
    ],
    "dien-mat-troi": [
        "Bức xạ mặt trời trung bình tại {district} đạt 5,2–5,6 kWh/m²/ngày, số giờ nắng trên "
        "2.600 giờ mỗi năm.",
        "Các nhà máy điện mặt trời tập trung tại Bắc Bình và Tuy Phong, gắn với Trung tâm Điện "
        "lực Vĩnh Tân.",
        "Hệ thống điện mặt trời áp mái công suất 10 kWp được lắp đặt thử nghiệm tại {place} để "
        "theo dõi hiệu suất thực tế.",
        "Bụi cát và nhiệt độ bề mặt tấm pin cao làm giảm hiệu suất phát điện từ 6% đến 11% "
        "so với điều kiện tiêu chuẩn.",
        "{member} xây dựng phần mềm giám sát sản lượng và cảnh báo sự cố cho hệ thống điện mặt "
        "trời quy mô nhỏ.",
        "Mô hình kết hợp điện mặt trời với bơm tưới tiết kiệm nước cho cây thanh long được "
        "nông dân đánh giá cao.",
        "Chu kỳ vệ sinh tấm pin tối ưu được xác định là 15 ngày trong mùa khô và 30 ngày trong "
        "mùa mưa.",
        "Phân tích tài chính cho thấy thời gian hoàn vốn của hệ thống áp mái hộ gia đình vào "
        "khoảng 6–7 năm.",
        "Việc thu hồi và xử lý tấm pin hết vòng đời là vấn đề môi trường cần được quan tâm "
        "ngay từ giai đoạn quy hoạch.",
        "Số liệu vận hành năm {year} được dùng để hiệu chỉnh mô hình dự báo sản lượng.",
    ],
    "titan": [
        "Sa khoáng titan – zircon ở Bình Thuận phân bố chủ yếu trong tầng cát đỏ ven biển, "
        "kéo dài từ Tuy Phong đến Hàm Tân.",
        "Quy hoạch thăm dò, khai thác, chế biến và sử dụng quặng titan được phê duyệt tại "
        "Quyết định 1546/QĐ-TTg năm 2013.",
        "Khoáng vật nặng chính gồm ilmenit, rutil, leucoxen, zircon và monazit với tổng hàm "
        "lượng biến đổi mạnh theo độ sâu.",
        "Mẫu lõi khoan tại {place} được phân tích thành phần độ hạt và hàm lượng khoáng vật "
        "nặng tại phòng thí nghiệm của {host}.",
        "{member} thực hiện mô phỏng dòng chảy nước ngầm nhằm đánh giá nguy cơ cạn kiệt nguồn "
        "nước do hoạt động tuyển quặng.",
        "Công nghệ tuyển trọng lực bằng máng xoắn kết hợp tuyển từ cho phép thu hồi tinh quặng "
        "ilmenit đạt hàm lượng trên 50% TiO₂.",
        "Việc hoàn thổ sau khai thác cần gắn với trồng rừng phòng hộ và cải tạo đất cát bay.",
        "Nguy cơ phát tán chất phóng xạ từ monazit được đánh giá thông qua đo suất liều tại "
        "các bãi thải.",
        "Giá trị gia tăng sẽ tăng đáng kể nếu phát triển được công nghệ sản xuất xỉ titan và "
        "pigment trong tỉnh.",
        "Sự cố vỡ hồ chứa nước của dự án titan năm 2015 cho thấy yêu cầu cấp thiết về quản lý "
        "an toàn hồ chứa.",
    ],
    "du-lich": [
        "Mũi Né là khu du lịch quốc gia, nổi tiếng với các đồi cát, bãi biển và hệ thống "
        "khu nghỉ dưỡng ven biển.",
        "Năm {year}, tỉnh Bình Thuận đón khoảng 6 triệu lượt khách, trong đó khách quốc tế "
        "chiếm gần 12%.",
        "Phiếu khảo sát được phát cho 400 du khách tại {place}, tỷ lệ phiếu hợp lệ đạt 92,5%.",
        "Khách du lịch đánh giá cao cảnh quan nhưng chưa hài lòng về sản phẩm vui chơi giải trí "
        "về đêm và vệ sinh môi trường bãi biển.",
        "{member} phụ trách xây dựng bộ tiêu chí đánh giá chất lượng dịch vụ lưu trú theo mô "
        "hình SERVQUAL.",
        "Sản phẩm du lịch gắn với văn hóa Chăm, làng chài và ẩm thực hải sản có tiềm năng phát "
        "triển nhưng chưa được khai thác đồng bộ.",
        "Nhóm nghiên cứu đề xuất phát triển tuyến phố đi bộ và chợ đêm gắn với không gian văn "
        "hóa biển tại trung tâm thành phố Phan Thiết.",
        "Tình trạng sạt lở bờ biển Hàm Tiến – Mũi Né ảnh hưởng trực tiếp đến hoạt động của các "
        "khu nghỉ dưỡng.",
        "Hiệp hội Du lịch Bình Thuận tham gia góp ý hoàn thiện các giải pháp liên kết vùng "
        "trong xúc tiến du lịch.",
        "Mô hình hồi quy cho thấy chất lượng dịch vụ và giá cả là hai nhân tố ảnh hưởng lớn "
        "nhất đến ý định quay lại của du khách.",
    ],
    "y-te": [
        "Nghiên cứu được thực hiện tại Bệnh viện Đa khoa tỉnh Bình Thuận và các trung tâm y tế "
        "tuyến huyện trong giai đoạn {year}.",
        "Cỡ mẫu được tính theo công thức ước lượng một tỷ lệ với độ tin cậy 95%, tổng cộng "
        "384 đối tượng tham gia.",
        "Tỷ lệ tăng huyết áp ở người trưởng thành tại {place} là 24,7%, trong đó chỉ 38% biết "
        "mình mắc bệnh.",
        "{member} phụ trách thu thập số liệu lâm sàng và theo dõi bệnh nhân sau can thiệp.",
        "Phác đồ điều trị được áp dụng thống nhất theo hướng dẫn của Bộ Y tế, có điều chỉnh phù "
        "hợp với điều kiện thực tế của bệnh viện tuyến tỉnh.",
        "Thời gian nằm viện trung bình giảm từ 9,4 ngày xuống 7,1 ngày sau khi áp dụng quy "
        "trình mới.",
        "Kiến thức và thực hành phòng bệnh của người dân vùng ven biển còn hạn chế, đặc biệt "
        "là nhóm ngư dân đi biển dài ngày.",
        "Số liệu được nhập bằng phần mềm EpiData và phân tích bằng SPSS, mức ý nghĩa thống kê "
        "p < 0,05.",
        "Nghiên cứu đã được Hội đồng đạo đức trong nghiên cứu y sinh học chấp thuận trước khi "
        "triển khai.",
        "Mạng lưới y tế cơ sở tại huyện đảo Phú Quý gặp nhiều khó khăn về nhân lực và trang "
        "thiết bị chẩn đoán.",
    ],
    "khoa-hoc-xa-hoi": [
        "Cộng đồng người Chăm ở Bình Thuận cư trú tập trung tại các huyện Bắc Bình, Tuy Phong, "
        "Hàm Thuận Bắc và Tánh Linh.",
        "Phương pháp điền dã dân tộc học được áp dụng với 45 cuộc phỏng vấn sâu người cao tuổi, "
        "chức sắc tôn giáo và cán bộ văn hóa cơ sở.",
        "Hệ thống tháp Chăm Pô Sah Inư tại {district} là di tích quốc gia có giá trị lịch sử "
        "và kiến trúc đặc sắc.",
        "{member} phụ trách sưu tầm, dịch thuật các văn bản cổ viết bằng chữ Chăm truyền thống.",
        "Lễ hội Katê được tổ chức hằng năm vào tháng bảy lịch Chăm, thu hút đông đảo người dân "
        "và du khách.",
        "Kết quả điều tra xã hội học tại {place} cho thấy thu nhập bình quân của hộ gia đình "
        "tăng nhưng chênh lệch giàu nghèo có xu hướng gia tăng.",
        "Sự chuyển dịch lao động từ nông nghiệp sang dịch vụ diễn ra mạnh ở các xã ven biển "
        "gắn với phát triển du lịch.",
        "Tư liệu địa chí và hồ sơ lưu trữ tại Thư viện tỉnh Bình Thuận được khai thác để đối "
        "chiếu với kết quả điền dã.",
        "Nhóm nghiên cứu đề xuất các giải pháp bảo tồn di sản văn hóa phi vật thể gắn với "
        "phát triển du lịch cộng đồng.",
        "Phiếu hỏi được thiết kế theo thang đo Likert năm mức và xử lý bằng phần mềm SPSS.",
    ],
    "nong-nghiep": [
        "Nha đam được trồng tập trung tại các xã ven biển huyện Tuy Phong và Bắc Bình, nơi đất "
        "cát pha và khí hậu khô hạn.",
        "Cây điều là cây trồng chủ lực ở các huyện Đức Linh, Tánh Linh và Hàm Tân nhưng năng "
        "suất bình quân còn thấp.",
        "Mủ trôm Tuy Phong là đặc sản có giá trị kinh tế cao, được thu hoạch bằng phương pháp "
        "khoan lỗ thân cây vào mùa khô.",
        "Thí nghiệm được bố trí theo kiểu khối đầy đủ ngẫu nhiên với 4 nghiệm thức và 3 lần "
        "lặp lại tại {place}.",
        "{member} theo dõi diễn biến sâu bệnh hại và hiệu lực của các biện pháp phòng trừ sinh "
        "học.",
        "Quy trình canh tác hữu cơ sử dụng phân chuồng ủ hoai với chế phẩm Trichoderma, không "
        "sử dụng thuốc bảo vệ thực vật hóa học.",
        "Năng suất nha đam ở mô hình đạt 95 tấn/ha/năm, cao hơn 18% so với sản xuất đại trà.",
        "Kỹ thuật ghép cải tạo vườn điều già cỗi bằng giống PN1 và AB0508 được chuyển giao cho "
        "các hộ nông dân.",
        "Trung tâm Khuyến nông Bình Thuận phối hợp tổ chức hội thảo đầu bờ để nhân rộng kết "
        "quả mô hình.",
        "Hiệu quả kinh tế của mô hình được tính toán trên cơ sở tổng chi phí đầu tư, doanh thu "
        "và lợi nhuận mỗi héc-ta.",
        "Liên kết tiêu thụ sản phẩm giữa hợp tác xã và doanh nghiệp chế biến là điều kiện để "
        "phát triển bền vững.",
    ],
    "moi-truong": [
        "Nguồn nước ngầm tại nhiều khu vực của {district} bị nhiễm phèn sắt với hàm lượng sắt "
        "tổng vượt quy chuẩn từ 5 đến 12 lần.",
        "Mẫu nước được lấy theo TCVN 6663 và phân tích các chỉ tiêu pH, sắt, mangan, độ cứng và "
        "coliform.",
        "Hệ thống xử lý nước quy mô hộ gia đình sử dụng vật liệu lọc cát thạch anh, than hoạt "
        "tính và hạt cation.",
        "{member} thực hiện vận hành thử nghiệm hệ thống xử lý tại {place} trong sáu tháng.",
        "Chi phí đầu tư một bộ thiết bị lọc hộ gia đình khoảng 4,5 triệu đồng, phù hợp với "
        "khả năng chi trả của người dân nông thôn.",
        "Tình trạng khô hạn kéo dài và xâm nhập mặn làm gia tăng áp lực lên nguồn nước sinh "
        "hoạt vào mùa khô.",
        "Bản đồ phân vùng chất lượng nước ngầm được xây dựng trên nền GIS với tỷ lệ 1:50.000.",
        "Sau xử lý, hàm lượng sắt tổng giảm xuống dưới 0,3 mg/l, đạt QCVN 01-1:2018/BYT.",
        "Trung tâm Quan trắc Tài nguyên và Môi trường Bình Thuận phối hợp lấy mẫu đối chứng "
        "tại các giếng khoan.",
        "Hiện tượng sa mạc hóa tại vùng cát ven biển Tuy Phong – Bắc Bình cần được giám sát "
        "thường xuyên.",
    ],
    "cong-nghe-thong-tin": [
        "Hệ thống được xây dựng theo kiến trúc hướng dịch vụ, sử dụng cơ sở dữ liệu PostgreSQL "
        "và máy chủ đặt tại Trung tâm dữ liệu của tỉnh.",
        "Dữ liệu không gian được chuẩn hóa theo hệ tọa độ VN-2000, kinh tuyến trục 108°30'.",
        "{member} phụ trách phân tích yêu cầu người dùng và thiết kế giao diện ứng dụng di động.",
        "Phần mềm được thử nghiệm tại {place} với sự tham gia của 50 cán bộ và 300 người dùng.",
        "Ứng dụng hỗ trợ tra cứu thông tin, phản ánh hiện trường và thống kê báo cáo theo thời "
        "gian thực.",
        "Mô hình học sâu được huấn luyện trên tập dữ liệu gồm 12.000 ảnh đã gán nhãn, độ chính "
        "xác trên tập kiểm tra đạt 91,8%.",
        "Chính sách phân quyền và nhật ký truy cập đáp ứng yêu cầu bảo đảm an toàn hệ thống "
        "thông tin cấp độ 2.",
        "Sở Thông tin và Truyền thông tỉnh Bình Thuận hỗ trợ tích hợp hệ thống với cổng dịch vụ "
        "công của tỉnh.",
        "Việc chuyển đổi số trong quản lý nhà nước về khoa học và công nghệ còn gặp khó khăn "
        "do dữ liệu phân tán.",
        "Tài liệu hướng dẫn sử dụng và quản trị hệ thống được bàn giao cùng mã nguồn.",
    ],
    "co-khi": [
        "Máy sấy được chế tạo bằng thép không gỉ SUS 304, buồng sấy dạng khay với 20 khay "
        "xếp tầng.",
        "{member} thực hiện tính toán thiết kế bộ trao đổi nhiệt và lựa chọn quạt hướng trục.",
        "Chi phí năng lượng cho một kilogam sản phẩm giảm 35% so với phương pháp sấy bằng củi.",
        "Thiết bị được chạy thử tại cơ sở sản xuất ở {place} trong ba tháng liên tục.",
        "Bản vẽ thiết kế được lập theo tiêu chuẩn TCVN và có thể chế tạo tại các xưởng cơ khí "
        "trong tỉnh.",
        "Độ ẩm sản phẩm sau sấy đạt 18–20%, đồng đều giữa các khay.",
        "Trường Đại học Phan Thiết phối hợp thử nghiệm và hiệu chỉnh các thông số vận hành.",
        "Thiết kế có khả năng mở rộng công suất bằng cách ghép nối các module buồng sấy.",
    ],
}

# Sentences usable in any task (introduction, methods, results, conclusions).
GENERAL_SENTENCES = [
    "Nhiệm vụ được {host} chủ trì thực hiện, dưới sự quản lý của Sở Khoa học và Công nghệ tỉnh "
    "Bình Thuận.",
    "Phương pháp kế thừa có chọn lọc các kết quả nghiên cứu trước đây trong và ngoài nước được "
    "sử dụng trong giai đoạn tổng quan.",
    "Số liệu thứ cấp được thu thập từ Cục Thống kê tỉnh Bình Thuận, các sở, ngành và UBND các "
    "huyện, thị xã, thành phố.",
    "Chủ nhiệm nhiệm vụ {pi} trực tiếp chỉ đạo xây dựng đề cương chi tiết và kiểm soát tiến độ "
    "thực hiện các nội dung.",
    "Hội thảo khoa học được tổ chức tại thành phố Phan Thiết để lấy ý kiến chuyên gia về kết quả "
    "nghiên cứu.",
    "Số liệu được xử lý thống kê bằng phần mềm Excel và Statistix, so sánh các giá trị trung "
    "bình bằng phép thử LSD ở mức ý nghĩa 5%.",
    "Kết quả nghiên cứu có ý nghĩa thực tiễn đối với sự phát triển kinh tế – xã hội của "
    "{province}.",
    "Các sản phẩm khoa học của nhiệm vụ đã được Hội đồng tư vấn đánh giá, nghiệm thu cấp tỉnh "
    "đánh giá đạt yêu cầu.",
    "Nhóm nghiên cứu đã công bố 02 bài báo khoa học trên tạp chí chuyên ngành trong nước và "
    "góp phần đào tạo 01 thạc sĩ.",
    "Việc chuyển giao kết quả cho địa phương được thực hiện thông qua tập huấn, hội thảo và tài "
    "liệu hướng dẫn kỹ thuật.",
    "Trong quá trình thực hiện, nhiệm vụ nhận được sự phối hợp chặt chẽ của chính quyền địa "
    "phương tại {district}.",
    "Một số nội dung phải điều chỉnh tiến độ do ảnh hưởng của thời tiết và điều kiện thực tế "
    "tại địa bàn nghiên cứu.",
]

# Main tasks listed in the members table ("Nội dung công việc chính").
MEMBER_ROLES = [
    "Điều tra, khảo sát thực địa",
    "Bố trí và theo dõi thí nghiệm",
    "Phân tích mẫu, xử lý số liệu",
    "Xây dựng mô hình trình diễn",
    "Tổng quan tài liệu, viết chuyên đề",
    "Tập huấn, chuyển giao kết quả",
    "Xây dựng quy trình kỹ thuật",
    "Đánh giá hiệu quả kinh tế – xã hội",
]

# --------------------------------------------------------------------------------------------
# Tasks
# --------------------------------------------------------------------------------------------

TASKS.append(task(
    slug="thanh-long-vietgap-ham-thuan-bac",
    title="Xây dựng mô hình sản xuất thanh long theo tiêu chuẩn VietGAP gắn với tiêu thụ sản "
          "phẩm tại huyện Hàm Thuận Bắc, tỉnh Bình Thuận",
    title_en="Building a VietGAP dragon fruit production model linked to product marketing in "
             "Ham Thuan Bac district, Binh Thuan province",
    code="ĐTKH.07/2012",
    pi=P("TS.", "Nguyễn Văn Hòa", "sofri"),
    secretary=P("ThS.", "Lê Thị Mỹ Hà", "sofri"),
    members=[P("ThS.", "Võ Hữu Thoại", "sofri"), P("KS.", "Trần Quang Vinh", "knbt"),
             P("KS.", "Ngô Thị Thanh Tâm", "ubhtb"), P("ThS.", "Đặng Văn Phước", "htl")],
    host="sofri", field_code="401", start="2012-04", end="2013-12", accepted="2014-03-21",
    budget_total=1_120_000_000, budget_state=860_000_000,
    district="ham-thuan-bac", sectors=["thanh-long", "nong-nghiep"],
    keywords=["thanh long", "VietGAP", "Hàm Thuận Bắc", "truy xuất nguồn gốc", "tiêu thụ"],
    keywords_en=["dragon fruit", "VietGAP", "Ham Thuan Bac", "traceability", "marketing"],
    abstract="Thanh long là cây trồng chủ lực của tỉnh Bình Thuận, tuy nhiên phần lớn diện tích "
    "vẫn được canh tác theo kinh nghiệm, sử dụng phân bón và thuốc bảo vệ thực vật chưa hợp lý, "
    "khó đáp ứng yêu cầu của các thị trường xuất khẩu. Nhiệm vụ đã điều tra hiện trạng sản "
    "xuất của 150 hộ trồng thanh long tại các xã Hàm Liêm, Hàm Đức và Hàm Hiệp, huyện Hàm Thuận "
    "Bắc; xây dựng mô hình sản xuất theo tiêu chuẩn VietGAP trên diện tích 20 ha với 36 hộ tham "
    "gia và được tổ chức chứng nhận cấp giấy chứng nhận VietGAP. Năng suất thanh long trong mô "
    "hình đạt bình quân 32 tấn/ha/năm, tương đương đối chứng, nhưng lượng phân đạm giảm 25% và "
    "số lần phun thuốc giảm 30%; dư lượng thuốc bảo vệ thực vật trong quả đều dưới mức giới hạn "
    "tối đa cho phép. Lợi nhuận của hộ tham gia mô hình cao hơn 18% so với sản xuất thông "
    "thường nhờ giá bán ổn định theo hợp đồng với doanh nghiệp xuất khẩu. Nhiệm vụ đã ban hành "
    "quy trình sản xuất thanh long theo VietGAP, sổ tay ghi chép nhật ký đồng ruộng và tập huấn "
    "cho 200 lượt nông dân. Kết quả là cơ sở để nhân rộng diện tích thanh long VietGAP trên địa "
    "bàn tỉnh.",
    abstract_en="Dragon fruit is the main crop of Binh Thuan, but most orchards are still managed "
    "by experience. The project surveyed 150 growers in Ham Thuan Bac district, established a "
    "20-hectare VietGAP-certified production model with 36 households and issued a VietGAP "
    "production procedure and a field logbook. Yields in the model averaged 32 tonnes per "
    "hectare per year while nitrogen fertiliser use fell by 25% and pesticide sprays by 30%; "
    "all residues were below maximum limits. Participating households earned 18% more profit "
    "thanks to contract sales with exporters, and 200 farmers were trained.",
    chapters=[
        ("Tổng quan tình hình sản xuất thanh long", ("Tình hình sản xuất thanh long trên thế "
         "giới và trong nước", "Sản xuất thanh long tại huyện Hàm Thuận Bắc")),
        ("Nội dung và phương pháp nghiên cứu", ("Nội dung nghiên cứu",
         "Phương pháp điều tra và xây dựng mô hình")),
        ("Kết quả nghiên cứu và thảo luận", ("Hiện trạng sản xuất của nông hộ",
         "Kết quả mô hình sản xuất theo VietGAP")),
    ],
    short_title="Mô hình thanh long VietGAP tại Hàm Thuận Bắc",
))

TASKS.append(task(
    slug="thanh-long-benh-dom-nau",
    title="Nghiên cứu biện pháp quản lý tổng hợp bệnh đốm nâu hại thanh long tại huyện Hàm "
          "Thuận Nam, tỉnh Bình Thuận",
    title_en="Integrated management of brown spot disease on dragon fruit in Ham Thuan Nam "
             "district, Binh Thuan province",
    code="BT-KHCN-2014-03",
    pi=P("PGS.TS.", "Lê Đình Đôn", "nlu"),
    secretary=P("ThS.", "Phạm Thị Ngọc Dung", "nlu"),
    members=[P("TS.", "Võ Thị Thu Oanh", "nlu"), P("ThS.", "Huỳnh Văn Kiệt", "ttbvtv"),
             P("KS.", "Nguyễn Thị Kim Loan", "ttbvtv"), P("KS.", "Lương Văn Sáu", "ubhtn"),
             P("CN.", "Trần Thị Hồng Nhung", "nlu")],
    host="nlu", field_code="401", start="2014-05", end="2016-04", accepted="2016-07-12",
    budget_total=1_450_000_000, budget_state=1_450_000_000,
    district="ham-thuan-nam", sectors=["thanh-long", "nong-nghiep"],
    keywords=["thanh long", "bệnh đốm nâu", "Neoscytalidium dimidiatum", "quản lý dịch hại "
              "tổng hợp", "Trichoderma"],
    keywords_en=["dragon fruit", "brown spot", "Neoscytalidium dimidiatum", "integrated pest "
                 "management", "Trichoderma"],
    abstract="Bệnh đốm nâu trên cây thanh long xuất hiện tại Bình Thuận từ năm 2011 và nhanh "
    "chóng lây lan, gây thiệt hại nghiêm trọng về năng suất và làm giảm giá trị xuất khẩu. "
    "Nhiệm vụ đã xác định tác nhân gây bệnh là nấm Neoscytalidium dimidiatum bằng phương pháp "
    "giải trình tự vùng ITS, mô tả đặc điểm phát sinh, phát triển của bệnh theo mùa và theo giai "
    "đoạn sinh trưởng của cây. Điều tra tại 120 vườn ở huyện Hàm Thuận Nam cho thấy tỷ lệ bệnh "
    "cao nhất vào tháng 8 đến tháng 10, khi ẩm độ không khí trên 85%. Trong phòng thí nghiệm, "
    "sáu loại thuốc hóa học và ba chế phẩm sinh học được đánh giá hiệu lực ức chế; ngoài đồng, "
    "bốn công thức phòng trừ được thử nghiệm trên diện tích 3 ha. Biện pháp tổng hợp gồm cắt "
    "tỉa cành bệnh, vệ sinh vườn, bón phân cân đối, sử dụng chế phẩm Trichoderma và phun thuốc "
    "luân phiên theo ngưỡng giúp giảm tỷ lệ cành bệnh từ 38,6% xuống 9,4% và tăng lợi nhuận "
    "thêm 21% so với tập quán của nông dân. Quy trình quản lý tổng hợp bệnh đốm nâu đã được Sở "
    "Nông nghiệp và Phát triển nông thôn tiếp nhận để hướng dẫn sản xuất.",
    abstract_en="Brown spot has spread through Binh Thuan dragon fruit orchards since 2011. The "
    "project identified the pathogen as Neoscytalidium dimidiatum by ITS sequencing, described "
    "its seasonal development in 120 orchards of Ham Thuan Nam district and tested chemical and "
    "biological control agents in the laboratory and on 3 hectares of field trials. The "
    "integrated package of pruning, sanitation, balanced fertilisation, Trichoderma and "
    "threshold-based alternating sprays reduced infected branches from 38.6% to 9.4% and "
    "raised profit by 21% over farmers' practice.",
    chapters=[
        ("Tổng quan tài liệu", ("Bệnh đốm nâu hại thanh long",
         "Các biện pháp phòng trừ đã được nghiên cứu")),
        ("Vật liệu và phương pháp nghiên cứu", ("Vật liệu nghiên cứu",
         "Bố trí thí nghiệm trong phòng và ngoài đồng")),
        ("Đặc điểm phát sinh, phát triển của bệnh", ("Xác định tác nhân gây bệnh",
         "Diễn biến bệnh theo mùa vụ")),
        ("Hiệu quả của biện pháp quản lý tổng hợp", ("Hiệu lực phòng trừ của các công thức",
         "Hiệu quả kinh tế của mô hình")),
    ],
))

TASKS.append(task(
    slug="thanh-long-den-led-ra-hoa",
    title="Ứng dụng đèn LED chuyên dụng trong xử lý ra hoa trái vụ cây thanh long tại tỉnh Bình "
          "Thuận",
    title_en="Applying purpose-built LED lamps to induce off-season flowering of dragon fruit "
             "in Binh Thuan province",
    code="ĐTKH.04/2017",
    pi=P("ThS.", "Nguyễn Thanh Tùng", "ttud"),
    secretary=P("KS.", "Phan Thị Thùy Trang", "ttud"),
    members=[P("TS.", "Đỗ Minh Cường", "bkhcm"), P("KS.", "Lê Văn Hùng", "evn"),
             P("ThS.", "Trần Ngọc Bích", "ttud"), P("KS.", "Hồ Văn Lộc", "ubhtb")],
    host="ttud", field_code="401", start="2017-03", end="2018-12", accepted="2019-03-15",
    budget_total=850_000_000, budget_state=620_000_000,
    district="ham-thuan-bac", sectors=["thanh-long", "nong-nghiep"],
    keywords=["thanh long", "đèn LED", "ra hoa trái vụ", "tiết kiệm điện", "chong đèn"],
    keywords_en=["dragon fruit", "LED lamp", "off-season flowering", "energy saving",
                 "night lighting"],
    abstract="Xử lý ra hoa trái vụ bằng chong đèn là kỹ thuật then chốt giúp nông dân Bình "
    "Thuận chủ động nguồn hàng thanh long quanh năm, nhưng bóng sợi đốt và bóng compact tiêu "
    "thụ lượng điện rất lớn, gây quá tải lưới điện nông thôn vào mùa chong đèn. Nhiệm vụ đã "
    "đánh giá phổ ánh sáng và cường độ chiếu sáng cần thiết để kích thích cây ra hoa, từ đó "
    "lựa chọn đèn LED chuyên dụng có bước sóng đỏ 620–660 nm, công suất 9 W. Thí nghiệm tại "
    "xã Hàm Liêm và xã Hàm Đức, huyện Hàm Thuận Bắc với 4 nghiệm thức về loại đèn và số đêm "
    "chiếu sáng cho thấy đèn LED đỏ cho tỷ lệ trụ ra hoa tương đương bóng compact, trong khi "
    "điện năng tiêu thụ giảm 62%. Mô hình ứng dụng trên diện tích 10 ha với 25 hộ tham gia "
    "giúp tiết kiệm trung bình 14 triệu đồng tiền điện mỗi héc-ta mỗi vụ. Nhiệm vụ đã xây "
    "dựng hướng dẫn kỹ thuật lắp đặt và vận hành hệ thống chiếu sáng bằng đèn LED cho thanh "
    "long, phối hợp với Công ty Điện lực Bình Thuận khuyến cáo nông dân sử dụng thiết bị an "
    "toàn điện.",
    abstract_en="Night lighting to force off-season flowering keeps Binh Thuan dragon fruit on "
    "the market all year but overloads the rural grid. The project selected 9 W red LED lamps "
    "(620–660 nm), compared four lighting treatments in Ham Thuan Bac district and showed that "
    "red LEDs induce flowering as well as compact fluorescent lamps while cutting electricity "
    "use by 62%. A 10-hectare demonstration with 25 households saved about 14 million dong per "
    "hectare per season, and an installation and operation guide was issued.",
    chapters=[
        ("Tổng quan về kỹ thuật chong đèn cho thanh long", ("Cơ sở khoa học của xử lý ra hoa "
         "bằng ánh sáng", "Hiện trạng sử dụng điện chong đèn tại Bình Thuận")),
        ("Thí nghiệm lựa chọn đèn LED", ("Bố trí thí nghiệm", "Kết quả ra hoa và năng suất")),
        ("Mô hình ứng dụng và hiệu quả", ("Xây dựng mô hình 10 ha",
         "Hiệu quả tiết kiệm điện năng")),
    ],
    short_title="Đèn LED xử lý ra hoa thanh long",
))

TASKS.append(task(
    slug="thanh-long-truy-xuat-nguon-goc",
    title="Xây dựng hệ thống truy xuất nguồn gốc điện tử cho sản phẩm thanh long mang chỉ dẫn "
          "địa lý Bình Thuận",
    title_en="An electronic traceability system for dragon fruit bearing the Binh Thuan "
             "geographical indication",
    code="04/2020/HĐ-KHCN",
    pi=P("TS.", "Huỳnh Ngọc Thạch", "dhpt"),
    secretary=P("ThS.", "Nguyễn Thị Hoài Thương", "dhpt"),
    members=[P("ThS.", "Lâm Quốc Bảo", "dhpt"), P("KS.", "Đinh Văn Khoa", "htl"),
             P("ThS.", "Trương Thị Diễm My", "sokhcn"), P("KS.", "Võ Minh Trí", "ubhtn"),
             P("CN.", "Phạm Đức Thịnh", "dhpt")],
    host="dhpt", field_code="102", start="2020-06", end="2021-12", accepted="2022-04-08",
    budget_total=1_250_000_000, budget_state=1_050_000_000,
    district="ham-thuan-nam", sectors=["thanh-long", "cong-nghe-thong-tin"],
    keywords=["truy xuất nguồn gốc", "thanh long", "chỉ dẫn địa lý", "mã QR", "chuyển đổi số"],
    keywords_en=["traceability", "dragon fruit", "geographical indication", "QR code",
                 "digital transformation"],
    abstract="Chỉ dẫn địa lý Bình Thuận cho sản phẩm thanh long đã được bảo hộ tại Nhật Bản và "
    "Liên minh châu Âu, đặt ra yêu cầu quản lý chặt chẽ việc sử dụng chỉ dẫn và minh bạch thông "
    "tin về nguồn gốc sản phẩm. Nhiệm vụ đã khảo sát quy trình sản xuất, thu mua và đóng gói "
    "của 8 hợp tác xã và 12 doanh nghiệp, xác định các điểm dữ liệu then chốt trong chuỗi cung "
    "ứng. Trên cơ sở đó, nhóm nghiên cứu thiết kế và xây dựng hệ thống truy xuất nguồn gốc điện "
    "tử gồm cổng thông tin, cơ sở dữ liệu vùng trồng gắn mã số, ứng dụng di động cho nông hộ "
    "ghi nhật ký sản xuất và mô-đun in tem QR cho cơ sở đóng gói. Hệ thống được thử nghiệm tại "
    "huyện Hàm Thuận Nam với 210 hộ, 640 ha vùng trồng và hơn 35.000 tem truy xuất được phát "
    "hành trong năm 2021. Người tiêu dùng và nhà nhập khẩu có thể tra cứu thông tin vùng trồng, "
    "nhật ký canh tác và kết quả kiểm nghiệm bằng điện thoại thông minh. Hệ thống được bàn giao "
    "cho Sở Khoa học và Công nghệ quản lý, góp phần thực hiện chương trình chuyển đổi số trong "
    "nông nghiệp của tỉnh.",
    abstract_en="Protection of the Binh Thuan geographical indication in Japan and the EU "
    "requires transparent product origin information. After surveying 8 cooperatives and 12 "
    "companies, the project built an electronic traceability system with a web portal, a coded "
    "growing-area database, a mobile farm logbook and a QR-label module. It was piloted in Ham "
    "Thuan Nam district with 210 households and 640 hectares, issuing more than 35,000 labels in "
    "2021, and was handed over to the provincial Department of Science and Technology.",
    chapters=[
        ("Tổng quan về truy xuất nguồn gốc nông sản", ("Yêu cầu của thị trường nhập khẩu",
         "Các giải pháp công nghệ hiện có")),
        ("Khảo sát chuỗi cung ứng thanh long", ("Phương pháp khảo sát",
         "Các điểm dữ liệu then chốt")),
        ("Thiết kế và xây dựng hệ thống", ("Kiến trúc hệ thống", "Ứng dụng di động và tem QR")),
        ("Thử nghiệm và chuyển giao", ("Kết quả thử nghiệm tại Hàm Thuận Nam",
         "Chuyển giao và duy trì hệ thống")),
    ],
))

TASKS.append(task(
    slug="nuoc-mam-haccp",
    title="Xây dựng và áp dụng hệ thống kiểm soát chất lượng theo HACCP cho các cơ sở sản xuất "
          "nước mắm quy mô nhỏ tại thành phố Phan Thiết",
    title_en="A HACCP-based quality control system for small fish sauce producers in Phan "
             "Thiet city",
    code="ĐT.09/2011",
    pi=P("KS.", "Nguyễn Thị Bích Ngọc", "tdc"),
    secretary=P("CN.", "Lê Hoàng Nam", "tdc"),
    members=[P("ThS.", "Phạm Văn Tuấn", "tdc"), P("KS.", "Bùi Thị Lệ", "hnm"),
             P("CN.", "Đoàn Minh Sang", "sokhcn")],
    host="tdc", field_code="211", start="2011-06", end="2012-11", accepted="2013-01-24",
    budget_total=480_000_000, budget_state=480_000_000,
    district="phan-thiet", sectors=["nuoc-mam"],
    keywords=["nước mắm", "HACCP", "an toàn thực phẩm", "Phan Thiết"],
    keywords_en=["fish sauce", "HACCP", "food safety", "Phan Thiet"],
    abstract="Nước mắm Phan Thiết là sản phẩm truyền thống nổi tiếng, nhưng phần lớn cơ sở sản "
    "xuất có quy mô hộ gia đình, điều kiện nhà xưởng và kiểm soát vệ sinh còn hạn chế. Nhiệm vụ "
    "đã khảo sát điều kiện sản xuất của 42 cơ sở tại các phường Đức Thắng, Phú Hài và Thanh Hải, "
    "lấy 84 mẫu nước mắm thành phẩm để phân tích các chỉ tiêu hóa học, vi sinh và histamine. Kết "
    "quả cho thấy 19% số mẫu có hàm lượng histamine vượt 400 mg/l và 12% số mẫu nhiễm vi sinh "
    "vượt giới hạn. Nhóm nghiên cứu đã phân tích mối nguy, xác định 5 điểm kiểm soát tới hạn "
    "gồm tiếp nhận nguyên liệu cá, ướp muối, ủ chượp, lọc và chiết rót, từ đó xây dựng bộ tài "
    "liệu HACCP mẫu phù hợp với cơ sở quy mô nhỏ. Sau sáu tháng áp dụng thử nghiệm tại 5 cơ "
    "sở, tỷ lệ mẫu đạt yêu cầu tăng từ 68% lên 96%, chi phí áp dụng hợp lý đối với hộ sản xuất. "
    "Bộ tài liệu đã được phổ biến cho các hội viên Hội Nước mắm Phan Thiết.",
    abstract_en="Most Phan Thiet fish sauce is made by household producers with limited hygiene "
    "control. The project surveyed 42 producers and analysed 84 samples, 19% of which exceeded "
    "400 mg/l histamine. A hazard analysis identified five critical control points and a HACCP "
    "documentation model for small producers was drafted. After six months at five pilot "
    "producers, compliant samples rose from 68% to 96%.",
    chapters=[
        ("Tổng quan về sản xuất nước mắm Phan Thiết", ("Lịch sử và đặc điểm sản phẩm",
         "Các quy định về an toàn thực phẩm")),
        ("Khảo sát hiện trạng và phân tích mối nguy", ("Điều kiện sản xuất của các cơ sở",
         "Kết quả phân tích mẫu")),
        ("Xây dựng và áp dụng hệ thống HACCP", ("Các điểm kiểm soát tới hạn",
         "Kết quả áp dụng thử nghiệm")),
    ],
))

TASKS.append(task(
    slug="nuoc-mam-enzyme-rut-ngan-u-chuop",
    title="Nghiên cứu sử dụng enzyme protease để rút ngắn thời gian ủ chượp trong sản xuất nước "
          "mắm Phan Thiết",
    title_en="Using protease enzymes to shorten fermentation time in Phan Thiet fish sauce "
             "production",
    code="BT-KHCN-2016-07",
    pi=P("PGS.TS.", "Nguyễn Thị Thanh Thủy", "ntu"),
    secretary=P("ThS.", "Trần Văn Vĩnh", "ntu"),
    members=[P("TS.", "Đặng Xuân Cường", "ntu"), P("ThS.", "Võ Thị Diệu Hiền", "ntu"),
             P("KS.", "Huỳnh Văn Phước", "hnm"), P("KS.", "Lê Thị Hồng Vân", "tdc")],
    host="ntu", field_code="211", start="2016-04", end="2017-12", accepted="2018-03-27",
    budget_total=980_000_000, budget_state=780_000_000,
    district="phan-thiet", sectors=["nuoc-mam", "thuy-san"],
    keywords=["nước mắm", "enzyme protease", "ủ chượp", "cá cơm", "thủy phân protein"],
    keywords_en=["fish sauce", "protease", "fermentation", "anchovy", "protein hydrolysis"],
    abstract="Thời gian ủ chượp kéo dài từ 9 đến 12 tháng làm tăng chi phí lưu kho, chiếm dụng "
    "vốn và hạn chế khả năng mở rộng sản xuất của các cơ sở nước mắm Phan Thiết. Nhiệm vụ đã "
    "đánh giá khả năng thủy phân protein cá cơm của ba chế phẩm enzyme protease thương mại là "
    "bromelain, papain và alcalase ở các nồng độ muối khác nhau. Kết quả cho thấy alcalase bổ "
    "sung với tỷ lệ 0,3% khối lượng cá, ở nhiệt độ 45 °C và nồng độ muối ban đầu 15%, cho hiệu "
    "suất thủy phân cao nhất; sau khi bổ sung muối đến 25%, chượp được tiếp tục ủ tự nhiên. "
    "Thời gian ủ chượp rút ngắn còn 4 tháng mà hàm lượng đạm toàn phần đạt 27 g/l, đạm axit "
    "amin chiếm trên 55% và điểm cảm quan không khác biệt có ý nghĩa so với nước mắm ủ truyền "
    "thống 12 tháng. Quy trình được áp dụng thử nghiệm với 10 tấn cá tại một cơ sở ở phường Phú "
    "Hài. Phân tích hiệu quả cho thấy giá thành sản xuất giảm 14% và vòng quay vốn tăng gấp "
    "đôi. Nhiệm vụ đề xuất Hội Nước mắm Phan Thiết nghiên cứu bổ sung quy trình vào hồ sơ quản "
    "lý chỉ dẫn địa lý.",
    abstract_en="Traditional fermentation of Phan Thiet fish sauce takes 9 to 12 months. The "
    "project compared bromelain, papain and alcalase for hydrolysing anchovy protein and found "
    "0.3% alcalase at 45 °C and 15% initial salt to be the most effective. Fermentation was cut "
    "to four months with 27 g/l total nitrogen and sensory quality similar to 12-month sauce. A "
    "10-tonne pilot in Phu Hai ward lowered production cost by 14%.",
    chapters=[
        ("Tổng quan", ("Quá trình thủy phân protein trong ủ chượp",
         "Ứng dụng enzyme trong sản xuất nước mắm")),
        ("Vật liệu và phương pháp", ("Nguyên liệu và chế phẩm enzyme",
         "Phương pháp phân tích")),
        ("Kết quả tối ưu hóa quá trình thủy phân", ("Ảnh hưởng của loại và nồng độ enzyme",
         "Ảnh hưởng của nhiệt độ và nồng độ muối")),
        ("Sản xuất thử nghiệm", ("Quy trình sản xuất thử nghiệm", "Đánh giá chất lượng và "
         "hiệu quả kinh tế")),
    ],
    short_title="Enzyme protease trong ủ chượp nước mắm",
))

TASKS.append(task(
    slug="nuoc-mam-quan-ly-chi-dan-dia-ly",
    title="Nâng cao hiệu quả quản lý và phát triển chỉ dẫn địa lý \"Phan Thiết\" cho sản phẩm "
          "nước mắm",
    title_en="Improving the management and development of the \"Phan Thiet\" geographical "
             "indication for fish sauce",
    code="12/2019/HĐ-KHCN",
    pi=P("ThS.", "Trần Văn Lâm", "hnm"),
    secretary=P("CN.", "Nguyễn Thị Thu Hà", "hnm"),
    members=[P("TS.", "Lê Quang Hưng", "sikhxh"), P("ThS.", "Phan Thanh Sơn", "sokhcn"),
             P("ThS.", "Đỗ Thị Ngọc Ánh", "tdc"), P("CN.", "Nguyễn Hữu Thắng", "sct"),
             P("KS.", "Mai Văn Trung", "hnm"), P("CN.", "Lý Thị Kim Thoa", "ubpt")],
    host="hnm", field_code="502", start="2019-07", end="2020-12", accepted="2021-03-18",
    budget_total=690_000_000, budget_state=640_000_000,
    district="phan-thiet", sectors=["nuoc-mam", "khoa-hoc-xa-hoi"],
    keywords=["chỉ dẫn địa lý", "nước mắm Phan Thiết", "quản lý chất lượng", "thương hiệu",
              "Hội Nước mắm Phan Thiết"],
    keywords_en=["geographical indication", "Phan Thiet fish sauce", "quality management",
                 "brand", "Phan Thiet Fish Sauce Association"],
    abstract="Chỉ dẫn địa lý \"Phan Thiết\" cho sản phẩm nước mắm được ghi nhận từ năm 2007, "
    "nhưng sau hơn mười năm số cơ sở được cấp quyền sử dụng còn ít, việc kiểm soát chất lượng "
    "và chống hàng giả chưa hiệu quả. Nhiệm vụ đã đánh giá thực trạng quản lý chỉ dẫn địa lý "
    "thông qua khảo sát 63 cơ sở sản xuất, 120 đại lý phân phối và 400 người tiêu dùng tại "
    "Phan Thiết và Thành phố Hồ Chí Minh. Kết quả cho thấy người tiêu dùng biết đến chỉ dẫn "
    "địa lý nhưng khó phân biệt sản phẩm chính hiệu do mẫu tem nhãn chưa thống nhất. Nhiệm vụ "
    "đã hoàn thiện quy chế quản lý, quy trình cấp quyền sử dụng và kiểm soát chất lượng; xây "
    "dựng bộ nhận diện và tem chống giả có mã truy xuất; đề xuất mô hình tổ chức quản lý phân "
    "cấp giữa Sở Khoa học và Công nghệ và Hội Nước mắm Phan Thiết. Hồ sơ sửa đổi tiêu chuẩn "
    "chất lượng đặc thù đã được Cục Sở hữu trí tuệ chấp nhận, làm cơ sở cấp lại Giấy chứng "
    "nhận đăng ký chỉ dẫn địa lý năm 2020. Nhiệm vụ góp phần nâng cao giá trị và uy tín của "
    "nước mắm Phan Thiết trên thị trường.",
    abstract_en="The \"Phan Thiet\" geographical indication for fish sauce was recorded in 2007 "
    "but few producers hold user rights and counterfeits persist. Surveys of 63 producers, 120 "
    "distributors and 400 consumers informed revised management rules, a user-right procedure, "
    "a quality control scheme and an anti-counterfeit label with a traceability code. The "
    "revised specification was accepted by the IP Office of Viet Nam and supported the "
    "reissued certificate in 2020.",
    chapters=[
        ("Cơ sở lý luận về quản lý chỉ dẫn địa lý", ("Khái niệm và khung pháp lý",
         "Kinh nghiệm quản lý chỉ dẫn địa lý")),
        ("Thực trạng quản lý chỉ dẫn địa lý Phan Thiết", ("Kết quả khảo sát cơ sở sản xuất",
         "Nhận thức của người tiêu dùng")),
        ("Giải pháp nâng cao hiệu quả quản lý", ("Hoàn thiện quy chế và quy trình",
         "Bộ nhận diện và tem chống giả")),
    ],
))

TASKS.append(task(
    slug="muc-mot-nang-say-nhan-hieu",
    title="Hoàn thiện quy trình chế biến và xây dựng nhãn hiệu chứng nhận cho sản phẩm mực một "
          "nắng La Gi",
    title_en="Improving processing and building a certification mark for La Gi one-sun dried "
             "squid",
    code="ĐTKH.11/2015",
    pi=P("ThS.", "Nguyễn Văn Tư", "ccts"),
    secretary=P("KS.", "Trần Thị Ngọc Hân", "ccts"),
    members=[P("TS.", "Phạm Thị Hiền", "ntu"), P("ThS.", "Lê Minh Nhựt", "dhpt"),
             P("KS.", "Đặng Thị Thu Sương", "tdc"), P("KS.", "Võ Văn Tài", "ccts")],
    host="ccts", field_code="405", start="2015-05", end="2016-12", accepted="2017-04-20",
    budget_total=760_000_000, budget_state=700_000_000,
    district="la-gi", sectors=["thuy-san", "co-khi"],
    keywords=["mực một nắng", "nhãn hiệu chứng nhận", "máy sấy bơm nhiệt", "La Gi",
              "chế biến hải sản"],
    keywords_en=["one-sun dried squid", "certification mark", "heat pump dryer", "La Gi",
                 "seafood processing"],
    abstract="Mực một nắng là đặc sản của vùng biển Bình Thuận, được ưa chuộng nhờ vị ngọt và "
    "độ dai đặc trưng, nhưng sản phẩm chủ yếu được phơi thủ công ngoài trời nên phụ thuộc thời "
    "tiết và dễ nhiễm bụi, vi sinh vật. Nhiệm vụ đã khảo sát 85 cơ sở chế biến tại thị xã La "
    "Gi, xác định các công đoạn ảnh hưởng đến chất lượng và chuẩn hóa quy trình chế biến từ "
    "khâu tiếp nhận mực nguyên liệu, làm sạch, ngâm muối, phơi sấy đến bao gói, bảo quản. Nhóm "
    "nghiên cứu thiết kế, chế tạo hệ thống sấy kết hợp năng lượng mặt trời và bơm nhiệt công "
    "suất 200 kg mỗi mẻ, giúp rút ngắn thời gian làm khô còn 6 giờ và chủ động sản xuất trong "
    "mùa mưa. Sản phẩm đạt độ ẩm 55–60%, các chỉ tiêu vi sinh đáp ứng quy chuẩn và được người "
    "tiêu dùng đánh giá cảm quan tương đương mực phơi nắng tự nhiên. Nhiệm vụ đã xây dựng hồ "
    "sơ đăng ký nhãn hiệu chứng nhận \"Mực một nắng La Gi\", quy chế sử dụng và quy trình kiểm "
    "soát chất lượng; nhãn hiệu đã được Cục Sở hữu trí tuệ chấp nhận đơn hợp lệ.",
    abstract_en="One-sun dried squid is a Binh Thuan speciality, mostly sun-dried by hand. The "
    "project surveyed 85 processors in La Gi town, standardised the processing steps and built "
    "a 200 kg solar and heat-pump dryer that cuts drying to six hours. Products met moisture "
    "and microbiological limits with sensory quality similar to sun-dried squid. An application "
    "for the certification mark \"La Gi one-sun dried squid\" with usage rules was filed.",
    chapters=[
        ("Tổng quan về sản phẩm mực một nắng", ("Nguyên liệu và thị trường",
         "Các phương pháp làm khô hải sản")),
        ("Chuẩn hóa quy trình chế biến", ("Khảo sát các cơ sở chế biến",
         "Quy trình chế biến đề xuất")),
        ("Thiết kế, chế tạo hệ thống sấy", ("Tính toán thiết kế", "Vận hành thử nghiệm")),
        ("Xây dựng nhãn hiệu chứng nhận", ("Hồ sơ đăng ký nhãn hiệu",
         "Quy chế quản lý và sử dụng")),
    ],
    short_title="Mực một nắng La Gi",
))

TASKS.append(task(
    slug="tom-hum-long-phu-quy",
    title="Nghiên cứu cải tiến kỹ thuật nuôi tôm hùm bông bằng lồng tại huyện đảo Phú Quý",
    title_en="Improved cage culture of ornate spiny lobster on Phu Quy island",
    code="BT-KHCN-2013-02",
    pi=P("TS.", "Phan Thị Vân", "ria2"),
    secretary=P("ThS.", "Ngô Văn Mạnh", "ria2"),
    members=[P("ThS.", "Trương Công Hòa", "ria2"), P("KS.", "Nguyễn Văn Lợi", "ccts"),
             P("KS.", "Lê Thị Xuân", "ubpq")],
    host="ria2", field_code="405", start="2013-03", end="2014-12", accepted="2015-05-06",
    budget_total=1_320_000_000, budget_state=1_100_000_000,
    district="phu-quy", sectors=["thuy-san"],
    keywords=["tôm hùm bông", "nuôi lồng", "Phú Quý", "thức ăn công nghiệp", "bệnh sữa"],
    keywords_en=["spiny lobster", "cage culture", "Phu Quy", "formulated feed",
                 "milky disease"],
    abstract="Nghề nuôi tôm hùm bằng lồng tại huyện đảo Phú Quý phát triển nhanh trong những năm "
    "gần đây, song người nuôi chủ yếu sử dụng cá tạp làm thức ăn, mật độ thả cao và thiếu kiến "
    "thức phòng bệnh, dẫn đến tỷ lệ hao hụt lớn và ô nhiễm môi trường vùng nuôi. Nhiệm vụ đã "
    "điều tra 96 hộ nuôi tôm hùm tại các xã Ngũ Phụng, Long Hải và Tam Thanh, đánh giá chất "
    "lượng nước và trầm tích vùng nuôi theo mùa. Trên cơ sở đó, nhóm nghiên cứu thử nghiệm thay "
    "thế 50% cá tạp bằng thức ăn viên công nghiệp có bổ sung vitamin C, điều chỉnh mật độ thả "
    "và cải tiến kết cấu lồng nuôi chịu được sóng gió. Sau 14 tháng nuôi, tỷ lệ sống ở mô hình "
    "đạt 72%, cao hơn đối chứng 15%; hệ số chuyển đổi thức ăn giảm, trọng lượng trung bình đạt "
    "1,1 kg mỗi con. Tỷ lệ tôm mắc bệnh sữa giảm rõ rệt nhờ áp dụng quy trình quản lý sức khỏe "
    "tôm và vệ sinh lồng định kỳ. Nhiệm vụ đã ban hành quy trình kỹ thuật nuôi tôm hùm bông "
    "bằng lồng phù hợp với điều kiện Phú Quý và tập huấn cho 120 lượt ngư dân.",
    abstract_en="Lobster cage farming on Phu Quy island relies on trash fish and high stocking "
    "densities. After surveying 96 farms, the project replaced half of the trash fish with "
    "vitamin C enriched pellets, adjusted stocking density and strengthened cage structures. "
    "Survival reached 72%, 15% above controls, with an average weight of 1.1 kg after 14 "
    "months and fewer cases of milky disease. A culture procedure was issued and 120 farmers "
    "were trained.",
    chapters=[
        ("Tổng quan nghề nuôi tôm hùm", ("Tình hình nuôi tôm hùm ở Việt Nam",
         "Đặc điểm vùng nuôi Phú Quý")),
        ("Phương pháp nghiên cứu", ("Điều tra hộ nuôi và môi trường",
         "Bố trí thí nghiệm nuôi")),
        ("Kết quả và thảo luận", ("Hiện trạng nghề nuôi và môi trường",
         "Kết quả thử nghiệm kỹ thuật cải tiến")),
    ],
))

TASKS.append(task(
    slug="nguon-loi-hai-san-ven-bo",
    title="Đánh giá nguồn lợi hải sản ven bờ và đề xuất giải pháp đồng quản lý tại vùng biển "
          "huyện Hàm Tân",
    title_en="Assessing nearshore fishery resources and proposing co-management in the coastal "
             "waters of Ham Tan district",
    code="07/2018/HĐ-KHCN",
    pi=P("PGS.TS.", "Võ Sĩ Tuấn", "vhdh"),
    secretary=P("ThS.", "Phan Kim Hoàng", "vhdh"),
    members=[P("TS.", "Nguyễn Văn Long", "vhdh"), P("ThS.", "Hứa Thái Tuyến", "vhdh"),
             P("ThS.", "Trần Công Thịnh", "ccts"), P("KS.", "Dương Thị Mỹ Linh", "ccts"),
             P("CN.", "Phạm Quốc Việt", "vhdh")],
    host="vhdh", field_code="405", start="2018-04", end="2019-12", accepted="2020-06-30",
    budget_total=1_680_000_000, budget_state=1_680_000_000,
    district="ham-tan", sectors=["thuy-san", "moi-truong"],
    keywords=["nguồn lợi hải sản", "đồng quản lý", "rạn san hô", "Hàm Tân", "khai thác ven bờ"],
    keywords_en=["fishery resources", "co-management", "coral reefs", "Ham Tan",
                 "nearshore fishing"],
    abstract="Vùng biển ven bờ huyện Hàm Tân có các rạn san hô, thảm cỏ biển và bãi đẻ của "
    "nhiều loài hải sản có giá trị, nhưng đang chịu áp lực lớn từ khai thác quá mức và các "
    "nghề khai thác mang tính hủy diệt. Nhiệm vụ đã thực hiện bốn chuyến khảo sát theo mùa, "
    "đánh giá hiện trạng rạn san hô và thảm cỏ biển bằng phương pháp Reef Check, thu mẫu sản "
    "lượng khai thác của 120 tàu cá và phỏng vấn 250 hộ ngư dân. Kết quả cho thấy độ phủ san "
    "hô sống trung bình chỉ còn 21%, mật độ cá rạn thấp và kích thước cá khai thác nhỏ hơn "
    "kích thước sinh sản lần đầu ở phần lớn loài. Năng suất khai thác của nghề lưới rê và lưới "
    "kéo ven bờ giảm khoảng 30% so với mười năm trước. Nhiệm vụ đã xây dựng bản đồ phân bố "
    "sinh cảnh, đề xuất khoanh vùng bảo vệ nguồn lợi có thời hạn và xây dựng mô hình đồng "
    "quản lý với tổ cộng đồng ngư dân tại xã Tân Thắng. Các giải pháp được Chi cục Thủy sản "
    "Bình Thuận tiếp nhận để triển khai.",
    abstract_en="Nearshore waters of Ham Tan district hold coral reefs, seagrass beds and "
    "spawning grounds under heavy fishing pressure. Four seasonal surveys, catch sampling from "
    "120 boats and interviews with 250 fishing households showed live coral cover of only 21% "
    "and catch rates 30% lower than ten years earlier. The project mapped habitats, proposed "
    "temporary protected zones and set up a co-management model with a fishers' group in Tan "
    "Thang commune.",
    chapters=[
        ("Tổng quan", ("Đặc điểm tự nhiên vùng biển Hàm Tân", "Hoạt động khai thác hải sản")),
        ("Hiện trạng hệ sinh thái và nguồn lợi", ("Rạn san hô và thảm cỏ biển",
         "Thành phần và sản lượng khai thác")),
        ("Giải pháp đồng quản lý", ("Khoanh vùng bảo vệ nguồn lợi",
         "Mô hình đồng quản lý cộng đồng")),
    ],
))

TASKS.append(task(
    slug="tiem-nang-dien-gio-tuy-phong",
    title="Đánh giá tiềm năng năng lượng gió và đề xuất vị trí ưu tiên phát triển điện gió trên "
          "địa bàn huyện Tuy Phong",
    title_en="Wind energy potential and priority sites for wind power development in Tuy Phong "
             "district",
    code="ĐTKH.02/2012",
    pi=P("PGS.TS.", "Nguyễn Hữu Phúc", "bkhcm"),
    secretary=P("ThS.", "Lê Kỳ Nam", "bkhcm"),
    members=[P("TS.", "Huỳnh Châu Duy", "bkhcm"), P("ThS.", "Nguyễn Đình Quang", "bkhcm"),
             P("KS.", "Võ Ngọc Điều", "sct"), P("KS.", "Trần Thanh Phong", "evn")],
    host="bkhcm", field_code="202", start="2012-01", end="2013-06", accepted="2013-09-17",
    budget_total=1_540_000_000, budget_state=1_540_000_000,
    district="tuy-phong", sectors=["dien-gio"], parent=SO_KHCN,
    keywords=["điện gió", "tiềm năng gió", "Tuy Phong", "bản đồ gió", "WAsP"],
    keywords_en=["wind power", "wind resource", "Tuy Phong", "wind map", "WAsP"],
    abstract="Huyện Tuy Phong có chế độ gió mùa mạnh và ổn định, được đánh giá là một trong "
    "những khu vực có tiềm năng điện gió tốt nhất cả nước. Tuy nhiên, các số liệu đo gió trước "
    "đây chủ yếu ở độ cao thấp và thời gian đo ngắn, chưa đủ tin cậy để lập dự án đầu tư. "
    "Nhiệm vụ đã lắp đặt hai cột đo gió cao 80 m tại xã Chí Công và xã Vĩnh Tân, thu thập số "
    "liệu liên tục trong 12 tháng với tần suất 10 phút, kết hợp với số liệu của trạm khí tượng "
    "Phan Thiết và dữ liệu tái phân tích. Tốc độ gió trung bình năm ở độ cao 80 m đạt 6,5–7,1 "
    "m/s, mật độ năng lượng gió trên 350 W/m², hướng gió chủ đạo là đông bắc. Bằng mô hình "
    "WAsP, nhóm nghiên cứu xây dựng bản đồ tài nguyên gió tỷ lệ 1:25.000 và tính toán sản "
    "lượng điện cho ba phương án bố trí tua bin. Kết hợp với các tiêu chí về quy hoạch sử "
    "dụng đất, lưới điện và môi trường, nhiệm vụ đề xuất 6 khu vực ưu tiên với tổng công suất "
    "tiềm năng khoảng 450 MW, làm cơ sở cho việc điều chỉnh quy hoạch phát triển điện gió của "
    "tỉnh.",
    abstract_en="Tuy Phong district has strong and steady monsoon winds but earlier "
    "measurements were short and low. Two 80 m met masts in Chi Cong and Vinh Tan communes "
    "recorded 12 months of 10-minute data, giving mean speeds of 6.5–7.1 m/s at 80 m and power "
    "densities above 350 W/m². A 1:25,000 wind resource map was produced with WAsP and six "
    "priority areas with about 450 MW of potential capacity were proposed for the provincial "
    "wind power plan.",
    chapters=[
        ("Tổng quan về phát triển điện gió", ("Điện gió trên thế giới và Việt Nam",
         "Quy hoạch điện gió tỉnh Bình Thuận")),
        ("Đo đạc và xử lý số liệu gió", ("Lắp đặt cột đo gió", "Kiểm tra và hiệu chỉnh số liệu")),
        ("Bản đồ tài nguyên gió", ("Mô hình WAsP", "Kết quả tính toán sản lượng điện")),
        ("Đề xuất vị trí ưu tiên", ("Bộ tiêu chí lựa chọn", "Các khu vực ưu tiên phát triển")),
    ],
    short_title="Tiềm năng điện gió huyện Tuy Phong",
))

TASKS.append(task(
    slug="dien-gio-ngoai-khoi-sinh-ke",
    title="Đánh giá tác động của phát triển điện gió ngoài khơi đến sinh kế cộng đồng ngư dân "
          "ven biển tỉnh Bình Thuận",
    title_en="Impacts of offshore wind development on the livelihoods of coastal fishing "
             "communities in Binh Thuan",
    code="BT-KHCN-2021-05",
    pi=P("TS.", "Trần Thị Minh Châu", "dhpt"),
    secretary=P("ThS.", "Nguyễn Hoàng Phúc", "dhpt"),
    members=[P("PGS.TS.", "Nguyễn Hữu Phúc", "bkhcm"), P("ThS.", "Lê Thị Thanh Xuân", "dhpt"),
             P("ThS.", "Võ Văn Bình", "ccts"), P("CN.", "Hồ Thị Mai Anh", "ubtp"),
             P("CN.", "Phạm Văn Quý", "dhpt")],
    host="dhpt", field_code="504", start="2021-06", end="2022-12", accepted="2023-05-25",
    budget_total=920_000_000, budget_state=920_000_000,
    district="tuy-phong", sectors=["dien-gio", "thuy-san", "khoa-hoc-xa-hoi"],
    keywords=["điện gió ngoài khơi", "sinh kế", "ngư dân", "Tuy Phong", "tham vấn cộng đồng"],
    keywords_en=["offshore wind", "livelihoods", "fishers", "Tuy Phong",
                 "community consultation"],
    abstract="Vùng biển Bình Thuận được xác định có tiềm năng lớn về điện gió ngoài khơi, nhiều "
    "dự án đang trong giai đoạn khảo sát và chuẩn bị đầu tư. Bên cạnh lợi ích về năng lượng, "
    "việc chiếm dụng mặt biển, hạn chế hoạt động tàu thuyền và thay đổi ngư trường có thể ảnh "
    "hưởng đến sinh kế của hàng chục nghìn ngư dân. Nhiệm vụ đã tổng quan kinh nghiệm quốc tế "
    "về chung sống giữa điện gió ngoài khơi và nghề cá, khảo sát 420 hộ ngư dân tại thị trấn "
    "Phan Rí Cửa, thị trấn Liên Hương và xã Chí Công, tổ chức 12 cuộc thảo luận nhóm và phỏng "
    "vấn sâu cán bộ quản lý. Kết quả cho thấy 68% số hộ phụ thuộc hoàn toàn vào khai thác ven "
    "bờ, trình độ học vấn thấp và khả năng chuyển đổi nghề hạn chế. Nhiệm vụ đã xác định các "
    "nhóm dễ bị tổn thương, lượng hóa thiệt hại tiềm tàng theo các kịch bản quy hoạch và đề "
    "xuất khung tham vấn cộng đồng, cơ chế chia sẻ lợi ích, chương trình đào tạo chuyển đổi "
    "nghề gắn với dịch vụ hậu cần điện gió. Kết quả là tài liệu tham khảo cho công tác quy "
    "hoạch không gian biển của tỉnh.",
    abstract_en="Offshore wind projects planned off Binh Thuan may restrict fishing grounds. "
    "The project reviewed international experience, surveyed 420 fishing households in Tuy "
    "Phong district and held 12 focus groups. Sixty-eight per cent of households depend "
    "entirely on nearshore fishing and have limited options to change occupation. Vulnerable "
    "groups were identified, potential losses were quantified under planning scenarios and a "
    "consultation framework with benefit sharing and retraining was proposed.",
    chapters=[
        ("Tổng quan về điện gió ngoài khơi và nghề cá", ("Kinh nghiệm quốc tế",
         "Tiềm năng điện gió ngoài khơi Bình Thuận")),
        ("Phương pháp nghiên cứu", ("Khảo sát hộ ngư dân", "Thảo luận nhóm và phỏng vấn sâu")),
        ("Thực trạng sinh kế và mức độ tổn thương", ("Đặc điểm sinh kế hộ ngư dân",
         "Các kịch bản tác động")),
        ("Giải pháp giảm thiểu và chia sẻ lợi ích", ("Khung tham vấn cộng đồng",
         "Đào tạo chuyển đổi nghề")),
    ],
))

TASKS.append(task(
    slug="dien-mat-troi-bom-tuoi-thanh-long",
    title="Ứng dụng hệ thống bơm tưới sử dụng năng lượng mặt trời cho vườn thanh long tại huyện "
          "Bắc Bình",
    title_en="Solar-powered irrigation pumping for dragon fruit orchards in Bac Binh district",
    code="ĐTKH.06/2020",
    pi=P("TS.", "Lê Văn Thành", "cdbt"),
    secretary=P("ThS.", "Nguyễn Thị Thanh Huyền", "cdbt"),
    members=[P("ThS.", "Đoàn Văn Hiệp", "cdbt"), P("KS.", "Bùi Văn Nghĩa", "ubbb"),
             P("ThS.", "Trịnh Minh Khôi", "dhpt"), P("KS.", "Nguyễn Văn Sỹ", "knbt")],
    host="cdbt", field_code="202", start="2020-03", end="2021-09", accepted="2021-12-14",
    budget_total=735_500_000, budget_state=600_000_000,
    district="bac-binh", sectors=["dien-mat-troi", "thanh-long", "nong-nghiep"],
    keywords=["điện mặt trời", "bơm tưới", "thanh long", "tưới nhỏ giọt", "Bắc Bình"],
    keywords_en=["solar power", "irrigation pump", "dragon fruit", "drip irrigation",
                 "Bac Binh"],
    abstract="Tại các vùng trồng thanh long xa lưới điện của huyện Bắc Bình, nông dân chủ yếu sử "
    "dụng máy bơm chạy dầu để tưới, chi phí nhiên liệu cao và gây ô nhiễm. Nhiệm vụ đã khảo sát "
    "nhu cầu nước tưới, nguồn nước và bức xạ mặt trời tại các xã Hòa Thắng, Hồng Phong và Sông "
    "Lũy, từ đó thiết kế hệ thống bơm tưới sử dụng tấm pin mặt trời công suất 3 kWp, bộ biến "
    "tần điều khiển bơm và bồn chứa trung gian, kết hợp tưới nhỏ giọt cho thanh long. Ba mô "
    "hình với tổng diện tích 4,5 ha được lắp đặt và vận hành trong 12 tháng. Kết quả cho thấy "
    "hệ thống cung cấp đủ 18–22 m³ nước mỗi ngày cho một héc-ta vào mùa khô, lượng nước tưới "
    "giảm 35% so với tưới gốc bằng vòi, chi phí năng lượng giảm gần như hoàn toàn. Thời gian "
    "hoàn vốn ước tính 4,2 năm. Nhiệm vụ đã xây dựng tài liệu hướng dẫn thiết kế, lắp đặt, vận "
    "hành và bảo dưỡng hệ thống, đào tạo kỹ thuật viên cho trường và chuyển giao cho Trung tâm "
    "Khuyến nông Bình Thuận để nhân rộng.",
    abstract_en="Dragon fruit growers far from the grid in Bac Binh district pump irrigation "
    "water with diesel. The project designed a 3 kWp solar pumping system with a variable "
    "frequency drive, an intermediate tank and drip lines, and ran three models on 4.5 hectares "
    "for a year. The systems supplied 18–22 m³ per hectare per day in the dry season, reduced "
    "irrigation water by 35% and almost eliminated energy costs, with a payback of 4.2 years.",
    chapters=[
        ("Tổng quan", ("Bơm nước sử dụng năng lượng mặt trời",
         "Nhu cầu nước của cây thanh long")),
        ("Thiết kế hệ thống", ("Tính toán công suất pin và bơm",
         "Hệ thống điều khiển và tưới nhỏ giọt")),
        ("Xây dựng mô hình và đánh giá", ("Lắp đặt và vận hành mô hình",
         "Hiệu quả kinh tế – kỹ thuật")),
    ],
))

TASKS.append(task(
    slug="hieu-suat-dien-mat-troi-bui-cat",
    title="Nghiên cứu ảnh hưởng của bụi cát và nhiệt độ đến hiệu suất các nhà máy điện mặt trời "
          "tại tỉnh Bình Thuận",
    title_en="Effects of dust, sand and temperature on the performance of solar power plants in "
             "Binh Thuan",
    code="09/2018/HĐ-KHCN",
    pi=P("PGS.TS.", "Huỳnh Châu Duy", "bkhcm"),
    secretary=P("ThS.", "Trần Hoàng Lĩnh", "bkhcm"),
    members=[P("TS.", "Nguyễn Văn Liêm", "bkhcm"), P("ThS.", "Phạm Minh Tiến", "bkhcm"),
             P("KS.", "Lê Quốc Khánh", "evn"), P("KS.", "Đào Thị Bích Thủy", "sct"),
             P("ThS.", "Hà Văn Tâm", "dhpt")],
    host="bkhcm", field_code="202", start="2018-08", end="2020-01", accepted="2020-05-22",
    budget_total=1_860_000_000, budget_state=1_500_000_000,
    district="bac-binh", sectors=["dien-mat-troi"], parent=SO_KHCN,
    keywords=["điện mặt trời", "bụi cát", "hiệu suất quang điện", "vệ sinh tấm pin",
              "Vĩnh Tân"],
    keywords_en=["solar power", "dust soiling", "photovoltaic performance", "panel cleaning",
                 "Vinh Tan"],
    abstract="Bình Thuận có bức xạ mặt trời cao và nhiều nhà máy điện mặt trời quy mô lớn đã "
    "được đầu tư tại Bắc Bình và Tuy Phong. Tuy nhiên, khí hậu khô nóng, gió mạnh mang theo "
    "bụi cát làm bám bẩn bề mặt tấm pin và nhiệt độ mô-đun cao đã làm giảm đáng kể sản lượng "
    "điện so với thiết kế. Nhiệm vụ đã lắp đặt trạm quan trắc bức xạ, nhiệt độ và bụi tại ba "
    "nhà máy, bố trí các dãy tấm pin thí nghiệm với chế độ vệ sinh khác nhau và thu thập số "
    "liệu vận hành trong 14 tháng. Kết quả cho thấy tổn thất do bám bẩn trung bình 0,28% mỗi "
    "ngày trong mùa khô, tổn thất do nhiệt độ 6–9% vào các tháng nắng nóng. Chu kỳ vệ sinh tối "
    "ưu về kinh tế là 15 ngày trong mùa khô và 30 ngày trong mùa mưa; lớp phủ chống bám bụi "
    "giúp giảm tổn thất thêm 2,1%. Nhóm nghiên cứu xây dựng mô hình dự báo sản lượng có xét "
    "đến hệ số bám bẩn, sai số trung bình dưới 4%, và đề xuất hướng dẫn vận hành bảo dưỡng cho "
    "các nhà máy điện mặt trời trên địa bàn tỉnh.",
    abstract_en="Hot, dry and windy conditions in Bac Binh and Tuy Phong soil solar panels and "
    "raise module temperature. Monitoring at three plants for 14 months with test arrays under "
    "different cleaning regimes showed soiling losses of 0.28% per day in the dry season and "
    "thermal losses of 6–9% in hot months. Optimal cleaning intervals were 15 days in the dry "
    "season and 30 days in the rainy season, and a soiling-aware yield forecast model with "
    "less than 4% mean error was developed.",
    chapters=[
        ("Tổng quan về tổn thất trong nhà máy điện mặt trời", ("Các dạng tổn thất",
         "Các nghiên cứu về bám bẩn tấm pin")),
        ("Bố trí quan trắc và thí nghiệm", ("Trạm quan trắc", "Các dãy tấm pin thí nghiệm")),
        ("Kết quả đánh giá tổn thất", ("Tổn thất do bám bẩn", "Tổn thất do nhiệt độ")),
        ("Mô hình dự báo và khuyến nghị vận hành", ("Mô hình dự báo sản lượng",
         "Hướng dẫn vận hành và bảo dưỡng")),
    ],
    short_title="Hiệu suất điện mặt trời và bụi cát",
))

TASKS.append(task(
    slug="titan-nuoc-ngam-bac-binh",
    title="Đánh giá ảnh hưởng của hoạt động khai thác, tuyển quặng titan – zircon đến tài nguyên "
          "nước dưới đất vùng cát đỏ huyện Bắc Bình",
    title_en="Effects of titanium-zircon mining and processing on groundwater in the red sand "
             "area of Bac Binh district",
    code="ĐTKH.05/2014",
    pi=P("PGS.TS.", "Nguyễn Trung Minh", "vdc"),
    secretary=P("ThS.", "Đỗ Văn Bình", "vdc"),
    members=[P("TS.", "Nguyễn Văn Phổ", "vdc"), P("ThS.", "Trần Thị Hồng Minh", "vdc"),
             P("ThS.", "Nguyễn Ngọc Quý", "stn"), P("KS.", "Phạm Văn Thanh", "qtmt")],
    host="vdc", field_code="105", start="2014-04", end="2015-12", accepted="2016-04-14",
    budget_total=1_980_000_000, budget_state=1_800_000_000,
    district="bac-binh", sectors=["titan", "moi-truong"],
    keywords=["titan", "zircon", "nước dưới đất", "cát đỏ", "mô hình dòng chảy",
              "Bắc Bình"],
    keywords_en=["titanium", "zircon", "groundwater", "red sand", "groundwater flow model",
                 "Bac Binh"],
    abstract="Vùng cát đỏ ven biển huyện Bắc Bình chứa trữ lượng lớn sa khoáng titan – zircon, "
    "đồng thời là nơi tích trữ nguồn nước dưới đất quan trọng cho sinh hoạt và sản xuất nông "
    "nghiệp của người dân. Công nghệ tuyển quặng bằng máng xoắn đòi hỏi lượng nước lớn, có thể "
    "làm hạ thấp mực nước ngầm và làm biến đổi chất lượng nước. Nhiệm vụ đã khảo sát địa chất "
    "thủy văn, khoan 12 lỗ khoan quan trắc, bơm thí nghiệm và lấy mẫu nước theo mùa tại khu vực "
    "xã Hòa Thắng và xã Hồng Phong. Mô hình dòng chảy nước dưới đất được xây dựng bằng phần "
    "mềm MODFLOW và hiệu chỉnh với số liệu quan trắc. Kết quả mô phỏng cho thấy với nhu cầu "
    "khai thác theo quy hoạch, mực nước có thể hạ thấp 3–5 m trong phạm vi 2 km quanh bãi "
    "tuyển, ảnh hưởng đến các giếng đào của người dân vào mùa khô. Chất lượng nước nhìn chung "
    "đạt quy chuẩn, riêng hàm lượng sắt và độ đục tăng cục bộ gần hồ lắng. Nhiệm vụ đề xuất "
    "ngưỡng khai thác nước an toàn, mạng lưới quan trắc thường xuyên và giải pháp tuần hoàn "
    "nước trong tuyển quặng.",
    abstract_en="The red sand area of Bac Binh district holds titanium-zircon placers and an "
    "important aquifer. Hydrogeological surveys, 12 monitoring wells, pumping tests and "
    "seasonal sampling fed a calibrated MODFLOW model, which predicts drawdowns of 3–5 m within "
    "2 km of the processing sites under planned mining. Water quality mostly meets standards "
    "except locally raised iron and turbidity. Safe abstraction limits, a monitoring network "
    "and water recycling were proposed.",
    chapters=[
        ("Đặc điểm địa chất và địa chất thủy văn", ("Đặc điểm tầng cát đỏ",
         "Các tầng chứa nước")),
        ("Hiện trạng khai thác titan – zircon", ("Các dự án khai thác và tuyển quặng",
         "Nhu cầu sử dụng nước")),
        ("Mô hình dòng chảy nước dưới đất", ("Xây dựng và hiệu chỉnh mô hình",
         "Kết quả mô phỏng theo kịch bản")),
        ("Giải pháp bảo vệ tài nguyên nước", ("Ngưỡng khai thác an toàn",
         "Mạng lưới quan trắc")),
    ],
    short_title="Titan – zircon và nước dưới đất Bắc Bình",
))

TASKS.append(task(
    slug="titan-hoan-tho-ham-tan",
    title="Nghiên cứu giải pháp cải tạo, phục hồi môi trường và trồng rừng trên đất sau khai thác "
          "titan tại huyện Hàm Tân",
    title_en="Land rehabilitation and reforestation after titanium mining in Ham Tan district",
    code="BT-KHCN-2020-02",
    pi=P("TS.", "Bùi Xuân Nam", "nlu"),
    secretary=P("ThS.", "Hoàng Thị Thu Hương", "nlu"),
    members=[P("PGS.TS.", "Phạm Văn Hiền", "nlu"), P("ThS.", "Lâm Văn Tâm", "nlu"),
             P("KS.", "Nguyễn Văn Hạnh", "stn"), P("KS.", "Trần Văn Sơn", "snn")],
    host="nlu", field_code="207", start="2020-02", end="2021-12", accepted="2022-06-09",
    budget_total=1_400_000_000, budget_state=1_250_000_000,
    district="ham-tan", sectors=["titan", "moi-truong"],
    keywords=["hoàn thổ", "titan", "phục hồi môi trường", "trồng rừng", "đất cát"],
    keywords_en=["land reclamation", "titanium", "environmental restoration",
                 "reforestation", "sandy soil"],
    abstract="Sau khai thác sa khoáng titan, đất cát bị xáo trộn, nghèo dinh dưỡng, khả năng "
    "giữ nước kém và dễ bị gió cuốn, gây khó khăn cho việc trồng lại rừng phòng hộ ven biển. "
    "Nhiệm vụ đã đánh giá hiện trạng các khu vực đã hoàn thổ tại xã Tân Thắng và xã Thắng Hải, "
    "huyện Hàm Tân, phân tích tính chất lý hóa của đất và đo suất liều phóng xạ tại các bãi thải. "
    "Thí nghiệm cải tạo đất được bố trí với các nghiệm thức bổ sung bùn hữu cơ, phân chuồng ủ "
    "hoai, than sinh học và chế phẩm giữ ẩm. Sáu loài cây được thử nghiệm gồm phi lao, keo lá "
    "tràm, keo lưỡi liềm, xoan chịu hạn, điều và cây bản địa dầu rái. Sau 18 tháng, công thức "
    "bổ sung 10 tấn phân chuồng và 5 tấn than sinh học mỗi héc-ta cho tỷ lệ sống của keo lưỡi "
    "liềm và phi lao trên 85%, độ ẩm đất tăng 40% so với đối chứng. Suất liều phóng xạ sau hoàn "
    "thổ đều dưới ngưỡng cho phép. Nhiệm vụ đã xây dựng quy trình cải tạo đất và trồng rừng "
    "sau khai thác titan, làm căn cứ để Sở Tài nguyên và Môi trường thẩm định phương án cải "
    "tạo, phục hồi môi trường của các dự án.",
    abstract_en="Mined-out titanium sands are disturbed, infertile and mobile. On rehabilitated "
    "sites in Ham Tan district the project analysed soils and radiation dose rates, tested "
    "organic sludge, manure, biochar and water-retaining amendments and trialled six tree "
    "species. After 18 months, 10 tonnes of manure plus 5 tonnes of biochar per hectare gave "
    "survival above 85% for Acacia crassicarpa and casuarina and raised soil moisture by 40%. "
    "A rehabilitation and reforestation procedure was issued.",
    chapters=[
        ("Tổng quan về hoàn thổ sau khai thác khoáng sản", ("Kinh nghiệm trong và ngoài nước",
         "Hiện trạng hoàn thổ tại Hàm Tân")),
        ("Thí nghiệm cải tạo đất", ("Bố trí thí nghiệm", "Biến đổi tính chất đất")),
        ("Thử nghiệm trồng rừng", ("Tỷ lệ sống và sinh trưởng của cây trồng",
         "Quy trình cải tạo đất và trồng rừng")),
    ],
))

TASKS.append(task(
    slug="kinh-te-dem-mui-ne",
    title="Nghiên cứu giải pháp phát triển kinh tế ban đêm gắn với khu du lịch quốc gia Mũi Né",
    title_en="Developing the night-time economy of the Mui Ne national tourist area",
    code="ĐTKH.03/2022",
    pi=P("PGS.TS.", "Huỳnh Thanh Nhã", "dhpt"),
    secretary=P("ThS.", "Võ Thị Ngọc Trinh", "dhpt"),
    members=[P("TS.", "Nguyễn Quốc Nghi", "dhpt"), P("ThS.", "Trần Đức Duy", "dhpt"),
             P("ThS.", "Lê Thị Kim Ngân", "svh"), P("CN.", "Nguyễn Văn Chiến", "hvt"),
             P("ThS.", "Phan Văn Quang", "ubpt"), P("CN.", "Đinh Thị Ngọc Yến", "dhpt")],
    host="dhpt", field_code="502", start="2022-03", end="2023-08", accepted="2023-11-28",
    budget_total=890_000_000, budget_state=890_000_000,
    district="phan-thiet", sectors=["du-lich"],
    keywords=["kinh tế ban đêm", "du lịch", "Mũi Né", "sản phẩm du lịch", "chợ đêm"],
    keywords_en=["night-time economy", "tourism", "Mui Ne", "tourism products",
                 "night market"],
    abstract="Mũi Né là khu du lịch quốc gia với hệ thống khu nghỉ dưỡng ven biển phát triển, "
    "nhưng các hoạt động vui chơi, giải trí, mua sắm về đêm còn đơn điệu, chưa giữ chân du "
    "khách và chưa tạo nguồn thu tương xứng. Nhiệm vụ đã hệ thống hóa cơ sở lý luận và kinh "
    "nghiệm phát triển kinh tế ban đêm của một số địa phương trong và ngoài nước, khảo sát 520 "
    "du khách nội địa và quốc tế, 86 cơ sở kinh doanh dịch vụ tại phường Mũi Né, phường Hàm "
    "Tiến và khu vực trung tâm thành phố Phan Thiết. Kết quả phân tích nhân tố khám phá và hồi "
    "quy cho thấy sự đa dạng sản phẩm, an ninh trật tự, giao thông kết nối và giá cả là những "
    "yếu tố ảnh hưởng mạnh nhất đến mức chi tiêu buổi tối của du khách. Chi tiêu bình quân về "
    "đêm của khách quốc tế chỉ bằng khoảng 25% tổng chi tiêu trong ngày. Nhiệm vụ đề xuất quy "
    "hoạch ba cụm không gian kinh tế đêm, phát triển phố đi bộ, chợ đêm hải sản, biểu diễn "
    "nghệ thuật dân gian Chăm và các tour trải nghiệm làng chài về đêm, cùng các cơ chế chính "
    "sách hỗ trợ doanh nghiệp. Kết quả đã được Sở Văn hóa, Thể thao và Du lịch sử dụng trong xây "
    "dựng đề án phát triển du lịch của tỉnh.",
    abstract_en="Mui Ne has well-developed beach resorts but few evening activities. The "
    "project reviewed domestic and international night-time economy models and surveyed 520 "
    "tourists and 86 businesses in Mui Ne, Ham Tien and central Phan Thiet. Product variety, "
    "security, transport links and prices drive evening spending, which for international "
    "visitors is only about a quarter of daily spending. Three night-time economy clusters, a "
    "walking street, a seafood night market and support policies were proposed.",
    chapters=[
        ("Cơ sở lý luận và kinh nghiệm thực tiễn", ("Khái niệm kinh tế ban đêm",
         "Kinh nghiệm trong và ngoài nước")),
        ("Thực trạng hoạt động kinh tế ban đêm tại Mũi Né", ("Kết quả khảo sát du khách",
         "Kết quả khảo sát cơ sở kinh doanh")),
        ("Các nhân tố ảnh hưởng đến chi tiêu về đêm", ("Mô hình nghiên cứu",
         "Kết quả phân tích hồi quy")),
        ("Giải pháp phát triển kinh tế ban đêm", ("Quy hoạch không gian",
         "Cơ chế chính sách hỗ trợ")),
    ],
    short_title="Kinh tế ban đêm Mũi Né",
))

TASKS.append(task(
    slug="du-lich-cong-dong-phu-quy",
    title="Xây dựng mô hình du lịch cộng đồng gắn với bảo tồn văn hóa biển tại huyện đảo Phú Quý",
    title_en="A community-based tourism model linked to marine cultural conservation on Phu Quy "
             "island",
    code="05/2017/HĐ-KHCN",
    pi=P("TS.", "Lê Quang Hưng", "sikhxh"),
    secretary=P("ThS.", "Nguyễn Thị Ngọc Bích", "sikhxh"),
    members=[P("PGS.TS.", "Trần Đình Thiên Lý", "sikhxh"), P("ThS.", "Phạm Thị Thu Hà", "sikhxh"),
             P("CN.", "Trương Văn Lực", "ubpq"), P("ThS.", "Huỳnh Thị Bảo Trân", "svh")],
    host="sikhxh", field_code="507", start="2017-06", end="2018-12", accepted="2019-04-16",
    budget_total=780_000_000, budget_state=700_000_000,
    district="phu-quy", sectors=["du-lich", "khoa-hoc-xa-hoi"],
    keywords=["du lịch cộng đồng", "Phú Quý", "văn hóa biển", "homestay", "bảo tồn"],
    keywords_en=["community-based tourism", "Phu Quy", "marine culture", "homestay",
                 "conservation"],
    abstract="Phú Quý là huyện đảo có cảnh quan biển hoang sơ và hệ thống di tích, lễ hội gắn "
    "với tín ngưỡng thờ cá Ông, thờ Mẫu và văn hóa làng chài độc đáo. Lượng khách du lịch ra "
    "đảo tăng nhanh nhưng dịch vụ lưu trú, ăn uống và hướng dẫn còn tự phát, lợi ích từ du "
    "lịch chưa đến được với đa số người dân. Nhiệm vụ đã kiểm kê 42 di tích và điểm tài nguyên "
    "du lịch, khảo sát 210 hộ dân và 300 du khách, đánh giá sức chứa và khả năng tham gia của "
    "cộng đồng tại xã Ngũ Phụng và xã Long Hải. Trên cơ sở đó, nhóm nghiên cứu thành lập tổ "
    "du lịch cộng đồng gồm 15 hộ, xây dựng quy chế hoạt động, bộ tiêu chuẩn homestay, ba tuyến "
    "tham quan trải nghiệm nghề biển và di sản, tài liệu thuyết minh và bộ ấn phẩm quảng bá. "
    "Trong thời gian vận hành thử, mô hình đón hơn 1.800 lượt khách, thu nhập của các hộ tham "
    "gia tăng bình quân 30%. Nhiệm vụ kiến nghị các giải pháp về quản lý rác thải, bảo tồn di "
    "tích và liên kết với doanh nghiệp lữ hành để phát triển bền vững.",
    abstract_en="Phu Quy island has unspoilt seascapes and a rich fishing-village heritage, but "
    "tourism services are informal. The project inventoried 42 heritage and tourism sites, "
    "surveyed 210 households and 300 visitors, and set up a community tourism group of 15 "
    "households with operating rules, homestay standards, three experience routes and "
    "promotional material. During the pilot the model received more than 1,800 visitors and "
    "raised participants' incomes by 30%.",
    chapters=[
        ("Tổng quan về du lịch cộng đồng", ("Cơ sở lý luận", "Tiềm năng du lịch Phú Quý")),
        ("Kiểm kê tài nguyên và khảo sát cộng đồng", ("Di tích và lễ hội",
         "Khả năng tham gia của người dân")),
        ("Xây dựng và vận hành mô hình", ("Tổ chức tổ du lịch cộng đồng",
         "Kết quả vận hành thử nghiệm")),
    ],
))

TASKS.append(task(
    slug="tang-huyet-ap-ham-thuan-nam",
    title="Thực trạng và hiệu quả can thiệp quản lý bệnh tăng huyết áp tại tuyến xã huyện Hàm "
          "Thuận Nam",
    title_en="Prevalence of hypertension and effectiveness of commune-level management in Ham "
             "Thuan Nam district",
    code="ĐTKH.08/2016",
    pi=P("BS.CKII.", "Nguyễn Văn Hiếu", "cdc"),
    secretary=P("BS.", "Trần Thị Kim Oanh", "cdc"),
    members=[P("ThS.BS.", "Lê Minh Tâm", "cdc"), P("BS.CKI.", "Phạm Văn Dũng", "bvdk"),
             P("CN.", "Nguyễn Thị Lan Anh", "cdc"), P("BS.", "Võ Thành Công", "syt")],
    host="cdc", field_code="303", start="2016-05", end="2017-11", accepted="2018-02-09",
    budget_total=560_000_000, budget_state=560_000_000,
    district="ham-thuan-nam", sectors=["y-te"],
    keywords=["tăng huyết áp", "y tế cơ sở", "can thiệp cộng đồng", "Hàm Thuận Nam",
              "quản lý bệnh mạn tính"],
    keywords_en=["hypertension", "primary health care", "community intervention",
                 "Ham Thuan Nam", "chronic disease management"],
    abstract="Tăng huyết áp là bệnh mạn tính phổ biến, là nguyên nhân hàng đầu gây đột quỵ và "
    "bệnh tim mạch, trong khi tỷ lệ người bệnh được phát hiện và quản lý tại tuyến cơ sở còn "
    "thấp. Nhiệm vụ đã tiến hành nghiên cứu cắt ngang trên 1.200 người từ 40 tuổi trở lên tại "
    "sáu xã của huyện Hàm Thuận Nam, sau đó can thiệp có đối chứng tại ba xã trong 12 tháng. "
    "Tỷ lệ tăng huyết áp là 26,8%, trong đó 41% người bệnh chưa từng được chẩn đoán và chỉ 22% "
    "được kiểm soát huyết áp đạt mục tiêu. Các yếu tố liên quan gồm tuổi cao, thừa cân, ăn mặn, "
    "uống rượu bia và ít vận động. Gói can thiệp gồm sàng lọc tại cộng đồng, lập hồ sơ quản lý "
    "tại trạm y tế, cấp thuốc định kỳ, câu lạc bộ người bệnh và truyền thông thay đổi hành vi. "
    "Sau can thiệp, tỷ lệ người bệnh được quản lý tăng từ 18% lên 64%, tỷ lệ kiểm soát huyết "
    "áp đạt mục tiêu tăng lên 51%, khác biệt có ý nghĩa so với nhóm chứng. Mô hình đã được Sở "
    "Y tế đề nghị nhân rộng tại các trạm y tế trong tỉnh.",
    abstract_en="A cross-sectional study of 1,200 adults aged 40 and over in six communes of "
    "Ham Thuan Nam district found a hypertension prevalence of 26.8%, with 41% undiagnosed and "
    "only 22% controlled. A 12-month controlled intervention with community screening, patient "
    "records at commune health stations, regular drug supply, patient clubs and behaviour "
    "change communication raised the share of managed patients from 18% to 64% and blood "
    "pressure control to 51%.",
    chapters=[
        ("Tổng quan tài liệu", ("Dịch tễ học bệnh tăng huyết áp",
         "Quản lý tăng huyết áp tại tuyến y tế cơ sở")),
        ("Đối tượng và phương pháp nghiên cứu", ("Thiết kế nghiên cứu",
         "Nội dung can thiệp")),
        ("Kết quả nghiên cứu", ("Thực trạng tăng huyết áp", "Hiệu quả can thiệp")),
        ("Bàn luận", ("Về thực trạng và yếu tố liên quan", "Về hiệu quả mô hình can thiệp")),
    ],
    short_title="Quản lý tăng huyết áp tại Hàm Thuận Nam",
))

TASKS.append(task(
    slug="dot-quy-tieu-soi-huyet",
    title="Ứng dụng kỹ thuật tiêu sợi huyết đường tĩnh mạch trong điều trị nhồi máu não cấp tại "
          "Bệnh viện Đa khoa tỉnh Bình Thuận",
    title_en="Intravenous thrombolysis for acute ischaemic stroke at Binh Thuan General Hospital",
    code="BT-KHCN-2019-04",
    pi=P("BS.CKII.", "Lê Văn Tư", "bvdk"),
    secretary=P("ThS.BS.", "Nguyễn Thị Thu Trang", "bvdk"),
    members=[P("TS.BS.", "Trần Công Thắng", "bvdk"), P("BS.CKI.", "Đặng Quốc Huy", "bvdk"),
             P("BS.CKI.", "Phan Thị Mỹ Dung", "bvdk"), P("CN.", "Lê Thị Hồng Nhung", "bvdk"),
             P("DS.", "Trần Minh Hoàng", "bvdk")],
    host="bvdk", field_code="302", start="2019-03", end="2020-12", accepted="2021-03-15",
    budget_total=1_050_000_000, budget_state=850_000_000,
    district="phan-thiet", sectors=["y-te"],
    keywords=["đột quỵ", "nhồi máu não", "tiêu sợi huyết", "alteplase", "thang điểm NIHSS"],
    keywords_en=["stroke", "ischaemic stroke", "thrombolysis", "alteplase", "NIHSS"],
    abstract="Đột quỵ não là nguyên nhân tử vong và tàn phế hàng đầu ở người trưởng thành. Điều "
    "trị tiêu sợi huyết bằng alteplase đường tĩnh mạch trong cửa sổ 4,5 giờ là phương pháp "
    "hiệu quả nhưng trước khi thực hiện nhiệm vụ chưa được triển khai thường quy tại Bình "
    "Thuận, người bệnh phải chuyển lên tuyến trên và thường quá thời gian điều trị. Nhiệm vụ đã "
    "xây dựng quy trình báo động đột quỵ nội viện, đào tạo ê-kíp cấp cứu, thần kinh, chẩn đoán "
    "hình ảnh và xét nghiệm, chuẩn hóa các bảng kiểm chỉ định và chống chỉ định. Trong 18 "
    "tháng, 112 người bệnh nhồi máu não cấp được điều trị tiêu sợi huyết. Thời gian từ khi "
    "nhập viện đến khi dùng thuốc trung bình giảm từ 78 phút xuống 52 phút. Sau 3 tháng, 54,5% "
    "người bệnh hồi phục tốt với điểm Rankin sửa đổi từ 0 đến 1; tỷ lệ chảy máu não có triệu "
    "chứng là 5,4%, tương đương các nghiên cứu trong nước. Nhiệm vụ đã góp phần hình thành đơn "
    "vị đột quỵ của bệnh viện, giảm chuyển tuyến và chi phí điều trị cho người bệnh.",
    abstract_en="Intravenous alteplase within 4.5 hours is effective for acute ischaemic stroke "
    "but was not routine in Binh Thuan. The project set up an in-hospital stroke alert, trained "
    "multidisciplinary teams and standardised eligibility checklists. Over 18 months 112 "
    "patients were treated; door-to-needle time fell from 78 to 52 minutes, 54.5% had a "
    "modified Rankin score of 0–1 at three months and symptomatic haemorrhage occurred in "
    "5.4%.",
    chapters=[
        ("Tổng quan", ("Đột quỵ nhồi máu não", "Điều trị tiêu sợi huyết đường tĩnh mạch")),
        ("Đối tượng và phương pháp", ("Tiêu chuẩn chọn bệnh", "Quy trình điều trị và theo dõi")),
        ("Kết quả và bàn luận", ("Đặc điểm người bệnh", "Hiệu quả và tính an toàn")),
    ],
))

TASKS.append(task(
    slug="le-hoi-cham-bac-binh",
    title="Nghiên cứu, sưu tầm và bảo tồn lễ hội truyền thống của đồng bào Chăm huyện Bắc Bình",
    title_en="Research, collection and conservation of traditional festivals of the Cham "
             "community in Bac Binh district",
    code="ĐT.03/2012",
    pi=P("PGS.TS.", "Phan Văn Dốp", "sikhxh"),
    secretary=P("ThS.", "Đàng Năng Thọ", "sikhxh"),
    members=[P("TS.", "Thành Phần", "sikhxh"), P("ThS.", "Quảng Đại Cẩn", "svh"),
             P("CN.", "Hán Thị Thu Vân", "svh"), P("CN.", "Lưu Quang Sanh", "ubbb")],
    host="sikhxh", field_code="601", start="2012-03", end="2013-09", accepted="2014-01-16",
    budget_total=540_000_000, budget_state=540_000_000,
    district="bac-binh", sectors=["khoa-hoc-xa-hoi", "du-lich"],
    keywords=["người Chăm", "lễ hội Katê", "di sản văn hóa phi vật thể", "Bắc Bình",
              "bảo tồn"],
    keywords_en=["Cham people", "Kate festival", "intangible cultural heritage", "Bac Binh",
                 "conservation"],
    abstract="Huyện Bắc Bình là nơi cư trú tập trung của đồng bào Chăm ở Bình Thuận, còn lưu "
    "giữ nhiều lễ hội truyền thống như Katê, Ramưwan, lễ cầu đảo và các nghi lễ nông nghiệp "
    "gắn với chu kỳ canh tác. Trong bối cảnh đô thị hóa và giao lưu văn hóa, nhiều nghi thức, "
    "bài tụng ca và nghề thủ công phục vụ lễ hội đang có nguy cơ mai một. Nhiệm vụ đã tiến hành "
    "điền dã tại 9 làng Chăm thuộc các xã Phan Hiệp, Phan Hòa, Phan Thanh và thị trấn Chợ Lầu, "
    "ghi hình 14 lễ hội và nghi lễ, phỏng vấn 60 chức sắc, nghệ nhân và người cao tuổi, sưu "
    "tầm 36 văn bản chữ Chăm cổ liên quan đến nghi lễ. Kết quả nghiên cứu làm rõ cấu trúc, "
    "chức năng và những biến đổi của các lễ hội qua các thời kỳ, xác định những yếu tố cần ưu "
    "tiên bảo tồn. Nhiệm vụ đã xây dựng cơ sở dữ liệu tư liệu số gồm hình ảnh, phim và bản "
    "dịch văn bản cổ, đề xuất các giải pháp bảo tồn dựa vào cộng đồng và khai thác có chọn lọc "
    "giá trị lễ hội phục vụ phát triển du lịch văn hóa.",
    abstract_en="Bac Binh district is home to many Cham villages that keep festivals such as "
    "Kate and Ramuwan. Fieldwork in nine villages recorded 14 festivals and rituals, "
    "interviewed 60 dignitaries, artisans and elders and collected 36 old Cham manuscripts. "
    "The study describes the structure, functions and changes of the festivals, built a "
    "digital archive and proposed community-based conservation and selective use for cultural "
    "tourism.",
    chapters=[
        ("Tổng quan về cộng đồng Chăm Bắc Bình", ("Lịch sử cư trú",
         "Đời sống kinh tế và tôn giáo")),
        ("Hệ thống lễ hội truyền thống", ("Lễ hội Katê", "Các nghi lễ nông nghiệp")),
        ("Biến đổi và giải pháp bảo tồn", ("Những biến đổi hiện nay",
         "Giải pháp bảo tồn dựa vào cộng đồng")),
    ],
))

TASKS.append(task(
    slug="nha-dam-huu-co-tuy-phong",
    title="Xây dựng chuỗi giá trị sản xuất nha đam hữu cơ tại huyện Tuy Phong, tỉnh Bình Thuận",
    title_en="An organic aloe vera value chain in Tuy Phong district, Binh Thuan province",
    code="ĐTKH.01/2022",
    pi=P("TS.", "Phan Công Kiên", "nhaho"),
    secretary=P("ThS.", "Nguyễn Thị Thanh Tâm", "nhaho"),
    members=[P("ThS.", "Lê Ngọc Báu", "nhaho"), P("ThS.", "Trần Văn Đức", "nhaho"),
             P("KS.", "Phạm Thị Huệ", "knbt"), P("KS.", "Nguyễn Văn Thái", "ubtp"),
             P("KS.", "Huỳnh Tấn Phát", "ttbvtv")],
    host="nhaho", field_code="401", start="2022-04", end="2024-03", accepted="2024-06-27",
    budget_total=1_650_000_000, budget_state=1_200_000_000,
    district="tuy-phong", sectors=["nong-nghiep"],
    keywords=["nha đam", "nông nghiệp hữu cơ", "chuỗi giá trị", "Tuy Phong", "TCVN 11041"],
    keywords_en=["aloe vera", "organic agriculture", "value chain", "Tuy Phong", "TCVN 11041"],
    abstract="Nha đam là cây trồng thích nghi tốt với điều kiện đất cát và khí hậu khô hạn của "
    "huyện Tuy Phong, là nguồn nguyên liệu cho công nghiệp thực phẩm và mỹ phẩm. Tuy nhiên, sản "
    "xuất hiện nay nhỏ lẻ, lạm dụng phân bón hóa học và thuốc bảo vệ thực vật, chưa có liên kết "
    "ổn định với doanh nghiệp chế biến. Nhiệm vụ đã đánh giá điều kiện đất, nước và hiện trạng "
    "canh tác của 80 hộ trồng nha đam tại xã Phước Thể, xã Vĩnh Hảo và thị trấn Liên Hương; "
    "nghiên cứu các biện pháp kỹ thuật về giống, mật độ, phân bón hữu cơ và phòng trừ sâu bệnh "
    "bằng chế phẩm sinh học. Mô hình sản xuất nha đam hữu cơ quy mô 10 ha được xây dựng với 18 "
    "hộ tham gia, được chứng nhận phù hợp TCVN 11041-2:2017. Năng suất đạt 92 tấn/ha/năm, "
    "hàm lượng gel và chất lượng lá đáp ứng yêu cầu của doanh nghiệp thu mua; lợi nhuận cao hơn "
    "sản xuất thông thường 24% nhờ giá bán tăng. Nhiệm vụ đã thành lập tổ hợp tác, ký hợp đồng "
    "bao tiêu với doanh nghiệp chế biến và ban hành quy trình canh tác nha đam hữu cơ.",
    abstract_en="Aloe vera suits the sandy, dry conditions of Tuy Phong district but is grown in "
    "small plots with heavy agrochemical use. The project assessed 80 farms, tested varieties, "
    "densities, organic fertilisers and biological pest control, and built a 10-hectare organic "
    "model with 18 households certified to TCVN 11041-2:2017. Yields reached 92 tonnes per "
    "hectare per year and profit rose by 24%; a cooperative group signed purchase contracts "
    "with a processor.",
    chapters=[
        ("Tổng quan", ("Cây nha đam và giá trị sử dụng", "Sản xuất nha đam tại Tuy Phong")),
        ("Nghiên cứu biện pháp kỹ thuật", ("Giống và mật độ trồng",
         "Phân bón hữu cơ và phòng trừ sâu bệnh")),
        ("Xây dựng mô hình hữu cơ", ("Tổ chức sản xuất và chứng nhận", "Năng suất và chất lượng")),
        ("Liên kết chuỗi giá trị", ("Tổ hợp tác và hợp đồng bao tiêu",
         "Hiệu quả kinh tế của chuỗi")),
    ],
    short_title="Chuỗi giá trị nha đam hữu cơ Tuy Phong",
))

TASKS.append(task(
    slug="xu-ly-nuoc-nhiem-phen-tanh-linh",
    title="Nghiên cứu thiết kế hệ thống xử lý nước sinh hoạt quy mô hộ gia đình cho vùng nhiễm "
          "phèn huyện Tánh Linh",
    title_en="Household drinking water treatment units for alum-affected areas of Tanh Linh "
             "district",
    code="BT-KHCN-2015-06",
    pi=P("ThS.", "Trần Văn Thạnh", "ttud"),
    secretary=P("KS.", "Nguyễn Thị Mai Phương", "ttud"),
    members=[P("TS.", "Nguyễn Phước Dân", "bkhcm"), P("ThS.", "Võ Văn Đông", "qtmt"),
             P("KS.", "Lê Thanh Hải", "ctmt"), P("KS.", "Nguyễn Văn Nhân", "ttud")],
    host="ttud", field_code="207", start="2015-05", end="2016-10", accepted="2017-01-19",
    budget_total=620_000_000, budget_state=560_000_000,
    district="tanh-linh", sectors=["moi-truong"],
    keywords=["nhiễm phèn", "xử lý nước", "nước sinh hoạt", "sắt", "Tánh Linh"],
    keywords_en=["alum contamination", "water treatment", "domestic water", "iron",
                 "Tanh Linh"],
    abstract="Nhiều khu dân cư nông thôn của huyện Tánh Linh sử dụng nước giếng khoan, giếng đào "
    "bị nhiễm phèn, có hàm lượng sắt, mangan cao và pH thấp, ảnh hưởng đến sức khỏe và sinh "
    "hoạt của người dân. Nhiệm vụ đã lấy và phân tích 180 mẫu nước giếng tại 8 xã, xây dựng bản "
    "đồ phân vùng mức độ nhiễm phèn trên nền GIS. Kết quả cho thấy 63% số giếng có hàm lượng sắt "
    "tổng vượt QCVN 01-1:2018/BYT, nhiều giếng vượt từ 5 đến 12 lần, pH dao động 4,8–6,2. Trên "
    "cơ sở thành phần nước, nhóm nghiên cứu thiết kế thiết bị xử lý quy mô hộ gia đình gồm "
    "tháp làm thoáng, bể lọc nhiều lớp với cát thạch anh, vật liệu nâng pH, than hoạt tính và "
    "cột trao đổi ion, công suất 1 m³ mỗi ngày. Ba mươi bộ thiết bị được lắp đặt thử nghiệm tại "
    "thị trấn Lạc Tánh, xã Bắc Ruộng và xã Đồng Kho. Sau sáu tháng vận hành, nước sau xử lý đạt "
    "quy chuẩn về sắt, mangan, pH và độ đục; chi phí đầu tư khoảng 4,5 triệu đồng mỗi bộ, chi "
    "phí vận hành thấp. Nhiệm vụ đã chuyển giao bản vẽ thiết kế và hướng dẫn vận hành cho các "
    "cơ sở cơ khí địa phương.",
    abstract_en="Many rural households in Tanh Linh district use wells affected by alum, with "
    "high iron and manganese and low pH. Analysis of 180 wells showed 63% above the national "
    "iron limit and produced a GIS contamination map. A 1 m³ per day household unit with "
    "aeration, multi-layer filtration, pH adjustment, activated carbon and ion exchange was "
    "designed; 30 units installed in three communes delivered water meeting standards at about "
    "4.5 million dong each.",
    chapters=[
        ("Tổng quan", ("Hiện trạng nước sinh hoạt nông thôn", "Các công nghệ xử lý sắt, mangan")),
        ("Đánh giá chất lượng nước giếng", ("Lấy mẫu và phân tích",
         "Bản đồ phân vùng nhiễm phèn")),
        ("Thiết kế và thử nghiệm thiết bị", ("Thiết kế thiết bị xử lý",
         "Kết quả vận hành thử nghiệm")),
    ],
))

TASKS.append(task(
    slug="csdl-khcn-gis-binh-thuan",
    title="Xây dựng cơ sở dữ liệu và bản đồ số kết quả nhiệm vụ khoa học và công nghệ tỉnh Bình "
          "Thuận",
    title_en="A database and digital map of science and technology task results in Binh Thuan "
             "province",
    code="08/2018/HĐ-KHCN",
    pi=P("TS.", "Nguyễn Quốc Nghi", "dhpt"),
    secretary=P("ThS.", "Lê Hoàng Long", "dhpt"),
    members=[P("ThS.", "Trần Minh Quân", "dhpt"), P("ThS.", "Phạm Thị Ngọc Diễm", "sokhcn"),
             P("KS.", "Vũ Văn Hải", "stt"), P("CN.", "Nguyễn Thị Hương Giang", "ttud")],
    host="dhpt", field_code="102", start="2018-09", end="2020-02", accepted="2020-07-23",
    budget_total=1_125_000_000, budget_state=1_125_000_000,
    district="phan-thiet", sectors=["cong-nghe-thong-tin"], parent=SO_KHCN,
    keywords=["cơ sở dữ liệu", "GIS", "kết quả nghiên cứu", "khoa học và công nghệ",
              "chuyển đổi số"],
    keywords_en=["database", "GIS", "research results", "science and technology",
                 "digital transformation"],
    abstract="Sau hơn ba mươi năm tái lập tỉnh, Bình Thuận đã triển khai hàng trăm nhiệm vụ khoa "
    "học và công nghệ các cấp, nhưng hồ sơ kết quả chủ yếu lưu trữ dạng giấy, phân tán ở nhiều "
    "đơn vị, khó tra cứu và khai thác. Nhiệm vụ đã thu thập, số hóa và chuẩn hóa thông tin của "
    "412 nhiệm vụ được nghiệm thu trong giai đoạn 1992–2019, xây dựng bộ siêu dữ liệu theo "
    "Thông tư 14/2014/TT-BKHCN gồm tên nhiệm vụ, chủ nhiệm, tổ chức chủ trì, lĩnh vực, kinh "
    "phí, thời gian, địa điểm ứng dụng và tóm tắt kết quả. Hệ thống phần mềm được phát triển "
    "trên nền tảng web với cơ sở dữ liệu PostgreSQL/PostGIS, cho phép tìm kiếm toàn văn, thống "
    "kê theo lĩnh vực, năm và địa bàn, hiển thị địa điểm ứng dụng kết quả trên bản đồ số của "
    "tỉnh. Hệ thống được thử nghiệm với 45 cán bộ quản lý và nhà khoa học, thời gian tra cứu "
    "giảm từ vài ngày xuống vài phút. Nhiệm vụ đã bàn giao phần mềm, cơ sở dữ liệu, mã nguồn và "
    "tài liệu hướng dẫn cho Sở Khoa học và Công nghệ, góp phần nâng cao hiệu quả quản lý và ứng "
    "dụng kết quả nghiên cứu vào thực tiễn.",
    abstract_en="Records of the hundreds of S&T tasks carried out in Binh Thuan are mostly on "
    "paper and scattered. The project digitised and standardised 412 tasks accepted in "
    "1992–2019 using a metadata set based on Circular 14/2014/TT-BKHCN, and developed a web "
    "system on PostgreSQL/PostGIS with full-text search, statistics and a digital map of where "
    "results are applied. Tested with 45 users, it cut look-up time from days to minutes and "
    "was handed over to the Department of Science and Technology.",
    chapters=[
        ("Tổng quan", ("Hiện trạng quản lý kết quả nhiệm vụ KH&CN",
         "Các hệ thống cơ sở dữ liệu KH&CN")),
        ("Thu thập và chuẩn hóa dữ liệu", ("Bộ siêu dữ liệu", "Số hóa hồ sơ kết quả")),
        ("Phân tích, thiết kế hệ thống", ("Kiến trúc hệ thống", "Cơ sở dữ liệu không gian")),
        ("Triển khai và thử nghiệm", ("Cài đặt và vận hành thử", "Đánh giá của người dùng")),
        ("Chuyển giao và duy trì", ("Bàn giao sản phẩm", "Đề xuất cơ chế cập nhật dữ liệu")),
    ],
    short_title="CSDL kết quả nhiệm vụ KH&CN Bình Thuận",
))

# Older tasks whose reports exist only as scans (rendered as images without a text layer).

TASKS.append(task(
    slug="ghep-cai-tao-vuon-dieu-duc-linh",
    title="Ứng dụng kỹ thuật ghép cải tạo vườn điều năng suất thấp tại huyện Đức Linh",
    title_en="Top-grafting to rehabilitate low-yielding cashew orchards in Duc Linh district",
    code="ĐT.06/2010",
    pi=P("ThS.", "Phạm Văn Biên", "nlu"),
    secretary=P("KS.", "Lê Thị Thu Hồng", "nlu"),
    members=[P("KS.", "Nguyễn Văn Tám", "knbt"), P("KS.", "Hoàng Văn Thọ", "ttbvtv"),
             P("CN.", "Đỗ Thị Lài", "snn")],
    host="nlu", field_code="401", start="2010-04", end="2011-10", accepted="2012-02-23",
    budget_total=390_000_000, budget_state=390_000_000,
    district="duc-linh", sectors=["nong-nghiep"],
    keywords=["cây điều", "ghép cải tạo", "giống PN1", "Đức Linh"],
    keywords_en=["cashew", "top-grafting", "PN1 variety", "Duc Linh"],
    abstract="Cây điều là cây trồng chủ lực của huyện Đức Linh, nhưng phần lớn vườn điều được "
    "trồng từ hạt giống thực sinh, cây già cỗi, năng suất bình quân chỉ đạt 0,6–0,8 tấn hạt "
    "mỗi héc-ta. Nhiệm vụ đã điều tra hiện trạng 100 vườn điều tại thị trấn Võ Xu, xã Trà Tân "
    "và xã Nam Chính, tuyển chọn các giống điều cao sản PN1, AB0508 và AB2907 làm nguồn chồi "
    "ghép. Kỹ thuật cưa đốn thân chính, nuôi chồi tái sinh và ghép chồi được áp dụng trên 12 ha "
    "vườn điều của 30 hộ nông dân, kết hợp bón phân cân đối và phòng trừ bọ xít muỗi, sâu đục "
    "thân theo hướng quản lý dịch hại tổng hợp. Tỷ lệ ghép sống đạt 86–91%, cây ghép cho trái "
    "ngay năm thứ hai sau ghép; đến năm thứ ba, năng suất đạt 1,6 tấn hạt mỗi héc-ta, gấp "
    "khoảng hai lần vườn đối chứng. Nhiệm vụ đã biên soạn quy trình kỹ thuật ghép cải tạo vườn "
    "điều, tổ chức 6 lớp tập huấn và hai cuộc hội thảo đầu bờ cho hơn 300 lượt nông dân, tạo "
    "cơ sở nhân rộng trên địa bàn các huyện phía nam của tỉnh.",
    abstract_en="Most cashew orchards in Duc Linh district are old seedling trees yielding "
    "0.6–0.8 tonnes of nuts per hectare. The project top-grafted 12 hectares of 30 farms with "
    "PN1, AB0508 and AB2907 scions combined with balanced fertilisation and integrated pest "
    "management. Graft survival reached 86–91% and yields 1.6 tonnes per hectare in the third "
    "year, about twice the control; a procedure was issued and over 300 farmers were trained.",
    chapters=[
        ("Tổng quan", ("Cây điều ở Bình Thuận", "Kỹ thuật ghép cải tạo")),
        ("Phương pháp", ("Điều tra hiện trạng", "Xây dựng mô hình ghép cải tạo")),
        ("Kết quả", ("Tỷ lệ ghép sống và sinh trưởng", "Năng suất và hiệu quả kinh tế")),
    ],
    scanned=True,
))

TASKS.append(task(
    slug="chi-dan-dia-ly-mu-trom-tuy-phong",
    title="Xây dựng hồ sơ đăng ký bảo hộ chỉ dẫn địa lý \"Tuy Phong\" cho sản phẩm mủ trôm",
    title_en="Registration dossier for the \"Tuy Phong\" geographical indication for sterculia "
             "gum",
    code="ĐTKH.10/2013",
    pi=P("ThS.", "Trần Ngọc Bích", "ttud"),
    secretary=P("CN.", "Võ Thị Hồng Nhi", "ttud"),
    members=[P("TS.", "Nguyễn Văn Định", "nlu"), P("KS.", "Lê Văn Mười", "ubtp"),
             P("KS.", "Đặng Thị Liên", "tdc"), P("CN.", "Phan Văn Hậu", "sokhcn")],
    host="ttud", field_code="401", start="2013-06", end="2014-12", accepted="2015-03-31",
    budget_total=450_000_000, budget_state=450_000_000,
    district="tuy-phong", sectors=["nong-nghiep"],
    keywords=["mủ trôm", "chỉ dẫn địa lý", "Tuy Phong", "sở hữu trí tuệ", "đặc sản"],
    keywords_en=["sterculia gum", "geographical indication", "Tuy Phong",
                 "intellectual property", "local speciality"],
    abstract="Mủ trôm Tuy Phong là đặc sản nổi tiếng của tỉnh Bình Thuận, được khai thác từ cây "
    "trôm mọc tự nhiên và trồng trên vùng đất cát khô hạn ven biển. Do chưa được bảo hộ, thị "
    "trường xuất hiện nhiều sản phẩm mủ trôm trộn tạp chất hoặc không rõ nguồn gốc, làm ảnh "
    "hưởng đến uy tín và thu nhập của người sản xuất. Nhiệm vụ đã điều tra phân bố cây trôm và "
    "tình hình khai thác tại 11 xã, thị trấn của huyện Tuy Phong, phân tích 45 mẫu mủ trôm để "
    "xác định các chỉ tiêu đặc thù về độ trương nở, độ nhớt, hàm lượng polysaccharide và độ "
    "tinh khiết, đồng thời làm rõ mối liên hệ giữa chất lượng sản phẩm với điều kiện tự nhiên "
    "và kỹ thuật khai thác truyền thống của địa phương. Nhóm nghiên cứu đã khoanh vùng địa lý "
    "tương ứng với chỉ dẫn, xây dựng bản đồ vùng sản xuất tỷ lệ 1:50.000, bản mô tả tính chất "
    "đặc thù, quy chế quản lý và sử dụng chỉ dẫn địa lý. Hồ sơ đăng ký đã được nộp và Cục Sở "
    "hữu trí tuệ chấp nhận đơn hợp lệ, làm cơ sở để nâng cao giá trị sản phẩm mủ trôm.",
    abstract_en="Tuy Phong sterculia gum is a coastal speciality that suffers from adulterated "
    "products. The project surveyed the trees and tapping in 11 communes, analysed 45 gum "
    "samples for swelling, viscosity, polysaccharide content and purity, mapped the production "
    "area at 1:50,000 and drafted the specification and management rules. The geographical "
    "indication application was accepted as formally valid by the IP Office of Viet Nam.",
    chapters=[
        ("Tổng quan", ("Cây trôm và sản phẩm mủ trôm", "Chỉ dẫn địa lý")),
        ("Điều tra và phân tích", ("Điều tra vùng sản xuất", "Tính chất đặc thù của sản phẩm")),
        ("Hồ sơ đăng ký", ("Bản đồ khu vực địa lý", "Quy chế quản lý chỉ dẫn địa lý")),
    ],
    scanned=True,
))

TASKS.append(task(
    slug="may-say-ca-com",
    title="Thiết kế, chế tạo máy sấy cá cơm sử dụng năng lượng mặt trời kết hợp nhiệt sinh khối",
    title_en="A solar and biomass anchovy dryer",
    code="BT-KHCN-2012-09",
    pi=P("TS.", "Hà Văn Tâm", "dhpt"),
    secretary=P("KS.", "Nguyễn Minh Hiếu", "dhpt"),
    members=[P("ThS.", "Trịnh Minh Khôi", "dhpt"), P("KS.", "Phạm Văn Nhân", "ccts"),
             P("KS.", "Lê Hữu Tài", "dhpt")],
    host="dhpt", field_code="203", start="2012-05", end="2013-10", accepted="2014-01-08",
    budget_total=585_000_000, budget_state=500_000_000,
    district="phan-thiet", sectors=["co-khi", "thuy-san", "dien-mat-troi"],
    keywords=["máy sấy", "cá cơm", "năng lượng mặt trời", "sinh khối", "chế biến thủy sản"],
    keywords_en=["dryer", "anchovy", "solar energy", "biomass", "fish processing"],
    abstract="Cá cơm sấy khô là mặt hàng chế biến quan trọng của các làng nghề ven biển Phan "
    "Thiết, nhưng phương pháp phơi nắng truyền thống phụ thuộc thời tiết, thời gian khô kéo dài, "
    "sản phẩm dễ nhiễm bụi, ruồi nhặng và giảm giá trị vào mùa mưa. Nhiệm vụ đã khảo sát 40 cơ "
    "sở chế biến tại phường Phú Hài, phường Đức Thắng và xã Tiến Thành, xác định yêu cầu công "
    "nghệ và điều kiện sử dụng. Nhóm nghiên cứu đã tính toán, thiết kế và chế tạo máy sấy kiểu "
    "buồng khay công suất 300 kg cá tươi mỗi mẻ, sử dụng bộ thu nhiệt mặt trời dạng tấm phẳng "
    "kết hợp lò đốt sinh khối từ vỏ điều và củi tận dụng để cấp nhiệt bổ sung khi trời mưa. "
    "Kết quả chạy thử cho thấy thời gian sấy giảm còn 8–10 giờ, độ ẩm sản phẩm đạt 18–20%, màu "
    "sắc sáng và đồng đều, chỉ tiêu vi sinh đạt yêu cầu. Chi phí nhiên liệu giảm 45% so với "
    "sấy bằng than đá. Bản vẽ thiết kế và hướng dẫn vận hành đã được chuyển giao cho cơ sở "
    "sản xuất thử nghiệm.",
    abstract_en="Sun-drying of anchovies in Phan Thiet depends on the weather. The project "
    "designed and built a 300 kg tray dryer combining flat-plate solar collectors with a "
    "biomass furnace burning cashew shells and wood waste. Drying took 8–10 hours to 18–20% "
    "moisture with good colour and microbiological quality, and fuel cost fell by 45% compared "
    "with coal-fired drying.",
    chapters=[
        ("Tổng quan", ("Công nghệ sấy thủy sản", "Hiện trạng sấy cá cơm tại Phan Thiết")),
        ("Thiết kế máy sấy", ("Tính toán nhiệt", "Kết cấu buồng sấy và lò đốt")),
        ("Chế tạo và thử nghiệm", ("Chế tạo máy", "Kết quả chạy thử")),
    ],
    scanned=True,
))

BORN_DIGITAL = [t for t in TASKS if not t.scanned]
SCANNED = [t for t in TASKS if t.scanned]
assert len({t.slug for t in TASKS}) == len(TASKS)

# --------------------------------------------------------------------------------------------
# References: (year, text).  Only those published up to the acceptance year are cited.
# --------------------------------------------------------------------------------------------

GENERAL_REFERENCES = [
    (2014, "Bộ Khoa học và Công nghệ (2014), Thông tư số 14/2014/TT-BKHCN quy định việc thu "
           "thập, đăng ký, lưu giữ và công bố thông tin về nhiệm vụ khoa học và công nghệ."),
    (2013, "Quốc hội (2013), Luật Khoa học và Công nghệ số 29/2013/QH13."),
    (2009, "Bộ Khoa học và Công nghệ (2009), Thông tư số 12/2009/TT-BKHCN hướng dẫn đánh giá "
           "nghiệm thu đề tài khoa học và công nghệ."),
    (2011, "Sở Khoa học và Công nghệ tỉnh Bình Thuận (2011), Báo cáo tổng kết hoạt động khoa "
           "học và công nghệ giai đoạn 2006–2010, Phan Thiết."),
]

SECTOR_REFERENCES: dict[str, list[tuple[int, str]]] = {
    "thanh-long": [
        (1997, "Mizrahi Y., Nerd A., Nobel P.S. (1997), Cacti as crops, Horticultural Reviews "
               "18: 291–319."),
        (2008, "Bộ Nông nghiệp và Phát triển nông thôn (2008), Quyết định số 379/QĐ-BNN-KHCN "
               "ban hành Quy trình thực hành sản xuất nông nghiệp tốt cho rau, quả tươi an toàn "
               "(VietGAP)."),
        (2006, "Cục Sở hữu trí tuệ (2006), Giấy chứng nhận đăng ký nhãn hiệu tập thể \"Bình "
               "Thuận DRAGON FRUIT\"."),
    ],
    "nuoc-mam": [
        (2001, "Lopetcharat K., Choi Y.J., Park J.W., Daeschel M.A. (2001), Fish sauce products "
               "and manufacturing: a review, Food Reviews International 17(1): 65–88."),
        (2018, "Bộ Khoa học và Công nghệ (2018), TCVN 5107:2018 Nước mắm."),
        (2009, "Quốc hội (2009), Luật Sở hữu trí tuệ số 50/2005/QH11, sửa đổi, bổ sung theo "
               "Luật số 36/2009/QH12."),
        (2007, "Cục Sở hữu trí tuệ (2007), Quyết định số 364/QĐ-SHTT về việc đăng bạ chỉ dẫn "
               "địa lý \"Phan Thiết\" cho sản phẩm nước mắm."),
    ],
    "thuy-san": [
        (2018, "FAO (2018), The State of World Fisheries and Aquaculture 2018 – Meeting the "
               "sustainable development goals, Rome."),
        (2017, "Quốc hội (2017), Luật Thủy sản số 18/2017/QH14."),
        (2014, "Mujumdar A.S., ed. (2014), Handbook of Industrial Drying, 4th edition, CRC "
               "Press, Boca Raton."),
    ],
    "dien-gio": [
        (2009, "Manwell J.F., McGowan J.G., Rogers A.L. (2009), Wind Energy Explained: Theory, "
               "Design and Application, 2nd edition, Wiley, Chichester."),
        (2012, "Bộ Công Thương (2012), Quyết định số 4715/QĐ-BCT phê duyệt Quy hoạch phát triển "
               "điện gió tỉnh Bình Thuận giai đoạn 2011–2020, tầm nhìn đến năm 2030."),
        (2011, "Thủ tướng Chính phủ (2011), Quyết định số 37/2011/QĐ-TTg về cơ chế hỗ trợ phát "
               "triển các dự án điện gió tại Việt Nam."),
    ],
    "dien-mat-troi": [
        (2010, "Mani M., Pillai R. (2010), Impact of dust on solar photovoltaic (PV) "
               "performance: research status, challenges and recommendations, Renewable and "
               "Sustainable Energy Reviews 14(9): 3124–3131."),
        (2017, "Thủ tướng Chính phủ (2017), Quyết định số 11/2017/QĐ-TTg về cơ chế khuyến khích "
               "phát triển các dự án điện mặt trời tại Việt Nam."),
    ],
    "titan": [
        (2013, "Thủ tướng Chính phủ (2013), Quyết định số 1546/QĐ-TTg phê duyệt quy hoạch thăm "
               "dò, khai thác, chế biến và sử dụng quặng titan giai đoạn đến năm 2020, có xét "
               "đến năm 2030."),
        (2005, "Harbaugh A.W. (2005), MODFLOW-2005, the U.S. Geological Survey modular "
               "ground-water model – the ground-water flow process, Techniques and Methods "
               "6-A16."),
        (2010, "Quốc hội (2010), Luật Khoáng sản số 60/2010/QH12."),
    ],
    "du-lich": [
        (1988, "Parasuraman A., Zeithaml V.A., Berry L.L. (1988), SERVQUAL: a multiple-item "
               "scale for measuring consumer perceptions of service quality, Journal of "
               "Retailing 64(1): 12–40."),
        (2017, "Quốc hội (2017), Luật Du lịch số 09/2017/QH14."),
        (2009, "Goodwin H., Santilli R. (2009), Community-based tourism: a success?, ICRT "
               "Occasional Paper 11."),
    ],
    "y-te": [
        (2010, "Bộ Y tế (2010), Quyết định số 3192/QĐ-BYT ban hành Hướng dẫn chẩn đoán và điều "
               "trị tăng huyết áp."),
        (2013, "World Health Organization (2013), A global brief on hypertension, Geneva."),
        (2019, "Powers W.J. et al. (2019), Guidelines for the early management of patients "
               "with acute ischemic stroke: 2019 update, Stroke 50(12): e344–e418."),
    ],
    "khoa-hoc-xa-hoi": [
        (2009, "Quốc hội (2009), Luật Di sản văn hóa số 28/2001/QH10, sửa đổi, bổ sung theo "
               "Luật số 32/2009/QH12."),
        (2003, "UNESCO (2003), Convention for the Safeguarding of the Intangible Cultural "
               "Heritage, Paris."),
    ],
    "nong-nghiep": [
        (2017, "Bộ Khoa học và Công nghệ (2017), TCVN 11041-2:2017 Nông nghiệp hữu cơ – Phần 2: "
               "Trồng trọt hữu cơ."),
        (2008, "Bộ Nông nghiệp và Phát triển nông thôn (2008), Quyết định số 379/QĐ-BNN-KHCN "
               "ban hành Quy trình thực hành sản xuất nông nghiệp tốt cho rau, quả tươi an toàn "
               "(VietGAP)."),
    ],
    "moi-truong": [
        (2018, "Bộ Y tế (2018), QCVN 01-1:2018/BYT Quy chuẩn kỹ thuật quốc gia về chất lượng "
               "nước sạch sử dụng cho mục đích sinh hoạt."),
        (2009, "Bộ Y tế (2009), QCVN 02:2009/BYT Quy chuẩn kỹ thuật quốc gia về chất lượng "
               "nước sinh hoạt."),
        (2014, "Quốc hội (2014), Luật Bảo vệ môi trường số 55/2014/QH13."),
    ],
    "cong-nghe-thong-tin": [
        (2006, "Quốc hội (2006), Luật Công nghệ thông tin số 67/2006/QH11."),
        (2020, "Thủ tướng Chính phủ (2020), Quyết định số 749/QĐ-TTg phê duyệt Chương trình "
               "Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030."),
    ],
    "co-khi": [
        (2014, "Mujumdar A.S., ed. (2014), Handbook of Industrial Drying, 4th edition, CRC "
               "Press, Boca Raton."),
    ],
}
