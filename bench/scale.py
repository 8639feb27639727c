"""Figures at synthetic scale (default ×250, about 200,000 claims): per-page first render and websocket
bytes, the server's memory, the ZIP download's cost per click and the HTML report's memory.

Pages are measured over Streamlit's own protocol (bench/common.py's Session): each page in a fresh
session, so the time includes what that page computes but not the browser's drawing. The ZIP and the
report are measured in-process, calling what the download buttons call.

Usage: python bench/scale.py [--data DIR | --factor 250] [--pages overview,country,...]
Targets (issue 15): every page's first render ≤ 5 s, ≤ 2 MB on the websocket.
"""

import argparse
import asyncio
import gc
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Session, rss_mb, start_server

from atlas import pages as registry

# (label, page url path, query string) of each measured page: every page of the registry at its
# example (the synthetic copies keep the original ids, so the examples exist there too).
PAGES = [(p.key, p.url_path, p.example) for p in registry.PAGES]
TARGET_S, TARGET_MB = 5.0, 2.0


async def page_figures(url: str, pages) -> list[dict]:
    rows = []
    for label, page, query in pages:
        async with Session(url) as session:
            try:
                seconds = await session.rerun(page, query, timeout=600)
                rows.append(
                    {"page": label, "s": seconds, "mb": session.bytes_received[0] / 1e6, "errors": session.errors}
                )
            except TimeoutError:
                rows.append({"page": label, "s": float("inf"), "mb": float("nan"), "errors": ["timeout"]})
        print(
            f"  {label:<14} {rows[-1]['s']:7.2f} s {rows[-1]['mb']:7.2f} MB {'; '.join(rows[-1]['errors'])}", flush=True
        )
    return rows


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_process(directory: Path) -> dict:
    """The ZIP click and the report, as the buttons run them, with time and memory."""
    os.environ["ATLAS_DATA_DIR"] = str(directory)
    from atlas.filters import Filters
    from atlas.load import load_dataset

    start = time.perf_counter()
    ds = load_dataset(directory)
    out = {"load_s": time.perf_counter() - start}
    gc.collect()
    base = rss_mb(os.getpid())
    from components import downloads

    zip_click = getattr(downloads, "zip_bytes", None) or (lambda d: downloads._zip_bytes(str(d.directory)))
    for i in range(2):
        start = time.perf_counter()
        data = zip_click(ds)
        out[f"zip_click{i + 1}_s"] = time.perf_counter() - start
    out["zip_mb"] = len(data) / 1e6
    del data
    gc.collect()
    out["zip_peak_mb"] = peak_mb() - base
    from figures.report import build_html

    gc.collect()
    before = rss_mb(os.getpid())
    start = time.perf_counter()
    html = build_html(ds, Filters())
    out["report_s"] = time.perf_counter() - start
    out["report_mb"] = len(html.encode("utf-8")) / 1e6
    out["report_rss_growth_mb"] = rss_mb(os.getpid()) - before
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="an existing synthetic data directory")
    parser.add_argument("--factor", type=int, default=250)
    parser.add_argument("--pages", default="", help="comma-separated labels (default: every page)")
    parser.add_argument("--skip-server", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.data
        if directory is None:
            from synthetic import generate

            directory = Path(tmp)
            generate(directory, args.factor)
        wanted = [p for p in PAGES if not args.pages or p[0] in args.pages.split(",")]
        if not args.skip_server:
            start = time.perf_counter()
            url, process = start_server(env={"ATLAS_DATA_DIR": str(directory)})
            print(f"server healthy after {time.perf_counter() - start:.1f} s; pages (fresh session each):")
            try:
                rows = asyncio.run(page_figures(url, wanted))
                print(f"server RSS after the pages: {rss_mb(process.pid):.0f} MB")
            finally:
                process.terminate()
                process.wait()
            over = [r["page"] for r in rows if r["s"] > TARGET_S or r["mb"] > TARGET_MB]
            print(f"pages over target (>{TARGET_S:.0f} s or >{TARGET_MB:.0f} MB): {', '.join(over) or 'none'}")
        figures = in_process(directory)
        for key, value in figures.items():
            print(f"  {key:<22} {value:8.2f}")


if __name__ == "__main__":
    main()
