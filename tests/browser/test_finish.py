"""The reader's finish, checked in a browser at desktop, laptop and phone sizes.

Presentation mode opens each story on its subject and steps with the keyboard; the sidebar
search opens a profile; tables show people words, not codes or "None"; the map fills its panel.
"""

import pytest
from playwright.sync_api import expect

from atlas.load import load_dataset
from components.present import story_subject, story_target
from tests.browser.conftest import SIZES, open_at, wait_for_app

pytestmark = pytest.mark.browser
expect.set_options(timeout=20_000)  # a loaded 2-core CI machine renders slowly

FORBIDDEN = ["None", "nan", "NaN", "<NA>", "data_centre_campus", "under_construction", "gpu_count", "site_id", "iso3"]


def stories():
    ds = load_dataset()
    return [int(n) for n in ds.stories.story_id]


@pytest.mark.parametrize("size", ["desktop", "laptop"])
@pytest.mark.parametrize("number", stories())
def test_each_story_opens_on_its_subject(offline_page, app_url, number, size):
    ds = load_dataset()
    page_path, query = story_target(ds, number)
    story = ds.stories.set_index("story_id").loc[number]
    path = {"views/overview.py": "/"}.get(page_path, "/" + page_path.split("/")[1].removesuffix(".py"))
    path = path.replace("europe_map", "map")
    url = app_url + path + "?" + "&".join(f"{k}={v}" for k, v in query.items())
    open_at(offline_page, url, size)
    bar = offline_page.locator(".st-key-story_bar")
    expect(bar).to_contain_text(str(story.title).split(":")[0][:20])
    height = SIZES[size][1]
    assert bar.bounding_box()["y"] + bar.bounding_box()["height"] < height * 0.36, "the story bar stays compact"
    params = {k: v for k, v in query.items() if k not in {"present", "story"}}
    subject = story_subject(str(story.page), params)
    if subject is None:
        target = offline_page.locator('[data-testid="stHeading"]:visible').first  # the page title is hidden
    else:
        target = offline_page.locator(f".st-key-{subject}")
    expect(target).to_be_visible()
    offline_page.wait_for_function(
        "([sel, h]) => { const e = document.querySelector(sel); if (!e) return false;"
        " const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < h * 0.6; }",
        arg=[f".st-key-{subject}" if subject else '[data-testid="stMetric"], [data-testid="stHeading"]', height],
        timeout=15_000,
    )


def test_arrow_keys_step_through_the_stories(offline_page, app_url):
    open_at(offline_page, app_url + "/?present=1&story=1", "desktop")
    offline_page.get_by_test_id("stMain").click(position={"x": 5, "y": 300})
    keys_ready = "() => typeof window.atlasStoryKeys === 'function'"  # the key listener's frame has loaded
    offline_page.wait_for_function(keys_ready, timeout=30_000)  # under load (CI) it can lag the first paint
    expect(offline_page.locator(".st-key-story_next button").first).to_be_enabled(timeout=20_000)
    offline_page.keyboard.press("ArrowRight")
    expect(offline_page.locator(".st-key-story_bar")).to_contain_text("2/", timeout=20_000)
    wait_for_app(offline_page)
    offline_page.wait_for_function(keys_ready, timeout=30_000)
    offline_page.keyboard.press("ArrowLeft")
    expect(offline_page.locator(".st-key-story_bar")).to_contain_text("1/", timeout=20_000)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_search_opens_a_profile_by_town(offline_page, app_url, size):
    open_at(offline_page, app_url + "/", size)
    if size == "phone":
        offline_page.get_by_test_id("stExpandSidebarButton").click()
    box = offline_page.get_by_test_id("stSelectbox").filter(has_text="Search")
    box.locator("input").click()
    box.locator("input").fill("Bruyères")
    offline_page.get_by_role("option").filter(has_text="Mistral Compute").first.click()
    wait_for_app(offline_page)
    expect(offline_page.get_by_test_id("stHeading").filter(has_text="Site profile")).to_be_visible()
    expect(offline_page.get_by_test_id("stHeading").filter(has_text="Mistral Compute")).to_be_visible()
    assert "country=" not in offline_page.url


def test_search_opens_what_gtc_paris_named_and_a_row_opens_its_site(offline_page, app_url):
    open_at(offline_page, app_url + "/", "laptop")
    box = offline_page.get_by_test_id("stSelectbox").filter(has_text="Search")
    box.locator("input").click()
    box.locator("input").fill("GTC Paris")
    offline_page.get_by_role("option").filter(has_text="programme").first.click()
    wait_for_app(offline_page)
    expect(offline_page.get_by_test_id("stHeading").filter(has_text="Programme profile")).to_be_visible()
    assert "programme_id=nvidia-gtc-paris-2025" in offline_page.url
    assert "programme=" not in offline_page.url.replace("programme_id=", ""), "the profile must not set the filter"
    sites = offline_page.locator(".st-key-table_programme_sites")
    expect(sites).to_contain_text("Mistral Compute")
    claims = offline_page.locator(".st-key-table_programme_claims")
    expect(claims).to_contain_text("3,000 exaflops")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(
    "view",
    ["/map", "/country?iso3=FRA", "/site?site=fra-mistral-compute", "/programme?programme_id=nvidia-gtc-paris-2025"],
)
def test_visible_tables_show_no_codes_or_none(offline_page, app_url, view, size):
    open_at(offline_page, app_url + view, size)
    offline_page.wait_for_selector('[data-testid="stDataFrame"]')
    offline_page.wait_for_timeout(1000)
    headers = offline_page.locator('[data-testid="stDataFrame"] [role="columnheader"]').all_inner_texts()
    cells = offline_page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_inner_texts()
    assert headers, "the grid exposes its headers"
    shown = [t.strip() for t in headers + cells if not t.strip().startswith("http")]  # links read as their URL
    bad = sorted({t for t in shown if t in FORBIDDEN or ("_" in t and " " not in t and t.islower())})
    assert not bad, f"{view} at {size}: {bad[:5]}"


def test_opening_a_country_from_the_map_keeps_the_overview_unfiltered(offline_page, app_url):
    open_at(offline_page, app_url + "/country?iso3=DEU", "desktop")
    expect(offline_page.get_by_test_id("stHeading").filter(has_text="Germany")).to_be_visible()
    offline_page.get_by_test_id("stSidebarNav").get_by_text("Overview").click()
    wait_for_app(offline_page)
    assert "country=" not in offline_page.url
    expect(offline_page.get_by_test_id("stMultiSelect").filter(has_text="Country")).not_to_contain_text("Germany")


@pytest.mark.parametrize("size", list(SIZES))
def test_the_map_fills_its_panel(offline_page, app_url, size):
    open_at(offline_page, app_url + "/map", size)
    offline_page.wait_for_selector(".st-key-europe_map .js-plotly-plot .geolayer path")
    panel = offline_page.locator(".st-key-europe_map").bounding_box()
    geo = offline_page.locator(".st-key-europe_map .geolayer").bounding_box()
    # Europe keeps its shape, so it fills the panel in one direction: the whole width on a narrow
    # panel, or the height left by the colour bar above and the legend below (about 80%) on a wide one.
    fills_width = geo["width"] >= 0.95 * panel["width"]
    fills_height = geo["height"] >= 0.75 * panel["height"]
    assert fills_width or fills_height, (geo, panel)
    legend = offline_page.locator(".st-key-europe_map .legend").bounding_box()
    bar = offline_page.locator(".st-key-europe_map .colorbar").bounding_box()
    assert legend["y"] >= geo["y"] + geo["height"] - 1, "the legend sits below the map"
    assert bar["y"] + bar["height"] <= geo["y"] + 1, "the colour bar sits above the map"
    title = offline_page.locator(".st-key-europe_map .cbtitle").first.text_content()
    assert "<br>" not in title


NO_SIDEWAYS = """() => [document.documentElement, document.querySelector('[data-testid="stMain"]')]
    .filter(Boolean).every((e) => e.scrollWidth <= e.clientWidth + 1)"""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(
    "view",
    [
        "/",
        "/map",
        "/country?iso3=FRA",
        "/site?site=fra-mistral-compute",
        "/programme?programme_id=nvidia-gtc-paris-2025",
        "/?present=1&story=1",
    ],
)
def test_no_page_scrolls_sideways(offline_page, app_url, view, size):
    open_at(offline_page, app_url + view, size)
    offline_page.wait_for_timeout(1000)  # charts and tables size themselves after the first paint
    assert offline_page.evaluate(NO_SIDEWAYS), f"{view} at {size} scrolls sideways"
