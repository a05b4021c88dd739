"""Vietnamese text as users type it: with or without diacritics.

``fold`` is the pure-Python reference ("Nước mắm Đà Lạt" -> "nuoc mam da lat"). The tantivy
analyzers below produce the same tokens inside the index: ``vi_folded`` for matching whatever the
user typed, ``vi_exact`` (diacritics kept) for ranking records spelled the way the user spelled the
query above records that only match once folded ("mắm" fish sauce and "mầm" sprout both fold to
"mam"), ``en_stem`` (folded, then the English stemmer) for English text ("dried" finds "drying").

tantivy's simple tokenizer splits decomposed (NFD) text at every combining mark, so every text going
into the index or into a query is passed through ``normalise`` (NFC, control characters and lone
surrogates removed) first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

FOLDED = "vi_folded"  # simple tokenizer + lowercase + ascii_fold: "Đặng" -> "dang"
EXACT = "vi_exact"  # simple tokenizer + lowercase: "Đặng" -> "đặng"
KEYWORD = "vi_keyword"  # whole value as one token, lowercased and folded: codes, IPC symbols
EN_STEM = "en_stem"  # folded, then the English stemmer: "Drying", "dried" -> "dri"

# Tokens longer than this are dropped from the index (base64 blobs, OCR garbage).
MAX_TOKEN_LENGTH = 64
_SURELY_SHORT = MAX_TOKEN_LENGTH // 4

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})
# Unicode categories Cc (C0 and C1 controls, DEL) but tab and newline, and Cs (lone surrogates).
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def normalise(text: str | None) -> str:
    """NFC text with control characters and lone surrogates replaced by spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    return _UNWANTED.sub(" ", text)


# A word: a run of letters and digits (str.isalnum), as tantivy's simple tokenizer cuts them.
_WORD = re.compile(r"[^\W_]+")


def tokens(text: str | None) -> list[str]:
    """The words of a text as the index cuts them (runs of letters and digits of the NFC text;
    words of MAX_TOKEN_LENGTH bytes or more dropped), case and diacritics kept."""
    return _words(normalise(text))


def _words(normalised: str) -> list[str]:
    # A UTF-8 character takes at most 4 bytes: most words are too short to need encoding.
    return [
        word
        for word in _WORD.findall(normalised)
        if len(word) < _SURELY_SHORT or len(word.encode("utf-8")) < MAX_TOKEN_LENGTH
    ]


def folded_tokens(text: str | None) -> list[str]:
    """``tokens`` folded: the words ``vi_folded`` indexes."""
    return [_fold_word(word) for word in tokens(text)]


@lru_cache(maxsize=65_536)
def _fold_word(word: str) -> str:
    return fold(word)  # a language has few distinct words: most are folded once


def fold_words(text: str | None) -> str:
    """``fold`` of each whitespace-separated word, joined by single spaces (cached per word)."""
    return " ".join(_fold_word(word) for word in (text or "").split())


def word_pairs(normalised: str | None) -> list[str]:
    """Each two folded words side by side ("thanh long", "long ruot"), in order, in an already
    ``normalise``d text."""
    words = [_fold_word(word) for word in _words(normalised)] if normalised else []
    return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def fold(text: str | None) -> str:
    """Lowercase, strip Vietnamese diacritics (and đ -> d); safe for NFC and NFD input."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def analyzers() -> dict:
    """The tantivy analyzers by name, to register on every opened ``tantivy.Index``."""
    from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

    return {
        FOLDED: TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(MAX_TOKEN_LENGTH))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
        .build(),
        EXACT: TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(MAX_TOKEN_LENGTH))
        .filter(Filter.lowercase())
        .build(),
        KEYWORD: TextAnalyzerBuilder(Tokenizer.raw())
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
        .build(),
        EN_STEM: TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(MAX_TOKEN_LENGTH))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
        .filter(Filter.stemmer("english"))
        .build(),
    }


def register(index) -> None:
    """Register our analyzers on a ``tantivy.Index`` (they are not stored in the index)."""
    for name, analyzer in analyzers().items():
        index.register_tokenizer(name, analyzer)
