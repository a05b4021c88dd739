"""The controlled vocabularies in schemas/vocabularies/*.json: shape, labels, cross-references."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from schemas import records, vocabularies

FOLDER = vocabularies.DEFAULT_FOLDER
EXPECTED = [
    "academic_titles",
    "access_levels",
    "commercialisation_statuses",
    "document_types",
    "fields_of_science",
    "ip_statuses",
    "ipc_technology",
    "kinds",
    "languages",
    "organisations",
    "places",
    "provinces",
    "sectors",
    "technology_sectors",
    "trl",
]
IPC_PREFIX = re.compile(r"^[A-H](\d{2}([A-Z](\d{1,4})?)?)?$")


def raw(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)


def phrases(term: dict) -> list[str]:
    synonyms = term.get("synonyms") or {}
    return [s for values in synonyms.values() for s in values]


def test_every_expected_file_is_there_and_loads():
    assert set(EXPECTED) <= set(vocabularies.names())
    for name in EXPECTED:
        vocabulary = vocabularies.load(name)
        assert vocabulary.name == name
        assert len(vocabulary) > 0
        assert vocabulary.title("vi") and vocabulary.title("en")
        assert vocabulary.source


@pytest.mark.parametrize("name", EXPECTED)
def test_file_shape_keys_and_labels(name):
    data = raw(name)
    assert data["name"] == name == Path(FOLDER / f"{name}.json").stem
    assert data["label"]["vi"] and data["label"]["en"]
    assert data["source"].strip()
    keys = [term["key"] for term in data["terms"]]
    assert len(keys) == len(set(keys)), "duplicate keys"
    for term in data["terms"]:
        assert re.fullmatch(r"[a-z0-9_-]+", term["key"]), term["key"]
        assert isinstance(term["vi"], str) and term["vi"].strip(), term["key"]
        assert isinstance(term["en"], str) and term["en"].strip(), term["key"]
    for text in strings(data):
        assert unicodedata.is_normalized("NFC", text), text


def test_vietnamese_labels_keep_their_diacritics():
    assert vocabularies.load("kinds").term_label("patent") == "Sáng chế"
    assert vocabularies.load("kinds").term_label("utility_solution") == "Giải pháp hữu ích"
    assert vocabularies.load("fields_of_science").term_label("405") == "Thủy sản"
    assert vocabularies.load("places").term_label("ham-thuan-bac") == "Huyện Hàm Thuận Bắc"
    assert vocabularies.load("academic_titles")["pgs"]["vi"] == "Phó giáo sư"
    vietnamese = [t["vi"] for name in EXPECTED for t in raw(name)["terms"]]
    accented = [label for label in vietnamese if any(ord(c) > 127 for c in label)]
    assert len(accented) > 0.8 * len(vietnamese)


def test_kinds_carry_the_application_type_digit():
    kinds = vocabularies.load("kinds")
    assert list(kinds) == [
        "research_result",
        "patent",
        "utility_solution",
        "industrial_design",
        "trademark",
    ]
    digits = {key: term.get("application_type_digit") for key, term in kinds.items()}
    assert digits == {
        "research_result": None,
        "patent": 1,
        "utility_solution": 2,
        "industrial_design": 3,
        "trademark": 4,
    }


def test_fields_of_science_hierarchy():
    fields = vocabularies.load("fields_of_science")
    level1 = fields.children(None)
    assert [term["key"] for term in level1] == ["1", "2", "3", "4", "5", "6"]
    level2 = [term for term in fields.values() if term["parent"] is not None]
    assert len(level2) == 46  # 101-699, as in QĐ 12/2008 and TT 24/2025
    for term in level2:
        assert re.fullmatch(r"[1-6]\d\d", term["key"])
        assert term["parent"] in fields and fields[term["parent"]]["parent"] is None
        assert term["key"].startswith(term["parent"])
        assert term["synonyms"]["vi"] and term["synonyms"]["en"], term["key"]
    assert fields["211"]["vi"] == "Kỹ thuật thực phẩm và đồ uống"
    assert "nước mắm" in fields["211"]["synonyms"]["vi"]
    assert "nuôi trồng thủy sản" in fields["405"]["synonyms"]["vi"]
    assert {t["key"] for t in fields.children("6")} == {"601", "602", "603", "604", "699"}


def test_ipc_technology_fields_and_sectors():
    sectors = vocabularies.load("technology_sectors")
    assert list(sectors) == ["electrical", "instruments", "chemistry", "mechanical", "other"]
    fields = vocabularies.load("ipc_technology")
    assert list(fields) == [str(n) for n in range(1, 36)]
    expected_sector = {}
    for first, last, sector in (
        (1, 8, "electrical"),
        (9, 13, "instruments"),
        (14, 24, "chemistry"),
        (25, 32, "mechanical"),
        (33, 35, "other"),
    ):
        expected_sector.update({str(n): sector for n in range(first, last + 1)})
    for key, term in fields.items():
        assert term["parent"] == term["sector"] == expected_sector[key]
        assert term["ipc_prefixes"], key
        for prefix in term["ipc_prefixes"]:
            assert IPC_PREFIX.match(prefix), (key, prefix)
    assert fields["8"]["ipc_prefixes"] == ["H01L"]
    assert "G01N33" in fields["11"]["ipc_prefixes"]


def technology_fields(symbol: str) -> set[str]:
    """Longest-prefix match of an IPC symbol, as the vocabulary's source note prescribes."""
    compact = symbol.replace(" ", "").split("/")[0]
    best, found = 0, set()
    for key, term in vocabularies.load("ipc_technology").items():
        for prefix in term["ipc_prefixes"]:
            if compact.startswith(prefix):
                if len(prefix) > best:
                    best, found = len(prefix), {key}
                elif len(prefix) == best:
                    found.add(key)
    return found


@pytest.mark.parametrize(
    "symbol, field",
    [
        ("A23L 2/02", "18"),  # food chemistry
        ("H01L 31/04", "8"),  # semiconductors (solar cells)
        ("C02F 1/00", "24"),  # water treatment beats C02 basic materials chemistry
        ("G01N 33/50", "11"),  # analysis of biological materials beats measurement
        ("F03D 1/00", "27"),  # wind turbines
        ("A01G 9/02", "29"),
    ],
)
def test_ipc_prefixes_classify_symbols(symbol, field):
    assert field in technology_fields(symbol)


def test_places_crosswalk():
    places = vocabularies.load("places")
    provinces = vocabularies.load("provinces")
    assert list(places) == [
        "phan-thiet", "la-gi", "tuy-phong", "bac-binh", "ham-thuan-bac",
        "ham-thuan-nam", "ham-tan", "tanh-linh", "duc-linh", "phu-quy",
    ]  # fmt: skip
    for key, term in places.items():
        assert term["type"] in {"thanh-pho", "thi-xa", "huyen", "huyen-dao"}
        assert term["province_before_2025"] in provinces
        assert term["province_after_2025"] in provinces
        assert term["valid_until"] == "2025-06-30"
        assert term["successors"], key
        assert all(re.match(r"^(xã|phường|đặc khu) ", s) for s in term["successors"]), key
        assert term["synonyms"]["vi"], key
        assert term.get("crosswalk_note"), key
    assert places["phan-thiet"]["type"] == "thanh-pho"
    assert places["la-gi"]["type"] == "thi-xa"
    assert places["phu-quy"]["type"] == "huyen-dao"
    assert places["phu-quy"]["successors"] == ["đặc khu Phú Quý"]
    assert {"xã Liên Hương", "xã Tuy Phong", "xã Phan Rí Cửa", "xã Vĩnh Hảo"} <= set(
        places["tuy-phong"]["successors"]
    )
    assert "Mũi Né" in places["phan-thiet"]["synonyms"]["vi"]
    assert "Ma Lâm" in places["ham-thuan-bac"]["synonyms"]["vi"]
    assert "Chợ Lầu" in places["bac-binh"]["synonyms"]["vi"]


def test_no_place_phrase_points_at_two_districts():
    owner: dict[str, str] = {}
    for key, term in vocabularies.load("places").items():
        for phrase in [*phrases(term), *term["successors"]]:
            assert owner.setdefault(phrase.casefold(), key) == key, phrase


def test_provinces_after_the_2025_merger():
    provinces = vocabularies.load("provinces")
    assert set(provinces) == {"binh-thuan", "lam-dong", "dak-nong"}
    for key in ("binh-thuan", "dak-nong"):
        assert provinces[key]["valid_until"] == "2025-06-30"
        assert provinces[key]["successor"] == "lam-dong"
    assert provinces["lam-dong"]["valid_from"] == "2025-07-01"


def test_organisations_seed():
    organisations = vocabularies.load("organisations")
    types = {"state_agency", "public_service_unit", "university", "college",
             "research_institute", "association"}  # fmt: skip
    for key, term in organisations.items():
        assert term["type"] in types, key
        assert phrases(term), key
    assert "Sở KH&CN Bình Thuận" in phrases(organisations["so-khcn-binh-thuan"])
    assert organisations["dai-hoc-phan-thiet"]["vi"] == "Trường Đại học Phan Thiết"
    owner: dict[str, str] = {}
    for key, term in organisations.items():
        for phrase in [term["vi"], term["en"], *phrases(term)]:
            assert owner.setdefault(phrase.casefold(), key) == key, phrase


def test_sectors_vocabulary():
    sectors = vocabularies.load("sectors")
    fields = vocabularies.load("fields_of_science")
    required = {
        "thanh-long", "nuoc-mam", "thuy-san", "dien-gio", "dien-mat-troi", "titan", "du-lich",
        "y-te", "khoa-hoc-xa-hoi", "nong-nghiep", "moi-truong", "cong-nghe-thong-tin", "co-khi",
    }  # fmt: skip
    assert required <= set(sectors)
    owner: dict[str, str] = {}
    for key, term in sectors.items():
        assert term["synonyms"]["vi"] and term["synonyms"]["en"], key
        assert fields[term["field_of_science"]]["parent"] is not None, key
        for phrase in phrases(term):
            assert owner.setdefault(phrase.casefold(), key) == key, phrase
    assert {"thanh long", "dragon fruit", "pitaya"} <= set(phrases(sectors["thanh-long"]))
    assert {"nước mắm", "chượp", "cá cơm", "fish sauce"} <= set(phrases(sectors["nuoc-mam"]))


def test_trl_levels():
    trl = vocabularies.load("trl")
    assert list(trl) == [str(n) for n in range(1, 10)]
    assert trl["4"]["en"] == "Technology validated in lab"
    assert trl["1"]["vi"] == "Nguyên lý cơ bản được quan sát"


def test_commercialisation_statuses():
    statuses = vocabularies.load("commercialisation_statuses")
    assert list(statuses) == [
        "accepted", "registered", "screening", "ip_pending", "ready_to_offer", "valuation",
        "rights_decision", "auto_owned_by_host", "negotiation", "transferred", "applied",
        "not_commercialisable", "withdrawn",
    ]  # fmt: skip
    for key, term in statuses.items():
        assert isinstance(term["terminal"], bool)
        assert term["description"]["vi"] and term["description"]["en"], key
    terminal = [key for key, term in statuses.items() if term["terminal"]]
    assert terminal == ["not_commercialisable", "withdrawn"]


def test_ip_statuses():
    statuses = vocabularies.load("ip_statuses")
    assert list(statuses) == [
        "none", "draft", "filed", "formality_exam", "formality_objection", "accepted", "published",
        "awaiting_exam_request", "substantive_exam", "substantive_objection", "intent_to_grant",
        "granted", "in_force", "lapsed", "invalidated", "expired", "refused", "withdrawn",
    ]  # fmt: skip
    assert all(isinstance(term["terminal"], bool) for term in statuses.values())
    terminal = {key for key, term in statuses.items() if term["terminal"]}
    assert terminal == {"lapsed", "invalidated", "expired", "refused", "withdrawn"}
    assert statuses["none"]["vi"] == "Chưa đăng ký bảo hộ"


def test_small_vocabularies():
    assert list(vocabularies.load("access_levels")) == ["public", "metadata_only", "restricted"]
    assert list(vocabularies.load("languages")) == ["vi", "en"]
    assert list(vocabularies.load("document_types")) == list(records.DOCUMENT_TYPES)
    titles = vocabularies.load("academic_titles")
    assert [t["abbreviation"] for t in titles.values()] == [
        "GS.", "PGS.", "TSKH.", "TS.", "ThS.", "KS.", "BS.", "CN.", "DS.", "NCS."
    ]  # fmt: skip
    assert {k for k, t in titles.items() if t["kind"] == "rank"} == {"gs", "pgs"}
    assert all(t["kind"] in {"rank", "degree"} for t in titles.values())
    assert titles["ts"]["vi"] == "Tiến sĩ" and titles["gs"]["en"] == "Professor"


def test_record_schema_accepts_vocabulary_keys():
    record = records.validate_record(
        {
            "kind": "utility_solution",
            "document_type": "patent_document",
            "title": "Quy trình sản xuất nước mắm",
            "field_of_science": "211",
            "sectors": ["nuoc-mam", "thuy-san"],
            "commercialisation_status": "ready_to_offer",
            "ip_status": "substantive_exam",
            "access_level": "metadata_only",
            "place": {"district": "phan-thiet", "province": "binh-thuan"},
        }
    )
    assert record["sectors"] == ["nuoc-mam", "thuy-san"]
    defaults = records.validate_record(
        {"kind": "research_result", "document_type": "final_report", "title": "X"}
    )
    assert defaults["commercialisation_status"] == "accepted"
    assert defaults["ip_status"] == "none" and defaults["access_level"] == "public"
