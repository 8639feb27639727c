"""Performance benchmarks: prints a table of figures against the targets. Measures; asserts nothing.

Usage: python bench/run_all.py [--quick] [--write docs/benchmarks.md]
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Session, percentile, rss_mb, start_server
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(ROOT))
QUERIES = [
    "country=FRA",
    "country=DEU,ITA",
    "status=operational",
    "as_of=2025-06-30",
    "kind=ai_factory",
    "org=nvidia",
    "programme=eurohpc-ai-factories",
    "",
]
CHROMIUM = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking"]


def render_ratio(atlas: str, hello: str, rounds: int) -> dict:
    """First full render of the Overview (every tile, the stage-split SVG drawn) ÷ a hello-world page, same browser, alternating."""
    ratios, atlas_times, hello_times = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM)
        for _ in range(rounds):
            hello_times.append(
                _time_page(
                    browser,
                    hello + "/",
                    "() => [...document.querySelectorAll('[data-testid=stMarkdown]')].some(e => e.innerText.includes('Hello'))",
                )
            )
            atlas_times.append(
                _time_page(
                    browser,
                    atlas + "/",
                    "() => document.querySelectorAll('[data-testid=stMetric]').length >= 11 && [...document.querySelectorAll('[data-testid=stImage] img')].some(i => i.complete && i.naturalWidth > 0)",
                )
            )
            ratios.append(atlas_times[-1] / hello_times[-1])
        browser.close()
    return {
        "ratio": statistics.median(ratios),
        "atlas_s": statistics.median(atlas_times),
        "hello_s": statistics.median(hello_times),
    }


# The first element that answers the page's question: a KPI tile, a table, a chart or a drawn image.
USEFUL = (
    "() => document.querySelector('[data-testid=stMain] [data-testid=stMetric],"
    " [data-testid=stMain] [data-testid=stDataFrame], [data-testid=stMain] .js-plotly-plot .main-svg,"
    " [data-testid=stMain] [data-testid=stImage] img')"
)
# A text page's useful element is its first section heading.
USEFUL_TEXT = "() => document.querySelector('[data-testid=stMain] [data-testid=stMarkdownContainer] h3')"
TEXT_PAGES = {"methodology"}


def first_useful(atlas: str, rounds: int) -> dict[str, tuple[float, float]]:
    """Median seconds to each registered page's first useful element: (first visit, return visit).

    A first visit is a fresh browser context (nothing cached: the plotly chunk is fetched and
    compiled); a return visit loads the page again in the same context, as a reader coming back.
    """
    from atlas import pages

    first: dict[str, list[float]] = {}
    again: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM)
        for _ in range(rounds):
            for page in pages.PAGES:
                path = f"/{page.url_path}" + (f"?{page.example}" if page.example else "")
                ready = USEFUL_TEXT if page.key in TEXT_PAGES else USEFUL
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                tab = context.new_page()
                tab.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
                first.setdefault(page.key, []).append(_visit(tab, atlas + path, ready, settle=False))
                again.setdefault(page.key, []).append(_visit(tab, atlas + path, ready, settle=False))
                context.close()
        browser.close()
    return {key: (statistics.median(first[key]), statistics.median(again[key])) for key in first}


def _visit(tab, url: str, ready: str, settle: bool = True) -> float:
    start = time.perf_counter()
    tab.goto(url)
    tab.wait_for_function(ready, timeout=120_000, polling=50)
    if settle:
        tab.wait_for_function(
            "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=120_000, polling=50
        )
    return time.perf_counter() - start


def _time_page(browser, url: str, ready: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    elapsed = _visit(tab, url, ready)
    context.close()
    return elapsed


async def reruns(url: str, page: str, n: int) -> dict:
    """Sequential reruns of one session after filter changes (warm caches), plus the first page's bytes."""
    async with Session(url) as session:
        await session.rerun(page, "")
        first_bytes = session.bytes_received[0]
        for q in QUERIES:  # warm every filter state once
            await session.rerun(page, q)
        session.timings.clear()
        for i in range(n):
            await session.rerun(page, QUERIES[i % len(QUERIES)])
        return {
            "p50": percentile(session.timings, 50),
            "p95": percentile(session.timings, 95),
            "first_bytes": first_bytes,
        }


async def long_running(url: str, page: str, n: int) -> dict:
    """`n` reruns of one session: p50 of the first and the last 100, to show growth on a long-running server."""
    async with Session(url) as session:
        for i in range(n):
            await session.rerun(page, QUERIES[i % len(QUERIES)])
        first, last = session.timings[:100], session.timings[-100:]
        return {"first_p50": percentile(first, 50), "last_p50": percentile(last, 50), "n": n}


async def first_page_bytes(url: str, page: str = "") -> int:
    async with Session(url) as session:
        await session.rerun(page, "")
        return session.bytes_received[0]


def map_json_kb() -> float:
    from atlas.load import load_dataset
    from atlas.metrics import country_table, site_table
    from figures.maps import europe_map

    ds = load_dataset()
    sites = site_table(ds)
    return len(europe_map(country_table(ds, sites), sites, "gpu_count", "absolute", "status").to_json()) / 1000


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import atlas.load, atlas.metrics, atlas.resolve; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout)


def scaled(factor: int, n: int) -> dict:
    """Rerun time and peak server memory on a synthetic dataset `factor` times larger."""
    from synthetic import generate

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), factor)
        start = time.perf_counter()
        url, process = start_server(env={"ATLAS_DATA_DIR": tmp})
        try:
            first = asyncio.run(first_page_bytes(url, "map"))
            load_s = time.perf_counter() - start
            result = asyncio.run(reruns(url, "map", n))
            result |= {"peak_mb": rss_mb(process.pid), "first_load_s": load_s, "first_bytes": first}
        finally:
            process.terminate()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, ×10 instead of ×100")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    rounds, n, factor = (3, 16, 10) if args.quick else (5, 40, 100)

    start = time.perf_counter()
    atlas, atlas_process = start_server()
    cold_start = time.perf_counter() - start
    hello, hello_process = start_server("bench/hello.py")
    load_before = os.getloadavg()
    try:
        ratio = render_ratio(atlas, hello, rounds)
        useful = first_useful(atlas, max(rounds // 2, 1))
        map_run = asyncio.run(reruns(atlas, "map", n))
        growth = asyncio.run(long_running(atlas, "map", 200 if args.quick else 1000))
        overview_bytes = asyncio.run(first_page_bytes(atlas, ""))
        base_rss = rss_mb(atlas_process.pid)
    finally:
        atlas_process.terminate()
        hello_process.terminate()
    big = scaled(factor, n)
    rows = [
        (
            f"Overview first full render ÷ hello world (median of {rounds}, alternating)",
            f"{ratio['ratio']:.2f} ({ratio['atlas_s']:.2f} s ÷ {ratio['hello_s']:.2f} s)",
            "≤ 1.3",
        ),
        (
            "Rerun after a filter change, map page (p50 / p95)",
            f"{map_run['p50'] * 1000:.0f} / {map_run['p95'] * 1000:.0f} ms",
            "p50 ≤ 50 ms, p95 ≤ 100 ms",
        ),
        (
            f"Map rerun p50, first 100 → last 100 of {growth['n']:,} reruns (one session)",
            f"{growth['first_p50'] * 1000:.0f} → {growth['last_p50'] * 1000:.0f} ms",
            "no growth",
        ),
        (
            "Slowest page to its first useful element, first visit / return visit",
            "{} {:.2f} s / {} {:.2f} s".format(
                *max(((k, v[0]) for k, v in useful.items()), key=lambda kv: kv[1]),
                *max(((k, v[1]) for k, v in useful.items()), key=lambda kv: kv[1]),
            ),
            "≤ 3 s",
        ),
        *[
            (f"  first useful element: {key} (first / return visit)", f"{a:.2f} / {b:.2f} s", "≤ 3 s")
            for key, (a, b) in useful.items()
        ],
        ("Map figure JSON", f"{map_json_kb():.0f} KB", "≤ 150 KB"),
        (
            "Websocket bytes, first page (Overview / map)",
            f"{overview_bytes / 1000:.0f} KB / {map_run['first_bytes'] / 1000:.0f} KB",
            "≤ 1 MB",
        ),
        (
            f"×{factor} dataset: rerun p50 ÷ ×1 rerun p50",
            f"{big['p50'] / map_run['p50']:.2f} ({big['p50'] * 1000:.0f} ms vs {map_run['p50'] * 1000:.0f} ms)",
            "≤ 3",
        ),
        (f"×{factor} dataset: server RSS (vs ×1)", f"{big['peak_mb']:.0f} MB (vs {base_rss:.0f} MB)", "reported"),
        (
            f"×{factor} dataset: start + first map page",
            f"{big['first_load_s']:.1f} s, {big['first_bytes'] / 1e6:.1f} MB on the websocket",
            "reported",
        ),
        ("Import time of the core package", f"{import_time() * 1000:.0f} ms", "reported"),
        ("Cold start to /_stcore/health OK", f"{cold_start:.2f} s", "reported"),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"| {'measurement':<{width}} | value | target |", f"|{'-' * (width + 2)}|---|---|"] + [
        f"| {a:<{width}} | {b} | {c} |" for a, b, c in rows
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        (ROOT / args.write).write_text(
            f"# Benchmarks\n\nMeasured by `python bench/run_all.py` on this machine ({os.cpu_count()} cores),"
            f" {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average at the start"
            f" {' '.join(f'{x:.2f}' for x in load_before)}. Concurrency (50 sessions) is measured by"
            f" `make load` (docs/load-soak.md).\n\n{text}\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
