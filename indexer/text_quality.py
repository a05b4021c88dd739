"""How far a page's text can be trusted, and the repair of Vietnamese diacritics.

:func:`assess_page` measures a page's text and gives a verdict:

* ``empty``: fewer than :data:`MIN_TEXT_CHARS` letters or digits (a scan, a blank page);
* ``garbled``: the text layer is there but does not say what is printed: glyphs without a
  Unicode mapping (``(cid:N)``, U+FFFD, private-use code points), words made of characters that
  are neither Vietnamese nor ASCII letters (legacy TCVN3/VNI fonts read as Latin-1), accented
  words that are not Vietnamese syllables, or combining marks that did not compose;
* ``clean``: otherwise.

The measurements (``signals``) are kept with the verdict, so that staff can see *why* a page
was judged garbled. Everything is regular expressions and cached per-word look-ups: about
0.1 ms of CPU for a page of running text, and 0.2 ms for assessment and repair together
(``benchmarks/text_quality.py``).

:func:`repair_vietnamese` composes the text to NFC and repairs what producers get wrong with
Vietnamese diacritics: marks that stay separate because they were written in the wrong order
(LibreOffice exports "e" + tone + circumflex, which NFC cannot compose), marks attached to a
consonant or written before their letter, and tone marks on the wrong vowel ("tóan", "qúa",
"hòan"). It also puts the tone of the open syllables "oa", "oe", "uy" in one consistent place:
the traditional one ("hòa", "khỏe", "thủy"), the placement the Department's documents and the
national databases use. Search folds diacritics anyway; the stored text must still be right.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

# A page with fewer letters or digits than this is "empty": scans often carry a stamped page
# number or a producer's footer and nothing else (same threshold as pdf_text's text layer).
MIN_TEXT_CHARS = 20
# Unmapped glyphs: one stray "(cid:3)" for a bullet is common on clean pages; more than one in
# twenty words means the font has no usable ToUnicode map and the text cannot be trusted.
MAX_UNMAPPED_SHARE = 0.05
MIN_UNMAPPED = 3
# Words holding a character that is neither an ASCII nor a Vietnamese letter ("B¸o", "tæng",
# "cöùu"). Clean pages have a few (°C, µm, ±); legacy-font pages have one word in three or more.
MAX_FOREIGN_SHARE = 0.10
# Words with diacritics that are not Vietnamese syllables: clean Vietnamese text has almost none
# (a French or German name), VNI text read as Latin-1 has a majority ("Nghieân", "coâng").
MIN_MARKED_VALID_SHARE = 0.6
# Below this many words (foreign share) or accented words (syllable share) a page is too short
# for a share to mean anything, and only the unmapped-glyph rule applies.
MIN_WORDS = 10
MIN_MARKED_WORDS = 8
# Combining marks left after NFC and repair: a few per page are noise, more is a broken page.
MAX_COMBINING_SHARE = 0.02

TONES = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
MODIFIERS = ("\u0302", "\u0306", "\u031b")  # circumflex, breve, horn
_STOP_TONES = ("\u0301", "\u0323")  # the only tones a syllable ending in c, ch, p, t can take

_PLAIN_VOWELS = "aăâeêioôơuưy"
_VIET_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxy"
    "ỳýỷỹỵz"
)
VIETNAMESE_LETTERS = frozenset(_VIET_LOWER + _VIET_LOWER.upper())

_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
# Vowel nucleus -> the endings it takes: consonant codas and the semivowels i/y/o/u that close
# diphthongs ("ai", "ao", "oai", "ươu"). Written from Vietnamese phonotactics, generous where
# usage is (rare but real rhymes such as "oong", "uych", "oeo" are in).
_NUCLEI = {
    "a": ("", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"),
    "ă": ("c", "m", "n", "ng", "p", "t"),
    "â": ("c", "m", "n", "ng", "p", "t", "u", "y"),
    "e": ("", "c", "m", "n", "ng", "p", "t", "o"),
    "ê": ("", "ch", "m", "n", "nh", "p", "t", "u"),
    "i": ("", "ch", "m", "n", "nh", "p", "t", "u"),
    "o": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ô": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ơ": ("", "m", "n", "p", "t", "i"),
    "u": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ư": ("", "c", "m", "n", "ng", "t", "i", "u"),
    "y": ("", "ch", "nh", "t"),
    "ia": ("",),
    "iê": ("c", "m", "n", "ng", "p", "t", "u"),
    "yê": ("m", "n", "ng", "t", "u"),
    "ua": ("",),
    "uô": ("c", "m", "n", "ng", "t", "i"),
    "ưa": ("",),
    "ươ": ("c", "m", "n", "ng", "p", "t", "i", "u"),
    "oa": ("", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "y"),
    "oă": ("c", "m", "n", "ng", "t"),
    "oe": ("", "n", "o", "t"),
    "oo": ("c", "ng"),
    "uâ": ("n", "ng", "t", "y"),
    "uê": ("", "ch", "n", "nh", "t"),
    "uy": ("", "ch", "n", "nh", "t", "u"),
    "uya": ("",),
    "uyê": ("n", "t"),
    "uơ": ("",),
}
_RHYMES = {nucleus + coda: (nucleus, coda) for nucleus, codas in _NUCLEI.items() for coda in codas}
_FRONT = ("i", "e", "ê", "y")


@dataclass(frozen=True)
class _Tone:
    base: str  # the letter without its tone ("ấ" -> "â")
    mark: str  # the combining tone mark


def _tone_table() -> dict[str, _Tone]:
    table: dict[str, _Tone] = {}
    for char in VIETNAMESE_LETTERS:
        decomposed = unicodedata.normalize("NFD", char)
        marks = [mark for mark in decomposed if mark in TONES]
        if marks:
            base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in TONES))
            table[char] = _Tone(base, marks[0])
    return table


_TONED = _tone_table()
_VOWEL_LETTERS = frozenset(
    char for char in VIETNAMESE_LETTERS if (_TONED[char].base if char in _TONED else char).lower()
    in _PLAIN_VOWELS
)


@dataclass(frozen=True)
class Syllable:
    onset: str
    rhyme: str  # without the tone
    nucleus: str
    coda: str
    tone: str | None  # combining tone mark, or None for the level tone
    tone_at: int | None  # index in the word of the letter carrying the tone


@lru_cache(maxsize=1 << 16)
def parse_syllable(word: str) -> Syllable | None:
    """A Vietnamese syllable split into onset, rhyme and tone; None when it is not one.

    ``word`` may be in any case; one tone mark at most, on any vowel (placement is not judged
    here, see :func:`repair_vietnamese`).
    """
    lower = word.lower()
    letters = []
    tone = tone_at = None
    for index, char in enumerate(lower):
        info = _TONED.get(char)
        if info is not None:
            if tone is not None:
                return None
            tone, tone_at = info.mark, index
            char = info.base
        elif char not in VIETNAMESE_LETTERS:
            return None
        letters.append(char)
    toneless = "".join(letters)
    for onset in _ONSETS:
        if not toneless.startswith(onset):
            continue
        rhyme = toneless[len(onset) :]
        parts = _RHYMES.get(rhyme)
        if parts is None or not _onset_fits(onset, rhyme):
            continue
        nucleus, coda = parts
        if coda in ("c", "ch", "p", "t") and tone not in _STOP_TONES:
            continue
        return Syllable(onset, rhyme, nucleus, coda, tone, tone_at)
    return None


def _onset_fits(onset: str, rhyme: str) -> bool:
    first = rhyme[0]
    if onset in ("k", "gh", "ngh"):
        return first in _FRONT
    if onset in ("c", "ng"):
        return first not in _FRONT
    if onset == "g":
        return first not in ("e", "ê", "y")
    if onset == "qu":
        return first != "u"
    if onset == "gi":
        return first not in ("i", "y")
    return True


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (onset, nucleus, coda, one tone)."""
    return parse_syllable(word) is not None


def tone_position(syllable: Syllable) -> int | None:
    """Index in the word where the tone belongs (traditional placement), None without vowels.

    A vowel with a modifier takes the tone (the last one: "ươ" -> ơ); else the last vowel when a
    consonant closes the syllable ("toán", "hoàng"); else the first of two vowels ("hòa",
    "thủy", "mùa") and the middle of three ("ngoài", "khuỷu").
    """
    start = len(syllable.onset)
    rhyme = syllable.rhyme
    run = len(rhyme) - len(rhyme.lstrip(_PLAIN_VOWELS))
    if run == 0:
        return None
    closed = len(rhyme) > run  # a consonant coda follows the vowels
    modified = [i for i in range(run) if rhyme[i] in "ăâêôơư"]
    if modified:
        return start + modified[-1]
    if closed:
        return start + run - 1
    return start + (0 if run <= 2 else 1)


# --------------------------------------------------------------------------- repair

_MARKS = "\u0300-\u036f"
_LETTER = r"[^\W\d_]"
# A word holding combining marks that NFC left alone (marks may also open the word).
_WORD_WITH_MARKS = re.compile(rf"(?:{_LETTER}|[{_MARKS}])*[{_MARKS}](?:{_LETTER}|[{_MARKS}])*")
# Precomposed letters that are not Vietnamese but carry a Vietnamese mark: NFC put a tone or a
# modifier that belonged to a vowel onto a consonant ("Viêṭ" from "Viêt" + dot below).
_STRAY_COMPOSED = "".join(
    char
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    if (char := chr(code)) not in VIETNAMESE_LETTERS
    and len(decomposed := unicodedata.normalize("NFD", char)) > 1
    and decomposed[0].isascii()
    and decomposed[0].isalpha()
    and all(mark in TONES or mark in MODIFIERS for mark in decomposed[1:])
)
_STRAY = re.compile(f"[{_STRAY_COMPOSED}]")
_WORD_WITH_STRAY = re.compile(rf"\b{_LETTER}*?[{_STRAY_COMPOSED}]{_LETTER}*")
_TONED_CLASS = "".join(sorted(_TONED))
_VOWEL_CLASS = "".join(sorted(_VOWEL_LETTERS))
# Words where a tone may sit on the wrong one of two adjacent vowels, or after "q"/"gi".
_TONE_CANDIDATE = re.compile(
    rf"\b{_LETTER}*?(?:[{_TONED_CLASS}][{_VOWEL_CLASS}]|[{_VOWEL_CLASS}][{_TONED_CLASS}]){_LETTER}*"
)


def _set_tone(char: str, mark: str | None) -> str:
    info = _TONED.get(char)
    base = info.base if info else char
    if mark is None:
        return base
    return unicodedata.normalize("NFC", base + mark)


@lru_cache(maxsize=1 << 16)
def _place_tone(word: str) -> str:
    """``word`` with its tone on the vowel where it belongs (unchanged when not a syllable)."""
    syllable = parse_syllable(word)
    if syllable is None or syllable.tone is None:
        return word
    target = tone_position(syllable)
    if target is None or target == syllable.tone_at:
        return word
    letters = list(word)
    letters[syllable.tone_at] = _set_tone(letters[syllable.tone_at], None)
    letters[target] = _set_tone(letters[target], syllable.tone)
    return "".join(letters)


def _rebuild_marked_word(word: str) -> str:
    """Put every stray combining mark back on a vowel: modifiers first, then one tone."""
    letters: list[str] = []
    marks: list[list[str]] = []
    pending: list[str] = []  # marks met before any letter
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char):
            (marks[-1] if marks else pending).append(char)
        else:
            letters.append(char)
            marks.append(pending)
            pending = []
    if not letters:
        return word
    vowels = [i for i, c in enumerate(letters) if c.lower() in "aeiouy"]
    for index in range(len(letters)):
        if index in vowels or not marks[index]:
            continue
        # a mark on a consonant: move it to the nearest vowel before it, else after it
        before = [v for v in vowels if v < index]
        after = [v for v in vowels if v > index]
        if before or after:
            target = before[-1] if before else after[0]
            marks[target].extend(marks[index])
            marks[index] = []
    out = []
    for letter, letter_marks in zip(letters, marks, strict=True):
        modifiers = [m for m in dict.fromkeys(letter_marks) if m not in TONES]
        tones = [m for m in letter_marks if m in TONES]
        out.append(letter + "".join(modifiers) + (tones[-1] if tones else ""))
    return unicodedata.normalize("NFC", "".join(out))


@dataclass
class Repairs:
    """What :func:`repair_text` changed, by kind."""

    split_marks: int = 0  # words whose combining marks had to be put back together
    misplaced_tones: int = 0  # tones moved to the right vowel of a syllable
    tone_style: int = 0  # open "oa/oe/uy" syllables moved to the traditional placement

    @property
    def defects(self) -> int:
        return self.split_marks + self.misplaced_tones


_OPEN_STYLE = frozenset(("oa", "oe", "uy"))


def _is_style_only(before: str, after: str) -> bool:
    syllable = parse_syllable(before)
    return syllable is not None and syllable.rhyme in _OPEN_STYLE


def repair_text(text: str) -> tuple[str, Repairs]:
    """:func:`repair_vietnamese`, also saying what kind of repairs were made."""
    repairs = Repairs()
    text = unicodedata.normalize("NFC", text)

    def rebuild(match: re.Match) -> str:
        word = match.group()
        fixed = _place_tone(_rebuild_marked_word(word))
        if fixed == word or not is_syllable(fixed):
            return word  # not a Vietnamese word once rebuilt ("Español"): leave it
        repairs.split_marks += 1
        return fixed

    if _has_marks(text):
        text = _WORD_WITH_MARKS.sub(rebuild, text)
    if _STRAY.search(text):
        text = _WORD_WITH_STRAY.sub(rebuild, text)

    def place(match: re.Match) -> str:
        word = match.group()
        fixed = _place_tone(word)
        if fixed != word:
            if _is_style_only(word, fixed):
                repairs.tone_style += 1
            else:
                repairs.misplaced_tones += 1
        return fixed

    text = _TONE_CANDIDATE.sub(place, text)
    return text, repairs


def repair_vietnamese(text: str) -> tuple[str, bool]:
    """NFC text with Vietnamese diacritics repaired; ``changed`` is True when it differs from
    the NFC form of the input (see the module docstring for what is repaired)."""
    composed = unicodedata.normalize("NFC", text)
    repaired, _ = repair_text(composed)
    return repaired, repaired != composed


_COMBINING = re.compile(f"[{_MARKS}]")


def _has_marks(text: str) -> bool:
    return _COMBINING.search(text) is not None


# --------------------------------------------------------------------------- assessment

_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff]")
# Tokens: runs of anything but spaces, digits and ASCII punctuation (legacy-font characters such
# as "¸", "µ", "×" are kept inside their words, which is what makes those words foreign).
_TOKEN = re.compile(r"[^\s\d!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~\u2010-\u2027«»]+")
_ALNUM = re.compile(r"[^\W_]")


@dataclass
class PageVerdict:
    verdict: str  # "clean" | "garbled" | "empty"
    signals: dict = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)


@lru_cache(maxsize=1 << 17)
def _word_kind(token: str) -> int:
    """0: not a word (no letter), 1: foreign, 2: plain (ASCII), 3: accented; +4 when valid."""
    if not any(char.isalpha() for char in token):
        return 0
    if any(char not in VIETNAMESE_LETTERS for char in token):
        return 1
    kind = 2 if token.isascii() else 3
    return kind + (4 if parse_syllable(token) is not None else 0)


def word_counts(text: str) -> dict[str, int]:
    """Counts of words by kind: all, foreign, accented, valid syllables, valid accented."""
    counts = [0] * 8
    for token, times in Counter(_TOKEN.findall(text)).items():
        counts[_word_kind(token)] += times
    words = sum(counts[1:])
    return {
        "words": words,
        "foreign": counts[1],
        "marked": counts[3] + counts[7],
        "valid": counts[6] + counts[7],
        "marked_valid": counts[7],
    }


def assess_page(text: str) -> PageVerdict:
    """The verdict on one page's text (``clean``, ``garbled`` or ``empty``) and its signals.

    Signals: ``chars`` (non-space characters), ``words``, ``unmapped`` (``(cid:N)``, U+FFFD and
    private-use glyphs), ``combining`` (marks NFC left alone), ``foreign_words`` (holding a
    character that is neither an ASCII nor a Vietnamese letter), ``vi_syllables`` (share of the
    words that are valid Vietnamese syllables), ``marked_words`` and ``marked_valid`` (words
    with diacritics, and the share of them that are valid syllables).
    """
    chars = len(text) - sum(text.count(space) for space in (" ", "\n"))
    unmapped = len(_UNMAPPED.findall(text))
    combining = len(_COMBINING.findall(text))
    counts = word_counts(text)
    words, marked = counts["words"], counts["marked"]
    signals = {
        "chars": chars,
        "words": words,
        "unmapped": unmapped,
        "combining": combining,
        "foreign_words": counts["foreign"],
        "vi_syllables": round(counts["valid"] / words, 3) if words else 0.0,
        "marked_words": marked,
        "marked_valid": round(counts["marked_valid"] / marked, 3) if marked else 1.0,
    }
    reasons: list[str] = []
    # every word holds a letter: only a page of few words needs its letters counted
    if words < MIN_TEXT_CHARS and _alnum_count(text) < MIN_TEXT_CHARS:
        return PageVerdict("empty", signals, ["no text"])
    if unmapped >= MIN_UNMAPPED and unmapped > MAX_UNMAPPED_SHARE * (words + unmapped):
        reasons.append(f"{unmapped} glyphs without a Unicode mapping")
    if words >= MIN_WORDS and counts["foreign"] > MAX_FOREIGN_SHARE * words:
        reasons.append(f"{counts['foreign']} of {words} words hold non-Vietnamese characters")
    if marked >= MIN_MARKED_WORDS and signals["marked_valid"] < MIN_MARKED_VALID_SHARE:
        valid = counts["marked_valid"]
        reasons.append(f"only {valid} of {marked} accented words are Vietnamese syllables")
    if combining > MAX_COMBINING_SHARE * max(chars, 1):
        reasons.append(f"{combining} combining marks left uncomposed")
    return PageVerdict("garbled" if reasons else "clean", signals, reasons)


def _alnum_count(text: str) -> int:
    return len(_ALNUM.findall(text))


# Words of Vietnamese that have no English or French homograph, written without diacritics.
_BARE_VIETNAMESE = frozenset(
    "cua cac nhung duoc trong voi khong mot theo nguoi nhieu cung hien thuc viec chuong "
    "trinh nghiep phat trien quan ngay thang nam hoach".split()
)
_ENGLISH = frozenset("the of and for with from this that are was were which".split())
MIN_LAYER_WORDS = 40  # a page shorter than this is not judged by the checks below
BARE_SHARE = 0.06  # Vietnamese function words among the words of a page without diacritics
MAX_MARKED_SHARE_BARE = 0.02
MIN_VALID_OCR_LAYER = 0.65  # share of words that are Vietnamese syllables, below which ...
MAX_MARKED_VALID_OCR_LAYER = 0.9  # ... and with this many accented words wrong, a layer is bad


def layer_doubts(text: str, signals: dict) -> list[str]:
    """Why a text layer judged clean by :func:`assess_page` is still not the page's text, as
    reasons (empty when there is none): Vietnamese typed or OCR'd without its diacritics ("BO
    TAI NGUYEN VA MOI TRUONG"), or an OCR layer whose accented words are mostly wrong ("CQNG
    HOA xA HO!", "chtrc chu tn") while too few words are Vietnamese syllables. A scanner's
    own OCR layers are like this; the page is worth reading again with OCR."""
    words = signals.get("words") or 0
    if words < MIN_LAYER_WORDS:
        return []
    marked = signals.get("marked_words") or 0
    reasons = []
    if marked <= MAX_MARKED_SHARE_BARE * words:
        bare = sum(1 for word in fold_words(text) if word in _BARE_VIETNAMESE)
        if bare >= BARE_SHARE * words:
            reasons.append(f"Vietnamese without its diacritics ({bare} of {words} words)")
    elif (
        marked >= 0.1 * words
        and (signals.get("vi_syllables") or 0) < MIN_VALID_OCR_LAYER
        and (signals.get("marked_valid") or 1) < MAX_MARKED_VALID_OCR_LAYER
        and sum(1 for word in fold_words(text) if word in _ENGLISH) < 0.04 * words
    ):  # (words that are not syllables may be English: a reference list, a bilingual page)
        reasons.append(
            f"only {signals.get('vi_syllables', 0):.0%} of the words are Vietnamese syllables "
            f"and {signals.get('marked_valid', 0):.0%} of the accented ones"
        )
    return reasons


def fold_words(text: str) -> list[str]:
    """Lower-case words without diacritics."""
    from indexer.labels import fold

    return re.findall(r"[a-z]+", fold(text))
