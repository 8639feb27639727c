"""Organisation profile (`?org=nvidia`): roles across sites and countries, capacity, timeline and claims."""

import streamlit as st

from atlas.metrics import kpis
from atlas.timeline import events_for, events_per_month
from components.charts import CHART_CONFIG, events_chart
from components.details import claims_about
from components.downloads import csv_button
from components.images import image_config
from components.nav import back_links, open_country, open_site, selected_row
from components.page import Context, run
from components.pickers import pick_one
from components.scope import left_out_sentence, scope_words
from components.state import set_filters
from components.tables import CLAIM_COLUMNS, SITE_COLUMNS, capped
from components.text import md, money, number

PAGE = "organisation"


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    ds = ctx.ds
    orgs = ds.organisations.set_index("org_id")
    st.title("Organisation profile")
    chosen = ctx.filters.organisations
    if len(chosen) != 1:
        options = list(chosen) or sorted(orgs.index, key=lambda o: orgs.at[o, "name"].lower())
        pick = pick_one("Organisation", options, lambda o: orgs.at[o, "name"], "org_pick", "Choose an organisation")
        if pick is None:
            back_links()
            return {}
        set_filters(ctx.filters.with_(organisations=(pick,)))
        st.rerun()

    org_id = chosen[0]
    org = orgs.loc[org_id]
    st.header(md(org["name"]))
    st.caption(md(" · ".join(x for x in [org.kind.replace("_", " "), f"HQ {org.hq_country}", ctx.as_of_label] if x)))
    if isinstance(org.website, str):
        st.link_button("Website ↗", org.website)

    roles = ds.roles[ds.roles.org_id == org_id].merge(ctx.sites, on="site_id")
    totals = kpis(ctx.sites, ctx.stages)
    cols = st.columns(5)
    cols[0].metric("Sites", f"{totals['sites']:,}")
    cols[1].metric("Countries", f"{totals['countries']:,}")
    cols[2].metric("Accelerators at its sites", number(totals["gpu_count"]))
    cols[3].metric("Power at its sites", number(totals["power_mw"], "MW"))
    cols[4].metric("Investment at its sites", money(totals["investment_eur"]))
    st.caption(
        "Capacity is the total of the sites where it has any role; it is not the organisation's own share. "
        + md(left_out_sentence(totals, ctx.as_of_label, scope_words(ctx.stages)))
    )

    st.subheader("Roles across sites")
    table = roles[["name", "role", "country", "kind", "status", "gpu_count", "power_mw", "site_id"]]
    event = st.dataframe(
        capped(table.drop(columns="site_id")),
        hide_index=True,
        width="stretch",
        column_config=SITE_COLUMNS,
        on_select="rerun",
        selection_mode="single-row",
        key="org_sites",
    )
    if (row := selected_row(event)) is not None:
        open_site(ctx.filters, table.iloc[row].site_id)
    by_country = roles.groupby("country").site_id.nunique().rename("sites").reset_index()
    if len(by_country):
        picked = st.dataframe(
            by_country, hide_index=True, on_select="rerun", selection_mode="single-row", key="org_countries"
        )
        if (row := selected_row(picked)) is not None:
            open_country(ctx.filters.with_(organisations=()), by_country.iloc[row].country)

    st.subheader("Timeline")
    events = events_for(ds.events, organisations=(org_id,), as_of=ctx.filters.as_of)
    if events.empty:
        st.caption("No dated event names this organisation.")
    else:
        st.plotly_chart(events_chart(events_per_month(events)), config=image_config(CHART_CONFIG), key="org_events")
        st.dataframe(
            capped(events[["date", "title", "kind"]].sort_values("date")),
            hide_index=True,
            width="stretch",
            column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD")},
        )

    st.subheader("Claims")
    claims_shown = claims_about(
        ds, ("organisation", org_id, org["name"]), roles.drop_duplicates("site_id"), ctx.filters.as_of
    )
    own = int((claims_shown.subject == org["name"]).sum())
    st.caption(f"{own:,} claims about the organisation itself, {len(claims_shown) - own:,} about its sites")
    st.dataframe(capped(claims_shown), hide_index=True, width="stretch", column_config=CLAIM_COLUMNS)
    stamp = f"{ctx.filters.as_of or ds.as_of:%Y-%m-%d}"
    csv_button(claims_shown.assign(as_of=stamp), f"atlas-{org_id}-claims.csv", "dl_org_claims")
    back_links()
    return {}


run(PAGE, render=render)
