"""Page bootstrap shared by every view: data, filters, URL state and notices in one call."""

import logging
import uuid
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from atlas import pages, urlstate
from atlas.counting import counted_stages
from atlas.filters import Filters
from atlas.load import Dataset
from components import state
from components.data import dataset, filtered, sites_as_of
from components.images import format_picker
from components.present import presentation_state, start_presentation_link, story_bar
from components.search import search_box
from components.share import share_panel
from components.sidebar import filter_sidebar
from figures.text import md

log = logging.getLogger("atlas")


@dataclass
class Context:
    """What a view needs: the dataset, the filter state, its own parameters and the filtered sites."""

    ds: Dataset
    filters: Filters
    params: dict
    sites_all: pd.DataFrame
    sites: pd.DataFrame
    countries: pd.DataFrame
    presenting: bool = False

    @property
    def key(self) -> str:
        """A cache key for results that depend on the data directory and the filters."""
        return f"{self.ds.directory}|{self.filters!r}"

    @property
    def stages(self) -> tuple[str, ...]:
        """The commitment stages the page's totals add (see `atlas.counting.counted_stages`)."""
        return counted_stages(self.filters)

    @property
    def as_of(self) -> pd.Timestamp:
        """The effective as-of date: the one picked, or the data's own."""
        return self.filters.effective_as_of(self.ds.as_of)

    @property
    def as_of_label(self) -> str:
        if self.filters.as_of is not None:
            return f"as of {self.filters.as_of:%Y-%m-%d}"
        return f"data as of {self.ds.as_of:%Y-%m-%d}"


def start(page: str) -> Context:
    """Load data (or show the error page), render the sidebar and return the page's context.

    The page's parameters, and the widgets that edit them, come from the page registry
    (`atlas.pages`).
    """
    ds = dataset()
    specs = pages.specs(page, ds.tables)
    filters, params, notices = state.init_state(ds, page, specs, pages.widgets(page))
    presenting, story, present_notices = presentation_state(ds)
    if presenting:
        story_bar(ds, story)
    if not presenting:
        search_box(ds, filters)
    filters = filter_sidebar(ds, filters)
    state.set_filters(filters)
    directory = str(ds.directory)
    sites_all = sites_as_of(ds, directory, filters.as_of)
    sites, countries = filtered(ds, directory, repr(filters), filters, sites_all)
    state.show_notices(notices + present_notices)
    return Context(ds, filters, params, sites_all, sites, countries, presenting)


def finish(ctx: Context, page: str, page_values: dict | None = None) -> None:
    """Write the current state into the URL (call once the page's own widgets have run)."""
    typed = {k: tuple(v) if isinstance(v, list | tuple) else v for k, v in (page_values or {}).items()}
    for name, value in typed.items():
        state.set_page_value(page, name, value)
    values = {k: urlstate.encode_value(v) for k, v in typed.items()}
    state.write_url(ctx.filters, values)
    if not ctx.presenting:
        start_presentation_link()
        share_panel(ctx.ds, ctx.filters, values)
        format_picker()


def caption_filters(ctx: Context) -> None:
    """One line saying what the figures on the page cover."""
    parts = [f"{len(ctx.sites)} of {len(ctx.sites_all)} sites", ctx.as_of_label]
    if not ctx.filters.is_default:
        parts.append("filtered (see sidebar)")
    st.caption(md(" · ".join(parts)))


def run(page: str, *, render) -> None:
    """Run a view: start, draw with `render(ctx)`, then finish with the parameters it returns.

    An exception inside the view becomes a friendly message with an error id; the traceback
    goes only to the server log. Streamlit's own control flow (stop, rerun, page switches) is
    a BaseException and passes through untouched.
    """
    ctx = start(page)
    try:
        values = render(ctx) or {}
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("view %s failed [error id %s]", page, error_id)
        st.error(
            f"Something went wrong while drawing this view. It has been logged with error id {md(error_id)}. "
            "Try another filter or page; if it persists, report the error id."
        )
        values = {}
    finish(ctx, page, values)
