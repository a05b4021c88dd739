"""Two languages through Flask-Babel: every UI string in both catalogues, the compiled
catalogues current, the reader's language chosen from ``?lang=``, the cookie and
``Accept-Language``, English plurals, and numbers, amounts and dates written each language's
way by Babel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages import frontend
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask import render_template_string

from repo_app import i18n, labels

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "repo_app" / "translations"
CATALOGUES = {lang: TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po" for lang in i18n.LANGUAGES}
UPDATE_HINT = ("extract, update and translate, then compile (README, 'Two languages'): "
               "pybabel extract ... && pybabel update ... && pybabel compile ...")


def _source_messages() -> dict[tuple[str | None, str], set[str]]:
    """Every message of the code and templates, as babel.cfg makes ``pybabel extract`` find
    them: (context, msgid) -> the files using it."""
    parse = getattr(frontend, "parse_mapping_cfg", None) or frontend.parse_mapping
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse(config)
    found: dict[tuple[str | None, str], set[str]] = {}
    for filename, _line, message, _comments, context in extract_from_dir(
            ROOT, method_map, options_map):
        msgid = message[0] if isinstance(message, tuple | list) else message
        found.setdefault((context, msgid), set()).add(filename)
    return found


def _catalogue(lang: str):
    with open(CATALOGUES[lang], "rb") as file:
        return read_po(file, locale=lang)


@pytest.fixture(scope="module")
def source_messages():
    return _source_messages()


def test_babel_cfg_finds_the_templates_and_the_views(source_messages):
    files = set().union(*source_messages.values())
    assert {"repo_app/templates/base.html", "repo_app/templates/search.html",
            "repo_app/views.py", "repo_app/labels.py"} <= {name.replace("\\", "/")
                                                           for name in files}
    assert len(source_messages) > 400


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_is_translated_in_both_catalogues(source_messages, lang):
    catalogue = _catalogue(lang)
    missing = []
    for (context, msgid), files in sorted(source_messages.items(), key=str):
        message = catalogue.get(msgid, context=context)
        strings = () if message is None else (
            message.string if isinstance(message.string, tuple) else (message.string,))
        if message is None or message.fuzzy or not all(strings) or not strings:
            missing.append(f"{msgid!r} (context {context!r}, in {', '.join(sorted(files))})")
    assert not missing, f"not translated in {lang}: " + "; ".join(missing) + ". " + UPDATE_HINT


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_catalogues_hold_no_stale_message_and_pass_babels_checks(source_messages, lang):
    catalogue = _catalogue(lang)
    stale = [(m.context, m.id) for m in catalogue if m.id
             and (m.context, m.id[0] if isinstance(m.id, tuple) else m.id) not in source_messages]
    assert not stale, f"{lang} has messages nothing uses any more: {stale}. " + UPDATE_HINT
    assert not catalogue.obsolete
    # Placeholders: a translation uses exactly the %(name)s of its message.
    problems = [(message.id, [str(error) for error in errors])
                for message, errors in catalogue.check()]
    assert not problems


def test_the_template_of_messages_is_current(source_messages):
    with open(TRANSLATIONS / "messages.pot", "rb") as file:
        template = read_po(file)
    kept = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in template if m.id}
    assert kept == set(source_messages), UPDATE_HINT


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_compiled_catalogues_match_the_po_files(lang):
    """The .mo files are committed (a fresh clone runs without compiling): they must say what
    the .po files say."""
    def entries(catalogue):
        def key(value):
            return tuple(value) if isinstance(value, tuple | list) else value

        def translated(value):
            return all(value) if isinstance(value, tuple | list) else bool(value)

        return {(m.context, key(m.id)): key(m.string) for m in catalogue
                if m.id and not m.fuzzy and translated(m.string)}

    with open(CATALOGUES[lang].with_suffix(".mo"), "rb") as file:
        compiled = read_mo(file)
    assert entries(compiled) == entries(_catalogue(lang)), (
        f"{lang}/LC_MESSAGES/messages.mo is stale: pybabel compile -d repo_app/translations")
    assert compiled.plural_forms == _catalogue(lang).plural_forms


# -- Labels looked up by key ----------------------------------------------------------------


def test_every_key_the_data_carries_has_a_label():
    from repo_app.services import accounts, offers
    from repo_app.services import plan_indicators as plan
    from schemas import records, search_fields, workflows

    expected = {
        "person_role": set(records.PERSON_ROLES),
        "account_role": set(accounts.ROLES),
        "identifier": set(records.IdentifiersSchema().fields),
        "record_date": set(records.DatesSchema().fields),
        "text_method": set(records.TEXT_METHODS),
        "quality": set(records.QUALITY_SUMMARIES),
        "page_verdict": set(records.PAGE_VERDICTS),
        "text_source": set(records.PAGE_METHODS),
        "sort": {"relevance", "newest", "oldest", "title"} | {s.name for s in search_fields.SORTS},
        "offered": set(offers.OFFERED),
        "http_status": {"400", "401", "403", "404", "409", "422", "other"},
        "transition_field": {name for workflow in workflows.names()
                             for t in workflows.load(workflow).transitions
                             for name in (*t.requires, *t.optional)},
    }
    scope = plan.Scope(plan.period_of("2021-2025"))
    expected["tracker_column"] = {
        column.name for key in plan.ORDER
        for column in plan.INDICATORS[key].rows(scope).listed().selected_columns}
    tables = labels._tables()
    for family, keys in expected.items():
        assert keys <= set(tables[family]), (family, keys - set(tables[family]))


# -- The reader's language ----------------------------------------------------------------


def _lang(response) -> str:
    return re.search(r'<html lang="(\w+)">', response.get_data(as_text=True)).group(1)


def test_accept_language_is_honoured_until_the_reader_picks(corpus_app):
    client = corpus_app.test_client()
    english = {"Accept-Language": "en-GB,en;q=0.9,vi;q=0.5"}
    assert _lang(client.get("/")) == "vi"  # no preference: Vietnamese
    assert _lang(client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"})) == "vi"
    page = client.get("/", headers=english)
    assert _lang(page) == "en" and "Search" in page.get_data(as_text=True)
    assert {"Accept-Language", "Cookie"} <= set(page.vary)
    assert _lang(client.get("/", headers={"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8"})) == "vi"
    picked = client.get("/?lang=vi", headers=english)  # the reader picks Vietnamese...
    assert _lang(picked) == "vi" and "lang=vi" in picked.headers["Set-Cookie"]
    assert _lang(client.get("/", headers=english)) == "vi"  # ...and the cookie wins after
    assert _lang(client.get("/?lang=en")) == "en"
    assert _lang(client.get("/", headers={"Accept-Language": "vi"})) == "en"


def test_the_switch_names_the_other_language_in_its_own_words(client):
    page = client.get("/?lang=vi").get_data(as_text=True)
    assert re.search(r'class="lang-switch"[^>]*>English</a>', page)
    page = client.get("/?lang=en").get_data(as_text=True)
    assert re.search(r'class="lang-switch"[^>]*>Tiếng Việt</a>', page)
    client.get("/?lang=vi")


# -- Plurals, numbers, amounts, dates -------------------------------------------------------


def _count(html: str) -> str:
    return " ".join(re.search(r'id="results-count"[^>]*>(.*?)</p>', html, re.S).group(1).split())


def test_english_plurals_on_the_search_page(client):
    one = client.get("/", query_string={"q": "2-2022-00467", "lang": "en"})
    assert _count(one.get_data(as_text=True)) == "1 result for “2-2022-00467”"
    many = client.get("/", query_string={"q": "thanh long", "lang": "en"})
    assert re.fullmatch(r"\d+ results for “thanh long”", _count(many.get_data(as_text=True)))
    everything = _count(client.get("/?lang=en").get_data(as_text=True))
    assert re.fullmatch(r"\d+ results", everything)
    one = client.get("/", query_string={"q": "2-2022-00467", "lang": "vi"})
    assert _count(one.get_data(as_text=True)) == "1 kết quả cho “2-2022-00467”"
    client.get("/?lang=vi")


# Babel's locale data puts a no-break space between an amount and "₫" and a narrow one before
# "PM": the page never breaks a line there.
@pytest.mark.parametrize(("lang", "expected"), [
    ("vi", ["1.234.567", "1.234,5", "1.500.000.000\u00a0₫", "27 thg 6, 2024", "tháng 3 năm 2024",
            "13:05 27 thg 6, 2024", "2 kết quả", "1 kết quả"]),
    ("en", ["1,234,567", "1,234.5", "₫1,500,000,000", "Jun 27, 2024", "March 2024",
            "Jun 27, 2024, 1:05\u202fPM", "2 results", "1 result"]),
])
def test_numbers_amounts_and_dates_per_language(corpus_app, lang, expected):
    template = ("{{ 1234567 | number }}|{{ 1234.5 | number }}|{{ 1500000000 | vnd }}|"
                "{{ '2024-06-27' | date }}|{{ '2024-03' | date }}|"
                "{{ '2024-06-27T13:05:09' | datetime }}|"
                "{{ ngettext('%(num)s result', '%(num)s results', 2) }}|"
                "{{ ngettext('%(num)s result', '%(num)s results', 1) }}")
    with corpus_app.test_request_context(f"/?lang={lang}"):
        assert render_template_string(template).split("|") == expected
        assert i18n.current_language() == lang
        big = render_template_string("{{ ngettext('%(num)s result', '%(num)s results', 12345) }}")
        assert big == {"vi": "12.345 kết quả", "en": "12,345 results"}[lang]
        tag = render_template_string("{{ '2024-06-27' | time_tag }}")
        assert tag == f'<time datetime="2024-06-27">{expected[3]}</time>'
        assert render_template_string("{{ 'mùa xuân 2024' | time_tag }}") == "mùa xuân 2024"


def test_the_yearly_figures_use_babels_separators():
    from repo_app.services import yearly_report

    assert yearly_report.number(1234567.5, "vi", 1) == "1.234.567,5"
    assert yearly_report.number(1234567.5, "en", 1) == "1,234,567.5"
    assert yearly_report.percent(0.125, "vi") == "12,5 %"
    assert yearly_report.percent(0.12, "en") == "12 %"
    assert yearly_report.vnd_millions(2_500_000, "vi") == "2,5"
    assert yearly_report.vnd_millions(1_234_000_000, "en") == "1,234"


@pytest.mark.parametrize(("lang", "budget", "accepted"), [
    ("vi", "1.650.000.000\u00a0₫", "27 thg 6, 2024"),
    ("en", "₫1,650,000,000", "Jun 27, 2024"),
])
def test_record_page_writes_amounts_and_dates_per_language(client, lang, budget, accepted):
    found = client.get("/", query_string={"q": "ĐTKH.01/2022", "lang": lang})
    hit = re.search(r'<h3><a href="/records/([0-9a-f]+)"', found.get_data(as_text=True))
    assert hit, found.get_data(as_text=True)[-3000:]
    record_id = hit.group(1)
    html = client.get(f"/records/{record_id}").get_data(as_text=True)
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", html))
    total = facts["Tổng kinh phí" if lang == "vi" else "Total budget"]
    assert total == budget
    date = facts["Ngày nghiệm thu" if lang == "vi" else "Accepted"]
    assert date == f'<time datetime="2024-06-27">{accepted}</time>'
    client.get("/?lang=vi")
