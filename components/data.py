"""Cached access to the dataset, and the error page shown when the data directory is invalid."""

import gc
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from atlas.contract import load_contract
from atlas.counting import counted_stages
from atlas.filters import Filters, apply
from atlas.load import Dataset, data_version, load_dataset
from atlas.metrics import country_table, site_table
from atlas.paths import data_dir
from atlas.problems import DataError
from figures.text import md

log = logging.getLogger("atlas")


@st.cache_resource(show_spinner="Loading the dataset…", max_entries=4)
def _dataset(directory: str) -> Dataset:
    ds = load_dataset(directory)
    freeze_heap()
    return ds


@cache
def freeze_heap() -> None:
    """Collect once, then move every object alive now out of the collector's reach (once per process).

    With `runner.postScriptGC = false` (.streamlit/config.toml) Streamlit no longer runs a full
    collection after every script run (110-130 ms of a ~150 ms map rerun). The dataset, pandas,
    plotly and Streamlit's own modules are long-lived; frozen, later automatic collections only
    walk the objects a rerun creates, so their cost no longer grows with the heap.
    """
    gc.collect()
    gc.freeze()


# directory -> (data version, the problems found): a broken directory is validated once per version
# of its files, not on every rerun (at ×100 scale each rerun of the error page re-read 80,000
# claims for 6.7 s); changing any file changes the version and validates again.
_FAILED: dict[str, tuple[str, DataError]] = {}


def dataset() -> Dataset:
    """The validated dataset with at least one claim; otherwise an error or "no data" page (and the page stops)."""
    directory = str(data_dir())
    version = data_version(Path(directory), load_contract())
    failed = _FAILED.get(directory)
    if failed is not None and failed[0] == version:
        error_page(directory, failed[1])
        st.stop()
    try:
        ds = _dataset(directory)
    except DataError as exc:
        log.warning("data directory %s is invalid: %s", directory, exc)
        _FAILED[directory] = (version, exc)
        error_page(directory, exc)
        st.stop()
    if ds.is_empty:
        no_data_page(directory)
        st.stop()
    return ds


def no_data_page(directory: str) -> None:
    """What every page shows for a valid but empty data directory (header-only CSVs)."""
    st.title("No data yet")
    st.info(
        "The data directory is valid but holds no claims, so there is nothing to show: no sites, figures or "
        "sources. Add rows to claims.csv (and the tables it refers to), then reload the page."
    )
    st.caption(f"Data directory: {md(directory)}")


def error_page(directory: str, exc: DataError) -> None:
    st.title("The data could not be loaded")
    st.error(
        f"The data directory has {len(exc.problems)} problem(s). Nothing is shown until they are fixed, "
        "so that no figure is displayed from a broken file. Each row below names the file, row and column."
    )
    st.caption(f"Data directory: {md(directory)}")
    frame = pd.DataFrame(
        [{"file": p.file, "row": p.row, "column": p.column, "problem": p.message} for p in exc.problems]
    ).astype({"row": "Int64"})
    st.dataframe(frame, hide_index=True, width="stretch")


@st.cache_data(max_entries=32, show_spinner=False)
def sites_as_of(_ds: Dataset, directory: str, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """Site table at an as-of date (cached per data directory and date)."""
    return site_table(_ds, as_of)


@st.cache_data(max_entries=64, show_spinner=False)
def filtered(
    _ds: Dataset, directory: str, filters_key: str, _filters: Filters, _sites_all: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sites passing the filters and the country table built from them (cached per filter state).

    `_sites_all` is the site table at the filters' as-of date; the key covers it, since the
    filter state includes that date.
    """
    sites = apply(_sites_all, _ds.roles, _filters)
    return sites, country_table(_ds, sites, _filters.countries, counted_stages(_filters))


@st.cache_resource(max_entries=128, show_spinner=False)
def cached_figure(name: str, directory: str, key: str, _build: Callable[[], go.Figure]) -> go.Figure:
    """A figure built once per (name, data directory, key) and shared by every session.

    Callers must not mutate the returned figure; building it (hover text, plotly validation) is
    the most expensive part of a rerun.
    """
    return _build()


@st.cache_resource(max_entries=64, show_spinner=False)
def cached_result(name: str, directory: str, key: str, _compute: Callable[[], object]) -> object:
    """Any read-only computed result shared across sessions (e.g. the headline reconciliation)."""
    return _compute()
