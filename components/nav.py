"""Links between views that carry the shared filters along, so context survives the jump."""

import streamlit as st

from atlas import pages, urlstate
from atlas.filters import Filters

PAGES = pages.files()  # page key -> view file, from the registry


def target(filters: Filters, **changes) -> dict[str, str]:
    """Query params for the current filters with `changes` (filter overrides or page params)."""
    filter_changes = {k: v for k, v in changes.items() if k in {"countries", "organisations"}}
    params = urlstate.encode_filters(filters.with_(**filter_changes))
    params |= {k: str(v) for k, v in changes.items() if k not in filter_changes and v}
    return params


def go(page: str, filters: Filters, **changes) -> None:
    """Switch to `page` with the filters and changes in its URL."""
    st.switch_page(PAGES[page], query_params=target(filters, **changes))


def open_country(filters: Filters, iso3: str) -> None:
    """The country's profile; the global Country filter is left as it is (the profile has its own `iso3`)."""
    go("country", filters, iso3=iso3)


def open_organisation(filters: Filters, org_id: str) -> None:
    """The organisation's profile; the global Organisation filter is left as it is."""
    go("organisation", filters, org_id=org_id)


def programme_link(filters: Filters, programme_id: str, label: str) -> None:
    """A link to a programme's profile, with the sidebar filters in its URL."""
    st.page_link(
        PAGES["programme"],
        label=label,
        icon=":material/campaign:",
        query_params=target(filters, programme_id=programme_id),
    )


def open_site(filters: Filters, site_id: str) -> None:
    go("site", filters, site=site_id)


def selected_row(event) -> int | None:
    """Index of the row a user selected in a dataframe with on_select, if any."""
    rows = (event or {}).get("selection", {}).get("rows", [])
    return rows[0] if rows else None


def selected_point(event) -> dict | None:
    """The first point a user selected in a plotly chart with on_select, if any."""
    points = (event or {}).get("selection", {}).get("points", [])
    return points[0] if points else None


def point_site(point: dict | None, site_ids) -> str | None:
    """The site id a selected marker carries in its customdata, if it is one of `site_ids`."""
    data = (point or {}).get("customdata")
    site_id = data[0] if isinstance(data, list) else data
    return site_id if site_id in set(site_ids) else None


def back_links() -> None:
    cols = st.columns(3)
    cols[0].page_link(PAGES["map"], label="Back to the map", icon=":material/map:")
    cols[1].page_link(PAGES["overview"], label="Overview", icon=":material/dashboard:")
