"""Titles and names printed in capitals, put back in the letter case they are written in.

Covers and patent front pages print titles, organisations and authors in capitals; a record
stores them as the text writes them in running prose: "Phan Thiết", "HACCP", "Nghiên cứu ...".
Used by the parsers of reports, articles and patents.
"""

from __future__ import annotations

import re

from indexer.labels import fold, squash

_WORD = re.compile(r"[^\W_]+(?:[.&'-][^\W_]+)*")


def restore_case(text: str, haystack: str) -> str:
    """A title or name printed in capitals, in the mixed case it has elsewhere in the text.

    The same words in mixed case (an inner cover, the statistical sheet) are used as they are.
    Failing that, the text is put in sentence case, keeping the case that each word has inside
    sentences of the text: proper names ("Phan Thiết") and acronyms ("HACCP") stay as they are.
    """
    if not text or not text.isupper():
        return text
    target = fold(text)
    squashed = squash(haystack)
    folded = fold(squashed)
    position = folded.find(target)
    while position != -1:
        candidate = squashed[position : position + len(target)]
        end = position + len(target)
        whole = (position == 0 or not folded[position - 1].isalnum()) and (
            end == len(folded) or not folded[end].isalnum()
        )
        if whole and not candidate.isupper():
            return candidate[:1].upper() + candidate[1:]  # also when quoted mid-sentence
        position = folded.find(target, position + 1)
    return _sentence_case(text, squashed)


def _sentence_case(text: str, haystack: str) -> str:
    # How each word is written when it is not the first word of a sentence.
    seen: dict[str, dict[str, int]] = {}
    previous = "."
    previous_end = 0
    for match in _WORD.finditer(haystack):
        word = match.group(0)
        between = haystack[previous_end : match.start()]
        if previous[-1:].islower() and not re.search(r"[.!?:;…]", between):
            forms = seen.setdefault(word.lower(), {})  # inside a sentence of mixed-case text
            forms[word] = forms.get(word, 0) + 1
        previous, previous_end = word, match.end()
    out: list[str] = []
    position = 0
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group(0)
        forms = seen.get(word.lower())
        cased = word.lower()
        if forms:
            best = max(forms.items(), key=lambda item: item[1])[0]
            lower_count = forms.get(word.lower(), 0)
            if best != word.lower() and forms[best] > lower_count:
                cased = best
        if index == 0:
            cased = cased[:1].upper() + cased[1:]
        out.append(text[position : match.start()])
        out.append(cased)
        position = match.end()
    out.append(text[position:])
    return "".join(out)
