"""Words broken at a line end, joined again when the joined word is a word of the document.

A text layer keeps a word hyphenated at a line break as ``"mate- rial"`` once lines are
joined, and OCR layers often drop the hyphen and leave ``"mate rial"``, ``"iden tity"``. Real
hyphens also fall at line ends (``"Reed-Solomon"``, ``"brand-logo"``, ``"antigen-binding"``),
so no rule on the characters alone can tell them apart. The document can: the word it prints
elsewhere, whole, decides.

- ``"mate- rial"``: joined to ``"material"`` when the document prints ``"material"`` elsewhere;
  kept as ``"mate-rial"`` when it prints that compound elsewhere, or when the second part starts
  with a capital (``"Reed- Solomon"``); otherwise joined (a break inside a lower-case word is far
  more common than a compound split at its hyphen).
- ``"iden tity"`` (no hyphen): joined only when the document prints ``"identity"`` elsewhere and
  neither piece is a word the document uses on its own, or it mostly writes the joined form
  (``"mono clonal"``); only in text read by OCR (``split_words``): a typeset layer keeps its
  words whole. ``"Reed Solomon"`` takes the hyphen of the name printed ``"Reed-Solomon"``.

Vietnamese is written in syllables separated by spaces: only Latin words of three letters or
more on each side of the break are considered, and a syllable pair is never joined because
the joined form is not a word of a Vietnamese document.
"""

from __future__ import annotations

import re
from collections import Counter

MAX_DOCUMENT_CHARS = 150_000  # the words of a document's first 50 pages or so suffice
_HYPHEN_BREAK = re.compile(r"\b([A-Za-z]{2,})- ([A-Za-z]{2,})\b")
_ANY_WORD = re.compile(r"(?<![\w-])[A-Za-z]{2,}(?![\w-])")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def vocabulary(text: str) -> Counter:
    """How often each word (lower case; hyphenated compounds as one word) occurs in ``text``."""
    return Counter(word.lower() for word in _WORD.findall(text))


def join_broken_words(
    text: str | None, document: str, words: Counter | None = None, split_words: bool = True
) -> str:
    """``text`` (an abstract, a title) with the words broken at line ends joined again, as the
    rest of ``document`` writes them (see the module's description)."""
    if not text or not re.search(r"[A-Za-z]{2,}[- ] ?[a-z]", text):
        return text or ""
    words = words if words is not None else vocabulary(document[:MAX_DOCUMENT_CHARS])
    own = vocabulary(text)

    def hyphen(match: re.Match) -> str:
        left, right = match.group(1), match.group(2)
        joined = (left + right).lower()
        compound = f"{left}-{right}".lower()
        if words.get(joined, 0):
            return left + right
        if words.get(compound, 0) > own.get(compound, 0) or right[:1].isupper():
            return f"{left}-{right}"
        return left + right

    text = _HYPHEN_BREAK.sub(hyphen, text)
    text = _GLUED.sub(lambda m: _unglued(m, words, own), text)
    if not split_words or len(_NON_ASCII_LETTER.findall(text)) > 0.02 * len(text):
        return text  # Vietnamese (syllables are separated by spaces), or a text layer typeset
    return _join_split_words(text, words, vocabulary(text), document[:MAX_DOCUMENT_CHARS])


_GLUED = re.compile(r"\b(of|the)([a-z]{3,})\b")


def _unglued(match: re.Match, words: Counter, own: Counter) -> str:
    """OCR's "oftreating", "ofthe" written apart when the document never prints the glued form
    elsewhere and does print the word after "of" / "the" on its own."""
    glued, first, rest = match.group(0), match.group(1), match.group(2)
    if words.get(glued, 0) > own.get(glued, 0):
        return glued
    if (len(rest) >= 5 or rest in {"the", "this", "that", "which"}) and words.get(rest, 0) >= 2:
        return f"{first} {rest}"
    return glued


def _join_split_words(text: str, words: Counter, own: Counter, document: str = "") -> str:
    """``"iden tity"`` -> ``"identity"``, ``"Reed Solomon"`` -> ``"Reed-Solomon"`` (see the
    module's description)."""

    def word_elsewhere(piece: str) -> bool:
        return words.get(piece.lower(), 0) > own.get(piece.lower(), 0)

    lowered: list[str] = []

    def split_often(left: str, right: str) -> int:
        if not lowered:
            lowered.append(document.lower())
        return lowered[0].count(f"{left} {right}".lower())

    out: list[str] = []
    position = 0
    matches = list(_ANY_WORD.finditer(text))
    index = 0
    while index < len(matches) - 1:
        left, right = matches[index], matches[index + 1]
        a, b = left.group(0), right.group(0)
        joined = (a + b).lower()
        glue = None
        if text[left.end() : right.start()] == " ":
            if b[:1].isupper() and words.get(f"{a}-{b}".lower(), 0) > own.get(
                f"{a}-{b}".lower(), 0
            ):
                glue = "-"  # a name the document prints with its hyphen elsewhere (Reed-Solomon)
            elif a.islower() and b.islower() and len(joined) >= 6 and words.get(joined, 0):
                if not word_elsewhere(a) and not word_elsewhere(b):
                    glue = ""
                elif (
                    min(len(a), len(b)) >= 3
                    and words.get(joined, 0) >= 2
                    and words.get(joined, 0) > 2 * split_often(a, b)
                ):
                    glue = ""  # "mono clonal": the document mostly writes "monoclonal"
        if glue is not None:
            out.append(text[position : left.end()] + glue)
            position = right.start()
            index += 2
            continue
        index += 1
    out.append(text[position:])
    return "".join(out)
