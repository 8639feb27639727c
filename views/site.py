"""Site profile: every metric with all its claims, the resolved value and why, status history and delay."""

import pandas as pd
import streamlit as st

from atlas.counting import NOT_HEADLINE
from atlas.details import claims_table
from atlas.display import claim_value
from atlas.history import delays, expected_online_history, status_history
from atlas.labels import CLAIM_METRIC, KIND, POWER_BASIS, SOURCE_TYPE, STATUS, STATUS_SHORT
from atlas.resolve import claims_as_of, resolve
from atlas.timeline import events_for
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


def render(ctx: Context) -> dict:
    """Draw the page; return its own URL parameters."""
    ds = ctx.ds
    sites = ds.sites.set_index("site_id")
    requested = ctx.params.get("site")
    st.title("Site profile")
    options = sorted(sites.index, key=lambda s: sites.at[s, "name"].lower())
    site_id = pick_one(
        "Site",
        options,
        lambda s: f"{sites.at[s, 'name']} ({sites.at[s, 'country']})",
        "site_pick",
        "Choose a site",
        requested,
    )
    if site_id is None:
        back_links()
        return {}

    site = sites.loc[site_id]
    as_of = ctx.filters.as_of
    st.header(md(site["name"]))
    st.caption(
        md(
            " · ".join(
                x
                for x in [
                    KIND.get(site.kind, site.kind),
                    site.city if isinstance(site.city, str) else "",
                    site.country,
                    ctx.as_of_label,
                ]
                if x
            )
        )
    )
    st.markdown(md(site.description))
    known = ctx.sites_all.set_index("site_id")
    if site_id not in known.index:
        st.info(md(f"No claim about this site had been made by {as_of:%Y-%m-%d}. Clear the as-of date to see it."))
        return {"site": site_id}
    row = known.loc[site_id]
    cols = st.columns(5)
    status = row.status if isinstance(row.status, str) else None
    cols[0].metric(
        "Stage",
        STATUS_SHORT.get(status, "not stated"),
        help=md(STATUS.get(status, "No status claim"))
        + (" · not in headline totals" if row.stage in NOT_HEADLINE else ""),
    )
    cols[1].metric(
        "Accelerators (chips)",
        number(row.gpu_count).replace("not reported", "—"),
        help=f"Model: {md(row.accelerator_model) if isinstance(row.accelerator_model, str) else 'not stated'}",
    )
    cols[2].metric(
        "H100-equivalents",
        number(row.h100e).replace("not reported", "—"),
        help=md(f"Basis: {row.h100e_basis}. " if isinstance(row.h100e_basis, str) else "Not known. ") + md(H100E_HELP),
    )
    cols[3].metric(
        "Power",
        number(row.power_mw, "MW", 1).replace("not reported", "—"),
        help=md(f"Measures: {POWER_BASIS.get(row.power_basis, row.power_basis)}")
        if isinstance(row.power_basis, str)
        else None,
    )
    cols[4].metric(
        "Investment (EUR, derived)",
        money(row.investment_eur).replace("not reported", "—"),
        help=f"As stated: {md(row.investment_as_stated)}" if isinstance(row.investment_as_stated, str) else None,
    )

    claims = claims_as_of(ds.claims[(ds.claims.subject_type == "site") & (ds.claims.subject_id == site_id)], as_of)
    resolved = resolve(claims, ds.sources)
    conflicts = resolved[resolved.conflict.fillna(False)]
    if len(conflicts):
        st.warning(
            md(
                f"Sources disagree on {len(conflicts)} metric(s): {', '.join(CLAIM_METRIC.get(m, m) for m in conflicts.metric)}. All claims are listed below; the resolved one is ticked."
            ),
            icon="⚖️",
        )

    st.subheader("Every figure, with all its claims")
    table = claims_table(ds, "site", site_id, as_of)
    for metric, part in table.groupby("metric", sort=False):
        rule = resolved[resolved.metric == metric].iloc[0]
        badge = " — conflicting claims" if bool(rule.conflict) else ""
        title = CLAIM_METRIC.get(metric, metric)
        with st.expander(md(f"{title}: {rule.n_claims} claim(s){badge}"), expanded=bool(rule.conflict)):
            unit = rule.unit if isinstance(rule.unit, str) else ""
            shown = claim_value(rule.value, unit, rule.value_text, metric)
            st.caption(md(f"Resolved: {shown} — why: {rule.rule}."))
            show_table(
                part,
                f"site_claims_{metric}",
                f"atlas-{site_id}-{metric}-claims.csv",
                download=part.assign(site_id=site_id),
                hide=("metric",),
            )

    stamp = f"{ctx.as_of:%Y-%m-%d}"
    csv_button(
        table.assign(site_id=site_id, as_of=stamp),
        f"atlas-{site_id}-claims.csv",
        "dl_site_claims",
        "Download all claims (CSV)",
    )

    st.subheader("Status history")
    history = status_history(claims)
    if history.empty:
        st.caption("No status claim.")
    else:
        st.plotly_chart(status_history_chart(history), config=image_config(CHART_CONFIG), key="status_history")
    expected = expected_online_history(claims)
    if len(expected):
        delay = delays(expected, pd.Series({site_id: row.status}), ctx.as_of).iloc[0]
        text = f"First expected online: {delay.first_expected}; latest: {delay.latest_expected}"
        if delay.slip_days and delay.slip_days > 0:
            text += f"; slipped {int(delay.slip_days)} days over {int(delay.n_slips)} change(s)"
            if bool(delay.done):
                text += " before it reached its present status"
        if bool(delay.overdue):
            text += f"; overdue {ctx.as_of_label} (the expected period has ended and it is not operational)"
        st.markdown(md(text + "."))
        history = expected[["claimed_on", "value_text", "slipped", "as_stated", "source_id"]].merge(
            ds.sources[["source_id", "url"]], on="source_id", how="left"
        )
        show_table(
            history,
            "site_expected",
            f"atlas-{site_id}-expected-online.csv",
            labels={"value_text": "Expected online"},
        )

    st.subheader("Who is involved")
    roles = ds.roles[ds.roles.site_id == site_id].merge(ds.organisations, on="org_id")
    pick = show_table(
        roles[["name", "role", "kind", "hq_country", "org_id", "source_id"]],
        "site_roles",
        f"atlas-{site_id}-organisations.csv",
        labels={"name": "Organisation"},
        select=True,
    )
    if (row := selected_row(pick)) is not None:
        open_organisation(ctx.filters, roles.iloc[row].org_id)

    events = events_for(ds.events, ds.sites[ds.sites.site_id == site_id], as_of=as_of)
    if len(events):
        st.subheader("Timeline")
        event_table(events, ds.sources, "site_event_log", f"atlas-{site_id}-events.csv", ctx.as_of)
    st.subheader("Sources cited")
    cited = ds.sources[ds.sources.source_id.isin(claims.source_id)].sort_values("published_on", ascending=False)
    st.markdown(
        "\n".join(
            f"- {md_link(s.title, s.url)} — {md(s.publisher)}, {s.published_on:%Y-%m-%d} ({md(SOURCE_TYPE.get(s.source_type, s.source_type).lower())})"
            for s in cited.itertuples()
        )
    )
    back_links()
    return {"site": site_id}


run(PAGE, render=render)
