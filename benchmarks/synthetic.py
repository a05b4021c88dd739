"""Synthetic records and queries for the search benchmarks: deterministic, lazy, fast.

    from benchmarks import synthetic          # or: import synthetic (from benchmarks/)
    for record in synthetic.records(1_000_000):   # a generator: nothing is held in memory
        ...
    queries = synthetic.queries(500)              # two-word queries, some without diacritics
    filters = synthetic.query_filters(500)        # two facet selections per query

Records have the ``schemas.records.RecordSchema`` shape (plus ``id``): kind, document type,
Vietnamese title, abstract, keywords and 1-3 KB of full text with diacritics, host organisation,
people, field of science, sectors, dates, statuses, TRL, district, language and access level
(about 3 % restricted, 5 % metadata only). Facet values are vocabulary keys
(``schemas/vocabularies``); words come from per-sector banks built from the sector vocabulary's
labels and synonyms plus the hand-written terms below, drawn with Zipf-like frequencies, so a few
terms are in most records and most terms in few, as in real text.

Speed: full texts are joined from a pool of sentences composed once per sector (the pool is
Zipf-sampled, so term frequencies stay Zipf-like), which generates well over 20,000 records/s.
The same ``seed`` always gives the same records, in chunks of ``CHUNK`` seeded independently,
so ``records(n)`` is a prefix of ``records(m)`` for n < m.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # a fallback: PYTHONPATH or the installed project come first
    sys.path.append(str(ROOT))

from indexer.search.vietnamese import fold  # noqa: E402
from schemas import vocabularies  # noqa: E402

CHUNK = 1_000
POOL_SENTENCES = 1_500  # composed sentences per sector
ZIPF_EXPONENT = 1.05  # of the words in records
QUERY_EXPONENT = 0.6  # of the terms queries are drawn from

# Function words: the most frequent tokens of any Vietnamese text.
FUNCTION_WORDS = (
    "của", "và", "các", "được", "trong", "cho", "với", "là", "có", "những", "để", "từ", "theo",
    "tại", "trên", "này", "đã", "đến", "một", "về", "khi", "như", "nhằm", "không", "cũng", "đó",
    "nhiều", "hơn", "giữa", "sau", "trước", "đồng thời", "bao gồm", "thông qua", "đối với",
    "nhưng", "hoặc", "còn", "rất", "đều", "bằng", "do", "nên", "vì vậy", "tuy nhiên", "ngoài ra",
    "cụ thể", "chủ yếu", "hiện nay", "trong đó",
)

# Research vocabulary shared by every sector, most frequent first.
GENERAL_TERMS = (
    "nghiên cứu", "ứng dụng", "quy trình", "công nghệ", "sản xuất", "chất lượng", "hiệu quả",
    "mô hình", "giải pháp", "phát triển", "đánh giá", "thực trạng", "kỹ thuật", "xây dựng",
    "sản phẩm", "tỉnh Bình Thuận", "người dân", "doanh nghiệp", "kết quả", "đề xuất", "khảo sát",
    "thử nghiệm", "thí nghiệm", "phương pháp", "hệ thống", "thị trường", "kinh tế", "xã hội",
    "địa phương", "hợp tác xã", "nông hộ", "năng suất", "giá trị", "chuỗi giá trị", "liên kết",
    "tiêu thụ", "xuất khẩu", "tiêu chuẩn", "quy chuẩn", "an toàn", "bền vững", "chuyển giao",
    "thương mại hóa", "sở hữu trí tuệ", "nhãn hiệu", "chỉ dẫn địa lý", "đăng ký", "bảo hộ",
    "tập huấn", "đào tạo", "nhân rộng", "triển khai", "vận hành", "thiết kế", "chế tạo",
    "lắp đặt", "kiểm định", "phân tích", "chỉ tiêu", "mẫu", "số liệu", "cơ sở dữ liệu", "bản đồ",
    "quản lý", "quy hoạch", "chính sách", "cơ chế", "nguồn lực", "nguồn vốn", "ngân sách",
    "chi phí", "lợi nhuận", "doanh thu", "hiệu quả kinh tế", "tác động", "rủi ro", "thích ứng",
    "nâng cao", "cải tiến", "tối ưu", "tự động hóa", "số hóa", "giám sát", "dự báo", "cảnh báo",
    "kiểm soát", "xử lý", "bảo quản", "chế biến", "sau thu hoạch", "nguyên liệu", "phụ phẩm",
    "chế phẩm", "vi sinh vật", "enzyme", "hóa chất", "dinh dưỡng", "độ ẩm", "nhiệt độ",
    "công suất", "điện năng", "tiết kiệm", "năng lượng", "vật liệu", "thiết bị", "máy móc",
    "dây chuyền", "nhà xưởng", "quy mô", "diện tích", "sản lượng", "mật độ", "tỷ lệ",
    "hàm lượng", "kết luận", "kiến nghị", "mục tiêu", "nội dung", "phạm vi", "đối tượng",
    "giai đoạn", "tiến độ", "nghiệm thu", "hội đồng", "chủ nhiệm", "cơ quan chủ trì",
    "tổ chức", "cá nhân", "cộng đồng", "vùng nguyên liệu", "nông thôn", "đô thị", "ven biển",
    "miền núi", "hải đảo", "khí hậu", "thời tiết", "mùa mưa", "mùa khô", "đất đai", "nguồn nước",
    "đổi mới sáng tạo", "khởi nghiệp", "hội nhập", "cạnh tranh", "thương hiệu", "truyền thông",
    "phối hợp", "hướng dẫn", "tài liệu", "báo cáo", "thống kê", "điều tra", "phỏng vấn",
    "bảng hỏi", "mô phỏng", "thực nghiệm", "đối chứng", "nghiệm thức", "lặp lại", "sai số",
    "độ tin cậy", "tương quan", "hồi quy", "xu hướng", "biến động", "tăng trưởng", "suy giảm",
    "ổn định", "hạn chế", "nguyên nhân", "thuận lợi", "khó khăn", "cơ hội", "thách thức",
    "định hướng", "lộ trình", "kế hoạch", "chương trình", "dự án", "nhiệm vụ", "đề tài",
)

# Sector terms on top of each sector vocabulary's label and synonyms.
SECTOR_TERMS = {
    "thanh-long": (
        "ra hoa trái vụ", "chong đèn", "đèn LED", "bệnh đốm nâu", "nấm Neoscytalidium",
        "độ Brix", "phân bón hữu cơ", "tưới nhỏ giọt", "trụ bê tông", "cành thanh long",
        "tỉa cành", "thụ phấn", "xử lý nước nóng", "bảo quản lạnh", "rượu vang thanh long",
        "mứt thanh long", "sấy dẻo", "nhà vườn", "thương lái", "truy xuất nguồn gốc",
    ),
    "nuoc-mam": (
        "độ đạm", "nitơ toàn phần", "histamine", "thùng gỗ", "bể xi măng", "muối hạt",
        "thủy phân", "protease", "cảm quan", "HACCP", "mùi hôi", "đóng chai", "nhãn mác",
        "cá cơm than", "chượp chín", "an toàn thực phẩm", "cơ sở chế biến",
    ),
    "thuy-san": (
        "mực lá", "mực ống", "sấy bơm nhiệt", "ao nuôi", "lồng bè", "thức ăn công nghiệp",
        "dịch bệnh", "bệnh đốm trắng", "tôm sú", "cá mú", "cá bớp", "hàu", "ốc hương",
        "ngư cụ", "lưới kéo", "giám sát hành trình", "khai thác xa bờ", "con giống",
    ),
    "dien-gio": (
        "tốc độ gió", "cột đo gió", "điện gió ngoài khơi", "móng trụ", "hòa lưới",
        "đường dây truyền tải", "trạm biến áp", "công suất lắp đặt", "cánh quạt", "hộp số",
        "bảo trì", "tiếng ồn", "chim di cư", "tiềm năng gió",
    ),
    "dien-mat-troi": (
        "bức xạ mặt trời", "inverter", "lưu trữ năng lượng", "ắc quy", "hiệu suất chuyển đổi",
        "bụi bẩn", "vệ sinh tấm pin", "trang trại điện mặt trời", "giờ nắng",
        "cắt giảm công suất", "lưới điện", "hòa lưới",
    ),
    "titan": (
        "rutil", "monazit", "tuyển quặng", "tuyển trọng lực", "tuyển từ", "hoàn thổ",
        "cát trắng", "đồi cát", "phóng xạ", "tinh quặng zircon", "pigment", "chế biến sâu",
        "luyện kim", "bãi thải",
    ),
    "du-lich": (
        "điểm đến", "sản phẩm du lịch", "nhà hàng", "lễ hội", "văn hóa Chăm", "đồi cát bay",
        "biển Mũi Né", "khách quốc tế", "du lịch cộng đồng", "xúc tiến", "quảng bá",
        "chất lượng dịch vụ", "nguồn nhân lực du lịch", "mùa cao điểm",
    ),
    "y-te": (
        "tăng huyết áp", "đái tháo đường", "sốt xuất huyết", "sốt rét", "dinh dưỡng trẻ em",
        "suy dinh dưỡng", "tiêm chủng", "dược liệu", "thuốc nam", "y tế cơ sở",
        "bác sĩ gia đình", "xét nghiệm", "kháng sinh", "người cao tuổi", "bệnh truyền nhiễm",
    ),
    "khoa-hoc-xa-hoi": (
        "tháp Chăm", "Po Sah Inư", "lễ hội Katê", "dân tộc thiểu số", "phong tục",
        "tín ngưỡng", "nghề truyền thống", "gốm Bình Đức", "dệt thổ cẩm", "giảm nghèo",
        "an sinh xã hội", "lao động", "việc làm", "di cư", "gia đình",
    ),
    "nong-nghiep": (
        "giống lúa", "năng suất lúa", "điều ghép", "nhà màng", "tưới tiết kiệm",
        "cơ giới hóa", "phân hữu cơ vi sinh", "thuốc bảo vệ thực vật", "bò lai", "dê cừu",
        "gà thả vườn", "khô hạn", "giống cây trồng", "mùa vụ",
    ),
    "moi-truong": (
        "quan trắc", "chất lượng nước", "nước mặt", "hồ chứa", "đập thủy lợi", "bùn thải",
        "khí thải", "rác thải nhựa", "xói lở bờ biển", "rừng phòng hộ", "trồng rừng",
        "hoang mạc hóa", "lượng mưa", "mực nước ngầm",
    ),
    "cong-nghe-thong-tin": (
        "nền tảng số", "ứng dụng web", "máy chủ", "điện toán đám mây", "bảo mật",
        "an toàn thông tin", "dữ liệu lớn", "học máy", "nhận dạng ảnh", "cảm biến", "IoT",
        "thương mại điện tử", "dịch vụ công trực tuyến", "bản đồ số",
    ),
    "co-khi": (
        "máy bóc vỏ", "máy thu hoạch", "lò hơi", "băng tải", "động cơ", "tiện", "phay", "hàn",
        "khuôn ép", "thép không gỉ", "gia công CNC", "thiết kế 3D", "tiết kiệm nhiên liệu",
    ),
}

# IPC symbols a patent of each sector is plausibly classified in.
SECTOR_IPC = {
    "thanh-long": ("A23L 19/00", "A23B 7/02", "A01G 9/00", "C12G 3/04", "A23N 12/08"),
    "nuoc-mam": ("A23L 27/50", "A23L 17/00", "C12N 9/50", "B65D 85/72"),
    "thuy-san": ("A01K 61/00", "A23B 4/03", "A23L 17/40", "F26B 9/06"),
    "dien-gio": ("F03D 1/00", "F03D 7/02", "H02J 3/38"),
    "dien-mat-troi": ("H02S 40/00", "H01L 31/04", "H02J 7/35", "F24S 10/00"),
    "titan": ("C22B 34/12", "B03B 5/00", "C01G 23/047", "B03C 1/00"),
    "du-lich": ("G06Q 50/14", "A47C 17/00"),
    "y-te": ("A61K 36/00", "A61B 5/00", "A61P 35/00", "G01N 33/48"),
    "khoa-hoc-xa-hoi": ("G09B 19/00", "G06Q 50/20"),
    "nong-nghiep": ("A01C 21/00", "A01N 63/00", "C05F 11/08", "A01D 45/00", "A01G 25/02"),
    "moi-truong": ("C02F 3/00", "C02F 1/44", "B09B 3/00", "G01N 33/18"),
    "cong-nghe-thong-tin": ("G06F 16/00", "G06Q 10/06", "H04L 67/12", "G06N 3/08"),
    "co-khi": ("F26B 17/00", "B23K 37/00", "A23N 5/00", "B65G 15/00"),
}

ENGLISH_TERMS = (
    "research", "application", "process", "technology", "production", "quality", "model",
    "solution", "development", "assessment", "province", "farmers", "enterprises", "market",
    "value chain", "export", "standard", "processing", "preservation", "yield", "efficiency",
    "renewable energy", "wind power", "solar power", "dragon fruit", "fish sauce", "seafood",
    "tourism", "health care", "environment", "water resources", "software", "machinery",
)

FAMILY_NAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lâm", "Mai",
)
MIDDLE_NAMES = (
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Hoàng", "Xuân", "Công",
    "Thành", "Kim",
)
GIVEN_NAMES = (
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương",
    "Khoa", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Phúc", "Quang",
    "Sơn", "Tâm", "Thảo", "Thắng", "Thu", "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến",
)
ACADEMIC_TITLES = ("GS.TS.", "PGS.TS.", "TS.", "ThS.", "KS.", "CN.", "BS.CKII.")
COMPANY_WORDS = (
    "Hưng Phát", "Thành Công", "Phương Nam", "Biển Xanh", "Mặt Trời", "Đại Dương", "Tân Tiến",
    "Hoàng Long", "Phú Quý", "Thuận Phát", "Việt Nhật", "Sao Mai", "Đông Á", "Trường Sơn",
)
TITLE_VERBS = (
    "Nghiên cứu", "Nghiên cứu ứng dụng", "Ứng dụng", "Xây dựng mô hình", "Hoàn thiện quy trình",
    "Đánh giá thực trạng và đề xuất giải pháp", "Thiết kế, chế tạo", "Điều tra, khảo sát",
    "Phát triển", "Chuyển giao công nghệ", "Nghiên cứu giải pháp nâng cao",
)
PATENT_HEADS = ("Thiết bị", "Phương pháp", "Quy trình", "Hệ thống", "Chế phẩm", "Máy")

SECTOR_ORDER = (  # most common first
    "thanh-long", "thuy-san", "nong-nghiep", "nuoc-mam", "moi-truong", "du-lich", "y-te",
    "dien-mat-troi", "dien-gio", "cong-nghe-thong-tin", "co-khi", "titan", "khoa-hoc-xa-hoi",
)
KINDS = {
    "research_result": 70, "patent": 15, "utility_solution": 10, "industrial_design": 3,
    "trademark": 2,
}
APPLICATION_DIGIT = {"patent": 1, "utility_solution": 2, "industrial_design": 3, "trademark": 4}
RESULT_STATUSES = {
    "accepted": 35, "registered": 15, "screening": 10, "applied": 10, "ready_to_offer": 8,
    "transferred": 6, "negotiation": 4, "ip_pending": 4, "valuation": 2, "rights_decision": 2,
    "auto_owned_by_host": 2, "not_commercialisable": 1, "withdrawn": 1,
}
RESULT_IP = {"none": 85, "granted": 4, "filed": 5, "published": 3, "substantive_exam": 3}
PATENT_IP = {
    "granted": 30, "in_force": 15, "published": 15, "substantive_exam": 15, "filed": 10,
    "refused": 5, "lapsed": 4, "withdrawn": 3, "expired": 3,
}
TRL_WEIGHTS = {None: 15, 1: 1, 2: 2, 3: 4, 4: 6, 5: 8, 6: 8, 7: 6, 8: 4, 9: 2}
ACCESS_LEVELS = {"public": 92, "metadata_only": 5, "restricted": 3}
YEARS = {year: year - 1995 for year in range(2000, 2026)}
FULL_TEXT_BYTES = (1_000, 3_000)
# Facets a benchmark query may select (those the current schema has are used).
FILTER_FACETS = ("sector", "year", "status", "kind", "place", "ip_status", "trl", "field")


def zipf(items, exponent: float = ZIPF_EXPONENT) -> tuple[list, list[float]]:
    """(items, cumulative weights) with weight 1 / (rank + 1) ** exponent, in the given order."""
    items = list(items)
    weights = [1.0 / (rank + 1) ** exponent for rank in range(len(items))]
    return items, list(itertools.accumulate(weights))


def _table(weights: dict) -> tuple[list, list[float]]:
    return list(weights), list(itertools.accumulate(weights.values()))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _unique(items) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


@cache
def sector_terms(sector: str) -> tuple[str, ...]:
    """The sector's words: vocabulary label and synonyms, then our terms (most frequent first)."""
    term = vocabularies.load("sectors")[sector]
    synonyms = term.get("synonyms", {}).get("vi", [])
    return tuple(_unique([_lower_first(term["vi"]), *synonyms, *SECTOR_TERMS.get(sector, ())]))


@cache
def place_names() -> dict[str, tuple[str, ...]]:
    """District key -> names as running text writes them (label, then synonyms)."""
    places = vocabularies.load("places")
    return {
        key: tuple(_unique([_lower_first(places[key]["vi"]),
                            *places[key].get("synonyms", {}).get("vi", [])]))
        for key in places
    }


@cache
def organisations() -> tuple[str, ...]:
    """Host organisations, most frequent first: the vocabulary's, then generated ones."""
    names = [term["vi"] for term in vocabularies.load("organisations").values()]
    places = [names_[1] if len(names_) > 1 else names_[0] for names_ in place_names().values()]
    sectors = vocabularies.load("sectors")
    for word, place in itertools.product(COMPANY_WORDS, places):
        names.append(f"Công ty TNHH {word} {place}")
    for sector, place in itertools.product(SECTOR_ORDER, places):
        names.append(f"Hợp tác xã {sectors[sector]['vi']} {place}")
    for place in places:
        names.append(f"Trung tâm Khuyến nông {place}")
        names.append(f"Trung tâm Y tế {place}")
    return tuple(_unique(names))


@cache
def _field_codes() -> tuple[str, ...]:
    return tuple(key for key, term in vocabularies.load("fields_of_science").items()
                 if term.get("level") == 2)


@cache
def _technology_field(symbol: str) -> str | None:
    """The WIPO technology field of an IPC symbol (longest prefix of ipc_technology)."""
    best, length = None, 0
    compact = symbol.replace(" ", "")
    for key, term in vocabularies.load("ipc_technology").items():
        for prefix in term.get("ipc_prefixes", ()):
            if compact.startswith(prefix.replace(" ", "")) and len(prefix) > length:
                best, length = key, len(prefix)
    return best


def _numbers(rng: random.Random) -> list[str]:
    units = ("%", " tấn/ha", " ha", " m²", " °C", " ngày", " kg", " triệu đồng", " hộ", " mẫu")
    values = []
    for _ in range(300):
        value = rng.choice((rng.randint(2, 999), round(rng.uniform(0.5, 99.9), 1)))
        values.append(f"{value}".replace(".", ",") + rng.choice(units))
    return values


@cache
def sentence_pool(sector: str, seed: int = 0) -> tuple[str, ...]:
    """Sentences of a sector: Zipf-sampled words of the function, general, sector, place and
    number banks (mixed 30/38/22/5/5 %). Composed once; full texts are joined from them."""
    rng = random.Random(f"pool:{sector}:{seed}")
    banks = [
        (FUNCTION_WORDS, 0.30),
        (GENERAL_TERMS, 0.38),
        (sector_terms(sector), 0.22),
        (tuple(itertools.chain.from_iterable(place_names().values())), 0.05),
        (tuple(_numbers(rng)), 0.05),
    ]
    units: list[str] = []
    weights: list[float] = []
    for bank, share in banks:
        ranked = [1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(bank))]
        total = sum(ranked)
        units.extend(bank)
        weights.extend(share * weight / total for weight in ranked)
    cumulative = list(itertools.accumulate(weights))
    pool = []
    for _ in range(POOL_SENTENCES):
        words = rng.choices(units, cum_weights=cumulative, k=rng.randint(8, 22))
        sentence = " ".join(words)
        pool.append(sentence[:1].upper() + sentence[1:] + ".")
    return tuple(pool)


@cache
def english_pool(seed: int = 0) -> tuple[str, ...]:
    rng = random.Random(f"pool:en:{seed}")
    function = ("the", "of", "and", "in", "for", "to", "with", "on", "by", "a", "is", "are")
    units, cumulative = zipf(function + ENGLISH_TERMS)
    pool = []
    for _ in range(POOL_SENTENCES):
        sentence = " ".join(rng.choices(units, cum_weights=cumulative, k=rng.randint(8, 22)))
        pool.append(sentence[:1].upper() + sentence[1:] + ".")
    return tuple(pool)


class _Tables:
    """Everything a record is drawn from, computed once per seed."""

    def __init__(self, seed: int):
        self.sectors = zipf(SECTOR_ORDER, 0.8)
        self.sector_terms = {sector: zipf(sector_terms(sector)) for sector in SECTOR_ORDER}
        self.general = zipf(GENERAL_TERMS)
        self.pools = {sector: sentence_pool(sector, seed) for sector in SECTOR_ORDER}
        self.english = english_pool(seed)
        self.organisations = zipf(organisations(), 0.9)
        self.places = zipf(place_names(), 0.7)
        self.place_names = place_names()
        self.kinds = _table(KINDS)
        self.result_statuses = _table(RESULT_STATUSES)
        self.result_ip = _table(RESULT_IP)
        self.patent_ip = _table(PATENT_IP)
        self.trl = _table(TRL_WEIGHTS)
        self.access = _table(ACCESS_LEVELS)
        self.years = _table(YEARS)
        self.fields = _field_codes()
        self.sector_field = {
            key: term.get("field_of_science") for key, term in vocabularies.load("sectors").items()
        }
        self.sector_labels = {
            key: term["vi"] for key, term in vocabularies.load("sectors").items()
        }
        self.sizes = {  # UTF-8 bytes of each pool sentence with its joining space; the mean last
            name: [len(sentence.encode()) + 1 for sentence in pool]
            for name, pool in (*self.pools.items(), ("en", self.english))
        }
        for sizes in self.sizes.values():
            sizes.append(sum(sizes) / len(sizes))


@cache
def _tables(seed: int) -> _Tables:
    return _Tables(seed)


def _pick(rng: random.Random, table: tuple[list, list[float]]):
    items, cumulative = table
    return rng.choices(items, cum_weights=cumulative)[0]


def _full_text(rng: random.Random, head: str, pool: tuple[str, ...], sizes: list[int]) -> str:
    """``head`` and pool sentences up to a size drawn uniformly from FULL_TEXT_BYTES."""
    target = rng.randint(*FULL_TEXT_BYTES) - len(head.encode())
    chosen = rng.choices(range(len(pool)), k=max(1, int(target / sizes[-1]) - 1))
    size = sum(sizes[index] for index in chosen)
    while size < target:
        index = rng.randrange(len(pool))
        chosen.append(index)
        size += sizes[index]
    return head + " ".join(pool[index] for index in chosen)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def record(number: int, rng: random.Random, seed: int = 0) -> dict:
    """Synthetic record number ``number``, drawn from ``rng``."""
    t = _tables(seed)
    sectors = [_pick(rng, t.sectors)]
    if rng.random() < 0.2:
        other = _pick(rng, t.sectors)
        if other != sectors[0]:
            sectors.append(other)
    sector = sectors[0]
    kind = _pick(rng, t.kinds)
    is_result = kind == "research_result"
    year = _pick(rng, t.years)
    place = _pick(rng, t.places) if rng.random() < 0.95 else None
    place_text = rng.choice(t.place_names[place]) if place else "tỉnh Bình Thuận"
    term = _pick(rng, t.sector_terms[sector])
    general = _pick(rng, t.general)
    english = rng.random() < 0.05
    people = [{"name": _name(rng), "role": "principal_investigator" if is_result else "inventor",
               "title": rng.choice(ACADEMIC_TITLES)}]
    people += [{"name": _name(rng), "role": "member" if is_result else "inventor"}
               for _ in range(rng.randint(0, 5 if is_result else 2))]
    if english:
        title = " ".join(rng.choices(ENGLISH_TERMS, k=rng.randint(4, 9))).capitalize()
        abstract = " ".join(rng.choices(t.english, k=rng.randint(3, 6)))
        full_text = _full_text(rng, "", t.english, t.sizes["en"])
    else:
        if is_result:
            title = f"{rng.choice(TITLE_VERBS)} {term} {general} tại {place_text}"
        else:
            title = f"{rng.choice(PATENT_HEADS)} {term} {general}"
        pool = t.pools[sector]
        lead = "Đề tài" if is_result else "Giải pháp"
        sentences = rng.choices(pool, k=rng.randint(3, 6))
        abstract = f"{lead} {_lower_first(title)}. " + " ".join(sentences)
        full_text = _full_text(rng, f"{title}\n", pool, t.sizes[sector])
    more = [_pick(rng, t.sector_terms[sector]) for _ in range(rng.randint(2, 4))]
    keywords = _unique([term, *more, _pick(rng, t.general)])
    field = t.sector_field.get(sector) if rng.random() < 0.75 else rng.choice(t.fields)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    result = {
        "id": f"syn-{number:08d}",
        "kind": kind,
        "document_type": "final_report" if is_result else "patent_document",
        "title": title,
        "title_en": None,
        "abstract": abstract,
        "language": "en" if english else "vi",
        "keywords": keywords,
        "host_organisation": _pick(rng, t.organisations),
        "people": people,
        "field_of_science": field,
        "sectors": sectors,
        "trl": _pick(rng, t.trl),
        "place": {"district": place, "province": "binh-thuan"} if place else {},
        "access_level": _pick(rng, t.access),
        "full_text": full_text,
    }
    if not english and rng.random() < 0.3:
        result["title_en"] = " ".join(rng.choices(ENGLISH_TERMS, k=rng.randint(4, 8))).capitalize()
    if is_result:
        result["commercialisation_status"] = _pick(rng, t.result_statuses)
        result["ip_status"] = _pick(rng, t.result_ip)
        result["identifiers"] = {"task_code": f"ĐTKH.{number % 97:02d}/{year}"}
        result["dates"] = {
            "start": f"{year - 2}-{month:02d}", "accepted": f"{year}-{month:02d}-{day:02d}"
        }
    else:
        ip_status = _pick(rng, t.patent_ip)
        symbols = _unique(rng.choices(SECTOR_IPC[sector], k=rng.randint(1, 2)))
        result["commercialisation_status"] = _pick(rng, t.result_statuses)
        result["ip_status"] = ip_status
        result["ipc_classes"] = symbols
        result["technology_fields"] = _unique(_technology_field(symbol) for symbol in symbols)
        application = f"{APPLICATION_DIGIT[kind]}-{year}-{number % 100_000:05d}"
        result["identifiers"] = {"application_number": application}
        dates = {"filed": f"{year}-{month:02d}-{day:02d}"}
        if ip_status in ("granted", "in_force", "lapsed", "expired"):
            dates["granted"] = f"{min(year + 2, 2025)}-{month:02d}-{day:02d}"
        result["dates"] = dates
    return result


def records(count: int, seed: int = 0, start: int = 0) -> Iterator[dict]:
    """Records ``start`` .. ``count - 1``, lazily; the same seed always gives the same records."""
    chunk = start // CHUNK
    rng = random.Random(f"records:{seed}:{chunk}")
    for _ in range(start - chunk * CHUNK):  # skip to ``start`` inside its chunk
        record(0, rng, seed)
    for number in range(start, count):
        if number % CHUNK == 0 and number != start:
            rng = random.Random(f"records:{seed}:{number // CHUNK}")
        yield record(number, rng, seed)


def queries(count: int, seed: int = 1, folded_share: float = 0.3) -> list[str]:
    """Two-word queries from the banks the records are written from: 70 % from a sector's terms,
    30 % from the general research terms, with flatter Zipf weights than the texts (people search
    for topics more evenly than writers repeat words), two consecutive words of the term drawn
    (or two terms' words). About ``folded_share`` are typed without diacritics ("nuoc mam")."""
    t = _tables(0)
    banks = {sector: zipf(sector_terms(sector), QUERY_EXPONENT) for sector in SECTOR_ORDER}
    general = zipf(GENERAL_TERMS, QUERY_EXPONENT)
    rng = random.Random(f"queries:{seed}")
    result = []
    while len(result) < count:
        bank = banks[_pick(rng, t.sectors)] if rng.random() < 0.7 else general
        words = _pick(rng, bank).split()
        if len(words) > 2:
            start = rng.randrange(len(words) - 1)
            words = words[start : start + 2]
        while len(words) < 2:
            word = rng.choice(_pick(rng, bank).split())
            if word.lower() != words[0].lower():
                words.append(word)
        query = " ".join(words).lower()
        result.append(fold(query) if rng.random() < folded_share else query)
    return result


def query_filters(count: int, facets=None, seed: int = 2, selections: int = 2) -> list[dict]:
    """``count`` filter selections, each of ``selections`` facets with one value taken from a
    synthetic record (so values are as common as they are in the corpus). ``facets`` is the
    ``schemas.search_fields.FACETS`` of the engine under test (default: the current ones)."""
    from indexer.search.documents import search_document

    if facets is None:
        from schemas.search_fields import FACETS as facets
    by_name = {facet.name: facet for facet in facets}
    names = [name for name in FILTER_FACETS if name in by_name]
    rng = random.Random(f"filters:{seed}")
    result: list[dict] = []
    while len(result) < count:
        doc = search_document(record(0, rng))
        if doc is None:
            continue
        chosen: dict[str, list[str]] = {}
        for name in rng.sample(names, len(names)):
            value = doc.get(by_name[name].field)
            value = value[0] if isinstance(value, list) and value else value
            if value not in (None, "", []):
                chosen[name] = [str(value)]
            if len(chosen) == selections:
                break
        result.append(chosen)
    return result


def main() -> None:
    """Print generation speed and a sample: ``python benchmarks/synthetic.py [COUNT]``."""
    import json
    import time

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    _tables(0)
    started = time.perf_counter()
    total_bytes = sum(len(item["full_text"].encode()) for item in records(count))
    seconds = time.perf_counter() - started
    print(f"generated {count:,} records in {seconds:.1f} s = {count / seconds:,.0f} records/s "
          f"(full text {total_bytes / count:,.0f} bytes on average)")
    print(json.dumps(next(records(1)), ensure_ascii=False, indent=1)[:1500])
    print("queries:", ", ".join(queries(12)))
    print("filters:", query_filters(3))


if __name__ == "__main__":
    main()
