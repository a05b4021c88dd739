"""People named in document text: names, academic titles, and lists and tables of members.

* ``name_prefix`` reads the person name at the start of a text ("Nguyễn Văn A Trường ..."),
  stopping where an organisation or a role begins; ``VIETNAMESE_SURNAMES`` are the family names
  a name found outside a table must start with.
* ``title_from_words`` turns a title written out ("Phó giáo sư, Tiến sĩ") into its abbreviation;
  a printed abbreviation is split off a name by :func:`indexer.labels.split_academic_title`.
* ``person_from_text`` reads one person (title, name, affiliation) from a line or a table row.
* ``parse_member_lines`` reads the members of a task from a list ("A; B; C") or a numbered
  table ("Danh sách thành viên"), whose wrapped cells continue on unnumbered lines and whose
  role column sets each person's role.

Used by the parsers of reports, articles and patents. Which labelled block of a report holds the
principal investigator, the secretary or the members is the report parser's business
(:mod:`indexer.parse_report`). The spaCy enrichment finds people in running text on its own
(:mod:`indexer.nlp`): those are suggestions, these are metadata.
"""

from __future__ import annotations

import re

from indexer.labels import fold, split_academic_title, squash

_TITLE_WORDS = [
    ("giao su tien si khoa hoc", "GS.TSKH."),
    ("pho giao su", "PGS."),
    ("giao su", "GS."),
    ("tien si khoa hoc", "TSKH."),
    ("tien si", "TS."),
    ("thac si", "ThS."),
    ("nghien cuu sinh", "NCS."),
    ("ky su", "KS."),
    ("kien truc su", "KTS."),
    ("bac si", "BS."),
    ("duoc si", "DS."),
    ("cu nhan", "CN."),
]

# Words that end a name in a table row: the next cell (an organisation or a role) begins.
_GIVEN_NAMES_TOO = {"Khoa", "Hội", "Ban"}  # "Đinh Văn Khoa", but "... Khoa Nông học"
_ORG_WORDS = {"Trường", "Viện", "Sở", "Cục", "Phòng", "Bộ", "UBND", "Hội", "Khoa", "Ban", "Đài"}
_ORG_BIGRAMS = {
    "trung tam",
    "dai hoc",
    "cong ty",
    "chi cuc",
    "chi nhanh",
    "lien hiep",
    "hoc vien",
    "hop tac",
    "tap doan",
    "thu ky",
    "chu nhiem",
    "thanh vien",
    "thanh pho",
    "benh vien",
    "uy ban",
    "doanh nghiep",
    "tong cong",
    "nha may",
    "hiep hoi",
    "can bo",
    "nghien cuu",
    "ky thuat",
    "to chuc",
    "co quan",
    "don vi",
    "ho tro",
    "nong nghiep",
    "tinh binh",
}
_TITLE_ABBREVIATIONS = {
    "gs",
    "pgs",
    "ts",
    "ths",
    "ks",
    "cn",
    "bs",
    "tskh",
    "ncs",
    "kts",
    "ds",
    "ls",
    "dr",
    "prof",
}
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_]*$")


def title_from_words(text: str) -> str | None:
    """``"Phó giáo sư, Tiến sĩ"`` -> ``"PGS.TS."``; abbreviations are kept as printed."""
    if not text:
        return None
    abbreviated, _ = split_academic_title(text + " X")
    if abbreviated:
        return abbreviated
    folded = fold(text)
    parts = []
    for words, abbreviation in _TITLE_WORDS:
        if words in folded:
            parts.append((folded.index(words), abbreviation))
            folded = folded.replace(words, " " * len(words))
    if not parts:
        return None
    return "".join(abbreviation for _, abbreviation in sorted(parts))


def _looks_like_name_token(token: str) -> bool:
    return (
        bool(_NAME_TOKEN.match(token))
        and token[0].isupper()
        and (token[1:].islower() or token.isupper() or len(token) == 1)
    )


def name_prefix(text: str) -> tuple[str | None, str]:
    """The person name at the start of ``text`` and the rest: ``"Nguyễn Văn A Trường ..."``.

    A name is two to six capitalised words; it ends at punctuation or where an organisation
    ("Trường", "Viện", "Trung tâm" ...) or a role ("Chủ nhiệm", "Thành viên") begins. A name in
    capitals ("NGUYỄN VĂN A") is returned in title case.
    """
    tokens = squash(text).split(" ")
    name: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        bare = token.rstrip(",;:.")
        if not bare or not _looks_like_name_token(bare):
            break
        if bare in _ORG_WORDS and name and (bare not in _GIVEN_NAMES_TOO or len(name) >= 3):
            break
        if fold(bare) in _TITLE_ABBREVIATIONS and (token.endswith(".") or bare.isupper()):
            break
        if index + 1 < len(tokens) and name:
            bigram = fold(f"{bare} {tokens[index + 1]}".rstrip(",;:."))
            if bigram in _ORG_BIGRAMS or bigram.split(" ")[0] == "truong" and bare == "Trường":
                break
        name.append(bare)
        index += 1
        if bare != token or len(name) == 6:
            break
    if len(name) < 2:
        return None, text
    caps = [token.isupper() and len(token) > 1 for token in name]
    if any(caps) and sum(caps) >= len(name) - 1:
        name = [token.capitalize() for token in name]
    return " ".join(name), " ".join(tokens[index:])


def person_from_text(text: str, role: str) -> dict | None:
    """The person at the start of ``text`` (title, name, then affiliation), given ``role``;
    ``None`` when no name starts it."""
    text = squash(text).strip(" .;,-–")
    if not text:
        return None
    title, rest = split_academic_title(text)
    name, after = name_prefix(rest)
    if not name:
        return None
    if not title:
        # a table has the title in its own column, after the name: "Lê Văn C  KS.  Viện ..."
        late_title, remainder = split_academic_title(after + " X")
        if late_title:
            title, after = late_title, remainder[:-1].strip()
    affiliation = after.strip(" ,;-–()")
    affiliation = re.sub(r"^(?:[-–,;:]\s*)+", "", affiliation)
    return {"name": name, "role": role, "title": title, "affiliation": affiliation or None}


def _role_from(text: str, default: str = "member") -> str:
    folded = fold(text)
    if re.search(r"(?<![a-z])(?:dong )?chu nhiem|principal investigator|project leader", folded):
        return "principal_investigator"
    if re.search(r"(?<![a-z])thu ky|secretary", folded):
        return "secretary"
    return default


_TABLE_HEADER = re.compile(
    r"(?:^|\s)(?:stt|tt|ho (?:va )?ten|hoc ham|to chuc cong tac|noi dung|full name)(?:\s|$)"
)


_ROW_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.)]?\s+(?=\S)")


def _table_rows(lines: list[str]) -> tuple[list[str], bool]:
    """Rows of a numbered list or table: a cell that wrapped continues on unnumbered lines."""
    numbered = [bool(_ROW_NUMBER.match(line)) for line in lines]
    if sum(numbered) < 2:
        return [line for line in lines if not _TABLE_HEADER.search(fold(line))], False
    rows: list[str] = []
    for line, starts in zip(lines, numbered, strict=True):
        if starts:
            rows.append(line)
        elif rows:
            rows[-1] = f"{rows[-1]} {line.strip()}"
    return rows, True


def parse_member_lines(lines: list[str]) -> list[dict]:
    """Members from a list ("A; B; C") or a table (one row a line: no., title, name, org, role).

    In a numbered table a row's wrapped cells continue on the following unnumbered lines; the
    role column ("Chủ nhiệm", "Thư ký", "Thành viên") sets the person's role.
    """
    people: list[dict] = []
    rows, numbered = _table_rows(lines)
    if not numbered and any(";" in row for row in rows):
        rows = [" ".join(row.strip() for row in rows)]  # "A; B; C" wrapped over lines
    for line in rows:
        if _TABLE_HEADER.search(fold(line)) and not re.match(r"^\s*\d", line):
            continue
        row = re.sub(r"^\s*(?:\d{1,3}\s*[.)]?|[-•*+–])\s+", "", line)
        if not numbered and _looks_like_heading(row):
            continue
        parts = [part for part in re.split(r"\s*;\s*", row) if part.strip()]
        # "1. ThS. A; 2. KS. B; 3. C" in one cell: each part keeps its own number
        parts = [re.sub(r"^\s*\d{1,3}\s*[.)]\s+", "", part) for part in parts]
        if len(parts) == 1 and row.count(",") >= 1:
            comma_parts = [part for part in row.split(",") if part.strip()]
            if all(person_from_text(part, "member") for part in comma_parts) and all(
                len(part.split()) <= 7 for part in comma_parts
            ):
                parts = comma_parts
        for part in parts:
            person = person_from_text(part, "member")
            if person is None or (not numbered and not _has_surname(person["name"])):
                continue
            if person["affiliation"]:
                person["role"] = _role_from(person["affiliation"], "member")
                person["affiliation"] = _clean_affiliation(person["affiliation"])
            people.append(person)
    return people


def _looks_like_heading(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) > 8 and all(char.isupper() for char in letters) and len(text.split()) > 5


# Common Vietnamese family names (folded): a name outside a numbered table must start with one.
VIETNAMESE_SURNAMES = set(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh doan truong
    lam mai trinh dao cao luong luu ta ha kieu van tong quach chau thai la lai to thach tang
    giang kim khuc lac mac nghiem ong phung quan sam thieu tieu trieu ung vuong vi au bach banh
    cu cung diep dong dam dau du gia han hua kha khong khuu lieu lo luc ma man mau nong nhan
    nhu ninh than thi tiet tuong chu chung hau hong khieu lang lu mong nham phi phu quy son tan
    tu uong xa an bao cat dieu doan hinh hoa lieu ninh""".split()
)


def _has_surname(name: str) -> bool:
    return fold(name.split(" ")[0]) in VIETNAMESE_SURNAMES


def _clean_affiliation(text: str) -> str | None:
    # drop role words that trail in a table row
    text = re.sub(
        r"\s*(?:[-–,;]\s*)?(?:(?:đồng\s+)?chủ nhiệm|thư ký(?: khoa học)?|thành viên(?: chính)?|"
        r"cán bộ phối hợp|member|secretary)(?:\s+(?:nhiệm vụ|đề tài|dự án))?\s*$",
        "",
        text,
        flags=re.IGNORECASE,
    )
    return text.strip(" ,;-–()") or None
