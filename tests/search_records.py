"""The sample records both search suites index, and the small helpers that ask an engine about them.

``tests/test_search_conformance.py`` puts every engine through these records and
``tests/test_search_tantivy.py`` the embedded engine's own details: one set of records, so an
answer expected in one suite is the answer expected in the other.
"""

from __future__ import annotations

from indexer.search.engine import SearchRequest, SearchResponse


def record(id_, title, **fields):
    base = {
        "id": id_,
        "kind": "research_result",
        "document_type": "final_report",
        "title": title,
        "language": "vi",
        "commercialisation_status": "accepted",
        "ip_status": "none",
        "access_level": "public",
    }
    return base | fields


RECORDS = [
    record(
        "nm-chat-luong",
        "Nghiên cứu nâng cao chất lượng nước mắm Phan Thiết",
        abstract="Đề tài chuẩn hóa quy trình ủ chượp cá cơm để sản xuất nước mắm đạt độ đạm cao.",
        keywords=["nước mắm", "cá cơm", "độ đạm"],
        host_organisation="Hội Nước mắm Phan Thiết",
        sectors=["nuoc-mam", "thuy-san"],
        field_of_science="40501",
        dates={"start": "2019-01", "accepted": "2021-06-30"},
        commercialisation_status="offered",
        place={"district": "phan-thiet"},
        trl=6,
        full_text="Chương 2. Quy trình ủ chượp truyền thống trong thùng gỗ.",
    ),
    record(
        "nm-len-men",
        "Ứng dụng công nghệ lên men nhanh trong sản xuất nước mắm",
        abstract="Rút ngắn thời gian lên men chượp bằng enzyme protease.",
        sectors=["nuoc-mam"],
        field_of_science="20901",
        dates={"accepted": "2019"},
        place={"district": "phan-thiet"},
        host_organisation="Viện Công nghệ sinh học",
        trl=5,
    ),
    record(
        "nm-khu-mui",
        "Phương pháp khử mùi tanh của nước mắm",
        kind="patent",
        document_type="patent_document",
        abstract="Sáng chế đề cập đến phương pháp khử mùi bằng than hoạt tính.",
        sectors=["nuoc-mam"],
        field_of_science="20901",
        ipc_classes=["A23L 27/50"],
        technology_fields=["18"],
        identifiers={"application_number": "1-2020-01234"},
        dates={"filed": "2020-02-01", "granted": "2022-09-12"},
        ip_status="granted",
        commercialisation_status="licensed",
        people=[{"name": "Lê Thị Hoa", "role": "inventor"}],
    ),
    record(
        "tuoi-mam-thanh-long",
        "Tưới nước tiết kiệm cho mầm cây thanh long",
        abstract="Hệ thống tưới nhỏ giọt cho cây thanh long giai đoạn ra mầm.",
        sectors=["thanh-long"],
        field_of_science="40101",
        dates={"accepted": "2020-11"},
        place={"district": "ham-thuan-nam"},
    ),
    record(
        "nuoc-mam-khong-dau",
        "Ca com va nuoc mam Ham Ninh",  # typed without diacritics, as legacy records often are
        sectors=["nuoc-mam"],
        dates={"end": "2016"},
    ),
    record(
        "thanh-long-vietgap",
        "Quy trình trồng thanh long ruột đỏ theo VietGAP tại Hàm Thuận Nam",
        abstract="Quy trình canh tác thanh long ruột đỏ đạt chứng nhận VietGAP.",
        keywords=["thanh long", "VietGAP"],
        sectors=["thanh-long"],
        field_of_science="40101",
        dates={"accepted": "2020-05"},
        place={"district": "ham-thuan-nam"},
        commercialisation_status="commercialised",
        host_organisation="Trung tâm Khuyến nông Bình Thuận",
        trl=8,
    ),
    record(
        "thanh-long-bao-quan",
        "Bảo quản thanh long sau thu hoạch bằng màng bao ăn được",
        abstract="Màng bao <script>alert('x')</script> giúp thanh long giữ tươi 30 ngày & hơn.",
        sectors=["thanh-long"],
        field_of_science="40601",
        dates={"accepted": "2018-12"},
        trl=4,
    ),
    record(
        "thanh-long-che-pham",
        "Chế phẩm sinh học phòng bệnh đốm nâu trên cây thanh long",
        kind="utility_solution",
        document_type="patent_document",
        sectors=["thanh-long"],
        dates={"filed": "2023-04"},
        ip_status="filed",
        people=[{"name": "Đặng Văn Đức", "role": "inventor"}],
        ipc_classes=["A01N 63/30"],
        technology_fields=["15", "29"],
        identifiers={"application_number": "2-2023-00077", "task_code": "ĐTKH.04/2019"},
    ),
    record(
        "dragon-fruit-drying",
        "Solar drying of dragon fruit slices",
        title_en="Solar drying of dragon fruit slices",
        abstract="We dried dragon fruit slices in a solar tunnel dryer.",
        language="en",
        sectors=["thanh-long"],
        dates={"published": "2022"},
        full_text="The tunnel dryer reached 60 degrees within an hour of sunshine.",
    ),
    record(
        "du-lich-mui-ne",
        "Phát triển du lịch cộng đồng tại Mũi Né",  # no abstract
        sectors=["du-lich"],
        field_of_science="50201",
        dates={"accepted": "2017"},
        place={"district": "phan-thiet"},
    ),
    record(
        "ca-com-metadata",
        "Đánh giá trữ lượng cá cơm vùng biển Bình Thuận",
        access_level="metadata_only",
        full_text="Số liệu khảo sát chi tiết xyzzyquark chỉ dành cho cơ quan quản lý.",
        sectors=["thuy-san"],
        dates={"accepted": "2015"},
    ),
    record(
        "xu-ly-nuoc-thai",
        "Hệ thống xử lý nước thải chế biến hải sản",
        full_text="Chương 3 trình bày công nghệ plughzorb để xử lý nước thải.",
        sectors=["thuy-san"],
        dates={"accepted": "2022"},
        trl=6,
    ),
    record(
        "dien-gio",
        "Đánh giá tiềm năng điện gió ngoài khơi Bình Thuận",
        abstract="Bản đồ tốc độ gió và phương án đấu nối lưới điện.",
        sectors=["nang-luong"],
        field_of_science="20201",
        dates={"accepted": "2023"},
        place={"district": "tuy-phong"},
        language="vi",
        trl=3,
    ),
    # The same two words, side by side in one title and apart in a shorter one: the proximity
    # bonus puts the first one on top (without it the shorter title wins).
    record(
        "rong-bien-lien",
        "Nuôi trồng rong biển tại các đảo xa bờ của tỉnh Bình Thuận",
        sectors=["thuy-san"],
        field_of_science="10601",
        technology_fields=["15", "18"],
        dates={"accepted": "2021"},
        trl=7,
    ),
    record(
        "rong-bien-xa",
        "Biển đảo và rong sụn của tỉnh Bình Thuận",
        sectors=["thuy-san"],
        dates={"accepted": "2014"},
        host_organisation="Viện Công nghệ sinh học",
    ),
    record(
        "thach-anh",
        "Khai thác cát thạch anh ven biển",
        abstract="Đánh giá trữ lượng cát thạch anh làm nguyên liệu thủy tinh.",
        keywords=["thạch anh", "cát trắng"],
        host_organisation="Viện Địa chất",
        sectors=["titan"],
        field_of_science="10501",
        dates={"accepted": "2018-03"},
    ),
    # Never indexed: nothing of it may show in hits, facets, suggestions or similar records.
    record(
        "nm-mat",
        "Hồ sơ mật về nước mắm Phan Thiết",
        access_level="restricted",
        abstract="Bí mật kinh doanh: công thức chượp mật ong, quy trình bí mật zorblaxian.",
        keywords=["nước mắm mật ong", "bí mật kinh doanh"],
        host_organisation="Công ty Mật Ngọt",
        parent_agency="Công ty Bí Mật",
        full_text="Toàn văn mật: quy trình zebulonix.",
        field_of_science="60101",
        technology_fields=["33"],
        trl=9,
        sectors=["nuoc-mam"],
        dates={"accepted": "2024"},
    ),
]
PUBLIC_IDS = {r["id"] for r in RECORDS if r["access_level"] != "restricted"}
NUOC_MAM = {
    "nm-chat-luong",
    "nm-len-men",
    "nm-khu-mui",
    "tuoi-mam-thanh-long",
    "nuoc-mam-khong-dau",
}
EXACT_NUOC_MAM = {"nm-chat-luong", "nm-len-men", "nm-khu-mui"}  # spelt with the marks


def in_sector(key: str) -> set[str]:
    """The public records of a sector."""
    return {r["id"] for r in RECORDS if key in (r.get("sectors") or ())} & PUBLIC_IDS


def search(engine, text="", **options) -> SearchResponse:
    return engine.search(SearchRequest(text=text, **options))


def ids(response: SearchResponse) -> list[str]:
    return [hit["id"] for hit in response.hits]


def everything(engine, text="", **options) -> set[str]:
    return set(ids(search(engine, text, size=100, **options)))


def counts(response: SearchResponse, facet: str) -> dict[str, int]:
    return {bucket["key"]: bucket["doc_count"] for bucket in response.facets[facet]}


def buckets(response: SearchResponse, facet: str) -> list[tuple[str, int, bool]]:
    return [(b["key"], b["doc_count"], b["is_selected"]) for b in response.facets[facet]]
