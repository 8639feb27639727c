"""The sidebar filters shared by every page."""

import pandas as pd
import streamlit as st

from atlas.contract import load_contract
from atlas.filters import NO_STATUS, STATUS_ORDER, Filters
from atlas.labels import KIND, STATUS
from atlas.load import Dataset
from atlas.urlstate import dataset_filter_specs, filters_from, parse
from components.state import set_filters
from figures.text import md

# Widget key → (URL parameter, Filters attribute) of each shared filter.
WIDGETS = {
    "flt_country": ("country", "countries"),
    "flt_status": ("status", "statuses"),
    "flt_kind": ("kind", "kinds"),
    "flt_org": ("org", "organisations"),
    "flt_programme": ("programme", "programmes"),
    "flt_as_of": ("as_of", "as_of"),
}


AS_OF_ERROR = "flt_as_of_error"


def _set_widgets(filters: Filters) -> None:
    """Put the canonical filter state into the widgets (their keys do not survive a page switch)."""
    for key, (_, attr) in WIDGETS.items():
        value = getattr(filters, attr)
        if key == "flt_as_of":
            st.session_state[key] = "" if value is None else f"{value:%Y-%m-%d}"
        else:
            st.session_state[key] = list(value) if isinstance(value, tuple) else value


def _as_of(ds: Dataset, text: str | None) -> tuple[pd.Timestamp | None, str | None]:
    """The typed as-of date, checked like the URL parameter: (date or None, a notice or None)."""
    text = (text or "").strip()
    if not text:
        return None, None
    spec = next(s for s in dataset_filter_specs(ds) if s.name == "as_of")
    values, notices = parse({"as_of": [text]}, [spec])
    if notices:
        notice = (
            notices[0].replace("Parameter 'as_of'", "The As of date").replace("using the default", "it was not applied")
        )
        return None, notice
    return values["as_of"], None


def _from_widgets(ds: Dataset, previous: Filters) -> Filters:
    values = {param: st.session_state.get(key) for key, (param, _) in WIDGETS.items()}
    as_of, notice = _as_of(ds, values["as_of"])
    st.session_state[AS_OF_ERROR] = notice
    values["as_of"] = previous.as_of if notice else as_of
    return filters_from(values)


def _changed(ds: Dataset, previous: Filters) -> None:
    set_filters(_from_widgets(ds, previous))


def _reset() -> None:
    set_filters(Filters())


def _choices(ds: Dataset) -> list[tuple[str, list[str], dict[str, str], str, str]]:
    """(label, options, option names, widget key, placeholder) of each multi-select filter."""
    countries = ds.country_names
    orgs = dict(zip(ds.organisations.org_id, ds.organisations.name, strict=True))
    programmes = dict(zip(ds.programmes.programme_id, ds.programmes.name, strict=True))
    kinds = {k: KIND[k] for k in load_contract().resource("sites").field("kind").enum}
    statuses = {s: STATUS[s] for s in [*STATUS_ORDER, NO_STATUS]}
    return [
        ("Country", sorted(countries, key=countries.get), countries, "flt_country", "All countries"),
        ("Status", list(statuses), statuses, "flt_status", "All statuses"),
        ("Site kind", list(kinds), kinds, "flt_kind", "All kinds"),
        ("Organisation", sorted(orgs, key=lambda o: orgs[o].lower()), orgs, "flt_org", "All organisations"),
        ("Programme", sorted(programmes, key=programmes.get), programmes, "flt_programme", "All programmes"),
    ]


def filter_sidebar(ds: Dataset, filters: Filters) -> Filters:
    """Render the filters and return the state they now hold."""
    _set_widgets(filters)
    first, last = ds.claims.claimed_on.min().date(), pd.Timestamp.today().date()
    with st.sidebar:
        st.subheader("Filters")
        for label, options, names, key, everything in _choices(ds):
            st.multiselect(
                md(label),
                options,
                format_func=names.get,
                key=key,
                on_change=_changed,
                args=(ds, filters),
                placeholder=everything,
            )
        st.text_input(
            "As of (YYYY-MM-DD)",
            key="flt_as_of",
            on_change=_changed,
            args=(ds, filters),
            placeholder=f"latest data ({ds.as_of:%Y-%m-%d})",
            max_chars=10,
            help=(
                "Show the buildout as it was known on this date: only claims made on or before it count. "
                f"Type a date from {first:%Y-%m-%d} to {last:%Y-%m-%d} and press Enter; empty = latest data."
            ),
        )
        if notice := st.session_state.get(AS_OF_ERROR):
            st.warning(md(notice))
        st.button("Reset filters", on_click=_reset, width="stretch")
    return _from_widgets(ds, filters)
