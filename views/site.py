"""Site profile: every metric with all its claims, the resolved value and why, status history and delay."""

import pandas as pd
import streamlit as st

from atlas.counting import NOT_HEADLINE
from atlas.display import claim_value
from atlas.labels import CLAIM_METRIC, KIND, POWER_BASIS, SOURCE_TYPE, STATUS, STATUS_SHORT
from atlas.site_profile import SiteProfile, site_profile
from components.downloads import csv_button
from components.images import image_config
from components.nav import back_links, open_organisation, selected_row
from components.page import Context, run
from components.pickers import pick_one
from components.tables import event_table, show_table
from figures.charts import CHART_CONFIG, status_history_chart
from figures.scope import H100E_HELP
from figures.text import md, md_link, money, number

PAGE = "site"


def _pick(ctx: Context) -> str | None:
    sites = ctx.ds.sites.set_index("site_id")
    options = sorted(sites.index, key=lambda s: sites.at[s, "name"].lower())
    name_of = lambda s: f"{sites.at[s, 'name']} ({sites.at[s, 'country']})"  # noqa: E731 -- a label for the picker
    return pick_one("Site", options, name_of, "site_pick", "Choose a site", ctx.params.get("site"))


def _header(ctx: Context, site: pd.Series) -> None:
    st.header(md(site["name"]))
    city = site.city if isinstance(site.city, str) else ""
    parts = [KIND.get(site.kind, site.kind), city, site.country, ctx.as_of_label]
    st.caption(md(" · ".join(x for x in parts if x)))
    st.markdown(md(site.description))


def _tiles(row: pd.Series) -> None:
    """Stage and the four figures, each with its qualifier (model, basis, wording) in the tooltip."""
    cols = st.columns(5)
    status = row.status if isinstance(row.status, str) else None
    left_out = " · not in headline totals" if row.stage in NOT_HEADLINE else ""
    cols[0].metric(
        "Stage", STATUS_SHORT.get(status, "not stated"), help=md(STATUS.get(status, "No status claim")) + left_out
    )
    model = md(row.accelerator_model) if isinstance(row.accelerator_model, str) else "not stated"
    cols[1].metric("Accelerators (chips)", number(row.gpu_count).replace("not reported", "—"), help=f"Model: {model}")
    basis = md(f"Basis: {row.h100e_basis}. " if isinstance(row.h100e_basis, str) else "Not known. ")
    cols[2].metric("H100-equivalents", number(row.h100e).replace("not reported", "—"), help=basis + md(H100E_HELP))
    power = (
        md(f"Measures: {POWER_BASIS.get(row.power_basis, row.power_basis)}")
        if isinstance(row.power_basis, str)
        else None
    )
    cols[3].metric("Power", number(row.power_mw, "MW", 1).replace("not reported", "—"), help=power)
    stated = f"As stated: {md(row.investment_as_stated)}" if isinstance(row.investment_as_stated, str) else None
    cols[4].metric("Investment (EUR, derived)", money(row.investment_eur).replace("not reported", "—"), help=stated)


def _claims(ctx: Context, site_id: str, profile: SiteProfile) -> None:
    """One expander per metric with every claim; conflicting ones open; one CSV of them all."""
    if len(profile.conflicts):
        names = ", ".join(CLAIM_METRIC.get(m, m) for m in profile.conflicts.metric)
        st.warning(
            md(
                f"Sources disagree on {len(profile.conflicts)} metric(s): {names}. All claims are listed below; the resolved one is ticked."
            ),
            icon="⚖️",
        )
    st.subheader("Every figure, with all its claims")
    for metric, part in profile.table.groupby("metric", sort=False):
        rule = profile.resolved[profile.resolved.metric == metric].iloc[0]
        badge = " — conflicting claims" if bool(rule.conflict) else ""
        with st.expander(
            md(f"{CLAIM_METRIC.get(metric, metric)}: {rule.n_claims} claim(s){badge}"), expanded=bool(rule.conflict)
        ):
            shown = claim_value(rule.value, rule.unit if isinstance(rule.unit, str) else "", rule.value_text, metric)
            st.caption(md(f"Resolved: {shown} — why: {rule.rule}."))
            filename = f"atlas-{site_id}-{metric}-claims.csv"
            show_table(part, f"site_claims_{metric}", filename, download=part.assign(site_id=site_id), hide=("metric",))
    everything = profile.table.assign(site_id=site_id, as_of=f"{ctx.as_of:%Y-%m-%d}")
    csv_button(everything, f"atlas-{site_id}-claims.csv", "dl_site_claims", "Download all claims (CSV)")


def _delay_sentence(ctx: Context, delay: pd.Series) -> str:
    text = f"First expected online: {delay.first_expected}; latest: {delay.latest_expected}"
    if delay.slip_days and delay.slip_days > 0:
        text += f"; slipped {int(delay.slip_days)} days over {int(delay.n_slips)} change(s)"
        if bool(delay.done):
            text += " before it reached its present status"
    if bool(delay.overdue):
        text += f"; overdue {ctx.as_of_label} (the expected period has ended and it is not operational)"
    return text + "."


def _history(ctx: Context, site_id: str, profile: SiteProfile) -> None:
    st.subheader("Status history")
    if profile.status.empty:
        st.caption("No status claim.")
    else:
        st.plotly_chart(status_history_chart(profile.status), config=image_config(CHART_CONFIG), key="status_history")
    if profile.delay is not None:
        st.markdown(md(_delay_sentence(ctx, profile.delay)))
        filename = f"atlas-{site_id}-expected-online.csv"
        show_table(profile.expected, "site_expected", filename, labels={"value_text": "Expected online"})


def _people_events_sources(ctx: Context, site_id: str, profile: SiteProfile) -> None:
    st.subheader("Who is involved")
    roles = profile.roles
    filename = f"atlas-{site_id}-organisations.csv"
    pick = show_table(roles, "site_roles", filename, labels={"name": "Organisation"}, select=True)
    if (picked := selected_row(pick)) is not None:
        open_organisation(ctx.filters, roles.iloc[picked].org_id)
    if len(profile.events):
        st.subheader("Timeline")
        event_table(profile.events, ctx.ds.sources, "site_event_log", f"atlas-{site_id}-events.csv", ctx.as_of)
    st.subheader("Sources cited")
    lines = [
        f"- {md_link(s.title, s.url)} — {md(s.publisher)}, {s.published_on:%Y-%m-%d} "
        f"({md(SOURCE_TYPE.get(s.source_type, s.source_type).lower())})"
        for s in profile.cited.itertuples()
    ]
    st.markdown("\n".join(lines))


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    st.title("Site profile")
    site_id = _pick(ctx)
    if site_id is None:
        back_links()
        return {}
    profile = site_profile(ctx.ds, site_id, ctx.sites_all, ctx.filters.as_of)
    _header(ctx, profile.site)
    if profile.row is None:
        st.info(md(f"No claim about this site had been made by {ctx.as_of:%Y-%m-%d}. Clear the as-of date to see it."))
        return {"site": site_id}
    _tiles(profile.row)
    _claims(ctx, site_id, profile)
    _history(ctx, site_id, profile)
    _people_events_sources(ctx, site_id, profile)
    back_links()
    return {"site": site_id}


run(PAGE, render=render)
