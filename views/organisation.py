"""Organisation profile (`?org_id=nvidia`): roles across sites and countries, capacity, timeline and claims."""

import streamlit as st

from atlas.details import claims_about
from atlas.display import country_names
from atlas.filters import apply
from atlas.labels import ORG_KIND
from atlas.metrics import kpis
from atlas.timeline import events_for, events_per_month
from components.images import image_config
from components.nav import back_links, open_country, open_site, selected_row
from components.page import Context, run
from components.tables import capacity_tiles, event_table, show_table
from figures.charts import CHART_CONFIG, events_chart
from figures.scope import left_out_sentence, scope_words
from figures.text import md


def _headquarters(code: object, ds) -> str:
    if not isinstance(code, str):
        return ""
    return "headquarters: " + country_names(code, ds.country_names)


PAGE = "organisation"


def _pick(ctx: Context, orgs) -> str | None:
    options = sorted(orgs.index, key=lambda o: orgs.at[o, "name"].lower())
    one = ctx.filters.organisations[0] if len(ctx.filters.organisations) == 1 else None
    default = ctx.params.get("org_id") or one
    return st.selectbox(
        "Organisation",
        options,
        index=options.index(default) if default in orgs.index else None,
        format_func=lambda o: orgs.at[o, "name"],
        placeholder="Choose an organisation",
        key="org_pick",
    )


def _header_and_tiles(ctx: Context, org, sites) -> None:
    st.header(md(org["name"]))
    kind = ORG_KIND.get(org.kind, org.kind)
    st.caption(md(" · ".join(x for x in [kind, _headquarters(org.hq_country, ctx.ds), ctx.as_of_label] if x)))
    if isinstance(org.website, str):
        st.link_button("Website ↗", org.website)
    totals = kpis(sites)
    capacity_tiles(totals, "Sites")
    st.caption(
        "Capacity is the total of the sites where it has any role; it is not the organisation's own share. "
        + md(left_out_sentence(totals, ctx.as_of_label, scope_words(ctx.stages)))
    )


def _roles(ctx: Context, org_id: str, roles) -> None:
    st.subheader("Roles across sites")
    table = roles[["name", "role", "country", "kind", "status", "gpu_count", "power_mw", "site_id"]]
    event = show_table(table, "org_sites", f"atlas-{org_id}-sites.csv", labels={"name": "Site"}, select=True)
    if (picked := selected_row(event)) is not None:
        open_site(ctx.filters, table.iloc[picked].site_id)
    by_country = roles.groupby("country").site_id.nunique().rename("sites").reset_index()
    if len(by_country):
        event = show_table(by_country, "org_countries", f"atlas-{org_id}-countries.csv", select=True)
        if (picked := selected_row(event)) is not None:
            open_country(ctx.filters, by_country.iloc[picked].country)


def _timeline_and_claims(ctx: Context, org_id: str, org, roles) -> None:
    ds = ctx.ds
    st.subheader("Timeline")
    events = events_for(ds.events, organisations=(org_id,), as_of=ctx.filters.as_of)
    if events.empty:
        st.caption("No dated event names this organisation.")
    else:
        st.plotly_chart(events_chart(events_per_month(events)), config=image_config(CHART_CONFIG), key="org_events")
        event_table(events, ds.sources, "org_event_log", f"atlas-{org_id}-events.csv", ctx.as_of)
    st.subheader("Claims")
    claims = claims_about(
        ds, ("organisation", org_id, org["name"]), roles.drop_duplicates("site_id"), ctx.filters.as_of
    )
    own = int((claims.subject == org["name"]).sum())
    st.caption(f"{own:,} claims about the organisation itself, {len(claims) - own:,} about its sites")
    download = claims.assign(as_of=f"{ctx.as_of:%Y-%m-%d}")
    show_table(claims, "org_claims", f"atlas-{org_id}-claims.csv", download=download)


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    orgs = ctx.ds.organisations.set_index("org_id")
    st.title("Organisation profile")
    org_id = _pick(ctx, orgs)
    if org_id is None:
        st.caption("Opening a profile leaves the sidebar filters as they are.")
        back_links()
        return {}
    # The profile's own organisation; the sidebar's Organisation filter does not apply here.
    sites = apply(ctx.sites_all, ctx.ds.roles, ctx.filters.with_(organisations=(org_id,)))
    roles = ctx.ds.roles[ctx.ds.roles.org_id == org_id].merge(sites, on="site_id")
    _header_and_tiles(ctx, orgs.loc[org_id], sites)
    _roles(ctx, org_id, roles)
    _timeline_and_claims(ctx, org_id, orgs.loc[org_id], roles)
    back_links()
    return {"org_id": org_id}


run(PAGE, render=render)
