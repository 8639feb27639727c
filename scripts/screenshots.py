"""Screenshots of every view into docs/screenshots/ (needs Debian's chromium), named <view>-<W>x<H>.png.

Every page in the registry at laptop size (1280×720, the first screen a reader sees), the main
pages also at desktop (1920×1080) and phone (390×844) size, and each presentation story at the
two projector sizes. Only requests to the app's own host are let through.

Usage: python scripts/screenshots.py [BASE_URL]   (default: starts its own server)
"""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from atlas import pages as registry  # noqa: E402 -- after the repository root is on the path
from atlas.load import load_dataset  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZES = {"desktop": (1920, 1080), "laptop": (1280, 720), "phone": (390, 844)}
EVERY_SIZE = {"overview", "map", "country", "programme", "sites"}
# Elements below the first screen, shot on their own: (file name, path, element key).
ELEMENTS = [
    ("timeline-totals-over-time", "/timeline", "tl_totals_over_time"),
    ("overview-headline-itemised", "/?detail=1", "reconciliation"),
    ("programme-gtc-sites", "/programme?programme_id=nvidia-gtc-paris-2025", "table_programme_sites"),
    ("programme-gtc-claims", "/programme?programme_id=nvidia-gtc-paris-2025", "table_programme_claims"),
    ("network-partners", "/network?country=FRA", "network_partners"),
]


def shots() -> list[tuple[str, str, tuple[int, int]]]:
    """(file name, path, viewport) of every screenshot."""
    out = []
    for page in registry.PAGES:
        path = f"/{page.url_path}" + (f"?{page.example}" if page.example else "")
        for size in SIZES.values() if page.key in EVERY_SIZE else [SIZES["laptop"]]:
            out.append((f"{page.key}-{size[0]}x{size[1]}", path, size))
    for story in load_dataset().stories.itertuples():
        query = f"{story.query}&" if isinstance(story.query, str) and story.query else ""
        path = f"/{registry.page(story.page).url_path}?{query}present=1&story={story.story_id}"
        for size in (SIZES["desktop"], SIZES["laptop"]):
            out.append((f"present-story{story.story_id}-{size[0]}x{size[1]}", path, size))
    return out


def serve(port: int) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 -- fixed command line
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return process
        except OSError:
            time.sleep(0.3)
    raise SystemExit("server did not start")


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else None
    process = None if base else serve(8765)
    base = base or "http://127.0.0.1:8765"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
        )
        for name, path, (width, height) in shots():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
            page.goto(base + path)
            page.wait_for_selector('[data-testid="stApp"]')
            page.wait_for_selector('[data-testid="stMain"] [data-testid="stElementContainer"]', timeout=60_000)
            page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
            page.wait_for_timeout(2500)
            page.screenshot(path=OUT / f"{name}.png")
            page.close()
            print(f"docs/screenshots/{name}.png")
        for name, path, key in ELEMENTS:
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
            page.goto(base + path)
            element = page.locator(f".st-key-{key}")
            element.wait_for(timeout=60_000)
            page.wait_for_timeout(2500)
            element.scroll_into_view_if_needed()
            element.screenshot(path=OUT / f"{name}-1280x720.png")
            page.close()
            print(f"docs/screenshots/{name}-1280x720.png")
        browser.close()
    if process:
        process.terminate()


if __name__ == "__main__":
    main()
