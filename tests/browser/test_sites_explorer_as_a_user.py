"""The Sites explorer driven as a user drives it: type a search, press Enter, pick a row, land on the profile."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SIZES, open_at, wait_for_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", SIZES)
def test_a_typed_search_narrows_the_table_at_each_size(offline_page, app_url, size):
    open_at(offline_page, app_url + "/sites", size)
    caption = offline_page.get_by_test_id("stCaptionContainer").filter(has_text="sites. “In totals”")
    total = int(re.search(r"of ([\d,]+) sites", caption.inner_text()).group(1).replace(",", ""))
    assert total >= 100
    box = offline_page.get_by_role("textbox", name="Search sites")
    box.fill("jupiter")
    box.press("Enter")
    offline_page.wait_for_url(re.compile(r"q=jupiter"))
    wait_for_app(offline_page)
    expect(caption).to_contain_text(re.compile(r"^[1-9]\d? of "))
    shown = int(caption.inner_text().split(" of ")[0].replace(",", ""))
    assert 1 <= shown < total
    assert offline_page.get_by_test_id("stException").count() == 0
    assert offline_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_picking_a_row_opens_the_site_profile(offline_page, app_url):
    open_at(offline_page, app_url + "/sites?q=jupiter&sort=name", "laptop")
    grid = offline_page.locator(".st-key-table_sites_table [data-testid='stDataFrame']")
    grid.wait_for()
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    offline_page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selection cell
    offline_page.wait_for_url(re.compile(r"/site\?.*site="), timeout=30_000)
    wait_for_app(offline_page)
    expect(offline_page.get_by_test_id("stMain")).to_contain_text("JUPITER")
