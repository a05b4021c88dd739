"""Controlled vocabularies, kept as JSON data files rather than code.

Each file in ``schemas/vocabularies/`` is::

    {"name": "sectors", "label": {"vi": "...", "en": "..."}, "source": "...",
     "terms": [{"key": "thanh-long", "vi": "Thanh long", "en": "Dragon fruit", ...}, ...]}

Terms may carry more attributes (``parent`` for hierarchies, ``synonyms`` for matching,
``successors`` for the 2025 administrative crosswalk). A province other than Binh Thuan points
``REPO_VOCABULARIES`` at a folder of its own files; any file missing there falls back to ours.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

DEFAULT_FOLDER = Path(__file__).parent / "vocabularies"
LANGUAGES = ("vi", "en")


class Vocabulary(Mapping):
    """Terms by key, in the order the file lists them."""

    def __init__(self, name: str, label: dict, terms: list[dict], source: str = ""):
        self.name = name
        self.label = label
        self.source = source
        self._terms = {term["key"]: term for term in terms}

    def __getitem__(self, key: str) -> dict:
        return self._terms[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def term_label(self, key: str, lang: str = "vi") -> str:
        """The term's label in ``lang``, falling back to Vietnamese, then to the key itself."""
        term = self._terms.get(key)
        if term is None:
            return key
        return term.get(lang) or term.get("vi") or key

    def title(self, lang: str = "vi") -> str:
        return self.label.get(lang) or self.label.get("vi") or self.name

    def children(self, parent: str | None) -> list[dict]:
        return [term for term in self._terms.values() if term.get("parent") == parent]


def folders() -> list[Path]:
    override = os.environ.get("REPO_VOCABULARIES")
    return [Path(override), DEFAULT_FOLDER] if override else [DEFAULT_FOLDER]


@cache
def _load(name: str, search_path: tuple[Path, ...]) -> Vocabulary:
    for folder in search_path:
        path = folder / f"{name}.json"
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            return Vocabulary(name, data.get("label", {}), data["terms"], data.get("source", ""))
    raise KeyError(f"No vocabulary named {name!r} in {', '.join(map(str, search_path))}")


def load(name: str) -> Vocabulary:
    return _load(name, tuple(folders()))


def names() -> list[str]:
    found = {path.stem for folder in folders() if folder.exists() for path in folder.glob("*.json")}
    return sorted(found)
