"""Widgets driven the way a person drives them: click, type and pick; not through the URL.

The first release's Compare page crashed as soon as a second country was picked in its widget
while a test that typed `?compare=DEU,FRA` into the URL passed. These tests pick in the widgets.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SIZES, open_at, wait_for_app

pytestmark = pytest.mark.browser

COUNTRIES = ["Germany", "France", "Italy", "Spain", "Netherlands", "Sweden"]


def assert_no_error(page) -> None:
    main = page.get_by_test_id("stMain")
    assert "error id" not in main.inner_text()
    assert page.get_by_test_id("stException").count() == 0


def pick(page, widget_label: str, option: str) -> None:
    """Open a multiselect by its label, type part of the option, pick it from the list."""
    box = page.get_by_test_id("stMultiSelect").filter(has_text=widget_label)
    box.locator("input").click()
    box.locator("input").fill(option[:4])
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    expect(box).to_contain_text(option)  # the pick is shown before the rerun it triggers is awaited
    wait_for_app(page)


@pytest.mark.parametrize("count", [2, 4, 6])
def test_compare_countries_picked_in_the_widget(offline_page, app_url, count):
    offline_page.goto(app_url + "/compare")
    wait_for_app(offline_page)
    for country in COUNTRIES[:count]:
        pick(offline_page, "Countries (2 to 6)", country)
        assert_no_error(offline_page)
    charts = offline_page.get_by_test_id("stPlotlyChart")
    charts.first.wait_for()
    assert charts.count() >= 2
    assert "DEU" in offline_page.url and "FRA" in offline_page.url  # the URL holds the pick
    assert_no_error(offline_page)


@pytest.mark.parametrize("size", SIZES)
def test_compare_survives_reload_of_its_own_url_at_each_size(offline_page, app_url, size):
    open_at(offline_page, app_url + "/compare", size)
    if size == "phone":  # the sidebar starts collapsed on a narrow screen, so it covers nothing
        assert offline_page.get_by_test_id("stSidebar").get_attribute("data-collapsed") == "true"
    pick(offline_page, "Countries (2 to 6)", "Germany")
    pick(offline_page, "Countries (2 to 6)", "France")
    offline_page.wait_for_url(re.compile(r"compare=DEU(,|%2C)FRA"))  # the rerun that writes the URL may lag the pick
    url = offline_page.url
    offline_page.goto(url)
    wait_for_app(offline_page)
    assert_no_error(offline_page)
    box = offline_page.get_by_test_id("stMultiSelect").filter(has_text="Countries (2 to 6)")
    assert "Germany" in box.inner_text() and "France" in box.inner_text()


def tile(page, label: str) -> str:
    """The value of the KPI tile whose label is exactly `label`."""
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    )
    return metric.get_by_test_id("stMetricValue").inner_text()


@pytest.mark.parametrize("size", ["desktop", "laptop"])
def test_as_of_date_typed_and_confirmed_with_enter(offline_page, app_url, size):
    open_at(offline_page, app_url + "/", size)
    latest = tile(offline_page, "Sites")
    box = offline_page.get_by_role("textbox", name="As of (YYYY-MM-DD)")
    box.click()
    offline_page.keyboard.type("2025-07-01")
    offline_page.keyboard.press("Enter")  # Streamlit's own date field ignores Enter; this one applies it
    expect(offline_page.get_by_test_id("stMain")).to_contain_text("as of 2025-07-01", timeout=30_000)
    # The caption is drawn before the page writes its URL (at the end of the run): wait for both.
    expect(offline_page).to_have_url(re.compile(r"as_of=2025-07-01"), timeout=30_000)
    wait_for_app(offline_page)
    assert int(tile(offline_page, "Sites").replace(",", "")) < int(latest.replace(",", ""))
    assert_no_error(offline_page)


def test_sidebar_status_pick_replaces_the_headline_scope(offline_page, app_url):
    offline_page.set_viewport_size({"width": 1920, "height": 1080})
    offline_page.goto(app_url + "/")
    wait_for_app(offline_page)
    headline = tile(offline_page, "Accelerators (chips)")
    sidebar = offline_page.get_by_test_id("stSidebar")
    box = sidebar.get_by_test_id("stMultiSelect").filter(has_text="Status")
    box.locator("input").click()
    box.locator("input").fill("Bid")
    offline_page.get_by_role("option", name="Bid (not selected)", exact=True).click()
    offline_page.keyboard.press("Escape")
    expect(offline_page.get_by_test_id("stMain")).to_contain_text("sites at stage bid", timeout=30_000)
    wait_for_app(offline_page)
    assert "status=bid" in offline_page.url
    assert tile(offline_page, "Accelerators (chips)") != headline  # the bids' own total, labelled as such
    assert_no_error(offline_page)
