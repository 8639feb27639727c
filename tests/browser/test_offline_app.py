"""Browser tests on the system Chromium against a real server, with the network limited to 127.0.0.1."""

import pytest
from playwright.sync_api import expect

from atlas.load import load_dataset
from atlas.metrics import site_table
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
    # the tile labelled exactly "Sites" ("Itemised sites …" also contains the word); expect() retries while the page settles
    sites = offline_page.get_by_test_id("stMetric").filter(has=offline_page.get_by_text("Sites", exact=True))
    expect(sites).to_have_count(1)
    expect(sites).to_contain_text(f"{len(site_table(load_dataset())):,}")  # the sites known at the data's as-of
    assert offline_page.get_by_test_id("stException").count() == 0


def _markers(page, url: str) -> tuple[int, int]:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation", state="attached")  # a zoomed map clips some shapes
    page.wait_for_selector("g.trace.scattergeo path.point", state="attached")
    return page.locator("path.choroplethlocation").count(), page.locator("g.trace.scattergeo path.point").count()


def test_map_draws_shapes_and_one_marker_per_placed_site(offline_page, app_url):
    sites = site_table(load_dataset())
    placed = sites[sites.latitude.notna() & sites.longitude.notna()]
    shapes, markers = _markers(offline_page, f"{app_url}/map")
    assert shapes >= 40
    assert markers == len(placed)
    _, german = _markers(offline_page, f"{app_url}/map?country=DEU")
    assert 0 < german == int((placed.country == "DEU").sum()) < markers


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


def test_csv_download_of_a_filtered_view_matches_the_table(offline_page, app_url, tmp_path):
    import pandas as pd

    page = offline_page
    page.goto(f"{app_url}/map?country=DEU,FRA&status=operational")
    wait_for_app(page)
    expander = page.get_by_test_id("stExpander").filter(has_text="Sites shown on the map")
    expander.get_by_text("Sites shown on the map").click()
    with page.expect_download() as info:
        expander.get_by_test_id("stDownloadButton").click()
    path = tmp_path / "sites.csv"
    info.value.save_as(path)
    downloaded = pd.read_csv(path, encoding="utf-8-sig")
    from atlas.filters import Filters, apply
    from atlas.metrics import site_table

    ds = load_dataset()
    expected = apply(site_table(ds), ds.roles, Filters(countries=("DEU", "FRA"), statuses=("operational",)))
    assert sorted(downloaded.site_id) == sorted(expected.site_id)
    assert set(downloaded.country) == {"DEU", "FRA"} and set(downloaded.status) == {"operational"}
    assert downloaded.source_urls.str.startswith("http").all()
    assert (downloaded.as_of == f"{ds.as_of:%Y-%m-%d}").all()


def test_report_opens_offline_and_draws_the_map(page, tmp_path):
    from figures.report import write_report

    out = tmp_path / "report.html"
    write_report(load_dataset(), out, "country=ITA,ESP")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(out.as_uri())
    page.wait_for_selector("path.choroplethlocation")
    assert page.locator("path.choroplethlocation").count() >= 40
    assert page.locator("g.trace.scattergeo path.point").count() >= 1
    assert requests == [out.as_uri()]


def test_presentation_mode_steps_through_stories(offline_page, app_url):
    page = offline_page
    page.goto(f"{app_url}/?present=1&story=1")
    wait_for_app(page)
    bar = page.locator(".st-key-story_bar")
    expect(bar).to_contain_text("1/")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    page.get_by_role("button", name="▶", exact=True).click()
    expect(bar).to_contain_text("2/", timeout=30_000)
    wait_for_app(page)
    page.wait_for_selector("path.choroplethlocation")
    assert "present=1" in page.url and "story=2" in page.url


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_chart_toolbar_downloads_png_and_svg_offline(offline_page, app_url, fmt):
    page = offline_page
    page.goto(f"{app_url}/map")
    wait_for_app(page)
    page.locator("[data-testid=stSidebar] [data-testid=stButtonGroup] button").filter(has_text=fmt.upper()).click()
    wait_for_app(page)
    page.locator(".js-plotly-plot").first.hover()
    # plotly titles the button "Download plot as a PNG" for PNG and just "Download plot" otherwise
    title = "Download plot as a PNG" if fmt == "png" else "Download plot"
    button = page.locator(f".modebar-btn[data-title='{title}']").first
    with page.expect_download() as info:
        button.click(force=True)
    assert info.value.suggested_filename.endswith(f".{fmt}")
