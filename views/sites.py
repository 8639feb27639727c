"""Sites explorer: every site in one sortable, searchable table; a row opens the site's profile."""

import streamlit as st

from atlas.explorer import SORT_LABELS, SORTS, explorer_table, narrow, sort, stage_options
from atlas.labels import STATUS_GROUP
from components.nav import open_site, selected_row
from components.page import Context, caption_filters, run
from components.tables import show_table
from figures.scope import scope_words
from figures.text import md

PAGE = "sites"
LABELS = {"name": "Site", "country_name": "Country", "parent_name": "Part of", "stage": "Stage"}


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Sites explorer")
    caption_filters(ctx)
    names = ctx.ds.country_names
    table = explorer_table(ctx.sites, names, ctx.stages)
    cols = st.columns([3, 3, 2])
    query = cols[0].text_input(
        "Search sites",
        value=ctx.params.get("q") or "",
        key="sites_q",
        max_chars=200,
        placeholder="Name, town, operator, country, chip…",
        help="Press Enter to apply. Matches the text literally, in any case.",
    )
    options = stage_options(table)
    picked = cols[1].multiselect(
        "Stage",
        options,
        default=[s for s in ctx.params.get("stage") or () if s in options],
        format_func=lambda s: STATUS_GROUP.get(s, s),
        key="sites_stage",
        placeholder="Every stage",
    )
    order = cols[2].selectbox(
        "Sort by",
        list(SORTS),
        index=list(SORTS).index(ctx.params.get("sort") or "updated"),
        format_func=SORT_LABELS.get,
        key="sites_sort",
    )
    shown = sort(narrow(table, query, tuple(picked)), order)
    st.caption(
        md(
            f"{len(shown):,} of {len(table):,} sites. “In totals” says whether a site's figures enter the totals, "
            f"which add {scope_words(ctx.stages)}, each figure once. Pick a row to open its profile."
        )
    )
    event = show_table(
        shown.drop(columns="parent_site_id"),
        "sites_table",
        "atlas-sites-explorer.csv",
        download=lambda: shown.assign(as_of=f"{ctx.as_of:%Y-%m-%d}"),
        labels=LABELS,
        select=True,
    )
    if (row := selected_row(event)) is not None:
        open_site(ctx.filters, shown.iloc[row].site_id)
    return {"q": query.strip(), "stage": tuple(picked), "sort": order if order != "updated" else ""}


run(PAGE, render=render)
