"""The yearly report on plan 4239/KH-UBND, as the Department files it before 15 December:
figures of the year and of its plan period so far, charts, and the lists behind them, in
Vietnamese. XLSX through openpyxl, PDF through reportlab with a TrueType font that has every
Vietnamese glyph (DejaVu Sans from Debian's fonts-dejavu-core, else the first font found in
``REPORT_FONT_DIRS`` that has them).

Everything here reads ``plan_indicators``: the report never computes a figure of its own.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from repo_app.services import plan_indicators as plan
from schemas import vocabularies
from schemas.workflows import load as load_workflow

FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
     "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
)
STATUS_WORDS = {
    "vi": {"met": "Đạt", "on_track": "Đúng tiến độ", "at_risk": "Có nguy cơ không đạt",
           "no_data": "Chưa có số liệu"},
    "en": {"met": "Met", "on_track": "On track", "at_risk": "At risk", "no_data": "No data"},
}
STATUS_MARKS = {"met": "✓", "on_track": "→", "at_risk": "!", "no_data": "–"}
LIST_LIMIT = 200  # rows per list in the report; the site's drill-downs have them all


# -- Numbers as people read them ---------------------------------------------------------------


def _pattern(decimals: int) -> str:
    """A Babel number pattern: grouped thousands, exactly ``decimals`` decimals; the
    separators are the language's (Babel's locale data)."""
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def number(value, lang: str = "vi", decimals: int = 0) -> str:
    """1234567.5 -> "1.234.567,5" in Vietnamese, "1,234,567.5" in English."""
    if value is None:
        return "–"
    return format_decimal(value, _pattern(decimals), locale=lang)


def percent(value, lang: str = "vi") -> str:
    """0.125 -> "12,5 %" in Vietnamese, "12.5 %" in English; whole percents without decimals."""
    if value is None:
        return "–"
    decimals = 0 if abs(value * 100 - round(value * 100)) < 1e-9 else 1
    return format_percent(value, _pattern(decimals) + " %", locale=lang)


def value_text(value, unit: str, lang: str = "vi") -> str:
    if value is None:
        return STATUS_WORDS[lang]["no_data"]
    if unit == "fraction":
        return percent(value, lang)
    if unit == "rate_per_year":
        return percent(value, lang) + ("/năm" if lang == "vi" else "/year")
    return number(value, lang)


def target_text(target, unit: str, lang: str = "vi") -> str:
    if target is None:
        return "–"
    if isinstance(target, list | tuple):
        low, high = target
        return f"{percent(low, lang)[:-2]}-{percent(high, lang)}"
    if unit == "count":
        return ("≥ " if lang == "en" else "≥ ") + number(target, lang)
    return value_text(target, unit, lang)


def ratio_text(row: dict, lang: str = "vi") -> str:
    numerator, denominator = row["numerator"], row["denominator"]
    if row["key"] == "transaction_value_growth":
        if numerator is None:
            return "–"
        million = "triệu đồng" if lang == "vi" else "million VND"
        return (f"{number(numerator / 1e6, lang)} ÷ {number(denominator / 1e6, lang)} "
                f"{million}")
    if denominator is None:
        return number(numerator, lang)
    return f"{number(numerator, lang)} / {number(denominator, lang)}"


def status_text(status: str, lang: str = "vi") -> str:
    return f"{STATUS_MARKS[status]} {STATUS_WORDS[lang][status]}"


def vnd_millions(value, lang: str = "vi") -> str:
    return number((value or 0) / 1e6, lang, 1 if value and value < 10e6 else 0)


# -- The figures of a year ---------------------------------------------------------------------


def period_of_year(year: int) -> plan.Period:
    for period in plan.PERIODS.values():
        if period.first_year <= year <= period.last_year:
            return period
    raise ValueError(f"{year} is not a year of plan 4239 (2021-2030).")


def figures_for(services, principal, year: int, lang: str = "vi") -> dict:
    """``figures`` for a person: the yearly report is the Department's (staff only)."""
    from repo_app.services.access import require_staff

    require_staff(principal)
    return figures(services, year, lang)


def figures(services, year: int, lang: str = "vi", today: date | None = None) -> dict:
    """What the report shows: the year's indicators, its period's so far, yearly series and
    stage counts, and the lists still to act on."""
    try:
        period = period_of_year(year)
    except ValueError as error:
        from repo_app.services.errors import Invalid

        raise Invalid({"year": [str(error)]}) from None
    today = today or date.today()
    of_year = plan.Scope(period, plan.Filters(year=year), today)
    of_period = plan.Scope(period, plan.Filters(), today)
    through_year = plan.Scope(plan.Period(period.key, period.first_year, year),
                              plan.Filters(), today)
    statuses = load_workflow("commercialisation")
    ip_workflow = load_workflow("ip_registration")
    return {
        "year": year,
        "period": period.key,
        "generated_on": today.isoformat(),
        "year_indicators": plan.indicators(services, of_year, lang)["indicators"],
        "period_indicators": plan.indicators(services, of_period, lang)["indicators"],
        "definitions": {key: plan.INDICATORS[key].definition(lang) for key in plan.ORDER},
        "yearly": plan.yearly(services, through_year),
        "stages": [(statuses.state_label(key, lang), count)
                   for key, count in plan.commercialisation_stages(services, of_year)],
        "ip_stages": [(ip_workflow.state_label(key, lang), count)
                      for key, count in plan.ip_request_stages(services, of_year)],
        "unsupported": plan.drilldown(services, "support_coverage", of_year, counted=False,
                                      size=LIST_LIMIT),
        "requests_not_met": plan.drilldown(services, "ip_requests_met", of_year,
                                           counted=False, size=LIST_LIMIT),
        "transactions": plan.drilldown(services, "ip_transaction_share", of_year,
                                       size=LIST_LIMIT),
        "activities": _activities_of(services, year),
    }


def _activities_of(services, year: int) -> list[dict]:
    from repo_app.services import activities

    return activities.list_activities(services, year=year)["items"]


# -- XLSX --------------------------------------------------------------------------------------

HEAD_VI = {
    "indicators": ["Chỉ tiêu", "Giá trị", "Mục tiêu", "Tử số / mẫu số", "Đánh giá",
                   "Cách tính"],
    "yearly": ["Năm", "Số giao dịch", "Giá trị (triệu đồng)", "Tăng so với năm trước",
               "Tỷ trọng giao dịch tài sản trí tuệ", "Tỷ trọng nhập khẩu từ nước phát triển",
               "Tỷ trọng từ viện, trường (trong nước)"],
}


def _indicator_rows(rows: list[dict], definitions: dict, lang: str) -> list[list]:
    return [[row["label"], value_text(row["value"], row["unit"], lang),
             target_text(row["target"], row["unit"], lang), ratio_text(row, lang),
             status_text(row["status"], lang), definitions[row["key"]]] for row in rows]


def _yearly_rows(series: list[dict], lang: str, as_text: bool = False) -> list[list]:
    return [[row["year"], row["count"], vnd_millions(row["value_vnd"], lang) if as_text
             else round(row["value_vnd"] / 1e6, 1),
             percent(row["growth"], lang), percent(row["ip_share"], lang),
             percent(row["developed_share"], lang), percent(row["institute_share"], lang)]
            for row in series]


def to_xlsx(data: dict, lang: str = "vi") -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    sheet = workbook.active
    sheet.title = "Chỉ tiêu"
    sheet.append([f"BÁO CÁO NĂM {data['year']} - KẾ HOẠCH 4239/KH-UBND PHÁT TRIỂN THỊ TRƯỜNG "
                  "KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH THUẬN"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"Lập ngày {data['generated_on']}; giai đoạn {data['period']}."])
    for title, rows in ((f"Năm {data['year']}", data["year_indicators"]),
                        (f"Giai đoạn {data['period']} (đến nay)", data["period_indicators"])):
        sheet.append([])
        sheet.append([title])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        sheet.append(HEAD_VI["indicators"])
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for line in _indicator_rows(rows, data["definitions"], lang):
            sheet.append(line)
            for cell in sheet[sheet.max_row]:
                cell.alignment = wrap
    for column, width in zip("ABCDEF", (48, 16, 14, 26, 22, 90), strict=True):
        sheet.column_dimensions[column].width = width

    yearly = workbook.create_sheet("Giao dịch theo năm")
    yearly.append(HEAD_VI["yearly"])
    for cell in yearly[1]:
        cell.font = bold
    for line in _yearly_rows(data["yearly"], lang):
        yearly.append(line)
    for column in "ABCDEFG":
        yearly.column_dimensions[column].width = 22
    if data["yearly"]:
        chart = BarChart()
        chart.title = "Giá trị giao dịch công nghệ theo năm (triệu đồng)"
        chart.y_axis.title = "triệu đồng"
        chart.add_data(Reference(yearly, min_col=3, min_row=1, max_row=len(data["yearly"]) + 1),
                       titles_from_data=True)
        chart.set_categories(Reference(yearly, min_col=1, min_row=2,
                                       max_row=len(data["yearly"]) + 1))
        chart.legend = None
        yearly.add_chart(chart, "I2")

    stages = workbook.create_sheet("Giai đoạn")
    stages.append(["Tình trạng thương mại hóa", "Số kết quả"])
    for line in data["stages"]:
        stages.append(list(line))
    stages.append([])
    stages.append(["Tình trạng yêu cầu bảo hộ", "Số yêu cầu"])
    for line in data["ip_stages"]:
        stages.append(list(line))
    stages.column_dimensions["A"].width = 46

    for title, block, columns in (
        ("Chưa được hỗ trợ", data["unsupported"],
         ("id", "title", "year", "organisation", "commercialisation_status")),
        ("Yêu cầu chưa đáp ứng", data["requests_not_met"],
         ("id", "record_id", "ip_type", "applicant", "state", "requested_at")),
        ("Giao dịch", data["transactions"],
         ("id", "date", "value_vnd", "form", "origin", "country", "includes_ip",
          "developed_country", "record_id")),
    ):
        listing = workbook.create_sheet(title)
        listing.append(list(columns))
        for cell in listing[1]:
            cell.font = bold
        for item in block["items"]:
            listing.append([_plain(item.get(column)) for column in columns])
        listing.column_dimensions["B"].width = 50

    activities = workbook.create_sheet("Hoạt động")
    activities.append(["Loại", "Tên", "Ngày", "Địa bàn", "Số người tham dự"])
    for cell in activities[1]:
        cell.font = bold
    for item in data["activities"]:
        activities.append([item["type_label"], item["title"], item["start_date"],
                           item.get("place_label") or "", item.get("participants")])
    activities.column_dimensions["B"].width = 50

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plain(value):
    if isinstance(value, bool):
        return "có" if value else "không"
    return value


# -- PDF ---------------------------------------------------------------------------------------


def find_font() -> tuple[Path, Path]:
    """A regular and a bold TrueType font with Vietnamese glyphs."""
    for regular, bold in FONT_CANDIDATES:
        if Path(regular).exists():
            return Path(regular), Path(bold) if Path(bold).exists() else Path(regular)
    raise RuntimeError("No TrueType font with Vietnamese glyphs: install Debian's "
                       "fonts-dejavu-core (apt-get install fonts-dejavu-core).")


def _register_fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = find_font()
    if "ReportSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("ReportSans", str(regular)))
        pdfmetrics.registerFont(TTFont("ReportSans-Bold", str(bold)))
    return "ReportSans", "ReportSans-Bold"


def _bar_drawing(pairs: list[tuple[str, float]], title: str, font: str, width=460,
                 value_label=lambda value: str(value)):
    """Horizontal bars, each labelled with its value: readable in black and white."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String

    row = 18
    left = 190
    height = 24 + row * max(len(pairs), 1)
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, title, fontName=font, fontSize=9))
    top = max([value for _, value in pairs] + [1])
    for index, (label, value) in enumerate(pairs):
        y = height - 24 - row * (index + 1) + 4
        drawing.add(String(0, y + 3, label[:38], fontName=font, fontSize=8))
        length = (width - left - 60) * (value / top)
        drawing.add(Rect(left, y, length, row - 6, fillColor=None, strokeWidth=0.8))
        for x in range(int(left) + 4, int(left + length), 5):  # hatching, not colour
            drawing.add(Line(x, y, min(x + 4, left + length), y + row - 6, strokeWidth=0.4))
        drawing.add(String(left + length + 4, y + 3, value_label(value), fontName=font,
                           fontSize=8))
    return drawing


def to_pdf(data: dict, lang: str = "vi") -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, bold = _register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12, leading=16,
                             spaceBefore=8, spaceAfter=4)
    title = ParagraphStyle("title", parent=heading, fontSize=14, leading=18, alignment=1)

    def table(rows, widths, header=True):
        cells = [[Paragraph(_escape(str(cell)), small) for cell in line] for line in rows]
        result = Table(cells, colWidths=widths, repeatRows=1 if header else 0)
        result.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, 0), bold),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ]))
        return result

    story = [
        Paragraph("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN - SỞ KHOA HỌC VÀ CÔNG NGHỆ", body),
        Spacer(1, 4 * mm),
        Paragraph(f"BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH 4239/KH-UBND NĂM {data['year']}", title),
        Paragraph("Phát triển thị trường khoa học và công nghệ đến năm 2030", body),
        Paragraph(f"Lập ngày {data['generated_on']}; số liệu tính từ kho dữ liệu kết quả "
                  "nghiên cứu và tài sản trí tuệ.", small),
    ]
    widths = [55 * mm, 22 * mm, 20 * mm, 30 * mm, 28 * mm]
    for caption, rows in ((f"1. Chỉ tiêu năm {data['year']}", data["year_indicators"]),
                          (f"2. Chỉ tiêu giai đoạn {data['period']} (lũy kế đến nay)",
                           data["period_indicators"])):
        story.append(Paragraph(caption, heading))
        lines = [row[:5] for row in _indicator_rows(rows, data["definitions"], lang)]
        story.append(table([HEAD_VI["indicators"][:5], *lines], widths))
    story.append(Paragraph("3. Giao dịch công nghệ theo năm", heading))
    story.append(_bar_drawing(
        [(str(row["year"]) + (f" ({percent(row['growth'], lang)})" if row["growth"] is not None
                              else ""), row["value_vnd"] / 1e6) for row in data["yearly"]],
        "Giá trị giao dịch (triệu đồng); trong ngoặc: tăng so với năm trước", font,
        value_label=lambda value: number(value, lang)))
    story.append(table([HEAD_VI["yearly"], *_yearly_rows(data["yearly"], lang, True)],
                       [14 * mm, 18 * mm, 26 * mm, 24 * mm, 28 * mm, 30 * mm, 30 * mm]))
    story.append(Paragraph(f"4. Kết quả nghiên cứu nghiệm thu năm {data['year']} theo tình "
                           "trạng thương mại hóa", heading))
    story.append(_bar_drawing(data["stages"] or [("Chưa có kết quả", 0)],
                              "Số kết quả theo tình trạng", font))
    story.append(Paragraph(f"5. Yêu cầu hỗ trợ đăng ký bảo hộ năm {data['year']} theo tình "
                           "trạng", heading))
    story.append(_bar_drawing(data["ip_stages"] or [("Chưa có yêu cầu", 0)],
                              "Số yêu cầu theo tình trạng", font))
    story.append(Paragraph("6. Kết quả đã nghiệm thu chưa được hỗ trợ thương mại hóa", heading))
    story.append(table([["Mã", "Tên kết quả", "Năm", "Tình trạng"]] + [
        [item["id"], item["title"], item["year"] or "",
         vocabularies.load("commercialisation_statuses").term_label(
             item["commercialisation_status"], lang)]
        for item in data["unsupported"]["items"]] or [["", "Không có", "", ""]],
        [24 * mm, 100 * mm, 14 * mm, 40 * mm]))
    story.append(Paragraph("7. Yêu cầu bảo hộ chưa được đáp ứng", heading))
    ip_workflow = load_workflow("ip_registration")
    story.append(table([["Số", "Kết quả", "Người nộp", "Tình trạng"]] + [
        [item["id"], item["record_id"], item["applicant"],
         ip_workflow.state_label(item["state"], lang)]
        for item in data["requests_not_met"]["items"]], [14 * mm, 30 * mm, 80 * mm, 54 * mm]))
    story.append(Paragraph("8. Hoạt động trong năm", heading))
    story.append(table([["Loại", "Tên hoạt động", "Ngày", "Số người"]] + [
        [item["type_label"], item["title"], item["start_date"], item.get("participants") or ""]
        for item in data["activities"]], [40 * mm, 90 * mm, 24 * mm, 24 * mm]))
    story.append(Paragraph("Cách tính các chỉ tiêu", heading))
    for key in plan.ORDER:
        story.append(Paragraph(f"<b>{_escape(plan.INDICATORS[key].label['vi'])}</b>: "
                               f"{_escape(data['definitions'][key])}", small))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm,
                                 topMargin=14 * mm, bottomMargin=14 * mm,
                                 title=f"Báo cáo năm {data['year']} - Kế hoạch 4239/KH-UBND",
                                 author="Sở Khoa học và Công nghệ")
    document.build(story)
    return buffer.getvalue()


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def render(services, year: int, fmt: str, lang: str = "vi", today: date | None = None) -> bytes:
    data = figures(services, year, lang, today)
    if fmt == "xlsx":
        return to_xlsx(data, lang)
    if fmt == "pdf":
        return to_pdf(data, lang)
    raise ValueError("format must be pdf or xlsx")
