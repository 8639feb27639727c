"""Country profile (`?iso3=FRA`): KPIs against Europe, sites, map, organisations, timeline and claims."""

import streamlit as st

from atlas.details import SITE_TABLE_COLUMNS, claims_about
from atlas.export import with_provenance
from atlas.filters import apply
from atlas.labels import METRIC
from atlas.metrics import benchmarks, country_table
from atlas.timeline import events_in_scope, events_per_month
from components.data import cached_figure
from components.images import image_config
from components.nav import back_links, open_organisation, open_site, point_site, selected_point, selected_row
from components.page import Context, run
from components.tables import event_table, show_table
from figures.charts import CHART_CONFIG, events_chart
from figures.maps import MAP_CONFIG, europe_map
from figures.scope import h100e_coverage_words, scope_words
from figures.text import md, money, number

PAGE = "country"


def profile_country(ctx: Context, names: dict[str, str]) -> str | None:
    """The profile's own country (`?iso3=`), else the one country of the sidebar filter, else the user's pick.

    The profile never writes the global Country filter: choosing a country here changes only
    this page's parameter, so the Overview and Map afterwards still show what the sidebar says.
    """
    options = sorted(names, key=names.get)
    default = ctx.params.get("iso3") or (ctx.filters.countries[0] if len(ctx.filters.countries) == 1 else None)
    return st.selectbox(
        "Country",
        options,
        index=options.index(default) if default in names else None,
        format_func=names.get,
        placeholder="Choose a country",
        key="country_pick",
    )


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    ds = ctx.ds
    names = ds.country_names
    st.title("Country profile")
    iso3 = profile_country(ctx, names)
    if iso3 is None:
        st.caption(
            "A profile shows one country: choose it here. Opening a profile leaves the sidebar filters as they are."
        )
        back_links()
        return {}
    st.header(md(names[iso3]))
    row = ds.countries.set_index("iso3").loc[iso3]
    st.caption(
        md(
            " · ".join(
                x
                for x in [
                    "EU member" if row.eu_member else "",
                    "EuroHPC participating state" if row.eurohpc_member is True else "",
                    ctx.as_of_label,
                ]
                if x
            )
        )
    )

    others = apply(ctx.sites_all, ds.roles, ctx.filters.with_(countries=()))
    europe = country_table(ds, others, stages=ctx.stages)
    bench = benchmarks(europe)
    mine = europe.set_index("iso3").loc[iso3]
    cols = st.columns(5)
    for col, metric in zip(cols, ["n_sites", "gpu_count", "h100e", "power_mw", "investment_eur"], strict=True):
        fmt = money if metric == "investment_eur" else number
        col.metric(
            md(METRIC[metric]),
            fmt(mine[metric]),
            help=md(
                f"European median (countries with sites): {fmt(bench.at[metric, 'european_median'])}; EU total: {fmt(bench.at[metric, 'eu_total'])}"
            ),
        )
        col.caption(md(f"median {fmt(bench.at[metric, 'european_median'])} · EU {fmt(bench.at[metric, 'eu_total'])}"))
    bids = f" {int(mine.n_bids)} bid(s) not selected are left out." if mine.n_bids else ""
    st.caption(md(f"Figures add {scope_words(ctx.stages)}, each figure once.{bids}"))
    st.caption(md(h100e_coverage_words(others, ds.country_names, (iso3,), ctx.stages)))

    sites = apply(ctx.sites_all, ds.roles, ctx.filters.with_(countries=(iso3,)))
    if ctx.filters.countries and ctx.filters.countries != (iso3,):
        st.caption("The sidebar's Country filter does not apply to a profile; its other filters do.")
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Sites")
        if sites.empty:
            st.info("No site in this country matches the filters: zero recorded.")
        else:
            shown = sites[["site_id", *SITE_TABLE_COLUMNS]]
            as_of = ctx.as_of
            event = show_table(
                shown,
                "country_sites",
                f"atlas-{iso3}-sites.csv",
                download=lambda: with_provenance(shown, ds.claims, ds.sources, "site_id", "site", as_of),
                labels={"name": "Site"},
                hide=("country",),
                select=True,
            )
            if (row := selected_row(event)) is not None:
                open_site(ctx.filters, sites.iloc[row].site_id)
            st.caption("Select a row to open the site's profile.")
    with right:

        def build():
            fig = europe_map(
                country_table(ds, sites),
                sites,
                "gpu_count",
                "absolute",
                "status",
                focus=[iso3],
                outside="Other countries",
            )
            return fig.update_layout(height=420, showlegend=False)

        fig = cached_figure("country_map", str(ds.directory), f"{ctx.key}|{iso3}", build)
        event = st.plotly_chart(
            fig, config=image_config(MAP_CONFIG), key="country_map", on_select="rerun", selection_mode=("points",)
        )
        if site_id := point_site(selected_point(event), sites.site_id):
            open_site(ctx.filters, site_id)
        st.caption("Click a marker to open the site.")

    st.subheader("Organisations active here")
    roles = ds.roles[ds.roles.site_id.isin(sites.site_id)].merge(ds.organisations, on="org_id")
    orgs = (
        roles.groupby(["org_id", "name", "kind", "hq_country"])
        .agg(roles=("role", lambda r: ", ".join(sorted(set(r)))), sites=("site_id", "nunique"))
        .reset_index()
        .sort_values("sites", ascending=False)
    )
    event = show_table(
        orgs, "country_orgs", f"atlas-{iso3}-organisations.csv", labels={"name": "Organisation"}, select=True
    )
    if (row := selected_row(event)) is not None:
        open_organisation(ctx.filters, orgs.iloc[row].org_id)

    centres = sites[sites.kind == "ai_technology_centre"]
    st.subheader("AI technology centres")
    if centres.empty:
        st.caption("None recorded.")
    else:
        show_table(
            centres[["site_id", "name", "city", "status", "operator"]],
            "country_centres",
            f"atlas-{iso3}-ai-technology-centres.csv",
            labels={"name": "Centre"},
        )

    st.subheader("Timeline of announcements")
    events = events_in_scope(ds.events, sites, ctx.filters.with_(countries=(iso3,)))
    if events.empty:
        st.caption("No dated event recorded.")
    else:
        st.plotly_chart(events_chart(events_per_month(events)), config=image_config(CHART_CONFIG), key="country_events")
        event_table(events, ds.sources, "country_event_log", f"atlas-{iso3}-events.csv", ctx.as_of)

    st.subheader("Every claim behind these figures")
    claims_shown = claims_about(ds, ("country", iso3, names[iso3]), sites, ctx.filters.as_of)
    st.caption(f"{len(claims_shown)} claims from {claims_shown.url.nunique()} sources")
    stamp = f"{ctx.as_of:%Y-%m-%d}"
    show_table(claims_shown, "country_claims", f"atlas-{iso3}-claims.csv", download=claims_shown.assign(as_of=stamp))
    back_links()
    return {"iso3": iso3}


run(PAGE, render=render)
