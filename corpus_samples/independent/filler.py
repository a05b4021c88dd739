"""Body text for the independent set: chapters made of generic and topic sentences.

The body matters for detection, language and NLP enrichment, and to give the metadata parsers
pages to get lost in; its wording is not evaluated.
"""

from __future__ import annotations

import random

from html_kit import esc

GENERIC_VI = [
    "Nội dung nghiên cứu được triển khai theo đúng thuyết minh đã được phê duyệt.",
    "Số liệu được thu thập định kỳ, nhập và xử lý bằng phần mềm thống kê chuyên dụng.",
    "Các chỉ tiêu theo dõi được đo lặp lại ba lần và lấy giá trị trung bình.",
    "Kết quả phân tích cho thấy sự khác biệt giữa các công thức có ý nghĩa thống kê ở mức 5%.",
    "Nhóm thực hiện đã phối hợp chặt chẽ với chính quyền địa phương và các hộ dân tham gia.",
    "Các lớp tập huấn chuyển giao kỹ thuật được tổ chức cho cán bộ kỹ thuật và người dân.",
    "Hiệu quả kinh tế được đánh giá trên cơ sở chi phí đầu tư và doanh thu thực tế của mô hình.",
    "Mô hình trình diễn được duy trì ổn định trong suốt thời gian thực hiện.",
    "Những khó khăn phát sinh do thời tiết bất thường đã được khắc phục kịp thời.",
    "Kết quả đạt được là cơ sở để nhân rộng ra các địa phương có điều kiện tương tự.",
    "Phương pháp điều tra sử dụng bảng hỏi bán cấu trúc kết hợp phỏng vấn sâu.",
    "Tổng quan tài liệu trong và ngoài nước cho thấy vấn đề còn ít được nghiên cứu tại địa phương.",
    "Các sản phẩm khoa học đã được hội đồng chuyên ngành đánh giá đạt yêu cầu.",
    "Báo cáo khoa học và các bài báo đã được công bố trên tạp chí chuyên ngành.",
]
GENERIC_EN = [
    "The work plan approved in the project proposal was followed throughout.",
    "Data were collected at regular intervals and processed with standard statistical software.",
    "Each indicator was measured three times and the mean value is reported.",
    "Differences between treatments were significant at the 5% level.",
    "The team worked closely with the local authorities and the participating households.",
    "Training courses were organised for extension staff and local producers.",
    "Economic efficiency was assessed from the investment cost and the observed revenue.",
    "The demonstration model remained stable for the whole implementation period.",
    "Problems caused by unusual weather were addressed in time.",
    "The results provide a basis for replication in areas with similar conditions.",
]


def paragraphs(topic: list[str], count: int, seed: int, english: bool = False) -> list[str]:
    """``count`` paragraphs of four to six sentences mixing topic and generic sentences."""
    rng = random.Random(seed)
    pool = GENERIC_EN if english else GENERIC_VI
    out = []
    for _ in range(count):
        sentences = rng.sample(pool, 3) + rng.sample(topic, min(len(topic), rng.randint(1, 3)))
        rng.shuffle(sentences)
        out.append(" ".join(sentences))
    return out


def chapters(
    titles: list[str], topic: list[str], seed: int, per_chapter: int = 6, english: bool = False
) -> str:
    """Chapters, each heading followed by ``per_chapter`` paragraphs, one chapter a page."""
    blocks = []
    for index, title in enumerate(titles):
        body = "\n".join(
            f"<p>{esc(text)}</p>"
            for text in paragraphs(topic, per_chapter, seed * 100 + index, english)
        )
        blocks.append(f'<div class="page"><h2>{esc(title)}</h2>\n{body}\n</div>')
    return "\n".join(blocks)
