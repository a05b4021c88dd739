"""Offline spaCy enrichment: entities found in a document's text and metadata *suggestions*.

``enrich(text, lang)`` runs a blank spaCy pipeline (``spacy.blank("vi")`` with pyvi word
segmentation, or ``spacy.blank("en")``) plus three rule components, all built from the JSON
vocabularies in ``schemas/vocabularies`` (no statistical model, nothing downloaded):

* ``kho_vocabulary_matcher``: organisations, places (pre-2025 districts, their localities and the
  2025 successor communes), sectors, technologies and field-of-science cue words, matched with
  ``PhraseMatcher`` (``attr="LOWER"`` for topical terms, ``attr="ORTH"`` for proper names and
  short acronyms).
* ``kho_rule_entities``: people preceded by an academic title ("PGS.TS. Nguyễn Văn An") and
  organisation names built on a head word ("Trường Đại học X", "Viện X", "Công ty X" ...),
  found by regular expressions on the text and mapped onto tokens with
  ``doc.char_span(..., alignment_mode="expand")``.
* ``kho_entity_resolver``: merges both into ``doc.ents`` and named span groups.

The Vietnamese pipeline's tokenizer gives exactly the tokens of spaCy's pyvi tokenizer, but
computes pyvi's word segmentation itself, with pyvi's own CRF model read from pyvi's model file
(``indexer.word_segmentation``): pyvi's per-syllable feature dicts made it most of the cost of a
document.
The components read the text once (``Doc.text`` rebuilds it from the tokens on every access)
and avoid making a ``Token`` object per token. A 19,000-character report takes about a third of
the time bare pyvi segmentation of it takes, a quarter of what the enrichment took when it ran
pyvi (``benchmarks/nlp.py``).

Why not a plain ``entity_ruler``: pyvi's segmentation depends on context ("Mũi Né" is one token
on its own but "Mũi" + "Né" inside a sentence, "zircon sa khoáng" can become a single token), so
phrase patterns tokenised by pyvi miss mentions. The vocabulary matcher therefore runs its
``PhraseMatcher`` over a syllable-level copy of the text (every word and punctuation mark a
token) and maps each match back to the pyvi tokens by character offsets. Single-syllable terms
must coincide with a whole pyvi token, so "cá" does not match inside "cá nhân".

Matching is insensitive to the two Vietnamese tone-mark conventions ("thuỷ sản" = "thủy sản",
"Hoà" = "Hòa"), to NFC/NFD and, for proper names, to missing diacritics ("Mui Ne", "Phan Thiet").
Everything found here is a suggestion for staff, never trusted as metadata.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable

import numpy as np
import spacy
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.vi.stop_words import STOP_WORDS as VI_STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from indexer.word_segmentation import (
    MAX_SYLLABLES,
    TEXT_KEY,
    WORDS_KEY,
    blank_vietnamese,
    piece_bounds,
)
from schemas import vocabularies

__all__ = ["MAX_CHARS", "enrich", "strip_academic_title"]

logger = logging.getLogger(__name__)

# Only the first 200,000 characters are analysed (about 60-80 pages of a report). They hold the
# cover, abstract, introduction and the bulk of the results, which is all the frequency-based
# suggestions need; appendices, survey tables and reference lists add noise, not signal. Time and
# memory grow with length: measured here, 200,000 characters take about 0.3 s and 20 MB, a whole
# 1,000,000-character report about 1.3 s and 120 MB.
MAX_CHARS = 200_000
# A sector mentioned once is suggested only if the mention is this close to the start (title,
# abstract), where a single mention is meaningful.
EARLY_CHARS = 2000
MAX_KEYWORDS = 8

SUPPORTED_LANGUAGES = ("vi", "en")
ORG, PERSON, PLACE, SECTOR, TECH, FIELD = "ORG", "PERSON", "PLACE", "SECTOR", "TECH", "FIELD"
_ID_SEPARATOR = "\x1f"
_NORMALISED_KEY = "kho_normalised_text"
# What the vocabulary matcher and the rules found, as the resolver reads it (see _found).
_VOCABULARY_FOUND, _RULES_FOUND = "kho_vocabulary_found", "kho_rules_found"
_RESOLVED = "kho_resolved"


def _annotate(span: Span, **info) -> Span:
    """Attach what a rule learnt about a span (canonical form, title, exact offsets).

    Kept in ``doc.user_data`` under the span's label, id and offsets rather than in ``Span._``
    extensions, whose values are shared by all spans with the same offsets.
    """
    key = ("kho", span.label_, span.id_, span.start_char, span.end_char)
    span.doc.user_data[key] = info
    return span


def _info(span: Span) -> dict:
    return span.doc.user_data.get(
        ("kho", span.label_, span.id_, span.start_char, span.end_char), {}
    )


# --------------------------------------------------------------------------- text helpers


def _letters(predicate) -> str:
    ranges = (range(0x41, 0x250), range(0x1E00, 0x1F00))
    return "".join(chr(c) for r in ranges for c in r if chr(c).isalpha() and predicate(chr(c)))


_UP = _letters(str.isupper)
_LO = _letters(str.islower)
_SYLLABLE = re.compile(r"\w+|[^\w\s]")
_SPACED_SYLLABLE = re.compile(r"(\s*)(\w+|[^\w\s])")
_SPACES = re.compile(r"\s+")

# The "old" tone placement puts the mark on the second vowel of an open "oa", "oe", "uy"
# ("hoà", "khoẻ", "thuỷ"); our vocabularies use the other one ("hòa", "khỏe", "thủy").
# (The leading lookahead only lets the regular expression engine skip other letters quickly.)
_OLD_TONE = re.compile(
    r"(?=[oOuU])(?<![qQ])(?:([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])|([uU])([ỳýỷỹỵỲÝỶỸỴ]))(?!\w)"
)


def _move_tone(match: re.Match) -> str:
    first, second = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    base, *marks = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + "".join(marks)) + base


def clean_text(text: str) -> str:
    """NFC, plain spaces and line breaks."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u00a0", " ").replace("\u00ad", "-").replace("\r", "\n")


def normalise_text(text: str) -> str:
    """``clean_text`` and one tone-mark convention, for matching; keeps the length unchanged."""
    return _OLD_TONE.sub(_move_tone, clean_text(text))


def _normalised_text(doc: Doc) -> str:
    """``normalise_text`` of a Doc's text, once per Doc, with the same character offsets.

    The pipeline is given clean text (``enrich`` cleans it), so only the tone marks move.
    """
    text = doc.user_data.get(_NORMALISED_KEY)
    if text is None:
        text = doc.user_data[_NORMALISED_KEY] = _OLD_TONE.sub(_move_tone, _doc_text(doc))
    return text


def _doc_text(doc: Doc) -> str:
    """The text of a Doc, joined from its tokens once (``Doc.text`` joins them on every call).

    Our Vietnamese tokenizer stores the text it was given; any other Doc gets it on first use.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def fold(text: str) -> str:
    """Without diacritics: "Phan Thiết" -> "Phan Thiet"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _first_letters(words: Iterable[str]) -> str:
    """A lookahead for the first letters of some words: it lets the regular expression engine
    skip every other position quickly, which a leading lookbehind does not."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


# --------------------------------------------------------------------------- academic titles


def _title_data() -> tuple[dict[str, str], set[str]]:
    """Canonical abbreviation by lower-case spelling, and those that need their dot."""
    canonical, need_dot = {}, set()
    for term in vocabularies.load("academic_titles").values():
        abbreviation = term.get("abbreviation", term["key"]).rstrip(".")
        canonical[abbreviation.lower()] = abbreviation
        if term.get("requires_dot"):
            need_dot.add(abbreviation.lower())
    return canonical, need_dot


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_EN_TITLES = {
    r"Assoc\.?[ \t]*Prof": "Assoc. Prof.",
    r"Associate[ \t]+Professor": "Assoc. Prof.",
    r"Professor": "Prof.",
    r"Prof": "Prof.",
    r"Dr": "Dr.",
    r"Ph\.?D": "PhD",
    r"M\.?Sc": "MSc.",
    r"D\.?Sc": "DSc.",
}


class _Titles:
    """Regular expressions for academic titles and the names they introduce."""

    def __init__(self) -> None:
        self.canonical, need_dot = _title_data()
        variants = {
            form
            for spelling in self.canonical.values()
            for form in (spelling, spelling.upper(), spelling.capitalize())
        }
        strong = [v for v in variants if v.lower() not in need_dot]
        weak = [v for v in variants if v.lower() in need_dot]
        one_vi = rf"(?:(?:{_alternation(strong)})(?:\.|(?!\w))"
        if weak:
            one_vi += rf"|(?:{_alternation(weak)})\."
        one_vi += ")"
        one_en = r"(?:(?:" + "|".join(_EN_TITLES) + r")(?:\.|(?!\w)))"
        chain_vi = rf"{one_vi}(?:[ \t]*[-.,]?[ \t]*{one_vi}){{0,3}}"
        chain_en = rf"{one_en}(?:[ \t]*,?[ \t]*{one_en}){{0,3}}"
        self.chain_vi = re.compile(chain_vi)
        self.chain = rf"(?:{chain_vi}|{chain_en})"
        self.piece_vi = re.compile(rf"(?<![{_UP}{_LO}])(?:{_alternation(variants)})(?![{_LO}])")
        self.piece_en = [(re.compile(p, re.I), c) for p, c in _EN_TITLES.items()]
        syllable = rf"[{_UP}](?:[{_LO}]*|[{_UP}]*)(?!\w)"
        name = rf"{syllable}(?:[ \t]+{syllable}){{1,4}}"
        first = _first_letters([*variants, *_EN_TITLES])
        self.person = re.compile(rf"{first}(?<![\w.])(?P<title>{self.chain})[ \t]*(?P<name>{name})")
        self.prefix = re.compile(rf"\s*(?P<title>{self.chain})[\s.,:;-]*")

    def canonical_title(self, printed: str) -> str:
        """ "PGS. TS" -> "PGS.TS."; "THS." -> "ThS."; "Assoc.Prof. Dr" -> "Assoc. Prof. Dr." """
        printed = printed.strip(" \t.,-")
        if self.chain_vi.fullmatch(printed) or self.chain_vi.fullmatch(printed + "."):
            pieces = [self.canonical[p.lower()] for p in self.piece_vi.findall(printed)]
            return ".".join(pieces) + "."
        english, rest = [], printed
        while rest:
            for pattern, canonical in self.piece_en:
                match = pattern.match(rest)
                if match:
                    english.append(canonical)
                    rest = rest[match.end() :].lstrip(" \t.,")
                    break
            else:
                break
        return " ".join(english) if english else _squash(printed)


_TITLES: dict[tuple, _Titles] = {}


def _titles() -> _Titles:
    """Built once per process (and per vocabulary folder)."""
    key = tuple(vocabularies.folders())
    if key not in _TITLES:
        _TITLES[key] = _Titles()
    return _TITLES[key]


def strip_academic_title(name: str) -> tuple[str | None, str]:
    """Split a printed title off a person's name.

    ``"PGS.TS. Nguyễn Văn An"`` -> ``("PGS.TS.", "Nguyễn Văn An")``; ``"PGS. TS Lê An"`` ->
    ``("PGS.TS.", "Lê An")``; ``"Assoc. Prof. Dr. Tran Binh"`` -> ``("Assoc. Prof. Dr.", ...)``;
    no title -> ``(None, name)``. The title comes back in canonical spelling, the name with its
    whitespace collapsed and its case as printed.
    """
    text = unicodedata.normalize("NFC", name)
    titles = _titles()
    match = titles.prefix.match(text)
    if match:
        rest = _squash(text[match.end() :])
        if rest and rest[0].isupper():
            return titles.canonical_title(match.group("title")), rest
    return None, _squash(text)


def _person_name(printed: str) -> str:
    syllables = _squash(printed).split(" ")
    if all(s.isupper() for s in syllables if len(s) > 1):
        syllables = [s.capitalize() for s in syllables]
    return " ".join(syllables)


# Where a person's name stops: an organisation or a role starts ("... Nguyễn Văn An Trường Đại
# học ...", "... Lê Bình Chủ nhiệm ..."). Given names such as "Trường" or "Công" are only cut
# when the following word makes the head unambiguous.
_NAME_STOP = re.compile(
    r"(?:Trường[ \t]+(?:Đại|Cao|Trung)|Đại[ \t]+học|Cao[ \t]+đẳng|Viện|Học[ \t]+viện|Trung[ \t]+tâm"
    r"|Sở|Công[ \t]+ty|Hợp[ \t]+tác|Chi[ \t]+cục|Cục|Ủy[ \t]+ban|Uỷ[ \t]+ban|UBND|Chủ[ \t]+nhiệm"
    r"|Chủ[ \t]+tịch|Thư[ \t]+ký|Giám[ \t]+đốc|Phó|Trưởng[ \t]+(?:phòng|khoa|ban|bộ)|Bộ[ \t]+môn"
    r"|Khoa[ \t]+(?:học|[A-ZĐ])|Phòng|Bệnh[ \t]+viện|Thành[ \t]+phố|Tỉnh|Huyện|Xã|Phường|Email"
    r"|Điện[ \t]+thoại|Thành[ \t]+viên|Hiệp[ \t]+hội)(?!\w)",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- organisation names

_ORG_HEADS = [
    "Trường Đại học",
    "Trường Cao đẳng",
    "Trường Trung cấp",
    "Đại học",
    "Học viện",
    "Viện",
    "Trung tâm",
    "Công ty",
    "Sở",
    "Hợp tác xã",
    "Chi cục",
    "Cục",
    "Bộ",
    "Bệnh viện",
    "Hiệp hội",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "UBND",
    "Ban quản lý",
    "Liên hiệp",
    "Phòng",
]
# Lower-case words (as pyvi segments them) that occur inside organisation names; any other
# lower-case word ends a name unless it belongs to a capitalised compound ("Thanh long", "Nông
# sản" are single pyvi tokens).
_ORG_LOWER_WORDS = {
    word.strip()
    for word in """
    và; tỉnh; huyện; quận; thành phố; thị xã; miền; trung ương; quốc gia; nhân dân; khoa học;
    công nghệ; kỹ thuật; kĩ thuật; nông nghiệp; nông thôn; phát triển; tiến bộ; ứng dụng;
    thông tin; nghiên cứu; môi trường; tài nguyên; thủy sản; thuỷ sản; hải sản; sản xuất;
    thương mại; dịch vụ; xây dựng; đầu tư; cổ phần; trách nhiệm; hữu hạn; trách nhiệm hữu hạn;
    một; hai; thành viên; đo lường; chất lượng; tiêu chuẩn; xã hội; nhân văn; giáo dục; đào tạo;
    y tế; dược; du lịch; năng lượng; điện; nước; biển; sinh học; hóa học; vật liệu; cây ăn quả;
    nông lâm; lâm nghiệp; chăn nuôi; thú y; bảo vệ; thực vật; giống; cây trồng; hải dương học;
    kinh tế; khuyến nông; khuyến công; kiểm nghiệm; thủy lợi; tự nhiên; thực phẩm; chế biến;
    xuất nhập khẩu; xuất khẩu; nhập khẩu; truyền thông; văn hóa; thể thao; lao động;
    thương binh; nội vụ; tư pháp; tài chính; kế hoạch; giao thông; vận tải; công thương; an toàn;
    vệ sinh; y học; cổ truyền; chuyển giao; hỗ trợ; khởi nghiệp; đổi mới; sáng tạo; công nghiệp;
    phát thanh; truyền hình; đa khoa; phục hồi; chức năng; bông
    """.split(";")
}
# Longest name, in words after the head: the longest known names have about fifteen.
_ORG_MAX_WORDS = 20
_ORG_CONNECTORS = {"và", "tỉnh", "thành phố", "huyện", "thị xã", "quận", "miền"}
_EN_ORG_HEADS = (
    r"(?:University|Institute|Academy|College|Centre|Center|Department|Ministry|Company|Corporation"
    r"|Cooperative|Association|Agency|Hospital|Committee)"
)
# Never across a line break: only the lines with a head word are searched.
_EN_ORG = re.compile(
    rf"(?<![\w&])(?:(?:[A-Z][\w&'.-]*)[ \t]+){{0,5}}{_EN_ORG_HEADS}(?![\w])"
    r"(?:[ \t]+(?:of|for|and|on)(?:[ \t]+(?:the|and))?(?:[ \t]+[A-Z][\w&'-]*)+)*"
)
_EN_ORG_HEAD = re.compile(_EN_ORG_HEADS)


class _OrganisationRules:
    """Organisation names that start with a head word ("Trường Đại học", "Viện", "Công ty" ...).

    A name runs over pyvi tokens that start with a capital ("Phan Thiết", "Thanh long", "TNHH")
    or are lower-case words of organisation names ("và", "tỉnh", "nông nghiệp"); it stops at a
    line break, punctuation or any other lower-case word. Names in capitals ("TRƯỜNG ĐẠI HỌC
    PHAN THIẾT") run to the end of their line.
    """

    def __init__(self) -> None:
        def spaced(words):
            return _alternation(w.replace(" ", "\u0000") for w in words).replace(
                "\u0000", r"[ \t]+"
            )

        first = _first_letters(_ORG_HEADS)
        self.head = re.compile(rf"{first}(?<![\w&])(?:{spaced(_ORG_HEADS)})(?!\w)")
        caps_word = rf"(?:[{_UP}]+(?:&[{_UP}]+)?|-|–|&)(?!\w)"
        caps_head = spaced(h.upper() for h in _ORG_HEADS)
        caps_words = rf"(?:[ \t]+{caps_word}){{1,{_ORG_MAX_WORDS}}}"
        first = _first_letters(h.upper() for h in _ORG_HEADS)
        self.caps = re.compile(rf"{first}(?<![\w&])(?:{caps_head}){caps_words}")

    def _name_token(self, token) -> bool:
        text = " ".join(token.text.split())
        if text in _ORG_LOWER_WORDS:
            return True
        first = text.split(" ")[0]
        return first[:1].isupper() and all(
            part.replace("&", "").replace("-", "").isalnum() for part in text.split(" ")
        )

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        found = []
        text = _doc_text(doc)
        for match in self.head.finditer(text):
            head = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if head is None or head.start_char != match.start():
                continue
            last, proper, j, words = None, False, head.end, 0
            while j < len(doc) and words < _ORG_MAX_WORDS:
                token = doc[j]
                words += len(token.text.split())
                if token.text in ("TP", "Tp") and j + 1 < len(doc) and doc[j + 1].text == ".":
                    last, proper, j = doc[j + 1], True, j + 2
                    continue
                if token.text in ("TP.", "Tp."):
                    last, proper, j = token, True, j + 1
                    continue
                if not self._name_token(token):
                    break
                if (
                    token.text == "và"
                    and j + 1 < len(doc)
                    and self.head.match(text, doc[j + 1].idx)
                ):
                    break  # "Trường X và Sở Y": two organisations
                if token.text[:1].isupper():
                    proper = True
                last = token
                if "\n" in token.whitespace_:
                    break
                j += 1
            if last is None or not proper:
                continue
            end_token = last.i
            while (
                end_token >= head.end and " ".join(doc[end_token].text.split()) in _ORG_CONNECTORS
            ):
                end_token -= 1
            if end_token >= head.end:
                found.append((head.start_char, doc[end_token].idx + len(doc[end_token].text)))
        for match in self.caps.finditer(text):
            value = match.group().rstrip(" \t-–&")
            if len(value.split()) >= 2:
                found.append((match.start(), match.start() + len(value)))
        line_end = -1
        for head in _EN_ORG_HEAD.finditer(text):
            if head.start() < line_end:
                continue
            line_start = text.rfind("\n", 0, head.start()) + 1
            line_end = text.find("\n", head.end())
            if line_end < 0:
                line_end = len(text)
            for match in _EN_ORG.finditer(text, line_start, line_end):
                value = re.sub(r"^(?:The|A|An|In|At|By|From)\s+", "", match.group())
                if len(value.split()) >= 2:
                    found.append((match.end() - len(value), match.end()))
        return found


# --------------------------------------------------------------------------- vocabulary patterns


def _canonical_words(text: str) -> list[str]:
    return _SYLLABLE.findall(normalise_text(text))


def _is_acronym_phrase(phrase: str) -> bool:
    return any(sum(c.isupper() for c in w) >= 2 and len(w) <= 5 for w in phrase.split())


def _synonyms(term: dict) -> list[str]:
    synonyms = term.get("synonyms") or {}
    if isinstance(synonyms, dict):
        return [s for lang in ("vi", "en") for s in synonyms.get(lang, [])] + [
            s for lang, values in synonyms.items() if lang not in ("vi", "en") for s in values
        ]
    return list(synonyms)


def _vocabulary_patterns() -> list[tuple[str, str, str, str, bool]]:
    """(label, key, phrase, canonical form, case sensitive) for every term to look for."""
    patterns = []

    def proper(label: str, key: str, phrases: Iterable[str]) -> None:
        for phrase in phrases:
            for variant in (phrase, fold(phrase)):
                for form in (variant, variant[:1].upper() + variant[1:], variant.upper()):
                    patterns.append((label, key, form, phrase, True))

    def topical(label: str, key: str, phrases: Iterable[str]) -> None:
        for phrase in phrases:
            sensitive = _is_acronym_phrase(phrase)
            forms = (phrase, phrase.upper()) if sensitive else (phrase,)
            for form in forms:
                patterns.append((label, key, form, phrase, sensitive))

    for key, term in vocabularies.load("organisations").items():
        proper(ORG, key, [term["vi"], term["en"], *_synonyms(term)])
    for key, term in vocabularies.load("places").items():
        proper(PLACE, key, [term["vi"], term["en"], *_synonyms(term), *term.get("successors", [])])
    for key, term in vocabularies.load("sectors").items():
        topical(SECTOR, key, [term["vi"], term["en"], *_synonyms(term)])
    for key, term in vocabularies.load("ipc_technology").items():
        topical(TECH, key, _synonyms(term))
    for key, term in vocabularies.load("fields_of_science").items():
        if term.get("parent"):
            topical(FIELD, key, _synonyms(term))
    return patterns


class _VocabularyMatcher:
    """PhraseMatchers over a syllable-level copy of the text (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.terms: dict[int, tuple] = {}  # what a match id stands for, see _term
        seen: dict[tuple[str, bool, tuple[str, ...]], str] = {}
        grouped: dict[tuple[str, bool], list[Doc]] = {}
        for label, key, form, canonical, sensitive in _vocabulary_patterns():
            words = _canonical_words(form)
            if not words:
                continue
            signature = tuple(words) if sensitive else tuple(w.lower() for w in words)
            if seen.setdefault((label, sensitive, signature), key) != key:
                continue  # the same phrase for two terms of one vocabulary: the first wins
            match_id = _ID_SEPARATOR.join((label, key, canonical))
            grouped.setdefault((match_id, sensitive), []).append(Doc(nlp.vocab, words=list(words)))
        for (match_id, sensitive), docs in grouped.items():
            (self.exact if sensitive else self.lower).add(match_id, docs)

    def _term(self, match_id: int) -> tuple[str, str, int, int, dict]:
        """Label, vocabulary key, their string ids, and the annotation (shared, never changed)."""
        label, key, canonical = self.vocab.strings[match_id].split(_ID_SEPARATOR)
        strings = self.vocab.strings
        return label, key, strings.add(label), strings.add(key), {"canonical": canonical}

    def __call__(self, doc: Doc) -> Doc:
        pieces = _SPACED_SYLLABLE.findall(_normalised_text(doc))
        syllables = Doc(self.vocab, words=[syllable for _, syllable in pieces])
        matches = [*self.lower(syllables), *self.exact(syllables)]
        spans = []
        if matches:
            ids, first, last = zip(*matches, strict=True)
            first, last = np.array(first), np.array(last)
            starts, ends = piece_bounds(pieces)
            starts, ends = starts[first], ends[last - 1]
            # the tokens holding the first and the last character, as Doc.char_span finds them
            token = doc.to_array([IDX, LENGTH, SPACY]).astype(np.int64)
            token_start, token_end = token[:, 0], token[:, 0] + token[:, 1]
            start = np.searchsorted(token_start, starts, side="right") - 1
            end = np.searchsorted(token_start, ends - 1, side="right") - 1
            aligned = (token_start[start] == starts) & (token_end[end] == ends)
            start += starts == token_end[start]  # on a token's trailing space: the next token
            keep = aligned | (last - first > 1)  # one syllable inside a longer word: "cá nhân"
            user_data, terms = doc.user_data, self.terms
            ids = [match_id for match_id, kept in zip(ids, keep.tolist(), strict=True) if kept]
            first_tokens, last_tokens = start[keep].tolist(), end[keep].tolist()
            first_chars = token_start[start[keep]].tolist()
            last_chars = token_end[end[keep]].tolist()
            for match_id, first_token, last_token, first_char, last_char in zip(
                ids, first_tokens, last_tokens, first_chars, last_chars, strict=True
            ):
                if match_id not in terms:
                    terms[match_id] = self._term(match_id)
                label, key, label_id, key_id, info = terms[match_id]
                span = Span(doc, first_token, last_token + 1, label_id, span_id=key_id)
                spans.append((span, label, first_char, last_char))
                user_data[("kho", label, key, first_char, last_char)] = info
        doc.spans["kho_vocabulary"] = [span for span, _, _, _ in spans]
        # the resolver reads these, with their labels and offsets: a span group makes new Span
        # objects on every read, and each reads its tokens again
        doc.user_data[_VOCABULARY_FOUND] = spans
        return doc


class _RuleEntities:
    """Titled people and organisation names, found by regular expressions on the text."""

    def __init__(self) -> None:
        self.titles = _titles()
        self.organisations = _OrganisationRules()

    def people(self, doc: Doc) -> list[Span]:
        spans = []
        text = _doc_text(doc)
        for match in self.titles.person.finditer(text):
            start, end = match.span("name")
            name_text = match.group("name")
            # cut the name where an organisation or a role begins
            syllables = list(re.finditer(r"\S+", name_text))
            for index in range(2, len(syllables)):
                if _NAME_STOP.match(name_text, syllables[index].start()):
                    end = start + syllables[index - 1].end()
                    break
            # a mixed-case name does not continue into a capitalised acronym, and vice versa
            words = text[start:end].split()
            caps = [w.isupper() and len(w) > 1 for w in words]
            keep = 1
            while keep < len(words) and caps[keep] == caps[0]:
                keep += 1
            if keep < 2:
                continue
            end = start + len(" ".join(words[:keep])) if keep < len(words) else end
            span = doc.char_span(start, end, label=PERSON, alignment_mode="expand")
            if span is None:
                continue
            title = self.titles.canonical_title(match.group("title"))
            canonical = _person_name(text[start:end])
            spans.append(_annotate(span, canonical=canonical, title=title, exact=(start, end)))
        return spans

    def __call__(self, doc: Doc) -> Doc:
        spans = self.people(doc)
        text = _doc_text(doc)
        restored: dict[str, str] = {}
        for start, end in self.organisations.find(doc):
            span = doc.char_span(start, end, label=ORG, alignment_mode="expand")
            if span is not None:
                name = _squash(text[start:end])
                if name not in restored:
                    restored[name] = _restore_case(name, text)
                spans.append(_annotate(span, canonical=restored[name], exact=(start, end)))
        doc.spans["kho_rules"] = spans
        doc.user_data[_RULES_FOUND] = spans  # for the resolver (see _VocabularyMatcher)
        return doc


def _restore_case(name: str, text: str) -> str:
    """A name printed in capitals, as the text writes it elsewhere in mixed case, if it does."""
    if not name.isupper():
        return name
    pattern = r"\s+".join(re.escape(word) for word in name.split())
    first = _first_letters([name])  # lets the search skip other letters quickly
    for match in re.finditer(rf"{first}(?<!\w){pattern}(?!\w)", text, re.IGNORECASE):
        if not match.group().isupper():
            return _squash(match.group())
    return name


def _offsets(span: Span) -> tuple[int, int]:
    return _info(span).get("exact") or (span.start_char, span.end_char)


class _Coverage:
    """Character ranges covered by some spans; answers "does this span touch them?" in log time.

    Spans come as ``(span, start, end)`` with the character offsets the rules found.
    """

    def __init__(self, items: Iterable[tuple[Span, int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((start, end) for _, start, end in items):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlaps(self, item: tuple[Span, int, int]) -> bool:
        _, start, end = item
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


def _longest(items: Iterable[tuple[Span, int, int]]) -> list[tuple[Span, int, int]]:
    """``spacy.util.filter_spans`` for ``(span, start, end)``: the first longest of overlapping
    spans, in text order."""
    ranked = sorted(items, key=lambda item: (len(item[0]), -item[0].start), reverse=True)
    kept, seen = [], set()
    for item in ranked:
        span = item[0]
        if span.start not in seen and span.end - 1 not in seen:
            kept.append(item)
            seen.update(range(span.start, span.end))
    return sorted(kept, key=lambda item: item[0].start)


def _found(doc: Doc) -> tuple[list, list[Span]]:
    """What the two finders put on the Doc: ``(span, label, start_char, end_char)`` for the
    vocabulary matches and the rules' spans, read from the Span objects the finders made when
    they are there."""
    vocabulary = doc.user_data.pop(_VOCABULARY_FOUND, None)
    if vocabulary is None:
        vocabulary = [
            (span, span.label_, span.start_char, span.end_char)
            for span in doc.spans.get("kho_vocabulary", [])
        ]
    rules = doc.user_data.pop(_RULES_FOUND, None)
    if rules is None:
        rules = list(doc.spans.get("kho_rules", []))
    return vocabulary, rules


def _group(doc: Doc, name: str) -> list[Span]:
    """The resolver's span group ``name``: the Span objects it made (a span group makes new ones,
    reading their tokens again, on every read), else the Doc's group."""
    resolved = doc.user_data.get(_RESOLVED)
    return resolved[name] if resolved is not None else list(doc.spans[name])


def _resolve(doc: Doc) -> Doc:
    found_vocabulary, found_rules = _found(doc)
    vocabulary: dict[str, list[tuple[Span, int, int]]] = {}
    for span, label, start, end in found_vocabulary:  # matched exactly: no offsets of their own
        vocabulary.setdefault(label, []).append((span, start, end))
    rules: dict[str, list[tuple[Span, int, int]]] = {}
    for span in found_rules:
        rules.setdefault(span.label_, []).append((span, *_offsets(span)))
    people = _longest(rules.get(PERSON, []))
    named_people = _Coverage(people)
    known_orgs = _longest(s for s in vocabulary.get(ORG, []) if not named_people.overlaps(s))
    named_orgs = _Coverage(known_orgs)
    found_orgs = [
        s for s in rules.get(ORG, []) if not named_orgs.overlaps(s) and not named_people.overlaps(s)
    ]
    organisations = _longest(known_orgs + found_orgs)
    blocked = _Coverage(people + known_orgs)  # a name is not a topic: "Trường Đại học Phan Thiết"
    groups = {"people": people, "organisations": organisations}
    for group, label in (
        ("places", PLACE),
        ("sectors", SECTOR),
        ("technologies", TECH),
        ("fields", FIELD),
    ):
        groups[group] = _longest(s for s in vocabulary.get(label, []) if not blocked.overlaps(s))
    resolved = doc.user_data[_RESOLVED] = {}
    for group, items in groups.items():
        # in text order; the readers below take the Span objects themselves (see _group)
        doc.spans[group] = resolved[group] = [span for span, _, _ in items]
    doc.ents = [span for span, _, _ in _longest(organisations + people + groups["places"])]
    return doc


if not Language.has_factory("kho_vocabulary_matcher"):

    @Language.factory("kho_vocabulary_matcher")
    def _make_vocabulary_matcher(nlp: Language, name: str) -> _VocabularyMatcher:
        return _VocabularyMatcher(nlp)


if not Language.has_factory("kho_rule_entities"):

    @Language.factory("kho_rule_entities")
    def _make_rule_entities(nlp: Language, name: str) -> _RuleEntities:
        return _RuleEntities()


if not Language.has_factory("kho_entity_resolver"):
    Language.component("kho_entity_resolver", func=_resolve)


# --------------------------------------------------------------------------- pipelines

_PIPELINES: dict[tuple[str, tuple], Language] = {}
_LOCK = threading.Lock()


def _pipeline(lang: str) -> Language:
    """The pipeline for ``lang``, built once per process (and per vocabulary folder)."""
    cache_key = (lang, tuple(vocabularies.folders()))
    nlp = _PIPELINES.get(cache_key)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(cache_key)
            if nlp is None:
                nlp = blank_vietnamese() if lang == "vi" else spacy.blank(lang)
                nlp.add_pipe("kho_vocabulary_matcher")
                nlp.add_pipe("kho_rule_entities")
                nlp.add_pipe("kho_entity_resolver")
                _PIPELINES[cache_key] = nlp
    return nlp


def _language(lang: str) -> str:
    code = (lang or "vi").strip().lower()[:2]
    if code not in SUPPORTED_LANGUAGES:
        raise ValueError(f"Unsupported language {lang!r}: expected one of {SUPPORTED_LANGUAGES}.")
    return code


# --------------------------------------------------------------------------- keywords

# Generic words of reports, and the boilerplate of patent documents ("sáng chế đề cập đến",
# "ví dụ", front-page labels), that say nothing about the subject.
_VI_GENERIC = {w.replace("_", " ") for w in VI_STOP_WORDS if "_" in w} | set(
    """
nghiên cứu;kết quả;thực hiện;đề tài;nhiệm vụ;dự án;sử dụng;bao gồm;tuy nhiên;phát triển;khoa học;
công nghệ;ứng dụng;phương pháp;đánh giá;quá trình;hiện nay;cho thấy;trong đó;nội dung;mục tiêu;
thông tin;số liệu;tài liệu;báo cáo;tổng hợp;xây dựng;quy trình;hệ thống;giải pháp;hiệu quả;
chất lượng;sản phẩm;sản xuất;tiến hành;thời gian;điều kiện;ảnh hưởng;tác động;đặc điểm;
khả năng;vấn đề;cơ sở;yêu cầu;quy định;chủ nhiệm;cơ quan;tổ chức;đơn vị;địa phương;
địa bàn;người dân;doanh nghiệp;thị trường;kinh tế;xã hội;nhà nước;ngân sách;kinh phí;
triệu đồng;tỷ lệ;trung bình;tối đa;tối thiểu;bảng;hình;biểu đồ;phụ lục;mục lục;chương;
lĩnh vực;thực tế;thực tiễn;cụ thể;chủ yếu;bên cạnh;đồng thời;ngoài ra;do đó;vì vậy;
như vậy;theo đó;nhằm;góp phần;tăng cường;nâng cao;triển khai;thực nghiệm;thí nghiệm;
mô hình;đối tượng;phạm vi;kiến nghị;kết luận;mở đầu;tổng quan;trình bày;ý nghĩa;
cần thiết;quan trọng;phù hợp;nhất định;khác nhau;các loại;năm;tháng;ngày;lần;người;
hộ;xã;huyện;tỉnh;thành phố;thị xã;thị trấn;phường;khu vực;vùng;trên;dưới;giữa;trong;
ngoài;được;có thể;cần;phải;nhiều;ít;cao;thấp;lớn;nhỏ;tốt;mới;chính;chung;riêng;
toàn bộ;một số;các;những;bình quân;tổng số;số lượng;trường hợp;mức độ;giai đoạn;
hoạt động;công tác;thực trạng;tình hình;nguyên nhân;tiêu chí;chỉ tiêu;hội đồng;nghiệm thu;
thư ký;thành viên;tóm tắt;từ khóa;chủ lực;chủ trì;phối hợp;khảo sát;tham gia;đề xuất;
đại học;cao đẳng;trung tâm;công ty;hợp tác xã;giáo sư;tiến sĩ;thạc sĩ;kỹ sư;cử nhân;
sáng chế;hữu ích;đề cập;ví dụ;bảo hộ;văn bằng;mô tả;hình vẽ;bản chất;phương án;kỹ thuật;
kết hợp;điều chỉnh;khối lượng;công bố;ngày công bố;nộp đơn;ngày nộp đơn;số đơn;chủ đơn;chủ bằng;
tác giả;
""".replace("\n", "").split(";")
)
_VI_GENERIC.discard("")

_EN_GENERIC = set(EN_STOP_WORDS) | {
    "result",
    "results",
    "study",
    "studies",
    "research",
    "project",
    "task",
    "method",
    "methods",
    "table",
    "figure",
    "data",
    "use",
    "used",
    "using",
    "based",
    "also",
    "however",
    "total",
    "paper",
    "report",
    "approach",
    "analysis",
    "chapter",
    "section",
    "et",
    "al",
    "etc",
}


def _salient(counts: Counter, first: dict, weights: dict, limit: int) -> list[str]:
    """Most frequent candidates; a phrase and its parts are not both kept unless both are common."""
    ranked = sorted(counts, key=lambda p: (-counts[p] * weights[p], first[p]))
    chosen: list[str] = []
    for phrase in ranked:
        related = [c for c in chosen if f" {phrase} " in f" {c} " or f" {c} " in f" {phrase} "]
        if any(abs(counts[c] - counts[phrase]) < 2 for c in related):
            continue
        chosen.append(phrase)
        if len(chosen) == limit:
            break
    return chosen


def _keyword_units(doc: Doc, lang: str) -> list[list[tuple[str, int, int]]]:
    """Runs of candidate words as (lower-case text, character offset, number of words).

    A unit is a pyvi compound of two or more syllables ("bảo quản"; in English a word) or a
    topical vocabulary phrase however pyvi cut it ("kho lạnh", "dragon fruit"). Names, generic
    report words, form labels ("Tóm tắt:") and punctuation break the runs.
    """
    normalised = _normalised_text(doc)
    tokens = _token_texts(doc)
    named = [False] * len(doc)
    for entity in doc.ents:
        named[entity.start : entity.end] = [True] * (entity.end - entity.start)
    phrases: dict[int, Span] = {}
    inside: set[int] = set()
    topical = [*_group(doc, "sectors"), *_group(doc, "technologies"), *_group(doc, "fields")]
    for span in filter_spans(topical):
        if len(normalised[span.start_char : span.end_char].split()) >= 2:
            phrases[span.start] = span
            inside.update(range(span.start + 1, span.end))
    generic = _VI_GENERIC if lang == "vi" else _EN_GENERIC
    # most tokens recur, in a document and from one document to the next: look at each once
    kinds = _TOKEN_KINDS.setdefault(lang, {})
    if len(kinds) > MAX_SYLLABLES:  # a bound on memory; a new dict, as other threads read this one
        kinds = _TOKEN_KINDS[lang] = {}
    for token in set(tokens).difference(kinds):
        kinds[token] = _token_kind(token, lang, generic)
    if lang == "vi":
        candidates = [i for i, token in enumerate(tokens) if kinds[token][2]]
    else:
        candidates = [
            i
            for i, token in enumerate(tokens)
            if kinds[token][2] or (kinds[token][3] and (i == 0 or tokens[i - 1] in _FULL_STOPS))
        ]
    # Positions are the tokens and the phrases, in order; a run is a stretch of usable ones.
    # Only the usable tokens and the phrases are visited: a gap between them ends the run (a
    # line break is a whitespace token of its own, never usable).
    positions = sorted({*candidates, *phrases} - inside)
    runs: list[list[tuple[str, int, int]]] = [[]]
    expected = -1
    offsets = doc.to_array(IDX).tolist()
    for i in positions:
        span = phrases.get(i)
        if span is None:
            unit, words = kinds[tokens[i]][:2]
            following, usable = i + 1, True
        else:
            parts = normalised[span.start_char : span.end_char].split()
            unit, words = " ".join(parts).lower(), len(parts)
            following = span.end
            usable = all(w.isalpha() for w in parts) and unit not in generic
        is_label = following < len(tokens) and tokens[following] == ":"
        if i != expected and runs[-1]:
            runs.append([])
        if usable and not named[i] and not is_label:
            runs[-1].append((unit, offsets[i], words))
            expected = following
        else:
            expected = -1
    if not runs[-1] and len(runs) > 1:
        runs.pop()
    return runs


_FULL_STOPS = {".", "!", "?", ":", ";"}
_TOKEN_KINDS: dict[str, dict[str, tuple[str, int, bool, bool]]] = {}


def _token_texts(doc: Doc) -> list[str]:
    """The text of every token, without making Token objects."""
    words = doc.user_data.get(WORDS_KEY)
    if words is not None and len(words) == len(doc):
        return words
    text = _doc_text(doc)
    bounds = doc.to_array([IDX, LENGTH])
    starts, ends = bounds[:, 0].tolist(), (bounds[:, 0] + bounds[:, 1]).tolist()
    return [text[start:end] for start, end in zip(starts, ends, strict=True)]


def _token_kind(token: str, lang: str, generic: set[str]) -> tuple[str, int, bool, bool]:
    """(lower-case text, number of words, a keyword unit anywhere, one after a full stop)."""
    parts = normalise_text(token).split()
    unit = " ".join(parts)
    if unit.lower() in generic:
        return unit.lower(), len(parts), False, False
    if lang == "vi":
        usable = (
            len(parts) >= 2
            and all(w.isalpha() for w in parts)
            and not all(w[0].isupper() for w in parts)  # a proper name
        )
        return unit.lower(), len(parts), usable, usable
    # an English word: capitalised only at the start of a sentence
    word = unit.isalpha() and len(unit) > 2
    return unit.lower(), len(parts), word and unit.islower(), word


def _keywords(doc: Doc, lang: str, limit: int = MAX_KEYWORDS) -> list[str]:
    # every phrase of one to ``longest`` units of a run, in order, with its offset and size
    phrases: list[str] = []
    offsets: list[int] = []
    sizes: list[int] = []
    longest = 2 if lang == "vi" else 3
    for run in _keyword_units(doc, lang):
        for n in range(1, min(longest, len(run)) + 1):
            for i in range(len(run) - n + 1):
                units = run[i : i + n]
                if n == 1 and units[0][2] < 2:
                    continue  # keywords have several syllables or words
                phrases.append(" ".join(text for text, _, _ in units))
                offsets.append(units[0][1])
                sizes.append(n)
    counts = Counter(phrases)
    first = dict(zip(reversed(phrases), reversed(offsets), strict=True))  # first seen
    size = dict(zip(phrases, sizes, strict=True))
    # a longer phrase that recurs is more telling than its parts: Vietnamese counts compounds,
    # English counts words
    if lang == "vi":
        weights = {phrase: 1 + 0.5 * (n - 1) for phrase, n in size.items()}
    else:
        weights = {phrase: 1 + 0.5 * (len(phrase.split()) - 2) for phrase in size}
    # a combination of units seen once is a coincidence, not a keyword
    for phrase in [p for p in counts if size[p] > 1 and counts[p] < 2]:
        del counts[phrase]
    return _salient(counts, first, weights, limit)


# --------------------------------------------------------------------------- public API


def _unique(values: Iterable[str]) -> list[str]:
    seen, result = set(), []
    for value in values:
        marker = value.casefold()
        if value and marker not in seen:
            seen.add(marker)
            result.append(value)
    return result


def _tally(spans: Iterable[Span]) -> tuple[Counter, dict[str, int]]:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for span in spans:
        counts[span.id_] += 1
        first.setdefault(span.id_, span.start_char)
    return counts, first


def enrich(text: str, lang: str = "vi", *, keywords: bool = True) -> dict:
    """Entities and metadata suggestions for one document's text.

    Returns::

        {"entities": {"organisations": [str], "people": [str], "places": [place key],
                      "sectors": [sector key], "technologies": [str]},
         "people_titles": {name: title},          # {"Nguyễn Văn An": "PGS.TS."}
         "suggested": {"sectors": [sector key],   # most mentioned first; twice, or once early
                       "district": place key | None,
                       "field_of_science": level-2 code | None,
                       "keywords": [str]}}        # up to 8 frequent multi-word terms

    Lists are deduplicated in first-seen order. ``lang`` is "vi" (pyvi segmentation) or "en".
    Only the first ``MAX_CHARS`` characters are read. ``keywords=False`` leaves the suggested
    keywords empty, for a caller that has the document's own (a tenth of the time).
    """
    code = _language(lang)
    # names keep their printed spelling ("Hoà"); matching normalises the tone marks itself
    doc = _pipeline(code)(clean_text((text or "")[:MAX_CHARS]))
    people, titles = _people_and_titles(doc)
    sector_counts, sector_first = _tally(
        s for s in _group(doc, "sectors") if s.id_ in vocabularies.load("sectors")
    )
    places = vocabularies.load("places")
    place_counts, place_first = _tally(s for s in _group(doc, "places") if s.id_ in places)
    suggested_sectors = [
        key
        for key in sorted(sector_counts, key=lambda k: (-sector_counts[k], sector_first[k]))
        if sector_counts[key] >= 2 or sector_first[key] < EARLY_CHARS
    ]
    result = {
        "entities": {
            "organisations": _organisation_names(doc),
            "people": people,
            "places": list(place_first),
            "sectors": list(sector_first),
            "technologies": _unique(
                _info(s).get("canonical") or s.text for s in _group(doc, "technologies")
            ),
        },
        "people_titles": titles,
        "suggested": {
            "sectors": suggested_sectors,
            "district": _most_mentioned(place_counts, place_first),
            "field_of_science": _field_of_science(doc, suggested_sectors, sector_first),
            "keywords": _keywords(doc, code) if keywords else [],
        },
    }
    # the resolver's Span objects refer to the Doc: dropped here, the Doc goes as soon as it is
    # no longer used instead of waiting for the cycle collector
    doc.user_data.pop(_RESOLVED, None)
    return result


def _organisation_names(doc: Doc) -> list[str]:
    """Organisations as the vocabulary names them, else as printed (canonical form)."""
    organisations = vocabularies.load("organisations")
    names = []
    for span in _group(doc, "organisations"):
        if span.id_ in organisations:
            names.append(organisations[span.id_]["vi"])
        else:
            names.append(_info(span).get("canonical") or _squash(span.text))
    return _unique(names)


def _people_and_titles(doc: Doc) -> tuple[list[str], dict[str, str]]:
    """People's names in first-seen order, and the longest academic title printed before each."""
    people, titles = [], {}
    for span in _group(doc, "people"):
        info = _info(span)
        name = info.get("canonical") or _squash(span.text)
        people.append(name)
        title = info.get("title")
        if title and len(title) > len(titles.get(name) or ""):
            titles[name] = title
    people = _unique(people)
    return people, {name: titles[name] for name in people if name in titles}


def _most_mentioned(counts: Counter, first: dict[str, int]) -> str | None:
    """The key mentioned most often, the earliest of equals."""
    return min(counts, key=lambda k: (-counts[k], first[k])) if counts else None


def _field_of_science(doc: Doc, suggested_sectors: list[str], sector_first: dict) -> str | None:
    """The field of science the text names most, else the field of its first sector."""
    field_counts, field_first = _tally(_group(doc, "fields"))
    if field_counts:
        return _most_mentioned(field_counts, field_first)
    sectors = vocabularies.load("sectors")
    for key in suggested_sectors or sorted(sector_first, key=lambda k: sector_first[k]):
        if sectors[key].get("field_of_science"):
            return sectors[key]["field_of_science"]
    return None
