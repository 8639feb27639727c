"""Shared helpers for the benchmark scripts: a server on a free port, RSS readings, and a
protocol-level Streamlit client that sends each rerun as a BackMsg over /_stcore/stream."""

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    script: str = "dashboard.py", port: int | None = None, extra: list[str] | None = None, env: dict | None = None
) -> tuple[str, subprocess.Popen]:
    """Start `streamlit run` on loopback and wait for /_stcore/health; returns (base URL, process)."""
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        *(extra or []),
    ]
    # BENCH_SERVER_LOG=path keeps the server's log (tracebacks of failed reruns) for diagnosis.
    log = open(os.environ["BENCH_SERVER_LOG"], "ab") if os.environ.get("BENCH_SERVER_LOG") else subprocess.DEVNULL  # noqa: SIM115 -- open for the server's lifetime
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url)
    return url, process


def wait_healthy(url: str, timeout: float = 60) -> float:
    """Seconds until /_stcore/health answers 200."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:  # noqa: S310 -- loopback URL
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(url)


def rss_mb(pid: int) -> float:
    """Resident set size of a process (and its children are not counted), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "mean": statistics.fmean(values) if values else float("nan"),
    }


@dataclass
class Session:
    """One browser-less Streamlit session: each `rerun` sends a BackMsg and waits for script_finished."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    timings: list[float] = field(default_factory=list)
    bytes_received: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    async def __aenter__(self):
        ws_url = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self._cm = connect(
            ws_url,
            subprotocols=["streamlit"],
            origin=self.url,
            max_size=None,
            open_timeout=30,
            additional_headers=self.headers,
        )
        self.ws = await self._cm.__aenter__()
        return self

    async def __aexit__(self, *exc):
        await self._cm.__aexit__(*exc)

    async def rerun(self, page: str = "", query: str = "", timeout: float = 60) -> float:
        message = BackMsg(rerun_script=ClientState(query_string=query, page_name=page))
        start = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        received = 0
        while True:
            data = await asyncio.wait_for(self.ws.recv(), timeout)
            received += len(data)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.new_element.WhichOneof("type") == "exception":
                self.errors.append(forward.delta.new_element.exception.message[:200])
            if kind == "script_finished":
                elapsed = time.perf_counter() - start
                self.timings.append(elapsed)
                self.bytes_received.append(received)
                return elapsed
