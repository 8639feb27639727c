"""The HTML report under its own strict CSP: every chart draws, no script is refused, no eval is needed."""

import re

import pytest

from atlas.filters import Filters
from atlas.load import load_dataset
from figures.report import build_html, write_report

pytestmark = pytest.mark.browser


def csp_of(text: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)


def test_the_policy_is_strict():
    policy = csp_of(build_html(load_dataset(), Filters()))
    assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert "base-uri 'none'" in policy and "form-action 'none'" in policy and "default-src 'none'" in policy
    assert policy.count("'sha256-") >= 3  # the geo shim, plotly.js and each figure's own script


def test_every_chart_draws_under_the_policy_with_no_violation(page, tmp_path):
    out = tmp_path / "report.html"
    write_report(load_dataset(), out, "")
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(out.as_uri())
    page.wait_for_selector("path.choroplethlocation")
    plots = page.locator(".js-plotly-plot")
    assert plots.count() >= 2
    for i in range(plots.count()):
        assert plots.nth(i).locator(".main-svg").count() >= 1, f"chart {i} did not draw"
    assert page.evaluate("window.__violations") == []
    assert errors == []


def test_a_tampered_script_is_refused(page, tmp_path):
    out = tmp_path / "report.html"
    write_report(load_dataset(), out, "")
    text = out.read_text(encoding="utf-8").replace("</body>", "<script>window.__injected = 1</script></body>")
    out.write_text(text, encoding="utf-8")
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(out.as_uri())
    page.wait_for_selector("path.choroplethlocation")
    assert page.evaluate("window.__injected === undefined")
