"""Download buttons: safe CSV of a table view (built on click), the dataset package and the HTML report."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from atlas.export import to_csv_bytes
from atlas.filters import Filters
from atlas.load import Dataset
from atlas.package import zip_bytes as package_zip
from figures.text import md


def csv_button(
    frame: pd.DataFrame | Callable[[], pd.DataFrame], filename: str, key: str, label: str = "Download CSV"
) -> None:
    """A download of exactly the table shown (its rows and columns, plus provenance columns).

    `frame` may be a function that builds the table: like the CSV bytes, it then runs only when
    the user clicks (Streamlit calls the data function lazily).
    """
    st.download_button(
        md(label),
        data=lambda: to_csv_bytes(frame() if callable(frame) else frame),
        file_name=filename,
        mime="text/csv",
        key=key,
        icon=":material/download:",
        help="UTF-8 CSV of this table with its sources and as-of date. Cells that could run as spreadsheet formulas are neutralised.",
    )


@st.cache_resource(max_entries=2, show_spinner=False)
def _cached_zip(directory: str, version: str, _ds: Dataset) -> bytes:
    from components.data import sites_as_of

    return package_zip(_ds, sites_as_of(_ds, directory, None))  # the site table the pages already resolved


def zip_bytes(ds: Dataset) -> bytes:
    """The dataset ZIP, built once per data version from the loaded data and shared by every session.

    Each click used to load and validate the whole directory again (33 s at 200,000 claims);
    Streamlit computes a cache_resource value once per key, so concurrent clicks wait for one build.
    """
    return _cached_zip(str(ds.directory), ds.version, ds)


def dataset_button(ds: Dataset) -> None:
    st.download_button(
        "Full dataset (ZIP)",
        data=lambda: zip_bytes(ds),
        file_name=f"sovereign-ai-atlas-{ds.as_of:%Y-%m-%d}.zip",
        mime="application/zip",
        key="dl_dataset",
        icon=":material/folder_zip:",
        help="Every CSV, the datapackage (data dictionary), a README with citation and licence, and a GeoJSON of the sites.",
        width="stretch",
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def _cached_report(directory: str, version: str, filters_key: str, _ds: Dataset, _filters: Filters) -> bytes:
    from figures.report import build_html

    return build_html(_ds, _filters).encode("utf-8")


def report_bytes(ds: Dataset, filters: Filters) -> bytes:
    """The HTML report for a filter state, built once and shared by every session (at most 4 kept).

    Each session used to keep its own copy in session state (about 10 MB a session at scale).
    """
    return _cached_report(str(ds.directory), ds.version, repr(filters), ds, filters)


def report_button(ds: Dataset, filters: Filters, query: str) -> None:
    """Build the HTML report for the current filters with visible progress, then offer it."""
    built = st.session_state.setdefault("atlas_reports", set())
    if st.button("Build HTML report", key="build_report", icon=":material/description:", width="stretch"):
        with st.status("Building the report…", expanded=True) as status:
            st.write("Resolving claims and computing figures, embedding plotly.js and the map…")
            size = len(report_bytes(ds, filters))
            st.write(f"Report ready ({size / 1e6:.1f} MB).")
            built.clear()
            built.add(query)
            status.update(label="Report ready", state="complete", expanded=False)
    if query in built:
        st.download_button(
            "Download report (HTML)",
            data=lambda: report_bytes(ds, filters),
            file_name="sovereign-ai-atlas-report.html",
            mime="text/html",
            key="dl_report",
            icon=":material/download:",
            width="stretch",
        )
