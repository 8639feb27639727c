"""Capture a screenshot of every view into docs/screenshots/ (needs Debian's chromium).

Usage: python scripts/screenshots.py [BASE_URL]   (default: starts its own server)
"""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
VIEWS = {
    "overview": "/",
    "map": "/map",
    "timeline": "/timeline",
    "network": "/network?country=FRA",
    "compare": "/compare?compare=FRA,DEU,GBR,ITA,ESP",
    "country": "/country?iso3=FRA",
    "organisation": "/organisation?org_id=nscale",
    "site": "/site?site=fra-mistral-compute",
    "sources": "/sources",
    "coverage": "/coverage",
    "methodology": "/methodology",
}


def serve(port: int) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 -- fixed command line
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port)],
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
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
        for name, path in VIEWS.items():
            page.goto(base + path)
            page.wait_for_selector('[data-testid="stApp"]')
            page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
            page.wait_for_timeout(2500)
            page.screenshot(path=OUT / f"{name}.png")
            print(f"docs/screenshots/{name}.png")
        browser.close()
    if process:
        process.terminate()


if __name__ == "__main__":
    main()
