"""Browser tests on the system Chromium against a real server, with the network limited to 127.0.0.1."""

import pytest

from atlas.load import load_dataset
from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

FIND_POINT_IN_COUNTRY = """(iso3) => {
  // A screen point inside the country's shape and clear of every site marker.
  const gd = document.querySelector('.js-plotly-plot');
  const markers = [...gd.querySelectorAll('g.trace.scattergeo path.point')].map(m => m.getBoundingClientRect());
  const clear = (x, y) => markers.every(r => x < r.left - 3 || x > r.right + 3 || y < r.top - 3 || y > r.bottom + 3);
  const groups = gd.querySelectorAll('g.trace.choropleth');
  for (let t = 0, g = 0; t < gd.data.length; t++) {
    if (gd.data[t].type !== 'choropleth') continue;
    const i = (gd.data[t].locations || []).indexOf(iso3);
    const group = groups[g++];
    if (i < 0) continue;
    const path = group.querySelectorAll('path.choroplethlocation')[i];
    const box = path.getBoundingClientRect();
    const inverse = path.getScreenCTM().inverse();
    for (let fy = 0.3; fy < 0.8; fy += 0.04) for (let fx = 0.3; fx < 0.8; fx += 0.04) {
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
    point = offline_page.evaluate(FIND_POINT_IN_COUNTRY, "ESP")
    assert point, "no clickable point inside Spain"
    offline_page.mouse.click(*point)
    offline_page.get_by_role("heading", name="Spain").wait_for()
    assert offline_page.get_by_test_id("stException").count() == 0
