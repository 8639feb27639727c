"""Shared filter state: parsed from the URL once per session, kept in session state, written back to the URL.

The URL is the shareable form of the state; session state carries it across page switches
(which clear query params); widgets are initialised from it.
"""

import streamlit as st

from atlas import urlstate
from atlas.filters import Filters
from atlas.load import Dataset
from figures.text import md

FILTERS_KEY = "atlas_filters"
PAGE_VALUES_KEY = "atlas_page_values"
LAST_URL_KEY = "atlas_last_url"
# Presentation-mode parameters: read by components.present, carried through the URL untouched here.
PASSTHROUGH = ("present", "story")


def _raw_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _flat(raw: dict[str, list[str]]) -> dict[str, str]:
    return {k: v[0] if len(v) == 1 else "\x1f".join(v) for k, v in raw.items()}


def init_state(
    ds: Dataset, page: str, page_specs: list[urlstate.ParamSpec], widgets: dict[str, str]
) -> tuple[Filters, dict, list[str]]:
    """Filters, this page's own parameters, and notices about bad URL parameters.

    The URL is parsed when the session starts, when this page is first visited, or when the
    query string differs from the one the app last wrote (a pasted or edited URL). An empty
    query string after an in-app page switch keeps the session's state.
    """
    ss = st.session_state
    seen = ss.setdefault(PAGE_VALUES_KEY, {})
    raw = _raw_params()
    changed = bool(raw) and _flat(raw) != ss.get(LAST_URL_KEY)
    fresh = FILTERS_KEY not in ss
    notices: list[str] = []
    if fresh or changed or page not in seen:
        values, notices = urlstate.parse(raw, urlstate.dataset_filter_specs(ds) + page_specs, ignore=PASSTHROUGH)
        if fresh or changed:
            ss[FILTERS_KEY] = urlstate.filters_from(values)  # the sidebar copies it into its widgets
        seen[page] = {s.name: values[s.name] for s in page_specs}
        for key in widgets.values():
            ss.pop(key, None)
    return ss[FILTERS_KEY], seen[page], notices


def show_notices(notices: list[str]) -> None:
    """One warning per notice, capped (see `urlstate.capped`)."""
    for notice in urlstate.capped(notices):
        st.warning(md(notice), icon="⚠️")


def set_filters(filters: Filters) -> None:
    st.session_state[FILTERS_KEY] = filters


def set_page_value(page: str, name: str, value) -> None:
    st.session_state[PAGE_VALUES_KEY].setdefault(page, {})[name] = value


def write_url(filters: Filters, page_values: dict[str, str]) -> None:
    """Mirror the state into the query string so a copied URL restores the view."""
    wanted = urlstate.encode_filters(filters) | {k: v for k, v in page_values.items() if v not in (None, "")}
    for key in PASSTHROUGH:
        if key in st.query_params:
            wanted[key] = st.query_params[key]
    current = {k: st.query_params.get(k) for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[LAST_URL_KEY] = wanted
