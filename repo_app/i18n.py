"""Vietnamese first, English second: the reader's language, the UI strings, and numbers, dates
and amounts as each language writes them.

The language: ``?lang=`` (remembered in the ``lang`` cookie) wins, else the cookie, else the
best match for the browser's ``Accept-Language`` among ``LANGUAGES``, else Vietnamese.

UI strings are gettext messages (Flask-Babel). The code and templates hold the English text
(``_()``, ``ngettext()`` for counts, ``pgettext()`` where one English word has two Vietnamese
ones); ``translations/<lang>/LC_MESSAGES/messages.po`` translate them, both complete, and the
compiled ``messages.mo`` beside each is committed (``tests/test_i18n.py`` checks that every
message of the code is in both catalogues and that the ``.mo`` files match the ``.po`` files).
The README says how to add or change a string. Translations are text, never HTML: templates
escape them like any other value.

Vocabulary labels (kinds, statuses, places...) are not here: they come from ``schemas/``.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode

import flask_babel
from babel import Locale
from babel.dates import format_skeleton, get_datetime_format
from flask import g, has_request_context, request
from flask_babel import Babel, format_currency, format_decimal, gettext, pgettext
from markupsafe import Markup

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"
# Where the catalogues are, relative to the package; and the one domain.
TRANSLATIONS = "translations"
DOMAIN = "messages"

babel = Babel()


def _asked() -> str | None:
    asked = request.args.get("lang")
    return asked if asked in LANGUAGES else None


def current_language() -> str:
    """The reader's language, chosen once per request; Vietnamese outside a request."""
    if not has_request_context():
        return DEFAULT
    lang = g.get("lang")
    if lang is None:
        remembered = request.cookies.get(COOKIE)
        lang = (_asked() or (remembered if remembered in LANGUAGES else None)
                or request.accept_languages.best_match(LANGUAGES) or DEFAULT)
        g.lang = lang
    return lang


def _remember_language(response):
    asked = _asked()
    if asked:
        response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    elif response.mimetype == "text/html":
        response.vary.update(("Cookie", "Accept-Language"))  # the same URL, either language
    return response


def language_switch_url() -> str:
    """This page's URL, in the other language."""
    other = "en" if current_language() == "vi" else "vi"
    pairs = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    return request.path + "?" + urlencode([*pairs, ("lang", other)])


def other_language_name() -> str:
    """The other language's name in that language ("English", "Tiếng Việt"), from Babel."""
    other = "en" if current_language() == "vi" else "vi"
    name = Locale.parse(other).get_display_name(other)
    return name[:1].upper() + name[1:]


# -- Messages ---------------------------------------------------------------------------------


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """``ngettext`` whose ``%(num)s`` is the count written the reader's way (1.234 or 1,234)."""
    variables.setdefault("num", format_number(num))
    return flask_babel.get_translations().ungettext(singular, plural, num) % variables


def npgettext(context: str, singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", format_number(num))
    return flask_babel.get_translations().unpgettext(context, singular, plural, num) % variables


# -- Numbers, amounts and dates ---------------------------------------------------------------


def format_number(value) -> str:
    """A number with the reader's separators: 1.234,5 in Vietnamese, 1,234.5 in English."""
    return format_decimal(value)


def format_vnd(value) -> str:
    """An amount in đồng: "1.500.000.000 ₫" in Vietnamese, "₫1,500,000,000" in English."""
    return format_currency(value, "VND")


def _parse(value) -> date | datetime | tuple[int, int] | str | None:
    """A date or datetime from what the services hand over: objects or ISO 8601 text; a
    year-month ("2022-01", a partial date people wrote) as (year, month); else the text."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 7 and text[4] == "-" and 1 <= int(text[5:]) <= 12:
            return int(text[:4]), int(text[5:])
        if len(text) == 10:
            return date.fromisoformat(text)
        if len(text) > 10:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    return text


def format_date(value) -> str:
    """A day as the reader's language writes it ("1 thg 5, 2024", "May 1, 2024"); a
    year-month as month and year ("tháng 5 năm 2024", "May 2024"); other text as it is."""
    parsed = _parse(value)
    if parsed is None:
        return ""
    if isinstance(parsed, tuple):
        locale = flask_babel.get_locale() or DEFAULT
        return format_skeleton("yMMMM", date(*parsed, 1), locale=locale)
    if isinstance(parsed, str):
        return parsed
    return flask_babel.format_date(parsed, "medium")


def format_datetime(value) -> str:
    """A moment: the day as ``format_date`` writes it and the time to the minute, in the
    order and with the separators of the reader's language."""
    parsed = _parse(value)
    if not isinstance(parsed, datetime):
        return format_date(parsed)
    pattern = get_datetime_format("medium", locale=flask_babel.get_locale() or DEFAULT)
    return (pattern.replace("'", "").replace("{0}", flask_babel.format_time(parsed, "short"))
            .replace("{1}", flask_babel.format_date(parsed, "medium")))


def time_tag(value, with_time: bool = False) -> Markup:
    """``<time datetime="...">`` around a formatted date: machines read the ISO text."""
    parsed = _parse(value)
    if parsed is None or isinstance(parsed, str):
        return Markup("{}").format(parsed or "")
    iso = value.isoformat() if isinstance(value, date) else str(value).strip()
    text = format_datetime(value) if with_time else format_date(value)
    return Markup('<time datetime="{}">{}</time>').format(iso, text)


def init_app(app) -> None:
    babel.init_app(app, default_locale=DEFAULT, default_domain=DOMAIN,
                   default_translation_directories=TRANSLATIONS,
                   locale_selector=current_language)
    app.after_request(_remember_language)
    # Old-style callables: a translation is text (escaped with the rest), and ``%`` formats
    # only when values are given, the same in templates as in Python.
    app.jinja_env.install_gettext_callables(gettext, ngettext, newstyle=False,
                                            pgettext=pgettext, npgettext=npgettext)
    app.jinja_env.filters.update(number=format_number, vnd=format_vnd, date=format_date,
                                 datetime=format_datetime, time_tag=time_tag)
    from repo_app import labels

    app.jinja_env.globals.update(
        current_language=current_language, language_switch_url=language_switch_url,
        other_language_name=other_language_name, ui_label=labels.label,
        vocabulary_label=labels.vocabulary_label,
    )
