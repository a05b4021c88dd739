"""pyvi's Vietnamese word segmentation, computed here, as the tokenizer of a blank spaCy "vi"
pipeline (``blank_vietnamese``).

The tokens are exactly those of spaCy's pyvi tokenizer, but the segmentation is computed from
pyvi's own CRF model, read from pyvi's model file (``_WordSegmenter``): pyvi's per-syllable
feature dicts made it most of the cost of enriching a document. Reading the model does not import
pyvi's classes (sklearn-crfsuite, hence scikit-learn and SciPy: 1.5 s per process); if the model
cannot be read this way, spaCy's own pyvi tokenizer is used (same tokens, slower).
"""

from __future__ import annotations

import importlib.util
import logging
import pickle
import re
import string
import struct
import threading
from itertools import chain
from pathlib import Path

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MAX_SYLLABLES", "TEXT_KEY", "WORDS_KEY", "blank_vietnamese", "piece_bounds"]

logger = logging.getLogger(__name__)

# What a Doc made by our tokenizer carries in ``user_data``: its text (``Doc.text`` rebuilds it
# from the tokens on every access) and its words, for the enrichment components to read.
TEXT_KEY, WORDS_KEY = "kho_text", "kho_words"
# Per-syllable tables are dropped and started again beyond this many syllables: a memory bound.
MAX_SYLLABLES = 500_000


def piece_bounds(pieces: list[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the pieces of ``(whitespace before, piece)`` that tile a text."""
    lengths = np.fromiter(map(len, chain.from_iterable(pieces)), np.int64, 2 * len(pieces))
    bounds = np.cumsum(lengths)
    return bounds[0::2], bounds[1::2]


# pyvi's syllables as spaCy's Vietnamese tokenizer cuts them (``pyvi_sylabelize_with_ws``: the
# same alternatives in the same order), each with the whitespace before it.
_PYVI_PIECE = re.compile(
    r"(\s*)([A-ZĐ]+\.|Tp\.|Mr\.|Mrs\.|Ms\.|Dr\.|ThS\.|==>|->|\.\.\.|>>|\w+://[^\s]+"
    r"|[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+|\d+(?:[.,_]\d+)+|[^\w\s]|\w+)"
)
# What the segmenter keeps per distinct syllable (columns of its table).
_OWN, _AS_PREVIOUS, _AS_NEXT, _UPPER, _TITLE, _DIGIT, _GRAM_ID, _NO_JOIN, _CAPITAL = range(9)


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CRFsuite string database (CQDB chunk), by id."""
    chunk, _, _, _, count, backward = struct.unpack_from("<4s5I", data, offset)
    if chunk != b"CQDB":
        raise ValueError("not a CQDB chunk")
    strings = []
    for expected in range(count):
        (record,) = struct.unpack_from("<I", data, offset + backward + 4 * expected)
        found, size = struct.unpack_from("<II", data, offset + record)
        if found != expected:
            raise ValueError("CQDB records out of order")
        start = offset + record + 8
        strings.append(data[start : start + size - 1].decode("utf-8"))
    return strings


def _crfsuite_model(data: bytes) -> tuple[list[str], dict[str, list[float]], dict]:
    """Labels, state-feature weights by attribute and transition weights of a CRFsuite model.

    Read from the model file itself: ``Tagger.info()`` fails on pyvi's model (an attribute with a
    line break) and the text dump rounds weights to six decimals.
    """
    magic, _, kind, _, _, labels_count, _, features, labels, attributes, _, _ = struct.unpack_from(
        "<4sI4s9I", data, 0
    )
    chunk, _, count = struct.unpack_from("<4sII", data, features)
    if magic != b"lCRF" or kind != b"FOMC" or chunk != b"FEAT":
        raise ValueError("not a CRFsuite first-order model")
    names = _cqdb_strings(data, attributes)
    state: dict[str, list[float]] = {}
    transitions: dict[tuple[int, int], float] = {}
    for feature in struct.iter_unpack("<IIId", data[features + 12 : features + 12 + 20 * count]):
        kind_, source, target, weight = feature
        if kind_ == 0:
            state.setdefault(names[source], [0.0] * labels_count)[target] = weight
        else:
            transitions[source, target] = weight
    return _cqdb_strings(data, labels), state, transitions


class _PickledState:
    """Stands in for the sklearn-crfsuite classes in pyvi's pickled model: keeps their state."""

    def __setstate__(self, state: dict) -> None:
        self.state = state


class _PyviModelUnpickler(pickle.Unpickler):
    # Unpickling pyvi's model the ordinary way imports sklearn-crfsuite, hence scikit-learn and
    # SciPy: 1.5 s of CPU in every worker process, for objects of which only the CRFsuite model
    # file (bytes inside the pickle) is used.
    _STAND_INS = {
        ("sklearn_crfsuite.estimator", "CRF"),
        ("sklearn_crfsuite._fileresource", "FileResource"),
    }

    def find_class(self, module: str, name: str):
        if (module, name) in self._STAND_INS:
            return _PickledState
        return super().find_class(module, name)


def _pyvi_model() -> tuple[bytes, set[str], set[str]]:
    """pyvi's CRFsuite model file and its known two- and three-syllable words, read from pyvi's
    package files the way ``pyvi.ViTokenizer`` reads them, without importing it."""
    spec = importlib.util.find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("pyvi is not installed")
    models = Path(next(iter(spec.submodule_search_locations))) / "models"
    bi_grams: set[str] = set()
    tri_grams: set[str] = set()
    for token in (models / "words.txt").read_text(encoding="utf-8").split("\n"):
        size = len(token.split(" "))
        if size == 2:
            bi_grams.add(token)
        elif size == 3:
            tri_grams.add(token)
    with open(models / "pyvi3.pkl", "rb") as file:
        crf = _PyviModelUnpickler(file).load()
    try:
        model = crf.state["modelfile"].state["__FILE_RESOURCE_DATA__"]
    except (AttributeError, KeyError, TypeError) as error:
        raise ValueError(f"unexpected pyvi model pickle ({error!r})") from error
    return model, bi_grams, tri_grams


class _WordSegmenter:
    """pyvi's word segmentation, with pyvi's own model, computed without per-syllable dicts.

    pyvi labels every syllable B_W (starts a word) or I_W (continues one) with a linear-chain CRF
    whose features are the syllable and its neighbours (lower-case form, case, digits) and
    whether two or three neighbouring syllables make a known word. pyvi builds a dict of
    features per syllable and python-crfsuite converts them again: most of the time of a
    Vietnamese document went there. Here the model's weights (read from pyvi's model file) are
    summed per distinct syllable with numpy, and the Viterbi path of the two labels is found
    with a few vectorised passes. The labels are pyvi's (the tests compare them on the corpus).
    """

    def __init__(self) -> None:
        model, bi_grams, tri_grams = _pyvi_model()
        labels, state, transitions = _crfsuite_model(model)
        if labels != ["B_W", "I_W"]:
            raise ValueError(f"unexpected pyvi labels {labels}")
        # all that Viterbi needs of a state weight is how much it favours I_W over B_W
        self.weight = {name: w[1] - w[0] for name, w in state.items()}
        self.transitions = [[transitions.get((a, b), 0.0) for b in (0, 1)] for a in (0, 1)]
        grams: dict[str, int] = {}
        pairs = [[grams.setdefault(s, len(grams)) for s in g.split(" ")] for g in bi_grams]
        triples = [[grams.setdefault(s, len(grams)) for s in g.split(" ")] for g in tri_grams]
        self.grams = grams
        self.base = len(grams) + 1
        pairs_array = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        triples_array = np.array(triples, dtype=np.int64).reshape(-1, 3)
        self.bigrams = np.unique(pairs_array[:, 0] * self.base + pairs_array[:, 1])
        self.trigrams = np.unique(
            (triples_array[:, 0] * self.base + triples_array[:, 1]) * self.base
            + triples_array[:, 2]
        )
        self.ids: dict[str, int] = {}  # syllable -> its row in the table
        self.table = np.empty((0, 9))
        self.lock = threading.Lock()

    def _row(self, syllable: str) -> tuple:
        lower = syllable.lower()
        weight = self.weight.get
        first = syllable[0]
        return (
            weight("word.lower():" + lower, 0.0),
            weight("-1:word.lower():" + lower, 0.0),
            weight("+1:word.lower():" + lower, 0.0),
            syllable.isupper(),
            syllable.istitle(),
            syllable.isdigit(),
            self.grams.get(lower, -1),
            # spaCy's own conditions for joining syllables: never punctuation or digits ...
            syllable in string.punctuation or first.isdigit(),
            # ... nor a capitalised syllable after a lower-case one
            first.istitle(),
        )

    def _table(self, syllables: list[str]) -> np.ndarray:
        """The rows of ``syllables``, from a table of every syllable this process has seen."""
        with self.lock:  # the table and its index grow together
            new = [syllable for syllable in set(syllables) if syllable not in self.ids]
            if len(self.ids) + len(new) > MAX_SYLLABLES:  # a bound on memory
                self.ids, self.table = {}, np.empty((0, self.table.shape[1]))
                new = list(set(syllables))
            if new:
                first = len(self.ids)
                self.ids.update(zip(new, range(first, first + len(new)), strict=True))
                rows = np.array([self._row(syllable) for syllable in new], dtype=float)
                self.table = np.vstack([self.table, rows])
            index = np.fromiter(map(self.ids.__getitem__, syllables), np.intp, len(syllables))
            return self.table[index]

    def _is_gram(self, codes: np.ndarray, known: np.ndarray) -> np.ndarray:
        position = np.minimum(np.searchsorted(known, codes), len(known) - 1)
        return known[position] == codes

    def joins(self, syllables: list[str]) -> np.ndarray:
        """For each syllable, whether it continues the word before it."""
        n = len(syllables)
        table = self._table(syllables)
        w = self.weight.get
        upper, title, digit = table[:, _UPPER], table[:, _TITLE], table[:, _DIGIT]
        gram = table[:, _GRAM_ID].astype(np.int64)
        score = (
            w("bias", 0.0)
            + table[:, _OWN]
            + upper * w("word.isupper()", 0.0)
            + title * w("word.istitle()", 0.0)
            + digit * w("word.isdigit()", 0.0)
        )
        if n > 1:
            known = (gram[:-1] >= 0) & (gram[1:] >= 0)
            bigram = known & self._is_gram(gram[:-1] * self.base + gram[1:], self.bigrams)
            score[1:] += (
                table[:-1, _AS_PREVIOUS]
                + upper[:-1] * w("-1:word.isupper()", 0.0)
                + title[:-1] * w("-1:word.istitle()", 0.0)
                + bigram * w("-1:word.bi_gram()", 0.0)
            )
            score[:-1] += (
                table[1:, _AS_NEXT]
                + upper[1:] * w("+1:word.isupper()", 0.0)
                + title[1:] * w("+1:word.istitle()", 0.0)
                + bigram * w("+1:word.bi_gram()", 0.0)
            )
        if n > 2:
            codes = (gram[:-2] * self.base + gram[1:-1]) * self.base + gram[2:]
            trigram = known[:-1] & (gram[2:] >= 0) & self._is_gram(codes, self.trigrams)
            score[2:] += trigram * w("-2:word.tri_gram()", 0.0)
            score[:-2] += trigram * w("+2:word.tri_gram()", 0.0)
        labels = self._viterbi(score)
        no_join = table[:, _NO_JOIN].astype(bool)
        capital = table[:, _CAPITAL].astype(bool)
        joins = np.zeros(n, dtype=bool)
        joins[1:] = labels[1:] & ~no_join[1:] & ~no_join[:-1] & ~(capital[1:] & ~capital[:-1])
        return joins

    def _viterbi(self, scores: np.ndarray) -> np.ndarray:
        """Best labels (True for I_W) given how much each syllable favours I_W over B_W.

        With two labels Viterbi needs one number per syllable, ``best``: the best score of a path
        ending in I_W minus that of one ending in B_W, ``best[i] = scores[i] + step(best[i-1])``.
        ``step`` is constant unless ``best[i-1]`` lies between two thresholds, so a few
        vectorised passes reach the exact values (each pass settles at least one more syllable;
        a scalar loop takes over if a long chain remains). Ties go to B_W, as in CRFsuite.
        """
        (t00, t01), (t10, t11) = self.transitions

        def step(previous):
            return np.maximum(previous + t11, t01) - np.maximum(previous + t10, t00)

        best = scores
        for _ in range(32):
            updated = scores.copy()
            updated[1:] += step(best[:-1])
            if np.array_equal(updated, best):
                break
            best = updated
        else:
            values = scores.tolist()
            for i in range(1, len(values)):
                last = values[i - 1]
                values[i] += max(last + t11, t01) - max(last + t10, t00)
            best = np.array(values)
        # Back from the end: the label before a B_W and before an I_W. Where they agree it does
        # not depend on what follows; elsewhere it copies or negates the next label.
        n = len(best)
        before_begin, before_inside = best[:-1] + t10 > t00, best[:-1] + t11 > t01
        known = np.append(before_begin == before_inside, True)
        value = np.append(before_begin, best[-1] > 0)
        negate = np.append(before_begin & ~before_inside, False)
        parity = np.concatenate(([0], np.cumsum(negate) & 1))[:-1]
        index = np.where(known, np.arange(n), n)
        settled = np.minimum.accumulate(index[::-1])[::-1]  # the next syllable that is known
        return value[settled] ^ (parity[settled] != parity)


class _VietnameseTokenizer:
    """The Doc spaCy's pyvi tokenizer makes of a text (same tokens, same whitespace), faster.

    Alignment follows ``spacy.util.get_words_and_spaces``: a single space after a token is its
    trailing whitespace, any other whitespace between tokens is a token of its own.
    """

    def __init__(self, vocab, segmenter: _WordSegmenter) -> None:
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> Doc:
        pieces = _PYVI_PIECE.findall(text)
        if not pieces:
            doc = Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
        else:
            doc = self._doc(text, pieces)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _doc(self, text: str, pieces: list[tuple[str, str]]) -> Doc:
        n = len(pieces)
        starts_of_pieces, ends_of_pieces = piece_bounds(pieces)
        first = np.flatnonzero(~self.segmenter.joins([piece for _, piece in pieces]))
        last = np.append(first[1:] - 1, n - 1)
        starts, ends = starts_of_pieces[first].tolist(), ends_of_pieces[last].tolist()
        words = [text[start:end] for start, end in zip(starts, ends, strict=True)]
        # the whitespace after each token: one space is the token's trailing space, any other
        # whitespace (a line break, several spaces) is a token of its own
        after = [pieces[i][0] for i in first[1:].tolist()]
        after.append(text[ends[-1] :])
        spaces = [gap[:1] == " " for gap in after]
        leading = text[: starts[0]]
        all_words, all_spaces = ([leading], [False]) if leading else ([], [])
        done = 0
        for index in [i for i, gap in enumerate(after) if gap and gap != " "]:
            gap = after[index]
            all_words += words[done : index + 1]
            all_spaces += spaces[done : index + 1]
            all_words.append(gap[1:] if gap[0] == " " else gap)
            all_spaces.append(False)
            done = index + 1
        all_words += words[done:]
        all_spaces += spaces[done:]
        doc = Doc(self.vocab, words=all_words, spaces=all_spaces)
        doc.user_data[WORDS_KEY] = all_words
        return doc


_SEGMENTER: list[_WordSegmenter] = []


def blank_vietnamese() -> Language:
    """A blank "vi" pipeline with our tokenizer; spaCy's own pyvi tokenizer (same tokens, slower)
    if pyvi's model cannot be read the way ``_WordSegmenter`` reads it."""
    try:
        if not _SEGMENTER:
            _SEGMENTER.append(_WordSegmenter())
    except (OSError, ValueError, AttributeError, struct.error, pickle.UnpicklingError) as error:
        logger.warning("pyvi's model could not be read (%s): using spaCy's pyvi tokenizer", error)
        return spacy.blank("vi")
    # spaCy's default "vi" tokenizer would import pyvi, and with it scikit-learn and SciPy
    # (1.5 s per process), only to be replaced: build the pipeline with the plain one.
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = _VietnameseTokenizer(nlp.vocab, _SEGMENTER[0])
    return nlp
