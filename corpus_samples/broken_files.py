"""Files the indexer must set aside (quarantine) rather than ingest, each for a known reason.

    build(out) -> list[dict]   # writes out/broken/*.pdf

- ``encrypted.pdf``: a real report behind a user password (RC4 40-bit, reportlab's default).
- ``truncated.pdf``: a valid four-page report cut at 45 % of its bytes (an interrupted copy),
  inside its fonts: its page tree and pages are in the lost part, so it cannot be read (a
  truncated file whose pages are all whole is read, with a note: ``tests/test_hostile_pdfs``).
- ``not-a-pdf.pdf``: the HTML error page a web server returned, saved under a .pdf name.
- ``zero-pages.pdf``: a syntactically valid PDF, written by hand with a correct xref table, whose
  page tree has no kids.

Every file is deterministic (reportlab invariant mode, fixed bytes).
"""

from __future__ import annotations

from pathlib import Path

from pdf_objects import assemble
from pdf_style import FONT_DIR, PAGE_HEIGHT, register_fonts
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas as rl_canvas

SUBDIR = "broken"
TRUNCATE_AT = 0.45

REPORT_LINES = [
    ("Serif-Bold", 12, "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"),
    ("Serif-Bold", 12, "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
    ("Serif", 11, ""),
    ("Serif-Bold", 14, "BÁO CÁO TỔNG HỢP KẾT QUẢ NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ"),
    ("Serif", 11, ""),
    ("Serif", 11, "Tên nhiệm vụ: Nghiên cứu quy trình nhân giống và canh tác nha đam theo hướng"),
    ("Serif", 11, "hữu cơ tại huyện Tuy Phong, tỉnh Bình Thuận"),
    ("Serif", 11, "Mã số nhiệm vụ: ĐTCT-BT-07/2022"),
    ("Serif", 11, "Tổ chức chủ trì: Viện Nghiên cứu Bông và Phát triển nông nghiệp Nha Hố"),
    ("Serif", 11, "Chủ nhiệm nhiệm vụ: ThS. Nguyễn Thị Thanh Thủy"),
    ("Serif", 11, "Thời gian thực hiện: 01/2022 - 12/2023"),
]
BODY = (
    "Nha đam là cây trồng có giá trị kinh tế cao trên vùng đất cát khô hạn ven biển của huyện "
    "Tuy Phong. Nhiệm vụ đã xây dựng quy trình nhân giống bằng chồi, quy trình bón phân hữu cơ "
    "vi sinh và quản lý sâu bệnh tổng hợp, đồng thời xây dựng mô hình trình diễn 5 ha tại xã "
    "Vĩnh Hảo. Năng suất lá bình quân đạt 62 tấn/ha/năm, lợi nhuận tăng 18 % so với canh tác "
    "truyền thống."
)

ERROR_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>HTTP Status 500 – Internal Server Error</title>
<style type="text/css">body {font-family:Tahoma,Arial,sans-serif;} h1 {font-size:22px;
background-color:#525D76;color:white;} .line {height:1px;background-color:#525D76;border:none;}
</style>
</head>
<body>
<h1>HTTP Status 500 – Internal Server Error</h1>
<hr class="line" />
<p><b>Type</b> Exception Report</p>
<p><b>Message</b> Request processing failed; nested exception is
java.lang.IllegalStateException: document VN1202103364 is temporarily unavailable</p>
<p><b>Description</b> The server encountered an unexpected condition that prevented it from
fulfilling the request.</p>
<p><b>Path</b> /wopublish-search/public/ajax/detail/patents/download?id=VN1202103364</p>
<hr class="line" />
<h3>Apache Tomcat/9.0.73</h3>
</body>
</html>
"""


def _report_canvas(path: Path, **kwargs) -> rl_canvas.Canvas:
    register_fonts()
    pdf = rl_canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1, **kwargs)
    pdf.setTitle("Báo cáo tổng hợp kết quả nhiệm vụ")
    pdf.setAuthor("Sở Khoa học và Công nghệ tỉnh Bình Thuận")
    pdf.setCreator("corpus_samples")
    return pdf


def _write_report(pdf: rl_canvas.Canvas, pages: int) -> None:
    from pdf_style import paragraph

    for number in range(1, pages + 1):
        y = PAGE_HEIGHT - 72
        if number == 1:
            for font, size, text in REPORT_LINES:
                pdf.setFont(font, size)
                pdf.drawString(72, y, text)
                y -= size * 1.6
        pdf.setFont("Serif-Bold", 12)
        pdf.drawString(72, y - 10, f"Chương {number}. Kết quả thực hiện")
        y -= 34
        for _ in range(3):
            y = paragraph(pdf, 72, y, BODY, "Serif", 11, 451, first_indent=20) - 8
        pdf.setFont("Serif", 9)
        pdf.drawCentredString(297.6, 40, str(number))
        pdf.showPage()
    pdf.save()


def write_encrypted(path: Path) -> None:
    encrypt = StandardEncryption("secret", canPrint=0)
    _write_report(_report_canvas(path, encrypt=encrypt), pages=2)


def write_truncated(path: Path) -> None:
    _write_report(_report_canvas(path), pages=4)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * TRUNCATE_AT)])


def write_not_pdf(path: Path) -> None:
    path.write_bytes(ERROR_PAGE.encode("utf-8"))


def zero_page_pdf() -> bytes:
    """A minimal valid PDF whose page tree is empty (``/Kids [] /Count 0``)."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Title (Bao cao ket qua nhiem vu) /Producer (corpus_samples) >>",
    ], trailer=b"/Info 3 0 R ", version=b"1.4")


def write_zero_pages(path: Path) -> None:
    path.write_bytes(zero_page_pdf())


FILES = [
    ("encrypted.pdf", "encrypted", write_encrypted),
    ("truncated.pdf", "truncated", write_truncated),
    ("not-a-pdf.pdf", "not_pdf", write_not_pdf),
    ("zero-pages.pdf", "no_pages", write_zero_pages),
]


def build(out: Path) -> list[dict]:
    folder = Path(out) / SUBDIR
    folder.mkdir(parents=True, exist_ok=True)
    assert FONT_DIR.exists()
    entries = []
    for name, reason, write in FILES:
        write(folder / name)
        entries.append(
            {"path": f"{SUBDIR}/{name}", "expected_status": "quarantined", "reason": reason}
        )
    return entries
