"""The search site driven as a person drives it: a real headless Chromium (Debian's ``chromium``)
through Playwright, against the app served for real on 127.0.0.1 with the sample corpus.

Skipped, with the reason, where Playwright for Python or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.conftest import CHROMIUM

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    expect = sync_playwright = None

pytestmark = [
    pytest.mark.skipif(
        sync_playwright is None,
        reason="Playwright for Python is not installed (pip install 'playwright>=1.45')",
    ),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="no /usr/bin/chromium: install Debian's chromium package (apt-get install chromium)",
    ),
]


def fold(text: str) -> str:
    """Lower case without diacritics: "Nước mắm" -> "nuoc mam"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def total_of(page) -> int:
    """The number the results line announces ("1.234 kết quả", "12 results")."""
    text = page.locator("#results-count").inner_text()
    return int(re.match(r"\s*([\d.,]+)", text).group(1).replace(".", "").replace(",", ""))


def hit_titles(page) -> list[str]:
    return page.locator(".hit h3 a").all_inner_texts()


# -- Fixtures: the app served for real, one browser for the session -------------------------


def _context(browser, live_url, **options):
    options.setdefault("viewport", DESKTOP)
    context = browser.new_context(base_url=live_url, locale="vi-VN", **options)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def page(browser, live_url):
    context = _context(browser, live_url)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser, live_url):
    context = _context(browser, live_url, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js(browser, live_url):
    context = _context(browser, live_url, java_script_enabled=False)
    yield context.new_page()
    context.close()


def _search(page, text: str) -> None:
    page.goto("/")
    page.fill("#q", text)
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"[?&]q="))


def _bucket_narrower_than(page, facet: str, total: int):
    """A facet value that keeps some results but not all: (label locator, key, count)."""
    for label in page.locator(f'fieldset[data-facet="{facet}"] label.bucket').all():
        count = int(label.locator(".count").inner_text().replace(".", "").replace(",", ""))
        if 0 < count < total and label.is_visible():
            return label, label.locator("input").get_attribute("value"), count
    raise AssertionError(f"no value of {facet!r} narrows {total} results")


# -- Searching ----------------------------------------------------------------------------------


def test_typing_a_query_without_diacritics_shows_highlighted_results(page):
    _search(page, "nuoc mam")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("#results-count")).to_contain_text("kết quả")
    assert total_of(page) >= 3
    titles = hit_titles(page)
    assert titles and "nước mắm" in titles[0].lower()
    marks = page.locator(".hit .snippet mark")
    expect(marks.first).to_be_visible()
    assert {fold(text) for text in marks.all_inner_texts()} <= {"nuoc", "mam", "nuoc mam"}
    assert page.locator("#q").input_value() == "nuoc mam"
    expect(page.locator("#results-count")).to_have_attribute("aria-live", "polite")


def test_suggestions_appear_while_typing_and_a_title_opens_its_record(page):
    page.goto("/")
    page.locator("#q").press_sequentially("thanh lo", delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    options = listbox.get_by_role("option")
    assert options.count() >= 2
    assert all("thanh lo" in fold(text) for text in options.all_inner_texts())
    expect(page.locator("#q")).to_have_attribute("aria-expanded", "true")

    page.keyboard.press("Escape")  # escape closes the list and keeps the text
    expect(listbox).to_be_hidden()
    assert page.locator("#q").input_value() == "thanh lo"

    page.locator("#q").press_sequentially("n", delay=40)
    expect(listbox).to_be_visible()
    title = listbox.locator(".suggestion-title").first
    chosen = title.locator(".suggestion-text").inner_text()
    title.click()
    page.wait_for_url(re.compile(r"/records/[0-9a-f]+$"))
    expect(page.locator("h1")).to_have_text(chosen)


def test_keyboard_picks_a_suggestion_that_fills_the_search(page):
    page.goto("/")
    page.locator("#q").press_sequentially("nuoc ma", delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    position = next(
        index for index, option in enumerate(listbox.locator(".suggestion").all())
        if "suggestion-title" not in (option.get_attribute("class") or "")
    )
    text = listbox.locator(".suggestion").nth(position).locator(".suggestion-text").inner_text()
    for _ in range(position + 1):
        page.keyboard.press("ArrowDown")
    expect(listbox.locator(".suggestion").nth(position)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q="))
    assert page.locator("#q").input_value() == text
    assert total_of(page) >= 1


def test_ticking_a_facet_filters_and_the_chip_and_back_button_undo_it(page):
    _search(page, "thanh long")
    everything = total_of(page)
    first_titles = hit_titles(page)
    label, key, count = _bucket_narrower_than(page, "kind", everything)
    label.click()  # JavaScript submits at once: no button press
    page.wait_for_url(re.compile(rf"[?&]kind={key}\b"))
    assert total_of(page) == count < everything
    expect(page.locator(f'fieldset[data-facet="kind"] input[value="{key}"]')).to_be_checked()
    chip = page.locator("a.chip:not(.clear)")
    expect(chip).to_have_count(1)

    chip.click()
    page.wait_for_url(lambda url: "kind=" not in url)
    assert total_of(page) == everything
    expect(page.locator("a.chip")).to_have_count(0)

    page.go_back()
    page.wait_for_url(re.compile(rf"[?&]kind={key}\b"))
    assert total_of(page) == count
    expect(page.locator(f'fieldset[data-facet="kind"] input[value="{key}"]')).to_be_checked()
    page.go_back()
    page.wait_for_url(lambda url: "kind=" not in url)
    assert hit_titles(page) == first_titles


def test_clear_all_removes_every_filter_and_keeps_the_query(page):
    page.goto("/?q=thanh+long&kind=patent&ip_status=granted")
    expect(page.locator("a.chip:not(.clear)")).to_have_count(2)
    page.locator("a.chip.clear").click()
    page.wait_for_url(lambda url: "kind=" not in url and "ip_status=" not in url)
    assert page.locator("#q").input_value() == "thanh long"
    expect(page.locator("a.chip")).to_have_count(0)


def test_a_year_range_becomes_a_shareable_url_and_narrows_the_results(page):
    page.goto("/")
    page.fill('input[name="year_from"]', "2022")
    page.fill('input[name="year_to"]', "2020")  # the wrong way round: the server swaps them
    page.locator('button[form="year-range-form"]').click()
    page.wait_for_url(re.compile(r"[?&]year=2020\.\.2022$"))
    years = [int(text) for text in page.locator(".hit .year").all_inner_texts()]
    assert years and all(2020 <= year <= 2022 for year in years)
    expect(page.locator("a.chip:not(.clear)")).to_contain_text("2020–2022")
    assert page.locator('input[name="year_from"]').input_value() == "2020"


def test_sorting_and_paging(page):
    page.goto("/")
    assert total_of(page) > 10
    first = hit_titles(page)
    page.select_option("#sort", "title")
    page.wait_for_url(re.compile(r"[?&]sort=title"))
    titles = hit_titles(page)
    assert titles != first and titles[0] <= titles[1]

    page.locator(".pager .pages a", has_text=re.compile(r"^2$")).click()
    page.wait_for_url(re.compile(r"[?&]page=2"))
    expect(page.locator('.pager [aria-current="page"]')).to_have_text("2")
    assert "sort=title" in page.url
    second = hit_titles(page)
    assert second and not set(second) & set(titles)
    page.locator('.pager a[rel="prev"]').click()
    page.wait_for_url(lambda url: "page=" not in url)
    assert hit_titles(page) == titles


def test_an_empty_result_offers_the_way_back(page):
    page.goto("/?q=nuoc+mam&kind=patent&place=phu-quy")
    expect(page.locator(".notice.empty h2")).to_contain_text("nuoc mam")
    offer = page.locator(".relaxations a").first
    expect(offer).to_be_visible()
    offer.click()
    page.wait_for_load_state()
    assert total_of(page) > 0


def test_a_bad_parameter_gets_a_clear_message(page):
    response = page.goto("/?q=tom&page=abc")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("page")
    assert page.locator("#q").input_value() == "tom"


# -- The record page ----------------------------------------------------------------------------


def test_opening_a_record_shows_its_title_metadata_download_and_similar_records(page):
    _search(page, "thanh long")
    title = hit_titles(page)[0]
    page.locator(".hit h3 a").first.click()
    page.wait_for_url(re.compile(r"/records/[0-9a-f]+$"))
    expect(page.locator("h1")).to_have_text(title)
    facts = page.locator("dl.facts")
    expect(facts).to_be_visible()
    assert facts.locator("dt").count() >= 4
    expect(facts).to_contain_text("Ngôn ngữ")
    download = page.locator("a.download").first
    expect(download).to_be_visible()
    href = download.get_attribute("href")
    assert re.search(r"/files/[0-9a-f]{64}$", href)
    pdf = page.request.get(href)
    assert pdf.ok and pdf.body().startswith(b"%PDF-")

    similar = page.locator("aside.similar")
    expect(similar.locator("h2")).to_have_text("Tài liệu tương tự")
    links = similar.locator("a")
    assert links.count() >= 1
    assert title not in links.all_inner_texts()
    expect(page.locator("#quality")).to_have_count(0)  # the public never sees the staff panel

    page.locator("a[data-back-to-search]").click()  # back to the same search, not a blank one
    page.wait_for_url(re.compile(r"[?&]q=thanh"))
    assert hit_titles(page)[0] == title


def test_the_english_switch_translates_the_interface_and_is_remembered(page):
    page.goto("/?q=fish+sauce")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"lang=en"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Search", exact=True)).to_be_visible()
    expect(page.locator("label[for=sort]")).to_have_text("Sort by")
    expect(page.locator('fieldset[data-facet="kind"] legend')).to_have_text("Kind")
    expect(page.locator("#results-count")).to_contain_text("results for")
    page.locator(".hit h3 a").first.click()
    page.wait_for_url(re.compile(r"/records/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("dl.facts")).to_contain_text("Language")


# -- A phone, and no JavaScript -----------------------------------------------------------------


def _horizontal_overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_on_a_phone_filters_fold_behind_a_toggle_and_nothing_scrolls_sideways(phone):
    phone.goto("/?q=thanh+long")
    toggle = phone.locator("summary.filters-toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_contain_text("Bộ lọc")
    checkbox = phone.locator('fieldset[data-facet="kind"] input').first
    expect(checkbox).to_be_hidden()
    assert _horizontal_overflow(phone) <= 0
    first_hit = phone.locator(".hit").first.bounding_box()
    assert first_hit["x"] >= 0 and first_hit["x"] + first_hit["width"] <= PHONE["width"]

    toggle.tap()
    expect(checkbox).to_be_visible()
    everything = total_of(phone)
    label, key, count = _bucket_narrower_than(phone, "kind", everything)
    label.tap()
    phone.wait_for_url(re.compile(rf"[?&]kind={key}\b"))
    assert total_of(phone) == count
    expect(phone.locator("summary.filters-toggle .filter-count")).to_have_text("1")
    assert _horizontal_overflow(phone) <= 0

    phone.locator(".hit h3 a").first.tap()
    phone.wait_for_url(re.compile(r"/records/"))
    expect(phone.locator("h1")).to_be_visible()
    assert _horizontal_overflow(phone) <= 0


def test_without_javascript_search_facets_sort_and_year_range_still_work(no_js):
    page = no_js
    page.goto("/")
    page.fill("#q", "nuoc mam")
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_url(re.compile(r"q=nuoc\+mam"))
    everything = total_of(page)
    assert everything >= 3 and page.locator(".hit .snippet mark").count() > 0
    expect(page.locator('fieldset[data-facet="kind"]')).to_be_visible()

    label, key, count = _bucket_narrower_than(page, "kind", everything)
    label.click()
    assert "kind=" not in page.url  # no script: nothing happens until the button
    page.get_by_role("button", name="Áp dụng bộ lọc").click()
    page.wait_for_url(re.compile(rf"[?&]kind={key}\b"))
    assert total_of(page) == count
    expect(page.locator("a.chip:not(.clear)")).to_have_count(1)

    page.select_option("#sort", "oldest")
    page.locator("form.sort button").click()
    page.wait_for_url(re.compile(r"sort=oldest"))
    years = [int(text) for text in page.locator(".hit .year").all_inner_texts()]
    assert years and years == sorted(years)
    assert f"kind={key}" in page.url

    page.fill('input[name="year_from"]', "2015")
    page.locator('button[form="year-range-form"]').click()
    page.wait_for_url(re.compile(r"year=2015\.\."))
    years = [int(text) for text in page.locator(".hit .year").all_inner_texts()]
    assert years and all(year >= 2015 for year in years)
    assert f"kind={key}" in page.url and "q=nuoc+mam" in page.url
