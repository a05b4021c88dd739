"""Patent and utility-solution documents of Bình Thuận applicants, as data.

``patents.py`` renders each :class:`PatentDocument` to a PDF and builds its ground-truth entry
from the same object, so the expected metadata is never typed twice. Numbers follow IP Vietnam's
formats (domain-research.md §3.4): application ``T-YYYY-NNNNN`` with T = 1 (patent) or 2
(utility solution), grant number ``1-00NNNNN`` / ``2-000NNNN``. IPC symbols carry their version
as printed, e.g. ``("A23L 27/50", "2016.01")``. All people, companies and numbers are invented;
places and sectors are Bình Thuận's (§8).

Layout options (how the front page is printed, to vary what a parser meets):

``layout``
    ``inline`` "(21) Số đơn: 1-2018-04512"; ``stacked`` label on one line, value below;
    ``two_column`` bibliographic items on the left, (54) and (57) on the right, lines at the same
    heights (English documents are always two-column).
``date_style``
    Vietnamese documents: ``dot`` "12.03.2019" or ``slash`` "12/03/2019".
``inventor_style``
    ``comma``, ``semicolon`` or ``lines`` (one inventor per line).
``party_style``
    ``comma`` "Name (VN), address" on one run, or ``lines`` (name, then the address below).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Party:
    """An applicant or owner: organisation or person."""

    name: str
    address: str
    country: str = "VN"


@dataclass(frozen=True)
class Inventor:
    name: str
    title: str = ""  # academic title printed before the name ("TS."), not part of the name
    country: str = "VN"
    city: str = ""  # printed in English documents, US style: "Name, City (VN)"


@dataclass(frozen=True)
class PatentDocument:
    language: str  # "vi" | "en"
    kind: str  # "patent" | "utility_solution"
    application_number: str
    filed: str  # ISO dates
    published: str  # (43)
    granted: str | None  # (45), granted documents only
    patent_number: str | None
    ipc: tuple[tuple[str, str], ...]  # (symbol, version)
    title: str
    abstract: str
    applicants: tuple[Party, ...]
    inventors: tuple[Inventor, ...]
    agent: str | None
    field: str
    background: str
    summary: str
    examples: tuple[str, ...]
    claims: tuple[str, ...]
    layout: str = "inline"
    date_style: str = "dot"
    inventor_style: str = "comma"
    party_style: str = "comma"


# --------------------------------------------------------------------------- parties

PTU = Party(
    "Trường Đại học Phan Thiết",
    "225 Nguyễn Thông, phường Phú Hài, thành phố Phan Thiết, tỉnh Bình Thuận",
)
PTU_EN = Party(
    "Phan Thiet University",
    "225 Nguyen Thong Street, Phu Hai Ward, Phan Thiet City, Binh Thuan Province, Viet Nam",
)
BLUESEA = "Công ty TNHH Sở hữu trí tuệ Biển Xanh (BLUESEA IP)"
BLUESEA_EN = "BLUESEA IP Co., Ltd."
NGUYEN_LAW = "Văn phòng Luật sư Nguyễn và Cộng sự"

DOCUMENTS: list[PatentDocument] = []


def add(**fields) -> None:
    DOCUMENTS.append(PatentDocument(**fields))


# --------------------------------------------------------------------------- Vietnamese

add(
    language="vi",
    kind="patent",
    application_number="1-2018-04512",
    filed="2018-10-12",
    published="2019-01-25",
    granted="2021-06-25",
    patent_number="1-0029874",
    ipc=(("A23L 17/20", "2016.01"), ("A23L 17/65", "2016.01"), ("A23L 27/50", "2016.01")),
    title=(
        "Quy trình sản xuất nước mắm từ cá cơm có bổ sung chế phẩm enzyme protease "
        "để rút ngắn thời gian ủ chượp"
    ),
    abstract=(
        "Sáng chế đề cập đến quy trình sản xuất nước mắm từ cá cơm than (Stolephorus "
        "commersonii) vùng biển Phan Thiết, bao gồm các bước: rửa nhanh cá bằng "
        "nước biển sạch, trộn cá với muối hạt theo tỷ lệ khối lượng 3:1, bổ sung chế phẩm "
        "enzyme protease thu từ nội tạng cá ngừ với lượng 0,3 đến 0,5% khối lượng cá, ủ chượp "
        "trong thùng gỗ bời lời ở nhiệt độ 35 đến 40 °C có đảo trộn định kỳ, rút nước mắm cốt "
        "bằng phương pháp kéo rút và lọc qua lớp than hoạt tính từ gáo dừa. Quy trình theo sáng "
        "chế rút ngắn thời gian ủ chượp từ 12 tháng xuống còn 5 đến 6 tháng, cho nước mắm có "
        "độ đạm toàn phần từ 30 đến 35 gN/l, hàm lượng histamin dưới 200 mg/l, giữ được hương "
        "vị đặc trưng."
    ),
    applicants=(
        Party(
            "Công ty TNHH Nước mắm Hải Đăng Phan Thiết",
            "48 Võ Văn Kiệt, phường Phú Hài, thành phố Phan Thiết, tỉnh Bình Thuận",
        ),
    ),
    inventors=(
        Inventor("Nguyễn Văn An"),
        Inventor("Trần Thị Bích Ngọc"),
        Inventor("Lê Quang Vinh"),
    ),
    agent=BLUESEA,
    field=(
        "Sáng chế đề cập đến lĩnh vực chế biến thủy sản, cụ thể là quy trình sản xuất nước mắm "
        "truyền thống từ cá cơm có sử dụng chế phẩm enzyme để thúc đẩy quá trình thủy phân "
        "protein trong giai đoạn ủ chượp."
    ),
    background=(
        "Nước mắm Phan Thiết được sản xuất theo phương pháp truyền thống: cá cơm tươi trộn "
        "muối, ủ trong thùng gỗ từ 9 đến 12 tháng rồi kéo rút. Thời gian ủ dài làm tăng chi phí "
        "lưu kho, chiếm dụng thùng chượp và vốn lưu động của cơ sở sản xuất. Các giải pháp đã "
        "biết dùng enzyme bromelain từ dứa hoặc papain từ đu đủ có rút ngắn được thời gian ủ "
        "nhưng tạo mùi lạ, làm nước mắm kém thơm và không đáp ứng tiêu chí của chỉ dẫn địa lý "
        "Phan Thiết. Ngoài ra, việc ủ ở nhiệt độ cao không kiểm soát dễ làm tăng hàm lượng "
        "histamin."
    ),
    summary=(
        "Mục đích của sáng chế là đề xuất quy trình sản xuất nước mắm rút ngắn thời gian ủ "
        "chượp mà vẫn giữ được hương vị đặc trưng. Để đạt được mục đích này, sáng chế sử dụng "
        "chế phẩm protease nội sinh thu từ nội tạng cá ngừ, là loại enzyme có sẵn trong nguyên "
        "liệu thủy sản nên không tạo mùi lạ, kết hợp với chế độ nhiệt từ 35 đến 40 °C được duy "
        "trì bằng mái che hấp thụ nhiệt mặt trời và chế độ đảo trộn 15 ngày một lần trong "
        "tháng đầu."
    ),
    examples=(
        "Ví dụ 1: 3.000 kg cá cơm than tươi được rửa nhanh bằng nước biển, để ráo 30 phút, "
        "trộn đều với 1.000 kg muối hạt Phan Thiết và 12 kg chế phẩm protease dạng bột. Hỗn "
        "hợp được nén chặt trong thùng gỗ bời lời dung tích 5 m³, phủ một lớp muối mặt dày 5 cm "
        "và ủ dưới mái che. Sau 5,5 tháng, chượp chín, thu được 1.450 lít nước mắm cốt có độ "
        "đạm toàn phần 32,6 gN/l, đạm amin 16,1 gN/l, histamin 148 mg/l.",
        "Ví dụ 2 (đối chứng): thực hiện như ví dụ 1 nhưng không bổ sung chế phẩm protease; sau "
        "5,5 tháng chượp chưa chín, độ đạm của dịch rút chỉ đạt 18,4 gN/l.",
    ),
    claims=(
        "Quy trình sản xuất nước mắm từ cá cơm, bao gồm các bước: rửa cá bằng nước biển sạch; "
        "trộn cá với muối hạt theo tỷ lệ khối lượng cá:muối là 3:1; bổ sung chế phẩm enzyme "
        "protease thu từ nội tạng cá ngừ với lượng từ 0,3 đến 0,5% khối lượng cá; ủ chượp ở "
        "nhiệt độ từ 35 đến 40 °C; và kéo rút, lọc nước mắm cốt.",
        "Quy trình theo điểm 1, trong đó việc ủ chượp được thực hiện trong thùng gỗ bời lời "
        "đặt dưới mái che hấp thụ nhiệt mặt trời.",
        "Quy trình theo điểm 1 hoặc 2, trong đó chượp được đảo trộn 15 ngày một lần trong "
        "tháng đầu tiên của quá trình ủ.",
        "Quy trình theo điểm bất kỳ trong số các điểm từ 1 đến 3, trong đó nước mắm cốt được "
        "lọc qua lớp than hoạt tính sản xuất từ gáo dừa.",
    ),
    layout="inline",
    date_style="dot",
    inventor_style="comma",
    party_style="comma",
)

add(
    language="vi",
    kind="utility_solution",
    application_number="2-2020-00215",
    filed="2020-02-17",
    published="2020-05-25",
    granted="2022-03-25",
    patent_number="2-0002786",
    ipc=(("A23L 17/20", "2016.01"), ("F24S 20/00", "2018.01")),
    title=(
        "Bể ủ chượp nước mắm bằng vật liệu composite có lớp cách nhiệt và ống gia nhiệt "
        "bằng năng lượng mặt trời"
    ),
    abstract=(
        "Giải pháp hữu ích đề cập đến bể ủ chượp nước mắm bao gồm thân bể hình trụ đứng làm "
        "bằng nhựa composite cốt sợi thủy tinh, lớp cách nhiệt bằng xốp polyurethane dày 50 mm "
        "bao quanh thân bể, hệ ống đồng gia nhiệt dạng xoắn đặt sát đáy bể được nối với bộ thu "
        "nhiệt mặt trời kiểu ống chân không đặt trên mái nhà xưởng, van xả đáy bằng inox và "
        "ống rút nước mắm có lưới lọc. Nhờ lớp cách nhiệt và nguồn nhiệt mặt trời, nhiệt độ "
        "khối chượp được giữ ổn định từ 38 đến 42 °C cả ngày lẫn đêm, giúp chượp chín đều sau "
        "6 đến 7 tháng. Bể không bị mục, không thấm muối ra nền, dễ vệ sinh và thay thế được "
        "thùng gỗ truyền thống ngày càng khan hiếm tại các cơ sở chế biến ở Phan Thiết."
    ),
    applicants=(
        Party(
            "Lê Văn Hải",
            "khu phố 5, phường Đức Thắng, thành phố Phan Thiết, tỉnh Bình Thuận",
        ),
        Party(
            "Phạm Thị Thu Hà",
            "khu phố 5, phường Đức Thắng, thành phố Phan Thiết, tỉnh Bình Thuận",
        ),
    ),
    inventors=(Inventor("Lê Văn Hải"), Inventor("Phạm Thị Thu Hà")),
    agent=None,
    field=(
        "Giải pháp hữu ích đề cập đến thiết bị dùng trong chế biến thủy sản, cụ thể là bể ủ "
        "chượp dùng để sản xuất nước mắm theo phương pháp truyền thống."
    ),
    background=(
        "Các cơ sở sản xuất nước mắm ở Phan Thiết chủ yếu ủ chượp trong thùng gỗ bời lời hoặc "
        "gỗ dầu đai bằng mây. Gỗ làm thùng ngày càng khan hiếm, giá cao; thùng gỗ dễ mục, rò rỉ "
        "nước muối ra nền và khó vệ sinh. Bể xây bằng xi măng có giá thành thấp nhưng bị muối "
        "ăn mòn, nhiệt độ khối chượp dao động mạnh giữa ngày và đêm nên thời gian ủ kéo dài."
    ),
    summary=(
        "Giải pháp hữu ích đề xuất bể ủ chượp bằng composite có lớp cách nhiệt và nguồn nhiệt "
        "từ bộ thu năng lượng mặt trời. Bể gồm: thân bể hình trụ đứng đường kính 2,2 m, cao "
        "1,8 m; lớp cách nhiệt polyurethane; vỏ bảo vệ bằng tôn; hệ ống đồng xoắn đặt sát đáy, "
        "trong ống tuần hoàn nước nóng từ bộ thu nhiệt; van xả đáy và ống rút có lưới lọc inox "
        "cỡ lỗ 1 mm. Một bộ điều khiển nhiệt đơn giản đóng ngắt bơm tuần hoàn khi nhiệt độ khối "
        "chượp vượt 42 °C."
    ),
    examples=(
        "Ví dụ thực hiện: hai bể theo giải pháp, mỗi bể chứa 4.500 kg chượp cá cơm, được lắp "
        "đặt tại cơ sở sản xuất ở phường Đức Thắng từ tháng 3 năm 2019. Nhiệt độ khối chượp đo "
        "hằng ngày dao động từ 38,5 đến 41,8 °C. Sau 6,5 tháng chượp chín, nước mắm cốt đạt độ "
        "đạm 30,2 gN/l; thùng gỗ đối chứng cùng thời điểm chỉ đạt 21,7 gN/l.",
    ),
    claims=(
        "Bể ủ chượp nước mắm, bao gồm: thân bể hình trụ đứng làm bằng nhựa composite cốt sợi "
        "thủy tinh; lớp cách nhiệt bằng xốp polyurethane bao quanh thân bể; hệ ống gia nhiệt "
        "dạng xoắn đặt sát đáy bể, được nối với bộ thu nhiệt năng lượng mặt trời; van xả đáy; "
        "và ống rút nước mắm có lưới lọc.",
        "Bể ủ chượp theo điểm 1, trong đó lớp cách nhiệt có chiều dày từ 40 đến 60 mm và được "
        "bọc ngoài bằng vỏ tôn.",
        "Bể ủ chượp theo điểm 1 hoặc 2, còn bao gồm bộ điều khiển nhiệt đóng ngắt bơm tuần "
        "hoàn khi nhiệt độ khối chượp vượt quá 42 °C.",
    ),
    layout="stacked",
    date_style="slash",
    inventor_style="lines",
    party_style="lines",
)

add(
    language="vi",
    kind="patent",
    application_number="1-2017-03098",
    filed="2017-08-04",
    published="2018-01-25",
    granted="2020-11-25",
    patent_number="1-0026415",
    ipc=(("A23B 7/16", "2006.01"), ("A23B 7/154", "2006.01")),
    title=(
        "Phương pháp bảo quản quả thanh long tươi bằng màng bao chitosan kết hợp dịch chiết "
        "lá ổi"
    ),
    abstract=(
        "Sáng chế đề cập đến phương pháp bảo quản quả thanh long ruột trắng và ruột đỏ sau thu "
        "hoạch, bao gồm các bước: tuyển chọn quả có độ chín thương phẩm 28 đến 30 ngày sau khi "
        "hoa nở, cắt tỉa tai quả, rửa bằng nước ozon nồng độ 1,5 mg/l, nhúng quả trong dung "
        "dịch tạo màng chứa chitosan 1,5%, dịch chiết lá ổi 2% và glycerol 0,5% trong 60 giây, "
        "hong khô bằng quạt gió ở nhiệt độ phòng, đóng gói trong thùng carton có lót giấy và "
        "bảo quản ở nhiệt độ 10 ± 1 °C, độ ẩm 85 đến 90%. Phương pháp theo sáng chế kéo dài "
        "thời gian bảo quản quả lên 45 ngày, tỷ lệ hư hỏng do nấm Neoscytalidium dimidiatum "
        "dưới 5%, tai quả giữ màu xanh, đáp ứng yêu cầu xuất khẩu bằng đường biển."
    ),
    applicants=(
        Party(
            "Trung tâm Thông tin và Ứng dụng tiến bộ khoa học và công nghệ Bình Thuận",
            "02 Nguyễn Tất Thành, phường Bình Hưng, thành phố Phan Thiết, tỉnh Bình Thuận",
        ),
        PTU,
    ),
    inventors=(
        Inventor("Võ Thị Mỹ Linh", "ThS."),
        Inventor("Huỳnh Văn Tâm", "TS."),
        Inventor("Đặng Minh Khoa", "KS."),
    ),
    agent=None,
    field=(
        "Sáng chế đề cập đến lĩnh vực bảo quản nông sản sau thu hoạch, cụ thể là phương pháp "
        "bảo quản quả thanh long tươi bằng màng bao ăn được."
    ),
    background=(
        "Thanh long là cây trồng chủ lực của tỉnh Bình Thuận với diện tích khoảng 30.000 ha, "
        "được bảo hộ chỉ dẫn địa lý tại Nhật Bản và Liên minh châu Âu. Quả thanh long sau thu "
        "hoạch nhanh mất nước, tai quả héo vàng và dễ bị bệnh đốm trắng, thối quả. Các phương "
        "pháp đã biết sử dụng màng sáp thương mại hoặc hóa chất chống nấm tổng hợp như "
        "carbendazim, không được chấp nhận tại nhiều thị trường nhập khẩu. Màng chitosan đơn "
        "thuần có tác dụng giữ ẩm nhưng khả năng kháng nấm còn hạn chế."
    ),
    summary=(
        "Mục đích của sáng chế là đề xuất phương pháp bảo quản không dùng hóa chất tổng hợp. "
        "Sáng chế kết hợp chitosan với dịch chiết lá ổi giàu polyphenol có hoạt tính kháng nấm, "
        "cùng với glycerol làm chất hóa dẻo giúp màng không nứt khi quả co ngót. Dịch chiết lá "
        "ổi được chuẩn bị bằng cách ngâm lá ổi khô trong ethanol 50% theo tỷ lệ 1:10 trong "
        "24 giờ, lọc và cô chân không đến hàm lượng chất khô 20%."
    ),
    examples=(
        "Ví dụ 1: 500 kg quả thanh long ruột trắng thu hoạch tại xã Hàm Minh, huyện Hàm Thuận "
        "Nam được xử lý theo phương pháp nêu trên và bảo quản ở 10 °C. Sau 45 ngày, tỷ lệ hao "
        "hụt khối lượng là 4,8%, tỷ lệ quả hư hỏng 3,2%, độ Brix 13,5 so với 13,9 lúc thu hoạch.",
        "Ví dụ 2 (đối chứng): quả không bao màng, bảo quản ở cùng điều kiện, sau 25 ngày tỷ lệ "
        "quả hư hỏng đã lên tới 31%.",
    ),
    claims=(
        "Phương pháp bảo quản quả thanh long tươi, bao gồm các bước: tuyển chọn quả; rửa quả "
        "bằng nước ozon; nhúng quả trong dung dịch tạo màng chứa chitosan từ 1 đến 2%, dịch "
        "chiết lá ổi từ 1,5 đến 2,5% và glycerol từ 0,3 đến 0,7%; hong khô màng; và bảo quản "
        "quả ở nhiệt độ từ 9 đến 11 °C.",
        "Phương pháp theo điểm 1, trong đó thời gian nhúng quả là từ 45 đến 90 giây.",
        "Phương pháp theo điểm 1, trong đó dịch chiết lá ổi thu được bằng cách ngâm lá ổi khô "
        "trong ethanol 50% rồi cô chân không đến hàm lượng chất khô 20%.",
        "Phương pháp theo điểm bất kỳ trong số các điểm từ 1 đến 3, trong đó độ ẩm không khí "
        "bảo quản là từ 85 đến 90%.",
        "Phương pháp theo điểm 1, trong đó nước ozon có nồng độ ozon từ 1 đến 2 mg/l.",
    ),
    layout="two_column",
    date_style="dot",
    inventor_style="semicolon",
    party_style="comma",
)

add(
    language="vi",
    kind="patent",
    application_number="1-2021-05873",
    filed="2021-09-14",
    published="2022-01-25",
    granted=None,
    patent_number=None,
    ipc=(("C12G 3/024", "2019.01"), ("A23L 2/02", "2006.01")),
    title="Quy trình sản xuất rượu vang từ quả thanh long ruột đỏ",
    abstract=(
        "Sáng chế đề cập đến quy trình sản xuất rượu vang từ quả thanh long ruột đỏ (Hylocereus "
        "costaricensis) trồng tại Bình Thuận, bao gồm các bước: gọt vỏ, nghiền thịt quả, xử lý "
        "dịch quả bằng chế phẩm pectinase 0,05% ở 45 °C trong 2 giờ, điều chỉnh độ Brix lên "
        "22 bằng đường mía và pH về 3,6 bằng acid citric, bổ sung kali metabisulfit 100 mg/l, "
        "lên men chính bằng nấm men Saccharomyces cerevisiae chủng RV-BT2 ở 18 đến 20 °C trong "
        "10 ngày, lên men phụ và tàng trữ ở 10 °C trong 60 ngày, làm trong bằng bentonit và "
        "lọc. Rượu vang thu được có độ cồn 11 đến 12% thể tích, màu đỏ tím tự nhiên của sắc tố "
        "betacyanin được giữ ổn định nhờ kiểm soát nhiệt độ lên men thấp và hạn chế tiếp xúc "
        "oxy."
    ),
    applicants=(
        Party(
            "Công ty Cổ phần Thực phẩm Thanh Long Hàm Thuận",
            "thôn Phú Điền, xã Hàm Hiệp, huyện Hàm Thuận Bắc, tỉnh Bình Thuận",
        ),
    ),
    inventors=(
        Inventor("Nguyễn Thị Hồng Nhung"),
        Inventor("Bùi Quốc Bảo"),
        Inventor("Trương Văn Lợi"),
    ),
    agent=BLUESEA,
    field=(
        "Sáng chế đề cập đến lĩnh vực công nghệ thực phẩm, cụ thể là quy trình sản xuất đồ "
        "uống có cồn lên men từ quả thanh long ruột đỏ."
    ),
    background=(
        "Vào chính vụ, giá thanh long giảm mạnh và một phần lớn quả không đạt tiêu chuẩn xuất "
        "khẩu bị bán với giá thấp. Rượu vang thanh long đã được sản xuất thủ công nhưng sản "
        "phẩm thường bị mất màu chỉ sau vài tuần, có vị nhạt và mùi hăng do lên men ở nhiệt độ "
        "cao. Sắc tố betacyanin của thanh long ruột đỏ kém bền với nhiệt và oxy."
    ),
    summary=(
        "Sáng chế giải quyết vấn đề nêu trên bằng cách xử lý dịch quả bằng pectinase để tăng "
        "hiệu suất thu dịch, lên men ở nhiệt độ thấp từ 18 đến 20 °C bằng chủng nấm men được "
        "tuyển chọn từ vỏ quả thanh long, và tàng trữ trong thùng kín có nạp khí nitơ. Nhờ đó "
        "rượu giữ được màu đỏ tím và hương thơm trái cây."
    ),
    examples=(
        "Ví dụ thực hiện: 200 kg quả thanh long ruột đỏ cho 142 lít dịch quả sau xử lý "
        "pectinase. Sau lên men chính 10 ngày và tàng trữ 60 ngày, thu được 128 lít rượu vang "
        "có độ cồn 11,6% thể tích, đường sót 8 g/l, hàm lượng betacyanin còn lại 71% so với "
        "dịch quả ban đầu; điểm cảm quan trung bình đạt 16,8/20.",
    ),
    claims=(
        "Quy trình sản xuất rượu vang từ quả thanh long ruột đỏ, bao gồm các bước: nghiền thịt "
        "quả; xử lý dịch quả bằng chế phẩm pectinase; điều chỉnh độ Brix và pH của dịch quả; "
        "lên men chính bằng nấm men Saccharomyces cerevisiae ở nhiệt độ từ 18 đến 20 °C; lên men "
        "phụ và tàng trữ ở nhiệt độ từ 8 đến 12 °C; làm trong và lọc.",
        "Quy trình theo điểm 1, trong đó độ Brix được điều chỉnh đến từ 20 đến 24 và pH được "
        "điều chỉnh đến từ 3,4 đến 3,8.",
        "Quy trình theo điểm 1 hoặc 2, trong đó việc tàng trữ được thực hiện trong thùng kín "
        "có nạp khí nitơ.",
    ),
    layout="stacked",
    date_style="dot",
    inventor_style="comma",
    party_style="lines",
)

add(
    language="vi",
    kind="utility_solution",
    application_number="2-2019-00431",
    filed="2019-06-03",
    published="2019-09-25",
    granted="2021-02-25",
    patent_number="2-0002413",
    ipc=(("A01G 7/04", "2006.01"), ("F21S 9/03", "2006.01"), ("H05B 45/10", "2020.01")),
    title=(
        "Hệ thống đèn LED điều khiển theo chu kỳ dùng để xử lý ra hoa trái vụ cho cây "
        "thanh long"
    ),
    abstract=(
        "Giải pháp hữu ích đề cập đến hệ thống đèn LED dùng để chiếu sáng kích thích cây thanh "
        "long ra hoa trái vụ, bao gồm: các bóng đèn LED công suất 9 W có phổ phát xạ tập trung "
        "ở bước sóng đỏ 630 đến 660 nm và đỏ xa 730 nm, dây dẫn và đui đèn chống nước cấp IP65, "
        "tủ điều khiển trung tâm có bộ định thời lập trình được và mô-đun đóng cắt theo từng "
        "nhánh, cho phép chiếu sáng gián đoạn theo chu kỳ 15 phút bật, 15 phút tắt trong "
        "khoảng từ 22 giờ đến 2 giờ sáng. So với chiếu sáng liên tục bằng bóng đèn sợi đốt "
        "hoặc bóng compact, hệ thống tiết kiệm 60 đến 70% điện năng, tỷ lệ trụ ra hoa đạt trên "
        "90% sau 18 đến 20 đêm chiếu sáng."
    ),
    applicants=(
        Party(
            "Đỗ Văn Sáu",
            "thôn Ku Kê, xã Hàm Liêm, huyện Hàm Thuận Bắc, tỉnh Bình Thuận",
        ),
    ),
    inventors=(Inventor("Đỗ Văn Sáu"), Inventor("Đỗ Thị Kim Oanh")),
    agent=None,
    field=(
        "Giải pháp hữu ích đề cập đến lĩnh vực nông nghiệp công nghệ cao, cụ thể là hệ thống "
        "chiếu sáng dùng để điều khiển sự ra hoa của cây thanh long."
    ),
    background=(
        "Để có quả thanh long trái vụ, nông dân Bình Thuận thắp đèn vào ban đêm trong khoảng "
        "15 đến 25 đêm liên tục. Phần lớn các vườn dùng bóng sợi đốt 60 W hoặc bóng compact "
        "20 W, thắp liên tục từ 18 giờ đến 6 giờ sáng, tiêu thụ nhiều điện năng, gây quá tải "
        "lưới điện nông thôn vào mùa xử lý ra hoa. Bóng compact vỡ còn làm rơi vãi thủy ngân "
        "ra đồng ruộng."
    ),
    summary=(
        "Giải pháp hữu ích đề xuất hệ thống gồm bóng LED có phổ đỏ và đỏ xa tác động trực tiếp "
        "lên sắc tố phytochrome của cây, kết hợp tủ điều khiển chiếu sáng gián đoạn. Mỗi trụ "
        "thanh long được chiếu bằng một bóng LED 9 W đặt cách đỉnh trụ 0,5 m. Tủ điều khiển có "
        "bộ định thời lập trình được, các rơ-le đóng cắt luân phiên từng nhánh để dòng khởi "
        "động không vượt quá công suất máy biến áp của vườn."
    ),
    examples=(
        "Ví dụ thực hiện: hệ thống được lắp cho vườn 1 ha gồm 1.100 trụ thanh long tại xã Hàm "
        "Liêm. Sau 19 đêm chiếu sáng theo chu kỳ 15 phút bật, 15 phút tắt từ 22 giờ đến 2 giờ, "
        "94% số trụ ra nụ; điện năng tiêu thụ cả đợt là 396 kWh, so với 1.390 kWh của vườn đối "
        "chứng dùng bóng compact 20 W thắp liên tục.",
    ),
    claims=(
        "Hệ thống đèn LED dùng để xử lý ra hoa trái vụ cho cây thanh long, bao gồm: các bóng đèn "
        "LED có phổ phát xạ trong dải đỏ từ 630 đến 660 nm và dải đỏ xa khoảng 730 nm; dây dẫn "
        "và đui đèn chống nước; và tủ điều khiển có bộ định thời lập trình được và các mô-đun "
        "đóng cắt theo từng nhánh đèn.",
        "Hệ thống theo điểm 1, trong đó bộ định thời được lập trình để chiếu sáng gián đoạn "
        "theo chu kỳ 15 phút bật, 15 phút tắt.",
        "Hệ thống theo điểm 1 hoặc 2, trong đó các mô-đun đóng cắt đóng điện luân phiên cho "
        "từng nhánh đèn.",
        "Hệ thống theo điểm bất kỳ trong số các điểm từ 1 đến 3, trong đó mỗi bóng đèn LED có "
        "công suất từ 7 đến 12 W.",
    ),
    layout="inline",
    date_style="slash",
    inventor_style="semicolon",
    party_style="comma",
)

add(
    language="vi",
    kind="patent",
    application_number="1-2016-02147",
    filed="2016-06-08",
    published="2016-10-25",
    granted="2019-08-26",
    patent_number="1-0021903",
    ipc=(("C22B 34/12", "2006.01"), ("C22B 5/10", "2006.01"), ("C22B 4/06", "2006.01")),
    title=(
        "Quy trình sản xuất xỉ titan từ tinh quặng ilmenit sa khoáng ven biển bằng phương pháp "
        "hoàn nguyên trong lò điện hồ quang"
    ),
    abstract=(
        "Sáng chế đề cập đến quy trình sản xuất xỉ titan hàm lượng TiO2 từ 85 đến 90% từ tinh "
        "quặng ilmenit sa khoáng ven biển Bình Thuận, bao gồm các bước: sấy tinh quặng đến độ "
        "ẩm dưới 0,5%, phối trộn với than antraxit cỡ hạt 1 đến 5 mm theo tỷ lệ 100:12 và chất "
        "kết dính lignosulfonat, vê viên và sấy viên, nạp liệu liên tục vào lò điện hồ quang ba "
        "pha kiểu kín, hoàn nguyên ở nhiệt độ 1.650 đến 1.700 °C, tháo riêng xỉ titan và gang, "
        "làm nguội chậm và nghiền xỉ. Việc vê viên liệu làm giảm bụi "
        "cuốn theo khí lò, ổn định hồ quang và giảm tiêu hao điện năng xuống còn 2.150 kWh trên "
        "một tấn xỉ. Gang thu hồi đồng thời có hàm lượng cacbon 2 đến 3% dùng làm nguyên liệu "
        "luyện thép."
    ),
    applicants=(
        Party(
            "Công ty Cổ phần Khoáng sản Titan Hàm Tân",
            "Khu công nghiệp Tân Đức, xã Tân Đức, huyện Hàm Tân, tỉnh Bình Thuận",
        ),
        PTU,
    ),
    inventors=(
        Inventor("Phạm Đức Thắng", "PGS.TS."),
        Inventor("Ngô Thị Thanh Hương", "TS."),
        Inventor("Lương Văn Toàn", "ThS."),
        Inventor("Hồ Minh Trí", "KS."),
    ),
    agent=None,
    field=(
        "Sáng chế đề cập đến lĩnh vực luyện kim màu, cụ thể là quy trình chế biến sâu quặng "
        "ilmenit để sản xuất xỉ titan làm nguyên liệu cho công nghiệp sản xuất pigment TiO2 "
        "theo phương pháp clo hóa hoặc sulfat hóa."
    ),
    background=(
        "Bình Thuận có trữ lượng lớn sa khoáng titan - zircon ven biển. Phần lớn tinh quặng "
        "ilmenit hiện được xuất khẩu thô với giá trị thấp. Các lò điện hồ quang hở đang vận hành "
        "trong nước nạp liệu dạng bột, gây cuốn bụi mạnh, hồ quang không ổn định, tiêu hao điện "
        "năng trên 2.600 kWh trên một tấn xỉ và hàm lượng TiO2 trong xỉ dao động lớn."
    ),
    summary=(
        "Sáng chế đề xuất vê viên hỗn hợp tinh quặng và than trước khi nạp lò, sử dụng lò điện "
        "hồ quang ba pha kiểu kín có thu hồi khí CO để sấy sơ bộ viên liệu, và điều khiển tỷ lệ "
        "than theo hàm lượng FeO trong xỉ đo nhanh tại mỗi mẻ tháo. Nhờ đó quá trình hoàn "
        "nguyên sắt diễn ra đều, xỉ đạt hàm lượng TiO2 ổn định và lượng bụi giảm đáng kể."
    ),
    examples=(
        "Ví dụ 1: tinh quặng ilmenit chứa 52,3% TiO2 được vê viên với 12% than antraxit và 1,5% "
        "lignosulfonat, sấy viên ở 250 °C. Nạp liệu vào lò 3 MVA trong 72 giờ vận hành liên "
        "tục, thu được xỉ titan chứa 87,4% TiO2, 5,1% FeO và gang chứa 2,6% cacbon; tiêu hao "
        "điện năng 2.140 kWh trên một tấn xỉ.",
        "Ví dụ 2: lặp lại ví dụ 1 với tỷ lệ than 14%; xỉ đạt 89,6% TiO2 nhưng tiêu hao điện "
        "năng tăng lên 2.290 kWh trên một tấn xỉ.",
    ),
    claims=(
        "Quy trình sản xuất xỉ titan từ tinh quặng ilmenit, bao gồm các bước: sấy tinh quặng; "
        "phối trộn tinh quặng với than antraxit và chất kết dính; vê viên và sấy viên; nạp viên "
        "liệu vào lò điện hồ quang kiểu kín; hoàn nguyên ở nhiệt độ từ 1.650 đến 1.700 °C; và "
        "tháo riêng xỉ titan và gang.",
        "Quy trình theo điểm 1, trong đó tỷ lệ khối lượng tinh quặng:than antraxit là từ 100:10 "
        "đến 100:14.",
        "Quy trình theo điểm 1 hoặc 2, trong đó chất kết dính là lignosulfonat với lượng từ 1 "
        "đến 2% khối lượng hỗn hợp.",
        "Quy trình theo điểm bất kỳ trong số các điểm từ 1 đến 3, trong đó khí CO thu hồi từ "
        "lò được dùng để sấy viên liệu.",
    ),
    layout="two_column",
    date_style="slash",
    inventor_style="lines",
    party_style="lines",
)

add(
    language="vi",
    kind="utility_solution",
    application_number="2-2018-00352",
    filed="2018-07-19",
    published="2018-10-25",
    granted="2020-04-27",
    patent_number="2-0002139",
    ipc=(("F26B 3/28", "2006.01"), ("A23B 4/03", "2006.01"), ("F25B 30/02", "2006.01")),
    title="Thiết bị sấy mực một nắng sử dụng năng lượng mặt trời kết hợp bơm nhiệt",
    abstract=(
        "Giải pháp hữu ích đề cập đến thiết bị sấy mực một nắng, bao gồm buồng sấy khung nhôm "
        "có mái và vách bằng tấm polycarbonate rỗng ruột hai lớp, các khay sấy bằng lưới inox "
        "xếp trên xe đẩy nhiều tầng, bộ thu nhiệt mặt trời kiểu tấm phẳng đặt nghiêng 15 độ "
        "về hướng nam, bơm nhiệt có dàn lạnh tách ẩm và dàn nóng cấp nhiệt, quạt hướng trục "
        "tuần hoàn không khí và bộ điều khiển tự động chuyển từ chế độ sấy bằng năng lượng mặt "
        "trời sang bơm nhiệt khi cường độ bức xạ giảm. Thiết bị giữ nhiệt độ "
        "tác nhân sấy ở 40 đến 45 °C, mực ống đạt độ ẩm 50 đến 55% sau 6 đến 8 giờ, sản "
        "phẩm không bị ruồi, cát bụi bám vào, giữ được màu trắng hồng và độ ngọt đặc "
        "trưng của mực một nắng."
    ),
    applicants=(
        Party(
            "Hợp tác xã Chế biến Hải sản Phan Rí Cửa",
            "khu phố Thanh Khiết, thị trấn Phan Rí Cửa, huyện Tuy Phong, tỉnh Bình Thuận",
        ),
    ),
    inventors=(
        Inventor("Trần Văn Phúc"),
        Inventor("Nguyễn Hữu Tài"),
        Inventor("Lâm Thị Yến"),
    ),
    agent=NGUYEN_LAW,
    field=(
        "Giải pháp hữu ích đề cập đến lĩnh vực thiết bị sấy nông sản và thủy sản, cụ thể là "
        "thiết bị sấy mực một nắng sử dụng kết hợp năng lượng mặt trời và bơm nhiệt."
    ),
    background=(
        "Mực một nắng là đặc sản của Bình Thuận, truyền thống được phơi trên giàn tre ngoài "
        "trời trong một ngày nắng. Phơi ngoài trời phụ thuộc thời tiết, sản phẩm dễ nhiễm bụi "
        "cát, ruồi nhặng và vi sinh vật, không đáp ứng yêu cầu an toàn thực phẩm của chuỗi siêu "
        "thị. Máy sấy dùng điện trở hoặc đốt than tiêu tốn nhiều năng lượng và làm mực bị khô "
        "cứng bề mặt, sẫm màu."
    ),
    summary=(
        "Giải pháp hữu ích đề xuất buồng sấy kín dạng nhà kính kết hợp bơm nhiệt. Khi trời "
        "nắng, không khí được gia nhiệt qua bộ thu nhiệt mặt trời; khi bức xạ dưới 300 W/m² "
        "hoặc về chiều tối, bộ điều khiển khởi động bơm nhiệt. Dàn lạnh của bơm nhiệt ngưng "
        "tụ hơi nước tách ẩm khỏi không khí tuần hoàn nên nhiệt độ sấy thấp mà tốc độ sấy vẫn "
        "cao, tránh hiện tượng khô cứng bề mặt."
    ),
    examples=(
        "Ví dụ thực hiện: thiết bị có buồng sấy 6 m × 3 m, 4 xe đẩy mỗi xe 10 khay, bơm nhiệt "
        "công suất điện 3 kW. Mẻ sấy 300 kg mực ống tươi đã làm sạch, bắt đầu lúc 8 giờ, đạt độ "
        "ẩm 52% lúc 15 giờ 30; điện năng tiêu thụ 11,5 kWh. Mẫu sản phẩm đạt chỉ tiêu vi sinh "
        "theo QCVN 8-3:2012/BYT.",
    ),
    claims=(
        "Thiết bị sấy mực một nắng, bao gồm: buồng sấy có mái và vách bằng tấm polycarbonate "
        "trong suốt; các khay sấy bằng lưới inox xếp trên xe đẩy nhiều tầng; bộ thu nhiệt mặt "
        "trời kiểu tấm phẳng; bơm nhiệt có dàn lạnh tách ẩm và dàn nóng cấp nhiệt; quạt tuần "
        "hoàn không khí; và bộ điều khiển tự động chuyển chế độ sấy theo cường độ bức xạ mặt "
        "trời.",
        "Thiết bị theo điểm 1, trong đó bộ điều khiển khởi động bơm nhiệt khi cường độ bức xạ "
        "mặt trời thấp hơn 300 W/m².",
        "Thiết bị theo điểm 1 hoặc 2, trong đó nhiệt độ tác nhân sấy được duy trì trong khoảng "
        "từ 40 đến 45 °C.",
    ),
    layout="stacked",
    date_style="dot",
    inventor_style="comma",
    party_style="comma",
)

add(
    language="vi",
    kind="patent",
    application_number="1-2022-07316",
    filed="2022-11-02",
    published="2023-02-27",
    granted=None,
    patent_number=None,
    ipc=(("A61K 36/886", "2006.01"), ("A23L 33/105", "2016.01"), ("A23L 19/00", "2016.01")),
    title="Quy trình chiết tách và ổn định gel nha đam không đắng dùng cho thực phẩm",
    abstract=(
        "Sáng chế đề cập đến quy trình chiết tách gel nha đam (Aloe vera) dùng làm nguyên liệu "
        "thực phẩm, bao gồm các bước: thu hoạch lá nha đam từ 10 đến 12 tháng tuổi, dựng đứng "
        "lá để chảy hết nhựa vàng trong 2 giờ, rửa và cắt bỏ gai, tách vỏ bằng máy tách có "
        "dao lạng điều chỉnh được, rửa thịt lá bằng nước sạch có sục khí để loại bỏ hoàn toàn "
        "aloin, cắt hạt lựu, chần ở 80 °C trong 3 phút, ngâm trong dung dịch canxi lactat 0,5% "
        "kết hợp acid ascorbic 0,1% và bảo quản trong dịch đường 20 °Brix. Gel nha đam thu được "
        "có hàm lượng aloin dưới 0,1 mg/kg, không có vị đắng, giữ được độ giòn và màu trong "
        "suốt sau 6 tháng bảo quản ở nhiệt độ thường."
    ),
    applicants=(
        Party(
            "Viện Nghiên cứu Bông và Phát triển nông nghiệp Nha Hố",
            "xã Nhơn Sơn, huyện Ninh Sơn, tỉnh Ninh Thuận",
        ),
        Party(
            "Công ty TNHH Nha đam Vĩnh Hảo",
            "thôn Vĩnh Phú, xã Vĩnh Hảo, huyện Tuy Phong, tỉnh Bình Thuận",
        ),
    ),
    inventors=(
        Inventor("Nguyễn Thị Thanh Thủy"),
        Inventor("Phan Công Kiên"),
        Inventor("Đinh Văn Cường"),
        Inventor("Mai Thị Hoa"),
    ),
    agent=BLUESEA,
    field=(
        "Sáng chế đề cập đến lĩnh vực chế biến nông sản, cụ thể là quy trình sơ chế và bảo quản "
        "gel nha đam làm nguyên liệu cho công nghiệp thực phẩm."
    ),
    background=(
        "Nha đam được trồng tập trung tại huyện Tuy Phong theo hướng hữu cơ. Nhựa vàng ở lớp "
        "vỏ lá chứa aloin có vị đắng và tác dụng nhuận tràng, bị giới hạn trong thực phẩm. Các "
        "cơ sở sơ chế hiện nay tách vỏ thủ công, rửa bằng nước thường nên gel còn đắng, năng "
        "suất thấp; gel sau chần bị mềm nhũn và ngả màu vàng khi bảo quản dài ngày."
    ),
    summary=(
        "Sáng chế đề xuất kết hợp khâu để chảy nhựa trước khi tách vỏ, rửa thịt lá có sục khí, "
        "và ngâm gel trong dung dịch canxi lactat với acid ascorbic. Ion canxi liên kết với "
        "pectin trong thành tế bào giúp gel giữ độ giòn; acid ascorbic ngăn phản ứng hóa nâu. "
        "Máy tách vỏ có dao lạng điều chỉnh được theo chiều dày lá giúp giảm hao hụt thịt lá."
    ),
    examples=(
        "Ví dụ thực hiện: 1.000 kg lá nha đam thu hoạch tại xã Vĩnh Hảo cho 560 kg gel hạt lựu. "
        "Hàm lượng aloin đo bằng HPLC là 0,06 mg/kg. Sau 6 tháng bảo quản ở 28 đến 32 °C, độ "
        "cứng của gel giảm 8% so với ban đầu, trong khi mẫu đối chứng không ngâm canxi lactat "
        "giảm 41%.",
    ),
    claims=(
        "Quy trình chiết tách và ổn định gel nha đam, bao gồm các bước: để chảy nhựa lá nha "
        "đam; tách vỏ; rửa thịt lá bằng nước có sục khí; cắt hạt lựu; chần; ngâm gel trong dung "
        "dịch chứa canxi lactat và acid ascorbic; và bảo quản gel trong dịch đường.",
        "Quy trình theo điểm 1, trong đó thời gian để chảy nhựa là từ 1,5 đến 3 giờ với lá "
        "được dựng đứng.",
        "Quy trình theo điểm 1 hoặc 2, trong đó dung dịch ngâm chứa canxi lactat từ 0,3 đến "
        "0,7% và acid ascorbic từ 0,05 đến 0,15%.",
        "Quy trình theo điểm bất kỳ trong số các điểm từ 1 đến 3, trong đó việc chần được thực "
        "hiện ở nhiệt độ từ 75 đến 85 °C trong 2 đến 4 phút.",
        "Quy trình theo điểm 1, trong đó dịch đường có nồng độ từ 18 đến 22 °Brix.",
    ),
    layout="inline",
    date_style="dot",
    inventor_style="lines",
    party_style="lines",
)

add(
    language="vi",
    kind="utility_solution",
    application_number="2-2021-00098",
    filed="2021-02-22",
    published="2021-05-25",
    granted="2023-07-25",
    patent_number="2-0003412",
    ipc=(("A23N 5/00", "2006.01"), ("B02B 3/00", "2006.01")),
    title="Máy tách vỏ hạt điều bán tự động có cơ cấu định vị hạt theo kích cỡ",
    abstract=(
        "Giải pháp hữu ích đề cập đến máy tách vỏ hạt điều bán tự động, bao gồm: sàng rung "
        "phân loại hạt điều thô thành bốn cỡ, phễu cấp liệu có đĩa xoay chia hạt, cơ cấu định "
        "vị gồm các rãnh chữ V có chiều rộng thay đổi được theo cỡ hạt, cặp dao cắt hình lòng "
        "máng dẫn động bằng xi lanh khí nén, cơ cấu tách nhân bằng cần gạt đàn hồi và băng tải "
        "thu nhân và vỏ riêng biệt. Nhờ định vị hạt đúng tư thế theo đường hàn tự nhiên của "
        "vỏ, lưỡi dao chỉ cắt qua lớp vỏ mà không chạm vào nhân, tỷ lệ nhân nguyên đạt trên 88%, "
        "năng suất 60 đến 70 kg hạt thô mỗi giờ, dầu vỏ hạt điều không dính vào nhân, giảm nguy "
        "cơ bỏng da cho người lao động."
    ),
    applicants=(
        Party(
            "Hoàng Văn Lực",
            "khu phố 3, thị trấn Võ Xu, huyện Đức Linh, tỉnh Bình Thuận",
        ),
    ),
    inventors=(Inventor("Hoàng Văn Lực"), Inventor("Hoàng Minh Nhật")),
    agent=None,
    field=(
        "Giải pháp hữu ích đề cập đến lĩnh vực máy chế biến nông sản, cụ thể là máy tách vỏ "
        "hạt điều."
    ),
    background=(
        "Các cơ sở chế biến hạt điều ở các huyện Đức Linh và Tánh Linh chủ yếu tách vỏ bằng "
        "máy bàn đạp thủ công, năng suất khoảng 8 đến 10 kg mỗi giờ cho một lao động. Dầu vỏ "
        "hạt điều có tính ăn mòn, gây bỏng da tay. Các máy tách vỏ tự động nhập khẩu có giá cao "
        "và tỷ lệ nhân vỡ lớn khi hạt không được phân cỡ đúng."
    ),
    summary=(
        "Giải pháp hữu ích đề xuất phân cỡ hạt trước khi cắt và định vị từng hạt trong rãnh "
        "chữ V có chiều rộng điều chỉnh được bằng vít me. Đĩa xoay chia hạt đưa lần lượt từng "
        "hạt vào rãnh, cặp dao lòng máng khép lại theo hành trình được giới hạn bởi cữ chặn, "
        "cắt vỏ dọc theo đường hàn tự nhiên; cần gạt đàn hồi bẻ đôi vỏ và đẩy nhân rơi xuống "
        "băng tải."
    ),
    examples=(
        "Ví dụ thực hiện: máy thử nghiệm với 500 kg hạt điều thô đã hấp tại cơ sở ở thị trấn "
        "Võ Xu đạt năng suất trung bình 64 kg mỗi giờ, tỷ lệ nhân nguyên 88,7%, tỷ lệ hạt "
        "chưa tách vỏ 2,1%, với một người vận hành.",
    ),
    claims=(
        "Máy tách vỏ hạt điều bán tự động, bao gồm: sàng rung phân loại hạt theo cỡ; phễu cấp "
        "liệu có đĩa xoay chia hạt; cơ cấu định vị gồm các rãnh chữ V có chiều rộng điều chỉnh "
        "được; cặp dao cắt hình lòng máng dẫn động bằng xi lanh khí nén; cơ cấu tách nhân bằng "
        "cần gạt đàn hồi; và băng tải thu nhân và vỏ riêng biệt.",
        "Máy theo điểm 1, trong đó chiều rộng rãnh chữ V được điều chỉnh bằng vít me.",
        "Máy theo điểm 1 hoặc 2, trong đó hành trình khép của cặp dao cắt được giới hạn bởi cữ "
        "chặn điều chỉnh được.",
    ),
    layout="inline",
    date_style="slash",
    inventor_style="comma",
    party_style="comma",
)

add(
    language="vi",
    kind="patent",
    application_number="1-2019-06021",
    filed="2019-12-10",
    published="2020-04-27",
    granted="2023-01-30",
    patent_number="1-0034418",
    ipc=(("A23K 50/80", "2016.01"), ("A23K 10/16", "2016.01"), ("A23K 40/30", "2016.01")),
    title=(
        "Thức ăn vi bao dạng hạt cho ấu trùng tôm thẻ chân trắng giai đoạn zoea và mysis và "
        "quy trình sản xuất thức ăn này"
    ),
    abstract=(
        "Sáng chế đề cập đến thức ăn vi bao dạng hạt cho ấu trùng tôm thẻ chân trắng "
        "(Litopenaeus vannamei) giai đoạn zoea và mysis, có kích thước hạt từ 30 đến 150 µm, "
        "bao gồm lõi chứa bột tảo Chaetoceros sấy phun, bột nhuyễn thể, lòng đỏ trứng, dầu cá "
        "giàu DHA, vitamin C bền nhiệt và chế phẩm vi khuẩn Bacillus subtilis, được bao bởi màng "
        "alginat - chitosan. Sáng chế còn đề cập đến quy trình sản xuất thức ăn này bằng phương "
        "pháp phun tạo giọt vào dung dịch canxi clorua, phủ chitosan và sấy tầng sôi ở 40 °C. "
        "Thức ăn theo sáng chế lơ lửng lâu trong nước, ít làm bẩn môi trường bể ương, thay thế "
        "được 50 đến 70% lượng tảo tươi, nâng tỷ lệ sống của ấu trùng đến giai đoạn postlarvae "
        "lên trên 65%."
    ),
    applicants=(
        Party(
            "Công ty TNHH Tôm giống Hải Long",
            "thôn Vĩnh Tiến, xã Vĩnh Tân, huyện Tuy Phong, tỉnh Bình Thuận",
        ),
    ),
    inventors=(
        Inventor("Trịnh Quang Huy", "TS."),
        Inventor("Nguyễn Ngọc Ánh", "ThS."),
        Inventor("Vũ Đình Phong"),
    ),
    agent=BLUESEA,
    field=(
        "Sáng chế đề cập đến lĩnh vực thức ăn thủy sản, cụ thể là thức ăn vi bao cho ấu trùng "
        "tôm và quy trình sản xuất thức ăn này."
    ),
    background=(
        "Tuy Phong là vùng sản xuất tôm giống lớn của cả nước. Ấu trùng tôm giai đoạn zoea và "
        "mysis chủ yếu được cho ăn tảo tươi nuôi sinh khối và ấu trùng Artemia. Nguồn tảo tươi "
        "không ổn định, dễ tàn vào mùa mưa và là nguồn lây nhiễm vi khuẩn Vibrio. Thức ăn nhân "
        "tạo dạng mảnh hiện có tan nhanh trong nước, làm tăng hàm lượng amoni và gây ô nhiễm bể "
        "ương."
    ),
    summary=(
        "Sáng chế đề xuất thức ăn vi bao có lõi dinh dưỡng được bảo vệ bởi màng alginat - "
        "chitosan bền trong nước biển từ 4 đến 6 giờ nhưng được enzyme tiêu hóa của ấu trùng "
        "phân giải. Chế phẩm Bacillus subtilis trong lõi cạnh tranh với Vibrio trong đường ruột. "
        "Kích thước hạt được phân thành ba cỡ 30 - 60 µm, 60 - 100 µm và 100 - 150 µm theo giai "
        "đoạn phát triển của ấu trùng."
    ),
    examples=(
        "Ví dụ 1: lõi gồm 30% bột tảo Chaetoceros, 35% bột nhuyễn thể, 15% lòng đỏ trứng, 8% "
        "dầu cá, 2% vitamin C và 10% tinh bột biến tính; chế phẩm B. subtilis 10^8 CFU/g. Dịch "
        "lõi phối trộn với natri alginat 1,5% được phun qua đầu phun siêu âm vào dung dịch CaCl2 "
        "2%, hạt được phủ chitosan 0,5% và sấy tầng sôi.",
        "Ví dụ 2: thử nghiệm tại trại giống ở xã Vĩnh Tân với 4 bể 10 m³, thay 60% tảo tươi "
        "bằng thức ăn theo ví dụ 1; tỷ lệ sống đến PL12 đạt 67,5% so với 52,3% ở bể đối chứng.",
    ),
    claims=(
        "Thức ăn vi bao dạng hạt cho ấu trùng tôm thẻ chân trắng, có kích thước hạt từ 30 đến "
        "150 µm, bao gồm: lõi chứa bột tảo, bột nhuyễn thể, lòng đỏ trứng, dầu cá, vitamin C và "
        "chế phẩm vi khuẩn Bacillus subtilis; và màng bao alginat - chitosan.",
        "Thức ăn theo điểm 1, trong đó bột tảo là bột tảo Chaetoceros sấy phun chiếm từ 25 đến "
        "35% khối lượng lõi.",
        "Thức ăn theo điểm 1 hoặc 2, trong đó mật độ Bacillus subtilis là từ 10^7 đến 10^9 "
        "CFU/g.",
        "Quy trình sản xuất thức ăn theo điểm bất kỳ trong số các điểm từ 1 đến 3, bao gồm các "
        "bước: phối trộn nguyên liệu lõi với dung dịch natri alginat; phun tạo giọt vào dung dịch "
        "canxi clorua; phủ chitosan; và sấy tầng sôi ở nhiệt độ không quá 45 °C.",
    ),
    layout="two_column",
    date_style="dot",
    inventor_style="semicolon",
    party_style="lines",
)

add(
    language="vi",
    kind="utility_solution",
    application_number="2-2022-00467",
    filed="2022-06-15",
    published="2022-09-26",
    granted="2024-05-27",
    patent_number="2-0003980",
    ipc=(("C02F 1/66", "2006.01"), ("C02F 1/52", "2006.01"), ("C02F 1/64", "2006.01")),
    title=(
        "Hệ thống xử lý nước giếng nhiễm phèn quy mô hộ gia đình sử dụng vật liệu đá vôi và "
        "cát mangan"
    ),
    abstract=(
        "Giải pháp hữu ích đề cập đến hệ thống xử lý nước giếng khoan nhiễm phèn dùng cho hộ "
        "gia đình, bao gồm: giàn mưa làm thoáng bằng ống nhựa khoan lỗ đặt trên "
        "bể lắng, bể lắng có vách hướng dòng, cột trung hòa chứa đá vôi nghiền cỡ hạt 3 đến 5 mm "
        "để nâng pH, cột lọc áp lực chứa cát mangan và cát thạch anh để khử sắt và mangan, cột "
        "hấp phụ than hoạt tính và bồn chứa nước sạch. Hệ thống vận hành bằng một bơm điện "
        "công suất 0,5 kW, công suất xử lý 1 m³ mỗi giờ, nâng pH của nước từ 4,0 - 4,5 lên 6,5 "
        "- 7,5, giảm hàm lượng sắt tổng từ 8 - 15 mg/l xuống dưới 0,3 mg/l, đạt quy chuẩn nước "
        "sinh hoạt. Vật liệu lọc dễ thay thế, chi phí thấp."
    ),
    applicants=(
        Party(
            "Trường Cao đẳng Bình Thuận",
            "205 Lê Lợi, phường Hưng Long, thành phố Phan Thiết, tỉnh Bình Thuận",
        ),
    ),
    inventors=(
        Inventor("Lê Thị Ngọc Diệp", "ThS."),
        Inventor("Phan Văn Đức", "KS."),
        Inventor("Trần Minh Hoàng"),
    ),
    agent=None,
    field=(
        "Giải pháp hữu ích đề cập đến lĩnh vực xử lý nước cấp, cụ thể là hệ thống xử lý nước "
        "ngầm nhiễm phèn quy mô hộ gia đình."
    ),
    background=(
        "Ở một số xã thuộc các huyện Tánh Linh, Đức Linh và Hàm Tân, nước giếng khoan nhiễm "
        "phèn có pH thấp, hàm lượng sắt và mangan cao, có mùi tanh, làm ố vàng quần áo và đồ "
        "dùng. Các bể lọc cát tự làm của người dân chỉ khử được một phần sắt, không nâng được "
        "pH; thiết bị lọc thẩm thấu ngược thương mại có giá thành cao và thải bỏ nhiều nước."
    ),
    summary=(
        "Giải pháp hữu ích đề xuất hệ thống gồm các công đoạn nối tiếp: làm thoáng để oxy hóa "
        "sắt hai thành sắt ba, lắng sơ bộ, trung hòa bằng đá vôi là vật liệu sẵn có tại địa "
        "phương, lọc qua cát mangan có tác dụng xúc tác oxy hóa mangan, và hấp phụ bằng than "
        "hoạt tính để khử mùi. Các cột lọc có van rửa ngược bố trí trên cùng một cụm ống."
    ),
    examples=(
        "Ví dụ thực hiện: hệ thống lắp đặt tại một hộ gia đình ở xã Đức Phú, huyện Tánh Linh, "
        "xử lý nước giếng có pH 4,2, sắt tổng 12,6 mg/l, mangan 0,9 mg/l. Sau xử lý, nước có "
        "pH 7,1, sắt tổng 0,12 mg/l, mangan 0,05 mg/l. Sau 6 tháng vận hành, lượng đá vôi "
        "hao hụt 18%, được bổ sung qua cửa nạp phía trên cột.",
    ),
    claims=(
        "Hệ thống xử lý nước giếng nhiễm phèn quy mô hộ gia đình, bao gồm: giàn mưa làm thoáng; "
        "bể lắng có vách hướng dòng; cột trung hòa chứa đá vôi nghiền; cột lọc áp lực chứa cát "
        "mangan và cát thạch anh; cột hấp phụ than hoạt tính; và bồn chứa nước sạch, được nối "
        "tiếp theo thứ tự nêu trên.",
        "Hệ thống theo điểm 1, trong đó đá vôi nghiền có cỡ hạt từ 3 đến 5 mm.",
        "Hệ thống theo điểm 1 hoặc 2, trong đó mỗi cột có van rửa ngược.",
        "Hệ thống theo điểm bất kỳ trong số các điểm từ 1 đến 3, trong đó cột trung hòa có cửa "
        "nạp bổ sung đá vôi ở phía trên.",
    ),
    layout="stacked",
    date_style="slash",
    inventor_style="lines",
    party_style="comma",
)

add(
    language="vi",
    kind="patent",
    application_number="1-2023-02845",
    filed="2023-04-20",
    published="2023-07-25",
    granted=None,
    patent_number=None,
    ipc=(("A23L 29/25", "2016.01"), ("A23L 2/39", "2006.01")),
    title="Quy trình sản xuất bột mủ trôm hòa tan nhanh từ mủ trôm Tuy Phong",
    abstract=(
        "Sáng chế đề cập đến quy trình sản xuất bột mủ trôm hòa tan nhanh từ mủ cây trôm "
        "(Sterculia foetida) trồng tại huyện Tuy Phong, bao gồm các bước: phân loại và làm "
        "sạch mủ trôm khô, ngâm trương nở trong nước ở tỷ lệ 1:80 trong 8 giờ, đồng hóa ở áp "
        "suất 200 bar, lọc loại bỏ tạp chất không tan qua lưới 100 mesh, thanh trùng ở 85 °C, "
        "phối trộn với maltodextrin DE 12 theo tỷ lệ chất khô 1:1, sấy phun ở nhiệt độ khí vào "
        "160 °C và tạo hạt kết tụ trong thiết bị tầng sôi. Bột mủ trôm thu được phân tán hoàn "
        "toàn trong nước ở nhiệt độ thường trong vòng 60 giây, không vón cục, độ nhớt dung "
        "dịch ổn định, thay cho việc ngâm mủ trôm khô qua đêm."
    ),
    applicants=(
        Party(
            "Công ty TNHH Mủ trôm Liên Hương",
            "khu phố 6, thị trấn Liên Hương, huyện Tuy Phong, tỉnh Bình Thuận",
        ),
        Party(
            "Trung tâm Thông tin và Ứng dụng tiến bộ khoa học và công nghệ Bình Thuận",
            "02 Nguyễn Tất Thành, phường Bình Hưng, thành phố Phan Thiết, tỉnh Bình Thuận",
        ),
    ),
    inventors=(
        Inventor("Phạm Thị Mai Anh"),
        Inventor("Trần Đình Nam"),
        Inventor("Nguyễn Văn Thành"),
    ),
    agent=NGUYEN_LAW,
    field=(
        "Sáng chế đề cập đến lĩnh vực chế biến nông sản, cụ thể là quy trình sản xuất bột hòa "
        "tan từ gôm thực vật dùng làm đồ uống."
    ),
    background=(
        "Mủ trôm Tuy Phong là sản phẩm đặc trưng của vùng khô hạn ven biển, được dùng làm đồ "
        "uống giải nhiệt. Mủ trôm khô phải ngâm nước từ 8 đến 12 giờ mới nở, dễ lẫn cát sạn, vỏ "
        "cây và khó bảo quản sau khi ngâm. Bột mủ trôm nghiền khô hiện có trên thị trường vón "
        "cục khi gặp nước và không trương nở hoàn toàn."
    ),
    summary=(
        "Sáng chế đề xuất ngâm trương nở hoàn toàn, đồng hóa và lọc dịch mủ để loại bỏ tạp "
        "chất, rồi sấy phun cùng maltodextrin để các phân tử gôm được bao bọc bởi chất mang dễ "
        "tan. Bước tạo hạt kết tụ trong tầng sôi làm tăng độ xốp của hạt bột, giúp nước thấm "
        "nhanh vào bên trong và tránh vón cục."
    ),
    examples=(
        "Ví dụ thực hiện: 10 kg mủ trôm khô loại 1 ngâm trong 800 lít nước, sau đồng hóa và lọc "
        "thu được 790 lít dịch có hàm lượng chất khô 1,2%. Dịch được phối trộn với 9,5 kg "
        "maltodextrin và sấy phun, thu được 17,6 kg bột có độ ẩm 4,5%; 5 g bột phân tán hoàn "
        "toàn trong 200 ml nước ở 28 °C sau 45 giây.",
    ),
    claims=(
        "Quy trình sản xuất bột mủ trôm hòa tan nhanh, bao gồm các bước: làm sạch mủ trôm khô; "
        "ngâm trương nở trong nước; đồng hóa; lọc; thanh trùng; phối trộn với maltodextrin; sấy "
        "phun; và tạo hạt kết tụ trong thiết bị tầng sôi.",
        "Quy trình theo điểm 1, trong đó tỷ lệ mủ trôm khô:nước khi ngâm là từ 1:60 đến 1:100.",
        "Quy trình theo điểm 1 hoặc 2, trong đó việc đồng hóa được thực hiện ở áp suất từ 150 "
        "đến 250 bar.",
    ),
    layout="inline",
    date_style="dot",
    inventor_style="comma",
    party_style="lines",
)

# --------------------------------------------------------------------------- English
# National-phase style documents: Vietnamese application numbers and Bình Thuận applicants,
# English wording. Always printed in two columns (bibliography left, abstract right).

add(
    language="en",
    kind="patent",
    application_number="1-2020-03364",
    filed="2020-05-28",
    published="2020-09-25",
    granted="2023-10-25",
    patent_number="1-0036127",
    ipc=(("F03D 80/55", "2016.01"), ("B08B 3/02", "2006.01"), ("B64C 39/02", "2006.01")),
    title=(
        "Method and system for cleaning wind turbine blades using a tethered multirotor drone "
        "with a water-jet nozzle"
    ),
    abstract=(
        "A method and system for cleaning the blades of a wind turbine without stopping the "
        "turbine for rope access work are disclosed. A multirotor drone is connected to a "
        "ground unit by a tether that carries electric power and a high-pressure hose. The "
        "ground unit comprises a generator, a demineralised water tank and a pump delivering "
        "water at 80 to 120 bar. The blade is parked in a vertical six o'clock position, and "
        "the drone flies along the leading edge guided by a lidar distance sensor that keeps "
        "the nozzle 0.8 to 1.2 m from the blade surface. Salt, sand and insect deposits "
        "typical of coastal wind farms in Tuy Phong are removed in about 25 minutes per blade, "
        "restoring the power curve of the turbine by 2 to 4 percent."
    ),
    applicants=(
        Party(
            "Binh Thanh Wind Power Joint Stock Company",
            "Binh Thanh Commune, Tuy Phong District, Binh Thuan Province, Viet Nam",
        ),
    ),
    inventors=(
        Inventor("Nguyễn Hoàng Long", city="Phan Thiet"),
        Inventor("Tạ Văn Khánh", city="Tuy Phong"),
        Inventor("Lê Thị Phương Thảo", city="Phan Thiet"),
    ),
    agent=BLUESEA_EN,
    field=(
        "The invention relates to the maintenance of wind turbines, and in particular to a "
        "method and a system for cleaning rotor blades by means of an unmanned aerial vehicle."
    ),
    background=(
        "Wind farms along the coast of Binh Thuan are exposed to salt spray and wind-blown sand. "
        "Deposits on the leading edge of the blades increase surface roughness and reduce the "
        "annual energy production. Blades are conventionally cleaned by technicians on ropes or "
        "from a lifting platform, which requires the turbine to be stopped for a full day and "
        "is limited by wind speed. Known drone-based systems spray liquid from an on-board tank, "
        "whose small capacity and weight limit the flight time to a few minutes."
    ),
    summary=(
        "According to the invention, water and electric power are supplied through a tether "
        "from a ground unit, so that the flight time is not limited by batteries or tank "
        "volume. A rotating nozzle mounted on a gimbal below the drone directs the water jet "
        "at the blade. A lidar sensor measures the distance to the blade and a flight "
        "controller holds the nozzle at a constant stand-off distance while the drone moves "
        "from the root to the tip of the blade."
    ),
    examples=(
        "Example: the system was tested on a 2.1 MW turbine with 50 m blades at a wind farm in "
        "Tuy Phong District. With the rotor locked and the blade in the six o'clock position, "
        "each blade was cleaned in 22 to 28 minutes using about 300 litres of demineralised "
        "water. The power curve measured over the following month was 3.1 percent higher than "
        "before cleaning at wind speeds between 6 and 10 m/s.",
    ),
    claims=(
        "A method for cleaning a blade of a wind turbine, comprising: parking the blade in a "
        "substantially vertical position; flying a multirotor drone connected to a ground unit "
        "by a tether carrying electric power and pressurised water along the blade; measuring "
        "the distance between a nozzle of the drone and the blade surface; and spraying water "
        "from the nozzle onto the blade while holding said distance within a set range.",
        "The method according to claim 1, wherein the water is demineralised water delivered "
        "at a pressure of 80 to 120 bar.",
        "The method according to claim 1 or 2, wherein the distance is held between 0.8 and "
        "1.2 m.",
        "A system for carrying out the method according to any one of claims 1 to 3, "
        "comprising the multirotor drone, the tether, a lidar distance sensor and the ground "
        "unit with a generator, a water tank and a pump.",
    ),
    layout="two_column",
)

add(
    language="en",
    kind="utility_solution",
    application_number="2-2019-00388",
    filed="2019-05-14",
    published="2019-08-26",
    granted="2021-09-27",
    patent_number="2-0002581",
    ipc=(("F26B 3/28", "2006.01"), ("A23B 4/03", "2006.01"), ("A23L 17/50", "2016.01")),
    title="Solar drying cabinet with adjustable air flow for producing sun-dried squid",
    abstract=(
        "A solar drying cabinet for producing sun-dried squid comprises a drying chamber with "
        "a transparent polycarbonate roof, an air heater formed by a black-painted corrugated "
        "aluminium absorber under a glass cover, perforated stainless-steel trays on sliding "
        "rails, a photovoltaic panel supplying two direct-current fans, and adjustable louvres "
        "at the air inlet and outlet. The louvres and the fan speed are set according to the "
        "air temperature measured in the chamber so that the drying air is kept between 38 "
        "and 45 degrees Celsius. Squid dried in the cabinet reaches the moisture content of "
        "the traditional one-sun product in six to seven hours, is protected from dust and "
        "insects and keeps the pale pink colour required by buyers."
    ),
    applicants=(PTU_EN,),
    inventors=(Inventor("Trần Quốc Việt"), Inventor("Phan Thị Thu Trang")),
    agent=None,
    field=(
        "The utility solution relates to solar dryers for food, and more particularly to a "
        "cabinet dryer for semi-dried seafood such as squid."
    ),
    background=(
        "One-sun squid is a speciality of the coastal districts of Binh Thuan. The squid is "
        "traditionally spread on bamboo racks in the open for one sunny day. Open-air drying "
        "depends on the weather and exposes the product to sand, flies and bird droppings. "
        "Electric dryers overheat the surface of the squid, making it hard and dark."
    ),
    summary=(
        "The cabinet heats air with a flat solar absorber and moves it across the trays with "
        "fans powered by a photovoltaic panel, so no grid electricity is needed. Adjustable "
        "louvres let the operator or a simple thermostat control the air flow: when the "
        "chamber is too hot, the louvres open wider and the fans speed up."
    ),
    examples=(
        "Example: a cabinet with 12 trays of 0.8 m by 1.2 m was built at Phan Thiet University "
        "and loaded with 60 kg of cleaned squid. On a clear day in March the chamber "
        "temperature stayed between 39 and 44 degrees Celsius and the squid reached 54 percent "
        "moisture after 6.5 hours.",
    ),
    claims=(
        "A solar drying cabinet for squid, comprising: a drying chamber with a transparent "
        "roof; a solar air heater connected to the air inlet of the chamber; perforated trays "
        "on sliding rails inside the chamber; fans powered by a photovoltaic panel; and "
        "adjustable louvres at the air inlet and the air outlet.",
        "The cabinet according to claim 1, further comprising a thermostat that sets the fan "
        "speed according to the air temperature in the chamber.",
        "The cabinet according to claim 1 or 2, wherein the solar air heater comprises a "
        "black-painted corrugated aluminium absorber under a glass cover.",
    ),
    layout="two_column",
)

add(
    language="en",
    kind="patent",
    application_number="1-2022-04519",
    filed="2022-07-06",
    published="2022-10-25",
    granted=None,
    patent_number=None,
    ipc=(("C22B 34/12", "2006.01"), ("C22B 3/10", "2006.01"), ("C01G 23/047", "2006.01")),
    title=(
        "Process for producing synthetic rutile from Binh Thuan ilmenite by reductive roasting "
        "and hydrochloric acid leaching"
    ),
    abstract=(
        "A process for upgrading ilmenite concentrate from the coastal heavy mineral sands of "
        "Binh Thuan to synthetic rutile containing more than 92 percent titanium dioxide is "
        "provided. The concentrate is roasted with 8 to 10 percent coal at 950 to 1050 "
        "degrees Celsius in a rotary kiln to reduce ferric iron to the ferrous state, cooled "
        "under nitrogen, and leached with 18 to 20 percent hydrochloric acid at 105 degrees "
        "Celsius for four hours. The leach liquor is sent to a spray roaster that regenerates "
        "the acid and produces iron oxide as a by-product. The leached solid is washed, "
        "calcined at 850 degrees Celsius and screened. The process recovers over 95 percent "
        "of the titanium and recycles most of the acid."
    ),
    applicants=(
        Party(
            "Ham Tan Titanium Minerals Joint Stock Company",
            "Tan Duc Industrial Park, Tan Duc Commune, Ham Tan District, Binh Thuan Province, "
            "Viet Nam",
        ),
        PTU_EN,
    ),
    inventors=(
        Inventor("Ngô Thị Thanh Hương", city="Phan Thiet"),
        Inventor("Phạm Đức Thắng", city="Phan Thiet"),
        Inventor("Đoàn Văn Hậu", city="Ham Tan"),
    ),
    agent=BLUESEA_EN,
    field=(
        "The invention relates to the beneficiation of titanium ores, in particular to the "
        "production of synthetic rutile from ilmenite by a hydrometallurgical process."
    ),
    background=(
        "Ilmenite mined in Binh Thuan contains about 50 to 54 percent titanium dioxide and is "
        "mostly sold as concentrate or smelted to titanium slag. Chloride pigment plants "
        "require feedstock with more than 90 percent titanium dioxide. The Becher process "
        "uses aeration in ammonium chloride solution and produces a large amount of iron "
        "oxide sludge, while direct acid leaching of unroasted ilmenite is slow."
    ),
    summary=(
        "The invention combines a short reductive roast, which makes the ilmenite grains "
        "porous and converts the iron to the readily soluble ferrous state, with atmospheric "
        "leaching in hydrochloric acid and acid regeneration by spray roasting. The closed "
        "acid loop keeps the reagent cost low and yields a saleable iron oxide."
    ),
    examples=(
        "Example 1: 100 kg of ilmenite concentrate with 52.8 percent titanium dioxide was "
        "roasted with 9 kg of coal at 1000 degrees Celsius for 90 minutes, leached with "
        "19 percent hydrochloric acid at a solid to liquid ratio of 1 to 4 and calcined. The "
        "product contained 93.4 percent titanium dioxide and 1.6 percent iron oxide.",
        "Example 2: without the roasting step, the product of the same leach contained only "
        "71.2 percent titanium dioxide.",
    ),
    claims=(
        "A process for producing synthetic rutile from ilmenite, comprising the steps of: "
        "roasting the ilmenite with a carbonaceous reductant at 950 to 1050 degrees Celsius; "
        "cooling the roasted ilmenite in an inert atmosphere; leaching the roasted ilmenite "
        "with hydrochloric acid; separating the leached solid from the leach liquor; and "
        "calcining the leached solid.",
        "The process according to claim 1, wherein the hydrochloric acid has a concentration "
        "of 18 to 20 percent and the leaching is carried out at 100 to 110 degrees Celsius.",
        "The process according to claim 1 or 2, wherein the leach liquor is spray roasted to "
        "regenerate hydrochloric acid, which is returned to the leaching step.",
        "The process according to any one of claims 1 to 3, wherein the carbonaceous "
        "reductant is coal in an amount of 8 to 10 percent of the ilmenite mass.",
    ),
    layout="two_column",
)

add(
    language="en",
    kind="patent",
    application_number="1-2018-02276",
    filed="2018-05-09",
    published="2018-08-27",
    granted="2021-12-27",
    patent_number="1-0030552",
    ipc=(("A23L 19/00", "2016.01"), ("A23B 7/024", "2006.01"), ("A23L 2/39", "2006.01")),
    title=(
        "Process for producing freeze-dried red-flesh dragon fruit powder with retained "
        "betacyanin pigments"
    ),
    abstract=(
        "A process for producing a freeze-dried powder from red-flesh dragon fruit grown in "
        "Binh Thuan is described. Peeled fruit is pulped, the seeds are partly removed by a "
        "finisher with a 0.8 mm screen, and the pulp is adjusted to pH 4.2 with citric acid "
        "and mixed with 10 percent maltodextrin and 0.1 percent ascorbic acid. The mixture "
        "is frozen in thin layers at minus 40 degrees Celsius and freeze-dried with a shelf "
        "temperature not exceeding 45 degrees Celsius. The dry product is milled under low "
        "humidity and packed in aluminium laminated bags flushed with nitrogen. The powder "
        "retains more than 85 percent of the betacyanin content of the fresh pulp, dissolves "
        "readily in water and can be used as a natural colourant and in instant beverages."
    ),
    applicants=(
        Party(
            "Ham Thuan Dragon Fruit Food Joint Stock Company",
            "Phu Dien Hamlet, Ham Hiep Commune, Ham Thuan Bac District, Binh Thuan Province, "
            "Viet Nam",
        ),
    ),
    inventors=(
        Inventor("Nguyen Thi Hong Nhung"),
        Inventor("Bui Quoc Bao"),
        Inventor("Tran Thi Kim Cuc"),
    ),
    agent=None,
    field=(
        "The invention relates to fruit processing and in particular to a freeze-dried fruit "
        "powder made from red-flesh dragon fruit."
    ),
    background=(
        "Red-flesh dragon fruit owes its colour to betacyanins, which degrade quickly when "
        "heated, exposed to light or oxygen, or kept at neutral pH. Spray-dried dragon fruit "
        "powders lose most of their colour at inlet temperatures above 150 degrees Celsius "
        "and become sticky because of the high sugar content of the pulp."
    ),
    summary=(
        "The invention uses freeze-drying at a limited shelf temperature, acidification of "
        "the pulp to the pH of maximum betacyanin stability, maltodextrin as a drying aid "
        "that raises the glass transition temperature of the product, and packing under "
        "nitrogen."
    ),
    examples=(
        "Example: 50 kg of red-flesh dragon fruit from Ham Thuan Bac District gave 34 kg of "
        "pulp, which after mixing with maltodextrin and freeze-drying for 26 hours gave "
        "6.1 kg of powder with 2.8 percent moisture. The betacyanin content was 88 percent of "
        "that of the fresh pulp on a dry basis and 81 percent after 12 months at 25 degrees "
        "Celsius.",
    ),
    claims=(
        "A process for producing a dragon fruit powder, comprising: pulping peeled red-flesh "
        "dragon fruit; adjusting the pH of the pulp to 4.0 to 4.5; mixing the pulp with "
        "maltodextrin and ascorbic acid; freezing the mixture; freeze-drying the frozen mixture "
        "at a shelf temperature not exceeding 45 degrees Celsius; and milling the dried product.",
        "The process according to claim 1, wherein the maltodextrin is added in an amount of "
        "8 to 12 percent of the pulp mass.",
        "The process according to claim 1 or 2, wherein the powder is packed in bags flushed "
        "with nitrogen.",
    ),
    layout="two_column",
)

add(
    language="en",
    kind="utility_solution",
    application_number="2-2023-00152",
    filed="2023-03-08",
    published="2023-06-26",
    granted=None,
    patent_number=None,
    ipc=(("B03C 7/02", "2006.01"), ("C22B 34/14", "2006.01")),
    title=(
        "Electrostatic roll separator for recovering zircon concentrate from heavy mineral "
        "sand tailings"
    ),
    abstract=(
        "An electrostatic roll separator for recovering zircon from the non-magnetic tailings "
        "of heavy mineral sand processing plants comprises a heated vibrating feeder, an "
        "earthed rotating steel roll of 250 mm diameter, a corona electrode and a static "
        "electrode arranged at adjustable angles, and a splitter with three adjustable "
        "blades. The feed is heated to 120 to 150 degrees Celsius to remove surface moisture. "
        "Conductive minerals such as rutile and residual ilmenite are thrown from the roll, "
        "while non-conductive zircon is pinned to the roll and collected separately. Two "
        "units in series upgrade tailings containing 8 to 12 percent zircon to a concentrate "
        "with more than 60 percent zircon for further cleaning."
    ),
    applicants=(
        Party(
            "Lương Văn Toàn",
            "Tan An Ward, La Gi Town, Binh Thuan Province, Viet Nam",
        ),
    ),
    inventors=(Inventor("Lương Văn Toàn"), Inventor("Đặng Thị Lan")),
    agent=None,
    field=(
        "The utility solution relates to mineral separation and more particularly to an "
        "electrostatic separator for heavy mineral sands."
    ),
    background=(
        "Heavy mineral sand plants in Binh Thuan discard non-magnetic tailings that still "
        "contain zircon. Existing plate separators have a low capacity and are sensitive to "
        "the humidity of the coastal air, so the zircon is lost."
    ),
    summary=(
        "The separator heats the feed on the vibrating feeder and charges the grains by a "
        "corona electrode close to an earthed roll. The electrode angles and splitter blades "
        "can be set during operation to adapt to the feed."
    ),
    examples=(
        "Example: tailings with 9.6 percent zircon were treated at 1.5 tonnes per hour in two "
        "units in series; the concentrate contained 63.2 percent zircon with a recovery of "
        "81 percent.",
    ),
    claims=(
        "An electrostatic roll separator comprising: a heated vibrating feeder; an earthed "
        "rotating roll; a corona electrode and a static electrode arranged at adjustable "
        "angles to the roll; and a splitter with adjustable blades below the roll.",
        "The separator according to claim 1, wherein the feeder heats the feed to 120 to 150 "
        "degrees Celsius.",
        "The separator according to claim 1 or 2, wherein the roll has a diameter of 200 to "
        "300 mm.",
    ),
    layout="two_column",
)
