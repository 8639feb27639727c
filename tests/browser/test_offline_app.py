"""Browser tests on the system Chromium against a real server, with the network limited to 127.0.0.1."""

import pytest

from atlas.load import load_dataset
from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

FIND_POINT_IN_COUNTRY = """(iso3) => {
  // A screen point inside the country's shape and clear of every site marker.
  const gd = document.querySelector('.js-plotly-plot');
  const markers = [...gd.querySelectorAll('g.trace.scattergeo path.point')].map(m => m.getBoundingClientRect());
  // plotly picks the nearest marker within 20 px (hoverdistance), so keep further away than that
  const clear = (x, y) => markers.every(r => x < r.left - 24 || x > r.right + 24 || y < r.top - 24 || y > r.bottom + 24);
  const groups = gd.querySelectorAll('g.trace.choropleth');
  for (let t = 0, g = 0; t < gd.data.length; t++) {
    if (gd.data[t].type !== 'choropleth') continue;
    const i = (gd.data[t].locations || []).indexOf(iso3);
    const group = groups[g++];
    if (i < 0) continue;
    const path = group.querySelectorAll('path.choroplethlocation')[i];
    const box = path.getBoundingClientRect();
    const inverse = path.getScreenCTM().inverse();
    for (let fy = 0.1; fy < 0.95; fy += 0.03) for (let fx = 0.1; fx < 0.95; fx += 0.03) {
      const x = box.left + box.width * fx, y = box.top + box.height * fy;
      if (path.isPointInFill(new DOMPoint(x, y).matrixTransform(inverse)) && clear(x, y)) return [x, y];
    }
  }
  return null;
}"""


def test_overview_shows_the_counts_offline(offline_page, app_url):
    offline_page.goto(app_url)
    wait_for_app(offline_page)
    sites = offline_page.get_by_test_id("stMetric").filter(has_text="Sites").first
    assert str(len(load_dataset().sites)) in sites.inner_text()
    assert offline_page.get_by_test_id("stException").count() == 0


def test_map_draws_shapes_and_markers(offline_page, app_url):
    offline_page.goto(f"{app_url}/map")
    wait_for_app(offline_page)
    offline_page.wait_for_selector("path.choroplethlocation")
    shapes = offline_page.locator("path.choroplethlocation").count()
    markers = offline_page.locator("g.trace.scattergeo path.point").count()
    assert shapes >= 40
    assert markers == len(load_dataset().sites)


def test_clicking_a_country_opens_it(offline_page, app_url):
    offline_page.goto(f"{app_url}/map")
    wait_for_app(offline_page)
    offline_page.wait_for_selector("path.choroplethlocation")
    offline_page.evaluate("document.querySelector('.js-plotly-plot').scrollIntoView({block: 'center'})")
    point = offline_page.evaluate(FIND_POINT_IN_COUNTRY, "ROU")
    assert point, "no clickable point inside Romania"
    offline_page.mouse.click(*point)
    offline_page.get_by_role("heading", name="Romania", exact=True).wait_for()
    assert offline_page.get_by_test_id("stException").count() == 0


def test_map_to_country_to_site_to_source(offline_page, app_url):
    page = offline_page
    page.goto(f"{app_url}/map")
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation")
    page.evaluate("document.querySelector('.js-plotly-plot').scrollIntoView({block: 'center'})")
    page.mouse.click(*page.evaluate(FIND_POINT_IN_COUNTRY, "FRA"))
    page.get_by_role("heading", name="France", exact=True).wait_for()
    wait_for_app(page)
    marker = page.locator(".js-plotly-plot g.trace.scattergeo path.point").first
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_role("heading", name="Site profile", exact=True).wait_for()
    wait_for_app(page)
    links = page.locator('[data-testid="stMarkdownContainer"] a[href^="http"]')
    links.first.wait_for()
    assert links.count() >= 1
    assert not links.first.get_attribute("href").startswith("http://127.0.0.1")
