"""The static HTML report: one self-contained file for e-mail and server-less demos.

plotly.js is inlined, and the geo map's base topology is pre-registered in
`window.PlotlyGeoAssets` so plotly never fetches it: opening the file makes no request to any
host. All data strings are HTML-escaped. This module does not import Streamlit, so the CLI can
build reports too.
"""

import base64
import hashlib
import html
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from atlas import urlstate
from atlas.counting import counted_stages
from atlas.filters import Filters, apply
from atlas.labels import STATUS
from atlas.load import Dataset
from atlas.metrics import country_table, kpis, site_table
from atlas.reconcile import reconcile
from atlas.resolve import claims_as_of
from atlas.timeline import events_in_scope, events_per_month
from atlas.urlstate import filters_from_query
from figures.charts import events_chart
from figures.maps import europe_map
from figures.scope import left_out_sentence, scope_words
from figures.text import money, number

EMPTY_TOPOLOGY = {"type": "Topology", "objects": {}, "arcs": []}
GEO_SHIM = (
    "window.PlotlyGeoAssets = {topojson: "
    + json.dumps({f"{scope}_{res}m": EMPTY_TOPOLOGY for scope in ("world", "europe") for res in (110, 50)})
    + "};"
)
# Strict: only the report's own inline scripts run, each allowed by its SHA-256 hash (no
# 'unsafe-inline', no 'unsafe-eval'); nothing is fetched, no <base>, no form posts, no framing
# by meta (frame-ancestors is ignored in a meta CSP; a server must send it). Styles stay inline:
# plotly.js writes style attributes and <style> elements as it draws.
CSP = (
    "default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)
_SCRIPT = re.compile(r"<script(?: [^>]*)?>(.*?)</script>", re.DOTALL)


def script_hashes(page: str) -> list[str]:
    """The CSP source of every inline script in `page`: 'sha256-…' of its exact text."""
    digests = (hashlib.sha256(body.encode("utf-8")).digest() for body in _SCRIPT.findall(page))
    return list(dict.fromkeys(f"'sha256-{base64.b64encode(d).decode('ascii')}'" for d in digests))


# Rows of the site and source tables in a report: beyond this a report of 200,000 claims was tens of MB.
REPORT_ROWS = 1000


def _first_rows(frame: pd.DataFrame, what: str) -> tuple[pd.DataFrame, str]:
    """The first REPORT_ROWS rows and a note saying how many were left out (empty when none)."""
    if len(frame) <= REPORT_ROWS:
        return frame, ""
    note = f"<p class=note>The first {REPORT_ROWS:,} of {len(frame):,} {what}; the dataset ZIP lists all of them.</p>"
    return frame.head(REPORT_ROWS), note


@dataclass(frozen=True)
class ReportResult:
    path: Path
    bytes: int
    seconds: float
    notices: list[str]


def _esc(value: object) -> str:
    return (
        "" if value is None or (not isinstance(value, str) and pd.isna(value)) else html.escape(str(value), quote=True)
    )


def _table(frame: pd.DataFrame, columns: dict[str, str], links: set[str] = frozenset()) -> str:
    head = "".join(f"<th>{_esc(label)}</th>" for label in columns.values())
    rows = []
    for _, row in frame.iterrows():
        cells = []
        for col in columns:
            value = row[col]
            if col in links and isinstance(value, str) and value.startswith(("https://", "http://")):
                cells.append(f'<td><a href="{_esc(value)}" rel="noopener noreferrer">source</a></td>')
            elif isinstance(value, float):
                cells.append(f"<td class=num>{_esc(number(value))}</td>")
            else:
                cells.append(
                    f"<td>{_esc(value.strftime('%Y-%m-%d') if isinstance(value, pd.Timestamp) else value)}</td>"
                )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _figure(fig: go.Figure, div_id: str) -> str:
    return fig.to_html(
        full_html=False,
        include_plotlyjs=False,
        div_id=div_id,
        config={"displaylogo": False, "topojsonURL": "", "responsive": True},
    )


def build_html(ds: Dataset, filters: Filters) -> str:
    sites_all = site_table(ds, filters.as_of)
    sites = apply(sites_all, ds.roles, filters)
    stages = counted_stages(filters)
    countries = country_table(ds, sites, filters.countries, stages)
    totals = kpis(sites, stages)
    as_of = filters.effective_as_of(ds.as_of)
    scope = "; ".join(f"{k}={v}" for k, v in urlstate.encode_filters(filters).items()) or "all sites"
    tiles = [
        ("Sites", f"{totals['sites']:,}"),
        ("Countries", f"{totals['countries']:,}"),
        ("Bids not selected", f"{totals['bids']:,}"),
        ("Accelerators (chips)", number(totals["gpu_count"])),
        ("H100-equivalents", number(totals["h100e"])),
        ("Power", number(totals["power_mw"], "MW")),
        ("Investment (EUR)", money(totals["investment_eur"])),
    ]
    top = countries[countries.n_sites > 0].sort_values("gpu_count", ascending=False, na_position="last").head(15)
    rec = reconcile(ds, sites, as_of=filters.as_of)
    events = events_in_scope(ds.events, sites, filters)
    cited = ds.sources[
        ds.sources.source_id.isin(
            claims_as_of(ds.claims, as_of).loc[lambda c: c.subject_id.isin(sites.site_id)].source_id
        )
    ]
    map_fig = europe_map(
        countries, sites, "gpu_count", "absolute", "status", focus=list(filters.countries) or None, inline_shapes=True
    )
    parts = [
        f"<h1>Sovereign AI Atlas: Europe's AI buildout</h1><p class=meta>Data as of {as_of:%Y-%m-%d} · scope: {_esc(scope)} · generated offline; every figure is a sourced claim</p>",
        "<div class=tiles>"
        + "".join(
            f"<div class=tile><div class=label>{_esc(k)}</div><div class=value>{_esc(v)}</div></div>" for k, v in tiles
        )
        + "</div>",
        f"<p class=note>{_esc(left_out_sentence(totals, f'as of {as_of:%Y-%m-%d}', scope_words(stages)))}</p>",
        "<h2>Map: accelerators by country, sites by status</h2>",
        _figure(map_fig, "report-map"),
        "<h2>Top countries</h2>",
        _table(
            top,
            {
                "name": "Country",
                "n_sites": "Sites",
                "gpu_count": "Accelerators",
                "h100e": "H100e",
                "power_mw": "MW",
                "investment_eur": "Investment (EUR)",
            },
        ),
    ]
    if rec.headline is not None:
        parts += [
            "<h2>Headline check: GTC Paris 2025</h2>",
            f"<p>Headline: “{_esc(rec.headline.as_stated)}” ({_esc(rec.headline.publisher)}, {rec.headline.claimed_on:%Y-%m-%d}). "
            f"Itemised sites at dense FP4: {number(rec.itemised_total, 'EFLOPS', 1)}, {rec.share:.0%} of the headline. The headline states no precision.</p>",
        ]
    if len(events):
        parts += ["<h2>Timeline</h2>", _figure(events_chart(events_per_month(events)), "report-timeline")]
        parts += [
            _table(
                events.sort_values("date", ascending=False).head(40), {"date": "Date", "title": "Event", "kind": "Kind"}
            )
        ]
    site_rows, site_note = _first_rows(sites, "sites")
    source_rows, source_note = _first_rows(cited.sort_values("published_on", ascending=False), "sources")
    parts += [
        "<h2>Sites</h2>",
        site_note,
        _table(
            site_rows.assign(
                status=site_rows.status.map(
                    lambda s: STATUS.get(s, "not stated") if isinstance(s, str) else "not stated"
                )
            ),
            {
                "name": "Site",
                "country": "Country",
                "status": "Status",
                "gpu_count": "Accelerators",
                "accelerator_model": "Model",
                "power_mw": "MW",
                "n_sources": "Sources",
            },
        ),
        f"<h2>Sources ({len(cited)})</h2>",
        source_note,
        _table(
            source_rows,
            {
                "title": "Title",
                "publisher": "Publisher",
                "published_on": "Published",
                "source_type": "Type",
                "url": "Link",
            },
            links={"url"},
        ),
    ]
    page = TEMPLATE.format(csp="{csp}", shim=GEO_SHIM, plotly=get_plotlyjs(), body="\n".join(parts))
    return page.replace("{csp}", CSP.format(hashes=" ".join(script_hashes(page))), 1)


def write_report(ds: Dataset, out: Path, query: str = "") -> ReportResult:
    start = time.perf_counter()
    filters, notices = filters_from_query(ds, query)
    text = build_html(ds, filters)
    Path(out).write_text(text, encoding="utf-8")
    return ReportResult(Path(out), len(text.encode("utf-8")), time.perf_counter() - start, notices)


TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sovereign AI Atlas report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; color: #222; padding: 0 1rem; }}
.meta, .note {{ color: #666; }} .tiles {{ display: flex; flex-wrap: wrap; gap: 1rem; }}
.tile {{ border: 1px solid #ddd; border-radius: 8px; padding: .8rem 1.2rem; min-width: 150px; }}
.label {{ color: #666; font-size: .85rem; }} .value {{ font-size: 1.6rem; font-weight: 600; }}
table {{ border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1.5rem; }}
th, td {{ border-bottom: 1px solid #eee; padding: .3rem .5rem; text-align: left; vertical-align: top; }} td.num {{ text-align: right; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #111; color: #eee; }} th, td {{ border-color: #333; }} .tile {{ border-color: #444; }} }}
</style>
<script>{shim}</script>
<script>{plotly}</script>
</head><body>
{body}
</body></html>
"""
