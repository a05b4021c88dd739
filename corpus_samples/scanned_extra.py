"""More scanned final reports, each through a different "scanner", for the OCR accuracy figure.

    python corpus_samples/scanned_extra.py [OUT_DIR]

``reports.py`` writes three scans that all went through the same scanner (200 dpi grey, JPEG,
slight skew). Three documents give nine values for the OCR accuracy on title, task code and
principal investigator, too few for a percentage to mean much, and one scanner is one way of
being wrong. ``build(out)`` writes four more short reports of older tasks (cover, statistical
sheet, abstract, laid out by ``reports``' page painters) to ``out/scanned/<slug>.pdf``, each
degraded by its own profile:

* ``skewed``: 200 dpi grey, a 1.4 degree skew, JPEG;
* ``fax``: 200 dpi black and white (1 bit), specks and broken strokes, as from a fax or a
  bitonal office scanner;
* ``photocopy``: a copy of a copy: uneven grey background, toner dots, heavier blur;
* ``low_res``: 150 dpi grey, strong JPEG compression.

Ground-truth entries are those of ``reports.expected`` with ``"scanned": true`` and the
``"scan_profile"`` beside ``"expected"``.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import pdf_style as ps  # noqa: E402
import report_topics as rt  # noqa: E402
import reports as rp  # noqa: E402
from PIL import Image, ImageChops, ImageFilter  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402

P = rt.P

# --------------------------------------------------------------------------------------------
# Scanner profiles: page image (200 dpi, white paper, black text) -> (image bytes, format)
# --------------------------------------------------------------------------------------------


def _noise(size: tuple[int, int], rng: random.Random) -> Image.Image:
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))


def skewed(img: Image.Image, rng: random.Random) -> bytes:
    img = img.point(lambda v: int(30 + v * 0.86))
    img = img.rotate(1.4 * rng.choice([-1, 1]), resample=Image.Resampling.BICUBIC,
                     fillcolor=int(30 + 255 * 0.86))
    img = ImageChops.add(img, _noise(img.size, rng).point(lambda v: v % 11), offset=-5)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    return _jpeg(img, 70)


def fax(img: Image.Image, rng: random.Random) -> bytes:
    img = img.rotate(rng.uniform(-0.6, 0.6), resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.9))
    noise = _noise(img.size, rng).point(lambda v: v % 61)
    img = ImageChops.add(img, noise, offset=-30)  # threshold jitter: ragged, broken strokes
    img = img.point(lambda v: 255 if v > 128 else 0)
    specks = _noise(img.size, rng).point(lambda v: 255 if v == 255 else 0)
    img = ImageChops.subtract(img, specks).convert("1")
    buffer = io.BytesIO()
    img.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def photocopy(img: Image.Image, rng: random.Random) -> bytes:
    width, height = img.size
    # uneven illumination: darker towards one side, as on a copier with a tired lamp
    gradient = Image.linear_gradient("L").rotate(90).resize((width, height))
    shade = gradient.point(lambda v: int(v * 0.22))
    img = ImageChops.subtract(img.point(lambda v: int(20 + v * 0.88)), shade)
    img = img.rotate(rng.uniform(0.8, 1.2), resample=Image.Resampling.BICUBIC, fillcolor=200)
    toner = _noise(img.size, rng).point(lambda v: 140 if v == 255 else 0)
    img = ImageChops.subtract(img, toner)
    img = img.filter(ImageFilter.GaussianBlur(1.0))
    return _jpeg(img, 65)


def low_res(img: Image.Image, rng: random.Random) -> bytes:
    img = img.rotate(rng.uniform(-0.5, 0.5), resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.resize((round(img.width * 0.75), round(img.height * 0.75)),
                     Image.Resampling.LANCZOS)
    img = img.point(lambda v: int(18 + v * 0.9))
    return _jpeg(img, 45)


def _jpeg(img: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


PROFILES = {"skewed": skewed, "fax": fax, "photocopy": photocopy, "low_res": low_res}


# --------------------------------------------------------------------------------------------
# The tasks (1999-2003: reports that exist only on paper)
# --------------------------------------------------------------------------------------------

EXTRA_TASKS: list[tuple[rt.Task, str]] = [
    (rt.task(
        slug="nuoc-mam-ca-com-phan-thiet-1999",
        title="Nghiên cứu cải tiến quy trình chế biến nước mắm cá cơm truyền thống tại các cơ "
              "sở sản xuất ở Phan Thiết",
        title_en="Improving the traditional anchovy fish sauce process of Phan Thiet producers",
        code="ĐT.04/1999",
        pi=P("KS.", "Trần Văn Phúc", "hnm"),
        secretary=P("KS.", "Lê Thị Ngọc Hà", "hnm"),
        members=[P("ThS.", "Nguyễn Văn Thuận", "ntu"), P("KS.", "Phạm Thị Lan", "tdc"),
                 P("CN.", "Huỳnh Văn Sơn", "sokhcn")],
        host="hnm", field_code="211", start="1999-02", end="2000-08", accepted="2000-12-05",
        budget_total=95_000_000, budget_state=80_000_000,
        district="phan-thiet", sectors=["nuoc-mam"],
        keywords=["nước mắm", "cá cơm", "chế biến truyền thống", "chất lượng", "Phan Thiết"],
        keywords_en=["fish sauce", "anchovy", "traditional processing", "quality",
                     "Phan Thiet"],
        abstract="Nghề làm nước mắm là nghề truyền thống lâu đời của Phan Thiết, nhưng phần lớn "
        "cơ sở sản xuất còn thủ công, thời gian ủ chượp kéo dài từ 12 đến 18 tháng, chất lượng "
        "không đồng đều giữa các mẻ và vệ sinh nhà xưởng chưa bảo đảm. Đề tài đã khảo sát 35 cơ "
        "sở chế biến tại các phường Đức Thắng, Phú Hài và Mũi Né, lấy mẫu nguyên liệu, chượp và "
        "sản phẩm để phân tích hàm lượng đạm tổng số, đạm amin, đạm amoniac và chỉ tiêu vi sinh "
        "vật. Trên cơ sở kết quả phân tích, nhóm nghiên cứu đã cải tiến khâu xử lý cá cơm ngay "
        "sau khi đánh bắt, tỷ lệ phối trộn muối, chế độ đảo trộn và kiểm soát nhiệt độ thùng "
        "chượp. Quy trình cải tiến được áp dụng thử tại 5 cơ sở cho thấy thời gian ủ chượp rút "
        "ngắn còn 9 đến 10 tháng, độ đạm đạt trên 25 gam mỗi lít, mùi vị đặc trưng được người "
        "tiêu dùng đánh giá cao. Đề tài đã biên soạn tài liệu hướng dẫn và tổ chức tập huấn cho "
        "các hộ sản xuất trong Hội Nước mắm Phan Thiết.",
        abstract_en="Phan Thiet fish sauce is made by hand with long and uneven fermentation. "
        "The project sampled 35 producers, then improved fish handling, salting ratio, stirring "
        "and vat temperature; at five producers fermentation fell to 9-10 months with over 25 g "
        "of nitrogen per litre.",
        chapters=[
            ("Tổng quan", ("Nghề nước mắm Phan Thiết", "Quá trình thủy phân cá")),
            ("Khảo sát và phân tích", ("Khảo sát cơ sở sản xuất", "Chất lượng sản phẩm")),
            ("Quy trình cải tiến", ("Nội dung cải tiến", "Kết quả áp dụng thử")),
        ],
    ), "skewed"),
    (rt.task(
        slug="nho-ham-thuan-nam-2001",
        title="Trồng thử nghiệm giống nho đỏ Cardinal trên vùng đất cát huyện Hàm Thuận Nam",
        title_en="Trial growing of the Cardinal red grape on the sandy soils of Ham Thuan Nam",
        code="BT-NN-2001-06",
        pi=P("ThS.", "Phan Văn Tiến", "nhaho"),
        secretary=P("KS.", "Nguyễn Thị Mỹ Dung", "nhaho"),
        members=[P("KS.", "Lê Quang Vinh", "knbt"), P("KS.", "Trần Văn Hòa", "ubhtn"),
                 P("CN.", "Bùi Thị Nga", "snn")],
        host="nhaho", field_code="401", start="2001-03", end="2002-12", accepted="2003-04-10",
        budget_total=120_000_000, budget_state=120_000_000,
        district="ham-thuan-nam", sectors=["nong-nghiep"],
        keywords=["nho đỏ", "Cardinal", "đất cát", "Hàm Thuận Nam"],
        keywords_en=["red grape", "Cardinal", "sandy soil", "Ham Thuan Nam"],
        abstract="Vùng đất cát ven biển huyện Hàm Thuận Nam có khí hậu khô nóng, nắng nhiều, "
        "tương tự vùng trồng nho Ninh Thuận, nhưng người dân chủ yếu trồng các cây hoa màu ngắn "
        "ngày cho thu nhập thấp. Đề tài đã trồng thử nghiệm giống nho đỏ Cardinal trên diện tích "
        "1,5 ha tại xã Hàm Minh và xã Tân Thành, áp dụng kỹ thuật làm giàn, tưới nhỏ giọt, bón "
        "phân hữu cơ kết hợp phân khoáng, cắt cành điều khiển ra hoa và phòng trừ bệnh mốc "
        "sương, bệnh thán thư. Kết quả theo dõi hai năm cho thấy cây sinh trưởng tốt, cho thu "
        "hoạch ba vụ mỗi năm, năng suất vụ thứ ba đạt 12 tấn mỗi héc-ta, chất lượng quả tương "
        "đương nho trồng tại Ninh Thuận. Hiệu quả kinh tế của mô hình cao gấp ba lần so với "
        "trồng hoa màu trên cùng diện tích, tuy nhiên chi phí đầu tư ban đầu lớn và đòi hỏi "
        "nguồn nước tưới ổn định. Đề tài đã xây dựng quy trình kỹ thuật trồng và chăm sóc nho "
        "trên đất cát, tập huấn cho 60 lượt nông dân và đề xuất vùng có thể mở rộng diện tích.",
        abstract_en="The project grew the Cardinal red grape on 1.5 hectares of coastal sand "
        "with trellises, drip irrigation and pruning to control flowering. Vines gave three "
        "crops a year and 12 tonnes per hectare in the third crop, three times the income of "
        "field crops, though the start-up cost is high and water must be secure.",
        chapters=[
            ("Tổng quan", ("Cây nho ở Nam Trung Bộ", "Điều kiện tự nhiên Hàm Thuận Nam")),
            ("Nội dung và phương pháp", ("Bố trí mô hình", "Các chỉ tiêu theo dõi")),
            ("Kết quả", ("Sinh trưởng và năng suất", "Hiệu quả kinh tế")),
        ],
    ), "fax"),
    (rt.task(
        slug="san-ho-phu-quy-2002",
        title="Điều tra hiện trạng rạn san hô và đề xuất giải pháp bảo vệ nguồn lợi ven đảo Phú "
              "Quý",
        title_en="Coral reefs around Phu Quy island: survey and protection measures",
        code="12/2002/HĐ-KHCN",
        pi=P("TS.", "Võ Sĩ Tuấn", "vhdh"),
        secretary=P("ThS.", "Nguyễn Xuân Hòa", "vhdh"),
        members=[P("ThS.", "Hứa Thái Tuyến", "vhdh"), P("KS.", "Đinh Văn Lợi", "ubpq"),
                 P("KS.", "Trương Thị Diệu", "ccts"), P("CN.", "Lưu Văn Tâm", "sokhcn")],
        host="vhdh", field_code="105", start="2002-01", end="2003-06", accepted="2003-11-20",
        budget_total=260_000_000, budget_state=260_000_000,
        district="phu-quy", sectors=["thuy-san", "moi-truong"],
        keywords=["san hô", "Phú Quý", "đa dạng sinh học", "bảo tồn biển"],
        keywords_en=["coral reef", "Phu Quy", "biodiversity", "marine conservation"],
        abstract="Vùng biển quanh đảo Phú Quý có các rạn san hô phong phú, là nơi cư trú và sinh "
        "sản của nhiều loài hải sản có giá trị kinh tế, nhưng đang bị suy thoái do khai thác "
        "bằng chất nổ, lưới kéo ven bờ và khai thác san hô làm vật liệu xây dựng. Đề tài đã "
        "khảo sát 24 điểm rạn bằng phương pháp lặn theo mặt cắt, xác định độ phủ san hô sống, "
        "thành phần loài san hô, cá rạn và động vật đáy, đồng thời phỏng vấn 150 hộ ngư dân về "
        "hoạt động khai thác. Kết quả ghi nhận 178 loài san hô cứng, độ phủ san hô sống trung "
        "bình chỉ còn 23%, nhiều điểm ở phía đông đảo bị phá hủy nặng. Trên cơ sở đánh giá mức "
        "độ suy thoái và nguyên nhân, đề tài đề xuất khoanh vùng bảo vệ nghiêm ngặt tại ba khu "
        "rạn còn tốt, quy chế quản lý có sự tham gia của cộng đồng, thả rạn nhân tạo và chuyển "
        "đổi nghề cho các hộ khai thác hủy diệt, làm cơ sở để địa phương xây dựng khu bảo tồn "
        "biển Phú Quý.",
        abstract_en="Reefs around Phu Quy are degraded by blast fishing, inshore trawling and "
        "coral mining. Transect dives at 24 sites found 178 hard coral species and only 23% "
        "live cover; the project proposed three strictly protected zones, community management, "
        "artificial reefs and alternative livelihoods.",
        chapters=[
            ("Tổng quan", ("Hệ sinh thái rạn san hô", "Vùng biển Phú Quý")),
            ("Phương pháp khảo sát", ("Mặt cắt rạn", "Điều tra cộng đồng")),
            ("Kết quả và giải pháp", ("Hiện trạng rạn san hô", "Giải pháp bảo vệ")),
        ],
    ), "photocopy"),
    (rt.task(
        slug="tin-hoc-hoa-van-phong-ubnd-2003",
        title="Xây dựng mạng thông tin điện tử phục vụ công tác chỉ đạo, điều hành của Văn "
              "phòng UBND tỉnh Bình Thuận",
        title_en="An electronic information network for the provincial People's Committee Office",
        code="ĐTKH.09/2003",
        pi=P("KS.", "Nguyễn Quang Minh", "ttud"),
        secretary=P("CN.", "Đặng Thị Thu Trang", "ttud"),
        members=[P("KS.", "Trần Quốc Huy", "stt"), P("KS.", "Lê Minh Trí", "ttud"),
                 P("CN.", "Phạm Thị Hiền", "sokhcn")],
        host="ttud", field_code="102", start="2003-02", end="2004-03", accepted="2004-06-25",
        budget_total=350_000_000, budget_state=350_000_000,
        district="phan-thiet", sectors=["cong-nghe-thong-tin"],
        keywords=["mạng thông tin", "tin học hóa", "quản lý văn bản", "chính quyền điện tử"],
        keywords_en=["information network", "computerisation", "document management",
                     "e-government"],
        abstract="Đến năm 2002, công tác chỉ đạo, điều hành của Văn phòng UBND tỉnh Bình Thuận "
        "vẫn chủ yếu dựa trên văn bản giấy, việc chuyển văn bản đến các sở, ngành và UBND các "
        "huyện mất nhiều ngày, thông tin báo cáo tổng hợp chậm và thiếu thống nhất. Đề tài đã "
        "khảo sát hạ tầng máy tính, đường truyền và nhu cầu trao đổi thông tin của Văn phòng và "
        "12 đơn vị, từ đó thiết kế mạng thông tin điện tử gồm mạng nội bộ, kết nối quay số với "
        "các đơn vị và trang thông tin điều hành. Nhóm nghiên cứu đã xây dựng các phần mềm quản "
        "lý văn bản đến, văn bản đi, lịch công tác, hộp thư điện tử và cơ sở dữ liệu văn bản "
        "quy phạm pháp luật của tỉnh, cài đặt và vận hành thử trong sáu tháng. Kết quả cho thấy "
        "thời gian chuyển văn bản giảm từ ba ngày xuống còn vài giờ, chi phí in ấn và gửi văn "
        "bản giấy giảm khoảng 40%, lãnh đạo có thể tra cứu thông tin mọi lúc. Đề tài đã đào tạo "
        "45 cán bộ sử dụng thành thạo hệ thống và đề xuất lộ trình mở rộng đến cấp huyện.",
        abstract_en="The People's Committee Office still worked on paper in 2002. The project "
        "built a local network, dial-up links to 12 agencies, an operations website and "
        "software for incoming and outgoing documents, schedules, e-mail and legal texts: "
        "documents now travel in hours instead of three days and printing costs fell by 40%.",
        chapters=[
            ("Tổng quan", ("Tin học hóa quản lý nhà nước", "Hiện trạng tại Văn phòng UBND")),
            ("Thiết kế hệ thống", ("Hạ tầng mạng", "Các phần mềm ứng dụng")),
            ("Triển khai", ("Cài đặt và đào tạo", "Kết quả vận hành thử")),
        ],
    ), "low_res"),
]


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def write_scan(task: rt.Task, st: rp.Style, profile: str, path: Path) -> int:
    pages = [rp.scan_cover(task, st), rp.scan_sheet(task, st), rp.scan_abstract(task, st)]
    c = ps.new_canvas(path, title=f"scan_{task.slug}.pdf", author="Scanner")
    for number, page in enumerate(pages, start=1):
        rng = random.Random(f"scan:{profile}:{task.slug}:{number}")
        data = PROFILES[profile](page.img, rng)
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width=rp.W, height=rp.H)
        c.showPage()
    c.save()
    return len(pages)


def build(out: Path) -> list[dict]:
    """Write the extra scans under ``out/scanned`` and return their ground-truth entries."""
    out = Path(out)
    (out / "scanned").mkdir(parents=True, exist_ok=True)
    entries = []
    for index, (task, profile) in enumerate(EXTRA_TASKS):
        st = rp.choose_style(task, 200 + index)
        rel = f"scanned/{task.slug}.pdf"
        write_scan(task, st, profile, out / rel)
        entries.append({
            "path": rel,
            "scan_profile": profile,
            # abstracts read by OCR are not compared letter for letter
            "expected": {
                **{k: v for k, v in rp.expected(task).items() if not k.startswith("abstract")},
                "scanned": True,
            },
        })
    return entries


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    entries = build(out)
    print(f"Wrote {len(entries)} scanned reports to {out / 'scanned'}")


if __name__ == "__main__":
    main()
