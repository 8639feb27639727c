"""Country profile (`?iso3=FRA`): KPIs against Europe, sites, map, organisations, timeline and claims."""

import streamlit as st

from atlas.country_profile import CountryProfile, country_profile
from atlas.details import SITE_TABLE_COLUMNS, claims_about
from atlas.export import with_provenance
from atlas.labels import METRIC
from atlas.metrics import country_table
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


def _caption(ctx: Context, iso3: str) -> None:
    row = ctx.ds.countries.set_index("iso3").loc[iso3]
    member = "EU member" if row.eu_member else ""
    eurohpc = "EuroHPC participating state" if row.eurohpc_member is True else ""
    st.caption(md(" · ".join(x for x in [member, eurohpc, ctx.as_of_label] if x)))


def _tiles(ctx: Context, iso3: str, profile: CountryProfile) -> None:
    """Five figures, each beside the European median and the EU total."""
    bench, mine = profile.bench, profile.mine
    for col, metric in zip(st.columns(5), ["n_sites", "gpu_count", "h100e", "power_mw", "investment_eur"], strict=True):
        fmt = money if metric == "investment_eur" else number
        median, eu = fmt(bench.at[metric, "european_median"]), fmt(bench.at[metric, "eu_total"])
        col.metric(
            md(METRIC[metric]),
            fmt(mine[metric]),
            help=md(f"European median (countries with sites): {median}; EU total: {eu}"),
        )
        col.caption(md(f"median {median} · EU {eu}"))
    bids = f" {int(mine.n_bids)} bid(s) not selected are left out." if mine.n_bids else ""
    st.caption(md(f"Figures add {scope_words(ctx.stages)}, each figure once.{bids}"))
    st.caption(md(h100e_coverage_words(profile.europe_sites, ctx.ds.country_names, (iso3,), ctx.stages)))
    if ctx.filters.countries and ctx.filters.countries != (iso3,):
        st.caption("The sidebar's Country filter does not apply to a profile; its other filters do.")


def _sites_table(ctx: Context, iso3: str, sites) -> None:
    st.subheader("Sites")
    if sites.empty:
        st.info("No site in this country matches the filters: zero recorded.")
        return
    ds, as_of, shown = ctx.ds, ctx.as_of, sites[["site_id", *SITE_TABLE_COLUMNS]]
    provenance = lambda: with_provenance(shown, ds.claims, ds.sources, "site_id", "site", as_of)  # noqa: E731 -- built on click
    options = {"download": provenance, "labels": {"name": "Site"}, "hide": ("country",), "select": True}
    event = show_table(shown, "country_sites", f"atlas-{iso3}-sites.csv", **options)
    if (picked := selected_row(event)) is not None:
        open_site(ctx.filters, sites.iloc[picked].site_id)
    st.caption("Select a row to open the site's profile.")


def _map(ctx: Context, iso3: str, sites) -> None:
    def build():
        fig = europe_map(
            country_table(ctx.ds, sites),
            sites,
            "gpu_count",
            "absolute",
            "status",
            focus=[iso3],
            outside="Other countries",
        )
        return fig.update_layout(height=420, showlegend=False)

    fig = cached_figure("country_map", str(ctx.ds.directory), f"{ctx.key}|{iso3}", build)
    event = st.plotly_chart(
        fig, config=image_config(MAP_CONFIG), key="country_map", on_select="rerun", selection_mode=("points",)
    )
    if site_id := point_site(selected_point(event), sites.site_id):
        open_site(ctx.filters, site_id)
    st.caption("Click a marker to open the site.")


def _organisations_and_centres(ctx: Context, iso3: str, profile: CountryProfile) -> None:
    st.subheader("Organisations active here")
    orgs = profile.organisations
    event = show_table(
        orgs, "country_orgs", f"atlas-{iso3}-organisations.csv", labels={"name": "Organisation"}, select=True
    )
    if (picked := selected_row(event)) is not None:
        open_organisation(ctx.filters, orgs.iloc[picked].org_id)
    st.subheader("AI technology centres")
    if profile.centres.empty:
        st.caption("None recorded.")
    else:
        filename = f"atlas-{iso3}-ai-technology-centres.csv"
        show_table(profile.centres, "country_centres", filename, labels={"name": "Centre"})


def _timeline_and_claims(ctx: Context, iso3: str, sites) -> None:
    ds = ctx.ds
    st.subheader("Timeline of announcements")
    events = events_in_scope(ds.events, sites, ctx.filters.with_(countries=(iso3,)))
    if events.empty:
        st.caption("No dated event recorded.")
    else:
        st.plotly_chart(events_chart(events_per_month(events)), config=image_config(CHART_CONFIG), key="country_events")
        event_table(events, ds.sources, "country_event_log", f"atlas-{iso3}-events.csv", ctx.as_of)
    st.subheader("Every claim behind these figures")
    claims = claims_about(ds, ("country", iso3, ds.country_names[iso3]), sites, ctx.filters.as_of)
    st.caption(f"{len(claims)} claims from {claims.url.nunique()} sources")
    download = claims.assign(as_of=f"{ctx.as_of:%Y-%m-%d}")
    show_table(claims, "country_claims", f"atlas-{iso3}-claims.csv", download=download)


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    names = ctx.ds.country_names
    st.title("Country profile")
    iso3 = profile_country(ctx, names)
    if iso3 is None:
        st.caption(
            "A profile shows one country: choose it here. Opening a profile leaves the sidebar filters as they are."
        )
        back_links()
        return {}
    st.header(md(names[iso3]))
    _caption(ctx, iso3)
    profile = country_profile(ctx.ds, ctx.sites_all, ctx.filters, iso3, ctx.stages)
    _tiles(ctx, iso3, profile)
    left, right = st.columns([3, 2])
    with left:
        _sites_table(ctx, iso3, profile.sites)
    with right:
        _map(ctx, iso3, profile.sites)
    _organisations_and_centres(ctx, iso3, profile)
    _timeline_and_claims(ctx, iso3, profile.sites)
    back_links()
    return {"iso3": iso3}


run(PAGE, render=render)
