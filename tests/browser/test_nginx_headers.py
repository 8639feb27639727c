"""The deployment's nginx: security headers on every response, metrics hidden, and the app runs under its CSP."""

import re
import shutil
import socket
import subprocess
import urllib.error
import urllib.request

import pytest

from deploy.render import render
from deploy.serve import wait_healthy
from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser
PAGES = ["/", "/map", "/sites", "/site?site=deu-jupiter", "/network", "/?present=1&story=2"]
VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_url(app_url, tmp_path_factory):
    if not shutil.which("nginx"):
        pytest.fail("nginx is not installed: `make test` installs it (apt-get install nginx-light)")
    prefix = tmp_path_factory.mktemp("nginx")
    prefix.chmod(0o755)
    port = _port()
    conf = prefix / "nginx.conf"
    conf.write_text(render([app_url.removeprefix("http://")], f"127.0.0.1:{port}", str(prefix)))
    process = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(prefix), "-g", "daemon off;"])
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_every_response_carries_the_security_headers(nginx_url):
    for path in ["/", "/_stcore/health"]:
        with urllib.request.urlopen(nginx_url + path, timeout=10) as response:  # noqa: S310 -- loopback
            headers = response.headers
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        policy = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy
        assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy.split("style-src")[0]


def test_metrics_are_not_exposed(nginx_url, app_url):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(nginx_url + "/_stcore/metrics", timeout=10)  # noqa: S310 -- loopback
    assert refused.value.code == 404
    with urllib.request.urlopen(app_url + "/_stcore/metrics", timeout=10) as direct:  # noqa: S310 -- loopback
        assert direct.status == 200  # so the 404 above is nginx's doing, not a missing endpoint


@pytest.mark.parametrize("path", PAGES)
def test_the_app_runs_under_the_policy(offline_page, nginx_url, path):
    offline_page.add_init_script(VIOLATIONS)
    errors: list[str] = []
    offline_page.on("pageerror", lambda e: errors.append(str(e)))
    offline_page.goto(nginx_url + path)
    wait_for_app(offline_page)
    assert offline_page.get_by_test_id("stException").count() == 0
    assert "error id" not in offline_page.get_by_test_id("stMain").inner_text()
    assert offline_page.evaluate("window.__violations") == []
    assert errors == []


def test_javascript_is_served_compressed(nginx_url):
    """Streamlit sends its multi-megabyte chunks uncompressed; nginx gzips them."""
    with urllib.request.urlopen(nginx_url + "/", timeout=10) as response:  # noqa: S310 -- loopback
        html = response.read().decode()
    script = re.search(r'src="(\./)?(static/js/[^"]+\.js)"', html).group(2)
    request = urllib.request.Request(f"{nginx_url}/{script}", headers={"Accept-Encoding": "gzip"})  # noqa: S310 -- loopback
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 -- loopback
        body = response.read()
        assert response.headers["Content-Encoding"] == "gzip"
    with urllib.request.urlopen(f"{nginx_url}/{script}", timeout=10) as response:  # noqa: S310 -- loopback
        assert response.headers.get("Content-Encoding") is None  # a client that did not ask gets it plain
        assert len(body) < len(response.read()) / 2
