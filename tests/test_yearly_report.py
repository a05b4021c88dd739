"""The yearly report as the Department files it: XLSX with the year's figures, PDF in Vietnamese
whose text, extracted back, keeps every diacritic."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pytest

from repo_app.models import Activity
from repo_app.services import yearly_report
from tests.fixtures_tracker import load_province

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc huyền hỏi ngã nặng
VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
ALPHABET = " ".join(unicodedata.normalize("NFC", vowel + tone)
                    for vowel in VOWELS for tone in TONES) + " đ Đ"
TODAY = date(2026, 12, 5)


@pytest.fixture
def province(services):
    load_province(services)
    with services.sessions() as session, session.begin():
        session.add(Activity(type="connection_event", title="Chợ công nghệ " + ALPHABET.upper()
                             + " " + ALPHABET, start_date=date(2023, 10, 10), participants=120))
    return services


def _pdf_text(content: bytes) -> str:
    from pdfminer.high_level import extract_text

    return unicodedata.normalize("NFC", extract_text(io.BytesIO(content)))


def test_pdf_keeps_every_vietnamese_diacritic(province):
    content = yearly_report.render(province, 2023, "pdf", today=TODAY)
    assert content.startswith(b"%PDF-")
    text = _pdf_text(content)
    flat = " ".join(text.split())
    assert "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH 4239/KH-UBND NĂM 2023" in flat
    assert "Kết quả nghiên cứu đã nghiệm thu được hỗ trợ thương mại hóa" in flat
    assert "Sự kiện kết nối cung - cầu công nghệ, chợ công nghệ" in flat
    letters = {ch for ch in ALPHABET + ALPHABET.upper() if not ch.isspace()}
    missing = sorted(ch for ch in letters if ch not in text)
    assert not missing, f"letters lost in the PDF: {missing}"


def test_pdf_lists_what_is_still_to_do(province):
    flat = " ".join(_pdf_text(yearly_report.render(province, 2023, "pdf", today=TODAY)).split())
    assert "Kết quả R3" in flat  # accepted 2023, no support action
    assert "Kết quả R1" not in flat.split("6. Kết quả đã nghiệm thu")[1].split("7.")[0]


def test_xlsx_has_the_years_figures(province):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(yearly_report.render(province, 2023, "xlsx",
                                                             today=TODAY)))
    assert {"Chỉ tiêu", "Giao dịch theo năm", "Hoạt động"} <= set(workbook.sheetnames)
    rows = [[cell for cell in row] for row in workbook["Chỉ tiêu"].iter_rows(values_only=True)]
    developed = next(row for row in rows
                     if row[0] == "Tỷ trọng giao dịch công nghệ nhập khẩu từ các nước phát triển")
    assert developed[1] == "50 %"  # 2023: t3 of t3, t4
    assert developed[2] == "5-10 %"
    yearly = list(workbook["Giao dịch theo năm"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[1], row[2]) for row in yearly] == [
        (2021, 2, 200.0), (2022, 0, 0.0), (2023, 2, 300.0)]
    events = [row for row in workbook["Hoạt động"].iter_rows(min_row=2, values_only=True)]
    assert any(row[1].startswith("Chợ công nghệ") for row in events)


def test_the_command_writes_both_formats(province, tmp_path):
    from click.testing import CliRunner

    from repo_app.cli import main

    env = {"REPO_INSTANCE": str(province.settings.instance),
           "DATABASE_URL": province.settings.database_url}
    for fmt, magic in (("pdf", b"%PDF-"), ("xlsx", b"PK")):
        output = tmp_path / f"bao-cao-2025.{fmt}"
        result = CliRunner().invoke(main, ["report", "yearly", "2025", "--format", fmt,
                                           "--output", str(output)], env=env)
        assert result.exit_code == 0, result.output
        assert output.read_bytes().startswith(magic)
    refused = CliRunner().invoke(main, ["report", "yearly", "2019", "--format", "pdf",
                                        "--output", str(tmp_path / "x.pdf")], env=env)
    assert refused.exit_code != 0
