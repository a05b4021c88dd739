"""The title of an article, a report or a thesis from how its first page is set.

A title is set apart by its type: larger than the body, often bold, near the top of an article
or in the middle of a cover. :func:`title_from_lines` reads the lines PDFium gives with their
font size and weight (:func:`indexer.pdf_text.read_styled_lines`) and takes the largest type
on the page that is not something else:

- lines that are never titles are left out first: running headers and footers (lines repeated
  at the top or bottom of several pages), mastheads and issue lines, section names, the
  ministry, university and faculty of a cover, degree lines ("KHÓA LUẬN TỐT NGHIỆP"), front
  matter headings ("LỜI CAM ĐOAN", "MỤC LỤC"), labelled lines ("Sinh viên: ...") and people;
- the title is then the lines set in the largest size left, when that size stands out from
  the body (at least :data:`MIN_CONTRAST` times the page's usual size), in one run down the
  page: same size, same weight, no wide gap. Of several such runs the one with most letters;
- a parallel title in the other language set in the same type (Vietnamese over English, or
  the reverse) is cut off where the language changes, and a printed label ("ĐỀ TÀI:") is
  dropped;
- a title typed in a legacy font encoding (TCVN3, VNI) on an otherwise Unicode page is
  converted.

Without a contrast in size, a run of bold lines in capitals at the top of the page is taken
(a regulation's "QUY CHẾ / ..." heading). Otherwise there is no layout title and the text
parsers decide. The caller puts a title in capitals in the case the document confirms.
"""

from __future__ import annotations

import re
from statistics import median

from indexer.labels import fold, squash
from indexer.pdf_text import StyledLine

MIN_CONTRAST = 1.15  # the title's size over the page's usual size
SIZE_TOLERANCE = 0.35  # points: one size, whatever the rounding of the producer
MAX_GAP = 1.9  # line heights between two lines of one title

_FRONT_HEADINGS = re.compile(
    r"^(?:loi (?:cam doan|cam on|noi dau|mo dau)|muc luc|mo dau|tom tat|abstract|"
    r"danh muc\b.*|phu luc|declaration|acknowledge?ments?|table of contents|contents|"
    r"chuong \w+|chapter \w+|introduction|gioi thieu|summary)\s*[:.]?$"
)
_TITLE_LABEL = re.compile(r"^(?:ten )?(?:de tai|du an|nhiem vu|title)\s*[:：]\s*")
_VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
_LATIN1_LEGACY = re.compile(r"[£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÐÑ×ØÞßæðñ÷øþ¢¡]")


def _letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


_CONNECTOR_END = re.compile(r"\b(?:tai|cua|o|va|cho|ve|voi|trong|of|at|in|for|and|the|on)\s*$")


def _excluded(line: StyledLine, running: set[str], people: bool = True) -> bool:
    from indexer.parse_article import (
        _AUTHORITY,
        _DEGREE,
        _INSTITUTION,
        _PLACE_AND_YEAR,
        _is_label_line,
        _key,
        is_masthead,
        person_names,
    )

    text = line.text
    folded = squash(fold(text)).strip(" .:")
    if _letters(text) < 2 or _key(text) in running or is_masthead(text):
        return True
    if _AUTHORITY.match(folded) or _INSTITUTION.search(folded) or _PLACE_AND_YEAR.match(folded):
        return True
    if re.match(r"^(?:bo|so|ubnd|uy ban nhan dan) [a-z& -]{2,40}$", folded) and len(
        folded.split()
    ) <= 6:
        return True  # the ministry or department above a cover's title
    if re.match(r"^(?:khoa|bo mon|phong|faculty|department|school) ", folded) and len(
        folded.split()
    ) <= 10:
        return True  # the faculty line of a cover
    if _DEGREE.fullmatch(folded) or _FRONT_HEADINGS.match(folded):
        return True
    if _TITLE_LABEL.match(folded):
        return False
    if _is_label_line(text) or re.match(r"^[^:]{2,40}:\s*\S", text) and not _TITLE_LABEL.match(
        folded
    ):
        return True
    if not people or text.upper() == text and not re.search(r"[\d,*]", text):
        return False  # a name in capitals is judged by the run it is in, not alone
    return bool(person_names(text))


def _runs(lines: list[StyledLine], size: float) -> list[list[StyledLine]]:
    """Lines of ``size`` (and the weight of the run's first line) in runs down the page."""
    ordered = sorted(lines, key=lambda line: (-line.y1, line.x0))
    runs: list[list[StyledLine]] = []
    for line in ordered:
        if abs(line.size - size) > SIZE_TOLERANCE:
            continue
        if runs:
            last = runs[-1][-1]
            height = max(last.y1 - last.y0, 1.0)
            same_row = abs(last.y1 - line.y1) < 0.5 * height
            gap = last.y0 - line.y1
            if last.bold == line.bold and (same_row or gap <= MAX_GAP * height):
                runs[-1].append(line)
                continue
        runs.append([line])
    return runs


def _one_language(run: list[StyledLine]) -> list[StyledLine]:
    """The run cut where a parallel title in the other language starts."""
    first = bool(_VIETNAMESE.search(run[0].text))
    for index in range(1, len(run)):
        text = run[index].text
        if bool(_VIETNAMESE.search(text)) != first and len(text.split()) >= 3:
            return run[:index]
    return run


def _legacy_converted(text: str) -> str:
    """A title typed in TCVN3 or VNI ("§Ò XUÊT N¢NG CAO") in Unicode; else as it is."""
    if not _LATIN1_LEGACY.search(text):
        return text
    from indexer.legacy_encodings import ENCODINGS, _valid, legacy_words, to_unicode

    words = legacy_words(text)
    if not words:
        return text
    before = _valid(words)
    best, best_valid = text, before
    for encoding in ENCODINGS:
        converted = to_unicode(text, encoding)
        valid = _valid([to_unicode(word, encoding) for word in words])
        if valid > best_valid:
            best, best_valid = converted, valid
    return best if best_valid >= 0.6 * len(words) else text


def _paragraph(run: list[StyledLine]) -> bool:
    """Body text rather than a title: many lines, or long."""
    return len(run) > 6 or sum(len(line.text) for line in run) > 320


def _trimmed(run: list[StyledLine], running: set[str]) -> list[StyledLine]:
    """The run without the lines at its ends that are never a title (a cover's degree line
    above the title, a faculty line under it). A line that a title line runs on into ("... TẠI"
    / "VIỆN TẾ BÀO GỐC") stays; names are judged at the top only (authors in the title's own
    type come above it)."""
    while run and _excluded(run[0], running):
        run = run[1:]
    while (
        len(run) > 1
        and _excluded(run[-1], running, people=False)
        and not _CONNECTOR_END.search(fold(run[-2].text))
    ):
        run = run[:-1]
    return run


def title_from_lines(lines: list[StyledLine], running: set[str] | None = None) -> str | None:
    """The title of the page whose styled lines are ``lines`` (see the module's description),
    or None when the type does not single one out."""
    found = layout_title(lines, running)
    return found[0] if found else None


def layout_title(
    lines: list[StyledLine], running: set[str] | None = None
) -> tuple[str, list[str]] | None:
    """:func:`title_from_lines` and the text of the lines it was read from, as the text layer
    has them (before any conversion), or None."""
    from indexer.parse_article import _key, is_masthead

    running = running or set()
    lines = [
        line
        for line in lines
        if line.size > 0
        and _letters(line.text) >= 2
        and _key(line.text) not in running
        and not is_masthead(line.text)
    ]
    if not lines:
        return None
    body = median(
        [line.size for line in lines for _ in range(min(_letters(line.text), 200))] or [0]
    )
    chosen: list[StyledLine] = []
    for size in sorted({line.size for line in lines}, reverse=True):
        if size < body - SIZE_TOLERANCE:
            break
        for run in _runs(lines, size):
            run = _trimmed(run, running)
            if not run or _paragraph(run) or sum(_letters(line.text) for line in run) < 10:
                continue
            if size < MIN_CONTRAST * body and not all(
                line.bold and line.text.upper() == line.text for line in run
            ):
                continue  # at the body's size only a bold heading in capitals stands out
            chosen = run
            break
        if chosen:
            break
    if not chosen:
        return None
    chosen = _one_language(chosen)
    title = squash(" ".join(line.text for line in chosen))
    label = _TITLE_LABEL.match(fold(title))
    if label:
        title = title[label.end() :]
    title = _legacy_converted(title).strip(" .:;\"“”")
    if _letters(title) < 10:
        return None
    return title, [line.text for line in chosen]
