"""What changed: new sites, status changes, revised and new figures, and new sources between two dates.

Built on `atlas.changes.changes`, the same function as `python -m atlas changes`.
"""

import datetime as dt

import pandas as pd
import streamlit as st

from atlas.changes import KINDS, changes, summary
from components.data import cached_result
from components.page import Context, caption_filters, run
from components.tables import show_table
from figures.text import md

PAGE = "changes"
DEFAULT_DAYS = 90
COLUMNS = {
    "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
    "change_label": st.column_config.TextColumn("Change"),
    "subject": st.column_config.TextColumn("Subject"),
    "metric": st.column_config.TextColumn("Metric"),
    "old_value": st.column_config.TextColumn("Before"),
    "new_value": st.column_config.TextColumn("Now"),
    "claim_id": st.column_config.TextColumn("Claim"),
    "url": st.column_config.LinkColumn("Source", display_text="open ↗"),
    "old_claim_id": st.column_config.TextColumn("Earlier claim"),
    "old_url": st.column_config.LinkColumn("Earlier source", display_text="open ↗"),
    "profile": st.column_config.LinkColumn("Profile", display_text="open ↗"),
    "publisher": st.column_config.TextColumn("Publisher"),
    "old_date": st.column_config.DateColumn("Earlier claim dated", format="YYYY-MM-DD"),
}
LABELS = {
    "change_label": "Change",
    "subject": "Subject",
    "old_value": "Before",
    "new_value": "Now",
    "claim_id": "Claim",
    "old_claim_id": "Earlier claim",
    "old_url": "Earlier source",
    "profile": "Profile",
    "old_date": "Earlier claim dated",
}
PROFILE_PAGES = {"site": ("site", "site"), "country": ("country", "country"), "organisation": ("organisation", "org")}


def profile_links(frame: pd.DataFrame) -> pd.Series:
    """A relative link to each row's profile page (site, country or organisation), empty otherwise."""
    links = pd.Series(pd.NA, index=frame.index, dtype="string")
    for subject_type, (path, param) in PROFILE_PAGES.items():
        rows = frame.subject_type == subject_type
        links[rows] = path + "?" + param + "=" + frame.subject_id[rows]
    return links


def _window(ctx: Context) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The two dates from the pickers (seeded from the URL; default: 90 days before the as-of date)."""
    as_of = pd.Timestamp(ctx.as_of)
    first = ctx.ds.claims.claimed_on.min().date()
    until_default = pd.Timestamp(ctx.params.get("until") or as_of).date()
    since_default = pd.Timestamp(ctx.params.get("since") or as_of - pd.Timedelta(days=DEFAULT_DAYS)).date()
    today = dt.date.today()
    cols = st.columns(2)
    since = cols[0].date_input(
        "Changes since",
        value=max(first, min(since_default, today)),
        min_value=first,
        max_value=today,
        format="YYYY-MM-DD",
        key="chg_since",
        help=md(f"First day (inclusive). Default: {DEFAULT_DAYS} days before the data's as-of date."),
    )
    until = cols[1].date_input(
        "Until",
        value=max(first, min(until_default, today)),
        min_value=first,
        max_value=today,
        format="YYYY-MM-DD",
        key="chg_until",
        help="Last day (inclusive). Default: the as-of date.",
    )
    return pd.Timestamp(since or since_default), pd.Timestamp(until or until_default)


def _scoped(ctx: Context, frame: pd.DataFrame) -> pd.DataFrame:
    """Site rows limited to the sites the sidebar filters keep (other subjects and sources stay)."""
    if ctx.filters.is_default:
        return frame
    keep = (frame.subject_type != "site") | frame.subject_id.isin(ctx.sites.site_id)
    return frame[keep]


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("What changed")
    caption_filters(ctx)
    since, until = _window(ctx)
    if until < since:
        st.warning(md(f"'Until' ({until:%Y-%m-%d}) is before 'Changes since' ({since:%Y-%m-%d}): pick a later date."))
        return {"since": since, "until": until}
    key = f"{since:%Y-%m-%d}|{until:%Y-%m-%d}"
    found = cached_result("changes", str(ctx.ds.directory), key, lambda: changes(ctx.ds, since, until))
    found = _scoped(ctx, found)
    counts = summary(found)
    st.caption(
        md(
            f"From {since:%Y-%m-%d} to {until:%Y-%m-%d}, by the dates the claims were made and sources published. "
            "A figure confirmed with the same value is no change; a new site is listed once."
        )
    )
    for col, (kind, label) in zip(st.columns(len(KINDS)), KINDS.items(), strict=True):
        col.metric(md(label + "s"), counts[kind])
    picked = st.multiselect(
        "Show", list(KINDS), format_func=KINDS.get, key="chg_kinds", placeholder="Every kind of change"
    )
    table = found[found.change.isin(picked)] if picked else found
    table = table.assign(change_label=table.change.map(KINDS), profile=profile_links(table))
    shown = table[list(COLUMNS)].sort_values("date", ascending=False, kind="stable")
    if shown.empty:
        st.info("Nothing changed between these dates.")
    else:
        show_table(
            shown,
            "dl_changes",
            f"atlas-changes-{since:%Y-%m-%d}-{until:%Y-%m-%d}.csv",
            download=lambda: shown.drop(columns=["profile"]).assign(
                since=f"{since:%Y-%m-%d}", until=f"{until:%Y-%m-%d}"
            ),
            labels=LABELS,
        )
    as_of = pd.Timestamp(ctx.as_of)
    default_since = as_of - pd.Timedelta(days=DEFAULT_DAYS)
    return {"since": since if since != default_since else None, "until": until if until != as_of else None}


run(PAGE, render=render)
