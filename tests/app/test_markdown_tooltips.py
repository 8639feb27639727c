"""Markdown in data must not render in tooltips, labels or expanders (issue 15).

A claim's `as_stated` used to reach `help=` unescaped on the Overview and Site pages, so a
Markdown image made the browser fetch another host and `:red[...]` / `$$...$$` rendered.
"""

import csv
import re

import pytest

from tests.app.conftest import open_page

PAYLOAD = "![tracker](https://evil.example/p.png) :red[alarm] $$x^2$$ [link](https://evil.example)"
UNESCAPED = re.compile(r"(?<!\\)(!\[tracker|:red\[|\$\$x|\[link\]\(https://evil)")


def _hostile_claims(directory):
    path = directory / "claims.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["as_stated"] = PAYLOAD
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _markdown_texts(at):
    """Every help tooltip, metric label and expander label on the page."""
    for metric in at.metric:
        yield metric.proto.help
        yield metric.label
    for expander in at.expander:
        yield expander.label
    for element in [*at.caption, *at.markdown, *at.info, *at.warning]:
        yield element.value


@pytest.mark.parametrize(
    ("view", "query"),
    [("views/overview.py", {}), ("views/site.py", {"site": "deu-cloud"})],
)
def test_as_stated_markdown_is_inert_in_tooltips(view, query, data_dir, mini_copy):
    _hostile_claims(mini_copy)
    data_dir(mini_copy)
    at = open_page(view, query)
    assert not at.exception, [e.value for e in at.exception]
    texts = [t for t in _markdown_texts(at) if t]
    assert any("tracker" in t for t in texts), "the payload reaches a tooltip (the test can see it)"
    bad = [t for t in texts if UNESCAPED.search(t)]
    assert bad == []
