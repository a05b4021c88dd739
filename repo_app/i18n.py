"""Vietnamese first, English second: the reader's language and the UI strings.

The language comes from ``?lang=`` (remembered in a cookie), else the cookie, else Vietnamese.
UI strings live in ``translations/<lang>.json``; a key missing in English falls back to
Vietnamese, so a page never shows a raw key.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from flask import g, request

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"
FOLDER = Path(__file__).parent / "translations"


@cache
def _strings(lang: str) -> dict:
    """``<lang>.json`` and any ``<lang>.<part>.json`` beside it (one file per part of the
    site keeps each catalogue short)."""
    strings = {}
    for path in [FOLDER / f"{lang}.json", *sorted(FOLDER.glob(f"{lang}.*.json"))]:
        strings.update(json.loads(path.read_text(encoding="utf-8")))
    return strings


def translate(key: str, lang: str | None = None, **values) -> str:
    lang = lang or current_language()
    text = _strings(lang).get(key) or _strings(DEFAULT).get(key) or key
    return text.format(**values) if values else text


def current_language() -> str:
    return getattr(g, "lang", DEFAULT)


def _choose_language() -> None:
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        g.lang, g.remember_lang = asked, True
    else:
        remembered = request.cookies.get(COOKIE)
        g.lang = remembered if remembered in LANGUAGES else DEFAULT


def _remember_language(response):
    if getattr(g, "remember_lang", False):
        response.set_cookie(COOKIE, g.lang, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def language_switch_url() -> str:
    """This page's URL, in the other language."""
    other = "en" if current_language() == "vi" else "vi"
    pairs = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    return request.path + "?" + urlencode([*pairs, ("lang", other)])


def init_app(app) -> None:
    app.before_request(_choose_language)
    app.after_request(_remember_language)
    app.jinja_env.globals.update(
        _=translate, current_language=current_language, language_switch_url=language_switch_url
    )
