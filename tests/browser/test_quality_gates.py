"""Quality gates in a real browser: every view clean, hostile data inert, broken data survivable."""

import re
import urllib.request

import pytest

from atlas import pages as registry
from tests.browser.conftest import start_server, wait_for_app
from tests.conftest import build_broken
from tests.hostile import hostile_dataset

pytestmark = pytest.mark.browser

# Every page in the registry, at its example query (a profile shows its subject).
REAL_VIEWS = [f"/{p.url_path}" + (f"?{p.example}" if p.example else "") for p in registry.PAGES]
# The same pages on the hostile dataset, whose ids come from the mini fixture.
MINI_IDS = {"org_id=nscale": "org_id=nvidia", "site=fra-mistral-compute": "site=fra-cluster"}


def _on_mini(view: str) -> str:
    path, _, query = view.partition("?")
    return f"{path}?{MINI_IDS.get(query, query)}" if query else path


VIEWS = [_on_mini(v) for v in REAL_VIEWS]
# Streamlit's frontend probes for its base path under a page's URL (e.g. /map/_stcore/health) before
# falling back to the root; those 404s are the framework's, not the app's.
BASE_PATH_PROBE = re.compile(r"/[a-z_]+/_stcore/(health|host-config)$")


def console_errors(page) -> list[str]:
    errors: list[str] = []

    def record(message):
        url = (message.location or {}).get("url", "")
        if message.type == "error" and not BASE_PATH_PROBE.search(url):
            errors.append(f"{message.text} @ {url}")

    page.on("console", record)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    return errors


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    url, process = start_server({"ATLAS_DATA_DIR": str(hostile_dataset(tmp_path_factory.mktemp("hostile")))})
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.parametrize("view", REAL_VIEWS)
def test_every_view_renders_without_exception_or_console_error(offline_page, app_url, view):
    errors = console_errors(offline_page)
    offline_page.goto(app_url + view)
    wait_for_app(offline_page)
    assert offline_page.get_by_test_id("stException").count() == 0
    assert offline_page.get_by_test_id("stMain").inner_text().strip()
    assert errors == []


@pytest.mark.parametrize("view", VIEWS)
def test_hostile_data_is_inert_in_the_browser(offline_page, hostile_url, view):
    dialogs: list[str] = []
    offline_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    offline_page.goto(hostile_url + view)
    wait_for_app(offline_page)
    injected = offline_page.evaluate(
        """() => document.querySelectorAll('img[src="x"], img[src*="evil.example"], a[href^="javascript:"]').length
            + [...document.scripts].filter((s) => s.textContent.includes("alert(")).length"""
    )
    assert injected == 0
    assert dialogs == []
    assert offline_page.get_by_test_id("stException").count() == 0


def test_hostile_text_is_shown_literally(offline_page, hostile_url):
    offline_page.goto(hostile_url + "/site?site=fra-cluster")
    wait_for_app(offline_page)
    offline_page.get_by_text('<img src=x onerror="alert(1)">', exact=False).first.wait_for()


@pytest.mark.parametrize("defect", ["missing_file", "bad_encoding", "empty_file", "truncated_row"])
def test_broken_data_gives_an_error_page_and_the_server_keeps_running(page, tmp_path, defect):
    url, process = start_server({"ATLAS_DATA_DIR": str(build_broken(defect, tmp_path / "data"))})
    try:
        page.goto(url)
        page.get_by_role("heading", name="The data could not be loaded").wait_for(timeout=60_000)
        assert page.get_by_test_id("stException").count() == 0
        page.reload()
        page.get_by_role("heading", name="The data could not be loaded").wait_for(timeout=60_000)
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:  # noqa: S310 -- local URL
            assert response.status == 200
        assert process.poll() is None
    finally:
        process.terminate()
        process.wait(timeout=10)
