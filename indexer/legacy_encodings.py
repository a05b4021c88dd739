"""Vietnamese typed in the pre-Unicode font encodings TCVN3 (ABC) and VNI, back to Unicode.

Until the late 2000s most Vietnamese offices typed with ``.VnTime`` (TCVN3, also called ABC,
standard TCVN 5712:1993) or ``VNI-Times`` fonts. Those fonts draw Vietnamese letters in the
places of Latin-1 characters, so a PDF made from such a document has a text layer of Latin-1
"gibberish": ``B¸o c¸o tæng hîp`` (TCVN3) or ``Baùo caùo toång hôïp`` (VNI) for
"Báo cáo tổng hợp". The mapping is fixed, so the text can be converted back exactly.

* **TCVN3** maps one byte to one letter: 0xA1-0xA7 the capitals Ă Â Ê Ô Ơ Ư Đ, 0xA8-0xAE the
  small ă â ê ô ơ ư đ, 0xB5-0xFE the small vowels with their tone marks. It has no capitals
  with tones: headings were set in the ``.VnTimeH`` fonts, which draw the *small* codes as
  capitals, so a heading comes out as ``B¸O C¸O`` (capital ASCII, small toned letters).
  :func:`to_unicode` puts such words back in capitals (``BÁO CÁO``) when the word or its line
  is otherwise in capitals. The byte for "ư" (0xAD) is the soft hyphen of Latin-1, which some
  extractors turn into "-"; ``n-íc`` becomes "nước" when that makes a syllable and the two
  halves are not syllables on their own.
* **VNI** writes a base letter followed by accent characters: ``aù`` = á, ``aâ`` = â, ``aá``
  = ấ (circumflex and acute in one character), ``ô`` alone = ơ, ``ö`` = ư, ``ñ`` = đ; the
  letters i and ỵ have their own characters (``í ì æ ó ò î``). Capitals have their own accents.

:func:`detect_legacy` tells which one a text is in (or neither) by how many of its accented
words become Vietnamese syllables once converted; :func:`from_unicode` writes Unicode in either
encoding (for tests and sample documents).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from indexer.text_quality import is_syllable

ENCODINGS = ("tcvn3", "vni")
# Tone marks in the order the tables below list their codes.
_TONE_ORDER = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # grave hook tilde acute dot

# --------------------------------------------------------------------------- TCVN3

_TCVN3_PLAIN = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
}
# Small vowel -> codes of (grave, hook, tilde, acute, dot below).
_TCVN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}

# --------------------------------------------------------------------------- VNI

# Accent characters written after the base letter, small and capital forms.
_VNI_TONE = {"small": ("ø", "û", "õ", "ù", "ï"), "capital": ("Ø", "Û", "Õ", "Ù", "Ï")}
# circumflex (â ê ô) alone, then with each tone; breve (ă) alone, then with each tone
_VNI_CIRCUMFLEX = {
    "small": ("â", "à", "å", "ã", "á", "ä"),
    "capital": ("Â", "À", "Å", "Ã", "Á", "Ä"),
}
_VNI_BREVE = {
    "small": ("ê", "è", "ú", "ü", "é", "ë"),
    "capital": ("Ê", "È", "Ú", "Ü", "É", "Ë"),
}
# Letters with a character of their own: ơ ư đ, and i / y with tones.
_VNI_OWN = {"small": {"ơ": "ô", "ư": "ö", "đ": "ñ"}, "capital": {"Ơ": "Ô", "Ư": "Ö", "Đ": "Ñ"}}
_VNI_I = {"small": ("ì", "æ", "ó", "í", "ò"), "capital": ("Ì", "Æ", "Ó", "Í", "Ò")}
_VNI_Y_DOT = {"small": "î", "capital": "Î"}


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


@cache
def _encode_tables() -> dict[str, dict[str, str]]:
    """Unicode letter -> its form in each encoding (letters that need no change are absent)."""
    tcvn3: dict[str, str] = {letter: chr(code) for letter, code in _TCVN3_PLAIN.items()}
    for base, codes in _TCVN3_TONED.items():
        for mark, code in zip(_TONE_ORDER, codes, strict=True):
            small = _compose(base, mark)
            tcvn3[small] = chr(code)
            tcvn3.setdefault(small.upper(), chr(code))  # no capitals with tones: .VnTimeH
    vni: dict[str, str] = {}
    for case in ("small", "capital"):
        up = str.upper if case == "capital" else str.lower
        tones, circ, breve = _VNI_TONE[case], _VNI_CIRCUMFLEX[case], _VNI_BREVE[case]
        for base in "aeouy":
            for mark, accent in zip(_TONE_ORDER, tones, strict=True):
                vni[up(_compose(base, mark))] = up(base) + accent
        for base in "aeo":
            vni[up(_compose(base, "\u0302"))] = up(base) + circ[0]
            for mark, accent in zip(_TONE_ORDER, circ[1:], strict=True):
                vni[up(_compose(base, "\u0302", mark))] = up(base) + accent
        vni[up("ă")] = up("a") + breve[0]
        for mark, accent in zip(_TONE_ORDER, breve[1:], strict=True):
            vni[up(_compose("a", "\u0306", mark))] = up("a") + accent
        for letter, own in _VNI_OWN[case].items():
            vni[letter] = own
        for base, own in ((up("ơ"), _VNI_OWN[case][up("ơ")]), (up("ư"), _VNI_OWN[case][up("ư")])):
            for mark, accent in zip(_TONE_ORDER, tones, strict=True):
                vni[_compose(base, mark)] = own + accent
        for mark, own in zip(_TONE_ORDER, _VNI_I[case], strict=True):
            vni[up(_compose("i", mark))] = own
        vni[up("ỵ")] = _VNI_Y_DOT[case]
    return {"tcvn3": tcvn3, "vni": vni}


@cache
def _tcvn3_decode() -> dict[int, str]:
    table: dict[int, str] = {}
    for letter, code in _encode_tables()["tcvn3"].items():
        if letter.islower() or letter in _TCVN3_PLAIN:
            table[ord(code)] = letter
    return table


@cache
def _vni_decoder() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern of every VNI sequence (longest first) and what each one stands for."""
    table: dict[str, str] = {}
    for letter, sequence in _encode_tables()["vni"].items():
        table[sequence] = letter
    # An accent of the other case after a base letter (a capital A with a small accent, as a
    # mixed-font heading may have it): the letter takes the case of its base.
    for sequence, letter in list(table.items()):
        if len(sequence) == 2:
            for accent in {sequence[1].lower(), sequence[1].upper()} - {sequence[1]}:
                variant = sequence[0] + accent
                if variant not in table:
                    table[variant] = letter
    ordered = sorted(table, key=lambda seq: (-len(seq), seq))
    return re.compile("|".join(re.escape(seq) for seq in ordered)), table


# --------------------------------------------------------------------------- conversion


def from_unicode(text: str, encoding: str) -> str:
    """``text`` written in a legacy encoding, each byte as its Latin-1 character.

    What a PDF made with a ``.VnTime`` or ``VNI-Times`` font gives when its text is extracted.
    TCVN3 has no capitals with tones: they are written with the small letter's code, as the
    ``.VnTimeH`` heading fonts do.
    """
    table = _encode_tables()[_check(encoding)]
    text = unicodedata.normalize("NFC", text)
    return "".join(table.get(char, char) for char in text)


def to_unicode(text: str, encoding: str) -> str:
    """Text typed in ``encoding`` ("tcvn3" or "vni") and read as Latin-1, in Unicode (NFC)."""
    if _check(encoding) == "tcvn3":
        text = text.translate(_tcvn3_decode())
        text = _HYPHENATED.sub(_hyphen_as_u_horn, text)
        text = "\n".join(_restore_capitals(line) for line in text.split("\n"))
        text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    else:
        pattern, table = _vni_decoder()
        text = pattern.sub(lambda match: table[match.group()], text)
    return unicodedata.normalize("NFC", text)


def _check(encoding: str) -> str:
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    return encoding


_HYPHENATED = re.compile(r"([^\W\d_]+)-([^\W\d_]+)")


def _hyphen_as_u_horn(match: re.Match) -> str:
    left, right = match.group(1), match.group(2)
    joined = f"{left}ư{right}"
    if is_syllable(joined) and not (is_syllable(left) and is_syllable(right)):
        return joined
    return match.group()


_WORD = re.compile(r"[^\W\d_]+")
# A small toned vowel opening the text or a sentence, or a value after a colon: TCVN3 has no
# capital for it (the typist switched to a .VnTimeH font for that letter), so it was a capital.
_SENTENCE_START = re.compile(
    r"(\A|[.!?:]\s+)([àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ])"
)
_ASCII_UPPER = re.compile(r"[A-Z]")
_ASCII_LOWER = re.compile(r"[a-z]")
# Share of a line's words that must be in capitals for its other words to be put in capitals.
_CAPITAL_LINE_SHARE = 0.6


def _restore_capitals(line: str) -> str:
    """Words of a ``.VnTimeH`` heading ("B¸O", "TæNG") back in capitals ("BÁO", "TỔNG").

    A word is a capitals word when it has no small ASCII letter and at least two capitals; a
    word with one capital and small Vietnamese letters ("Vµ", "Së") follows its line when most
    of the line's words are capitals words.
    """
    words = _WORD.findall(line)
    if not words or line.isascii():
        return line
    strong, weak = set(), set()
    for word in words:
        if _ASCII_LOWER.search(word) or word.isupper() or word.islower():
            continue
        capitals = sum(1 for char in word if char.isupper())
        # two capitals, or a capital after a small letter ("ñY" for "ỦY"): a capitals word
        (strong if capitals >= 2 or not word[0].isupper() else weak).add(word)
    capital_words = sum(1 for word in words if word in strong or (word.isupper() and len(word) > 1))
    follow = len(words) >= 2 and capital_words >= _CAPITAL_LINE_SHARE * len(words)
    targets = strong | (weak if follow else set())
    if not targets:
        return line
    return _WORD.sub(lambda m: m.group().upper() if m.group() in targets else m.group(), line)


# --------------------------------------------------------------------------- detection

# Characters of the Latin-1 upper half: every legacy-encoded Vietnamese word holds one.
_LATIN1_HIGH = re.compile(r"[\u00a1-\u00ff]")
_TOKEN = re.compile(r"[^\s\d!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~\u2010-\u2027«»]+")
# Detection needs this many words with Latin-1 letters, a gain of at least this share of them,
# and this share of them valid after conversion.
MIN_LEGACY_WORDS = 3
MIN_GAIN_SHARE = 0.3
MIN_VALID_AFTER = 0.6


def legacy_words(text: str) -> list[str]:
    """The words of ``text`` holding a character of the Latin-1 upper half (the candidates)."""
    return [token for token in _TOKEN.findall(text) if _LATIN1_HIGH.search(token)]


def _valid(words: list[str]) -> int:
    return sum(1 for word in words if is_syllable(word))


def detect_legacy(text: str) -> str | None:
    """``"tcvn3"`` or ``"vni"`` when ``text`` reads as Vietnamese once converted, else None.

    Only the words holding Latin-1 letters are looked at. The encoding chosen is the one that
    turns most of them into valid Vietnamese syllables, provided that it gains at least
    :data:`MIN_GAIN_SHARE` of them over the text as it is and leaves at least
    :data:`MIN_VALID_AFTER` of them valid: correct Unicode Vietnamese gains nothing (its
    accented words are already syllables), French or German text never becomes Vietnamese.
    """
    words = legacy_words(text)
    if len(words) < MIN_LEGACY_WORDS:
        return None
    sample = words[:400]
    before = _valid(sample)
    best, best_valid = None, before
    for encoding in ENCODINGS:
        converted = [to_unicode(word, encoding) for word in sample]
        valid = _valid(converted)
        if valid > best_valid:
            best, best_valid = encoding, valid
    if best is None:
        return None
    if best_valid - before < MIN_GAIN_SHARE * len(sample):
        return None
    if best_valid < MIN_VALID_AFTER * len(sample):
        return None
    return best
