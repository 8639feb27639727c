"""The What changed view driven as a person drives it: type a date in the picker, press Enter."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser


def tile(page, label: str):
    return page.get_by_test_id("stMetric").filter(has=page.get_by_text(label, exact=True))


def count(page, label: str) -> int:
    return int(tile(page, label).get_by_test_id("stMetricValue").inner_text().replace(",", ""))


def test_picking_the_since_date_widens_the_window_and_lands_in_the_url(offline_page, app_url):
    offline_page.goto(app_url + "/changes")
    wait_for_app(offline_page)
    expect(offline_page.get_by_role("heading", name="What changed")).to_be_visible()
    before = count(offline_page, "New sources")
    picker = offline_page.get_by_test_id("stMain").get_by_test_id("stDateInput").filter(has_text="Changes since")
    # Streamlit's date field is a row of year / month / day segments (a hidden <input type="date"> sits beside it).
    year = picker.get_by_role("spinbutton", name="year, Changes since")
    year.click()
    offline_page.keyboard.type("20250101")  # each segment moves on to the next when it is full
    offline_page.get_by_role("heading", name="What changed").click()  # leaving the field commits the date
    expect(year).to_have_text("2025")
    expect(picker.get_by_role("spinbutton", name="month, Changes since")).to_have_text("01")
    expect(offline_page).to_have_url(re.compile(r"since=2025-01-01"), timeout=60_000)  # replaceState: no load event
    wait_for_app(offline_page)
    assert count(offline_page, "New sources") > before
    assert offline_page.get_by_test_id("stDataFrame").count() >= 1
    assert offline_page.get_by_test_id("stException").count() == 0
    assert "error id" not in offline_page.get_by_test_id("stMain").inner_text()
