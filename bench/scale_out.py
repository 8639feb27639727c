"""Scale-out check: 2 Atlas replicas and nginx (Debian's package) on loopback, 100 sessions.

Each session does what a browser does: GET / (nginx assigns the `atlas_sid` cookie and reports
the replica in X-Atlas-Upstream), then opens the websocket with that cookie and runs the map
page. The check passes when both replicas served sessions, every session's websocket reached the
replica its first request did (sticky), and no session failed.

Usage: python bench/scale_out.py [--sessions 100] [--replicas 2]
"""

import argparse
import asyncio
import secrets
import shutil
import subprocess
import sys
import urllib.request
from collections import Counter
from pathlib import Path

from common import ROOT, Session, free_port, start_server, wait_healthy

sys.path.insert(0, str(ROOT))
from deploy.serve import start_nginx


def nginx_in_front(upstreams: list[str]) -> tuple[str, subprocess.Popen, Path]:
    """nginx as `make serve` starts it, on a free loopback port; returns (URL, process, prefix)."""
    port = free_port()
    process, prefix = start_nginx(upstreams, f"127.0.0.1:{port}")
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, timeout=20)
    except TimeoutError:
        raise SystemExit(f"nginx did not answer: {(prefix / 'error.log').read_text()[-500:]}") from None
    return url, process, prefix


async def browser_like_session(url: str) -> dict:
    def first_request():
        with urllib.request.urlopen(url + "/", timeout=30) as response:  # noqa: S310 -- loopback URL
            return response.headers.get("X-Atlas-Upstream"), response.headers.get("Set-Cookie", "").split(";")[0]

    result = {"ok": False}
    try:
        upstream, cookie = await asyncio.to_thread(first_request)
        session = Session(url, headers={"Cookie": cookie})
        async with session:
            await session.rerun("map", "")
            result |= {"sid": cookie.partition("=")[2], "http_upstream": upstream, "ok": not session.errors}
    except Exception as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    return result


def websocket_upstreams(access_log: Path) -> dict[str, str]:
    """Sticky id → the replica that served its websocket, from nginx's access log."""
    found = {}
    for line in access_log.read_text().splitlines():
        sid, upstream, _status, uri = line.split(" ", 3)
        if uri == "/_stcore/stream":
            found[sid] = upstream
    return found


async def run_sessions(url: str, sessions: int, concurrency: int = 20) -> list[dict]:
    gate = asyncio.Semaphore(concurrency)

    async def guarded():
        async with gate:
            return await browser_like_session(url)

    return await asyncio.gather(*(guarded() for _ in range(sessions)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--replicas", type=int, default=2)
    args = parser.parse_args()
    secret = secrets.token_hex(32)
    replicas = [start_server(env={"STREAMLIT_SERVER_COOKIE_SECRET": secret}) for _ in range(args.replicas)]
    upstreams = [url.removeprefix("http://") for url, _ in replicas]
    nginx_url, nginx, prefix = nginx_in_front(upstreams)
    try:
        results = asyncio.run(run_sessions(nginx_url, args.sessions))
        nginx.terminate()
        nginx.wait(timeout=10)
        websocket_upstream = websocket_upstreams(prefix / "access.log")
    finally:
        nginx.terminate()
        for _, process in replicas:
            process.terminate()
        shutil.rmtree(prefix, ignore_errors=True)
    for r in results:
        r["ws_upstream"] = websocket_upstream.get(r.get("sid"))
    failures = [r for r in results if not r["ok"]]
    spread = Counter(r.get("ws_upstream") for r in results if r["ok"])
    sticky = sum(1 for r in results if r["ok"] and r["ws_upstream"] == r["http_upstream"])
    print(f"replicas: {', '.join(upstreams)}")
    print(f"sessions: {len(results)}, failures: {len(failures)}")
    for upstream, count in sorted(spread.items()):
        print(f"  {upstream}: {count} sessions")
    print(f"sticky (websocket on the replica of the first request): {sticky}/{len(results) - len(failures)}")
    for failure in failures[:5]:
        print(f"  failure: {failure.get('error')}")
    passed = not failures and len(spread) == args.replicas and sticky == len(results)
    print("PASS" if passed else "FAIL")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
