"""Load and soak harness: protocol-level Streamlit sessions against a real server on loopback.

Load: N concurrent sessions (default 50) each open the map page and change filters R times;
reports failures, p50/p95/p99 rerun time and the server's RSS per session.
Soak: W waves of N sessions that connect, interact and disconnect; RSS after each wave must
plateau (wave W ≤ wave 1 + 50 MB).

By default the sessions go through `make serve`'s setup (deploy/serve.py: one replica per core
behind nginx, sticky); `--replicas 1` measures one bare Streamlit process instead.

Usage: python bench/load.py [--sessions 50] [--reruns 5] [--waves 3] [--replicas N] [--write docs/load-soak.md]
"""

import argparse
import asyncio
import gc
import os
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, Session, free_port, rss_mb, start_server, summary, wait_healthy

QUERIES = [
    "",
    "country=FRA",
    "country=DEU,ITA&metric=power_mw",
    "status=operational",
    "as_of=2025-06-30",
    "kind=ai_factory&scale=per_million",
    "metric=h100e",
    "org=nvidia",
]
# A short reconnect window so that disconnected sessions are reclaimed within a soak wave.
SERVER_FLAGS = ["--server.disconnectedSessionTTL", "5"]


async def one_session(
    url: str, reruns: int, offset: int, ready: list | None = None, hold: asyncio.Event | None = None
) -> Session:
    """Open the map, change filters `reruns` times, then (under load) hold the connection until told."""
    session = Session(url)
    try:
        async with session:
            await session.rerun("map", "")
            for i in range(reruns):
                await session.rerun("map", QUERIES[(offset + i) % len(QUERIES)])
            if ready is not None:
                ready.append(session)
            if hold is not None:
                await hold.wait()
    except Exception as exc:
        session.errors.append(f"{type(exc).__name__}: {exc}")
    return session


async def load(url: str, pids: list[int], sessions: int, reruns: int) -> dict:
    """All sessions at once; RSS is read while every session is still connected."""
    baseline = total_rss(pids)
    ready: list[Session] = []
    hold = asyncio.Event()
    tasks = [asyncio.create_task(one_session(url, reruns, i, ready, hold)) for i in range(sessions)]
    while len(ready) + sum(t.done() for t in tasks) < sessions:
        await asyncio.sleep(0.2)
    peak = total_rss(pids)
    hold.set()
    done = await asyncio.gather(*tasks)
    first = [s.timings[0] for s in done if s.timings]
    later = [t for s in done for t in s.timings[1:]]
    failures = [e for s in done for e in s.errors]
    return {
        "baseline_mb": baseline,
        "peak_mb": peak,
        "per_session_mb": (peak - baseline) / sessions,
        "first_load": summary(first),
        "rerun": summary(later),
        "failures": failures,
        "sessions": sessions,
    }


async def soak(url: str, pids: list[int], sessions: int, reruns: int, waves: int) -> list[dict]:
    results = []
    for wave in range(1, waves + 1):
        done = await asyncio.gather(*(one_session(url, reruns, wave + i) for i in range(sessions)))
        await asyncio.sleep(8)  # past the 5 s reconnect window, so the server drops the sessions
        gc.collect()
        results.append(
            {
                "wave": wave,
                "rss_mb": total_rss(pids),
                "failures": sum(len(s.errors) for s in done),
                "errors": [e for s in done for e in s.errors][:3],
                "rerun": summary([t for s in done for t in s.timings[1:]]),
            }
        )
    return results


def total_rss(pids: list[int]) -> float:
    return sum(rss_mb(pid) for pid in pids)


def serve(replicas: int) -> tuple[str, subprocess.Popen, list[int]]:
    """`make serve` on a free port: (nginx URL, the serve process, the replicas' pids)."""
    port = free_port()
    command = [sys.executable, "deploy/serve.py", "--port", str(port), "--replicas", str(replicas)]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ}, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, timeout=120)
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True, check=True)
    pids = [int(p) for p in children.stdout.split()]
    replica_pids = [p for p in pids if "streamlit" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")]
    return url, process, replica_pids


def report(load_result: dict, soak_result: list[dict], startup: float, replicas: int = 1) -> str:
    r, f = load_result["rerun"], load_result["first_load"]
    lines = [
        "# Load and soak results",
        "",
        f"Measured by `python bench/load.py` on this machine (2 cores), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "Protocol-level clients: each rerun is a BackMsg on `/_stcore/stream` (map page, changing filters); timings are",
        "from sending the BackMsg to receiving `script_finished`.",
        f"Served by {'`make serve`: ' + str(replicas) + ' replicas behind nginx' if replicas > 1 else 'one Streamlit process'};"
        f" load average before the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "",
        "## Load",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| concurrent sessions | {load_result['sessions']} | 50 |",
        f"| failures | {len(load_result['failures'])} | 0 |",
        f"| first load p50 / p95 / p99 | {f['p50']:.2f} / {f['p95']:.2f} / {f['p99']:.2f} s | |",
        f"| rerun p50 / p95 / p99 ({r['n']} reruns) | {r['p50']:.2f} / {r['p95']:.2f} / {r['p99']:.2f} s | p95 ≤ 1 s |",
        f"| server RSS before / with all sessions (all replicas) | {load_result['baseline_mb']:.0f} / {load_result['peak_mb']:.0f} MB | |",
        f"| RSS per session | {load_result['per_session_mb']:.2f} MB | ≤ 3 MB |",
        f"| server start to health OK | {startup:.1f} s | |",
        "",
        "## Soak",
        "",
        "| wave | RSS after wave | failures | rerun p95 |",
        "|---|---|---|---|",
        *[f"| {w['wave']} | {w['rss_mb']:.0f} MB | {w['failures']} | {w['rerun']['p95']:.2f} s |" for w in soak_result],
    ]
    if soak_result:
        growth = soak_result[-1]["rss_mb"] - soak_result[0]["rss_mb"]
        lines += ["", f"Plateau check: wave {soak_result[-1]['wave']} − wave 1 = {growth:+.0f} MB (target ≤ +50 MB)."]
    soak_errors = [e for w in soak_result for e in w.get("errors", [])]
    if soak_errors:
        lines += ["", "Soak failures (first 3 of each wave):", *[f"- {e}" for e in soak_errors]]
    if load_result["failures"]:
        lines += ["", "Failures (first 5):", *[f"- {e}" for e in load_result["failures"][:5]]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--reruns", type=int, default=5)
    parser.add_argument("--waves", type=int, default=3)
    parser.add_argument("--replicas", type=int, default=os.cpu_count() or 1, help="default: the core count")
    parser.add_argument("--write", type=Path, help="also write the Markdown table here")
    args = parser.parse_args()
    # A short reconnect window so that the soak's disconnected sessions are reclaimed within a wave.
    os.environ["STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL"] = "5"
    start = time.perf_counter()
    if args.replicas > 1:
        url, process, pids = serve(args.replicas)
    else:
        url, process = start_server(extra=SERVER_FLAGS)
        pids = [process.pid]
    startup = time.perf_counter() - start
    try:
        for _ in range(2 * args.replicas):  # each new session lands on some replica: warm them all
            asyncio.run(warm_up(url))
        load_result = asyncio.run(load(url, pids, args.sessions, args.reruns))
        soak_result = asyncio.run(soak(url, pids, args.sessions, args.reruns, args.waves))
    finally:
        process.terminate()
        process.wait(timeout=30)
    text = report(load_result, soak_result, startup, args.replicas)
    print(text)
    if args.write:
        (ROOT / args.write).write_text(text, encoding="utf-8")


async def warm_up(url: str) -> None:
    """One session through every query, so caches are warm before measuring."""
    async with Session(url) as session:
        for query in QUERIES:
            await session.rerun("map", query)


if __name__ == "__main__":
    main()
