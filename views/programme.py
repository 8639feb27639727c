"""Programme profile (`?programme_id=nvidia-gtc-paris-2025`): what a programme named, and its own claims."""

import streamlit as st

from atlas.metrics import kpis
from atlas.programmes import programme_profile
from components.nav import back_links, open_organisation, open_site, selected_row
from components.page import Context, run
from components.tables import capacity_tiles, event_table, show_table
from figures.scope import left_out_sentence, scope_words
from figures.text import md

PAGE = "programme"


def _pick(ctx: Context) -> str | None:
    programmes = ctx.ds.programmes.set_index("programme_id")
    options = sorted(programmes.index, key=lambda p: programmes.at[p, "name"].lower())
    default = ctx.params.get("programme_id") or (
        ctx.filters.programmes[0] if len(ctx.filters.programmes) == 1 else None
    )
    return st.selectbox(
        "Programme",
        options,
        index=options.index(default) if default in options else None,
        format_func=lambda p: programmes.at[p, "name"],
        placeholder="Choose a programme",
        key="programme_pick",
    )


def _tiles(ctx: Context, profile) -> None:
    totals = kpis(ctx.sites_all.iloc[0:0] if profile.sites.empty else profile.sites, ctx.stages)
    capacity_tiles(totals, "Sites it names")
    st.caption(
        "Totals of the sites the programme names, each figure resolved per site; the programme's own "
        "figures (below) are never added to them. "
        + md(left_out_sentence(totals, ctx.as_of_label, scope_words(ctx.stages)))
    )


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Programme profile")
    programme_id = _pick(ctx)
    if programme_id is None:
        st.caption("A programme's page lists the sites it named and its own claims, with their sources.")
        back_links()
        return {}
    profile = programme_profile(ctx.ds, ctx.sites_all, programme_id, ctx.filters.as_of)
    st.header(md(profile.programme["name"]))
    st.caption(md(f"{profile.programme.description} · {ctx.as_of_label}"))
    _tiles(ctx, profile)

    st.subheader("What it named: sites")
    event = show_table(
        profile.sites, "programme_sites", f"atlas-{programme_id}-sites.csv", labels={"name": "Site"}, select=True
    )
    if (row := selected_row(event)) is not None:
        open_site(ctx.filters, profile.sites.iloc[row].site_id)
    st.subheader("Organisations at those sites")
    picked = show_table(
        profile.organisations,
        "programme_orgs",
        f"atlas-{programme_id}-organisations.csv",
        labels={"name": "Organisation"},
        select=True,
    )
    if (row := selected_row(picked)) is not None:
        open_organisation(ctx.filters, profile.organisations.iloc[row].org_id)

    st.subheader("The programme's own claims")
    st.caption(
        "Figures stated for the programme as a whole, as worded by each source; conflicting claims side by side."
    )
    stamp = f"{ctx.as_of:%Y-%m-%d}"
    show_table(
        profile.claims,
        "programme_claims",
        f"atlas-{programme_id}-claims.csv",
        download=profile.claims.assign(as_of=stamp),
    )
    if not profile.events.empty:
        st.subheader("Events naming its sites")
        event_table(profile.events, ctx.ds.sources, "programme_events", f"atlas-{programme_id}-events.csv", ctx.as_of)
    back_links()
    return {"programme_id": programme_id}


run(PAGE, render=render)
