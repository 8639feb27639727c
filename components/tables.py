"""One way to draw a table: human headers and cells (atlas.display), and a CSV of the same rows.

Every view renders its tables through `show_table`, so every table gets the same treatment and
its own download; the download keeps the machine columns (ids, codes, full numbers) and is
built only when clicked, through the formula-safe exporter.
"""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from atlas.display import Column, prepare
from components.data import dataset
from components.downloads import csv_button
from figures.text import md, money, number

DATE_FORMAT = "D MMM YYYY"
# Rows a table sends to the browser: at 200,000 claims a full claims table alone was 20 MB per page.
ROW_LIMIT = 1000
TABLE_DOWNLOAD_SUFFIX = "_csv"


def column_config(spec: Column):
    """The Streamlit column config for one display spec."""
    label = spec.label
    if spec.kind == "int":
        return st.column_config.NumberColumn(label, help=md(spec.help) if spec.help else None, format="%,d")
    if spec.kind == "number":
        return st.column_config.NumberColumn(
            label, help=md(spec.help) if spec.help else None, format=f"%,.{spec.digits}f"
        )
    if spec.kind == "money":
        return st.column_config.NumberColumn(label, help=md(spec.help) if spec.help else None, format="€%.3g bn")
    if spec.kind == "share":
        return st.column_config.NumberColumn(label, help=md(spec.help) if spec.help else None, format="%.0f%%")
    if spec.kind == "date":
        return st.column_config.DateColumn(label, help=md(spec.help) if spec.help else None, format=DATE_FORMAT)
    if spec.kind == "bool":
        return st.column_config.CheckboxColumn(label, help=md(spec.help) if spec.help else None)
    if spec.kind == "link":
        return st.column_config.LinkColumn(
            label, help=md(spec.help) if spec.help else None, display_text=r"https?://(?:www\.)?([^/]+)"
        )
    width = "large" if spec.label in {"As stated", "Title", "Description", "Note"} else None
    return st.column_config.TextColumn(label, help=md(spec.help) if spec.help else None, width=width)


def _names() -> dict[str, str]:
    ds = dataset()
    return ds.country_names


def capped(frame: pd.DataFrame, limit: int = ROW_LIMIT) -> pd.DataFrame:
    """The first `limit` rows of a table about to be shown, saying so when rows are left out.

    Keeps each page's websocket payload bounded; the table's CSV download still has every row.
    The first rows keep their positions, so a row selection maps back to the full frame.
    """
    if len(frame) <= limit:
        return frame
    st.caption(md(f"Showing the first {limit:,} of {len(frame):,} rows; the CSV download has all of them."))
    return frame.head(limit)


@st.cache_resource(max_entries=256, show_spinner=False)
def _prepared(key: str, _build: Callable[[], tuple]) -> tuple:
    """A formatted table per key, shared read-only by every session."""
    return _build()


def show_table(
    frame: pd.DataFrame,
    key: str,
    filename: str,
    *,
    download: pd.DataFrame | Callable[[], pd.DataFrame] | None = None,
    labels: dict[str, str] | None = None,
    hide: tuple[str, ...] = (),
    select: bool = False,
    download_label: str = "Download CSV",
    height: int | str = "auto",
    cache_key: str | None = None,
):
    """Draw `frame` for people and offer its rows as CSV; return the selection event if `select`.

    `download` (a frame or a function building one on click) defaults to `frame` itself: the
    same rows with the machine columns. `labels` renames columns (and shows an id column named
    there); `hide` leaves columns out of the display only. With `cache_key` (what the rows depend
    on, such as the page's filter state) the formatted table is built once per key and shared by
    every session (under a profiler, formatting the map page's three tables was about 40% of its
    rerun's CPU; the measured map rerun p50 went from 83 to 79 ms).
    """
    if cache_key is None:
        shown, specs = prepare(capped(frame), labels=labels, hide=hide, names=_names())
    else:
        key_all = f"{dataset().version}|{key}|{cache_key}"
        shown, specs = _prepared(key_all, lambda: prepare(capped(frame), labels=labels, hide=hide, names=_names()))
    options = {"on_select": "rerun", "selection_mode": "single-row"} if select else {}
    box = st.container(key=f"table_{key}")  # a stable hook (st-key-table_<key>) for presentation mode and tests
    event = box.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=height,
        column_config={name: column_config(spec) for name, spec in specs.items()},
        placeholder="",
        key=key,
        **options,
    )
    with box:
        csv_button(frame if download is None else download, filename, key + TABLE_DOWNLOAD_SUFFIX, download_label)
    return event if select else None


def event_table(events: pd.DataFrame, sources: pd.DataFrame, key: str, filename: str, as_of=None) -> None:
    """Dated events, newest first, each with a link to its source; the CSV adds the as-of date."""
    columns = [
        c for c in ["date", "title", "kind", "countries", "source_id", "url"] if c in events.columns or c == "url"
    ]
    log = events.merge(sources[["source_id", "url"]], on="source_id", how="left")[columns]
    log = log.sort_values("date", ascending=False, kind="stable").reset_index(drop=True)
    download = log.assign(as_of=pd.Timestamp(as_of).strftime("%Y-%m-%d")) if as_of is not None else log
    show_table(log, key, filename, download=download)


def capacity_tiles(totals: dict, sites_label: str) -> None:
    """Five tiles: sites, countries and the accelerators, power and investment at those sites."""
    cols = st.columns(5)
    cols[0].metric(md(sites_label), f"{totals['sites']:,}")
    cols[1].metric("Countries", f"{totals['countries']:,}")
    cols[2].metric("Accelerators at its sites", number(totals["gpu_count"]))
    cols[3].metric("Power at its sites", number(totals["power_mw"], "MW"))
    cols[4].metric("Investment at its sites", money(totals["investment_eur"]))
