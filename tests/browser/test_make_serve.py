"""`make serve` (deploy/serve.py): one replica per core behind nginx, sticky by cookie, stopped by SIGTERM."""

import http.cookiejar
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from deploy.serve import free_port, wait_healthy

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def served():
    port = free_port()
    process = subprocess.Popen([sys.executable, "deploy/serve.py", "--port", str(port), "--replicas", "2"], cwd=ROOT)
    wait_healthy(f"http://127.0.0.1:{port}", timeout=120)
    yield f"http://127.0.0.1:{port}", process
    process.terminate()
    process.wait(timeout=30)


def _upstream(url: str, opener=None) -> str:
    with (opener or urllib.request.build_opener()).open(url + "/", timeout=20) as response:
        return response.headers["X-Atlas-Upstream"]


def test_new_visitors_are_spread_over_two_replicas(served):
    url, _ = served
    assert len({_upstream(url) for _ in range(30)}) == 2


def test_a_visitor_with_the_cookie_stays_on_one_replica(served):
    url, _ = served
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    first = _upstream(url, opener)
    assert {_upstream(url, opener) for _ in range(10)} == {first}


def test_sigterm_stops_nginx_and_every_replica(served):
    _, process = served
    children = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    assert len(children) == 3, children  # two replicas and nginx
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    alive = subprocess.run(["ps", "-o", "pid=", "-p", ",".join(children)], capture_output=True, text=True, check=False)
    assert alive.stdout.strip() == ""
